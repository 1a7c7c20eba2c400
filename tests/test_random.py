"""imgaug2.random: classic RNG semantics and the keyed derivation rule (golden values)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from imgaug2 import random as iarandom


def test_global_seed_makes_derived_rngs_reproducible() -> None:
    iarandom.seed(5)
    a = iarandom.RNG.create_pseudo_random_().integers(0, 10**6, size=5)
    iarandom.seed(5)
    b = iarandom.RNG.create_pseudo_random_().integers(0, 10**6, size=5)
    assert np.array_equal(a, b)


def test_rng_from_int_is_reproducible_and_seeds_differ() -> None:
    assert np.array_equal(iarandom.RNG(1).random(8), iarandom.RNG(1).random(8))
    assert not np.array_equal(iarandom.RNG(1).random(8), iarandom.RNG(2).random(8))


def test_copy_is_independent_and_equal() -> None:
    rng = iarandom.RNG(3)
    copy = rng.copy()
    assert rng.equals(copy)
    assert np.array_equal(rng.integers(0, 100, size=4), copy.integers(0, 100, size=4))
    rng.random(1)
    assert not rng.equals(copy)


def test_derive_rngs_advances_parent_and_differs() -> None:
    rng = iarandom.RNG(4)
    state = rng.state
    children = rng.derive_rngs_(3)
    assert rng.state != state
    draws = [c.integers(0, 10**9) for c in children]
    assert len(set(draws)) == 3


def test_state_round_trip_and_pickle() -> None:
    rng = iarandom.RNG(9)
    state = rng.state
    first = rng.random(3)
    rng.set_state_(state)
    assert np.array_equal(rng.random(3), first)
    restored = pickle.loads(pickle.dumps(rng))
    assert np.array_equal(restored.random(3), rng.random(3))


@pytest.mark.parametrize("bad", [-1, 1.5, "x", True])
def test_bad_seeds_raise(bad) -> None:
    with pytest.raises((TypeError, ValueError)):
        iarandom.RNG(bad)


def test_temporary_numpy_seed_restores_state() -> None:
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    with iarandom.temporary_numpy_seed(123):
        np.random.random(10)
    assert np.array_equal(np.random.get_state()[1], before)


# ---- keyed mode: the derivation rule is a contract, pinned by golden values ----------------
def test_row_seed_golden_values() -> None:
    assert iarandom.row_seed(0, "a.png") == 322475459588256797935566718323120486739
    assert iarandom.row_seed(0, 7, epoch=1, repeat=2) == 65873314009929663653682011670677441565


def test_keyed_rng_golden_draws() -> None:
    rng = iarandom.keyed_rng(iarandom.row_seed(0, "a.png"), (0, 1))
    assert rng.integers(0, 1000, size=4).tolist() == [315, 175, 195, 751]


def test_row_seed_depends_on_every_component() -> None:
    base = iarandom.row_seed(1, "k", epoch=0, repeat=0)
    assert len({base, iarandom.row_seed(2, "k"), iarandom.row_seed(1, "k2"),
                iarandom.row_seed(1, "k", epoch=1), iarandom.row_seed(1, "k", repeat=1)}) == 5
    # typed encoding: the int 1 and the string "1" are different keys
    assert iarandom.row_seed(0, 1) != iarandom.row_seed(0, "1")
    assert iarandom.row_seed(0, b"1") != iarandom.row_seed(0, "1")


def test_keyed_rng_depends_on_path_only_through_path() -> None:
    seed = iarandom.row_seed(3, "x")
    a = iarandom.keyed_rng(seed, (0, 1)).random(4)
    iarandom.keyed_rng(seed, (0, 2)).random(100)  # another augmenter drawing in between
    b = iarandom.keyed_rng(seed, (0, 1)).random(4)
    c = iarandom.keyed_rng(seed, (0, 2)).random(4)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_keyed_rngs_at_different_depths_do_not_interfere() -> None:
    seed = iarandom.row_seed(3, "x")
    parent = iarandom.keyed_rng(seed, (0, 1))
    first = parent.random(2)
    child = iarandom.keyed_rng(seed, (0, 1, 0, 0))
    child.random(50)
    rest = parent.random(2)
    fresh = iarandom.keyed_rng(seed, (0, 1)).random(4)
    assert np.array_equal(np.concatenate([first, rest]), fresh)


@pytest.mark.parametrize("bad_key", [1.5, None, True, [1]])
def test_bad_row_keys_raise(bad_key) -> None:
    with pytest.raises(TypeError, match="key"):
        iarandom.row_seed(0, bad_key)


def test_bad_seed_epoch_repeat_raise() -> None:
    with pytest.raises(ValueError, match="epoch"):
        iarandom.row_seed(0, "k", epoch=-1)
    with pytest.raises(TypeError, match="seed"):
        iarandom.row_seed("0", "k")
