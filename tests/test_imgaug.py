"""imgaug2.imgaug (the ``ia.*`` helpers) against OpenCV/NumPy references."""

from __future__ import annotations

import sys
import warnings

import cv2
import numpy as np
import pytest

from imgaug2 import imgaug as ia
from imgaug2 import random as iarandom

RNG = np.random.default_rng(0)
INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                  "area": cv2.INTER_AREA, "cubic": cv2.INTER_CUBIC}


def _image(shape: tuple[int, ...], dtype: str) -> np.ndarray:
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return RNG.random(shape) > 0.5
    if dt.kind == "f":
        return (RNG.random(shape) * 200 - 100).astype(dt)
    info = np.iinfo(dt)
    return RNG.integers(info.min, int(info.max) + 1, size=shape, dtype=dt)


def _reference_resize(image: np.ndarray, h: int, w: int, flag: int) -> np.ndarray:
    """imgaug 0.4.0's documented dtype handling around cv2.resize."""
    name = image.dtype.name
    if name == "bool":
        return cv2.resize(image.astype(np.uint8) * 255, (w, h), interpolation=flag) > 127
    if name == "int8" and flag != cv2.INTER_NEAREST:
        out = cv2.resize(image.astype(np.int16), (w, h), interpolation=flag)
        return np.clip(out, -128, 127).astype(np.int8)
    if name == "float16":
        return cv2.resize(image.astype(np.float32), (w, h), interpolation=flag).astype(np.float16)
    return cv2.resize(image, (w, h), interpolation=flag)


# ---- imresize ----------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int8", "int16", "float16", "float32",
                                   "float64", "bool"])
@pytest.mark.parametrize("interpolation", list(INTERPOLATIONS))
def test_imresize_matches_cv2_for_every_dtype_and_interpolation(dtype, interpolation):
    image = _image((13, 17, 3), dtype)
    for h, w in [(6, 8), (26, 40), (13, 30)]:
        expected = _reference_resize(image, h, w, INTERPOLATIONS[interpolation])
        for ip in (interpolation, INTERPOLATIONS[interpolation]):
            out = ia.imresize_single_image(image, (h, w), interpolation=ip)
            assert out.dtype == image.dtype and out.shape == (h, w, 3)
            assert np.array_equal(out, expected), (dtype, interpolation, (h, w))


def test_imresize_default_interpolation_follows_imgaug_rule():
    image = _image((10, 12, 3), "uint8")
    down = ia.imresize_single_image(image, (5, 6))
    assert np.array_equal(down, cv2.resize(image, (6, 5), interpolation=cv2.INTER_LINEAR))
    up = ia.imresize_single_image(image, (20, 24))
    assert np.array_equal(up, cv2.resize(image, (24, 20), interpolation=cv2.INTER_AREA))
    mixed = ia.imresize_single_image(image, (5, 30))  # any growing axis -> "area"
    assert np.array_equal(mixed, cv2.resize(image, (30, 5), interpolation=cv2.INTER_AREA))


def test_imresize_sizes_forms():
    image = _image((10, 20, 3), "uint8")
    assert ia.imresize_single_image(image, 0.5).shape == (5, 10, 3)
    assert ia.imresize_single_image(image, 2.0).shape == (20, 40, 3)
    assert ia.imresize_single_image(image, (0.5, 2.0)).shape == (5, 40, 3)
    assert ia.imresize_single_image(image, (7, 9)).shape == (7, 9, 3)
    assert ia.imresize_single_image(image, (0.25, 9)).shape == (2, 9, 3)  # np.round(2.5) == 2
    assert ia.imresize_single_image(image, (0, 9)).shape == (0, 9, 3)
    same = ia.imresize_single_image(image, (10, 20))
    assert np.array_equal(same, image) and same is not image


def test_imresize_shapes_lists_and_channels():
    gray = _image((10, 12), "float32")
    out = ia.imresize_single_image(gray, (5, 6), interpolation="cubic")
    assert out.shape == (5, 6)
    assert np.array_equal(out, cv2.resize(gray, (6, 5), interpolation=cv2.INTER_CUBIC))
    one = _image((10, 12, 1), "uint8")
    assert ia.imresize_single_image(one, (5, 6)).shape == (5, 6, 1)
    batch = _image((4, 10, 12, 3), "uint8")
    many = ia.imresize_many_images(batch, (5, 7), interpolation="linear")
    assert many.shape == (4, 5, 7, 3)
    for i in range(4):
        assert np.array_equal(many[i], cv2.resize(batch[i], (7, 5)))
    images = [_image((10, 12, 3), "uint8"), _image((8, 6, 3), "uint8")]
    listed = ia.imresize_many_images(images, 0.5)
    assert isinstance(listed, list) and [im.shape for im in listed] == [(5, 6, 3), (4, 3, 3)]
    assert ia.imresize_many_images([], (3, 3)) == []
    assert ia.imresize_many_images(np.zeros((0, 4, 4, 3), np.uint8), (3, 3)).shape[0] == 0


def test_imresize_many_channels_are_split_for_opencv():
    image = _image((9, 11, 300), "float32")
    out = ia.imresize_single_image(image, (4, 5), interpolation="linear")
    assert out.shape == (4, 5, 300)
    for c in (0, 127, 128, 299):
        # OpenCV's vectorised paths differ in the last float bits between channel counts
        assert np.allclose(out[..., c], cv2.resize(image[..., c], (5, 4)), rtol=1e-5, atol=1e-4)


def test_imresize_32bit_ints_are_exact():
    image = np.array([[0, 2**31 - 1], [-(2**31), 5]], dtype=np.int32)
    out = ia.imresize_single_image(image, (4, 4), interpolation="nearest")
    assert out.dtype == np.int32 and np.array_equal(out, np.kron(image, np.ones((2, 2))))
    linear = ia.imresize_single_image(image.astype(np.uint32) // 2, (4, 4), "linear")
    assert linear.dtype == np.uint32


@pytest.mark.parametrize("dtype", ["int64", "uint64", "complex64", "object"])
def test_imresize_rejects_unsupported_dtypes(dtype):
    image = np.zeros((4, 4, 3), dtype=dtype)
    with pytest.raises(ValueError, match=dtype):
        ia.imresize_single_image(image, (2, 2))


@pytest.mark.parametrize("sizes", [None, -1.0, 0, (1, 2, 3), ("a", 2), (-1, 2)])
def test_imresize_rejects_bad_sizes(sizes):
    with pytest.raises(ValueError, match="sizes"):
        ia.imresize_single_image(np.zeros((4, 4), np.uint8), sizes)


def test_imresize_rejects_bad_arguments():
    with pytest.raises(ValueError, match="interpolation"):
        ia.imresize_single_image(np.zeros((4, 4), np.uint8), (2, 2), interpolation="lanczos")
    with pytest.raises(ValueError, match="image"):
        ia.imresize_single_image(np.zeros((4,), np.uint8), (2, 2))
    with pytest.raises(TypeError, match="image"):
        ia.imresize_single_image([[1, 2]], (2, 2))
    with pytest.raises(ValueError, match="zero-sized"):
        ia.imresize_single_image(np.zeros((0, 4), np.uint8), (2, 2))


# ---- pad ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ia.PAD_MODES)
@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int8", "int32", "int64", "float16",
                                   "float32", "float64"])
def test_pad_matches_numpy(mode, dtype):
    arr = _image((5, 4, 3), dtype)
    kwargs = {"constant": {"constant_values": 3}, "linear_ramp": {"end_values": 3}}.get(mode, {})
    for top, right, bottom, left in [(1, 0, 2, 3), (0, 9, 7, 0), (12, 11, 1, 10)]:
        out = ia.pad(arr, top=top, right=right, bottom=bottom, left=left, mode=mode, cval=3)
        expected = np.pad(arr, ((top, bottom), (left, right), (0, 0)), mode=mode, **kwargs)
        assert out.dtype == arr.dtype
        np.testing.assert_array_equal(out, expected, err_msg=f"{mode} {dtype}")


@pytest.mark.parametrize("mode", ["edge", "reflect", "symmetric", "wrap", "constant"])
def test_pad_small_axes_and_two_dims_match_numpy(mode):
    for shape in [(1, 1), (1, 3), (2, 2), (3, 1)]:
        arr = _image(shape, "float32")
        out = ia.pad(arr, 3, 4, 5, 6, mode=mode)
        assert np.array_equal(out, np.pad(arr, ((3, 5), (6, 4)), mode=mode)), (mode, shape)


def test_pad_cval_per_channel_clipping_and_bool():
    arr = np.zeros((2, 2, 3), np.uint8)
    out = ia.pad(arr, top=1, cval=(10, 300, -5))
    assert out[0, 0].tolist() == [10, 255, 0]
    assert ia.pad(np.zeros((2, 2), np.uint8), left=1, cval=7.9)[0, 0] == 7  # truncated
    assert ia.pad(np.zeros((2, 2), np.int8), left=1, cval=-1000)[0, 0] == -128
    boolean = ia.pad(np.zeros((2, 2), bool), left=1, cval=True)
    assert boolean.dtype == bool and boolean[:, 0].all() and not boolean[:, 1:].any()
    many = ia.pad(np.zeros((2, 2, 7), np.uint8), bottom=1, cval=list(range(7)))
    assert many[2, 0].tolist() == list(range(7))
    ramp = ia.pad(np.full((1, 2, 2), 100, np.uint8), left=2, mode="linear_ramp", cval=(0, 200))
    assert ramp[0, :, 0].tolist() == [0, 50, 100, 100] and ramp[0, :, 1].tolist() == [200, 150,
                                                                                      100, 100]


def test_pad_special_cases():
    arr = _image((3, 3), "uint8")
    same = ia.pad(arr)
    assert np.array_equal(same, arr) and same is not arr
    empty = ia.pad(np.zeros((0, 3, 3), np.uint8), top=2, mode="reflect", cval=9)
    assert empty.shape == (2, 3, 3) and (empty == 9).all()
    assert np.array_equal(ia.pad(arr, 1, 1, 1, 1, mode=cv2.BORDER_REFLECT),
                          np.pad(arr, 1, mode="symmetric"))
    big = _image((3, 4, 200), "uint8")
    assert np.array_equal(ia.pad(big, 2, 3, 4, 5, mode="reflect"),
                          np.pad(big, ((2, 4), (5, 3), (0, 0)), mode="reflect"))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"top": -1}, ValueError, "top"), ({"left": 1.5}, TypeError, "left"),
    ({"mode": "nope"}, ValueError, "mode"), ({"top": 1, "cval": (1, 2)}, ValueError, "cval"),
    ({"top": 1, "cval": "x"}, TypeError, "cval")])
def test_pad_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        ia.pad(np.zeros((3, 3, 3), np.uint8), **kwargs)


def test_pad_rejects_bad_arrays():
    with pytest.raises(ValueError, match="arr"):
        ia.pad(np.zeros((2, 2, 2, 2), np.uint8), top=1)
    with pytest.raises(TypeError, match="arr"):
        ia.pad([[1]], top=1)


# ---- paddings / croppings ----------------------------------------------------------------------
def test_compute_paddings_to_reach_aspect_ratio():
    assert ia.compute_paddings_to_reach_aspect_ratio((10, 5), 1.0) == (0, 3, 0, 2)
    assert ia.compute_paddings_to_reach_aspect_ratio((5, 10, 3), 1.0) == (2, 0, 3, 0)
    assert ia.compute_paddings_to_reach_aspect_ratio((10, 10), 1.0) == (0, 0, 0, 0)
    assert ia.compute_paddings_to_reach_aspect_ratio((10, 5), 0.84) == (0, 2, 0, 1)  # diff 3.4
    assert ia.compute_paddings_to_reach_aspect_ratio((0, 4), 2.0) == (0, 0, 2, 0)
    assert ia.compute_paddings_for_aspect_ratio is ia.compute_paddings_to_reach_aspect_ratio
    arr = np.zeros((4, 10), np.uint8)
    padded, amounts = ia.pad_to_aspect_ratio(arr, 1.0, cval=5, return_pad_amounts=True)
    assert padded.shape == (10, 10) and amounts == (3, 0, 3, 0) and padded[0, 0] == 5
    with pytest.raises(ValueError, match="aspect_ratio"):
        ia.compute_paddings_to_reach_aspect_ratio((3, 3), 0)


def test_compute_croppings_to_reach_aspect_ratio():
    assert ia.compute_croppings_to_reach_aspect_ratio((10, 5), 1.0) == (2, 0, 3, 0)
    assert ia.compute_croppings_to_reach_aspect_ratio((5, 10), 1.0) == (0, 3, 0, 2)
    assert ia.compute_croppings_to_reach_aspect_ratio((2, 100), 1000.0) == (0, 0, 1, 0)
    assert ia.compute_croppings_to_reach_aspect_ratio((3, 100), 0.001) == (0, 50, 0, 49)


def test_multiples_and_powers():
    assert ia.compute_paddings_to_reach_multiples_of((10, 7), 4, 5) == (1, 2, 1, 1)
    assert ia.compute_paddings_to_reach_multiples_of((8, 7), None, 7) == (0, 0, 0, 0)
    assert ia.compute_paddings_to_reach_multiples_of((0, 7), 4, None) == (2, 0, 2, 0)
    assert ia.compute_croppings_to_reach_multiples_of((10, 7), 4, 5) == (1, 1, 1, 1)
    assert ia.compute_paddings_to_reach_powers_of((10, 3), 2, 3) == (3, 0, 3, 0)
    assert ia.compute_paddings_to_reach_powers_of((1000, 1), 10, 2) == (0, 1, 0, 0)
    assert ia.compute_paddings_to_reach_powers_of((1, 0), 2, 2, allow_zero_exponent=True) == (
        0, 1, 0, 0)
    assert ia.compute_paddings_to_reach_exponents_of is ia.compute_paddings_to_reach_powers_of
    assert ia.compute_croppings_to_reach_powers_of((1000, 9), 10, 2) == (0, 1, 0, 0)
    assert ia.compute_croppings_to_reach_powers_of((5, 1), 8, 2, allow_zero_exponent=True) == (
        2, 0, 2, 0)
    arr = np.ones((5, 6), np.uint8)
    padded, amounts = ia.pad_to_multiples_of(arr, 4, 4, return_pad_amounts=True)
    assert padded.shape == (8, 8) and amounts == (1, 1, 2, 1)
    for bad in (0, -2, 1.5):
        with pytest.raises((ValueError, TypeError), match="height_multiple"):
            ia.compute_paddings_to_reach_multiples_of((3, 3), bad, None)
    with pytest.raises(ValueError, match="width_base"):
        ia.compute_paddings_to_reach_powers_of((3, 3), None, 1)


# ---- pooling -----------------------------------------------------------------------------------
def _blocks(arr: np.ndarray, bh: int, bw: int) -> np.ndarray:
    h, w = arr.shape[0:2]
    return arr.reshape((h // bh, bh, w // bw, bw) + arr.shape[2:])


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "int8", "int16", "int32",
                                   "float16", "float32", "float64"])
def test_pool_functions_match_numpy_block_reductions(dtype):
    arr = _image((12, 18, 3), dtype)
    ref = _blocks(arr, 3, 2)
    assert np.array_equal(ia.max_pool(arr, (3, 2)), ref.max(axis=(1, 3)))
    assert np.array_equal(ia.min_pool(arr, (3, 2)), ref.min(axis=(1, 3)))
    assert np.array_equal(ia.avg_pool(arr, (3, 2)), ref.mean(axis=(1, 3)).astype(dtype))
    assert np.array_equal(ia.median_pool(arr, (3, 2)),
                          np.median(ref, axis=(1, 3)).astype(dtype))
    as_float = ia.avg_pool(arr, 3, preserve_dtype=False)
    expected = _blocks(arr, 3, 3).mean(axis=(1, 3))
    assert as_float.dtype == expected.dtype and np.array_equal(as_float, expected)
    assert np.array_equal(ia.pool(arr, 2, np.sum, preserve_dtype=False),
                          _blocks(arr, 2, 2).sum(axis=(1, 3)))


def test_pool_keeps_numpy_nan_semantics_and_many_channels():
    arr = np.zeros((4, 4), np.float32)
    arr[0, 0] = np.nan
    assert np.isnan(ia.max_pool(arr, 2)[0, 0]) and ia.max_pool(arr, 2)[1, 1] == 0
    wide = _image((4, 6, 200), "uint8")
    assert np.array_equal(ia.max_pool(wide, 2), _blocks(wide, 2, 2).max(axis=(1, 3)))


def test_pool_pads_centred_to_multiples():
    arr = _image((7, 5), "uint8")
    padded = np.pad(arr, ((0, 1), (0, 1)), mode="edge")  # 7->8 (bottom 1), 5->6 (right 1)
    assert np.array_equal(ia.max_pool(arr, 2), _blocks(padded, 2, 2).max(axis=(1, 3)))
    padded = np.pad(arr, ((1, 1), (0, 1)), mode="constant", constant_values=9)
    out = ia.pool(arr, (3, 2), np.min, pad_mode="constant", pad_cval=9)
    assert np.array_equal(out, _blocks(padded, 3, 2).min(axis=(1, 3)))
    padded = np.pad(arr, ((0, 1), (0, 1)), mode="reflect")
    assert np.array_equal(ia.avg_pool(arr, 2),
                          _blocks(padded, 2, 2).mean(axis=(1, 3)).astype(np.uint8))


def test_pool_semantics_details():
    arr = np.array([[1, 2], [2, 2]], np.uint8)
    assert ia.avg_pool(arr, 2)[0, 0] == 1  # 1.75 truncated, as imgaug's astype
    assert np.array_equal(ia.pool(arr, 1, np.max), arr)
    channels = _image((4, 4, 6), "float32")
    out = ia.avg_pool(channels, (2, 2, 3))
    assert out.shape == (2, 2, 2)
    assert np.allclose(out, channels.reshape(2, 2, 2, 2, 2, 3).mean(axis=(1, 3, 5)))
    boolean = np.zeros((4, 4), bool)
    boolean[0, 0] = True
    assert ia.max_pool(boolean, 2).tolist() == [[True, False], [False, False]]
    assert ia.avg_pool(np.zeros((0, 4), np.uint8), 2).shape == (0, 4)
    with pytest.warns(ia.DeprecationWarning, match="cval"):
        deprecated = ia.max_pool(_image((3, 3), "uint8"), 2, pad_mode="constant", cval=255)
    assert deprecated[1, 1] == 255


@pytest.mark.parametrize("block_size", [0, (2, 0), (1, 2, 3, 4), "2", 1.5])
def test_pool_rejects_bad_block_size(block_size):
    with pytest.raises(ValueError, match="block_size"):
        ia.avg_pool(np.zeros((4, 4), np.uint8), block_size)


def test_pool_rejects_bad_dtypes():
    with pytest.raises(ValueError, match="int64"):
        ia.max_pool(np.zeros((4, 4), np.int64), 2)


# ---- grids -------------------------------------------------------------------------------------
def test_draw_grid_layout():
    images = [np.full((2, 3, 3), i + 1, np.uint8) for i in range(5)]
    grid = ia.draw_grid(images)
    assert grid.shape == (3 * 2, 3 * 3, 3)  # ceil(sqrt(5)) = 3 rows and cols
    for i in range(5):
        r, c = divmod(i, 3)
        assert (grid[r * 2:(r + 1) * 2, c * 3:(c + 1) * 3] == i + 1).all()
    assert (grid[4:, 6:] == 0).all()
    assert ia.draw_grid(images, rows=1).shape == (2, 15, 3)
    assert ia.draw_grid(images, cols=2).shape == (6, 6, 3)
    assert ia.draw_grid(images, rows=2, cols=9).shape == (4, 9, 3)  # cols from rows
    mixed = ia.draw_grid([np.ones((4, 2, 1), np.float32), np.ones((2, 5, 1), np.float32)])
    assert mixed.shape == (8, 10, 1) and mixed.dtype == np.float32
    assert mixed[0:4, 0:2].all() and not mixed[0:4, 2:5].any()
    assert ia.draw_grid(np.zeros((4, 2, 2, 3), np.uint8)).shape == (4, 4, 3)


def test_draw_grid_errors():
    with pytest.raises(ValueError, match="at least one"):
        ia.draw_grid([])
    with pytest.raises(ValueError, match="dtype"):
        ia.draw_grid([np.zeros((2, 2, 3), np.uint8), np.zeros((2, 2, 3), np.float32)])
    with pytest.raises(ValueError, match="channel"):
        ia.draw_grid([np.zeros((2, 2, 3), np.uint8), np.zeros((2, 2, 1), np.uint8)])
    with pytest.raises(ValueError, match="rows"):
        ia.draw_grid([np.zeros((2, 2, 3), np.uint8)], rows=0)
    with pytest.raises(ValueError, match="shape"):
        ia.draw_grid(np.zeros((2, 2, 3), np.uint8))


def test_imshow_validates_backend_and_names_the_extra(monkeypatch):
    with pytest.raises(ValueError, match="backend"):
        ia.imshow(np.zeros((2, 2, 3), np.uint8), backend="qt")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"imgaug2\[bench\]"):
        ia.show_grid([np.zeros((2, 2, 3), np.uint8)])


# ---- small helpers -----------------------------------------------------------------------------
def test_type_checks():
    assert ia.is_single_integer(3) and ia.is_single_integer(np.int16(3))
    assert not ia.is_single_integer(True) and not ia.is_single_integer(3.0)
    assert ia.is_single_float(3.0) and ia.is_single_float(np.float32(1))
    assert not ia.is_single_float(1) and not ia.is_single_float(False)
    assert ia.is_single_number(1) and ia.is_single_number(1.5) and not ia.is_single_number("1")
    assert ia.is_single_bool(True) and not ia.is_single_bool(np.bool_(True))
    assert ia.is_np_array(np.zeros(1)) and not ia.is_np_array(np.float32(1))
    assert ia.is_np_scalar(np.float32(1)) and not ia.is_np_scalar(1.0)
    assert ia.is_integer_array(np.zeros(1, np.uint8)) and not ia.is_integer_array(np.zeros(1))
    assert ia.is_float_array(np.zeros(1)) and not ia.is_float_array(np.zeros(1, bool))
    assert ia.is_iterable([]) and not ia.is_iterable(1)
    assert ia.is_string("a") and not ia.is_string(b"a")
    assert ia.is_callable(len) and not ia.is_callable(1)
    assert ia.is_generator(x for x in []) and not ia.is_generator([])
    assert list(ia.flatten([1, [2, (3, [4])], "ab"])) == [1, 2, 3, 4, "ab"]
    assert list(ia.flatten(5)) == [5]

    def outer():
        return ia.caller_name()

    assert outer() == "outer"
    with pytest.raises(AssertionError, match="boom"):
        ia.do_assert(False, "boom")
    assert ia.ALL == "ALL" and ia.DEFAULT_FONT_FP is None
    assert np.float32 in ia.NP_FLOAT_TYPES and np.uint8 in ia.NP_UINT_TYPES
    assert np.int64 in ia.NP_INT_TYPES


def test_deprecation_helpers():
    with pytest.warns(ia.DeprecationWarning, match="old"):
        ia.warn_deprecated("old")

    @ia.deprecated(alt_func="new_func", comment="Same interface")
    def old_func(x):
        """Doc."""
        return x + 1

    with pytest.warns(ia.DeprecationWarning,
                      match=r"Function `old_func\(\)` is deprecated. Use `new_func` instead."):
        assert old_func(1) == 2
    assert old_func.__doc__.startswith("**Deprecated**")

    class Thing:
        @ia.deprecated(behavior="raise")
        def method(self):
            return 1

    with pytest.raises(ia.DeprecationWarning, match=r"Thing.method"):
        Thing().method()
    with pytest.warns(UserWarning, match="hello"):
        ia.warn("hello")


def test_random_state_wrappers_delegate_to_imgaug2_random():
    ia.seed(5)
    first = iarandom.get_global_rng().integers(0, 1000)
    ia.seed(entropy=5)
    assert iarandom.get_global_rng().integers(0, 1000) == first
    with pytest.warns(ia.DeprecationWarning, match="seedval"):
        ia.seed(seedval=5)
    with pytest.raises(ValueError):
        ia.seed()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ia.DeprecationWarning)
        assert ia.current_random_state() is iarandom.get_global_rng()
        rng = ia.new_random_state(3)
        assert rng.integers(0, 10**6) == iarandom.RNG(3).integers(0, 10**6)
        assert ia.dummy_random_state().integers(0, 10**6) == iarandom.RNG(1).integers(0, 10**6)
        copy = ia.copy_random_state(rng)
        assert copy is not rng and copy.integers(0, 10**6) == rng.integers(0, 10**6)
        assert ia.copy_random_state(iarandom.get_global_rng()) is iarandom.get_global_rng()
        assert len(ia.derive_random_states(rng, 3)) == 3
        assert isinstance(ia.derive_random_state(rng), iarandom.RNG)
        generator = np.random.default_rng(1)
        assert isinstance(ia.derive_random_state(generator), np.random.Generator)
        with pytest.raises(TypeError, match="random_state"):
            ia.copy_random_state(5)
    with pytest.warns(ia.DeprecationWarning, match="new_random_state"):
        ia.new_random_state(1)


def test_geometry_helpers():
    assert ia.angle_between_vectors((1, 0, 0), (0, 1, 0)) == pytest.approx(np.pi / 2)
    assert ia.angle_between_vectors((1, 0), (1, 0)) == pytest.approx(0.0)
    assert ia.angle_between_vectors((1, 0), (-1, 0)) == pytest.approx(np.pi)
    assert ia.angle_between_vectors((0, 0), (1, 0)) == pytest.approx(np.pi / 2)
    assert ia.compute_line_intersection_point(0, 0, 2, 2, 0, 2, 2, 0) == pytest.approx((1, 1))
    assert ia.compute_line_intersection_point(0, 0, 1, 0, 0, 1, 5, 1) is False
    x, y = ia.compute_line_intersection_point(0, 1, 4, 3, 5, -1, 5, 10)
    assert (x, y) == pytest.approx((5, 3.5))


def test_draw_text():
    image = np.zeros((40, 120, 3), np.uint8)
    out = ia.draw_text(image, y=5, x=10, text="Hi", color=(0, 255, 0), size=20)
    assert out is not image and not image.any()
    ys, xs = np.nonzero(out[..., 1])
    assert out[..., 0].max() == 0 and ys.min() >= 4 and xs.min() >= 9 and ys.max() < 30
    as_float = ia.draw_text(image.astype(np.float32), 5, 10, "Hi")
    assert as_float.dtype == np.float32 and as_float.any()
    with pytest.raises(ValueError, match="uint8"):
        ia.draw_text(image.astype(np.uint16), 0, 0, "x")


# ---- apply_lut ----------------------------------------------------------------------------------
_LUT_IMAGE = np.random.default_rng(3).integers(0, 256, (5, 7, 3), dtype=np.uint8)
_INVERT = (255 - np.arange(256)).astype(np.uint8)


def test_apply_lut_maps_every_value_and_leaves_input_alone() -> None:
    before = _LUT_IMAGE.copy()
    out = ia.apply_lut(_LUT_IMAGE, _INVERT)
    assert np.array_equal(out, 255 - _LUT_IMAGE)
    assert np.array_equal(_LUT_IMAGE, before)


def test_apply_lut_in_place_writes_into_the_image() -> None:
    image = _LUT_IMAGE.copy()
    out = ia.apply_lut_(image, _INVERT)
    assert out is image and np.array_equal(image, 255 - _LUT_IMAGE)


@pytest.mark.parametrize("layout", ["(256,C)", "(1,256,C)", "list"])
def test_apply_lut_per_channel_tables(layout: str) -> None:
    tables = [np.roll(np.arange(256), shift).astype(np.uint8) for shift in (0, 10, 100)]
    table = {"(256,C)": np.stack(tables, axis=-1),
             "(1,256,C)": np.stack(tables, axis=-1)[None],
             "list": tables}[layout]
    out = ia.apply_lut(_LUT_IMAGE, table)
    for c in range(3):
        assert np.array_equal(out[..., c], tables[c][_LUT_IMAGE[..., c]])


def test_apply_lut_on_views_and_2d_images() -> None:
    view = _LUT_IMAGE[:, ::2]
    assert np.array_equal(ia.apply_lut_(view, _INVERT), 255 - view)
    assert np.array_equal(ia.apply_lut(_LUT_IMAGE[..., 0], _INVERT), 255 - _LUT_IMAGE[..., 0])
    many = np.zeros((4, 4, 9), dtype=np.uint8)
    assert (ia.apply_lut(many, _INVERT) == 255).all()


def test_apply_lut_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="image must have dtype uint8"):
        ia.apply_lut(_LUT_IMAGE.astype(np.float32), _INVERT)
    with pytest.raises(ValueError, match="table must have dtype uint8"):
        ia.apply_lut(_LUT_IMAGE, np.arange(256))
    with pytest.raises(ValueError, match="C = 3"):
        ia.apply_lut(_LUT_IMAGE, np.zeros((256, 2), dtype=np.uint8))
    with pytest.raises(TypeError, match="numpy array"):
        ia.apply_lut([[1]], _INVERT)


# ---- example data aliases -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["quokka", "quokka_square", "quokka_heatmap",
                                  "quokka_segmentation_map", "quokka_keypoints",
                                  "quokka_bounding_boxes", "quokka_polygons"])
def test_quokka_aliases_are_deprecated_and_forward_to_data(name: str) -> None:
    from imgaug2 import data

    with pytest.warns(ia.DeprecationWarning, match=f"imgaug2.data.{name}"):
        value = getattr(ia, name)(size=(24, 32))
    expected = getattr(data, name)(size=(24, 32))
    if isinstance(value, np.ndarray):
        assert np.array_equal(value, expected)
    else:
        assert value.shape == expected.shape
