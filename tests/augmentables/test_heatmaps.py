"""HeatmapsOnImage: construction, value ranges, drawing, padding, pooling, resizing, copies."""

from __future__ import annotations

import pickle

import cv2
import numpy as np
import pytest

from imgaug2 import imgaug as ia
from imgaug2.augmentables.heatmaps import HeatmapsOnImage


def _ramp(height: int = 6, width: int = 8, channels: int | None = None) -> np.ndarray:
    size = height * width * (channels or 1)
    arr = np.linspace(0.0, 1.0, size, dtype=np.float32)
    return arr.reshape((height, width) if channels is None else (height, width, channels))


# ---- construction ----------------------------------------------------------------------------
def test_2d_and_3d_arrays_keep_their_shape_in_get_arr() -> None:
    arr2d, arr3d = _ramp(), _ramp(channels=3)
    hm2 = HeatmapsOnImage(arr2d, shape=(12, 16, 3))
    hm3 = HeatmapsOnImage(arr3d, shape=(12, 16))
    assert hm2.arr_0to1.shape == (6, 8, 1) and hm2.arr_0to1.dtype == np.float32
    assert hm2.get_arr().shape == (6, 8) and hm2.get_arr().dtype == np.float32
    assert hm3.get_arr().shape == (6, 8, 3)
    assert np.array_equal(hm2.get_arr(), arr2d)
    assert hm2.shape == (12, 16, 3)
    assert hm3.min_value == 0.0 and hm3.max_value == 1.0


def test_custom_value_range_is_stored_normalised() -> None:
    arr = np.array([[-1.0, 0.0], [0.5, 1.0]], dtype=np.float32)
    hm = HeatmapsOnImage(arr, shape=(2, 2), min_value=-1.0, max_value=1.0)
    assert np.allclose(hm.arr_0to1[..., 0], [[0.0, 0.5], [0.75, 1.0]])
    assert np.allclose(hm.get_arr(), arr)
    assert hm.get_arr().dtype == np.float32


def test_other_float_dtypes_are_converted_to_float32() -> None:
    hm = HeatmapsOnImage(_ramp().astype(np.float64), shape=(6, 8))
    assert hm.arr_0to1.dtype == np.float32


@pytest.mark.parametrize("arr, shape, exc, match", [
    (np.zeros((4, 4), dtype=np.int32), (4, 4), ValueError, "float"),
    (np.zeros((4, 4), dtype=np.uint8), (4, 4), ValueError, "float"),
    ([[0.0, 1.0]], (4, 4), TypeError, "numpy array"),
    (np.zeros((4,), dtype=np.float32), (4, 4), ValueError, "shape"),
    (np.zeros((0, 4), dtype=np.float32), (4, 4), ValueError, "height and width"),
    (np.zeros((4, 4), dtype=np.float32), np.zeros((4, 4)), TypeError, "shape"),
    (np.zeros((4, 4), dtype=np.float32), (4,), ValueError, "shape"),
])
def test_invalid_inputs_raise(arr, shape, exc, match) -> None:
    with pytest.raises(exc, match=match):
        HeatmapsOnImage(arr, shape=shape)


def test_min_value_must_be_below_max_value() -> None:
    with pytest.raises(ValueError, match="min_value"):
        HeatmapsOnImage(_ramp(), shape=(6, 8), min_value=1.0, max_value=1.0)


def test_nan_values_raise() -> None:
    arr = _ramp()
    arr[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        HeatmapsOnImage(arr, shape=(6, 8))


def test_values_outside_the_range_are_clipped_with_a_warning() -> None:
    arr = np.array([[-0.5, 0.5], [1.0, 2.0]], dtype=np.float32)
    with pytest.warns(UserWarning, match="clipped"):
        hm = HeatmapsOnImage(arr, shape=(2, 2))
    assert np.allclose(hm.get_arr(), np.clip(arr, 0, 1))


# ---- conversions -----------------------------------------------------------------------------
def test_to_uint8_and_from_uint8_round_trip() -> None:
    arr = _ramp(4, 4, 2)
    hm = HeatmapsOnImage(arr, shape=(4, 4))
    as_uint8 = hm.to_uint8()
    assert as_uint8.dtype == np.uint8 and as_uint8.shape == (4, 4, 2)
    assert np.array_equal(as_uint8, np.clip(np.round(arr * 255), 0, 255).astype(np.uint8))
    back = HeatmapsOnImage.from_uint8(as_uint8, shape=(4, 4), min_value=-2.0, max_value=2.0)
    assert (back.min_value, back.max_value) == (-2.0, 2.0)
    assert np.allclose(back.arr_0to1, as_uint8 / 255.0)
    assert np.allclose(back.get_arr(), -2.0 + 4.0 * as_uint8 / 255.0, atol=1e-6)


def test_from_0to1_keeps_the_array_and_sets_the_range() -> None:
    arr = _ramp()
    hm = HeatmapsOnImage.from_0to1(arr, shape=(6, 8), min_value=10.0, max_value=20.0)
    assert np.allclose(hm.arr_0to1[..., 0], arr)
    assert np.allclose(hm.get_arr(), 10.0 + 10.0 * arr, atol=1e-5)


def test_change_normalization() -> None:
    arr = np.array([0.0, 0.5, 1.0], dtype=np.float32)
    assert np.allclose(HeatmapsOnImage.change_normalization(arr, (0.0, 1.0), (-1.0, 1.0)),
                       [-1.0, 0.0, 1.0])
    source = HeatmapsOnImage(np.zeros((2, 2), np.float32), (2, 2), min_value=0.0, max_value=2.0)
    assert np.allclose(HeatmapsOnImage.change_normalization(arr, source, (0.0, 1.0)),
                       [0.0, 0.25, 0.5])
    same = HeatmapsOnImage.change_normalization(arr, (0.0, 1.0), (0.0, 1.0))
    assert np.array_equal(same, arr) and same is not arr
    with pytest.raises(ValueError, match="source"):
        HeatmapsOnImage.change_normalization(arr, (1.0, 0.0), (0.0, 1.0))


def test_invert() -> None:
    arr = _ramp()
    hm = HeatmapsOnImage(arr, shape=(6, 8), min_value=0.0, max_value=2.0)
    inverted = hm.invert()
    assert np.allclose(inverted.arr_0to1[..., 0], 1.0 - arr / 2.0)
    assert inverted.get_arr().shape == (6, 8)
    assert (inverted.min_value, inverted.max_value) == (0.0, 2.0)


# ---- drawing ---------------------------------------------------------------------------------
def _reference_colors(hm: HeatmapsOnImage, cmap: str | None) -> list[np.ndarray]:
    out = []
    for c in range(hm.arr_0to1.shape[2]):
        values = hm.to_uint8()[..., c].astype(np.float32) / 255.0
        if cmap is None:
            colored = np.tile(values[..., None], (1, 1, 3))
        else:
            import matplotlib

            colored = matplotlib.colormaps[cmap](values)[..., 0:3]
        out.append(np.clip(colored * 255, 0, 255).astype(np.uint8))
    return out


def test_draw_grayscale_matches_the_uint8_values() -> None:
    hm = HeatmapsOnImage(_ramp(4, 5, 2), shape=(4, 5))
    drawn = hm.draw(cmap=None)
    assert len(drawn) == 2
    for got, ref in zip(drawn, _reference_colors(hm, None)):
        assert got.dtype == np.uint8 and got.shape == (4, 5, 3)
        assert np.array_equal(got, ref)


@pytest.mark.parametrize("cmap", ["jet", "viridis"])
def test_draw_colormaps_match_matplotlib(cmap: str) -> None:
    pytest.importorskip("matplotlib")
    arr = (np.arange(256, dtype=np.float32) / 255).reshape(16, 16)
    hm = HeatmapsOnImage(arr, shape=(16, 16))
    assert np.array_equal(hm.draw(cmap=cmap)[0], _reference_colors(hm, cmap)[0])


def test_builtin_jet_end_points() -> None:
    hm = HeatmapsOnImage(np.array([[0.0, 1.0]], dtype=np.float32), shape=(1, 2))
    drawn = hm.draw()[0]
    assert drawn[0, 0].tolist() == [0, 0, 127]
    assert drawn[0, 1].tolist() == [127, 0, 0]


def test_draw_with_size_uses_nearest_neighbour() -> None:
    hm = HeatmapsOnImage(_ramp(3, 4), shape=(3, 4))
    drawn = hm.draw(size=(6, 12), cmap=None)[0]
    ref = cv2.resize(hm.to_uint8()[..., 0], (12, 6), interpolation=cv2.INTER_NEAREST)
    assert np.array_equal(drawn[..., 0], ref)
    assert hm.draw(size=2.0)[0].shape == (6, 8, 3)


def test_draw_on_image_blends_like_imgaug() -> None:
    rng = np.random.default_rng(0)
    image = rng.integers(0, 255, (6, 8, 3), dtype=np.uint8)
    hm = HeatmapsOnImage(_ramp(3, 4), shape=image.shape)
    mixed = hm.draw_on_image(image, alpha=0.4, cmap=None)
    drawn = hm.draw(size=(6, 8), cmap=None)[0]
    ref = np.clip(0.6 * image + 0.4 * drawn, 0, 255).astype(np.uint8)
    assert len(mixed) == 1 and np.array_equal(mixed[0], ref)


def test_draw_on_image_can_resize_the_image_instead() -> None:
    image = np.zeros((12, 16, 3), dtype=np.uint8)
    hm = HeatmapsOnImage(_ramp(3, 4), shape=image.shape)
    assert hm.draw_on_image(image, resize="image")[0].shape == (3, 4, 3)


@pytest.mark.parametrize("kwargs, match", [
    ({"image": np.zeros((4, 4), np.uint8)}, "uint8 RGB"),
    ({"image": np.zeros((4, 4, 3), np.float32)}, "uint8 RGB"),
    ({"image": np.zeros((4, 4, 3), np.uint8), "alpha": 1.5}, "alpha"),
    ({"image": np.zeros((4, 4, 3), np.uint8), "resize": "both"}, "resize"),
])
def test_draw_on_image_rejects_bad_arguments(kwargs, match) -> None:
    hm = HeatmapsOnImage(_ramp(2, 2), shape=(4, 4, 3))
    with pytest.raises(ValueError, match=match):
        hm.draw_on_image(**kwargs)


def test_unknown_cmap_raises() -> None:
    pytest.importorskip("matplotlib")
    hm = HeatmapsOnImage(_ramp(2, 2), shape=(2, 2))
    with pytest.raises(ValueError, match="cmap"):
        hm.draw(cmap="no-such-colormap")


# ---- padding ---------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap", "maximum",
                                  "linear_ramp"])
@pytest.mark.parametrize("channels", [None, 2, 5])
def test_pad_matches_numpy(mode: str, channels: int | None) -> None:
    arr = _ramp(4, 5, channels)
    hm = HeatmapsOnImage(arr, shape=(4, 5), min_value=0.0, max_value=1.0)
    padded = hm.pad(top=1, right=2, bottom=3, left=4, mode=mode, cval=0.25)
    arr3 = arr if arr.ndim == 3 else arr[..., None]
    kwargs = {"constant_values": 0.25} if mode == "constant" else (
        {"end_values": 0.25} if mode == "linear_ramp" else {})
    ref = np.pad(arr3, ((1, 3), (4, 2), (0, 0)), mode=mode, **kwargs)
    assert padded.arr_0to1.dtype == np.float32
    assert np.allclose(padded.arr_0to1, ref)
    assert padded.shape == hm.shape
    assert padded.get_arr().ndim == arr.ndim


def test_pad_large_reflect_amounts_and_bad_arguments() -> None:
    hm = HeatmapsOnImage(_ramp(2, 3), shape=(2, 3))
    padded = hm.pad(top=5, left=7, mode="reflect")
    ref = np.pad(hm.arr_0to1, ((5, 0), (7, 0), (0, 0)), mode="reflect")
    assert np.array_equal(padded.arr_0to1, ref)
    with pytest.raises(ValueError, match="top"):
        hm.pad(top=-1)
    with pytest.raises(ValueError, match="mode"):
        hm.pad(top=1, mode="unknown")


@pytest.mark.parametrize("size, aspect_ratio, pads", [
    ((4, 8), 1.0, (2, 0, 2, 0)),
    ((8, 4), 1.0, (0, 2, 0, 2)),
    ((3, 4), 1.5, (0, 1, 0, 0)),
    ((4, 5), 2.0, (0, 2, 0, 1)),
    ((6, 6), 1.0, (0, 0, 0, 0)),
])
def test_pad_to_aspect_ratio(size, aspect_ratio, pads) -> None:
    hm = HeatmapsOnImage(np.ones(size, dtype=np.float32), shape=size)
    padded, amounts = hm.pad_to_aspect_ratio(aspect_ratio, return_pad_amounts=True)
    assert amounts == pads
    top, right, bottom, left = pads
    assert padded.arr_0to1.shape[0:2] == (size[0] + top + bottom, size[1] + left + right)
    assert hm.pad_to_aspect_ratio(aspect_ratio).arr_0to1.shape == padded.arr_0to1.shape
    with pytest.raises(ValueError, match="aspect_ratio"):
        hm.pad_to_aspect_ratio(0)


# ---- pooling ---------------------------------------------------------------------------------
def test_avg_and_max_pool_match_block_reductions() -> None:
    arr = _ramp(4, 6, 2)
    hm = HeatmapsOnImage(arr, shape=(4, 6), min_value=-1.0, max_value=1.0)
    blocks = hm.arr_0to1.reshape(2, 2, 3, 2, 2)
    avg, mx = hm.avg_pool(2), hm.max_pool(2)
    assert np.allclose(avg.arr_0to1, blocks.mean(axis=(1, 3)))
    assert np.allclose(mx.arr_0to1, blocks.max(axis=(1, 3)))
    assert (avg.min_value, avg.max_value) == (-1.0, 1.0)
    assert hm.max_pool((2, 3)).arr_0to1.shape == (2, 2, 2)


def test_pooling_keeps_2d_arrays_2d() -> None:
    hm = HeatmapsOnImage(_ramp(5, 5), shape=(5, 5))
    assert hm.avg_pool(2).get_arr().shape == (3, 3)


# ---- resizing --------------------------------------------------------------------------------
@pytest.mark.parametrize("sizes, expected_hw", [
    (2.0, (12, 16)), (0.5, (3, 4)), ((9, 5), (9, 5)), ((0.5, 2.0), (3, 16)), (3, (3, 3)),
])
def test_resize_sizes(sizes, expected_hw) -> None:
    hm = HeatmapsOnImage(_ramp(6, 8, 2), shape=(6, 8))
    resized = hm.resize(sizes)
    assert resized.arr_0to1.shape == expected_hw + (2,)
    ref = np.clip(cv2.resize(hm.arr_0to1, expected_hw[::-1], interpolation=cv2.INTER_CUBIC),
                  0, 1)
    assert np.allclose(resized.arr_0to1, ref)
    assert resized.arr_0to1.min() >= 0.0 and resized.arr_0to1.max() <= 1.0


@pytest.mark.parametrize("interpolation, flag", [
    ("nearest", cv2.INTER_NEAREST), ("linear", cv2.INTER_LINEAR), ("area", cv2.INTER_AREA),
    (cv2.INTER_CUBIC, cv2.INTER_CUBIC),
])
def test_resize_interpolations(interpolation, flag) -> None:
    hm = HeatmapsOnImage(_ramp(6, 8), shape=(6, 8))
    resized = hm.resize((4, 5), interpolation=interpolation)
    ref = cv2.resize(hm.arr_0to1[..., 0], (5, 4), interpolation=flag)
    assert np.allclose(resized.arr_0to1[..., 0], np.clip(ref, 0, 1))
    assert resized.get_arr().shape == (4, 5)


def test_resize_many_channels_and_bad_arguments() -> None:
    hm = HeatmapsOnImage(_ramp(4, 4, 600), shape=(4, 4))
    assert hm.resize((8, 8), interpolation="linear").arr_0to1.shape == (8, 8, 600)
    with pytest.raises(ValueError, match="interpolation"):
        hm.resize((8, 8), interpolation="bicubic")
    with pytest.raises(ValueError, match="sizes"):
        hm.resize((8, 8, 8))
    with pytest.raises(ValueError, match="sizes"):
        hm.resize(-1.0)


def test_scale_is_a_deprecated_alias() -> None:
    hm = HeatmapsOnImage(_ramp(), shape=(6, 8))
    with pytest.warns(ia.DeprecationWarning):
        scaled = hm.scale(2.0)
    assert scaled.arr_0to1.shape == (12, 16, 1)


# ---- copies and pickling ---------------------------------------------------------------------
def test_copy_and_deepcopy_are_independent() -> None:
    hm = HeatmapsOnImage(_ramp(), shape=(6, 8), min_value=-1.0, max_value=3.0)
    original = hm.arr_0to1[0, 0, 0]
    for copy in (hm.copy(), hm.deepcopy()):
        assert copy.arr_0to1 is not hm.arr_0to1
        assert np.array_equal(copy.get_arr(), hm.get_arr())
        assert (copy.shape, copy.min_value, copy.max_value) == (hm.shape, -1.0, 3.0)
        copy.arr_0to1[0, 0, 0] = 0.75
    assert hm.arr_0to1[0, 0, 0] == original


def test_pickle_round_trip() -> None:
    hm = HeatmapsOnImage(_ramp(channels=2), shape=(6, 8, 3), min_value=0.0, max_value=5.0)
    restored = pickle.loads(pickle.dumps(hm))
    assert np.array_equal(restored.arr_0to1, hm.arr_0to1)
    assert (restored.shape, restored.min_value, restored.max_value) == ((6, 8, 3), 0.0, 5.0)
