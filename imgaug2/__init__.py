"""imgaug2: fast, imgaug 0.4.0-compatible image augmentation on NumPy 2.

``import imgaug2 as ia`` exposes the ``ia.*`` names of imgaug 0.4.0 (``ia.seed``,
``ia.imresize_single_image``, ``ia.draw_grid``, the annotation classes, hooks, ...). They are
resolved lazily, so ``import imgaug2`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.5.0"

_LAZY_NAMES = {
    "Batch": "imgaug2.augmentables.batches",
    "UnnormalizedBatch": "imgaug2.augmentables.batches",
    "BoundingBox": "imgaug2.augmentables.bbs",
    "BoundingBoxesOnImage": "imgaug2.augmentables.bbs",
    "HeatmapsOnImage": "imgaug2.augmentables.heatmaps",
    "Keypoint": "imgaug2.augmentables.kps",
    "KeypointsOnImage": "imgaug2.augmentables.kps",
    "compute_geometric_median": "imgaug2.augmentables.kps",
    "LineString": "imgaug2.augmentables.lines",
    "LineStringsOnImage": "imgaug2.augmentables.lines",
    "Polygon": "imgaug2.augmentables.polys",
    "PolygonsOnImage": "imgaug2.augmentables.polys",
    "SegmentationMapsOnImage": "imgaug2.augmentables.segmaps",
    "HooksImages": "imgaug2.hooks",
    "HooksHeatmaps": "imgaug2.hooks",
    "HooksKeypoints": "imgaug2.hooks",
}
_SUBMODULES = {"augmentables", "augmenters", "data", "dtypes", "imgaug", "multicore",
               "parameters", "random", "serialization"}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"imgaug2.{name}")
    module_name = _LAZY_NAMES.get(name)
    if module_name is not None:
        value = getattr(importlib.import_module(module_name), name)
    else:
        helpers = importlib.import_module("imgaug2.imgaug")
        if name.startswith("__") or not hasattr(helpers, name):
            raise AttributeError(f"module 'imgaug2' has no attribute {name!r}")
        value = getattr(helpers, name)
    globals()[name] = value
    return value


def seed(entropy: int) -> None:
    """Seed the global RNG: augmenters created afterwards are reproducible (``ia.seed``)."""
    from imgaug2 import random as iarandom

    iarandom.seed(entropy)


def __dir__() -> list[str]:
    helpers = importlib.import_module("imgaug2.imgaug")
    return sorted(set(globals()) | set(_LAZY_NAMES) | _SUBMODULES | set(dir(helpers)))
