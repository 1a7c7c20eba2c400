"""Batches: :class:`UnnormalizedBatch` (user formats), :class:`Batch` (normalised data) and
``_BatchInAugmentation`` (what augmenters work on).

Columns: images (``(N,H,W,C)`` array or list of ``(H,W,C)`` arrays), heatmaps,
segmentation_maps, keypoints, bounding_boxes, polygons, line_strings (lists of ``*OnImage``).
``row_seeds`` (one int per row, optional) switches augmenters to keyed randomness.
"""

from __future__ import annotations

import collections
import copy as copylib
from typing import Any

import numpy as np

from imgaug2.augmentables import normalization as nlib

DEFAULT = "DEFAULT"

_AUGMENTABLE_NAMES = ["images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
                      "polygons", "line_strings"]

_AugmentableColumn = collections.namedtuple("_AugmentableColumn", ["name", "value", "attr_name"])

_NORMALIZERS = {
    "heatmaps": nlib.normalize_heatmaps,
    "segmentation_maps": nlib.normalize_segmentation_maps,
    "keypoints": nlib.normalize_keypoints,
    "bounding_boxes": nlib.normalize_bounding_boxes,
    "polygons": nlib.normalize_polygons,
    "line_strings": nlib.normalize_line_strings,
}

_INVERTERS = {
    "images": nlib.invert_normalize_images,
    "heatmaps": nlib.invert_normalize_heatmaps,
    "segmentation_maps": nlib.invert_normalize_segmentation_maps,
    "keypoints": nlib.invert_normalize_keypoints,
    "bounding_boxes": nlib.invert_normalize_bounding_boxes,
    "polygons": nlib.invert_normalize_polygons,
    "line_strings": nlib.invert_normalize_line_strings,
}


def _get_columns(batch: Any, postfix: str) -> list[_AugmentableColumn]:
    """Columns holding data (not None, not empty)."""
    columns = []
    for name in _AUGMENTABLE_NAMES:
        value = getattr(batch, name + postfix)
        if value is not None and len(value) > 0:
            columns.append(_AugmentableColumn(name, value, name + postfix))
    return columns


def _copy_augmentables(value: Any) -> Any:
    """Copy a column: arrays are copied, ``*OnImage`` objects deep-copied."""
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return np.copy(value)
    return [_deepcopy_value(item) for item in value]


def _deepcopy_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return np.copy(value)
    if isinstance(value, list):
        return [_deepcopy_value(item) for item in value]
    if hasattr(value, "deepcopy"):
        return value.deepcopy()
    return copylib.deepcopy(value)


def _read_only(array: np.ndarray) -> np.ndarray:
    view = array.view()
    view.setflags(write=False)
    return view


def read_only_views(images: Any) -> Any:
    """Read-only views of an images column (an array, or a new list of arrays).

    An augmenter that writes into one raises numpy's "assignment destination is read-only"
    error instead of changing the caller's data.
    """
    if images is None:
        return None
    if isinstance(images, np.ndarray):
        return _read_only(images)
    return [_read_only(image) if isinstance(image, np.ndarray) else image for image in images]


def borrow_plain_image_list(images: Any) -> list[np.ndarray] | None:
    """Read-only views of a list of ``(H,W,C)`` bool/uint/int arrays with non-empty H and W.

    One pass that does what normalisation, validation and :func:`read_only_views` would do for
    the common case. Returns None for anything else (a tuple, an array, 2D or float images,
    an empty list, bad entries): the general path then normalises, validates and names the
    problem.
    """
    if type(images) is not list or not images:
        return None
    for image in images:
        if type(image) is not np.ndarray:
            return None
        shape = image.shape
        if len(shape) != 3 or not shape[0] or not shape[1] or image.dtype.kind not in "uib":
            return None
    views = [image.view() for image in images]
    for view in views:
        view.setflags(write=False)
    return views


def release_borrowed_images(images: Any, borrowed: Any) -> Any:
    """``images`` with every array that shares memory with the ``borrowed`` input copied.

    Rows an augmenter left unchanged (or returned as views) must not alias the caller's arrays.
    """
    if images is None or borrowed is None:
        return images
    single = isinstance(borrowed, np.ndarray)
    if isinstance(images, np.ndarray):
        whole = [borrowed] if single else borrowed
        aliased = any(isinstance(source, np.ndarray) and np.may_share_memory(images, source)
                      for source in whole)
        return images.copy() if aliased else images
    if all(getattr(image, "base", None) is None for image in images):
        return images if isinstance(images, list) else list(images)  # all new arrays
    out = list(images)
    for i, image in enumerate(out):
        if getattr(image, "base", None) is None:
            continue  # owns its memory: a new array, cannot alias the input
        source = borrowed if single else (borrowed[i] if i < len(borrowed) else None)
        if isinstance(source, np.ndarray) and np.may_share_memory(image, source):
            out[i] = image.copy()
    return out


def _copy_seeds(row_seeds: Any) -> list[int] | None:
    return None if row_seeds is None else [int(seed) for seed in row_seeds]


class UnnormalizedBatch:
    """A batch in the user's own formats, before (``*_unaug``) and after (``*_aug``)
    augmentation. See :mod:`imgaug2.augmentables.normalization` for the accepted forms."""

    def __init__(self, images: Any = None, heatmaps: Any = None, segmentation_maps: Any = None,
                 keypoints: Any = None, bounding_boxes: Any = None, polygons: Any = None,
                 line_strings: Any = None, data: Any = None) -> None:
        self.images_unaug = images
        self.images_aug = None
        self.heatmaps_unaug = heatmaps
        self.heatmaps_aug = None
        self.segmentation_maps_unaug = segmentation_maps
        self.segmentation_maps_aug = None
        self.keypoints_unaug = keypoints
        self.keypoints_aug = None
        self.bounding_boxes_unaug = bounding_boxes
        self.bounding_boxes_aug = None
        self.polygons_unaug = polygons
        self.polygons_aug = None
        self.line_strings_unaug = line_strings
        self.line_strings_aug = None
        self.data = data

    def get_column_names(self) -> list[str]:
        """Names of the non-empty ``*_unaug`` columns, e.g. ``["images", "keypoints"]``."""
        return [column.name for column in _get_columns(self, "_unaug")]

    def to_normalized_batch(self) -> Batch:
        """A :class:`Batch` with the ``*_unaug`` data in normalised form (not copied)."""
        filled = [name for name in _AUGMENTABLE_NAMES if getattr(self, name + "_aug") is not None]
        if filled:
            raise ValueError(f"UnnormalizedBatch already contains augmented data ({filled}); "
                             "to_normalized_batch() expects a batch before augmentation.")
        images = nlib.normalize_images(self.images_unaug)
        shapes = None if images is None else [image.shape for image in images]
        columns = {"images": images}
        for name in _AUGMENTABLE_NAMES[1:]:
            value = getattr(self, name + "_unaug")
            columns[name] = None if value is None else _NORMALIZERS[name](value, shapes)
        return Batch(**columns, data=self.data)

    def to_batch_in_augmentation(self) -> _BatchInAugmentation:
        """Normalise and copy the data into a ``_BatchInAugmentation``."""
        return self.to_normalized_batch().to_batch_in_augmentation()

    def fill_from_augmented_normalized_batch_(self, batch_aug_norm: Batch) -> UnnormalizedBatch:
        """Set the ``*_aug`` attributes in place from an augmented normalised batch, converted
        to the forms of the ``*_unaug`` attributes. Returns this batch."""
        for name, invert in _INVERTERS.items():
            old = getattr(self, name + "_unaug")
            setattr(self, name + "_aug",
                    None if old is None else invert(getattr(batch_aug_norm, name + "_aug"), old))
        return self

    def fill_from_augmented_normalized_batch(self, batch_aug_norm: Batch) -> UnnormalizedBatch:
        """Like :meth:`fill_from_augmented_normalized_batch_`, but returns a new batch (sharing
        the ``*_unaug`` values; ``data`` taken from ``batch_aug_norm``)."""
        batch = UnnormalizedBatch(
            **{name: getattr(self, name + "_unaug") for name in _AUGMENTABLE_NAMES},
            data=batch_aug_norm.data)
        return batch.fill_from_augmented_normalized_batch_(batch_aug_norm)


class Batch:
    """A normalised batch before (``*_unaug``) and after (``*_aug``) augmentation.

    Images: ``(N,H,W,C)`` array or list of ``(H,W,C)`` arrays; annotations: lists of
    HeatmapsOnImage, SegmentationMapsOnImage, KeypointsOnImage, BoundingBoxesOnImage,
    PolygonsOnImage, LineStringsOnImage. ``row_seeds``: None or one int per row (keyed mode).
    """

    def __init__(self, images: Any = None, heatmaps: Any = None, segmentation_maps: Any = None,
                 keypoints: Any = None, bounding_boxes: Any = None, polygons: Any = None,
                 line_strings: Any = None, data: Any = None, row_seeds: Any = None) -> None:
        self.images_unaug = images
        self.images_aug = None
        self.heatmaps_unaug = heatmaps
        self.heatmaps_aug = None
        self.segmentation_maps_unaug = segmentation_maps
        self.segmentation_maps_aug = None
        self.keypoints_unaug = keypoints
        self.keypoints_aug = None
        self.bounding_boxes_unaug = bounding_boxes
        self.bounding_boxes_aug = None
        self.polygons_unaug = polygons
        self.polygons_aug = None
        self.line_strings_unaug = line_strings
        self.line_strings_aug = None
        self.data = data
        self.row_seeds = _copy_seeds(row_seeds)

    def _deprecated_unaug(self, name: str) -> Any:
        from imgaug2 import imgaug as ia

        ia.warn_deprecated(f"Batch.{name} is deprecated. Use Batch.{name}_unaug instead.",
                           stacklevel=4)
        return getattr(self, name + "_unaug")

    images = property(lambda self: self._deprecated_unaug("images"),
                      doc="Deprecated alias of ``images_unaug``.")
    heatmaps = property(lambda self: self._deprecated_unaug("heatmaps"),
                        doc="Deprecated alias of ``heatmaps_unaug``.")
    segmentation_maps = property(lambda self: self._deprecated_unaug("segmentation_maps"),
                                 doc="Deprecated alias of ``segmentation_maps_unaug``.")
    keypoints = property(lambda self: self._deprecated_unaug("keypoints"),
                         doc="Deprecated alias of ``keypoints_unaug``.")
    bounding_boxes = property(lambda self: self._deprecated_unaug("bounding_boxes"),
                              doc="Deprecated alias of ``bounding_boxes_unaug``.")

    def get_column_names(self) -> list[str]:
        """Names of the non-empty ``*_unaug`` columns."""
        return [column.name for column in _get_columns(self, "_unaug")]

    def to_normalized_batch(self) -> Batch:
        """This batch itself (it is already normalised)."""
        return self

    def to_batch_in_augmentation(self, borrow_images: bool = False) -> _BatchInAugmentation:
        """A ``_BatchInAugmentation`` holding copies of the ``*_unaug`` columns.

        ``borrow_images=True`` puts read-only views of the images in it instead of copies (for
        augmenters that never write into the arrays they receive; see
        :func:`release_borrowed_images`).
        """
        columns = {name: _copy_augmentables(getattr(self, name + "_unaug"))
                   for name in _AUGMENTABLE_NAMES[1:]}
        images = self.images_unaug
        columns["images"] = (read_only_views(images) if borrow_images
                             else _copy_augmentables(images))
        return _BatchInAugmentation(**columns, data=self.data, row_seeds=self.row_seeds)

    def fill_from_batch_in_augmentation_(self, batch_in_augmentation: Any) -> Batch:
        """Set the ``*_aug`` columns (by reference) from a ``_BatchInAugmentation``."""
        for name in _AUGMENTABLE_NAMES:
            setattr(self, name + "_aug", getattr(batch_in_augmentation, name))
        return self

    def deepcopy(self, images_unaug: Any = DEFAULT, images_aug: Any = DEFAULT,
                 heatmaps_unaug: Any = DEFAULT, heatmaps_aug: Any = DEFAULT,
                 segmentation_maps_unaug: Any = DEFAULT, segmentation_maps_aug: Any = DEFAULT,
                 keypoints_unaug: Any = DEFAULT, keypoints_aug: Any = DEFAULT,
                 bounding_boxes_unaug: Any = DEFAULT, bounding_boxes_aug: Any = DEFAULT,
                 polygons_unaug: Any = DEFAULT, polygons_aug: Any = DEFAULT,
                 line_strings_unaug: Any = DEFAULT, line_strings_aug: Any = DEFAULT,
                 row_seeds: Any = DEFAULT) -> Batch:
        """A deep copy; arguments other than ``DEFAULT`` replace the respective attribute."""
        given = {
            "images_unaug": images_unaug, "images_aug": images_aug,
            "heatmaps_unaug": heatmaps_unaug, "heatmaps_aug": heatmaps_aug,
            "segmentation_maps_unaug": segmentation_maps_unaug,
            "segmentation_maps_aug": segmentation_maps_aug,
            "keypoints_unaug": keypoints_unaug, "keypoints_aug": keypoints_aug,
            "bounding_boxes_unaug": bounding_boxes_unaug,
            "bounding_boxes_aug": bounding_boxes_aug,
            "polygons_unaug": polygons_unaug, "polygons_aug": polygons_aug,
            "line_strings_unaug": line_strings_unaug, "line_strings_aug": line_strings_aug,
        }
        batch = Batch(data=_deepcopy_value(self.data),
                      row_seeds=self.row_seeds if row_seeds is DEFAULT else row_seeds)
        for attr, value in given.items():
            setattr(batch, attr, _deepcopy_value(getattr(self, attr) if value is DEFAULT
                                                 else value))
        return batch


class _BatchInAugmentationPropagationContext:
    """Context manager: columns whose propagation hook says False are None inside."""

    def __init__(self, batch: _BatchInAugmentation, augmenter: Any, hooks: Any,
                 parents: list) -> None:
        self.batch = batch
        self.augmenter = augmenter
        self.hooks = hooks
        self.parents = parents
        self.noned_info: list | None = None

    def __enter__(self) -> _BatchInAugmentation:
        if self.hooks is not None:
            self.noned_info = self.batch.apply_propagation_hooks_(self.augmenter, self.hooks,
                                                                  self.parents)
        return self.batch

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        if self.noned_info is not None:
            self.batch.invert_apply_propagation_hooks_(self.noned_info)


class _BatchInAugmentation:
    """The batch augmenters receive and return; columns may be changed in place.

    images: None, ``(N,H,W,C)`` array or list of ``(H,W,C)`` arrays; other columns: None or
    lists of the matching ``*OnImage`` objects; ``row_seeds``: None or one int per row.
    """

    def __init__(self, images: Any = None, heatmaps: Any = None, segmentation_maps: Any = None,
                 keypoints: Any = None, bounding_boxes: Any = None, polygons: Any = None,
                 line_strings: Any = None, data: Any = None, row_seeds: Any = None) -> None:
        self.images = images
        self.heatmaps = heatmaps
        self.segmentation_maps = segmentation_maps
        self.keypoints = keypoints
        self.bounding_boxes = bounding_boxes
        self.polygons = polygons
        self.line_strings = line_strings
        self.data = data
        self.row_seeds = _copy_seeds(row_seeds)

    @property
    def empty(self) -> bool:
        """True if there are no rows to augment."""
        return self.nb_rows == 0

    @property
    def nb_rows(self) -> int:
        """Number of rows (examples); ValueError if the non-empty columns disagree."""
        if (self.heatmaps is None and self.segmentation_maps is None and self.keypoints is None
                and self.bounding_boxes is None and self.polygons is None
                and self.line_strings is None):
            return 0 if self.images is None else len(self.images)  # images only: hot path
        lengths = {}
        for name in _AUGMENTABLE_NAMES:  # hot in keyed mode: no column objects here
            value = getattr(self, name)
            if value is not None and len(value) > 0:
                lengths[name] = len(value)
        if not lengths:
            return 0
        if len(set(lengths.values())) > 1:
            raise ValueError("The columns of the batch have different numbers of rows: "
                             + ", ".join(f"{name}={n}" for name, n in lengths.items()))
        return next(iter(lengths.values()))

    @property
    def columns(self) -> list[_AugmentableColumn]:
        """The non-empty columns as ``(name, value, attr_name)`` tuples."""
        return _get_columns(self, "")

    def get_column_names(self) -> list[str]:
        """Names of the non-empty columns."""
        return [column.name for column in self.columns]

    def get_rowwise_shapes(self) -> list[tuple]:
        """Shape per row: the image shape, else the ``.shape`` of the row's annotations."""
        nb_rows = self.nb_rows
        shapes: list[Any] = [None] * nb_rows
        for column in self.columns:
            if column.name == "images" and isinstance(column.value, np.ndarray):
                return [column.value.shape[1:]] * nb_rows
            for i, item in enumerate(column.value):
                if shapes[i] is None and item is not None:
                    shapes[i] = item.shape
            if all(shape is not None for shape in shapes):
                break
        return shapes

    def writable_images(self) -> Any:
        """The images column, safe to write rows into: a read-only (borrowed) images array is
        replaced by a copy first. List entries may be replaced, not written into."""
        images = self.images
        if isinstance(images, np.ndarray) and not images.flags.writeable:
            images = self.images = images.copy()
        return images

    def subselect_rows_by_indices(self, indices: Any) -> _BatchInAugmentation:
        """A new batch holding only the given rows (images arrays stay arrays)."""
        indices = [int(index) for index in indices]
        kwargs: dict[str, Any] = {"data": self.data}
        for name in _AUGMENTABLE_NAMES:
            rows = getattr(self, name)
            if rows is not None:
                if isinstance(rows, np.ndarray):
                    rows = rows[indices]
                else:
                    rows = [rows[index] for index in indices]
                if len(rows) == 0:
                    rows = None
            kwargs[name] = rows
        if self.row_seeds is not None:
            kwargs["row_seeds"] = [self.row_seeds[index] for index in indices]
        return _BatchInAugmentation(**kwargs)

    def invert_subselect_rows_by_indices_(self, indices: Any,
                                          batch_subselected: _BatchInAugmentation
                                          ) -> _BatchInAugmentation:
        """Write the rows of ``batch_subselected`` back (in place); an images array becomes a
        list if the subselected images changed shape or dtype."""
        indices = [int(index) for index in indices]
        for name in _AUGMENTABLE_NAMES:
            column = getattr(self, name)
            column_sub = getattr(batch_subselected, name)
            if column is None or column_sub is None:
                continue
            if len(column_sub) != len(indices):
                raise ValueError(f"Column '{name}' of the subselected batch has "
                                 f"{len(column_sub)} rows, expected {len(indices)}.")
            if isinstance(column, np.ndarray):
                if isinstance(column_sub, np.ndarray):
                    same = (column_sub.shape[1:] == column.shape[1:]
                            and column_sub.dtype == column.dtype)
                else:
                    same = all(isinstance(sub, np.ndarray) and sub.shape == column.shape[1:]
                               and sub.dtype == column.dtype for sub in column_sub)
                if same:
                    if not column.flags.writeable:  # borrowed from the caller: copy on write
                        column = column.copy()
                        setattr(self, name, column)
                    column[indices] = column_sub
                    continue
                column = list(column)
                setattr(self, name, column)
            for index, row in zip(indices, column_sub):
                column[index] = row
        return self

    def propagation_hooks_ctx(self, augmenter: Any, hooks: Any,
                              parents: list) -> _BatchInAugmentationPropagationContext:
        """Context in which columns that ``hooks`` does not propagate are None."""
        return _BatchInAugmentationPropagationContext(self, augmenter=augmenter, hooks=hooks,
                                                      parents=parents)

    def apply_propagation_hooks_(self, augmenter: Any, hooks: Any,
                                 parents: list) -> list[tuple[str, Any]] | None:
        """Set non-propagated columns to None; returns ``(attr_name, value)`` pairs."""
        if hooks is None:
            return None
        noned_info = []
        for column in self.columns:
            if not hooks.is_propagating(column.value, augmenter=augmenter, parents=parents,
                                        default=True):
                setattr(self, column.attr_name, None)
                noned_info.append((column.attr_name, column.value))
        return noned_info

    def invert_apply_propagation_hooks_(self, noned_info: Any) -> _BatchInAugmentation:
        """Restore the columns set to None by :meth:`apply_propagation_hooks_`."""
        for attr_name, value in noned_info or []:
            setattr(self, attr_name, value)
        return self

    def to_batch_in_augmentation(self) -> _BatchInAugmentation:
        """This batch itself."""
        return self

    def fill_from_batch_in_augmentation_(self, batch_in_augmentation: _BatchInAugmentation
                                         ) -> _BatchInAugmentation:
        """Take over the columns of another batch (by reference)."""
        if batch_in_augmentation is self:
            return self
        for name in _AUGMENTABLE_NAMES:
            setattr(self, name, getattr(batch_in_augmentation, name))
        return self

    def to_batch(self, batch_before_aug: Batch) -> Batch:
        """A :class:`Batch` with ``*_unaug`` (and data, row_seeds) from ``batch_before_aug``
        and ``*_aug`` from this batch."""
        batch = Batch(**{name: getattr(batch_before_aug, name + "_unaug")
                         for name in _AUGMENTABLE_NAMES},
                      data=batch_before_aug.data,
                      row_seeds=getattr(batch_before_aug, "row_seeds", None))
        return batch.fill_from_batch_in_augmentation_(self)

    def deepcopy(self) -> _BatchInAugmentation:
        """A deep copy (columns, data and row seeds)."""
        return _BatchInAugmentation(
            **{name: _copy_augmentables(getattr(self, name)) for name in _AUGMENTABLE_NAMES},
            data=_deepcopy_value(self.data), row_seeds=self.row_seeds)
