"""Which classes a spec may name: every public augmenter and stochastic parameter class."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

_AUGMENTER_MODULES = ("imgaug2.augmenters",)
_EXTRA_AUGMENTER_PACKAGES = ("imgaug2.augmenters.imgcorruptlike", "imgaug2.augmenters.pillike")


def _public_classes(module, base: type) -> dict[str, type]:
    return {
        name: obj for name, obj in vars(module).items()
        if isinstance(obj, type) and issubclass(obj, base) and not name.startswith("_")
    }


@lru_cache(maxsize=1)
def augmenter_registry() -> dict[str, type]:
    """Map spec type names to augmenter classes (``iaa.X`` -> ``"X"``; module-only -> ``mod.X``)."""
    from imgaug2.augmenters.meta import Augmenter

    registry: dict[str, type] = {}
    for module_name in _AUGMENTER_MODULES:
        registry.update(_public_classes(importlib.import_module(module_name), Augmenter))
    for module_name in _EXTRA_AUGMENTER_PACKAGES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        short = module_name.rsplit(".", 1)[1]
        for name, cls in _public_classes(module, Augmenter).items():
            if registry.get(name) is not cls:
                registry[f"{short}.{name}"] = cls
    registry.pop("Augmenter", None)
    return registry


@lru_cache(maxsize=1)
def parameter_registry() -> dict[str, type]:
    """Map spec param names to StochasticParameter classes."""
    from imgaug2 import parameters as iap

    registry = _public_classes(iap, iap.StochasticParameter)
    for info in pkgutil.iter_modules(iap.__path__):
        module = importlib.import_module(f"{iap.__name__}.{info.name}")
        for name, cls in _public_classes(module, iap.StochasticParameter).items():
            registry.setdefault(name, cls)
    registry.pop("StochasticParameter", None)
    # helper objects that augmenters take as arguments (e.g. Voronoi's points samplers)
    from imgaug2.augmenters import edges, segmentation

    for module, base in ((segmentation, segmentation.PointsSamplerIf),
                         (edges, edges.IBinaryImageColorizer)):
        registry.update({name: cls for name, cls in _public_classes(module, base).items()
                         if cls is not base})
    return registry


def type_name(obj: object) -> str:
    """The spec name of an augmenter instance's class (raises KeyError if not registered)."""
    cls = type(obj)
    for name, registered in augmenter_registry().items():
        if registered is cls:
            return name
    raise KeyError(cls.__name__)
