"""Declarative, versioned pipeline specs: ``to_spec``/``from_spec`` and JSON/YAML files.

A spec is plain JSON-compatible data::

    {"imgaug2_spec": 1,
     "pipeline": {"type": "Sequential", "args": {"children": {"list": [
         {"type": "Fliplr", "args": {"p": 0.5}},
         {"type": "Affine", "args": {"rotate": {"tuple": [-20, 20]}}}]}}}}

Values are written out explicitly so that imgaug's meaning survives: a tuple (uniform range) is
``{"tuple": [...]}``, a list (choice) is ``{"list": [...]}``, a dict is ``{"dict": {...}}``, a
stochastic parameter is ``{"param": "Uniform", "args": {...}}``, an array is
``{"ndarray": {...}}``, an augmenter is ``{"type": ..., "args": ...}``. Unknown types, arguments or
tags are errors. Objects without a declarative form (Lambda functions, user classes) fall back to
cloudpickle with a warning; such specs load only with ``allow_pickle=True`` (never for untrusted
input).
"""

from imgaug2.serialization.spec import (
    SPEC_VERSION,
    SpecError,
    from_spec,
    load,
    read_spec_file,
    save,
    spec_hash,
    to_spec,
    validate_spec,
)

__all__ = [
    "SPEC_VERSION",
    "SpecError",
    "from_spec",
    "load",
    "read_spec_file",
    "save",
    "spec_hash",
    "to_spec",
    "validate_spec",
]
