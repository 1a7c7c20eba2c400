"""BoundingBox and BoundingBoxesOnImage: geometry, clipping, drawing, extraction, arrays, copies."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imgaug2 import imgaug as ia
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import Keypoint
from imgaug2.augmentables.polys import PolygonsOnImage


def test_corners_are_swapped_and_properties() -> None:
    bb = BoundingBox(x1=10, y1=20, x2=2, y2=4, label="car")
    assert (bb.x1, bb.y1, bb.x2, bb.y2) == (2, 4, 10, 20)
    assert (bb.width, bb.height, bb.area) == (8, 16, 128)
    assert (bb.center_x, bb.center_y) == (6, 12)
    rounded = BoundingBox(1.4, 1.6, 2.5, 3.5)
    assert (rounded.x1_int, rounded.y1_int, rounded.x2_int, rounded.y2_int) == (1, 2, 2, 4)
    assert bb.coords.dtype == np.float32 and bb.coords.tolist() == [[2, 4], [10, 20]]
    assert bb[1].tolist() == [10, 20] and [p.tolist() for p in bb] == [[2, 4], [10, 20]]
    assert repr(bb) == "BoundingBox(x1=2.0000, y1=4.0000, x2=10.0000, y2=20.0000, label=car)"
    with pytest.raises(TypeError, match="x1"):
        BoundingBox("a", 0, 1, 1)


def test_contains() -> None:
    bb = BoundingBox(0, 0, 10, 5)
    assert bb.contains(Keypoint(10, 5)) and bb.contains((3, 4))
    assert not bb.contains((10.01, 4)) and not bb.contains(Keypoint(-1, 0))
    with pytest.raises(TypeError, match="other"):
        bb.contains(3)


def test_project_extend_and_shift() -> None:
    bb = BoundingBox(10, 20, 30, 40)
    assert bb.project((100, 100), (50, 200)).coords_almost_equals([20, 10, 60, 20])
    assert bb.coords_almost_equals([10, 20, 30, 40])
    assert bb.extend(all_sides=1, left=2, bottom=3).coords_almost_equals([7, 19, 31, 44])
    assert bb.shift(x=1, y=-5).coords_almost_equals([11, 15, 31, 35])
    with pytest.warns(ia.DeprecationWarning):
        assert bb.shift(top=2, right=1).coords_almost_equals([9, 22, 29, 42])
    assert bb.shift_(1, 1) is bb and bb.coords_almost_equals([11, 21, 31, 41])
    assert bb.project_((10, 10), (20, 20)) is bb and bb.coords_almost_equals([22, 42, 62, 82])


def test_intersection_union_iou_values() -> None:
    a = BoundingBox(0, 0, 10, 10)
    b = BoundingBox(5, 5, 15, 15)
    assert a.intersection(b).coords_almost_equals([5, 5, 10, 10])
    assert a.union(b).coords_almost_equals([0, 0, 15, 15])
    assert a.iou(b) == pytest.approx(25 / 175)
    assert a.iou(a) == 1.0
    far = BoundingBox(20, 20, 30, 30)
    assert a.intersection(far) is None and a.intersection(far, default="none") == "none"
    assert a.iou(far) == 0.0
    touching = a.intersection(BoundingBox(10, 0, 20, 10))
    assert touching is not None and touching.area == 0


@settings(max_examples=60, deadline=None)
@given(*[st.floats(-50, 50) for _ in range(8)])
def test_iou_matches_the_area_formula(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2) -> None:
    a, b = BoundingBox(ax1, ay1, ax2, ay2), BoundingBox(bx1, by1, bx2, by2)
    iw = max(0.0, min(a.x2, b.x2) - max(a.x1, b.x1))
    ih = max(0.0, min(a.y2, b.y2) - max(a.y1, b.y1))
    union = a.area + b.area - iw * ih
    expected = iw * ih / union if union > 0 else 0.0
    assert a.iou(b) == pytest.approx(expected, abs=1e-9)
    assert a.iou(b) == pytest.approx(b.iou(a)) and 0.0 <= a.iou(b) <= 1.0 + 1e-12


def test_out_of_image_measures() -> None:
    shape = (10, 20, 3)
    inside = BoundingBox(0, 0, 19.9, 9.9)
    half = BoundingBox(-10, 0, 10, 5)
    border = BoundingBox(0, 0, 20, 10)
    outside = BoundingBox(25, 0, 30, 5)
    assert inside.is_fully_within_image(shape) and not inside.is_out_of_image(shape, partly=True)
    assert half.compute_out_of_image_area(shape) == pytest.approx(50)
    assert half.compute_out_of_image_fraction(shape) == pytest.approx(0.5)
    assert half.is_partly_within_image(shape) and not half.is_fully_within_image(shape)
    assert half.is_out_of_image(shape, fully=False, partly=True)
    assert not half.is_out_of_image(shape)
    assert not border.is_fully_within_image(shape)  # x2 == W lies outside
    assert outside.is_out_of_image(shape) and not outside.is_partly_within_image(shape)
    assert outside.compute_out_of_image_fraction(shape) == 1.0
    assert BoundingBox(3, 3, 3, 3).compute_out_of_image_fraction(shape) == 0.0
    assert BoundingBox(30, 3, 30, 3).compute_out_of_image_fraction(shape) == 1.0


def test_clip_out_of_image_stays_inside_after_float32_storage() -> None:
    bb = BoundingBox(-5, 3, 1000, 2000)
    clipped = bb.clip_out_of_image((100, 700, 3))
    assert clipped.x1 == 0 and clipped.y1 == 3
    assert clipped.x2 < 700 and clipped.x2 == pytest.approx(700, abs=1e-3)
    assert clipped.is_fully_within_image((100, 700))
    stored = BoundingBoxesOnImage([clipped], (100, 700)).to_xyxy_array()
    assert stored[0, 2] < 700 and stored[0, 3] < 100
    assert bb.x1 == -5  # clip_out_of_image() copies
    with pytest.raises(ValueError, match="height and width"):
        bb.clip_out_of_image((0, 10))
    with pytest.warns(ia.DeprecationWarning):
        assert bb.cut_out_of_image((100, 700)).x1 == 0
    with pytest.warns(ia.DeprecationWarning):
        assert len(BoundingBoxesOnImage([bb], (100, 700)).cut_out_of_image()) == 1


def test_draw_box_outline() -> None:
    image = np.zeros((20, 20, 3), dtype=np.uint8)
    drawn = BoundingBox(2, 3, 10, 12).draw_on_image(image, color=(255, 0, 0))
    outline = np.zeros((20, 20), bool)
    outline[3:13, 2:11] = True
    outline[4:12, 3:10] = False
    assert np.array_equal(drawn[..., 0] == 255, outline)
    assert drawn[..., 1:].sum() == 0 and image.sum() == 0
    thick = BoundingBox(5, 5, 10, 10).draw_box_on_image(image, size=2)
    assert thick[4, 4, 1] == 255 and thick[6, 6, 1] == 0 and thick[5, 5, 1] == 255
    faint = BoundingBox(2, 2, 5, 5).draw_box_on_image(np.full((8, 8, 3), 100, np.uint8),
                                                       color=(200, 200, 200), alpha=0.5)
    assert tuple(faint[2, 3]) == (150, 150, 150) and tuple(faint[3, 3]) == (100, 100, 100)


def test_draw_box_border_cases() -> None:
    image = np.zeros((10, 10, 3), np.uint8)
    full = BoundingBox(0, 0, 9.99, 9.99).draw_box_on_image(image)
    assert full[9, 5, 1] == 255 and full[5, 9, 1] == 255  # rounded to 10, kept in the image
    partly = BoundingBox(-5, -5, 4, 4).draw_box_on_image(image)
    assert partly[4, 0:5, 1].tolist() == [255] * 5 and partly[0, 0, 1] == 0
    gray = BoundingBox(1, 1, 3, 3).draw_box_on_image(np.zeros((5, 5), np.uint8), color=77)
    assert gray[1, 1] == 77 and gray[2, 2] == 0
    assert BoundingBox(30, 30, 40, 40).draw_box_on_image(image).sum() == 0
    with pytest.raises(ValueError, match="outside"):
        BoundingBox(30, 30, 40, 40).draw_on_image(image, raise_if_out_of_image=True)
    with pytest.warns(ia.DeprecationWarning, match="thickness"):
        BoundingBox(1, 1, 5, 5).draw_on_image(image, thickness=2)


def test_draw_label() -> None:
    image = np.zeros((60, 60, 3), np.uint8)
    plain = BoundingBox(10, 40, 30, 50).draw_on_image(image, color=(0, 0, 255))
    labelled = BoundingBox(10, 40, 30, 50, label="dog").draw_on_image(image, color=(0, 0, 255))
    above = labelled[9:39, 10:31]
    assert plain[:39].sum() == 0
    assert (above[..., 2] == 255).mean() > 0.5  # background box in the box colour
    assert (above == 255).all(axis=2).any()  # white text on the dark background
    label_only = BoundingBox(10, 40, 30, 50, label=1).draw_label_on_image(
        image, color_bg=(250, 250, 250), height=10)
    assert label_only[30:39, 10:30].max() == 250 and (label_only[30:39, 10:30] == 0).any()
    assert label_only[40:].sum() == 0


def test_extract_from_image() -> None:
    image = np.arange(10 * 10 * 3, dtype=np.uint8).reshape(10, 10, 3)
    crop = BoundingBox(2, 3, 6, 8).extract_from_image(image)
    assert np.array_equal(crop, image[3:8, 2:6])
    padded = BoundingBox(-2, -1, 3, 2).extract_from_image(image)
    assert padded.shape == (3, 5, 3)
    assert padded[0].sum() == 0 and padded[:, :2].sum() == 0
    assert np.array_equal(padded[1:, 2:], image[0:2, 0:3])
    unpadded = BoundingBox(-2, -1, 3, 2).extract_from_image(image, pad=False)
    assert np.array_equal(unpadded, image[0:2, 0:3])
    # as in imgaug, at most pad_max zero columns are added and the window keeps its size
    limited = BoundingBox(-4, 0, 2, 2).extract_from_image(image, pad_max=1)
    assert limited.shape == (2, 6, 3) and limited[:, 0].sum() == 0
    assert np.array_equal(limited[:, 1:], image[0:2, 0:5])
    assert BoundingBox(4, 4, 4, 4).extract_from_image(image).shape == (1, 1, 3)
    assert BoundingBox(4, 4, 4, 4).extract_from_image(image, prevent_zero_size=False).shape \
        == (0, 0, 3)
    assert BoundingBox(50, 50, 60, 60).extract_from_image(image, pad=False).shape == (1, 1, 3)
    assert BoundingBox(1, 1, 3, 3).extract_from_image(image[..., 0]).shape == (2, 2)


def test_conversions_and_comparisons() -> None:
    bb = BoundingBox(1, 2, 3, 4, label="x")
    assert [(kp.x, kp.y) for kp in bb.to_keypoints()] == [(1, 2), (3, 2), (3, 4), (1, 4)]
    polygon = bb.to_polygon()
    assert polygon.area == pytest.approx(bb.area) and polygon.label == "x"
    assert bb.coords_almost_equals(BoundingBox(1, 2, 3, 4.00001))
    assert bb.coords_almost_equals(np.float32([1, 2, 3, 4]))
    assert not bb.almost_equals(BoundingBox(1, 2, 3, 4, label="y"))
    assert bb.almost_equals(BoundingBox(1, 2, 3, 4, label="x"))
    with pytest.raises(ValueError, match="4 coordinates"):
        bb.coords_almost_equals([1, 2, 3])
    soup = BoundingBox.from_point_soup([(5, 1), (2, 7), (3, 3)])
    assert soup.coords_almost_equals([2, 1, 5, 7])
    assert BoundingBox.from_point_soup(np.float32([5, 1, 2, 7])).coords_almost_equals([2, 1, 5, 7])
    with pytest.raises(ValueError, match="at least one point"):
        BoundingBox.from_point_soup(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="xy"):
        BoundingBox.from_point_soup(np.zeros((2, 3)))


def test_copy_and_deepcopy() -> None:
    bb = BoundingBox(1, 2, 3, 4, label=["a"])
    deep = bb.deepcopy()
    deep.label.append("b")
    deep.x1 = -1
    assert bb.label == ["a"] and bb.x1 == 1
    assert bb.copy(x2=10).x2 == 10 and bb.copy(label="z").label == "z"


def test_bbsoi_arrays_round_trip_and_errors() -> None:
    xyxy = np.float32([[1, 2, 3, 4], [5, 6, 7, 8]])
    bbsoi = BoundingBoxesOnImage.from_xyxy_array(xyxy, shape=(10, 10))
    assert np.array_equal(bbsoi.to_xyxy_array(), xyxy)
    assert bbsoi.to_xyxy_array(np.int32).dtype == np.int32
    assert np.array_equal(BoundingBoxesOnImage.from_xyxy_array(xyxy.reshape(2, 2, 2),
                                                               (10, 10)).to_xyxy_array(), xyxy)
    assert np.array_equal(bbsoi.to_xy_array(), xyxy.reshape(4, 2))
    bbsoi.fill_from_xyxy_array_([[3, 4, 1, 2], [0, 0, 1, 1]])
    assert bbsoi[0].coords_almost_equals([1, 2, 3, 4])
    bbsoi.fill_from_xy_array_(xyxy.reshape(4, 2) * 2)
    assert np.array_equal(bbsoi.to_xyxy_array(), xyxy * 2)
    assert len(BoundingBoxesOnImage.from_xyxy_array(np.zeros((0, 4)), (3, 3))) == 0
    with pytest.raises(ValueError, match="xyxy"):
        BoundingBoxesOnImage.from_xyxy_array(np.zeros((2, 3)), (5, 5))
    with pytest.raises(ValueError, match="xyxy"):
        bbsoi.fill_from_xyxy_array_(np.zeros((3, 4)))
    with pytest.raises(ValueError, match="xy"):
        bbsoi.fill_from_xy_array_(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="xy"):
        BoundingBoxesOnImage.from_point_soups([[(0, 0)], [(1, 1), (2, 2)]], (5, 5))
    soups = BoundingBoxesOnImage.from_point_soups([[(0, 0), (4, 2)], [(1, 5), (3, 1)]], (9, 9))
    assert np.array_equal(soups.to_xyxy_array(), [[0, 0, 4, 2], [1, 1, 3, 5]])


def test_bbsoi_on_shift_and_container_api() -> None:
    bbsoi = BoundingBoxesOnImage([BoundingBox(10, 20, 30, 40, label="a")], shape=(100, 100, 3))
    projected = bbsoi.on((50, 200))
    assert projected[0].coords_almost_equals([20, 10, 60, 20]) and projected.shape == (50, 200)
    assert bbsoi[0].coords_almost_equals([10, 20, 30, 40])
    assert bbsoi.shift(x=2)[0].coords_almost_equals([12, 20, 32, 40])
    assert (bbsoi.height, bbsoi.width, bbsoi.empty, len(bbsoi)) == (100, 100, False, 1)
    assert bbsoi.items is bbsoi.bounding_boxes and [bb.label for bb in bbsoi] == ["a"]
    assert repr(bbsoi).startswith("BoundingBoxesOnImage([BoundingBox(x1=10.0000")
    with pytest.raises(TypeError, match="bounding_boxes"):
        BoundingBoxesOnImage([(1, 2, 3, 4)], (5, 5))


def test_bbsoi_remove_and_clip() -> None:
    boxes = [BoundingBox(1, 1, 4, 4), BoundingBox(-5, 1, 5, 4), BoundingBox(20, 20, 30, 30)]
    bbsoi = BoundingBoxesOnImage(boxes, shape=(10, 10))
    assert len(bbsoi.remove_out_of_image()) == 2
    assert len(bbsoi.remove_out_of_image(fully=True, partly=True)) == 1
    assert len(bbsoi.remove_out_of_image_fraction(0.5)) == 1
    assert len(bbsoi.remove_out_of_image_fraction(0.6)) == 2
    clipped = bbsoi.clip_out_of_image()
    assert len(clipped) == 2 and clipped[1].coords_almost_equals([0, 1, 5, 4])
    assert all(bb.is_fully_within_image(bbsoi.shape) for bb in clipped)
    assert len(bbsoi) == 3 and bbsoi[1].x1 == -5


def test_bbsoi_keypoints_round_trip_takes_bounds_of_corners() -> None:
    bbsoi = BoundingBoxesOnImage([BoundingBox(0, 0, 4, 2), BoundingBox(1, 1, 2, 2)], (10, 10))
    kpsoi = bbsoi.to_keypoints_on_image()
    assert len(kpsoi) == 8
    assert np.allclose(kpsoi.to_xy_array()[:4], [[0, 0], [4, 0], [4, 2], [0, 2]])
    xy = kpsoi.to_xy_array()
    rotated = np.stack([-xy[:, 1], xy[:, 0]], axis=1) + [5, 0]  # 90 degrees
    kpsoi.fill_from_xy_array_(rotated)
    kpsoi.shape = (12, 12)
    assert bbsoi.invert_to_keypoints_on_image_(kpsoi) is bbsoi
    assert bbsoi[0].coords_almost_equals([3, 0, 5, 4]) and bbsoi.shape == (12, 12)
    with pytest.raises(ValueError, match="keypoints"):
        bbsoi.invert_to_keypoints_on_image_(kpsoi.deepcopy(keypoints=kpsoi.keypoints[:4]))


def test_bbsoi_polygons_drawing_and_copies() -> None:
    bbsoi = BoundingBoxesOnImage([BoundingBox(1, 1, 3, 3), BoundingBox(5, 5, 7, 7)], (9, 9, 3))
    psoi = bbsoi.to_polygons_on_image()
    assert isinstance(psoi, PolygonsOnImage) and [p.area for p in psoi] == [4, 4]
    drawn = bbsoi.draw_on_image(np.zeros((9, 9, 3), np.uint8), color=(1, 2, 3))
    assert tuple(drawn[1, 1]) == (1, 2, 3) and tuple(drawn[7, 7]) == (1, 2, 3)
    assert drawn[2, 2].sum() == 0
    deep = bbsoi.deepcopy()
    deep[0].x1 = -3
    shallow = bbsoi.copy()
    assert bbsoi[0].x1 == 1 and shallow[0] is bbsoi[0] and shallow.items is not bbsoi.items
