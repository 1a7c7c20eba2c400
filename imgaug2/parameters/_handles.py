"""The ``handle_*_param`` rules: turn user arguments into StochasticParameters.

number -> Deterministic; (a, b) -> Uniform (DiscreteUniform for discrete args); [a, b, c] ->
Choice; a StochasticParameter passes through. Errors name the argument.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

import numpy as np

from imgaug2.parameters._base import StochasticParameter

ALL = "ALL"
_PREFETCH = {"enabled": False}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_))


def _is_int(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _check_range(value: Any, name: str, value_range: Any) -> None:
    if value_range is None:
        return
    if callable(value_range):
        if not value_range(value):
            raise ValueError(f"Parameter '{name}' is outside of the expected value range "
                             f"(got {value!r})")
        return
    low, high = value_range
    if low is not None and value < low:
        raise ValueError(f"Parameter '{name}' must be >= {low}, got {value!r}")
    if high is not None and value > high:
        raise ValueError(f"Parameter '{name}' must be <= {high}, got {value!r}")


def handle_continuous_param(param: Any, name: str, value_range: Any = None,
                            tuple_to_uniform: bool = True, list_to_choice: bool = True,
                            prefetch: bool = True) -> StochasticParameter:
    """Normalise a continuous argument (float values)."""
    from imgaug2.parameters._continuous import Choice, Deterministic, Uniform

    if _is_number(param):
        _check_range(param, name, value_range)
        return Deterministic(param)
    if tuple_to_uniform and isinstance(param, tuple):
        if len(param) != 2 or not all(_is_number(v) for v in param):
            raise ValueError(f"Expected parameter '{name}' as a tuple to contain exactly two "
                             f"numbers (a, b), got {param!r}")
        for v in param:
            _check_range(v, name, value_range)
        return Uniform(param[0], param[1])
    if list_to_choice and isinstance(param, list):
        if not param or not all(_is_number(v) for v in param):
            raise ValueError(f"Expected parameter '{name}' as a list to contain only numbers, "
                             f"got {param!r}")
        for v in param:
            _check_range(v, name, value_range)
        return Choice(param)
    if isinstance(param, StochasticParameter):
        return param
    allowed = ["number"] + (["tuple of two numbers"] if tuple_to_uniform else []) + (
        ["list of numbers"] if list_to_choice else []) + ["StochasticParameter"]
    raise ValueError(f"Expected parameter '{name}' to be a {', '.join(allowed)}; got "
                     f"{type(param).__name__} ({param!r})")


def handle_discrete_param(param: Any, name: str, value_range: Any = None,
                          tuple_to_uniform: bool = True, list_to_choice: bool = True,
                          allow_floats: bool = True, prefetch: bool = True) -> StochasticParameter:
    """Normalise a discrete argument (integer values; tuples are inclusive ranges)."""
    from imgaug2.parameters._continuous import Choice, Deterministic, DiscreteUniform

    def ok(v):
        return _is_int(v) or (allow_floats and _is_number(v))

    if ok(param):
        _check_range(param, name, value_range)
        return Deterministic(int(param))
    if tuple_to_uniform and isinstance(param, tuple):
        if len(param) != 2 or not all(ok(v) for v in param):
            raise ValueError(f"Expected parameter '{name}' as a tuple to contain exactly two "
                             f"{'numbers' if allow_floats else 'ints'} (a, b), got {param!r}")
        for v in param:
            _check_range(v, name, value_range)
        return DiscreteUniform(int(param[0]), int(param[1]))
    if list_to_choice and isinstance(param, list):
        if not param or not all(ok(v) for v in param):
            raise ValueError(f"Expected parameter '{name}' as a list to contain only "
                             f"{'numbers' if allow_floats else 'ints'}, got {param!r}")
        for v in param:
            _check_range(v, name, value_range)
        return Choice([int(v) for v in param])
    if isinstance(param, StochasticParameter):
        return param
    raise ValueError(f"Expected parameter '{name}' to be an int, a tuple of two ints, a list of "
                     f"ints or a StochasticParameter; got {type(param).__name__} ({param!r})")


def handle_categorical_string_param(param: Any, name: str, valid_values: Any = None,
                                    prefetch: bool = True) -> StochasticParameter:
    """Normalise a string-valued argument (``ia.ALL`` = any of ``valid_values``)."""
    from imgaug2.parameters._continuous import Choice, Deterministic

    if param == ALL:
        if valid_values is None:
            raise ValueError(f"Parameter '{name}' cannot be ALL here (no valid values known)")
        return Choice(list(valid_values))
    if isinstance(param, str):
        if valid_values is not None and param not in valid_values:
            raise ValueError(f"Expected parameter '{name}' to be one of {list(valid_values)}, "
                             f"got {param!r}")
        return Deterministic(param)
    if isinstance(param, list):
        if not param or not all(isinstance(v, str) for v in param):
            raise ValueError(f"Expected parameter '{name}' as a list to contain only strings, "
                             f"got {param!r}")
        bad = [v for v in param if valid_values is not None and v not in valid_values]
        if bad:
            raise ValueError(f"Expected parameter '{name}' to only contain values of "
                             f"{list(valid_values)}, got invalid {bad}")
        return Choice(param)
    if isinstance(param, StochasticParameter):
        return param
    raise ValueError(f"Expected parameter '{name}' to be ia.ALL, a string, a list of strings or "
                     f"a StochasticParameter; got {type(param).__name__} ({param!r})")


def handle_discrete_kernel_size_param(param: Any, name: str, value_range: Any = (1, None),
                                      allow_floats: bool = True, prefetch: bool = True
                                      ) -> tuple[StochasticParameter, StochasticParameter | None]:
    """Kernel sizes: one parameter for both axes, or ``((h...), (w...))`` per axis."""
    if (isinstance(param, tuple) and len(param) == 2 and all(
            isinstance(v, (tuple, list, StochasticParameter)) for v in param)):
        return (handle_discrete_param(param[0], f"{name}[0]", value_range,
                                      allow_floats=allow_floats),
                handle_discrete_param(param[1], f"{name}[1]", value_range,
                                      allow_floats=allow_floats))
    return handle_discrete_param(param, name, value_range, allow_floats=allow_floats), None


def handle_probability_param(param: Any, name: str, tuple_to_uniform: bool = False,
                             list_to_choice: bool = False,
                             prefetch: bool = True) -> StochasticParameter:
    """Probabilities in [0, 1]: bools and numbers become ``Binomial(p)``."""
    from imgaug2.parameters._continuous import Binomial, Choice, Uniform

    if isinstance(param, (bool, np.bool_)):
        return Binomial(float(param))
    if _is_number(param):
        if not 0.0 <= param <= 1.0:
            raise ValueError(f"Expected parameter '{name}' to be a probability in [0.0, 1.0], "
                             f"got {param!r}")
        return Binomial(float(param))
    if tuple_to_uniform and isinstance(param, tuple):
        if len(param) != 2 or not all(_is_number(v) and 0 <= v <= 1 for v in param):
            raise ValueError(f"Expected parameter '{name}' as a tuple to contain two "
                             f"probabilities, got {param!r}")
        return Binomial(Uniform(param[0], param[1]))
    if list_to_choice and isinstance(param, list):
        if not param or not all(_is_number(v) and 0 <= v <= 1 for v in param):
            raise ValueError(f"Expected parameter '{name}' as a list to contain "
                             f"probabilities, got {param!r}")
        return Binomial(Choice(param))
    if isinstance(param, StochasticParameter):
        return param
    raise ValueError(f"Expected parameter '{name}' to be a bool, a number in [0, 1] or a "
                     f"StochasticParameter; got {type(param).__name__} ({param!r})")


def force_np_float_dtype(val: np.ndarray) -> np.ndarray:
    return val if val.dtype.kind == "f" else val.astype(np.float64)


def both_np_float_if_one_is_float(a: np.ndarray, b: np.ndarray):
    if a.dtype.kind == "f" and b.dtype.kind != "f":
        return a, b.astype(np.float64)
    if a.dtype.kind != "f" and b.dtype.kind == "f":
        return a.astype(np.float64), b
    return a, b


@contextmanager
def toggled_prefetching(enabled: bool):
    """Kept for imgaug compatibility. imgaug2 never prefetches samples (it would break keyed
    determinism); the flag is recorded but has no effect on sampling."""
    old = _PREFETCH["enabled"]
    _PREFETCH["enabled"] = bool(enabled)
    try:
        yield
    finally:
        _PREFETCH["enabled"] = old


def no_prefetching():
    return toggled_prefetching(False)


def is_prefetching_enabled() -> bool:
    return _PREFETCH["enabled"]


