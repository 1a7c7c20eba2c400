"""Helpers shared by the coordinate-based augmentables (imgaug 0.4.0 ``augmentables.utils``).

Coordinates are ``(N, 2)`` float32 xy arrays; shapes are image shape tuples ``(H, W[, C])``.
"""

from __future__ import annotations

import copy as copylib
import numbers
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np


def normalize_shape(shape: Any) -> tuple[int, ...]:
    """An image shape tuple from a shape tuple/list or an image array (its ``.shape``)."""
    if isinstance(shape, tuple):
        return shape
    if isinstance(shape, np.ndarray):
        return shape.shape
    if isinstance(shape, list):
        return tuple(shape)
    raise TypeError(f"Expected an image shape tuple or an image array, got {type(shape).__name__}")


def normalize_imglike_shape(shape: Any) -> tuple[int, ...]:
    """Alias of :func:`normalize_shape` (image or shape tuple to shape tuple)."""
    return normalize_shape(shape)


def _warn_deprecated(msg: str, stacklevel: int = 3) -> None:
    from imgaug2 import imgaug as ia

    ia.warn_deprecated(msg, stacklevel=stacklevel)


def _normalize_on_image_shape(shape: Any, cls_name: str) -> tuple[int, ...]:
    """Validate the ``shape`` argument of an ``*OnImage`` container.

    A tuple/list of at least two non-negative integers is expected. An image array is accepted with
    a DeprecationWarning (its ``.shape`` is used).
    """
    if isinstance(shape, np.ndarray):
        _warn_deprecated(
            f"Providing a numpy array for parameter `shape` in {cls_name} is deprecated. Provide "
            "the image shape tuple instead, e.g. `image.shape`.", stacklevel=4)
        shape = shape.shape
    if isinstance(shape, list):
        shape = tuple(shape)
    if not isinstance(shape, tuple):
        raise TypeError(f"{cls_name}: shape must be an image shape tuple (H, W[, C]), got "
                        f"{type(shape).__name__}")
    if len(shape) < 2:
        raise ValueError(f"{cls_name}: shape must have at least two entries (H, W), got {shape}")
    result = []
    for value in shape:
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{cls_name}: shape must contain non-negative integers, got {shape}")
        result.append(int(value))
    return tuple(result)


def _as_xy_array(xy: Any, name: str, copy: bool = True) -> np.ndarray:
    """``xy`` as a float32 ``(N, 2)`` array; ValueError naming ``name`` for other shapes."""
    if isinstance(xy, np.ndarray) and xy.dtype == np.float32 and not copy:
        arr = xy
    else:
        try:
            arr = np.array(xy, dtype=np.float32)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name} must be an (N, 2) array of xy coordinates: {exc}") from exc
    if arr.size == 0 and arr.ndim <= 2:
        return arr.reshape(0, 2)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must have shape (N, 2), got shape {arr.shape}")
    return arr


def _check_xy_array(xy: Any, name: str) -> np.ndarray:
    return _as_xy_array(xy, name)


def project_coords_(coords: Any, from_shape: Any, to_shape: Any) -> np.ndarray:
    """Scale xy coordinates from one image shape to another (in place for float arrays).

    A point at 60% of the old width ends at 60% of the new width. ``coords``: ``(N, 2)`` array or
    list of ``(x, y)``; the result is a float array (float32 unless a float array was given).
    """
    from_shape = normalize_shape(from_shape)
    to_shape = normalize_shape(to_shape)
    if not isinstance(coords, np.ndarray) or coords.dtype.kind != "f":
        coords = _as_xy_array(coords, "coords")
    elif coords.ndim == 0 or coords.shape[-1] != 2:
        raise ValueError(f"coords must have shape (N, 2), got shape {coords.shape}")
    if from_shape[0:2] == to_shape[0:2]:
        return coords
    from_h, from_w = from_shape[0:2]
    to_h, to_w = to_shape[0:2]
    if min(from_h, from_w, to_h, to_w) <= 0:
        raise ValueError(f"Cannot project coordinates between shapes {from_shape} and {to_shape}: "
                         "heights and widths must be > 0")
    coords[..., 0] *= to_w / from_w
    coords[..., 1] *= to_h / from_h
    return coords


def project_coords(coords: Any, from_shape: Any, to_shape: Any) -> np.ndarray:
    """Like :func:`project_coords_`, but never changes ``coords``."""
    if isinstance(coords, np.ndarray):
        coords = np.copy(coords)
    return project_coords_(coords, from_shape, to_shape)


def interpolate_point_pair(point_a: Sequence[float], point_b: Sequence[float],
                           nb_steps: int) -> list[tuple[float, float]]:
    """``nb_steps`` evenly spaced points strictly between ``point_a`` and ``point_b``."""
    if nb_steps < 1:
        return []
    x1, y1 = point_a
    x2, y2 = point_b
    step = np.float32([x2 - x1, y2 - y1]) / (nb_steps + 1)
    return [(x1 + i * step[0], y1 + i * step[1]) for i in range(1, nb_steps + 1)]


def interpolate_points(points: Any, nb_steps: int, closed: bool = True) -> list:
    """Insert ``nb_steps`` points on every segment of a line string.

    If ``closed``, the segment from the last back to the first point is interpolated as well
    (the first point is not repeated at the end).
    """
    if len(points) <= 1:
        return points
    points = list(points)
    if closed:
        points = points + [points[0]]
    result = []
    for point_a, point_b in zip(points[:-1], points[1:]):
        result.append(point_a)
        result.extend(interpolate_point_pair(point_a, point_b, nb_steps))
    if not closed:
        result.append(points[-1])
    return result


def interpolate_points_by_max_distance(points: Any, max_distance: float,
                                       closed: bool = True) -> list:
    """Insert points on every segment so that neighbours are at most ``max_distance`` apart."""
    if not max_distance > 0:
        raise ValueError(f"max_distance must be > 0, got {max_distance}")
    if len(points) <= 1:
        return points
    points = list(points)
    if closed:
        points = points + [points[0]]
    result = []
    for point_a, point_b in zip(points[:-1], points[1:]):
        dist = float(np.hypot(point_b[0] - point_a[0], point_b[1] - point_a[1]))
        nb_steps = max(int(np.ceil(dist / max_distance)) - 1, 0)
        result.append(point_a)
        result.extend(interpolate_point_pair(point_a, point_b, nb_steps))
    if not closed:
        result.append(points[-1])
    return result


def copy_augmentables(augmentables: Any) -> Any:
    """Deep copies of a list of augmentables (arrays are copied with ``np.copy``)."""
    if isinstance(augmentables, np.ndarray):
        return np.copy(augmentables)
    return [np.copy(a) if isinstance(a, np.ndarray) else a.deepcopy() for a in augmentables]


def deepcopy_fast(obj: Any) -> Any:
    """A deep copy using ``np.copy``/``.deepcopy()`` where possible (faster than deepcopy)."""
    if obj is None or isinstance(obj, (numbers.Number, str, bytes)):
        return obj
    if isinstance(obj, list):
        return [deepcopy_fast(el) for el in obj]
    if isinstance(obj, tuple):
        return tuple(deepcopy_fast(el) for el in obj)
    if isinstance(obj, np.ndarray):
        return np.copy(obj)
    if hasattr(obj, "deepcopy"):
        return obj.deepcopy()
    return copylib.deepcopy(obj)


def convert_cbaois_to_kpsois(cbaois: Any) -> Any:
    """Boxes/polygons/line strings (one ``*OnImage`` or a list of them) as KeypointsOnImage."""
    if not isinstance(cbaois, list):
        return cbaois.to_keypoints_on_image()
    return [cbaoi.to_keypoints_on_image() for cbaoi in cbaois]


def invert_convert_cbaois_to_kpsois_(cbaois: Any, kpsois: Any) -> Any:
    """Write (augmented) keypoints back into the objects they came from, in place."""
    if not isinstance(cbaois, list):
        if isinstance(kpsois, list):
            raise TypeError("Expected a single KeypointsOnImage for a single (non-list) cbaois, "
                            "got a list")
        return cbaois.invert_to_keypoints_on_image_(kpsois)
    if not isinstance(kpsois, (list, tuple)) or len(kpsois) != len(cbaois):
        raise ValueError("Expected one KeypointsOnImage per entry of cbaois")
    return [cbaoi.invert_to_keypoints_on_image_(kpsoi) for cbaoi, kpsoi in zip(cbaois, kpsois)]


def _remove_out_of_image_fraction(cbaoi: Any, fraction: float, result_class: type) -> Any:
    items = [item for item in cbaoi.items
             if item.compute_out_of_image_fraction(cbaoi.shape) < fraction]
    return result_class(items, shape=cbaoi.shape)


def _remove_out_of_image_fraction_(cbaoi: Any, fraction: float) -> Any:
    """Drop (in place) the items whose out-of-image fraction is ``>= fraction``."""
    cbaoi.items = [item for item in cbaoi.items
                   if item.compute_out_of_image_fraction(cbaoi.shape) < fraction]
    return cbaoi


def _normalize_shift_args(x: float, y: float, top: float | None = None,
                          right: float | None = None, bottom: float | None = None,
                          left: float | None = None) -> tuple[float, float]:
    """``shift()`` arguments as ``(x, y)``; the top/right/bottom/left keywords are deprecated."""
    if any(v is not None for v in (top, right, bottom, left)):
        _warn_deprecated(
            f"Got one of the arguments `top` ({top}), `right` ({right}), `bottom` ({bottom}), "
            f"`left` ({left}) in a shift() call. These are deprecated. Use `x` and `y` instead.",
            stacklevel=4)
        x = x + (left or 0) - (right or 0)
        y = y + (top or 0) - (bottom or 0)
    return x, y


def _flatten_numbers(values: Iterable) -> list[float]:
    out: list[float] = []
    for value in values:
        if isinstance(value, (list, tuple, np.ndarray)):
            out.extend(_flatten_numbers(value))
        else:
            out.append(value)
    return out

