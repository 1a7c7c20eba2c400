"""Offline augmentation of a folder of images into deterministic Parquet shards, on Ray Data."""

from __future__ import annotations

import json
import time
from typing import Any

from imgaug2_ray import sink
from imgaug2_ray.fs import filesystem_and_path, list_files

MODES = ("error", "overwrite", "resume")


def _versions() -> dict[str, str]:
    import cv2
    import numpy
    import pyarrow

    import imgaug2

    versions = {"imgaug2": imgaug2.__version__, "numpy": numpy.__version__,
                "opencv": cv2.__version__, "pyarrow": pyarrow.__version__}
    try:
        import ray

        versions["ray"] = ray.__version__
    except ImportError:  # pragma: no cover
        pass
    return versions


def _prepare_output(output: str, mode: str):
    import pyarrow.fs as pafs

    fs, root = filesystem_and_path(output)
    info = fs.get_file_info(root)
    if info.type == pafs.FileType.File:
        raise FileExistsError(f"output {output!r} is a file; expected a directory")
    exists = info.type == pafs.FileType.Directory and bool(
        fs.get_file_info(pafs.FileSelector(root)))
    if exists and mode == "error":
        raise FileExistsError(f"output {output!r} is not empty; pass mode='overwrite' "
                              "(--mode overwrite) or mode='resume' (--mode resume)")
    if exists and mode == "overwrite":
        fs.delete_dir_contents(root)
    fs.create_dir(root, recursive=True)
    return fs, root


def _drop_completion_markers(fs, root: str) -> None:
    """A resumed job is not complete until it writes its markers again."""
    import pyarrow.fs as pafs

    for marker in (sink.SUCCESS, sink.MANIFEST):
        if fs.get_file_info(f"{root}/{marker}").type == pafs.FileType.File:
            fs.delete_file(f"{root}/{marker}")


def default_num_actors() -> int:
    import ray

    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, cpus)


def _restart_args(max_restarts: int | None) -> dict[str, int]:
    """Actor restart limits for ``map_batches``; ``None`` keeps Ray Data's default.

    Ray Data already restarts a dead actor and retries its task without limit; only an explicit
    bound has to go through Ray's (deprecated in 2.60) free-form remote arguments.
    """
    if max_restarts is None:
        return {}
    if not isinstance(max_restarts, int) or max_restarts < 0:
        raise ValueError(f"max_restarts must be None or an int >= 0, got {max_restarts!r}")
    return {"max_restarts": max_restarts, "max_task_retries": max_restarts}


def augment_to_parquet(input: str, output: str, pipeline: Any, seed: int, repeats: int = 1,
                       epoch: int = 0, rows_per_shard: int = 256, mode: str = "error",
                       encoding: str = "png", jpeg_quality: int = 95,
                       num_actors: int | None = None, cpus_per_actor: float = 0.5,
                       extensions: tuple[str, ...] | None = None, fail_fast: bool = False,
                       allow_pickle: bool = False, max_restarts: int | None = None,
                       fail_once_on_shard: int | None = None,
                       fail_marker: str | None = None) -> dict[str, Any]:
    """Augment every file below ``input`` ``repeats`` times into Parquet shards in ``output``.

    Deterministic: the same inputs, pipeline and seed give byte-identical shards whatever the
    number of actors, nodes or retries. Writes ``shard-*.parquet``, ``_errors.parquet`` (files
    that could not be decoded), ``_manifest.json`` and ``_SUCCESS`` (last). ``mode``: ``error``
    if the output exists, ``overwrite`` it, or ``resume`` (keep complete shards of the same job).
    Needs a running Ray (``ray.init()``) or starts a local one. Returns a summary dict.
    """
    import ray

    from imgaug2 import serialization
    from imgaug2_ray.executor import load_pipeline

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if encoding not in ("png", "jpeg", "raw"):
        raise ValueError(f"encoding must be 'png', 'jpeg' or 'raw', got {encoding!r}")
    restart_args = _restart_args(max_restarts)
    started = time.perf_counter()
    augmenter = load_pipeline(pipeline, allow_pickle=allow_pickle)  # fails before cluster work
    spec = serialization.to_spec(augmenter) if not isinstance(pipeline, dict) else pipeline
    spec_hash = serialization.spec_hash(spec)

    _, input_root, files = list_files(input, extensions)
    if not files:
        raise FileNotFoundError(f"no input files below {input!r}")
    shards = sink.plan_shards(files, repeats, rows_per_shard)
    plan = sink.plan_hash(spec_hash, seed, epoch, encoding, shards)
    out_fs, out_root = _prepare_output(output, mode)

    done: dict[str, dict] = {}
    if mode == "resume":
        for shard in shards:
            info = sink.existing_shard_info(out_fs, out_root, shard.name, plan)
            if info is not None:
                done[shard.name] = info
        # only after every existing shard was checked to belong to this job
        _drop_completion_markers(out_fs, out_root)
    pending = [s for s in shards if s.name not in done]

    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False)
    results: list[dict] = []
    if pending:
        items = [{"index": s.index, "name": s.name,
                  "paths": json.dumps([p for p, _ in s.items]),
                  "repeats": json.dumps([r for _, r in s.items])} for s in pending]
        actors = num_actors or min(default_num_actors(), len(pending))
        ds = ray.data.from_items(items, override_num_blocks=len(items))
        ds = ds.map_batches(
            sink.ShardWriter,
            fn_constructor_kwargs={
                "pipeline": spec, "seed": seed, "input_root": input_root,
                "output_root": output if "://" in output else out_root, "plan": plan,
                "spec_hash": spec_hash, "epoch": epoch, "encoding": encoding,
                "jpeg_quality": jpeg_quality, "fail_fast": fail_fast,
                "fail_once_on_shard": fail_once_on_shard, "fail_marker": fail_marker,
            },
            compute=ray.data.ActorPoolStrategy(size=actors),
            batch_size=1,
            batch_format="numpy",
            num_cpus=cpus_per_actor,
            udf_modifying_row_count=False,
            **restart_args,
        )
        results = ds.take_all()

    shard_infos = []
    errors: list[list] = []
    by_name = {r["name"]: r for r in results}
    for shard in shards:
        if shard.name in done:
            errors.extend(done[shard.name]["errors"])
            shard_infos.append({k: done[shard.name][k] for k in ("name", "rows", "sha256",
                                                                  "bytes")})
            continue
        result = by_name.get(shard.name)
        if result is None:
            raise RuntimeError(f"shard {shard.name} was not written (no result from Ray)")
        errors.extend(json.loads(result["errors"]))
        shard_infos.append({k: (int(result[k]) if k in ("rows", "bytes") else result[k])
                            for k in ("name", "rows", "sha256", "bytes")})
    _write_errors(out_fs, out_root, errors)
    rows_written = sum(s["rows"] for s in shard_infos)
    elapsed = time.perf_counter() - started
    manifest = {
        "format": "imgaug2-parquet-shards/1",
        "spec": spec, "spec_hash": spec_hash, "plan_hash": plan, "seed": seed,
        "epoch": epoch, "repeats": repeats, "encoding": encoding,
        "input": input, "versions": _versions(),
        "counts": {"input_files": len(files), "rows_expected": len(files) * repeats,
                   "rows_written": rows_written, "errors": len(errors)},
        "shards": shard_infos,
    }
    with out_fs.open_output_stream(f"{out_root}/{sink.MANIFEST}") as handle:
        handle.write(json.dumps(manifest, indent=2).encode())
    with out_fs.open_output_stream(f"{out_root}/{sink.SUCCESS}") as handle:
        handle.write(b"")
    return {
        "output": output, "input_files": len(files), "repeats": repeats,
        "rows_written": rows_written, "errors": len(errors), "shards": len(shards),
        "shards_skipped": len(done), "seconds": round(elapsed, 3),
        "rows_per_second": round(rows_written / elapsed, 2) if elapsed > 0 else None,
        "spec_hash": spec_hash,
    }


def _write_errors(fs, root: str, errors: list[list]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    errors = sorted(errors, key=lambda e: (e[1], e[0]))
    table = pa.table({"path": pa.array([e[0] for e in errors], pa.string()),
                      "repeat": pa.array([e[1] for e in errors], pa.int32()),
                      "reason": pa.array([e[2] for e in errors], pa.string())})
    with fs.open_output_stream(f"{root}/{sink.ERRORS}") as handle:
        pq.write_table(table, handle)
