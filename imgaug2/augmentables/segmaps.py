"""Segmentation maps: :class:`SegmentationMapsOnImage`, integer class ids per pixel.

The array is stored as int32 ``(H,W,C)`` in ``arr``; ``C`` counts segmentation maps (e.g. stacked
masks), not classes.
"""

from __future__ import annotations

import colorsys
from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables.heatmaps import (
    _check_alpha,
    _check_draw_image,
    _check_shape_arg,
    _is_float,
    _is_int,
    _pad,
    _paddings_for_aspect_ratio,
    _resize,
    _target_hw,
)


def _make_segment_colors(count: int) -> list[tuple[int, int, int]]:
    """Black (background) plus ``count - 1`` colours: golden-ratio hue steps in three
    saturation/brightness tiers."""
    tiers = ((0.85, 1.0), (0.55, 0.9), (0.95, 0.55))
    per_tier = -(-(count - 1) // len(tiers))
    colors = [(0, 0, 0)]
    for i in range(count - 1):
        saturation, value = tiers[i // per_tier]
        hue = (i * 0.6180339887498949) % 1.0
        rgb = colorsys.hsv_to_rgb(hue, saturation, value)
        colors.append(tuple(int(round(channel * 255)) for channel in rgb))
    return colors


DEFAULT_SEGMENT_COLORS: list[tuple[int, int, int]] = _make_segment_colors(64)
"""RGB colour per class id used for drawing (class 0, the background, is black)."""

_BLEND_EPS = 1e-2
_INT32_MAX = np.iinfo(np.int32).max


def _warn_deprecated(message: str) -> None:
    from imgaug2 import imgaug as ia

    ia.warn_deprecated(message, stacklevel=4)


def _palette(colors: Any) -> np.ndarray:
    palette = np.asarray(colors)
    if palette.ndim != 2 or palette.shape[1] != 3 or palette.dtype.kind not in "iuf":
        raise ValueError(f"colors must be a list of (R, G, B) tuples, got array of shape "
                         f"{palette.shape} and dtype {palette.dtype}")
    if palette.size and (palette.min() < 0 or palette.max() > 255):
        raise ValueError("colors must hold values in [0, 255]")
    return palette.astype(np.uint8)


def _blend(foreground: np.ndarray, background: np.ndarray, alpha: float) -> np.ndarray:
    """``alpha * foreground + (1 - alpha) * background`` for uint8 images (rounded)."""
    if alpha >= 1.0 - _BLEND_EPS:
        return np.copy(foreground)
    if alpha <= _BLEND_EPS:
        return np.copy(background)
    return cv2.addWeighted(foreground, alpha, background, 1.0 - alpha, 0.0)


class SegmentationMapsOnImage:
    """Segmentation maps of one image.

    ``arr``: ``(H,W)`` or ``(H,W,C)`` array of dtype bool, int8..int64 or uint8/uint16 with class
    ids >= 0 (``C`` = number of maps, not classes). Float arrays are deprecated (as in imgaug
    0.4.0): ``(H,W)`` becomes ``arr > 0.5``, ``(H,W,C)`` the argmax over the channels.
    ``shape``: shape tuple of the image the maps belong to (the maps may be smaller).
    """

    DEFAULT_SEGMENT_COLORS = DEFAULT_SEGMENT_COLORS

    def __init__(self, arr: np.ndarray, shape: Any, nb_classes: Any = None) -> None:
        if not isinstance(arr, np.ndarray):
            raise TypeError(f"SegmentationMapsOnImage: arr must be a numpy array, got "
                            f"{type(arr).__name__}")
        if arr.dtype.kind == "f":
            _warn_deprecated(
                "Got a float array as the segmentation map in SegmentationMapsOnImage. That is "
                "deprecated. Please provide instead a (H,W,[C]) array of dtype bool_, int or "
                "uint, where C denotes the segmentation map index.")
            if arr.ndim == 2:
                arr = arr > 0.5
            elif arr.ndim == 3:
                arr = np.argmax(arr, axis=2).astype(np.int32)
        if arr.ndim not in (2, 3):
            raise ValueError(f"SegmentationMapsOnImage: arr must have shape (H,W) or (H,W,C), "
                             f"got {arr.shape}")
        kind = arr.dtype.kind
        if kind in "iu":
            if kind == "u" and arr.dtype.itemsize > 2:
                raise ValueError(f"SegmentationMapsOnImage: uint arrays must be uint8 or uint16 "
                                 f"(converted to int32), got dtype {arr.dtype}")
            if arr.size and arr.min() < 0:
                raise ValueError("SegmentationMapsOnImage: class ids must be >= 0, got "
                                 f"{arr.min()}")
            if arr.size and arr.dtype.itemsize > 4 and arr.max() > _INT32_MAX:
                raise ValueError("SegmentationMapsOnImage: class ids must fit into int32, got "
                                 f"{arr.max()}")
        elif kind != "b":
            raise ValueError(f"SegmentationMapsOnImage: arr must be a bool, int or uint array, "
                             f"got dtype {arr.dtype}")
        self._input_was = (arr.dtype, arr.ndim)
        if arr.ndim == 2:
            arr = arr[:, :, np.newaxis]
        self.arr = arr if arr.dtype == np.int32 else arr.astype(np.int32)
        self.shape = _check_shape_arg(shape, "SegmentationMapsOnImage")
        if nb_classes is not None:
            _warn_deprecated("Providing nb_classes to SegmentationMapsOnImage is no longer "
                             "necessary and hence deprecated. The argument is ignored and can "
                             "be safely removed.")

    def get_arr(self) -> np.ndarray:
        """The maps with the dtype and number of dimensions given to the constructor."""
        dtype, ndim = self._input_was
        arr = self.arr.astype(dtype)
        if ndim == 2 and arr.shape[2] == 1:
            return arr[:, :, 0]
        return arr

    def get_arr_int(self, *args: Any, **kwargs: Any) -> np.ndarray:
        """Deprecated alias of :meth:`get_arr`."""
        _warn_deprecated("SegmentationMapsOnImage.get_arr_int() is deprecated. Use "
                         "SegmentationMapsOnImage.get_arr() instead.")
        return self.get_arr()

    def draw(self, size: Any = None, colors: Any = None) -> list[np.ndarray]:
        """One uint8 ``(H,W,3)`` RGB image per map channel, each class in its colour.

        ``size``: None (array size) or a target as in ``resize()``; ``colors``: list of RGB
        tuples indexed by class id (default: ``DEFAULT_SEGMENT_COLORS``).
        """
        if size is None:
            height, width = self.arr.shape[0:2]
        else:
            height, width = _target_hw(self.arr.shape, size)
        image = np.zeros((height, width, 3), dtype=np.uint8)
        return self.draw_on_image(image, alpha=1.0, resize="segmentation_map", colors=colors,
                                  draw_background=True)

    def draw_on_image(self, image: np.ndarray, alpha: float = 0.75,
                      resize: str = "segmentation_map", colors: Any = None,
                      draw_background: bool = False, background_class_id: int = 0,
                      background_threshold: Any = None) -> list[np.ndarray]:
        """Blend the drawn maps over ``image`` (uint8 RGB); one image per map channel.

        Pixels of ``background_class_id`` keep the image's colour unless ``draw_background``.
        ``resize``: "segmentation_map" (maps are resized to the image, nearest) or "image" (the
        image is resized to the maps, cubic). ``background_threshold`` is deprecated/ignored.
        """
        if background_threshold is not None:
            _warn_deprecated("The argument `background_threshold` is deprecated and ignored. "
                             "Please don't use it anymore.")
        _check_draw_image(image)
        alpha = _check_alpha(alpha)
        if resize not in ("segmentation_map", "image"):
            raise ValueError(f"resize must be 'segmentation_map' or 'image', got {resize!r}")
        if background_class_id is None:
            background_class_id = 0
        palette = _palette(self.DEFAULT_SEGMENT_COLORS if colors is None else colors)
        if resize == "image":
            image = _resize(image, self.arr.shape[0:2], "cubic")
        size = image.shape[0:2]
        results = []
        for c in range(self.arr.shape[2]):
            ids = self.arr[:, :, c]
            if ids.size and ids.min() < 0:
                raise ValueError(f"cannot draw negative class ids, got {ids.min()}")
            nb_classes = int(ids.max()) + 1 if ids.size else 0
            if nb_classes > len(palette):
                raise ValueError(f"Can't draw all {nb_classes} classes as it would exceed the "
                                 f"maximum number of {len(palette)} available colors.")
            drawn = palette[ids]
            if drawn.shape[0:2] != size:
                drawn = _resize(drawn, size, "nearest")
            mix = _blend(drawn, image, alpha)
            if not draw_background:
                foreground = ids != background_class_id
                if foreground.shape != size:
                    foreground = _resize(foreground, size, "nearest")
                mix = np.where(foreground[:, :, np.newaxis], mix, image)
            results.append(mix)
        return results

    def pad(self, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
            mode: str = "constant", cval: int = 0) -> SegmentationMapsOnImage:
        """Pad the array sides; ``cval`` is a class id (mode "constant")."""
        if mode in ("constant", "linear_ramp") and (
                not (_is_int(cval) or _is_float(cval)) or cval < 0
                or not float(cval).is_integer()):
            raise ValueError(f"cval must be a class id (an integer >= 0), got {cval!r}")
        arr = _pad(self.arr, top, right, bottom, left, mode, int(cval))
        return self._with_arr(arr)

    def pad_to_aspect_ratio(self, aspect_ratio: float, mode: str = "constant", cval: int = 0,
                            return_pad_amounts: bool = False) -> Any:
        """Pad left/right or top/bottom until ``width / height == aspect_ratio``.

        Returns the padded maps, plus ``(top, right, bottom, left)`` if ``return_pad_amounts``.
        """
        pads = _paddings_for_aspect_ratio(*self.arr.shape[0:2], aspect_ratio)
        segmap = self.pad(*pads, mode=mode, cval=cval)
        return (segmap, pads) if return_pad_amounts else segmap

    def resize(self, sizes: Any, interpolation: Any = "nearest") -> SegmentationMapsOnImage:
        """Resize the array (``sizes``: float factor, (h, w) ints or (h, w) float fractions);
        only nearest neighbour interpolation is valid for the int32 class ids."""
        return self._with_arr(_resize(self.arr, sizes, interpolation))

    def scale(self, *args: Any, **kwargs: Any) -> SegmentationMapsOnImage:
        """Deprecated alias of :meth:`resize`."""
        _warn_deprecated("SegmentationMapsOnImage.scale() is deprecated. Use "
                         "SegmentationMapsOnImage.resize() instead (same interface).")
        return self.resize(*args, **kwargs)

    def _with_arr(self, arr: np.ndarray) -> SegmentationMapsOnImage:
        """New instance around a valid int32 ``(H,W,C)`` array (no copy, no checks)."""
        segmap = SegmentationMapsOnImage.__new__(SegmentationMapsOnImage)
        segmap.arr = arr if arr.dtype == np.int32 else arr.astype(np.int32)
        segmap.shape = self.shape
        segmap._input_was = self._input_was
        return segmap

    def copy(self, arr: Any = None, shape: Any = None) -> SegmentationMapsOnImage:
        """A shallow copy (shares ``arr`` unless a new one is given), optionally with a new
        ``arr`` and/or ``shape``."""
        if arr is None:
            segmap = self._with_arr(self.arr)
        else:
            segmap = SegmentationMapsOnImage(arr, shape=self.shape)
            segmap._input_was = self._input_was
        if shape is not None:
            segmap.shape = _check_shape_arg(shape, "SegmentationMapsOnImage")
        return segmap

    def deepcopy(self, arr: Any = None, shape: Any = None) -> SegmentationMapsOnImage:
        """A deep copy, optionally with a new ``arr`` and/or ``shape``."""
        if arr is not None:
            return self.copy(np.copy(arr), shape=shape)
        segmap = self._with_arr(np.copy(self.arr))
        if shape is not None:
            segmap.shape = _check_shape_arg(shape, "SegmentationMapsOnImage")
        return segmap

    def __repr__(self) -> str:
        return f"SegmentationMapsOnImage(arr shape={self.arr.shape}, shape={self.shape})"


def SegmentationMapOnImage(*args: Any, **kwargs: Any) -> SegmentationMapsOnImage:  # noqa: N802
    """Deprecated old name of :class:`SegmentationMapsOnImage`."""
    _warn_deprecated("SegmentationMapOnImage is deprecated. Use SegmentationMapsOnImage "
                     "instead. (Note the plural 'Maps' instead of old 'Map'.)")
    return SegmentationMapsOnImage(*args, **kwargs)
