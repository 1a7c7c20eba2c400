"""Four-point perspective matrices as imgaug 0.4.0's PerspectiveTransform computes them."""

from __future__ import annotations

import cv2
import numpy as np

_MAX_GROW_STEPS = 1000


def order_corners(points: np.ndarray) -> np.ndarray:
    """Order four ``(x, y)`` points as top-left, top-right, bottom-right, bottom-left.

    Top-left has the smallest ``x + y``, bottom-right the largest; top-right has the smallest
    ``y - x``, bottom-left the largest.
    """
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    ordered = np.zeros((4, 2), dtype=np.float32)
    sums = pts[:, 0] + pts[:, 1]
    diffs = pts[:, 1] - pts[:, 0]
    ordered[0] = pts[np.argmin(sums)]
    ordered[2] = pts[np.argmax(sums)]
    ordered[1] = pts[np.argmin(diffs)]
    ordered[3] = pts[np.argmax(diffs)]
    return ordered


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


def _edge_length(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2))


def perspective_matrix(corners: np.ndarray, min_width: int = 2, min_height: int = 2
                       ) -> tuple[np.ndarray, int, int]:
    """Matrix mapping the quadrilateral ``corners`` onto an upright rectangle.

    The rectangle's width/height are the longer of the two opposite edges (truncated to int).
    Quadrilaterals narrower than ``min_width``/``min_height`` are widened symmetrically first.
    Returns ``(matrix, out_height, out_width)``.
    """
    tl, tr, br, bl = (p.copy() for p in order_corners(corners))
    for _ in range(_MAX_GROW_STEPS):
        width_top, width_bottom = _edge_length(tr, tl), _edge_length(br, bl)
        max_width, min_w = int(max(width_top, width_bottom)), int(min(width_top, width_bottom))
        if min_w >= min_width:
            break
        step = (min_width - min_w) / 2
        tl[0] -= step
        bl[0] -= step
        tr[0] += step
        br[0] += step
    for _ in range(_MAX_GROW_STEPS):
        height_right, height_left = _edge_length(tr, br), _edge_length(tl, bl)
        max_height, min_h = int(max(height_right, height_left)), int(min(height_right,
                                                                          height_left))
        if min_h >= min_height:
            break
        step = (min_height - min_h) / 2
        tl[1] -= step
        tr[1] -= step
        bl[1] += step
        br[1] += step
    src = np.array([tl, tr, br, bl], dtype=np.float32)
    dst = np.array([[0, 0], [max_width, 0], [max_width, max_height], [0, max_height]],
                   dtype=np.float32)
    return cv2.getPerspectiveTransform(src, dst), max_height, max_width


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
