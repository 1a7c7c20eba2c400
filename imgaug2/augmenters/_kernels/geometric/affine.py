"""Affine matrices as imgaug 0.4.0 composes them (scale, rotate, shear, translate about the
centre), the ``fit_output`` adjustment and helpers. All matrices are 3x3 float64 and act on
pixel-index coordinates (centre of the top-left pixel at (0, 0)) unless stated otherwise.
"""

from __future__ import annotations

import math

import numpy as np


def translation_matrix(tx: float, ty: float) -> np.ndarray:
    return np.array([[1.0, 0.0, tx], [0.0, 1.0, ty], [0.0, 0.0, 1.0]])


def affine_matrix(height: int, width: int, scale_x: float = 1.0, scale_y: float = 1.0,
                  translate_x_px: float = 0.0, translate_y_px: float = 0.0,
                  rotate_deg: float = 0.0, shear_x_deg: float = 0.0,
                  shear_y_deg: float = 0.0) -> np.ndarray:
    """Forward matrix of an ``(height, width)`` array, about the array centre.

    The point ``p`` (relative to the centre ``((width-1)/2, (height-1)/2)``) is first sheared
    along y (``x' = x*cos(shy)``, ``y' = x*sin(shy) + y``), then mapped by
    ``[[sx*cos(r), -sy*sin(r+shx)], [sx*sin(r), sy*cos(r+shx)]]`` and translated by
    ``(translate_x_px, translate_y_px)``. Angles in degrees.
    """
    rot = math.radians(rotate_deg)
    shx = math.radians(shear_x_deg)
    shy = math.radians(shear_y_deg)
    linear = np.array([
        [scale_x * math.cos(rot), -scale_y * math.sin(rot + shx)],
        [scale_x * math.sin(rot), scale_y * math.cos(rot + shx)],
    ])
    shear_y = np.array([[math.cos(shy), 0.0], [math.sin(shy), 1.0]])
    linear = linear @ shear_y
    center = np.array([width / 2.0 - 0.5, height / 2.0 - 0.5])
    matrix = np.eye(3)
    matrix[:2, :2] = linear
    matrix[:2, 2] = center - linear @ center + np.array([translate_x_px, translate_y_px])
    return matrix


def fit_output(matrix: np.ndarray, height: int, width: int) -> tuple[np.ndarray, int, int]:
    """Shift ``matrix`` so that the whole warped array lies in the output plane.

    Returns the shifted matrix and the output ``(height, width)``: the bounding box of the
    warped pixel centres ``(0, 0) .. (width-1, height-1)`` plus one pixel, rounded up.
    """
    if height == 0 or width == 0:
        return matrix, height, width
    corners = np.array([[0.0, 0.0], [0.0, height - 1.0], [width - 1.0, height - 1.0],
                        [width - 1.0, 0.0]])
    warped = corners @ matrix[:2, :2].T + matrix[:2, 2]
    min_xy = warped.min(axis=0)
    max_xy = warped.max(axis=0)
    out_w = int(np.ceil(max_xy[0] - min_xy[0] + 1))
    out_h = int(np.ceil(max_xy[1] - min_xy[1] + 1))
    return translation_matrix(-min_xy[0], -min_xy[1]) @ matrix, out_h, out_w


def is_identity(matrix: np.ndarray, eps: float = 1e-4) -> bool:
    """Whether the mean absolute difference to the identity matrix is at most ``eps``."""
    rows = np.asarray(matrix, dtype=np.float64)[:3, :3].tolist()
    deviation = sum(abs(value - (1.0 if i == j else 0.0))
                    for i, row in enumerate(rows) for j, value in enumerate(row))
    return deviation / 9.0 <= eps
