"""Four-point perspective matrices as imgaug 0.4.0's PerspectiveTransform computes them."""

from __future__ import annotations

import cv2
import numpy as np

_MAX_GROW_STEPS = 1000
_NEXT_CORNER = [1, 2, 3, 0]


def order_corners(points: np.ndarray) -> np.ndarray:
    """Order four ``(x, y)`` points as top-left, top-right, bottom-right, bottom-left.

    Top-left has the smallest ``x + y``, bottom-right the largest; top-right has the smallest
    ``y - x``, bottom-left the largest.
    """
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    sums = pts[:, 0] + pts[:, 1]
    diffs = pts[:, 1] - pts[:, 0]
    return pts[[sums.argmin(), diffs.argmin(), sums.argmax(), diffs.argmax()]]


def corners_from_jitter(jitter: np.ndarray, height: int, width: int) -> np.ndarray:
    """Source quadrilateral from a ``(4, 2)`` jitter (fractions of the image size).

    Each corner moves inwards by ``|jitter| mod 1`` of the width (x) and height (y).
    """
    frac = np.mod(np.abs(np.asarray(jitter, dtype=np.float64).reshape(4, 2)), 1.0)
    frac[1, 0] = 1.0 - frac[1, 0]  # top-right
    frac[2, 0] = 1.0 - frac[2, 0]  # bottom-right
    frac[2, 1] = 1.0 - frac[2, 1]
    frac[3, 1] = 1.0 - frac[3, 1]  # bottom-left
    frac[:, 0] *= width
    frac[:, 1] *= height
    return frac.astype(np.float32)


def _edge_lengths(quad: np.ndarray) -> list[float]:
    """Lengths of the edges tl-tr, tr-br, br-bl, bl-tl of an ordered float32 ``(4, 2)``
    quadrilateral (float32 arithmetic, as imgaug)."""
    edges = quad - quad[_NEXT_CORNER]
    return np.sqrt(edges[:, 0] ** 2 + edges[:, 1] ** 2).tolist()


def perspective_matrix(corners: np.ndarray, min_width: int = 2, min_height: int = 2
                       ) -> tuple[np.ndarray, int, int]:
    """Matrix mapping the quadrilateral ``corners`` onto an upright rectangle.

    The rectangle's width/height are the longer of the two opposite edges (truncated to int).
    Quadrilaterals narrower than ``min_width``/``min_height`` are widened symmetrically first.
    Returns ``(matrix, out_height, out_width)``.
    """
    quad = order_corners(corners)  # rows: tl, tr, br, bl
    for _ in range(_MAX_GROW_STEPS):
        width_top, _, width_bottom, _ = _edge_lengths(quad)
        max_width, min_w = int(max(width_top, width_bottom)), int(min(width_top, width_bottom))
        if min_w >= min_width:
            break
        step = np.float32((min_width - min_w) / 2)
        quad[[0, 3], 0] -= step
        quad[[1, 2], 0] += step
    for _ in range(_MAX_GROW_STEPS):
        _, height_right, _, height_left = _edge_lengths(quad)
        max_height, min_h = int(max(height_right, height_left)), int(min(height_right,
                                                                          height_left))
        if min_h >= min_height:
            break
        step = np.float32((min_height - min_h) / 2)
        quad[[0, 1], 1] -= step
        quad[[3, 2], 1] += step
    dst = np.array([[0, 0], [max_width, 0], [max_width, max_height], [0, max_height]],
                   dtype=np.float32)
    return cv2.getPerspectiveTransform(quad, dst), max_height, max_width


def expand_to_fit(matrix: np.ndarray, height: int, width: int) -> tuple[np.ndarray, int, int]:
    """Adjust ``matrix`` so that the whole warped ``(height, width)`` image is visible.

    Returns ``(matrix, out_height, out_width)``.
    """
    rect = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    dst = cv2.perspectiveTransform(rect[np.newaxis], np.asarray(matrix, dtype=np.float64))[0]
    dst = dst - dst.min(axis=0, keepdims=True)
    dst = np.around(dst, decimals=0).astype(np.float32)
    matrix_expanded = cv2.getPerspectiveTransform(rect, dst)
    out_w, out_h = dst.max(axis=0)
    return matrix_expanded, int(out_h), int(out_w)
