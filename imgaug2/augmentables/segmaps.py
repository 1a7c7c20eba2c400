"""Segmentation maps: :class:`SegmentationMapsOnImage` — integer class ids per pixel."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmentables._arrays import pad_array, paddings_for_aspect_ratio, resize_array
from imgaug2.augmentables.utils import normalize_shape

DEFAULT_SEGMENT_COLORS = [
    (0, 0, 0), (230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48),
    (145, 30, 180), (70, 240, 240), (240, 50, 230), (210, 245, 60), (250, 190, 212),
    (0, 128, 128), (220, 190, 255), (170, 110, 40), (255, 250, 200), (128, 0, 0),
    (170, 255, 195), (128, 128, 0), (255, 215, 180), (0, 0, 128), (128, 128, 128),
    (255, 255, 255),
]


class SegmentationMapsOnImage:
    """Class-id maps of one image: ``arr`` int/uint/bool ``(H, W)`` or ``(H, W, C)`` for an
    image of ``shape``; may be smaller than the image. Float arrays are rejected."""

    def __init__(self, arr: np.ndarray, shape: Any) -> None:
        arr = np.asarray(arr)
        if arr.dtype.kind not in "biu":
            raise ValueError(f"Segmentation map arr must be an int, uint or bool array, got "
                             f"dtype {arr.dtype}")
        if arr.ndim not in (2, 3):
            raise ValueError(f"Segmentation map arr must be 2D or 3D, got shape {arr.shape}")
        self._input_was = (arr.dtype, arr.ndim)
        arr3 = arr[..., None] if arr.ndim == 2 else arr
        self.arr = arr3.astype(np.int32)
        self.shape = normalize_shape(shape)

    def get_arr(self) -> np.ndarray:
        dtype, ndim = self._input_was
        arr = self.arr[..., 0] if ndim == 2 and self.arr.shape[2] == 1 else self.arr
        return arr.astype(dtype)

    def draw(self, size: Any = None, colors: Any = None) -> list[np.ndarray]:
        colors = np.asarray(DEFAULT_SEGMENT_COLORS if colors is None else colors,
                            dtype=np.uint8)
        out = []
        for c in range(self.arr.shape[2]):
            ids = self.arr[..., c]
            if ids.size and ids.max() >= len(colors):
                raise ValueError(f"class id {ids.max()} has no color ({len(colors)} colors)")
            image = colors[np.clip(ids, 0, None)]
            if size is not None:
                image = resize_array(image, size, "nearest")
            out.append(image)
        return out

    def draw_on_image(self, image: np.ndarray, alpha: float = 0.75,
                      resize: str = "segmentation_map", colors: Any = None,
                      draw_background: bool = False, background_class_id: int = 0,
                      background_threshold: Any = None) -> list[np.ndarray]:
        if resize not in ("segmentation_map", "image"):
            raise ValueError(f"resize must be 'segmentation_map' or 'image', got {resize!r}")
        if resize == "image":
            image = resize_array(image, self.arr.shape[0:2], "cubic")
        size = image.shape[0:2] if resize == "segmentation_map" else None
        drawn = self.draw(size=size, colors=colors)
        results = []
        for c, segmap_image in enumerate(drawn):
            mix = np.clip((1 - alpha) * image + alpha * segmap_image, 0, 255).astype(np.uint8)
            if not draw_background:
                ids = self.arr[..., c]
                if size is not None:
                    ids = resize_array(ids, size, "nearest")
                background = ids == background_class_id
                mix[background] = image[background]
            results.append(mix)
        return results

    def pad(self, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
            mode: str = "constant", cval: int = 0) -> SegmentationMapsOnImage:
        return self._with_arr(pad_array(self.arr, top, right, bottom, left, mode, cval))

    def pad_to_aspect_ratio(self, aspect_ratio: float, mode: str = "constant", cval: int = 0,
                            return_pad_amounts: bool = False):
        pads = paddings_for_aspect_ratio(*self.arr.shape[0:2], aspect_ratio)
        result = self.pad(*pads, mode=mode, cval=cval)
        return (result, pads) if return_pad_amounts else result

    def resize(self, sizes: Any, interpolation: str = "nearest") -> SegmentationMapsOnImage:
        return self._with_arr(resize_array(self.arr, sizes, interpolation))

    def scale(self, *args, **kwargs) -> SegmentationMapsOnImage:
        from imgaug2 import imgaug as ia

        ia.warn_deprecated("SegmentationMapsOnImage.scale() is deprecated; use resize().")
        return self.resize(*args, **kwargs)

    def _with_arr(self, arr: np.ndarray) -> SegmentationMapsOnImage:
        result = self.deepcopy()
        result.arr = arr.astype(np.int32)
        return result

    def copy(self, arr=None, shape=None) -> SegmentationMapsOnImage:
        return self.deepcopy(arr, shape)

    def deepcopy(self, arr=None, shape=None) -> SegmentationMapsOnImage:
        result = SegmentationMapsOnImage.__new__(SegmentationMapsOnImage)
        result.arr = (self.arr if arr is None else np.asarray(arr)).copy()
        if result.arr.ndim == 2:
            result.arr = result.arr[..., None]
        result._input_was = self._input_was
        result.shape = self.shape if shape is None else normalize_shape(shape)
        return result

    def __repr__(self) -> str:
        return f"SegmentationMapsOnImage(arr shape={self.arr.shape}, shape={self.shape})"
