"""Superpixels: a compact SLIC-style k-means over (colour, position); pure, deterministic."""

from __future__ import annotations

import numpy as np


def slic_segments(image: np.ndarray, n_segments: int, compactness: float = 10.0,
                  iterations: int = 5) -> np.ndarray:
    """Label map ``(H, W)`` of about ``n_segments`` compact, colour-coherent segments.

    SLIC: centres start on a regular grid; each pixel is compared only with the centres of
    the 3x3 neighbouring grid cells (O(9 * pixels) per iteration).
    """
    h, w = image.shape[0:2]
    n_segments = max(1, min(int(n_segments), h * w))
    step = max(1.0, np.sqrt(h * w / n_segments))
    ny, nx = max(1, int(round(h / step))), max(1, int(round(w / step)))
    step_y, step_x = h / ny, w / nx
    cy, cx = np.meshgrid((np.arange(ny) + 0.5) * step_y, (np.arange(nx) + 0.5) * step_x,
                         indexing="ij")
    centers_pos = np.stack([cy.ravel(), cx.ravel()], axis=1).astype(np.float32)
    feats = image.reshape(h * w, -1).astype(np.float32)
    idx = (np.clip(centers_pos[:, 0].astype(int), 0, h - 1) * w
           + np.clip(centers_pos[:, 1].astype(int), 0, w - 1))
    centers_col = feats[idx].copy()
    yy, xx = np.mgrid[0:h, 0:w]
    pos = np.stack([yy.ravel(), xx.ravel()], axis=1).astype(np.float32)
    # candidate centres per pixel: the 3x3 grid cells around the pixel's own cell
    gy = np.clip((pos[:, 0] / step_y).astype(int), 0, ny - 1)
    gx = np.clip((pos[:, 1] / step_x).astype(int), 0, nx - 1)
    offsets = np.array([(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
    cand_y = gy[:, None] + offsets[None, :, 0]
    cand_x = gx[:, None] + offsets[None, :, 1]
    valid = (cand_y >= 0) & (cand_y < ny) & (cand_x >= 0) & (cand_x < nx)
    candidates = np.clip(cand_y, 0, ny - 1) * nx + np.clip(cand_x, 0, nx - 1)
    spatial_weight = (compactness / max(step_y, step_x)) ** 2
    labels = np.zeros(h * w, dtype=np.int64)
    n_centers = len(centers_pos)
    rows = np.arange(len(pos))
    penalty = np.where(valid, np.float32(0), np.float32(np.inf))
    for _ in range(iterations):
        dist = penalty.copy()
        for ch in range(feats.shape[1]):
            diff = feats[:, ch:ch + 1] - np.take(centers_col[:, ch], candidates)
            dist += diff * diff
        for dim in range(2):
            diff = pos[:, dim:dim + 1] - np.take(centers_pos[:, dim], candidates)
            dist += np.float32(spatial_weight) * diff * diff
        labels = candidates[rows, np.argmin(dist, axis=1)]
        counts = np.bincount(labels, minlength=n_centers).astype(np.float32)
        nonzero = counts > 0
        for dim in range(2):
            sums = np.bincount(labels, weights=pos[:, dim], minlength=n_centers)
            centers_pos[nonzero, dim] = sums[nonzero] / counts[nonzero]
        for ch in range(feats.shape[1]):
            sums = np.bincount(labels, weights=feats[:, ch], minlength=n_centers)
            centers_col[nonzero, ch] = sums[nonzero] / counts[nonzero]
    _, dense = np.unique(labels, return_inverse=True)
    return dense.reshape(h, w).astype(np.int32)


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
