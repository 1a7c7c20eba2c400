"""Offline augmentation of an image folder into Parquet shards, then reading them back.

    python examples/offline_parquet.py INPUT_DIR OUTPUT_DIR --repeats 4 --seed 0
"""

from __future__ import annotations

import argparse
import json

import imgaug2.augmenters as iaa


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--mode", default="error", choices=["error", "overwrite", "resume"])
    parser.add_argument("--actors", type=int, default=None)
    args = parser.parse_args(argv)

    import ray

    from imgaug2_ray import pipeline_spec
    from imgaug2_ray.job import augment_to_parquet
    from imgaug2_ray.reader import load_arrays

    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Affine(rotate=(-15, 15)),
                          iaa.GaussianBlur(sigma=(0, 1.0))])
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(include_dashboard=False, log_to_driver=False)
    try:
        summary = augment_to_parquet(args.input, args.output, pipeline_spec(aug),
                                     seed=args.seed, repeats=args.repeats, mode=args.mode,
                                     num_actors=args.actors)
    finally:
        if started_here:
            ray.shutdown()
    images, rows = load_arrays(args.output)
    summary["read_back"] = len(images)
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
