"""Module-level functions of imgaug2.augmenters.arithmetic against NumPy references."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from imgaug2.augmenters import arithmetic as arith

RNG = np.random.default_rng(7)
IMAGE = RNG.integers(0, 256, size=(9, 11, 3), dtype=np.uint8)
ADD_OK = ("bool", "uint8", "uint16", "int8", "int16", "float16", "float32", "float64")
ADD_REJECTED = ("uint32", "uint64", "int32", "int64")


def _ref_saturate(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Independent reference: round (integers), clip to the dtype's range, cast."""
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return values > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(values), info.min, info.max).astype(dtype)
    return values.astype(dtype)


def _image(dtype: str, shape=(6, 5, 3)) -> np.ndarray:
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return RNG.random(shape) > 0.5
    if dt.kind == "f":
        return RNG.random(shape).astype(dt)
    info = np.iinfo(dt)
    return RNG.integers(max(info.min, -100), min(info.max, 100), size=shape,
                        endpoint=True).astype(dt)


# ---- add / multiply -------------------------------------------------------------------------
@pytest.mark.parametrize("func", [arith.add_scalar, arith.add_scalar_])
def test_add_scalar_uint8_scalar_and_per_channel(func) -> None:
    ref = np.clip(IMAGE.astype(int) + 40, 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), 40), ref)
    values = np.array([-300, 0, 300])
    ref = np.clip(IMAGE.astype(int) + values, 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), values), ref)
    gray = IMAGE[..., 0]
    assert np.array_equal(func(gray.copy(), 5), np.clip(gray.astype(int) + 5, 0, 255))


@pytest.mark.parametrize("func", [arith.multiply_scalar, arith.multiply_scalar_])
def test_multiply_scalar_uint8(func) -> None:
    # imgaug: float32 product, clipped, truncated
    ref = np.clip(IMAGE.astype(np.float32) * np.float32(1.5), 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), 1.5), ref)
    mul = np.array([0.5, 1.0, 3.0])
    ref = np.clip(IMAGE.astype(np.float32) * mul.astype(np.float32), 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), mul), ref)


@pytest.mark.parametrize("dtype", ADD_OK)
def test_scalar_ops_keep_dtype_and_saturate(dtype: str) -> None:
    image = _image(dtype)
    dt = np.dtype(dtype)
    added = arith.add_scalar(image, 3)
    multiplied = arith.multiply_scalar(image, 2.0)
    assert added.dtype == dt and multiplied.dtype == dt
    ref_add = _ref_saturate(image.astype(np.float64) + 3, dt)
    ref_mul = _ref_saturate(image.astype(np.float64) * 2.0, dt)
    if dt.kind == "f":
        assert np.allclose(added, ref_add, rtol=1e-3) and np.allclose(multiplied, ref_mul,
                                                                      rtol=1e-3)
    else:
        assert np.array_equal(added, ref_add) and np.array_equal(multiplied, ref_mul)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        top = np.full((2, 2, 1), info.max, dtype=dt)
        bottom = np.full((2, 2, 1), info.min, dtype=dt)
        assert (arith.add_scalar(top, 10) == info.max).all()  # no wrap-around
        assert (arith.add_scalar(bottom, -10) == info.min).all()
        assert (arith.multiply_scalar(top, 3.0) == info.max).all()


@pytest.mark.parametrize("dtype", ADD_REJECTED)
@pytest.mark.parametrize("func", [arith.add_scalar, arith.multiply_scalar])
def test_scalar_ops_reject_dtypes_by_name(func, dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        func(np.zeros((2, 2, 1), dtype=dtype), 1)


@pytest.mark.parametrize("dtype", ADD_REJECTED)
@pytest.mark.parametrize("func", [arith.add_elementwise, arith.multiply_elementwise])
def test_elementwise_ops_reject_dtypes_by_name(func, dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        func(np.zeros((2, 2, 1), dtype=dtype), np.ones((2, 2, 1)))


def test_scalar_value_with_wrong_channel_count_raises() -> None:
    with pytest.raises(ValueError):
        arith.add_scalar(IMAGE, [1, 2])


@pytest.mark.parametrize("func", [arith.add_elementwise, arith.add_elementwise_])
def test_add_elementwise_shapes(func) -> None:
    values = RNG.integers(-300, 300, size=IMAGE.shape)
    ref = np.clip(IMAGE.astype(int) + values, 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), values), ref)
    values2d = RNG.integers(-50, 50, size=IMAGE.shape[:2])
    ref = np.clip(IMAGE.astype(int) + values2d[..., None], 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), values2d), ref)
    assert np.array_equal(func(IMAGE.copy(), values2d[..., None]), ref)
    with pytest.raises(ValueError):
        func(IMAGE.copy(), np.zeros((3, 3)))


@pytest.mark.parametrize("func", [arith.multiply_elementwise, arith.multiply_elementwise_])
def test_multiply_elementwise(func) -> None:
    mul = RNG.uniform(0, 3, size=IMAGE.shape)
    ref = np.clip(IMAGE.astype(np.float32) * mul.astype(np.float32), 0, 255).astype(np.uint8)
    assert np.array_equal(func(IMAGE.copy(), mul), ref)
    i16 = _image("int16")
    mul = RNG.uniform(-2, 2, size=i16.shape[:2])
    out = func(i16.copy(), mul)
    assert out.dtype == np.int16
    assert np.array_equal(out, _ref_saturate(i16 * mul[..., None], np.int16))


def test_replace_elementwise_in_place() -> None:
    image = IMAGE.copy()
    mask = RNG.random(IMAGE.shape[:2]) > 0.5
    count = int(mask.sum()) * 3
    replacements = np.arange(count) * 7.0
    out = arith.replace_elementwise_(image, mask, replacements)
    assert out is image
    ref = IMAGE.copy()
    ref[np.broadcast_to(mask[..., None], IMAGE.shape)] = _ref_saturate(replacements, np.uint8)
    assert np.array_equal(out, ref)
    i8 = np.zeros((3, 3, 1), dtype=np.int8)
    out = arith.replace_elementwise_(i8, np.ones((3, 3, 1)), 1000)
    assert (out == 127).all()
    with pytest.raises(ValueError, match="uint64"):
        arith.replace_elementwise_(np.zeros((2, 2, 1), np.uint64), np.ones((2, 2)), 1)


# ---- cutout ---------------------------------------------------------------------------------
def test_cutout_constant_and_copy_semantics() -> None:
    image = IMAGE.copy()
    out = arith.cutout(image, 2, 1, 6, 4, cval=17)
    assert np.array_equal(image, IMAGE)  # cutout() copies
    ref = IMAGE.copy()
    ref[1:4, 2:6] = 17
    assert np.array_equal(out, ref)
    out = arith.cutout_(image, -5, -5, 3, 100, cval=(1, 2, 3), fill_per_channel=True)
    assert out is image
    ref = IMAGE.copy()
    ref[:, :3] = (1, 2, 3)
    assert np.array_equal(out, ref)
    assert np.array_equal(arith.cutout(IMAGE, 5, 5, 5, 8), IMAGE)  # empty area


def test_cutout_gaussian_is_seeded_and_in_range() -> None:
    a = arith.cutout(IMAGE, 0, 0, 8, 8, fill_mode="gaussian", seed=3)
    b = arith.cutout(IMAGE, 0, 0, 8, 8, fill_mode="gaussian", seed=3)
    c = arith.cutout(IMAGE, 0, 0, 8, 8, fill_mode="gaussian", seed=4)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    f = arith.cutout(np.zeros((8, 8, 1), np.float32), 0, 0, 8, 8, fill_mode="gaussian", seed=1)
    assert 0.0 <= f.min() and f.max() <= 1.0 and f.std() > 0
    with pytest.raises(ValueError):
        arith.cutout(IMAGE, 0, 0, 2, 2, fill_mode="nope")


# ---- invert / solarize / jpeg ---------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["uint8", "uint16", "uint32", "int8", "int16", "int32",
                                   "int64", "float32", "float64", "bool"])
def test_invert_default_range(dtype: str) -> None:
    image = _image(dtype)
    dt = np.dtype(dtype)
    out = arith.invert(image)
    assert out.dtype == dt
    if dt.kind == "b":
        ref = ~image
    elif dt.kind == "u":
        ref = (np.iinfo(dt).max - image.astype(np.float64)).astype(dt)
    elif dt.kind == "i":
        info = np.iinfo(dt)
        ref = (info.max - (image.astype(object) - info.min)).astype(dt)
    else:
        ref = -image
    assert np.array_equal(out, ref)


def test_invert_custom_range_threshold_and_in_place_variant() -> None:
    out = arith.invert(IMAGE, min_value=20, max_value=200)
    # imgaug's uint8 rule: max - |v - min|, clipped to [min, max]
    ref = np.clip(200 - np.abs(IMAGE.astype(int) - 20), 20, 200).astype(np.uint8)
    assert np.array_equal(out, ref)
    out = arith.invert_(IMAGE.copy(), threshold=100, invert_above_threshold=False)
    assert np.array_equal(out, np.where(IMAGE < 100, 255 - IMAGE, IMAGE))
    with pytest.raises(ValueError):
        arith.invert(IMAGE, min_value=-1)


@pytest.mark.parametrize("func", [arith.solarize, arith.solarize_])
def test_solarize(func) -> None:
    out = func(IMAGE.copy(), threshold=90)
    assert np.array_equal(out, np.where(IMAGE >= 90, 255 - IMAGE, IMAGE))
    f = np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4, 1)
    assert np.array_equal(arith.solarize(f, threshold=0.5), np.where(f >= 0.5, -f, f))


def test_compress_jpeg_matches_opencv_reference() -> None:
    image = cv2.resize(IMAGE, (32, 32))
    quality = int(round(1 + 99 * (1 - 60 / 101)))
    encoded = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                           [cv2.IMWRITE_JPEG_QUALITY, quality])[1]
    ref = cv2.cvtColor(cv2.imdecode(encoded, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    assert np.array_equal(arith.compress_jpeg(image, 60), ref)
    gray = arith.compress_jpeg(image[..., :1], 90)
    assert gray.shape == (32, 32, 1) and gray.dtype == np.uint8
    with pytest.raises(ValueError, match="float32"):
        arith.compress_jpeg(image.astype(np.float32), 50)
    with pytest.raises(ValueError):
        arith.compress_jpeg(image, 101)
