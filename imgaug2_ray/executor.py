"""The single-threaded batch executor behind :class:`imgaug2_ray.ImgaugActor` (no Ray inside).

A batch is a mapping of column name -> column (NumPy arrays, lists, or a ``pyarrow.Table``). The
executor augments the image column (and annotation columns, when present) in keyed mode: every
row's draws depend only on ``(seed, epoch, repeat, row key)``, never on the batch.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

import numpy as np

from imgaug2 import random as iarandom
from imgaug2.augmentables.batches import Batch
from imgaug2_ray import columns as colconv

DEFAULT_ANNOTATION_COLUMNS = {
    "boxes": "bounding_boxes",
    "keypoints": "keypoints",
    "mask": "segmentation_maps",
}
SEED_COLUMN = "seed"
ERROR_COLUMN = "error"
REPEAT_COLUMN = "repeat"


def load_pipeline(pipeline: Any, allow_pickle: bool = False):
    """Build an augmenter from a spec dict, a spec file path, or an Augmenter (copied)."""
    from imgaug2 import serialization
    from imgaug2.augmenters.meta import Augmenter

    if isinstance(pipeline, Augmenter):
        return pipeline.deepcopy()
    if isinstance(pipeline, Mapping):
        return serialization.from_spec(dict(pipeline), allow_pickle=allow_pickle)
    if isinstance(pipeline, (str, os.PathLike)):
        return serialization.load(pipeline, allow_pickle=allow_pickle)
    raise TypeError(
        "pipeline must be a spec dict, a path to a spec file or an Augmenter, got "
        f"{type(pipeline).__name__}"
    )


def normalize_key(key: Any, key_root: str | None = None) -> str | int | bytes:
    """A row key as used for seeding: ints and bytes as they are, paths relative to ``key_root``."""
    if isinstance(key, np.generic):
        key = key.item()
    if isinstance(key, (bool,)) or key is None:
        raise TypeError(f"row keys must be str, int or bytes, got {key!r}")
    if isinstance(key, str) and key_root:
        root = key_root.rstrip("/") + "/"
        if key.startswith(root):
            key = key[len(root):]
        key = str(PurePosixPath(key))
    if not isinstance(key, (str, int, bytes)):
        raise TypeError(f"row keys must be str, int or bytes, got {type(key).__name__}")
    return key


class AugmentationExecutor:
    """Augment dict-of-columns batches, one row key per row, deterministically.

    Parameters
    ----------
    pipeline : dict or str or Augmenter
        The pipeline spec (see :mod:`imgaug2.serialization`), a spec file, or an augmenter.
    seed : int
        The job seed.
    epoch, repeat : int
        Mixed into every row's seed; a ``repeat`` column in the batch overrides ``repeat``.
    key_column, image_column : str
        Column with the stable row key (an id or the image path) and column with the images
        (decoded arrays, or encoded bytes that are decoded here).
    annotation_columns : dict, optional
        Column name -> annotation kind (``bounding_boxes``, ``keypoints``, ``segmentation_maps``,
        ``heatmaps``, ``polygons``, ``line_strings``), for columns present in the batch. Boxes are
        ``(K, 4)`` xyxy arrays, keypoints ``(K, 2)``, masks ``(H, W)`` integer arrays.
    key_root : str, optional
        Prefix stripped from path keys, so that moving a dataset keeps its keys.
    on_error : "record" or "raise"
        ``record`` puts a per-row failure (undecodable bytes, bad shape, ...) into the ``error``
        column and passes the row's input image through; ``raise`` fails the batch.
    """

    def __init__(self, pipeline: Any, seed: int, epoch: int = 0, repeat: int = 0,
                 key_column: str = "path", image_column: str = "image",
                 annotation_columns: Mapping[str, str] | None = None,
                 key_root: str | None = None, on_error: str = "record",
                 allow_pickle: bool = False) -> None:
        iarandom.row_seed(seed, 0, epoch, repeat)  # validates seed/epoch/repeat
        if on_error not in ("record", "raise"):
            raise ValueError(f"on_error must be 'record' or 'raise', got {on_error!r}")
        self.augmenter = load_pipeline(pipeline, allow_pickle=allow_pickle)
        self.seed = int(seed)
        self.epoch = int(epoch)
        self.repeat = int(repeat)
        self.key_column = key_column
        self.image_column = image_column
        self.annotation_columns = dict(
            DEFAULT_ANNOTATION_COLUMNS if annotation_columns is None else annotation_columns)
        bad = {v for v in self.annotation_columns.values() if v not in colconv.ANNOTATION_KINDS}
        if bad:
            raise ValueError(f"annotation_columns: unknown kind(s) {sorted(bad)}; expected "
                             f"{sorted(colconv.ANNOTATION_KINDS)}")
        self.key_root = key_root
        self.on_error = on_error

    def row_seeds(self, keys: list[Any], repeats: list[int]) -> list[int]:
        return [iarandom.row_seed(self.seed, normalize_key(k, self.key_root), self.epoch, r)
                for k, r in zip(keys, repeats)]

    def __call__(self, batch: Any) -> dict[str, Any]:
        columns = colconv.to_column_dict(batch)
        for required in (self.key_column, self.image_column):
            if required not in columns:
                raise KeyError(f"batch has no column {required!r}; columns: {sorted(columns)}")
        nb_rows = len(columns[self.image_column])
        keys = list(columns[self.key_column])
        repeats = ([int(r) for r in columns[REPEAT_COLUMN]] if REPEAT_COLUMN in columns
                   else [self.repeat] * nb_rows)
        seeds = self.row_seeds(keys, repeats)

        images, errors = colconv.decode_images(columns[self.image_column])
        annotations = {
            name: kind for name, kind in self.annotation_columns.items() if name in columns
        }
        good = [i for i in range(nb_rows) if errors[i] is None]
        out_images: list[Any] = list(images)
        out_annotations = {name: list(columns[name]) for name in annotations}
        try:
            # One call for all rows: each row still draws from its own keyed generators, so
            # the result equals the row-by-row one; only the per-call overhead is shared.
            row_outs = self._augment_rows(good, images, seeds, columns, annotations)
        except Exception:  # noqa: BLE001 - find the failing rows one by one below
            row_outs = None
        for j, i in enumerate(good):
            if row_outs is not None:
                row_out = row_outs[j]
            else:
                try:
                    (row_out,) = self._augment_rows([i], images, seeds, columns, annotations)
                except Exception as exc:  # noqa: BLE001 - a row's failure is data, not a crash
                    if self.on_error == "raise":
                        raise
                    errors[i] = f"{type(exc).__name__}: {exc}"
                    continue
            out_images[i] = row_out["image"]
            for name in annotations:
                out_annotations[name][i] = row_out[name]
        if self.on_error == "raise" and any(e is not None for e in errors):
            first = next(i for i, e in enumerate(errors) if e is not None)
            raise ValueError(f"row {keys[first]!r}: {errors[first]}")

        result = dict(columns)
        result[self.image_column] = colconv.pack_images(out_images, columns[self.image_column])
        for name in annotations:
            result[name] = colconv.pack_objects(out_annotations[name])
        result[SEED_COLUMN] = np.array([f"{s:032x}" for s in seeds], dtype=object)
        result[ERROR_COLUMN] = np.array(errors, dtype=object)
        return result

    def _augment_rows(self, rows: list[int], images: list, seeds: list[int], columns: dict,
                      annotations: dict) -> list[dict[str, Any]]:
        if not rows:
            return []
        squeeze = [images[i].ndim == 2 for i in rows]
        images3 = [images[i][:, :, None] if sq else images[i] for i, sq in zip(rows, squeeze)]
        kwargs: dict[str, Any] = {"images": images3}
        for name, kind in annotations.items():
            kwargs[kind] = [colconv.to_augmentable(kind, columns[name][i], image.shape)
                            for i, image in zip(rows, images3)]
        batch = Batch(**kwargs, row_seeds=[seeds[i] for i in rows])
        batch = self.augmenter.augment_batch_(batch)
        outs = []
        for j, sq in enumerate(squeeze):
            image_aug = batch.images_aug[j]
            out = {"image": image_aug[:, :, 0] if sq and image_aug.shape[2] == 1 else image_aug}
            for name, kind in annotations.items():
                out[name] = colconv.from_augmentable(kind, getattr(batch, f"{kind}_aug")[j])
            outs.append(out)
        return outs
