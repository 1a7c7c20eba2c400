"""CropAndPad, Pad and Crop vs numpy references (np.pad, slicing, cv2.resize)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters import size as iaa_size

PAD_MODES = ["constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
             "reflect", "symmetric", "wrap"]


def _image(h: int = 16, w: int = 20, c: int = 3, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(h, w, c)).astype(np.uint8)


def _np_pad(arr: np.ndarray, trbl: tuple, mode: str, cval: int = 0) -> np.ndarray:
    top, right, bottom, left = trbl
    widths = ((top, bottom), (left, right), (0, 0))
    if mode == "constant":
        return np.pad(arr, widths, mode=mode, constant_values=cval)
    if mode == "linear_ramp":
        return np.pad(arr, widths, mode=mode, end_values=cval)
    return np.pad(arr, widths, mode=mode)


@pytest.mark.parametrize("mode", PAD_MODES)
def test_pad_modes_match_np_pad(mode: str) -> None:
    image = _image()
    aug = iaa_size.Pad(px=(1, 2, 3, 4), pad_mode=mode, pad_cval=17, keep_size=False)
    out = aug(image=image)
    expected = _np_pad(image, (1, 2, 3, 4), mode, 17)
    assert out.shape == expected.shape
    diff = np.abs(out.astype(int) - expected.astype(int)).max()
    assert diff <= (1 if mode in ("linear_ramp", "mean", "median") else 0)


def test_crop_matches_slicing() -> None:
    image = _image()
    out = iaa_size.Crop(px=(1, 2, 3, 4), keep_size=False)(image=image)
    assert np.array_equal(out, image[1:13, 4:18])
    out = iaa_size.CropAndPad(px=(-1, 2, -3, 4), keep_size=False)(image=image)
    assert np.array_equal(out, np.pad(image[1:13], ((0, 0), (4, 2), (0, 0))))


def test_keep_size_resizes_back_with_automatic_interpolation() -> None:
    image = _image()
    # growing back after a crop: imgaug's automatic choice is area interpolation
    out = iaa_size.Crop(px=(1, 2, 3, 4))(image=image)
    expected = cv2.resize(np.ascontiguousarray(image[1:13, 4:18]), (20, 16),
                          interpolation=cv2.INTER_AREA)
    assert out.shape == image.shape
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1
    # shrinking back after a pad: linear
    out = iaa_size.Pad(px=(1, 2, 3, 4), pad_mode="edge")(image=image)
    padded = np.pad(image, ((1, 3), (4, 2), (0, 0)), mode="edge")
    expected = cv2.resize(padded, (20, 16), interpolation=cv2.INTER_LINEAR)
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1


def test_percent_is_fraction_of_side() -> None:
    image = _image(20, 40)
    out = iaa_size.Pad(percent=(0.1, 0.25, 0.5, 0.0), keep_size=False)(image=image)
    assert out.shape == (20 + 2 + 10, 40 + 10 + 0, 3)
    out = iaa_size.Crop(percent=0.25, keep_size=False)(image=image)
    assert np.array_equal(out, image[5:15, 10:30])


def test_sample_independently() -> None:
    images = [_image(seed=i) for i in range(10)]
    aug = iaa_size.Pad(px=(0, 5), sample_independently=False, keep_size=False, seed=3)
    for img in aug(images=images):
        pad_v, pad_h = img.shape[0] - 16, img.shape[1] - 20
        assert pad_v == pad_h and pad_v % 2 == 0
    aug = iaa_size.Pad(px=(0, 5), sample_independently=True, keep_size=False, seed=3)
    pads = {(img.shape[0] - 16, img.shape[1] - 20) for img in aug(images=images)}
    assert any(v != h for v, h in pads)


def test_px_forms() -> None:
    images = [_image(seed=i) // 2 for i in range(12)]
    for px, allowed in [
        (3, {3}),
        ((1, 2), {1, 2}),
        ([1, 4], {1, 4}),
        (iap.DiscreteUniform(0, 2), {0, 1, 2}),
        (((1, 2), [4], 5, iap.Deterministic(6)), None),
    ]:
        out = iaa_size.Pad(px=px, keep_size=False, pad_cval=255, seed=0)(images=images)
        for img in out:
            if allowed is None:
                assert img.shape[1] == 20 + 4 + 6
                assert 16 + 5 + 1 <= img.shape[0] <= 16 + 5 + 2
                continue
            top = int(np.argmax(img[:, 10, 0] != 255))
            assert top in allowed


def test_crop_never_removes_whole_image() -> None:
    image = _image(10, 10)
    out = iaa_size.Crop(px=100, keep_size=False)(image=image)
    assert out.shape == (1, 1, 3)
    out = iaa_size.CropAndPad(px=(-9, 0, -9, 0), keep_size=False)(image=image)
    assert out.shape == (1, 10, 3)
    out = iaa_size.CropAndPad(percent=(-0.9, 0.0, -0.9, 0.0), keep_size=False)(image=image)
    assert out.shape == (1, 10, 3)


def test_pad_mode_and_cval_per_image() -> None:
    images = [np.full((4, 4, 1), 100, dtype=np.uint8) for _ in range(40)]
    aug = iaa_size.Pad(px=1, pad_mode=["constant", "edge"], pad_cval=[0, 255], keep_size=False,
                       seed=2)
    corners = {int(img[0, 0, 0]) for img in aug(images=images)}
    assert corners == {0, 100, 255}
    aug = iaa_size.Pad(px=1, pad_mode="ALL", keep_size=False, seed=2)
    assert all(img.shape == (6, 6, 1) for img in aug(images=images))


def test_array_container_kept_when_shapes_agree() -> None:
    images = np.stack([_image(seed=i) for i in range(3)])
    out = iaa_size.Crop(px=2, keep_size=False)(images=images)
    assert isinstance(out, np.ndarray) and out.shape == (3, 12, 16, 3)
    out = iaa_size.Crop(px=(0, 4), keep_size=True, seed=1)(images=images)
    assert isinstance(out, np.ndarray) and out.shape == images.shape
    out = iaa_size.Crop(px=(0, 4), keep_size=False, seed=1)(images=list(images))
    assert isinstance(out, list)
    for img in out:
        assert img.flags["C_CONTIGUOUS"]


def test_dtypes_without_resize() -> None:
    for dtype in (bool, np.uint16, np.int32, np.float32, np.float64):
        image = (_image() > 127).astype(dtype)
        out = iaa_size.CropAndPad(px=(-1, 2, -3, 4), keep_size=False)(image=image)
        assert out.dtype == image.dtype
        assert np.array_equal(out, np.pad(image[1:13], ((0, 0), (4, 2), (0, 0))))


def _dot_image(h: int, w: int, y: int, x: int) -> tuple:
    image = np.zeros((h, w, 3), dtype=np.uint8)
    image[y - 1:y + 2, x - 1:x + 2] = 255
    kps = KeypointsOnImage.from_xy_array(np.array([[x + 0.5, y + 0.5]]), shape=image.shape)
    heat = np.zeros((h // 2, w // 2, 1), dtype=np.float32)
    heat[y // 2, x // 2] = 1.0
    seg = np.zeros((h, w), dtype=np.int32)
    seg[y - 1:y + 2, x - 1:x + 2] = 1
    return (image, kps, HeatmapsOnImage(heat, shape=image.shape),
            SegmentationMapsOnImage(seg, shape=image.shape))


@pytest.mark.parametrize("keep_size", [False, True])
@pytest.mark.parametrize("px", [(-5, 7, 3, -9), (4, -6, -2, 8), (-10, -10, -10, -10)])
def test_annotations_stay_aligned(px: tuple, keep_size: bool) -> None:
    image, kps, heat, seg = _dot_image(40, 60, 20, 30)
    aug = iaa_size.CropAndPad(px=px, keep_size=keep_size, pad_mode="constant")
    img_aug, kps_aug, heat_aug, seg_aug = aug(image=image, keypoints=kps, heatmaps=heat,
                                              segmentation_maps=seg)
    h, w = img_aug.shape[:2]
    assert kps_aug.shape[:2] == (h, w) == heat_aug.shape[:2] == seg_aug.shape[:2]
    x, y = kps_aug.to_xy_array()[0]
    assert img_aug[int(y), int(x)].max() > 128
    seg_arr = seg_aug.get_arr()
    assert seg_arr.shape[:2] == (h, w)
    assert seg_arr[int(y), int(x)] == 1
    hy = int(y * heat_aug.arr_0to1.shape[0] / h)
    hx = int(x * heat_aug.arr_0to1.shape[1] / w)
    assert heat_aug.arr_0to1[max(hy - 1, 0):hy + 2, max(hx - 1, 0):hx + 2].max() > 0.3
    if not keep_size:
        top, right, bottom, left = px
        assert (h, w) == (40 + top + bottom, 60 + left + right)
        assert np.isclose(x, 30.5 + left) and np.isclose(y, 20.5 + top)
        heat_h, heat_w = heat_aug.arr_0to1.shape[:2]
        assert abs(heat_h - h / 2) <= 1 and abs(heat_w - w / 2) <= 1


def test_bounding_boxes_follow() -> None:
    from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage

    image = _image(40, 60)
    bbs = BoundingBoxesOnImage([BoundingBox(10, 10, 20, 30)], shape=image.shape)
    _, bbs_aug = iaa_size.CropAndPad(px=(-5, 0, 0, 3), keep_size=False)(
        image=image, bounding_boxes=bbs)
    box = bbs_aug.bounding_boxes[0]
    assert bbs_aug.shape[:2] == (35, 63)
    assert np.allclose([box.x1, box.y1, box.x2, box.y2], [13, 5, 23, 25])


@pytest.mark.parametrize(("cls", "kwargs", "error", "match"), [
    (iaa_size.CropAndPad, {"px": 1, "percent": 0.1}, ValueError, "px"),
    (iaa_size.CropAndPad, {"px": 1.5}, TypeError, "px"),
    (iaa_size.CropAndPad, {"px": (1, 2, 3)}, ValueError, "px"),
    (iaa_size.CropAndPad, {"px": (1, 2.5)}, ValueError, "px"),
    (iaa_size.CropAndPad, {"px": []}, ValueError, "px"),
    (iaa_size.CropAndPad, {"px": (1, 2, 3, "a")}, TypeError, r"px\[3\]"),
    (iaa_size.CropAndPad, {"percent": -1.0}, ValueError, "percent"),
    (iaa_size.CropAndPad, {"percent": "a"}, TypeError, "percent"),
    (iaa_size.CropAndPad, {"px": 1, "pad_mode": "foo"}, ValueError, "pad_mode"),
    (iaa_size.CropAndPad, {"px": 1, "pad_mode": ["edge", "foo"]}, ValueError, "pad_mode"),
    (iaa_size.CropAndPad, {"px": 1, "pad_mode": 3}, TypeError, "pad_mode"),
    (iaa_size.CropAndPad, {"px": 1, "pad_cval": "x"}, (TypeError, ValueError), "pad_cval"),
    (iaa_size.CropAndPad, {"px": 1, "keep_size": "yes"}, TypeError, "keep_size"),
    (iaa_size.CropAndPad, {"px": 1, "sample_independently": None}, TypeError,
     "sample_independently"),
    (iaa_size.Pad, {"px": -1}, ValueError, "px"),
    (iaa_size.Pad, {"percent": (-0.1, 0.2)}, ValueError, "percent"),
    (iaa_size.Crop, {"px": (0, -2)}, ValueError, "px"),
    (iaa_size.Crop, {"percent": 1.0}, ValueError, "percent"),
    (iaa_size.Crop, {"px": "a"}, TypeError, "px"),
])
def test_bad_arguments(cls, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        cls(**kwargs)


def test_crop_negates_parameters() -> None:
    image = _image()
    out = iaa_size.Crop(px=iap.Deterministic(2), keep_size=False)(image=image)
    assert np.array_equal(out, image[2:14, 2:18])
    out = iaa_size.Crop(px=((1, 1), [2], 3, iap.Deterministic(4)), keep_size=False)(image=image)
    assert np.array_equal(out, image[1:13, 4:18])


def test_input_annotations_not_mutated() -> None:
    image, kps, heat, seg = _dot_image(40, 60, 20, 30)
    xy, heat_arr, seg_arr = kps.to_xy_array().copy(), heat.arr_0to1.copy(), seg.arr.copy()
    for aug in (iaa_size.CropAndPad(px=(-5, 7, 3, -9), keep_size=False),
                iaa_size.Crop(px=4), iaa_size.PadToSquare(), iaa_size.Resize(0.5),
                iaa_size.KeepSizeByResize(iaa_size.Crop(px=3, keep_size=False))):
        aug(image=image, keypoints=kps, heatmaps=heat, segmentation_maps=seg)
        assert np.array_equal(kps.to_xy_array(), xy) and kps.shape == image.shape
        assert np.array_equal(heat.arr_0to1, heat_arr) and heat.shape == image.shape
        assert np.array_equal(seg.arr, seg_arr) and seg.shape == image.shape


def test_pure_crops_of_a_list_are_owned_contiguous_slices() -> None:
    rng = np.random.default_rng(4)
    images = [rng.integers(0, 256, (20 + i, 30, 3), dtype=np.uint8) for i in range(3)]
    out = iaa_size.Crop(px=(1, 2, 3, 4), keep_size=False)(images=images)
    assert isinstance(out, list)
    for image, result in zip(images, out):
        assert np.array_equal(result, image[1:image.shape[0] - 3, 4:30 - 2])
        assert result.flags.c_contiguous and not np.shares_memory(result, image)
