"""Deterministic Parquet shards: planning, writing one shard, manifest and resume (no Ray inside).

A job's rows are the pairs (input file, repeat), sorted by (repeat, relative path) and cut into
shards of ``rows_per_shard``. Shard ``i`` is always ``shard-{i:05d}.parquet`` and always holds the
same rows, whatever the cluster did, so a re-run in resume mode only writes missing shards.
Each shard is written to a buffer, checksummed and then put in place under its final name
(write-then-rename), so a file with a final name is complete.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from imgaug2_ray.encoding import encode_image
from imgaug2_ray.executor import ERROR_COLUMN, SEED_COLUMN, AugmentationExecutor

MANIFEST = "_manifest.json"
SUCCESS = "_SUCCESS"
ERRORS = "_errors.parquet"
PLAN_KEY = b"imgaug2.plan_hash"
ERRORS_KEY = b"imgaug2.errors"
SHARD_COLUMNS = ("id", "repeat", "seed", "image", "height", "width", "channels", "dtype",
                 "encoding", "source", "pipeline_hash")


@dataclass(frozen=True)
class Shard:
    index: int
    name: str
    items: tuple[tuple[str, int], ...]  # (relative path, repeat)


def shard_name(index: int) -> str:
    return f"shard-{index:05d}.parquet"


def plan_shards(relative_paths: Sequence[str], repeats: int, rows_per_shard: int) -> list[Shard]:
    """Cut the (path, repeat) rows into shards; deterministic in its inputs."""
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    if rows_per_shard < 1:
        raise ValueError(f"rows_per_shard must be >= 1, got {rows_per_shard}")
    if len(set(relative_paths)) != len(relative_paths):
        raise ValueError("input paths must be unique (they are the row keys)")
    rows = [(path, r) for r in range(repeats) for path in sorted(relative_paths)]
    return [
        Shard(i, shard_name(i), tuple(rows[start:start + rows_per_shard]))
        for i, start in enumerate(range(0, len(rows), rows_per_shard))
    ]


def plan_hash(spec_hash: str, seed: int, epoch: int, encoding: str,
              shards: Sequence[Shard]) -> str:
    """Identifies a job's output: shards from another plan are never mixed in on resume."""
    digest = hashlib.sha256()
    digest.update(json.dumps([spec_hash, seed, epoch, encoding]).encode())
    for shard in shards:
        digest.update(json.dumps([shard.name, shard.items]).encode())
    return digest.hexdigest()


def shard_table(result: dict[str, Any], rows: list[int], sources: list[str], encoding: str,
                spec_hash: str, jpeg_quality: int = 95):
    """A pyarrow table of the good rows of an executor result."""
    import pyarrow as pa

    images = [result["image"][i] for i in rows]
    encoded = [encode_image(img, encoding, jpeg_quality) for img in images]
    return pa.table({
        "id": pa.array([str(result["path"][i]) for i in rows], pa.string()),
        "repeat": pa.array([int(result["repeat"][i]) for i in rows], pa.int32()),
        "seed": pa.array([str(result[SEED_COLUMN][i]) for i in rows], pa.string()),
        "image": pa.array(encoded, pa.binary()),
        "height": pa.array([img.shape[0] for img in images], pa.int32()),
        "width": pa.array([img.shape[1] for img in images], pa.int32()),
        "channels": pa.array([img.shape[2] if img.ndim == 3 else 0 for img in images],
                             pa.int32()),
        "dtype": pa.array([str(img.dtype) for img in images], pa.string()),
        "encoding": pa.array([encoding] * len(rows), pa.string()),
        "source": pa.array([sources[i] for i in rows], pa.string()),
        "pipeline_hash": pa.array([spec_hash] * len(rows), pa.string()),
    })


def table_to_parquet_bytes(table, plan: str, errors: list[list]) -> bytes:
    """Parquet bytes of a shard; the plan hash and the shard's error rows go in its metadata
    (so a resumed job still reports the errors of shards written by an earlier run)."""
    import pyarrow.parquet as pq

    table = table.replace_schema_metadata({PLAN_KEY: plan.encode(),
                                           ERRORS_KEY: json.dumps(errors).encode()})
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


class ShardWriter:
    """``map_batches`` callable class: each input row describes one shard; writes it.

    Input columns: ``index``, ``name``, ``paths`` (JSON list of relative paths), ``repeats``
    (JSON list). Output columns: ``name``, ``rows``, ``sha256``, ``bytes``, ``errors`` (JSON list
    of [path, repeat, reason]).
    """

    def __init__(self, pipeline: Any, seed: int, input_root: str, output_root: str,
                 plan: str, spec_hash: str, epoch: int = 0, encoding: str = "png",
                 jpeg_quality: int = 95, fail_fast: bool = False,
                 fail_once_on_shard: int | None = None, fail_marker: str | None = None) -> None:
        from imgaug2._threads import pin_single_thread
        from imgaug2_ray import fs as fsutil

        pin_single_thread()
        self.executor = AugmentationExecutor(
            pipeline, seed=seed, epoch=epoch, key_column="path", image_column="image",
            annotation_columns={}, on_error="raise" if fail_fast else "record")
        self.input_fs, self.input_root = fsutil.filesystem_and_path(input_root)
        self.output_fs, self.output_root = fsutil.filesystem_and_path(output_root)
        self.plan = plan
        self.spec_hash = spec_hash
        self.encoding = encoding
        self.jpeg_quality = jpeg_quality
        self.fail_once_on_shard = fail_once_on_shard
        self.fail_marker = fail_marker

    def _maybe_fail(self, index: int) -> None:
        """Fault injection for tests: kill this actor process the first time it sees a shard."""
        import os

        if self.fail_once_on_shard is None or index != self.fail_once_on_shard:
            return
        if self.fail_marker is None or os.path.exists(self.fail_marker):
            return
        with open(self.fail_marker, "w") as handle:
            handle.write(f"killed on shard {index}\n")
        os._exit(1)

    def _read(self, rel_path: str) -> bytes | None:
        try:
            with self.input_fs.open_input_file(f"{self.input_root}/{rel_path}") as handle:
                return handle.read()
        except OSError:
            return None

    def write_shard(self, index: int, name: str, paths: list[str],
                    repeats: list[int]) -> dict[str, Any]:
        self._maybe_fail(index)
        contents = [self._read(p) for p in paths]
        batch = {
            "path": np.array(paths, dtype=object),
            "image": _object_array([c if c is not None else None for c in contents]),
            "repeat": np.array(repeats, dtype=np.int64),
        }
        result = self.executor(batch)
        errors = [[paths[i], int(repeats[i]), result[ERROR_COLUMN][i] or
                   "could not read the file"]
                  for i in range(len(paths)) if result[ERROR_COLUMN][i] is not None]
        good = [i for i in range(len(paths)) if result[ERROR_COLUMN][i] is None]
        sources = [f"{self.input_root}/{p}" for p in paths]
        table = shard_table(result, good, sources, self.encoding, self.spec_hash,
                            self.jpeg_quality)
        data = table_to_parquet_bytes(table, self.plan, errors)
        final = f"{self.output_root}/{name}"
        tmp = f"{self.output_root}/.{name}.tmp"
        with self.output_fs.open_output_stream(tmp) as handle:
            handle.write(data)
        self.output_fs.move(tmp, final)
        return {"name": name, "rows": len(good), "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data), "errors": json.dumps(errors)}

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        outputs = [
            self.write_shard(int(batch["index"][i]), str(batch["name"][i]),
                             json.loads(batch["paths"][i]), json.loads(batch["repeats"][i]))
            for i in range(len(batch["index"]))
        ]
        return {key: np.array([o[key] for o in outputs], dtype=object if key in (
            "name", "sha256", "errors") else np.int64) for key in outputs[0]}


def _object_array(values: list[Any]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def existing_shard_info(output_fs, output_root: str, name: str, plan: str) -> dict | None:
    """Info of a complete shard written by the same plan, or None if it must be (re)written."""
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    path = f"{output_root}/{name}"
    info = output_fs.get_file_info(path)
    if info.type != pafs.FileType.File:
        return None
    with output_fs.open_input_file(path) as handle:
        data = handle.read()
    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - an unreadable file is rewritten
        return None
    metadata = parquet.schema_arrow.metadata or {}
    if metadata.get(PLAN_KEY) != plan.encode():
        raise FileExistsError(
            f"{path} belongs to a different job (pipeline, seed, inputs or shard size changed); "
            "use mode='overwrite' or another output directory"
        )
    return {"name": name, "rows": parquet.metadata.num_rows,
            "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
            "errors": json.loads(metadata.get(ERRORS_KEY, b"[]"))}
