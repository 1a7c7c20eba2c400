"""How fast is *your* pipeline? Batch calls vs one-image calls vs a process pool, measured
side by side with the benchmark runner's interleaved sampler.

    python examples/benchmark_pipeline.py                 # the performance guide's pipeline
    python examples/benchmark_pipeline.py --size 512 --batch 32 --processes 4

Prints one JSON object: images/s per way of calling and the ratios between them. Numbers depend
on the machine and its load; the ratios, measured round-robin in one run, are what to compare.
Edit ``build_pipeline`` to measure your own augmenters.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from typing import Any

import numpy as np


def build_pipeline() -> Any:
    import imgaug2.augmenters as iaa

    return iaa.Sequential([
        iaa.Fliplr(0.5),
        iaa.GaussianBlur(sigma=(0, 1.0)),
        iaa.Affine(rotate=(-20, 20)),
    ])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=224, help="image side in pixels")
    parser.add_argument("--batch", type=int, default=16, help="images per batch call")
    parser.add_argument("--batches", type=int, default=8, help="batches per measured call")
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--repeats", type=int, default=5, help="samples per way of calling")
    args = parser.parse_args(argv)

    from imgaug2._threads import pin_single_thread
    from imgaug2.augmentables.batches import UnnormalizedBatch
    from imgaug2.benchmarks.timing import measure_interleaved

    pin_single_thread()  # one thread per process, as in the benchmarks and in pool workers
    aug = build_pipeline()
    rng = np.random.default_rng(0)
    images = list(rng.integers(0, 256, (args.batch, args.size, args.size, 3), dtype=np.uint8))
    batches = [UnnormalizedBatch(images=images) for _ in range(args.batches)]
    n_images = args.batch * args.batches

    with aug.pool(processes=args.processes, seed=0) as pool:
        times = measure_interleaved({
            "batch": lambda: [aug(images=images) for _ in range(args.batches)],
            "single": lambda: [aug(image=image) for _ in range(args.batches) for image in images],
            f"pool-{args.processes}": lambda: pool.map_batches(batches),
        }, args.repeats)
    rates = {}
    for name, result in times.items():
        if isinstance(result, Exception):
            raise result
        rates[name] = n_images / statistics.median(result)
    pool_name = f"pool-{args.processes}"
    report = {
        "images_per_second": {name: round(rate, 1) for name, rate in rates.items()},
        "batch_over_single": round(rates["batch"] / rates["single"], 2),
        "pool_efficiency": round(rates[pool_name] / (args.processes * rates["batch"]), 2),
        "config": vars(args),
    }
    print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
