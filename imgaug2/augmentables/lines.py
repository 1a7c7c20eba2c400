"""Line strings: :class:`LineString` and :class:`LineStringsOnImage` (imgaug 0.4.0 API)."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables._cba import CoordsItem, CoordsItemsOnImage
from imgaug2.augmentables.utils import interpolate_points, normalize_shape


def _clip_segment(p: np.ndarray, q: np.ndarray, width: float, height: float):
    """Liang–Barsky: the part of segment p->q inside [0, w] x [0, h] as (t0, t1) or None."""
    d = q - p
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-d[0], p[0]), (d[0], width - p[0]), (-d[1], p[1]), (d[1], height - p[1])):
        if pk == 0:
            if qk < 0:
                return None
            continue
        t = qk / pk
        if pk < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return t0, t1


class LineString(CoordsItem):
    """An open polyline ``(N, 2)``."""

    def __init__(self, coords: Any, label: Any = None) -> None:
        if isinstance(coords, list) and coords and hasattr(coords[0], "x"):
            coords = [(kp.x, kp.y) for kp in coords]
        arr = np.array(coords, dtype=np.float32)
        if arr.size == 0:
            arr = arr.reshape(0, 2)
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(f"coords must have shape (N, 2), got {arr.shape}")
        self.coords = arr
        self.label = label

    def compute_neighbour_distances(self) -> np.ndarray:
        if len(self.coords) <= 1:
            return np.zeros((0,), dtype=np.float32)
        return np.linalg.norm(np.diff(self.coords, axis=0), axis=1).astype(np.float32)

    @property
    def length(self) -> float:
        return float(self.compute_neighbour_distances().sum())

    def get_pointwise_inside_image_mask(self, image: Any) -> np.ndarray:
        return self._inside_mask(image)

    def compute_pointwise_distances(self, other: Any, default: Any = None) -> list[float]:
        other = np.asarray(other.coords if isinstance(other, CoordsItem) else other,
                           dtype=np.float32).reshape(-1, 2)
        if len(self.coords) == 0:
            return default
        return [float(self._distance_to_point(p)) for p in other]

    def _distance_to_point(self, point: np.ndarray) -> float:
        if len(self.coords) == 1:
            return float(np.linalg.norm(self.coords[0] - point))
        a, b = self.coords[:-1], self.coords[1:]
        ab = b - a
        denom = np.maximum((ab ** 2).sum(axis=1), 1e-12)
        t = np.clip(((point - a) * ab).sum(axis=1) / denom, 0, 1)
        proj = a + ab * t[:, None]
        return float(np.min(np.linalg.norm(proj - point, axis=1)))

    def compute_distance(self, other: Any, default: Any = None) -> float:
        distances = self.compute_pointwise_distances(other, default=None)
        return default if not distances else min(distances)

    def contains(self, other: Any, max_distance: float = 1e-4) -> bool:
        return self.compute_distance(other, default=np.inf) <= max_distance

    def compute_out_of_image_fraction(self, image: Any) -> float:
        h, w = normalize_shape(image)[0:2]
        if len(self.coords) == 0:
            return 1.0
        total = self.length
        if total == 0:
            return 0.0 if self._inside_mask(image).all() else 1.0
        inside = 0.0
        for p, q in zip(self.coords[:-1], self.coords[1:]):
            span = _clip_segment(p, q, w, h)
            if span is not None:
                inside += (span[1] - span[0]) * float(np.linalg.norm(q - p))
        return float(min(max(1.0 - inside / total, 0.0), 1.0))

    def clip_out_of_image(self, image: Any) -> list[LineString]:
        h, w = normalize_shape(image)[0:2]
        pieces: list[list] = []
        current: list = []
        for p, q in zip(self.coords[:-1], self.coords[1:]):
            span = _clip_segment(p, q, w, h)
            if span is None:
                if current:
                    pieces.append(current)
                    current = []
                continue
            start, end = p + (q - p) * span[0], p + (q - p) * span[1]
            if not current:
                current = [start]
            elif not np.allclose(current[-1], start):
                pieces.append(current)
                current = [start]
            current.append(end)
            if span[1] < 1.0:
                pieces.append(current)
                current = []
        if current:
            pieces.append(current)
        if len(self.coords) == 1 and self._inside_mask(image).all():
            return [self.deepcopy()]
        return [LineString(np.array(piece, dtype=np.float32), label=self.label)
                for piece in pieces if len(piece) >= 2]

    def subdivide_(self, points_per_edge: int) -> LineString:
        if len(self.coords) > 1:
            self.coords = np.array(interpolate_points(self.coords, points_per_edge,
                                                      closed=False), dtype=np.float32)
        return self

    def subdivide(self, points_per_edge: int) -> LineString:
        return self.deepcopy().subdivide_(points_per_edge)

    def concatenate(self, other: Any) -> LineString:
        other_coords = other.coords if isinstance(other, CoordsItem) else np.asarray(
            other, dtype=np.float32).reshape(-1, 2)
        return self.deepcopy(np.concatenate([self.coords, other_coords]))

    def draw_mask(self, image_shape: Any, size_lines: int = 1, size_points: int = 0,
                  raise_if_out_of_image: bool = False) -> np.ndarray:
        return self.draw_heatmap_array(image_shape, size_lines=size_lines,
                                       size_points=size_points) > 0.5

    def draw_lines_heatmap_array(self, image_shape: Any, alpha: float = 1.0, size: int = 1,
                                 antialiased: bool = True,
                                 raise_if_out_of_image: bool = False) -> np.ndarray:
        h, w = normalize_shape(image_shape)[0:2]
        canvas = np.zeros((h, w), dtype=np.float32)
        if len(self.coords) >= 2:
            pts = np.round(self.coords).astype(np.int32).reshape(-1, 1, 2)
            cv2.polylines(canvas, [pts], False, float(alpha), int(size),
                          cv2.LINE_AA if antialiased else cv2.LINE_8)
        return np.clip(canvas, 0, 1)

    def draw_points_heatmap_array(self, image_shape: Any, alpha: float = 1.0, size: int = 1,
                                  raise_if_out_of_image: bool = False) -> np.ndarray:
        from imgaug2.augmentables.kps import KeypointsOnImage

        h, w = normalize_shape(image_shape)[0:2]
        canvas = np.zeros((h, w, 1), dtype=np.float32)
        canvas = KeypointsOnImage.from_xy_array(self.coords, (h, w, 1)).draw_on_image(
            canvas, color=(float(alpha),), size=size)
        return canvas[..., 0]

    def draw_heatmap_array(self, image_shape: Any, alpha_lines: float = 1.0,
                           alpha_points: float = 1.0, size_lines: int = 1, size_points: int = 0,
                           antialiased: bool = True,
                           raise_if_out_of_image: bool = False) -> np.ndarray:
        lines = self.draw_lines_heatmap_array(image_shape, alpha_lines, size_lines, antialiased)
        if size_points <= 0:
            return lines
        points = self.draw_points_heatmap_array(image_shape, alpha_points, size_points)
        return np.maximum(lines, points)

    def draw_lines_on_image(self, image: np.ndarray, color=(0, 255, 0), alpha: float = 1.0,
                            size: int = 3, antialiased: bool = True,
                            raise_if_out_of_image: bool = False) -> np.ndarray:
        heat = self.draw_lines_heatmap_array(image.shape, alpha, size, antialiased)
        color = np.asarray(color, dtype=np.float64)
        mixed = image * (1 - heat[..., None]) + color * heat[..., None]
        return np.clip(mixed, 0, 255).astype(image.dtype)

    def draw_points_on_image(self, image: np.ndarray, color=(0, 128, 0), alpha: float = 1.0,
                             size: int = 3, copy: bool = True,
                             raise_if_out_of_image: bool = False) -> np.ndarray:
        from imgaug2.augmentables.kps import KeypointsOnImage

        return KeypointsOnImage.from_xy_array(self.coords, image.shape).draw_on_image(
            image, color=color, alpha=alpha, size=size, copy=copy)

    def draw_on_image(self, image: np.ndarray, color=(0, 255, 0), color_lines=None,
                      color_points=None, alpha: float = 1.0, alpha_lines=None,
                      alpha_points=None, size: int = 1, size_lines=None, size_points=None,
                      antialiased: bool = True, raise_if_out_of_image: bool = False,
                      copy: bool = True) -> np.ndarray:
        if raise_if_out_of_image and self.is_out_of_image(image):
            raise ValueError(f"Cannot draw line string {self} outside of image {image.shape}")
        image = np.copy(image) if copy else image
        color = np.asarray(color, dtype=np.float64)
        image = self.draw_lines_on_image(
            image, color if color_lines is None else color_lines,
            alpha if alpha_lines is None else alpha_lines,
            size if size_lines is None else size_lines, antialiased)
        return self.draw_points_on_image(
            image, color * 0.5 if color_points is None else color_points,
            alpha if alpha_points is None else alpha_points,
            size * 3 if size_points is None else size_points, copy=False)

    def extract_from_image(self, image: np.ndarray, size: int = 1, pad: bool = True,
                           pad_max=None, antialiased: bool = True,
                           prevent_zero_size: bool = True) -> np.ndarray:
        bb = self.to_bounding_box().extend(all_sides=size // 2)
        crop = bb.extract_from_image(image, pad=pad, pad_max=pad_max,
                                     prevent_zero_size=prevent_zero_size)
        shifted = self.shift(x=-np.floor(bb.x1), y=-np.floor(bb.y1))
        mask = shifted.draw_lines_heatmap_array(crop.shape, size=size, antialiased=antialiased)
        return (crop * (mask[..., None] if crop.ndim == 3 else mask)).astype(image.dtype)

    def to_polygon(self):
        from imgaug2.augmentables.polys import Polygon

        return Polygon(self.coords, label=self.label)

    def to_heatmap(self, image_shape: Any, size_lines: int = 1, size_points: int = 0,
                   antialiased: bool = True, raise_if_out_of_image: bool = False):
        from imgaug2.augmentables.heatmaps import HeatmapsOnImage

        arr = self.draw_heatmap_array(image_shape, size_lines=size_lines,
                                      size_points=size_points, antialiased=antialiased)
        return HeatmapsOnImage(arr, shape=normalize_shape(image_shape))

    def to_segmentation_map(self, image_shape: Any, size_lines: int = 1, size_points: int = 0,
                            raise_if_out_of_image: bool = False):
        from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

        mask = self.draw_mask(image_shape, size_lines=size_lines, size_points=size_points)
        return SegmentationMapsOnImage(mask.astype(np.int32),
                                       shape=normalize_shape(image_shape))


class LineStringsOnImage(CoordsItemsOnImage):
    """The line strings of one image: ``LineStringsOnImage(line_strings, shape)``."""

    _item_attr = "line_strings"

    @classmethod
    def from_xy_arrays(cls, xys: Any, shape: Any) -> LineStringsOnImage:
        return cls([LineString(xy) for xy in xys], shape)

    def to_xy_arrays(self, dtype=np.float32) -> list[np.ndarray]:
        return [ls.coords.astype(dtype) for ls in self.line_strings]
