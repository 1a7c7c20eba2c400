"""Dtype-aware wrappers around ``cv2.warpAffine``, ``cv2.warpPerspective`` and ``cv2.remap``.

Accepted dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64.
OpenCV handles uint8, uint16, int16, float32 and float64 natively; the others take a round
trip through a wider type (bool -> uint8 for nearest neighbour / float32 otherwise with a
``> 0.5`` threshold back, int8 -> int16, int32/uint32 -> float64 unless nearest neighbour,
float16 -> float32); integer results are rounded and clipped to the input dtype's range.
int64/uint64 are rejected (OpenCV cannot interpolate them and float64 loses precision).
OpenCV's bicubic interpolation of float64 (and hence of int32/uint32) weighs with float32
precision, i.e. results are exact to about 1e-7 relative. Bilinear remaps sample at 1/32
pixel (fixed-point maps), as OpenCV 4.x and therefore imgaug 0.4.0 did for every dtype.

Arrays are ``(H, W, C)`` (any ``C``; more than 4 channels are warped in chunks of 4 when the
border is a per-channel constant). ``cval`` is one number or one number per channel (channel
``c`` uses ``cval[min(c, len(cval) - 1)]``); it is clipped to the dtype's value range.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np

INTERPOLATION_BY_ORDER = {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 2: cv2.INTER_CUBIC,
                          3: cv2.INTER_CUBIC, 4: cv2.INTER_CUBIC, 5: cv2.INTER_CUBIC}
# skimage/numpy mode names (Affine, PiecewiseAffine) -> OpenCV border modes
BORDER_BY_MODE = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                  "symmetric": cv2.BORDER_REFLECT, "reflect": cv2.BORDER_REFLECT_101,
                  "wrap": cv2.BORDER_WRAP}
SUPPORTED_DTYPES = frozenset(np.dtype(d) for d in (
    "bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "float16", "float32",
    "float64"))
SUPPORTED_DTYPES_STR = "bool uint8 uint16 uint32 int8 int16 int32 float16 float32 float64"
UNSUPPORTED_DTYPES_STR = "uint64 int64 float128"
_NATIVE = frozenset(np.dtype(d) for d in ("uint8", "uint16", "int16", "float32", "float64"))
MAX_REMAP_SIDE = 32767  # OpenCV's remap() limit (SHRT_MAX)


def work_dtype(dtype: np.dtype, interpolation: int) -> np.dtype:
    """The dtype that OpenCV warps an array of ``dtype`` in."""
    dtype = np.dtype(dtype)
    nearest = interpolation == cv2.INTER_NEAREST
    if dtype in _NATIVE:
        return dtype
    if dtype.kind == "b":
        return np.dtype(np.uint8) if nearest else np.dtype(np.float32)
    if dtype == np.float16:
        return np.dtype(np.float32)
    if dtype == np.int8:
        return dtype if nearest else np.dtype(np.int16)
    if dtype == np.int32:
        return dtype if nearest else np.dtype(np.float64)
    if dtype == np.uint32:
        return np.dtype(np.float64)
    raise ValueError(
        f"geometric warps support the dtypes {SUPPORTED_DTYPES_STR}; got {dtype.name}")


def restore_dtype(arr: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Convert a warped work array back to ``dtype`` (round + clip for integers)."""
    dtype = np.dtype(dtype)
    if arr.dtype == dtype:
        return arr
    if dtype.kind == "b":
        return arr > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        if arr.dtype.kind == "f":
            arr = np.round(arr)
        return np.clip(arr, info.min, info.max).astype(dtype)
    return arr.astype(dtype)


@functools.cache
def _value_range(dtype: np.dtype) -> tuple[float, float]:
    if dtype.kind == "b":
        return 0.0, 1.0
    info = np.iinfo(dtype) if dtype.kind in "iu" else np.finfo(dtype)
    return float(info.min), float(info.max)


def clip_cval(cval: float, dtype: np.dtype) -> float:
    """Clip a fill value to the value range of ``dtype`` (rounded for integer dtypes)."""
    dtype = np.dtype(dtype)
    low, high = _value_range(dtype)
    value = float(cval)
    if dtype.kind in "iu":
        value = float(round(value))
    return min(max(value, low), high)


def channel_cvals(cval: Any, nb_channels: int, dtype: np.dtype) -> list[float]:
    """One clipped fill value per channel."""
    if isinstance(cval, (int, float, np.integer, np.floating)):  # the common case: one number
        return [clip_cval(cval, dtype)] * nb_channels
    values = np.atleast_1d(np.asarray(cval, dtype=np.float64)).ravel()
    if values.size == 0:
        values = np.zeros((1,), dtype=np.float64)
    return [clip_cval(values[min(c, values.size - 1)], dtype) for c in range(nb_channels)]


def apply_cv2_warp(arr: np.ndarray, out_hw: tuple[int, int], interpolation: int,
                   border_mode: int, cval: Any,
                   warp: Callable[[np.ndarray, tuple], np.ndarray]) -> np.ndarray:
    """Run ``warp(work_array, border_value)`` on ``arr`` with dtype and channel handling.

    ``warp`` receives a contiguous ``(H, W, c)`` array (``c <= 4`` unless the border is not a
    per-channel constant) and a 4-tuple border value, and returns the warped array.
    """
    if arr.ndim != 3:
        raise ValueError(f"expected an (H, W, C) array, got shape {arr.shape}")
    out_h, out_w = int(out_hw[0]), int(out_hw[1])
    nb_channels = arr.shape[2]
    if nb_channels == 0 or arr.shape[0] == 0 or arr.shape[1] == 0 or out_h == 0 or out_w == 0:
        return np.zeros((out_h, out_w, nb_channels), dtype=arr.dtype)
    dtype = arr.dtype
    wdt = work_dtype(dtype, interpolation)
    cvals = channel_cvals(cval, nb_channels, dtype)
    if dtype.kind == "b" and wdt == np.uint8:
        cvals = [float(round(v)) for v in cvals]
    work = arr.astype(wdt) if wdt != dtype else arr
    same_cval = all(v == cvals[0] for v in cvals)
    if nb_channels > 4 and border_mode == cv2.BORDER_CONSTANT and not same_cval:
        # OpenCV's border value has 4 entries; per-channel constants need chunks of 4
        chunks = [(s, min(s + 4, nb_channels)) for s in range(0, nb_channels, 4)]
    else:
        chunks = [(0, nb_channels)]
    parts = []
    for start, end in chunks:
        chunk = np.ascontiguousarray(work[:, :, start:end])
        values = cvals[start:end] if end - start <= 4 else [cvals[0]] * 4
        border_value = tuple(values + [values[-1]] * (4 - len(values)))
        out = warp(chunk, border_value)
        if out.ndim == 2:
            out = out[:, :, np.newaxis]
        parts.append(out)
    result = parts[0] if len(parts) == 1 else np.concatenate(parts, axis=2)
    return restore_dtype(result, dtype)


def warp_affine(arr: np.ndarray, matrix: np.ndarray, out_hw: tuple[int, int],
                interpolation: int, border_mode: int, cval: Any = 0) -> np.ndarray:
    """``cv2.warpAffine`` with a forward 2x3 (or 3x3) matrix in pixel-index coordinates."""
    m = np.asarray(matrix, dtype=np.float64)[:2]
    dsize = (int(out_hw[1]), int(out_hw[0]))

    def _warp(chunk: np.ndarray, border_value: tuple) -> np.ndarray:
        return cv2.warpAffine(chunk, m, dsize, flags=interpolation, borderMode=border_mode,
                              borderValue=border_value)

    return apply_cv2_warp(arr, out_hw, interpolation, border_mode, cval, _warp)


def warp_perspective(arr: np.ndarray, matrix: np.ndarray, out_hw: tuple[int, int],
                     interpolation: int, border_mode: int, cval: Any = 0) -> np.ndarray:
    """``cv2.warpPerspective`` with a forward 3x3 matrix in pixel-index coordinates."""
    m = np.asarray(matrix, dtype=np.float64)
    dsize = (int(out_hw[1]), int(out_hw[0]))

    def _warp(chunk: np.ndarray, border_value: tuple) -> np.ndarray:
        return cv2.warpPerspective(chunk, m, dsize, flags=interpolation,
                                   borderMode=border_mode, borderValue=border_value)

    return apply_cv2_warp(arr, out_hw, interpolation, border_mode, cval, _warp)


def check_remap_size(height: int, width: int) -> None:
    if height >= MAX_REMAP_SIDE or width >= MAX_REMAP_SIDE:
        raise ValueError(
            f"remap-based warps support arrays with sides below {MAX_REMAP_SIDE} (an OpenCV "
            f"limit), got height={height}, width={width}")


def remap(arr: np.ndarray, map_x: np.ndarray, map_y: np.ndarray | None, interpolation: int,
          border_mode: int, cval: Any = 0) -> np.ndarray:
    """``cv2.remap``: ``out[y, x] = arr[map_y[y, x], map_x[y, x]]`` (pixel-index coords).

    ``map_y=None``: ``map_x`` is one float32 ``(H, W, 2)`` map holding x and y.
    """
    out_hw = map_x.shape[0:2]
    check_remap_size(*out_hw)
    check_remap_size(*arr.shape[0:2])
    mx = np.ascontiguousarray(map_x, dtype=np.float32)
    my = None if map_y is None else np.ascontiguousarray(map_y, dtype=np.float32)
    if interpolation == cv2.INTER_LINEAR and mx.size:
        # Fixed-point maps (1/32 pixel): what OpenCV 4.x (and so imgaug 0.4.0) did inside
        # remap with float maps, bit for bit for every dtype; OpenCV 5 interpolates float maps
        # more finely, which differs in up to 60% of the values and is ~1.6x slower.
        mx, my = cv2.convertMaps(mx, my, cv2.CV_16SC2)

    def _warp(chunk: np.ndarray, border_value: tuple) -> np.ndarray:
        return cv2.remap(chunk, mx, my, interpolation, borderMode=border_mode,
                         borderValue=border_value)

    return apply_cv2_warp(arr, out_hw, interpolation, border_mode, cval, _warp)


def transform_points_affine(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Apply a 2x3/3x3 affine matrix to ``(N, 2)`` points (float64 result)."""
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    m = np.asarray(matrix, dtype=np.float64)
    return pts @ m[:2, :2].T + m[:2, 2]


def transform_points_perspective(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Apply a 3x3 projective matrix to ``(N, 2)`` points (float64 result)."""
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    m = np.asarray(matrix, dtype=np.float64)
    homog = pts @ m[:, :2].T + m[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        return homog[:, :2] / homog[:, 2:3]


def index_to_coords_matrix(matrix: np.ndarray) -> np.ndarray:
    """Turn a 3x3 matrix acting on pixel-index coordinates into one acting on continuous
    (keypoint) coordinates: ``T(+0.5) @ M @ T(-0.5)``."""
    shift = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.0, 0.0, 1.0]])
    unshift = np.array([[1.0, 0.0, -0.5], [0.0, 1.0, -0.5], [0.0, 0.0, 1.0]])
    return shift @ np.asarray(matrix, dtype=np.float64) @ unshift


def coords_to_index_matrix(matrix: np.ndarray) -> np.ndarray:
    """Inverse of :func:`index_to_coords_matrix`: ``T(-0.5) @ M @ T(+0.5)``."""
    shift = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.0, 0.0, 1.0]])
    unshift = np.array([[1.0, 0.0, -0.5], [0.0, 1.0, -0.5], [0.0, 0.0, 1.0]])
    return unshift @ np.asarray(matrix, dtype=np.float64) @ shift


def rescale_matrix(matrix: np.ndarray, from_hw: tuple, to_hw: tuple) -> np.ndarray:
    """Express a pixel-index matrix of an array of size ``from_hw`` for an array of size
    ``to_hw`` covering the same image (e.g. a smaller heatmap): conjugation with the
    continuous-coordinate scaling between the two sizes."""
    if tuple(from_hw[0:2]) == tuple(to_hw[0:2]):
        return np.asarray(matrix, dtype=np.float64)
    sy = to_hw[0] / from_hw[0] if from_hw[0] else 1.0
    sx = to_hw[1] / from_hw[1] if from_hw[1] else 1.0
    scale = np.diag([sx, sy, 1.0])
    unscale = np.diag([1.0 / sx if sx else 0.0, 1.0 / sy if sy else 0.0, 1.0])
    return coords_to_index_matrix(scale @ index_to_coords_matrix(matrix) @ unscale)


def rescale_size(size_hw: tuple, from_hw: tuple, to_hw: tuple) -> tuple[int, int]:
    """An output size of the ``from_hw`` array scaled to the ``to_hw`` array (>= 1)."""
    if tuple(from_hw[0:2]) == tuple(to_hw[0:2]):
        return int(size_hw[0]), int(size_hw[1])
    out_h = max(1, int(round(size_hw[0] * to_hw[0] / from_hw[0])))
    out_w = max(1, int(round(size_hw[1] * to_hw[1] / from_hw[1])))
    return out_h, out_w
