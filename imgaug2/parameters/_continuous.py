"""Basic distributions: Deterministic, DeterministicList, Choice, Binomial, DiscreteUniform,
Poisson, Normal, TruncatedNormal, Laplace, ChiSquare, Weibull, Uniform, Beta."""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.stats

from imgaug2.parameters._base import StochasticParameter
from imgaug2.parameters._handles import (
    _is_number,
    handle_continuous_param,
    handle_discrete_param,
)


def _draw(param: StochasticParameter, size, rng) -> np.ndarray:
    return np.asarray(param.draw_samples(size, random_state=rng))


class Deterministic(StochasticParameter):
    """Always the same value (number or string)."""

    def __init__(self, value: Any) -> None:
        if isinstance(value, StochasticParameter):
            value = value.draw_sample()
        if not (_is_number(value) or isinstance(value, (str, bool, np.bool_))):
            raise ValueError(f"Expected value to be a number or string, got {value!r}")
        self.value = value

    def _draw_samples(self, size, random_state):
        if isinstance(self.value, str):
            return np.full(size, self.value, dtype=object)
        return np.full(size, self.value, dtype=np.asarray(self.value).dtype)

    def __str__(self) -> str:
        kind = "int" if isinstance(self.value, (int, np.integer)) else (
            "float" if _is_number(self.value) else "str")
        value = f"{self.value:.8f}" if kind == "float" else self.value
        return f"Deterministic({kind} {value})"


class DeterministicList(StochasticParameter):
    """Returns the given values in order (tiled or cut to the requested size)."""

    def __init__(self, values: Any) -> None:
        values = np.asarray(values)
        if values.size == 0:
            raise ValueError("Expected values to contain at least one element")
        self.values = values.ravel()

    def _draw_samples(self, size, random_state):
        n = int(np.prod(size)) if size else 1
        reps = -(-n // self.values.size)
        return np.tile(self.values, reps)[:n].reshape(size)


class Choice(StochasticParameter):
    """One of ``a`` per sample (``p``: probabilities). Entries may be parameters themselves."""

    def __init__(self, a: Any, replace: bool = True, p: Any = None) -> None:
        if not isinstance(a, (list, tuple, np.ndarray)) or len(a) == 0:
            raise ValueError(f"Expected a to be a non-empty list, got {a!r}")
        if p is not None:
            p = np.asarray(p, dtype=np.float64)
            if p.shape != (len(a),) or not np.isclose(p.sum(), 1.0) or (p < 0).any():
                raise ValueError(f"Expected p to hold {len(a)} probabilities summing to 1, "
                                 f"got {p!r}")
        self.a = list(a)
        self.replace = replace
        self.p = p

    def _draw_samples(self, size, random_state):
        if any(isinstance(v, StochasticParameter) for v in self.a):
            n = int(np.prod(size)) if size else 1
            idx = random_state.choice(len(self.a), n, replace=self.replace, p=self.p)
            out = []
            for i in idx:
                v = self.a[i]
                out.append(v.draw_sample(random_state) if isinstance(v, StochasticParameter)
                           else v)
            return np.asarray(out).reshape(size)
        values = np.asarray(self.a)
        if values.dtype.kind in "US":
            values = values.astype(object)
        idx = random_state.choice(len(values), size, replace=self.replace, p=self.p)
        return values[idx]

    def __str__(self) -> str:
        return f"Choice(a={self.a}, replace={self.replace}, p={self.p})"


class Binomial(StochasticParameter):
    """1 with probability ``p``, else 0 (``p`` may be a parameter)."""

    def __init__(self, p: Any) -> None:
        self.p = handle_continuous_param(p, "p", value_range=(0.0, 1.0))

    def _draw_samples(self, size, random_state):
        from imgaug2.parameters._continuous import Deterministic as _Det

        if isinstance(self.p, _Det):
            p = float(self.p.value)
            if p == 1.0:
                return np.ones(size, dtype=np.int32)
            if p == 0.0:
                return np.zeros(size, dtype=np.int32)
            return (random_state.random(size, dtype="float32") < p).astype(np.int32)
        p = float(np.clip(self.p.draw_sample(random_state=random_state), 0.0, 1.0))
        return (random_state.random(size, dtype="float64") < p).astype(np.int32)

    def __str__(self) -> str:
        return f"Binomial({self.p})"


class DiscreteUniform(StochasticParameter):
    """Integers uniformly from ``[a, b]`` (both inclusive; swapped if a > b)."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a = handle_discrete_param(a, "a")
        self.b = handle_discrete_param(b, "b")

    def _draw_samples(self, size, random_state):
        a = _draw(self.a, (), random_state).astype(np.int64)
        b = _draw(self.b, (), random_state).astype(np.int64)
        low, high = np.minimum(a, b), np.maximum(a, b)
        if low == high:
            return np.full(size, int(low), dtype=np.int32)
        return random_state.integers(int(low), int(high), size=size, endpoint=True,
                                     dtype="int32")

    def __str__(self) -> str:
        return f"DiscreteUniform({self.a}, {self.b})"


class Poisson(StochasticParameter):
    """Poisson-distributed integers with rate ``lam``."""

    def __init__(self, lam: Any) -> None:
        self.lam = handle_continuous_param(lam, "lam", value_range=(0, None))

    def _draw_samples(self, size, random_state):
        lam = float(_draw(self.lam, (), random_state))
        return random_state.poisson(max(lam, 0.0), size=size).astype(np.int32)

    def __str__(self) -> str:
        return f"Poisson({self.lam})"


class Normal(StochasticParameter):
    """Gaussian with mean ``loc`` and standard deviation ``scale``."""

    def __init__(self, loc: Any, scale: Any) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))

    def _draw_samples(self, size, random_state):
        loc = float(_draw(self.loc, (), random_state))
        scale = float(_draw(self.scale, (), random_state))
        if scale < 0:
            raise ValueError(f"Normal: scale must be >= 0, got {scale}")
        return random_state.normal(loc, scale, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Normal(loc={self.loc}, scale={self.scale})"


class TruncatedNormal(StochasticParameter):
    """Gaussian truncated to ``[low, high]``."""

    def __init__(self, loc: Any, scale: Any, low: Any = -np.inf, high: Any = np.inf) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))
        self.low = handle_continuous_param(low, "low")
        self.high = handle_continuous_param(high, "high")

    def _draw_samples(self, size, random_state):
        loc = float(_draw(self.loc, (), random_state))
        scale = float(_draw(self.scale, (), random_state))
        low = float(_draw(self.low, (), random_state))
        high = float(_draw(self.high, (), random_state))
        if scale == 0:
            return np.full(size, np.clip(loc, low, high), dtype=np.float32)
        a, b = (low - loc) / scale, (high - loc) / scale
        # inverse CDF with this RNG's uniforms (deterministic given the RNG)
        u = random_state.random(size, dtype="float64")
        cdf_a, cdf_b = scipy.stats.norm.cdf(a), scipy.stats.norm.cdf(b)
        samples = scipy.stats.norm.ppf(cdf_a + u * (cdf_b - cdf_a)) * scale + loc
        return np.clip(samples, low, high).astype(np.float32)

    def __str__(self) -> str:
        return (f"TruncatedNormal(loc={self.loc}, scale={self.scale}, low={self.low}, "
                f"high={self.high})")


class Laplace(StochasticParameter):
    """Laplace distribution with location ``loc`` and scale ``scale``."""

    def __init__(self, loc: Any, scale: Any) -> None:
        self.loc = handle_continuous_param(loc, "loc")
        self.scale = handle_continuous_param(scale, "scale", value_range=(0, None))

    def _draw_samples(self, size, random_state):
        loc = float(_draw(self.loc, (), random_state))
        scale = float(_draw(self.scale, (), random_state))
        if scale == 0:
            return np.full(size, loc, dtype=np.float32)
        return random_state.laplace(loc, scale, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Laplace(loc={self.loc}, scale={self.scale})"


class ChiSquare(StochasticParameter):
    """Chi-square distribution with ``df`` degrees of freedom."""

    def __init__(self, df: Any) -> None:
        self.df = handle_discrete_param(df, "df", value_range=(1, None))

    def _draw_samples(self, size, random_state):
        df = int(_draw(self.df, (), random_state))
        return random_state.chisquare(df, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"ChiSquare(df={self.df})"


class Weibull(StochasticParameter):
    """Weibull distribution with shape ``a``."""

    def __init__(self, a: Any) -> None:
        self.a = handle_continuous_param(a, "a", value_range=(0.0001, None))

    def _draw_samples(self, size, random_state):
        a = float(_draw(self.a, (), random_state))
        return random_state.weibull(a, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Weibull(a={self.a})"


class Uniform(StochasticParameter):
    """Floats uniformly from ``[a, b)`` (swapped if a > b)."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a = handle_continuous_param(a, "a")
        self.b = handle_continuous_param(b, "b")

    def _draw_samples(self, size, random_state):
        a = float(_draw(self.a, (), random_state))
        b = float(_draw(self.b, (), random_state))
        low, high = min(a, b), max(a, b)
        if low == high:
            return np.full(size, low, dtype=np.float32)
        return random_state.uniform(low, high, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Uniform({self.a}, {self.b})"


class Beta(StochasticParameter):
    """Beta distribution with parameters ``alpha``, ``beta`` (both > 0)."""

    def __init__(self, alpha: Any, beta: Any, epsilon: float = 0.0001) -> None:
        self.alpha = handle_continuous_param(alpha, "alpha", value_range=(0.0001, None))
        self.beta = handle_continuous_param(beta, "beta", value_range=(0.0001, None))
        if not _is_number(epsilon):
            raise ValueError(f"Expected epsilon to be a number, got {epsilon!r}")
        self.epsilon = float(epsilon)

    def _draw_samples(self, size, random_state):
        alpha = max(float(_draw(self.alpha, (), random_state)), self.epsilon)
        beta = max(float(_draw(self.beta, (), random_state)), self.epsilon)
        return random_state.beta(alpha, beta, size=size).astype(np.float32)

    def __str__(self) -> str:
        return f"Beta({self.alpha}, {self.beta})"


