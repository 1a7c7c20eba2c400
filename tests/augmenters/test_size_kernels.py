"""Kernels of the size augmenters (imgaug2/augmenters/_kernels/size.py) vs direct formulas."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from imgaug2.augmenters._kernels import size as K


def test_prevent_zero_sizes_keeps_at_least_one_pixel() -> None:
    for size, start, end in itertools.product(range(0, 7), range(0, 9), range(0, 9)):
        s, e = K.prevent_zero_sizes_after_crops_([size], [start], [end])
        s, e = int(s[0]), int(e[0])
        assert s >= 0 and e >= 0
        if size == 0:
            assert (s, e) == (0, 0)
        elif size - start - end >= 1:
            assert (s, e) == (start, end)
        else:
            assert size - s - e == 1
            assert s <= start and e <= end


def test_prevent_zero_sizes_is_vectorised_and_does_not_mutate() -> None:
    start = np.array([9, 0, 2])
    end = np.array([9, 15, 2])
    s, e = K.prevent_zero_sizes_after_crops_(np.array([10, 10, 10]), start, end)
    assert s.tolist() == [4, 0, 2] and e.tolist() == [5, 9, 2]
    assert start.tolist() == [9, 0, 2] and end.tolist() == [9, 15, 2]


def test_crop_view_is_view_and_matches_slicing() -> None:
    arr = np.arange(10 * 12 * 2).reshape(10, 12, 2)
    out = K.crop_view(arr, (1, 2, 3, 4))
    assert np.shares_memory(out, arr)
    assert np.array_equal(out, arr[1:7, 4:10])
    assert K.crop_view(arr, (0, 0, 0, 0)) is arr
    assert K.crop_view(arr, (50, 0, 50, 0)).shape[0] == 1


def test_compute_shape_after_crop_and_pad() -> None:
    assert K.compute_shape_after_crop_and_pad((10, 12, 3), (1, 2, 3, 4), (5, 6, 7, 8)) == (
        10 - 4 + 12, 12 - 6 + 14, 3)
    assert K.compute_shape_after_crop_and_pad((10, 12), (20, 0, 20, 0), (0, 0, 0, 0)) == (1, 12)


def test_project_size_changes_half_sized_map_keeps_proportion() -> None:
    # image height 8, map height 4, crop 3 at top and bottom -> 3 of 4 map rows, not 4
    assert K.project_size_changes((3, 0, 3, 0), (8, 8), (4, 4)) == (1, 0, 2, 0)
    assert K.project_size_changes((2, 4, 6, 8), (10, 10), (10, 10)) == (2, 4, 6, 8)
    assert K.project_size_changes((10, 10, 0, 0), (100, 50), (50, 100)) == (5, 20, 0, 0)


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap"])
def test_crop_and_pad_arr_matches_numpy(mode: str) -> None:
    rng = np.random.default_rng(0)
    arr = rng.integers(0, 255, size=(9, 11, 3)).astype(np.uint8)
    out = K.crop_and_pad_arr(arr, (1, 2, 0, 3), (2, 0, 3, 1), pad_mode=mode, pad_cval=7)
    cropped = arr[1:9, 3:9]
    kwargs = {"constant_values": 7} if mode == "constant" else {}
    expected = np.pad(cropped, ((2, 3), (1, 0), (0, 0)), mode=mode, **kwargs)
    assert out.dtype == np.uint8
    assert np.array_equal(out, expected)


def test_crop_and_pad_arr_keep_size_resizes_back() -> None:
    import cv2

    arr = np.random.default_rng(1).integers(0, 255, size=(20, 30, 3)).astype(np.uint8)
    out = K.crop_and_pad_arr(arr, (2, 3, 4, 5), (0, 0, 0, 0), keep_size=True,
                             interpolation="linear")
    expected = cv2.resize(np.ascontiguousarray(arr[2:16, 5:27]), (30, 20),
                          interpolation=cv2.INTER_LINEAR)
    assert out.shape == arr.shape
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1


def test_crop_and_pad_map_arr_projects_amounts() -> None:
    arr = np.arange(5 * 6, dtype=np.float32).reshape(5, 6, 1)
    out = K.crop_and_pad_map_arr(arr, (10, 12), (2, 0, 0, 4), (0, 2, 0, 0), 0.0)
    # crop top 1, left 2 on the half-sized map; pad right 1 with zeros
    expected = np.pad(arr[1:, 2:], ((0, 0), (0, 1), (0, 0)))
    assert np.array_equal(out, expected)
    assert not np.shares_memory(out, arr)


def test_fixed_size_amounts_follow_position() -> None:
    assert K.paddings_for_fixed_size(10, 10, 14, 16, 0.5, 0.5) == (2, 3, 2, 3)
    assert K.paddings_for_fixed_size(10, 10, 14, 16, 0.0, 0.0) == (4, 0, 0, 6)
    assert K.paddings_for_fixed_size(10, 10, 14, 16, 1.0, 1.0) == (0, 6, 4, 0)
    assert K.paddings_for_fixed_size(20, 20, 14, None, 0.5, 0.5) == (0, 0, 0, 0)
    assert K.croppings_for_fixed_size(14, 16, 10, 10, 0.5, 0.5) == (2, 3, 2, 3)
    assert K.croppings_for_fixed_size(14, 16, 10, 10, 0.0, 0.0) == (4, 0, 0, 6)
    assert K.croppings_for_fixed_size(14, 16, 10, 10, 1.0, 1.0) == (0, 6, 4, 0)
    assert K.croppings_for_fixed_size(8, 8, 10, None, 0.5, 0.5) == (0, 0, 0, 0)


@pytest.mark.parametrize("shape", [(10, 10), (10, 30), (30, 10), (7, 13, 3), (1, 50), (50, 1)])
@pytest.mark.parametrize("ratio", [0.5, 1.0, 4 / 3, 2.0])
def test_croppings_to_reach_aspect_ratio(shape: tuple, ratio: float) -> None:
    top, right, bottom, left = K.compute_croppings_to_reach_aspect_ratio(shape, ratio)
    h, w = shape[0] - top - bottom, shape[1] - left - right
    assert h >= 1 and w >= 1
    assert min(top, right, bottom, left) >= 0
    assert abs(top - bottom) <= 1 and abs(left - right) <= 1
    if top or bottom:
        assert right == left == 0
        assert h == 1 or abs(h - w / ratio) < 1
    if left or right:
        assert top == bottom == 0
        assert w == 1 or abs(w - h * ratio) < 1


def test_croppings_to_reach_multiples_of() -> None:
    assert K.compute_croppings_to_reach_multiples_of((10, 13), 4, 5) == (1, 2, 1, 1)
    assert K.compute_croppings_to_reach_multiples_of((12, 15, 3), 4, 5) == (0, 0, 0, 0)
    assert K.compute_croppings_to_reach_multiples_of((10, 13), None, 5) == (0, 2, 0, 1)
    assert K.compute_croppings_to_reach_multiples_of((3, 4), 5, 5) == (0, 0, 0, 0)
    with pytest.raises(ValueError, match="height_multiple"):
        K.compute_croppings_to_reach_multiples_of((3, 4), 0, 5)


def test_croppings_to_reach_powers_of() -> None:
    assert K.compute_croppings_to_reach_powers_of((17, 1000), 2, 10) == (0, 0, 1, 0)
    assert K.compute_croppings_to_reach_powers_of((31, 9), 2, 3) == (7, 0, 8, 0)
    assert K.compute_croppings_to_reach_powers_of((3, 9), 5, None) == (0, 0, 0, 0)
    assert K.compute_croppings_to_reach_powers_of((3, 9), 5, None, allow_zero_exponent=True) \
        == (1, 0, 1, 0)
    with pytest.raises(ValueError, match="width_base"):
        K.compute_croppings_to_reach_powers_of((3, 4), 2, 1)


@pytest.mark.parametrize("size", list(range(0, 70)) + [242, 243, 244, 999, 1000, 1001])
@pytest.mark.parametrize("base", [2, 3, 10])
def test_powers_of_are_exact(size: int, base: int) -> None:
    top, _, bottom, _ = K.compute_paddings_to_reach_powers_of((max(size, 0), 5), base, None)
    padded = size + top + bottom
    powers = [base ** e for e in range(1, 10)]
    assert padded in powers and padded >= size
    assert not any(size <= p < padded for p in powers)
    if size >= base:
        top, _, bottom, _ = K.compute_croppings_to_reach_powers_of((size, 5), base, None)
        cropped = size - top - bottom
        assert cropped in powers and cropped <= size
        assert not any(cropped < p <= size for p in powers)


def test_resize_target_hw() -> None:
    assert K.resize_target_hw((10, 20), 5, 6) == (5, 6)
    assert K.resize_target_hw((10, 20), 0.5, 0.5) == (5, 10)
    assert K.resize_target_hw((10, 20), 0.01, 0.01) == (1, 1)
    assert K.resize_target_hw((10, 20), "keep", 7) == (10, 7)
    assert K.resize_target_hw((10, 20), 30, "keep-aspect-ratio") == (30, 60)
    assert K.resize_target_hw((10, 20), "keep-aspect-ratio", 0.5) == (5, 10)
    # shorter side / longer side
    assert K.resize_target_hw((10, 20), 30, "keep-aspect-ratio", "SL") == (30, 60)
    assert K.resize_target_hw((20, 10), 30, "keep-aspect-ratio", "SL") == (60, 30)
    assert K.resize_target_hw((20, 10), np.int64(4), np.float64(0.5), "SL") == (10, 4)
    with pytest.raises(ValueError, match="height"):
        K.resize_target_hw((10, 20), 0, 5)
