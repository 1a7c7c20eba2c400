"""Continuous distributions: Uniform, Normal, TruncatedNormal, Laplace, ChiSquare, Weibull, Beta.

Distribution arguments are sampled once per ``draw_samples`` call; samples are float32.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters.base import StochasticParameter
from imgaug2.parameters.handles import (
    ArgumentTypeError,
    handle_continuous_param,
    handle_discrete_param,
    is_number,
)


def _scalar(param: StochasticParameter, random_state) -> float:
    return float(param.draw_sample(random_state=random_state))


def _check_scale(scale: float, owner: str) -> None:
    if not scale >= 0:
        raise ValueError(f"Expected scale of {owner} to be >= 0, got {scale}.")


class Uniform(StochasticParameter):
    """Floats uniformly from ``[a, b)`` (swapped if ``a > b``; all equal to ``a`` if ``a == b``)."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a = handle_continuous_param(a, "a")
        self.b = handle_continuous_param(b, "b")

    def _draw_samples(self, size, random_state):
        a = _scalar(self.a, random_state)
        b = _scalar(self.b, random_state)
        low, high = min(a, b), max(a, b)
        if low == high:
            return np.full(size, low, dtype=np.float32)
        return random_state.uniform(low, high, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Uniform({self.a}, {self.b})"


class _LocScaleDistribution(StochasticParameter):
    """A distribution given by ``loc`` and ``scale`` (``scale == 0``: every sample is ``loc``)."""

    _method = ""  # name of the numpy Generator method that draws it

    def __init__(self, loc: Any, scale: Any) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))

    def _draw_samples(self, size, random_state):
        loc = _scalar(self.loc, random_state)
        scale = _scalar(self.scale, random_state)
        _check_scale(scale, type(self).__name__)
        if scale == 0:
            return np.full(size, loc, dtype=np.float32)
        draw = getattr(random_state, self._method)
        return draw(loc, scale, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"{type(self).__name__}(loc={self.loc}, scale={self.scale})"


class Normal(_LocScaleDistribution):
    """Gaussian with mean ``loc`` and standard deviation ``scale`` (``scale == 0``: all ``loc``)."""

    _method = "normal"


class TruncatedNormal(StochasticParameter):
    """Gaussian (``loc``, ``scale``) restricted to ``[low, high]`` (swapped if ``low > high``).

    Sampled by inverting the normal CDF in log space, which stays exact far in the tails.
    """

    def __init__(self, loc: Any, scale: Any, low: Any = -np.inf, high: Any = np.inf) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))
        self.low = handle_continuous_param(low, "low")
        self.high = handle_continuous_param(high, "high")

    def _draw_samples(self, size, random_state):
        loc = _scalar(self.loc, random_state)
        scale = _scalar(self.scale, random_state)
        low = _scalar(self.low, random_state)
        high = _scalar(self.high, random_state)
        low, high = min(low, high), max(low, high)
        _check_scale(scale, "TruncatedNormal")
        if scale == 0 or low == high:
            return np.full(size, np.clip(loc, low, high), dtype=np.float32)
        uniform = random_state.random(size, dtype="float64")
        std = _truncated_standard_normal((low - loc) / scale, (high - loc) / scale, uniform)
        return np.clip(std * scale + loc, low, high).astype(np.float32)

    def __str__(self) -> str:
        return (f"TruncatedNormal(loc={self.loc}, scale={self.scale}, low={self.low}, "
                f"high={self.high})")


def _truncated_standard_normal(a: float, b: float, uniform: np.ndarray) -> np.ndarray:
    """Map uniforms ``v`` in [0, 1) to a standard normal truncated to [a, b].

    Inverse CDF at ``pb - v * (pb - pa)``, computed in log space.
    """
    from scipy.special import log_ndtr, ndtri_exp

    flip = a > 0  # work in the lower half, where log_ndtr is accurate
    if flip:
        a, b = -b, -a
    log_pa, log_pb = log_ndtr(a), log_ndtr(b)
    # log(pb - v * (pb - pa)) = log(pb) + log1p(-v * (1 - pa / pb))
    # v = 0 would map to pb, which is infinite for b = inf: keep v away from 0
    one_minus_ratio = -np.expm1(log_pa - log_pb)
    log_p = log_pb + np.log1p(-np.maximum(uniform, 2.0 ** -60) * one_minus_ratio)
    samples = np.clip(ndtri_exp(log_p), a, b)
    return -samples if flip else samples


class Laplace(_LocScaleDistribution):
    """Laplace distribution with peak ``loc`` and decay ``scale`` (``scale == 0``: all ``loc``)."""

    _method = "laplace"


class ChiSquare(StochasticParameter):
    """Chi-square distribution with ``df`` (int >= 1) degrees of freedom."""

    def __init__(self, df: Any) -> None:
        self.df = handle_discrete_param(df, "df", value_range=(1, None))

    def _draw_samples(self, size, random_state):
        df = int(self.df.draw_sample(random_state=random_state))
        if df < 1:
            raise ValueError(f"Expected df of ChiSquare to be >= 1, got {df}.")
        return random_state.chisquare(df, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"ChiSquare(df={self.df})"


class Weibull(StochasticParameter):
    """Weibull distribution with shape ``a`` (> 0)."""

    def __init__(self, a: Any) -> None:
        self.a = handle_continuous_param(a, "a", value_range=(0.0001, None))

    def _draw_samples(self, size, random_state):
        a = _scalar(self.a, random_state)
        if not a > 0:
            raise ValueError(f"Expected a of Weibull to be > 0, got {a}.")
        return random_state.weibull(a, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Weibull(a={self.a})"


class Beta(StochasticParameter):
    """Beta distribution; ``alpha`` and ``beta`` below ``epsilon`` are raised to ``epsilon``
    (imgaug semantics)."""

    def __init__(self, alpha: Any, beta: Any, epsilon: float = 0.0001) -> None:
        self.alpha = handle_continuous_param(alpha, "alpha")
        self.beta = handle_continuous_param(beta, "beta")
        if not is_number(epsilon):
            raise ArgumentTypeError(f"Expected epsilon to be a number, got "
                                     f"{type(epsilon).__name__}.")
        if not epsilon > 0:
            raise ValueError(f"Expected epsilon to be > 0, got {epsilon}.")
        self.epsilon = epsilon

    def _draw_samples(self, size, random_state):
        alpha = max(_scalar(self.alpha, random_state), float(self.epsilon))
        beta = max(_scalar(self.beta, random_state), float(self.epsilon))
        return random_state.beta(alpha, beta, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Beta({self.alpha}, {self.beta})"
