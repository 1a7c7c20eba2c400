"""Pooling: AveragePooling, MaxPooling, MinPooling, MedianPooling.

Each image is padded to multiples of the sampled ``kernel_size`` (centred; reflect for
average/median, edge for max/min, as :func:`imgaug2.imgaug.avg_pool` & co.) and reduced per
block. With ``keep_size=True`` (default) the pooled image is resized back to the input size
and annotations are unchanged; with ``keep_size=False`` images shrink to
``ceil(H / kh) x ceil(W / kw)`` and keypoints, boxes, polygons, line strings, heatmaps and
segmentation maps are projected onto the new size.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters.meta import Augmenter

__all__ = ["AveragePooling", "MaxPooling", "MinPooling", "MedianPooling"]

_ALLOWED = "bool uint8 uint16 uint32 int8 int16 int32 float16 float32 float64"
_DISALLOWED = "uint64 int64 float128"


def _shape_after_pooling(shape: tuple, kh: int, kw: int) -> tuple:
    """``(ceil(H / kh), ceil(W / kw), *rest)``; shapes with a zero axis stay unchanged."""
    shape = tuple(shape)
    if any(axis == 0 for axis in shape):
        return shape
    return (-(-shape[0] // kh), -(-shape[1] // kw)) + shape[2:]


class _Pooling(Augmenter):
    _pool = staticmethod(ia.avg_pool)

    def __init__(self, kernel_size: Any = (1, 5), keep_size: bool = True, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.kernel_size = iap.handle_discrete_kernel_size_param(
            kernel_size, "kernel_size", value_range=(0, None), allow_floats=False)
        if not isinstance(keep_size, (bool, np.bool_)):
            raise TypeError(f"keep_size must be a bool, got {type(keep_size).__name__}")
        self.keep_size = bool(keep_size)

    def _draw_samples(self, n: int, rng) -> tuple[np.ndarray, np.ndarray]:
        kh = np.asarray(self.kernel_size[0].draw_samples((n,), random_state=rng)).reshape(n)
        kw = kh if self.kernel_size[1] is None else np.asarray(
            self.kernel_size[1].draw_samples((n,), random_state=rng)).reshape(n)
        return np.clip(kh, 1, None).astype(int), np.clip(kw, 1, None).astype(int)

    def _pool_images(self, images: Any, kh: np.ndarray, kw: np.ndarray) -> Any:
        out = []
        for image, h, w in zip(images, kh, kw):
            if (h < 2 and w < 2) or image.size == 0:
                out.append(image)
                continue
            pooled = self._pool(image, (int(h), int(w)))
            if self.keep_size:
                pooled = ia.imresize_single_image(pooled, image.shape[0:2])
            out.append(pooled.reshape(pooled.shape[0:2] + image.shape[2:]))
        if isinstance(images, np.ndarray) and all(o.shape == images.shape[1:] for o in out):
            return np.stack(out) if out else images
        return out

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None and self.keep_size:
            return batch
        kh, kw = self._draw_samples(batch.nb_rows, random_state)
        if batch.images is not None:
            iadt.check_images_dtypes(batch.images, _ALLOWED, _DISALLOWED, self)
            batch.images = self._pool_images(batch.images, kh, kw)
        if self.keep_size:
            return batch
        active = (kh >= 2) | (kw >= 2)
        for column, attr in (("heatmaps", "arr_0to1"), ("segmentation_maps", "arr")):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, item in enumerate(maps):
                if not active[i]:
                    continue
                arr_shape = _shape_after_pooling(getattr(item, attr).shape, kh[i], kw[i])
                resized = item.resize(arr_shape[0:2])
                resized.shape = _shape_after_pooling(item.shape, kh[i], kw[i])
                maps[i] = resized
        for column in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
            items = getattr(batch, column)
            if items is None:
                continue
            for i, item in enumerate(items):
                if active[i]:
                    items[i] = item.on_(_shape_after_pooling(item.shape, kh[i], kw[i]))
        return batch

    def get_parameters(self) -> list:
        return [self.kernel_size, self.keep_size]


class AveragePooling(_Pooling):
    """Average of each ``kernel_size`` block (reflect padding; result truncated to the dtype
    as imgaug does). ``kernel_size``: int, ``(a, b)``, list, parameter or ``((h...), (w...))``.
    dtypes: bool, uint8-32, int8-32, float16-64."""

    _pool = staticmethod(ia.avg_pool)


class MaxPooling(_Pooling):
    """Maximum of each ``kernel_size`` block (edge padding). dtypes: as
    :class:`AveragePooling`."""

    _pool = staticmethod(ia.max_pool)


class MinPooling(_Pooling):
    """Minimum of each ``kernel_size`` block (edge padding). dtypes: as
    :class:`AveragePooling`."""

    _pool = staticmethod(ia.min_pool)


class MedianPooling(_Pooling):
    """Median of each ``kernel_size`` block (reflect padding). dtypes: as
    :class:`AveragePooling`."""

    _pool = staticmethod(ia.median_pool)
