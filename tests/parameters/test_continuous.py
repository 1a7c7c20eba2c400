"""Uniform, Normal, TruncatedNormal, Laplace, ChiSquare, Weibull, Beta: ranges and moments
against the closed-form values (10k samples)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom

N = 10_000


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


def _weibull_moments(a: float) -> tuple[float, float]:
    mean = math.gamma(1 + 1 / a)
    return mean, math.sqrt(math.gamma(1 + 2 / a) - mean ** 2)


@pytest.mark.parametrize(("param", "mean", "std"), [
    (iap.Uniform(0, 1), 0.5, 1 / math.sqrt(12)),
    (iap.Uniform(5, -3), 1.0, 8 / math.sqrt(12)),
    (iap.Normal(2, 3), 2.0, 3.0),
    (iap.Laplace(1, 2), 1.0, 2 * math.sqrt(2)),
    (iap.ChiSquare(3), 3.0, math.sqrt(6)),
    (iap.Weibull(1.5), *_weibull_moments(1.5)),
    (iap.Beta(2, 3), 0.4, math.sqrt(2 * 3 / (25 * 6))),
    (iap.TruncatedNormal(0, 1, -1, 2),
     scipy.stats.truncnorm(-1, 2).mean(), scipy.stats.truncnorm(-1, 2).std()),
], ids=["uniform", "uniform-swapped", "normal", "laplace", "chisquare", "weibull", "beta",
        "truncnorm"])
def test_moments(param, mean, std) -> None:
    samples = param.draw_samples(N, random_state=rng(1))
    assert samples.dtype == np.float32 and samples.shape == (N,)
    tolerance = 4 * std / math.sqrt(N)
    assert abs(samples.mean() - mean) < tolerance
    assert abs(samples.std() - std) < 0.05 * std


def test_uniform_range_and_equal_bounds() -> None:
    samples = iap.Uniform(-2, 3).draw_samples(N, random_state=rng())
    assert samples.min() >= -2 and samples.max() < 3
    assert np.all(iap.Uniform(1.5, 1.5).draw_samples(4) == 1.5)
    assert repr(iap.Uniform(0, 1)) == "Uniform(Deterministic(int 0), Deterministic(int 1))"


def test_uniform_bounds_may_be_parameters_sampled_once_per_call() -> None:
    param = iap.Uniform(iap.Choice([0, 10]), iap.Choice([1, 11]))
    for seed in range(10):
        samples = param.draw_samples(200, random_state=rng(seed))
        assert samples.max() - samples.min() <= 11


def test_normal_zero_scale_and_errors() -> None:
    assert np.all(iap.Normal(3, 0).draw_samples(5) == 3)
    with pytest.raises(ValueError, match="'scale'"):
        iap.Normal(0, -1)
    with pytest.raises(ValueError, match="scale"):
        iap.Normal(0, iap.Deterministic(-1)).draw_samples(3, random_state=rng())
    assert repr(iap.Normal(0, 1)) == \
        "Normal(loc=Deterministic(int 0), scale=Deterministic(int 1))"


def test_truncated_normal_stays_within_bounds_even_in_far_tails() -> None:
    for low, high in ((-0.5, 0.5), (3, 3.5), (8, np.inf), (-np.inf, -40), (-50, -49)):
        samples = iap.TruncatedNormal(0, 1, low, high).draw_samples(N, random_state=rng())
        assert np.all(np.isfinite(samples))
        assert samples.min() >= np.float32(low) and samples.max() <= np.float32(high)
    tail = iap.TruncatedNormal(0, 1, 3, np.inf).draw_samples(N, random_state=rng())
    assert abs(tail.mean() - scipy.stats.truncnorm(3, np.inf).mean()) < 0.02
    swapped = iap.TruncatedNormal(0, 1, 1, -1).draw_samples(100, random_state=rng())
    assert swapped.min() >= -1 and swapped.max() <= 1
    assert np.all(iap.TruncatedNormal(5, 0, 0, 1).draw_samples(3) == 1)


def test_truncated_normal_matches_scipy_distribution() -> None:
    samples = iap.TruncatedNormal(1, 2, -1, 6).draw_samples(N, random_state=rng(2))
    reference = scipy.stats.truncnorm((-1 - 1) / 2, (6 - 1) / 2, loc=1, scale=2)
    assert scipy.stats.kstest(samples, reference.cdf).pvalue > 0.001


def test_laplace_zero_scale() -> None:
    assert np.all(iap.Laplace(2, 0).draw_samples(5) == 2)
    with pytest.raises(ValueError, match="'scale'"):
        iap.Laplace(0, -2)


def test_chisquare_and_weibull_errors() -> None:
    samples = iap.ChiSquare(2).draw_samples(100, random_state=rng())
    assert samples.min() >= 0
    with pytest.raises(ValueError, match="'df'"):
        iap.ChiSquare(0)
    with pytest.raises(ValueError, match="'a'"):
        iap.Weibull(0)
    assert repr(iap.ChiSquare(2)) == "ChiSquare(df=Deterministic(int 2))"
    assert repr(iap.Weibull(1)) == "Weibull(a=Deterministic(int 1))"


def test_beta_range_and_epsilon() -> None:
    samples = iap.Beta(0.5, 0.5).draw_samples(N, random_state=rng())
    assert samples.min() >= 0 and samples.max() <= 1
    # alpha/beta below epsilon are raised to epsilon (imgaug semantics): still valid samples
    clipped = iap.Beta(iap.Deterministic(-1.0), 1).draw_samples(10, random_state=rng())
    assert np.all((clipped >= 0) & (clipped <= 1))
    with pytest.raises(TypeError, match="epsilon"):
        iap.Beta(1, 1, epsilon="x")
    with pytest.raises(ValueError, match="epsilon"):
        iap.Beta(1, 1, epsilon=0)
    assert repr(iap.Beta(1, 2)) == "Beta(Deterministic(int 1), Deterministic(int 2))"
