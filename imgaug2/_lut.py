"""``ia.apply_lut`` / ``ia.apply_lut_``: 256-entry lookup tables on uint8 images (OpenCV)."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np


def _check_image(image: Any) -> np.ndarray:
    if not isinstance(image, np.ndarray):
        raise TypeError(f"image must be a numpy array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise ValueError(f"image must have dtype uint8, got {image.dtype}")
    if image.ndim not in (2, 3):
        raise ValueError(f"image must be (H, W) or (H, W, C), got shape {image.shape}")
    return image


def _normalize_table(table: Any, nb_channels: int) -> np.ndarray:
    """One ``(256,)`` table or ``(C, 256)`` per-channel tables, as uint8."""
    if isinstance(table, (list, tuple)):
        table = np.stack([np.asarray(t) for t in table], axis=0)
        per_channel_axis_first = True
    else:
        table = np.asarray(table)
        per_channel_axis_first = False
    if table.dtype != np.uint8:
        raise ValueError(f"table must have dtype uint8, got {table.dtype}")
    if table.shape == (256,):
        return table
    if table.ndim == 3 and table.shape[0] == 1:  # (1, 256, C) as cv2.LUT takes it
        table = table[0]
    if not per_channel_axis_first and table.ndim == 2 and table.shape[0] == 256:
        table = table.T  # (256, C) -> (C, 256)
    if table.ndim != 2 or table.shape[1] != 256 or table.shape[0] != nb_channels:
        raise ValueError(
            "table must be (256,), (256, C), (1, 256, C) or a list of C (256,) arrays with "
            f"C = {nb_channels} (the image's channels), got shape {table.shape}")
    return table


def apply_lut_(image: np.ndarray, table: Any) -> np.ndarray:
    """Map every uint8 value ``v`` of ``image`` to ``table[v]`` (per channel when ``table``
    holds one 256-entry table per channel), in place where ``image`` is writable and
    C-contiguous; returns the result. dtypes: uint8 image and table."""
    image = _check_image(image)
    nb_channels = 1 if image.ndim == 2 else image.shape[2]
    table = _normalize_table(table, nb_channels)
    if image.size == 0:
        return image
    in_place = image.flags.writeable and image.flags.c_contiguous
    source = image if image.flags.c_contiguous else np.ascontiguousarray(image)
    out = image if in_place else np.empty_like(source)
    if table.ndim == 1:
        # one table: a 2D view has a single channel, so OpenCV's channel limit never applies
        flat_out = out.reshape(out.shape[0], -1)
        cv2.LUT(source.reshape(source.shape[0], -1), table, dst=flat_out)
        return out
    for c in range(nb_channels):
        out[..., c] = cv2.LUT(np.ascontiguousarray(source[..., c]), table[c])
    return out


def apply_lut(image: np.ndarray, table: Any) -> np.ndarray:
    """:func:`apply_lut_` on a copy: ``image`` is left unchanged."""
    return apply_lut_(np.array(_check_image(image), copy=True), table)
