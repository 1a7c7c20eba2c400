"""Blurring: GaussianBlur, AverageBlur, MedianBlur, BilateralBlur, MotionBlur.

Pixel-only augmenters: annotations are not changed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import blur as kernels
from imgaug2.augmenters.meta import Augmenter

__all__ = ["GaussianBlur", "AverageBlur", "MedianBlur", "BilateralBlur", "MotionBlur",
           "MeanShiftBlur", "blur_gaussian_", "blur_mean_shift_"]

_ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
_DISALLOWED = "uint32 uint64 int32 int64 float128"


def blur_gaussian_(image: np.ndarray, sigma: float, ksize: int | None = None,
                   backend: str = "auto", eps: float = 1e-3) -> np.ndarray:
    """Gaussian blur of one image (imgaug's function name; returns the blurred image)."""
    if sigma < eps:
        return image
    return kernels.blur_gaussian(image, sigma, ksize)


class _Blur(Augmenter):
    _allowed, _disallowed = _ALLOWED, _DISALLOWED

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, self._allowed, self._disallowed, self)
        images = batch.writable_images()
        samples = self._draw(len(images), random_state)
        for i in range(len(images)):
            images[i] = self._blur(images[i], [s[i] for s in samples])
        batch.images = images
        return batch


class GaussianBlur(_Blur):
    """Gaussian blur with ``sigma`` (imgaug's kernel-size rule). Most dtypes."""

    def __init__(self, sigma: Any = (0.0, 3.0), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0, None))
        self.eps = 1e-3

    def _draw(self, n, rng):
        return [self.sigma.draw_samples((n,), random_state=rng)]

    def _blur(self, image, samples):
        return blur_gaussian_(image, float(samples[0]), eps=self.eps)

    def get_parameters(self) -> list:
        return [self.sigma]


class AverageBlur(_Blur):
    """Mean filter with kernel size ``k`` (int, range, list, or ((h...), (w...)))."""

    def __init__(self, k: Any = (1, 7), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_kernel_size_param(k, "k", value_range=(0, None))

    def _draw(self, n, rng):
        kh = self.k[0].draw_samples((n,), random_state=rng)
        kw = kh if self.k[1] is None else self.k[1].draw_samples((n,), random_state=rng)
        return [kh, kw]

    def _blur(self, image, samples):
        return kernels.blur_avg(image, int(samples[0]), int(samples[1]))

    def get_parameters(self) -> list:
        return [self.k]


class MedianBlur(_Blur):
    """Median filter with odd kernel size ``k`` (even sizes are rounded up)."""

    _allowed = "uint8 float32"
    _disallowed = ("bool uint16 uint32 uint64 int8 int16 int32 int64 float16 float64 "
                   "float128")

    def __init__(self, k: Any = (1, 7), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_param(k, "k", value_range=(1, None))

    def _draw(self, n, rng):
        k = np.asarray(self.k.draw_samples((n,), random_state=rng))
        return [np.where(k % 2 == 0, k + 1, k)]

    def _blur(self, image, samples):
        return kernels.blur_median(image, int(samples[0]))

    def get_parameters(self) -> list:
        return [self.k]


class BilateralBlur(_Blur):
    """Edge-preserving bilateral filter (uint8, 1 or 3 channels)."""

    _allowed = "uint8"
    _disallowed = ("bool uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 "
                   "float64 float128")

    def __init__(self, d: Any = (1, 9), sigma_color: Any = (10, 250),
                 sigma_space: Any = (10, 250), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.d = iap.handle_discrete_param(d, "d", value_range=(1, None))
        self.sigma_color = iap.handle_continuous_param(sigma_color, "sigma_color",
                                                       value_range=(1, None))
        self.sigma_space = iap.handle_continuous_param(sigma_space, "sigma_space",
                                                       value_range=(1, None))

    def _draw(self, n, rng):
        return [self.d.draw_samples((n,), random_state=rng),
                self.sigma_color.draw_samples((n,), random_state=rng),
                self.sigma_space.draw_samples((n,), random_state=rng)]

    def _blur(self, image, samples):
        if image.shape[2] not in (1, 3):
            raise ValueError(f"BilateralBlur needs 1 or 3 channels, got {image.shape[2]}")
        return kernels.blur_bilateral(image, int(samples[0]), float(samples[1]),
                                      float(samples[2]))

    def get_parameters(self) -> list:
        return [self.d, self.sigma_color, self.sigma_space]


class MotionBlur(_Blur):
    """Blur along a line of ``k`` pixels at ``angle`` degrees (``direction`` biases one end)."""

    def __init__(self, k: Any = (3, 7), angle: Any = (0, 360), direction: Any = (-1.0, 1.0),
                 order: int = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.handle_discrete_param(k, "k", value_range=(3, None))
        self.angle = iap.handle_continuous_param(angle, "angle")
        self.direction = iap.handle_continuous_param(direction, "direction",
                                                     value_range=(-1.0, 1.0))
        self.order = order

    def _draw(self, n, rng):
        return [self.k.draw_samples((n,), random_state=rng),
                self.angle.draw_samples((n,), random_state=rng),
                self.direction.draw_samples((n,), random_state=rng)]

    def _blur(self, image, samples):
        matrix = kernels.motion_kernel(int(samples[0]), float(samples[1]), float(samples[2]))
        return kernels.convolve(image, matrix)

    def get_parameters(self) -> list:
        return [self.k, self.angle, self.direction, self.order]


def blur_mean_shift_(image: np.ndarray, spatial_window_radius: float,
                     color_window_radius: float) -> np.ndarray:
    """Mean-shift filtering (cv2.pyrMeanShiftFiltering) of a uint8 image."""
    import cv2

    if image.shape[2] == 1:
        rgb = np.repeat(image, 3, axis=2)
        return cv2.pyrMeanShiftFiltering(rgb, spatial_window_radius,
                                         color_window_radius)[..., 0:1]
    return cv2.pyrMeanShiftFiltering(np.ascontiguousarray(image[..., 0:3]),
                                     spatial_window_radius, color_window_radius)


class MeanShiftBlur(_Blur):
    """Mean-shift blur: flattens colour regions while keeping edges. uint8, 1 or 3 channels."""

    _allowed = "uint8"
    _disallowed = ("bool uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 "
                   "float64 float128")

    def __init__(self, spatial_radius: Any = (5.0, 40.0), color_radius: Any = (5.0, 40.0),
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.spatial_window_radius = iap.handle_continuous_param(
            spatial_radius, "spatial_radius", value_range=(0.01, None))
        self.color_window_radius = iap.handle_continuous_param(
            color_radius, "color_radius", value_range=(0.01, None))

    def _draw(self, n, rng):
        return [self.spatial_window_radius.draw_samples((n,), random_state=rng),
                self.color_window_radius.draw_samples((n,), random_state=rng)]

    def _blur(self, image, samples):
        if image.shape[2] not in (1, 3):
            raise ValueError(f"MeanShiftBlur needs 1 or 3 channels, got {image.shape[2]}")
        return blur_mean_shift_(image, float(samples[0]), float(samples[1]))

    def get_parameters(self) -> list:
        return [self.spatial_window_radius, self.color_window_radius]
