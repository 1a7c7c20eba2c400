"""Real Ray (2 CPUs, local): determinism across batch size, actors, blocks, formats and retries;
Parquet shards, resume, corrupt inputs and the CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from imgaug2 import serialization
from imgaug2_ray import ImgaugActor, augment_batch, pipeline_spec
from imgaug2_ray.cli import main as cli_main
from imgaug2_ray.job import augment_to_parquet
from imgaug2_ray.reader import iter_rows, read_errors, read_manifest
from tests.imgaug2_ray.conftest import make_pipeline, write_images

pytestmark = [pytest.mark.ray, pytest.mark.timeout(240)]


def _hash(image: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(image)).hexdigest()


def _run(ray, folder: Path, spec: dict, batch_size: int, actors: int, blocks: int,
         batch_format: str = "numpy") -> dict[str, str]:
    ds = ray.data.read_images(str(folder), include_paths=True, override_num_blocks=blocks,
                              num_cpus=0.5)
    ds = ds.map_batches(ImgaugActor, fn_constructor_kwargs={"pipeline": spec, "seed": 0,
                                                            "key_root": str(folder)},
                        compute=ray.data.ActorPoolStrategy(size=actors), batch_size=batch_size,
                        batch_format=batch_format, num_cpus=0.5,
                        udf_modifying_row_count=False)
    return {row["path"]: _hash(row["image"]) for row in ds.take_all()}


def test_output_is_identical_for_any_batching(ray_session, tmp_path: Path) -> None:
    folder = tmp_path / "images"
    write_images(folder, 16)
    spec = pipeline_spec(make_pipeline())
    reference = _run(ray_session, folder, spec, batch_size=64, actors=1, blocks=1)
    assert len(reference) == 16
    assert _run(ray_session, folder, spec, batch_size=1, actors=2, blocks=8) == reference
    assert _run(ray_session, folder, spec, batch_size=7, actors=2, blocks=8,
                batch_format="pyarrow") == reference
    # function form, cached per worker process
    ds = ray_session.data.read_images(str(folder), include_paths=True, override_num_blocks=4,
                                      num_cpus=0.5)
    ds = ds.map_batches(augment_batch, fn_kwargs={"pipeline": spec, "seed": 0,
                                                  "key_root": str(folder)},
                        batch_size=5, num_cpus=0.5, udf_modifying_row_count=False)
    assert {r["path"]: _hash(r["image"]) for r in ds.take_all()} == reference


def _shard_digests(output: Path) -> dict[str, str]:
    manifest = read_manifest(str(output))
    return {s["name"]: s["sha256"] for s in manifest["shards"]}


def test_parquet_job_is_deterministic_resumable_and_fault_tolerant(ray_session,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "images"
    write_images(folder, 10)
    (folder / "broken.png").write_bytes(b"\x89PNG but not really")
    (folder / "notes.txt").write_text("not an image")
    spec = pipeline_spec(make_pipeline())
    common = {"pipeline": spec, "seed": 0, "repeats": 2, "rows_per_shard": 4}

    clean = tmp_path / "clean"
    summary = augment_to_parquet(str(folder), str(clean), num_actors=2, **common)
    assert summary["rows_written"] == 20 and summary["errors"] == 4
    reference = _shard_digests(clean)
    assert len(reference) == 6
    assert (clean / "_SUCCESS").exists()
    errors = read_errors(str(clean))
    assert sorted({e["path"] for e in errors}) == ["broken.png", "notes.txt"]

    # another actor count: byte-identical shards
    other = tmp_path / "one-actor"
    augment_to_parquet(str(folder), str(other), num_actors=1, **common)
    assert _shard_digests(other) == reference

    # crash simulation: drop two shards and the markers, then resume
    for name in ("shard-00001.parquet", "shard-00004.parquet"):
        (other / name).unlink()
    (other / "_SUCCESS").unlink()
    resumed = augment_to_parquet(str(folder), str(other), num_actors=2, mode="resume",
                                 **common)
    assert resumed["shards_skipped"] == 4
    assert _shard_digests(other) == reference
    assert resumed["errors"] == 4

    # an actor process dies on its first shard; Ray restarts it and the output is unchanged
    faulty = tmp_path / "faulty"
    augment_to_parquet(str(folder), str(faulty), num_actors=2, fail_once_on_shard=2,
                       fail_marker=str(tmp_path / "killed-once"), **common)
    assert (tmp_path / "killed-once").exists()
    assert _shard_digests(faulty) == reference

    # output exists: error mode refuses, resume with another seed refuses
    with pytest.raises(FileExistsError):
        augment_to_parquet(str(folder), str(clean), **common)
    with pytest.raises(FileExistsError, match="different job"):
        augment_to_parquet(str(folder), str(clean), mode="resume",
                           **{**common, "seed": 1})

    # rows round-trip: ids x repeats, each once; images decode to the augmented shapes
    rows = list(iter_rows(str(clean)))
    assert sorted((r["id"], r["repeat"]) for r in rows) == sorted(
        (f"img_{i:03d}.png", rep) for i in range(10) for rep in range(2))
    assert all(r["image"].shape == (r["height"], r["width"], 3) for r in rows)
    assert len({r["seed"] for r in rows}) == 20


def test_cli_end_to_end(ray_session, tmp_path: Path) -> None:
    folder = tmp_path / "images"
    write_images(folder, 6)
    spec_path = tmp_path / "spec.yaml"
    serialization.save(make_pipeline(), spec_path)
    runner = CliRunner()
    result = runner.invoke(cli_main, ["validate", str(spec_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["valid"] is True
    out = tmp_path / "out"
    result = runner.invoke(cli_main, ["augment", str(folder), str(out), "--pipeline",
                                      str(spec_path), "--seed", "0", "--repeats", "2",
                                      "--actors", "2", "--rows-per-shard", "5"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output[result.output.index("{"):])
    assert summary["rows_written"] == 12 and summary["errors"] == 0
    result = runner.invoke(cli_main, ["augment", str(folder), str(out), "--pipeline",
                                      str(spec_path), "--seed", "0"])
    assert result.exit_code == 2 and "not empty" in result.output
    preview = tmp_path / "preview.png"
    result = runner.invoke(cli_main, ["preview", str(spec_path),
                                      str(folder / "img_000.png"), "-o", str(preview)])
    assert result.exit_code == 0, result.output
    assert preview.stat().st_size > 0


def test_cli_rejects_a_bad_spec_before_cluster_work(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"imgaug2_spec": 1, "pipeline": {
        "type": "Sequential", "args": {"children": {"list": [
            {"type": "Fliplr", "args": {"probability": 0.5}}]}}}}))
    result = CliRunner().invoke(cli_main, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "probability" in result.output
    result = CliRunner().invoke(cli_main, ["augment", str(tmp_path), str(tmp_path / "o"),
                                           "--pipeline", str(bad), "--seed", "0"])
    assert result.exit_code == 2 and "probability" in result.output
