"""Keypoints: :class:`Keypoint` and :class:`KeypointsOnImage` (imgaug 0.4.0 API).

Coordinates are subpixel float32 ``(x, y)``; pixel ``(0, 0)`` spans ``[0, 1)`` on both axes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmentables.utils import (
    _check_xy_array,
    _normalize_shift_args,
    normalize_shape,
    project_coords_,
)


def compute_geometric_median(points: Any = None, eps: float = 1e-5, X: Any = None) -> np.ndarray:
    """Geometric median of ``(N, 2)`` points (Weiszfeld's algorithm)."""
    pts = np.asarray(points if points is not None else X, dtype=np.float64)
    y = pts.mean(axis=0)
    for _ in range(1000):
        dist = np.linalg.norm(pts - y, axis=1)
        nonzero = dist > eps
        if not nonzero.any():
            return y
        weights = 1.0 / dist[nonzero]
        y_new = (pts[nonzero] * weights[:, None]).sum(axis=0) / weights.sum()
        if np.linalg.norm(y - y_new) < eps:
            return y_new
        y = y_new
    return y


class Keypoint:
    """A single point ``(x, y)`` on an image."""

    def __init__(self, x: float, y: float) -> None:
        self.x = float(x)
        self.y = float(y)

    @property
    def coords(self) -> np.ndarray:
        return np.array([[self.x, self.y]], dtype=np.float32)

    @property
    def x_int(self) -> int:
        return int(np.round(self.x))

    @property
    def y_int(self) -> int:
        return int(np.round(self.y))

    @property
    def xy(self) -> np.ndarray:
        return np.array([self.x, self.y], dtype=np.float32)

    @property
    def xy_int(self) -> np.ndarray:
        return np.round(self.xy).astype(np.int32)

    def project_(self, from_shape: Any, to_shape: Any) -> Keypoint:
        xy = project_coords_(self.coords.copy(), from_shape, to_shape)
        self.x, self.y = float(xy[0, 0]), float(xy[0, 1])
        return self

    def project(self, from_shape: Any, to_shape: Any) -> Keypoint:
        return self.deepcopy().project_(from_shape, to_shape)

    def is_out_of_image(self, image: Any) -> bool:
        h, w = normalize_shape(image)[0:2]
        return not (0 <= self.x < w and 0 <= self.y < h)

    def compute_out_of_image_fraction(self, image: Any) -> float:
        return 1.0 if self.is_out_of_image(image) else 0.0

    def shift_(self, x: float = 0, y: float = 0) -> Keypoint:
        self.x += x
        self.y += y
        return self

    def shift(self, x: float = 0, y: float = 0) -> Keypoint:
        return self.deepcopy().shift_(x, y)

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                      size: int = 3, copy: bool = True,
                      raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw a filled square of side ``size`` around the point."""
        if copy:
            image = np.copy(image)
        if self.is_out_of_image(image.shape):
            if raise_if_out_of_image:
                raise ValueError(f"Cannot draw keypoint {self} outside of image {image.shape}")
            return image
        h, w = image.shape[0:2]
        cx, cy = int(np.floor(self.x)), int(np.floor(self.y))
        half = size // 2
        y1, y2 = max(cy - half, 0), min(cy - half + size, h)
        x1, x2 = max(cx - half, 0), min(cx - half + size, w)
        color_arr = np.asarray(color, dtype=np.float64)
        region = image[y1:y2, x1:x2]
        if alpha >= 1.0:
            region[...] = color_arr.astype(image.dtype) if image.ndim == 3 else color_arr[0]
        else:
            blended = (1 - alpha) * region.astype(np.float64) + alpha * color_arr
            region[...] = np.clip(blended, 0, 255).astype(image.dtype)
        return image

    def generate_similar_points_manhattan(self, nb_steps: int, step_size: float,
                                          return_array: bool = False):
        """Points on a diamond grid around this one (manhattan distance <= nb_steps)."""
        points = [(self.x + dx * step_size, self.y + dy * step_size)
                  for dx in range(-nb_steps, nb_steps + 1)
                  for dy in range(-nb_steps, nb_steps + 1) if abs(dx) + abs(dy) <= nb_steps]
        arr = np.array(points, dtype=np.float32)
        return arr if return_array else [Keypoint(x, y) for x, y in arr]

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        other_xy = other.xy if isinstance(other, Keypoint) else np.asarray(other,
                                                                            dtype=np.float32)
        return bool(np.linalg.norm(self.xy - other_xy.ravel()) <= max_distance)

    def almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        return self.coords_almost_equals(other, max_distance)

    def copy(self, x: float | None = None, y: float | None = None) -> Keypoint:
        return self.deepcopy(x, y)

    def deepcopy(self, x: float | None = None, y: float | None = None) -> Keypoint:
        return Keypoint(self.x if x is None else x, self.y if y is None else y)

    def __repr__(self) -> str:
        return f"Keypoint(x={self.x:.8f}, y={self.y:.8f})"

    __str__ = __repr__


class KeypointsOnImage:
    """The keypoints of one image: ``KeypointsOnImage(keypoints, shape)``."""

    def __init__(self, keypoints: list[Keypoint], shape: Any) -> None:
        self.keypoints = list(keypoints)
        self.shape = normalize_shape(shape)

    @property
    def items(self) -> list[Keypoint]:
        return self.keypoints

    @items.setter
    def items(self, value: list[Keypoint]) -> None:
        self.keypoints = list(value)

    @property
    def height(self) -> int:
        return self.shape[0]

    @property
    def width(self) -> int:
        return self.shape[1]

    @property
    def empty(self) -> bool:
        return len(self.keypoints) == 0

    def on_(self, image: Any) -> KeypointsOnImage:
        shape = normalize_shape(image)
        if shape[0:2] != self.shape[0:2]:
            xy = project_coords_(self.to_xy_array(), self.shape, shape)
            self.fill_from_xy_array_(xy)
        self.shape = shape
        return self

    def on(self, image: Any) -> KeypointsOnImage:
        return self.deepcopy().on_(image)

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                      size: int = 3, copy: bool = True,
                      raise_if_out_of_image: bool = False) -> np.ndarray:
        image = np.copy(image) if copy else image
        for kp in self.keypoints:
            image = kp.draw_on_image(image, color=color, alpha=alpha, size=size, copy=False,
                                     raise_if_out_of_image=raise_if_out_of_image)
        return image

    def shift_(self, x: float = 0, y: float = 0) -> KeypointsOnImage:
        for kp in self.keypoints:
            kp.shift_(x, y)
        return self

    def shift(self, x: float = 0, y: float = 0, top=None, right=None, bottom=None,
              left=None) -> KeypointsOnImage:
        x, y = _normalize_shift_args(x, y, top, right, bottom, left)
        return self.deepcopy().shift_(x, y)

    def to_xy_array(self) -> np.ndarray:
        if not self.keypoints:
            return np.zeros((0, 2), dtype=np.float32)
        return np.array([[kp.x, kp.y] for kp in self.keypoints], dtype=np.float32)

    def fill_from_xy_array_(self, xy: Any) -> KeypointsOnImage:
        xy = _check_xy_array(xy, "xy")
        if len(xy) != len(self.keypoints):
            raise ValueError(f"xy has {len(xy)} points but there are {len(self.keypoints)} "
                             "keypoints")
        for kp, (x, y) in zip(self.keypoints, xy):
            kp.x, kp.y = float(x), float(y)
        return self

    @classmethod
    def from_xy_array(cls, xy: Any, shape: Any) -> KeypointsOnImage:
        xy = _check_xy_array(xy, "xy")
        return cls([Keypoint(x, y) for x, y in xy], shape)

    @classmethod
    def from_keypoints_image(cls, image, if_not_found_coords=(-1, -1), threshold: int = 1,
                             nb_channels=None) -> KeypointsOnImage:
        return cls.from_keypoint_image(image, if_not_found_coords, threshold, nb_channels)

    def to_keypoint_image(self, size: int = 1) -> np.ndarray:
        """One channel per keypoint, 255 in a square of ``size`` around it."""
        h, w = self.shape[0:2]
        image = np.zeros((h, w, len(self.keypoints)), dtype=np.uint8)
        half = size // 2
        for i, kp in enumerate(self.keypoints):
            x, y = int(np.floor(kp.x)), int(np.floor(kp.y))
            if 0 <= x < w and 0 <= y < h:
                image[max(y - half, 0):min(y - half + size, h),
                      max(x - half, 0):min(x - half + size, w), i] = 255
        return image

    @classmethod
    def from_keypoint_image(cls, image: np.ndarray, if_not_found_coords=(-1, -1),
                            threshold: int = 1, nb_channels=None) -> KeypointsOnImage:
        keypoints = []
        for c in range(image.shape[2]):
            channel = image[..., c]
            idx = np.argmax(channel)
            y, x = np.unravel_index(idx, channel.shape)
            if channel[y, x] >= threshold:
                keypoints.append(Keypoint(x + 0.5, y + 0.5))
            elif if_not_found_coords is None:
                continue
            elif isinstance(if_not_found_coords, dict):
                keypoints.append(Keypoint(if_not_found_coords["x"], if_not_found_coords["y"]))
            else:
                keypoints.append(Keypoint(*if_not_found_coords))
        shape = image.shape if nb_channels is None else (*image.shape[0:2], nb_channels)
        return cls(keypoints, shape)

    def to_distance_maps(self, inverted: bool = False) -> np.ndarray:
        """Per keypoint, the euclidean distance of every pixel (centre) to it."""
        h, w = self.shape[0:2]
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        maps = np.zeros((h, w, len(self.keypoints)), dtype=np.float32)
        for i, kp in enumerate(self.keypoints):
            maps[..., i] = np.sqrt((xx - kp.x) ** 2 + (yy - kp.y) ** 2)
        if inverted:
            return 1.0 / (maps + 1.0)
        return maps

    @classmethod
    def from_distance_maps(cls, distance_maps: np.ndarray, inverted: bool = False,
                           if_not_found_coords=(-1, -1), threshold=None,
                           nb_channels=None) -> KeypointsOnImage:
        keypoints = []
        for c in range(distance_maps.shape[2]):
            dmap = distance_maps[..., c]
            idx = np.argmax(dmap) if inverted else np.argmin(dmap)
            y, x = np.unravel_index(idx, dmap.shape)
            found = threshold is None or (dmap[y, x] >= threshold if inverted
                                          else dmap[y, x] < threshold)
            if found:
                keypoints.append(Keypoint(x + 0.5, y + 0.5))
            elif if_not_found_coords is None:
                continue
            elif isinstance(if_not_found_coords, dict):
                keypoints.append(Keypoint(if_not_found_coords["x"], if_not_found_coords["y"]))
            else:
                keypoints.append(Keypoint(*if_not_found_coords))
        shape = distance_maps.shape if nb_channels is None else (
            *distance_maps.shape[0:2], nb_channels)
        return cls(keypoints, shape)

    def clip_out_of_image_(self) -> KeypointsOnImage:
        self.keypoints = [kp for kp in self.keypoints if not kp.is_out_of_image(self.shape)]
        return self

    def clip_out_of_image(self) -> KeypointsOnImage:
        return self.deepcopy().clip_out_of_image_()

    def remove_out_of_image_fraction_(self, fraction: float) -> KeypointsOnImage:
        self.keypoints = [kp for kp in self.keypoints
                          if kp.compute_out_of_image_fraction(self.shape) < fraction]
        return self

    def remove_out_of_image_fraction(self, fraction: float) -> KeypointsOnImage:
        return self.deepcopy().remove_out_of_image_fraction_(fraction)

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        return self.deepcopy()

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> KeypointsOnImage:
        self.keypoints = [kp.deepcopy() for kp in kpsoi.keypoints]
        self.shape = kpsoi.shape
        return self

    def copy(self, keypoints=None, shape=None) -> KeypointsOnImage:
        return self.deepcopy(keypoints, shape)

    def deepcopy(self, keypoints=None, shape=None) -> KeypointsOnImage:
        kps = [kp.deepcopy() for kp in (self.keypoints if keypoints is None else keypoints)]
        return KeypointsOnImage(kps, self.shape if shape is None else shape)

    def __getitem__(self, index):
        return self.keypoints[index]

    def __iter__(self):
        return iter(self.keypoints)

    def __len__(self) -> int:
        return len(self.keypoints)

    def __repr__(self) -> str:
        return f"KeypointsOnImage({self.keypoints}, shape={self.shape})"

    __str__ = __repr__
