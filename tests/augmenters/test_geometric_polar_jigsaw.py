"""WithPolarWarping and Jigsaw (+ apply_jigsaw, apply_jigsaw_to_coords,
generate_jigsaw_destinations)."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters._kernels.geometric import polar as KPo


def _smooth_image(h=48, w=64):
    ys, xs = np.mgrid[0:h, 0:w]
    return (127 + 100 * np.sin(xs / 9.0) * np.cos(ys / 7.0)).astype(np.uint8)[:, :, None]


def test_polar_points_round_trip_and_shape() -> None:
    shape = (48, 64, 3)
    polar = KPo.polar_shape(shape)
    radius = np.hypot(24, 32)
    assert polar == (round(radius * np.pi), round(radius), 3)
    xy = np.random.default_rng(0).uniform(0, 48, size=(30, 2))
    back = KPo.polar_to_cartesian_points(KPo.cartesian_to_polar_points(xy, shape, polar),
                                         shape, polar)
    assert np.allclose(back, xy)


def test_polar_array_round_trip_is_close() -> None:
    image = _smooth_image()
    polar = KPo.warp_to_polar(image, 1)
    assert polar.shape == KPo.polar_shape(image.shape)
    back = KPo.warp_from_polar(polar, image.shape, 1)
    assert back.shape == image.shape and back.dtype == image.dtype
    assert np.abs(back.astype(int) - image.astype(int))[4:-4, 4:-4].mean() < 3


def test_polar_points_match_the_polar_image() -> None:
    image = np.zeros((48, 64, 1), dtype=np.float32)
    image[10:13, 40:43] = 1
    polar = KPo.warp_to_polar(image, 1)
    rho, phi = KPo.cartesian_to_polar_points(np.array([[41.5, 11.5]]), image.shape,
                                             polar.shape)[0]
    ys, xs = np.mgrid[0:polar.shape[0], 0:polar.shape[1]]
    weights = polar[..., 0]
    centroid = [(weights * (xs + 0.5)).sum() / weights.sum(),
                (weights * (ys + 0.5)).sum() / weights.sum()]
    assert np.allclose(centroid, [rho, phi], atol=0.5)


def test_with_polar_warping_moves_annotations_with_the_image() -> None:
    image = np.zeros((64, 80, 3), dtype=np.uint8)
    image[18:24, 50:56] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[53.0, 21.0]]), shape=image.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(50, 18, 56, 24, label="dot")], shape=image.shape)
    heat = HeatmapsOnImage((image[::2, ::2, 0] / 255).astype(np.float32), shape=image.shape)
    seg = SegmentationMapsOnImage((image[..., 0] > 0).astype(np.int32), shape=image.shape)
    aug = iaa.WithPolarWarping(iaa.Affine(translate_px={"x": 6}), seed=0)
    out, kps_aug, bbs_aug, heat_aug, seg_aug = aug(
        image=image, keypoints=kps, bounding_boxes=bbs, heatmaps=heat, segmentation_maps=seg)
    assert out.shape == image.shape and kps_aug.shape == image.shape
    assert bbs_aug.bounding_boxes[0].label == "dot"
    ys, xs = np.nonzero(out[..., 0] > 127)
    x, y = kps_aug.to_xy_array()[0]
    assert abs(x - (xs.mean() + 0.5)) < 1.0 and abs(y - (ys.mean() + 0.5)) < 1.0
    assert np.hypot(x - 53, y - 21) > 3  # moved outwards along the radius
    box = bbs_aug.bounding_boxes[0]
    assert box.x1 - 1 <= xs.min() and xs.max() + 1 <= box.x2 + 1
    assert heat_aug.get_arr().shape == (32, 40) and heat_aug.shape == image.shape
    seg_ys, seg_xs = np.nonzero(seg_aug.get_arr())
    assert abs(seg_xs.mean() - xs.mean()) < 1 and abs(seg_ys.mean() - ys.mean()) < 1


def test_with_polar_warping_keeps_container_and_dtypes() -> None:
    for dtype in ("bool", "uint8", "int16", "float32"):
        images = np.zeros((2, 20, 24, 1), dtype=dtype)
        out = iaa.WithPolarWarping([])(images=images)
        assert isinstance(out, np.ndarray) and out.dtype == images.dtype
        out = iaa.WithPolarWarping([])(images=list(images))
        assert isinstance(out, list)
    assert iaa.WithPolarWarping(iaa.Fliplr(1.0)).get_children_lists()[0][0].p is not None


def test_apply_jigsaw_and_coords() -> None:
    arr = np.arange(6 * 8).reshape(6, 8)
    destinations = np.array([[3, 1], [2, 0]])  # swap cells 0 and 3
    out = iaa.apply_jigsaw(arr, destinations)
    assert np.array_equal(out[3:, 4:], arr[:3, :4]) and np.array_equal(out[:3, :4], arr[3:, 4:])
    assert np.array_equal(out[:3, 4:], arr[:3, 4:])
    coords = np.array([[1.5, 0.5], [7.9, 5.9], [-1.0, 2.0]])
    moved = iaa.apply_jigsaw_to_coords(coords, destinations, image_shape=(6, 8))
    assert np.allclose(moved, [[5.5, 3.5], [3.9, 2.9], [-1.0, 2.0]])
    with pytest.raises(ValueError, match="divisible"):
        iaa.apply_jigsaw(np.zeros((5, 8)), destinations)


def test_generate_jigsaw_destinations() -> None:
    dest = iaa.generate_jigsaw_destinations(4, 5, 2, seed=1)
    assert dest.shape == (4, 5) and sorted(dest.ravel()) == list(range(20))
    assert np.array_equal(dest, iaa.generate_jigsaw_destinations(4, 5, 2, seed=1))
    identity = iaa.generate_jigsaw_destinations(3, 3, 0, seed=1)
    assert np.array_equal(identity.ravel(), np.arange(9))
    # with one step, every cell moves at most one neighbour away
    rows, cols = np.divmod(iaa.generate_jigsaw_destinations(6, 6, 1, seed=3), 6)
    grid_r, grid_c = np.mgrid[0:6, 0:6]
    assert (np.abs(rows - grid_r) + np.abs(cols - grid_c)).max() <= 1
    with pytest.raises(ValueError, match="connectivity"):
        iaa.generate_jigsaw_destinations(2, 2, 1, seed=0, connectivity=6)


def test_jigsaw_pads_and_moves_keypoints_and_maps() -> None:
    image = np.zeros((30, 41, 1), dtype=np.uint8)
    image[5:8, 5:8] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[6.5, 6.5]]), shape=image.shape)
    seg = SegmentationMapsOnImage((image[..., 0] > 0).astype(np.int32), shape=image.shape)
    aug = iaa.Jigsaw(nb_rows=3, nb_cols=4, max_steps=3, seed=2)
    out, kps_aug, seg_aug = aug(image=image, keypoints=kps, segmentation_maps=seg)
    assert out.shape == (30, 44, 1) and kps_aug.shape == out.shape == seg_aug.shape
    x, y = kps_aug.to_xy_array()[0]
    assert out[int(y), int(x), 0] == 255
    assert seg_aug.get_arr().shape == (30, 41)
    with pytest.raises(ValueError, match="allow_pad"):
        iaa.Jigsaw(nb_rows=3, nb_cols=4, allow_pad=False)(image=image)
    with pytest.raises(NotImplementedError, match="bounding_boxes"):
        aug(image=image, bounding_boxes=BoundingBoxesOnImage([], shape=image.shape))
    with pytest.raises(ValueError, match="nb_rows"):
        iaa.Jigsaw(nb_rows=0)
