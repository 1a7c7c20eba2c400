"""The :class:`Augmenter` base class: input handling, randomness and the pipeline tree.

Subclasses only sample parameters and dispatch to kernels. They implement either

* ``_augment_batch_(self, batch, random_state, parents, hooks)``: receives a
  :class:`~imgaug2.augmentables.batches._BatchInAugmentation` (images as an ``(N,H,W,C)`` array or a
  list of ``(H,W,C)`` arrays, annotations as lists of ``*OnImage`` objects), changes it in place
  and returns it. Draw all random values once per call and share them between columns so that
  annotations stay aligned with their image; or
* the per-column hooks ``_augment_images``, ``_augment_heatmaps``, ``_augment_segmentation_maps``,
  ``_augment_keypoints``, ``_augment_bounding_boxes``, ``_augment_polygons`` and
  ``_augment_line_strings`` (imgaug 0.4.0 style). The default ``_augment_batch_`` calls each of
  them with a copy of the same RNG so their draws match; bounding boxes, polygons and line strings
  default to being augmented as keypoints.
"""

from __future__ import annotations

import copy as copylib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from imgaug2 import random as iarandom
from imgaug2.augmentables import normalization as nlib
from imgaug2.augmentables import utils as augm_utils
from imgaug2.augmentables.batches import (
    Batch,
    UnnormalizedBatch,
    _BatchInAugmentation,
    borrow_plain_image_list,
    read_only_views,
    release_borrowed_images,
)
from imgaug2.augmenters import _validation

_COLUMN_KWARGS = (
    "images",
    "heatmaps",
    "segmentation_maps",
    "keypoints",
    "bounding_boxes",
    "polygons",
    "line_strings",
)


def _deprecated_arg_value(seed: Any, random_state: Any) -> Any:
    if random_state != "deprecated":
        if seed is not None:
            raise ValueError("Got both seed and random_state; use only seed.")
        return random_state
    return seed


class Augmenter:
    """Base class of every augmenter.

    Parameters
    ----------
    seed : None or int or imgaug2.random.RNG or numpy.random.Generator, optional
        Seed of this augmenter's random stream. None derives one from the global RNG
        (see :func:`imgaug2.random.seed`).
    name : None or str, optional
        Name shown in ``repr`` and used by ``find_augmenters_by_name``.
    random_state, deterministic
        Deprecated imgaug arguments: ``random_state`` is an alias of ``seed``;
        ``deterministic=True`` is the same as calling :meth:`to_deterministic`.
    """

    def __new__(cls, *args: Any, **kwargs: Any):
        obj = super().__new__(cls)
        # The arguments the user gave, for the declarative spec (imgaug2.serialization).
        obj._ctor_args = (args, kwargs)
        return obj

    def __init__(
        self,
        seed: Any = None,
        name: str | None = None,
        random_state: Any = "deprecated",
        deterministic: Any = "deprecated",
    ) -> None:
        if name is not None and not isinstance(name, str):
            raise TypeError(f"name must be a str or None, got {type(name).__name__}")
        self.name = name if name is not None else f"Unnamed{type(self).__name__}"
        self.deterministic = False if deterministic == "deprecated" else bool(deterministic)
        seed = _deprecated_arg_value(seed, random_state)
        self.random_state = (
            iarandom.RNG.create_pseudo_random_() if seed is None else iarandom.RNG(seed)
        )
        self.activated = True

    # ------------------------------------------------------------------------------------------
    # Subclass API
    # ------------------------------------------------------------------------------------------
    def _augment_batch_(
        self, batch: _BatchInAugmentation, random_state: iarandom.RNG, parents: list, hooks: Any
    ) -> _BatchInAugmentation:
        columns = batch.columns
        for i, column in enumerate(columns):
            rng = random_state if i == len(columns) - 1 else random_state.copy()
            method = getattr(self, f"_augment_{column.name}")
            setattr(
                batch,
                column.name,
                method(column.value, random_state=rng, parents=parents, hooks=hooks),
            )
        return batch

    def _augment_images(self, images, random_state, parents, hooks):
        return images

    def _augment_heatmaps(self, heatmaps, random_state, parents, hooks):
        return heatmaps

    def _augment_segmentation_maps(self, segmaps, random_state, parents, hooks):
        return segmaps

    def _augment_keypoints(self, keypoints_on_images, random_state, parents, hooks):
        return keypoints_on_images

    def _augment_bounding_boxes(self, bounding_boxes_on_images, random_state, parents, hooks):
        return self._augment_cbaois_as_keypoints(
            bounding_boxes_on_images, random_state, parents, hooks
        )

    def _augment_polygons(self, polygons_on_images, random_state, parents, hooks):
        return self._augment_cbaois_as_keypoints(polygons_on_images, random_state, parents, hooks)

    def _augment_line_strings(self, line_strings_on_images, random_state, parents, hooks):
        return self._augment_cbaois_as_keypoints(
            line_strings_on_images, random_state, parents, hooks
        )

    def _augment_cbaois_as_keypoints(self, cbaois, random_state, parents, hooks):
        """Augment boxes/polygons/line strings by augmenting their corner points as keypoints."""
        if type(self)._augment_keypoints is Augmenter._augment_keypoints:
            return cbaois
        kpsois = augm_utils.convert_cbaois_to_kpsois(cbaois)
        kpsois_aug = self._augment_keypoints(
            kpsois, random_state=random_state, parents=parents, hooks=hooks
        )
        return augm_utils.invert_convert_cbaois_to_kpsois_(cbaois, kpsois_aug)

    #: True if the class never writes into the image arrays it is given (it returns new arrays,
    #: leaves them alone, or writes rows only through ``batch.writable_images()``). Top-level
    #: calls of a tree of such augmenters skip the defensive copy of the input images; the
    #: input arrays are then read-only views, so a wrong flag raises instead of changing the
    #: caller's data. Only classes defined inside imgaug2 are trusted with it: a user's
    #: subclass (which may write in place, as imgaug allowed) always gets copies.
    _copy_free: bool = True

    def _is_copy_free(self) -> bool:
        cls = type(self)
        if not cls._copy_free or not cls.__module__.startswith("imgaug2."):
            return False
        for children in self.get_children_lists():
            if isinstance(children, Augmenter) and not isinstance(children, list):
                children = [children]
            if not all(child is not self and child._is_copy_free() for child in children):
                return False
        return True

    def get_parameters(self) -> list:
        """Return this augmenter's parameters (as given or normalised), in constructor order."""
        return []

    def get_children_lists(self) -> list[list[Augmenter]]:
        """Return the lists of child augmenters (empty for leaf augmenters)."""
        return []

    # ------------------------------------------------------------------------------------------
    # Batch entry points
    # ------------------------------------------------------------------------------------------
    def augment_batch_(self, batch: Any, parents: list | None = None, hooks: Any = None) -> Any:
        """Augment one batch in place and return it (same type as the input).

        Accepts :class:`Batch`, :class:`UnnormalizedBatch` or ``_BatchInAugmentation``.
        """
        # Top-level calls of a tree that never writes into its input images borrow the
        # caller's arrays (as read-only views) instead of copying them first.
        borrow = not parents and hooks is None and self._is_copy_free()
        borrowed = None
        if isinstance(batch, (UnnormalizedBatch, Batch)):
            batch_norm = batch.to_normalized_batch()
            batch_inaug = batch_norm.to_batch_in_augmentation(borrow_images=borrow)
            borrowed = batch_norm.images_unaug if borrow else None
        elif isinstance(batch, _BatchInAugmentation):
            batch_norm = None
            batch_inaug = batch
        else:
            raise TypeError(
                "batch must be an imgaug2 Batch, UnnormalizedBatch or _BatchInAugmentation, "
                f"got {type(batch).__name__}"
            )
        if parents is None or len(parents) == 0:
            _validation.validate_batch(batch_inaug, self)
        batch_inaug = self._run_on_batch(batch_inaug, [] if parents is None else parents, hooks)
        if borrowed is not None:
            batch_inaug.images = release_borrowed_images(batch_inaug.images, borrowed)

        if isinstance(batch, _BatchInAugmentation):
            return batch_inaug
        batch_norm.fill_from_batch_in_augmentation_(batch_inaug)
        if isinstance(batch, UnnormalizedBatch):
            return batch.fill_from_augmented_normalized_batch_(batch_norm)
        return batch_norm

    def _run_on_batch(
        self, batch: _BatchInAugmentation, parents: list, hooks: Any
    ) -> _BatchInAugmentation:
        if hooks is not None:
            for column in batch.columns:
                setattr(batch, column.name, hooks.preprocess(column.value, self, parents))
        activated = self.activated
        if hooks is not None and activated:
            activated = hooks.is_activated(batch.images, self, parents, default=True)
        if activated and not batch.empty:
            if batch.row_seeds is not None:
                batch = self._augment_keyed(batch, parents, hooks)
            else:
                rng = self.random_state.copy() if self.deterministic else self.random_state
                batch = self._augment_batch_(batch, random_state=rng, parents=parents, hooks=hooks)
        if hooks is not None:
            for column in batch.columns:
                setattr(batch, column.name, hooks.postprocess(column.value, self, parents))
        return batch

    def _augment_keyed(
        self, batch: _BatchInAugmentation, parents: list, hooks: Any
    ) -> _BatchInAugmentation:
        """Keyed mode: each row draws from ``keyed_rng(row_seed, path_of_this_augmenter)``."""
        path = _tree_path(self, parents)
        if batch.nb_rows == 1:
            rng = iarandom.keyed_rng(batch.row_seeds[0], path)
            return self._augment_batch_(batch, random_state=rng, parents=parents, hooks=hooks)
        for i in range(batch.nb_rows):
            row = batch.subselect_rows_by_indices([i])
            rng = iarandom.keyed_rng(row.row_seeds[0], path)
            row = self._augment_batch_(row, random_state=rng, parents=parents, hooks=hooks)
            batch = batch.invert_subselect_rows_by_indices_([i], row)
        return batch

    def augment_batches(
        self, batches: Iterable[Any], hooks: Any = None, background: bool = False
    ) -> Iterator[Any]:
        """Augment an iterable of batches, yielding each result (same type as its input).

        A batch may be a :class:`Batch`, an :class:`UnnormalizedBatch`, an ``(N,H,W,C)`` array or
        a list of images. ``background=True`` uses a process pool (see :meth:`pool`).
        """
        if isinstance(batches, (Batch, UnnormalizedBatch, np.ndarray)):
            raise TypeError(
                "batches must be an iterable of batches (e.g. a list), not a single "
                f"{type(batches).__name__}; use augment_batch_() for one batch"
            )
        if background:
            if hooks is not None:
                raise ValueError("hooks are not supported with background=True")
            yield from self._augment_batches_in_background(batches)
            return
        for batch in batches:
            yield self._augment_any_batch(batch, hooks)

    def _augment_any_batch(self, batch: Any, hooks: Any) -> Any:
        if isinstance(batch, (Batch, UnnormalizedBatch)):
            return self.augment_batch_(copylib.deepcopy(batch), hooks=hooks)
        if isinstance(batch, np.ndarray) or isinstance(batch, list):
            return self.augment_images(batch, hooks=hooks)
        raise TypeError(
            "each batch must be a Batch, UnnormalizedBatch, ndarray or list of images, "
            f"got {type(batch).__name__}"
        )

    def _augment_batches_in_background(self, batches: Iterable[Any]) -> Iterator[Any]:
        from imgaug2 import multicore

        items = list(batches)
        wrapped = [
            b if isinstance(b, (Batch, UnnormalizedBatch)) else UnnormalizedBatch(images=b)
            for b in items
        ]
        with multicore.Pool(self) as pool:
            for orig, result in zip(items, pool.imap_batches(wrapped)):
                yield result if isinstance(orig, (Batch, UnnormalizedBatch)) else result.images_aug

    def augment(self, return_batch: bool = False, hooks: Any = None, **kwargs: Any) -> Any:
        """Augment images and/or annotations given as keyword arguments.

        Keywords: ``image`` (one image) or ``images``, ``heatmaps``, ``segmentation_maps``,
        ``keypoints``, ``bounding_boxes``, ``polygons``, ``line_strings``. Returns the augmented
        value for a single keyword, a tuple in the order of the keywords for several, or an
        :class:`UnnormalizedBatch` with ``return_batch=True``.
        """
        if (len(kwargs) == 1 and "images" in kwargs and not return_batch and hooks is None
                and self._is_copy_free()):
            return self._augment_borrowed_images(kwargs["images"])  # the common call, first
        if not kwargs:
            raise ValueError(
                "augment() needs at least one of: image, images, heatmaps, segmentation_maps, "
                "keypoints, bounding_boxes, polygons, line_strings"
            )
        unknown = [k for k in kwargs if k not in _COLUMN_KWARGS and k != "image"]
        if unknown:
            raise ValueError(
                f"augment() got unexpected keyword(s) {unknown}; expected some of "
                f"{['image', *_COLUMN_KWARGS]}"
            )
        if "image" in kwargs and "images" in kwargs:
            raise ValueError("augment() got both image and images; use only one")
        single_image = "image" in kwargs
        columns = dict(kwargs)
        if single_image:
            image = columns.pop("image")
            if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
                raise ValueError(
                    "image must be a single numpy array of shape (H,W) or (H,W,C), got "
                    + _validation.describe(image)
                )
            columns["images"] = [image]
            for key in columns:
                if key != "images" and columns[key] is not None:
                    columns[key] = [columns[key]]
        if (single_image and not return_batch and hooks is None and len(columns) == 1
                and self._is_copy_free()):
            return self._augment_borrowed_images(columns["images"])[0]
        batch = UnnormalizedBatch(**columns)
        batch_aug = self.augment_batch_(batch, hooks=hooks)
        if return_batch:
            return batch_aug
        results = []
        for key in kwargs:
            column = "images" if key == "image" else key
            value = getattr(batch_aug, f"{column}_aug")
            if single_image:
                value = value[0]
            results.append(value)
        return results[0] if len(results) == 1 else tuple(results)

    def augment_keyed(self, keys: Sequence[Any], seed: int, epoch: int = 0, repeat: int = 0,
                      return_batch: bool = False, **kwargs: Any) -> Any:
        """Augment rows whose random draws depend only on (seed, epoch, repeat, row key).

        ``keys`` holds one stable key (int, str or bytes; e.g. an id or an image path) per row.
        The same row gets the same result whatever batch it is in, in any order, in any process.
        Keywords as in :meth:`augment` (``images=``, ``keypoints=``, ...; not ``image=``).
        """
        if "image" in kwargs:
            raise ValueError("augment_keyed() takes images=..., not image=...")
        if not kwargs:
            raise ValueError("augment_keyed() needs at least one data keyword, e.g. images=")
        unknown = [k for k in kwargs if k not in _COLUMN_KWARGS]
        if unknown:
            raise ValueError(f"augment_keyed() got unexpected keyword(s) {unknown}")
        keys = list(keys)
        batch = UnnormalizedBatch(**kwargs)
        batch_norm = batch.to_normalized_batch()
        batch_norm.row_seeds = [iarandom.row_seed(seed, key, epoch, repeat) for key in keys]
        nb_rows = batch_norm.to_batch_in_augmentation(borrow_images=True).nb_rows  # no copy
        if len(keys) != nb_rows:
            raise ValueError(f"got {len(keys)} keys for {nb_rows} rows; need one key per row")
        batch_norm = self.augment_batch_(batch_norm)
        batch_aug = batch.fill_from_augmented_normalized_batch(batch_norm)
        if return_batch:
            return batch_aug
        results = [getattr(batch_aug, f"{key}_aug") for key in kwargs]
        return results[0] if len(results) == 1 else tuple(results)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Alias of :meth:`augment`."""
        if args:
            raise TypeError(
                "augmenters take keyword arguments only, e.g. aug(images=images) or aug(image=img)"
            )
        return self.augment(**kwargs)

    def _augment_column(self, column: str, value: Any, parents: Any, hooks: Any) -> Any:
        if column == "images" and not parents and hooks is None and self._is_copy_free():
            return self._augment_borrowed_images(value)
        batch = UnnormalizedBatch(**{column: value})
        batch_aug = self.augment_batch_(batch, parents=parents, hooks=hooks)
        return getattr(batch_aug, f"{column}_aug")

    def _augment_borrowed_images(self, images: Any) -> Any:
        """Images-only top-level call of a copy-free tree: the same steps as
        :meth:`augment_batch_` without the batch-object plumbing (the per-call cost matters
        for cheap augmenters)."""
        views = borrow_plain_image_list(images)
        if views is not None:  # checked and made read-only in one pass
            normalized = images
            batch = _BatchInAugmentation(images=views)
        else:
            normalized = nlib.normalize_images(images)
            batch = _BatchInAugmentation(images=read_only_views(normalized))
            _validation.validate_batch(batch, self)
        batch = self._run_on_batch(batch, [], None)
        return nlib.invert_normalize_images(
            release_borrowed_images(batch.images, normalized), images)

    def augment_images(self, images: Any, parents: list | None = None, hooks: Any = None) -> Any:
        """Augment a batch of images: an ``(N,H,W[,C])`` array or a list of arrays."""
        if isinstance(images, np.ndarray) and images.ndim == 2:
            raise ValueError(
                "images must be a 3D/4D array or a list of arrays; got a single 2D array "
                "(use augment_image() for one image)"
            )
        return self._augment_column("images", images, parents, hooks)

    def augment_image(self, image: np.ndarray, hooks: Any = None) -> np.ndarray:
        """Augment a single image of shape ``(H,W)`` or ``(H,W,C)``."""
        if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
            raise ValueError(
                "image must be a numpy array of shape (H,W) or (H,W,C), got "
                + _validation.describe(image)
            )
        return self.augment_images([image], hooks=hooks)[0]

    def augment_heatmaps(self, heatmaps: Any, parents: list | None = None, hooks: Any = None):
        """Augment HeatmapsOnImage (one or a list)."""
        return self._augment_column("heatmaps", heatmaps, parents, hooks)

    def augment_segmentation_maps(self, segmaps: Any, parents=None, hooks=None):
        """Augment SegmentationMapsOnImage (one or a list)."""
        return self._augment_column("segmentation_maps", segmaps, parents, hooks)

    def augment_keypoints(self, keypoints_on_images: Any, parents=None, hooks=None):
        """Augment KeypointsOnImage (one or a list)."""
        return self._augment_column("keypoints", keypoints_on_images, parents, hooks)

    def augment_bounding_boxes(self, bounding_boxes_on_images: Any, parents=None, hooks=None):
        """Augment BoundingBoxesOnImage (one or a list)."""
        return self._augment_column("bounding_boxes", bounding_boxes_on_images, parents, hooks)

    def augment_polygons(self, polygons_on_images: Any, parents=None, hooks=None):
        """Augment PolygonsOnImage (one or a list)."""
        return self._augment_column("polygons", polygons_on_images, parents, hooks)

    def augment_line_strings(self, line_strings_on_images: Any, parents=None, hooks=None):
        """Augment LineStringsOnImage (one or a list)."""
        return self._augment_column("line_strings", line_strings_on_images, parents, hooks)

    # ------------------------------------------------------------------------------------------
    # Multiprocessing and visualisation
    # ------------------------------------------------------------------------------------------
    def pool(self, processes: int | None = None, maxtasksperchild: int | None = None,
             seed: int | None = None):
        """Return a :class:`imgaug2.multicore.Pool` running this augmenter in worker processes.

        ``processes=-1`` means "all cores but one"; None means all cores.
        """
        from imgaug2 import multicore

        return multicore.Pool(
            self, processes=processes, maxtasksperchild=maxtasksperchild, seed=seed
        )

    def draw_grid(self, images: Any, rows: int, cols: int) -> np.ndarray:
        """Augment each image ``rows*cols`` times and return one grid image (uint8)."""
        from imgaug2 import imgaug as ia

        if isinstance(images, np.ndarray) and images.ndim in (2, 3) and not (
            images.ndim == 3 and images.shape[2] > 4
        ):
            images = [images]
        if isinstance(images, np.ndarray) and images.ndim == 3:
            images = [images]
        grids = []
        for image in images:
            repeated = [image] * (rows * cols)
            grids.append(ia.draw_grid(self.augment_images(repeated), rows=rows, cols=cols))
        return grids[0] if len(grids) == 1 else np.concatenate(grids, axis=0)

    def show_grid(self, images: Any, rows: int, cols: int) -> None:
        """Show :meth:`draw_grid`'s output (needs a display)."""
        from imgaug2 import imgaug as ia

        ia.imshow(self.draw_grid(images, rows, cols))

    # ------------------------------------------------------------------------------------------
    # Randomness
    # ------------------------------------------------------------------------------------------
    def to_deterministic(self, n: int | None = None) -> Augmenter | list[Augmenter]:
        """Return a copy (or ``n`` copies) that replays the same draws on every call."""
        if n is None:
            return self._to_deterministic()
        return [self._to_deterministic() for _ in range(n)]

    def _to_deterministic(self) -> Augmenter:
        aug = self.deepcopy()
        _make_deterministic_like(self, aug)
        return aug

    def seed_(self, entropy: Any = None, deterministic_too: bool = False) -> Augmenter:
        """Re-seed this augmenter and all its children in place (derived from ``entropy``)."""
        rng = iarandom.RNG.create_pseudo_random_() if entropy is None else iarandom.RNG(entropy)
        self._reseed_tree(rng, deterministic_too)
        return self

    def _reseed_tree(self, rng: iarandom.RNG, deterministic_too: bool) -> None:
        if not self.deterministic or deterministic_too:
            self.random_state = rng.derive_rng_()
        for lst in self.get_children_lists():
            if isinstance(lst, Augmenter) and lst is not self:
                lst._reseed_tree(rng, deterministic_too)
                continue
            for child in lst:
                child._reseed_tree(rng, deterministic_too)

    def reseed(self, random_state: Any = None, deterministic_too: bool = False) -> None:
        """Deprecated alias of :meth:`seed_`."""
        from imgaug2 import imgaug as ia

        ia.warn_deprecated("Augmenter.reseed() is deprecated; use seed_() instead.")
        self.seed_(random_state, deterministic_too=deterministic_too)

    def localize_random_state(self, recursive: bool = True) -> Augmenter:
        """Return a copy whose RNGs no longer reference the global RNG."""
        aug = self.deepcopy()
        aug.localize_random_state_(recursive=recursive)
        return aug

    def localize_random_state_(self, recursive: bool = True) -> Augmenter:
        """In place version of :meth:`localize_random_state`."""
        if self.random_state.is_global_rng():
            self.random_state = self.random_state.derive_rng_()
        if recursive:
            for lst in self.get_children_lists():
                for child in lst:
                    child.localize_random_state_(recursive=True)
        return self

    def copy_random_state(self, source: Augmenter, recursive: bool = True,
                          matching: str = "position", matching_tolerant: bool = True,
                          copy_determinism: bool = False) -> Augmenter:
        """Return a copy of this augmenter with RNG states copied from ``source``."""
        aug = self.deepcopy()
        aug.copy_random_state_(source, recursive=recursive, matching=matching,
                               matching_tolerant=matching_tolerant,
                               copy_determinism=copy_determinism)
        return aug

    def copy_random_state_(self, source: Augmenter, recursive: bool = True,
                           matching: str = "position", matching_tolerant: bool = True,
                           copy_determinism: bool = False) -> Augmenter:
        """Copy RNG states from ``source`` (matched by tree position or by name) in place."""
        if matching not in ("position", "name"):
            raise ValueError(f"matching must be 'position' or 'name', got {matching!r}")
        source_augs = [source, *source.get_all_children(flat=True)] if recursive else [source]
        target_augs = [self, *self.get_all_children(flat=True)] if recursive else [self]
        if matching == "position":
            if len(source_augs) != len(target_augs):
                raise ValueError(
                    "source and target trees differ in size "
                    f"({len(source_augs)} vs {len(target_augs)}); cannot match by position"
                )
            pairs = list(zip(source_augs, target_augs))
        else:
            by_name = {}
            for aug in source_augs:
                if aug.name in by_name:
                    raise ValueError(f"source has duplicate augmenter name {aug.name!r}")
                by_name[aug.name] = aug
            pairs = []
            for aug in target_augs:
                if aug.name in by_name:
                    pairs.append((by_name[aug.name], aug))
                elif not matching_tolerant:
                    raise ValueError(f"no augmenter named {aug.name!r} in source")
        for src, dst in pairs:
            dst.random_state = src.random_state.copy()
            if copy_determinism:
                dst.deterministic = src.deterministic
        return self

    # ------------------------------------------------------------------------------------------
    # Tree navigation
    # ------------------------------------------------------------------------------------------
    def get_all_children(self, flat: bool = False) -> list:
        """Return all children, recursively (nested lists unless ``flat=True``)."""
        result: list = []
        for lst in self.get_children_lists():
            for child in lst:
                result.append(child)
                grandchildren = child.get_all_children(flat=flat)
                if grandchildren:
                    if flat:
                        result.extend(grandchildren)
                    else:
                        result.append(grandchildren)
        return result

    def find_augmenters(self, func: Callable[[Augmenter, list], bool],
                        parents: list | None = None, flat: bool = True) -> list:
        """Return augmenters in the tree (self included) for which ``func(aug, parents)``."""
        parents = [] if parents is None else parents
        result: list = []
        if func(self, parents):
            result.append(self)
        for lst in self.get_children_lists():
            for child in lst:
                found = child.find_augmenters(func, parents=parents + [self], flat=flat)
                if found:
                    if flat:
                        result.extend(found)
                    else:
                        result.append(found)
        return result

    def find_augmenters_by_name(self, name: str, regex: bool = False, flat: bool = True) -> list:
        """Return augmenters whose name equals ``name`` (or matches it as a regex)."""
        return self.find_augmenters_by_names([name], regex=regex, flat=flat)

    def find_augmenters_by_names(self, names: Sequence[str], regex: bool = False,
                                 flat: bool = True) -> list:
        """Return augmenters whose name is one of ``names`` (or matches one as a regex)."""
        if regex:
            patterns = [re.compile(n) for n in names]
            return self.find_augmenters(
                lambda aug, parents: any(p.match(aug.name) for p in patterns), flat=flat
            )
        return self.find_augmenters(lambda aug, parents: aug.name in names, flat=flat)

    def remove_augmenters(self, func: Callable[[Augmenter, list], bool], copy: bool = True,
                          identity_if_topmost: bool = True, noop_if_topmost: Any = None):
        """Remove augmenters for which ``func(aug, parents)`` is True from the tree.

        If the top-level augmenter itself matches, an Identity is returned
        (``identity_if_topmost=True``) or None.
        """
        if noop_if_topmost is not None:
            identity_if_topmost = noop_if_topmost
        if func(self, []):
            if not identity_if_topmost:
                return None
            from imgaug2.augmenters.meta import Identity

            return Identity()
        aug = self.deepcopy() if copy else self
        aug.remove_augmenters_(func, parents=[])
        return aug

    def remove_augmenters_(self, func: Callable[[Augmenter, list], bool],
                           parents: list | None = None) -> None:
        """Remove matching children (not self) in place."""
        parents = [] if parents is None else parents
        for lst in self.get_children_lists():
            keep = [child for child in lst if not func(child, parents + [self])]
            lst[:] = keep
            for child in lst:
                child.remove_augmenters_(func, parents=parents + [self])

    def remove_augmenters_inplace(self, func, parents=None) -> None:
        """Deprecated alias of :meth:`remove_augmenters_`."""
        from imgaug2 import imgaug as ia

        ia.warn_deprecated("remove_augmenters_inplace() is deprecated; use remove_augmenters_().")
        self.remove_augmenters_(func, parents=parents)

    # ------------------------------------------------------------------------------------------
    # Serialisation
    # ------------------------------------------------------------------------------------------
    def to_spec(self) -> dict:
        """Return the declarative, versioned spec of this pipeline (see imgaug2.serialization)."""
        from imgaug2 import serialization

        return serialization.to_spec(self)

    @staticmethod
    def from_spec(spec: dict, allow_pickle: bool = False) -> Augmenter:
        """Build a pipeline from a spec made by :meth:`to_spec`."""
        from imgaug2 import serialization

        return serialization.from_spec(spec, allow_pickle=allow_pickle)

    # ------------------------------------------------------------------------------------------
    # Copying and printing
    # ------------------------------------------------------------------------------------------
    def copy(self) -> Augmenter:
        """Return a shallow copy."""
        return copylib.copy(self)

    def deepcopy(self) -> Augmenter:
        """Return a deep copy (RNG states included)."""
        return copylib.deepcopy(self)

    def __repr__(self) -> str:
        params = ", ".join(str(p) for p in self.get_parameters())
        return (
            f"{type(self).__name__}(name={self.name}, parameters=[{params}], "
            f"deterministic={self.deterministic})"
        )

    __str__ = __repr__


_LIST_ITSELF = 65535


def _make_deterministic_like(orig: Augmenter, copy: Augmenter) -> None:
    """Give ``copy`` (a deepcopy of ``orig``) frozen RNGs derived from ``orig``'s, recursively."""
    copy.random_state = orig.random_state.derive_rng_()
    copy.deterministic = True
    for lst_orig, lst_copy in zip(orig.get_children_lists(), copy.get_children_lists()):
        if isinstance(lst_copy, Augmenter) and lst_copy is not copy:
            _make_deterministic_like(lst_orig, lst_copy)
            continue
        for child_orig, child_copy in zip(lst_orig, lst_copy):
            _make_deterministic_like(child_orig, child_copy)


def _tree_path(augmenter: Augmenter, parents: list) -> tuple[int, ...]:
    """Position of ``augmenter`` in its pipeline: (list index, child index) per level.

    Identity-based lookup, so it is stable across deepcopy, pickling and spec round trips.
    """
    chain = [*parents, augmenter]
    path: list[int] = []
    for parent, child in zip(chain, chain[1:]):
        for li, lst in enumerate(parent.get_children_lists()):
            # a child list may itself be the callee (e.g. Sometimes calling its then_list)
            idx = _LIST_ITSELF if lst is child else next(
                (ci for ci, c in enumerate(lst) if c is child), None
            )
            if idx is not None:
                path.extend((li, idx))
                break
        else:
            raise RuntimeError(
                f"{child.name} is not a child of {parent.name}; keyed randomness needs the "
                "parents list to follow get_children_lists()"
            )
    return tuple(path)
