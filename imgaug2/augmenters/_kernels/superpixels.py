"""Superpixels: a compact SLIC-style k-means over (colour, position); pure, deterministic."""

from __future__ import annotations

import numpy as np


def slic_segments(image: np.ndarray, n_segments: int, compactness: float = 10.0,
                  iterations: int = 5) -> np.ndarray:
    """Label map ``(H, W)`` of about ``n_segments`` compact, colour-coherent segments."""
    h, w = image.shape[0:2]
    n_segments = max(1, min(int(n_segments), h * w))
    step = max(1.0, np.sqrt(h * w / n_segments))
    gy = np.arange(step / 2, h, step)
    gx = np.arange(step / 2, w, step)
    cy, cx = np.meshgrid(gy, gx, indexing="ij")
    feats = image.reshape(h * w, -1).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w]
    pos = np.stack([yy.ravel(), xx.ravel()], axis=1).astype(np.float32)
    centers_pos = np.stack([cy.ravel(), cx.ravel()], axis=1).astype(np.float32)
    idx = (np.clip(centers_pos[:, 0].astype(int), 0, h - 1) * w
           + np.clip(centers_pos[:, 1].astype(int), 0, w - 1))
    centers_col = feats[idx]
    spatial_weight = (compactness / step) ** 2
    labels = np.zeros(h * w, dtype=np.int32)
    for _ in range(iterations):
        d_col = ((feats[:, None, :] - centers_col[None, :, :]) ** 2).sum(axis=2)
        d_pos = ((pos[:, None, :] - centers_pos[None, :, :]) ** 2).sum(axis=2)
        labels = np.argmin(d_col + spatial_weight * d_pos, axis=1).astype(np.int32)
        counts = np.bincount(labels, minlength=len(centers_pos)).astype(np.float32)
        nonzero = counts > 0
        for dim in range(2):
            sums = np.bincount(labels, weights=pos[:, dim], minlength=len(centers_pos))
            centers_pos[nonzero, dim] = sums[nonzero] / counts[nonzero]
        for ch in range(feats.shape[1]):
            sums = np.bincount(labels, weights=feats[:, ch], minlength=len(centers_pos))
            centers_col[nonzero, ch] = sums[nonzero] / counts[nonzero]
    return labels.reshape(h, w)


def replace_segments_(image: np.ndarray, segments: np.ndarray,
                      replace_mask: np.ndarray) -> np.ndarray:
    """Set every segment whose ``replace_mask[label]`` is True to its mean colour."""
    n = int(segments.max()) + 1
    flat = segments.ravel()
    counts = np.maximum(np.bincount(flat, minlength=n), 1)
    pixels = image.reshape(-1, image.shape[2])
    out = pixels.astype(np.float64)
    replace_pixels = replace_mask[flat]
    for ch in range(image.shape[2]):
        means = np.bincount(flat, weights=pixels[:, ch], minlength=n) / counts
        out[replace_pixels, ch] = means[flat[replace_pixels]]
    if image.dtype.kind in "iu":
        info = np.iinfo(image.dtype)
        out = np.clip(np.round(out), info.min, info.max)
    return out.astype(image.dtype).reshape(image.shape)
