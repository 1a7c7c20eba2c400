"""KeepSizeByResize: children run, then images and annotations return to the input sizes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import parameters as iap
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters import meta
from imgaug2.augmenters import size as iaa_size


def _image(h: int = 24, w: int = 32, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(h, w, 3)).astype(np.uint8)


def test_images_resized_back_like_cv2() -> None:
    image = _image()
    aug = iaa_size.KeepSizeByResize(iaa_size.Crop(px=(2, 3, 4, 5), keep_size=False),
                                    interpolation="linear")
    out = aug(image=image)
    expected = cv2.resize(np.ascontiguousarray(image[2:20, 5:29]), (32, 24),
                          interpolation=cv2.INTER_LINEAR)
    assert out.shape == image.shape
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1


def test_children_are_a_sequential() -> None:
    crop = iaa_size.Crop(px=2, keep_size=False)
    aug = iaa_size.KeepSizeByResize([crop, iaa_size.Pad(px=1, keep_size=False)])
    assert isinstance(aug.children, meta.Sequential)
    assert aug.get_children_lists() == [aug.children]
    assert aug.children[0] is crop
    assert isinstance(iaa_size.KeepSizeByResize(None).children, meta.Sequential)
    assert isinstance(iaa_size.KeepSizeByResize(crop).children, meta.Sequential)


def test_no_resize_keeps_children_output() -> None:
    image = _image()
    aug = iaa_size.KeepSizeByResize(iaa_size.Crop(px=2, keep_size=False),
                                    interpolation=iaa_size.KeepSizeByResize.NO_RESIZE)
    kps = KeypointsOnImage.from_xy_array(np.array([[10.0, 10.0]]), shape=image.shape)
    out, kps_aug = aug(image=image, keypoints=kps)
    assert out.shape == (20, 28, 3)
    assert kps_aug.shape[:2] == (20, 28)
    assert np.allclose(kps_aug.to_xy_array(), [[8.0, 8.0]])


def test_annotations_follow() -> None:
    image = np.zeros((40, 60, 3), dtype=np.uint8)
    image[19:22, 29:32] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[30.5, 20.5]]), shape=image.shape)
    heat_arr = np.zeros((20, 30, 1), dtype=np.float32)
    heat_arr[10, 15] = 1.0
    seg_arr = np.zeros((40, 60), dtype=np.int32)
    seg_arr[19:22, 29:32] = 2
    aug = iaa_size.KeepSizeByResize(
        iaa_size.CropAndPad(px=(-6, 4, 2, -10), keep_size=False), interpolation="nearest")
    img_aug, kps_aug, heat_aug, seg_aug = aug(
        image=image, keypoints=kps, heatmaps=HeatmapsOnImage(heat_arr, shape=image.shape),
        segmentation_maps=SegmentationMapsOnImage(seg_arr, shape=image.shape))
    assert img_aug.shape == image.shape
    assert kps_aug.shape == image.shape and heat_aug.shape == image.shape
    assert seg_aug.shape == image.shape
    assert heat_aug.arr_0to1.shape == (20, 30, 1)
    assert seg_aug.get_arr().shape == (40, 60)
    x, y = kps_aug.to_xy_array()[0]
    assert img_aug[int(y), int(x)].max() == 255
    assert seg_aug.get_arr()[int(y), int(x)] == 2
    assert heat_aug.arr_0to1[int(y / 2) - 1:int(y / 2) + 2, int(x / 2) - 1:int(x / 2) + 2].max() \
        > 0.3


def test_separate_interpolations_for_maps() -> None:
    image = _image()
    heat = HeatmapsOnImage(np.zeros((12, 16, 1), dtype=np.float32), shape=image.shape)
    seg = SegmentationMapsOnImage(np.zeros((24, 32), dtype=np.int32), shape=image.shape)
    aug = iaa_size.KeepSizeByResize(
        iaa_size.Crop(px=4, keep_size=False), interpolation="nearest",
        interpolation_heatmaps=iaa_size.KeepSizeByResize.NO_RESIZE,
        interpolation_segmaps=iaa_size.KeepSizeByResize.SAME_AS_IMAGES)
    img_aug, heat_aug, seg_aug = aug(image=image, heatmaps=heat, segmentation_maps=seg)
    assert img_aug.shape == image.shape
    assert heat_aug.arr_0to1.shape[:2] == (8, 12) and heat_aug.shape[:2] == (16, 24)
    assert seg_aug.get_arr().shape == (24, 32) and seg_aug.shape == image.shape


def test_interpolation_lists_and_parameters() -> None:
    images = [_image(seed=i) for i in range(6)]
    for ip in (["nearest", "linear", cv2.INTER_AREA], iap.Choice(["cubic", "nearest"])):
        aug = iaa_size.KeepSizeByResize(iaa_size.Crop(px=3, keep_size=False), interpolation=ip,
                                        interpolation_heatmaps=["linear", "SAME_AS_IMAGES"],
                                        seed=0)
        out = aug(images=images)
        assert all(o.shape == (24, 32, 3) for o in out)


def test_array_stays_array() -> None:
    images = np.stack([_image(seed=i) for i in range(3)])
    aug = iaa_size.KeepSizeByResize(iaa_size.Crop(px=(0, 5), keep_size=False), seed=0)
    out = aug(images=images)
    assert isinstance(out, np.ndarray) and out.shape == images.shape


def test_deterministic_replays() -> None:
    images = [_image(seed=i) for i in range(4)]
    aug = iaa_size.KeepSizeByResize(iaa_size.Crop(px=(0, 8), keep_size=False),
                                    interpolation=["nearest", "cubic"], seed=1)
    det = aug.to_deterministic()
    first = det(images=images)
    second = det(images=images)
    assert all(np.array_equal(a, b) for a, b in zip(first, second))


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"children": [], "interpolation": "bicubic"}, ValueError, "interpolation"),
    ({"children": [], "interpolation": "SAME_AS_IMAGES"}, ValueError, "interpolation"),
    ({"children": [], "interpolation_heatmaps": [1, "bad"]}, ValueError,
     "interpolation_heatmaps"),
    ({"children": [], "interpolation_segmaps": 2.5}, TypeError, "interpolation_segmaps"),
    ({"children": "Crop"}, TypeError, "children"),
])
def test_bad_arguments(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        iaa_size.KeepSizeByResize(**kwargs)


def test_performance_guide_snippet() -> None:
    if hasattr(iaa, "PiecewiseAffine"):
        warper = iaa.PiecewiseAffine(scale=0.03)
    elif hasattr(iaa, "Affine"):
        warper = iaa.Affine(rotate=(-5, 5))
    else:
        pytest.skip("imgaug2.augmenters.geometric is not available yet")
    aug = iaa.KeepSizeByResize(
        iaa.Sequential([iaa.Resize(0.5, interpolation="area"), warper]),
        interpolation="linear")
    images = np.stack([_image(64, 80, seed=i) for i in range(2)])
    out = aug(images=images)
    assert out.shape == images.shape and out.dtype == np.uint8
    image = np.zeros((64, 80, 3), dtype=np.uint8)
    image[30:35, 40:45] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[42.5, 32.5]]), shape=image.shape)
    img_aug, kps_aug = aug(image=image, keypoints=kps)
    x, y = kps_aug.to_xy_array()[0]
    assert kps_aug.shape == image.shape
    assert img_aug[int(y) - 2:int(y) + 3, int(x) - 2:int(x) + 3].max() > 100
