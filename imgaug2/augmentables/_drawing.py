"""Drawing helpers for the coordinate-based augmentables (colours, masks, blending).

Masks are built only inside the window of the image an object can touch, so drawing cost scales
with the object, not with the image.
"""

from __future__ import annotations

import math
from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables._geometry import clip_polygon

# coordinates beyond this are clipped in float before they are handed to OpenCV (int32)
_CV_LIMIT = float(1 << 20)


def check_image(image: Any, name: str = "image") -> np.ndarray:
    """``image`` must be an ``(H, W)`` or ``(H, W, C)`` numpy array."""
    if not isinstance(image, np.ndarray):
        raise TypeError(f"{name} must be a numpy array of shape (H, W) or (H, W, C), got "
                        f"{type(image).__name__}")
    if image.ndim not in (2, 3):
        raise ValueError(f"{name} must have shape (H, W) or (H, W, C), got {image.shape}")
    return image


def nb_channels(image: np.ndarray) -> int:
    return 1 if image.ndim == 2 else image.shape[2]


def color_vector(color: Any, channels: int, name: str = "color") -> np.ndarray:
    """A colour (number or one value per channel) as a float64 ``(channels,)`` vector."""
    try:
        arr = np.asarray(color, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be a number or a sequence of numbers, got {color!r}") from exc
    arr = arr.ravel()
    if arr.size == 1:
        return np.full(channels, arr[0])
    if arr.size != channels:
        raise ValueError(f"{name} has {arr.size} values, but the image has {channels} channel(s)")
    return arr


def cast_to(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Float values as ``dtype``: rounded and clipped for integers, thresholded for bool."""
    dtype = np.dtype(dtype)
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        return np.clip(np.round(values), info.min, info.max).astype(dtype)
    if dtype.kind == "b":
        return np.asarray(values) > 0.5
    return np.asarray(values).astype(dtype)


def paint_(image: np.ndarray, x0: int, y0: int, mask: np.ndarray, color: np.ndarray,
           alpha: float) -> np.ndarray:
    """Blend ``color`` into ``image[y0:y0+h, x0:x0+w]`` with weight ``alpha * mask`` in place.

    ``mask`` is bool or float in ``[0, 1]``; ``color`` has one value per channel.
    """
    h, w = mask.shape
    window = image[y0:y0 + h, x0:x0 + w]
    col = color if image.ndim == 3 else color[0]
    if mask.dtype == bool and alpha >= 1.0:
        window[mask] = cast_to(np.asarray(col), image.dtype)
        return image
    weight = mask.astype(np.float32) * np.float32(alpha)
    selected = weight > 0
    if not selected.any():
        return image
    pixels = window[selected].astype(np.float64)
    wgt = weight[selected].astype(np.float64)
    if image.ndim == 3:
        wgt = wgt[:, None]
    window[selected] = cast_to(pixels * (1.0 - wgt) + col * wgt, image.dtype)
    return image


def window_of(xmin: float, ymin: float, xmax: float, ymax: float, height: int, width: int,
              margin: int) -> tuple[int, int, int, int] | None:
    """Integer window ``(x0, y0, x1, y1)`` covering a box plus margin, clipped to the image."""
    x0 = max(math.floor(xmin) - margin, 0)
    y0 = max(math.floor(ymin) - margin, 0)
    x1 = min(math.ceil(xmax) + margin + 1, width)
    y1 = min(math.ceil(ymax) + margin + 1, height)
    if x0 >= x1 or y0 >= y1:
        return None
    return x0, y0, x1, y1


def line_pixels(start: np.ndarray, end: np.ndarray, height: int, width: int,
                antialiased: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pixels ``(rows, cols, values)`` of segments between integer-valued endpoints.

    One pixel per step along the major axis (``values`` 1.0), or with ``antialiased`` the two
    pixels straddling the exact line, weighted by distance (Wu's algorithm). Only pixels inside
    the ``(height, width)`` image are returned; work is bounded by the image size.
    """
    dx, dy = end[:, 0] - start[:, 0], end[:, 1] - start[:, 1]
    steep = np.abs(dy) > np.abs(dx)
    length = np.maximum(np.abs(dx), np.abs(dy))
    major0 = np.where(steep, start[:, 1], start[:, 0])
    minor0 = np.where(steep, start[:, 0], start[:, 1])
    d_major = np.where(steep, dy, dx)
    d_minor = np.where(steep, dx, dy)
    major_last = np.where(steep, height - 1, width - 1).astype(np.float64)
    sign = np.sign(d_major)
    t_lo = np.where(sign > 0, np.maximum(0, -major0),
                    np.where(sign < 0, np.maximum(0, major0 - major_last), 0))
    t_hi = np.where(sign > 0, np.minimum(length, major_last - major0),
                    np.where(sign < 0, np.minimum(length, major0),
                             np.where((major0 >= 0) & (major0 <= major_last), 0, -1)))
    counts = np.maximum(t_hi - t_lo + 1, 0).astype(np.int64)
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    seg = np.repeat(np.arange(len(start)), counts)
    first = np.cumsum(counts) - counts
    t = t_lo[seg] + (np.arange(total) - first[seg])
    major = major0[seg] + sign[seg] * t
    safe_len = np.where(length > 0, length, 1.0)
    minor = minor0[seg] + d_minor[seg] * (t / safe_len[seg])
    if antialiased:
        base = np.floor(minor)
        frac = minor - base
        major = np.concatenate([major, major])
        minor = np.concatenate([base, base + 1])
        values = np.concatenate([1.0 - frac, frac])
    else:
        minor = np.round(minor)
        values = np.ones(total)
    steep_px = np.concatenate([steep[seg], steep[seg]]) if antialiased else steep[seg]
    rows = np.where(steep_px, major, minor)
    cols = np.where(steep_px, minor, major)
    keep = (values > 0) & (rows >= 0) & (rows < height) & (cols >= 0) & (cols < width)
    return (rows[keep].astype(np.int64), cols[keep].astype(np.int64),
            values[keep].astype(np.float32))


def polyline_mask(coords: np.ndarray, closed: bool, height: int, width: int, margin: int,
                  antialiased: bool) -> tuple[int, int, np.ndarray] | None:
    """1px line of a polyline (rounded vertices) as float32 ``[0, 1]`` mask in a window.

    Returns ``(x0, y0, mask)`` with the window grown by ``margin`` pixels (clipped to the image),
    or ``None`` if nothing of the line falls into the image.
    """
    pts = np.round(np.asarray(coords, dtype=np.float64))
    if len(pts) < 2:
        return None
    start, end = pts[:-1], pts[1:]
    if closed and len(pts) > 2:
        start = np.concatenate([start, pts[-1:]])
        end = np.concatenate([end, pts[:1]])
    finite = np.isfinite(start).all(axis=1) & np.isfinite(end).all(axis=1)
    rows, cols, values = line_pixels(start[finite], end[finite], height, width, antialiased)
    if len(rows) == 0:
        return None
    window = window_of(cols.min(), rows.min(), cols.max(), rows.max(), height, width, margin)
    if window is None:
        return None
    x0, y0, x1, y1 = window
    mask = np.zeros((y1 - y0, x1 - x0), dtype=np.float32)
    np.maximum.at(mask, (rows - y0, cols - x0), values)
    return x0, y0, mask


def polygon_fill_mask(coords: np.ndarray, height: int,
                      width: int) -> tuple[int, int, np.ndarray] | None:
    """Filled area of a polygon (rounded vertices) as a bool mask in its image window."""
    pts = np.round(np.asarray(coords, dtype=np.float64))
    if len(pts) < 3 or not np.isfinite(pts).all():
        return None
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    window = window_of(max(lo[0], -1.0), max(lo[1], -1.0), min(hi[0], width), min(hi[1], height),
                       height, width, 0)
    if window is None:
        return None
    x0, y0, x1, y1 = window
    if np.abs(pts).max() > _CV_LIMIT:
        pts = np.round(clip_polygon(pts, x0 - 2, y0 - 2, x1 + 1, y1 + 1))
        if len(pts) < 3:
            return None
    canvas = np.zeros((y1 - y0, x1 - x0), dtype=np.uint8)
    local = (pts - np.array([x0, y0], dtype=np.float64)).astype(np.int32).reshape(-1, 1, 2)
    cv2.fillPoly(canvas, [local], 1)
    return x0, y0, canvas.astype(bool)


def heat_to_mask(heat: np.ndarray, size: int) -> np.ndarray:
    """Thicken a float heat mask to a ``size x size`` square pen (grey dilation)."""
    if size > 1:
        heat = cv2.dilate(heat, np.ones((size, size), dtype=np.uint8))
    return heat
