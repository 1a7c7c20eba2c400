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


def test_scalar_and_vectorised_zero_size_prevention_agree() -> None:
    cases = list(itertools.product(range(0, 6), range(0, 8), range(0, 8)))
    sizes, starts, ends = (np.array(v) for v in zip(*cases))
    vs, ve = K.prevent_zero_sizes_after_crops_(sizes, starts, ends)
    for i, (size, start, end) in enumerate(cases):
        top, right, bottom, left = K.prevent_zero_size_after_crop_trbl(size, 3, (start, 0, end, 0))
        assert (top, bottom) == (vs[i], ve[i])
        assert (left, right) == (0, 0)


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int8", "int16", "int32", "float16",
                                   "float32", "float64", "bool"])
@pytest.mark.parametrize("channels", [1, 3, 6])
def test_crop_and_pad_into_matches_np_pad(dtype: str, channels: int) -> None:
    rng = np.random.default_rng(2)
    arr = rng.integers(0, 100, size=(9, 11, channels)).astype(dtype)
    for mode, paddings in [("constant", (2, 0, 3, 1)), ("edge", (1, 4, 0, 2)),
                           ("reflect", (2, 3, 1, 0)), ("symmetric", (8, 1, 9, 2)),
                           ("wrap", (3, 12, 0, 1)), ("reflect", (10, 0, 0, 14)),
                           ("mean", (1, 1, 1, 1))]:
        crop = (1, 0, 0, 2)
        shape = K.compute_shape_after_crop_and_pad(arr.shape, crop, paddings)
        out = np.empty(shape, dtype=arr.dtype)
        K.crop_and_pad_into(arr, crop, paddings, mode, 7, out)
        top, right, bottom, left = paddings
        kwargs = {"constant_values": 7} if mode == "constant" else {}
        expected = np.pad(arr[1:, 2:], ((top, bottom), (left, right), (0, 0)), mode=mode,
                          **kwargs)
        if mode == "mean":
            assert np.abs(out.astype(float) - expected.astype(float)).max() <= 1
        else:
            assert np.array_equal(out, expected), (mode, paddings)


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int8", "int16", "int32", "float16",
                                   "float32", "float64", "bool"])
@pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic", 1])
def test_resize_into_matches_imresize(dtype: str, interpolation) -> None:
    from imgaug2 import imgaug as ia

    rng = np.random.default_rng(3)
    image = rng.integers(0, 100, size=(12, 17, 3)).astype(dtype)
    for target in [(6, 8), (20, 31), (12, 17)]:
        out = np.empty((*target, 3), dtype=image.dtype)
        K.resize_into(image, out, interpolation)
        expected = ia.imresize_single_image(image, target, interpolation=interpolation)
        assert np.array_equal(out, expected)


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int8", "int16", "int32", "uint32",
                                   "float16", "float32", "float64", "bool"])
@pytest.mark.parametrize("interpolation", ["nearest", "linear", "area", "cubic", 2])
def test_resize_image_and_resize_images_match_imresize(dtype: str, interpolation) -> None:
    """The direct cv2.resize path equals imgaug2.imgaug.imresize_single_image (the general
    path) for native dtypes, and other dtypes still go through it."""
    from imgaug2 import imgaug as ia

    rng = np.random.default_rng(4)
    images = [rng.integers(0, 100, size=(12, 17, c)).astype(dtype) for c in (1, 3, 4, 6)]
    images.append(rng.integers(0, 100, size=(17, 24, 3)).astype(dtype)[::-1, ::2])  # strided
    for image in images:
        image.flags.writeable = False
    targets = [(6, 8), (20, 31), (5, 5), (12, 17), (3, 40)]
    results = K.resize_images(images, targets, [interpolation] * len(images))
    for image, target, result in zip(images, targets, results):
        expected = ia.imresize_single_image(image, target, interpolation=interpolation)
        assert result.dtype == expected.dtype and result.shape == expected.shape
        assert np.array_equal(result, expected)
        if target == image.shape[0:2]:
            assert result is image
        else:
            single = K.resize_image(image, target[0], target[1], interpolation)
            assert np.array_equal(single, expected) and single is not image


def test_resize_target_hw_rounds_half_to_even_like_numpy() -> None:
    for side in range(1, 60):
        for fraction in (0.5, 0.25, 0.75, 0.1, 1.5, 0.3):
            expected = max(int(np.round(side * fraction)), 1)
            assert K.resize_target_hw((side, side), fraction, fraction) == (expected, expected)
        kar = K.resize_target_hw((side, 2 * side + 1), 3, "keep-aspect-ratio")
        assert kar == (3, max(int(np.round(3 * ((2 * side + 1) / side))), 1))
