"""Augment batches in worker processes: ``aug.pool(...)`` returns a :class:`Pool`.

Every batch is augmented with a seed of its own, ``seed + index of the batch in the call``, so
results do not depend on which worker handled which batch or on the number of processes.
Workers pin OpenCV and BLAS to one thread each.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from imgaug2 import random as iarandom
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch

_WORKER_AUGSEQ = None


def _worker_init(augseq: Any) -> None:
    global _WORKER_AUGSEQ
    from imgaug2._threads import pin_single_thread

    pin_single_thread()
    _WORKER_AUGSEQ = augseq


def _augment_one(job: tuple[int, Any]) -> Any:
    batch_seed, batch = job
    augseq = _WORKER_AUGSEQ
    augseq.seed_(batch_seed)
    return augseq.augment_batch_(batch)


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

    @property
    def pool(self):
        """The underlying ``multiprocessing.Pool`` (created on first use)."""
        if self._pool is None:
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            ctx = multiprocessing.get_context(method)
            self._pool = ctx.Pool(self.processes, initializer=_worker_init,
                                  initargs=(self.augseq,),
                                  maxtasksperchild=self.maxtasksperchild)
        return self._pool

    def _jobs(self, batches: list) -> list[tuple[int, Any]]:
        start = self._batches_done
        self._batches_done += len(batches)
        return [((self.seed + start + i) % (iarandom.SEED_MAX_VALUE + 1), batch)
                for i, batch in enumerate(batches)]

    def map_batches(self, batches: Iterable[Any], chunksize: int | None = None) -> list:
        """Augment batches in parallel; returns the augmented batches in input order."""
        jobs = self._jobs(_check_batches(batches, "map_batches"))
        return self.pool.map(_augment_one, jobs, chunksize=chunksize)

    def map_batches_async(self, batches: Iterable[Any], chunksize: int | None = None,
                          callback: Callable | None = None,
                          error_callback: Callable | None = None):
        """Asynchronous :meth:`map_batches`; returns a ``multiprocessing`` AsyncResult."""
        jobs = self._jobs(_check_batches(batches, "map_batches_async"))
        return self.pool.map_async(_augment_one, jobs, chunksize=chunksize, callback=callback,
                                   error_callback=error_callback)

    def _iter_jobs(self, batches: Iterable[Any], method: str) -> Iterator[tuple[int, Any]]:
        for batch in batches:
            if not isinstance(batch, (Batch, UnnormalizedBatch)):
                raise TypeError(
                    f"Pool.{method}(): each batch must be an imgaug2 Batch or UnnormalizedBatch, "
                    f"got {type(batch).__name__}"
                )
            seed = (self.seed + self._batches_done) % (iarandom.SEED_MAX_VALUE + 1)
            self._batches_done += 1
            yield seed, batch

    def _imap(self, method: str, batches: Iterable[Any], chunksize: int,
              output_buffer_size: int | None) -> Iterator[Any]:
        jobs = self._iter_jobs(batches, method)
        if output_buffer_size is None:
            yield from getattr(self.pool, method.replace("_batches", ""))(
                _augment_one, jobs, chunksize=chunksize)
            return
        if not isinstance(output_buffer_size, int) or output_buffer_size < 1:
            raise ValueError(
                f"output_buffer_size must be None or an int >= 1, got {output_buffer_size!r}")
        # At most output_buffer_size batches are in flight or waiting to be consumed.
        slots = threading.Semaphore(output_buffer_size)

        def bounded() -> Iterator[tuple[int, Any]]:
            for job in jobs:
                slots.acquire()
                yield job

        results = getattr(self.pool, method.replace("_batches", ""))(
            _augment_one, bounded(), chunksize=chunksize)
        for result in results:
            slots.release()
            yield result

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

    def join(self) -> None:
        if self._pool is not None:
            self._pool.join()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
