"""Augmenters flagged ``_copy_free`` borrow the caller's images instead of copying them.

The flag promises that the augmenter never writes into the arrays it receives. Top-level calls
then hand it read-only views, so a wrong flag raises instead of corrupting the caller's data;
these tests run every flagged augmenter over the paths that could write (arrays and lists, all
rows or some rows, inside containers) and check that the input is untouched and that no output
aliases it.
"""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.augmenters as iaa
from imgaug2.augmenters.meta import Augmenter
from tests.augmenters.cases import Case, all_cases
from tests.augmenters.test_contract import make_images

COPY_FREE = [case for case in all_cases() if case.build()._is_copy_free()]
IDS = [case.test_id for case in COPY_FREE]


def _wrappings(case: Case, seed: int) -> list[Augmenter]:
    aug = case.build(seed=seed)
    return [
        aug,
        iaa.Sometimes(0.5, case.build(seed=seed), seed=seed),  # a subset of the rows
        iaa.Sequential([iaa.Identity(), case.build(seed=seed), iaa.Fliplr(0.5)], seed=seed),
        iaa.SomeOf((0, 2), [case.build(seed=seed), iaa.Flipud(1.0)], seed=seed),
    ]


def _assert_not_aliased(out, inputs) -> None:
    outs = [out] if isinstance(out, np.ndarray) else list(out)
    for o in outs:
        for i in ([inputs] if isinstance(inputs, np.ndarray) else inputs):
            assert not np.may_share_memory(o, i), "an output shares memory with the input"
        assert o.flags.writeable


def test_builtin_augmenters_are_copy_free_but_user_code_is_not() -> None:
    names = {case.cls.__name__ for case in COPY_FREE}
    assert {"Fliplr", "Affine", "Add", "GaussianBlur", "Crop", "Resize", "Sequential",
            "Sometimes", "Identity"} <= names
    assert not iaa.Lambda(func_images=lambda images, *args: images)._is_copy_free()

    class UserAugmenter(iaa.Identity):  # defined outside imgaug2: may write in place
        pass

    assert not UserAugmenter()._is_copy_free()
    assert not iaa.Sequential([iaa.Fliplr(1.0), UserAugmenter()])._is_copy_free()


@pytest.mark.parametrize("case", COPY_FREE, ids=IDS)
def test_copy_free_augmenter_leaves_input_alone(case: Case) -> None:
    for dtype in case.dtypes:
        for seed in range(3):
            for aug in _wrappings(case, seed):
                images = make_images(case, dtype, n=4, seed=seed)
                before = [img.copy() for img in images]
                out = aug(images=images)
                assert all(np.array_equal(a, b) for a, b in zip(images, before))
                _assert_not_aliased(out, images)
                if case.changes_shape:
                    continue
                array = np.stack(make_images(case, dtype, n=4, seed=seed))
                array_before = array.copy()
                out = aug(images=array)
                assert np.array_equal(array, array_before)
                _assert_not_aliased(out, array)


@pytest.mark.parametrize("case", COPY_FREE, ids=IDS)
def test_copy_free_output_equals_copying_path(case: Case) -> None:
    """Borrowing must not change results: compare with the same call under a hook (which
    always copies)."""
    images = make_images(case, case.dtypes[0], n=3, seed=7)
    borrowed = case.build(seed=11)(images=images)
    copied = case.build(seed=11)(images=images, hooks=ia.HooksImages())
    assert len(borrowed) == len(copied)
    assert all(np.array_equal(a, b) for a, b in zip(borrowed, copied))


class _WritesInPlace(iaa.Identity):
    """A wrongly flagged augmenter: claims to be copy-free but writes into its input."""

    _copy_free = True
    __module__ = "imgaug2.augmenters.fake_for_tests"  # as if it were built in

    def _augment_batch_(self, batch, random_state, parents, hooks):
        for image in batch.images:
            image[...] = 0
        return batch


def test_wrong_flag_raises_instead_of_changing_the_callers_data() -> None:
    images = np.full((2, 8, 8, 3), 7, dtype=np.uint8)
    with pytest.raises(ValueError, match="read-only"):
        _WritesInPlace()(images=images)
    assert (images == 7).all()


def test_augmenters_that_write_in_place_still_get_copies() -> None:
    class Mutating(iaa.Identity):
        _copy_free = False

        def _augment_batch_(self, batch, random_state, parents, hooks):
            for image in batch.images:
                image[...] = 0
            return batch

    images = np.full((2, 8, 8, 3), 7, dtype=np.uint8)
    out = iaa.Sequential([iaa.Fliplr(1.0), Mutating()])(images=images)
    assert (images == 7).all() and (out == 0).all()
