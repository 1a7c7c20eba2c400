"""The handle_* rules, their errors (naming the argument), dtype helpers and prefetch flags."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2.parameters import handles


# ---- handle_continuous_param ----------------------------------------------------------------
def test_continuous_rules() -> None:
    number = iap.handle_continuous_param(1.5, "x")
    assert isinstance(number, iap.Deterministic) and number.value == 1.5
    np_number = iap.handle_continuous_param(np.float32(2.5), "x")
    assert isinstance(np_number, iap.Deterministic)
    uniform = iap.handle_continuous_param((1, 2.5), "x")
    assert isinstance(uniform, iap.Uniform)
    assert str(uniform) == "Uniform(Deterministic(int 1), Deterministic(float 2.50000000))"
    choice = iap.handle_continuous_param([1, 2, 3], "x")
    assert isinstance(choice, iap.Choice) and list(choice.a) == [1, 2, 3]
    param = iap.Normal(0, 1)
    assert iap.handle_continuous_param(param, "x") is param


def test_continuous_value_range_checks_numbers_tuples_and_lists() -> None:
    iap.handle_continuous_param(0, "sigma", value_range=(0, None))
    iap.handle_continuous_param((0, 3), "sigma", value_range=(0, 3))
    with pytest.raises(ValueError, match=r"'sigma'.*0 <= x"):
        iap.handle_continuous_param(-1, "sigma", value_range=(0, None))
    with pytest.raises(ValueError, match=r"'sigma'.*x <= 3"):
        iap.handle_continuous_param((0, 4), "sigma", value_range=(None, 3))
    with pytest.raises(ValueError, match="'sigma'"):
        iap.handle_continuous_param([1, 2, 5], "sigma", value_range=(0, 3))
    # a parameter is not range-checked (its values are only known when sampling)
    iap.handle_continuous_param(iap.Deterministic(-5), "sigma", value_range=(0, None))


def test_value_range_callable() -> None:
    assert isinstance(iap.handle_continuous_param(4, "k", value_range=lambda v: v % 2 == 0),
                      iap.Deterministic)
    with pytest.raises(ValueError, match="'k'"):
        iap.handle_continuous_param(3, "k", value_range=lambda v: v % 2 == 0)
    # imgaug-style callables assert themselves and return None
    def check(value):
        assert value > 0, "must be positive"

    iap.handle_continuous_param(1, "k", value_range=check)
    with pytest.raises(AssertionError, match="positive"):
        iap.handle_continuous_param(-1, "k", value_range=check)
    with pytest.raises(TypeError, match="value_range"):
        iap.handle_continuous_param(1, "k", value_range="bad")


@pytest.mark.parametrize(("value", "error", "pattern"), [
    ("x", TypeError, r"'sigma'.*a number, a tuple of two numbers.*a list of numbers.*"
                     r"StochasticParameter.*str"),
    (None, TypeError, "'sigma'"),
    (True, TypeError, "'sigma'.*bool"),
    ((1, 2, 3), ValueError, "'sigma'.*exactly two"),
    ((1, "a"), TypeError, "'sigma'.*only numbers"),
    ([], ValueError, "'sigma'.*at least one"),
    ([1, None], TypeError, "'sigma'.*only numbers"),
    (float("nan"), ValueError, "'sigma'.*NaN"),
])
def test_continuous_errors_name_the_argument(value, error, pattern) -> None:
    with pytest.raises(error, match=pattern):
        iap.handle_continuous_param(value, "sigma")


def test_type_errors_are_also_value_errors() -> None:
    with pytest.raises(ValueError):
        iap.handle_continuous_param("x", "sigma")


def test_continuous_disabled_tuple_and_list_rules() -> None:
    with pytest.raises(TypeError, match=r"'x'.*a number or a StochasticParameter"):
        iap.handle_continuous_param((1, 2), "x", tuple_to_uniform=False, list_to_choice=False)
    with pytest.raises(TypeError, match="'x'"):
        iap.handle_continuous_param([1, 2], "x", list_to_choice=False)


def test_prefetch_argument_is_accepted_and_returns_plain_parameters() -> None:
    param = iap.handle_continuous_param((0, 1), "x", prefetch=True)
    assert type(param) is iap.Uniform
    assert type(iap.handle_discrete_param(3, "x", prefetch=False)) is iap.Deterministic


# ---- handle_discrete_param ------------------------------------------------------------------
def test_discrete_rules() -> None:
    number = iap.handle_discrete_param(3, "k")
    assert isinstance(number, iap.Deterministic) and number.value == 3
    truncated = iap.handle_discrete_param(3.7, "k")
    assert truncated.value == 3 and isinstance(truncated.value, int)
    uniform = iap.handle_discrete_param((1, 5), "k")
    assert isinstance(uniform, iap.DiscreteUniform)
    assert str(uniform) == "DiscreteUniform(Deterministic(int 1), Deterministic(int 5))"
    choice = iap.handle_discrete_param([1.0, 2.9], "k")
    assert isinstance(choice, iap.Choice) and choice.a == [1, 2]


def test_discrete_errors() -> None:
    with pytest.raises(TypeError, match=r"'k'.*an int, a tuple of two ints"):
        iap.handle_discrete_param(1.5, "k", allow_floats=False)
    with pytest.raises(TypeError, match="'k'.*only ints"):
        iap.handle_discrete_param((1, 2.5), "k", allow_floats=False)
    with pytest.raises(ValueError, match="'k'.*exactly two"):
        iap.handle_discrete_param((1, 2, 3), "k")
    with pytest.raises(ValueError, match=r"'k'.*1 <= x"):
        iap.handle_discrete_param([0, 2], "k", value_range=(1, None))
    with pytest.raises(ValueError, match="'k'.*finite"):
        iap.handle_discrete_param(float("inf"), "k")
    with pytest.raises(TypeError, match="'k'"):
        iap.handle_discrete_param("3", "k")


# ---- handle_categorical_string_param --------------------------------------------------------
def test_categorical_rules() -> None:
    everything = iap.handle_categorical_string_param(iap.ALL, "mode", ["a", "b"])
    assert isinstance(everything, iap.Choice) and everything.a == ["a", "b"]
    single = iap.handle_categorical_string_param("a", "mode", ["a", "b"])
    assert isinstance(single, iap.Deterministic) and single.value == "a"
    several = iap.handle_categorical_string_param(["b", "a"], "mode", ["a", "b"])
    assert isinstance(several, iap.Choice)
    assert iap.handle_categorical_string_param("anything", "mode").value == "anything"
    # without valid values, "ALL" is just a string
    assert iap.handle_categorical_string_param("ALL", "mode").value == "ALL"
    param = iap.Choice(["a"])
    assert iap.handle_categorical_string_param(param, "mode") is param


def test_categorical_errors() -> None:
    with pytest.raises(ValueError, match="'mode'.*one of: a, b.*'c'"):
        iap.handle_categorical_string_param("c", "mode", ["a", "b"])
    with pytest.raises(ValueError, match="'mode'.*invalid.*'c'"):
        iap.handle_categorical_string_param(["a", "c"], "mode", ["a", "b"])
    with pytest.raises(TypeError, match="'mode'.*only strings"):
        iap.handle_categorical_string_param(["a", 1], "mode")
    with pytest.raises(TypeError, match=r"'mode'.*imgaug\.ALL, a string"):
        iap.handle_categorical_string_param(1, "mode", ["a"])


# ---- handle_discrete_kernel_size_param ------------------------------------------------------
def test_kernel_size_rules() -> None:
    single, none = iap.handle_discrete_kernel_size_param(3, "k")
    assert isinstance(single, iap.Deterministic) and single.value == 3 and none is None
    both, none = iap.handle_discrete_kernel_size_param((3, 7), "k")
    assert isinstance(both, iap.DiscreteUniform) and none is None
    listed, none = iap.handle_discrete_kernel_size_param([3, 5], "k")
    assert isinstance(listed, iap.Choice) and none is None
    h, w = iap.handle_discrete_kernel_size_param(((1, 3), (5, 7)), "k")
    assert isinstance(h, iap.DiscreteUniform) and isinstance(w, iap.DiscreteUniform)
    h, w = iap.handle_discrete_kernel_size_param((3, [5, 7]), "k")
    assert isinstance(h, iap.Deterministic) and isinstance(w, iap.Choice)
    p_h, p_w = iap.Deterministic(1), iap.Deterministic(2)
    assert iap.handle_discrete_kernel_size_param((p_h, p_w), "k") == (p_h, p_w)
    assert iap.handle_discrete_kernel_size_param(p_h, "k") == (p_h, None)


def test_kernel_size_errors() -> None:
    with pytest.raises(ValueError, match=r"'k'.*1 <= x"):
        iap.handle_discrete_kernel_size_param(0, "k")
    with pytest.raises(ValueError, match=r"'k\[1\]'"):
        iap.handle_discrete_kernel_size_param(((1, 3), (0, 2)), "k")
    with pytest.raises(ValueError, match="'k'.*exactly two"):
        iap.handle_discrete_kernel_size_param((1, 2, 3), "k")
    with pytest.raises(TypeError, match="'k'"):
        iap.handle_discrete_kernel_size_param("3", "k")


# ---- handle_probability_param ---------------------------------------------------------------
def test_probability_rules() -> None:
    for value, expected in ((True, 1), (False, 0), (1, 1), (0, 0), (1.0 - 1e-9, 1)):
        param = iap.handle_probability_param(value, "p")
        assert isinstance(param, iap.Deterministic) and param.value == expected
    binomial = iap.handle_probability_param(0.25, "p")
    assert isinstance(binomial, iap.Binomial) and binomial.p.value == 0.25
    ranged = iap.handle_probability_param((0.1, 0.2), "p", tuple_to_uniform=True)
    assert isinstance(ranged, iap.Binomial) and isinstance(ranged.p, iap.Uniform)
    listed = iap.handle_probability_param([0.1, 0.2], "p", list_to_choice=True)
    assert isinstance(listed, iap.Binomial) and isinstance(listed.p, iap.Choice)
    param = iap.Binomial(0.5)
    assert iap.handle_probability_param(param, "p") is param


@pytest.mark.parametrize(("kwargs", "value", "error", "pattern"), [
    ({}, 1.5, ValueError, r"'p'.*\[0.0, 1.0\]"),
    ({}, -0.1, ValueError, "'p'"),
    ({}, (0.1, 0.2), TypeError, "'p'.*a bool, a number in"),
    ({}, "0.5", TypeError, "'p'"),
    ({"tuple_to_uniform": True}, (0.1, 1.2), ValueError, "'p'.*two probabilities"),
    ({"list_to_choice": True}, [0.1, 2], ValueError, "'p'.*probabilities"),
])
def test_probability_errors(kwargs, value, error, pattern) -> None:
    with pytest.raises(error, match=pattern):
        iap.handle_probability_param(value, "p", **kwargs)


# ---- dtype helpers and prefetching ----------------------------------------------------------
def test_force_np_float_dtype() -> None:
    floats = np.zeros(2, dtype=np.float32)
    assert iap.force_np_float_dtype(floats) is floats
    assert iap.force_np_float_dtype(np.zeros(2, dtype=np.int32)).dtype == np.float64


def test_both_np_float_if_one_is_float() -> None:
    f32, i32 = np.zeros(2, dtype=np.float32), np.zeros(2, dtype=np.int32)
    a, b = iap.both_np_float_if_one_is_float(f32, i32)
    assert a.dtype == np.float32 and b.dtype == np.float64
    a, b = iap.both_np_float_if_one_is_float(i32, f32)
    assert a.dtype == np.float64 and b.dtype == np.float32
    a, b = iap.both_np_float_if_one_is_float(i32, i32)
    assert a.dtype == np.float64 and b.dtype == np.float64


def test_prefetching_context_managers_toggle_the_flag() -> None:
    assert handles._PREFETCHING_ENABLED is False
    with iap.toggled_prefetching(True):
        assert handles._PREFETCHING_ENABLED is True
        with iap.no_prefetching():
            assert handles._PREFETCHING_ENABLED is False
        assert handles._PREFETCHING_ENABLED is True
    assert handles._PREFETCHING_ENABLED is False
    with pytest.raises(RuntimeError), iap.toggled_prefetching(True):
        raise RuntimeError("restored even on errors")
    assert handles._PREFETCHING_ENABLED is False


def test_all_constant() -> None:
    from imgaug2 import imgaug as ia

    assert iap.ALL == "ALL" == ia.ALL
