"""Ray Train ingestion: augmented batches per epoch, deterministic per (seed, epoch, row key).

Two ways to re-augment every epoch:

* :func:`augment_dataset` adds the augmentation to a Ray Dataset for one epoch (build one dataset
  per epoch, e.g. in a loop that calls ``trainer.fit()`` or when iterating yourself);
* :func:`iter_augmented_batches` augments inside the training worker, on the batches of
  ``ray.train.get_dataset_shard(...)``, with the epoch of the training loop. One Ray dataset
  serves all epochs; each epoch gets different, reproducible draws.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from imgaug2_ray.actor import augment_batch
from imgaug2_ray.executor import AugmentationExecutor


def augment_dataset(ds: Any, pipeline: Any, seed: int, epoch: int = 0, *,
                    batch_size: int = 32, num_cpus: float = 0.5, **kwargs: Any) -> Any:
    """``ds`` with the pipeline applied by the function form (cached per worker process)."""
    return ds.map_batches(
        augment_batch,
        fn_kwargs={"pipeline": pipeline, "seed": seed, "epoch": epoch, **kwargs},
        batch_size=batch_size,
        batch_format="numpy",
        num_cpus=num_cpus,
        udf_modifying_row_count=False,
    )


_EXECUTORS: dict[tuple, AugmentationExecutor] = {}


def iter_augmented_batches(shard: Any, pipeline: Any, seed: int, epoch: int, *,
                           batch_size: int = 32, key_column: str = "path",
                           image_column: str = "image", **kwargs: Any) -> Iterator[dict]:
    """Iterate a dataset shard (``get_dataset_shard``) and augment each batch for ``epoch``.

    Yields dicts of NumPy arrays (the input columns, the augmented image column, ``seed`` and
    ``error``). Convert to tensors in the loop (``torch.as_tensor``).
    """
    from imgaug2 import serialization

    spec = pipeline if isinstance(pipeline, dict) else serialization.to_spec(pipeline)
    cache_key = (serialization.spec_hash(spec), seed, epoch, key_column, image_column,
                 tuple(sorted(kwargs.items())))
    executor = _EXECUTORS.get(cache_key)
    if executor is None:
        _EXECUTORS.clear()  # one epoch at a time
        executor = _EXECUTORS[cache_key] = AugmentationExecutor(
            spec, seed=seed, epoch=epoch, key_column=key_column, image_column=image_column,
            **kwargs)
    for batch in shard.iter_batches(batch_size=batch_size, batch_format="numpy"):
        yield executor(batch)
