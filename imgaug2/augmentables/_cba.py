"""Shared base of the ``*OnImage`` containers and of the array-backed items (polygons, lines).

Subclasses set ``_items_attr`` (the imgaug attribute name, e.g. ``"polygons"``) and
``_item_type``; items implement ``project_``, ``shift_``, ``is_out_of_image``,
``compute_out_of_image_fraction``, ``clip_out_of_image`` and ``deepcopy``.
"""

from __future__ import annotations

import copy as copylib
from typing import Any

import numpy as np

from imgaug2.augmentables.utils import (
    _as_xy_array,
    _normalize_on_image_shape,
    _normalize_shift_args,
    _remove_out_of_image_fraction_,
    _warn_deprecated,
    normalize_shape,
    project_coords_,
)


def _item_list(items: Any, item_type: type, arg_name: str, cls_name: str) -> list:
    """``items`` as a list of ``item_type``; ``TypeError`` naming the argument otherwise."""
    if isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise TypeError(f"{cls_name}: {arg_name} must be a list of {item_type.__name__}, got "
                        f"{type(items).__name__}")
    items = list(items)
    for item in items:
        if not isinstance(item, item_type):
            raise TypeError(f"{cls_name}: {arg_name} must contain only {item_type.__name__} "
                            f"objects, got {type(item).__name__}")
    return items


class CoordsOnImage:
    """Base of KeypointsOnImage, BoundingBoxesOnImage, PolygonsOnImage, LineStringsOnImage."""

    _items_attr = "items"
    _item_type: type = object
    shape: tuple[int, ...]

    def _init(self, items: Any, shape: Any) -> None:
        cls_name = type(self).__name__
        setattr(self, self._items_attr,
                _item_list(items, self._item_type, self._items_attr, cls_name))
        self.shape = _normalize_on_image_shape(shape, cls_name)

    @property
    def items(self) -> list:
        """The objects in this container (same list as the imgaug-named attribute)."""
        return getattr(self, self._items_attr)

    @items.setter
    def items(self, value: list) -> None:
        setattr(self, self._items_attr, list(value))

    @property
    def height(self) -> int:
        """Height of the image the objects are placed on."""
        return self.shape[0]

    @property
    def width(self) -> int:
        """Width of the image the objects are placed on."""
        return self.shape[1]

    @property
    def empty(self) -> bool:
        """Whether the container holds no objects."""
        return len(self.items) == 0

    def on_(self, image: Any):
        """Project all objects in place onto an image (or shape) of another size."""
        shape = normalize_shape(image)
        if shape[0:2] != self.shape[0:2]:
            for item in self.items:
                item.project_(self.shape, shape)
        self.shape = tuple(shape)
        return self

    def on(self, image: Any):
        """Project all objects onto an image (or shape) of another size."""
        return self.deepcopy().on_(image)

    def shift_(self, x: float = 0, y: float = 0):
        """Move all objects by ``x`` and ``y`` pixels in place."""
        for item in self.items:
            item.shift_(x=x, y=y)
        return self

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None):
        """Move all objects by ``x`` and ``y`` pixels (top/right/bottom/left are deprecated)."""
        x, y = _normalize_shift_args(x, y, top=top, right=right, bottom=bottom, left=left)
        return self.deepcopy().shift_(x=x, y=y)

    def remove_out_of_image_(self, fully: bool = True, partly: bool = False):
        """Drop in place the objects that are fully and/or partly outside of the image."""
        self.items = [item for item in self.items
                      if not item.is_out_of_image(self.shape, fully=fully, partly=partly)]
        return self

    def remove_out_of_image(self, fully: bool = True, partly: bool = False):
        """Drop the objects that are fully and/or partly outside of the image."""
        return self.copy().remove_out_of_image_(fully=fully, partly=partly)

    def remove_out_of_image_fraction_(self, fraction: float):
        """Drop in place the objects whose out-of-image fraction is ``>= fraction``."""
        return _remove_out_of_image_fraction_(self, fraction)

    def remove_out_of_image_fraction(self, fraction: float):
        """Drop the objects whose out-of-image fraction is ``>= fraction``."""
        return self.copy().remove_out_of_image_fraction_(fraction)

    def clip_out_of_image_(self):
        """Cut off in place the parts outside of the image; objects fully outside are dropped."""
        clipped = []
        for item in self.items:
            clipped.extend(item.clip_out_of_image(self.shape))
        self.items = clipped
        return self

    def clip_out_of_image(self):
        """Cut off the parts outside of the image; objects fully outside are dropped."""
        return self.deepcopy().clip_out_of_image_()

    def cut_out_of_image(self):
        """Deprecated alias of :meth:`clip_out_of_image`."""
        _warn_deprecated(f"{type(self).__name__}.cut_out_of_image() is deprecated. Use "
                         "clip_out_of_image() instead, it has the same interface.")
        return self.clip_out_of_image()

    def to_xy_array(self) -> np.ndarray:
        """All coordinates as one float32 ``(N, 2)`` array."""
        if not self.items:
            return np.zeros((0, 2), dtype=np.float32)
        return np.concatenate([item.coords for item in self.items]).astype(np.float32, copy=False)

    def fill_from_xy_array_(self, xy: Any):
        """Overwrite all coordinates in place from an ``(N, 2)`` array (same point count)."""
        xy = _as_xy_array(xy, "xy")
        counts = [len(item.coords) for item in self.items]
        if len(xy) != sum(counts):
            raise ValueError(f"xy has {len(xy)} points, but the {type(self).__name__} holds "
                             f"{sum(counts)}")
        start = 0
        for item, count in zip(self.items, counts):
            item.coords = xy[start:start + count].copy()
            start += count
        return self

    def to_keypoints_on_image(self):
        """All coordinates as one KeypointsOnImage (inverse: ``invert_to_keypoints_on_image_``)."""
        from imgaug2.augmentables.kps import KeypointsOnImage

        return KeypointsOnImage.from_xy_array(self.to_xy_array(), shape=self.shape)

    def invert_to_keypoints_on_image_(self, kpsoi: Any):
        """Write the coordinates of ``to_keypoints_on_image()``'s (augmented) output back."""
        self.fill_from_xy_array_(kpsoi.to_xy_array())
        self.shape = kpsoi.shape
        return self

    def _copy_impl(self, items: Any, shape: Any, deep: bool):
        if items is None:
            items = [item.deepcopy() for item in self.items] if deep else list(self.items)
        return type(self)(items, tuple(self.shape) if shape is None else shape)

    def __getitem__(self, indices: Any) -> Any:
        return self.items[indices]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items}, shape={self.shape})"

    __str__ = __repr__


class CoordsItem:
    """Base of Polygon and LineString: an ``(N, 2)`` float32 ``coords`` array and a label."""

    coords: np.ndarray
    label: Any

    @property
    def xx(self) -> np.ndarray:
        """float32 x-coordinates of all points."""
        return self.coords[:, 0]

    @property
    def yy(self) -> np.ndarray:
        """float32 y-coordinates of all points."""
        return self.coords[:, 1]

    @property
    def xx_int(self) -> np.ndarray:
        """int32 x-coordinates, rounded to the closest integer."""
        return np.round(self.xx).astype(np.int32)

    @property
    def yy_int(self) -> np.ndarray:
        """int32 y-coordinates, rounded to the closest integer."""
        return np.round(self.yy).astype(np.int32)

    @property
    def height(self) -> float:
        """Height of the axis-aligned box around all points (0 for fewer than 2 points)."""
        if len(self.coords) <= 1:
            return 0.0
        return float(np.max(self.yy) - np.min(self.yy))

    @property
    def width(self) -> float:
        """Width of the axis-aligned box around all points (0 for fewer than 2 points)."""
        if len(self.coords) <= 1:
            return 0.0
        return float(np.max(self.xx) - np.min(self.xx))

    def get_pointwise_inside_image_mask(self, image: Any) -> np.ndarray:
        """``(N,)`` bool: whether each point lies in ``[0, W) x [0, H)``."""
        height, width = normalize_shape(image)[0:2]
        x, y = self.xx, self.yy
        return (x >= 0) & (x < width) & (y >= 0) & (y < height)

    def project_(self, from_shape: Any, to_shape: Any):
        """Rescale the coordinates in place from one image shape to another."""
        self.coords = project_coords_(self.coords, from_shape, to_shape)
        return self

    def project(self, from_shape: Any, to_shape: Any):
        """Rescale the coordinates from one image shape to another."""
        return self.deepcopy().project_(from_shape, to_shape)

    def shift_(self, x: float = 0, y: float = 0):
        """Move all points by ``x`` and ``y`` pixels in place."""
        self.coords[:, 0] += x
        self.coords[:, 1] += y
        return self

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None):
        """Move all points by ``x`` and ``y`` pixels (top/right/bottom/left are deprecated)."""
        x, y = _normalize_shift_args(x, y, top=top, right=right, bottom=bottom, left=left)
        return self.deepcopy().shift_(x=x, y=y)

    def to_keypoints(self) -> list:
        """The points as a list of Keypoint."""
        from imgaug2.augmentables.kps import Keypoint

        return [Keypoint(x=x, y=y) for x, y in self.coords.tolist()]

    def to_bounding_box(self):
        """The axis-aligned BoundingBox around all points (``None`` if there are none)."""
        from imgaug2.augmentables.bbs import BoundingBox

        if len(self.coords) == 0:
            return None
        return BoundingBox(x1=float(np.min(self.xx)), y1=float(np.min(self.yy)),
                           x2=float(np.max(self.xx)), y2=float(np.max(self.yy)),
                           label=self.label)

    def copy(self, coords: Any = None, label: Any = None):
        """A copy, optionally with other coordinates or label (the label is deep-copied)."""
        return self.deepcopy(coords, label)

    def deepcopy(self, coords: Any = None, label: Any = None):
        """A deep copy, optionally with other coordinates or label."""
        return type(self)(np.array(self.coords if coords is None else coords, dtype=np.float32),
                          label=copylib.deepcopy(self.label) if label is None else label)

    def __getitem__(self, indices: Any) -> np.ndarray:
        return self.coords[indices]

    def __iter__(self):
        return iter(self.coords)
