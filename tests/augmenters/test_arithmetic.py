"""imgaug2.augmenters.arithmetic: module-level functions against NumPy references, dtype rules,
and the classes' annotation pass-through, seeding and errors."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmenters import arithmetic as A

RNG = np.random.default_rng(3)
U8 = RNG.integers(0, 256, (12, 10, 3), dtype=np.uint8)


def _reference(image: np.ndarray, result: np.ndarray) -> np.ndarray:
    """Round and saturate a float64 result into the image's dtype."""
    if image.dtype.kind == "f":
        return result.astype(image.dtype)
    info = np.iinfo(image.dtype)
    return np.clip(np.round(result), info.min, info.max).astype(image.dtype)


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int8", "int16", "float32", "float64"])
@pytest.mark.parametrize("value", [17, -300, [5, -7, 300]])
def test_add_scalar_saturates_per_channel(dtype, value) -> None:
    image = RNG.integers(0, 100, (6, 5, 3)).astype(dtype)
    expected = _reference(image, image.astype(np.float64) + np.asarray(value, np.float64))
    out = A.add_scalar(image, value)
    assert out.dtype == image.dtype and np.array_equal(out, expected)
    assert np.array_equal(A.add_scalar_(image.copy(), value), expected)


@pytest.mark.parametrize("dtype", ["uint8", "int16", "float32"])
def test_multiply_scalar_and_2d_images(dtype) -> None:
    image = RNG.integers(0, 100, (6, 5)).astype(dtype)
    out = A.multiply_scalar(image, 2.6)
    assert out.shape == image.shape
    if dtype == "uint8":  # imgaug: float32 product, truncated
        expected = np.clip(image.astype(np.float32) * np.float32(2.6), 0, 255).astype(np.uint8)
    else:
        expected = _reference(image, image.astype(np.float64) * 2.6)
    assert np.array_equal(out, expected)
    assert np.array_equal(A.multiply_scalar_(image.copy(), 2.6), out)


def test_elementwise_functions_broadcast_a_single_channel() -> None:
    values = RNG.integers(-50, 50, (12, 10)).astype(np.float64)
    expected = _reference(U8, U8.astype(np.float64) + values[..., None])
    assert np.array_equal(A.add_elementwise(U8, values), expected)
    assert np.array_equal(A.add_elementwise_(U8.copy(), values[..., None]), expected)
    muls = RNG.uniform(0.5, 1.5, U8.shape)
    # uint8 as imgaug: float32 product, clipped, truncated
    expected = np.clip(U8.astype(np.float32) * muls.astype(np.float32), 0, 255).astype(np.uint8)
    assert np.array_equal(A.multiply_elementwise(U8, muls), expected)
    assert np.array_equal(A.multiply_elementwise_(U8.copy(), muls), expected)
    with pytest.raises(ValueError, match="values must have shape"):
        A.add_elementwise(U8, np.zeros((3, 3)))


def test_scalar_values_must_match_the_channels() -> None:
    with pytest.raises(ValueError, match="one value per channel"):
        A.add_scalar(U8, [1, 2])
    with pytest.raises(ValueError, match="uint64"):
        A.add_scalar(U8.astype(np.uint64), 1)
    with pytest.raises(TypeError, match="numpy array"):
        A.add_scalar([[1, 2]], 1)


def test_replace_elementwise_fills_in_order_and_rounds() -> None:
    image = np.zeros((2, 3), dtype=np.uint8)
    mask = np.array([[1, 0, 1], [0, 1, 0]], dtype=np.float32)
    out = A.replace_elementwise_(image, mask, np.array([1.4, 300.0, -5.0]))
    assert out is image
    assert np.array_equal(out, [[1, 0, 255], [0, 0, 0]])
    rgb = np.zeros((2, 2, 3), dtype=np.int16)
    out = A.replace_elementwise_(rgb, np.ones((2, 2)), 7)
    assert (out == 7).all()
    with pytest.raises(ValueError, match="one value per replaced component"):
        A.replace_elementwise_(np.zeros((2, 2), np.uint8), np.ones((2, 2)), [1, 2])
    with pytest.raises(ValueError, match="read-only"):
        frozen = np.zeros((2, 2), np.uint8)
        frozen.flags.writeable = False
        A.replace_elementwise_(frozen, np.ones((2, 2)), 1)


def test_cutout_clips_the_area_and_fills_per_channel() -> None:
    image = np.zeros((10, 10, 3), dtype=np.uint8)
    out = A.cutout(image, -3, 2, 4, 5, cval=(10, 20), fill_per_channel=True)
    assert (image == 0).all()  # the copying variant leaves its input alone
    assert np.array_equal(out[2:5, 0:4], np.broadcast_to([10, 20, 10], (3, 4, 3)))
    assert out[5:].sum() == 0 and out[:, 4:].sum() == 0
    same = A.cutout_(image, 0, 0, 2, 2, cval=300)
    assert same is image and (image[:2, :2] == 255).all()
    noisy_a = A.cutout(np.zeros((20, 20), np.float32), 0, 0, 20, 20, "gaussian", seed=1)
    noisy_b = A.cutout(np.zeros((20, 20), np.float32), 0, 0, 20, 20, "gaussian", seed=1)
    assert np.array_equal(noisy_a, noisy_b)
    assert 0.0 <= noisy_a.min() and noisy_a.max() <= 1.0 and abs(noisy_a.mean() - 0.5) < 0.05
    with pytest.raises(ValueError, match="fill_mode"):
        A.cutout(image, 0, 0, 1, 1, fill_mode="median")


@pytest.mark.parametrize("dtype, expected", [
    ("uint8", lambda x: 255 - x), ("uint16", lambda x: 65535 - x),
    ("int8", lambda x: -x - 1), ("int64", lambda x: -x - 1),
    ("float32", lambda x: -x), ("bool", lambda x: ~x),
])
def test_invert_uses_the_dtype_value_range(dtype, expected) -> None:
    image = (RNG.integers(-100, 100, (5, 4, 3)) if dtype.startswith("int")
             else RNG.integers(0, 2 if dtype == "bool" else 200, (5, 4, 3))).astype(dtype)
    out = A.invert(image)
    assert out.dtype == image.dtype and np.array_equal(out, expected(image))
    assert np.array_equal(iaa.Invert(1.0)(image=image), out)


def test_invert_custom_range_and_threshold() -> None:
    image = np.array([[0, 10, 50, 60, 200]], dtype=np.uint8)
    # v -> clip(max - |v - min|, min, max): imgaug's uint8 table (no clipping of v first)
    assert np.array_equal(A.invert(image, 10, 60), [[50, 60, 20, 10, 10]])
    # other dtypes clip v into the range first, as imgaug's _invert_by_distance
    assert np.array_equal(A.invert(image.astype(np.int16), 10, 60), [[60, 60, 20, 10, 10]])
    assert np.array_equal(A.solarize(image, threshold=50), [[0, 10, 205, 195, 55]])
    below = A.invert(image, threshold=50, invert_above_threshold=False)
    assert np.array_equal(below, [[255, 245, 50, 60, 200]])
    with pytest.raises(ValueError, match="custom min_value"):
        A.invert(np.zeros((2, 2), np.float64), 0.0, 1.0)
    with pytest.raises(ValueError, match="min_value < max_value"):
        A.invert(image, 100, 50)


def test_compress_jpeg_uses_imgaugs_quality_mapping_and_keeps_shape() -> None:
    assert A.jpeg_quality(0) == 100 and A.jpeg_quality(100) == 2 and A.jpeg_quality(50) == 51
    gray = RNG.integers(0, 256, (16, 16), dtype=np.uint8)
    assert A.compress_jpeg(gray, 60).shape == (16, 16)
    assert A.compress_jpeg(gray[..., None], 60).shape == (16, 16, 1)
    with pytest.raises(ValueError, match="1 or 3 channels"):
        A.compress_jpeg(np.zeros((4, 4, 2), np.uint8), 50)
    with pytest.raises(ValueError, match="compression"):
        A.compress_jpeg(gray, 120)


@pytest.mark.parametrize("aug", [
    iaa.Add(10), iaa.Multiply(1.3), iaa.AdditiveGaussianNoise(scale=10), iaa.Dropout(0.2),
    iaa.Cutout(), iaa.Invert(0.5), iaa.JpegCompression(50), iaa.SaltAndPepper(0.1),
])
def test_pixel_ops_leave_annotations_untouched(aug) -> None:
    kps = KeypointsOnImage.from_xy_array([[1.5, 2.5], [8.0, 3.0]], shape=U8.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 6, 9)], shape=U8.shape)
    image, kps_aug, bbs_aug = aug(image=U8, keypoints=kps, bounding_boxes=bbs)
    assert image.shape == U8.shape
    assert np.array_equal(kps_aug.to_xy_array(), kps.to_xy_array())
    assert bbs_aug.bounding_boxes[0].coords.tolist() == bbs.bounding_boxes[0].coords.tolist()


def test_per_channel_add_differs_between_channels_and_seeds() -> None:
    flat = np.full((4, 4, 3), 100, dtype=np.uint8)
    out = iaa.Add((-50, 50), per_channel=True, seed=1)(image=flat)
    assert len({int(out[0, 0, c]) for c in range(3)}) > 1
    same = iaa.Add((-50, 50), per_channel=True, seed=1)(image=flat)
    other = iaa.Add((-50, 50), per_channel=True, seed=2)(image=flat)
    assert np.array_equal(out, same) and not np.array_equal(out, other)


def test_replace_family_accepts_32_bit_integers() -> None:
    image = np.full((8, 8, 3), 1000, dtype=np.int32)
    out = iaa.Dropout(1.0)(image=image)
    assert out.dtype == np.int32 and (out == 0).all()
    with pytest.raises(ValueError, match="int64"):
        iaa.Dropout(0.5)(image=image.astype(np.int64))


def test_uint8_multiply_truncates_the_float32_product_as_imgaug_for_many_multipliers() -> None:
    """The convertScaleAbs fast path must equal imgaug's table exactly, else fall back."""
    ramp = np.arange(256, dtype=np.uint8).reshape(16, 16, 1).repeat(3, axis=2)
    for mul in RNG.uniform(0.0, 3.0, 300).tolist() + [0.0, 1.0, 1.2, 2.0, -0.5]:
        table = np.clip(np.arange(256, dtype=np.float32) * np.float32(mul), 0,
                        255).astype(np.uint8)
        assert np.array_equal(A.multiply_scalar(ramp, mul), table[ramp]), mul
        if mul >= 0:
            assert np.array_equal(iaa.Multiply(mul)(image=ramp), table[ramp]), mul
