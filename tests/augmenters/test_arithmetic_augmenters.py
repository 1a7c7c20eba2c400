"""Arithmetic augmenters through the public API: noise/dropout fast paths, dtypes,
per_channel, annotations, seeds."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage

RNG = np.random.default_rng(3)
IMAGE = RNG.integers(0, 256, size=(32, 40, 3), dtype=np.uint8)
FLAT = np.full((64, 64, 3), 120, dtype=np.uint8)


def _builders():
    return [
        lambda seed: iaa.Add((-20, 20), per_channel=0.5, seed=seed),
        lambda seed: iaa.Multiply((0.5, 1.5), per_channel=0.5, seed=seed),
        lambda seed: iaa.AddElementwise((-20, 20), seed=seed),
        lambda seed: iaa.AdditiveGaussianNoise(scale=(5, 20), per_channel=0.5, seed=seed),
        lambda seed: iaa.Dropout((0.05, 0.3), per_channel=0.5, seed=seed),
        lambda seed: iaa.CoarseDropout(0.2, size_percent=0.2, seed=seed),
        lambda seed: iaa.SaltAndPepper(0.1, seed=seed),
        lambda seed: iaa.Cutout(nb_iterations=2, seed=seed),
    ]


# ---- noise and dropout (the fast paths) -----------------------------------------------------
def test_gaussian_noise_statistics_and_rounding() -> None:
    out = iaa.AdditiveGaussianNoise(loc=3, scale=10, seed=0)(image=FLAT).astype(np.float64)
    assert abs(out.mean() - 123) < 0.5 and abs(out.std() - 10) < 0.5
    # not per channel: the same noise in every channel
    assert np.array_equal(out[..., 0], out[..., 1]) and np.array_equal(out[..., 0], out[..., 2])


def test_gaussian_noise_per_channel_and_saturation() -> None:
    out = iaa.AdditiveGaussianNoise(scale=10, per_channel=True, seed=0)(image=FLAT)
    assert not np.array_equal(out[..., 0], out[..., 1])
    white = np.full((32, 32, 1), 250, dtype=np.uint8)
    out = iaa.AdditiveGaussianNoise(loc=100, scale=1, seed=0)(image=white)
    assert (out == 255).all()  # saturates, no wrap-around
    black = np.full((32, 32, 1), 5, dtype=np.int16)
    out = iaa.AdditiveGaussianNoise(loc=-40000, scale=1, seed=0)(image=black)
    assert out.dtype == np.int16 and (out == -32768).all()


def test_gaussian_noise_scale_zero_is_identity_and_many_channels_work() -> None:
    assert np.array_equal(iaa.AdditiveGaussianNoise(scale=0)(image=IMAGE), IMAGE)
    image = np.full((8, 8, 6), 100, dtype=np.uint8)
    out = iaa.AdditiveGaussianNoise(scale=5, seed=1)(image=image)
    assert out.shape == image.shape
    assert all(np.array_equal(out[..., 0], out[..., c]) for c in range(6))


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int32", "float32", "float64", "bool"])
def test_dropout_fraction_per_dtype(dtype: str) -> None:
    image = np.ones((100, 100, 3), dtype=dtype)
    out = iaa.Dropout(p=0.3, seed=0)(image=image)
    assert out.dtype == np.dtype(dtype)
    dropped = out[..., 0] == 0
    assert abs(dropped.mean() - 0.3) < 0.03
    assert np.array_equal(dropped, out[..., 2] == 0)  # whole pixels
    assert set(np.unique(out).tolist()) <= {0, 1}


def test_dropout_per_channel_and_probability_ends() -> None:
    out = iaa.Dropout(p=0.5, per_channel=True, seed=0)(image=FLAT)
    assert not np.array_equal(out[..., 0] == 0, out[..., 1] == 0)
    assert abs((out == 0).mean() - 0.5) < 0.03
    assert np.array_equal(iaa.Dropout(p=0.0)(image=IMAGE), IMAGE)
    assert (iaa.Dropout(p=1.0)(image=IMAGE) == 0).all()
    assert (iaa.Dropout(p=(1.0, 1.0))(image=IMAGE) == 0).all()


def test_dropout_stochastic_parameter_is_the_keep_mask() -> None:
    out = iaa.Dropout(p=iap.Binomial(0.8), seed=0)(image=FLAT)  # 80 % kept, as in imgaug
    assert abs((out[..., 0] == 0).mean() - 0.2) < 0.03


def test_dropout_list_samples_p_per_image() -> None:
    images = np.stack([FLAT] * 8)
    out = iaa.Dropout(p=[0.1, 0.6], seed=2)(images=images)
    fractions = {round(float((img[..., 0] == 0).mean()), 1) for img in out}
    assert fractions == {0.1, 0.6}


@pytest.mark.parametrize("aug", [iaa.Add(10), iaa.AdditiveGaussianNoise(scale=5),
                                 iaa.Multiply(1.2), iaa.AddElementwise(5)])
@pytest.mark.parametrize("dtype", ["uint32", "int64"])
def test_add_family_rejects_dtypes_by_name(aug, dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        aug(image=np.zeros((4, 4, 3), dtype=dtype))


def test_dropout_rejects_uint64_by_name() -> None:
    with pytest.raises(ValueError, match="uint64"):
        iaa.Dropout(0.5)(image=np.zeros((4, 4, 3), dtype=np.uint64))


# ---- per_channel of Add / Multiply -----------------------------------------------------------
def test_add_multiply_per_channel() -> None:
    out = iaa.Add((-50, 50), per_channel=True, seed=1)(image=FLAT)
    assert len({int(out[0, 0, c]) for c in range(3)}) == 3
    assert all(len(np.unique(out[..., c])) == 1 for c in range(3))
    out = iaa.Multiply((0.5, 1.5), per_channel=False, seed=1)(image=FLAT)
    assert len(np.unique(out)) == 1
    images = np.stack([FLAT] * 40)
    outs = iaa.Add((-50, 50), per_channel=0.5, seed=3)(images=images)
    per_channel_rows = sum(len(np.unique(img[0, 0])) > 1 for img in outs)
    assert 5 < per_channel_rows < 35


def test_add_matches_saturating_reference_for_int16_and_float() -> None:
    i16 = RNG.integers(-32768, 32767, size=(8, 8, 2), endpoint=True).astype(np.int16)
    out = iaa.Add(30000)(image=i16)
    assert np.array_equal(out, np.clip(i16.astype(np.int64) + 30000, -32768, 32767))
    f = RNG.random((8, 8, 2)).astype(np.float32)
    assert np.allclose(iaa.Multiply(2.0)(image=f), f * 2.0)


# ---- channel / image dropout and cutout dtypes ----------------------------------------------
@pytest.mark.parametrize("dtype", ["bool", "uint64", "int64", "float64", "float128"])
def test_dropout2d_and_total_dropout_accept_all_dtypes(dtype: str) -> None:
    image = np.ones((6, 6, 3), dtype=dtype)
    out = iaa.Dropout2d(p=1.0, nb_keep_channels=1, seed=0)(image=image)
    assert out.dtype == np.dtype(dtype)
    assert sum(bool(out[..., c].any()) for c in range(3)) == 1
    out = iaa.TotalDropout(1.0)(image=image)
    assert out.dtype == np.dtype(dtype) and not out.any()


def test_dropout2d_all_channels_dropped_removes_annotations() -> None:
    kps = KeypointsOnImage([Keypoint(3.0, 4.0)], shape=IMAGE.shape)
    image_aug, kps_aug = iaa.Dropout2d(p=1.0, nb_keep_channels=0)(image=IMAGE, keypoints=kps)
    assert not image_aug.any() and len(kps_aug) == 0 and len(kps) == 1
    image_aug, kps_aug = iaa.Dropout2d(p=1.0, nb_keep_channels=1)(image=IMAGE, keypoints=kps)
    assert image_aug.any() and len(kps_aug) == 1


@pytest.mark.parametrize("dtype", ["uint32", "int32", "float32", "bool"])
def test_cutout_dtypes(dtype: str) -> None:
    image = np.zeros((20, 20, 3), dtype=dtype)
    out = iaa.Cutout(size=0.5, cval=1, seed=0)(image=image)
    assert out.dtype == np.dtype(dtype) and out.any()


@pytest.mark.parametrize("dtype", ["uint64", "int64"])
def test_cutout_rejects_64bit_ints_by_name(dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        iaa.Cutout()(image=np.zeros((8, 8, 3), dtype=dtype))


# ---- annotations, seeds, keyed mode ---------------------------------------------------------
@pytest.mark.parametrize("index", range(8))
def test_annotations_pass_through_unchanged(index: int) -> None:
    aug = _builders()[index](1)
    kps = KeypointsOnImage([Keypoint(3.5, 4.0), Keypoint(30.0, 20.0)], shape=IMAGE.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 20, 25)], shape=IMAGE.shape)
    _, kps_aug, bbs_aug = aug(image=IMAGE, keypoints=kps, bounding_boxes=bbs)
    assert np.allclose(kps_aug.to_xy_array(), kps.to_xy_array())
    assert np.allclose(bbs_aug.to_xyxy_array(), bbs.to_xyxy_array())


@pytest.mark.parametrize("index", range(8))
def test_same_seed_same_output_other_seed_differs(index: int) -> None:
    images = np.stack([IMAGE] * 3)
    frozen = images.copy()
    a = _builders()[index](5)(images=images)
    b = _builders()[index](5)(images=images)
    c = _builders()[index](6)(images=images)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert np.array_equal(images, frozen)  # input never written


def test_keyed_rows_do_not_depend_on_batch() -> None:
    images = np.stack([IMAGE + i for i in range(4)]).astype(np.uint8)
    for aug in (iaa.AdditiveGaussianNoise(scale=10, per_channel=0.5),
                iaa.Dropout((0.1, 0.3), per_channel=0.5)):
        full = aug.augment_keyed(["a", "b", "c", "d"], seed=9, images=images)
        part = aug.augment_keyed(["c", "a"], seed=9, images=images[[2, 0]])
        assert np.array_equal(full[2], part[0]) and np.array_equal(full[0], part[1])
