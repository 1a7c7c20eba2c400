"""Constant and discrete parameters: Deterministic, DeterministicList, Choice, Binomial,
DiscreteUniform, Poisson."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters.base import StochasticParameter
from imgaug2.parameters.handles import (
    ArgumentTypeError,
    handle_continuous_param,
    handle_discrete_param,
    is_int,
    is_number,
)

_INT32 = np.iinfo(np.int32)


def _int_dtype(*values: int) -> type:
    """int32 if all values fit, else int64."""
    return np.int32 if all(_INT32.min <= v <= _INT32.max for v in values) else np.int64


class Deterministic(StochasticParameter):
    """A constant: every sample is ``value``.

    ``value`` is a number or a string; a StochasticParameter is sampled once (here) and its
    sample becomes the constant. Samples have the value's numpy dtype (Python int -> int64,
    Python float -> float64, str -> unicode).
    """

    def __init__(self, value: Any) -> None:
        if isinstance(value, StochasticParameter):
            value = value.draw_sample()
        if not (is_number(value) or isinstance(value, str)):
            raise ArgumentTypeError(f"Expected value to be a number, a string or a "
                                     f"StochasticParameter, got {type(value).__name__}.")
        self.value = value

    def draw_sample(self, random_state: Any = None) -> Any:
        """The value as a numpy scalar (what ``draw_samples(1)[0]`` returns)."""
        return np.asarray(self.value)[()]

    def _draw_samples(self, size, random_state):
        return np.full(size, self.value)

    def __str__(self) -> str:
        if is_int(self.value):
            return f"Deterministic(int {int(self.value)})"
        if is_number(self.value):
            return f"Deterministic(float {float(self.value):.8f})"
        return f"Deterministic({self.value})"


#: Returned by :func:`fixed_value` for a parameter that is not a constant.
NOT_FIXED = object()


def fixed_value(param: Any) -> Any:
    """The constant of a :class:`Deterministic` parameter as the Python value its samples
    hold (what ``draw_samples(n).tolist()`` would repeat), else :data:`NOT_FIXED`.

    Drawing a constant consumes no randomness, so a caller may skip the draw (and its small
    numpy arrays) without changing any random stream.
    """
    if type(param) is not Deterministic:
        return NOT_FIXED
    value = param.value
    if isinstance(value, np.generic):
        return value.item()
    if type(value) in (int, float, str, bool):
        return value
    return np.asarray(value)[()].item()  # other number types: as numpy would store them


def to_python(value: Any) -> Any:
    """A drawn sample (numpy scalar, 0-d array, ``np.str_``) as a plain Python value."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.str_):
        return str(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def draw_python_values(param: StochasticParameter, nb_rows: int, random_state: Any) -> list:
    """``nb_rows`` samples of ``param`` as plain Python values. A :class:`Deterministic` is
    repeated, not drawn (drawing it consumes no randomness)."""
    value = fixed_value(param)
    if value is not NOT_FIXED:
        return [value] * nb_rows
    samples = np.asarray(param.draw_samples((nb_rows,), random_state=random_state)).reshape(-1)
    if samples.dtype != object:
        return samples.tolist()  # numbers and strings become Python values in one call
    return [to_python(sample) for sample in samples]


class DeterministicList(StochasticParameter):
    """Returns ``values`` in order (flattened), repeated as often as needed to fill ``size``."""

    def __init__(self, values: Any) -> None:
        if isinstance(values, np.ndarray):
            array = values.flatten()
        elif isinstance(values, (list, tuple)):
            array = np.array(list(_flatten(values)))
        else:
            raise ArgumentTypeError(f"Expected values to be a list, tuple or numpy array, got "
                                     f"{type(values).__name__}.")
        if array.size == 0:
            raise ValueError("Expected values to contain at least one value, got none.")
        self.values = array

    def _draw_samples(self, size, random_state):
        count = int(np.prod(size, dtype=np.int64))
        values = self.values
        if count > values.size:
            values = np.tile(values, -(-count // values.size))
        return values[:count].reshape(size).copy()

    def __str__(self) -> str:
        if self.values.dtype.kind == "f":
            return "DeterministicList([" + ", ".join(f"{v:.4f}" for v in self.values) + "])"
        return f"DeterministicList({self.values.tolist()})"


def _flatten(values: Any):
    for value in values:
        if isinstance(value, (list, tuple, np.ndarray)):
            yield from _flatten(value)
        else:
            yield value


def _choice_values(a: list) -> np.ndarray:
    """``a`` as an array; mixtures of strings and non-strings become an object array."""
    has_str = [isinstance(v, str) for v in a]
    if any(has_str) and not all(has_str):
        values = np.empty(len(a), dtype=object)
        values[:] = a
        return values
    return np.asarray(a)


class Choice(StochasticParameter):
    """Picks entries of ``a`` (with probabilities ``p``; without replacement if not ``replace``).

    Entries may be numbers, strings or StochasticParameters; a picked parameter is replaced by
    one of its samples. Samples keep the dtype of ``a``'s values.
    """

    def __init__(self, a: Any, replace: bool = True, p: Any = None) -> None:
        if isinstance(a, (str, bytes)) or not isinstance(a, (list, tuple, np.ndarray)):
            raise ArgumentTypeError(f"Expected a to be a list, tuple or numpy array, got "
                                     f"{type(a).__name__}.")
        if len(a) == 0:
            raise ValueError("Expected a to contain at least one entry, got none.")
        if p is not None:
            if isinstance(p, (str, bytes)) or not isinstance(p, (list, tuple, np.ndarray)):
                raise ArgumentTypeError(f"Expected p to be None or a list of probabilities, "
                                         f"got {type(p).__name__}.")
            probs = np.asarray(p, dtype=np.float64)
            if probs.shape != (len(a),):
                raise ValueError(f"Expected p to contain one probability per entry of a "
                                 f"({len(a)}), got {len(p)}.")
            if np.any(probs < 0) or not np.isclose(probs.sum(), 1.0):
                raise ValueError(f"Expected p to contain probabilities >= 0 summing to 1, got "
                                 f"{p!r}.")
        self.a = a
        self.replace = replace
        self.p = p

    def _probabilities(self) -> np.ndarray | None:
        return None if self.p is None else np.asarray(self.p, dtype=np.float64)

    def _draw_samples(self, size, random_state):
        entries = list(self.a)
        if not any(isinstance(v, StochasticParameter) for v in entries):
            values = _choice_values(entries) if isinstance(self.a, (list, tuple)) \
                else np.asarray(self.a)
            indices = random_state.choice(len(values), size, replace=self.replace,
                                          p=self._probabilities())
            return np.asarray(values[indices]).reshape(size + values.shape[1:])
        count = int(np.prod(size, dtype=np.int64))
        indices = random_state.choice(len(entries), count, replace=self.replace,
                                      p=self._probabilities())
        pieces = []
        for i, entry in enumerate(entries):
            mask = indices == i
            n = int(mask.sum())
            if n == 0:
                continue
            if isinstance(entry, StochasticParameter):
                values = np.asarray(entry.draw_samples((n,), random_state=random_state))
            else:
                values = np.full(n, entry)
            pieces.append((mask, values.reshape(n)))
        kinds = {values.dtype.kind for _, values in pieces}
        if kinds <= set("biuf"):
            dtype = np.result_type(*[values.dtype for _, values in pieces]) if pieces \
                else np.float64
        elif len({values.dtype for _, values in pieces}) == 1:
            dtype = pieces[0][1].dtype
        else:
            dtype = object
        out = np.empty(count, dtype=dtype)
        for mask, values in pieces:
            out[mask] = values
        return out.reshape(size)

    def __str__(self) -> str:
        return f"Choice(a={self.a}, replace={self.replace}, p={self.p})"


class Binomial(StochasticParameter):
    """1 with probability ``p``, else 0 (int32 samples).

    ``p`` is a number, ``(a, b)`` (uniform), a list (choice) or a parameter; it is sampled once
    per ``draw_samples`` call and must lie in ``[0, 1]``.
    """

    def __init__(self, p: Any) -> None:
        self.p = handle_continuous_param(p, "p", value_range=(0.0, 1.0))

    def _draw_samples(self, size, random_state):
        p = float(self.p.draw_sample(random_state=random_state))
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"Expected the probability p of Binomial to be in the interval "
                             f"[0.0, 1.0], got {p}.")
        if p == 1.0:
            return np.ones(size, dtype=np.int32)
        if p == 0.0:
            return np.zeros(size, dtype=np.int32)
        return (random_state.random(size, dtype="float64") < p).astype(np.int32)

    def __str__(self) -> str:
        return f"Binomial({self.p})"


class DiscreteUniform(StochasticParameter):
    """Integers uniformly from ``[a..b]``, both inclusive (swapped if ``a > b``; int32)."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a = handle_discrete_param(a, "a")
        self.b = handle_discrete_param(b, "b")

    def _draw_samples(self, size, random_state):
        a = int(self.a.draw_sample(random_state=random_state))
        b = int(self.b.draw_sample(random_state=random_state))
        low, high = min(a, b), max(a, b)
        dtype = _int_dtype(low, high)
        if low == high:
            return np.full(size, low, dtype=dtype)
        return random_state.integers(low, high, size=size, dtype=dtype, endpoint=True)

    def __str__(self) -> str:
        return f"DiscreteUniform({self.a}, {self.b})"


class Poisson(StochasticParameter):
    """Poisson-distributed int32 samples with rate ``lam`` (sampled once per call).

    As in imgaug, a negative rate drawn from a stochastic ``lam`` is treated as 0.
    """

    def __init__(self, lam: Any) -> None:
        self.lam = handle_continuous_param(lam, "lam", value_range=(0, None))

    def _draw_samples(self, size, random_state):
        lam = max(float(self.lam.draw_sample(random_state=random_state)), 0.0)
        return random_state.poisson(lam, size=size).astype(np.int32)

    def __str__(self) -> str:
        return f"Poisson({self.lam})"
