"""Polygons: :class:`Polygon` and :class:`PolygonsOnImage` (imgaug 0.4.0 API, no Shapely needed).

Clipping uses Sutherland–Hodgman against the image rectangle. Polygons are not repaired after
non-affine augmentation (imgaug's concave polygon recoverer is not implemented).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables._cba import CoordsItem, CoordsItemsOnImage
from imgaug2.augmentables.utils import interpolate_points, normalize_shape


def _shoelace(coords: np.ndarray) -> float:
    if len(coords) < 3:
        return 0.0
    x, y = coords[:, 0].astype(np.float64), coords[:, 1].astype(np.float64)
    return float(0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def _clip_polygon(coords: np.ndarray, width: float, height: float) -> np.ndarray:
    """Sutherland–Hodgman clipping against [0, width] x [0, height]."""
    def clip(points, inside, intersect):
        out = []
        n = len(points)
        for i in range(n):
            cur, prev = points[i], points[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(intersect(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(intersect(prev, cur))
        return out

    def at_x(x0):
        return lambda p, q: (x0, p[1] + (q[1] - p[1]) * (x0 - p[0]) / (q[0] - p[0]))

    def at_y(y0):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y0 - p[1]) / (q[1] - p[1]), y0)

    points = [tuple(map(float, p)) for p in coords]
    for inside, intersect in ((lambda p: p[0] >= 0, at_x(0.0)),
                              (lambda p: p[0] <= width, at_x(float(width))),
                              (lambda p: p[1] >= 0, at_y(0.0)),
                              (lambda p: p[1] <= height, at_y(float(height)))):
        if not points:
            break
        points = clip(points, inside, intersect)
    return np.array(points, dtype=np.float32).reshape(-1, 2)


class Polygon(CoordsItem):
    """A polygon given by its exterior points ``(N, 2)``."""

    def __init__(self, exterior: Any, label: Any = None) -> None:
        if isinstance(exterior, list) and exterior and hasattr(exterior[0], "x"):
            exterior = [(kp.x, kp.y) for kp in exterior]
        arr = np.array(exterior, dtype=np.float32)
        if arr.size == 0:
            arr = arr.reshape(0, 2)
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(f"exterior must have shape (N, 2), got {arr.shape}")
        self.coords = arr
        self.label = label

    @property
    def exterior(self) -> np.ndarray:
        return self.coords

    @exterior.setter
    def exterior(self, value: Any) -> None:
        self.coords = np.asarray(value, dtype=np.float32).reshape(-1, 2)

    @property
    def area(self) -> float:
        return _shoelace(self.coords)

    @property
    def is_valid(self) -> bool:
        """At least 3 points, non-zero area and no self-intersection of non-adjacent edges."""
        n = len(self.coords)
        if n < 3 or self.area == 0:
            return False
        edges = [(self.coords[i], self.coords[(i + 1) % n]) for i in range(n)]

        def ccw(a, b, c):
            return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0])

        for i in range(n):
            for j in range(i + 2, n):
                if i == 0 and j == n - 1:
                    continue
                (a, b), (c, d) = edges[i], edges[j]
                if (ccw(a, c, d) * ccw(b, c, d) < 0) and (ccw(a, b, c) * ccw(a, b, d) < 0):
                    return False
        return True

    def find_closest_point_index(self, x: float, y: float, return_distance: bool = False):
        dist = np.hypot(self.coords[:, 0] - x, self.coords[:, 1] - y)
        idx = int(np.argmin(dist))
        return (idx, float(dist[idx])) if return_distance else idx

    def compute_out_of_image_area(self, image: Any) -> float:
        h, w = normalize_shape(image)[0:2]
        return self.area - _shoelace(_clip_polygon(self.coords, w, h))

    def compute_out_of_image_fraction(self, image: Any) -> float:
        area = self.area
        if area == 0:
            return 0.0 if self._inside_mask(image).all() and len(self.coords) else 1.0
        return min(max(self.compute_out_of_image_area(image) / area, 0.0), 1.0)

    def clip_out_of_image(self, image: Any) -> list[Polygon]:
        h, w = normalize_shape(image)[0:2]
        clipped = _clip_polygon(self.coords, w, h)
        if len(clipped) < 3 or _shoelace(clipped) == 0:
            return []
        return [Polygon(clipped, label=self.label)]

    def change_first_point_by_index(self, point_idx: int) -> Polygon:
        if not 0 <= point_idx < len(self.coords):
            raise ValueError(f"point_idx must be in [0, {len(self.coords)}), got {point_idx}")
        return self.deepcopy(np.roll(self.coords, -point_idx, axis=0))

    def change_first_point_by_coords(self, x: float, y: float, max_distance: float = 1e-4,
                                     raise_if_too_far_away: bool = True) -> Polygon:
        idx, dist = self.find_closest_point_index(x, y, return_distance=True)
        if max_distance is not None and dist > max_distance:
            if raise_if_too_far_away:
                raise ValueError(f"closest point is {dist:.4f} away (> {max_distance})")
            return self.deepcopy()
        return self.change_first_point_by_index(idx)

    def subdivide_(self, points_per_edge: int) -> Polygon:
        if len(self.coords) > 1:
            self.coords = np.array(interpolate_points(self.coords, points_per_edge, closed=True),
                                   dtype=np.float32)
        return self

    def subdivide(self, points_per_edge: int) -> Polygon:
        return self.deepcopy().subdivide_(points_per_edge)

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), color_face=None,
                      color_lines=None, color_points=None, alpha: float = 1.0,
                      alpha_face=None, alpha_lines=None, alpha_points=None, size: int = 1,
                      size_lines=None, size_points=None, raise_if_out_of_image: bool = False,
                      copy: bool = True) -> np.ndarray:
        """Fill (alpha 0.5 by default), outline and corner points, as imgaug draws them."""
        if raise_if_out_of_image and self.is_out_of_image(image):
            raise ValueError(f"Cannot draw polygon {self} outside of image {image.shape}")
        image = np.copy(image) if copy else image
        if len(self.coords) == 0:
            return image
        color = np.asarray(color, dtype=np.float64)
        color_face = color if color_face is None else np.asarray(color_face)
        color_lines = color * 0.5 if color_lines is None else np.asarray(color_lines)
        color_points = color * 0.5 if color_points is None else np.asarray(color_points)
        alpha_face = alpha * 0.5 if alpha_face is None else alpha_face
        alpha_lines = alpha if alpha_lines is None else alpha_lines
        alpha_points = alpha if alpha_points is None else alpha_points
        size_lines = size if size_lines is None else size_lines
        size_points = size * 3 if size_points is None else size_points
        pts = np.round(self.coords).astype(np.int32).reshape(-1, 1, 2)
        for draw, col, alp in (
            (lambda im, c: cv2.fillPoly(im, [pts], c), color_face, alpha_face),
            (lambda im, c: cv2.polylines(im, [pts], True, c, int(size_lines)), color_lines,
             alpha_lines),
        ):
            if alp <= 0:
                continue
            overlay = image.copy()
            draw(overlay, tuple(float(v) for v in np.broadcast_to(col, (image.shape[2],))))
            image[...] = np.clip((1 - alp) * image + alp * overlay, 0, 255).astype(image.dtype)
        if alpha_points > 0:
            from imgaug2.augmentables.kps import KeypointsOnImage

            image = KeypointsOnImage.from_xy_array(self.coords, image.shape).draw_on_image(
                image, color=tuple(color_points), alpha=alpha_points, size=size_points,
                copy=False)
        return image

    def extract_from_image(self, image: np.ndarray) -> np.ndarray:
        bb = self.to_bounding_box()
        crop = bb.extract_from_image(image)
        mask = np.zeros(crop.shape[0:2], dtype=np.uint8)
        shifted = np.round(self.coords - [np.floor(bb.x1), np.floor(bb.y1)]).astype(np.int32)
        cv2.fillPoly(mask, [shifted.reshape(-1, 1, 2)], 1)
        return crop * (mask[..., None] if crop.ndim == 3 else mask)

    def to_line_string(self, closed: bool = True):
        from imgaug2.augmentables.lines import LineString

        coords = self.coords
        if closed and len(coords) > 0:
            coords = np.concatenate([coords, coords[:1]])
        return LineString(coords, label=self.label)

    def exterior_almost_equals(self, other: Any, max_distance: float = 1e-4,
                               points_per_edge: int = 8) -> bool:
        return self.coords_almost_equals(other, max_distance)

    def to_shapely_polygon(self):
        try:
            import shapely.geometry
        except ImportError as exc:
            raise ImportError("to_shapely_polygon needs shapely: pip install shapely") from exc
        return shapely.geometry.Polygon(self.coords)

    @staticmethod
    def from_shapely(polygon_shapely, label: Any = None) -> Polygon:
        coords = np.asarray(polygon_shapely.exterior.coords, dtype=np.float32)
        if len(coords) > 1 and np.allclose(coords[0], coords[-1]):
            coords = coords[:-1]
        return Polygon(coords, label=label)


class PolygonsOnImage(CoordsItemsOnImage):
    """The polygons of one image: ``PolygonsOnImage(polygons, shape)``."""

    _item_attr = "polygons"

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), color_face=None,
                      color_lines=None, color_points=None, alpha: float = 1.0,
                      alpha_face=None, alpha_lines=None, alpha_points=None, size: int = 1,
                      size_lines=None, size_points=None, raise_if_out_of_image: bool = False,
                      copy: bool = True) -> np.ndarray:
        image = np.copy(image) if copy else image
        for polygon in self.polygons:
            image = polygon.draw_on_image(image, color, color_face, color_lines, color_points,
                                          alpha, alpha_face, alpha_lines, alpha_points, size,
                                          size_lines, size_points, raise_if_out_of_image,
                                          copy=False)
        return image
