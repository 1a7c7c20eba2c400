"""The examples run end to end on tiny data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_torch_dataloader_example_is_worker_independent() -> None:
    pytest.importorskip("torch")
    module = _load("torch_dataloader")
    with_workers = module.main(["--workers", "2", "--n", "8"])
    without = module.main(["--workers", "0", "--n", "8"])
    assert with_workers == without          # keyed: same result for any number of workers
    assert with_workers[0] != with_workers[1]  # epochs differ


@pytest.mark.ray
@pytest.mark.timeout(300)
def test_offline_parquet_example(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    from tests.imgaug2_ray.conftest import write_images

    write_images(tmp_path / "in", 5)
    summary = _load("offline_parquet").main([str(tmp_path / "in"), str(tmp_path / "out"),
                                            "--repeats", "2", "--actors", "1"])
    assert summary["rows_written"] == 10 and summary["read_back"] == 10


@pytest.mark.ray
@pytest.mark.timeout(300)
def test_demo_writes_shards_preview_and_report(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    report = _load("demo").main(["--output", str(tmp_path / "demo"), "--actors", "1"])
    assert report["job"]["rows_written"] == 12 and report["job"]["errors"] == 0
    assert (tmp_path / "demo" / "preview.png").stat().st_size > 10_000
    assert json.loads((tmp_path / "demo" / "report.json").read_text())["rows_read_back"] == 12
    assert (tmp_path / "demo" / "shards" / "_SUCCESS").exists()


@pytest.mark.ray
@pytest.mark.timeout(400)
def test_ray_train_example_reaugments_each_epoch() -> None:
    pytest.importorskip("torch")
    pytest.importorskip("ray")
    import subprocess

    proc = subprocess.run([sys.executable, str(EXAMPLES / "ray_train.py"), "--epochs", "2",
                           "--n", "16"], capture_output=True, text=True, timeout=380)
    assert proc.returncode == 0, proc.stderr[-3000:]
    metrics = json.loads(proc.stdout.strip().splitlines()[-1])
    assert metrics["epoch"] == 1 and metrics["loss"] > 0
    first, second = metrics["epoch_checksums"]
    assert first != second


@pytest.mark.timeout(120)
def test_benchmark_pipeline_example_reports_every_way_of_calling() -> None:
    report = _load("benchmark_pipeline").main(
        ["--size", "32", "--batch", "2", "--batches", "2", "--processes", "2", "--repeats", "2"])
    assert set(report["images_per_second"]) == {"batch", "single", "pool-2"}
    assert all(rate > 0 for rate in report["images_per_second"].values())
    assert report["batch_over_single"] > 0 and report["pool_efficiency"] > 0
