"""Property tests (hypothesis): Uniform bounds and DiscreteUniform inclusivity."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom

FLOATS = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(FLOATS, FLOATS, st.integers(0, 2**31 - 1))
def test_uniform_stays_within_its_bounds(a: float, b: float, seed: int) -> None:
    samples = iap.Uniform(a, b).draw_samples(64, random_state=iarandom.RNG(seed))
    low, high = min(a, b), max(a, b)
    # samples are float32: compare against the float32-rounded bounds
    assert samples.dtype == np.float32
    assert samples.min() >= np.float32(low) and samples.max() <= np.float32(high)


@settings(max_examples=60, deadline=None)
@given(st.integers(-10**6, 10**6), st.integers(0, 4), st.booleans(), st.integers(0, 2**31 - 1))
def test_discrete_uniform_is_inclusive(a: int, width: int, swap: bool, seed: int) -> None:
    b = a + width
    param = iap.DiscreteUniform(b, a) if swap else iap.DiscreteUniform(a, b)
    samples = param.draw_samples(300, random_state=iarandom.RNG(seed))
    assert samples.min() >= a and samples.max() <= b
    # with 300 draws over at most 5 values every value (both ends included) appears
    assert set(np.unique(samples).tolist()) == set(range(a, b + 1))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**31 - 1))
def test_same_seed_same_samples(seed: int) -> None:
    param = iap.Choice([iap.Uniform(0, 1), iap.Normal(5, 1)]) + iap.DiscreteUniform(0, 3)
    assert np.array_equal(param.draw_samples(20, random_state=iarandom.RNG(seed)),
                          param.draw_samples(20, random_state=iarandom.RNG(seed)))
