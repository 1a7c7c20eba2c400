"""Arithmetic on parameters: Multiply, Divide, Add, Subtract, Power.

``other_param`` is sampled with the requested size. ``val`` is sampled once per call, or once
per element if ``elementwise=True`` (a ``Deterministic`` ``val`` is always used as a scalar).
Both arguments accept numbers, ``(a, b)`` tuples, lists and parameters. A scalar ``val`` keeps
the dtype of the samples where NumPy allows it (float32 samples + 2 -> float32).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters.base import StochasticParameter
from imgaug2.parameters.discrete import Deterministic
from imgaug2.parameters.handles import (
    both_np_float_if_one_is_float,
    force_np_float_dtype,
    handle_continuous_param,
)


class _BinaryOperation(StochasticParameter):
    def __init__(self, other_param: Any, val: Any, elementwise: bool = False) -> None:
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.val = handle_continuous_param(val, "val")
        self.elementwise = elementwise

    def _draw_operands(self, size, random_state) -> tuple[np.ndarray, Any]:
        samples = np.asarray(self.other_param.draw_samples(size, random_state=random_state))
        if self.elementwise and not isinstance(self.val, Deterministic):
            return samples, np.asarray(self.val.draw_samples(size, random_state=random_state))
        val = self.val.draw_sample(random_state=random_state)
        # a Python scalar does not change the dtype of the samples (as in imgaug on NumPy 1)
        return samples, val.item() if isinstance(val, np.generic) else val

    def _draw_samples(self, size, random_state):
        samples, val = self._draw_operands(size, random_state)
        return self._apply(samples, val)

    def _apply(self, samples: np.ndarray, val: Any) -> np.ndarray:
        raise NotImplementedError

    def __str__(self) -> str:
        return f"{type(self).__name__}({self.other_param}, {self.val}, {self.elementwise})"


class Multiply(_BinaryOperation):
    """Samples of ``other_param`` times ``val``."""

    def _apply(self, samples, val):
        return np.multiply(samples, val)


class Divide(_BinaryOperation):
    """Samples of ``other_param`` divided by ``val`` (float result).

    As in imgaug, a divisor of exactly 0 is replaced by 1 (division by zero is avoided).
    """

    def _apply(self, samples, val):
        samples = force_np_float_dtype(samples)
        if isinstance(val, np.ndarray) and val.ndim > 0:
            val = np.where(val == 0, 1, val)
            return np.divide(samples, force_np_float_dtype(val))
        val = float(val)
        return samples / (1.0 if val == 0 else val)


class Add(_BinaryOperation):
    """Samples of ``other_param`` plus ``val``."""

    def _apply(self, samples, val):
        return np.add(samples, val)


class Subtract(_BinaryOperation):
    """Samples of ``other_param`` minus ``val``."""

    def _apply(self, samples, val):
        return np.subtract(samples, val)


class Power(_BinaryOperation):
    """Samples of ``other_param`` to the power of ``val`` (float result).

    As in imgaug, a negative base with a fractional exponent gives the real part of the
    complex power instead of NaN.
    """

    def _apply(self, samples, val):
        samples, exponents = both_np_float_if_one_is_float(samples, val)
        dtype = samples.dtype
        bases = np.asarray(samples)
        fractional = np.asarray(exponents) != np.round(exponents)
        if np.any((bases < 0) & fractional):
            result = np.power(bases.astype(np.complex128), exponents).real
        else:
            with np.errstate(divide="ignore", over="ignore"):
                result = np.power(bases, exponents)
        return np.asarray(result).astype(dtype, copy=False)
