"""Rot90: against numpy, exact coordinates, keep_size, maps, dtypes."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def _image(h=6, w=9, c=3, dtype=np.uint8):
    return np.arange(h * w * c).reshape(h, w, c).astype(dtype)


@pytest.mark.parametrize("k", [0, 1, 2, 3, 4, -1, 7])
def test_matches_numpy_clockwise(k: int) -> None:
    image = _image()
    out = iaa.Rot90(k, keep_size=False)(image=image)
    assert np.array_equal(out, np.rot90(image, k, axes=(1, 0)))


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "uint32", "uint64", "int8",
                                   "int16", "int32", "int64", "float16", "float32", "float64"])
def test_all_dtypes(dtype: str) -> None:
    image = (_image() % 2).astype(dtype)
    out = iaa.Rot90([1, 3], keep_size=False)(images=[image, image])
    assert all(o.dtype == image.dtype and o.shape == (9, 6, 3) for o in out)


def test_coordinates_rotate_exactly_with_the_pixels() -> None:
    image = np.zeros((6, 9, 1), dtype=np.uint8)
    image[1, 7] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[7.5, 1.5], [0.0, 0.0]]), shape=image.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(7, 1, 8, 2)], shape=image.shape)
    for k in range(4):
        out, kps_aug, bbs_aug = iaa.Rot90(k, keep_size=False)(image=image, keypoints=kps,
                                                              bounding_boxes=bbs)
        ys, xs = np.nonzero(out[..., 0])
        assert np.allclose(kps_aug.to_xy_array()[0], [xs[0] + 0.5, ys[0] + 0.5])
        assert kps_aug.shape == bbs_aug.shape == out.shape
        box = bbs_aug.bounding_boxes[0]
        assert (box.x1, box.y1, box.x2, box.y2) == (xs[0], ys[0], xs[0] + 1, ys[0] + 1)
    # corner (0, 0) goes to the top-right corner (h, 0) after one clockwise turn
    _, kps_aug = iaa.Rot90(1, keep_size=False)(image=image, keypoints=kps)
    assert np.allclose(kps_aug.to_xy_array()[1], [6, 0])


def test_keep_size_resizes_back_and_projects() -> None:
    image = np.zeros((6, 9, 1), dtype=np.uint8)
    kps = KeypointsOnImage.from_xy_array(np.array([[7.5, 1.5]]), shape=image.shape)
    heat = HeatmapsOnImage(np.zeros((3, 4), dtype=np.float32), shape=image.shape)
    seg = SegmentationMapsOnImage(np.zeros((6, 9), dtype=np.int32), shape=image.shape)
    out, kps_aug, heat_aug, seg_aug = iaa.Rot90(1)(image=image, keypoints=kps, heatmaps=heat,
                                                    segmentation_maps=seg)
    assert out.shape == image.shape and kps_aug.shape == image.shape
    # rotated position (6 - 1.5, 7.5) on a 9x6 image, projected onto 6x9
    assert np.allclose(kps_aug.to_xy_array()[0], [4.5 * 9 / 6, 7.5 * 6 / 9])
    assert heat_aug.get_arr().shape == (3, 4) and seg_aug.get_arr().shape == (6, 9)
    assert heat_aug.shape == seg_aug.shape == image.shape


def test_maps_rotate_without_keep_size() -> None:
    image = np.zeros((6, 8, 1), dtype=np.uint8)
    seg_arr = np.zeros((3, 4), dtype=np.int32)
    seg_arr[0, 3] = 1
    seg = SegmentationMapsOnImage(seg_arr, shape=image.shape)
    _, seg_aug = iaa.Rot90(1, keep_size=False)(image=image, segmentation_maps=seg)
    assert seg_aug.shape == (8, 6, 1)
    assert np.array_equal(seg_aug.get_arr(), np.rot90(seg_arr, 1, axes=(1, 0)))


def test_all_and_bad_arguments() -> None:
    assert iaa.Rot90("ALL").k.draw_samples(200, random_state=1).tolist() != [0] * 200
    with pytest.raises(ValueError, match="k"):
        iaa.Rot90(1.5)
    with pytest.raises(TypeError, match="keep_size"):
        iaa.Rot90(1, keep_size="no")
