"""Keypoint and KeypointsOnImage: geometry, drawing, array/image round trips, copies, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize

from imgaug2 import imgaug as ia
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage, compute_geometric_median


def test_keypoint_properties() -> None:
    kp = Keypoint(x=1.4, y=2.6)
    assert kp.x == pytest.approx(1.4) and kp.y == pytest.approx(2.6)
    assert (kp.x_int, kp.y_int) == (1, 3)
    assert kp.coords.dtype == np.float32 and kp.coords.shape == (1, 2)
    assert np.allclose(kp.xy, [1.4, 2.6]) and kp.xy_int.tolist() == [1, 3]
    assert repr(Keypoint(1, 2.5)) == "Keypoint(x=1.00000000, y=2.50000000)"
    with pytest.raises(TypeError, match="x"):
        Keypoint("1", 2)


def test_keypoint_project_and_shift() -> None:
    kp = Keypoint(10, 20)
    projected = kp.project((100, 100), (200, 50))
    assert (projected.x, projected.y) == (5, 40) and (kp.x, kp.y) == (10, 20)
    assert kp.project_((100, 100), (50, 50)) is kp and (kp.x, kp.y) == (5, 10)
    moved = kp.shift(x=1.5, y=-2)
    assert (moved.x, moved.y) == (6.5, 8) and (kp.x, kp.y) == (5, 10)
    assert kp.shift_(1, 1) is kp and (kp.x, kp.y) == (6, 11)


@pytest.mark.parametrize(("x", "y", "outside"), [
    (0, 0, False), (9.999, 4.999, False), (10, 2, True), (2, 5, True), (-0.001, 2, True),
    (3, -1, True),
])
def test_keypoint_out_of_image(x: float, y: float, outside: bool) -> None:
    kp = Keypoint(x, y)
    assert kp.is_out_of_image((5, 10, 3)) is outside
    assert kp.is_out_of_image(np.zeros((5, 10))) is outside
    assert kp.compute_out_of_image_fraction((5, 10)) == float(outside)


def test_keypoint_draw_marks_the_containing_pixel() -> None:
    image = np.zeros((10, 10, 3), dtype=np.uint8)
    drawn = Keypoint(4.7, 5.2).draw_on_image(image, size=1)
    assert tuple(drawn[5, 4]) == (0, 255, 0) and drawn.sum() == 255
    assert image.sum() == 0  # copy=True leaves the input alone
    square = Keypoint(4.5, 5.5).draw_on_image(image, color=(255, 0, 0), size=3)
    assert np.all(square[4:7, 3:6, 0] == 255) and square[..., 0].sum() == 9 * 255


def test_keypoint_draw_alpha_border_and_dtypes() -> None:
    image = np.full((6, 6, 3), 100, dtype=np.uint8)
    blended = Keypoint(2.5, 2.5).draw_on_image(image, color=(200, 0, 50), alpha=0.5, size=1)
    assert tuple(blended[2, 2]) == (150, 50, 75)
    # a square partly outside is clipped to the image
    corner = Keypoint(0.2, 0.2).draw_on_image(np.zeros((6, 6, 3), np.uint8), size=3)
    assert corner[..., 1].sum() == 4 * 255
    gray = Keypoint(1.5, 1.5).draw_on_image(np.zeros((4, 4), np.uint8), color=200, size=1)
    assert gray[1, 1] == 200 and gray.sum() == 200
    floats = Keypoint(1.5, 1.5).draw_on_image(np.zeros((4, 4, 1), np.float32), color=0.5,
                                              size=1)
    assert floats[1, 1, 0] == pytest.approx(0.5)
    in_place = np.zeros((4, 4, 3), np.uint8)
    out = Keypoint(1, 1).draw_on_image(in_place, size=1, copy=False)
    assert out is in_place and in_place[1, 1, 1] == 255


def test_keypoint_draw_errors() -> None:
    image = np.zeros((5, 5, 3), np.uint8)
    assert Keypoint(20, 20).draw_on_image(image).sum() == 0
    with pytest.raises(ValueError, match="outside"):
        Keypoint(20, 20).draw_on_image(image, raise_if_out_of_image=True)
    with pytest.raises(ValueError, match="channel"):
        Keypoint(1, 1).draw_on_image(image, color=(1, 2))
    with pytest.raises(ValueError, match="image"):
        Keypoint(1, 1).draw_on_image(np.zeros((2, 2, 2, 2), np.uint8))
    assert Keypoint(1, 1).draw_on_image(image, alpha=0.0).sum() == 0


def test_generate_similar_points_manhattan() -> None:
    kp = Keypoint(10, 20)
    for steps in (0, 1, 3):
        arr = kp.generate_similar_points_manhattan(steps, 0.5, return_array=True)
        assert arr.shape == (2 * steps * (steps + 1) + 1, 2)
        manhattan = np.abs(arr - [10, 20]).sum(axis=1) / 0.5
        assert manhattan.max() <= steps + 1e-6
        assert len({tuple(p) for p in arr.tolist()}) == len(arr)
        assert [10, 20] in arr.tolist()
    points = kp.generate_similar_points_manhattan(1, 1.0)
    assert all(isinstance(p, Keypoint) for p in points) and len(points) == 5


def test_keypoint_comparisons_and_copies() -> None:
    kp = Keypoint(1, 2)
    assert kp.coords_almost_equals(Keypoint(1.00001, 2))
    assert kp.coords_almost_equals((1, 2)) and kp.coords_almost_equals(np.float32([[1, 2]]))
    assert not kp.almost_equals(Keypoint(1.1, 2))
    assert kp.almost_equals(Keypoint(1.05, 2), max_distance=0.1)
    with pytest.raises(ValueError, match="pair"):
        kp.coords_almost_equals([1, 2, 3])
    copy = kp.copy(y=5)
    deep = kp.deepcopy()
    deep.x = 100
    assert (copy.x, copy.y) == (1, 5) and kp.x == 1


def test_geometric_median_matches_numerical_minimum() -> None:
    rng = np.random.default_rng(0)
    points = rng.normal(size=(30, 2)) * [3, 1] + [5, -2]
    median = compute_geometric_median(points)

    def total(p: np.ndarray) -> float:
        return float(np.linalg.norm(points - p, axis=1).sum())

    reference = minimize(total, points.mean(axis=0), method="Nelder-Mead",
                         options={"xatol": 1e-8, "fatol": 1e-10}).x
    assert np.allclose(median, reference, atol=1e-3)
    square = np.float32([[0, 0], [2, 0], [0, 2], [2, 2], [1, 1]])
    assert np.allclose(compute_geometric_median(square), [1, 1], atol=1e-4)
    with pytest.warns(ia.DeprecationWarning):
        compute_geometric_median(X=points)
    with pytest.raises(ValueError, match="points"):
        compute_geometric_median(np.zeros((3,)))


def test_keypoints_on_image_basics() -> None:
    kpsoi = KeypointsOnImage([Keypoint(1, 2), Keypoint(3, 4)], shape=(10, 20, 3))
    assert (kpsoi.height, kpsoi.width) == (10, 20) and not kpsoi.empty
    assert kpsoi.items is kpsoi.keypoints and len(kpsoi) == 2
    assert kpsoi[1].x == 3 and [kp.y for kp in kpsoi] == [2, 4]
    assert KeypointsOnImage([], (3, 3)).empty
    assert repr(kpsoi).startswith("KeypointsOnImage([Keypoint(x=1.00000000")
    kpsoi.items = [Keypoint(0, 0)]
    assert len(kpsoi.keypoints) == 1
    with pytest.raises(TypeError, match="keypoints"):
        KeypointsOnImage([(1, 2)], (4, 4))


def test_keypoints_on_image_projection_and_shift() -> None:
    kpsoi = KeypointsOnImage([Keypoint(10, 20), Keypoint(-1, 5)], shape=(40, 80, 3))
    projected = kpsoi.on((80, 160))
    assert np.allclose(projected.to_xy_array(), [[20, 40], [-2, 10]])
    assert projected.shape == (80, 160) and kpsoi.shape == (40, 80, 3)
    same = kpsoi.on(np.zeros((40, 80)))
    assert same.shape == (40, 80) and np.allclose(same.to_xy_array(), kpsoi.to_xy_array())
    assert np.allclose(kpsoi.shift(x=1, y=-2).to_xy_array(), [[11, 18], [0, 3]])
    assert np.allclose(kpsoi.to_xy_array(), [[10, 20], [-1, 5]])
    assert kpsoi.on_((20, 40)) is kpsoi and np.allclose(kpsoi.to_xy_array(), [[5, 10],
                                                                              [-0.5, 2.5]])
    with pytest.warns(ia.DeprecationWarning):
        shifted = kpsoi.shift(top=1, left=2)
    assert np.allclose(shifted.to_xy_array(), [[7, 11], [1.5, 3.5]])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 99.99), st.floats(0, 49.99)), max_size=6),
       st.integers(1, 400), st.integers(1, 400))
def test_keypoints_on_there_and_back_is_identity(points, height, width) -> None:
    kpsoi = KeypointsOnImage.from_xy_array(np.float32(points).reshape(-1, 2), shape=(50, 100))
    back = kpsoi.on((height, width)).on((50, 100))
    assert np.allclose(back.to_xy_array(), kpsoi.to_xy_array(), atol=1e-4)


def test_xy_array_round_trip_and_errors() -> None:
    xy = np.float32([[1.25, 2.5], [3, 4], [-1, 7]])
    kpsoi = KeypointsOnImage.from_xy_array(xy, shape=(10, 10))
    out = kpsoi.to_xy_array()
    assert out.dtype == np.float32 and np.array_equal(out, xy)
    assert kpsoi.fill_from_xy_array_(xy + 1) is kpsoi
    assert np.array_equal(kpsoi.to_xy_array(), xy + 1)
    assert KeypointsOnImage.from_xy_array([], (3, 3)).to_xy_array().shape == (0, 2)
    with pytest.raises(ValueError, match="xy"):
        KeypointsOnImage.from_xy_array(np.zeros((3, 3)), (5, 5))
    with pytest.raises(ValueError, match="xy"):
        kpsoi.fill_from_xy_array_(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="xy"):
        kpsoi.fill_from_xy_array_(np.zeros((3,)))


def test_keypoint_image_round_trip() -> None:
    kpsoi = KeypointsOnImage([Keypoint(3.5, 2.5), Keypoint(0.2, 4.9), Keypoint(50, 50)],
                             shape=(6, 7, 3))
    image = kpsoi.to_keypoint_image(size=3)
    assert image.shape == (6, 7, 3) and image.dtype == np.uint8
    assert image[2, 3, 0] == 255 and image[1, 2, 0] == 128 and image[..., 0].sum() == 255 + 8 * 128
    assert image[..., 2].sum() == 0
    back = KeypointsOnImage.from_keypoint_image(image, nb_channels=3)
    assert back.shape == (6, 7, 3)
    assert np.allclose(back.to_xy_array(), [[3.5, 2.5], [0.5, 4.5], [-1, -1]])
    dropped = KeypointsOnImage.from_keypoint_image(image, if_not_found_coords=None)
    assert len(dropped) == 2 and dropped.shape == (6, 7)
    as_dict = KeypointsOnImage.from_keypoint_image(image, if_not_found_coords={"x": 9, "y": 8})
    assert (as_dict[2].x, as_dict[2].y) == (9, 8)
    with pytest.raises(ValueError, match="odd"):
        kpsoi.to_keypoint_image(size=2)
    with pytest.raises(ValueError, match="image"):
        KeypointsOnImage.from_keypoint_image(np.zeros((4, 4)))
    with pytest.raises(TypeError, match="if_not_found_coords"):
        KeypointsOnImage.from_keypoint_image(image, if_not_found_coords=5)


def test_distance_maps_round_trip() -> None:
    kpsoi = KeypointsOnImage([Keypoint(2.5, 1.5), Keypoint(4.5, 3.5)], shape=(5, 6))
    maps = kpsoi.to_distance_maps()
    assert maps.shape == (5, 6, 2) and maps.dtype == np.float32
    yy, xx = np.mgrid[0:5, 0:6] + 0.5
    assert np.allclose(maps[..., 0], np.hypot(xx - 2.5, yy - 1.5))
    back = KeypointsOnImage.from_distance_maps(maps)
    assert np.allclose(back.to_xy_array(), kpsoi.to_xy_array())
    inverted = kpsoi.to_distance_maps(inverted=True)
    assert np.allclose(inverted, 1 / (maps + 1))
    assert np.allclose(KeypointsOnImage.from_distance_maps(inverted, inverted=True)
                       .to_xy_array(), kpsoi.to_xy_array())
    far = KeypointsOnImage([Keypoint(100, 100)], shape=(5, 6)).to_distance_maps()
    assert np.allclose(KeypointsOnImage.from_distance_maps(far, threshold=2).to_xy_array(),
                       [[-1, -1]])
    assert len(KeypointsOnImage.from_distance_maps(far, threshold=2,
                                                   if_not_found_coords=None)) == 0


def test_clip_and_remove_out_of_image() -> None:
    kpsoi = KeypointsOnImage([Keypoint(1, 1), Keypoint(-1, 2), Keypoint(4, 9.99)], (10, 5))
    clipped = kpsoi.clip_out_of_image()
    assert np.allclose(clipped.to_xy_array(), [[1, 1], [4, 9.99]]) and len(kpsoi) == 3
    assert len(kpsoi.remove_out_of_image_fraction(0.5)) == 2
    assert len(kpsoi.remove_out_of_image_fraction(0.0)) == 0
    assert kpsoi.clip_out_of_image_() is kpsoi and len(kpsoi) == 2


def test_keypoints_drawing_and_invert() -> None:
    kpsoi = KeypointsOnImage([Keypoint(1, 1), Keypoint(3.5, 2.5)], shape=(5, 5, 3))
    drawn = kpsoi.draw_on_image(np.zeros((5, 5, 3), np.uint8), color=(0, 0, 255), size=1)
    assert drawn[1, 1, 2] == 255 and drawn[2, 3, 2] == 255 and drawn.sum() == 2 * 255
    target = KeypointsOnImage([Keypoint(0, 0), Keypoint(0, 0)], shape=(1, 1))
    assert target.invert_to_keypoints_on_image_(kpsoi.to_keypoints_on_image()) is target
    assert np.allclose(target.to_xy_array(), kpsoi.to_xy_array()) and target.shape == (5, 5, 3)
    with pytest.raises(ValueError, match="keypoints"):
        target.invert_to_keypoints_on_image_(KeypointsOnImage([], (5, 5)))


def test_copy_is_shallow_and_deepcopy_is_independent() -> None:
    kpsoi = KeypointsOnImage([Keypoint(1, 2)], shape=(5, 5))
    shallow = kpsoi.copy()
    deep = kpsoi.deepcopy()
    assert shallow.keypoints is not kpsoi.keypoints and shallow[0] is kpsoi[0]
    deep[0].x = 50
    deep.shape = (9, 9)
    assert kpsoi[0].x == 1 and kpsoi.shape == (5, 5)
    replaced = kpsoi.deepcopy(keypoints=[Keypoint(7, 7)], shape=(8, 8))
    assert replaced[0].x == 7 and replaced.shape == (8, 8)


def test_remove_out_of_image_and_deprecated_aliases() -> None:
    kpsoi = KeypointsOnImage([Keypoint(1, 1), Keypoint(-1, 2)], (5, 5))
    assert len(kpsoi.remove_out_of_image()) == 1
    assert len(kpsoi.remove_out_of_image(fully=False, partly=True)) == 2
    with pytest.warns(ia.DeprecationWarning):
        assert kpsoi.get_coords_array().shape == (2, 2)
    with pytest.warns(ia.DeprecationWarning):
        assert len(KeypointsOnImage.from_coords_array(np.zeros((3, 2)), (5, 5))) == 3
    with pytest.warns(ia.DeprecationWarning):
        moved = Keypoint(1, 1).shift(top=2)
    assert (moved.x, moved.y) == (1, 3)
