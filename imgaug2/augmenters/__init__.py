"""All augmenters, reachable as ``iaa.<Name>`` (``import imgaug2.augmenters as iaa``).

The families live in their own modules (``iaa.meta``, ``iaa.flip``, ``iaa.geometric``, ...),
as in imgaug 0.4.0.
"""

import importlib as _importlib

from imgaug2._allocator import tune_allocator as _tune_allocator
from imgaug2.augmenters import meta  # noqa: F401
from imgaug2.augmenters.meta import *  # noqa: F403

_tune_allocator()  # reuse image-sized buffers instead of page-faulting fresh ones (glibc)

_FAMILIES = ("flip", "arithmetic", "blur", "color", "contrast", "convolutional", "edges",
             "geometric", "pooling", "segmentation", "size")

for _family in _FAMILIES:
    _module = _importlib.import_module(f"imgaug2.augmenters.{_family}")
    globals()[_family] = _module
    for _name in getattr(_module, "__all__", []):
        globals()[_name] = getattr(_module, _name)
