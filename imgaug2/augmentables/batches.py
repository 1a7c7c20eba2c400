"""Batches: :class:`UnnormalizedBatch` (user formats), :class:`Batch` (normalised) and
``_BatchInAugmentation`` (what augmenters work on)."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from imgaug2.augmentables import normalization as nlib
from imgaug2.augmentables.utils import deepcopy_fast

COLUMNS = ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
           "polygons", "line_strings")


@dataclass
class _BatchInAugmentationColumn:
    name: str
    value: Any


def _rowwise_shapes(images: Any) -> list[tuple[int, ...]] | None:
    if images is None:
        return None
    if isinstance(images, np.ndarray):
        return [images.shape[1:]] * images.shape[0]
    return [image.shape for image in images]


class UnnormalizedBatch:
    """A batch in the user's own formats (arrays, lists of tuples, ``*OnImage``, ...)."""

    def __init__(self, images=None, heatmaps=None, segmentation_maps=None, keypoints=None,
                 bounding_boxes=None, polygons=None, line_strings=None, data=None) -> None:
        self.images_unaug = images
        self.heatmaps_unaug = heatmaps
        self.segmentation_maps_unaug = segmentation_maps
        self.keypoints_unaug = keypoints
        self.bounding_boxes_unaug = bounding_boxes
        self.polygons_unaug = polygons
        self.line_strings_unaug = line_strings
        for column in COLUMNS:
            setattr(self, f"{column}_aug", None)
        self.data = data

    def get_column_names(self) -> list[str]:
        return [c for c in COLUMNS if getattr(self, f"{c}_unaug") is not None]

    def to_normalized_batch(self) -> Batch:
        images = nlib.normalize_images(self.images_unaug)
        shapes = _rowwise_shapes(images)
        return Batch(
            images=images,
            heatmaps=nlib.normalize_heatmaps(self.heatmaps_unaug, shapes),
            segmentation_maps=nlib.normalize_segmentation_maps(self.segmentation_maps_unaug,
                                                               shapes),
            keypoints=nlib.normalize_keypoints(self.keypoints_unaug, shapes),
            bounding_boxes=nlib.normalize_bounding_boxes(self.bounding_boxes_unaug, shapes),
            polygons=nlib.normalize_polygons(self.polygons_unaug, shapes),
            line_strings=nlib.normalize_line_strings(self.line_strings_unaug, shapes),
            data=self.data,
        )

    def to_batch_in_augmentation(self) -> _BatchInAugmentation:
        return self.to_normalized_batch().to_batch_in_augmentation()

    def fill_from_augmented_normalized_batch_(self, batch_aug_norm: Batch) -> UnnormalizedBatch:
        inverters = {
            "images": nlib.invert_normalize_images,
            "heatmaps": nlib.invert_normalize_heatmaps,
            "segmentation_maps": nlib.invert_normalize_segmentation_maps,
            "keypoints": nlib.invert_normalize_keypoints,
            "bounding_boxes": nlib.invert_normalize_bounding_boxes,
            "polygons": nlib.invert_normalize_polygons,
            "line_strings": nlib.invert_normalize_line_strings,
        }
        for column, invert in inverters.items():
            augmented = getattr(batch_aug_norm, f"{column}_aug")
            old = getattr(self, f"{column}_unaug")
            setattr(self, f"{column}_aug",
                    None if augmented is None else invert(augmented, old))
        self.data = batch_aug_norm.data
        return self

    def fill_from_augmented_normalized_batch(self, batch_aug_norm: Batch) -> UnnormalizedBatch:
        result = UnnormalizedBatch(**{c: getattr(self, f"{c}_unaug") for c in COLUMNS},
                                   data=self.data)
        return result.fill_from_augmented_normalized_batch_(batch_aug_norm)


class Batch:
    """A normalised batch: images as an ``(N,H,W,C)`` array or a list of ``(H,W,C)`` arrays,
    annotations as lists of ``*OnImage`` objects. ``row_seeds`` (one int per row) switches the
    augmenters to keyed randomness (see :mod:`imgaug2.random`)."""

    def __init__(self, images=None, heatmaps=None, segmentation_maps=None, keypoints=None,
                 bounding_boxes=None, polygons=None, line_strings=None, data=None,
                 row_seeds=None) -> None:
        self.images_unaug = images
        self.heatmaps_unaug = heatmaps
        self.segmentation_maps_unaug = segmentation_maps
        self.keypoints_unaug = keypoints
        self.bounding_boxes_unaug = bounding_boxes
        self.polygons_unaug = polygons
        self.line_strings_unaug = line_strings
        for column in COLUMNS:
            setattr(self, f"{column}_aug", None)
        self.data = data
        self.row_seeds = None if row_seeds is None else [int(s) for s in row_seeds]

    # deprecated imgaug aliases
    images = property(lambda self: self.images_unaug)
    heatmaps = property(lambda self: self.heatmaps_unaug)
    segmentation_maps = property(lambda self: self.segmentation_maps_unaug)
    keypoints = property(lambda self: self.keypoints_unaug)
    bounding_boxes = property(lambda self: self.bounding_boxes_unaug)

    def get_column_names(self) -> list[str]:
        return [c for c in COLUMNS if getattr(self, f"{c}_unaug") is not None]

    def to_normalized_batch(self) -> Batch:
        return self

    def to_batch_in_augmentation(self) -> _BatchInAugmentation:
        def copy(value):
            if value is None:
                return None
            if isinstance(value, np.ndarray):
                return np.copy(value)
            return [np.copy(v) if isinstance(v, np.ndarray) else v.deepcopy() for v in value]

        return _BatchInAugmentation(
            **{c: copy(getattr(self, f"{c}_unaug")) for c in COLUMNS},
            data=self.data, row_seeds=self.row_seeds)

    def fill_from_batch_in_augmentation_(self, batch_in_augmentation) -> Batch:
        for column in COLUMNS:
            setattr(self, f"{column}_aug", getattr(batch_in_augmentation, column))
        self.data = batch_in_augmentation.data
        return self

    def deepcopy(self, **kwargs) -> Batch:
        result = Batch(**{c: deepcopy_fast(getattr(self, f"{c}_unaug")) for c in COLUMNS},
                       data=deepcopy_fast(self.data), row_seeds=self.row_seeds)
        for column in COLUMNS:
            setattr(result, f"{column}_aug", deepcopy_fast(getattr(self, f"{column}_aug")))
        for key, value in kwargs.items():
            setattr(result, key, value)
        return result


class _BatchInAugmentation:
    """What augmenters receive and return (see ``imgaug2.augmenters._augmenter``)."""

    def __init__(self, images=None, heatmaps=None, segmentation_maps=None, keypoints=None,
                 bounding_boxes=None, polygons=None, line_strings=None, data=None,
                 row_seeds=None) -> None:
        self.images = images
        self.heatmaps = heatmaps
        self.segmentation_maps = segmentation_maps
        self.keypoints = keypoints
        self.bounding_boxes = bounding_boxes
        self.polygons = polygons
        self.line_strings = line_strings
        self.data = data
        self.row_seeds = None if row_seeds is None else list(row_seeds)

    @property
    def empty(self) -> bool:
        return self.nb_rows == 0

    @property
    def nb_rows(self) -> int:
        lengths = {c.name: len(c.value) for c in self.columns}
        if not lengths:
            return 0
        if len(set(lengths.values())) != 1:
            raise ValueError(f"columns of a batch disagree in their number of rows: {lengths}")
        return next(iter(lengths.values()))

    @property
    def columns(self) -> list[_BatchInAugmentationColumn]:
        return [_BatchInAugmentationColumn(c, getattr(self, c)) for c in COLUMNS
                if getattr(self, c) is not None]

    def get_column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def get_rowwise_shapes(self) -> list[tuple[int, ...]]:
        if self.images is not None:
            return _rowwise_shapes(self.images)
        for column in self.columns:
            return [item.shape for item in column.value]
        return []

    def subselect_rows_by_indices(self, indices) -> _BatchInAugmentation:
        indices = [int(i) for i in indices]

        def pick(value):
            if value is None:
                return None
            if isinstance(value, np.ndarray):
                return value[indices]
            return [value[i] for i in indices]

        return _BatchInAugmentation(
            **{c: pick(getattr(self, c)) for c in COLUMNS}, data=self.data,
            row_seeds=None if self.row_seeds is None else [self.row_seeds[i] for i in indices])

    def invert_subselect_rows_by_indices_(self, indices, batch_subselected
                                          ) -> _BatchInAugmentation:
        indices = [int(i) for i in indices]
        for column in COLUMNS:
            value = getattr(self, column)
            sub = getattr(batch_subselected, column)
            if value is None or sub is None:
                continue
            if isinstance(value, np.ndarray):
                sub_list = list(sub) if isinstance(sub, np.ndarray) else sub
                same = all(s.shape == value.shape[1:] and s.dtype == value.dtype
                           for s in sub_list)
                if same:
                    if isinstance(sub, np.ndarray):
                        value[indices] = sub
                    else:
                        for i, s in zip(indices, sub_list):
                            value[i] = s
                    continue
                value = list(value)
            for i, s in zip(indices, sub):
                value[i] = s
            setattr(self, column, value)
        return self

    @contextmanager
    def propagation_hooks_ctx(self, augmenter, hooks, parents):
        noned = self.apply_propagation_hooks_(augmenter, hooks, parents)
        try:
            yield self
        finally:
            self.invert_apply_propagation_hooks_(noned)

    def apply_propagation_hooks_(self, augmenter, hooks, parents) -> list:
        if hooks is None:
            return []
        noned = []
        for column in self.columns:
            if not hooks.is_propagating(column.value, augmenter=augmenter, parents=parents,
                                        default=True):
                noned.append(column)
                setattr(self, column.name, None)
        return noned

    def invert_apply_propagation_hooks_(self, noned: list) -> _BatchInAugmentation:
        for column in noned:
            setattr(self, column.name, column.value)
        return self

    def to_batch_in_augmentation(self) -> _BatchInAugmentation:
        return self

    def fill_from_batch_in_augmentation_(self, batch) -> _BatchInAugmentation:
        if batch is self:
            return self
        for column in COLUMNS:
            setattr(self, column, getattr(batch, column))
        self.data = batch.data
        self.row_seeds = batch.row_seeds
        return self

    def to_batch(self, batch_before_aug: Batch) -> Batch:
        batch = Batch(**{c: getattr(batch_before_aug, f"{c}_unaug") for c in COLUMNS},
                      data=self.data, row_seeds=self.row_seeds)
        return batch.fill_from_batch_in_augmentation_(self)

    def deepcopy(self) -> _BatchInAugmentation:
        return _BatchInAugmentation(**{c: deepcopy_fast(getattr(self, c)) for c in COLUMNS},
                                    data=deepcopy_fast(self.data), row_seeds=self.row_seeds)

