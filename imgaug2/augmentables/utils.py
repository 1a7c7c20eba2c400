"""Helpers shared by the coordinate-based augmentables."""

from __future__ import annotations

import copy as copylib
from typing import Any

import numpy as np


def normalize_shape(shape: Any) -> tuple[int, ...]:
    """An image shape tuple from a tuple or an image array (``.shape`` is used)."""
    if isinstance(shape, tuple):
        return shape
    if isinstance(shape, np.ndarray):
        return shape.shape
    if isinstance(shape, list):
        return tuple(shape)
    raise TypeError(f"shape must be a tuple or an image array, got {type(shape).__name__}")


def normalize_imglike_shape(shape: Any) -> tuple[int, ...]:
    return normalize_shape(shape)


def project_coords_(coords: np.ndarray, from_shape: Any, to_shape: Any) -> np.ndarray:
    """Scale ``(N, 2)`` xy coordinates in place from one image shape to another."""
    from_shape = normalize_shape(from_shape)
    to_shape = normalize_shape(to_shape)
    if from_shape[0:2] == to_shape[0:2]:
        return coords
    if from_shape[0] == 0 or from_shape[1] == 0:
        raise ValueError(f"cannot project coordinates from an empty shape {from_shape}")
    coords[..., 0] *= to_shape[1] / from_shape[1]
    coords[..., 1] *= to_shape[0] / from_shape[0]
    return coords


def project_coords(coords: Any, from_shape: Any, to_shape: Any) -> np.ndarray:
    return project_coords_(np.array(coords, dtype=np.float32), from_shape, to_shape)


def interpolate_point_pair(point_a, point_b, nb_steps: int) -> list[tuple[float, float]]:
    if nb_steps < 1:
        return []
    a = np.asarray(point_a, dtype=np.float32)
    b = np.asarray(point_b, dtype=np.float32)
    steps = np.arange(1, nb_steps + 1, dtype=np.float32)[:, None] / (nb_steps + 1)
    return [tuple(p) for p in a + (b - a) * steps]


def interpolate_points(points, nb_steps: int, closed: bool = True) -> list:
    points = [tuple(p) for p in np.asarray(points, dtype=np.float32)]
    if len(points) <= 1:
        return points
    pairs = list(zip(points, points[1:] + ([points[0]] if closed else [])))
    result = []
    for a, b in pairs:
        result.append(a)
        result.extend(interpolate_point_pair(a, b, nb_steps))
    if not closed:
        result.append(points[-1])
    return result


def interpolate_points_by_max_distance(points, max_distance: float, closed: bool = True) -> list:
    if max_distance <= 0:
        raise ValueError(f"max_distance must be > 0, got {max_distance}")
    points = [tuple(p) for p in np.asarray(points, dtype=np.float32)]
    if len(points) <= 1:
        return points
    pairs = list(zip(points, points[1:] + ([points[0]] if closed else [])))
    result = []
    for a, b in pairs:
        result.append(a)
        dist = float(np.hypot(b[0] - a[0], b[1] - a[1]))
        result.extend(interpolate_point_pair(a, b, int(np.ceil(dist / max_distance)) - 1))
    if not closed:
        result.append(points[-1])
    return result


def copy_augmentables(augmentables: list) -> list:
    return [a.deepcopy() if hasattr(a, "deepcopy") else copylib.deepcopy(a)
            for a in augmentables]


def deepcopy_fast(obj: Any) -> Any:
    if obj is None:
        return None
    if isinstance(obj, np.ndarray):
        return np.copy(obj)
    if isinstance(obj, list):
        return [deepcopy_fast(o) for o in obj]
    if hasattr(obj, "deepcopy"):
        return obj.deepcopy()
    return copylib.deepcopy(obj)


def convert_cbaois_to_kpsois(cbaois: Any) -> Any:
    """Boxes/polygons/line strings (one ``*OnImage`` or a list) as KeypointsOnImage."""
    if not isinstance(cbaois, list):
        return cbaois.to_keypoints_on_image()
    return [cbaoi.to_keypoints_on_image() for cbaoi in cbaois]


def invert_convert_cbaois_to_kpsois_(cbaois: Any, kpsois: Any) -> Any:
    """Write augmented keypoints back into the boxes/polygons/line strings (in place)."""
    if not isinstance(cbaois, list):
        return cbaois.invert_to_keypoints_on_image_(kpsois)
    return [cbaoi.invert_to_keypoints_on_image_(kpsoi) for cbaoi, kpsoi in zip(cbaois, kpsois)]


def _remove_out_of_image_fraction_(cbaoi: Any, fraction: float) -> Any:
    cbaoi.items = [item for item in cbaoi.items
                   if item.compute_out_of_image_fraction(cbaoi.shape) < fraction]
    return cbaoi


def _normalize_shift_args(x: float, y: float, top=None, right=None, bottom=None, left=None):
    """imgaug's deprecated top/right/bottom/left shift arguments as (x, y)."""
    if any(v is not None for v in (top, right, bottom, left)):
        from imgaug2 import imgaug as ia

        ia.warn_deprecated("shift(top=, right=, bottom=, left=) is deprecated; use x= and y=.")
        x = x + (left or 0) - (right or 0)
        y = y + (top or 0) - (bottom or 0)
    return x, y


def _check_xy_array(xy: Any, name: str) -> np.ndarray:
    arr = np.asarray(xy, dtype=np.float32)
    if arr.size == 0:
        return arr.reshape(0, 2)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must have shape (N, 2), got {arr.shape}")
    return arr
