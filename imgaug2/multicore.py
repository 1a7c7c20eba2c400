"""Augment batches in worker processes: ``aug.pool(...)`` returns a :class:`Pool`.

Every batch is augmented with a seed of its own, ``seed + index of the batch in the call``, so
results do not depend on which worker handled which batch or on the number of processes.
Workers pin OpenCV and BLAS to one thread each. Image data travels through shared memory
(:mod:`imgaug2._shm_transport`), not the pipe, and a worker sends back only the augmented
outputs: each result batch gets the caller's own input objects as its ``*_unaug`` attributes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from imgaug2 import _shm_transport as shm
from imgaug2 import random as iarandom
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch

_WORKER_AUGSEQ = None
_POOL_IDS = itertools.count()


def _worker_init(augseq: Any) -> None:
    global _WORKER_AUGSEQ
    from imgaug2._threads import pin_single_thread

    pin_single_thread()
    _WORKER_AUGSEQ = augseq


def _augment_one(job: tuple[int, int, shm.Packet, str]) -> tuple[int, shm.Packet]:
    """Worker side: unpack a batch, augment it with its seed, send back only the outputs
    (through the same shared-memory segment the batch came in)."""
    index, batch_seed, packet, segment = job
    batch = shm.unpack(packet)
    augseq = _WORKER_AUGSEQ
    augseq.seed_(batch_seed)
    result = augseq.augment_batch_(batch)
    for name in _input_attributes(result):
        setattr(result, name, None)  # the parent still has the inputs: don't send them back
    return index, shm.pack(result, segment)


def _input_attributes(batch: Any) -> list[str]:
    return [name for name in vars(batch) if name.endswith("_unaug")]


def _check_batches(batches: Any, method: str) -> list:
    if isinstance(batches, (Batch, UnnormalizedBatch)):
        raise TypeError(f"Pool.{method}() expects a list of batches, got a single batch")
    batches = list(batches)
    for i, batch in enumerate(batches):
        if not isinstance(batch, (Batch, UnnormalizedBatch)):
            raise TypeError(
                f"Pool.{method}(): batches[{i}] must be an imgaug2 Batch or UnnormalizedBatch, "
                f"got {type(batch).__name__}"
            )
    return batches


def _resolve_processes(processes: int | None) -> int:
    cores = os.cpu_count() or 1
    if processes is None:
        return cores
    if not isinstance(processes, int) or isinstance(processes, bool) or processes == 0:
        raise ValueError(f"processes must be None, a positive or a negative int, got {processes!r}")
    if processes < 0:
        return max(1, cores + processes)
    return processes


class Pool:
    """A process pool bound to one augmenter (use as a context manager).

    Parameters
    ----------
    augseq : Augmenter
        The pipeline each worker runs.
    processes : None or int
        Number of worker processes; None = all cores, ``-k`` = all cores but ``k`` (at least 1).
    maxtasksperchild : None or int
        Restart a worker after this many tasks.
    seed : None or int
        Base seed. Batch ``i`` of each call is augmented with ``seed + i`` (plus an offset that
        grows with every call, so repeated calls differ). None draws a base seed from the
        global RNG.
    """

    def __init__(self, augseq: Any, processes: int | None = None,
                 maxtasksperchild: int | None = None, seed: int | None = None) -> None:
        from imgaug2.augmenters.meta import Augmenter

        if not isinstance(augseq, Augmenter):
            raise TypeError(f"augseq must be an Augmenter, got {type(augseq).__name__}")
        if seed is not None and (not isinstance(seed, int) or seed < 0):
            raise ValueError(f"seed must be None or an int >= 0, got {seed!r}")
        self.augseq = augseq
        self.processes = _resolve_processes(processes)
        self.maxtasksperchild = maxtasksperchild
        self.seed = seed if seed is not None else iarandom.get_global_rng().generate_seed_()
        self._batches_done = 0
        self._pool = None
        self._parent_cv2_threads: int | None = None
        # Shared-memory files of this pool start with this prefix; whatever a crash or an
        # abandoned iterator leaves behind is removed on join/terminate/exit or at the latest
        # when the pool object is collected.
        self._segments = shm.SegmentPool(
            f"imgaug2-{os.getpid()}-{next(_POOL_IDS)}-{id(self):x}", max_idle=4 * self.processes)
        weakref.finalize(self, shm.remove_segments, self._segments.prefix)

    @property
    def pool(self):
        """The underlying ``multiprocessing.Pool`` (created on first use)."""
        if self._pool is None:
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            if method == "fork":
                self._pin_parent_opencv()
            ctx = multiprocessing.get_context(method)
            self._pool = ctx.Pool(self.processes, initializer=_worker_init,
                                  initargs=(self.augseq,),
                                  maxtasksperchild=self.maxtasksperchild)
        return self._pool

    def _pin_parent_opencv(self) -> None:
        """Stop OpenCV's thread pool in this process while the pool can fork workers.

        A child forked while OpenCV's worker threads exist inherits their locks but not the
        threads, and hangs in its first parallel OpenCV call. Worker processes are (re)forked
        at any time while the pool is open, so the parent stays at one OpenCV thread until
        :meth:`close`/:meth:`terminate`/``__exit__``, then gets its setting back.
        """
        import cv2

        if self._parent_cv2_threads is None:
            self._parent_cv2_threads = cv2.getNumThreads()
            cv2.setNumThreads(1)

    def _restore_parent_opencv(self) -> None:
        if self._parent_cv2_threads is not None:
            import cv2

            cv2.setNumThreads(self._parent_cv2_threads)
            self._parent_cv2_threads = None

    def _job(self, index: int, batch: Any) -> tuple[int, int, shm.Packet, str]:
        seed = (self.seed + self._batches_done) % (iarandom.SEED_MAX_VALUE + 1)
        self._batches_done += 1
        segment = self._segments.acquire()
        return index, seed, shm.pack(batch, segment), segment

    def _discard(self, jobs: list) -> None:
        for job in jobs:
            shm.remove_segment(job[3])

    def _result(self, raw: tuple[int, shm.Packet], inputs: Any) -> Any:
        index, packet = raw
        result = shm.unpack(packet)
        if packet.segment is not None:
            self._segments.release(packet.segment)
        source = inputs.pop(index) if isinstance(inputs, dict) else inputs[index]
        for name in _input_attributes(source):
            setattr(result, name, getattr(source, name))
        return result

    def map_batches(self, batches: Iterable[Any], chunksize: int | None = None) -> list:
        """Augment batches in parallel; returns the augmented batches in input order."""
        batches = _check_batches(batches, "map_batches")
        if chunksize is None:  # multiprocessing's default: about four chunks per worker
            chunksize = max(1, -(-len(batches) // (4 * self.processes)))
        # Lazily, so that packing the next batches overlaps with the workers' augmentation.
        return list(self._imap("imap_batches", batches, chunksize, None))

    def map_batches_async(self, batches: Iterable[Any], chunksize: int | None = None,
                          callback: Callable | None = None,
                          error_callback: Callable | None = None) -> _AsyncBatches:
        """Asynchronous :meth:`map_batches`; ``get()`` of the returned object gives the batches."""
        batches = _check_batches(batches, "map_batches_async")
        jobs = [self._job(i, batch) for i, batch in enumerate(batches)]
        return _AsyncBatches(self, jobs, batches, chunksize, callback, error_callback)

    def _iter_jobs(self, batches: Iterable[Any], method: str,
                   inputs: dict) -> Iterator[tuple[int, int, shm.Packet, str]]:
        for index, batch in enumerate(batches):
            if not isinstance(batch, (Batch, UnnormalizedBatch)):
                raise TypeError(
                    f"Pool.{method}(): each batch must be an imgaug2 Batch or UnnormalizedBatch, "
                    f"got {type(batch).__name__}"
                )
            inputs[index] = batch
            yield self._job(index, batch)

    def _imap(self, method: str, batches: Iterable[Any], chunksize: int,
              output_buffer_size: int | None) -> Iterator[Any]:
        if output_buffer_size is not None and (
                not isinstance(output_buffer_size, int) or output_buffer_size < 1):
            raise ValueError(
                f"output_buffer_size must be None or an int >= 1, got {output_buffer_size!r}")
        # The pool's feeder thread pulls jobs as fast as it can, and packed jobs no longer
        # fill the pipe, so bound the batches in flight (default: a few per worker).
        in_flight = output_buffer_size or 4 * self.processes * chunksize
        # keep as many segments as can be in flight: deleting the surplus after every call
        # and re-creating it in the next cost more than the augmentation saved by a 2nd worker
        # (the memory is in use during each call anyway; close/join/exit frees it)
        self._segments.max_idle = max(self._segments.max_idle, in_flight + self.processes)
        slots = threading.Semaphore(in_flight)
        inputs: dict[int, Any] = {}

        def bounded() -> Iterator[tuple[int, int, shm.Packet, str]]:
            for job in self._iter_jobs(batches, method, inputs):
                slots.acquire()
                yield job

        results = getattr(self.pool, method.replace("_batches", ""))(
            _augment_one, bounded(), chunksize=chunksize)
        for raw in results:
            slots.release()
            yield self._result(raw, inputs)

    def imap_batches(self, batches: Iterable[Any], chunksize: int = 1,
                     output_buffer_size: int | None = None) -> Iterator[Any]:
        """Lazily augment an iterable (e.g. a generator) of batches, yielding in order.

        ``output_buffer_size`` bounds how many batches are in flight (memory control).
        """
        yield from self._imap("imap_batches", batches, chunksize, output_buffer_size)

    def imap_batches_unordered(self, batches: Iterable[Any], chunksize: int = 1,
                               output_buffer_size: int | None = None) -> Iterator[Any]:
        """Like :meth:`imap_batches` but yields results as soon as they are ready."""
        yield from self._imap("imap_batches_unordered", batches, chunksize, output_buffer_size)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()

    def terminate(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
        self._segments.clear()
        self._restore_parent_opencv()

    def join(self) -> None:
        if self._pool is not None:
            self._pool.join()
        self._segments.clear()
        self._restore_parent_opencv()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        self._segments.clear()
        self._restore_parent_opencv()


class _AsyncBatches:
    """What :meth:`Pool.map_batches_async` returns: an ``AsyncResult`` whose value is the list
    of augmented batches (decoded once, in the callback or in the first ``get``)."""

    def __init__(self, owner: Pool, jobs: list, batches: list, chunksize: int | None,
                 callback: Callable | None, error_callback: Callable | None) -> None:
        self._owner = owner
        self._batches = batches
        self._jobs = jobs
        self._lock = threading.Lock()
        self._decoded: list | None = None
        self._user_callback = callback

        def on_error(exc: BaseException) -> None:
            owner._discard(jobs)
            if error_callback is not None:
                error_callback(exc)

        self._inner = owner.pool.map_async(_augment_one, jobs, chunksize=chunksize,
                                           callback=self._on_done, error_callback=on_error)

    def _decode(self, raw: list) -> list:
        with self._lock:
            if self._decoded is None:
                self._decoded = [self._owner._result(r, self._batches) for r in raw]
            return self._decoded

    def _on_done(self, raw: list) -> None:
        decoded = self._decode(raw)
        if self._user_callback is not None:
            self._user_callback(decoded)

    def get(self, timeout: float | None = None) -> list:
        return self._decode(self._inner.get(timeout))

    def wait(self, timeout: float | None = None) -> None:
        self._inner.wait(timeout)

    def ready(self) -> bool:
        return self._inner.ready()

    def successful(self) -> bool:
        return self._inner.successful()
