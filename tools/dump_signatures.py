"""Dump the public signatures (argument names, order, default reprs) of the part-1 augmenter
modules as JSON, for the compatibility test.

Run in a virtualenv with imgaug 0.4.0 (``imgaug-bench --imgaug-venv DIR`` creates one):
``DIR/bin/python tools/dump_signatures.py imgaug tests/augmenters/data/imgaug040_signatures.json``
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys
import warnings

MODULES = "meta arithmetic blur color contrast convolutional edges flip size pooling".split()
_SKIPPED_PARAMS = {"self", "args", "kwargs", "old_kwargs"}


def signatures(package: str) -> dict[str, dict[str, str | None]]:
    """``{"module.Name": {arg: repr(default) or None}}`` for public classes and functions
    defined in ``package``."""
    found: dict[str, dict[str, str | None]] = {}
    for module in MODULES:
        mod = importlib.import_module(f"{package}.augmenters.{module}")
        for name, obj in vars(mod).items():
            if name.startswith("_") or not callable(obj):
                continue
            if getattr(obj, "__module__", "").split(".")[0] != package:
                continue
            try:
                sig = inspect.signature(obj.__init__ if isinstance(obj, type) else obj)
            except (TypeError, ValueError):
                continue
            found[f"{module}.{name}"] = {
                p.name: None if p.default is inspect.Parameter.empty else repr(p.default)
                for p in sig.parameters.values() if p.name not in _SKIPPED_PARAMS}
    return found


def main(argv: list[str]) -> None:
    warnings.simplefilter("ignore")
    package, path = argv
    with open(path, "w") as handle:
        json.dump(signatures(package), handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
