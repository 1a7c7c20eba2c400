"""Axis-aligned bounding boxes: :class:`BoundingBox`, :class:`BoundingBoxesOnImage`."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.utils import (
    _normalize_shift_args,
    _remove_out_of_image_fraction_,
    normalize_shape,
    project_coords_,
)


class BoundingBox:
    """A box ``(x1, y1, x2, y2)`` (swapped so that x1 <= x2, y1 <= y2), with an optional label."""

    def __init__(self, x1: float, y1: float, x2: float, y2: float, label: Any = None) -> None:
        if x1 > x2:
            x1, x2 = x2, x1
        if y1 > y2:
            y1, y2 = y2, y1
        self.x1, self.y1, self.x2, self.y2 = float(x1), float(y1), float(x2), float(y2)
        self.label = label

    @property
    def coords(self) -> np.ndarray:
        return np.array([[self.x1, self.y1], [self.x2, self.y2]], dtype=np.float32)

    x1_int = property(lambda self: int(np.round(self.x1)))
    y1_int = property(lambda self: int(np.round(self.y1)))
    x2_int = property(lambda self: int(np.round(self.x2)))
    y2_int = property(lambda self: int(np.round(self.y2)))
    height = property(lambda self: self.y2 - self.y1)
    width = property(lambda self: self.x2 - self.x1)
    center_x = property(lambda self: self.x1 + self.width / 2)
    center_y = property(lambda self: self.y1 + self.height / 2)
    area = property(lambda self: self.height * self.width)

    def contains(self, other: Any) -> bool:
        x, y = (other.x, other.y) if isinstance(other, Keypoint) else other
        return self.x1 <= x <= self.x2 and self.y1 <= y <= self.y2

    def project_(self, from_shape: Any, to_shape: Any) -> BoundingBox:
        coords = project_coords_(self.coords, from_shape, to_shape)
        self.x1, self.y1, self.x2, self.y2 = (float(v) for v in coords.ravel())
        return self

    def project(self, from_shape: Any, to_shape: Any) -> BoundingBox:
        return self.deepcopy().project_(from_shape, to_shape)

    def extend_(self, all_sides: float = 0, top: float = 0, right: float = 0, bottom: float = 0,
                left: float = 0) -> BoundingBox:
        self.x1 -= all_sides + left
        self.x2 += all_sides + right
        self.y1 -= all_sides + top
        self.y2 += all_sides + bottom
        return self

    def extend(self, all_sides: float = 0, top: float = 0, right: float = 0, bottom: float = 0,
               left: float = 0) -> BoundingBox:
        return self.deepcopy().extend_(all_sides, top, right, bottom, left)

    def intersection(self, other: BoundingBox, default: Any = None) -> BoundingBox | Any:
        x1, y1 = max(self.x1, other.x1), max(self.y1, other.y1)
        x2, y2 = min(self.x2, other.x2), min(self.y2, other.y2)
        if x1 > x2 or y1 > y2:
            return default
        return BoundingBox(x1, y1, x2, y2)

    def union(self, other: BoundingBox) -> BoundingBox:
        return BoundingBox(min(self.x1, other.x1), min(self.y1, other.y1),
                           max(self.x2, other.x2), max(self.y2, other.y2))

    def iou(self, other: BoundingBox) -> float:
        inters = self.intersection(other)
        if inters is None:
            return 0.0
        union_area = self.area + other.area - inters.area
        return inters.area / union_area if union_area > 0 else 0.0

    def compute_out_of_image_area(self, image: Any) -> float:
        h, w = normalize_shape(image)[0:2]
        inside = self.intersection(BoundingBox(0, 0, w, h), default=None)
        return self.area - (inside.area if inside is not None else 0.0)

    def compute_out_of_image_fraction(self, image: Any) -> float:
        if self.area == 0:
            h, w = normalize_shape(image)[0:2]
            return 0.0 if (0 <= self.x1 < w and 0 <= self.y1 < h) else 1.0
        return self.compute_out_of_image_area(image) / self.area

    def is_fully_within_image(self, image: Any) -> bool:
        h, w = normalize_shape(image)[0:2]
        return self.x1 >= 0 and self.x2 < w and self.y1 >= 0 and self.y2 < h

    def is_partly_within_image(self, image: Any) -> bool:
        h, w = normalize_shape(image)[0:2]
        return BoundingBox(0, 0, w, h).intersection(self) is not None and not (
            self.x1 >= w or self.y1 >= h or self.x2 < 0 or self.y2 < 0)

    def is_out_of_image(self, image: Any, fully: bool = True, partly: bool = False) -> bool:
        if self.is_fully_within_image(image):
            return False
        if self.is_partly_within_image(image):
            return partly
        return fully

    def clip_out_of_image_(self, image: Any) -> BoundingBox:
        h, w = normalize_shape(image)[0:2]
        # the largest float32 below the border: still inside the image after float32 storage
        max_x = float(np.nextafter(np.float32(w), np.float32(0)))
        max_y = float(np.nextafter(np.float32(h), np.float32(0)))
        self.x1 = float(np.clip(self.x1, 0, max_x))
        self.x2 = float(np.clip(self.x2, 0, max_x))
        self.y1 = float(np.clip(self.y1, 0, max_y))
        self.y2 = float(np.clip(self.y2, 0, max_y))
        return self

    def clip_out_of_image(self, image: Any) -> BoundingBox:
        return self.deepcopy().clip_out_of_image_(image)

    def shift_(self, x: float = 0, y: float = 0) -> BoundingBox:
        self.x1 += x
        self.x2 += x
        self.y1 += y
        self.y2 += y
        return self

    def shift(self, x: float = 0, y: float = 0, top=None, right=None, bottom=None,
              left=None) -> BoundingBox:
        x, y = _normalize_shift_args(x, y, top, right, bottom, left)
        return self.deepcopy().shift_(x, y)

    def draw_label_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                            size: int = 1, copy: bool = True, height: int = 20,
                            size_text: int = 20) -> np.ndarray:
        image = np.copy(image) if copy else image
        if self.label is None:
            return image
        x, y = int(np.floor(self.x1)), int(np.floor(self.y1))
        cv2.putText(image, str(self.label), (max(x, 0), max(y - 3, 10)),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.35, tuple(int(c) for c in color), 1,
                    cv2.LINE_AA)
        return image

    def draw_box_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                          size: int = 1, copy: bool = True,
                          raise_if_out_of_image: bool = False, thickness=None) -> np.ndarray:
        if thickness is not None:
            size = thickness
        if raise_if_out_of_image and self.is_out_of_image(image):
            raise ValueError(f"Cannot draw box {self} fully outside of image {image.shape}")
        image = np.copy(image) if copy else image
        overlay = image.copy()
        pt1 = (int(np.floor(self.x1)), int(np.floor(self.y1)))
        pt2 = (int(np.floor(self.x2)), int(np.floor(self.y2)))
        color_t = tuple(int(c) for c in np.broadcast_to(color, (image.shape[2],)))
        cv2.rectangle(overlay, pt1, pt2, color_t, int(size))
        if alpha >= 1.0:
            image[...] = overlay
        else:
            image[...] = np.clip((1 - alpha) * image + alpha * overlay, 0, 255).astype(
                image.dtype)
        return image

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                      size: int = 1, copy: bool = True, raise_if_out_of_image: bool = False,
                      thickness=None) -> np.ndarray:
        image = self.draw_box_on_image(image, color, alpha, size, copy, raise_if_out_of_image,
                                       thickness)
        return self.draw_label_on_image(image, color=color, copy=False)

    def extract_from_image(self, image: np.ndarray, pad: bool = True, pad_max=None,
                           prevent_zero_size: bool = True) -> np.ndarray:
        """The image area under the box (zero-padded where the box leaves the image)."""
        h, w = image.shape[0:2]
        x1, y1 = int(np.floor(self.x1)), int(np.floor(self.y1))
        x2, y2 = int(np.ceil(self.x2)), int(np.ceil(self.y2))
        if prevent_zero_size:
            x2, y2 = max(x2, x1 + 1), max(y2, y1 + 1)
        crop = image[max(y1, 0):max(min(y2, h), 0), max(x1, 0):max(min(x2, w), 0)]
        if not pad:
            return crop
        pads = [(max(-y1, 0), max(y2 - h, 0)), (max(-x1, 0), max(x2 - w, 0))]
        if pad_max is not None:
            pads = [(min(a, pad_max), min(b, pad_max)) for a, b in pads]
        pads += [(0, 0)] * (image.ndim - 2)
        return np.pad(crop, pads, mode="constant")

    def to_keypoints(self) -> list[Keypoint]:
        return [Keypoint(self.x1, self.y1), Keypoint(self.x2, self.y1),
                Keypoint(self.x2, self.y2), Keypoint(self.x1, self.y2)]

    def to_polygon(self):
        from imgaug2.augmentables.polys import Polygon

        return Polygon([(self.x1, self.y1), (self.x2, self.y1), (self.x2, self.y2),
                        (self.x1, self.y2)], label=self.label)

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        other_coords = other.coords if isinstance(other, BoundingBox) else np.asarray(
            other, dtype=np.float32).reshape(2, 2)
        return bool(np.max(np.abs(self.coords - other_coords)) <= max_distance)

    def almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        if isinstance(other, BoundingBox) and self.label != other.label:
            return False
        return self.coords_almost_equals(other, max_distance)

    @classmethod
    def from_point_soup(cls, xy: Any) -> BoundingBox:
        xy = np.asarray(xy, dtype=np.float32).reshape(-1, 2)
        if len(xy) == 0:
            raise ValueError("from_point_soup needs at least one point")
        return cls(xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max())

    def copy(self, x1=None, y1=None, x2=None, y2=None, label=None) -> BoundingBox:
        return self.deepcopy(x1, y1, x2, y2, label)

    def deepcopy(self, x1=None, y1=None, x2=None, y2=None, label=None) -> BoundingBox:
        return BoundingBox(self.x1 if x1 is None else x1, self.y1 if y1 is None else y1,
                           self.x2 if x2 is None else x2, self.y2 if y2 is None else y2,
                           self.label if label is None else label)

    def __getitem__(self, index):
        return self.coords[index]

    def __iter__(self):
        return iter(self.coords)

    def __repr__(self) -> str:
        return (f"BoundingBox(x1={self.x1:.4f}, y1={self.y1:.4f}, x2={self.x2:.4f}, "
                f"y2={self.y2:.4f}, label={self.label})")

    __str__ = __repr__


class BoundingBoxesOnImage:
    """The boxes of one image: ``BoundingBoxesOnImage(bounding_boxes, shape)``."""

    def __init__(self, bounding_boxes: list[BoundingBox], shape: Any) -> None:
        self.bounding_boxes = list(bounding_boxes)
        self.shape = normalize_shape(shape)

    @property
    def items(self) -> list[BoundingBox]:
        return self.bounding_boxes

    @items.setter
    def items(self, value: list[BoundingBox]) -> None:
        self.bounding_boxes = list(value)

    height = property(lambda self: self.shape[0])
    width = property(lambda self: self.shape[1])
    empty = property(lambda self: len(self.bounding_boxes) == 0)

    def on_(self, image: Any) -> BoundingBoxesOnImage:
        shape = normalize_shape(image)
        for bb in self.bounding_boxes:
            bb.project_(self.shape, shape)
        self.shape = shape
        return self

    def on(self, image: Any) -> BoundingBoxesOnImage:
        return self.deepcopy().on_(image)

    @classmethod
    def from_xyxy_array(cls, xyxy: Any, shape: Any) -> BoundingBoxesOnImage:
        arr = np.asarray(xyxy, dtype=np.float32)
        if arr.size == 0:
            return cls([], shape)
        if arr.ndim == 3 and arr.shape[1:] == (2, 2):
            arr = arr.reshape(-1, 4)
        if arr.ndim != 2 or arr.shape[1] != 4:
            raise ValueError(f"xyxy must have shape (N, 4) or (N, 2, 2), got {arr.shape}")
        return cls([BoundingBox(*row) for row in arr], shape)

    @classmethod
    def from_point_soups(cls, xy: Any, shape: Any) -> BoundingBoxesOnImage:
        return cls([BoundingBox.from_point_soup(soup) for soup in xy], shape)

    def to_xyxy_array(self, dtype=np.float32) -> np.ndarray:
        if not self.bounding_boxes:
            return np.zeros((0, 4), dtype=dtype)
        return np.array([[b.x1, b.y1, b.x2, b.y2] for b in self.bounding_boxes], dtype=dtype)

    def fill_from_xyxy_array_(self, xyxy: Any) -> BoundingBoxesOnImage:
        arr = np.asarray(xyxy, dtype=np.float32).reshape(-1, 4)
        if len(arr) != len(self.bounding_boxes):
            raise ValueError(f"xyxy has {len(arr)} boxes but there are "
                             f"{len(self.bounding_boxes)}")
        for bb, (x1, y1, x2, y2) in zip(self.bounding_boxes, arr):
            bb.x1, bb.y1 = float(min(x1, x2)), float(min(y1, y2))
            bb.x2, bb.y2 = float(max(x1, x2)), float(max(y1, y2))
        return self

    def to_xy_array(self) -> np.ndarray:
        return self.to_xyxy_array().reshape(-1, 2)

    def fill_from_xy_array_(self, xy: Any) -> BoundingBoxesOnImage:
        return self.fill_from_xyxy_array_(np.asarray(xy, dtype=np.float32).reshape(-1, 4))

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                      size: int = 1, copy: bool = True, raise_if_out_of_image: bool = False,
                      thickness=None) -> np.ndarray:
        image = np.copy(image) if copy else image
        for bb in self.bounding_boxes:
            image = bb.draw_on_image(image, color, alpha, size, False, raise_if_out_of_image,
                                     thickness)
        return image

    def remove_out_of_image_(self, fully: bool = True, partly: bool = False):
        self.bounding_boxes = [b for b in self.bounding_boxes
                               if not b.is_out_of_image(self.shape, fully=fully, partly=partly)]
        return self

    def remove_out_of_image(self, fully: bool = True, partly: bool = False):
        return self.deepcopy().remove_out_of_image_(fully, partly)

    def remove_out_of_image_fraction_(self, fraction: float) -> BoundingBoxesOnImage:
        return _remove_out_of_image_fraction_(self, fraction)

    def remove_out_of_image_fraction(self, fraction: float) -> BoundingBoxesOnImage:
        return self.deepcopy().remove_out_of_image_fraction_(fraction)

    def clip_out_of_image_(self) -> BoundingBoxesOnImage:
        self.bounding_boxes = [b.clip_out_of_image_(self.shape) for b in self.bounding_boxes
                               if b.is_partly_within_image(self.shape)]
        return self

    def clip_out_of_image(self) -> BoundingBoxesOnImage:
        return self.deepcopy().clip_out_of_image_()

    def shift_(self, x: float = 0, y: float = 0) -> BoundingBoxesOnImage:
        for bb in self.bounding_boxes:
            bb.shift_(x, y)
        return self

    def shift(self, x: float = 0, y: float = 0, top=None, right=None, bottom=None, left=None):
        x, y = _normalize_shift_args(x, y, top, right, bottom, left)
        return self.deepcopy().shift_(x, y)

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        xy = np.array([[(b.x1, b.y1), (b.x2, b.y1), (b.x2, b.y2), (b.x1, b.y2)]
                       for b in self.bounding_boxes], dtype=np.float32).reshape(-1, 2)
        return KeypointsOnImage.from_xy_array(xy, shape=self.shape)

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> BoundingBoxesOnImage:
        xy = kpsoi.to_xy_array()
        if len(xy) != 4 * len(self.bounding_boxes):
            raise ValueError(f"expected {4 * len(self.bounding_boxes)} keypoints, got {len(xy)}")
        corners = xy.reshape(-1, 4, 2)
        for bb, pts in zip(self.bounding_boxes, corners):
            bb.x1, bb.y1 = float(pts[:, 0].min()), float(pts[:, 1].min())
            bb.x2, bb.y2 = float(pts[:, 0].max()), float(pts[:, 1].max())
        self.shape = kpsoi.shape
        return self

    def to_polygons_on_image(self):
        from imgaug2.augmentables.polys import PolygonsOnImage

        return PolygonsOnImage([b.to_polygon() for b in self.bounding_boxes], shape=self.shape)

    def copy(self, bounding_boxes=None, shape=None) -> BoundingBoxesOnImage:
        return self.deepcopy(bounding_boxes, shape)

    def deepcopy(self, bounding_boxes=None, shape=None) -> BoundingBoxesOnImage:
        bbs = self.bounding_boxes if bounding_boxes is None else bounding_boxes
        return BoundingBoxesOnImage([b.deepcopy() for b in bbs],
                                    self.shape if shape is None else shape)

    def __getitem__(self, index):
        return self.bounding_boxes[index]

    def __iter__(self):
        return iter(self.bounding_boxes)

    def __len__(self) -> int:
        return len(self.bounding_boxes)

    def __repr__(self) -> str:
        return f"BoundingBoxesOnImage({self.bounding_boxes}, shape={self.shape})"

    __str__ = __repr__
