"""Multiply, Divide, Add, Subtract, Power and the operators of StochasticParameter."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


def test_operators_build_the_matching_parameters() -> None:
    base = iap.Deterministic(2)
    cases = [
        (base + 3, iap.Add, 5), (3 + base, iap.Add, 5),
        (base - 3, iap.Subtract, -1), (3 - base, iap.Subtract, 1),
        (base * 4, iap.Multiply, 8), (4 * base, iap.Multiply, 8),
        (base / 4, iap.Divide, 0.5), (4 / base, iap.Divide, 2.0),
        (base ** 3, iap.Power, 8), (3 ** base, iap.Power, 9),
        (base + iap.Deterministic(1.5), iap.Add, 3.5),
    ]
    for param, cls, expected in cases:
        assert isinstance(param, cls)
        assert param.draw_sample(random_state=rng()) == pytest.approx(expected)


def test_floordiv_rounds_the_quotient_like_imgaug() -> None:
    param = iap.Deterministic(7) // 2
    assert isinstance(param, iap.Discretize) and isinstance(param.other_param, iap.Divide)
    assert param.draw_sample() == 4  # round(3.5), imgaug semantics
    assert (iap.Deterministic(7) // 4).draw_sample() == 2
    assert (9 // iap.Deterministic(4)).draw_sample() == 2


def test_operator_errors() -> None:
    base = iap.Deterministic(2)
    for bad in ("x", None, [1], True):
        with pytest.raises(TypeError, match="number or a StochasticParameter"):
            base + bad  # noqa: B018
        with pytest.raises(TypeError):
            bad * base  # noqa: B018
    with pytest.raises(NotImplementedError):
        pow(base, 2, 3)


def test_operator_repr() -> None:
    assert repr(iap.Uniform(0, 1) + 1) == (
        "Add(Uniform(Deterministic(int 0), Deterministic(int 1)), Deterministic(int 1), False)")


def test_val_is_sampled_once_per_call_unless_elementwise() -> None:
    once = iap.Add(iap.Deterministic(0.0), iap.Uniform(0, 1))
    samples = once.draw_samples(100, random_state=rng())
    assert len(np.unique(samples)) == 1
    elementwise = iap.Add(iap.Deterministic(0.0), iap.Uniform(0, 1), elementwise=True)
    samples = elementwise.draw_samples(100, random_state=rng())
    assert len(np.unique(samples)) == 100
    assert samples.min() >= 0 and samples.max() < 1


def test_arguments_follow_the_continuous_rules() -> None:
    param = iap.Multiply((1, 2), [3, 4])
    assert isinstance(param.other_param, iap.Uniform) and isinstance(param.val, iap.Choice)
    with pytest.raises(TypeError, match="'val'"):
        iap.Multiply(1, "x")
    with pytest.raises(TypeError, match="'other_param'"):
        iap.Add(None, 1)


def test_results_against_numpy() -> None:
    base = iap.Uniform(1, 2)
    reference = base.draw_samples((4, 5), random_state=rng(3))
    assert np.allclose(iap.Multiply(base, 3).draw_samples((4, 5), rng(3)), reference * 3)
    assert np.allclose(iap.Add(base, -1.5).draw_samples((4, 5), rng(3)), reference - 1.5)
    assert np.allclose(iap.Subtract(base, 2).draw_samples((4, 5), rng(3)), reference - 2)
    assert np.allclose(iap.Divide(base, 4).draw_samples((4, 5), rng(3)), reference / 4)
    assert np.allclose(iap.Power(base, 2).draw_samples((4, 5), rng(3)), reference ** 2,
                       rtol=1e-6)


def test_scalar_val_keeps_float32_samples() -> None:
    assert (iap.Uniform(0, 1) + 2).draw_samples(3).dtype == np.float32
    assert (iap.Uniform(0, 1) * 2.5).draw_samples(3).dtype == np.float32


def test_divide_replaces_zero_divisors_by_one() -> None:
    assert np.all(iap.Divide(iap.Deterministic(3), 0).draw_samples(4) == 3.0)
    elementwise = iap.Divide(iap.Deterministic(6), iap.Choice([0, 2]), elementwise=True)
    samples = elementwise.draw_samples(200, random_state=rng())
    assert set(np.unique(samples).tolist()) == {3.0, 6.0}
    assert elementwise.draw_samples(2).dtype.kind == "f"


def test_power_of_negative_bases_is_real() -> None:
    assert (iap.Deterministic(-2) ** 2).draw_sample() == 4.0
    assert (iap.Deterministic(2) ** -1).draw_sample() == 0.5
    fractional = iap.Power(iap.Deterministic(-8.0), 1 / 3).draw_samples(3)
    assert np.all(np.isfinite(fractional))
    assert np.allclose(fractional, ((-8.0 + 0j) ** (1 / 3)).real)
    assert iap.Power(iap.Deterministic(2), 3).draw_samples(2).dtype.kind == "f"
