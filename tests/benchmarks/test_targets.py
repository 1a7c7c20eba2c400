"""Speed targets computed from a run: ratios, thresholds and the report section."""

from __future__ import annotations

import pytest

from imgaug2.benchmarks import targets
from imgaug2.benchmarks.report import render_markdown


def _case(suite: str, name: str, library: str, ips: float, **extra) -> dict:
    return {"suite": suite, "name": name, "library": library, "images_per_second": ips, **extra}


def _run() -> dict:
    cases = [
        _case("compare", "Fliplr", "imgaug2", 900.0, category="fast"),
        _case("compare", "Fliplr", "raw", 1000.0, category="fast"),
        _case("compare", "Fliplr", "albumentations", 800.0, category="fast"),
        _case("compare", "Fliplr", "imgaug", 100.0, category="fast"),
        _case("compare", "Affine", "imgaug2", 150.0, category="moderate"),
        _case("compare", "Affine", "raw", 200.0, category="moderate"),
        _case("compare", "Affine", "albumentations", 200.0, category="moderate"),
        _case("compare", "Affine", "imgaug", 100.0, category="moderate"),
        _case("batch_vs_single", "Fliplr", "imgaug2", 600.0, mode="batch"),
        _case("batch_vs_single", "Fliplr", "imgaug2", 100.0, mode="single"),
        _case("scaling", "single-process", "imgaug2", 1000.0),
        _case("scaling", "pool-2", "imgaug2", 1800.0, processes=2),
        _case("scaling", "ray-2-actors", "imgaug2_ray", 1260.0, actors=2),
    ]
    return {"schema_version": 1, "created": "now", "config": {"suite": "full"},
            "system": {"cpu": "x", "cores": 2, "python": "3", "numpy": "2", "opencv": "5",
                       "opencv_threads": 1}, "cases": cases}


def _by(rows, target, case):
    (row,) = [r for r in rows if r["target"].startswith(target) and r["case"] == case]
    return row


def test_each_target_is_the_ratio_of_the_measured_rates() -> None:
    rows = targets.evaluate(_run())
    assert _by(rows, "imgaug2/albumentations", "Fliplr")["value"] == pytest.approx(900 / 800)
    assert _by(rows, "imgaug2/albumentations", "Fliplr")["met"] is True
    assert _by(rows, "imgaug2/albumentations", "Affine")["met"] is False
    assert _by(rows, "imgaug2/raw", "Affine")["value"] == pytest.approx(0.75)
    affine = _by(rows, "imgaug2/imgaug >= 3", "Affine")
    assert affine["value"] == pytest.approx(1.5) and affine["met"] is False
    assert affine["ceiling"] == pytest.approx(2.0)
    assert _by(rows, "imgaug2/imgaug >= 1", "Fliplr")["met"] is True
    assert _by(rows, "batch/single", "Fliplr")["value"] == pytest.approx(6.0)
    assert _by(rows, "pool-2 efficiency", "pool-2")["value"] == pytest.approx(0.9)
    assert _by(rows, "Ray / pool", "ray-2-actors")["value"] == pytest.approx(0.7)
    assert targets.summary(rows)["imgaug2/albumentations >= 1"] == {"met": 1, "measured": 2}


def test_report_lists_missed_targets() -> None:
    text = render_markdown([_run()], ["run"])
    assert "### Speed targets" in text
    assert "| imgaug2/imgaug >= 3 | Affine | 1.50 | 2.00 |" in text


def test_ops_where_albumentations_differs_are_marked_not_targeted() -> None:
    run = _run()
    for case in run["cases"]:
        if case["name"] == "Affine" and case["library"] == "albumentations":
            case["differs"] = "another algorithm"
    rows = targets.evaluate(run)
    assert not [r for r in rows if r["target"].startswith("imgaug2/albumentations")
                and r["case"] == "Affine"]
    text = render_markdown([run], ["run"])
    assert "| Affine * |" in text and "another algorithm" in text


def test_libraries_are_only_compared_on_the_same_images() -> None:
    """A library that failed on one shape must not be compared with imgaug2 on another."""
    run = _run()
    run["cases"] = [
        _case("compare", "Crop", "imgaug2", 100.0, category="fast", image_shape=[256, 256, 3]),
        _case("compare", "Crop", "albumentations", 50.0, category="fast",
              image_shape=[256, 256, 3]),
        _case("compare", "Crop", "imgaug2", 400.0, category="fast", image_shape=[224, 224, 3]),
    ]
    rows = targets.evaluate(run)
    (row,) = [r for r in rows if r["target"].startswith("imgaug2/albumentations")]
    assert row["case"] == "Crop (256x256x3)" and row["value"] == pytest.approx(2.0)


def test_every_albumentations_counterpart_takes_all_its_arguments() -> None:
    """albumentations only warns about unknown arguments and then runs its random defaults,
    which would compare different amounts of work."""
    A = pytest.importorskip("albumentations")
    from imgaug2.benchmarks.ops import Op, all_ops, build_albumentations

    for op in all_ops():
        if op.albumentations is not None:
            assert build_albumentations(op, A, (64, 64, 3)) is not None
    wrong = Op("Wrong", "fast", lambda: None, None, lambda A: A.Blur(blur_limit=(5, 5), p=1.0))
    with pytest.raises(ValueError, match="ignored arguments of Wrong"):
        build_albumentations(wrong, A, (64, 64, 3))
