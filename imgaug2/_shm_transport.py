"""Move pickled objects between processes with their large arrays in shared-memory files.

``pack(obj, segment)`` pickles ``obj`` with protocol 5 and writes every out-of-band buffer (the
data of contiguous NumPy arrays) into the file ``segment`` under ``/dev/shm``; only the small
pickle and the buffer layout travel through the pipe. ``unpack(packet)`` reads the buffers back
into fresh arrays. Segments are reused (a :class:`SegmentPool` hands them out): writing into
pages a file already has is a plain memory copy, whereas a new file first has to get its pages
from the kernel, which costs several times more. Where ``/dev/shm`` is missing or full, or the
object holds little array data, the packet carries an ordinary pickle instead.

This module knows nothing of augmenters; :mod:`imgaug2.multicore` uses it for pool traffic.
Set ``IMGAUG2_POOL_SHM=0`` to send everything through the pipe.
"""

from __future__ import annotations

import glob
import os
import pickle
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

SHM_DIR = "/dev/shm"
MIN_SHARED_BYTES = 128 * 1024   # below this, a plain pickle through the pipe is as fast
_ALIGN = 64


@dataclass(frozen=True)
class Packet:
    """A pickled object; its array buffers are in the file ``segment`` when that is not None."""

    data: bytes
    segment: str | None = None
    layout: tuple[tuple[int, int], ...] = ()


def shared_memory_enabled() -> bool:
    """True when large buffers go through ``/dev/shm`` (present, not disabled by the env var)."""
    return os.environ.get("IMGAUG2_POOL_SHM", "1") != "0" and os.path.isdir(SHM_DIR)


def pack(obj: Any, segment: str | None) -> Packet:
    """Pickle ``obj``, writing its array buffers into the shared-memory file ``segment``."""
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(obj, protocol=5, buffer_callback=buffers.append)
    if not buffers:
        return Packet(data)
    views = [buffer.raw() for buffer in buffers]
    if segment is None or sum(v.nbytes for v in views) < MIN_SHARED_BYTES \
            or not shared_memory_enabled():
        return Packet(pickle.dumps(obj, protocol=5))
    chunks: list[Any] = []
    layout = []
    offset = 0
    for view in views:
        layout.append((offset, view.nbytes))
        chunks.append(view)
        offset += view.nbytes
        pad = -offset % _ALIGN
        if pad:
            chunks.append(bytes(pad))
            offset += pad
    try:
        fd = os.open(os.path.join(SHM_DIR, segment), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            _write_all(fd, chunks, offset)
        finally:
            os.close(fd)
    except OSError:  # /dev/shm full or not writable: the pipe still works
        return Packet(pickle.dumps(obj, protocol=5))
    return Packet(data, segment, tuple(layout))


def _write_all(fd: int, chunks: list[Any], total: int) -> None:
    written = os.pwritev(fd, chunks, 0)
    if written != total:  # short write: finish buffer by buffer
        position = 0
        for chunk in chunks:
            size = memoryview(chunk).nbytes
            if position + size > written:
                start = max(0, written - position)
                os.pwrite(fd, memoryview(chunk).cast("B")[start:], position + start)
            position += size


def unpack(packet: Packet) -> Any:
    """Rebuild the object of a :class:`Packet` (its arrays own their memory)."""
    if packet.segment is None:
        return pickle.loads(packet.data)
    buffers = [np.empty(nbytes, dtype=np.uint8) for _, nbytes in packet.layout]
    fd = os.open(os.path.join(SHM_DIR, packet.segment), os.O_RDONLY)
    try:
        for buffer, (offset, nbytes) in zip(buffers, packet.layout):
            if nbytes and os.preadv(fd, [buffer], offset) != nbytes:
                raise OSError(f"shared-memory segment {packet.segment} is truncated")
    finally:
        os.close(fd)
    return pickle.loads(packet.data, buffers=buffers)


class SegmentPool:
    """Hands out shared-memory file names with a common prefix and reuses returned ones.

    At most ``max_idle`` returned files are kept; the rest are deleted. :meth:`clear` deletes
    every file with the prefix (also those a crashed worker or an abandoned job left behind).
    """

    def __init__(self, prefix: str, max_idle: int = 8) -> None:
        self.prefix = prefix
        self.max_idle = max_idle
        self._idle: list[str] = []
        self._count = 0
        self._lock = threading.Lock()

    def acquire(self) -> str:
        with self._lock:
            if self._idle:
                return self._idle.pop()
            self._count += 1
            return f"{self.prefix}-{self._count}"

    def release(self, segment: str) -> None:
        with self._lock:
            if len(self._idle) < self.max_idle:
                self._idle.append(segment)
                return
        remove_segment(segment)

    def clear(self) -> int:
        with self._lock:
            self._idle.clear()
        return remove_segments(self.prefix)


def remove_segment(segment: str) -> None:
    try:
        os.unlink(os.path.join(SHM_DIR, segment))
    except FileNotFoundError:
        pass


def remove_segments(prefix: str) -> int:
    """Delete the files under ``/dev/shm`` whose names start with ``prefix``; returns how many."""
    removed = 0
    for path in glob.glob(os.path.join(SHM_DIR, glob.escape(prefix) + "-*")):
        try:
            os.unlink(path)
            removed += 1
        except FileNotFoundError:
            pass
    return removed
