"""Timing helpers: repeated measurements, min/median/max, and peak RSS."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def measure(fn: Callable[[], Any], repeats: int, warmup: int = 1,
            min_seconds: float = 0.0) -> list[float]:
    """Seconds per call of ``fn``: ``warmup`` untimed calls, then at least ``repeats`` timed
    calls (more until ``min_seconds`` of timed work, at most 10x ``repeats``)."""
    for _ in range(warmup):
        fn()
    times: list[float] = []
    while len(times) < repeats or (sum(times) < min_seconds and len(times) < 10 * repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
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
