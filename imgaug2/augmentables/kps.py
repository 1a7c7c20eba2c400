"""Keypoints: :class:`Keypoint` and :class:`KeypointsOnImage` (imgaug 0.4.0 API).

Coordinates are subpixel floats ``(x, y)``; pixel ``(row i, column j)`` covers ``[j, j+1) x
[i, i+1)``, so ``x=0.5`` is the centre of column 0 and a point is inside an image of shape
``(H, W)`` if ``0 <= x < W`` and ``0 <= y < H``.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

from imgaug2.augmentables import _drawing
from imgaug2.augmentables._cba import CoordsOnImage
from imgaug2.augmentables.utils import (
    _as_xy_array,
    _flatten_numbers,
    _normalize_shift_args,
    _warn_deprecated,
    normalize_shape,
    project_coords_,
)


def compute_geometric_median(points: Any = None, eps: float = 1e-5, X: Any = None) -> np.ndarray:
    """Geometric median of ``(N, 2)`` points (Weiszfeld's algorithm with Vardi–Zhang's fix).

    ``X`` is the deprecated name of ``points``.
    """
    if X is not None:
        if points is not None:
            raise ValueError("Provide either points or the deprecated X, not both")
        _warn_deprecated("Using 'X' is deprecated, use 'points' instead.")
        points = X
    pts = np.asarray(points, dtype=np.float64)
    if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) == 0:
        raise ValueError(f"points must have shape (N, 2) with N >= 1, got {pts.shape}")
    estimate = pts.mean(axis=0)
    for _ in range(10000):
        dist = np.hypot(*(pts - estimate).T)
        nonzero = dist != 0
        if not nonzero.any():
            return estimate
        inv = 1.0 / dist[nonzero]
        weighted = (pts[nonzero] * inv[:, None]).sum(axis=0) / inv.sum()
        nb_zero = len(pts) - int(nonzero.sum())
        if nb_zero == 0:
            new = weighted
        else:
            r = float(np.linalg.norm((weighted - estimate) * inv.sum()))
            rinv = 0.0 if r == 0 else nb_zero / r
            new = max(0.0, 1.0 - rinv) * weighted + min(1.0, rinv) * estimate
        if np.hypot(*(estimate - new)) < eps:
            return new
        estimate = new
    return estimate


class Keypoint:
    """A single point ``(x, y)`` on an image (floats, subpixel accurate)."""

    def __init__(self, x: float, y: float) -> None:
        self.x = _to_float(x, "x")
        self.y = _to_float(y, "y")

    @property
    def coords(self) -> np.ndarray:
        """The point as a float32 ``(1, 2)`` array."""
        return np.array([[self.x, self.y]], dtype=np.float32)

    @property
    def x_int(self) -> int:
        """x rounded to the closest integer (numpy rounding)."""
        return int(np.round(self.x))

    @property
    def y_int(self) -> int:
        """y rounded to the closest integer (numpy rounding)."""
        return int(np.round(self.y))

    @property
    def xy(self) -> np.ndarray:
        """The point as a float32 ``(2,)`` array."""
        return np.array([self.x, self.y], dtype=np.float32)

    @property
    def xy_int(self) -> np.ndarray:
        """The point rounded to int32 ``(2,)``."""
        return np.round(self.xy).astype(np.int32)

    def project_(self, from_shape: Any, to_shape: Any) -> Keypoint:
        """Rescale the point in place from one image shape to another."""
        xy = project_coords_(np.array([[self.x, self.y]], dtype=np.float64), from_shape, to_shape)
        self.x, self.y = float(xy[0, 0]), float(xy[0, 1])
        return self

    def project(self, from_shape: Any, to_shape: Any) -> Keypoint:
        """Rescale the point from one image shape to another (for resized images)."""
        return self.deepcopy().project_(from_shape, to_shape)

    def is_out_of_image(self, image: Any) -> bool:
        """Whether the point lies outside ``[0, W) x [0, H)`` of an image or shape."""
        height, width = normalize_shape(image)[0:2]
        return not (0 <= self.x < width and 0 <= self.y < height)

    def compute_out_of_image_fraction(self, image: Any) -> float:
        """1.0 if the point is outside of the image, else 0.0."""
        return float(self.is_out_of_image(image))

    def shift_(self, x: float = 0, y: float = 0) -> Keypoint:
        """Move the point by ``x`` and ``y`` pixels in place."""
        self.x += x
        self.y += y
        return self

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> Keypoint:
        """Move the point by ``x`` and ``y`` pixels (top/right/bottom/left are deprecated)."""
        x, y = _normalize_shift_args(x, y, top=top, right=right, bottom=bottom, left=left)
        return self.deepcopy().shift_(x, y)

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), alpha: float = 1.0,
                      size: int = 3, copy: bool = True,
                      raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw the point as a ``size x size`` square centred on the pixel that contains it.

        ``image``: ``(H, W)`` or ``(H, W, C)`` array of any integer or float dtype (uint8 is the
        usual case); integer results are rounded and clipped to the dtype's range. Parts of the
        square outside of the image are skipped; ``raise_if_out_of_image`` raises a ValueError if
        nothing of it is inside.
        """
        image = _drawing.check_image(image)
        if copy:
            image = np.copy(image)
        if size < 0:
            raise ValueError(f"size must be >= 0, got {size}")
        color_vec = _drawing.color_vector(color, _drawing.nb_channels(image))
        if alpha < 0.01:
            return image
        alpha = 1.0 if alpha > 0.99 else float(alpha)
        height, width = image.shape[0:2]
        drawn = False
        if math.isfinite(self.x) and math.isfinite(self.y):
            cx, cy = math.floor(self.x), math.floor(self.y)
            half = int(size) // 2
            x1, x2 = max(cx - half, 0), min(cx + half + 1, width)
            y1, y2 = max(cy - half, 0), min(cy + half + 1, height)
            if x1 < x2 and y1 < y2:
                mask = np.ones((y2 - y1, x2 - x1), dtype=bool)
                _drawing.paint_(image, x1, y1, mask, color_vec, alpha)
                drawn = True
        if not drawn and raise_if_out_of_image:
            raise ValueError(f"Cannot draw keypoint x={self.x:.8f}, y={self.y:.8f} on image with "
                             f"shape {image.shape}: it is outside of the image")
        return image

    def generate_similar_points_manhattan(self, nb_steps: int, step_size: float,
                                          return_array: bool = False) -> Any:
        """Points within ``nb_steps`` manhattan steps of ``step_size`` around this point.

        The result (this point included, ``2*S*(S+1)+1`` points) is ordered row by row from
        the top; a list of Keypoint or, with ``return_array``, a float32 ``(N, 2)`` array.
        """
        if nb_steps < 0:
            raise ValueError(f"nb_steps must be >= 0, got {nb_steps}")
        rows = []
        for dy in range(-nb_steps, nb_steps + 1):
            reach = nb_steps - abs(dy)
            dx = np.arange(-reach, reach + 1, dtype=np.float64)
            rows.append(np.stack([self.x + dx * step_size,
                                  np.full(len(dx), self.y + dy * step_size)], axis=1))
        points = np.concatenate(rows).astype(np.float32)
        if return_array:
            return points
        return [Keypoint(x=x, y=y) for x, y in points.tolist()]

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Whether both coordinates differ by at most ``max_distance`` from ``other``.

        ``other``: a Keypoint or an ``(x, y)`` iterable/array.
        """
        if isinstance(other, Keypoint):
            other_xy = [other.x, other.y]
        elif isinstance(other, np.ndarray):
            other_xy = other.ravel().tolist()
        elif hasattr(other, "__iter__"):
            other_xy = _flatten_numbers(other)
        else:
            raise TypeError("Expected a Keypoint or an (x, y) iterable, got "
                            f"{type(other).__name__}")
        if len(other_xy) != 2:
            raise ValueError(f"Expected exactly one (x, y) pair, got {len(other_xy)} values")
        return bool(np.allclose(self.coords.ravel(), np.asarray(other_xy, dtype=np.float64),
                                atol=max_distance, rtol=0))

    def almost_equals(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Same as :meth:`coords_almost_equals` (keypoints have no label)."""
        return self.coords_almost_equals(other, max_distance=max_distance)

    def copy(self, x: float | None = None, y: float | None = None) -> Keypoint:
        """A copy, optionally with other coordinates."""
        return self.deepcopy(x=x, y=y)

    def deepcopy(self, x: float | None = None, y: float | None = None) -> Keypoint:
        """A copy, optionally with other coordinates."""
        return Keypoint(self.x if x is None else x, self.y if y is None else y)

    def __repr__(self) -> str:
        return f"Keypoint(x={self.x:.8f}, y={self.y:.8f})"

    __str__ = __repr__


def _to_float(value: Any, name: str) -> float:
    if type(value) is float:
        return value
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        if isinstance(value, np.ndarray) and value.size == 1:
            return float(value.reshape(()))
        raise TypeError(f"Keypoint {name} must be a number, got {type(value).__name__}")
    return float(value)


def _not_found_coords(if_not_found_coords: Any) -> tuple[bool, float, float]:
    """``(drop, x, y)`` from imgaug's ``if_not_found_coords`` argument."""
    if if_not_found_coords is None:
        return True, -1.0, -1.0
    if isinstance(if_not_found_coords, dict):
        try:
            return False, if_not_found_coords["x"], if_not_found_coords["y"]
        except KeyError as exc:
            raise ValueError("if_not_found_coords dict must have the keys 'x' and 'y'") from exc
    if isinstance(if_not_found_coords, (tuple, list)):
        if len(if_not_found_coords) != 2:
            raise ValueError("if_not_found_coords must contain exactly two values, got "
                             f"{len(if_not_found_coords)}")
        return False, if_not_found_coords[0], if_not_found_coords[1]
    raise TypeError("if_not_found_coords must be None, a tuple/list (x, y) or a dict "
                    f"{{'x': ..., 'y': ...}}, got {type(if_not_found_coords).__name__}")


class KeypointsOnImage(CoordsOnImage):
    """The keypoints of one image: ``KeypointsOnImage(keypoints, shape)``.

    ``shape`` is the image shape tuple ``(H, W[, C])``.
    """

    _items_attr = "keypoints"
    _item_type = Keypoint

    def __init__(self, keypoints: list[Keypoint], shape: Any) -> None:
        self._init(keypoints, shape)

    def on_(self, image: Any) -> KeypointsOnImage:
        """Project all keypoints in place onto an image (or shape) of another size."""
        shape = normalize_shape(image)
        if shape[0:2] != self.shape[0:2] and self.keypoints:
            xy = np.array([(kp.x, kp.y) for kp in self.keypoints], dtype=np.float64)
            for keypoint, (x, y) in zip(self.keypoints,
                                        project_coords_(xy, self.shape, shape).tolist()):
                keypoint.x = x
                keypoint.y = y
        self.shape = tuple(shape)
        return self

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), alpha: float = 1.0,
                      size: int = 3, copy: bool = True,
                      raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw every keypoint as a square; see :meth:`Keypoint.draw_on_image`."""
        image = _drawing.check_image(image)
        image = np.copy(image) if copy else image
        for keypoint in self.keypoints:
            image = keypoint.draw_on_image(image, color=color, alpha=alpha, size=size, copy=False,
                                           raise_if_out_of_image=raise_if_out_of_image)
        return image

    def shift_(self, x: float = 0, y: float = 0) -> KeypointsOnImage:
        """Move all keypoints by ``x`` and ``y`` pixels in place."""
        for keypoint in self.keypoints:
            keypoint.x += x
            keypoint.y += y
        return self

    def shift(self, x: float = 0, y: float = 0, top: float | None = None,
              right: float | None = None, bottom: float | None = None,
              left: float | None = None) -> KeypointsOnImage:
        """Move all keypoints by ``x`` and ``y`` pixels."""
        x, y = _normalize_shift_args(x, y, top=top, right=right, bottom=bottom, left=left)
        return self.deepcopy().shift_(x=x, y=y)

    def to_xy_array(self) -> np.ndarray:
        """All keypoints as a float32 ``(N, 2)`` array."""
        if not self.keypoints:
            return np.zeros((0, 2), dtype=np.float32)
        return np.array([(kp.x, kp.y) for kp in self.keypoints], dtype=np.float32)

    def fill_from_xy_array_(self, xy: Any) -> KeypointsOnImage:
        """Overwrite the keypoint coordinates in place from an ``(N, 2)`` array."""
        xy = _as_xy_array(xy, "xy")
        if len(xy) != len(self.keypoints):
            raise ValueError(f"xy has {len(xy)} points, but there are {len(self.keypoints)} "
                             "keypoints")
        for keypoint, (x, y) in zip(self.keypoints, xy.tolist()):
            keypoint.x = x
            keypoint.y = y
        return self

    @classmethod
    def from_xy_array(cls, xy: Any, shape: Any) -> KeypointsOnImage:
        """Keypoints from an ``(N, 2)`` xy array."""
        xy = _as_xy_array(xy, "xy", copy=False)
        return cls([Keypoint(x=x, y=y) for x, y in xy.tolist()], shape)

    def to_keypoint_image(self, size: int = 1) -> np.ndarray:
        """uint8 ``(H, W, N)``: channel ``n`` is 255 at keypoint ``n``'s pixel, 128 around it.

        ``size`` (odd) is the side length of the marked square.
        """
        if size < 1 or size % 2 == 0:
            raise ValueError(f"size must be an odd number >= 1, got {size}")
        height, width = self.shape[0:2]
        image = np.zeros((height, width, len(self.keypoints)), dtype=np.uint8)
        half = (size - 1) // 2
        for i, keypoint in enumerate(self.keypoints):
            if not (math.isfinite(keypoint.x) and math.isfinite(keypoint.y)):
                continue
            x, y = math.floor(keypoint.x), math.floor(keypoint.y)
            x1, x2 = max(x - half, 0), min(x + half + 1, width)
            y1, y2 = max(y - half, 0), min(y + half + 1, height)
            if x1 < x2 and y1 < y2:
                image[y1:y2, x1:x2, i] = 128
            if 0 <= y < height and 0 <= x < width:
                image[y, x, i] = 255
        return image

    @staticmethod
    def from_keypoint_image(image: np.ndarray, if_not_found_coords: Any = (-1, -1),
                            threshold: float = 1, nb_channels: int | None = None,
                            ) -> KeypointsOnImage:
        """Inverse of :meth:`to_keypoint_image`: per channel the argmax pixel's centre.

        Channels whose maximum is below ``threshold`` give ``if_not_found_coords`` (a tuple, a
        dict with ``x``/``y``) or are dropped if it is ``None``. The shape of the result is
        ``(H, W)`` or ``(H, W, nb_channels)``.
        """
        image = np.asarray(image)
        if image.ndim != 3:
            raise ValueError(f"image must have shape (H, W, N), got {image.shape}")
        return KeypointsOnImage._from_argext(image, np.argmax, lambda v: v >= threshold,
                                             if_not_found_coords, nb_channels)

    @staticmethod
    def _from_argext(maps: np.ndarray, argfunc: Any, is_found: Any, if_not_found_coords: Any,
                     nb_channels: int | None) -> KeypointsOnImage:
        height, width, nb_points = maps.shape
        drop, default_x, default_y = _not_found_coords(if_not_found_coords)
        keypoints = []
        if nb_points and height * width:
            flat = maps.reshape(height * width, nb_points)
            indices = argfunc(flat, axis=0)
            values = flat[indices, np.arange(nb_points)]
            for index, value in zip(indices.tolist(), values.tolist()):
                if is_found(value):
                    row, col = divmod(index, width)
                    keypoints.append(Keypoint(x=col + 0.5, y=row + 0.5))
                elif not drop:
                    keypoints.append(Keypoint(x=default_x, y=default_y))
        elif not drop:
            keypoints = [Keypoint(x=default_x, y=default_y) for _ in range(nb_points)]
        shape = (height, width) if nb_channels is None else (height, width, nb_channels)
        return KeypointsOnImage(keypoints, shape=shape)

    def to_distance_maps(self, inverted: bool = False) -> np.ndarray:
        """float32 ``(H, W, N)``: distance of every pixel centre to keypoint ``n``.

        With ``inverted``, ``1 / (d + 1)`` (1.0 at the keypoint, falling towards 0).
        """
        height, width = self.shape[0:2]
        xy = self.to_xy_array().astype(np.float64)
        dx = (np.arange(width, dtype=np.float64) + 0.5)[:, None] - xy[None, :, 0]
        dy = (np.arange(height, dtype=np.float64) + 0.5)[:, None] - xy[None, :, 1]
        maps = np.sqrt(dy[:, None, :] ** 2 + dx[None, :, :] ** 2).astype(np.float32)
        if inverted:
            return (1.0 / (maps + 1.0)).astype(np.float32)
        return maps

    @staticmethod
    def from_distance_maps(distance_maps: np.ndarray, inverted: bool = False,
                           if_not_found_coords: Any = (-1, -1),
                           threshold: float | None = None,
                           nb_channels: int | None = None) -> KeypointsOnImage:
        """Inverse of :meth:`to_distance_maps`: per channel the closest pixel's centre.

        ``threshold``: maximum distance (or minimum inverted value) for a hit; ``None`` accepts
        all. ``if_not_found_coords`` and ``nb_channels`` as in :meth:`from_keypoint_image`.
        """
        maps = np.asarray(distance_maps)
        if maps.ndim != 3:
            raise ValueError(f"distance_maps must have shape (H, W, N), got {maps.shape}")
        if threshold is None:
            def is_found(_value: float) -> bool:
                return True
        elif inverted:
            def is_found(value: float) -> bool:
                return value >= threshold
        else:
            def is_found(value: float) -> bool:
                return value < threshold
        return KeypointsOnImage._from_argext(maps, np.argmax if inverted else np.argmin,
                                             is_found, if_not_found_coords, nb_channels)

    def remove_out_of_image_(self, fully: bool = True, partly: bool = False) -> KeypointsOnImage:
        """Drop in place the keypoints outside of the image if ``fully`` (no partial state)."""
        if fully:
            self.keypoints = [kp for kp in self.keypoints if not kp.is_out_of_image(self.shape)]
        return self

    def get_coords_array(self) -> np.ndarray:
        """Deprecated alias of :meth:`to_xy_array`."""
        _warn_deprecated("KeypointsOnImage.get_coords_array() is deprecated. Use "
                         "KeypointsOnImage.to_xy_array() instead.")
        return self.to_xy_array()

    @staticmethod
    def from_coords_array(coords: Any, shape: Any) -> KeypointsOnImage:
        """Deprecated alias of :meth:`from_xy_array`."""
        _warn_deprecated("KeypointsOnImage.from_coords_array() is deprecated. Use "
                         "KeypointsOnImage.from_xy_array() instead.")
        return KeypointsOnImage.from_xy_array(coords, shape)

    def clip_out_of_image_(self) -> KeypointsOnImage:
        """Drop in place the keypoints outside of the image."""
        self.keypoints = [kp for kp in self.keypoints if not kp.is_out_of_image(self.shape)]
        return self

    def clip_out_of_image(self) -> KeypointsOnImage:
        """Drop the keypoints outside of the image."""
        return self.deepcopy().clip_out_of_image_()

    def to_keypoints_on_image(self) -> KeypointsOnImage:
        """A deep copy (for consistency with the other ``*OnImage`` classes)."""
        return self.deepcopy()

    def invert_to_keypoints_on_image_(self, kpsoi: KeypointsOnImage) -> KeypointsOnImage:
        """Copy the coordinates and shape of ``kpsoi`` into this instance (same count)."""
        if len(kpsoi.keypoints) != len(self.keypoints):
            raise ValueError(f"Expected {len(self.keypoints)} keypoints in kpsoi, got "
                             f"{len(kpsoi.keypoints)}")
        for target, source in zip(self.keypoints, kpsoi.keypoints):
            target.x = source.x
            target.y = source.y
        self.shape = kpsoi.shape
        return self

    def copy(self, keypoints: list[Keypoint] | None = None,
             shape: Any = None) -> KeypointsOnImage:
        """A shallow copy (a new list holding the same keypoints)."""
        return self._copy_impl(keypoints, shape, deep=False)

    def deepcopy(self, keypoints: list[Keypoint] | None = None,
                 shape: Any = None) -> KeypointsOnImage:
        """A deep copy (the keypoints are copied too)."""
        if keypoints is None:
            keypoints = [Keypoint(kp.x, kp.y) for kp in self.keypoints]
        return self._copy_impl(keypoints, shape, deep=True)
