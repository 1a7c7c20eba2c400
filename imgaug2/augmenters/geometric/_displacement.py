"""Shared machinery of displacement-field augmenters (ElasticTransformation, PiecewiseAffine).

A subclass samples per row a field ``(dx, dy)`` at image resolution: the output pixel at x
samples the input at ``x + d(x)``. Heatmaps and segmentation maps use the field resized to their
size; coordinates are moved by inverting the field locally.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2.augmenters._kernels import warps as kernels
from imgaug2.augmenters.geometric._warp import ALLOWED, DISALLOWED
from imgaug2.augmenters.meta import Augmenter


def _grid(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    return np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))


class DisplacementAugmenter(Augmenter):
    """Base class: implement ``_sample_field(shape, random_state) -> (dx, dy, order, mode,
    cval)`` or None for "unchanged"."""

    def _sample_field(self, shape, random_state) -> Any:
        raise NotImplementedError

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is not None:
            iadt.check_images_dtypes(batch.images, ALLOWED, DISALLOWED, self)
        shapes = batch.get_rowwise_shapes()
        fields = [self._sample_field(shape, random_state) for shape in shapes]
        if batch.images is not None:
            images = batch.images
            for i, field in enumerate(fields):
                if field is None:
                    continue
                dx, dy, order, mode, cval = field
                xx, yy = _grid(*dx.shape)
                images[i] = kernels.remap(images[i], xx + dx, yy + dy, order, mode, cval)
            batch.images = images
        for column, attr, order in (("heatmaps", "arr_0to1", 1),
                                    ("segmentation_maps", "arr", 0)):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for item, field in zip(maps, fields):
                if field is None:
                    continue
                arr = getattr(item, attr)
                dx, dy = field[0], field[1]
                hw = arr.shape[0:2]
                sdx = kernels.resize_field(dx, hw) * (hw[1] / dx.shape[1])
                sdy = kernels.resize_field(dy, hw) * (hw[0] / dy.shape[0])
                xx, yy = _grid(*hw)
                setattr(item, attr, kernels.remap(arr, xx + sdx, yy + sdy, order, "constant",
                                                  0))
        for column in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
            items = getattr(batch, column)
            if items is None:
                continue
            for i, (cbaoi, field) in enumerate(zip(items, fields)):
                if field is None:
                    continue
                kpsoi = cbaoi.to_keypoints_on_image()
                xy = kernels.displace_points(kpsoi.to_xy_array(), field[0], field[1])
                kpsoi.fill_from_xy_array_(xy)
                items[i] = cbaoi.invert_to_keypoints_on_image_(kpsoi)
        return batch
