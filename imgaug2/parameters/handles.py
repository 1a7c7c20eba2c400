"""The ``handle_*_param`` rules: turn user arguments into StochasticParameters.

Rules (imgaug 0.4.0): a number becomes ``Deterministic``; a tuple ``(a, b)`` becomes ``Uniform``
(``DiscreteUniform`` for discrete arguments); a list becomes ``Choice``; a StochasticParameter
passes through unchanged. ``value_range`` is ``(min, max)`` (``None`` = open end) or a callable,
and is checked for numbers, tuple endpoints and list entries. Bad input raises an error whose
message names the argument and what was expected.

Prefetching: imgaug 0.4 could wrap parameters in a prefetcher. imgaug2 never prefetches (it would
break keyed-mode determinism, where every row samples from its own RNG). The ``prefetch``
arguments are accepted for compatibility and ignored; :func:`toggled_prefetching` and
:func:`no_prefetching` only toggle a module flag.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from imgaug2.parameters.base import StochasticParameter

#: ``ia.ALL``: "all valid values" for categorical arguments.
ALL = "ALL"

#: Flag toggled by :func:`toggled_prefetching`; has no effect (imgaug2 never prefetches).
_PREFETCHING_ENABLED = False

_EPS_PROBABILITY = 1e-6


class ArgumentTypeError(TypeError, ValueError):
    """An argument has the wrong type.

    A TypeError that is also a ValueError, so that code written against imgaug (which raised
    generic exceptions here) and code expecting ValueError both keep working.
    """


# ---- predicates ---------------------------------------------------------------------------
def is_number(value: Any) -> bool:
    """True for Python/numpy ints and floats (not bools)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def is_int(value: Any) -> bool:
    """True for Python/numpy ints (not bools)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def _is_listlike(value: Any) -> bool:
    return isinstance(value, list) or (isinstance(value, np.ndarray) and value.ndim == 1)


def _short_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {_short_repr(value)}"


def _expected_phrase(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


# ---- value ranges -------------------------------------------------------------------------
def _check_value_range(value: Any, name: str, value_range: Any) -> None:
    """Raise ValueError if ``value`` is outside ``value_range`` (None, (min, max) or callable)."""
    if value_range is None:
        return
    if callable(value_range):
        accepted = value_range(value)
        if accepted is not None and not accepted:
            raise ValueError(f"Parameter '{name}' is outside of the expected value range "
                             f"(rejected by the value_range callable), got {value!r}.")
        return
    if not (isinstance(value_range, tuple) and len(value_range) == 2):
        raise TypeError(f"value_range for parameter '{name}' must be None, a tuple (min, max) "
                        f"or a callable, got {_describe(value_range)}.")
    low, high = value_range
    bounds = (f"{'' if low is None else f'{low} <= '}x"
              f"{'' if high is None else f' <= {high}'}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"Parameter '{name}' is outside of the expected value range "
                         f"({bounds}), got {value!r}.")


def _check_number(value: Any, name: str, value_range: Any) -> None:
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        raise ValueError(f"Parameter '{name}' must not be NaN.")
    _check_value_range(value, name, value_range)


def _to_int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"Parameter '{name}' must be a finite number, got {value!r}.") from exc


def _check_pair(param: tuple, name: str, ok: Callable[[Any], bool], kind: str) -> None:
    if len(param) != 2:
        raise ValueError(f"Expected parameter '{name}' as a tuple to have exactly two entries "
                         f"(a, b), got {len(param)}: {_short_repr(param)}.")
    if not all(ok(v) for v in param):
        raise ArgumentTypeError(f"Expected parameter '{name}' as a tuple to contain only "
                                 f"{kind}, got {_short_repr(param)}.")


def _check_list(param: Any, name: str, ok: Callable[[Any], bool], kind: str) -> list:
    values = list(param)
    if not values:
        raise ValueError(f"Expected parameter '{name}' as a list to contain at least one "
                         f"entry, got an empty list.")
    if not all(ok(v) for v in values):
        raise ArgumentTypeError(f"Expected parameter '{name}' as a list to contain only "
                                 f"{kind}, got {_short_repr(param)}.")
    return values


# ---- handle_* -----------------------------------------------------------------------------
def handle_continuous_param(param: Any, name: str, value_range: Any = None,
                            tuple_to_uniform: bool = True, list_to_choice: bool = True,
                            prefetch: bool = True) -> StochasticParameter:
    """Normalise a continuous (float-valued) argument to a StochasticParameter.

    number -> Deterministic, ``(a, b)`` -> Uniform(a, b), list -> Choice, parameter -> itself.
    ``prefetch`` is accepted for imgaug compatibility and ignored.
    """
    from imgaug2.parameters.continuous import Uniform
    from imgaug2.parameters.discrete import Choice, Deterministic

    if is_number(param):
        _check_number(param, name, value_range)
        return Deterministic(param)
    if tuple_to_uniform and isinstance(param, tuple):
        _check_pair(param, name, is_number, "numbers")
        for value in param:
            _check_number(value, name, value_range)
        return Uniform(param[0], param[1])
    if list_to_choice and _is_listlike(param):
        for value in _check_list(param, name, is_number, "numbers"):
            _check_number(value, name, value_range)
        return Choice(param)
    if isinstance(param, StochasticParameter):
        return param
    expected = ["a number"]
    if tuple_to_uniform:
        expected.append("a tuple of two numbers (a, b)")
    if list_to_choice:
        expected.append("a list of numbers")
    expected.append("a StochasticParameter")
    raise ArgumentTypeError(f"Expected parameter '{name}' to be {_expected_phrase(expected)}, "
                             f"got {_describe(param)}.")


def handle_discrete_param(param: Any, name: str, value_range: Any = None,
                          tuple_to_uniform: bool = True, list_to_choice: bool = True,
                          allow_floats: bool = True, prefetch: bool = True
                          ) -> StochasticParameter:
    """Normalise a discrete (int-valued) argument to a StochasticParameter.

    int -> Deterministic, ``(a, b)`` -> DiscreteUniform(a, b) (inclusive), list -> Choice,
    parameter -> itself. Floats are accepted (and truncated to int) if ``allow_floats``.
    """
    from imgaug2.parameters.discrete import Choice, Deterministic, DiscreteUniform

    def ok(value: Any) -> bool:
        return is_number(value) if allow_floats else is_int(value)

    kind = "numbers" if allow_floats else "ints"
    if ok(param):
        _check_number(param, name, value_range)
        return Deterministic(_to_int(param, name))
    if tuple_to_uniform and isinstance(param, tuple):
        _check_pair(param, name, ok, kind)
        for value in param:
            _check_number(value, name, value_range)
        return DiscreteUniform(_to_int(param[0], name), _to_int(param[1], name))
    if list_to_choice and _is_listlike(param):
        values = _check_list(param, name, ok, kind)
        for value in values:
            _check_number(value, name, value_range)
        return Choice([_to_int(value, name) for value in values])
    if isinstance(param, StochasticParameter):
        return param
    single = "a number" if allow_floats else "an int"
    expected = [single]
    if tuple_to_uniform:
        expected.append(f"a tuple of two {kind} (a, b)")
    if list_to_choice:
        expected.append(f"a list of {kind}")
    expected.append("a StochasticParameter")
    raise ArgumentTypeError(f"Expected parameter '{name}' to be {_expected_phrase(expected)}, "
                             f"got {_describe(param)}.")


def handle_categorical_string_param(param: Any, name: str, valid_values: Any = None,
                                    prefetch: bool = True) -> StochasticParameter:
    """Normalise a string-valued argument.

    ``ia.ALL`` -> Choice(valid_values) (if ``valid_values`` is given), str -> Deterministic,
    list of str -> Choice, parameter -> itself. Strings must be in ``valid_values`` if given.
    """
    from imgaug2.parameters.discrete import Choice, Deterministic

    valid = None if valid_values is None else list(valid_values)
    if isinstance(param, str):
        if param == ALL and valid is not None:
            return Choice(valid)
        if valid is not None and param not in valid:
            raise ValueError(f"Expected parameter '{name}' to be one of: {', '.join(valid)}. "
                             f"Got: {param!r}.")
        return Deterministic(param)
    if isinstance(param, list):
        values = _check_list(param, name, lambda v: isinstance(v, str), "strings")
        invalid = [v for v in values if valid is not None and v not in valid]
        if invalid:
            raise ValueError(f"Expected parameter '{name}' as a list to contain only the "
                             f"values {', '.join(valid)}; got invalid {invalid}.")
        return Choice(param)
    if isinstance(param, StochasticParameter):
        return param
    all_str = "imgaug.ALL, " if valid is not None else ""
    raise ArgumentTypeError(f"Expected parameter '{name}' to be {all_str}a string, a list of "
                             f"strings or a StochasticParameter, got {_describe(param)}.")


def handle_discrete_kernel_size_param(param: Any, name: str, value_range: Any = (1, None),
                                      allow_floats: bool = True, prefetch: bool = True
                                      ) -> tuple[StochasticParameter, StochasticParameter | None]:
    """Normalise a kernel size to ``(param, None)`` (both axes) or ``(param_h, param_w)``.

    number -> (Deterministic, None); ``(a, b)`` of numbers -> (DiscreteUniform(a, b), None);
    list -> (Choice, None); parameter -> (param, None); a tuple of two non-numbers (tuples,
    lists or parameters) -> one parameter per axis (height, width).
    """
    from imgaug2.parameters.discrete import Choice, Deterministic, DiscreteUniform

    def ok(value: Any) -> bool:
        return is_number(value) if allow_floats else is_int(value)

    kind = "numbers" if allow_floats else "ints"
    if ok(param):
        _check_number(param, name, value_range)
        return Deterministic(_to_int(param, name)), None
    if isinstance(param, tuple):
        if len(param) != 2:
            raise ValueError(f"Expected parameter '{name}' as a tuple to have exactly two "
                             f"entries, got {len(param)}: {_short_repr(param)}.")
        if all(ok(v) for v in param):
            for value in param:
                _check_number(value, name, value_range)
            return DiscreteUniform(_to_int(param[0], name), _to_int(param[1], name)), None
        if all(isinstance(v, StochasticParameter) for v in param):
            return param[0], param[1]
        return (handle_discrete_param(param[0], f"{name}[0]", value_range,
                                      allow_floats=allow_floats),
                handle_discrete_param(param[1], f"{name}[1]", value_range,
                                      allow_floats=allow_floats))
    if _is_listlike(param):
        values = _check_list(param, name, ok, kind)
        for value in values:
            _check_number(value, name, value_range)
        return Choice([_to_int(value, name) for value in values]), None
    if isinstance(param, StochasticParameter):
        return param, None
    raise ArgumentTypeError(
        f"Expected parameter '{name}' to be {'a number' if allow_floats else 'an int'}, a tuple "
        f"of two entries, a list of {kind} or a StochasticParameter, got {_describe(param)}.")


def handle_probability_param(param: Any, name: str, tuple_to_uniform: bool = False,
                             list_to_choice: bool = False,
                             prefetch: bool = True) -> StochasticParameter:
    """Normalise a probability in ``[0, 1]``.

    bool, 0 and 1 -> Deterministic(0 or 1); other numbers -> Binomial(p); ``(a, b)`` ->
    Binomial(Uniform(a, b)) and list -> Binomial(Choice(list)) if enabled; parameter -> itself.
    """
    from imgaug2.parameters.continuous import Uniform
    from imgaug2.parameters.discrete import Binomial, Choice, Deterministic

    def is_probability(value: Any) -> bool:
        return is_number(value) and 0.0 <= value <= 1.0

    if isinstance(param, (bool, np.bool_)):
        return Deterministic(int(param))
    if is_number(param):
        if not is_probability(param):
            raise ValueError(f"Expected probability of parameter '{name}' to be in the interval "
                             f"[0.0, 1.0], got {param!r}.")
        if param < _EPS_PROBABILITY or param > 1.0 - _EPS_PROBABILITY:
            return Deterministic(round(float(param)))
        return Binomial(param)
    if tuple_to_uniform and isinstance(param, tuple):
        _check_pair(param, name, is_number, "numbers")
        if not all(is_probability(v) for v in param):
            raise ValueError(f"Expected parameter '{name}' as a tuple to contain two "
                             f"probabilities in [0.0, 1.0], got {param!r}.")
        return Binomial(Uniform(param[0], param[1]))
    if list_to_choice and _is_listlike(param):
        values = _check_list(param, name, is_number, "numbers")
        if not all(is_probability(v) for v in values):
            raise ValueError(f"Expected parameter '{name}' as a list to contain only "
                             f"probabilities in [0.0, 1.0], got {_short_repr(param)}.")
        return Binomial(Choice(param))
    if isinstance(param, StochasticParameter):
        return param
    expected = ["a bool", "a number in [0.0, 1.0]"]
    if tuple_to_uniform:
        expected.append("a tuple of two probabilities (a, b)")
    if list_to_choice:
        expected.append("a list of probabilities")
    expected.append("a StochasticParameter")
    raise ArgumentTypeError(f"Expected parameter '{name}' to be {_expected_phrase(expected)}, "
                             f"got {_describe(param)}.")


# ---- dtype helpers ------------------------------------------------------------------------
def force_np_float_dtype(val: np.ndarray) -> np.ndarray:
    """Return ``val`` if it has a float dtype, else ``val`` as float64."""
    return val if val.dtype.kind == "f" else val.astype(np.float64)


def both_np_float_if_one_is_float(a: np.ndarray, b: np.ndarray) -> tuple[Any, Any]:
    """Make ``a`` and ``b`` float: non-float inputs become float64 (float inputs are kept)."""
    a = a if hasattr(a, "dtype") else np.asarray(a)
    b = b if hasattr(b, "dtype") else np.asarray(b)
    return force_np_float_dtype(a), force_np_float_dtype(b)


# ---- prefetching (compatibility only) -----------------------------------------------------
@contextmanager
def toggled_prefetching(enabled: bool) -> Iterator[None]:
    """Set the prefetching flag inside the ``with`` block (restored afterwards).

    imgaug2 never prefetches samples, so the flag has no effect on sampling.
    """
    global _PREFETCHING_ENABLED
    previous = _PREFETCHING_ENABLED
    _PREFETCHING_ENABLED = bool(enabled)
    try:
        yield
    finally:
        _PREFETCHING_ENABLED = previous


@contextmanager
def no_prefetching() -> Iterator[None]:
    """Disable the (no-op) prefetching flag inside the ``with`` block."""
    with toggled_prefetching(False):
        yield
