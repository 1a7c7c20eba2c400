"""Shared base of PolygonsOnImage and LineStringsOnImage (lists of coordinate items)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.utils import (
    _normalize_shift_args,
    _remove_out_of_image_fraction_,
    normalize_shape,
)


class CoordsItem:
    """An item with an ``(N, 2)`` float32 ``coords`` array and a label."""

    coords: np.ndarray
    label: Any

    def _replace(self, coords: np.ndarray):
        return type(self)(coords, label=self.label)

    xx = property(lambda self: self.coords[:, 0])
    yy = property(lambda self: self.coords[:, 1])
    xx_int = property(lambda self: np.round(self.coords[:, 0]).astype(np.int32))
    yy_int = property(lambda self: np.round(self.coords[:, 1]).astype(np.int32))
    height = property(lambda self: float(np.ptp(self.coords[:, 1])) if len(self.coords) else 0.0)
    width = property(lambda self: float(np.ptp(self.coords[:, 0])) if len(self.coords) else 0.0)

    def project_(self, from_shape: Any, to_shape: Any):
        from imgaug2.augmentables.utils import project_coords_

        self.coords = project_coords_(self.coords, from_shape, to_shape)
        return self

    def project(self, from_shape: Any, to_shape: Any):
        return self.deepcopy().project_(from_shape, to_shape)

    def shift_(self, x: float = 0, y: float = 0):
        self.coords = self.coords + np.array([x, y], dtype=np.float32)
        return self

    def shift(self, x: float = 0, y: float = 0, top=None, right=None, bottom=None, left=None):
        x, y = _normalize_shift_args(x, y, top, right, bottom, left)
        return self.deepcopy().shift_(x, y)

    def is_fully_within_image(self, image: Any) -> bool:
        return self.compute_out_of_image_fraction(image) == 0.0 and self._inside_mask(
            image).all()

    def is_partly_within_image(self, image: Any) -> bool:
        return self.compute_out_of_image_fraction(image) < 1.0

    def is_out_of_image(self, image: Any, fully: bool = True, partly: bool = False) -> bool:
        if self.is_fully_within_image(image):
            return False
        if self.is_partly_within_image(image):
            return partly
        return fully

    def _inside_mask(self, image: Any) -> np.ndarray:
        h, w = normalize_shape(image)[0:2]
        x, y = self.coords[:, 0], self.coords[:, 1]
        return (x >= 0) & (x < w) & (y >= 0) & (y < h)

    def to_keypoints(self):
        from imgaug2.augmentables.kps import Keypoint

        return [Keypoint(x, y) for x, y in self.coords]

    def to_bounding_box(self):
        from imgaug2.augmentables.bbs import BoundingBox

        return BoundingBox.from_point_soup(self.coords).deepcopy(label=self.label)

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        other_coords = other.coords if isinstance(other, CoordsItem) else np.asarray(
            other, dtype=np.float32)
        if other_coords.shape != self.coords.shape:
            return False
        return bool(np.max(np.abs(self.coords - other_coords), initial=0) <= max_distance)

    def almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        if isinstance(other, CoordsItem) and other.label != self.label:
            return False
        return self.coords_almost_equals(other, max_distance)

    def copy(self, coords=None, label=None):
        return self.deepcopy(coords, label)

    def deepcopy(self, coords=None, label=None):
        return type(self)(np.array(self.coords if coords is None else coords,
                                   dtype=np.float32).copy(),
                          label=self.label if label is None else label)

    def __len__(self) -> int:
        return len(self.coords)

    def __getitem__(self, index):
        return self.coords[index]

    def __iter__(self):
        return iter(self.coords)

    def __repr__(self) -> str:
        points = ", ".join(f"({x:.3f}, {y:.3f})" for x, y in self.coords)
        return f"{type(self).__name__}([{points}] ({len(self.coords)} points), label={self.label})"

    __str__ = __repr__


class CoordsItemsOnImage:
    """A list of coordinate items of one image."""

    _item_attr = "items"

    def __init__(self, items: list, shape: Any) -> None:
        setattr(self, self._item_attr, list(items))
        self.shape = normalize_shape(shape)

    @property
    def items(self) -> list:
        return getattr(self, self._item_attr)

    @items.setter
    def items(self, value: list) -> None:
        setattr(self, self._item_attr, list(value))

    height = property(lambda self: self.shape[0])
    width = property(lambda self: self.shape[1])
    empty = property(lambda self: len(self.items) == 0)

    def on_(self, image: Any):
        shape = normalize_shape(image)
        for item in self.items:
            item.project_(self.shape, shape)
        self.shape = shape
        return self

    def on(self, image: Any):
        return self.deepcopy().on_(image)

    def remove_out_of_image_(self, fully: bool = True, partly: bool = False):
        self.items = [i for i in self.items
                      if not i.is_out_of_image(self.shape, fully=fully, partly=partly)]
        return self

    def remove_out_of_image(self, fully: bool = True, partly: bool = False):
        return self.deepcopy().remove_out_of_image_(fully, partly)

    def remove_out_of_image_fraction_(self, fraction: float):
        return _remove_out_of_image_fraction_(self, fraction)

    def remove_out_of_image_fraction(self, fraction: float):
        return self.deepcopy().remove_out_of_image_fraction_(fraction)

    def clip_out_of_image_(self):
        clipped = []
        for item in self.items:
            clipped.extend(item.clip_out_of_image(self.shape))
        self.items = clipped
        return self

    def clip_out_of_image(self):
        return self.deepcopy().clip_out_of_image_()

    def shift_(self, x: float = 0, y: float = 0):
        for item in self.items:
            item.shift_(x, y)
        return self

    def shift(self, x: float = 0, y: float = 0, top=None, right=None, bottom=None, left=None):
        x, y = _normalize_shift_args(x, y, top, right, bottom, left)
        return self.deepcopy().shift_(x, y)

    def subdivide_(self, points_per_edge: int):
        self.items = [item.subdivide(points_per_edge) for item in self.items]
        return self

    def subdivide(self, points_per_edge: int):
        return self.deepcopy().subdivide_(points_per_edge)

    def to_xy_array(self) -> np.ndarray:
        if not self.items:
            return np.zeros((0, 2), dtype=np.float32)
        return np.concatenate([item.coords for item in self.items]).astype(np.float32)

    def fill_from_xy_array_(self, xy: Any):
        xy = np.asarray(xy, dtype=np.float32).reshape(-1, 2)
        total = sum(len(item.coords) for item in self.items)
        if len(xy) != total:
            raise ValueError(f"xy has {len(xy)} points but the items have {total}")
        start = 0
        for item in self.items:
            n = len(item.coords)
            item.coords = xy[start:start + n].copy()
            start += n
        return self

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        return KeypointsOnImage.from_xy_array(self.to_xy_array(), shape=self.shape)

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage):
        self.fill_from_xy_array_(kpsoi.to_xy_array())
        self.shape = kpsoi.shape
        return self

    def draw_on_image(self, image: np.ndarray, *args: Any, **kwargs: Any) -> np.ndarray:
        image = np.copy(image) if kwargs.pop("copy", True) else image
        for item in self.items:
            image = item.draw_on_image(image, *args, copy=False, **kwargs)
        return image

    def copy(self, items=None, shape=None):
        return self.deepcopy(items, shape)

    def deepcopy(self, items=None, shape=None):
        source = self.items if items is None else items
        return type(self)([i.deepcopy() for i in source], self.shape if shape is None else shape)

    def __getitem__(self, index):
        return self.items[index]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items}, shape={self.shape})"

    __str__ = __repr__
