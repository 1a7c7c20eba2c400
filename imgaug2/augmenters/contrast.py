"""Contrast changes: gamma, sigmoid, log and linear curves, CLAHE, histogram equalisation.

Pixel-only augmenters: keypoints, boxes, polygons, line strings, heatmaps and segmentation
maps pass through unchanged. uint8 images go through cached 256-entry tables (``cv2.LUT``);
other dtypes follow imgaug 0.4.0's formulas (see :mod:`imgaug2.augmenters._kernels.contrast`).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import contrast as kernels
from imgaug2.augmenters.meta import Augmenter

__all__ = ["GammaContrast", "SigmoidContrast", "LogContrast", "LinearContrast",
           "AllChannelsCLAHE", "CLAHE", "AllChannelsHistogramEqualization",
           "HistogramEqualization", "ContrastNormalization",
           "adjust_contrast_gamma", "adjust_contrast_sigmoid", "adjust_contrast_log",
           "adjust_contrast_linear"]

_CURVE_ALLOWED = ("uint8 uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 "
                  "float64")
_CURVE_DISALLOWED = "bool float128"
_LINEAR_ALLOWED = "uint8 uint16 uint32 int8 int16 int32 float16 float32 float64"
_LINEAR_DISALLOWED = "bool uint64 int64 float128"
_ONLY_UINT8_DISALLOWED = ("bool uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 "
                          "float64 float128")


def _check_array(arr: Any, name: str = "arr") -> np.ndarray:
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(arr).__name__}")
    return arr


def _adjust_function(arr: np.ndarray, kind: str, params: tuple, allowed: str,
                     disallowed: str) -> np.ndarray:
    _check_array(arr)
    iadt.gate_dtypes_strs(arr, allowed, disallowed)
    return kernels.adjust(arr, kind, tuple(float(p) for p in params))


def adjust_contrast_gamma(arr: np.ndarray, gamma: float) -> np.ndarray:
    """``255 * (v / 255) ** gamma`` (normalised by the dtype's max; floats by 1.0).

    dtypes: uint8-64, int8-64, float16-64 (uint8: float32 table, truncated; others: float64,
    integers floored and saturated to ``[0, max]``; 64-bit integers lose precision above
    2**53 as in imgaug). Negative values count as 0. Returns a
    new array of the input's shape and dtype.
    """
    return _adjust_function(arr, "gamma", (gamma,), _CURVE_ALLOWED, _CURVE_DISALLOWED)


def adjust_contrast_sigmoid(arr: np.ndarray, gain: float, cutoff: float) -> np.ndarray:
    """``255 / (1 + exp(gain * (cutoff - v / 255)))``; dtype rules as
    :func:`adjust_contrast_gamma`."""
    return _adjust_function(arr, "sigmoid", (gain, cutoff), _CURVE_ALLOWED, _CURVE_DISALLOWED)


def adjust_contrast_log(arr: np.ndarray, gain: float) -> np.ndarray:
    """``255 * gain * log2(1 + v / 255)``; dtype rules as :func:`adjust_contrast_gamma`
    (results above the dtype's max saturate)."""
    return _adjust_function(arr, "log", (gain,), _CURVE_ALLOWED, _CURVE_DISALLOWED)


def adjust_contrast_linear(arr: np.ndarray, alpha: float) -> np.ndarray:
    """``center + alpha * (v - center)``.

    uint8: center 127, float32 table, truncated. Other dtypes: center ``int(dtype center)``
    for integers (uint16: 32767, int16: 0), 0.0 for floats; float64 maths, rounded and
    saturated. dtypes: uint8-32, int8-32, float16-64.
    """
    return _adjust_function(arr, "linear", (alpha,), _LINEAR_ALLOWED, _LINEAR_DISALLOWED)


def _nb_channels(images: Any) -> int:
    if isinstance(images, np.ndarray):
        return images.shape[3]
    return max(image.shape[2] for image in images)


class _ContrastCurve(Augmenter):
    """Shared sampling/dispatch: one value per image (or per image and channel)."""

    _kind = "gamma"
    _allowed, _disallowed = _CURVE_ALLOWED, _CURVE_DISALLOWED

    def _init_per_channel(self, per_channel: Any) -> None:
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _params(self) -> list:
        raise NotImplementedError

    def _augment_batch_(self, batch, random_state, parents, hooks):
        images = batch.images
        if images is None:
            return batch
        iadt.check_images_dtypes(images, self._allowed, self._disallowed, self)
        nb_images = len(images)
        if nb_images == 0:
            return batch
        nb_channels = _nb_channels(images)
        per_channel = self.per_channel.draw_samples((nb_images,),
                                                    random_state=random_state) > 0.5
        columns = nb_channels if per_channel.any() else 1
        samples = [np.asarray(p.draw_samples((nb_images, columns), random_state=random_state),
                              dtype=np.float64).reshape(nb_images, columns)
                   for p in self._params()]
        if (not per_channel.any() and all((s[:, 0] == s[0, 0]).all() for s in samples)
                and all(image.dtype == np.uint8 for image in images)):
            # one value for the whole batch: one table, and one LUT call for an array batch
            params = tuple(s[0, 0] for s in samples)
            if isinstance(images, np.ndarray):
                batch.images = kernels.apply_uint8(images, self._kind, params)
            else:
                batch.images = [kernels.apply_uint8(image, self._kind, params)
                                for image in images]
            return batch
        out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
        for i, image in enumerate(images):
            if per_channel[i] and image.shape[2] > 1:
                out[i] = self._per_channel(image, [s[i] for s in samples])
            else:
                out[i] = kernels.adjust(image, self._kind, tuple(s[i, 0] for s in samples))
        batch.images = out
        return batch

    def _per_channel(self, image: np.ndarray, values: list) -> np.ndarray:
        nb_channels = image.shape[2]
        if image.dtype == np.uint8:
            tables = np.stack([kernels.uint8_table(self._kind, tuple(v[c] for v in values))
                               for c in range(nb_channels)])
            return kernels.apply_table(image, tables)
        return np.stack([kernels.adjust(image[..., c], self._kind, tuple(v[c] for v in values))
                         for c in range(nb_channels)], axis=-1)


class GammaContrast(_ContrastCurve):
    """``v' = 255 * (v / 255) ** gamma`` per image (or per channel with ``per_channel``).

    dtypes: see :func:`adjust_contrast_gamma` (bool and float128 are rejected).
    """

    _kind = "gamma"

    def __init__(self, gamma: Any = (0.7, 1.7), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.gamma = iap.handle_continuous_param(gamma, "gamma", value_range=None)
        self._init_per_channel(per_channel)

    def _params(self) -> list:
        return [self.gamma]

    def get_parameters(self) -> list:
        return [self.gamma]


class SigmoidContrast(_ContrastCurve):
    """``v' = 255 / (1 + exp(gain * (cutoff - v / 255)))``.

    dtypes: see :func:`adjust_contrast_sigmoid`.
    """

    _kind = "sigmoid"

    def __init__(self, gain: Any = (5, 6), cutoff: Any = (0.3, 0.6), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, None))
        self.cutoff = iap.handle_continuous_param(cutoff, "cutoff", value_range=(0, 1.0))
        self._init_per_channel(per_channel)

    def _params(self) -> list:
        return [self.gain, self.cutoff]

    def get_parameters(self) -> list:
        return [self.gain, self.cutoff]


class LogContrast(_ContrastCurve):
    """``v' = 255 * gain * log2(1 + v / 255)``.

    dtypes: see :func:`adjust_contrast_log`.
    """

    _kind = "log"

    def __init__(self, gain: Any = (0.4, 1.6), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, None))
        self._init_per_channel(per_channel)

    def _params(self) -> list:
        return [self.gain]

    def get_parameters(self) -> list:
        return [self.gain]


class LinearContrast(_ContrastCurve):
    """``v' = 127 + alpha * (v - 127)`` (the dtype's center for other dtypes).

    dtypes: see :func:`adjust_contrast_linear` (bool, uint64, int64, float128 rejected).
    """

    _kind = "linear"
    _allowed, _disallowed = _LINEAR_ALLOWED, _LINEAR_DISALLOWED

    def __init__(self, alpha: Any = (0.6, 1.4), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=None)
        self._init_per_channel(per_channel)

    def _params(self) -> list:
        return [self.alpha]

    def get_parameters(self) -> list:
        return [self.alpha]


def _clahe_channel(channel: np.ndarray, clip_limit: float, tiles_h: int,
                   tiles_w: int) -> np.ndarray:
    if tiles_h <= 1 and tiles_w <= 1:
        return channel
    clahe = cv2.createCLAHE(clipLimit=float(clip_limit),
                            tileGridSize=(int(tiles_w), int(tiles_h)))
    return clahe.apply(np.ascontiguousarray(channel))


class AllChannelsCLAHE(Augmenter):
    """CLAHE (``cv2.createCLAHE``) on every channel, no colour conversion.

    ``tile_grid_size_px`` is passed to OpenCV's ``tileGridSize`` (as in imgaug 0.4.0), either
    for both axes or as ``((h...), (w...))``; values below ``tile_grid_size_px_min`` are
    raised to it and ``1 x 1`` leaves the channel unchanged. dtypes: uint8, uint16.
    """

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.clip_limit = iap.handle_continuous_param(clip_limit, "clip_limit",
                                                      value_range=(0 + 1e-4, None))
        self.tile_grid_size_px = iap.handle_discrete_kernel_size_param(
            tile_grid_size_px, "tile_grid_size_px", value_range=(0, None), allow_floats=False)
        self.tile_grid_size_px_min = tile_grid_size_px_min
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _draw(self, nb_images: int, nb_channels: int, rng) -> tuple:
        shape = (nb_images, nb_channels)
        per_channel = self.per_channel.draw_samples((nb_images,), random_state=rng) > 0.5
        clip = np.asarray(self.clip_limit.draw_samples(shape, random_state=rng)).reshape(shape)
        tiles_h = np.asarray(self.tile_grid_size_px[0].draw_samples(shape, random_state=rng))
        tiles_w = tiles_h if self.tile_grid_size_px[1] is None else np.asarray(
            self.tile_grid_size_px[1].draw_samples(shape, random_state=rng))
        minimum = self.tile_grid_size_px_min
        return (per_channel, clip, np.maximum(tiles_h.reshape(shape), minimum),
                np.maximum(tiles_w.reshape(shape), minimum))

    def _apply(self, images: Any, rng) -> Any:
        per_channel, clip, tiles_h, tiles_w = self._draw(len(images), _nb_channels(images), rng)
        out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
        for i, image in enumerate(images):
            if image.size == 0:
                out[i] = image.copy()
                continue
            channels = []
            for c in range(image.shape[2]):
                p = c if per_channel[i] else 0
                channels.append(_clahe_channel(image[..., c], clip[i, p], tiles_h[i, p],
                                               tiles_w[i, p]))
            out[i] = np.stack(channels, axis=-1)
        return out

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, "uint8 uint16",
                                 "bool uint32 uint64 int8 int16 int32 int64 float16 float32 "
                                 "float64 float128", self)
        batch.images = self._apply(batch.images, random_state)
        return batch

    def get_parameters(self) -> list:
        return [self.clip_limit, self.tile_grid_size_px, self.tile_grid_size_px_min,
                self.per_channel]


_TO_COLORSPACES = ("Lab", "HLS", "HSV")
_FROM_COLORSPACES = ("RGB", "BGR", "Lab", "HLS", "HSV")


def _check_colorspaces(from_colorspace: str, to_colorspace: str) -> None:
    if from_colorspace not in _FROM_COLORSPACES:
        raise ValueError(f"from_colorspace must be one of {_FROM_COLORSPACES}, got "
                         f"{from_colorspace!r}")
    if to_colorspace not in _TO_COLORSPACES:
        raise ValueError(f"to_colorspace must be one of {_TO_COLORSPACES}, got "
                         f"{to_colorspace!r}")


def _on_intensity_channel(images: Any, from_colorspace: str, to_colorspace: str,
                          func, owner: str) -> Any:
    """Run ``func(list of (H,W,1) arrays) -> list`` on each image's intensity channel.

    1 channel: used directly; 3 channels: converted to ``to_colorspace`` and back; 4 channels:
    the 4th (alpha) channel is kept aside; other channel counts: every channel on its own
    (with a warning), as imgaug does.
    """
    from imgaug2.augmenters._kernels.color import BRIGHTNESS_CHANNEL, change_colorspace_

    channel_idx = BRIGHTNESS_CHANNEL[to_colorspace]
    inputs, converted = [], []
    for image in images:
        nb_channels = image.shape[2]
        if nb_channels in (3, 4):
            conv = change_colorspace_(np.ascontiguousarray(image[..., 0:3]), to_colorspace,
                                      from_colorspace).copy()
            converted.append(conv)
            inputs.append(conv[..., channel_idx:channel_idx + 1])
        else:
            if nb_channels != 1:
                ia.warn(f"{owner}: got an image with {nb_channels} channels, expected 1, 3 "
                        "or 4; every channel is processed on its own")
            converted.append(None)
            inputs.append(image)
    results = func(inputs)
    out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
    for i, (image, conv, result) in enumerate(zip(images, converted, results)):
        if conv is None:
            out[i] = result
            continue
        conv[..., channel_idx:channel_idx + 1] = result
        back = change_colorspace_(conv, from_colorspace, to_colorspace)
        out[i] = back if image.shape[2] == 3 else np.dstack([back, image[..., 3:4]])
    return out


class CLAHE(AllChannelsCLAHE):
    """CLAHE on the intensity channel of ``to_colorspace`` (L of Lab, L of HLS, V of HSV).

    Images with 1 channel are used directly, RGBA keeps its alpha channel. dtypes: uint8.
    """

    RGB, BGR, HSV, HLS, Lab = "RGB", "BGR", "HSV", "HLS", "Lab"

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, from_colorspace: str = "RGB",
                 to_colorspace: str = "Lab", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(clip_limit, tile_grid_size_px, tile_grid_size_px_min, False,
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        _check_colorspaces(from_colorspace, to_colorspace)
        self.from_colorspace = from_colorspace
        self.to_colorspace = to_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, "uint8", _ONLY_UINT8_DISALLOWED, self)
        batch.images = _on_intensity_channel(
            batch.images, self.from_colorspace, self.to_colorspace,
            lambda channels: self._apply(channels, random_state), "CLAHE")
        return batch

    def get_parameters(self) -> list:
        return [self.clip_limit, self.tile_grid_size_px, self.tile_grid_size_px_min,
                self.from_colorspace, self.to_colorspace]


def _equalize(image: np.ndarray) -> np.ndarray:
    if image.size == 0:
        return image.copy()
    return np.stack([cv2.equalizeHist(np.ascontiguousarray(image[..., c]))
                     for c in range(image.shape[2])], axis=-1)


class AllChannelsHistogramEqualization(Augmenter):
    """Histogram equalisation (``cv2.equalizeHist``) of every channel. dtypes: uint8."""

    def _augment_batch_(self, batch, random_state, parents, hooks):
        images = batch.images
        if images is None:
            return batch
        iadt.check_images_dtypes(images, "uint8", _ONLY_UINT8_DISALLOWED, self)
        out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
        for i, image in enumerate(images):
            out[i] = _equalize(image)
        batch.images = out
        return batch

    def get_parameters(self) -> list:
        return []


class HistogramEqualization(Augmenter):
    """Histogram equalisation of the intensity channel of ``to_colorspace`` (Lab, HLS, HSV).

    Channel handling as :class:`CLAHE`. dtypes: uint8.
    """

    RGB, BGR, HSV, HLS, Lab = "RGB", "BGR", "HSV", "HLS", "Lab"

    def __init__(self, from_colorspace: str = "RGB", to_colorspace: str = "Lab",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        _check_colorspaces(from_colorspace, to_colorspace)
        self.from_colorspace = from_colorspace
        self.to_colorspace = to_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, "uint8", _ONLY_UINT8_DISALLOWED, self)
        batch.images = _on_intensity_channel(
            batch.images, self.from_colorspace, self.to_colorspace,
            lambda channels: [_equalize(ch) for ch in channels], "HistogramEqualization")
        return batch

    def get_parameters(self) -> list:
        return [self.from_colorspace, self.to_colorspace]


def ContrastNormalization(alpha: Any = 1.0, per_channel: Any = False,  # noqa: N802
                          seed: Any = None, name: str | None = None,
                          random_state: Any = "deprecated",
                          deterministic: Any = "deprecated") -> LinearContrast:
    """Deprecated alias of :class:`LinearContrast`."""
    ia.warn_deprecated("ContrastNormalization is deprecated; use LinearContrast.")
    return LinearContrast(alpha=alpha, per_channel=per_channel, seed=seed, name=name,
                          random_state=random_state, deterministic=deterministic)
