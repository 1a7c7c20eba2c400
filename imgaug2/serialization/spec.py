"""Encoding and decoding of pipeline specs (see the package docstring for the format)."""

from __future__ import annotations

import base64
import hashlib
import inspect
import json
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from imgaug2.serialization.registry import augmenter_registry, parameter_registry, type_name

SPEC_VERSION = 1
_SPEC_KEY = "imgaug2_spec"
_DROPPED_ARGS = ("random_state", "deterministic")
_VALUE_TAGS = ("tuple", "list", "dict", "ndarray", "float", "param", "pickled", "type")


class SpecError(ValueError):
    """A spec is malformed: the message names the offending key (as a path) and the problem."""


class PickleFallbackWarning(UserWarning):
    """A pipeline part has no declarative form and was stored with cloudpickle."""


# ---------------------------------------------------------------------------------------------
# encoding
# ---------------------------------------------------------------------------------------------
def to_spec(augmenter: Any) -> dict:
    """Return the versioned declarative spec of an augmenter (pipeline)."""
    from imgaug2.augmenters.meta import Augmenter

    if not isinstance(augmenter, Augmenter):
        raise TypeError(f"augmenter must be an imgaug2 Augmenter, got {type(augmenter).__name__}")
    return {_SPEC_KEY: SPEC_VERSION, "pipeline": _encode_augmenter(augmenter)}


def _bound_arguments(obj: Any) -> dict[str, Any]:
    args, kwargs = getattr(obj, "_ctor_args", ((), {}))
    signature = inspect.signature(type(obj).__init__)
    bound = signature.bind(obj, *args, **kwargs)
    arguments = dict(bound.arguments)
    arguments.pop(next(iter(signature.parameters)))  # self
    for name, param in signature.parameters.items():
        if param.kind == inspect.Parameter.VAR_KEYWORD and name in arguments:
            arguments.update(arguments.pop(name))
    return arguments


def _live_children(augmenter: Any, name: str, value: Any) -> Any:
    """Children as they are now (remove_augmenters_ etc. may have changed them)."""
    from imgaug2.augmenters.meta import Augmenter

    if name == "children" and isinstance(augmenter, list):
        return list(augmenter)
    live = getattr(augmenter, name, None)
    if live is None and name == "children":
        live = getattr(augmenter, "children", None)
    if isinstance(live, Augmenter) and isinstance(live, list):
        return list(live)
    if isinstance(live, Augmenter):
        return live
    return value


def _encode_augmenter(augmenter: Any) -> dict:
    try:
        name = type_name(augmenter)
    except KeyError:
        return _pickled(augmenter, f"augmenter class {type(augmenter).__name__} is not registered")
    arguments = _bound_arguments(augmenter)
    for dropped in _DROPPED_ARGS:
        arguments.pop(dropped, None)
    if "seed" in arguments and not isinstance(arguments["seed"], (int, np.integer)):
        arguments.pop("seed")
    encoded = {}
    for key, value in arguments.items():
        if _contains_augmenter(value):
            value = _live_children(augmenter, key, value)
        encoded[key] = _encode_value(value, f"{name}.{key}")
    return {"type": name, "args": encoded}


def _contains_augmenter(value: Any) -> bool:
    from imgaug2.augmenters.meta import Augmenter

    if isinstance(value, Augmenter):
        return True
    return isinstance(value, (list, tuple)) and any(isinstance(v, Augmenter) for v in value)


def _encode_param(param: Any, where: str) -> dict:
    cls_name = type(param).__name__
    if parameter_registry().get(cls_name) is not type(param):
        return _pickled(param, f"parameter class {cls_name} at {where} is not registered")
    arguments = _bound_arguments(param)
    return {"param": cls_name,
            "args": {k: _encode_value(v, f"{where}.{k}") for k, v in arguments.items()}}


def _encode_value(value: Any, where: str) -> Any:
    from imgaug2 import parameters as iap
    from imgaug2.augmenters.meta import Augmenter

    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else {"float": repr(value)}
    if isinstance(value, Augmenter):
        return _encode_augmenter(value)
    if isinstance(value, iap.StochasticParameter) or type(value) in _helper_classes():
        return _encode_param(value, where)
    if isinstance(value, tuple):
        return {"tuple": [_encode_value(v, f"{where}[{i}]") for i, v in enumerate(value)]}
    if isinstance(value, list):
        return {"list": [_encode_value(v, f"{where}[{i}]") for i, v in enumerate(value)]}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            return _pickled(value, f"dict with non-string keys at {where}")
        return {"dict": {k: _encode_value(v, f"{where}.{k}") for k, v in value.items()}}
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return {"ndarray": {"dtype": str(value.dtype), "shape": list(value.shape),
                            "data": value.ravel().tolist()}}
    return _pickled(value, f"{type(value).__name__} at {where}")


def _helper_classes() -> set:
    return {cls for name, cls in parameter_registry().items()}


def _pickled(obj: Any, why: str) -> dict:
    try:
        import cloudpickle
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"{why} has no declarative form and needs cloudpickle: pip install 'imgaug2[spec]'"
        ) from exc
    warnings.warn(f"{why}: stored with cloudpickle; the spec will only load with "
                  "allow_pickle=True", PickleFallbackWarning, stacklevel=3)
    return {"pickled": base64.b64encode(cloudpickle.dumps(obj)).decode("ascii")}


# ---------------------------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------------------------
def from_spec(spec: dict, allow_pickle: bool = False) -> Any:
    """Build the pipeline a spec describes. Raises :class:`SpecError` naming the bad key."""
    if not isinstance(spec, dict):
        raise SpecError(f"a spec must be a mapping, got {type(spec).__name__}")
    unknown = set(spec) - {_SPEC_KEY, "pipeline", "imgaug2_version", "comment"}
    if unknown:
        raise SpecError(f"unknown top-level key(s) {sorted(unknown)}; expected "
                        f"'{_SPEC_KEY}', 'pipeline' (and optionally 'imgaug2_version', 'comment')")
    version = spec.get(_SPEC_KEY)
    if version is None:
        raise SpecError(f"missing key '{_SPEC_KEY}' (the spec format version)")
    if version != SPEC_VERSION:
        raise SpecError(f"'{_SPEC_KEY}': version {version!r} is not supported "
                        f"(this imgaug2 reads version {SPEC_VERSION})")
    if "pipeline" not in spec:
        raise SpecError("missing key 'pipeline'")
    return _decode_augmenter(spec["pipeline"], "pipeline", allow_pickle)


def _decode_augmenter(node: Any, where: str, allow_pickle: bool) -> Any:
    from imgaug2.augmenters.meta import Augmenter

    if isinstance(node, dict) and "pickled" in node:
        obj = _unpickle(node, where, allow_pickle)
        if not isinstance(obj, Augmenter):
            raise SpecError(f"{where}: pickled object is not an augmenter")
        return obj
    if not isinstance(node, dict) or "type" not in node:
        raise SpecError(f"{where}: an augmenter must be a mapping with 'type' and 'args'")
    unknown = set(node) - {"type", "args"}
    if unknown:
        raise SpecError(f"{where}: unknown key(s) {sorted(unknown)}; expected 'type' and 'args'")
    cls = augmenter_registry().get(node["type"])
    if cls is None:
        raise SpecError(f"{where}.type: unknown augmenter {node['type']!r}")
    return _construct(cls, node.get("args", {}), f"{where}({node['type']})", allow_pickle)


def _construct(cls: type, args: Any, where: str, allow_pickle: bool) -> Any:
    if not isinstance(args, dict):
        raise SpecError(f"{where}.args must be a mapping, got {type(args).__name__}")
    signature = inspect.signature(cls.__init__)
    accepted = [n for n, p in signature.parameters.items()
                if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)][1:]
    has_var_kw = any(p.kind == p.VAR_KEYWORD for p in signature.parameters.values())
    for key in args:
        if key not in accepted and not has_var_kw:
            raise SpecError(f"{where}.args.{key}: unknown argument; {cls.__name__} accepts "
                            f"{accepted}")
    values = {k: _decode_value(v, f"{where}.args.{k}", allow_pickle) for k, v in args.items()}
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
        raise SpecError(f"{where}: invalid arguments: {exc}") from exc


def _decode_value(value: Any, where: str, allow_pickle: bool) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        raise SpecError(f"{where}: a bare list is ambiguous; write {{'tuple': [...]}} for a range "
                        "or {'list': [...]} for a choice")
    if not isinstance(value, dict):
        raise SpecError(f"{where}: unsupported value of type {type(value).__name__}")
    if "type" in value:
        return _decode_augmenter(value, where, allow_pickle)
    if "param" in value:
        return _decode_param_node(value, where, allow_pickle)
    if len(value) != 1:
        raise SpecError(f"{where}: a tagged value needs exactly one of {_VALUE_TAGS}, "
                        f"got keys {sorted(value)}")
    tag, payload = next(iter(value.items()))
    if tag in ("tuple", "list"):
        if not isinstance(payload, list):
            raise SpecError(f"{where}.{tag} must be a list")
        items = [_decode_value(v, f"{where}[{i}]", allow_pickle) for i, v in enumerate(payload)]
        return tuple(items) if tag == "tuple" else items
    if tag == "dict":
        if not isinstance(payload, dict):
            raise SpecError(f"{where}.dict must be a mapping")
        return {k: _decode_value(v, f"{where}.{k}", allow_pickle) for k, v in payload.items()}
    if tag == "float":
        if payload not in ("inf", "-inf", "nan"):
            raise SpecError(f"{where}.float must be 'inf', '-inf' or 'nan', got {payload!r}")
        return float(payload)
    if tag == "ndarray":
        return _decode_ndarray(payload, where)
    if tag == "pickled":
        return _unpickle(value, where, allow_pickle)
    raise SpecError(f"{where}: unknown tag {tag!r}; expected one of {_VALUE_TAGS}")


def _decode_param_node(value: dict, where: str, allow_pickle: bool) -> Any:
    unknown = set(value) - {"param", "args"}
    if unknown:
        raise SpecError(f"{where}: unknown key(s) {sorted(unknown)} in a parameter")
    cls = parameter_registry().get(value["param"])
    if cls is None:
        raise SpecError(f"{where}.param: unknown stochastic parameter {value['param']!r}")
    return _construct(cls, value.get("args", {}), f"{where}({value['param']})", allow_pickle)


def _decode_ndarray(payload: Any, where: str) -> np.ndarray:
    if not isinstance(payload, dict) or set(payload) != {"dtype", "shape", "data"}:
        raise SpecError(f"{where}.ndarray needs exactly 'dtype', 'shape' and 'data'")
    try:
        return np.asarray(payload["data"], dtype=np.dtype(payload["dtype"])).reshape(
            payload["shape"])
    except (TypeError, ValueError) as exc:
        raise SpecError(f"{where}.ndarray: {exc}") from exc


def _unpickle(value: dict, where: str, allow_pickle: bool) -> Any:
    if not allow_pickle:
        raise SpecError(f"{where}: contains a pickled object; refusing to load it unless "
                        "allow_pickle=True (only do that for specs you trust)")
    import cloudpickle

    return cloudpickle.loads(base64.b64decode(value["pickled"]))


# ---------------------------------------------------------------------------------------------
# files, hashing, validation
# ---------------------------------------------------------------------------------------------
def spec_hash(spec: dict) -> str:
    """SHA-256 of the canonical JSON form of a spec (stable across key order)."""
    canonical = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def validate_spec(spec: dict, allow_pickle: bool = False) -> Any:
    """Check a spec by building it; returns the pipeline or raises :class:`SpecError`."""
    return from_spec(spec, allow_pickle=allow_pickle)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def save(augmenter: Any, path: str | Path) -> dict:
    """Write an augmenter's spec to ``path`` (.json, or .yaml/.yml); returns the spec."""
    path = Path(path)
    spec = to_spec(augmenter)
    if _is_yaml(path):
        yaml = _import_yaml()
        path.write_text(yaml.safe_dump(spec, sort_keys=False))
    else:
        path.write_text(json.dumps(spec, indent=2) + "\n")
    return spec


def read_spec_file(path: str | Path) -> dict:
    """Read a spec file (.json, .yaml or .yml) without building it."""
    path = Path(path)
    text = path.read_text()
    if _is_yaml(path):
        return _import_yaml().safe_load(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError(f"{path}: not valid JSON: {exc}") from exc


def load(path: str | Path, allow_pickle: bool = False) -> Any:
    """Build the pipeline stored in a spec file (.json, .yaml or .yml)."""
    return from_spec(read_spec_file(path), allow_pickle=allow_pickle)


def _import_yaml():
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("YAML specs need PyYAML: pip install 'imgaug2[spec]'") from exc
    return yaml
