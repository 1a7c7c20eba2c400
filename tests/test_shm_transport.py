"""Shared-memory packets: exact round trips, pipe fallback, segment reuse and cleanup."""

from __future__ import annotations

import os

import numpy as np
import pytest

from imgaug2 import _shm_transport as shm

pytestmark = pytest.mark.skipif(not os.path.isdir(shm.SHM_DIR), reason="no /dev/shm")


@pytest.fixture()
def segments():
    pool = shm.SegmentPool(f"imgaug2-test-{os.getpid()}", max_idle=1)
    yield pool
    pool.clear()


def _payload() -> dict:
    rng = np.random.default_rng(0)
    return {
        "u8": rng.integers(0, 256, (64, 80, 3), dtype=np.uint8),
        "f32": rng.normal(size=(50, 70)).astype(np.float32),
        "i16_fortran": np.asfortranarray(rng.integers(-900, 900, (40, 33), dtype=np.int16)),
        "strided": rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)[::2, 1::3],
        "bool": rng.random((31, 17)) > 0.5,
        "big": rng.integers(0, 256, (256, 256, 3), dtype=np.uint8),
        "text": "a label", "nested": [1, (2.5, None)],
    }


def _assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for key, value in a.items():
        if isinstance(value, np.ndarray):
            assert b[key].dtype == value.dtype and b[key].shape == value.shape, key
            assert np.array_equal(b[key], value), key
            assert b[key].flags.writeable, key
        else:
            assert b[key] == value, key


def test_round_trip_through_a_segment_is_exact(segments) -> None:
    name = segments.acquire()
    payload = _payload()
    packet = shm.pack(payload, name)
    assert packet.segment == name and len(packet.data) < 10_000  # arrays are not in the pickle
    _assert_same(payload, shm.unpack(packet))
    assert all(offset % 64 == 0 for offset, _ in packet.layout)


def test_small_objects_and_disabled_shared_memory_use_the_pipe(segments, monkeypatch) -> None:
    small = {"image": np.zeros((8, 8, 3), np.uint8)}
    packet = shm.pack(small, segments.acquire())
    assert packet.segment is None
    _assert_same(small, shm.unpack(packet))
    assert shm.pack({"no": "arrays"}, segments.acquire()).segment is None
    monkeypatch.setenv("IMGAUG2_POOL_SHM", "0")
    payload = _payload()
    packet = shm.pack(payload, segments.acquire())
    assert packet.segment is None
    _assert_same(payload, shm.unpack(packet))


def test_a_reused_segment_carries_a_smaller_then_larger_object(segments) -> None:
    name = segments.acquire()
    big = {"a": np.full((300, 300, 3), 7, np.uint8)}
    small = {"a": np.full((200, 250, 3), 9, np.uint8)}
    for payload in (big, small, big):
        _assert_same(payload, shm.unpack(shm.pack(payload, name)))


def test_segment_pool_reuses_names_and_clear_removes_files(segments) -> None:
    first = segments.acquire()
    shm.pack(_payload(), first)
    segments.release(first)
    assert segments.acquire() == first
    second = segments.acquire()
    assert second != first
    shm.pack(_payload(), second)
    segments.release(first)
    segments.release(second)  # max_idle=1: deleted instead of kept
    assert not os.path.exists(os.path.join(shm.SHM_DIR, second))
    assert segments.clear() == 1
    assert not os.path.exists(os.path.join(shm.SHM_DIR, first))


def test_truncated_segment_raises(segments) -> None:
    name = segments.acquire()
    packet = shm.pack(_payload(), name)
    os.truncate(os.path.join(shm.SHM_DIR, name), 100)
    with pytest.raises(OSError, match="truncated"):
        shm.unpack(packet)
