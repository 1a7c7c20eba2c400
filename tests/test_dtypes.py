"""imgaug2.dtypes: normalisation, value ranges, clipping, conversion and gating."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from imgaug2 import dtypes as iadt


class _Aug:
    name = "MyAug"


def test_normalize_dtype():
    assert iadt.normalize_dtype("uint8") == np.dtype("uint8")
    assert iadt.normalize_dtype(np.float32) == np.dtype("float32")
    assert iadt.normalize_dtype(np.zeros(1, np.int16)) == np.dtype("int16")
    assert iadt.normalize_dtype(np.float64(1)) == np.dtype("float64")
    assert iadt.normalize_dtypes([np.uint8, "int8"]) == [np.dtype("uint8"), np.dtype("int8")]
    assert iadt.normalize_dtypes("bool") == [np.dtype("bool")]
    with pytest.raises(TypeError):
        iadt.normalize_dtype(["uint8"])
    with pytest.raises(TypeError):
        iadt.normalize_dtype("nonsense")


def test_get_value_range_of_dtype():
    assert iadt.get_value_range_of_dtype("uint8") == (0, 127.5, 255)
    assert iadt.get_value_range_of_dtype(np.int16) == (-32768, -0.5, 32767)
    assert iadt.get_value_range_of_dtype("bool") == (0, None, 1)
    low, center, high = iadt.get_value_range_of_dtype("float16")
    assert (low, center, high) == (-65504.0, 0.0, 65504.0)
    assert iadt.get_value_range_of_dtype(np.zeros(1, np.uint64))[2] == 2**64 - 1
    with pytest.raises(ValueError, match="complex"):
        iadt.get_value_range_of_dtype(np.complex64)


def test_clip_is_in_place_and_exact():
    arr = np.array([-5, 0, 100, 300], np.int16)
    out = iadt.clip_(arr, 0, 255)
    assert out is arr and arr.tolist() == [0, 0, 100, 255]
    ints = np.array([1, 5, 9], np.int32)
    assert iadt.clip_(ints, 2.5, 7.5).tolist() == [3, 5, 7]  # bounds rounded inwards
    assert iadt.clip_(np.array([0, 255], np.uint8), -10, 1000).tolist() == [0, 255]
    big = np.array([0, 2**62], np.int64)
    assert iadt.clip_(big, None, 2**61).tolist() == [0, 2**61] and big.dtype == np.int64
    scalar = iadt.clip_(np.array(7.0), 0.0, 1.0)
    assert scalar == 1.0
    floats = np.array([np.nan, -2.0, 2.0])
    iadt.clip_(floats, -1.0, 1.0)
    assert np.isnan(floats[0]) and floats[1:].tolist() == [-1.0, 1.0]
    boolean = np.array([True, False])
    assert iadt.clip_(boolean, 0, 0).tolist() == [False, False]
    assert iadt.clip_(np.array([1, 2], np.uint8), None, None).tolist() == [1, 2]
    with pytest.raises(TypeError):
        iadt.clip_([1, 2], 0, 1)


def test_clip_to_dtype_value_range():
    arr = np.array([-1.0, 300.0])
    with pytest.raises(ValueError, match="outside"):
        iadt.clip_to_dtype_value_range_(arr.copy(), np.uint8)
    assert iadt.clip_to_dtype_value_range_(arr.copy(), np.uint8, validate=False).tolist() == [
        0.0, 255.0]
    ok = np.array([5.0, 300.0])
    assert iadt.clip_to_dtype_value_range_(ok, np.uint8, validate=1).tolist() == [5.0, 255.0]
    with pytest.raises(ValueError, match="outside"):
        iadt.clip_to_dtype_value_range_(ok, np.uint8, validate_values=(0, 999))


def test_change_dtype_rounds_and_clips():
    arr = np.array([-3.6, 0.4, 0.5, 1.5, 254.6, 300.0])
    out = iadt.change_dtype_(arr.copy(), np.uint8)
    assert out.dtype == np.uint8 and out.tolist() == [0, 0, 0, 2, 255, 255]
    assert iadt.change_dtype_(np.array([1.7]), "int8", round=False).tolist() == [1]
    assert iadt.change_dtype_(np.array([-300, 300], np.int16), np.int8).tolist() == [-128, 127]
    assert iadt.change_dtype_(np.array([70000], np.int32), np.float16).tolist() == [65504.0]
    assert iadt.change_dtype_(np.array([0.2, 0.7]), bool).tolist() == [False, True]
    same = np.zeros(2, np.uint8)
    assert iadt.change_dtype_(same, "uint8") is same
    images = [np.array([1.4]), np.array([300.0])]
    result = iadt.change_dtypes_(images, [np.uint8, np.int16])
    assert result is images and images[0].dtype == np.uint8 and images[1].tolist() == [300]
    batch = iadt.restore_dtypes_(np.array([[1.6], [2.2]]), [np.uint8, np.uint8])
    assert batch.dtype == np.uint8 and batch.ravel().tolist() == [2, 2]
    with pytest.raises(ValueError, match="one dtype"):
        iadt.change_dtypes_(np.zeros((2, 1)), [np.uint8, np.int8])
    with pytest.raises(ValueError, match="2 dtypes for 1 images"):
        iadt.change_dtypes_([np.zeros(1)], [np.uint8, np.int8])
    assert iadt.copy_dtypes_for_restore(np.zeros((2, 1), np.int8)) == np.int8
    assert iadt.copy_dtypes_for_restore(np.zeros((2, 1), np.int8), force_list=True) == [
        np.int8, np.int8]


def test_itemsize_and_promotion():
    assert iadt.increase_itemsize_of_dtype(np.uint8, 2) == np.dtype("uint16")
    assert iadt.increase_itemsize_of_dtype("int16", 4) == np.dtype("int64")
    with pytest.raises(ValueError, match="factor"):
        iadt.increase_itemsize_of_dtype(np.uint8, 3)
    with pytest.raises(ValueError, match="bool"):
        iadt.increase_itemsize_of_dtype(bool, 2)
    with pytest.raises(TypeError, match="i16"):
        iadt.increase_itemsize_of_dtype(np.int64, 2)
    assert iadt.get_minimal_dtype([np.zeros(1, np.uint8), np.zeros(1, np.int8)]) == np.int16
    assert iadt.get_minimal_dtype([np.uint8, np.float16], increase_itemsize_factor=2) == (
        np.float32)
    with pytest.raises(ValueError):
        iadt.get_minimal_dtype([])
    arrays = [np.zeros(1, np.uint8), np.zeros(1, np.int8)]
    promoted = iadt.promote_array_dtypes_(arrays)
    assert [a.dtype for a in promoted] == [np.int16, np.int16]
    widened = iadt.increase_array_resolutions_([np.zeros(1, np.uint8), np.zeros(1, np.float16)],
                                               2)
    assert [a.dtype for a in widened] == [np.uint16, np.float32]
    assert iadt.increase_array_resolutions_(np.zeros((2, 2), np.int8), 4).dtype == np.int32


def test_convert_dtype_strs_to_types():
    parsed = iadt._convert_dtype_strs_to_types("uint8  float32 float128 bool")
    assert {np.dtype("uint8"), np.dtype("float32"), np.dtype("bool")} <= parsed
    assert iadt._convert_dtype_strs_to_types("") == frozenset()
    with pytest.raises(ValueError, match="uint7"):
        iadt._convert_dtype_strs_to_types("uint8 uint7")


def test_gate_dtypes_strs():
    aug = _Aug()
    iadt.gate_dtypes_strs(np.zeros(1, np.uint8), "uint8 uint16", "float32", augmenter=aug)
    iadt.gate_dtypes_strs([np.zeros(1, np.uint8), np.uint16], "uint8 uint16", "float32")
    with pytest.raises(ValueError, match=r"'float32' in augmenter 'MyAug' \(class '_Aug'\)"):
        iadt.gate_dtypes_strs([np.zeros(1, np.float32)], "uint8", "float32", augmenter=aug)
    with pytest.raises(ValueError, match="'float32'"):
        iadt.gate_dtypes_strs(np.dtype("float32"), "uint8", "float32")
    with pytest.warns(UserWarning, match="neither explicitly allowed"):
        iadt.gate_dtypes_strs(np.zeros(1, np.int8), "uint8", "float32", augmenter=aug)
    with pytest.raises(ValueError, match="both allowed and disallowed"):
        iadt.gate_dtypes_strs(np.zeros(1, np.uint8), "uint8", "uint8")


def test_gate_dtypes_with_lists_like_imgaug_040():
    iadt.gate_dtypes(np.zeros(1, np.uint8), allowed=["uint8", "float32"],
                     disallowed=["int8", "uint128", "float256"])
    with pytest.raises(ValueError, match="int8"):
        iadt.gate_dtypes([np.zeros(1, np.int8)], allowed=["uint8"], disallowed=["int8"])
    with pytest.raises(ValueError, match="at least one"):
        iadt.gate_dtypes(np.zeros(1, np.uint8), allowed=[], disallowed=["int8"])


def test_allow_only_uint8():
    iadt.allow_only_uint8(np.zeros(1, np.uint8))
    iadt.allow_only_uint8([np.zeros(1, np.uint8), np.zeros(2, np.uint8)], augmenter=_Aug())
    for dtype in ("float32", "bool", "int64", "uint16"):
        with pytest.raises(ValueError, match=f"'{dtype}' in augmenter 'MyAug'"):
            iadt.allow_only_uint8([np.zeros(1, dtype)], augmenter=_Aug())


def test_check_images_dtypes():
    aug = _Aug()
    iadt.check_images_dtypes([], "uint8", "float32", aug)
    iadt.check_images_dtypes(None, "uint8", "float32", aug)
    iadt.check_images_dtypes(np.zeros((2, 3, 3), np.uint8), "uint8", "float32", aug)
    iadt.check_images_dtypes([np.zeros((3, 3), np.uint8)] * 3, "uint8", "float32", aug)
    with pytest.raises(ValueError, match=r"'float32' in augmenter 'MyAug'"):
        iadt.check_images_dtypes([np.zeros(1, np.uint8), np.zeros(1, np.float32)], "uint8",
                                 "float32", aug)
    with pytest.raises(ValueError, match="'float32'"):
        iadt.check_images_dtypes(np.zeros((1, 2, 2), np.float32), "uint8", "float32", aug)
    with pytest.raises(TypeError, match=r"images\[1\]"):
        iadt.check_images_dtypes([np.zeros(1, np.uint8), [1, 2]], "uint8", "float32", aug)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        iadt.check_images_dtypes([np.zeros(1, np.int8)], "uint8", "float32", aug)
    assert any("MyAug" in str(w.message) for w in caught)


def test_check_no_nan():
    iadt.check_no_nan([np.zeros((2, 2), np.float32), np.zeros((2, 2), np.uint8)], "images")
    iadt.check_no_nan([], "images")
    iadt.check_no_nan(np.zeros((0, 2), np.float32), "images")
    bad = np.zeros((2, 2), np.float16)
    bad[1, 1] = np.nan
    with pytest.raises(ValueError, match=r"images\[1\] contains NaN"):
        iadt.check_no_nan([np.zeros((2, 2)), bad], "images")
    with pytest.raises(ValueError, match="heatmap contains NaN"):
        iadt.check_no_nan(bad, "heatmap")
