"""imgaug2.augmentables.utils: shapes, projection, interpolation, copies, cbaoi conversion."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imgaug2 import imgaug as ia
from imgaug2.augmentables import utils
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage


def test_normalize_shape_accepts_tuples_lists_and_arrays() -> None:
    assert utils.normalize_shape((4, 5, 3)) == (4, 5, 3)
    assert utils.normalize_shape([4, 5]) == (4, 5)
    assert utils.normalize_shape(np.zeros((4, 5, 2))) == (4, 5, 2)
    with pytest.raises(TypeError, match="shape"):
        utils.normalize_shape("4x5")


def test_project_coords_scales_relative_positions() -> None:
    coords = np.float32([[10, 20], [0, 0], [100, 50]])
    projected = utils.project_coords(coords, (50, 100), (100, 300, 3))
    assert np.allclose(projected, [[30, 40], [0, 0], [300, 100]])
    assert np.allclose(coords, [[10, 20], [0, 0], [100, 50]])  # input untouched
    same = utils.project_coords([(1.5, 2.5)], (10, 10, 3), (10, 10))
    assert same.dtype == np.float32 and np.allclose(same, [[1.5, 2.5]])


def test_project_coords_in_place_and_errors() -> None:
    coords = np.float32([[10, 20]])
    out = utils.project_coords_(coords, (50, 100), (25, 50))
    assert out is coords and np.allclose(coords, [[5, 10]])
    with pytest.raises(ValueError, match="> 0"):
        utils.project_coords(coords, (0, 100), (25, 50))
    with pytest.raises(ValueError, match=r"\(N, 2\)"):
        utils.project_coords(np.zeros((3, 3)), (10, 10), (20, 20))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=1, max_size=5),
       st.integers(1, 500), st.integers(1, 500), st.integers(1, 500), st.integers(1, 500))
def test_projecting_there_and_back_is_identity(points, h1, w1, h2, w2) -> None:
    coords = np.float32(points)
    back = utils.project_coords(utils.project_coords(coords, (h1, w1), (h2, w2)), (h2, w2),
                                (h1, w1))
    assert np.allclose(back, coords, atol=1e-4 * max(1.0, float(np.abs(coords).max())))


def test_interpolate_point_pair_excludes_the_end_points() -> None:
    assert utils.interpolate_point_pair((0, 0), (4, 8), 0) == []
    points = utils.interpolate_point_pair((0, 0), (4, 8), 3)
    assert np.allclose(points, [(1, 2), (2, 4), (3, 6)])


def test_interpolate_points_open_and_closed() -> None:
    square = [(0, 0), (2, 0), (2, 2)]
    assert np.allclose(utils.interpolate_points(square, 1, closed=False),
                       [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2)])
    assert np.allclose(utils.interpolate_points(square, 1, closed=True),
                       [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 1)])
    assert utils.interpolate_points([(3, 4)], 5) == [(3, 4)]


def test_interpolate_points_by_max_distance_respects_the_bound() -> None:
    points = utils.interpolate_points_by_max_distance([(0, 0), (10, 0)], 3, closed=False)
    xs = np.array(points)[:, 0]
    assert xs[0] == 0 and xs[-1] == 10
    assert np.diff(xs).max() <= 3 + 1e-6
    assert len(utils.interpolate_points_by_max_distance([(0, 0), (10, 0)], 20,
                                                        closed=False)) == 2
    with pytest.raises(ValueError, match="max_distance"):
        utils.interpolate_points_by_max_distance([(0, 0), (1, 1)], 0)


def test_copy_helpers_are_deep() -> None:
    kpsoi = KeypointsOnImage([Keypoint(1, 2)], (5, 5))
    arr = np.zeros((2, 2))
    copied = utils.copy_augmentables([kpsoi, arr])
    copied[0].keypoints[0].x = 99
    copied[1][0, 0] = 7
    assert kpsoi.keypoints[0].x == 1 and arr[0, 0] == 0
    nested = {"a": [np.ones(2)]}
    fast = utils.deepcopy_fast([nested, (1, "s", None), BoundingBox(0, 0, 1, 1)])
    fast[0]["a"][0][0] = 5
    assert nested["a"][0][0] == 1
    assert fast[1] == (1, "s", None) and isinstance(fast[2], BoundingBox)


def test_convert_cbaois_to_kpsois_and_back() -> None:
    bbsoi = BoundingBoxesOnImage([BoundingBox(1, 2, 3, 4)], (10, 10))
    psoi = PolygonsOnImage([Polygon([(0, 0), (4, 0), (4, 4)])], (10, 10))
    lsoi = LineStringsOnImage([LineString([(0, 0), (5, 5)])], (10, 10))
    kpsois = utils.convert_cbaois_to_kpsois([bbsoi, psoi, lsoi])
    assert [len(k) for k in kpsois] == [4, 3, 2]
    shifted = [k.shift(x=1, y=2).on((20, 20)) for k in kpsois]
    result = utils.invert_convert_cbaois_to_kpsois_([bbsoi, psoi, lsoi], shifted)
    assert result[0] is bbsoi and bbsoi.shape == (20, 20)
    assert bbsoi[0].coords_almost_equals([(4, 8), (8, 12)])
    assert np.allclose(psoi[0].exterior, [(2, 4), (10, 4), (10, 12)])
    assert np.allclose(lsoi[0].coords, [(2, 4), (12, 14)])
    single = utils.convert_cbaois_to_kpsois(bbsoi)
    assert isinstance(single, KeypointsOnImage)
    with pytest.raises(TypeError):
        utils.invert_convert_cbaois_to_kpsois_(bbsoi, [single])


def test_remove_out_of_image_fraction_helper() -> None:
    bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 4, 4), BoundingBox(-4, 0, 4, 4),
                                  BoundingBox(20, 20, 30, 30)], (10, 10))
    kept = utils._remove_out_of_image_fraction_(bbsoi, 0.5)
    assert kept is bbsoi and len(bbsoi) == 1


def test_shift_arguments_top_right_bottom_left_are_deprecated() -> None:
    with pytest.warns(ia.DeprecationWarning):
        x, y = utils._normalize_shift_args(1, 2, top=3, right=4, bottom=5, left=6)
    assert (x, y) == (1 + 6 - 4, 2 + 3 - 5)
    assert utils._normalize_shift_args(1, 2) == (1, 2)


def test_on_image_shape_validation() -> None:
    with pytest.warns(ia.DeprecationWarning, match="shape"):
        kpsoi = KeypointsOnImage([], shape=np.zeros((4, 5, 3)))
    assert kpsoi.shape == (4, 5, 3)
    with pytest.raises(ValueError, match="shape"):
        KeypointsOnImage([], shape=(4,))
    with pytest.raises(ValueError, match="shape"):
        BoundingBoxesOnImage([], shape=(4, -1))
    with pytest.raises(TypeError, match="shape"):
        PolygonsOnImage([], shape="4x5")
    with pytest.raises(TypeError, match="line_strings"):
        LineStringsOnImage([Keypoint(1, 1)], shape=(4, 5))
