"""LineString and LineStringsOnImage: distances, clipping, drawing, conversions, copies, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imgaug2 import imgaug as ia
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def test_construction_and_properties() -> None:
    ls = LineString([(0, 0), (3, 4), (3, 10)], label="l")
    assert ls.coords.dtype == np.float32 and ls.length == pytest.approx(11)
    assert np.allclose(ls.compute_neighbour_distances(), [5, 6])
    assert (ls.height, ls.width) == (10, 3)
    assert ls.xx.tolist() == [0, 3, 3] and ls.yy_int.dtype == np.int32
    assert np.array_equal(LineString([Keypoint(0, 0), Keypoint(3, 4)]).coords, ls.coords[:2])
    assert LineString([]).length == 0 and LineString([(1, 1)]).height == 0
    assert repr(ls) == "LineString([(0.00, 0.00), (3.00, 4.00), (3.00, 10.00)], label=l)"
    with pytest.raises(ValueError, match="coords"):
        LineString(np.zeros((2, 3)))


def test_distances_and_contains() -> None:
    ls = LineString([(0, 5), (10, 5), (10, 15)])
    assert ls.compute_pointwise_distances((5, 7)) == pytest.approx([29 ** 0.5, 29 ** 0.5,
                                                                    (25 + 64) ** 0.5])
    assert ls.compute_distance((5, 7)) == pytest.approx(2)
    assert ls.compute_distance(Keypoint(12, 10)) == pytest.approx(2)
    assert ls.compute_distance(LineString([(5, 0), (5, 20)])) == 0  # crossing
    assert ls.compute_distance(LineString([(0, 8), (8, 8)])) == pytest.approx(2)
    assert ls.compute_distance(LineString([])) is None
    assert LineString([]).compute_distance((1, 1), default=-1) == -1
    assert ls.contains((5, 5)) and ls.contains(Keypoint(10, 9.99999))
    assert not ls.contains((5, 5.1))
    with pytest.raises(ValueError, match="other"):
        ls.compute_distance("far")


def test_project_shift_and_inside_mask() -> None:
    ls = LineString([(0, 0), (10, 20)])
    assert np.allclose(ls.project((20, 10), (40, 5)).coords, [(0, 0), (5, 40)])
    assert np.allclose(ls.shift(x=1, y=2).coords, [(1, 2), (11, 22)])
    with pytest.warns(ia.DeprecationWarning):
        assert np.allclose(ls.shift(bottom=1).coords, [(0, -1), (10, 19)])
    assert np.allclose(ls.coords, [(0, 0), (10, 20)])
    mask = LineString([(0, 0), (9.9, 4.9), (10, 2), (-1, 3)]).get_pointwise_inside_image_mask(
        (5, 10))
    assert mask.tolist() == [True, True, False, False]


def test_out_of_image_measures() -> None:
    shape = (10, 10)
    half = LineString([(-10, 5), (10, 5)])
    assert half.compute_out_of_image_fraction(shape) == pytest.approx(0.5, abs=1e-3)
    crossing = LineString([(-5, 5), (15, 5)])  # both points outside, middle inside
    assert crossing.is_partly_within_image(shape) and not crossing.is_fully_within_image(shape)
    assert crossing.is_out_of_image(shape, fully=False, partly=True)
    inside = LineString([(1, 1), (8, 8)])
    assert inside.is_fully_within_image(shape) and inside.compute_out_of_image_fraction(shape) == 0
    outside = LineString([(20, 20), (30, 30)])
    assert outside.is_out_of_image(shape) and outside.compute_out_of_image_fraction(shape) == 1
    assert LineString([(3, 3), (3, 3)]).compute_out_of_image_fraction(shape) == 0
    assert LineString([(30, 3), (30, 3)]).compute_out_of_image_fraction(shape) == 1
    empty = LineString([])
    assert empty.is_out_of_image(shape) and empty.is_out_of_image(shape, default=False) is False
    assert empty.is_fully_within_image(shape) is False


def test_clip_out_of_image_geometry() -> None:
    shape = (10, 10)
    (piece,) = LineString([(-5, 5), (15, 5)], label="x").clip_out_of_image(shape)
    assert piece.label == "x" and np.allclose(piece.coords, [(0, 5), (10, 5)], atol=2e-3)
    assert piece.is_fully_within_image(shape)
    pieces = LineString([(-5, 5), (5, 5), (5, 20), (8, 20), (8, 5)]).clip_out_of_image(shape)
    assert len(pieces) == 2
    assert np.allclose(pieces[0].coords, [(0, 5), (5, 5), (5, 10)], atol=2e-3)
    assert np.allclose(pieces[1].coords, [(8, 10), (8, 5)], atol=2e-3)
    inside = LineString([(1, 1), (2, 2)])
    (same,) = inside.clip_out_of_image(shape)
    assert same is not inside and np.array_equal(same.coords, inside.coords)
    assert LineString([(20, 20), (30, 30)]).clip_out_of_image(shape) == []
    assert LineString([(11, 1)]).clip_out_of_image(shape) == []
    assert len(LineString([(1, 1)]).clip_out_of_image(shape)) == 1
    assert LineString([]).clip_out_of_image(shape) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(-20, 40), st.floats(-20, 40)), min_size=1, max_size=6),
       st.integers(1, 30), st.integers(1, 30))
def test_clipped_pieces_lie_inside_and_are_not_longer(points, height, width) -> None:
    ls = LineString(points)
    pieces = ls.clip_out_of_image((height, width))
    for piece in pieces:
        assert piece.is_fully_within_image((height, width))
    assert sum(p.length for p in pieces) <= ls.length + 1e-3
    assert 0.0 <= ls.compute_out_of_image_fraction((height, width)) <= 1.0


def test_draw_lines_on_image() -> None:
    image = np.zeros((10, 12, 3), np.uint8)
    ls = LineString([(1, 5), (10, 5)])
    drawn = ls.draw_lines_on_image(image, color=(255, 0, 0), size=1)
    assert np.all(drawn[5, 1:11, 0] == 255) and drawn[..., 0].sum() == 10 * 255
    assert image.sum() == 0
    thick = ls.draw_lines_on_image(image, size=3, antialiased=False)
    assert np.all(thick[4:7, 0:12, 1] == 255) and thick[3].sum() == 0
    faint = ls.draw_lines_on_image(np.full((10, 12, 3), 100, np.uint8), color=(200, 0, 0),
                                   alpha=0.5, size=1)
    assert tuple(faint[5, 5]) == (150, 50, 50)
    diagonal = LineString([(0, 0), (9, 9)]).draw_lines_on_image((10, 10), color=255, size=1,
                                                                antialiased=False)
    assert diagonal.shape == (10, 10) and np.array_equal(diagonal > 0, np.eye(10, dtype=bool))
    huge = LineString([(-1e9, 5), (1e9, 5)]).draw_lines_on_image(image, size=1)
    assert np.all(huge[5, :, 1] == 255) and huge[4].sum() == 0
    assert LineString([(1, 1)]).draw_lines_on_image(image).sum() == 0
    with pytest.raises(ValueError, match="outside"):
        LineString([(20, 20), (30, 30)]).draw_lines_on_image(image, raise_if_out_of_image=True)


def test_draw_points_and_draw_on_image() -> None:
    image = np.zeros((10, 10, 3), np.uint8)
    ls = LineString([(2, 2), (7, 2)])
    points = ls.draw_points_on_image(image, size=1)
    assert tuple(points[2, 2]) == (0, 128, 0) and tuple(points[2, 7]) == (0, 128, 0)
    assert points.sum() == 2 * 128
    both = ls.draw_on_image(image, color=(0, 0, 200), size=1)
    assert tuple(both[2, 4]) == (0, 0, 200) and tuple(both[2, 2]) == (0, 0, 100)
    assert tuple(both[1, 1]) == (0, 0, 100) and image.sum() == 0  # 3x3 point squares
    custom = ls.draw_on_image(image, color_lines=(9, 9, 9), alpha_points=0, size_lines=1)
    assert tuple(custom[2, 2]) == (9, 9, 9) and custom[1, 1].sum() == 0
    gray = ls.draw_on_image(np.zeros((10, 10), np.uint8), color=100, size_points=1)
    assert gray[2, 4] == 100 and gray[2, 2] == 50


def test_heatmap_and_mask_arrays() -> None:
    ls = LineString([(1, 1), (8, 1)])
    heat = ls.draw_lines_heatmap_array((5, 10))
    assert heat.dtype == np.float32 and heat.shape == (5, 10) and heat.max() == 1.0
    assert np.all(heat[1, 1:9] == 1.0) and heat[3].sum() == 0
    points = ls.draw_points_heatmap_array((5, 10, 1), size=1)
    assert points.shape == (5, 10, 1) and points.sum() == 2
    both = ls.draw_heatmap_array((5, 10), alpha_lines=0.5, size_points=3)
    assert both[1, 4] == pytest.approx(0.5, abs=0.01) and both[0, 0] == 1.0
    mask = ls.draw_mask((5, 10))
    assert mask.dtype == bool and mask[1, 4] and not mask[3, 4]
    with pytest.raises(ValueError, match="image_shape"):
        ls.draw_lines_heatmap_array((5, 10, 3))


def test_extract_from_image() -> None:
    image = np.arange(100, dtype=np.uint8).reshape(10, 10)
    ls = LineString([(2, 3), (6, 3)])
    extract = ls.extract_from_image(image, antialiased=False)
    assert extract.shape == (1, 5) and np.array_equal(extract[0], image[3, 2:7])
    wide = ls.extract_from_image(np.dstack([image] * 3), size=3, antialiased=False)
    assert wide.shape == (3, 7, 3) and wide.dtype == np.uint8
    assert LineString([(4, 4)]).extract_from_image(image).shape == (1, 1)
    assert LineString([]).extract_from_image(image).shape == (1, 1)
    assert LineString([]).extract_from_image(image, prevent_zero_size=False).shape == (0, 0)


def test_conversions() -> None:
    ls = LineString([(0, 0), (4, 0)], label="c")
    assert np.allclose(ls.concatenate([(4, 4)]).coords, [(0, 0), (4, 0), (4, 4)])
    assert np.allclose(ls.concatenate(LineString([(5, 5)])).coords[-1], (5, 5))
    assert np.allclose(ls.subdivide(3).coords[:, 0], [0, 1, 2, 3, 4])
    assert np.allclose(LineString([(1, 1)]).subdivide(2).coords, [(1, 1)])
    assert [(kp.x, kp.y) for kp in ls.to_keypoints()] == [(0, 0), (4, 0)]
    assert ls.to_bounding_box().coords_almost_equals([0, 0, 4, 0])
    assert LineString([]).to_bounding_box() is None
    polygon = ls.to_polygon()
    assert isinstance(polygon, Polygon) and polygon.label == "c"
    heatmap = ls.to_heatmap((3, 6, 3))
    assert isinstance(heatmap, HeatmapsOnImage) and heatmap.shape == (3, 6, 3)
    assert heatmap.get_arr()[0, 0:5].min() == 1.0
    segmap = ls.to_segmentation_map((3, 6))
    assert isinstance(segmap, SegmentationMapsOnImage)
    assert segmap.get_arr()[0, 2] and not segmap.get_arr()[2, 2]


def test_almost_equals_and_copies() -> None:
    ls = LineString([(0, 0), (4, 0), (4, 4)], label="a")
    assert ls.coords_almost_equals([(0, 0), (2, 0), (4, 0), (4, 4)])  # same geometry
    assert ls.coords_almost_equals(LineString([(4, 4), (4, 0), (0, 0)]))
    assert not ls.coords_almost_equals([(0, 0), (4, 0), (4, 4.1)])
    assert LineString([]).coords_almost_equals([]) and not ls.coords_almost_equals([])
    assert LineString([(1, 1)]).coords_almost_equals((1, 1))
    assert ls.almost_equals(LineString([(0, 0), (4, 0), (4, 4)], label="a"))
    assert not ls.almost_equals(LineString([(0, 0), (4, 0), (4, 4)], label="b"))
    deep = ls.deepcopy()
    deep.coords[0, 0] = 99
    assert ls.coords[0, 0] == 0
    assert np.allclose(ls.copy(coords=[(1, 1), (2, 2)]).coords, [(1, 1), (2, 2)])
    assert ls.copy(label="z").label == "z" and ls.copy().label == "a"


def test_lsoi_container() -> None:
    lsoi = LineStringsOnImage.from_xy_arrays([np.float32([(1, 1), (5, 1)]),
                                              [(-5, 5), (15, 5)], [(20, 20), (30, 30)]],
                                             shape=(10, 10, 3))
    assert len(lsoi) == 3 and lsoi.items is lsoi.line_strings
    assert [a.shape for a in lsoi.to_xy_arrays()] == [(2, 2)] * 3
    assert lsoi.to_xy_arrays(np.int32)[0].dtype == np.int32
    assert len(lsoi.remove_out_of_image()) == 2
    assert len(lsoi.remove_out_of_image(fully=True, partly=True)) == 1
    assert len(lsoi.remove_out_of_image_fraction(0.4)) == 1
    clipped = lsoi.clip_out_of_image()
    assert len(clipped) == 2 and np.allclose(clipped[1].coords, [(0, 5), (10, 5)], atol=2e-3)
    assert len(lsoi) == 3
    projected = lsoi.on((20, 20))
    assert np.allclose(projected[0].coords, [(2, 2), (10, 2)])
    assert np.allclose(lsoi.shift(x=1)[0].coords, [(2, 1), (6, 1)])
    with pytest.raises(TypeError, match="line_strings"):
        LineStringsOnImage([[(1, 1), (2, 2)]], (5, 5))


def test_lsoi_arrays_keypoints_drawing_and_copies() -> None:
    lsoi = LineStringsOnImage([LineString([(1, 1), (5, 1)]), LineString([(2, 2), (2, 6),
                                                                          (4, 6)])], (8, 8, 3))
    xy = lsoi.to_xy_array()
    assert xy.shape == (5, 2)
    lsoi.fill_from_xy_array_(xy + 1)
    assert np.allclose(lsoi[1].coords[0], (3, 3))
    with pytest.raises(ValueError, match="xy"):
        lsoi.fill_from_xy_array_(np.zeros((4, 2)))
    kpsoi = lsoi.to_keypoints_on_image().shift(x=-1, y=-1)
    assert lsoi.invert_to_keypoints_on_image_(kpsoi) is lsoi
    assert np.allclose(lsoi.to_xy_array(), xy)
    drawn = lsoi.draw_on_image(np.zeros((8, 8, 3), np.uint8), color=(0, 0, 255), size=1,
                               size_points=1)
    assert tuple(drawn[1, 3]) == (0, 0, 255) and tuple(drawn[4, 2]) == (0, 0, 255)
    assert tuple(drawn[6, 4]) == (0, 0, 128) and drawn[5, 5].sum() == 0
    empty = LineStringsOnImage([], (8, 8, 3))
    image = np.zeros((8, 8, 3), np.uint8)
    assert empty.draw_on_image(image) is not image
    deep = lsoi.deepcopy()
    deep[0].coords += 10
    assert np.allclose(lsoi[0].coords[0], (1, 1))
    assert lsoi.copy()[0] is lsoi[0]
