"""Linear polar warping (like ``cv2.warpPolar`` with ``WARP_POLAR_LINEAR``) of arrays and
points, built on explicit remap maps so that every dtype of
:mod:`imgaug2.augmenters._kernels.geometric.warp` is supported and coordinates stay exactly
consistent with the arrays.

For an ``(H, W)`` image the polar image has ``round(R * pi)`` rows (angle, ``[0, 2*pi)``
clockwise from the positive x-axis) and ``round(R)`` columns (radius ``[0, R]``), where
``R = sqrt((H/2)^2 + (W/2)^2)``. The transform is defined on continuous coordinates (pixel
centres at ``i + 0.5``) around the centre ``(W/2, H/2)``; pixels outside the source are 0.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from imgaug2.augmenters._kernels.geometric import warp as W


def max_radius(height: int, width: int) -> float:
    return math.sqrt((height / 2.0) ** 2 + (width / 2.0) ** 2)


def polar_shape(shape: tuple) -> tuple:
    """Shape of the polar representation of an image of ``shape`` (channels kept)."""
    height, width = shape[0:2]
    if height == 0 or width == 0:
        return tuple(shape)
    radius = max_radius(height, width)
    return (int(np.round(radius * math.pi)), int(np.round(radius))) + tuple(shape[2:])


def cartesian_to_polar_points(xy: np.ndarray, cart_hw: tuple, polar_hw: tuple) -> np.ndarray:
    """Continuous cartesian points -> continuous polar points ``(rho_x, phi_y)``."""
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    height, width = cart_hw[0:2]
    radius = max_radius(height, width)
    k_rho = polar_hw[1] / radius
    k_phi = polar_hw[0] / (2 * math.pi)
    rel_x = pts[:, 0] - width / 2.0
    rel_y = pts[:, 1] - height / 2.0
    angle = np.mod(np.arctan2(rel_y, rel_x), 2 * math.pi)
    return np.stack([np.hypot(rel_x, rel_y) * k_rho, angle * k_phi], axis=1)


def polar_to_cartesian_points(xy: np.ndarray, cart_hw: tuple, polar_hw: tuple) -> np.ndarray:
    """Continuous polar points ``(rho_x, phi_y)`` -> continuous cartesian points."""
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    height, width = cart_hw[0:2]
    radius = max_radius(height, width)
    magnitude = pts[:, 0] / (polar_hw[1] / radius)
    angle = pts[:, 1] / (polar_hw[0] / (2 * math.pi))
    return np.stack([width / 2.0 + magnitude * np.cos(angle),
                     height / 2.0 + magnitude * np.sin(angle)], axis=1)


def _grid_points(height: int, width: int) -> np.ndarray:
    ys, xs = np.mgrid[0:height, 0:width]
    return np.stack([xs.ravel() + 0.5, ys.ravel() + 0.5], axis=1)


def warp_to_polar(arr: np.ndarray, interpolation: int) -> np.ndarray:
    """Polar representation of an ``(H, W, C)`` array."""
    cart_hw = arr.shape[0:2]
    polar_hw = polar_shape(cart_hw)
    if 0 in cart_hw or 0 in polar_hw:
        return np.copy(arr)
    src = polar_to_cartesian_points(_grid_points(*polar_hw), cart_hw, polar_hw) - 0.5
    remap_map = src.reshape(polar_hw[0], polar_hw[1], 2).astype(np.float32)
    return W.remap(arr, remap_map, None, interpolation, cv2.BORDER_CONSTANT, 0)


def warp_from_polar(arr: np.ndarray, cart_shape: tuple, interpolation: int) -> np.ndarray:
    """Cartesian ``(H, W, C)`` array (``H, W`` from ``cart_shape``) of a polar array.

    The angle axis wraps around (one row of the other end is appended at each end before
    remapping); radii beyond the polar image are filled with 0.
    """
    polar_hw = arr.shape[0:2]
    cart_hw = tuple(cart_shape[0:2])
    if 0 in cart_hw or 0 in polar_hw:
        return np.zeros(cart_hw + arr.shape[2:], dtype=arr.dtype)
    src = cartesian_to_polar_points(_grid_points(*cart_hw), cart_hw, polar_hw) - 0.5
    src[:, 1] += 1.0  # one wrapped row is prepended
    wrapped = np.concatenate([arr[-1:], arr, arr[:1]], axis=0)
    remap_map = src.reshape(cart_hw[0], cart_hw[1], 2).astype(np.float32)
    return W.remap(wrapped, remap_map, None, interpolation, cv2.BORDER_CONSTANT, 0)
