"""imgaug2.parameters: distributions, handle_* rules, operators, determinism, pickling."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


@pytest.mark.parametrize(("param", "mean", "std"), [
    (iap.Uniform(0, 1), 0.5, 1 / np.sqrt(12)),
    (iap.Normal(2, 3), 2.0, 3.0),
    (iap.Laplace(0, 1), 0.0, np.sqrt(2)),
    (iap.Binomial(0.3), 0.3, np.sqrt(0.21)),
    (iap.Poisson(4), 4.0, 2.0),
    (iap.ChiSquare(3), 3.0, np.sqrt(6)),
    (iap.Beta(2, 2), 0.5, np.sqrt(0.05)),
    (iap.DiscreteUniform(0, 9), 4.5, np.sqrt(99 / 12)),
])
def test_distribution_moments(param, mean, std) -> None:
    samples = param.draw_samples(20000, random_state=rng(1)).astype(np.float64)
    assert abs(samples.mean() - mean) < 0.06 * max(1.0, abs(mean) + std)
    assert abs(samples.std() - std) < 0.08 * max(std, 0.1)


def test_shapes_dtypes_and_determinism() -> None:
    for param in (iap.Uniform(-1, 1), iap.Choice([1, 2, 3]), iap.Normal(0, 1),
                  iap.TruncatedNormal(0, 1, -0.5, 0.5), iap.Weibull(1.5)):
        a = param.draw_samples((3, 4), random_state=rng(5))
        b = param.draw_samples((3, 4), random_state=rng(5))
        c = param.draw_samples((3, 4), random_state=rng(6))
        assert a.shape == (3, 4) and np.array_equal(a, b) and not np.array_equal(a, c)
    truncated = iap.TruncatedNormal(0, 1, -0.5, 0.5).draw_samples(1000, random_state=rng())
    assert truncated.min() >= -0.5 and truncated.max() <= 0.5


def test_deterministic_and_choice_values() -> None:
    assert np.all(iap.Deterministic(3).draw_samples(5) == 3)
    assert iap.Deterministic(3).draw_samples(5).dtype.kind == "i"
    assert set(iap.Choice(["a", "b"]).draw_samples(50, random_state=rng()).tolist()) == {"a", "b"}
    weighted = iap.Choice([0, 1], p=[0.9, 0.1]).draw_samples(5000, random_state=rng())
    assert 0.07 < weighted.mean() < 0.13
    assert iap.DeterministicList([1, 2]).draw_samples(5).tolist() == [1, 2, 1, 2, 1]


@given(st.floats(-100, 100), st.floats(-100, 100))
def test_uniform_stays_within_bounds(a: float, b: float) -> None:
    samples = iap.Uniform(a, b).draw_samples(50, random_state=rng())
    low, high = min(a, b), max(a, b)
    assert np.all(samples >= np.float32(low) - 1e-4) and np.all(samples <= np.float32(high) + 1e-4)


@given(st.integers(-50, 50), st.integers(0, 5))
def test_discrete_uniform_is_inclusive(a: int, width: int) -> None:
    samples = iap.DiscreteUniform(a, a + width).draw_samples(400, random_state=rng())
    assert samples.min() >= a and samples.max() <= a + width
    if width <= 2:
        assert set(samples.tolist()) == set(range(a, a + width + 1))


def test_operators() -> None:
    base = iap.Deterministic(2)
    assert (base + 3).draw_sample() == 5
    assert (3 - base).draw_sample() == 1
    assert (base * 4).draw_sample() == 8
    assert (base / 4).draw_sample() == 0.5
    assert (base ** 3).draw_sample() == 8
    assert (7 // base).draw_sample() == 3
    with pytest.raises(TypeError):
        base + "x"


def test_transforms() -> None:
    normal = iap.Normal(0, 1)
    assert np.all(iap.Clip(normal, -0.1, 0.1).draw_samples(100, rng()) <= 0.1)
    assert np.all(iap.Absolute(normal).draw_samples(100, rng()) >= 0)
    assert np.all(iap.Positive(normal).draw_samples(100, rng()) >= 0)
    assert np.all(iap.Negative(normal, mode="reroll").draw_samples(100, rng()) <= 0)
    assert iap.Discretize(iap.Uniform(0, 10)).draw_samples(10, rng()).dtype == np.int32
    signs = np.sign(iap.RandomSign(iap.Deterministic(1), 0.25).draw_samples(4000, rng()))
    assert 0.2 < (signs > 0).mean() < 0.3


def test_noise_parameters() -> None:
    for param in (iap.SimplexNoise(), iap.FrequencyNoise(), iap.IterativeNoiseAggregator(
            iap.SimplexNoise()), iap.Sigmoid(iap.SimplexNoise(), threshold=0, mul=20, add=-10)):
        noise = param.draw_samples((24, 32), random_state=rng(2))
        assert noise.shape == (24, 32) and 0 <= noise.min() and noise.max() <= 1
        assert np.array_equal(noise, param.draw_samples((24, 32), random_state=rng(2)))
        assert noise.std() > 0.01
    coarse = iap.FromLowerResolution(iap.Binomial(0.5), size_px=4).draw_samples(
        (2, 16, 16, 3), random_state=rng())
    assert coarse.shape == (2, 16, 16, 3)
    assert len(np.unique(coarse[0, :, :, 0].reshape(-1))) <= 2


def test_handle_rules() -> None:
    assert isinstance(iap.handle_continuous_param(1.5, "x"), iap.Deterministic)
    assert isinstance(iap.handle_continuous_param((1, 2), "x"), iap.Uniform)
    assert isinstance(iap.handle_continuous_param([1, 2], "x"), iap.Choice)
    assert isinstance(iap.handle_discrete_param((1, 2), "x"), iap.DiscreteUniform)
    assert isinstance(iap.handle_probability_param(True, "p"), iap.Binomial)
    param = iap.Normal(0, 1)
    assert iap.handle_continuous_param(param, "x") is param
    assert iap.handle_categorical_string_param("ALL", "m", ["a", "b"]).a == ["a", "b"]
    with pytest.raises(ValueError, match="'sigma'"):
        iap.handle_continuous_param("x", "sigma")
    with pytest.raises(ValueError, match="'sigma'"):
        iap.handle_continuous_param(-1, "sigma", value_range=(0, None))
    with pytest.raises(ValueError, match="'k'"):
        iap.handle_discrete_param((1, 2, 3), "k")
    with pytest.raises(ValueError, match="'p'"):
        iap.handle_probability_param(1.5, "p")
    with pytest.raises(ValueError, match="'mode'"):
        iap.handle_categorical_string_param("bad", "mode", ["a"])
    h, w = iap.handle_discrete_kernel_size_param(((1, 3), (5, 7)), "k")
    assert isinstance(h, iap.DiscreteUniform) and isinstance(w, iap.DiscreteUniform)


def test_pickle_and_repr() -> None:
    for param in (iap.Uniform(0, 1), iap.Choice([1, 2]), iap.SimplexNoise(),
                  iap.Clip(iap.Normal(0, 1), -1, 1)):
        restored = pickle.loads(pickle.dumps(param))
        size = (6, 5) if isinstance(param, iap.SimplexNoise) else 5
        assert np.array_equal(restored.draw_samples(size, rng()),
                              param.draw_samples(size, rng()))
    assert str(iap.Uniform(0, 1)) == "Uniform(Deterministic(int 0), Deterministic(int 1))"
