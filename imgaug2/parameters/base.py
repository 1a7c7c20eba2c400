"""StochasticParameter: the base of every random parameter, with arithmetic operators."""

from __future__ import annotations

import copy as copylib
import numbers
from abc import ABCMeta, abstractmethod
from typing import Any

import numpy as np

from imgaug2 import random as iarandom


def normalize_size(size: Any) -> tuple[int, ...]:
    """Turn ``size`` (an int or a tuple/list of ints) into a tuple of non-negative ints."""
    if type(size) is int and size >= 0:  # fast paths for the common cases
        return (size,)
    if type(size) is tuple and all(type(s) is int and s >= 0 for s in size):
        return size
    if isinstance(size, numbers.Integral) and not isinstance(size, (bool, np.bool_)):
        dims: tuple = (size,)
    elif isinstance(size, (tuple, list)) and all(
            isinstance(s, numbers.Integral) and not isinstance(s, (bool, np.bool_))
            for s in size):
        dims = tuple(size)
    else:
        raise TypeError(f"Expected size to be an int or a tuple of ints, got "
                        f"{type(size).__name__} {size!r}.")
    if any(s < 0 for s in dims):
        raise ValueError(f"Expected size to contain only values >= 0, got {size!r}.")
    return tuple(int(s) for s in dims)


def _is_operand(other: Any) -> bool:
    return isinstance(other, StochasticParameter) or (
        isinstance(other, numbers.Real) and not isinstance(other, (bool, np.bool_)))


def _operand_error(expression: str, other: Any) -> TypeError:
    return TypeError(f"Invalid operand in {expression}: expected a number or a "
                     f"StochasticParameter, got {type(other).__name__}.")


class StochasticParameter(metaclass=ABCMeta):
    """A random variable that augmenters sample from.

    ``draw_samples(size, random_state)`` returns an array of shape ``size``;
    ``draw_sample(random_state)`` returns one value. ``random_state`` is None (the global RNG)
    or anything :meth:`imgaug2.random.RNG.create_if_not_rng_` accepts (int seed, RNG, numpy
    Generator, ...). Sampling uses only that RNG, so the same RNG state always gives the same
    samples. Parameters combine with ``+ - * / // **`` (numbers become ``Deterministic``).
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> StochasticParameter:
        obj = super().__new__(cls)
        # constructor arguments, for declarative specs (imgaug2.serialization)
        obj._ctor_args = (args, kwargs)
        return obj

    def draw_sample(self, random_state: Any = None) -> Any:
        """Draw a single value."""
        return self.draw_samples(1, random_state=random_state)[0]

    def draw_samples(self, size: Any, random_state: Any = None) -> np.ndarray:
        """Draw an array of shape ``size`` (an int or a tuple of ints)."""
        rng = iarandom.RNG.create_if_not_rng_(random_state)
        return self._draw_samples(normalize_size(size), rng)

    @abstractmethod
    def _draw_samples(self, size: tuple[int, ...], random_state: iarandom.RNG) -> np.ndarray:
        """Draw samples of shape ``size`` using only ``random_state``."""

    # ---- arithmetic -------------------------------------------------------------------------
    def __add__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Add

        if not _is_operand(other):
            raise _operand_error("StochasticParameter + other", other)
        return Add(self, other)

    def __radd__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Add

        if not _is_operand(other):
            raise _operand_error("other + StochasticParameter", other)
        return Add(other, self)

    def __sub__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Subtract

        if not _is_operand(other):
            raise _operand_error("StochasticParameter - other", other)
        return Subtract(self, other)

    def __rsub__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Subtract

        if not _is_operand(other):
            raise _operand_error("other - StochasticParameter", other)
        return Subtract(other, self)

    def __mul__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Multiply

        if not _is_operand(other):
            raise _operand_error("StochasticParameter * other", other)
        return Multiply(self, other)

    def __rmul__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Multiply

        if not _is_operand(other):
            raise _operand_error("other * StochasticParameter", other)
        return Multiply(other, self)

    def __truediv__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Divide

        if not _is_operand(other):
            raise _operand_error("StochasticParameter / other", other)
        return Divide(self, other)

    def __rtruediv__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Divide

        if not _is_operand(other):
            raise _operand_error("other / StochasticParameter", other)
        return Divide(other, self)

    def __floordiv__(self, other: Any) -> StochasticParameter:
        """``Discretize(Divide(self, other))``: as in imgaug, the quotient is rounded."""
        from imgaug2.parameters.arithmetic import Divide
        from imgaug2.parameters.transforms import Discretize

        if not _is_operand(other):
            raise _operand_error("StochasticParameter // other", other)
        return Discretize(Divide(self, other))

    def __rfloordiv__(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Divide
        from imgaug2.parameters.transforms import Discretize

        if not _is_operand(other):
            raise _operand_error("other // StochasticParameter", other)
        return Discretize(Divide(other, self))

    def __pow__(self, other: Any, z: Any = None) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Power

        if z is not None:
            raise NotImplementedError("Modulo power is not supported by StochasticParameter.")
        if not _is_operand(other):
            raise _operand_error("StochasticParameter ** other", other)
        return Power(self, other)

    def __rpow__(self, other: Any, z: Any = None) -> StochasticParameter:
        from imgaug2.parameters.arithmetic import Power

        if z is not None:
            raise NotImplementedError("Modulo power is not supported by StochasticParameter.")
        if not _is_operand(other):
            raise _operand_error("other ** StochasticParameter", other)
        return Power(other, self)

    # ---- copies, visualisation, printing -----------------------------------------------------
    def copy(self) -> StochasticParameter:
        """Shallow copy."""
        return copylib.copy(self)

    def deepcopy(self) -> StochasticParameter:
        """Deep copy."""
        return copylib.deepcopy(self)

    def draw_distribution_graph(self, title: Any = None, size: tuple[int, ...] = (1000, 1000),
                                bins: int = 100) -> np.ndarray:
        """Histogram of samples as an ``(H, W, 3)`` uint8 image (needs matplotlib).

        ``size[0]`` calls of ``draw_samples(size[1:])`` use the global RNG. ``title`` None uses
        ``str(self)``; False shows no title.
        """
        from imgaug2.parameters.plotting import draw_distribution_graph

        return draw_distribution_graph(self, title=title, size=size, bins=bins)

    def __repr__(self) -> str:
        return self.__str__()

    def __str__(self) -> str:
        args, kwargs = getattr(self, "_ctor_args", ((), {}))
        parts = [str(a) for a in args] + [f"{k}={v}" for k, v in kwargs.items()]
        return f"{type(self).__name__}({', '.join(parts)})"
