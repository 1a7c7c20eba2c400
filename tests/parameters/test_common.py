"""Properties every parameter must have: shapes, determinism given the RNG, different seeds give
different samples, only the passed RNG is used, pickling / deepcopy round trips, repr."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom

# (parameter factory, sample size, expected dtype kind, can two seeds give equal samples?)
CASES = {
    "Deterministic": (lambda: iap.Deterministic(3), (3, 4), "i", True),
    "DeterministicList": (lambda: iap.DeterministicList([1, 2, 3]), (3, 4), "i", True),
    "Choice": (lambda: iap.Choice([1, 5, 9]), (3, 4), "i", False),
    "ChoiceStrings": (lambda: iap.Choice(["a", "b", "c"]), (3, 4), "U", False),
    "ChoiceNested": (lambda: iap.Choice([0.5, iap.Uniform(2, 3)]), (3, 4), "f", False),
    "Binomial": (lambda: iap.Binomial(0.5), (3, 4), "i", False),
    "DiscreteUniform": (lambda: iap.DiscreteUniform(0, 100), (3, 4), "i", False),
    "Poisson": (lambda: iap.Poisson(5), (3, 4), "i", False),
    "Normal": (lambda: iap.Normal(0, 1), (3, 4), "f", False),
    "TruncatedNormal": (lambda: iap.TruncatedNormal(0, 1, -1, 1), (3, 4), "f", False),
    "Laplace": (lambda: iap.Laplace(0, 1), (3, 4), "f", False),
    "ChiSquare": (lambda: iap.ChiSquare(2), (3, 4), "f", False),
    "Weibull": (lambda: iap.Weibull(1.5), (3, 4), "f", False),
    "Uniform": (lambda: iap.Uniform(-1, 1), (3, 4), "f", False),
    "Beta": (lambda: iap.Beta(0.5, 0.5), (3, 4), "f", False),
    "Clip": (lambda: iap.Clip(iap.Normal(0, 1), -0.5, 0.5), (3, 4), "f", False),
    "Discretize": (lambda: iap.Discretize(iap.Normal(0, 10)), (3, 4), "i", False),
    "Multiply": (lambda: iap.Multiply(iap.Uniform(0, 1), (1, 2), elementwise=True), (3, 4),
                 "f", False),
    "Divide": (lambda: iap.Divide(iap.Uniform(0, 1), (1, 2)), (3, 4), "f", False),
    "Add": (lambda: iap.Add(iap.Uniform(0, 1), [1, 2]), (3, 4), "f", False),
    "Subtract": (lambda: iap.Subtract(iap.Uniform(0, 1), 1), (3, 4), "f", False),
    "Power": (lambda: iap.Power(iap.Uniform(0, 1), 2), (3, 4), "f", False),
    "Absolute": (lambda: iap.Absolute(iap.Normal(0, 1)), (3, 4), "f", False),
    "RandomSign": (lambda: iap.RandomSign(iap.Poisson(3)), (3, 4), "i", False),
    "ForceSign": (lambda: iap.ForceSign(iap.Normal(0, 1), positive=False, mode="reroll"),
                  (3, 4), "f", False),
    "Positive": (lambda: iap.Positive(iap.Normal(0, 1)), (3, 4), "f", False),
    "Negative": (lambda: iap.Negative(iap.Normal(0, 1)), (3, 4), "f", False),
    "FromLowerResolution": (
        lambda: iap.FromLowerResolution(iap.Uniform(0, 1), size_px=(2, 4), method="linear"),
        (12, 10, 2), "f", False),
    "IterativeNoiseAggregator": (
        lambda: iap.IterativeNoiseAggregator(iap.SimplexNoise(), iterations=(1, 3)),
        (12, 10), "f", False),
    "Sigmoid": (lambda: iap.Sigmoid.create_for_noise(iap.SimplexNoise(), threshold=(-2, 2)),
                (12, 10), "f", False),
    "SimplexNoise": (lambda: iap.SimplexNoise(), (12, 10), "f", False),
    "FrequencyNoise": (lambda: iap.FrequencyNoise(), (12, 10), "f", False),
}
IDS = list(CASES)


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


@pytest.mark.parametrize("name", IDS)
def test_shape_dtype_and_determinism(name: str) -> None:
    factory, size, kind, may_repeat = CASES[name]
    param = factory()
    samples = param.draw_samples(size, random_state=rng(1))
    assert isinstance(samples, np.ndarray)
    assert samples.shape == size
    assert samples.dtype.kind == kind
    assert np.array_equal(samples, param.draw_samples(size, random_state=rng(1)))
    generator = rng(1)
    copied = generator.copy()
    assert np.array_equal(param.draw_samples(size, generator),
                          param.draw_samples(size, copied))
    if not may_repeat:
        assert not np.array_equal(samples, param.draw_samples(size, random_state=rng(2)))


@pytest.mark.parametrize("name", IDS)
def test_draw_sample_matches_first_of_draw_samples(name: str) -> None:
    factory, size, _, _ = CASES[name]
    param = factory()
    if len(size) == 2 and name not in ("IterativeNoiseAggregator", "Sigmoid", "SimplexNoise",
                                       "FrequencyNoise"):
        assert param.draw_sample(random_state=rng(4)) == \
            param.draw_samples(1, random_state=rng(4))[0]


@pytest.mark.parametrize("name", IDS)
def test_only_the_given_rng_is_used(name: str) -> None:
    factory, size, _, _ = CASES[name]
    param = factory()
    global_state = copy.deepcopy(iarandom.get_global_rng().state)
    numpy_state = np.random.get_state()
    param.draw_samples(size, random_state=rng(3))
    assert iarandom._states_equal(iarandom.get_global_rng().state, global_state)
    after = np.random.get_state()
    assert numpy_state[0] == after[0] and np.array_equal(numpy_state[1], after[1])


@pytest.mark.parametrize("name", IDS)
def test_pickle_deepcopy_and_copy_round_trip(name: str) -> None:
    factory, size, _, _ = CASES[name]
    param = factory()
    expected = param.draw_samples(size, random_state=rng(7))
    for restored in (pickle.loads(pickle.dumps(param)), copy.deepcopy(param), param.deepcopy(),
                     param.copy()):
        assert type(restored) is type(param)
        assert np.array_equal(restored.draw_samples(size, random_state=rng(7)), expected)
        assert str(restored) == str(param)


@pytest.mark.parametrize("name", IDS)
def test_repr_names_the_class(name: str) -> None:
    param = CASES[name][0]()
    assert repr(param) == str(param)
    assert repr(param).startswith(type(param).__name__ + "(")


def test_global_rng_is_used_and_advanced_without_random_state() -> None:
    param = iap.Uniform(0, 1)
    iarandom.seed(11)
    first = param.draw_samples(5)
    second = param.draw_samples(5)
    iarandom.seed(11)
    assert np.array_equal(param.draw_samples(5), first)
    assert not np.array_equal(first, second)
