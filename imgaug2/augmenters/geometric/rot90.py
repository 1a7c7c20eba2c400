"""Rot90: rotate by multiples of 90 degrees (clockwise), exactly, with cv2.rotate."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters.geometric._warp import RowWarp, WarpAugmenter
from imgaug2.augmenters.geometric._warp import kernels as _kernels

_CV2_CODES = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}


def rot90_matrix(height: int, width: int, k: int) -> tuple[np.ndarray, tuple[int, int]]:
    """Exact matrix (OpenCV convention) of a clockwise rotation by ``k * 90`` degrees."""
    k %= 4
    if k == 0:
        return np.eye(3), (height, width)
    if k == 1:
        return np.array([[0, -1, height - 1], [1, 0, 0], [0, 0, 1]], float), (width, height)
    if k == 2:
        return np.array([[-1, 0, width - 1], [0, -1, height - 1], [0, 0, 1]], float), (
            height, width)
    return np.array([[0, 1, 0], [-1, 0, width - 1], [0, 0, 1]], float), (width, height)


class Rot90(WarpAugmenter):
    """Rotate by ``k * 90`` degrees clockwise (``k``: int, list, (a, b) or ``ia.ALL``).

    ``keep_size=True`` resizes the result back to the input size. All annotation types.
    """

    def __init__(self, k: Any = 1, keep_size: bool = True, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.k = iap.Choice([0, 1, 2, 3]) if k == "ALL" else iap.handle_discrete_param(
            k, "k", allow_floats=False)
        self.keep_size = bool(keep_size)

    def _sample_warps(self, shapes, random_state):
        ks = self.k.draw_samples((len(shapes),), random_state=random_state)
        warps = []
        for shape, k in zip(shapes, ks):
            h, w = shape[0:2]
            matrix, out_hw = rot90_matrix(h, w, int(k))
            if self.keep_size and out_hw != (h, w):
                sy, sx = h / out_hw[0], w / out_hw[1]
                scale = np.array([[sx, 0, 0.5 * sx - 0.5], [0, sy, 0.5 * sy - 0.5], [0, 0, 1]])
                matrix, out_hw = scale @ matrix, (h, w)
            warps.append(RowWarp(matrix, out_hw, order=1, meta=int(k) % 4))
        return warps

    def _warp_images(self, images, warps):
        from imgaug2 import imgaug as ia

        out = []
        for image, warp in zip(images, warps):
            k = warp.meta
            rotated = image
            if k:
                if image.dtype in _kernels.CV2_WARP_DTYPES and image.shape[2] <= 4:
                    rotated = cv2.rotate(image, _CV2_CODES[k])
                    if rotated.ndim == 2:
                        rotated = rotated[..., None]
                else:
                    rotated = np.ascontiguousarray(np.rot90(image, -k))
            if rotated.shape[0:2] != tuple(warp.out_hw):
                rotated = ia.imresize_single_image(rotated, tuple(warp.out_hw))
                if rotated.ndim == 2:
                    rotated = rotated[..., None]
            out.append(rotated if k else rotated.copy())
        return out

    def get_parameters(self) -> list:
        return [self.k, self.keep_size]
