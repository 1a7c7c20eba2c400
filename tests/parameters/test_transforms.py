"""Clip, Discretize, Absolute, RandomSign, ForceSign, Positive, Negative."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom

N = 10_000


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


def test_clip() -> None:
    normal = iap.Normal(0, 1)
    raw = normal.draw_samples(N, random_state=rng())
    clipped = iap.Clip(normal, -0.5, 0.5).draw_samples(N, random_state=rng())
    assert np.array_equal(clipped, np.clip(raw, -0.5, 0.5))
    assert iap.Clip(normal, minval=0).draw_samples(N, rng()).min() >= 0
    assert iap.Clip(normal, maxval=0).draw_samples(N, rng()).max() <= 0
    assert np.array_equal(iap.Clip(normal).draw_samples(10, rng()), raw[:10])


def test_clip_repr_and_errors() -> None:
    det = iap.Deterministic(1)
    assert repr(iap.Clip(det, 0, 1)) == "Clip(Deterministic(int 1), 0.000000, 1.000000)"
    assert repr(iap.Clip(det, None, 1)) == "Clip(Deterministic(int 1), None, 1.000000)"
    assert repr(iap.Clip(det)) == "Clip(Deterministic(int 1), None, None)"
    with pytest.raises(TypeError, match="other_param"):
        iap.Clip(1.0, 0, 1)
    with pytest.raises(TypeError, match="minval"):
        iap.Clip(det, "0", 1)
    with pytest.raises(ValueError, match="minval <= maxval"):
        iap.Clip(det, 2, 1)


def test_discretize() -> None:
    base = iap.Normal(0, 5)
    raw = base.draw_samples(100, random_state=rng())
    rounded = iap.Discretize(base).draw_samples(100, random_state=rng())
    assert rounded.dtype == np.int32 and np.array_equal(rounded, np.round(raw))
    truncated = iap.Discretize(base, round=False).draw_samples(100, random_state=rng())
    assert np.array_equal(truncated, np.trunc(raw))
    ints = iap.DiscreteUniform(0, 5)
    assert np.array_equal(iap.Discretize(ints).draw_samples(10, rng()),
                          ints.draw_samples(10, rng()))
    assert iap.Discretize(iap.Deterministic(2.6)).draw_samples(2).dtype == np.int64
    big = iap.Discretize(iap.Uniform(1e6, 2e6)).draw_samples(10, rng())
    assert big.min() >= 1e6  # no overflow into a small int type
    assert repr(iap.Discretize(iap.Deterministic(1))) == \
        "Discretize(Deterministic(int 1), round=True)"
    with pytest.raises(TypeError, match="numeric"):
        iap.Discretize(iap.Deterministic("a")).draw_samples(2)


def test_absolute() -> None:
    raw = iap.Normal(0, 1).draw_samples(100, random_state=rng())
    absolute = iap.Absolute(iap.Normal(0, 1)).draw_samples(100, random_state=rng())
    assert np.array_equal(absolute, np.abs(raw))
    assert repr(iap.Absolute(iap.Deterministic(1))) == "Absolute(Deterministic(int 1))"


@pytest.mark.parametrize("p_positive", [0.0, 0.25, 1.0])
def test_random_sign_fraction_and_magnitude(p_positive) -> None:
    base = iap.Uniform(1, 2)
    samples = iap.RandomSign(base, p_positive).draw_samples(N, random_state=rng())
    assert abs((samples > 0).mean() - p_positive) < 0.015
    assert np.all((np.abs(samples) >= 1) & (np.abs(samples) < 2))


def test_random_sign_dtype_repr_and_errors() -> None:
    assert iap.RandomSign(iap.Poisson(2)).draw_samples(5).dtype == np.int32
    assert repr(iap.RandomSign(iap.Deterministic(1))) == "RandomSign(Deterministic(int 1), 0.50)"
    with pytest.raises(ValueError, match="p_positive"):
        iap.RandomSign(iap.Deterministic(1), 1.5)
    with pytest.raises(TypeError, match="p_positive"):
        iap.RandomSign(iap.Deterministic(1), "a")
    with pytest.raises(TypeError, match="int or float"):
        iap.RandomSign(iap.Deterministic(np.uint8(1))).draw_samples(2)


def test_force_sign_invert() -> None:
    raw = iap.Normal(0, 1).draw_samples((30, 30), random_state=rng())
    positive = iap.ForceSign(iap.Normal(0, 1), True).draw_samples((30, 30), rng())
    assert np.array_equal(positive, np.abs(raw))
    negative = iap.Negative(iap.Normal(0, 1)).draw_samples((30, 30), rng())
    assert np.array_equal(negative, -np.abs(raw))


def test_force_sign_reroll_redraws_before_flipping() -> None:
    param = iap.Positive(iap.Uniform(-1, 3), mode="reroll", reroll_count_max=2)
    samples = param.draw_samples((100, 100), random_state=rng())
    assert samples.min() >= 0
    # rerolled values come from the distribution, so values in [1, 3) stay more common than
    # under "invert" (where [0, 1) receives the flipped negatives)
    inverted = iap.Positive(iap.Uniform(-1, 3)).draw_samples((100, 100), random_state=rng())
    assert (samples < 1).mean() < (inverted < 1).mean() - 0.1
    no_reroll = iap.Negative(iap.Uniform(0, 1), mode="reroll", reroll_count_max=0)
    assert no_reroll.draw_samples(50, rng()).max() <= 0


def test_force_sign_validation_and_repr() -> None:
    det = iap.Deterministic(1)
    assert isinstance(iap.Positive(det), iap.ForceSign) and iap.Positive(det).positive
    assert not iap.Negative(det).positive
    assert repr(iap.ForceSign(det, True)) == "ForceSign(Deterministic(int 1), True, invert, 2)"
    with pytest.raises(TypeError, match="positive"):
        iap.ForceSign(det, 1)
    with pytest.raises(ValueError, match="mode"):
        iap.ForceSign(det, True, mode="flip")
    with pytest.raises(TypeError, match="reroll_count_max"):
        iap.ForceSign(det, True, reroll_count_max=1.5)
    with pytest.raises(TypeError, match="other_param"):
        iap.Positive(3)
    with pytest.raises(TypeError, match="int or float"):
        iap.Negative(iap.Deterministic(np.uint8(3))).draw_samples(2)
