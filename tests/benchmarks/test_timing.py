"""The interleaved sampler: fair order and settling (never the timings themselves)."""

from __future__ import annotations

import time
from itertools import groupby

from imgaug2.benchmarks.timing import measure_interleaved


def _logging_contenders(log: list[str], names: str) -> dict:
    return {name: (lambda name=name: log.append(name)) for name in names}


def test_every_round_starts_with_the_next_contender() -> None:
    log: list[str] = []
    measure_interleaved(_logging_contenders(log, "abc"), repeats=3, min_sample_seconds=0.0)
    blocks = [name for name, _ in groupby(log)]  # settle + timed calls of a sample merge
    assert blocks == list("abc" + "abc" + "bca" + "cab")  # warm-up, then rotated rounds


def test_each_sample_is_preceded_by_untimed_settling_calls() -> None:
    plain: list[str] = []
    measure_interleaved(_logging_contenders(plain, "ab"), repeats=4, min_sample_seconds=0.0,
                        settle_seconds=0.0)
    settled: list[str] = []
    measure_interleaved(_logging_contenders(settled, "ab"), repeats=4, min_sample_seconds=0.0,
                        settle_seconds=1e-3)
    # warm-up + calibration + one call per sample; settling adds at least one per sample
    assert plain.count("a") == 2 + 4
    assert settled.count("a") >= 2 + 2 * 4


def test_calls_much_longer_than_the_settling_time_are_not_settled() -> None:
    log: list[str] = []

    def slow() -> None:
        log.append("slow")
        time.sleep(0.002)

    measure_interleaved({"slow": slow}, repeats=3, min_sample_seconds=0.0,
                        settle_seconds=1e-4)
    assert log.count("slow") == 2 + 3


def test_a_contender_that_raises_gets_its_exception() -> None:
    def broken() -> None:
        raise RuntimeError("no")

    results = measure_interleaved({"ok": lambda: None, "broken": broken}, repeats=2,
                                  min_sample_seconds=0.0)
    assert isinstance(results["broken"], RuntimeError)
    assert len(results["ok"]) == 2
