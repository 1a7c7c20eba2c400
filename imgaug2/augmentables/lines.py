"""Line strings: :class:`LineString` and :class:`LineStringsOnImage` (imgaug 0.4.0 API).

A line string is an open polyline of ``(N, 2)`` float32 points. Distances, clipping at the image
border and drawing are computed without Shapely.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmentables import _drawing
from imgaug2.augmentables._cba import CoordsItem, CoordsOnImage
from imgaug2.augmentables._geometry import (
    clip_line_string,
    point_to_polyline_distances,
    polyline_distance,
)
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.polys import _points_array
from imgaug2.augmentables.utils import interpolate_points, normalize_shape


def _heatmap_shape(image_shape: Any) -> tuple[int, ...]:
    shape = normalize_shape(image_shape)
    if not (len(shape) == 2 or (len(shape) == 3 and shape[2] == 1)):
        raise ValueError(f"image_shape must be (H, W) or (H, W, 1), got {shape}")
    return shape


def _other_geometry(other: Any) -> np.ndarray | None:
    """Points of the geometry to measure distances to (None if it has no points)."""
    if isinstance(other, Keypoint):
        return np.array([[other.x, other.y]], dtype=np.float64)
    if isinstance(other, LineString):
        return other.coords.astype(np.float64) if len(other.coords) else None
    if isinstance(other, (tuple, list, np.ndarray)) and np.size(other) == 2:
        return np.asarray(other, dtype=np.float64).reshape(1, 2)
    raise ValueError("other must be a Keypoint, a LineString or an (x, y) tuple, got "
                     f"{type(other).__name__}")


class LineString(CoordsItem):
    """An open polyline ``(N, 2)`` with an optional ``label``.

    ``coords``: ``(N, 2)`` array, list of ``(x, y)`` or list of Keypoint; stored as float32.
    """

    def __init__(self, coords: Any, label: Any = None) -> None:
        self.coords = _points_array(coords, "coords")
        self.label = label

    @property
    def coords(self) -> np.ndarray:
        """The points as float32 ``(N, 2)`` array (assigned values are validated)."""
        return self._coords

    @coords.setter
    def coords(self, value: Any) -> None:
        self._coords = _points_array(value, "coords")

    @property
    def length(self) -> float:
        """Sum of the segment lengths."""
        return float(np.sum(self.compute_neighbour_distances(), dtype=np.float64))

    def compute_neighbour_distances(self) -> np.ndarray:
        """float32 ``(N-1,)`` distances between consecutive points."""
        if len(self.coords) <= 1:
            return np.zeros((0,), dtype=np.float32)
        delta = np.diff(self.coords.astype(np.float64), axis=0)
        return np.hypot(delta[:, 0], delta[:, 1]).astype(np.float32)

    def compute_pointwise_distances(self, other: Any, default: Any = None) -> Any:
        """For every point of this line string, its distance to ``other``.

        ``other``: Keypoint, LineString (distance to its segments) or ``(x, y)``. Returns a list
        of floats, or ``default`` if ``other`` has no points.
        """
        other_points = _other_geometry(other)
        if other_points is None:
            return default
        return point_to_polyline_distances(self.coords, other_points).tolist()

    def compute_distance(self, other: Any, default: Any = None) -> Any:
        """The smallest distance between this line string and ``other``.

        ``other``: Keypoint, LineString or ``(x, y)``. This is the exact distance between the
        geometries (segment interiors included; 0 if they cross). Returns ``default`` if either
        has no points.
        """
        other_points = _other_geometry(other)
        if other_points is None or len(self.coords) == 0:
            return default
        return polyline_distance(self.coords, other_points)

    def contains(self, other: Any, max_distance: float = 1e-4) -> bool:
        """Whether a point (Keypoint or ``(x, y)``) is closer than ``max_distance``."""
        return self.compute_distance(other, default=np.inf) < max_distance

    def compute_out_of_image_fraction(self, image: Any) -> float:
        """Fraction of the length outside of the image (zero-length: 0.0 or 1.0)."""
        length = self.length
        if length == 0:
            if len(self.coords) == 0:
                return 0.0
            return 1.0 if not np.any(self.get_pointwise_inside_image_mask(image)) else 0.0
        inside = sum(piece.length for piece in self.clip_out_of_image(image))
        return min(max(1.0 - inside / length, 0.0), 1.0)

    def is_fully_within_image(self, image: Any, default: Any = False) -> Any:
        """Whether all points are inside the image (``default`` if there are none)."""
        if len(self.coords) == 0:
            return default
        return bool(np.all(self.get_pointwise_inside_image_mask(image)))

    def is_partly_within_image(self, image: Any, default: Any = False) -> Any:
        """Whether any part of the line string is inside the image."""
        if len(self.coords) == 0:
            return default
        if np.any(self.get_pointwise_inside_image_mask(image)):
            return True
        return len(self.clip_out_of_image(image)) > 0

    def is_out_of_image(self, image: Any, fully: bool = True, partly: bool = False,
                        default: Any = True) -> Any:
        """Whether it is fully (``fully``) and/or partly (``partly``) outside of the image."""
        if len(self.coords) == 0:
            return default
        if self.is_fully_within_image(image):
            return False
        if self.is_partly_within_image(image):
            return partly
        return fully

    def clip_out_of_image(self, image: Any) -> list[LineString]:
        """Cut at the image border; returns the pieces inside (possibly none or several).

        Points outside of ``[0, W) x [0, H)`` are removed and each crossing adds a point on
        the border (at most ``1e-3`` inside it).
        """
        height, width = normalize_shape(image)[0:2]
        return [self.deepcopy(coords=piece)
                for piece in clip_line_string(self.coords, height, width)]

    def subdivide_(self, points_per_edge: int) -> LineString:
        """Insert ``points_per_edge`` evenly spaced points on every segment, in place."""
        if len(self.coords) > 1 and points_per_edge >= 1:
            self.coords = np.array(interpolate_points(self.coords.tolist(), points_per_edge,
                                                      closed=False), dtype=np.float32)
        return self

    def subdivide(self, points_per_edge: int) -> LineString:
        """Copy with ``points_per_edge`` evenly spaced points inserted on every segment."""
        return self.deepcopy().subdivide_(points_per_edge)

    def concatenate(self, other: Any) -> LineString:
        """Copy with the points of ``other`` (LineString or points) appended."""
        if not isinstance(other, LineString):
            other = LineString(other)
        return self.deepcopy(coords=np.concatenate([self.coords, other.coords], axis=0))

    def _paint_lines_(self, image: np.ndarray, color: np.ndarray, alpha: float, size: int,
                      antialiased: bool) -> np.ndarray:
        """Blend the segments (``size`` px square pen) into ``image`` in place."""
        if len(self.coords) <= 1 or alpha < 1e-4 or size < 1:
            return image
        height, width = image.shape[0:2]
        drawn = _drawing.polyline_mask(self.coords, False, height, width, int(size), antialiased)
        if drawn is None:
            return image
        x0, y0, heat = drawn
        heat = _drawing.heat_to_mask(heat * np.float32(alpha), int(size))
        return _drawing.paint_(image, x0, y0, heat, color, 1.0)

    def draw_lines_on_image(self, image: Any, color: Any = (0, 255, 0), alpha: float = 1.0,
                            size: int = 3, antialiased: bool = True,
                            raise_if_out_of_image: bool = False) -> np.ndarray:
        """A copy of ``image`` with the segments drawn (``size`` px thick).

        ``image``: ``(H, W)``/``(H, W, C)`` array of any integer or float dtype, or a shape tuple
        (drawn onto zeros of dtype uint8).
        """
        if isinstance(image, tuple):
            image = np.zeros(image, dtype=np.uint8)
        image = np.copy(_drawing.check_image(image))
        color_vec = _drawing.color_vector(color, _drawing.nb_channels(image))
        if len(self.coords) <= 1 or alpha < 1e-4 or size < 1:
            return image
        if raise_if_out_of_image and self.is_out_of_image(image, fully=True, partly=False):
            raise ValueError(f"Cannot draw line string {self} on image with shape "
                             f"{image.shape}: it is fully outside of the image")
        return self._paint_lines_(image, color_vec, alpha, size, antialiased)

    def draw_points_on_image(self, image: Any, color: Any = (0, 128, 0), alpha: float = 1.0,
                             size: int = 3, copy: bool = True,
                             raise_if_out_of_image: bool = False) -> np.ndarray:
        """Draw every point as a ``size x size`` square (see Keypoint.draw_on_image)."""
        if isinstance(image, tuple):
            image = np.zeros(image, dtype=np.uint8)
        image = _drawing.check_image(image)
        kpsoi = KeypointsOnImage.from_xy_array(self.coords, shape=image.shape)
        return kpsoi.draw_on_image(image, color=color, alpha=alpha, size=size, copy=copy,
                                   raise_if_out_of_image=raise_if_out_of_image)

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), color_lines: Any = None,
                      color_points: Any = None, alpha: float = 1.0,
                      alpha_lines: float | None = None, alpha_points: float | None = None,
                      size: int = 1, size_lines: int | None = None,
                      size_points: int | None = None, antialiased: bool = True,
                      raise_if_out_of_image: bool = False) -> np.ndarray:
        """A copy of ``image`` with segments and points drawn.

        Defaults: lines in ``color`` at ``alpha`` and ``size`` px, points in ``color * 0.5`` at
        ``alpha`` and ``3 * size`` px. ``image``: ``(H, W)``/``(H, W, C)``, any integer or float
        dtype (usually uint8).
        """
        for arg_name, value in (("color", color), ("alpha", alpha), ("size", size)):
            if value is None:
                raise ValueError(f"{arg_name} must not be None")
        image = _drawing.check_image(image)
        channels = _drawing.nb_channels(image)
        base = _drawing.color_vector(color, channels)
        color_lines = base if color_lines is None else color_lines
        color_points = base * 0.5 if color_points is None else color_points
        alpha_lines = alpha if alpha_lines is None else alpha_lines
        alpha_points = alpha if alpha_points is None else alpha_points
        size_lines = size if size_lines is None else size_lines
        size_points = size * 3 if size_points is None else size_points
        image = self.draw_lines_on_image(image, color=color_lines, alpha=alpha_lines,
                                         size=size_lines, antialiased=antialiased,
                                         raise_if_out_of_image=raise_if_out_of_image)
        return self.draw_points_on_image(image, color=color_points, alpha=alpha_points,
                                         size=size_points, copy=False)

    def draw_lines_heatmap_array(self, image_shape: Any, alpha: float = 1.0, size: int = 1,
                                 antialiased: bool = True,
                                 raise_if_out_of_image: bool = False) -> np.ndarray:
        """float32 array of ``image_shape`` ((H, W) or (H, W, 1)) with the segments in [0, 1]."""
        shape = _heatmap_shape(image_shape)
        arr = self.draw_lines_on_image(np.zeros(shape, dtype=np.uint8), color=255, alpha=alpha,
                                       size=size, antialiased=antialiased,
                                       raise_if_out_of_image=raise_if_out_of_image)
        return arr.astype(np.float32) / 255.0

    def draw_points_heatmap_array(self, image_shape: Any, alpha: float = 1.0, size: int = 1,
                                  raise_if_out_of_image: bool = False) -> np.ndarray:
        """float32 array of ``image_shape`` ((H, W) or (H, W, 1)) with the points in [0, 1]."""
        shape = _heatmap_shape(image_shape)
        arr = self.draw_points_on_image(np.zeros(shape, dtype=np.uint8), color=255, alpha=alpha,
                                        size=size, copy=False,
                                        raise_if_out_of_image=raise_if_out_of_image)
        return arr.astype(np.float32) / 255.0

    def draw_heatmap_array(self, image_shape: Any, alpha_lines: float = 1.0,
                           alpha_points: float = 1.0, size_lines: int = 1, size_points: int = 0,
                           antialiased: bool = True,
                           raise_if_out_of_image: bool = False) -> np.ndarray:
        """Maximum of the lines and (if ``size_points > 0``) points heatmap arrays."""
        heat = self.draw_lines_heatmap_array(image_shape, alpha=alpha_lines, size=size_lines,
                                             antialiased=antialiased,
                                             raise_if_out_of_image=raise_if_out_of_image)
        if size_points <= 0:
            return heat
        points = self.draw_points_heatmap_array(image_shape, alpha=alpha_points,
                                                size=size_points,
                                                raise_if_out_of_image=raise_if_out_of_image)
        return np.maximum(heat, points)

    def draw_mask(self, image_shape: Any, size_lines: int = 1, size_points: int = 0,
                  raise_if_out_of_image: bool = False) -> np.ndarray:
        """bool mask of ``image_shape`` ((H, W) or (H, W, 1)): lines (and points) drawn."""
        heat = self.draw_heatmap_array(image_shape, alpha_lines=1.0, alpha_points=1.0,
                                       size_lines=size_lines, size_points=size_points,
                                       antialiased=False,
                                       raise_if_out_of_image=raise_if_out_of_image)
        return heat > 0.5

    def extract_from_image(self, image: np.ndarray, size: int = 1, pad: bool = True,
                           pad_max: int | None = None, antialiased: bool = True,
                           prevent_zero_size: bool = True) -> np.ndarray:
        """The pixels covered by the (``size`` px thick) line, in its bounding box.

        Other pixels are zero. ``image``: ``(H, W)``/``(H, W, C)`` of any dtype (the result has
        the same dtype). ``pad``/``pad_max``/``prevent_zero_size`` as in
        ``BoundingBox.extract_from_image``.
        """
        from imgaug2.augmentables.bbs import BoundingBox

        image = _drawing.check_image(image)
        if len(self.coords) == 0 or size <= 0:
            side = 1 if prevent_zero_size else 0
            return np.zeros((side, side) + image.shape[2:], dtype=image.dtype)
        xx, yy = self.xx_int, self.yy_int
        half = (size - 1) / 2
        bb = BoundingBox(x1=float(xx.min()) - half, y1=float(yy.min()) - half,
                         x2=float(xx.max()) + 1 + half, y2=float(yy.max()) + 1 + half)
        if len(self.coords) == 1:
            return bb.extract_from_image(image, pad=pad, pad_max=pad_max,
                                         prevent_zero_size=prevent_zero_size)
        heat = self.draw_lines_heatmap_array(image.shape[0:2], alpha=1.0, size=size,
                                             antialiased=antialiased)
        if image.ndim == 3:
            heat = heat[:, :, None]
        masked = image.astype(np.float32) * heat
        extract = bb.extract_from_image(masked, pad=pad, pad_max=pad_max,
                                        prevent_zero_size=prevent_zero_size)
        return _drawing.cast_to(extract, image.dtype)

    def to_polygon(self):
        """A Polygon with the same points and label."""
        from imgaug2.augmentables.polys import Polygon

        return Polygon(self.coords, label=self.label)

    def to_heatmap(self, image_shape: Any, size_lines: int = 1, size_points: int = 0,
                   antialiased: bool = True, raise_if_out_of_image: bool = False):
        """The drawn line string as HeatmapsOnImage (values in [0, 1])."""
        from imgaug2.augmentables.heatmaps import HeatmapsOnImage

        shape = normalize_shape(image_shape)
        arr = self.draw_heatmap_array(shape[0:2], size_lines=size_lines,
                                      size_points=size_points, antialiased=antialiased,
                                      raise_if_out_of_image=raise_if_out_of_image)
        return HeatmapsOnImage(arr, shape=shape)

    def to_segmentation_map(self, image_shape: Any, size_lines: int = 1, size_points: int = 0,
                            raise_if_out_of_image: bool = False):
        """The drawn line string as a boolean SegmentationMapsOnImage."""
        from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

        shape = normalize_shape(image_shape)
        mask = self.draw_mask(shape[0:2], size_lines=size_lines, size_points=size_points,
                              raise_if_out_of_image=raise_if_out_of_image)
        return SegmentationMapsOnImage(mask, shape=shape)

    def coords_almost_equals(self, other: Any, max_distance: float = 1e-4,
                             points_per_edge: int = 8) -> bool:
        """Whether both line strings are within ``max_distance`` of each other everywhere.

        Both are subdivided with ``points_per_edge`` and every point must be closer than
        ``max_distance`` to the other line (both ways). ``other``: LineString, an ``(x, y)``
        tuple or ``(N, 2)`` points.
        """
        if not isinstance(other, LineString):
            other = LineString([other]) if isinstance(other, tuple) else LineString(other)
        if len(self.coords) == 0 and len(other.coords) == 0:
            return True
        if len(self.coords) == 0 or len(other.coords) == 0:
            return False
        self_sub = self.subdivide(points_per_edge)
        other_sub = other.subdivide(points_per_edge)
        dist = max(max(self_sub.compute_pointwise_distances(other_sub)),
                   max(other_sub.compute_pointwise_distances(self_sub)))
        return dist < max_distance

    def almost_equals(self, other: Any, max_distance: float = 1e-4,
                      points_per_edge: int = 8) -> bool:
        """:meth:`coords_almost_equals` plus equal labels."""
        if isinstance(other, LineString) and self.label != other.label:
            return False
        return self.coords_almost_equals(other, max_distance=max_distance,
                                         points_per_edge=points_per_edge)

    def __repr__(self) -> str:
        points = ", ".join(f"({x:.2f}, {y:.2f})" for x, y in self.coords.tolist())
        return f"LineString([{points}], label={self.label})"

    __str__ = __repr__


class LineStringsOnImage(CoordsOnImage):
    """The line strings of one image: ``LineStringsOnImage(line_strings, shape)``.

    ``shape`` is the image shape tuple ``(H, W[, C])``.
    """

    _items_attr = "line_strings"
    _item_type = LineString

    def __init__(self, line_strings: list[LineString], shape: Any) -> None:
        self._init(line_strings, shape)

    @classmethod
    def from_xy_arrays(cls, xy: Any, shape: Any) -> LineStringsOnImage:
        """Line strings from a list of ``(N_i, 2)`` arrays (or an ``(M, N, 2)`` array)."""
        return cls([LineString(coords) for coords in xy], shape)

    def to_xy_arrays(self, dtype: Any = np.float32) -> list[np.ndarray]:
        """The points of every line string as a list of ``(N_i, 2)`` arrays."""
        return [ls.coords.astype(dtype) for ls in self.line_strings]

    def draw_on_image(self, image: np.ndarray, color: Any = (0, 255, 0), color_lines: Any = None,
                      color_points: Any = None, alpha: float = 1.0,
                      alpha_lines: float | None = None, alpha_points: float | None = None,
                      size: int = 1, size_lines: int | None = None,
                      size_points: int | None = None, antialiased: bool = True,
                      raise_if_out_of_image: bool = False) -> np.ndarray:
        """A copy of ``image`` with all line strings drawn (see LineString.draw_on_image)."""
        image = _drawing.check_image(image)
        for ls in self.line_strings:
            image = ls.draw_on_image(image, color=color, color_lines=color_lines,
                                     color_points=color_points, alpha=alpha,
                                     alpha_lines=alpha_lines, alpha_points=alpha_points,
                                     size=size, size_lines=size_lines, size_points=size_points,
                                     antialiased=antialiased,
                                     raise_if_out_of_image=raise_if_out_of_image)
        return np.copy(image) if not self.line_strings else image

    def copy(self, line_strings: list[LineString] | None = None,
             shape: Any = None) -> LineStringsOnImage:
        """A shallow copy (a new list holding the same line strings)."""
        return self._copy_impl(line_strings, shape, deep=False)

    def deepcopy(self, line_strings: list[LineString] | None = None,
                 shape: Any = None) -> LineStringsOnImage:
        """A deep copy (the line strings are copied too)."""
        return self._copy_impl(line_strings, shape, deep=True)
