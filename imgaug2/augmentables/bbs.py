"""Axis-aligned bounding boxes: :class:`BoundingBox`, :class:`BoundingBoxesOnImage`.

A box is given by its top-left ``(x1, y1)`` and bottom-right ``(x2, y2)`` corners (floats,
swapped on creation so that ``x1 <= x2`` and ``y1 <= y2``). The corners lie inside the box, so a
box covering a whole ``(H, W)`` image is ``(0, 0, W - eps, H - eps)``.
"""

from __future__ import annotations

import copy as copylib
import math
import numbers
from typing import Any

import numpy as np

from imgaug2.augmentables import _drawing
from imgaug2.augmentables._cba import CoordsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.utils import (
    _as_xy_array,
    _flatten_numbers,
    _normalize_shift_args,
    _warn_deprecated,
    normalize_shape,
    project_coords_,
)

_EPS32 = float(np.finfo(np.float32).eps)


def _max_inside(size: int) -> float:
    """Largest coordinate below ``size`` that stays below it after float32 storage."""
    return min(size - _EPS32, float(np.nextafter(np.float32(size), np.float32(0))))


def _number(value: Any, name: str) -> float:
    if type(value) is float:
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if isinstance(value, np.ndarray) and value.size == 1:
            return float(value.reshape(()))
        raise TypeError(f"BoundingBox {name} must be a number, got {type(value).__name__}")
    return float(value)


class BoundingBox:
    """A box ``(x1, y1, x2, y2)`` with an optional ``label``."""

    def __init__(self, x1: float, y1: float, x2: float, y2: float, label: Any = None) -> None:
        x1, y1 = _number(x1, "x1"), _number(y1, "y1")
        x2, y2 = _number(x2, "x2"), _number(y2, "y2")
        if x1 > x2:
            x1, x2 = x2, x1
        if y1 > y2:
            y1, y2 = y2, y1
        self.x1, self.y1, self.x2, self.y2 = x1, y1, x2, y2
        self.label = label

    @property
    def coords(self) -> np.ndarray:
        """Top-left and bottom-right corners as a float32 ``(2, 2)`` array."""
        return np.array([[self.x1, self.y1], [self.x2, self.y2]], dtype=np.float32)

    @property
    def x1_int(self) -> int:
        """x1 rounded to the closest integer."""
        return int(np.round(self.x1))

    @property
    def y1_int(self) -> int:
        """y1 rounded to the closest integer."""
        return int(np.round(self.y1))

    @property
    def x2_int(self) -> int:
        """x2 rounded to the closest integer."""
        return int(np.round(self.x2))

    @property
    def y2_int(self) -> int:
        """y2 rounded to the closest integer."""
        return int(np.round(self.y2))

    @property
    def height(self) -> float:
        """``y2 - y1``."""
        return self.y2 - self.y1

    @property
    def width(self) -> float:
        """``x2 - x1``."""
        return self.x2 - self.x1

    @property
    def center_x(self) -> float:
        """x-coordinate of the centre."""
        return self.x1 + self.width / 2

    @property
    def center_y(self) -> float:
        """y-coordinate of the centre."""
        return self.y1 + self.height / 2

    @property
    def area(self) -> float:
        """``height * width``."""
        return self.height * self.width

    def contains(self, other: Any) -> bool:
        """Whether a point (Keypoint or ``(x, y)``) lies in the box (borders included)."""
        if isinstance(other, Keypoint):
            x, y = other.x, other.y
        else:
            try:
                x, y = other
            except (TypeError, ValueError) as exc:
                raise TypeError(f"other must be a Keypoint or an (x, y) pair, got {other!r}"
                                ) from exc
        return self.x1 <= x <= self.x2 and self.y1 <= y <= self.y2

    def project_(self, from_shape: Any, to_shape: Any) -> BoundingBox:
        """Rescale the box in place from one image shape to another."""
        coords = project_coords_(np.array([[self.x1, self.y1], [self.x2, self.y2]],
                                          dtype=np.float64), from_shape, to_shape)
        (self.x1, self.y1), (self.x2, self.y2) = coords.tolist()
        return self

    def project(self, from_shape: Any, to_shape: Any) -> BoundingBox:
        """Rescale the box from one image shape to another (for resized images)."""
        return self.deepcopy().project_(from_shape, to_shape)

    def extend_(self, all_sides: float = 0, top: float = 0, right: float = 0, bottom: float = 0,
                left: float = 0) -> BoundingBox:
        """Grow the box in place by the given amounts on its sides."""
        self.x1 = self.x1 - all_sides - left
        self.x2 = self.x2 + all_sides + right
        self.y1 = self.y1 - all_sides - top
        self.y2 = self.y2 + all_sides + bottom
        return self

    def extend(self, all_sides: float = 0, top: float = 0, right: float = 0, bottom: float = 0,
               left: float = 0) -> BoundingBox:
        """The box grown by the given amounts on its sides."""
        return self.deepcopy().extend_(all_sides, top, right, bottom, left)

    def intersection(self, other: BoundingBox, default: Any = None) -> BoundingBox | Any:
        """The overlap of two boxes (may have zero size), or ``default`` if they are apart."""
        x1, y1 = max(self.x1, other.x1), max(self.y1, other.y1)
        x2, y2 = min(self.x2, other.x2), min(self.y2, other.y2)
        if x1 > x2 or y1 > y2:
            return default
        return BoundingBox(x1=x1, y1=y1, x2=x2, y2=y2)

    def union(self, other: BoundingBox) -> BoundingBox:
        """The smallest box containing both boxes."""
        return BoundingBox(x1=min(self.x1, other.x1), y1=min(self.y1, other.y1),
                           x2=max(self.x2, other.x2), y2=max(self.y2, other.y2))

    def iou(self, other: BoundingBox) -> float:
        """Intersection over union (0.0 if the boxes do not overlap or have no area)."""
        inters = self.intersection(other)
        if inters is None:
            return 0.0
        area_union = self.area + other.area - inters.area
        return inters.area / area_union if area_union > 0 else 0.0

    def compute_out_of_image_area(self, image: Any) -> float:
        """Area of the box outside of ``[0, W] x [0, H]``."""
        height, width = normalize_shape(image)[0:2]
        inter = self.intersection(BoundingBox(0, 0, width, height), default=None)
        return self.area if inter is None else self.area - inter.area

    def compute_out_of_image_fraction(self, image: Any) -> float:
        """Fraction of the area outside of the image (zero-area boxes: 0.0 or 1.0)."""
        area = self.area
        if area == 0:
            height, width = normalize_shape(image)[0:2]
            outside = not (0 <= self.x1 < width and 0 <= self.y1 < height)
            return 1.0 if outside else 0.0
        return self.compute_out_of_image_area(image) / area

    def is_fully_within_image(self, image: Any) -> bool:
        """Whether both corners lie in ``[0, W) x [0, H)``."""
        height, width = normalize_shape(image)[0:2]
        return self.x1 >= 0 and self.x2 < width and self.y1 >= 0 and self.y2 < height

    def is_partly_within_image(self, image: Any) -> bool:
        """Whether the box overlaps the image (at least in one point)."""
        height, width = normalize_shape(image)[0:2]
        image_box = BoundingBox(0, 0, width - _EPS32, height - _EPS32)
        return self.intersection(image_box) is not None

    def is_out_of_image(self, image: Any, fully: bool = True, partly: bool = False) -> bool:
        """Whether the box is fully (``fully``) and/or partly (``partly``) outside."""
        if self.is_fully_within_image(image):
            return False
        if self.is_partly_within_image(image):
            return partly
        return fully

    def clip_out_of_image_(self, image: Any) -> BoundingBox:
        """Clip the corners in place to the image (right/bottom to just below W and H)."""
        height, width = normalize_shape(image)[0:2]
        if height <= 0 or width <= 0:
            raise ValueError(f"Cannot clip a bounding box to an image of shape "
                             f"{normalize_shape(image)}: height and width must be > 0")
        max_x, max_y = _max_inside(width), _max_inside(height)
        self.x1 = min(max(self.x1, 0.0), max_x)
        self.x2 = min(max(self.x2, 0.0), max_x)
        self.y1 = min(max(self.y1, 0.0), max_y)
        self.y2 = min(max(self.y2, 0.0), max_y)
        return self

    def clip_out_of_image(self, image: Any) -> BoundingBox:
        """The box with its corners clipped to the image."""
        return self.deepcopy().clip_out_of_image_(image)

    def cut_out_of_image(self, *args: Any, **kwargs: Any) -> BoundingBox:
        """Deprecated alias of :meth:`clip_out_of_image`."""
        _warn_deprecated("BoundingBox.cut_out_of_image() is deprecated. Use "
                         "clip_out_of_image() instead, it has the same interface.")
        return self.clip_out_of_image(*args, **kwargs)

    def shift_(self, x: float = 0, y: float = 0) -> BoundingBox:
        """Move the box by ``x`` and ``y`` pixels in place."""
        self.x1 += x
        self.x2 += x
        self.y1 += y
        self.y2 += y
        return self

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> BoundingBox:
        """Move the box by ``x`` and ``y`` pixels (top/right/bottom/left are deprecated)."""
        x, y = _normalize_shift_args(x, y, top=top, right=right, bottom=bottom, left=left)
        return self.deepcopy().shift_(x, y)

    def _int_corners(self, image: np.ndarray) -> tuple[int, int, int, int] | None:
        """Rounded corners; clipped to the image when the box is fully inside it."""
        if not all(math.isfinite(v) for v in (self.x1, self.y1, self.x2, self.y2)):
            return None
        x1, y1, x2, y2 = self.x1_int, self.y1_int, self.x2_int, self.y2_int
        if self.is_fully_within_image(image):
            height, width = image.shape[0:2]
            x1, x2 = min(max(x1, 0), width - 1), min(max(x2, 0), width - 1)
            y1, y2 = min(max(y1, 0), height - 1), min(max(y2, 0), height - 1)
        return x1, y1, x2, y2

    def draw_label_on_image(self, image: np.ndarray, color: Any = (0, 255, 0),
                            color_text: Any = None, color_bg: Any = None, alpha: float = 1.0,
                            size: int = 1, size_text: int = 20, height: int = 30,
                            copy: bool = True, raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw a filled box with the label text right above the box.

        ``image``: ``(H, W)`` or ``(H, W, C)``, usually uint8 (the text is rendered in uint8).
        ``color_bg`` defaults to ``color``; ``color_text`` to black or white, whichever
        contrasts with the background.
        """
        image = _drawing.check_image(image)
        if raise_if_out_of_image and self.is_out_of_image(image):
            raise ValueError(f"Cannot draw bounding box {self} on image with shape "
                             f"{image.shape}: it is fully outside of the image")
        image = np.copy(image) if copy else image
        channels = _drawing.nb_channels(image)
        if color_bg is None:
            if color is None:
                raise ValueError("color must be set if color_bg is not")
            color_bg = color
        bg = np.clip(_drawing.color_vector(color_bg, channels, "color_bg"), 0, 255)
        if color_text is None:
            gray = (0.299 * bg[0] + 0.587 * bg[1] + 0.114 * bg[2]) if channels >= 3 else bg[0]
            text = np.full(channels, 0.0 if gray > 128 else 255.0)
        else:
            text = np.clip(_drawing.color_vector(color_text, channels, "color_text"), 0, 255)
        corners = self._int_corners(image)
        if corners is None:
            return image
        img_h, img_w = image.shape[0:2]
        x1, y1, x2, _ = corners
        y1 = y1 - 1 - height
        y2 = y1 + height
        x1, x2 = x1 - size + 1, x2 + size
        y1, y2 = min(max(y1, 0), img_h - 1), min(max(y2, 0), img_h - 1)
        x1, x2 = min(max(x1, 0), img_w - 1), min(max(x2, 0), img_w - 1)
        if x2 <= x1 or y2 <= y1:
            return image
        from imgaug2 import imgaug as ia

        label_arr = np.zeros((y2 - y1, x2 - x1, channels), dtype=np.uint8)
        label_arr[...] = np.round(bg).astype(np.uint8)
        label_arr = ia.draw_text(label_arr, y=2, x=2, text=str(self.label),
                                 color=tuple(int(v) for v in np.round(text)), size=size_text)
        window = image[y1:y2, x1:x2]
        label_values = label_arr if image.ndim == 3 else label_arr[..., 0]
        if alpha >= 0.99:
            window[...] = _drawing.cast_to(label_values, image.dtype)
        else:
            blend = (1 - alpha) * window.astype(np.float64) + alpha * label_values
            window[...] = _drawing.cast_to(blend, image.dtype)
        return image

    def draw_box_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), alpha: float = 1.0,
                          size: int = 1, copy: bool = True, raise_if_out_of_image: bool = False,
                          thickness: int | None = None) -> np.ndarray:
        """Draw the box outline (``size`` pixels thick, growing outwards), not the label.

        ``image``: ``(H, W)`` or ``(H, W, C)`` of any integer or float dtype. Parts outside of the
        image are skipped; ``raise_if_out_of_image`` raises a ValueError if the box is fully
        outside. ``thickness`` is the deprecated name of ``size``.
        """
        if thickness is not None:
            _warn_deprecated("Usage of argument 'thickness' in BoundingBox.draw_on_image() is "
                             "deprecated. The argument was renamed to 'size'.")
            size = thickness
        image = _drawing.check_image(image)
        if raise_if_out_of_image and self.is_out_of_image(image):
            raise ValueError(f"Cannot draw bounding box {self} on image with shape "
                             f"{image.shape}: it is fully outside of the image")
        image = np.copy(image) if copy else image
        color_vec = _drawing.color_vector(color, _drawing.nb_channels(image))
        corners = self._int_corners(image)
        if corners is None or size < 1:
            return image
        x1, y1, x2, y2 = corners
        img_h, img_w = image.shape[0:2]
        grow = int(size) - 1
        ox1, oy1, ox2, oy2 = x1 - grow, y1 - grow, x2 + grow, y2 + grow
        wx1, wy1 = max(ox1, 0), max(oy1, 0)
        wx2, wy2 = min(ox2 + 1, img_w), min(oy2 + 1, img_h)
        if wx1 >= wx2 or wy1 >= wy2:
            return image
        mask = np.ones((wy2 - wy1, wx2 - wx1), dtype=bool)
        ix1, iy1 = max(x1 + 1, wx1), max(y1 + 1, wy1)
        ix2, iy2 = min(x2, wx2), min(y2, wy2)
        if ix1 < ix2 and iy1 < iy2:
            mask[iy1 - wy1:iy2 - wy1, ix1 - wx1:ix2 - wx1] = False
        _drawing.paint_(image, wx1, wy1, mask, color_vec, 1.0 if alpha >= 0.99 else alpha)
        return image

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), alpha: float = 1.0,
                      size: int = 1, copy: bool = True, raise_if_out_of_image: bool = False,
                      thickness: int | None = None) -> np.ndarray:
        """Draw the box outline and, if the box has a label, the label above it."""
        image = self.draw_box_on_image(image, color=color, alpha=alpha, size=size, copy=copy,
                                       raise_if_out_of_image=raise_if_out_of_image,
                                       thickness=thickness)
        if self.label is not None:
            image = self.draw_label_on_image(
                image, color=color, alpha=alpha, size=size if thickness is None else thickness,
                copy=False, raise_if_out_of_image=raise_if_out_of_image)
        return image

    def extract_from_image(self, image: np.ndarray, pad: bool = True, pad_max: int | None = None,
                           prevent_zero_size: bool = True) -> np.ndarray:
        """The pixels under the box (rounded corners, right/bottom exclusive).

        ``image``: ``(H, W)`` or ``(H, W, C)`` of any dtype. With ``pad``, parts outside of the
        image are zero-padded (at most ``pad_max`` pixels per side); without it, only the part
        inside the image is returned. ``prevent_zero_size`` makes the result at least 1x1.
        """
        image = _drawing.check_image(image)
        height, width = image.shape[0:2]
        corners = self._int_corners(image)
        if corners is None:
            raise ValueError(f"Cannot extract a bounding box with non-finite coordinates: {self}")
        x1, y1, x2, y2 = corners
        if prevent_zero_size:
            if abs(x2 - x1) < 1:
                x2 = x1 + 1
            if abs(y2 - y1) < 1:
                y2 = y1 + 1
        if pad:
            pad_left, pad_top = max(-x1, 0), max(-y1, 0)
            pad_right, pad_bottom = max(x2 - width, 0), max(y2 - height, 0)
            limit = max(pad_left, pad_top, pad_right, pad_bottom) if pad_max is None else pad_max
            eff_left, eff_top = min(pad_left, limit), min(pad_top, limit)
            eff_right, eff_bottom = min(pad_right, limit), min(pad_bottom, limit)
            # imgaug pads the image (at most pad_max per side) and then slices it; this is the
            # same window expressed in original pixel coordinates
            ox1, oy1 = max(x1, 0) - eff_left, max(y1, 0) - eff_top
            ox2 = min(x2 + pad_left - eff_left, width + eff_right)
            oy2 = min(y2 + pad_top - eff_top, height + eff_bottom)
            return _crop_zero_padded(image, ox1, oy1, ox2, oy2)
        cx1, cy1 = min(max(x1, 0), width), min(max(y1, 0), height)
        cx2, cy2 = min(max(x2, 0), width), min(max(y2, 0), height)
        if cx2 > cx1 and cy2 > cy1:
            return image[cy1:cy2, cx1:cx2].copy()
        size = 1 if prevent_zero_size else 0
        return np.zeros((size, size) + image.shape[2:], dtype=image.dtype)

    def to_keypoints(self) -> list[Keypoint]:
        """The four corners, clockwise from the top-left, as Keypoint."""
        return [Keypoint(self.x1, self.y1), Keypoint(self.x2, self.y1),
                Keypoint(self.x2, self.y2), Keypoint(self.x1, self.y2)]

    def to_polygon(self):
        """A Polygon covering the same area (same label)."""
        from imgaug2.augmentables.polys import Polygon

        return Polygon([(self.x1, self.y1), (self.x2, self.y1), (self.x2, self.y2),
                        (self.x1, self.y2)], label=self.label)

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Whether all corner coordinates differ by at most ``max_distance``.

        ``other``: a BoundingBox, or corners as ``(2, 2)``/``(4,)`` array or iterable.
        """
        if isinstance(other, BoundingBox):
            other_coords = other.coords.ravel()
        elif isinstance(other, np.ndarray):
            other_coords = other.ravel()
        elif hasattr(other, "__iter__"):
            other_coords = np.asarray(_flatten_numbers(other), dtype=np.float64)
        else:
            raise TypeError("Expected 'other' to be a BoundingBox or an iterable of two (x, y) "
                            f"pairs, got {type(other).__name__}")
        if other_coords.size != 4:
            raise ValueError(f"Expected 4 coordinates in 'other', got {other_coords.size}")
        return bool(np.allclose(self.coords.ravel(), other_coords, atol=max_distance, rtol=0))

    def almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """:meth:`coords_almost_equals` plus equal labels."""
        if isinstance(other, BoundingBox) and self.label != other.label:
            return False
        return self.coords_almost_equals(other, max_distance=max_distance)

    @classmethod
    def from_point_soup(cls, xy: Any) -> BoundingBox:
        """The smallest box around ``(P, 2)`` or ``(2P,)`` points."""
        arr = _float32_array(xy, "xy", "(P, 2) or (2P,)")
        if arr.ndim == 1:
            if arr.size % 2:
                raise ValueError(f"xy must have shape (P, 2) or (2P,), got {arr.shape}")
            arr = arr.reshape(-1, 2)
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(f"xy must have shape (P, 2) or (2P,), got {arr.shape}")
        if len(arr) == 0:
            raise ValueError("xy must contain at least one point to place a bounding box around")
        x1, y1 = arr.min(axis=0).tolist()
        x2, y2 = arr.max(axis=0).tolist()
        return cls(x1=x1, y1=y1, x2=x2, y2=y2)

    def copy(self, x1: float | None = None, y1: float | None = None, x2: float | None = None,
             y2: float | None = None, label: Any = None) -> BoundingBox:
        """A copy, optionally with other coordinates or label."""
        return self.deepcopy(x1=x1, y1=y1, x2=x2, y2=y2, label=label)

    def deepcopy(self, x1: float | None = None, y1: float | None = None,
                 x2: float | None = None, y2: float | None = None,
                 label: Any = None) -> BoundingBox:
        """A deep copy (the label too), optionally with other coordinates or label."""
        return BoundingBox(x1=self.x1 if x1 is None else x1, y1=self.y1 if y1 is None else y1,
                           x2=self.x2 if x2 is None else x2, y2=self.y2 if y2 is None else y2,
                           label=copylib.deepcopy(self.label) if label is None else label)

    def __getitem__(self, indices: Any) -> np.ndarray:
        return self.coords[indices]

    def __iter__(self):
        return iter(self.coords)

    def __repr__(self) -> str:
        return (f"BoundingBox(x1={self.x1:.4f}, y1={self.y1:.4f}, x2={self.x2:.4f}, "
                f"y2={self.y2:.4f}, label={self.label})")

    __str__ = __repr__


def _float32_array(values: Any, name: str, expected: str) -> np.ndarray:
    try:
        return np.array(values, dtype=np.float32)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a numeric array of shape {expected}: {exc}") from exc


def _crop_zero_padded(image: np.ndarray, x1: int, y1: int, x2: int, y2: int) -> np.ndarray:
    """``image[y1:y2, x1:x2]`` where pixels outside of the image are zero."""
    height, width = image.shape[0:2]
    out = np.zeros((max(y2 - y1, 0), max(x2 - x1, 0)) + image.shape[2:], dtype=image.dtype)
    sx1, sy1 = max(x1, 0), max(y1, 0)
    sx2, sy2 = min(x2, width), min(y2, height)
    if sx1 < sx2 and sy1 < sy2:
        out[sy1 - y1:sy2 - y1, sx1 - x1:sx2 - x1] = image[sy1:sy2, sx1:sx2]
    return out


class BoundingBoxesOnImage(CoordsOnImage):
    """The boxes of one image: ``BoundingBoxesOnImage(bounding_boxes, shape)``.

    ``shape`` is the image shape tuple ``(H, W[, C])``.
    """

    _items_attr = "bounding_boxes"
    _item_type = BoundingBox

    def __init__(self, bounding_boxes: list[BoundingBox], shape: Any) -> None:
        self._init(bounding_boxes, shape)

    @classmethod
    def from_xyxy_array(cls, xyxy: Any, shape: Any) -> BoundingBoxesOnImage:
        """Boxes from an ``(N, 4)`` or ``(N, 2, 2)`` corner array."""
        arr = _float32_array(xyxy, "xyxy", "(N, 4) or (N, 2, 2)")
        if arr.size == 0 and arr.ndim <= 2 and (arr.ndim < 2 or arr.shape[-1] in (0, 4)):
            return cls([], shape)
        if arr.ndim == 3 and arr.shape[1:] == (2, 2):
            arr = arr.reshape(-1, 4)
        if arr.ndim != 2 or arr.shape[1] != 4:
            raise ValueError(f"xyxy must have shape (N, 4) or (N, 2, 2), got {arr.shape}")
        return cls([BoundingBox(x1, y1, x2, y2) for x1, y1, x2, y2 in arr.tolist()], shape)

    @classmethod
    def from_point_soups(cls, xy: Any, shape: Any) -> BoundingBoxesOnImage:
        """Boxes around point soups, ``(N, 2P)`` or ``(N, P, 2)``."""
        arr = _float32_array(xy, "xy", "(N, 2P) or (N, P, 2)")
        if arr.size == 0 and arr.ndim <= 1:
            return cls([], shape)
        if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] != 2):
            raise ValueError(f"xy must have shape (N, 2P) or (N, P, 2), got {arr.shape}")
        return cls([BoundingBox.from_point_soup(row) for row in arr], shape)

    def to_xyxy_array(self, dtype: Any = np.float32) -> np.ndarray:
        """The boxes as an ``(N, 4)`` array ``(x1, y1, x2, y2)``."""
        if not self.bounding_boxes:
            return np.zeros((0, 4), dtype=dtype)
        arr = np.array([(bb.x1, bb.y1, bb.x2, bb.y2) for bb in self.bounding_boxes],
                       dtype=np.float32)
        return arr.astype(dtype, copy=False)

    def fill_from_xyxy_array_(self, xyxy: Any) -> BoundingBoxesOnImage:
        """Overwrite the corners in place from an ``(N, 4)`` array (swapped as needed)."""
        arr = _float32_array(xyxy, "xyxy", "(N, 4)")
        if arr.size == 0 and arr.ndim <= 2:
            arr = arr.reshape(0, 4)
        if arr.ndim != 2 or arr.shape[1] != 4:
            raise ValueError(f"xyxy must have shape (N, 4), got {arr.shape}")
        if len(arr) != len(self.bounding_boxes):
            raise ValueError(f"xyxy has {len(arr)} rows, but there are "
                             f"{len(self.bounding_boxes)} bounding boxes")
        for bb, (x1, y1, x2, y2) in zip(self.bounding_boxes, arr.tolist()):
            bb.x1, bb.x2 = min(x1, x2), max(x1, x2)
            bb.y1, bb.y2 = min(y1, y2), max(y1, y2)
        return self

    def to_xy_array(self) -> np.ndarray:
        """The corners as a ``(2N, 2)`` array (top-left, bottom-right per box)."""
        return self.to_xyxy_array().reshape(-1, 2)

    def fill_from_xy_array_(self, xy: Any) -> BoundingBoxesOnImage:
        """Overwrite the corners in place from a ``(2N, 2)`` array."""
        xy = _as_xy_array(xy, "xy")
        if len(xy) != 2 * len(self.bounding_boxes):
            raise ValueError(f"xy has {len(xy)} points, but {len(self.bounding_boxes)} bounding "
                             f"boxes need {2 * len(self.bounding_boxes)}")
        return self.fill_from_xyxy_array_(xy.reshape(-1, 4))

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), alpha: float = 1.0,
                      size: int = 1, copy: bool = True, raise_if_out_of_image: bool = False,
                      thickness: int | None = None) -> np.ndarray:
        """Draw all boxes (and their labels); see :meth:`BoundingBox.draw_on_image`."""
        image = _drawing.check_image(image)
        image = np.copy(image) if copy else image
        for bb in self.bounding_boxes:
            image = bb.draw_on_image(image, color=color, alpha=alpha, size=size, copy=False,
                                     raise_if_out_of_image=raise_if_out_of_image,
                                     thickness=thickness)
        return image

    def clip_out_of_image_(self) -> BoundingBoxesOnImage:
        """Drop boxes fully outside of the image and clip the others, in place."""
        self.bounding_boxes = [bb.clip_out_of_image(self.shape) for bb in self.bounding_boxes
                               if bb.is_partly_within_image(self.shape)]
        return self

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        """The four corners of every box (clockwise from top-left) as one KeypointsOnImage."""
        xy = np.array([(bb.x1, bb.y1, bb.x2, bb.y1, bb.x2, bb.y2, bb.x1, bb.y2)
                       for bb in self.bounding_boxes], dtype=np.float32).reshape(-1, 2)
        return KeypointsOnImage.from_xy_array(xy, shape=self.shape)

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> BoundingBoxesOnImage:
        """Set every box to the bounds of its four (augmented) corner keypoints, in place."""
        if len(kpsoi.keypoints) != 4 * len(self.bounding_boxes):
            raise ValueError(f"Expected {4 * len(self.bounding_boxes)} keypoints in kpsoi, got "
                             f"{len(kpsoi.keypoints)}")
        corners = kpsoi.to_xy_array().reshape(-1, 4, 2)
        lows, highs = corners.min(axis=1).tolist(), corners.max(axis=1).tolist()
        for bb, (x1, y1), (x2, y2) in zip(self.bounding_boxes, lows, highs):
            bb.x1, bb.y1, bb.x2, bb.y2 = x1, y1, x2, y2
        self.shape = kpsoi.shape
        return self

    def to_polygons_on_image(self):
        """The boxes as a PolygonsOnImage."""
        from imgaug2.augmentables.polys import PolygonsOnImage

        return PolygonsOnImage([bb.to_polygon() for bb in self.bounding_boxes], shape=self.shape)

    def copy(self, bounding_boxes: list[BoundingBox] | None = None,
             shape: Any = None) -> BoundingBoxesOnImage:
        """A shallow copy (a new list holding the same boxes)."""
        return self._copy_impl(bounding_boxes, shape, deep=False)

    def deepcopy(self, bounding_boxes: list[BoundingBox] | None = None,
                 shape: Any = None) -> BoundingBoxesOnImage:
        """A deep copy (the boxes are copied too)."""
        return self._copy_impl(bounding_boxes, shape, deep=True)
