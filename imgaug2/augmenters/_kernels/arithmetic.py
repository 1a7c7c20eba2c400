"""Pure pointwise kernels for arithmetic augmenters (no randomness)."""

from __future__ import annotations

import cv2
import numpy as np

from imgaug2 import dtypes as iadt

_UINT8 = np.dtype(np.uint8)


def _lut_uint8(image: np.ndarray, tables: np.ndarray) -> np.ndarray:
    """Apply one 256-entry table, or one per channel ``(C, 256)``."""
    if tables.ndim == 1:
        # a 2D single-channel view: any channel count, and (H, W, 1) keeps its shape
        flat = np.ascontiguousarray(image).reshape(image.shape[0], -1)
        return cv2.LUT(flat, tables).reshape(image.shape)
    out = np.empty_like(image)
    for c in range(image.shape[2]):
        out[..., c] = cv2.LUT(image[..., c], tables[c])
    return out


def add_scalar(image: np.ndarray, value) -> np.ndarray:
    """``image + value`` saturated to the dtype; ``value`` a scalar or one per channel."""
    nb_channels = image.shape[2]
    if image.dtype is _UINT8 and nb_channels <= 4 and isinstance(value, (int, float)):
        # the common case, without NumPy calls on a scalar (they cost as much as the add)
        # (OpenCV reads as many scalar entries as the image has channels)
        out = cv2.add(image, (float(round(value)),) * 4)
        return out[..., None] if out.ndim == 2 else out
    value = np.asarray(value, dtype=np.float64)
    if image.dtype == np.uint8:
        if nb_channels <= 4:
            # saturating cv2.add with a per-channel scalar: faster than a LUT
            values = np.broadcast_to(np.round(value), (nb_channels,))
            out = cv2.add(image, tuple(float(v) for v in values) + (0.0,) * (
                4 - nb_channels))
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


_SCALE_ABS_CACHE: dict[float, tuple[float, float] | None] = {}
_RAMP = np.arange(256, dtype=np.uint8).reshape(1, 256)


def multiply_tables_uint8(multipliers: np.ndarray) -> np.ndarray:
    """imgaug's uint8 multiply tables: ``v * float32(m)`` in float32, clipped, truncated.
    ``multipliers`` scalar -> ``(256,)``; ``(C,)`` -> ``(C, 256)``."""
    m = np.asarray(multipliers, dtype=np.float32)
    values = np.arange(256, dtype=np.float32)
    tables = values * m if m.ndim == 0 else m[:, None] * values[None, :]
    return np.clip(tables, 0, 255).astype(np.uint8)


def _scale_abs_equivalent(multiplier: float) -> tuple[float, float] | None:
    """``(alpha, beta)`` for ``cv2.convertScaleAbs`` that gives exactly imgaug's table for
    ``multiplier`` on all 256 values (rounding ``v * m - 0.5 + eps`` truncates), or None.
    Cached per multiplier: the check runs once."""
    result = _SCALE_ABS_CACHE.get(multiplier, False)
    if result is not False:
        return result
    alpha, beta = multiplier, -0.5 + 1e-3
    found = cv2.convertScaleAbs(_RAMP, alpha=alpha, beta=beta)
    table = multiply_tables_uint8(np.float32(multiplier))
    result = (alpha, beta) if multiplier >= 0 and np.array_equal(found[0], table) else None
    if len(_SCALE_ABS_CACHE) > 1024:
        _SCALE_ABS_CACHE.clear()
    _SCALE_ABS_CACHE[multiplier] = result
    return result


def multiply_scalar(image: np.ndarray, multiplier) -> np.ndarray:
    """``image * multiplier`` saturated to the dtype; scalar or one value per channel.

    uint8 follows imgaug: float32 product, clipped and truncated (one ``cv2.convertScaleAbs``
    where it reproduces that table exactly for all 256 values, else a lookup table).
    """
    if image.dtype == np.uint8:
        m = np.asarray(multiplier, dtype=np.float32)
        if m.ndim == 0:
            affine = _scale_abs_equivalent(float(m))
            if affine is None:
                return _lut_uint8(image, multiply_tables_uint8(m))
            out = cv2.convertScaleAbs(image, alpha=affine[0], beta=affine[1])
            return out[..., None] if out.ndim == 2 else out
        return _lut_uint8(image, multiply_tables_uint8(m))
    multiplier = np.asarray(multiplier, dtype=np.float64)
    return _saturate(image.astype(np.float64) * multiplier, image.dtype)


def add_elementwise(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    return _saturate(image.astype(np.float64) + values, image.dtype)


def multiply_elementwise(image: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    """uint8 as imgaug: float32 product, clipped and truncated; other dtypes rounded."""
    if image.dtype == np.uint8:
        product = image.astype(np.float32) * np.asarray(multipliers, dtype=np.float32)
        return np.clip(product, 0, 255).astype(np.uint8)
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


# ---- uint8 fast paths for noise and dropout ------------------------------------------------
_CV_MAX_CHANNELS = 512


def add_scaled_noise_uint8(image: np.ndarray, noise: np.ndarray, scale: float,
                           loc: float) -> np.ndarray:
    """``saturate(round(image + scale * noise + loc))`` for a uint8 ``(H,W,C)`` image.

    ``noise`` is float32 of shape ``(H,W)`` (shared by all channels) or ``(H,W,C)``. One OpenCV
    pass (``addWeighted``) converts, scales, adds, rounds and saturates. Returns a new array.
    """
    nb_channels = image.shape[2]
    if nb_channels > _CV_MAX_CHANNELS:
        values = noise.astype(np.float64) * scale + loc
        if values.ndim == 2:
            values = values[..., None]
        return _saturate(image.astype(np.float64) + values, image.dtype)
    if noise.ndim == 2 and nb_channels > 1:
        noise = cv2.merge([noise] * nb_channels)
    out = cv2.addWeighted(image, 1.0, noise, float(scale), float(loc), dtype=cv2.CV_8U)
    return out.reshape(image.shape)


def uint32_threshold(p: float) -> int:
    """The threshold ``t`` with ``P(u < t) = p`` for ``u`` uniform over all uint32 values
    (exact up to 2**-32)."""
    return int(min(max(round(p * 2.0**32), 0), 2**32))


def zero_where_uint8(image: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Set the components of a uint8 ``(H,W,C)`` image to 0 where ``keep`` is False.

    ``keep`` is bool of shape ``(H,W)`` (whole pixels) or ``(H,W,C)``. Returns a new array.
    """
    nb_channels = image.shape[2]
    keep_u8 = keep.view(np.uint8)
    if nb_channels > _CV_MAX_CHANNELS:
        mask = keep[..., None] if keep.ndim == 2 else keep
        return np.where(mask, image, np.uint8(0))
    if keep.ndim == 2:
        out = cv2.bitwise_and(image, image, mask=keep_u8)
    else:
        out = cv2.multiply(image, keep_u8.reshape(image.shape))
    return out.reshape(image.shape)
