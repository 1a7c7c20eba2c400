"""Kernels of the geometric family: dtype-aware warps, matrices, rot90, piecewise maps."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from imgaug2.augmenters._kernels.geometric import affine as KA
from imgaug2.augmenters._kernels.geometric import perspective as KPe
from imgaug2.augmenters._kernels.geometric import piecewise as KP
from imgaug2.augmenters._kernels.geometric import rot90 as KR
from imgaug2.augmenters._kernels.geometric import warp as W

_DTYPES = ["bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "float16", "float32",
           "float64"]


def _values(dtype: np.dtype, shape=(9, 11, 3), seed=0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if dtype.kind == "b":
        return rng.random(shape) > 0.5
    if dtype.kind == "f":
        return (rng.random(shape) * 100 - 50).astype(dtype)
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=dtype)


@pytest.mark.parametrize("dtype", _DTYPES)
@pytest.mark.parametrize("interpolation", [cv2.INTER_NEAREST, cv2.INTER_LINEAR, cv2.INTER_CUBIC])
def test_integer_shifts_are_exact_for_every_dtype(dtype: str, interpolation: int) -> None:
    dt = np.dtype(dtype)
    arr = _values(dt)
    matrix = KA.translation_matrix(2, 1)
    expected = np.roll(np.roll(arr, 2, axis=1), 1, axis=0)
    # OpenCV's bicubic float64 warp (also used for int32/uint32) weighs with float32
    # precision and is inexact next to wrapped borders: compare its interior, relatively
    inner = (slice(3, -2), slice(4, -2))

    def check(out: np.ndarray) -> None:
        assert out.dtype == dt
        if interpolation == cv2.INTER_CUBIC and dt.itemsize >= 4 and dt.kind != "f" or (
                interpolation == cv2.INTER_CUBIC and dt == np.float64):
            a, b = out[inner].astype(np.float64), expected[inner].astype(np.float64)
            assert np.all(np.abs(a - b) <= 1e-6 * np.abs(b) + 1)
        else:
            assert np.array_equal(out[inner], expected[inner])

    out = W.warp_affine(arr, matrix, arr.shape[:2], interpolation, cv2.BORDER_WRAP)
    check(out)
    if interpolation != cv2.INTER_CUBIC:
        assert np.array_equal(out, expected)
    ys, xs = np.mgrid[0:9, 0:11].astype(np.float32)
    check(W.remap(arr, xs - 2, ys - 1, interpolation, cv2.BORDER_WRAP))


@pytest.mark.parametrize("dtype", ["int8", "int32", "uint32", "int16", "uint16"])
def test_linear_results_are_rounded_and_clipped(dtype: str) -> None:
    dt = np.dtype(dtype)
    info = np.iinfo(dt)
    arr = np.zeros((2, 4, 1), dtype=dt)
    arr[:, :2] = info.min
    arr[:, 2:] = info.max
    matrix = KA.translation_matrix(0.5, 0)
    out = W.warp_affine(arr, matrix, (2, 4), cv2.INTER_LINEAR, cv2.BORDER_REPLICATE)
    expected = np.round((int(info.min) + int(info.max)) / 2)
    assert abs(int(out[0, 2, 0]) - expected) <= 1
    assert out[0, 3, 0] == info.max and out[0, 0, 0] == info.min


def test_bool_uses_threshold_half() -> None:
    arr = np.zeros((1, 4, 1), dtype=bool)
    arr[0, 2:] = True
    out = W.warp_affine(arr, KA.translation_matrix(0.75, 0), (1, 4), cv2.INTER_LINEAR,
                        cv2.BORDER_REPLICATE)
    assert out[0, :, 0].tolist() == [False, False, False, True]


def test_unsupported_dtypes_raise() -> None:
    with pytest.raises(ValueError, match="int64"):
        W.warp_affine(np.zeros((3, 3, 1), np.int64), np.eye(3), (3, 3), cv2.INTER_LINEAR,
                      cv2.BORDER_CONSTANT)


def test_cval_is_clipped_and_per_channel() -> None:
    arr = np.zeros((3, 3, 2), dtype=np.int8)
    out = W.warp_affine(arr, KA.translation_matrix(5, 0), (3, 3), cv2.INTER_LINEAR,
                        cv2.BORDER_CONSTANT, [1000, -1000])
    assert out[0, 0].tolist() == [127, -128]
    assert W.channel_cvals([1, 2], 4, np.dtype(np.uint8)) == [1, 2, 2, 2]
    assert W.clip_cval(0.7, np.dtype(bool)) == 0.7


def test_zero_channels_and_output_size() -> None:
    out = W.warp_affine(np.zeros((4, 5, 0), np.uint8), np.eye(3), (6, 7), cv2.INTER_LINEAR,
                        cv2.BORDER_CONSTANT)
    assert out.shape == (6, 7, 0)


def test_rescale_matrix_maps_the_same_content() -> None:
    matrix = KA.affine_matrix(40, 60, 1.2, 0.9, 3.0, -2.0, 20.0, 5.0, -7.0)
    small = W.rescale_matrix(matrix, (40, 60), (20, 30))
    # continuous point p of the image <-> p/2 of the half-size array
    pts = np.array([[10.0, 5.0], [33.3, 27.1]])
    big = W.transform_points_affine(pts, W.index_to_coords_matrix(matrix))
    half = W.transform_points_affine(pts / 2, W.index_to_coords_matrix(small))
    assert np.allclose(half * 2, big)
    assert W.rescale_size((41, 61), (40, 60), (20, 30)) == (20, 30)


def test_coordinate_matrix_conjugation() -> None:
    matrix = KA.affine_matrix(10, 20, rotate_deg=33)
    assert np.allclose(W.coords_to_index_matrix(W.index_to_coords_matrix(matrix)), matrix)
    # pixel centre (col, row) -> (col + .5, row + .5)
    p_index = W.transform_points_affine(np.array([[3.0, 4.0]]), matrix)
    p_coords = W.transform_points_affine(np.array([[3.5, 4.5]]),
                                         W.index_to_coords_matrix(matrix))
    assert np.allclose(p_index + 0.5, p_coords)


def test_affine_matrix_keeps_the_centre_and_fit_output_bounds() -> None:
    matrix = KA.affine_matrix(31, 41, 1.5, 0.7, 0, 0, 40, 10, 20)
    centre = W.transform_points_affine(np.array([[20.0, 15.0]]), matrix)
    assert np.allclose(centre, [[20.0, 15.0]])
    fitted, out_h, out_w = KA.fit_output(matrix, 31, 41)
    corners = W.transform_points_affine(
        np.array([[0, 0], [40, 0], [40, 30], [0, 30]], dtype=float), fitted)
    assert np.isclose(corners.min(), 0.0)
    assert corners[:, 0].max() <= out_w - 1 + 1e-9 and corners[:, 1].max() <= out_h - 1 + 1e-9
    assert corners[:, 0].max() > out_w - 2 and corners[:, 1].max() > out_h - 2
    assert KA.is_identity(np.eye(3)) and not KA.is_identity(matrix)


@pytest.mark.parametrize("dtype", _DTYPES + ["uint64", "int64"])
@pytest.mark.parametrize("channels", [None, 1, 3, 5])
def test_rot90_matches_numpy(dtype: str, channels) -> None:
    shape = (5, 7) if channels is None else (5, 7, channels)
    arr = _values(np.dtype(dtype), shape)
    for k in range(-1, 6):
        out = KR.rot90(arr, k)
        assert out.dtype == arr.dtype and out.flags["C_CONTIGUOUS"]
        assert np.array_equal(out, np.rot90(arr, k, axes=(1, 0)))


def test_rot90_points_follow_the_array() -> None:
    arr = np.zeros((5, 7), dtype=np.uint8)
    arr[1, 4] = 1
    for k in range(4):
        pts = KR.rot90_points(np.array([[4.5, 1.5]]), k, 5, 7)
        ys, xs = np.nonzero(KR.rot90(arr, k))
        assert np.allclose(pts, [[xs[0] + 0.5, ys[0] + 0.5]])


def test_piecewise_map_is_piecewise_affine() -> None:
    rng = np.random.default_rng(1)
    height, width = 21, 33
    dst = KP.destinations(height, width, 3, 4, rng.normal(0, 2, size=(12, 2)))
    remap_map = KP.inverse_map(height, width, dst)
    ys, xs = KP.grid_coordinates(height, width, 3, 4)
    # grid vertices inside the image map exactly to their destinations
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            if y < height and x < width and y == int(y) and x == int(x):
                assert np.allclose(remap_map[int(y), int(x)], dst[i, j], atol=1e-4)
    # independent barycentric evaluation at every pixel
    for row in range(height):
        for col in range(width):
            i = min(int(np.searchsorted(ys, row, side="right")) - 1, len(ys) - 2)
            j = min(int(np.searchsorted(xs, col, side="right")) - 1, len(xs) - 2)
            u = (col - xs[j]) / (xs[j + 1] - xs[j])
            v = (row - ys[i]) / (ys[i + 1] - ys[i])
            if u >= v:  # triangle (i,j) (i,j+1) (i+1,j+1)
                w = (1 - u, u - v, v)
                corners = (dst[i, j], dst[i, j + 1], dst[i + 1, j + 1])
            else:  # triangle (i,j) (i+1,j) (i+1,j+1)
                w = (1 - v, v - u, u)
                corners = (dst[i, j], dst[i + 1, j], dst[i + 1, j + 1])
            expected = sum(wk * ck for wk, ck in zip(w, corners))
            assert np.allclose(remap_map[row, col], expected, atol=1e-3)


def test_piecewise_points_invert_the_map() -> None:
    rng = np.random.default_rng(2)
    height, width = 40, 50
    dst = KP.destinations(height, width, 4, 5, rng.normal(0, 1.5, size=(20, 2)))
    remap_map = KP.inverse_map(height, width, dst)
    pixels = np.array([[5, 7], [20, 30], [44, 12], [1, 38]])
    q = remap_map[pixels[:, 1], pixels[:, 0]].astype(np.float64)  # T(p) for pixel p
    assert np.allclose(KP.map_points(q, height, width, dst), pixels, atol=1e-3)


def test_perspective_corner_ordering_and_fit() -> None:
    corners = KPe.corners_from_jitter(np.zeros((4, 2)), 20, 30)
    matrix, out_h, out_w = KPe.perspective_matrix(corners)
    assert (out_h, out_w) == (20, 30) and np.allclose(matrix, np.eye(3), atol=1e-9)
    shuffled = corners[[2, 0, 3, 1]]
    assert np.array_equal(KPe.order_corners(shuffled), corners)
    corners = KPe.corners_from_jitter(np.full((4, 2), 0.1), 20, 30)
    matrix, out_h, out_w = KPe.perspective_matrix(corners)
    assert (out_h, out_w) == (16, 24)
    expanded, fit_h, fit_w = KPe.expand_to_fit(matrix, 20, 30)
    assert (fit_h, fit_w) == (20, 30)
    # degenerate quads are widened to at least 2 pixels
    corners = KPe.corners_from_jitter(np.full((4, 2), 0.499), 4, 4)
    _, out_h, out_w = KPe.perspective_matrix(corners)
    assert out_h >= 2 and out_w >= 2


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "int16", "float32", "float64"])
def test_bilinear_remap_samples_at_one_32nd_pixel_as_opencv4(dtype: str) -> None:
    """imgaug 0.4.0 ran on OpenCV 4, whose remap rounded float maps to 1/32 pixel for every
    dtype; OpenCV 5 interpolates float maps exactly. Bilinear remaps keep OpenCV 4's values."""
    ramp = np.tile((np.arange(8) * 32).astype(dtype)[None, :, None], (4, 1, 1))
    grid_x = np.tile(np.arange(8, dtype=np.float32)[None, :], (4, 1))
    grid_y = np.tile(np.arange(4, dtype=np.float32)[:, None], (1, 8))
    # 0.01 px rounds to 0/32: an exact copy (interpolating exactly would add 0.32)
    out = W.remap(ramp, grid_x + 0.01, grid_y, cv2.INTER_LINEAR, cv2.BORDER_REPLICATE)
    assert np.array_equal(out, ramp)
    # 1/32 px is one step: 32 / 32 = 1 level added
    out = W.remap(ramp, grid_x + 1 / 32, grid_y, cv2.INTER_LINEAR, cv2.BORDER_REPLICATE)
    assert np.array_equal(out[:, :-1, 0].astype(np.float64), ramp[:, :-1, 0] + 1.0)
