"""Module-level arithmetic functions of :mod:`imgaug2.augmenters.arithmetic` (imgaug's API).

Images are ``(H,W)`` or ``(H,W,C)`` arrays. Functions ending in ``_`` may work in place; always
use their return value. Results are saturated to the image's dtype (no wrap-around).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import random as iarandom
from imgaug2.augmenters._kernels import arithmetic as kernels
from imgaug2.imgaug import _check_image as check_image

ADD_DTYPES = "bool uint8 uint16 int8 int16 float16 float32 float64"
ADD_DISALLOWED = "uint32 uint64 int32 int64 float128"
REPLACE_DTYPES = "bool uint8 uint16 uint32 int8 int16 int32 float16 float32 float64"
REPLACE_DISALLOWED = "uint64 int64 float128"
_CUSTOM_RANGE_DTYPES = {"uint8", "uint16", "uint32", "int8", "int16", "int32", "float16",
                        "float32"}


def _per_channel_values(value: Any, nb_channels: int, name: str) -> np.ndarray:
    values = np.asarray(value, dtype=np.float64)
    if values.ndim == 0:
        return values
    values = values.reshape(-1)
    if values.size == 1:
        return values[0]
    if values.size != nb_channels:
        raise ValueError(f"{name} must be a scalar or have one value per channel "
                         f"({nb_channels}), got {values.size} values")
    return values


def _scalar_op(image: np.ndarray, value: Any, name: str, kernel) -> np.ndarray:
    image = check_image(image)
    iadt.gate_dtypes_strs(image, ADD_DTYPES, ADD_DISALLOWED)
    if image.size == 0:
        return np.copy(image)
    nb_channels = 1 if image.ndim == 2 else image.shape[2]
    return _apply_kernel(image, kernel, _per_channel_values(value, nb_channels, name))


def _apply_kernel(image: np.ndarray, kernel, values: Any) -> np.ndarray:
    """``kernel(image (H,W,C), values)`` for 2D/3D images; bool images go through float32."""
    squeeze = image.ndim == 2
    work = image[..., None] if squeeze else image
    if image.dtype.kind == "b":
        out = kernel(work.astype(np.float32), values) > 0.5
    else:
        out = kernel(work, values)
    return out[..., 0] if squeeze else out


def add_scalar(image: np.ndarray, value: Any) -> np.ndarray:
    """``image + value``; ``value`` a scalar or one value per channel. Returns a new array.

    dtypes: bool, uint8 (OpenCV/LUT), uint16, int8, int16, float16, float32, float64.
    """
    return _scalar_op(image, value, "value", kernels.add_scalar)


def add_scalar_(image: np.ndarray, value: Any) -> np.ndarray:
    """In-place variant of :func:`add_scalar` (may return a new array; use the result)."""
    return add_scalar(image, value)


def multiply_scalar(image: np.ndarray, multiplier: Any) -> np.ndarray:
    """``image * multiplier``; a scalar or one value per channel. Returns a new array.

    dtypes: as :func:`add_scalar`.
    """
    return _scalar_op(image, multiplier, "multiplier", kernels.multiply_scalar)


def multiply_scalar_(image: np.ndarray, multiplier: Any) -> np.ndarray:
    """In-place variant of :func:`multiply_scalar` (use the result)."""
    return multiply_scalar(image, multiplier)


def _elementwise_op(image: np.ndarray, values: Any, name: str, kernel) -> np.ndarray:
    image = check_image(image)
    iadt.gate_dtypes_strs(image, ADD_DTYPES, ADD_DISALLOWED)
    values = np.asarray(values, dtype=np.float64)
    h, w = image.shape[:2]
    if values.shape[:2] != (h, w) or values.ndim not in (2, 3) or (
            values.ndim == 3 and values.shape[2] not in (1, image.shape[2] if image.ndim == 3
                                                         else 1)):
        raise ValueError(f"{name} must have shape (H,W), (H,W,1) or the image's shape "
                         f"{image.shape}, got {values.shape}")
    values = values[..., None] if values.ndim == 2 else values
    shape = image.shape if image.ndim == 3 else image.shape + (1,)
    return _apply_kernel(image, kernel, np.broadcast_to(values, shape))


def add_elementwise(image: np.ndarray, values: Any) -> np.ndarray:
    """``image + values`` per pixel (``values`` of shape ``(H,W)``, ``(H,W,1)`` or the image's).

    dtypes: as :func:`add_scalar`.
    """
    return _elementwise_op(image, values, "values", kernels.add_elementwise)


def add_elementwise_(image: np.ndarray, values: Any) -> np.ndarray:
    """In-place variant of :func:`add_elementwise` (use the result)."""
    return add_elementwise(image, values)


def multiply_elementwise(image: np.ndarray, multipliers: Any) -> np.ndarray:
    """``image * multipliers`` per pixel (shapes as in :func:`add_elementwise`)."""
    return _elementwise_op(image, multipliers, "multipliers", kernels.multiply_elementwise)


def multiply_elementwise_(image: np.ndarray, multipliers: Any) -> np.ndarray:
    """In-place variant of :func:`multiply_elementwise` (use the result)."""
    return multiply_elementwise(image, multipliers)


def replace_elementwise_(image: np.ndarray, mask: Any, replacements: Any) -> np.ndarray:
    """Replace the components where ``mask > 0.5`` by ``replacements``, in place.

    ``mask`` has shape ``(H,W)``, ``(H,W,1)`` or the image's; ``replacements`` is a scalar or a
    1D sequence with exactly one value per replaced component (in C order). Values are rounded
    for integer/bool images and clipped to the dtype's range.
    dtypes: bool, uint8-uint32, int8-int32, float16-float64.
    """
    image = check_image(image)
    iadt.gate_dtypes_strs(image, REPLACE_DTYPES, REPLACE_DISALLOWED)
    if not image.flags.writeable:
        raise ValueError("image is read-only; replace_elementwise_() writes into it")
    mask = np.asarray(mask)
    work = image[..., None] if image.ndim == 2 else image
    mask3 = mask[..., None] if mask.ndim == 2 else mask
    if mask3.ndim != 3 or mask3.shape[:2] != work.shape[:2] or mask3.shape[2] not in (
            1, work.shape[2]):
        raise ValueError(f"mask must have shape (H,W), (H,W,1) or {image.shape}, "
                         f"got {mask.shape}")
    selected = np.broadcast_to(mask3 > 0.5, work.shape)
    values = np.asarray(replacements, dtype=np.float64)
    count = int(selected.sum())
    if values.ndim > 0 and values.size != count:
        raise ValueError(f"replacements must be a scalar or hold one value per replaced "
                         f"component ({count}), got {values.size}")
    if image.dtype.kind in "iub":
        values = np.round(values)
    work[selected] = kernels._saturate(values, image.dtype) if image.dtype.kind != "b" \
        else values > 0.5
    return image


def _fill_value_range(dtype: np.dtype) -> tuple[float, float, float]:
    if dtype.kind in "fb":  # floats are assumed to be in [0, 1], as in imgaug
        return 0.0, 0.5, 1.0
    low, center, high = iadt.get_value_range_of_dtype(dtype)
    return float(low), float(center), float(high)


def cutout_(image: np.ndarray, x1: float, y1: float, x2: float, y2: float,
            fill_mode: str = "constant", cval: Any = 0, fill_per_channel: Any = False,
            seed: Any = None) -> np.ndarray:
    """Fill the rectangle ``[x1, x2) x [y1, y2)`` (clipped to the image) in place.

    ``fill_mode="constant"`` fills ``cval`` (a value, or one per channel with
    ``fill_per_channel``); ``"gaussian"`` fills samples of N(center, range/6) of the dtype's
    value range (floats: [0, 1]) drawn from ``seed``. dtypes: all but float128.
    """
    image = check_image(image)
    if fill_mode not in ("constant", "gaussian"):
        raise ValueError(f"fill_mode must be 'constant' or 'gaussian', got {fill_mode!r}")
    if not image.flags.writeable:
        raise ValueError("image is read-only; cutout_() writes into it")
    height, width = image.shape[:2]
    x1, x2 = (min(max(int(v), 0), width) for v in (x1, x2))
    y1, y2 = (min(max(int(v), 0), height) for v in (y1, y2))
    if x2 <= x1 or y2 <= y1:
        return image
    per_channel = float(fill_per_channel) >= 0.5 and image.ndim == 3
    region = image[y1:y2, x1:x2]
    if fill_mode == "gaussian":
        rng = seed if isinstance(seed, iarandom.RNG) else iarandom.RNG(seed)
        low, center, high = _fill_value_range(image.dtype)
        shape = region.shape if per_channel else (y2 - y1, x2 - x1) + (
            (1,) if image.ndim == 3 else ())
        samples = rng.normal(center, (high - low) / 6.0, size=shape)
        if image.dtype.kind == "b":
            region[...] = samples > 0.5
        else:
            region[...] = np.clip(samples, low, high).astype(image.dtype)
        return image
    values = np.atleast_1d(np.asarray(cval, dtype=np.float64)).reshape(-1)
    if per_channel:
        values = np.resize(values, image.shape[2])  # tiled/truncated to the channel count
    else:
        values = values[:1]
    if image.dtype.kind in "iu":
        low, _, high = iadt.get_value_range_of_dtype(image.dtype)
        fill = np.clip(np.round(values), low, high).astype(image.dtype)
    else:
        fill = values.astype(image.dtype)
    region[...] = fill if image.ndim == 3 else fill[0]
    return image


def cutout(image: np.ndarray, x1: float, y1: float, x2: float, y2: float,
           fill_mode: str = "constant", cval: Any = 0, fill_per_channel: Any = False,
           seed: Any = None) -> np.ndarray:
    """Copying variant of :func:`cutout_`."""
    return cutout_(np.copy(check_image(image)), x1, y1, x2, y2, fill_mode, cval,
                   fill_per_channel, seed)


def invert_(image: np.ndarray, min_value: float | None = None, max_value: float | None = None,
            threshold: float | None = None, invert_above_threshold: bool = True) -> np.ndarray:
    """Invert ``image`` within ``[min_value, max_value]`` (default: the dtype's value range).

    Each value ``v`` becomes ``max_value - (v - min_value)`` after clipping to the range; for
    the default range that is ``max - v`` (unsigned), ``-v - 1`` (signed int), ``-v`` (float)
    and ``~v`` (bool). With ``threshold`` only values ``>= threshold`` (or ``< threshold`` if
    ``invert_above_threshold`` is False) change. Custom ranges need one of uint8-uint32,
    int8-int32, float16, float32. Use the return value (the input may be reused).
    """
    image = check_image(image)
    dt_low, _, dt_high = iadt.get_value_range_of_dtype(image.dtype)
    low = dt_low if min_value is None else min_value
    high = dt_high if max_value is None else max_value
    if low < dt_low or high > dt_high or not low < high:
        raise ValueError(f"min_value/max_value must satisfy {dt_low} <= min_value < max_value "
                         f"<= {dt_high} for {image.dtype.name}, got {low}, {high}")
    custom = low != dt_low or high != dt_high
    if custom and image.dtype.name not in _CUSTOM_RANGE_DTYPES:
        raise ValueError(f"custom min_value/max_value need one of "
                         f"{sorted(_CUSTOM_RANGE_DTYPES)}, got {image.dtype.name}")
    if image.dtype.kind == "b":
        inverted = ~image
    elif image.dtype == np.uint8:
        table = np.clip(high - np.abs(np.arange(256) - low), low, high).astype(np.uint8) \
            if custom else np.arange(255, -1, -1, dtype=np.uint8)
        if threshold is not None:  # the uint8 table splits at int(threshold), as in imgaug
            cut = int(np.clip(int(threshold), 0, 256))
            identity = np.arange(256, dtype=np.uint8)
            table = np.concatenate([identity[:cut], table[cut:]]) if invert_above_threshold \
                else np.concatenate([table[:cut], identity[cut:]])
            threshold = None
        inverted = cv2.LUT(image, table) if image.ndim == 2 or image.shape[2] <= 4 \
            else table[image]
    elif not custom and image.dtype.kind == "u":
        inverted = np.asarray(high - image, dtype=image.dtype)
    elif not custom and image.dtype.kind == "i":
        inverted = np.invert(image)  # two's complement: -v - 1, never overflows
    elif not custom and image.dtype.kind == "f":
        inverted = np.negative(image)
    else:
        values = np.clip(image.astype(np.float64), low, high)
        inverted = kernels._saturate(high - np.abs(values - low), image.dtype)
    if threshold is None:
        return inverted
    mask = image >= threshold if invert_above_threshold else image < threshold
    return np.where(mask, inverted, image)


def invert(image: np.ndarray, min_value: float | None = None, max_value: float | None = None,
           threshold: float | None = None, invert_above_threshold: bool = True) -> np.ndarray:
    """Copying variant of :func:`invert_` (never modifies ``image``)."""
    return invert_(np.copy(check_image(image)), min_value, max_value, threshold,
                   invert_above_threshold)


def solarize_(image: np.ndarray, threshold: float = 128) -> np.ndarray:
    """Invert the values ``>= threshold`` (PIL's ``ImageOps.solarize``). See :func:`invert_`."""
    return invert_(image, threshold=threshold)


def solarize(image: np.ndarray, threshold: float = 128) -> np.ndarray:
    """Copying variant of :func:`solarize_`."""
    return invert(image, threshold=threshold)


_IMREAD_COLOR_RGB = getattr(cv2, "IMREAD_COLOR_RGB", None)


def jpeg_quality(compression: float) -> int:
    """imgaug's mapping of a compression strength in [0, 100] to a JPEG quality in [1, 100]."""
    return min(max(round(1 + 99 * (1.0 - float(compression) / 101)), 1), 100)


def compress_jpeg(image: np.ndarray, compression: float) -> np.ndarray:
    """Encode ``image`` as JPEG with strength ``compression`` in [0, 100] and decode it again.

    uint8 only; shape ``(H,W)``, ``(H,W,1)`` or ``(H,W,3)`` (RGB). Returns a new array of the
    same shape. (OpenCV's libjpeg is used where imgaug used PIL: pixels may differ slightly.)
    """
    image = check_image(image)
    iadt.allow_only_uint8(image)
    if not 0 <= compression <= 100:
        raise ValueError(f"compression must be in [0, 100], got {compression}")
    if image.size == 0:
        return np.copy(image)
    gray = image.ndim == 2 or image.shape[2] == 1
    if not gray and image.shape[2] != 3:
        raise ValueError(f"image must have 1 or 3 channels for JPEG, got shape {image.shape}")
    params = [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality(compression)]
    if gray:
        plane = image if image.ndim == 2 else image[..., 0]
        out = cv2.imdecode(cv2.imencode(".jpg", plane, params)[1], cv2.IMREAD_GRAYSCALE)
        return out if image.ndim == 2 else out[..., None]
    encoded = cv2.imencode(".jpg", cv2.cvtColor(image, cv2.COLOR_RGB2BGR), params)[1]
    if _IMREAD_COLOR_RGB is not None:  # OpenCV >= 4.10: decode straight to RGB (same values)
        return cv2.imdecode(encoded, _IMREAD_COLOR_RGB)
    return cv2.cvtColor(cv2.imdecode(encoded, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
