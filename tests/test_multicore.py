"""aug.pool(): reproducible per-batch seeds, any process count, all map variants."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
from imgaug2.multicore import Pool


def _batches(n: int = 4):
    rng = np.random.default_rng(0)
    return [UnnormalizedBatch(images=[rng.integers(0, 255, (24, 24, 3), dtype=np.uint8)
                                      for _ in range(3)]) for _ in range(n)]


def _aug():
    return iaa.Sequential([iaa.Fliplr(0.5), iaa.Affine(rotate=(-30, 30)),
                           iaa.AdditiveGaussianNoise(scale=(0, 20))])


def _images(results):
    return [np.stack(b.images_aug) for b in results]


@pytest.mark.timeout(120)
def test_same_seed_same_output_for_any_process_count() -> None:
    with _aug().pool(processes=1, seed=3) as pool:
        one = _images(pool.map_batches(_batches()))
    with _aug().pool(processes=2, seed=3) as pool:
        two = _images(pool.map_batches(_batches(), chunksize=1))
    assert all(np.array_equal(a, b) for a, b in zip(one, two))
    with _aug().pool(processes=2, seed=4) as pool:
        other = _images(pool.map_batches(_batches()))
    assert not all(np.array_equal(a, b) for a, b in zip(one, other))


@pytest.mark.timeout(120)
def test_imap_variants_and_async() -> None:
    batches = _batches(5)
    with _aug().pool(processes=2, seed=1) as pool:
        ordered = _images(pool.map_batches(batches))
    with _aug().pool(processes=2, seed=1) as pool:
        lazy = _images(pool.imap_batches(iter(batches), output_buffer_size=2))
    with _aug().pool(processes=2, seed=1) as pool:
        unordered = _images(pool.imap_batches_unordered(batches))
    with _aug().pool(processes=2, seed=1) as pool:
        async_result = _images(pool.map_batches_async(batches).get(timeout=60))
    assert all(np.array_equal(a, b) for a, b in zip(ordered, lazy))
    assert all(np.array_equal(a, b) for a, b in zip(ordered, async_result))
    assert sorted(x.sum() for x in unordered) == sorted(x.sum() for x in ordered)


@pytest.mark.timeout(60)
def test_batch_types_are_kept_and_annotations_augmented() -> None:
    from imgaug2.augmentables.kps import KeypointsOnImage

    image = np.zeros((20, 30, 3), dtype=np.uint8)
    kps = KeypointsOnImage.from_xy_array([[2.5, 3.5]], shape=image.shape)
    batch = Batch(images=[image], keypoints=[kps])
    with iaa.Fliplr(1.0).pool(processes=1, seed=0) as pool:
        (result,) = pool.map_batches([batch])
    assert isinstance(result, Batch)
    assert np.allclose(result.keypoints_aug[0].to_xy_array(), [[27.5, 3.5]])


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="augseq"):
        Pool("not an augmenter")
    with pytest.raises(ValueError, match="processes"):
        Pool(iaa.Identity(), processes=0)
    with pytest.raises(ValueError, match="seed"):
        Pool(iaa.Identity(), seed=-1)
    pool = Pool(iaa.Identity(), processes=1)
    with pytest.raises(TypeError, match="list of batches"):
        pool.map_batches(UnnormalizedBatch(images=[np.zeros((4, 4, 3), np.uint8)]))
    with pytest.raises(TypeError, match="batches\\[0\\]"):
        pool.map_batches([np.zeros((1, 4, 4, 3), np.uint8)])
    pool.close()


def test_negative_processes_means_all_but_n() -> None:
    import os

    assert Pool(iaa.Identity(), processes=-1).processes == max(1, (os.cpu_count() or 1) - 1)


def test_augment_batches_background_matches_foreground_types() -> None:
    images = np.zeros((2, 8, 8, 3), dtype=np.uint8)
    out = list(iaa.Identity().augment_batches([images, images], background=True))
    assert len(out) == 2 and all(np.array_equal(o, images) for o in out)


def _segments_of(pool: Pool) -> list[str]:
    import glob
    import os

    return glob.glob(os.path.join("/dev/shm", pool._segments.prefix + "-*"))


def _large_batches(n: int = 3):
    rng = np.random.default_rng(1)
    return [UnnormalizedBatch(images=rng.integers(0, 255, (4, 128, 128, 3), dtype=np.uint8))
            for _ in range(n)]


@pytest.mark.timeout(120)
def test_shared_memory_and_pipe_give_the_same_batches(monkeypatch) -> None:
    batches = _large_batches()
    with _aug().pool(processes=2, seed=5) as pool:
        shared = _images(pool.map_batches(batches))
        assert _segments_of(pool)  # large batches did travel through /dev/shm
    assert not _segments_of(pool)  # and nothing is left behind on exit
    monkeypatch.setenv("IMGAUG2_POOL_SHM", "0")
    with _aug().pool(processes=2, seed=5) as pool:
        piped = _images(pool.map_batches(batches))
    assert all(np.array_equal(a, b) for a, b in zip(shared, piped))


@pytest.mark.timeout(120)
def test_results_keep_the_callers_inputs_and_fresh_outputs() -> None:
    batches = _large_batches(2)
    with iaa.Fliplr(1.0).pool(processes=1, seed=0) as pool:
        results = pool.map_batches(batches)
        lazy = list(pool.imap_batches(iter(batches)))
    for batch, result in zip(batches, results + lazy):
        assert result.images_unaug is batch.images_unaug
        assert np.array_equal(result.images_aug, batch.images_unaug[:, :, ::-1])
        assert result.images_aug.flags.writeable


class _Boom(iaa.Identity):
    def _augment_batch_(self, batch, random_state, parents, hooks):
        raise RuntimeError("boom in worker")


@pytest.mark.timeout(120)
def test_worker_errors_propagate_and_leave_no_segments() -> None:
    pool = _Boom().pool(processes=1, seed=0)
    with pool, pytest.raises(RuntimeError, match="boom in worker"):
        pool.map_batches(_large_batches(2))
    assert not _segments_of(pool)
    pool = _Boom().pool(processes=1, seed=0)
    errors = []
    with pool:
        result = pool.map_batches_async(_large_batches(2), error_callback=errors.append)
        with pytest.raises(RuntimeError, match="boom in worker"):
            result.get(timeout=60)
    assert len(errors) == 1 and not _segments_of(pool)


@pytest.mark.timeout(120)
def test_async_callback_receives_decoded_batches() -> None:
    received = []
    batches = _large_batches(2)
    with iaa.Flipud(1.0).pool(processes=1, seed=0) as pool:
        async_result = pool.map_batches_async(batches, callback=received.append)
        got = async_result.get(timeout=60)
        assert async_result.ready() and async_result.successful()
    assert received == [got]
    assert np.array_equal(got[0].images_aug, batches[0].images_unaug[:, ::-1])


_FORK_AFTER_PARALLEL_OPENCV = """
import sys
import cv2
import numpy as np
import imgaug2.augmenters as iaa
from imgaug2.augmentables.batches import UnnormalizedBatch
cv2.setNumThreads(4)
img = np.random.default_rng(0).integers(0, 256, (384, 384, 3), dtype=np.uint8)
field = np.random.default_rng(1).random((384, 384, 2)).astype(np.float32) * 380
batches = [UnnormalizedBatch(images=[img[:32, :32]])]
for _ in range(40):
    cv2.remap(img.astype(np.float32), field, None, cv2.INTER_CUBIC)  # OpenCV threads busy
    with iaa.Fliplr(0.5).pool(processes=2, seed=0) as pool:
        pool.map_batches(batches)
        assert cv2.getNumThreads() == 1
    assert cv2.getNumThreads() == 4
print("ok")
"""


@pytest.mark.timeout(120)
def test_workers_forked_after_parallel_opencv_work_do_not_hang() -> None:
    # Forking while OpenCV's worker threads exist used to hang the child in
    # cv2.setNumThreads; the pool now parks the parent's OpenCV pool while it is open.
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _FORK_AFTER_PARALLEL_OPENCV],
                          capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
