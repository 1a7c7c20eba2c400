"""Arithmetic on parameters: Multiply, Divide, Add, Subtract, Power.

``elementwise=False`` draws one value of ``val`` per call; ``True`` draws one per sample.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters._base import StochasticParameter
from imgaug2.parameters._handles import handle_continuous_param


class _Binary(StochasticParameter):
    _symbol = "?"

    def __init__(self, other_param: Any, val: Any, elementwise: bool = False) -> None:
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.val = handle_continuous_param(val, "val")
        self.elementwise = bool(elementwise)

    def _op(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _draw_samples(self, size, random_state):
        samples = np.asarray(self.other_param.draw_samples(size, random_state=random_state))
        if self.elementwise and not isinstance(self.val, _deterministic_type()):
            val = np.asarray(self.val.draw_samples(size, random_state=random_state))
        else:
            val = np.asarray(self.val.draw_sample(random_state=random_state))
        return self._op(samples, val)

    def __str__(self) -> str:
        return f"{type(self).__name__}({self.other_param}, {self.val}, {self.elementwise})"


def _deterministic_type():
    from imgaug2.parameters._continuous import Deterministic

    return Deterministic


class Multiply(_Binary):
    """``other_param * val``."""

    def _op(self, a, b):
        return np.multiply(a, b)


class Divide(_Binary):
    """``other_param / val`` (division by zero raises ValueError)."""

    def _op(self, a, b):
        if np.any(np.asarray(b) == 0):
            raise ValueError("Divide: the divisor parameter produced 0")
        return np.true_divide(a, b)


class Add(_Binary):
    """``other_param + val``."""

    def _op(self, a, b):
        return np.add(a, b)


class Subtract(_Binary):
    """``other_param - val``."""

    def _op(self, a, b):
        return np.subtract(a, b)


class Power(_Binary):
    """``other_param ** val`` (computed in float64)."""

    def _op(self, a, b):
        return np.power(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
