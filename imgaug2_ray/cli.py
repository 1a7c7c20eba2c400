"""``imgaug2-ray``: augment, validate and preview from a shell.

    imgaug2-ray augment INPUT OUTPUT --pipeline spec.yaml --seed 0 --repeats 4 [--address auto]
    imgaug2-ray validate SPEC
    imgaug2-ray preview SPEC IMAGE [--output preview.png]

``augment`` prints a JSON summary on stdout; Ray Data's progress bars go to stderr.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def _load_spec(path: str) -> tuple[dict, Any]:
    from imgaug2 import serialization

    spec = serialization.read_spec_file(path)
    return spec, serialization.from_spec(spec)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@click.group()
@click.version_option(package_name="imgaug2")
def main() -> None:
    """Deterministic image augmentation with imgaug2 on Ray Data."""


@main.command()
@click.argument("spec", type=click.Path(exists=True, dir_okay=False))
def validate(spec: str) -> None:
    """Check a pipeline spec file (JSON or YAML) and print its summary."""
    from imgaug2 import serialization

    try:
        spec_dict, augmenter = _load_spec(spec)
    except (serialization.SpecError, ValueError, TypeError) as exc:
        _fail(f"{spec}: {exc}")
    click.echo(json.dumps({"valid": True, "spec_hash": serialization.spec_hash(spec_dict),
                           "pipeline": repr(augmenter)}, indent=2))


@main.command()
@click.argument("spec", type=click.Path(exists=True, dir_okay=False))
@click.argument("image", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", default="preview.png", show_default=True,
              help="Where to write the preview grid PNG.")
@click.option("--rows", default=3, show_default=True, type=click.IntRange(1, 16))
@click.option("--cols", default=4, show_default=True, type=click.IntRange(1, 16))
@click.option("--seed", default=0, show_default=True, type=click.IntRange(0))
def preview(spec: str, image: str, output: str, rows: int, cols: int, seed: int) -> None:
    """Write a grid of augmented versions of IMAGE (original top-left)."""
    import cv2
    import numpy as np

    from imgaug2 import imgaug as ia
    from imgaug2 import serialization

    try:
        _, augmenter = _load_spec(spec)
    except (serialization.SpecError, ValueError, TypeError) as exc:
        _fail(f"{spec}: {exc}")
    raw = cv2.imread(image, cv2.IMREAD_COLOR)
    if raw is None:
        _fail(f"{image}: not a readable image")
    rgb = cv2.cvtColor(raw, cv2.COLOR_BGR2RGB)
    keys = [f"{image}#{i}" for i in range(rows * cols - 1)]
    augmented = augmenter.augment_keyed(keys, seed=seed, images=[rgb] * len(keys))
    grid = ia.draw_grid([rgb, *augmented], rows=rows, cols=cols)
    cv2.imwrite(output, cv2.cvtColor(np.ascontiguousarray(grid), cv2.COLOR_RGB2BGR))
    click.echo(json.dumps({"preview": output, "images": len(keys) + 1}))


@main.command()
@click.argument("input_path", metavar="INPUT")
@click.argument("output_path", metavar="OUTPUT")
@click.option("--pipeline", "pipeline_path", required=True,
              type=click.Path(exists=True, dir_okay=False), help="Pipeline spec (JSON/YAML).")
@click.option("--seed", required=True, type=click.IntRange(0), help="Job seed.")
@click.option("--repeats", default=1, show_default=True, type=click.IntRange(1),
              help="Augmented copies per input image.")
@click.option("--epoch", default=0, show_default=True, type=click.IntRange(0))
@click.option("--mode", type=click.Choice(["error", "overwrite", "resume"]), default="error",
              show_default=True, help="What to do when OUTPUT exists.")
@click.option("--rows-per-shard", default=256, show_default=True, type=click.IntRange(1))
@click.option("--encoding", type=click.Choice(["png", "jpeg", "raw"]), default="png",
              show_default=True, help="How images are stored in the Parquet image column.")
@click.option("--jpeg-quality", default=95, show_default=True, type=click.IntRange(1, 100))
@click.option("--actors", default=None, type=click.IntRange(1),
              help="Actor pool size [default: cluster CPUs].")
@click.option("--cpus-per-actor", default=0.5, show_default=True, type=click.FloatRange(0.05),
              help="num_cpus per actor; < 1 leaves CPUs for Ray's read tasks.")
@click.option("--extensions", default=None,
              help="Comma-separated file suffixes to include (e.g. .jpg,.png) [default: all].")
@click.option("--fail-fast", is_flag=True, help="Fail on the first unreadable image.")
@click.option("--address", default=None, help="Ray cluster address (e.g. auto).")
def augment(input_path: str, output_path: str, pipeline_path: str, seed: int, repeats: int,
            epoch: int, mode: str, rows_per_shard: int, encoding: str, jpeg_quality: int,
            actors: int | None, cpus_per_actor: float, extensions: str | None, fail_fast: bool,
            address: str | None) -> None:
    """Augment every image below INPUT into Parquet shards in OUTPUT."""
    from imgaug2 import serialization
    from imgaug2_ray.job import augment_to_parquet

    try:
        spec, _ = _load_spec(pipeline_path)  # a bad spec fails before any cluster work
    except (serialization.SpecError, ValueError, TypeError) as exc:
        _fail(f"{pipeline_path}: {exc}")
    exts = None
    if extensions:
        exts = tuple(e.strip().lower() if e.strip().startswith(".") else "." + e.strip().lower()
                     for e in extensions.split(",") if e.strip())
    import ray

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    try:
        summary = augment_to_parquet(
            input_path, output_path, spec, seed=seed, repeats=repeats, epoch=epoch,
            rows_per_shard=rows_per_shard, mode=mode, encoding=encoding,
            jpeg_quality=jpeg_quality, num_actors=actors, cpus_per_actor=cpus_per_actor,
            extensions=exts, fail_fast=fail_fast)
    except (FileExistsError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    click.echo(json.dumps(summary, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
