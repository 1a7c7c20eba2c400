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
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    inner = 1 if once >= min_sample_seconds else min(1000, math.ceil(min_sample_seconds
                                                                     / max(once, 1e-7)))
    times: list[float] = []
    while len(times) < repeats or (sum(times) < min_seconds and len(times) < 10 * repeats):
        start = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - start) / inner)
    return times


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
