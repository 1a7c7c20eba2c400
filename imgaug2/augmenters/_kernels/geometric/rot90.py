"""Clockwise rotations by multiples of 90 degrees (arrays and points). All dtypes."""

from __future__ import annotations

import cv2
import numpy as np

_UINT8 = np.dtype(np.uint8)
_ROTATE_CODES = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
# dtypes of the same item size that cv2.rotate moves bytes in (rotation only copies elements)
_BYTE_VIEWS = {1: np.uint8, 2: np.uint16, 4: np.int32, 8: np.float64}
# element sizes (bytes per pixel) OpenCV's transpose/flip support
_ELEMENT_SIZES = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32}


def rot90(arr: np.ndarray, k: int) -> np.ndarray:
    """Rotate an ``(H, W[, C])`` array clockwise by ``k * 90`` degrees (new array)."""
    k = int(k) % 4
    if k == 0:
        return np.copy(arr)
    if (arr.dtype is _UINT8 and arr.ndim == 3 and 1 < arr.shape[2] <= 4 and arr.size
            and arr.flags.c_contiguous):
        return cv2.rotate(arr, _ROTATE_CODES[k])  # the common image: straight to OpenCV
    view_dtype = _BYTE_VIEWS.get(arr.dtype.itemsize)
    channels = arr.shape[2] if arr.ndim == 3 else 1
    use_cv2 = (view_dtype is not None and arr.size > 0
               and arr.dtype.itemsize * channels in _ELEMENT_SIZES and channels <= 4)
    if not use_cv2:
        return np.ascontiguousarray(np.rot90(arr, k, axes=(1, 0)))
    work = np.ascontiguousarray(arr).view(view_dtype)
    out = cv2.rotate(work, _ROTATE_CODES[k])
    if arr.ndim == 3 and out.ndim == 2:
        out = out[:, :, np.newaxis]
    return out.view(arr.dtype)


def rot90_points(xy: np.ndarray, k: int, height: int, width: int) -> np.ndarray:
    """Rotate ``(N, 2)`` continuous (keypoint) coordinates on an ``(height, width)`` image
    clockwise by ``k * 90`` degrees; ``(x, y) -> (h - y, x)`` per quarter turn."""
    pts = np.array(xy, dtype=np.float64).reshape(-1, 2)
    h, w = float(height), float(width)
    for _ in range(int(k) % 4):
        pts = np.stack([h - pts[:, 1], pts[:, 0]], axis=1)
        h, w = w, h
    return pts
