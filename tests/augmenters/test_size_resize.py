"""Resize (and the deprecated Scale) vs cv2.resize; annotations follow the resize."""

from __future__ import annotations

import warnings

import cv2
import numpy as np
import pytest

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters import size as iaa_size

CV2_IP = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR, "area": cv2.INTER_AREA,
          "cubic": cv2.INTER_CUBIC}


def _image(h: int = 20, w: int = 30, c: int = 3, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(h, w, c)).astype(np.uint8)


@pytest.mark.parametrize(("size", "expected"), [
    (16, (16, 16)),
    (0.5, (10, 15)),
    (2.0, (40, 60)),
    ("keep", (20, 30)),
    ([], (20, 30)),
    ({}, (20, 30)),
    ({"height": 8}, (8, 30)),
    ({"width": 8}, (20, 8)),
    ({"height": 8, "width": 0.5}, (8, 15)),
    ({"height": 10, "width": "keep-aspect-ratio"}, (10, 15)),
    ({"height": "keep-aspect-ratio", "width": 60}, (40, 60)),
    ({"shorter-side": 10, "longer-side": "keep-aspect-ratio"}, (10, 15)),
    ({"longer-side": 15, "shorter-side": "keep-aspect-ratio"}, (10, 15)),
    ({"shorter-side": 5}, (5, 30)),
])
def test_output_sizes(size, expected) -> None:
    out = iaa_size.Resize(size)(image=_image())
    assert out.shape == (*expected, 3)
    assert out.dtype == np.uint8


def test_shorter_side_follows_orientation() -> None:
    aug = iaa_size.Resize({"shorter-side": 10, "longer-side": "keep-aspect-ratio"})
    assert aug(image=_image(30, 20)).shape == (15, 10, 3)


def test_stochastic_sizes_are_in_range() -> None:
    images = [_image(seed=i) for i in range(20)]
    aug = iaa_size.Resize((10, 14), seed=1)
    heights = set()
    for img in aug(images=images):
        assert img.shape[0] == img.shape[1]
        assert 10 <= img.shape[0] <= 14
        heights.add(img.shape[0])
    assert len(heights) > 2
    for img in iaa_size.Resize((0.5, 1.0), seed=2)(images=images):
        assert 10 <= img.shape[0] <= 20 and 15 <= img.shape[1] <= 30
    for img in iaa_size.Resize([8, 12], seed=3)(images=images):
        assert img.shape[:2] in {(8, 8), (12, 12)}
    for img in iaa_size.Resize({"height": (4, 6), "width": [7, 9]}, seed=3)(images=images):
        assert 4 <= img.shape[0] <= 6 and img.shape[1] in (7, 9)


@pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic"])
def test_pixels_match_cv2(interpolation: str) -> None:
    image = _image()
    for target in [(10, 15), (33, 41)]:
        aug = iaa_size.Resize({"height": target[0], "width": target[1]},
                              interpolation=interpolation)
        out = aug(image=image)
        expected = cv2.resize(image, (target[1], target[0]),
                              interpolation=CV2_IP[interpolation])
        assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1
        out_const = iaa_size.Resize({"height": target[0], "width": target[1]},
                                    interpolation=CV2_IP[interpolation])(image=image)
        assert np.array_equal(out, out_const)


def test_array_in_array_out_and_list_in_list_out() -> None:
    images = np.stack([_image(seed=i) for i in range(4)])
    out = iaa_size.Resize(0.5)(images=images)
    assert isinstance(out, np.ndarray) and out.shape == (4, 10, 15, 3)
    out = iaa_size.Resize(0.5)(images=list(images))
    assert isinstance(out, list) and all(img.shape == (10, 15, 3) for img in out)
    out = iaa_size.Resize((10, 20), seed=0)(images=images)
    assert len(out) == 4


@pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic"])
def test_array_path_matches_cv2(interpolation: str) -> None:
    images = np.stack([_image(seed=i) for i in range(3)])
    out = iaa_size.Resize({"height": 13, "width": 45}, interpolation=interpolation)(
        images=images)
    for img, img_aug in zip(images, out):
        expected = cv2.resize(img, (45, 13), interpolation=CV2_IP[interpolation])
        assert np.array_equal(img_aug, expected)


def test_float_and_other_dtypes_kept() -> None:
    for dtype in (np.float32, np.float64, np.uint16, np.int16):
        image = _image().astype(dtype)
        out = iaa_size.Resize(0.5, interpolation="linear")(image=image)
        assert out.dtype == dtype and out.shape == (10, 15, 3)


def test_interpolation_all_and_list() -> None:
    images = [_image(seed=i) for i in range(8)]
    for ip in ("ALL", ["nearest", "cubic"], iap.Choice(["linear", "area"])):
        out = iaa_size.Resize(0.5, interpolation=ip, seed=1)(images=images)
        assert all(img.shape == (10, 15, 3) for img in out)


def test_keypoints_are_projected() -> None:
    image = np.zeros((20, 30, 3), dtype=np.uint8)
    image[4:6, 10:12] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[11.0, 5.0]]), shape=image.shape)
    img_aug, kps_aug = iaa_size.Resize({"height": 40, "width": 15},
                                       interpolation="nearest")(image=image, keypoints=kps)
    assert kps_aug.shape[:2] == (40, 15)
    assert np.allclose(kps_aug.to_xy_array(), [[5.5, 10.0]])
    assert img_aug[10, 5].max() == 255


def test_heatmaps_and_segmaps_are_resized_proportionally() -> None:
    image = _image(20, 30)
    heat = HeatmapsOnImage(np.zeros((10, 15, 1), dtype=np.float32), shape=image.shape)
    seg = SegmentationMapsOnImage(np.zeros((20, 30), dtype=np.int32), shape=image.shape)
    _, heat_aug, seg_aug = iaa_size.Resize(0.5)(image=image, heatmaps=heat,
                                                segmentation_maps=seg)
    assert heat_aug.shape[:2] == (10, 15) and heat_aug.arr_0to1.shape[:2] == (5, 8)
    assert seg_aug.shape[:2] == (10, 15) and seg_aug.arr.shape[:2] == (10, 15)


def test_cv2_constant_interpolation_also_resizes_heatmaps() -> None:
    image = _image(20, 30)
    heat = HeatmapsOnImage(np.full((10, 15, 1), 0.5, dtype=np.float32), shape=image.shape)
    _, heat_aug = iaa_size.Resize(0.5, interpolation=cv2.INTER_LINEAR)(image=image,
                                                                       heatmaps=heat)
    assert heat_aug.arr_0to1.shape[:2] == (5, 8)
    assert np.allclose(heat_aug.arr_0to1, 0.5)


def test_segmap_keeps_class_ids() -> None:
    seg_arr = np.zeros((20, 30), dtype=np.int32)
    seg_arr[5:15, 10:20] = 3
    image = np.zeros((20, 30, 3), dtype=np.uint8)
    image[5:15, 10:20] = 255
    seg = SegmentationMapsOnImage(seg_arr, shape=image.shape)
    img_aug, seg_aug = iaa_size.Resize(2.0, interpolation="cubic")(
        image=image, segmentation_maps=seg)
    assert set(np.unique(seg_aug.get_arr()).tolist()) == {0, 3}
    assert np.mean((seg_aug.get_arr() == 3) == (img_aug[..., 0] > 127)) > 0.98


def test_keep_returns_input_pixels() -> None:
    image = _image()
    assert np.array_equal(iaa_size.Resize("keep")(image=image), image)
    assert np.array_equal(iaa_size.Resize(1.0)(image=image), image)


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"size": "big"}, ValueError, "size"),
    ({"size": 0}, ValueError, "size"),
    ({"size": -0.5}, ValueError, "size"),
    ({"size": (1, 2, 3)}, ValueError, "size"),
    ({"size": (0, 5)}, ValueError, "size"),
    ({"size": [1, 0.5]}, ValueError, "size"),
    ({"size": {"foo": 1}}, ValueError, "size"),
    ({"size": {"height": "keep-aspect-ratio", "width": "keep-aspect-ratio"}}, ValueError,
     "keep-aspect-ratio"),
    ({"size": None}, TypeError, "size"),
    ({"size": True}, TypeError, "size"),
    ({"size": 10, "interpolation": "bicubic"}, ValueError, "interpolation"),
    ({"size": 10, "interpolation": 17}, ValueError, "interpolation"),
    ({"size": 10, "interpolation": None}, TypeError, "interpolation"),
])
def test_bad_arguments(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        iaa_size.Resize(**kwargs)


def test_scale_is_deprecated_alias() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        aug = iaa_size.Scale(16)
    assert isinstance(aug, iaa_size.Resize)
    assert any("Resize" in str(w.message) for w in caught)
    # imgaug's own DeprecationWarning class (shown by default), as ia.warn_deprecated uses
    assert any(issubclass(w.category, ia.DeprecationWarning) for w in caught)


def test_get_parameters() -> None:
    aug = iaa_size.Resize({"height": 8, "width": "keep"}, interpolation="linear")
    size, interpolation, order = aug.get_parameters()
    assert isinstance(size, tuple) and order == "HW"
    assert isinstance(interpolation, iap.StochasticParameter)


def test_constant_and_drawn_sizes_give_the_same_result() -> None:
    """Constants (converted once per batch) and drawn values give the same images."""
    images = [_image(seed=i) for i in range(5)]
    for size, drawn in ((0.5, iap.Choice([0.5])), (16, iap.Choice([16])),
                        ({"height": 9, "width": "keep-aspect-ratio"},
                         {"height": iap.Choice([9]), "width": "keep-aspect-ratio"})):
        for ip, ip_drawn in (("area", iap.Choice(["area"])), (cv2.INTER_CUBIC,
                                                             iap.Choice([cv2.INTER_CUBIC]))):
            out = iaa_size.Resize(size, interpolation=ip)(images=images)
            out_drawn = iaa_size.Resize(drawn, interpolation=ip_drawn, seed=1)(images=images)
            assert all(np.array_equal(a, b) for a, b in zip(out, out_drawn))


def test_mixed_shapes_list_and_array_results_agree() -> None:
    images = [_image(20, 30, seed=0), _image(10, 40, seed=1), _image(20, 30, 1, seed=2),
              _image(8, 8, seed=3)]
    for img in images:
        img.flags.writeable = False
    out = iaa_size.Resize({"height": 8, "width": "keep-aspect-ratio"},
                          interpolation="linear")(images=images)
    for img, img_aug in zip(images, out):
        w = max(int(np.round(8 * img.shape[1] / img.shape[0])), 1)
        expected = ia.imresize_single_image(img, (8, w), interpolation="linear")
        assert np.array_equal(img_aug, expected)
    assert out[3] is not images[3] and np.array_equal(out[3], images[3])
    stacked = np.stack([_image(seed=i) for i in range(3)])
    out_arr = iaa_size.Resize([0.5, 0.25], seed=4)(images=stacked)
    out_list = iaa_size.Resize([0.5, 0.25], seed=4)(images=list(stacked))
    assert all(np.array_equal(a, b) for a, b in zip(out_arr, out_list))
