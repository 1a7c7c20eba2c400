"""Pooling: AveragePooling, MaxPooling, MinPooling, MedianPooling.

With ``keep_size=True`` (default) the pooled image is resized back to the input size and
annotations are unchanged; with ``keep_size=False`` images shrink and all annotations are
projected onto the new size.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters.meta import Augmenter

__all__ = ["AveragePooling", "MaxPooling", "MinPooling", "MedianPooling"]


class _Pooling(Augmenter):
    _pool = staticmethod(ia.avg_pool)

    def __init__(self, kernel_size: Any = (1, 5), keep_size: bool = True, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.kernel_size = iap.handle_discrete_kernel_size_param(
            kernel_size, "kernel_size", value_range=(0, None), allow_floats=False)
        self.keep_size = bool(keep_size)

    def _sizes(self, n: int, rng) -> tuple[np.ndarray, np.ndarray]:
        kh = np.asarray(self.kernel_size[0].draw_samples((n,), random_state=rng))
        kw = kh if self.kernel_size[1] is None else np.asarray(
            self.kernel_size[1].draw_samples((n,), random_state=rng))
        return np.maximum(kh, 1), np.maximum(kw, 1)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        shapes = batch.get_rowwise_shapes()
        kh, kw = self._sizes(len(shapes), random_state)
        new_shapes = []
        if batch.images is not None:
            iadt.check_images_dtypes(batch.images, "bool uint8 uint16 int8 int16 float16 "
                                     "float32 float64",
                                     "uint32 uint64 int32 int64 float128", self)
            images = batch.images
            out = []
            for image, h, w in zip(images, kh, kw):
                pooled = image if (h == 1 and w == 1) else self._pool(image, (int(h), int(w)))
                if self.keep_size and pooled.shape[0:2] != image.shape[0:2]:
                    pooled = ia.imresize_single_image(pooled, image.shape[0:2])
                out.append(pooled.reshape(*pooled.shape[0:2], image.shape[2]))
            batch.images = np.stack(out) if isinstance(images, np.ndarray) and all(
                o.shape == images.shape[1:] for o in out) else out
            new_shapes = [o.shape for o in out]
        else:
            new_shapes = [(-(-s[0] // int(h)), -(-s[1] // int(w))) + tuple(s[2:])
                          if not self.keep_size else s for s, h, w in zip(shapes, kh, kw)]
        if self.keep_size:
            return batch
        for column in ("heatmaps", "segmentation_maps"):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, (item, shape) in enumerate(zip(maps, new_shapes)):
                arr_shape = item.arr_0to1.shape if column == "heatmaps" else item.arr.shape
                target = (max(1, round(arr_shape[0] * shape[0] / shapes[i][0])),
                          max(1, round(arr_shape[1] * shape[1] / shapes[i][1])))
                maps[i] = item.resize(target)
                maps[i].shape = tuple(shape)
        for column in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
            items = getattr(batch, column)
            if items is not None:
                for i, shape in enumerate(new_shapes):
                    items[i] = items[i].on_(tuple(shape))
        return batch

    def get_parameters(self) -> list:
        return [self.kernel_size, self.keep_size]


class AveragePooling(_Pooling):
    """Average of each ``kernel_size`` block."""

    _pool = staticmethod(ia.avg_pool)


class MaxPooling(_Pooling):
    """Maximum of each ``kernel_size`` block."""

    _pool = staticmethod(ia.max_pool)


class MinPooling(_Pooling):
    """Minimum of each ``kernel_size`` block."""

    _pool = staticmethod(ia.min_pool)


class MedianPooling(_Pooling):
    """Median of each ``kernel_size`` block."""

    _pool = staticmethod(ia.median_pool)
