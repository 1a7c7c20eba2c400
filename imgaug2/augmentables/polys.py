"""Polygons: :class:`Polygon` and :class:`PolygonsOnImage` (imgaug 0.4.0 API, Shapely optional).

Areas, validity and clipping are computed exactly without Shapely (shoelace formula, segment
intersection tests, Sutherland–Hodgman clipping against the image rectangle ``[0, W] x [0, H]``).
Differences to imgaug 0.4.0:

* A concave polygon that leaves and re-enters the image is clipped to one polygon whose parts are
  joined by zero-area edges along the image border (Shapely would return several polygons).
  Areas and out-of-image fractions are unaffected.
* imgaug's ``recover_psois_`` / ``_ConcavePolygonRecoverer`` is not implemented: polygons that
  become invalid (self-intersecting) after non-affine augmentation are returned as computed.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables import _drawing
from imgaug2.augmentables._cba import CoordsItem, CoordsOnImage
from imgaug2.augmentables._geometry import (
    clip_polygon,
    is_simple_polygon,
    polygon_area,
    remove_consecutive_duplicates,
)
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.utils import _warn_deprecated, normalize_shape

# clipped polygons with less area (px^2) are treated as lines/points and dropped
_MIN_AREA = 1e-6


def _points_array(points: Any, name: str) -> np.ndarray:
    """``(N, 2)`` float32 array from an array, a list of ``(x, y)`` or a list of Keypoint."""
    if isinstance(points, np.ndarray):
        arr = points.astype(np.float32) if points.dtype != np.float32 else points
    else:
        points = list(points)
        if points and all(isinstance(p, Keypoint) for p in points):
            points = [(p.x, p.y) for p in points]
        try:
            arr = np.array(points, dtype=np.float32)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name} must be an (N, 2) array of xy coordinates: {exc}") from exc
    if arr.size == 0 and arr.ndim <= 2:
        return arr.reshape(0, 2)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must have shape (N, 2), got shape {arr.shape}")
    return arr


def _closest_pair(a: np.ndarray, b: np.ndarray) -> tuple[int, float]:
    """Index into ``b`` of the closest (a, b) pair; ties go to the earliest ``a``, then ``b``."""
    best_idx, best_dist = 0, np.inf
    rows = max(1, (1 << 20) // max(len(b), 1))
    for lo in range(0, len(a), rows):
        block = a[lo:lo + rows, None, :] - b[None, :, :]
        dist = np.sqrt((block ** 2).sum(axis=-1))
        flat = int(np.argmin(dist))
        row, col = divmod(flat, dist.shape[1])
        if dist[row, col] < best_dist:
            best_idx, best_dist = col, float(dist[row, col])
    return best_idx, best_dist


class Polygon(CoordsItem):
    """A polygon given by its exterior points ``(N, 2)`` (not closed: last != first).

    ``exterior``: ``(N, 2)`` array, list of ``(x, y)`` or list of Keypoint; stored as float32.
    """

    def __init__(self, exterior: Any, label: Any = None) -> None:
        self.exterior = _points_array(exterior, "exterior")
        self.label = label

    @property
    def exterior(self) -> np.ndarray:
        """The points as float32 ``(N, 2)`` array (assigned values are validated)."""
        return self._exterior

    @exterior.setter
    def exterior(self, value: Any) -> None:
        self._exterior = _points_array(value, "exterior")

    @property
    def coords(self) -> np.ndarray:
        """Alias of ``exterior``."""
        return self._exterior

    @coords.setter
    def coords(self, value: Any) -> None:
        self._exterior = _points_array(value, "coords")

    @property
    def is_valid(self) -> bool:
        """Whether the polygon is simple: 3+ distinct points, area > 0, no self-intersection."""
        if len(self.exterior) < 3:
            return False
        return is_simple_polygon(self.exterior)

    @property
    def area(self) -> float:
        """Area enclosed by the exterior (shoelace; 0 for fewer than 3 points)."""
        return polygon_area(self.exterior)

    def find_closest_point_index(self, x: float, y: float,
                                 return_distance: bool = False) -> int | tuple[int, float]:
        """Index of the exterior point closest to ``(x, y)`` (and its distance)."""
        if len(self.exterior) == 0:
            raise ValueError("Cannot find the closest point of a polygon without points")
        dist = np.hypot(self.exterior[:, 0].astype(np.float64) - x,
                        self.exterior[:, 1].astype(np.float64) - y)
        idx = int(np.argmin(dist))
        if return_distance:
            return idx, float(dist[idx])
        return idx

    def compute_out_of_image_area(self, image: Any) -> float:
        """Area of the polygon outside of ``[0, W] x [0, H]``."""
        clipped = self.clip_out_of_image(image)
        return max(self.area - sum(poly.area for poly in clipped), 0.0)

    def compute_out_of_image_fraction(self, image: Any) -> float:
        """Fraction of the area outside of the image (zero-area polygons: as line strings)."""
        area = self.area
        if area == 0:
            return self.to_line_string().compute_out_of_image_fraction(image)
        # self-intersecting (invalid) polygons can give odd areas; keep the result in [0, 1]
        return min(self.compute_out_of_image_area(image) / area, 1.0)

    def is_fully_within_image(self, image: Any) -> bool:
        """Whether all edges lie inside the image."""
        return not self.is_out_of_image(image, fully=True, partly=True)

    def is_partly_within_image(self, image: Any) -> bool:
        """Whether any part of the polygon overlaps the image."""
        return not self.is_out_of_image(image, fully=True, partly=False)

    def is_out_of_image(self, image: Any, fully: bool = True, partly: bool = False) -> bool:
        """Whether the polygon is fully (``fully``) and/or partly (``partly``) outside."""
        if len(self.exterior) == 0:
            raise ValueError("Cannot determine whether a polygon without points is inside the "
                             "image")
        ls = self.to_line_string()
        if ls.is_fully_within_image(image):
            return False
        if ls.is_out_of_image(image, fully=False, partly=True):
            return partly
        if self.clip_out_of_image(image):
            return partly
        return fully

    def clip_out_of_image(self, image: Any) -> list[Polygon]:
        """The part inside ``[0, W] x [0, H]`` as a list with zero or one polygon.

        Polygons that shrink to a line or point are dropped. The first point of the result is
        the one closest to any original point, to keep the point order stable.
        """
        n = len(self.exterior)
        if n == 0:
            return []
        if n in (1, 2):
            pieces = self.to_line_string(closed=False).clip_out_of_image(image)
            return [self.deepcopy(exterior=pieces[0].coords)] if pieces else []
        height, width = normalize_shape(image)[0:2]
        clipped = clip_polygon(self.exterior, 0.0, 0.0, float(width), float(height))
        clipped = remove_consecutive_duplicates(clipped.astype(np.float32), closed=True,
                                                tolerance=1e-6)
        if len(clipped) < 3 or polygon_area(clipped) < _MIN_AREA:
            return []
        first, _ = _closest_pair(self.exterior.astype(np.float64), clipped.astype(np.float64))
        return [Polygon(np.roll(clipped, -first, axis=0), label=self.label)]

    def cut_out_of_image(self, image: Any) -> list[Polygon]:
        """Deprecated alias of :meth:`clip_out_of_image`."""
        _warn_deprecated("Polygon.cut_out_of_image() is deprecated. Use clip_out_of_image() "
                         "instead, it has the same interface.")
        return self.clip_out_of_image(image)

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), color_face: Any = None,
                      color_lines: Any = None, color_points: Any = None, alpha: float = 1.0,
                      alpha_face: float | None = None, alpha_lines: float | None = None,
                      alpha_points: float | None = None, size: int = 1,
                      size_lines: int | None = None, size_points: int | None = None,
                      raise_if_out_of_image: bool = False, copy: bool = True) -> np.ndarray:
        """Draw the filled area, the outline and the corner points.

        Defaults derived from ``color``/``alpha``/``size``: face ``color`` at ``alpha * 0.5``,
        outline ``color * 0.5`` at ``alpha`` and ``size`` px, points ``color * 0.5`` at ``alpha``
        and ``3 * size`` px. ``image``: ``(H, W)`` or ``(H, W, C)`` of any integer or float dtype
        (usually uint8; integer results are rounded and clipped). ``raise_if_out_of_image``
        raises a ValueError if the polygon is fully outside of the image.
        """
        for arg_name, value in (("color", color), ("alpha", alpha), ("size", size)):
            if value is None:
                raise ValueError(f"{arg_name} must not be None")
        image = _drawing.check_image(image)
        channels = _drawing.nb_channels(image)
        base = _drawing.color_vector(color, channels)
        face = base if color_face is None else _drawing.color_vector(color_face, channels,
                                                                       "color_face")
        lines = base * 0.5 if color_lines is None else _drawing.color_vector(
            color_lines, channels, "color_lines")
        points = base * 0.5 if color_points is None else _drawing.color_vector(
            color_points, channels, "color_points")
        alpha_face = alpha * 0.5 if alpha_face is None else alpha_face
        alpha_lines = alpha if alpha_lines is None else alpha_lines
        alpha_points = alpha if alpha_points is None else alpha_points
        size_lines = size if size_lines is None else size_lines
        size_points = size * 3 if size_points is None else size_points
        alpha_face = 0.0 if alpha_face < 0.01 else (1.0 if alpha_face > 0.99 else alpha_face)
        if raise_if_out_of_image and self.is_out_of_image(image):
            raise ValueError(f"Cannot draw polygon {self} on image with shape {image.shape}: it "
                             "is fully outside of the image")
        result = np.copy(image) if copy else image
        height, width = result.shape[0:2]
        if alpha_face > 0:
            filled = _drawing.polygon_fill_mask(self.exterior, height, width)
            if filled is not None:
                x0, y0, mask = filled
                _drawing.paint_(result, x0, y0, mask, face, alpha_face)
        self.to_line_string(closed=True)._paint_lines_(result, lines, alpha_lines, size_lines,
                                                       antialiased=True)
        KeypointsOnImage.from_xy_array(self.exterior, shape=result.shape).draw_on_image(
            result, color=points, alpha=alpha_points, size=size_points, copy=False)
        return result

    def extract_from_image(self, image: np.ndarray) -> np.ndarray:
        """The pixels inside the polygon, in its bounding box; other pixels are zero.

        ``image``: ``(H, W)`` or ``(H, W, C)`` of any dtype; zero-padded where the polygon
        leaves the image.
        """
        image = _drawing.check_image(image)
        if len(self.exterior) <= 2:
            raise ValueError("A polygon needs at least 3 points to extract its area from an "
                             "image")
        bb = self.to_bounding_box()
        crop = bb.extract_from_image(image)
        if self.is_out_of_image(image, fully=True, partly=False):
            return crop
        xx, yy = self.xx_int, self.yy_int
        local = np.stack([xx - xx.min(), yy - yy.min()], axis=1).astype(np.int32)
        mask = np.zeros(crop.shape[0:2], dtype=np.uint8)
        cv2.fillPoly(mask, [local.reshape(-1, 1, 2)], 1)
        if crop.ndim == 3:
            mask = mask[:, :, None]
        return crop * mask.astype(crop.dtype)

    def change_first_point_by_coords(self, x: float, y: float, max_distance: float | None = 1e-4,
                                     raise_if_too_far_away: bool = True) -> Polygon:
        """Copy whose point order starts at the exterior point closest to ``(x, y)``.

        If that point is farther than ``max_distance`` (``None``: no limit), a ValueError is
        raised or, without ``raise_if_too_far_away``, an unchanged copy returned.
        """
        if len(self.exterior) == 0:
            raise ValueError("Cannot reorder the points of a polygon without points")
        idx, dist = self.find_closest_point_index(x=x, y=y, return_distance=True)
        if max_distance is not None and dist > max_distance:
            if not raise_if_too_far_away:
                return self.deepcopy()
            closest = self.exterior[idx]
            raise ValueError(f"Closest found point ({closest[0]:.9f}, {closest[1]:.9f}) is "
                             f"{dist:.9f} away, more than max_distance={max_distance}")
        return self.change_first_point_by_index(idx)

    def change_first_point_by_index(self, point_idx: int) -> Polygon:
        """Copy whose point order starts at exterior point ``point_idx``."""
        if not 0 <= point_idx < len(self.exterior):
            raise ValueError(f"point_idx must be in [0, {len(self.exterior)}), got {point_idx}")
        return self.deepcopy(exterior=np.roll(self.exterior, -int(point_idx), axis=0))

    def subdivide_(self, points_per_edge: int) -> Polygon:
        """Insert ``points_per_edge`` evenly spaced points on every edge, in place."""
        if len(self.exterior) <= 1:
            return self
        subdivided = self.to_line_string(closed=True).subdivide(points_per_edge)
        self.exterior = subdivided.coords[:-1]
        return self

    def subdivide(self, points_per_edge: int) -> Polygon:
        """Copy with ``points_per_edge`` evenly spaced points inserted on every edge."""
        return self.deepcopy().subdivide_(points_per_edge)

    def to_shapely_polygon(self) -> Any:
        """The polygon as ``shapely.geometry.Polygon`` (needs Shapely)."""
        shapely_geometry = _import_shapely("Polygon.to_shapely_polygon()")
        return shapely_geometry.Polygon([(float(x), float(y)) for x, y in self.exterior])

    def to_shapely_line_string(self, closed: bool = False, interpolate: int = 0) -> Any:
        """The exterior as ``shapely.geometry.LineString`` (needs Shapely).

        ``interpolate`` points are inserted on every edge.
        """
        shapely_geometry = _import_shapely("Polygon.to_shapely_line_string()")
        ls = self.to_line_string(closed=closed)
        if interpolate > 0:
            ls = ls.subdivide(interpolate)
        return shapely_geometry.LineString([(float(x), float(y)) for x, y in ls.coords])

    @staticmethod
    def from_shapely(polygon_shapely: Any, label: Any = None) -> Polygon:
        """A Polygon from a ``shapely.geometry.Polygon`` (its exterior ring)."""
        try:
            ring = list(polygon_shapely.exterior.coords)
        except AttributeError as exc:
            raise TypeError("polygon_shapely must be a shapely.geometry.Polygon, got "
                            f"{type(polygon_shapely).__name__}") from exc
        coords = np.array([(p[0], p[1]) for p in ring], dtype=np.float32).reshape(-1, 2)
        if len(coords) > 1 and np.array_equal(coords[0], coords[-1]):
            coords = coords[:-1]
        return Polygon(coords, label=label)

    def to_line_string(self, closed: bool = True):
        """The exterior as LineString; ``closed`` repeats the first point at the end."""
        from imgaug2.augmentables.lines import LineString

        coords = self.exterior
        if closed and len(coords) > 1:
            coords = np.concatenate([coords, coords[:1]], axis=0)
        return LineString(np.array(coords, dtype=np.float32), label=self.label)

    def exterior_almost_equals(self, other: Any, max_distance: float = 1e-4,
                               points_per_edge: int = 8) -> bool:
        """Whether both outlines are within ``max_distance`` of each other everywhere.

        ``other``: Polygon or ``(N, 2)`` points. Both outlines are subdivided with
        ``points_per_edge`` and compared both ways (point order does not matter).
        """
        if not isinstance(other, Polygon):
            other = Polygon(_points_array(other, "other"))
        return self.to_line_string(closed=True).coords_almost_equals(
            other.to_line_string(closed=True), max_distance=max_distance,
            points_per_edge=points_per_edge)

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4,
                             points_per_edge: int = 8) -> bool:
        """Alias of :meth:`exterior_almost_equals`."""
        return self.exterior_almost_equals(other, max_distance=max_distance,
                                           points_per_edge=points_per_edge)

    def almost_equals(self, other: Any, max_distance: float = 1e-4,
                      points_per_edge: int = 8) -> bool:
        """:meth:`exterior_almost_equals` plus equal labels (``other`` must be a Polygon)."""
        if not isinstance(other, Polygon):
            return False
        if self.label != other.label:
            return False
        return self.exterior_almost_equals(other, max_distance=max_distance,
                                           points_per_edge=points_per_edge)

    def copy(self, exterior: Any = None, label: Any = None) -> Polygon:
        """A copy, optionally with another exterior or label."""
        return self.deepcopy(exterior=exterior, label=label)

    def deepcopy(self, exterior: Any = None, label: Any = None) -> Polygon:
        """A deep copy, optionally with another exterior or label."""
        return CoordsItem.deepcopy(self, exterior, label)

    def __repr__(self) -> str:
        points = ", ".join(f"(x={x:.3f}, y={y:.3f})" for x, y in self.exterior.tolist())
        return f"Polygon([{points}] ({len(self.exterior)} points), label={self.label})"

    __str__ = __repr__


def _import_shapely(what: str) -> Any:
    try:
        import shapely.geometry
    except ImportError as exc:
        raise ImportError(f"{what} requires the optional package shapely: pip install shapely"
                          ) from exc
    return shapely.geometry


class PolygonsOnImage(CoordsOnImage):
    """The polygons of one image: ``PolygonsOnImage(polygons, shape)``.

    ``shape`` is the image shape tuple ``(H, W[, C])``.
    """

    _items_attr = "polygons"
    _item_type = Polygon

    def __init__(self, polygons: list[Polygon], shape: Any) -> None:
        self._init(polygons, shape)

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), color_face: Any = None,
                      color_lines: Any = None, color_points: Any = None, alpha: float = 1.0,
                      alpha_face: float | None = None, alpha_lines: float | None = None,
                      alpha_points: float | None = None, size: int = 1,
                      size_lines: int | None = None, size_points: int | None = None,
                      raise_if_out_of_image: bool = False, copy: bool = True) -> np.ndarray:
        """Draw all polygons; see :meth:`Polygon.draw_on_image`."""
        image = _drawing.check_image(image)
        image = np.copy(image) if copy else image
        for polygon in self.polygons:
            image = polygon.draw_on_image(
                image, color=color, color_face=color_face, color_lines=color_lines,
                color_points=color_points, alpha=alpha, alpha_face=alpha_face,
                alpha_lines=alpha_lines, alpha_points=alpha_points, size=size,
                size_lines=size_lines, size_points=size_points,
                raise_if_out_of_image=raise_if_out_of_image, copy=False)
        return image

    def subdivide_(self, points_per_edge: int) -> PolygonsOnImage:
        """Insert ``points_per_edge`` points on every edge of every polygon, in place."""
        for polygon in self.polygons:
            polygon.subdivide_(points_per_edge)
        return self

    def subdivide(self, points_per_edge: int) -> PolygonsOnImage:
        """Copy with ``points_per_edge`` points inserted on every edge of every polygon."""
        return self.deepcopy().subdivide_(points_per_edge)

    def copy(self, polygons: list[Polygon] | None = None, shape: Any = None) -> PolygonsOnImage:
        """A shallow copy (a new list holding the same polygons)."""
        return self._copy_impl(polygons, shape, deep=False)

    def deepcopy(self, polygons: list[Polygon] | None = None,
                 shape: Any = None) -> PolygonsOnImage:
        """A deep copy (the polygons are copied too)."""
        return self._copy_impl(polygons, shape, deep=True)
