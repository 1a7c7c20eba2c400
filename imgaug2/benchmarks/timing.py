"""Timing helpers: repeated measurements, min/median/max, and peak RSS."""

from __future__ import annotations

import math
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def measure(fn: Callable[[], Any], repeats: int, warmup: int = 1,
            min_seconds: float = 0.0, min_sample_seconds: float = 0.02) -> list[float]:
    """Seconds per call of ``fn``: ``warmup`` untimed calls, then at least ``repeats`` samples
    (more until ``min_seconds`` of timed work, at most 10x ``repeats``).

    Each sample is the mean over enough back-to-back calls to last ``min_sample_seconds``
    (calibrated on one extra call, as ``timeit`` does), so that microsecond ops are not
    measured at the resolution of a scheduler tick on a shared machine.
    """
    for _ in range(warmup):
        fn()
    inner = _calibrate(fn, min_sample_seconds)
    times: list[float] = []
    while len(times) < repeats or (sum(times) < min_seconds and len(times) < 10 * repeats):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - start) / inner)
    return times


def _calibrate(fn: Callable[[], Any], min_sample_seconds: float) -> int:
    """How many back-to-back calls of ``fn`` last ``min_sample_seconds`` (one timed call)."""
    start = time.perf_counter()
    fn()
    return _calls_per_sample(time.perf_counter() - start, min_sample_seconds)


def _calls_per_sample(once: float, min_sample_seconds: float) -> int:
    """Calls of ``once`` seconds each that last ``min_sample_seconds`` (1..1000)."""
    if once >= min_sample_seconds:
        return 1
    return min(1000, math.ceil(min_sample_seconds / max(once, 1e-7)))


class Contender:
    """One side of an interleaved comparison that is not a local function (e.g. a library
    running in another process): it times its own calls, so no transport cost is counted."""

    def warm(self) -> None:
        """Prepare and make one untimed call."""
        raise NotImplementedError

    def time_calls(self, count: int, settle_seconds: float) -> float:
        """Seconds per call over ``count`` back-to-back calls, after ``settle_seconds`` of
        untimed calls (at least one call when ``settle_seconds > 0``)."""
        raise NotImplementedError


class _LocalContender(Contender):
    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn

    def warm(self) -> None:
        self.fn()

    def time_calls(self, count: int, settle_seconds: float) -> float:
        fn = self.fn
        _settle(fn, settle_seconds)
        start = time.perf_counter()
        for _ in range(count):
            fn()
        return (time.perf_counter() - start) / count


def measure_interleaved(fns: dict[str, Callable[[], Any] | Contender], repeats: int,
                        min_sample_seconds: float = 0.02,
                        settle_seconds: float = 0.005) -> dict[str, list[float] | Exception]:
    """Seconds per call of each contender (a function, or a :class:`Contender` such as a
    library in another process), sampled round-robin (one sample of each per round), so
    that load changes on a shared machine hit every contender alike and their ratios stay
    meaningful. A contender that fails to warm up gets its exception instead of times.

    The first calls after switching contenders pay for what the previous one left behind
    (measured here: after albumentations' flips, the next 5-6 calls of any contender took 2-4x
    as long while the heap grew back). So each sample is preceded by ``settle_seconds`` of
    untimed calls, and every round starts with the next contender in turn: no contender is
    always the one that follows another. Calls that take ``10 * settle_seconds`` or longer
    are not settled (the penalty is then a few percent at most).
    """
    results: dict[str, list[float] | Exception] = {}
    plan: dict[str, tuple[Contender, int, float]] = {}
    for name, fn in fns.items():
        contender = fn if isinstance(fn, Contender) else _LocalContender(fn)
        try:
            contender.warm()
            once = contender.time_calls(1, 0.0)
        except Exception as exc:  # noqa: BLE001 - reported per contender
            results[name] = exc
            continue
        count = _calls_per_sample(once, min_sample_seconds)
        plan[name] = (contender, count, settle_seconds if once < 10 * settle_seconds else 0.0)
        results[name] = []
    names = list(plan)
    for round_index in range(repeats):
        shift = round_index % len(names) if names else 0
        for name in names[shift:] + names[:shift]:
            contender, count, settle = plan[name]
            results[name].append(contender.time_calls(count, settle))
    return results


def _settle(fn: Callable[[], Any], seconds: float) -> None:
    """Untimed calls of ``fn`` for about ``seconds`` (at least one call when ``seconds > 0``)."""
    if seconds <= 0:
        return
    end = time.perf_counter() + seconds
    fn()
    while time.perf_counter() < end:
        fn()


def summarize(times: list[float], images_per_call: int) -> dict[str, float]:
    median = statistics.median(times)
    return {
        "seconds_min": min(times),
        "seconds_median": median,
        "seconds_max": max(times),
        "repeats": len(times),
        "images_per_second": images_per_call / median if median > 0 else float("inf"),
    }


def peak_rss_bytes() -> int:
    """Peak resident set size of this process so far.

    Linux: ``VmHWM`` of the process's own memory map. ``ru_maxrss`` is not used there: it is
    inherited across fork and kept across exec, so a fresh subprocess would report its
    parent's peak.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
