"""Smoke test of the benchmark runner on tiny sizes: the JSON schema, report and charts
(never the timings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imgaug2.benchmarks.cli import main
from imgaug2.benchmarks.report import ratios
from imgaug2.benchmarks.schema import validate_run


@pytest.mark.timeout(300)
def test_smoke_run_writes_valid_json_report_and_chart(tmp_path: Path, capsys) -> None:
    pytest.importorskip("jsonschema")
    main(["--suite", "smoke", "--output", str(tmp_path)])
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    data = json.loads(Path(summary["json"]).read_text())
    validate_run(data)
    assert data["system"]["cores"] >= 1 and data["system"]["opencv_threads"] == 1
    libraries = {c["library"] for c in data["cases"] if "images_per_second" in c}
    assert {"imgaug2", "raw"} <= libraries
    assert any(r.get("vs_raw") for r in ratios(data))
    report = (tmp_path / "report.md").read_text()
    assert "imgaug2/raw" in report and "Keyed vs classic" in report
    pytest.importorskip("matplotlib")
    assert list(tmp_path.glob("ratios-*.png"))
    # the report command renders several runs side by side
    main(["report", summary["json"], summary["json"], "--output", str(tmp_path / "cmp"),
          "--no-charts"])
    assert (tmp_path / "cmp" / "report.md").read_text().count("## run-smoke") == 2


def test_schema_rejects_a_broken_file() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    with pytest.raises(jsonschema.ValidationError):
        validate_run({"schema_version": 1, "created": "x", "system": {}, "config": {},
                      "cases": []})


def test_peak_rss_of_a_fresh_process_is_its_own() -> None:
    """A subprocess must not report its parent's peak (ru_maxrss is inherited on Linux)."""
    import subprocess
    import sys

    import numpy as np

    from imgaug2.benchmarks.timing import peak_rss_bytes

    ballast = np.ones(200 * 2**20, dtype=np.uint8)  # raise this process's peak by 200 MiB
    assert peak_rss_bytes() >= ballast.nbytes
    child = subprocess.run(
        [sys.executable, "-c",
         "from imgaug2.benchmarks.timing import peak_rss_bytes; print(peak_rss_bytes())"],
        capture_output=True, text=True, check=True)
    assert int(child.stdout) < peak_rss_bytes() - 150 * 2**20
