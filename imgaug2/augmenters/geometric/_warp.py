"""Shared machinery of matrix-based geometric augmenters (Affine, PerspectiveTransform, Rot90).

A subclass samples, per row, a 3x3 matrix (OpenCV convention), the output (height, width) and
interpolation settings; this base applies them to images, heatmaps, segmentation maps and all
coordinate-based annotations, so every column gets the same transform.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2.augmenters._kernels import warps as kernels
from imgaug2.augmenters.meta import Augmenter

ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
DISALLOWED = "uint32 uint64 int32 int64 float128"


@dataclass
class RowWarp:
    matrix: np.ndarray               # 3x3, OpenCV pixel convention
    out_hw: tuple[int, int]
    order: int = 1
    mode: str = "constant"
    cval: Any = 0
    meta: Any = None                 # subclass-specific (e.g. Rot90's k)


class WarpAugmenter(Augmenter):
    """Base class: implement ``_sample_warps(shapes, random_state) -> list[RowWarp]``."""

    def _sample_warps(self, shapes: list[tuple[int, ...]], random_state) -> list[RowWarp]:
        raise NotImplementedError

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is not None:
            iadt.check_images_dtypes(batch.images, ALLOWED, DISALLOWED, self)
        shapes = batch.get_rowwise_shapes()
        warps = self._sample_warps(shapes, random_state)
        if batch.images is not None:
            images = batch.images
            warped = self._warp_images(images, warps)
            same = isinstance(images, np.ndarray) and all(
                im.shape == images.shape[1:] for im in warped)
            batch.images = np.stack(warped) if same else warped
        for column, attr, order in (("heatmaps", "arr_0to1", 1),
                                    ("segmentation_maps", "arr", 0)):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, (item, w) in enumerate(zip(maps, warps)):
                arr = getattr(item, attr)
                in_hw, out_hw = shapes[i][0:2], w.out_hw
                arr_out_hw = (max(1, round(arr.shape[0] * out_hw[0] / in_hw[0])),
                              max(1, round(arr.shape[1] * out_hw[1] / in_hw[1])))
                matrix = kernels.rescale_matrix(w.matrix, in_hw, out_hw, arr.shape[0:2],
                                                arr_out_hw)
                setattr(item, attr, kernels.warp(arr, matrix, arr_out_hw, order, w.mode, 0))
                item.shape = tuple(out_hw) + tuple(item.shape[2:])
        for column in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
            items = getattr(batch, column)
            if items is None:
                continue
            for i, (cbaoi, w) in enumerate(zip(items, warps)):
                kpsoi = cbaoi.to_keypoints_on_image()
                kpsoi.fill_from_xy_array_(kernels.transform_points(kpsoi.to_xy_array(),
                                                                   w.matrix))
                kpsoi.shape = tuple(w.out_hw) + tuple(cbaoi.shape[2:])
                items[i] = cbaoi.invert_to_keypoints_on_image_(kpsoi)
        return batch

    def _warp_images(self, images, warps: list[RowWarp]) -> list[np.ndarray]:
        return [kernels.warp(images[i], w.matrix, w.out_hw, w.order, w.mode, w.cval)
                for i, w in enumerate(warps)]
