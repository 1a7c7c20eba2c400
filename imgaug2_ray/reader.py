"""Read augmented Parquet shards back into NumPy arrays (no Ray needed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import numpy as np

from imgaug2_ray import sink
from imgaug2_ray.encoding import decode_image
from imgaug2_ray.fs import filesystem_and_path


def read_manifest(output: str) -> dict:
    """The ``_manifest.json`` of a finished job (raises if the job has no ``_SUCCESS``)."""
    import pyarrow.fs as pafs

    fs, root = filesystem_and_path(output)
    if fs.get_file_info(f"{root}/{sink.SUCCESS}").type != pafs.FileType.File:
        raise FileNotFoundError(f"{output!r} has no {sink.SUCCESS}: the job did not finish")
    with fs.open_input_file(f"{root}/{sink.MANIFEST}") as handle:
        return json.loads(handle.read())


def row_image(row: dict[str, Any]) -> np.ndarray:
    """Decode the image of one shard row (a dict with the shard columns)."""
    shape = (row["height"], row["width"]) + ((row["channels"],) if row["channels"] else ())
    return decode_image(row["image"], row["encoding"], shape, row["dtype"])


def iter_rows(output: str, verify: bool = True) -> Iterator[dict[str, Any]]:
    """Yield every row of a finished job, in shard order, with ``image`` decoded to an array.

    ``verify`` checks each shard's SHA-256 against the manifest.
    """
    import hashlib
    import io

    import pyarrow.parquet as pq

    manifest = read_manifest(output)
    fs, root = filesystem_and_path(output)
    for shard in manifest["shards"]:
        with fs.open_input_file(f"{root}/{shard['name']}") as handle:
            data = handle.read()
        if verify and hashlib.sha256(data).hexdigest() != shard["sha256"]:
            raise ValueError(f"{shard['name']}: checksum does not match the manifest")
        table = pq.read_table(io.BytesIO(data))
        for row in table.to_pylist():
            row["image"] = row_image(row)
            yield row


def read_errors(output: str) -> list[dict[str, Any]]:
    """Rows of ``_errors.parquet``: path, repeat and reason of every input that failed."""
    import pyarrow.parquet as pq

    fs, root = filesystem_and_path(output)
    with fs.open_input_file(f"{root}/{sink.ERRORS}") as handle:
        return pq.read_table(handle).to_pylist()


def load_arrays(output: str) -> tuple[list[np.ndarray], list[dict[str, Any]]]:
    """All images of a job and their metadata rows (small outputs; use iter_rows otherwise)."""
    images, rows = [], []
    for row in iter_rows(output):
        images.append(row.pop("image"))
        rows.append(row)
    return images, rows
