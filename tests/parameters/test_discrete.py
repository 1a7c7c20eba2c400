"""Deterministic, DeterministicList, Choice, Binomial, DiscreteUniform, Poisson."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom

N = 10_000


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


# ---- Deterministic ----------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "dtype"), [
    (3, np.int64), (0.5, np.float64), (np.float32(0.25), np.float32), (np.uint8(7), np.uint8),
])
def test_deterministic_fills_with_the_value_dtype(value, dtype) -> None:
    samples = iap.Deterministic(value).draw_samples((2, 3), random_state=rng())
    assert samples.shape == (2, 3) and samples.dtype == dtype and np.all(samples == value)
    assert iap.Deterministic(value).draw_sample() == value


def test_deterministic_strings_and_sampled_parameters() -> None:
    samples = iap.Deterministic("nearest").draw_samples(3)
    assert samples.dtype.kind == "U" and samples.tolist() == ["nearest"] * 3
    fixed = iap.Deterministic(iap.Choice([4, 5]))
    assert fixed.value in (4, 5)
    assert set(fixed.draw_samples(50).tolist()) == {fixed.value}


def test_deterministic_repr_and_errors() -> None:
    assert repr(iap.Deterministic(0)) == "Deterministic(int 0)"
    assert repr(iap.Deterministic(0.5)) == "Deterministic(float 0.50000000)"
    assert repr(iap.Deterministic("abc")) == "Deterministic(abc)"
    for bad in (None, True, [1], (1, 2)):
        with pytest.raises(TypeError, match="value"):
            iap.Deterministic(bad)


# ---- DeterministicList ------------------------------------------------------------------------
def test_deterministic_list_tiles_in_order() -> None:
    param = iap.DeterministicList([1, 2, 3])
    assert param.draw_samples(7).tolist() == [1, 2, 3, 1, 2, 3, 1]
    assert param.draw_samples((2, 2)).tolist() == [[1, 2], [3, 1]]
    nested = iap.DeterministicList([[1, 2], [3]])
    assert nested.draw_samples(3).tolist() == [1, 2, 3]
    arr = iap.DeterministicList(np.array([[0.5, 1.5]], dtype=np.float32))
    assert arr.draw_samples(3).dtype == np.float32


def test_deterministic_list_samples_are_independent_copies() -> None:
    param = iap.DeterministicList([1, 2, 3])
    samples = param.draw_samples(2)
    samples[:] = 99
    assert param.draw_samples(3).tolist() == [1, 2, 3]


def test_deterministic_list_repr_and_errors() -> None:
    assert repr(iap.DeterministicList([1, 2])) == "DeterministicList([1, 2])"
    assert repr(iap.DeterministicList([0.5, 1])) == "DeterministicList([0.5000, 1.0000])"
    with pytest.raises(ValueError, match="at least one"):
        iap.DeterministicList([])
    with pytest.raises(TypeError, match="values"):
        iap.DeterministicList(5)


# ---- Choice -----------------------------------------------------------------------------------
def test_choice_uniform_and_weighted() -> None:
    samples = iap.Choice([1, 2, 3]).draw_samples(N, random_state=rng())
    assert set(np.unique(samples).tolist()) == {1, 2, 3}
    counts = np.bincount(samples)[1:] / N
    assert np.allclose(counts, 1 / 3, atol=0.02)
    weighted = iap.Choice([0, 1], p=[0.9, 0.1]).draw_samples(N, random_state=rng())
    assert abs(weighted.mean() - 0.1) < 0.015


def test_choice_keeps_dtypes_and_mixes_strings_safely() -> None:
    assert iap.Choice([0.5, 1.5]).draw_samples(4).dtype.kind == "f"
    strings = iap.Choice(["a", "b"]).draw_samples(50, random_state=rng())
    assert strings.dtype.kind == "U" and set(strings.tolist()) == {"a", "b"}
    mixed = iap.Choice(["nearest", 1]).draw_samples(200, random_state=rng())
    assert set(mixed.tolist()) == {"nearest", 1}  # 1 stays an int (not "1")


def test_choice_without_replacement() -> None:
    samples = iap.Choice([1, 2, 3, 4], replace=False).draw_samples(4, random_state=rng())
    assert sorted(samples.tolist()) == [1, 2, 3, 4]
    with pytest.raises(ValueError):
        iap.Choice([1, 2], replace=False).draw_samples(3, random_state=rng())


def test_choice_with_parameters_replaces_picks_by_samples() -> None:
    param = iap.Choice([iap.Uniform(10, 11), -1, iap.DiscreteUniform(100, 101)])
    samples = param.draw_samples((50, 40), random_state=rng())
    assert samples.shape == (50, 40) and samples.dtype.kind == "f"
    flat = samples.ravel()
    uniform = (flat >= 10) & (flat < 11)
    assert uniform.any() and np.any(flat == -1) and np.any(np.isin(flat, [100, 101]))
    assert np.all(uniform | (flat == -1) | np.isin(flat, [100, 101]))
    assert len(np.unique(flat[uniform])) > 100  # one sample per pick, not one per call


def test_choice_repr_and_errors() -> None:
    assert repr(iap.Choice([1, 2])) == "Choice(a=[1, 2], replace=True, p=None)"
    with pytest.raises(TypeError, match="a"):
        iap.Choice("abc")
    with pytest.raises(ValueError, match="at least one"):
        iap.Choice([])
    with pytest.raises(ValueError, match="p"):
        iap.Choice([1, 2], p=[0.5])
    with pytest.raises(ValueError, match="p"):
        iap.Choice([1, 2], p=[0.5, 0.6])


# ---- Binomial ---------------------------------------------------------------------------------
@pytest.mark.parametrize("p", [0.0, 0.3, 1.0])
def test_binomial_values_and_mean(p) -> None:
    samples = iap.Binomial(p).draw_samples(N, random_state=rng())
    assert samples.dtype == np.int32 and set(np.unique(samples).tolist()) <= {0, 1}
    assert abs(samples.mean() - p) < 0.015
    assert abs(samples.std() - np.sqrt(p * (1 - p))) < 0.015


def test_binomial_with_stochastic_p_samples_p_once_per_call() -> None:
    param = iap.Binomial(iap.Choice([0.0, 1.0]))
    means = {float(param.draw_samples(100, random_state=rng(s)).mean()) for s in range(20)}
    assert means == {0.0, 1.0}
    assert repr(iap.Binomial(0.5)) == "Binomial(Deterministic(float 0.50000000))"


def test_binomial_rejects_invalid_probabilities() -> None:
    with pytest.raises(ValueError, match="'p'"):
        iap.Binomial(1.5)
    with pytest.raises(ValueError, match=r"\[0.0, 1.0\]"):
        iap.Binomial(iap.Deterministic(2.0)).draw_samples(3, random_state=rng())


# ---- DiscreteUniform --------------------------------------------------------------------------
def test_discrete_uniform_is_inclusive_and_uniform() -> None:
    samples = iap.DiscreteUniform(0, 9).draw_samples(N, random_state=rng())
    assert samples.dtype == np.int32
    assert samples.min() == 0 and samples.max() == 9
    assert abs(samples.mean() - 4.5) < 0.1
    assert abs(samples.std() - np.sqrt(99 / 12)) < 0.1


def test_discrete_uniform_swaps_and_handles_equal_bounds() -> None:
    swapped = iap.DiscreteUniform(5, 2).draw_samples(500, random_state=rng())
    assert set(np.unique(swapped).tolist()) == {2, 3, 4, 5}
    assert np.all(iap.DiscreteUniform(4, 4).draw_samples(5) == 4)
    big = iap.DiscreteUniform(0, 2**40).draw_samples(10, random_state=rng())
    assert big.dtype == np.int64 and big.max() > 2**31


# ---- Poisson ----------------------------------------------------------------------------------
def test_poisson_moments() -> None:
    samples = iap.Poisson(4).draw_samples(N, random_state=rng())
    assert samples.dtype == np.int32 and samples.min() >= 0
    assert abs(samples.mean() - 4) < 0.1 and abs(samples.std() - 2) < 0.1
    assert repr(iap.Poisson(1)) == "Poisson(Deterministic(int 1))"


def test_poisson_rejects_negative_constant_and_clamps_sampled_rates() -> None:
    with pytest.raises(ValueError, match="'lam'"):
        iap.Poisson(-1)
    assert np.all(iap.Poisson(iap.Deterministic(-3)).draw_samples(10, rng()) == 0)
