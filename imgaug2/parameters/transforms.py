"""Parameters that transform another parameter's samples: Clip, Discretize, Absolute, RandomSign,
ForceSign and the ForceSign shortcuts Positive and Negative."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters.base import StochasticParameter
from imgaug2.parameters.handles import ArgumentTypeError, is_int, is_number


def _require_param(name: str, value: Any) -> StochasticParameter:
    if not isinstance(value, StochasticParameter):
        raise ArgumentTypeError(f"Expected {name} to be a StochasticParameter, got "
                                 f"{type(value).__name__}.")
    return value


def _draw(param: StochasticParameter, size, random_state) -> np.ndarray:
    return np.asarray(param.draw_samples(size, random_state=random_state))


class Clip(StochasticParameter):
    """Clip samples of ``other_param`` to ``[minval, maxval]`` (None = no bound)."""

    def __init__(self, other_param: StochasticParameter, minval: Any = None,
                 maxval: Any = None) -> None:
        self.other_param = _require_param("other_param", other_param)
        for name, value in (("minval", minval), ("maxval", maxval)):
            if value is not None and not is_number(value):
                raise ArgumentTypeError(f"Expected {name} to be None or a number, got "
                                         f"{type(value).__name__}.")
        if minval is not None and maxval is not None and minval > maxval:
            raise ValueError(f"Expected minval <= maxval, got minval={minval}, "
                             f"maxval={maxval}.")
        self.minval = minval
        self.maxval = maxval

    def _draw_samples(self, size, random_state):
        samples = _draw(self.other_param, size, random_state)
        if self.minval is None and self.maxval is None:
            return samples
        return np.clip(samples, self.minval, self.maxval)

    def __str__(self) -> str:
        low = "None" if self.minval is None else f"{float(self.minval):.6f}"
        high = "None" if self.maxval is None else f"{float(self.maxval):.6f}"
        return f"Clip({self.other_param}, {low}, {high})"


class Discretize(StochasticParameter):
    """Round (``round=True``) and convert float samples to ints; int/bool samples pass.

    float16/float32 samples become int32, float64 samples int64; with ``round=False`` the
    conversion truncates towards zero.
    """

    def __init__(self, other_param: StochasticParameter, round: bool = True) -> None:  # noqa: A002
        self.other_param = _require_param("other_param", other_param)
        self.round = round

    def _draw_samples(self, size, random_state):
        samples = _draw(self.other_param, size, random_state)
        kind = samples.dtype.kind
        if kind in "uib":
            return samples
        if kind != "f":
            raise TypeError(f"Discretize expects samples of a numeric dtype, got "
                            f"{samples.dtype.name}.")
        dtype = np.int32 if samples.dtype.itemsize <= 4 else np.int64
        if self.round:
            samples = np.round(samples)
        return samples.astype(dtype)

    def __str__(self) -> str:
        return f"Discretize({self.other_param}, round={self.round})"


class Absolute(StochasticParameter):
    """Absolute values of the samples of ``other_param``."""

    def __init__(self, other_param: StochasticParameter) -> None:
        self.other_param = _require_param("other_param", other_param)

    def _draw_samples(self, size, random_state):
        return np.absolute(_draw(self.other_param, size, random_state))

    def __str__(self) -> str:
        return f"Absolute({self.other_param})"


class RandomSign(StochasticParameter):
    """Samples of ``other_param`` with a random sign: positive with probability ``p_positive``.

    The absolute value is taken first, so ``p_positive`` is the fraction of positive outputs.
    Samples must be of an int or float dtype.
    """

    def __init__(self, other_param: StochasticParameter, p_positive: float = 0.5) -> None:
        self.other_param = _require_param("other_param", other_param)
        if not is_number(p_positive):
            raise ArgumentTypeError(f"Expected p_positive to be a number, got "
                                     f"{type(p_positive).__name__}.")
        if not 0.0 <= p_positive <= 1.0:
            raise ValueError(f"Expected p_positive to be in the interval [0.0, 1.0], got "
                             f"{p_positive}.")
        self.p_positive = p_positive

    def _draw_samples(self, size, random_state):
        samples = _draw(self.other_param, size, random_state)
        if samples.dtype.kind not in "fi":
            raise TypeError(f"RandomSign expects samples of an int or float dtype, got "
                            f"{samples.dtype.name}.")
        positive = random_state.random(size, dtype="float64") < self.p_positive
        magnitude = np.absolute(samples)
        return np.where(positive, magnitude, -magnitude)

    def __str__(self) -> str:
        return f"RandomSign({self.other_param}, {float(self.p_positive):.2f})"


class ForceSign(StochasticParameter):
    """Force samples of ``other_param`` to be positive (``positive=True``) or negative.

    ``mode="invert"`` flips wrong signs; ``mode="reroll"`` redraws samples with wrong signs up
    to ``reroll_count_max`` times and then flips the remaining ones.
    """

    def __init__(self, other_param: StochasticParameter, positive: bool, mode: str = "invert",
                 reroll_count_max: int = 2) -> None:
        self.other_param = _require_param("other_param", other_param)
        if not isinstance(positive, (bool, np.bool_)):
            raise ArgumentTypeError(f"Expected positive to be True or False, got "
                                     f"{type(positive).__name__}.")
        if mode not in ("invert", "reroll"):
            raise ValueError(f"Expected mode to be 'invert' or 'reroll', got {mode!r}.")
        if not is_int(reroll_count_max):
            raise ArgumentTypeError(f"Expected reroll_count_max to be an int, got "
                                     f"{type(reroll_count_max).__name__}.")
        if reroll_count_max < 0:
            raise ValueError(f"Expected reroll_count_max to be >= 0, got {reroll_count_max}.")
        self.positive = bool(positive)
        self.mode = mode
        self.reroll_count_max = reroll_count_max

    def _wrong(self, samples: np.ndarray) -> np.ndarray:
        return samples < 0 if self.positive else samples > 0

    def _draw_samples(self, size, random_state):
        samples = np.array(_draw(self.other_param, size, random_state))
        kind = samples.dtype.kind
        if kind not in "fi" and not (self.positive and kind == "u"):
            raise TypeError(f"ForceSign expects samples of an int or float dtype, got "
                            f"{samples.dtype.name}.")
        wrong = self._wrong(samples)
        if self.mode == "reroll":
            for _ in range(self.reroll_count_max):
                if not wrong.any():
                    break
                rerolled = _draw(self.other_param, size, random_state)
                samples[wrong] = rerolled[wrong]
                wrong = self._wrong(samples)
        if wrong.any():
            samples[wrong] = -samples[wrong]
        return samples

    def __str__(self) -> str:
        return (f"ForceSign({self.other_param}, {self.positive}, {self.mode}, "
                f"{int(self.reroll_count_max)})")


def Positive(other_param: StochasticParameter, mode: str = "invert",  # noqa: N802
             reroll_count_max: int = 2) -> ForceSign:
    """``ForceSign(other_param, positive=True, ...)``: only non-negative samples."""
    return ForceSign(other_param=other_param, positive=True, mode=mode,
                     reroll_count_max=reroll_count_max)


def Negative(other_param: StochasticParameter, mode: str = "invert",  # noqa: N802
             reroll_count_max: int = 2) -> ForceSign:
    """``ForceSign(other_param, positive=False, ...)``: only non-positive samples."""
    return ForceSign(other_param=other_param, positive=False, mode=mode,
                     reroll_count_max=reroll_count_max)
