"""Heatmaps: :class:`HeatmapsOnImage`, float maps in [min_value, max_value] (stored in [0, 1])."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmentables._arrays import (
    pad_array,
    paddings_for_aspect_ratio,
    resize_array,
)
from imgaug2.augmentables.utils import normalize_shape


def _jet(values: np.ndarray) -> np.ndarray:
    """A jet colormap for values in [0, 1] -> uint8 RGB."""
    v = np.clip(values, 0.0, 1.0)[..., None]
    r = np.clip(1.5 - np.abs(4 * v - 3), 0, 1)
    g = np.clip(1.5 - np.abs(4 * v - 2), 0, 1)
    b = np.clip(1.5 - np.abs(4 * v - 1), 0, 1)
    return (np.concatenate([r, g, b], axis=-1) * 255).astype(np.uint8)


class HeatmapsOnImage:
    """Heatmaps of one image: ``arr`` float32 ``(H, W)`` or ``(H, W, C)`` for an image of
    ``shape``; the heatmap may be smaller than the image."""

    def __init__(self, arr: np.ndarray, shape: Any, min_value: float = 0.0,
                 max_value: float = 1.0) -> None:
        arr = np.asarray(arr)
        if arr.dtype.kind != "f":
            raise ValueError(f"Heatmap arr must be a float array, got dtype {arr.dtype}")
        if arr.ndim not in (2, 3):
            raise ValueError(f"Heatmap arr must be 2D or 3D, got shape {arr.shape}")
        if min_value >= max_value:
            raise ValueError(f"min_value ({min_value}) must be < max_value ({max_value})")
        eps = np.finfo(np.float32).eps
        if arr.size and (arr.min() < min_value - eps or arr.max() > max_value + eps):
            raise ValueError(f"Heatmap values must be in [{min_value}, {max_value}], got "
                             f"[{arr.min()}, {arr.max()}]")
        self.arr_was_2d = arr.ndim == 2
        arr3 = arr[..., None] if arr.ndim == 2 else arr
        self.arr_0to1 = ((arr3.astype(np.float32) - min_value) / (max_value - min_value))
        self.shape = normalize_shape(shape)
        self.min_value = float(min_value)
        self.max_value = float(max_value)

    def get_arr(self) -> np.ndarray:
        arr = self.arr_0to1[..., 0] if self.arr_was_2d and self.arr_0to1.shape[2] == 1 \
            else self.arr_0to1
        return (arr * (self.max_value - self.min_value) + self.min_value).astype(np.float32)

    def draw(self, size: Any = None, cmap: str | None = "jet") -> list[np.ndarray]:
        """One RGB uint8 image per heatmap channel."""
        out = []
        for c in range(self.arr_0to1.shape[2]):
            channel = self.arr_0to1[..., c]
            if size is not None:
                channel = resize_array(channel, size, "nearest")
            if cmap is None:
                gray = (np.clip(channel, 0, 1) * 255).astype(np.uint8)
                out.append(np.stack([gray] * 3, axis=-1))
            else:
                out.append(_jet(channel))
        return out

    def draw_on_image(self, image: np.ndarray, alpha: float = 0.75, cmap: str | None = "jet",
                      resize: str = "heatmaps") -> list[np.ndarray]:
        if resize not in ("heatmaps", "image"):
            raise ValueError(f"resize must be 'heatmaps' or 'image', got {resize!r}")
        if resize == "image":
            image = resize_array(image, self.arr_0to1.shape[0:2], "cubic")
        drawn = self.draw(size=image.shape[0:2] if resize == "heatmaps" else None, cmap=cmap)
        return [np.clip((1 - alpha) * image + alpha * d, 0, 255).astype(np.uint8)
                for d in drawn]

    def invert(self) -> HeatmapsOnImage:
        result = self.deepcopy()
        result.arr_0to1 = 1.0 - result.arr_0to1
        return result

    def pad(self, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
            mode: str = "constant", cval: float = 0.0) -> HeatmapsOnImage:
        arr = pad_array(self.arr_0to1, top, right, bottom, left, mode, cval)
        return self._with_arr(arr)

    def pad_to_aspect_ratio(self, aspect_ratio: float, mode: str = "constant",
                            cval: float = 0.0, return_pad_amounts: bool = False):
        pads = paddings_for_aspect_ratio(*self.arr_0to1.shape[0:2], aspect_ratio)
        result = self.pad(*pads, mode=mode, cval=cval)
        return (result, pads) if return_pad_amounts else result

    def _pool(self, block_size: Any, func) -> HeatmapsOnImage:

        return self._with_arr(func(self.arr_0to1, block_size, pad_cval=0.0))

    def avg_pool(self, block_size: Any) -> HeatmapsOnImage:
        from imgaug2 import imgaug as ia

        return self._pool(block_size, ia.avg_pool)

    def max_pool(self, block_size: Any) -> HeatmapsOnImage:
        from imgaug2 import imgaug as ia

        return self._pool(block_size, ia.max_pool)

    def resize(self, sizes: Any, interpolation: str = "cubic") -> HeatmapsOnImage:
        arr = resize_array(self.arr_0to1, sizes, interpolation)
        return self._with_arr(np.clip(arr, 0.0, 1.0))

    def scale(self, *args, **kwargs) -> HeatmapsOnImage:
        from imgaug2 import imgaug as ia

        ia.warn_deprecated("HeatmapsOnImage.scale() is deprecated; use resize().")
        return self.resize(*args, **kwargs)

    def _with_arr(self, arr_0to1: np.ndarray) -> HeatmapsOnImage:
        result = self.deepcopy()
        result.arr_0to1 = arr_0to1.astype(np.float32)
        return result

    def to_uint8(self) -> np.ndarray:
        return np.clip(np.round(self.arr_0to1 * 255), 0, 255).astype(np.uint8)

    @staticmethod
    def from_uint8(arr_uint8: np.ndarray, shape: Any, min_value: float = 0.0,
                   max_value: float = 1.0) -> HeatmapsOnImage:
        arr = arr_uint8.astype(np.float32) / 255.0
        return HeatmapsOnImage.from_0to1(arr, shape, min_value, max_value)

    @staticmethod
    def from_0to1(arr_0to1: np.ndarray, shape: Any, min_value: float = 0.0,
                  max_value: float = 1.0) -> HeatmapsOnImage:
        heatmaps = HeatmapsOnImage(np.asarray(arr_0to1, dtype=np.float32), shape)
        heatmaps.min_value, heatmaps.max_value = float(min_value), float(max_value)
        return heatmaps

    @classmethod
    def change_normalization(cls, arr: np.ndarray, source: Any, target: Any) -> np.ndarray:
        src = (source.min_value, source.max_value) if isinstance(source, HeatmapsOnImage) \
            else source
        tgt = (target.min_value, target.max_value) if isinstance(target, HeatmapsOnImage) \
            else target
        return (arr - src[0]) / (src[1] - src[0]) * (tgt[1] - tgt[0]) + tgt[0]

    def copy(self) -> HeatmapsOnImage:
        return self.deepcopy()

    def deepcopy(self) -> HeatmapsOnImage:
        result = HeatmapsOnImage.__new__(HeatmapsOnImage)
        result.arr_0to1 = self.arr_0to1.copy()
        result.arr_was_2d = self.arr_was_2d
        result.shape = self.shape
        result.min_value, result.max_value = self.min_value, self.max_value
        return result

    def __repr__(self) -> str:
        return (f"HeatmapsOnImage(arr shape={self.arr_0to1.shape}, shape={self.shape}, "
                f"min_value={self.min_value}, max_value={self.max_value})")
