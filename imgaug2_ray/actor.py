"""Ray Data UDFs: :class:`ImgaugActor` (callable class) and :func:`augment_batch` (function form).

Both pin OpenCV/BLAS/OpenMP to one thread and run :class:`~imgaug2_ray.executor.
AugmentationExecutor`. Neither imports Ray: Ray imports them.

Typical use::

    ds.map_batches(ImgaugActor,
                   fn_constructor_kwargs={"pipeline": pipeline_spec(aug), "seed": 0},
                   compute=ray.data.ActorPoolStrategy(size=2), num_cpus=0.5, batch_size=64)
"""

from __future__ import annotations

import json
from typing import Any

from imgaug2_ray.executor import AugmentationExecutor


def pipeline_spec(augmenter: Any) -> dict:
    """The declarative spec of a pipeline, to ship to actors (``imgaug2.serialization``)."""
    from imgaug2 import serialization

    return serialization.to_spec(augmenter)


def _pin_threads() -> None:
    from imgaug2._threads import pin_single_thread

    pin_single_thread()


class ImgaugActor:
    """A ``map_batches`` callable class: builds the pipeline once per actor from its spec.

    Constructor keywords are those of :class:`AugmentationExecutor` (``pipeline``, ``seed``,
    ``epoch=0``, ``repeat=0``, ``key_column="path"``, ``image_column="image"``,
    ``annotation_columns``, ``key_root``, ``on_error``, ``allow_pickle``). Works with
    ``batch_format="numpy"`` and ``"pyarrow"`` (and pandas). The output keeps the input columns,
    replaces the image column and adds ``seed`` (the row's 128-bit seed, hex) and ``error``.
    """

    def __init__(self, pipeline: Any, seed: int, epoch: int = 0, **kwargs: Any) -> None:
        _pin_threads()
        self.executor = AugmentationExecutor(pipeline, seed=seed, epoch=epoch, **kwargs)
        self.batches_done = 0

    def __call__(self, batch: Any) -> dict[str, Any]:
        result = self.executor(batch)
        self.batches_done += 1
        return result


_CACHE: dict[str, AugmentationExecutor] = {}
_CACHE_LIMIT = 8


def augment_batch(batch: Any, *, pipeline: Any, seed: int, epoch: int = 0,
                  **kwargs: Any) -> dict[str, Any]:
    """Function form for ``map_batches(augment_batch, fn_kwargs={...})``.

    The pipeline is built once per worker process and cached (by spec, seed, epoch and options),
    so tasks avoid the 1-2 s start-up of an actor pool; good for small jobs and per-epoch
    training reads.
    """
    key = json.dumps({"pipeline": pipeline, "seed": seed, "epoch": epoch, "kwargs": kwargs},
                     sort_keys=True, default=repr)
    executor = _CACHE.get(key)
    if executor is None:
        _pin_threads()
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        executor = _CACHE[key] = AugmentationExecutor(pipeline, seed=seed, epoch=epoch, **kwargs)
    return executor(batch)
