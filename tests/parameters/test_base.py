"""StochasticParameter base: sizes, random_state forms, subclassing, distribution graphs."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom


def test_size_forms() -> None:
    param = iap.Uniform(0, 1)
    assert param.draw_samples(4).shape == (4,)
    assert param.draw_samples(np.int64(4)).shape == (4,)
    assert param.draw_samples((2, 3)).shape == (2, 3)
    assert param.draw_samples([2, 3]).shape == (2, 3)
    assert param.draw_samples((0, 3)).shape == (0, 3)
    with pytest.raises(ValueError, match="size"):
        param.draw_samples(-1)
    with pytest.raises(TypeError, match="size"):
        param.draw_samples(2.5)
    with pytest.raises(TypeError, match="size"):
        param.draw_samples((2, None))


@pytest.mark.parametrize("make_state", [
    lambda: 5,
    lambda: iarandom.RNG(5),
    lambda: np.random.Generator(np.random.PCG64(np.random.SeedSequence(5))),
    lambda: np.random.SeedSequence(5),
])
def test_random_state_forms_are_reproducible(make_state) -> None:
    param = iap.Normal(0, 1)
    assert np.array_equal(param.draw_samples(6, random_state=make_state()),
                          param.draw_samples(6, random_state=make_state()))


def test_int_seed_equals_rng_with_that_seed() -> None:
    param = iap.Normal(0, 1)
    assert np.array_equal(param.draw_samples(6, random_state=3),
                          param.draw_samples(6, random_state=iarandom.RNG(3)))


def test_passed_rng_advances_between_calls() -> None:
    generator = iarandom.RNG(0)
    param = iap.Uniform(0, 1)
    assert not np.array_equal(param.draw_samples(5, generator), param.draw_samples(5, generator))


def test_keyed_rngs_give_row_deterministic_samples() -> None:
    param = iap.Choice([iap.Normal(0, 1), iap.Uniform(5, 6)]) * iap.Uniform(1, 2)
    seed = iarandom.row_seed(1, "image-7.png")
    first = param.draw_samples(8, random_state=iarandom.keyed_rng(seed, (0, 1)).copy())
    second = param.draw_samples(8, random_state=iarandom.keyed_rng(seed, (0, 1)).copy())
    assert np.array_equal(first, second)


def test_custom_subclass_and_abstract_base() -> None:
    class Twice(iap.StochasticParameter):
        def __init__(self, other):
            self.other = other

        def _draw_samples(self, size, random_state):
            return self.other.draw_samples(size, random_state=random_state) * 2

    param = Twice(iap.Deterministic(3))
    assert param.draw_samples((2,)).tolist() == [6, 6]
    assert str(param) == "Twice(Deterministic(int 3))"
    assert (param + 1).draw_sample() == 7
    with pytest.raises(TypeError):
        iap.StochasticParameter()


def test_constructor_arguments_are_recorded_for_specs() -> None:
    param = iap.Uniform(0, b=2)
    assert param._ctor_args == ((0,), {"b": 2})


def test_draw_distribution_graph_returns_an_rgb_image() -> None:
    pytest.importorskip("matplotlib")
    image = iap.Normal(0, 1).draw_distribution_graph(size=(3, 50), bins=10)
    assert image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.uint8
    assert image.min() < 255  # something was drawn
    untitled = iap.Normal(0, 1).draw_distribution_graph(title=False, size=(2, 20))
    assert untitled.shape == image.shape


def test_draw_distributions_grid() -> None:
    pytest.importorskip("matplotlib")
    grid = iap.draw_distributions_grid([iap.Uniform(0, 1), iap.Binomial(0.5)],
                                       graph_sizes=(60, 80), sample_sizes=[(2, 20), (2, 20)],
                                       titles=["a", "b"], rows=1)
    assert grid.shape == (60, 160, 3) and grid.dtype == np.uint8


def test_distribution_graph_without_matplotlib(monkeypatch) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"imgaug2\[bench\]"):
        iap.Uniform(0, 1).draw_distribution_graph(size=(2, 10))
