"""Array helpers for heatmaps and segmentation maps (resize, pad)."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                  "cubic": cv2.INTER_CUBIC, "area": cv2.INTER_AREA}


def target_size(shape: tuple[int, ...], sizes: Any) -> tuple[int, int]:
    """(height, width) from a float factor, (h, w) ints, or (h, w) floats (fractions)."""
    h, w = shape[0:2]
    if isinstance(sizes, (int, float, np.number)) and not isinstance(sizes, bool):
        if isinstance(sizes, (int, np.integer)) and not isinstance(sizes, bool) and sizes > 1:
            pass
        return max(1, int(round(h * float(sizes)))), max(1, int(round(w * float(sizes))))
    if isinstance(sizes, (tuple, list)) and len(sizes) == 2:
        out = []
        for value, base in zip(sizes, (h, w)):
            if isinstance(value, (float, np.floating)):
                out.append(max(1, int(round(base * value))))
            else:
                out.append(int(value))
        return out[0], out[1]
    raise ValueError(f"sizes must be a number or a (height, width) pair, got {sizes!r}")


def resize_array(arr: np.ndarray, sizes: Any, interpolation: str) -> np.ndarray:
    if interpolation not in INTERPOLATIONS:
        raise ValueError(f"interpolation must be one of {list(INTERPOLATIONS)}, "
                         f"got {interpolation!r}")
    height, width = target_size(arr.shape, sizes)
    if arr.shape[0:2] == (height, width):
        return arr.copy()
    flag = INTERPOLATIONS[interpolation]
    channels = arr.shape[2] if arr.ndim == 3 else None
    chunks = [arr] if channels is None or channels <= 4 else [
        arr[..., i:i + 4] for i in range(0, channels, 4)]
    resized = []
    for chunk in chunks:
        out = cv2.resize(chunk, (width, height), interpolation=flag)
        if chunk.ndim == 3 and out.ndim == 2:
            out = out[..., None]
        resized.append(out)
    return resized[0] if len(resized) == 1 else np.concatenate(resized, axis=2)


def pad_array(arr: np.ndarray, top: int, right: int, bottom: int, left: int, mode: str,
              cval: float) -> np.ndarray:
    for name, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left)):
        if value < 0:
            raise ValueError(f"{name} padding must be >= 0, got {value}")
    pads = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    if mode == "constant":
        return np.pad(arr, pads, mode="constant", constant_values=cval)
    return np.pad(arr, pads, mode=mode)


def paddings_for_aspect_ratio(height: int, width: int, aspect_ratio: float):
    """(top, right, bottom, left) so that width / height == aspect_ratio."""
    if aspect_ratio <= 0:
        raise ValueError(f"aspect_ratio must be > 0, got {aspect_ratio}")
    if width / height < aspect_ratio:
        missing = int(round(height * aspect_ratio)) - width
        return 0, missing - missing // 2, 0, missing // 2
    missing = int(round(width / aspect_ratio)) - height
    return missing // 2, 0, missing - missing // 2, 0
