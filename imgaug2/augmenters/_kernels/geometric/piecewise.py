"""Piecewise-affine warps on a regular control grid (pixel-index coordinates).

A ``nb_rows x nb_cols`` grid of source points ``(xs[j], ys[i])`` spans the array
(``linspace(0, H)``, ``linspace(0, W)``); each grid cell is split into two triangles along the
diagonal from its top-left to its bottom-right corner. Every source point has a destination
point ``dst[i, j]``. The transform ``T`` maps each source triangle affinely onto its
destination triangle. Like skimage's ``warp(image, PiecewiseAffineTransform)`` (used by
imgaug 0.4.0), the output pixel at ``p`` shows the input at ``T(p)``; consequently a point
of the input at ``q`` appears in the output at ``T^-1(q)``.
"""

from __future__ import annotations

import numpy as np


def grid_coordinates(height: int, width: int, nb_rows: int, nb_cols: int
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Source grid ``(ys, xs)``: ``linspace(0, height, nb_rows)``, ``linspace(0, width, ...)``."""
    return (np.linspace(0.0, float(height), int(nb_rows)),
            np.linspace(0.0, float(width), int(nb_cols)))


def destinations(height: int, width: int, nb_rows: int, nb_cols: int,
                 offsets_yx: np.ndarray) -> np.ndarray:
    """Destination points ``(nb_rows, nb_cols, 2)`` as ``(x, y)``: grid + offsets, clipped.

    ``offsets_yx`` holds ``nb_rows*nb_cols`` pixel offsets ``(dy, dx)`` in row-major order.
    Destinations are clipped to ``[0, height-1]`` / ``[0, width-1]`` as in imgaug.
    """
    ys, xs = grid_coordinates(height, width, nb_rows, nb_cols)
    offs = np.asarray(offsets_yx, dtype=np.float64).reshape(nb_rows, nb_cols, 2)
    dst = np.empty((nb_rows, nb_cols, 2), dtype=np.float64)
    dst[..., 0] = np.clip(xs[np.newaxis, :] + offs[..., 1], 0, max(width - 1, 0))
    dst[..., 1] = np.clip(ys[:, np.newaxis] + offs[..., 0], 0, max(height - 1, 0))
    return dst


def _cell_ranges(coords: np.ndarray, size: int) -> list[tuple[int, int]]:
    """Pixel index ranges ``[start, end)`` of the cells between consecutive grid coords."""
    nb_cells = len(coords) - 1
    bounds = np.searchsorted(np.arange(size), coords[1:-1], side="left")
    starts = np.concatenate([[0], bounds]).astype(int)
    ends = np.concatenate([bounds, [size]]).astype(int)
    return [(int(starts[k]), int(ends[k])) for k in range(nb_cells)]


def inverse_map(height: int, width: int, dst: np.ndarray) -> np.ndarray:
    """Dense float32 ``(height, width, 2)`` map with ``map[p] = T(p)`` (x, y) for every pixel.

    Within a cell both triangles are affine functions ``c + a*col + b*row``; each is written
    with one broadcasted add (upper triangle) and one masked copy (lower triangle).
    """
    nb_rows, nb_cols = dst.shape[0:2]
    ys, xs = grid_coordinates(height, width, nb_rows, nb_cols)
    result = np.empty((height, width, 2), dtype=np.float32)
    row_ranges = _cell_ranges(ys, height)
    col_ranges = _cell_ranges(xs, width)
    col_px = np.arange(width, dtype=np.float64)
    row_px = np.arange(height, dtype=np.float64)
    for i, (r0, r1) in enumerate(row_ranges):
        if r1 <= r0:
            continue
        v = (row_px[r0:r1] - ys[i]) / (ys[i + 1] - ys[i])
        for j, (c0, c1) in enumerate(col_ranges):
            if c1 <= c0:
                continue
            u = (col_px[c0:c1] - xs[j]) / (xs[j + 1] - xs[j])
            p00, p01 = dst[i, j], dst[i, j + 1]
            p10, p11 = dst[i + 1, j], dst[i + 1, j + 1]
            lower = v[:, np.newaxis] > u[np.newaxis, :]  # triangle (00, 10, 11)
            target = result[r0:r1, c0:c1]
            upper_u, upper_v = p01 - p00, p11 - p01
            lower_u, lower_v = p11 - p10, p10 - p00
            for axis in (0, 1):
                out = target[:, :, axis]
                row_part = (p00[axis] + u * upper_u[axis]).astype(np.float32)
                col_part = (v * upper_v[axis]).astype(np.float32)[:, np.newaxis]
                np.add(col_part, row_part[np.newaxis, :], out=out)
                row_part = (p00[axis] + u * lower_u[axis]).astype(np.float32)
                col_part = (v * lower_v[axis]).astype(np.float32)[:, np.newaxis]
                np.copyto(out, col_part + row_part[np.newaxis, :], where=lower)
    return result


def _triangles(ys: np.ndarray, xs: np.ndarray, dst: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """Source and destination triangles ``(T, 3, 2)`` of the grid (x, y)."""
    nb_rows, nb_cols = dst.shape[0:2]
    src = np.empty((nb_rows, nb_cols, 2), dtype=np.float64)
    src[..., 0] = xs[np.newaxis, :]
    src[..., 1] = ys[:, np.newaxis]
    tri_src, tri_dst = [], []
    for i in range(nb_rows - 1):
        for j in range(nb_cols - 1):
            for corners in (((i, j), (i, j + 1), (i + 1, j + 1)),
                            ((i, j), (i + 1, j), (i + 1, j + 1))):
                tri_src.append([src[c] for c in corners])
                tri_dst.append([dst[c] for c in corners])
    return np.asarray(tri_src, dtype=np.float64), np.asarray(tri_dst, dtype=np.float64)


def map_points(xy: np.ndarray, height: int, width: int, dst: np.ndarray) -> np.ndarray:
    """Move ``(N, 2)`` pixel-index points of the input to their output position ``T^-1(q)``.

    Each point is expressed in barycentric coordinates of the destination triangle that
    contains it and re-assembled from the corresponding source triangle. Where triangles
    fold over, the one in which the point lies deepest is used; points outside every
    destination triangle use the nearest one (linear extrapolation).
    """
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    if len(pts) == 0:
        return pts.copy()
    nb_rows, nb_cols = dst.shape[0:2]
    ys, xs = grid_coordinates(height, width, nb_rows, nb_cols)
    tri_src, tri_dst = _triangles(ys, xs, dst)
    a, b, c = tri_dst[:, 0], tri_dst[:, 1], tri_dst[:, 2]  # (T, 2)
    v0, v1 = b - a, c - a
    det = v0[:, 0] * v1[:, 1] - v0[:, 1] * v1[:, 0]  # (T,)
    valid = np.abs(det) > 1e-12
    safe_det = np.where(valid, det, 1.0)
    rel = pts[:, np.newaxis, :] - a[np.newaxis, :, :]  # (N, T, 2)
    w1 = (rel[..., 0] * v1[:, 1] - rel[..., 1] * v1[:, 0]) / safe_det
    w2 = (v0[:, 0] * rel[..., 1] - v0[:, 1] * rel[..., 0]) / safe_det
    w0 = 1.0 - w1 - w2
    depth = np.minimum(np.minimum(w0, w1), w2)
    depth = np.where(valid[np.newaxis, :], depth, -np.inf)
    best = np.argmax(depth, axis=1)
    idx = np.arange(len(pts))
    bw0, bw1, bw2 = w0[idx, best], w1[idx, best], w2[idx, best]
    s = tri_src[best]  # (N, 3, 2)
    return bw0[:, None] * s[:, 0] + bw1[:, None] * s[:, 1] + bw2[:, None] * s[:, 2]
