"""Pure pointwise kernels for arithmetic augmenters (no randomness)."""

from __future__ import annotations

import cv2
import numpy as np

from imgaug2 import dtypes as iadt


def _lut_uint8(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Apply one 256-entry table, or one per channel ``(C, 256)``."""
    if tables.ndim == 1:
        return cv2.LUT(image, tables) if image.shape[2] <= 4 else tables[image]
    out = np.empty_like(image)
    for c in range(image.shape[2]):
        out[..., c] = cv2.LUT(image[..., c], tables[c])
    return out


def add_scalar(image: np.ndarray, value) -> np.ndarray:
    """``image + value`` saturated to the dtype; ``value`` a scalar or one per channel."""
    value = np.asarray(value, dtype=np.float64)
    if image.dtype == np.uint8:
        if image.shape[2] <= 4:
            # saturating cv2.add with a per-channel scalar: faster than a LUT
            values = np.broadcast_to(np.round(value), (image.shape[2],))
            out = cv2.add(image, tuple(float(v) for v in values) + (0.0,) * (
                4 - image.shape[2]))
            return out[..., None] if out.ndim == 2 else out
        if value.ndim == 0:
            v = int(np.round(value))
            if v == 0:
                return image.copy()
            table = np.clip(np.arange(256) + v, 0, 255).astype(np.uint8)
            return _lut_uint8(image, table)
        tables = np.clip(np.arange(256)[None, :] + np.round(value)[:, None], 0, 255).astype(
            np.uint8)
        return _lut_uint8(image, tables)
    return _saturate(image.astype(np.float64) + value, image.dtype)


def multiply_scalar(image: np.ndarray, multiplier) -> np.ndarray:
    """``image * multiplier`` saturated to the dtype; scalar or one value per channel."""
    multiplier = np.asarray(multiplier, dtype=np.float64)
    if image.dtype == np.uint8:
        if multiplier.ndim == 0 and multiplier >= 0:
            # saturate(round(|x * m|)) == saturate(round(x * m)) for uint8 x and m >= 0
            out = cv2.convertScaleAbs(image, alpha=float(multiplier))
            return out[..., None] if out.ndim == 2 else out
        if multiplier.ndim == 0:
            table = np.clip(np.round(np.arange(256) * float(multiplier)), 0, 255).astype(
                np.uint8)
            return _lut_uint8(image, table)
        tables = np.clip(np.round(np.arange(256)[None, :] * multiplier[:, None]), 0, 255).astype(
            np.uint8)
        return _lut_uint8(image, tables)
    return _saturate(image.astype(np.float64) * multiplier, image.dtype)


def add_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    return _saturate(image.astype(np.float64) + values, image.dtype)


def multiply_elementwise(image: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    return _saturate(image.astype(np.float64) * multipliers, image.dtype)


def replace_elementwise_(image: np.ndarray, mask: np.ndarray, replacements) -> np.ndarray:
    """Set ``image[mask]`` to ``replacements`` (broadcast), saturated to the dtype."""
    mask = mask.astype(bool)
    if mask.ndim == 2 and image.ndim == 3:
        mask = np.broadcast_to(mask[..., None], image.shape)
    replacements = np.broadcast_to(np.asarray(replacements, dtype=np.float64), image.shape)
    image[mask] = _saturate(replacements[mask], image.dtype)
    return image


def _saturate(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if dtype.kind == "b":
        return values > 0.5
    if dtype.kind in "iu":
        low, _, high = iadt.get_value_range_of_dtype(dtype)
        return np.clip(np.round(values), low, high).astype(dtype)
    info = np.finfo(dtype)
    return np.clip(values, info.min, info.max).astype(dtype)
