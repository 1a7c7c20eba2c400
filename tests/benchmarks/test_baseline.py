"""The imgaug side of the interleaved comparison: the server protocol of ImgaugSession, run
against a stand-in ``imgaug`` package (the real one needs its own virtualenv)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from imgaug2.benchmarks.baseline import ImgaugSession
from imgaug2.benchmarks.timing import measure_interleaved

_FAKE_IMGAUG = {
    "imgaug/__init__.py": '__version__ = "0.4.0-stand-in"\n',
    "imgaug/augmenters.py": textwrap.dedent("""
        calls = []

        class Invert:
            def __call__(self, images):
                calls.append(len(images))
                return [255 - image for image in images]

        class Broken:
            def __call__(self, images):
                raise ValueError("broken on purpose")
    """),
}


@pytest.fixture()
def session(tmp_path: Path):
    for name, text in _FAKE_IMGAUG.items():
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
    with ImgaugSession(Path(sys.executable), pythonpath=str(tmp_path)) as started:
        yield started


def test_reports_the_versions_it_runs(session: ImgaugSession) -> None:
    assert session.versions["imgaug"] == "0.4.0-stand-in"
    assert session.versions["opencv"] and session.versions["numpy"]


def test_remote_samples_interleave_with_local_ones(session: ImgaugSession) -> None:
    results = measure_interleaved(
        {"local": lambda: None, "imgaug": session.contender("iaa.Invert()", (8, 8, 3), 4)},
        repeats=3, min_sample_seconds=0.0)
    assert len(results["imgaug"]) == 3
    assert all(t > 0 for t in results["imgaug"])


def test_a_failing_augmenter_is_reported_not_fatal(session: ImgaugSession) -> None:
    results = measure_interleaved(
        {"ok": session.contender("iaa.Invert()", (8, 8, 3), 2),
         "broken": session.contender("iaa.Broken()", (8, 8, 3), 2)}, repeats=2,
        min_sample_seconds=0.0)
    assert isinstance(results["broken"], RuntimeError)
    assert "broken on purpose" in str(results["broken"])
    assert len(results["ok"]) == 2
