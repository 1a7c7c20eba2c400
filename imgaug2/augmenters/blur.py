"""Blurring: GaussianBlur, AverageBlur, MedianBlur, BilateralBlur, MotionBlur, MeanShiftBlur.

Pixel-only augmenters: keypoints, boxes, polygons, line strings, heatmaps and segmentation
maps pass through unchanged. Kernels live in :mod:`imgaug2.augmenters._kernels.blur`.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import blur as kernels
from imgaug2.augmenters.convolutional import Convolve
from imgaug2.augmenters.meta import Augmenter
from imgaug2.imgaug import _check_image as check_image

__all__ = ["GaussianBlur", "AverageBlur", "MedianBlur", "BilateralBlur", "MotionBlur",
           "MeanShiftBlur", "blur_gaussian_", "blur_mean_shift_"]

_GAUSSIAN_ALLOWED = ("bool uint8 uint16 uint32 uint64 int8 int16 int32 int64 "
                     "float16 float32 float64")
_GAUSSIAN_DISALLOWED = "float128"
_AVERAGE_ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
_AVERAGE_DISALLOWED = "uint32 uint64 int32 int64 float128"
_MEDIAN_ALLOWED = "uint8 uint16 float32"
_MEDIAN_DISALLOWED = ("bool uint32 uint64 int8 int16 int32 int64 float16 float64 "
                      "float128")
_ONLY_UINT8_DISALLOWED = ("bool uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 "
                          "float64 float128")


def blur_gaussian_(image: np.ndarray, sigma: float, ksize: int | None = None,
                   backend: str = "auto", eps: float = 1e-3) -> np.ndarray:
    """Gaussian blur of one ``(H,W)`` or ``(H,W,C)`` image; returns the blurred image.

    ``sigma <= eps`` (or an empty image) returns the input unchanged. ``ksize`` (cv2 backend
    only; made odd) defaults to imgaug's rule. ``backend``: ``"auto"`` (cv2, scipy for
    uint32/uint64/int64), ``"cv2"`` or ``"scipy"`` (mode ``mirror``, ignores ``ksize``).
    dtypes: bool, uint8-64, int8-64, float16-64 (cv2 rejects uint32/uint64/int64); float128
    raises. The input is not modified (imgaug *may* modify it in place).
    """
    check_image(image)
    iadt.gate_dtypes_strs(image, _GAUSSIAN_ALLOWED, _GAUSSIAN_DISALLOWED)
    if not sigma > eps or image.size == 0:
        return image
    return kernels.blur_gaussian(image, float(sigma), ksize, backend)


def blur_mean_shift_(image: np.ndarray, spatial_window_radius: float,
                     color_window_radius: float) -> np.ndarray:
    """Pyramid mean-shift filtering (``cv2.pyrMeanShiftFiltering``) of one uint8 image.

    Shapes ``(H,W)``, ``(H,W,1)`` (tiled to 3 channels internally) or ``(H,W,3)``; no
    colour-space conversion. Negative radii count as 0. Returns a new array.
    """
    check_image(image)
    if image.dtype != np.uint8:
        raise iadt.UnsupportedDtypeError(
            f"blur_mean_shift_ expects a uint8 image, got dtype {image.dtype.name}")
    if image.ndim == 3 and image.shape[2] not in (1, 3):
        raise ValueError(f"blur_mean_shift_ expects (H,W), (H,W,1) or (H,W,3), got shape "
                         f"{image.shape}")
    if 0 in image.shape[0:2]:
        return image.copy()
    gray = image.ndim == 2 or image.shape[2] == 1
    work = np.ascontiguousarray(image)
    if gray:
        plane = work if work.ndim == 2 else work[..., 0]
        work = cv2.merge([plane, plane, plane])
    out = cv2.pyrMeanShiftFiltering(work, max(float(spatial_window_radius), 0.0),
                                    max(float(color_window_radius), 0.0))
    if image.ndim == 2:
        return out[..., 0].copy()
    return out[..., 0:1].copy() if gray else out


class _Blur(Augmenter):
    """Samples per-image values (``_draw``) and blurs rows one by one (``_blur``)."""

    _allowed, _disallowed = _GAUSSIAN_ALLOWED, _GAUSSIAN_DISALLOWED

    def _draw(self, n: int, rng) -> list:
        raise NotImplementedError

    def _blur(self, image: np.ndarray, values: list) -> np.ndarray:
        raise NotImplementedError

    def _check_channels(self, images: Any) -> None:
        return None

    def _augment_batch_(self, batch, random_state, parents, hooks):
        images = batch.images
        if images is None:
            return batch
        iadt.check_images_dtypes(images, self._allowed, self._disallowed, self)
        self._check_channels(images)
        samples = self._draw(len(images), random_state)
        out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
        for i, image in enumerate(images):
            out[i] = image if image.size == 0 else self._blur(image, [s[i] for s in samples])
        batch.images = out
        return batch


class GaussianBlur(_Blur):
    """Gaussian blur with standard deviation ``sigma`` (per image; ``<= 0.001``: no change).

    dtypes: see :func:`blur_gaussian_` (``backend="auto"``).
    """

    def __init__(self, sigma: Any = (0.0, 3.0), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0, None))
        self.eps = 1e-3

    def _draw(self, n, rng):
        return [self.sigma.draw_samples((n,), random_state=rng)]

    def _blur(self, image, values):
        sigma = float(values[0])
        if not sigma > self.eps:
            return image
        return kernels.blur_gaussian(image, sigma)

    def get_parameters(self) -> list:
        return [self.sigma]


class AverageBlur(_Blur):
    """Mean filter with kernel size ``k``: int, ``(a, b)`` range, list, parameter, or
    ``((h...), (w...))`` for separate height and width (reflect-101 borders).

    ``k`` of 0 on an axis or ``1 x 1`` leaves the image unchanged.
    dtypes: bool, uint8, uint16, int8, int16, float16, float32, float64.
    """

    _allowed, _disallowed = _AVERAGE_ALLOWED, _AVERAGE_DISALLOWED

    def __init__(self, k: Any = (1, 7), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_kernel_size_param(k, "k", value_range=(0, None))

    def _draw(self, n, rng):
        kh = self.k[0].draw_samples((n,), random_state=rng)
        kw = kh if self.k[1] is None else self.k[1].draw_samples((n,), random_state=rng)
        return [kh, kw]

    def _blur(self, image, values):
        return kernels.blur_avg(image, int(values[0]), int(values[1]))

    def get_parameters(self) -> list:
        return [self.k]


class MedianBlur(_Blur):
    """Median filter with odd kernel size ``k`` (sampled even sizes are increased by 1;
    ``k <= 1`` leaves the image unchanged; replicated borders).

    dtypes: uint8 (``cv2.medianBlur``, any ``k``), uint16 and float32 (cv2 for ``k <= 5``,
    SciPy's identical median filter above); other dtypes raise.
    """

    _allowed, _disallowed = _MEDIAN_ALLOWED, _MEDIAN_DISALLOWED

    def __init__(self, k: Any = (1, 7), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_param(k, "k", value_range=(1, None), allow_floats=False)
        values = [k] if isinstance(k, (int, np.integer)) else (
            list(k) if isinstance(k, (tuple, list)) else [])
        even = [v for v in values if isinstance(v, (int, np.integer)) and v % 2 == 0]
        if even:
            raise ValueError(f"MedianBlur: k must be odd, got {even[0]}; add or subtract 1")

    def _draw(self, n, rng):
        k = np.asarray(self.k.draw_samples((n,), random_state=rng))
        return [np.where(k % 2 == 0, k + 1, k)]

    def _blur(self, image, values):
        return kernels.blur_median(image, int(values[0]))

    def get_parameters(self) -> list:
        return [self.k]


class BilateralBlur(_Blur):
    """Edge-preserving bilateral filter (``cv2.bilateralFilter``); ``d == 1`` leaves the image
    unchanged. dtypes: uint8; images must have 3 channels (imgaug's rule)."""

    _allowed, _disallowed = "uint8", _ONLY_UINT8_DISALLOWED

    def __init__(self, d: Any = (1, 9), sigma_color: Any = (10, 250),
                 sigma_space: Any = (10, 250), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.d = iap.handle_discrete_param(d, "d", value_range=(1, None), allow_floats=False)
        self.sigma_color = iap.handle_continuous_param(sigma_color, "sigma_color",
                                                       value_range=(1, None))
        self.sigma_space = iap.handle_continuous_param(sigma_space, "sigma_space",
                                                       value_range=(1, None))

    def _check_channels(self, images):
        channels = sorted({image.shape[2] for image in images})
        if channels != [3]:
            raise ValueError(f"BilateralBlur can only be applied to images with 3 channels, "
                             f"got channel counts {channels}")

    def _draw(self, n, rng):
        return [self.d.draw_samples((n,), random_state=rng),
                self.sigma_color.draw_samples((n,), random_state=rng),
                self.sigma_space.draw_samples((n,), random_state=rng)]

    def _blur(self, image, values):
        if int(values[0]) == 1:
            return image
        return kernels.blur_bilateral(image, int(values[0]), float(values[1]),
                                      float(values[2]))

    def get_parameters(self) -> list:
        return [self.d, self.sigma_color, self.sigma_space]


class _MotionBlurMatrixGenerator:
    """Picklable matrix callable for :class:`MotionBlur` (see ``kernels.motion_kernel``)."""

    def __init__(self, k: Any, angle: Any, direction: Any, order: int) -> None:
        self.k = k
        self.angle = angle
        self.direction = direction
        self.order = order

    def __call__(self, image: np.ndarray, nb_channels: int, random_state) -> np.ndarray:
        k = int(self.k.draw_sample(random_state=random_state))
        angle = float(self.angle.draw_sample(random_state=random_state))
        direction = float(self.direction.draw_sample(random_state=random_state))
        return kernels.motion_kernel(k, angle, direction, self.order)


class MotionBlur(Convolve):
    """Blur along a line of ``k`` pixels (``k`` made odd, >= 3) at ``angle`` degrees
    (clockwise from the top); ``direction`` in [-1, 1] weights the line towards its back
    (-1) or front (1), 0 is uniform. ``order``: 0 (nearest) or 1 (bilinear) rotation of the
    kernel. dtypes: see :class:`~imgaug2.augmenters.convolutional.Convolve`.
    """

    def __init__(self, k: Any = (3, 7), angle: Any = (0, 360), direction: Any = (-1.0, 1.0),
                 order: int = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        if order not in (0, 1):
            raise ValueError(f"MotionBlur: order must be 0 or 1, got {order!r}")
        k_param = iap.handle_discrete_param(k, "k", value_range=(3, None), allow_floats=False)
        angle_param = iap.handle_continuous_param(angle, "angle", value_range=None)
        direction_param = iap.handle_continuous_param(direction, "direction",
                                                      value_range=(-1.0 - 1e-6, 1.0 + 1e-6))
        super().__init__(_MotionBlurMatrixGenerator(k_param, angle_param, direction_param,
                                                    order),
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = k_param
        self.angle = angle_param
        self.direction = direction_param
        self.order = order

    def _matrices_for_batch(self, images, random_state) -> list:
        n = len(images)
        ks = np.asarray(self.k.draw_samples((n,), random_state=random_state))
        angles = np.asarray(self.angle.draw_samples((n,), random_state=random_state))
        directions = np.asarray(self.direction.draw_samples((n,), random_state=random_state))
        return [kernels.motion_kernel(int(k), float(a), float(d), self.order)
                for k, a, d in zip(ks, angles, directions)]


class MeanShiftBlur(_Blur):
    """Mean-shift blur (see :func:`blur_mean_shift_`): flattens colour regions, keeps edges.

    ``spatial_radius``/``color_radius`` are sampled per image. dtypes: uint8; images with 1
    or 3 channels.
    """

    _allowed, _disallowed = "uint8", _ONLY_UINT8_DISALLOWED

    def __init__(self, spatial_radius: Any = (5.0, 40.0), color_radius: Any = (5.0, 40.0),
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.spatial_window_radius = iap.handle_continuous_param(
            spatial_radius, "spatial_radius", value_range=(0.01, None))
        self.color_window_radius = iap.handle_continuous_param(
            color_radius, "color_radius", value_range=(0.01, None))

    def _check_channels(self, images):
        bad = sorted({image.shape[2] for image in images} - {1, 3})
        if bad:
            raise ValueError(f"MeanShiftBlur needs images with 1 or 3 channels, got {bad[0]}")

    def _draw(self, n, rng):
        return [self.spatial_window_radius.draw_samples((n,), random_state=rng),
                self.color_window_radius.draw_samples((n,), random_state=rng)]

    def _blur(self, image, values):
        return blur_mean_shift_(image, float(values[0]), float(values[1]))

    def get_parameters(self) -> list:
        return [self.spatial_window_radius, self.color_window_radius]
