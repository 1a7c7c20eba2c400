"""imgaug2_ray: run imgaug2 pipelines as deterministic, streaming Ray Data jobs.

``ImgaugActor`` (for ``map_batches``) and the executor it wraps never depend on batch, block,
task or actor: each row's augmentation is a function of (seed, epoch, repeat, row key).
Ray itself is imported only by the parts that need it.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "AugmentationExecutor": "imgaug2_ray.executor",
    "ImgaugActor": "imgaug2_ray.actor",
    "augment_batch": "imgaug2_ray.actor",
    "pipeline_spec": "imgaug2_ray.actor",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'imgaug2_ray' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
