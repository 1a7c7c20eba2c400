"""Voronoi cells: each pixel belongs to its nearest point; cells are painted with their mean."""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree


def voronoi_labels(height: int, width: int, points_xy: np.ndarray) -> np.ndarray:
    """Label map: index of the nearest point (pixel centres at i + 0.5)."""
    yy, xx = np.mgrid[0:height, 0:width]
    coords = np.stack([xx.ravel() + 0.5, yy.ravel() + 0.5], axis=1)
    _, labels = cKDTree(points_xy).query(coords, k=1)
    return labels.reshape(height, width).astype(np.int32)
