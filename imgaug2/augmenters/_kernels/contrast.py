"""Contrast kernels: pure functions, no randomness.

uint8 images go through 256-entry tables built in float32 and truncated (imgaug's rule).
Other dtypes use the scikit-image formulas imgaug 0.4.0 delegates to: values are normalised
by the dtype's maximum (1.0 for floats), the curve is applied in float64 and integer results
are truncated (floor) and saturated to ``[0, max]``.
"""

from __future__ import annotations

from collections import OrderedDict

import cv2
import numpy as np

from imgaug2 import dtypes as iadt

_TABLE_CACHE: OrderedDict[tuple, np.ndarray] = OrderedDict()
_TABLE_CACHE_SIZE = 256
_X_UINT8 = np.linspace(0.0, 1.0, num=256, dtype=np.float32)
_V_UINT8 = np.arange(256, dtype=np.float32)


def _gamma_curve(x: np.ndarray, gamma: float) -> np.ndarray:
    return x ** gamma


def _sigmoid_curve(x: np.ndarray, gain: float, cutoff: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(gain * (cutoff - x)))


def _log_curve(x: np.ndarray, gain: float) -> np.ndarray:
    return gain * np.log2(1.0 + x)


CURVES = {"gamma": _gamma_curve, "sigmoid": _sigmoid_curve, "log": _log_curve}


def _build_uint8_table(kind: str, params: tuple[float, ...]) -> np.ndarray:
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        if kind == "linear":
            values = 127.0 + np.float32(params[0]) * (_V_UINT8 - 127.0)
        else:
            curve = CURVES[kind]
            values = 255.0 * curve(_X_UINT8, *[np.float32(p) for p in params])
    values = np.nan_to_num(values, nan=0.0, posinf=255.0, neginf=0.0)
    return np.clip(values, 0, 255).astype(np.uint8)


def uint8_table(kind: str, params: tuple[float, ...]) -> np.ndarray:
    """The cached 256-entry uint8 table of ``kind`` (gamma/sigmoid/log/linear) for ``params``."""
    key = (kind,) + tuple(float(np.float32(p)) for p in params)
    table = _TABLE_CACHE.get(key)
    if table is None:
        table = _build_uint8_table(kind, params)
        _TABLE_CACHE[key] = table
        if len(_TABLE_CACHE) > _TABLE_CACHE_SIZE:
            _TABLE_CACHE.popitem(last=False)
    return table


def apply_table(image: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Apply a 256-entry table (or ``(C, 256)`` tables, one per channel) to a uint8 image of
    any rank; returns a new array."""
    if table.ndim == 2:
        out = np.empty_like(image)
        for c in range(image.shape[-1]):
            out[..., c] = cv2.LUT(np.ascontiguousarray(image[..., c]), table[c])
        return out
    # one table for all channels: a single-channel 2D view is faster and has no channel limit
    flat = np.ascontiguousarray(image).reshape(image.shape[0], -1)
    return cv2.LUT(flat, table).reshape(image.shape)


_AFFINE_CACHE: OrderedDict[tuple, tuple[float, float] | None] = OrderedDict()
_RAMP = np.arange(256, dtype=np.uint8).reshape(1, 256)


def _affine_equivalent(kind: str, params: tuple[float, ...],
                       table: np.ndarray) -> tuple[float, float] | None:
    """``(alpha, gamma)`` such that ``cv2.addWeighted(v, alpha, v, 0, gamma)`` equals
    ``table[v]`` for all 256 values, or None. Only the linear curve is affine; rounding
    differs from the table's truncation by the ``-0.5`` shift, and the exhaustive check on all
    256 inputs makes the fast path exact (otherwise the table is used)."""
    if kind != "linear":
        return None
    key = tuple(float(np.float32(p)) for p in params)
    if key in _AFFINE_CACHE:
        return _AFFINE_CACHE[key]
    alpha = key[0]
    gamma = 127.0 - 127.0 * alpha - 0.5 + 1e-3
    found = cv2.addWeighted(_RAMP, alpha, _RAMP, 0.0, gamma)
    result = (alpha, gamma) if np.array_equal(found[0], table) else None
    _AFFINE_CACHE[key] = result
    if len(_AFFINE_CACHE) > _TABLE_CACHE_SIZE:
        _AFFINE_CACHE.popitem(last=False)
    return result


def apply_uint8(image: np.ndarray, kind: str, params: tuple[float, ...]) -> np.ndarray:
    """One curve with scalar ``params`` on a uint8 image or ``(N, H, W, C)`` batch: one
    saturating ``cv2.addWeighted`` where it reproduces the table exactly (about 1.5x faster
    than ``cv2.LUT`` in OpenCV 5), else the table."""
    table = uint8_table(kind, params)
    affine = _affine_equivalent(kind, params, table)
    if affine is None or image.size == 0:
        return apply_table(image, table)
    # a 2D single-channel view: any channel count, any rank
    flat = np.ascontiguousarray(image).reshape(image.shape[0], -1)
    return cv2.addWeighted(flat, affine[0], flat, 0.0, affine[1]).reshape(image.shape)


def _normalised_curve(image: np.ndarray, kind: str, params: tuple[float, ...]) -> np.ndarray:
    """Non-uint8 gamma/sigmoid/log. Negative inputs count as 0 (scikit-image rejects them)."""
    dtype = image.dtype
    scale = 1.0 if dtype.kind == "f" else float(np.iinfo(dtype).max)
    x = np.maximum(image.astype(np.float64), 0.0) / scale
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        out = CURVES[kind](x, *[float(p) for p in params]) * scale
    if dtype.kind == "f":
        info = np.finfo(dtype)
        out = np.nan_to_num(out, nan=0.0, posinf=info.max, neginf=info.min)
        return np.clip(out, info.min, info.max).astype(dtype)
    # 64-bit: the largest float64 that fits (2**63 - 1 and 2**64 - 1 round up in float64);
    # float64 cannot hold their exact integers, so no bias is added there
    wide = dtype.itemsize >= 8
    top = float(np.nextafter(scale, 0.0)) if wide else scale
    out = np.nan_to_num(out, nan=0.0, posinf=top, neginf=0.0)
    # floor as scikit-image's astype(); the tiny bias undoes float64 error at exact integers
    out = np.floor(out if wide else out + scale * 1e-12)
    return np.clip(out, 0, top).astype(dtype)


def adjust(image: np.ndarray, kind: str, params: tuple[float, ...]) -> np.ndarray:
    """Apply one contrast curve with scalar ``params`` to an image of any shape."""
    if image.size == 0:
        return image.copy()
    if image.dtype == np.uint8:
        return apply_uint8(image, kind, params)
    if kind == "linear":
        return linear_non_uint8(image, float(params[0]))
    return _normalised_curve(image, kind, params)


def linear_non_uint8(image: np.ndarray, alpha: float) -> np.ndarray:
    """``center + alpha * (v - center)`` in float64, rounded and saturated; center is
    ``int(dtype center)`` for integers (32767 for uint16, 0 for int16) and 0.0 for floats."""
    dtype = image.dtype
    center = iadt.get_value_range_of_dtype(dtype)[1]
    center = float(int(center)) if dtype.kind in "ui" else float(center)
    values = center + alpha * (image.astype(np.float64) - center)
    low, _, high = iadt.get_value_range_of_dtype(dtype)
    if dtype.kind in "ui":
        values = np.round(values)
    return np.clip(values, low, high).astype(dtype)
