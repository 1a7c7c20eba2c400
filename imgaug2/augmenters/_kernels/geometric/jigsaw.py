"""Jigsaw cell shuffling of arrays and coordinates (vectorised). All dtypes."""

from __future__ import annotations

import numpy as np


def _check(arr_shape: tuple, destinations: np.ndarray) -> tuple[int, int]:
    dest = np.asarray(destinations)
    if dest.ndim != 2:
        raise ValueError(f"destinations must be a 2D array, got shape {dest.shape}")
    nb_rows, nb_cols = dest.shape
    if len(arr_shape) < 2:
        raise ValueError(f"arr must have at least two dimensions, got shape {arr_shape}")
    if arr_shape[0] % nb_rows != 0:
        raise ValueError(
            f"arr height {arr_shape[0]} must be divisible by the number of rows {nb_rows}; "
            "pad or crop the array or change the number of rows")
    if arr_shape[1] % nb_cols != 0:
        raise ValueError(
            f"arr width {arr_shape[1]} must be divisible by the number of columns {nb_cols}; "
            "pad or crop the array or change the number of columns")
    flat = np.sort(dest.ravel())
    if not np.array_equal(flat, np.arange(nb_rows * nb_cols)):
        raise ValueError("destinations must be a permutation of 0..nb_rows*nb_cols-1")
    return nb_rows, nb_cols


def apply_jigsaw(arr: np.ndarray, destinations: np.ndarray) -> np.ndarray:
    """Move cell ``i`` (row-major) of ``arr`` to cell ``destinations.flat[i]`` (new array).

    ``arr`` has at least two dimensions (H, W, ...); H and W must be divisible by the number
    of rows/columns of ``destinations``.
    """
    nb_rows, nb_cols = _check(arr.shape, destinations)
    height, width = arr.shape[0:2]
    ch, cw = height // nb_rows, width // nb_cols
    rest = arr.shape[2:]
    cells = arr.reshape((nb_rows, ch, nb_cols, cw) + rest).swapaxes(1, 2)
    cells = cells.reshape((nb_rows * nb_cols, ch, cw) + rest)
    moved = np.empty_like(cells)
    moved[np.asarray(destinations).ravel()] = cells
    moved = moved.reshape((nb_rows, nb_cols, ch, cw) + rest).swapaxes(1, 2)
    return np.ascontiguousarray(moved.reshape(arr.shape))


def apply_jigsaw_to_coords(coords: np.ndarray, destinations: np.ndarray,
                           image_shape: tuple) -> np.ndarray:
    """Move ``(N, 2)`` xy-coordinates with their jigsaw cells; points outside the image stay."""
    nb_rows, nb_cols = _check(tuple(image_shape), destinations)
    height, width = image_shape[0:2]
    ch, cw = height // nb_rows, width // nb_cols
    xy = np.array(coords, dtype=np.float64).reshape(-1, 2)
    result = xy.copy()
    inside = (xy[:, 0] >= 0) & (xy[:, 0] < width) & (xy[:, 1] >= 0) & (xy[:, 1] < height)
    if not inside.any():
        return result.astype(np.asarray(coords).dtype if np.asarray(coords).dtype.kind == "f"
                             else np.float64)
    x, y = xy[inside, 0], xy[inside, 1]
    src_row = np.floor(y / ch).astype(np.intp)
    src_col = np.floor(x / cw).astype(np.intp)
    dest = np.asarray(destinations).ravel()[src_row * nb_cols + src_col]
    dest_row, dest_col = np.divmod(dest, nb_cols)
    result[inside, 0] = dest_col * cw + (x - src_col * cw)
    result[inside, 1] = dest_row * ch + (y - src_row * ch)
    out_dtype = np.asarray(coords).dtype
    return result.astype(out_dtype if out_dtype.kind == "f" else np.float64)
