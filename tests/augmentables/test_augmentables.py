"""Augmentables: geometry, projection, clipping, drawing, arrays, normalisation round trips."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def test_keypoints_project_shift_and_out_of_image() -> None:
    kpsoi = KeypointsOnImage([Keypoint(10, 20), Keypoint(-1, 5)], shape=(40, 80, 3))
    projected = kpsoi.on((80, 160, 3))
    assert np.allclose(projected.to_xy_array(), [[20, 40], [-2, 10]])
    assert np.allclose(kpsoi.shift(x=1, y=-2).to_xy_array(), [[11, 18], [0, 3]])
    assert len(kpsoi.clip_out_of_image()) == 1
    assert kpsoi.keypoints[1].is_out_of_image((40, 80))


@given(st.floats(0, 99), st.floats(0, 49))
def test_projection_round_trip(x: float, y: float) -> None:
    kpsoi = KeypointsOnImage.from_xy_array([[x, y]], shape=(50, 100))
    back = kpsoi.on((123, 77)).on((50, 100))
    assert np.allclose(back.to_xy_array(), [[x, y]], atol=1e-3)


def test_keypoint_drawing_and_images() -> None:
    image = np.zeros((10, 10, 3), dtype=np.uint8)
    drawn = KeypointsOnImage([Keypoint(4.5, 5.5)], shape=image.shape).draw_on_image(image, size=1)
    assert tuple(drawn[5, 4]) == (0, 255, 0) and drawn.sum() == 255
    kp_image = KeypointsOnImage([Keypoint(3.5, 2.5)], shape=(6, 6)).to_keypoint_image()
    back = KeypointsOnImage.from_keypoint_image(kp_image)
    assert np.allclose(back.to_xy_array(), [[3.5, 2.5]])


def test_bounding_box_geometry() -> None:
    a = BoundingBox(0, 0, 10, 10)
    b = BoundingBox(5, 5, 15, 15, label="b")
    assert a.intersection(b).area == 25
    assert a.union(b).area == 225
    assert a.iou(b) == pytest.approx(25 / 175)
    assert BoundingBox(10, 10, 0, 0).x1 == 0  # swapped
    assert b.compute_out_of_image_fraction((10, 10)) == pytest.approx(0.75)
    clipped = BoundingBoxesOnImage([b, BoundingBox(20, 20, 30, 30)], (10, 10)).clip_out_of_image()
    assert len(clipped) == 1 and clipped[0].x2 < 10
    arr = BoundingBoxesOnImage([a, b], (20, 20)).to_xyxy_array()
    assert np.array_equal(BoundingBoxesOnImage.from_xyxy_array(arr, (20, 20)).to_xyxy_array(), arr)
    with pytest.raises(ValueError, match="xyxy"):
        BoundingBoxesOnImage.from_xyxy_array(np.zeros((2, 3)), (5, 5))


def test_bounding_box_drawing_and_extract() -> None:
    image = np.zeros((20, 20, 3), dtype=np.uint8)
    drawn = BoundingBox(2, 2, 10, 10).draw_on_image(image, color=(255, 0, 0))
    assert tuple(drawn[2, 5]) == (255, 0, 0) and tuple(drawn[5, 5]) == (0, 0, 0)
    image[5:8, 5:8] = 7
    crop = BoundingBox(5, 5, 8, 8).extract_from_image(image)
    assert crop.shape == (3, 3, 3) and np.all(crop == 7)
    padded = BoundingBox(-2, -2, 3, 3).extract_from_image(image)
    assert padded.shape == (5, 5, 3)


def test_polygon_clip_area_and_validity() -> None:
    poly = Polygon([(-5, -5), (5, -5), (5, 5), (-5, 5)])
    assert poly.area == 100
    (clipped,) = poly.clip_out_of_image((10, 10))
    assert clipped.area == pytest.approx(25)
    assert poly.compute_out_of_image_fraction((10, 10)) == pytest.approx(0.75)
    assert not Polygon([(0, 0), (4, 4), (4, 0), (0, 4)]).is_valid  # bow tie
    assert Polygon([(0, 0), (4, 0), (4, 4)]).is_valid
    psoi = PolygonsOnImage([poly], (10, 10))
    assert np.allclose(psoi.to_keypoints_on_image().to_xy_array(), poly.coords)


@given(st.lists(st.tuples(st.floats(-20, 40), st.floats(-20, 40)), min_size=3, max_size=8))
def test_clipped_polygons_lie_in_the_image(points) -> None:
    for piece in Polygon(points).clip_out_of_image((20, 20)):
        assert piece.coords.min() >= -1e-3 and piece.coords.max() <= 20 + 1e-3


def test_line_strings() -> None:
    ls = LineString([(0, 5), (10, 5), (10, 15)])
    assert ls.length == 20
    pieces = ls.clip_out_of_image((10, 20))
    assert len(pieces) == 1 and pieces[0].coords[:, 0].max() <= 10
    assert ls.compute_out_of_image_fraction((10, 8)) > 0
    assert ls.compute_distance((5, 7)) == pytest.approx(2)
    lsoi = LineStringsOnImage([ls], (20, 20))
    assert lsoi.to_xy_array().shape == (3, 2)
    mask = ls.draw_mask((20, 20), size_lines=1)
    assert mask[5, 5] and not mask[0, 0]


def test_heatmaps_and_segmaps() -> None:
    arr = np.zeros((8, 8), dtype=np.float32)
    arr[2:4, 2:4] = 1.0
    heat = HeatmapsOnImage(arr, shape=(16, 16, 3))
    assert heat.get_arr().shape == (8, 8)
    assert heat.resize((16, 16)).get_arr().shape == (16, 16)
    assert heat.pad(top=2).get_arr().shape == (10, 8)
    assert np.allclose(heat.invert().get_arr(), 1 - arr)
    assert heat.max_pool(2).get_arr().shape == (4, 4)
    with pytest.raises(ValueError, match="float"):
        HeatmapsOnImage(arr.astype(np.int32), shape=(8, 8))
    seg = SegmentationMapsOnImage(np.array([[0, 1], [2, 1]], dtype=np.uint8), shape=(2, 2))
    assert seg.get_arr().dtype == np.uint8
    assert seg.resize((4, 4)).get_arr().shape == (4, 4)
    assert seg.draw()[0].shape == (2, 2, 3)


@pytest.mark.parametrize("keypoints", [
    [(1.0, 2.0)],
    np.array([[1.0, 2.0]], dtype=np.float32),
    [Keypoint(1, 2)],
])
def test_single_image_keypoint_formats_round_trip(keypoints) -> None:
    image = np.zeros((10, 10, 3), dtype=np.uint8)
    image_aug, kps_aug = iaa.Identity()(image=image, keypoints=keypoints)
    assert type(kps_aug) is type(keypoints)
    if isinstance(keypoints, np.ndarray):
        assert kps_aug.shape == keypoints.shape


@pytest.mark.parametrize("images", [
    np.zeros((2, 6, 7, 3), np.uint8), np.zeros((2, 6, 7), np.uint8),
    [np.zeros((6, 7), np.uint8), np.zeros((5, 4, 3), np.uint8)],
])
def test_image_formats_round_trip(images) -> None:
    out = iaa.Fliplr(1.0)(images=images)
    assert type(out) is type(images)
    for a, b in zip(out, images):
        assert a.shape == b.shape


def test_batch_normalisation_errors_name_arguments() -> None:
    with pytest.raises(ValueError, match="keypoints"):
        UnnormalizedBatch(keypoints=[(1, 2)]).to_normalized_batch()
    with pytest.raises(ValueError, match="bounding_boxes"):
        UnnormalizedBatch(images=np.zeros((2, 4, 4, 3), np.uint8),
                          bounding_boxes=[[(0, 0, 1, 1)]] * 3).to_normalized_batch()


def test_batch_subselect_and_invert() -> None:
    images = np.arange(4 * 2 * 2 * 1, dtype=np.uint8).reshape(4, 2, 2, 1)
    batch = Batch(images=images, row_seeds=[1, 2, 3, 4]).to_batch_in_augmentation()
    sub = batch.subselect_rows_by_indices([1, 3])
    assert sub.row_seeds == [2, 4] and sub.images.shape == (2, 2, 2, 1)
    sub.images = sub.images + 100
    batch.invert_subselect_rows_by_indices_([1, 3], sub)
    assert batch.images[1, 0, 0, 0] == images[1, 0, 0, 0] + 100
    assert batch.images[0, 0, 0, 0] == images[0, 0, 0, 0]
