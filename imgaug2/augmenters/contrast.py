"""Contrast changes: GammaContrast, SigmoidContrast, LogContrast, LinearContrast.

uint8 images go through one 256-entry table per image (or per channel); other dtypes are
computed in float64 relative to the dtype's value range. Pixel-only.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.arithmetic import _lut_uint8, _saturate
from imgaug2.augmenters.meta import Augmenter

__all__ = ["GammaContrast", "SigmoidContrast", "LogContrast", "LinearContrast",
           "AllChannelsCLAHE", "CLAHE", "AllChannelsHistogramEqualization",
           "HistogramEqualization", "ContrastNormalization",
           "adjust_contrast_gamma", "adjust_contrast_sigmoid", "adjust_contrast_log",
           "adjust_contrast_linear"]

_ALLOWED = "uint8 uint16 int8 int16 float16 float32 float64"
_DISALLOWED = "bool uint32 uint64 int32 int64 float128"


def _value_range(dtype: np.dtype) -> tuple[float, float]:
    if dtype.kind == "f":
        return 0.0, 1.0
    low, _, high = iadt.get_value_range_of_dtype(dtype)
    return float(low), float(high)


def _apply_normalized(image: np.ndarray, func, params) -> np.ndarray:
    """Apply ``func(x in [0,1], *params) -> [0,1]`` to an image (LUT for uint8)."""
    params = [np.asarray(p, dtype=np.float64) for p in params]
    per_channel = any(p.ndim > 0 for p in params)
    if image.dtype == np.uint8:
        x = np.arange(256, dtype=np.float64) / 255.0
        if per_channel:
            tables = np.stack([func(x, *[p[c] if p.ndim else p for p in params])
                               for c in range(image.shape[2])])
        else:
            tables = func(x, *params)
        return _lut_uint8(image, np.clip(np.round(tables * 255), 0, 255).astype(np.uint8))
    low, high = _value_range(image.dtype)
    x = (image.astype(np.float64) - low) / (high - low)
    if per_channel:
        out = np.stack([func(x[..., c], *[p[c] if p.ndim else p for p in params])
                        for c in range(image.shape[2])], axis=-1)
    else:
        out = func(x, *params)
    return _saturate(out * (high - low) + low, image.dtype)


def _gamma(x, gamma):
    return np.power(x, gamma)


def _sigmoid(x, gain, cutoff):
    return 1.0 / (1.0 + np.exp(gain * (cutoff - x)))


def _log(x, gain):
    return gain * np.log2(1.0 + x)


def adjust_contrast_gamma(arr: np.ndarray, gamma: Any) -> np.ndarray:
    """``255 * (v / 255) ** gamma`` (relative to the dtype's range)."""
    return _apply_normalized(arr, _gamma, [gamma])


def adjust_contrast_sigmoid(arr: np.ndarray, gain: Any, cutoff: Any) -> np.ndarray:
    return _apply_normalized(arr, _sigmoid, [gain, cutoff])


def adjust_contrast_log(arr: np.ndarray, gain: Any) -> np.ndarray:
    return _apply_normalized(arr, _log, [gain])


def adjust_contrast_linear(arr: np.ndarray, alpha: Any) -> np.ndarray:
    """``center + alpha * (v - center)`` with the dtype's center (127.5 for uint8)."""
    alpha = np.asarray(alpha, dtype=np.float64)
    if arr.dtype == np.uint8:
        x = np.arange(256, dtype=np.float64)
        if alpha.ndim:
            tables = np.stack([127.5 + a * (x - 127.5) for a in alpha])
        else:
            tables = 127.5 + alpha * (x - 127.5)
        return _lut_uint8(arr, np.clip(np.round(tables), 0, 255).astype(np.uint8))
    low, high = _value_range(arr.dtype)
    center = (low + high) / 2.0
    return _saturate(center + alpha * (arr.astype(np.float64) - center), arr.dtype)


class _Contrast(Augmenter):
    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, _ALLOWED, _DISALLOWED, self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            nb_channels = images[i].shape[2]
            per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
            size = (nb_channels,) if per_channel else ()
            values = [p.draw_samples(size, random_state=rng) if size else
                      p.draw_sample(random_state=rng) for p in self._params()]
            images[i] = self._adjust(images[i], *values)
        batch.images = images
        return batch


class GammaContrast(_Contrast):
    """``v' = 255 * (v/255) ** gamma``."""

    def __init__(self, gamma: Any = (0.7, 1.7), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.gamma = iap.handle_continuous_param(gamma, "gamma", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _params(self):
        return [self.gamma]

    def _adjust(self, image, gamma):
        return adjust_contrast_gamma(image, gamma)

    def get_parameters(self) -> list:
        return [self.gamma, self.per_channel]


class SigmoidContrast(_Contrast):
    """``v' = 255 / (1 + exp(gain * (cutoff - v/255)))``."""

    def __init__(self, gain: Any = (5, 6), cutoff: Any = (0.3, 0.6), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, None))
        self.cutoff = iap.handle_continuous_param(cutoff, "cutoff", value_range=(0, 1.0))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _params(self):
        return [self.gain, self.cutoff]

    def _adjust(self, image, gain, cutoff):
        return adjust_contrast_sigmoid(image, gain, cutoff)

    def get_parameters(self) -> list:
        return [self.gain, self.cutoff, self.per_channel]


class LogContrast(_Contrast):
    """``v' = 255 * gain * log2(1 + v/255)``."""

    def __init__(self, gain: Any = (0.4, 1.6), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _params(self):
        return [self.gain]

    def _adjust(self, image, gain):
        return adjust_contrast_log(image, gain)

    def get_parameters(self) -> list:
        return [self.gain, self.per_channel]


class LinearContrast(_Contrast):
    """``v' = 127.5 + alpha * (v - 127.5)`` (the dtype's center for other dtypes)."""

    def __init__(self, alpha: Any = (0.6, 1.4), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _params(self):
        return [self.alpha]

    def _adjust(self, image, alpha):
        return adjust_contrast_linear(image, alpha)

    def get_parameters(self) -> list:
        return [self.alpha, self.per_channel]


def _clahe_one(channel: np.ndarray, clip_limit: float, tiles_h: int, tiles_w: int):
    clahe = cv2.createCLAHE(clipLimit=float(clip_limit),
                            tileGridSize=(max(1, int(tiles_w)), max(1, int(tiles_h))))
    return clahe.apply(channel)


class AllChannelsCLAHE(Augmenter):
    """CLAHE (cv2.createCLAHE) on every channel. ``tile_grid_size_px`` is the number of tiles
    per axis (or ``((h...), (w...))``). uint8 and uint16."""

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.clip_limit = iap.handle_continuous_param(clip_limit, "clip_limit",
                                                      value_range=(0 + 1e-4, None))
        self.tile_grid_size_px = iap.handle_discrete_kernel_size_param(
            tile_grid_size_px, "tile_grid_size_px", value_range=(0, None))
        self.tile_grid_size_px_min = tile_grid_size_px_min
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _draw(self, rng):
        clip = float(self.clip_limit.draw_sample(random_state=rng))
        th = int(self.tile_grid_size_px[0].draw_sample(random_state=rng))
        tw = th if self.tile_grid_size_px[1] is None else int(
            self.tile_grid_size_px[1].draw_sample(random_state=rng))
        return clip, max(th, self.tile_grid_size_px_min), max(tw, self.tile_grid_size_px_min)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, "uint8 uint16",
                                 "bool uint32 uint64 int8 int16 int32 int64 float16 float32 "
                                 "float64 float128", self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            image = images[i]
            per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
            shared = self._draw(rng)
            out = np.empty_like(image)
            for c in range(image.shape[2]):
                params = self._draw(rng) if per_channel else shared
                out[..., c] = _clahe_one(np.ascontiguousarray(image[..., c]), *params)
            images[i] = out
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.clip_limit, self.tile_grid_size_px, self.tile_grid_size_px_min,
                self.per_channel]


class CLAHE(AllChannelsCLAHE):
    """CLAHE on the lightness channel of ``to_colorspace`` (Lab, HLS or HSV); uint8 RGB."""

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, from_colorspace: str = "RGB",
                 to_colorspace: str = "Lab", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(clip_limit, tile_grid_size_px, tile_grid_size_px_min, False,
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if to_colorspace not in ("Lab", "HLS", "HSV"):
            raise ValueError(f"to_colorspace must be 'Lab', 'HLS' or 'HSV', got "
                             f"{to_colorspace!r}")
        self.from_colorspace = from_colorspace
        self.to_colorspace = to_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            images[i] = _on_lightness(images[i], self.from_colorspace, self.to_colorspace,
                                      lambda ch, p=self._draw(rng): _clahe_one(ch, *p))
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.clip_limit, self.tile_grid_size_px, self.tile_grid_size_px_min,
                self.from_colorspace, self.to_colorspace]


def _on_lightness(image: np.ndarray, from_colorspace: str, to_colorspace: str, func):
    from imgaug2.augmenters._kernels.color import BRIGHTNESS_CHANNEL, change_colorspace_

    if image.shape[2] == 1:
        return func(np.ascontiguousarray(image[..., 0]))[..., None]
    converted = change_colorspace_(image, to_colorspace, from_colorspace).copy()
    channel = BRIGHTNESS_CHANNEL[to_colorspace]
    converted[..., channel] = func(np.ascontiguousarray(converted[..., channel]))
    return change_colorspace_(converted, from_colorspace, to_colorspace)


class AllChannelsHistogramEqualization(Augmenter):
    """Histogram equalisation (cv2.equalizeHist) of every channel. uint8."""

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        for i in range(len(images)):
            image = images[i]
            images[i] = np.stack([cv2.equalizeHist(np.ascontiguousarray(image[..., c]))
                                  for c in range(image.shape[2])], axis=-1)
        batch.images = images
        return batch


class HistogramEqualization(Augmenter):
    """Histogram equalisation of the lightness channel of ``to_colorspace``. uint8 RGB."""

    def __init__(self, from_colorspace: str = "RGB", to_colorspace: str = "Lab",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if to_colorspace not in ("Lab", "HLS", "HSV"):
            raise ValueError(f"to_colorspace must be 'Lab', 'HLS' or 'HSV', got "
                             f"{to_colorspace!r}")
        self.from_colorspace = from_colorspace
        self.to_colorspace = to_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        for i in range(len(images)):
            images[i] = _on_lightness(images[i], self.from_colorspace, self.to_colorspace,
                                      cv2.equalizeHist)
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.from_colorspace, self.to_colorspace]


def ContrastNormalization(alpha: Any = 1.0, per_channel: Any = False,  # noqa: N802
                          **kwargs: Any) -> LinearContrast:
    """Deprecated alias of :class:`LinearContrast`."""
    from imgaug2 import imgaug as ia

    ia.warn_deprecated("ContrastNormalization is deprecated; use LinearContrast.")
    return LinearContrast(alpha=alpha, per_channel=per_channel, **kwargs)
