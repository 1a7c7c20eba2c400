"""Polygon and PolygonsOnImage: area, validity, clipping, drawing, conversions, copies, errors."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.path import Path

from imgaug2 import imgaug as ia
from imgaug2.augmentables.kps import Keypoint
from imgaug2.augmentables.lines import LineString
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage

SQUARE = [(2, 2), (8, 2), (8, 8), (2, 8)]


def test_construction_and_properties() -> None:
    poly = Polygon(SQUARE, label="sq")
    assert poly.exterior.dtype == np.float32 and poly.coords is poly.exterior
    assert np.array_equal(Polygon(np.array(SQUARE)).exterior, poly.exterior)
    assert np.array_equal(Polygon([Keypoint(x, y) for x, y in SQUARE]).exterior, poly.exterior)
    assert (poly.area, poly.height, poly.width) == (36, 6, 6)
    assert poly.xx.tolist() == [2, 8, 8, 2] and poly.yy_int.dtype == np.int32
    assert Polygon([(0.4, 0), (1.6, 0), (1, 1)]).xx_int.tolist() == [0, 2, 1]
    assert poly[0].tolist() == [2, 2] and len(list(poly)) == 4
    assert repr(poly).startswith("Polygon([(x=2.000, y=2.000), (x=8.000")
    assert "(4 points), label=sq" in repr(poly)
    with pytest.raises(ValueError, match="exterior"):
        Polygon(np.zeros((3, 3)))
    poly.coords = [(0, 0), (1, 0), (0, 1)]
    assert poly.area == pytest.approx(0.5) and poly.exterior.dtype == np.float32
    with pytest.raises(ValueError, match="exterior"):
        poly.exterior = np.zeros((2, 3))
    with pytest.warns(ia.DeprecationWarning):
        assert len(Polygon(SQUARE).cut_out_of_image((5, 5))) == 1


@pytest.mark.parametrize(("points", "valid"), [
    (SQUARE, True),
    ([(0, 0), (4, 0), (4, 4)], True),
    ([(0, 0), (4, 4), (4, 0), (0, 4)], False),  # bow tie
    ([(0, 0), (4, 0), (4, 4), (4, 4), (0, 4)], True),  # repeated point is fine
    ([(0, 0), (2, 0), (4, 0)], False),  # collinear, no area
    ([(0, 0), (4, 0), (4, 4), (2, 0), (0, 4)], False),  # touches its own edge
    ([(0, 0), (4, 0), (8, 0), (4, 0), (4, 4)], False),  # spike folding back
    ([(0, 0), (1, 1)], False),
])
def test_is_valid(points, valid) -> None:
    assert Polygon(points).is_valid is valid


def test_project_shift_and_point_order() -> None:
    poly = Polygon(SQUARE)
    assert np.allclose(poly.project((10, 10), (20, 5)).exterior, [(1, 4), (4, 4), (4, 16),
                                                                  (1, 16)])
    assert np.allclose(poly.shift(x=1, y=-1).exterior[0], (3, 1))
    with pytest.warns(ia.DeprecationWarning):
        assert np.allclose(poly.shift(left=2).exterior[0], (4, 2))
    assert np.allclose(poly.exterior[0], (2, 2))
    assert poly.find_closest_point_index(7.5, 8.5) == 2
    idx, dist = poly.find_closest_point_index(9, 8, return_distance=True)
    assert idx == 2 and dist == pytest.approx(1)
    assert np.allclose(poly.change_first_point_by_index(2).exterior[0], (8, 8))
    assert np.allclose(poly.change_first_point_by_coords(2, 8).exterior[0], (2, 8))
    with pytest.raises(ValueError, match="max_distance"):
        poly.change_first_point_by_coords(5, 5)
    kept = poly.change_first_point_by_coords(5, 5, raise_if_too_far_away=False)
    assert np.allclose(kept.exterior, poly.exterior)
    assert np.allclose(poly.change_first_point_by_coords(5, 7, max_distance=None).exterior[0],
                       (2, 8)) or np.allclose(poly.change_first_point_by_coords(
                           5, 7, max_distance=None).exterior[0], (8, 8))
    with pytest.raises(ValueError, match="point_idx"):
        poly.change_first_point_by_index(4)
    with pytest.raises(ValueError, match="without points"):
        Polygon([]).find_closest_point_index(0, 0)


def test_out_of_image_measures() -> None:
    shape = (10, 10, 3)
    half = Polygon([(-5, 0), (5, 0), (5, 4), (-5, 4)])
    assert half.compute_out_of_image_area(shape) == pytest.approx(20)
    assert half.compute_out_of_image_fraction(shape) == pytest.approx(0.5)
    assert half.is_partly_within_image(shape) and not half.is_fully_within_image(shape)
    assert half.is_out_of_image(shape, fully=False, partly=True)
    assert Polygon(SQUARE).is_fully_within_image(shape)
    assert Polygon(SQUARE).compute_out_of_image_fraction(shape) == 0.0
    outside = Polygon([(20, 20), (30, 20), (30, 30)])
    assert outside.is_out_of_image(shape) and outside.compute_out_of_image_fraction(shape) == 1
    covering = Polygon([(-5, -5), (15, -5), (15, 15), (-5, 15)])
    assert covering.is_partly_within_image(shape)  # all edges outside, area overlaps
    assert covering.compute_out_of_image_fraction(shape) == pytest.approx(0.75)
    flat = Polygon([(1, 1), (5, 1), (9, 1)])  # zero area: measured like a line
    assert flat.compute_out_of_image_fraction(shape) == 0.0
    assert Polygon([(5, 5), (15, 5), (10, 5)]).compute_out_of_image_fraction(shape) \
        == pytest.approx(0.5, abs=1e-3)
    with pytest.raises(ValueError, match="without points"):
        Polygon([]).is_out_of_image(shape)


def test_clip_out_of_image_geometry() -> None:
    (square,) = Polygon([(-5, -5), (5, -5), (5, 5), (-5, 5)]).clip_out_of_image((10, 10))
    assert square.area == pytest.approx(25)
    assert square.exterior_almost_equals([(0, 0), (5, 0), (5, 5), (0, 5)])
    (tri,) = Polygon([(5, 5), (15, 5), (5, 15)], label="t").clip_out_of_image((10, 10))
    assert tri.label == "t" and tri.area == pytest.approx(50 - 0 - 2 * 12.5 + 12.5 * 0)
    assert np.allclose(tri.exterior[0], (5, 5))  # first point kept first
    assert tri.exterior[:, 0].max() <= 10 and tri.exterior[:, 1].max() <= 10
    assert Polygon([(20, 20), (30, 20), (30, 30)]).clip_out_of_image((10, 10)) == []
    assert Polygon([(-5, 5), (0, 5), (-5, 8)]).clip_out_of_image((10, 10)) == []  # only a line
    (two,) = Polygon([(-5, 5), (5, 5)]).clip_out_of_image((10, 10))
    assert len(two.exterior) == 2 and two.exterior[:, 0].min() >= 0
    assert Polygon([]).clip_out_of_image((10, 10)) == []


def _grid_area_inside(points: np.ndarray, height: int, width: int, step: float = 0.05) -> float:
    """Independent estimate: fraction of a fine grid over the image covered by the polygon."""
    ys, xs = np.mgrid[step / 2:height:step, step / 2:width:step]
    inside = Path(points).contains_points(np.stack([xs.ravel(), ys.ravel()], axis=1))
    return float(inside.sum()) * step * step


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.floats(-10, 30), st.floats(-10, 30)), min_size=3, max_size=3))
def test_clipped_triangle_area_matches_grid_estimate_and_lies_inside(points) -> None:
    poly = Polygon(points)
    pieces = poly.clip_out_of_image((20, 20))
    for piece in pieces:
        assert piece.exterior.min() >= -1e-4 and piece.exterior.max() <= 20 + 1e-4
    clipped_area = sum(p.area for p in pieces)
    assert clipped_area <= poly.area + 1e-3
    if poly.area > 1:
        reference = _grid_area_inside(np.float64(points), 20, 20)
        perimeter = float(np.linalg.norm(np.diff(np.float64(points + points[:1]), axis=0),
                                         axis=1).sum())
        assert clipped_area == pytest.approx(reference, abs=0.05 * perimeter + 0.05)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(-20, 40), st.floats(-20, 40)), min_size=3, max_size=8),
       st.integers(1, 30), st.integers(1, 30))
def test_clipped_polygons_lie_within_the_image(points, height, width) -> None:
    for piece in Polygon(points).clip_out_of_image((height, width)):
        assert piece.exterior[:, 0].min() >= 0 and piece.exterior[:, 0].max() <= width
        assert piece.exterior[:, 1].min() >= 0 and piece.exterior[:, 1].max() <= height
        assert piece.area > 0


def test_draw_on_image_colours() -> None:
    image = np.zeros((12, 12, 3), dtype=np.uint8)
    drawn = Polygon(SQUARE).draw_on_image(image, color=(0, 200, 0), size_points=1)
    assert tuple(drawn[5, 5]) == (0, 100, 0)  # face: color at alpha 0.5
    assert tuple(drawn[2, 5]) == (0, 100, 0)  # outline: color * 0.5 at alpha 1
    assert tuple(drawn[2, 2]) == (0, 100, 0) and drawn[0, 0].sum() == 0 and image.sum() == 0
    custom = Polygon(SQUARE).draw_on_image(image, color_face=(255, 0, 0), alpha_face=1.0,
                                           color_lines=(0, 0, 255), alpha_points=0)
    assert tuple(custom[5, 5]) == (255, 0, 0) and tuple(custom[2, 5]) == (0, 0, 255)
    points = Polygon(SQUARE).draw_on_image(image, alpha_face=0, alpha_lines=0,
                                           color_points=(9, 9, 9))
    assert tuple(points[1, 1]) == (9, 9, 9) and points[5, 5].sum() == 0
    gray = Polygon(SQUARE).draw_on_image(np.zeros((12, 12), np.uint8), color=100)
    assert gray[5, 5] == 50
    floats = Polygon(SQUARE).draw_on_image(np.zeros((12, 12, 1), np.float32), color=1.0)
    assert floats[5, 5, 0] == pytest.approx(0.5)


def test_draw_on_image_outside_and_errors() -> None:
    image = np.zeros((10, 10, 3), np.uint8)
    partly = Polygon([(-50, -50), (5, -50), (5, 5), (-50, 5)]).draw_on_image(image)
    assert partly[2, 2, 1] > 0 and partly[8, 8].sum() == 0
    huge = Polygon([(-1e9, -1e9), (1e9, -1e9), (0, 1e9)]).draw_on_image(image, alpha_lines=0,
                                                                        alpha_points=0)
    assert np.all(huge[..., 1] == 128)
    outside = Polygon([(20, 20), (30, 20), (30, 30)])
    assert outside.draw_on_image(image).sum() == 0
    with pytest.raises(ValueError, match="outside"):
        outside.draw_on_image(image, raise_if_out_of_image=True)
    with pytest.raises(ValueError, match="channel"):
        Polygon(SQUARE).draw_on_image(image, color=(1, 2))
    in_place = np.zeros((10, 10, 3), np.uint8)
    assert Polygon(SQUARE).draw_on_image(in_place, copy=False) is in_place and in_place.any()


def test_extract_from_image() -> None:
    image = np.full((10, 10, 3), 7, dtype=np.uint8)
    tri = Polygon([(2, 2), (8, 2), (2, 8)]).extract_from_image(image)
    assert tri.shape == (6, 6, 3)
    assert tri[0, 0, 0] == 7 and tri[5, 5, 0] == 0
    assert Polygon(SQUARE).extract_from_image(image[..., 0]).shape == (6, 6)
    padded = Polygon([(-2, -2), (3, -2), (3, 3), (-2, 3)]).extract_from_image(image)
    assert padded.shape == (5, 5, 3) and padded[0, 0, 0] == 0 and padded[4, 4, 0] == 7
    with pytest.raises(ValueError, match="at least 3 points"):
        Polygon([(1, 1), (2, 2)]).extract_from_image(image)


def test_subdivide_and_conversions() -> None:
    poly = Polygon([(0, 0), (4, 0), (4, 4)], label="p")
    sub = poly.subdivide(1)
    assert np.allclose(sub.exterior, [(0, 0), (2, 0), (4, 0), (4, 2), (4, 4), (2, 2)])
    assert len(poly.exterior) == 3 and sub.label == "p"
    assert poly.subdivide_(3) is poly and len(poly.exterior) == 12
    poly = Polygon([(0, 0), (4, 0), (4, 4)], label="p")
    bb = poly.to_bounding_box()
    assert bb.coords_almost_equals([0, 0, 4, 4]) and bb.label == "p"
    assert [(kp.x, kp.y) for kp in poly.to_keypoints()] == [(0, 0), (4, 0), (4, 4)]
    closed = poly.to_line_string()
    assert isinstance(closed, LineString) and len(closed.coords) == 4 and closed.length == \
        pytest.approx(8 + 32 ** 0.5)
    assert len(poly.to_line_string(closed=False).coords) == 3


def test_almost_equals() -> None:
    poly = Polygon(SQUARE, label="a")
    assert poly.exterior_almost_equals(Polygon(SQUARE).change_first_point_by_index(2))
    assert poly.exterior_almost_equals(np.float32(SQUARE) + 1e-5)
    assert not poly.exterior_almost_equals(Polygon(SQUARE).shift(x=0.1))
    assert poly.coords_almost_equals(SQUARE)
    assert poly.almost_equals(Polygon(SQUARE, label="a"))
    assert not poly.almost_equals(Polygon(SQUARE, label="b"))
    assert not poly.almost_equals(SQUARE)


def test_shapely_interop(monkeypatch) -> None:
    class FakeRing:
        coords = [(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (0.0, 0.0)]

    class FakeShapelyPolygon:
        exterior = FakeRing()

    poly = Polygon.from_shapely(FakeShapelyPolygon(), label="s")
    assert poly.exterior.tolist() == [[0, 0], [3, 0], [3, 3]] and poly.label == "s"
    with pytest.raises(TypeError, match="shapely"):
        Polygon.from_shapely(object())
    monkeypatch.setitem(sys.modules, "shapely", None)
    monkeypatch.setitem(sys.modules, "shapely.geometry", None)
    with pytest.raises(ImportError, match="shapely"):
        poly.to_shapely_polygon()
    with pytest.raises(ImportError, match="shapely"):
        poly.to_shapely_line_string()


def test_copies_are_independent() -> None:
    poly = Polygon(SQUARE, label={"k": 1})
    deep = poly.deepcopy()
    deep.exterior[0, 0] = -1
    deep.label["k"] = 2
    assert poly.exterior[0, 0] == 2 and poly.label == {"k": 1}
    assert np.allclose(poly.copy(exterior=[(0, 0), (1, 0), (0, 1)]).exterior[2], (0, 1))


def test_psoi_container() -> None:
    polys = [Polygon(SQUARE), Polygon([(-5, 0), (5, 0), (5, 4), (-5, 4)]),
             Polygon([(20, 20), (30, 20), (30, 30)])]
    psoi = PolygonsOnImage(polys, shape=(10, 10, 3))
    assert len(psoi) == 3 and psoi.items is psoi.polygons and not psoi.empty
    assert len(psoi.remove_out_of_image()) == 2
    assert len(psoi.remove_out_of_image(fully=True, partly=True)) == 1
    assert len(psoi.remove_out_of_image_fraction(0.5)) == 1
    clipped = psoi.clip_out_of_image()
    assert len(clipped) == 2 and clipped[1].area == pytest.approx(20) and len(psoi) == 3
    projected = psoi.on((20, 5))
    assert np.allclose(projected[0].exterior[0], (1, 4)) and projected.shape == (20, 5)
    assert np.allclose(psoi.shift(y=1)[0].exterior[0], (2, 3))
    assert [len(p.exterior) for p in psoi.subdivide(1)] == [8, 8, 6]
    assert [len(p.exterior) for p in psoi] == [4, 4, 3]
    with pytest.raises(TypeError, match="polygons"):
        PolygonsOnImage([SQUARE], (5, 5))


def test_psoi_arrays_keypoints_and_drawing() -> None:
    psoi = PolygonsOnImage([Polygon(SQUARE), Polygon([(0, 0), (1, 0), (0, 1)])], (10, 10))
    xy = psoi.to_xy_array()
    assert xy.shape == (7, 2) and xy.dtype == np.float32
    psoi.fill_from_xy_array_(xy + 1)
    assert np.allclose(psoi[1].exterior, [(1, 1), (2, 1), (1, 2)])
    with pytest.raises(ValueError, match="xy"):
        psoi.fill_from_xy_array_(np.zeros((6, 2)))
    kpsoi = psoi.to_keypoints_on_image()
    kpsoi = kpsoi.shift(x=-1).on((20, 20))
    assert psoi.invert_to_keypoints_on_image_(kpsoi) is psoi and psoi.shape == (20, 20)
    assert np.allclose(psoi[0].exterior[0], (4, 6))
    drawn = PolygonsOnImage([Polygon(SQUARE)], (12, 12, 3)).draw_on_image(
        np.zeros((12, 12, 3), np.uint8), color=(0, 0, 200))
    assert tuple(drawn[5, 5]) == (0, 0, 100)
    deep = psoi.deepcopy()
    deep[0].exterior += 5
    assert np.allclose(psoi[0].exterior[0], (4, 6))
    assert psoi.copy()[0] is psoi[0]
