"""Pooling augmenters against a NumPy pad + reshape + reduce reference."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import imgaug as ia
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

RNG = np.random.default_rng(8)
IMAGE = RNG.integers(0, 256, (13, 17, 3), dtype=np.uint8)
POOLS = [(iaa.AveragePooling, np.mean, "reflect"), (iaa.MaxPooling, np.max, "edge"),
         (iaa.MinPooling, np.min, "edge"), (iaa.MedianPooling, np.median, "reflect")]


def _reference(image: np.ndarray, kh: int, kw: int, func, mode: str) -> np.ndarray:
    pad_h = (kh - image.shape[0] % kh) % kh
    pad_w = (kw - image.shape[1] % kw) % kw
    padded = np.pad(image, ((pad_h // 2, pad_h - pad_h // 2),
                            (pad_w // 2, pad_w - pad_w // 2), (0, 0)), mode=mode)
    h, w, c = padded.shape
    blocks = padded.reshape(h // kh, kh, w // kw, kw, c)
    return func(blocks, axis=(1, 3)).astype(image.dtype)  # truncating, as imgaug


@pytest.mark.parametrize(("cls", "func", "mode"), POOLS)
@pytest.mark.parametrize(("kh", "kw"), [(2, 2), (3, 5), (4, 1)])
def test_pooling_matches_numpy_reference(cls, func, mode, kh: int, kw: int) -> None:
    ref = _reference(IMAGE, kh, kw, func, mode)
    out = cls(kernel_size=((kh, kh), (kw, kw)), keep_size=False)(image=IMAGE)
    assert out.shape == (-(-13 // kh), -(-17 // kw), 3)
    assert np.array_equal(out, ref)
    kept = cls(kernel_size=((kh, kh), (kw, kw)))(image=IMAGE)
    assert np.array_equal(kept, ia.imresize_single_image(ref, IMAGE.shape[0:2]))


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "uint32", "int8", "int16",
                                   "int32", "float16", "float32", "float64"])
def test_pooling_dtypes(dtype: str) -> None:
    dt = np.dtype(dtype)
    image = RNG.integers(0, 2 if dt.kind == "b" else 100, (8, 10, 2)).astype(dt)
    for cls, func, mode in POOLS:
        out = cls(kernel_size=2, keep_size=False)(image=image)
        assert out.dtype == dt and out.shape == (4, 5, 2)
        if dt.kind != "b":
            ref = _reference(image, 2, 2, func, mode)
            assert np.allclose(out.astype(np.float64), ref.astype(np.float64), atol=1e-3)
        assert cls(kernel_size=2)(image=image).shape == image.shape


@pytest.mark.parametrize("dtype", ["uint64", "int64"])
def test_pooling_rejects_dtypes(dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        iaa.MaxPooling(2)(image=np.zeros((4, 4, 1), dtype=dtype))


def test_kernel_size_one_and_sampling() -> None:
    assert np.array_equal(iaa.AveragePooling(1)(image=IMAGE), IMAGE)
    assert np.array_equal(iaa.AveragePooling(0, keep_size=False)(image=IMAGE), IMAGE)
    images = [IMAGE] * 12
    out = iaa.MaxPooling(((1, 4), (1, 4)), keep_size=False, seed=3)(images=images)
    shapes = {o.shape for o in out}
    assert len(shapes) > 2
    for o in out:
        assert o.shape[0] in {-(-13 // k) for k in range(1, 5)}
    with pytest.raises(TypeError, match="keep_size"):
        iaa.MaxPooling(2, keep_size="no")


def test_keep_size_false_projects_annotations() -> None:
    kps = KeypointsOnImage.from_xy_array(np.array([[8.5, 6.5], [0.0, 0.0]]),
                                         shape=IMAGE.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(2, 3, 10, 12)], shape=IMAGE.shape)
    heat = HeatmapsOnImage(np.zeros((13, 17), np.float32), shape=IMAGE.shape)
    seg = SegmentationMapsOnImage(np.zeros((13, 17), np.int32), shape=IMAGE.shape)
    aug = iaa.AveragePooling(kernel_size=((2, 2), (3, 3)), keep_size=False)
    img, kps_aug, bbs_aug, heat_aug, seg_aug = aug(
        image=IMAGE, keypoints=kps, bounding_boxes=bbs, heatmaps=heat, segmentation_maps=seg)
    assert img.shape == (7, 6, 3)
    assert kps_aug.shape == (7, 6, 3) and bbs_aug.shape == (7, 6, 3)
    sy, sx = 7 / 13, 6 / 17
    assert np.allclose(kps_aug.to_xy_array(), [[8.5 * sx, 6.5 * sy], [0.0, 0.0]], atol=1e-5)
    assert np.allclose(bbs_aug.to_xyxy_array(), [[2 * sx, 3 * sy, 10 * sx, 12 * sy]],
                       atol=1e-5)
    assert heat_aug.shape == (7, 6, 3) and heat_aug.get_arr().shape == (7, 6)
    assert seg_aug.shape == (7, 6, 3) and seg_aug.get_arr().shape == (7, 6)


def test_keep_size_true_leaves_annotations_alone() -> None:
    kps = KeypointsOnImage.from_xy_array(np.array([[8.5, 6.5]]), shape=IMAGE.shape)
    img, kps_aug = iaa.MedianPooling(3)(image=IMAGE, keypoints=kps)
    assert img.shape == IMAGE.shape
    assert np.allclose(kps_aug.to_xy_array(), [[8.5, 6.5]]) and kps_aug.shape == IMAGE.shape
    only_kps = iaa.MinPooling(2, keep_size=False)(keypoints=kps)
    assert only_kps.shape == (7, 9, 3)


def test_seeds_and_read_only_input() -> None:
    images = np.stack([IMAGE] * 4)
    images.flags.writeable = False
    a = iaa.AveragePooling((2, 5), seed=1)(images=images)
    assert np.array_equal(a, iaa.AveragePooling((2, 5), seed=1)(images=images))
    assert any(not np.array_equal(a, iaa.AveragePooling((2, 5), seed=s)(images=images))
               for s in range(2, 6))
