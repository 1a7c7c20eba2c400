"""UnnormalizedBatch, Batch and _BatchInAugmentation: conversions, rows, hooks, copies."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from imgaug2 import imgaug as ia
from imgaug2.augmentables.batches import (
    DEFAULT,
    Batch,
    UnnormalizedBatch,
    _BatchInAugmentation,
)
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

COLUMNS = ["images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
           "polygons", "line_strings"]


def _images(n: int = 3) -> np.ndarray:
    return np.arange(n * 4 * 5 * 1, dtype=np.uint8).reshape(n, 4, 5, 1)


def _kpsois(n: int = 3, shape=(4, 5, 1)) -> list[KeypointsOnImage]:
    return [KeypointsOnImage([Keypoint(i, i + 1)], shape=shape) for i in range(n)]


# ---- UnnormalizedBatch -----------------------------------------------------------------------
def test_unnormalized_batch_attributes() -> None:
    batch = UnnormalizedBatch(images=[np.zeros((4, 5), np.uint8)], keypoints=[[(1.0, 2.0)]],
                              data={"id": 7})
    for column in COLUMNS:
        assert hasattr(batch, f"{column}_unaug") and getattr(batch, f"{column}_aug") is None
    assert batch.data == {"id": 7}
    assert batch.get_column_names() == ["images", "keypoints"]


def test_unnormalized_batch_to_normalized_batch() -> None:
    images = [np.zeros((4, 5), np.uint8), np.zeros((6, 7, 3), np.uint8)]
    batch = UnnormalizedBatch(images=images, keypoints=[[(1.0, 2.0)], []],
                              segmentation_maps=[np.zeros((4, 5), np.int32)] * 2, data="d")
    normalized = batch.to_normalized_batch()
    assert isinstance(normalized, Batch) and normalized.data == "d"
    assert [image.shape for image in normalized.images_unaug] == [(4, 5, 1), (6, 7, 3)]
    assert [kpsoi.shape for kpsoi in normalized.keypoints_unaug] == [(4, 5, 1), (6, 7, 3)]
    assert all(isinstance(s, SegmentationMapsOnImage)
               for s in normalized.segmentation_maps_unaug)
    inaug = batch.to_batch_in_augmentation()
    assert isinstance(inaug, _BatchInAugmentation) and inaug.nb_rows == 2


def test_unnormalized_batch_errors_name_the_arguments() -> None:
    with pytest.raises(ValueError, match="keypoints"):
        UnnormalizedBatch(keypoints=[(1, 2)]).to_normalized_batch()
    with pytest.raises(ValueError, match="bounding_boxes.*images"):
        UnnormalizedBatch(images=np.zeros((2, 4, 4, 3), np.uint8),
                          bounding_boxes=[[(0, 0, 1, 1)]] * 3).to_normalized_batch()
    filled = UnnormalizedBatch(images=_images())
    filled.images_aug = _images()
    with pytest.raises(ValueError, match="augmented"):
        filled.to_normalized_batch()


def test_fill_from_augmented_normalized_batch_restores_the_user_formats() -> None:
    images = np.zeros((2, 4, 5), np.uint8)
    keypoints = np.array([[[1, 2]], [[3, 4]]], dtype=np.int32)
    bbs = [[(0.0, 0.0, 1.0, 1.0)], [(1.0, 1.0, 2.0, 2.0)]]
    batch = UnnormalizedBatch(images=images, keypoints=keypoints, bounding_boxes=bbs, data=1)
    normalized = batch.to_normalized_batch()
    inaug = normalized.to_batch_in_augmentation()
    inaug.images = inaug.images + 1
    inaug.keypoints = [kpsoi.shift(x=1) for kpsoi in inaug.keypoints]
    inaug.data = 2
    normalized.fill_from_batch_in_augmentation_(inaug)
    normalized.data = 2
    result = batch.fill_from_augmented_normalized_batch(normalized)
    assert result is not batch and batch.images_aug is None
    assert result.images_unaug is images and result.data == 2
    assert result.images_aug.shape == (2, 4, 5) and result.images_aug[0, 0, 0] == 1
    assert result.keypoints_aug.dtype == np.int32
    assert result.keypoints_aug.tolist() == [[[2, 2]], [[4, 4]]]
    assert result.bounding_boxes_aug == bbs
    assert result.heatmaps_aug is None and result.polygons_aug is None
    same = batch.fill_from_augmented_normalized_batch_(normalized)
    assert same is batch and batch.keypoints_aug.tolist() == [[[2, 2]], [[4, 4]]]


# ---- Batch -----------------------------------------------------------------------------------
def test_batch_attributes_and_deprecated_aliases() -> None:
    images = _images()
    batch = Batch(images=images, keypoints=_kpsois(), data="x", row_seeds=[1, 2, 3])
    assert batch.images_unaug is images and batch.images_aug is None
    assert batch.row_seeds == [1, 2, 3]
    assert batch.get_column_names() == ["images", "keypoints"]
    assert batch.to_normalized_batch() is batch
    for name in ("images", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes"):
        with pytest.warns(ia.DeprecationWarning, match=name):
            assert getattr(batch, name) is getattr(batch, f"{name}_unaug")


def test_batch_to_batch_in_augmentation_copies_the_data() -> None:
    images, kpsois = _images(), _kpsois()
    batch = Batch(images=images, keypoints=kpsois, data={"a": 1}, row_seeds=[4, 5, 6])
    inaug = batch.to_batch_in_augmentation()
    assert inaug.images is not images and np.array_equal(inaug.images, images)
    assert inaug.keypoints[0] is not kpsois[0]
    assert inaug.row_seeds == [4, 5, 6] and inaug.data == {"a": 1}
    inaug.images[0, 0, 0, 0] = 255
    inaug.keypoints[0].keypoints[0].x = 100.0
    assert images[0, 0, 0, 0] == 0 and kpsois[0].keypoints[0].x == 0.0
    batch.fill_from_batch_in_augmentation_(inaug)
    assert batch.images_aug is inaug.images and batch.keypoints_aug is inaug.keypoints


def test_batch_deepcopy() -> None:
    batch = Batch(images=_images(), keypoints=_kpsois(), data=[1, 2], row_seeds=[1, 2, 3])
    batch.images_aug = _images() + 1
    copy = batch.deepcopy()
    assert copy.images_unaug is not batch.images_unaug
    assert np.array_equal(copy.images_aug, batch.images_aug)
    assert copy.keypoints_unaug[0] is not batch.keypoints_unaug[0]
    assert copy.data == [1, 2] and copy.data is not batch.data
    assert copy.row_seeds == [1, 2, 3]
    replaced = batch.deepcopy(images_unaug=None, keypoints_aug=_kpsois(1), row_seeds=None)
    assert replaced.images_unaug is None and len(replaced.keypoints_aug) == 1
    assert replaced.row_seeds is None
    assert batch.deepcopy(images_aug=DEFAULT).images_aug is not None


# ---- _BatchInAugmentation --------------------------------------------------------------------
def test_rows_and_columns() -> None:
    batch = _BatchInAugmentation(images=_images(), keypoints=_kpsois(), bounding_boxes=[])
    assert batch.nb_rows == 3 and not batch.empty
    assert batch.get_column_names() == ["images", "keypoints"]
    column = batch.columns[1]
    assert (column.name, column.attr_name) == ("keypoints", "keypoints")
    assert column.value is batch.keypoints
    assert _BatchInAugmentation().empty and _BatchInAugmentation().nb_rows == 0
    assert _BatchInAugmentation(images=np.zeros((0, 2, 2, 1), np.uint8)).empty


def test_nb_rows_raises_if_columns_disagree() -> None:
    batch = _BatchInAugmentation(images=_images(3), keypoints=_kpsois(2))
    with pytest.raises(ValueError, match="images=3.*keypoints=2"):
        _ = batch.nb_rows


def test_get_rowwise_shapes() -> None:
    assert _BatchInAugmentation(images=_images(2)).get_rowwise_shapes() == [(4, 5, 1)] * 2
    images = [np.zeros((2, 3, 1), np.uint8), np.zeros((4, 5, 3), np.uint8)]
    assert _BatchInAugmentation(images=images).get_rowwise_shapes() == [(2, 3, 1), (4, 5, 3)]
    batch = _BatchInAugmentation(keypoints=_kpsois(2, shape=(9, 9)),
                                 heatmaps=[HeatmapsOnImage(np.zeros((2, 2), np.float32),
                                                           shape=(7, 7, 3))] * 2)
    assert batch.get_rowwise_shapes() == [(7, 7, 3)] * 2


def test_subselect_rows_keeps_arrays_and_row_seeds() -> None:
    batch = _BatchInAugmentation(images=_images(4), keypoints=_kpsois(4), data="d",
                                 row_seeds=[10, 11, 12, 13])
    sub = batch.subselect_rows_by_indices(np.array([1, 3]))
    assert isinstance(sub.images, np.ndarray) and sub.images.shape == (2, 4, 5, 1)
    assert np.array_equal(sub.images, batch.images[[1, 3]])
    assert sub.keypoints == [batch.keypoints[1], batch.keypoints[3]]
    assert sub.row_seeds == [11, 13] and sub.data == "d"
    empty = batch.subselect_rows_by_indices([])
    assert empty.images is None and empty.keypoints is None and empty.empty


def test_invert_subselect_writes_rows_back_in_place() -> None:
    batch = _BatchInAugmentation(images=_images(4), keypoints=_kpsois(4))
    images_before = batch.images
    sub = batch.subselect_rows_by_indices([0, 2])
    sub.images = sub.images + 100
    sub.keypoints = [kpsoi.shift(x=5) for kpsoi in sub.keypoints]
    result = batch.invert_subselect_rows_by_indices_([0, 2], sub)
    assert result is batch and batch.images is images_before
    expected = _images(4)
    expected[[0, 2]] += 100
    assert np.array_equal(batch.images, expected)
    assert [kpsoi.keypoints[0].x for kpsoi in batch.keypoints] == [5.0, 1.0, 7.0, 3.0]
    untouched = batch.invert_subselect_rows_by_indices_([], batch.subselect_rows_by_indices([]))
    assert np.array_equal(untouched.images, expected)


@pytest.mark.parametrize("new_rows", [
    np.zeros((2, 8, 8, 1), np.uint8),
    np.zeros((2, 4, 5, 1), np.float32),
    [np.zeros((4, 5, 1), np.uint8), np.zeros((2, 2, 1), np.uint8)],
])
def test_invert_subselect_turns_images_into_a_list_when_rows_change(new_rows) -> None:
    batch = _BatchInAugmentation(images=_images(3))
    sub = batch.subselect_rows_by_indices([0, 2])
    sub.images = new_rows
    batch.invert_subselect_rows_by_indices_([0, 2], sub)
    assert isinstance(batch.images, list) and len(batch.images) == 3
    assert batch.images[0] is new_rows[0] or np.array_equal(batch.images[0], new_rows[0])
    assert np.array_equal(batch.images[1], _images(3)[1])


def test_invert_subselect_keeps_an_array_for_a_list_of_matching_rows() -> None:
    batch = _BatchInAugmentation(images=_images(3))
    sub = batch.subselect_rows_by_indices([1])
    sub.images = [np.full((4, 5, 1), 9, np.uint8)]
    batch.invert_subselect_rows_by_indices_([1], sub)
    assert isinstance(batch.images, np.ndarray) and np.all(batch.images[1] == 9)


class _FakeHooks:
    """Propagates everything except the listed columns; records the calls."""

    def __init__(self, blocked: set) -> None:
        self.blocked = blocked
        self.calls: list = []

    def is_propagating(self, value, augmenter, parents, default):
        self.calls.append((value, augmenter, parents, default))
        return not any(value is getattr(self.batch, name) for name in self.blocked)


def test_propagation_hooks_ctx_hides_and_restores_columns() -> None:
    batch = _BatchInAugmentation(images=_images(), keypoints=_kpsois(),
                                 bounding_boxes=[BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1)],
                                                                      (4, 5, 1))] * 3)
    hooks = _FakeHooks({"keypoints"})
    hooks.batch = batch
    keypoints = batch.keypoints
    augmenter, parents = object(), ["parent"]
    with batch.propagation_hooks_ctx(augmenter, hooks, parents) as inside:
        assert inside is batch
        assert batch.keypoints is None and batch.images is not None
        assert batch.get_column_names() == ["images", "bounding_boxes"]
        batch.images = batch.images + 1
    assert batch.keypoints is keypoints and batch.images[0, 0, 0, 0] == 1
    assert len(hooks.calls) == 3
    assert all(call[1] is augmenter and call[2] is parents and call[3] is True
               for call in hooks.calls)


def test_propagation_hooks_are_restored_after_an_exception_and_none_hooks_do_nothing() -> None:
    batch = _BatchInAugmentation(images=_images(), keypoints=_kpsois())
    hooks = _FakeHooks({"images", "keypoints"})
    hooks.batch = batch
    images = batch.images
    with pytest.raises(RuntimeError):
        with batch.propagation_hooks_ctx(None, hooks, []):
            assert batch.images is None and batch.keypoints is None
            raise RuntimeError("boom")
    assert batch.images is images and batch.keypoints is not None
    with batch.propagation_hooks_ctx(None, None, []):
        assert batch.images is images
    assert batch.apply_propagation_hooks_(None, None, []) is None


def test_to_batch_and_fill_from_batch_in_augmentation() -> None:
    before = Batch(images=_images(), keypoints=_kpsois(), data="d", row_seeds=[1, 2, 3])
    inaug = before.to_batch_in_augmentation()
    assert inaug.to_batch_in_augmentation() is inaug
    other = _BatchInAugmentation(images=_images() + 1, keypoints=_kpsois())
    assert inaug.fill_from_batch_in_augmentation_(other) is inaug
    assert inaug.images is other.images and inaug.row_seeds == [1, 2, 3]
    batch = inaug.to_batch(before)
    assert isinstance(batch, Batch)
    assert batch.images_unaug is before.images_unaug and batch.images_aug is other.images
    assert batch.keypoints_aug is other.keypoints
    assert batch.data == "d" and batch.row_seeds == [1, 2, 3]


def test_batch_in_augmentation_deepcopy() -> None:
    batch = _BatchInAugmentation(images=[np.zeros((2, 2, 1), np.uint8)],
                                 keypoints=_kpsois(1), data={"k": [1]}, row_seeds=[5])
    copy = batch.deepcopy()
    assert copy.images[0] is not batch.images[0]
    assert copy.keypoints[0] is not batch.keypoints[0]
    assert copy.data == {"k": [1]} and copy.data["k"] is not batch.data["k"]
    assert copy.row_seeds == [5] and copy.row_seeds is not batch.row_seeds


def test_batches_pickle() -> None:
    unnormalized = UnnormalizedBatch(images=_images(2), keypoints=[[(1.0, 2.0)]] * 2, data=3)
    restored = pickle.loads(pickle.dumps(unnormalized))
    assert restored.keypoints_unaug == [[(1.0, 2.0)]] * 2 and restored.data == 3
    batch = Batch(images=_images(2), keypoints=_kpsois(2), row_seeds=[1, 2])
    restored = pickle.loads(pickle.dumps(batch))
    assert restored.row_seeds == [1, 2] and np.array_equal(restored.images_unaug, _images(2))
    inaug = batch.to_batch_in_augmentation()
    restored = pickle.loads(pickle.dumps(inaug))
    assert restored.nb_rows == 2 and restored.row_seeds == [1, 2]
    assert restored.keypoints[1].keypoints[0].x == 1.0
