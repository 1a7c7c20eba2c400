"""The benchmark suites. Each returns a list of case dicts (see :mod:`imgaug2.benchmarks.schema`).

Everything runs single-threaded (OpenCV and BLAS pinned to one thread) unless a suite measures
scaling. Ratios between libraries come from cases measured side by side in the same process.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from imgaug2.benchmarks.ops import Op, all_ops, build_albumentations
from imgaug2.benchmarks.timing import (
    measure,
    measure_interleaved,
    peak_rss_bytes,
    summarize,
)


def make_images(n: int, shape: tuple[int, int, int], seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(n, *shape), dtype=np.uint8)


def _case(suite: str, name: str, library: str, shape, batch_size: int, times: list[float],
          images_per_call: int, **extra: Any) -> dict[str, Any]:
    return {"suite": suite, "name": name, "library": library, "image_shape": list(shape),
            "batch_size": batch_size, **summarize(times, images_per_call),
            "peak_rss_bytes": peak_rss_bytes(), **extra}


def _error_case(suite: str, name: str, library: str, shape, batch_size: int,
                error: Exception) -> dict[str, Any]:
    return {"suite": suite, "name": name, "library": library, "image_shape": list(shape),
            "batch_size": batch_size, "error": f"{type(error).__name__}: {error}"}


def _try(suite, name, library, shape, batch, fn: Callable[[], dict]) -> dict:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - a failing case is reported, not fatal
        return _error_case(suite, name, library, shape, batch, exc)


def _albumentations():
    try:
        import albumentations as A
    except Exception:  # noqa: BLE001 - optional, and it needs torch when imported
        return None
    return A


def compare_suite(ops: list[Op], shape: tuple[int, int, int], batch: int, repeats: int,
                  suite: str = "compare", imgaug: Any = None) -> list[dict]:
    """imgaug2 vs the raw kernel vs albumentations (vs imgaug 0.4.0 in its own process when
    ``imgaug`` is an :class:`~imgaug2.benchmarks.baseline.ImgaugSession`): same op, same
    images, one thread each, sampled round-robin so that all see the same machine load."""
    A = _albumentations()
    image_list = list(make_images(batch, shape))
    cases = []
    for op in ops:
        fns: dict[str, Callable[[], Any]] = {}
        extra: dict[str, dict] = {}
        builders: dict[str, Callable[[], Callable[[], Any]]] = {
            "imgaug2": lambda op=op: (lambda aug: lambda: aug(images=image_list))(op.imgaug2())}
        if op.raw is not None:
            builders["raw"] = lambda op=op: lambda: [op.raw(im) for im in image_list]
        if op.albumentations is not None and A is not None:
            def build_alb(op=op):
                transform = build_albumentations(op, A, shape)
                return lambda: [transform(image=im)["image"] for im in image_list]

            builders["albumentations"] = build_alb
            extra["albumentations"] = {"version": A.__version__, **(
                {"differs": op.albumentations_differs} if op.albumentations_differs else {})}
        if imgaug is not None and op.imgaug:
            builders["imgaug"] = lambda op=op: imgaug.contender(op.imgaug, shape, batch)
            extra["imgaug"] = {"version": imgaug.versions["imgaug"],
                               "opencv": imgaug.versions["opencv"],
                               "numpy": imgaug.versions["numpy"]}
        for library, build in builders.items():
            try:
                fns[library] = build()
            except Exception as exc:  # noqa: BLE001 - a failing case is reported, not fatal
                cases.append(_error_case(suite, op.name, library, shape, batch, exc))
        for library, times in measure_interleaved(fns, repeats).items():
            if isinstance(times, Exception):
                cases.append(_error_case(suite, op.name, library, shape, batch, times))
            else:
                cases.append(_case(suite, op.name, library, shape, batch, times, batch,
                                   category=op.category, **extra.get(library, {})))
    return cases


def augmenter_suite(shapes: list[tuple[int, int, int]], batch: int, repeats: int) -> list[dict]:
    """Every augmenter class in ``iaa`` with its benchmark (or default) arguments."""
    import imgaug2.augmenters as iaa
    from imgaug2.benchmarks.defaults import augmenter_instances

    cases = []
    for shape in shapes:
        images = list(make_images(batch, shape))
        for name, build in augmenter_instances(iaa):
            def run(build=build, name=name, images=images, shape=shape):
                aug = build()
                return _case("augmenters", name, "imgaug2", shape, batch,
                             measure(lambda: aug(images=images), repeats), batch)

            cases.append(_try("augmenters", name, "imgaug2", shape, batch, run))
    return cases


def pipeline_suite(repeats: int, batch_sizes=(1, 16, 64, 128), n_images: int = 128,
                   shape=(224, 224, 3)) -> list[dict]:
    """The performance guide's profiling pipeline and a heavy one: batch vs single-image calls."""
    import imgaug2.augmenters as iaa

    pipelines = {
        "guide": lambda: iaa.Sequential([iaa.Fliplr(0.5), iaa.GaussianBlur(sigma=(0, 1.0)),
                                         iaa.Affine(rotate=(-20, 20))]),
        "heavy": lambda: iaa.Sequential([iaa.Affine(rotate=(-20, 20)),
                                         iaa.ElasticTransformation(alpha=30, sigma=5),
                                         iaa.PiecewiseAffine(scale=0.03),
                                         iaa.Superpixels(p_replace=0.3, n_segments=64)]),
    }
    images = list(make_images(n_images, shape))
    cases = []
    for pname, build in pipelines.items():
        n = n_images if pname == "guide" else min(n_images, 16)
        imgs = images[:n]
        for bs in batch_sizes:
            def run(build=build, bs=bs, imgs=imgs, pname=pname):
                aug = build()
                batches = [imgs[i:i + bs] for i in range(0, len(imgs), bs)]
                return _case("pipelines", f"{pname}/batch{bs}", "imgaug2", shape, bs,
                             measure(lambda: [aug(images=b) for b in batches], repeats),
                             len(imgs), pipeline=pname)

            cases.append(_try("pipelines", f"{pname}/batch{bs}", "imgaug2", shape, bs, run))
        def run_single(build=build, imgs=imgs, pname=pname):
            aug = build()
            return _case("pipelines", f"{pname}/single", "imgaug2", shape, 1,
                         measure(lambda: [aug(image=im) for im in imgs], repeats), len(imgs),
                         pipeline=pname, single_image_calls=True)

        cases.append(_try("pipelines", f"{pname}/single", "imgaug2", shape, 1, run_single))
    return cases


def batch_vs_single_suite(ops: list[Op], shape, batch: int, repeats: int) -> list[dict]:
    """Per-image cost of one batch call vs one call per image (the Fast augmenters)."""
    images = list(make_images(batch, shape))
    cases = []
    for op in ops:
        def run(op=op):
            aug = op.imgaug2()
            return [
                _case("batch_vs_single", op.name, "imgaug2", shape, batch,
                      measure(lambda: aug(images=images), repeats), batch, mode="batch"),
                _case("batch_vs_single", op.name, "imgaug2", shape, 1,
                      measure(lambda: [aug(image=im) for im in images], repeats), batch,
                      mode="single"),
            ]
        try:
            cases.extend(run())
        except Exception as exc:  # noqa: BLE001
            cases.append(_error_case("batch_vs_single", op.name, "imgaug2", shape, batch, exc))
    return cases


def keyed_suite(shape, batch: int, repeats: int) -> list[dict]:
    """Keyed (per-row) mode vs classic mode on a pipeline of fast ops and the guide pipeline."""
    import imgaug2.augmenters as iaa

    images = list(make_images(batch, shape))
    keys = [f"img-{i}" for i in range(batch)]
    cases = []
    for pname, build in {
        "fast": lambda: iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5), iaa.Add((-10, 10))]),
        "guide": lambda: iaa.Sequential([iaa.Fliplr(0.5), iaa.GaussianBlur(sigma=(0, 1.0)),
                                         iaa.Affine(rotate=(-20, 20))]),
    }.items():
        def run(build=build, pname=pname):
            aug = build()
            return [
                _case("keyed", pname, "imgaug2", shape, batch,
                      measure(lambda: aug(images=images), repeats), batch, mode="classic"),
                _case("keyed", pname, "imgaug2", shape, batch,
                      measure(lambda: aug.augment_keyed(keys, seed=0, images=images), repeats),
                      batch, mode="keyed"),
            ]
        try:
            cases.extend(run())
        except Exception as exc:  # noqa: BLE001
            cases.append(_error_case("keyed", pname, "imgaug2", shape, batch, exc))
    return cases


def scaling_suite(n_batches: int, batch: int, shape, repeats: int,
                  with_ray: bool = True) -> list[dict]:
    """aug.pool(processes=N) for N = 1..cores vs one process; the Ray path vs the pool."""
    import imgaug2.augmenters as iaa
    from imgaug2.augmentables.batches import UnnormalizedBatch

    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.GaussianBlur(sigma=(0, 1.0)),
                          iaa.Affine(rotate=(-20, 20))])
    images = make_images(batch, shape)
    batches = [UnnormalizedBatch(images=list(images)) for _ in range(n_batches)]
    total = n_batches * batch
    # All contenders open at once and sampled round-robin (idle workers cost nothing), so
    # the efficiency compares numbers measured under the same load; the interleaved
    # sampler's first call of each starts every worker.
    with contextlib.ExitStack() as stack:
        fns: dict[str, Callable[[], Any]] = {
            "single-process": lambda: [
                aug.augment_batch_(UnnormalizedBatch(images=list(images)))
                for _ in range(n_batches)]}
        for processes in range(1, (os.cpu_count() or 1) + 1):
            pool = stack.enter_context(aug.pool(processes=processes, seed=0))
            fns[f"pool-{processes}"] = lambda pool=pool: pool.map_batches(batches)
        times = measure_interleaved(fns, max(3, repeats))
    cases = []
    for name, result in times.items():
        processes = 1 if name == "single-process" else int(name.split("-")[1])
        cases.append(_error_case("scaling", name, "imgaug2", shape, batch, result)
                     if isinstance(result, Exception) else
                     _case("scaling", name, "imgaug2", shape, batch, result, total,
                           processes=processes))
    if with_ray:
        cases.extend(_try_ray_scaling(aug, images, n_batches, batch, shape, repeats))
    return cases


class PassthroughActor:
    """A ``map_batches`` UDF that returns its batch: measures Ray Data's own cost."""

    def __call__(self, batch: Any) -> Any:
        return batch


def _try_ray_scaling(aug, images, n_batches, batch, shape, repeats) -> list[dict]:
    """Ray Data + ImgaugActor with 1..cores actors on ``4 * rows`` images. The steady-state
    throughput (compared with the pool) counts the rows after the first output batch over the
    time from its arrival to the last one, so actor start-up (1-2 s per execution, reported as
    ``startup_seconds``) is excluded without subtracting two noisy runs. The same executor run
    in-process on the same batches gives Ray's overhead per batch."""
    try:
        import ray
    except ImportError:
        return []
    from imgaug2_ray import ImgaugActor, pipeline_spec
    from imgaug2_ray.executor import AugmentationExecutor

    spec = pipeline_spec(aug)
    rows = n_batches * batch
    stack = np.stack(images)
    executor = AugmentationExecutor(spec, seed=0)
    local_batch = {"path": np.array([f"img-{i}" for i in range(batch)]), "image": stack}
    local = _case("scaling", "executor-in-process", "imgaug2_ray", shape, batch,
                  measure(lambda: [executor(local_batch) for _ in range(n_batches)], repeats),
                  rows)
    cases = [local]
    started = not ray.is_initialized()
    if started:
        ray.init(include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False

    def dataset(n: int):
        def make(b):
            ids = b["id"]
            return {"path": np.array([f"img-{i}" for i in ids]), "image": stack[ids % len(stack)]}
        return ray.data.range(n, override_num_blocks=max(2, n // (4 * batch))).map_batches(
            make, batch_format="numpy", batch_size=4 * batch).materialize()

    try:
        large = dataset(4 * rows)

        def steady_case(name: str, udf: Any, kwargs: dict, actors: int) -> dict:
            def run(ds) -> tuple[float, float, float]:
                """(seconds to the first output batch, seconds from it to the end, rows
                after it)."""
                start = time.perf_counter()
                out = ds.map_batches(udf, fn_constructor_kwargs=kwargs,
                                     compute=ray.data.ActorPoolStrategy(size=actors),
                                     batch_size=batch, batch_format="numpy",
                                     num_cpus=min(1.0, (os.cpu_count() or 1) / actors),
                                     udf_modifying_row_count=False)
                first = None
                rows_after = 0
                for block in out.iter_batches(batch_size=None, batch_format="numpy"):
                    if first is None:
                        first = time.perf_counter()
                    else:
                        rows_after += len(block["image"])
                end = time.perf_counter()
                return first - start, end - first, rows_after

            runs = [run(large) for _ in range(max(2, repeats))]
            rates = [after / max(seconds, 1e-9) for _, seconds, after in runs]
            steady = statistics.median(rates)
            totals = [to_first + seconds for to_first, seconds, _ in runs]
            return {
                "suite": "scaling", "name": name, "library": "imgaug2_ray",
                "mode": "steady state", "image_shape": list(shape), "batch_size": batch,
                "actors": actors, "images_per_second": steady, "seconds_min": min(totals),
                "seconds_median": statistics.median(totals), "seconds_max": max(totals),
                "repeats": len(runs),
                "startup_seconds": statistics.median(to_first for to_first, _, _ in runs),
                "end_to_end_images_per_second": 4 * rows / statistics.median(totals),
                "peak_rss_bytes": peak_rss_bytes()}

        for actors in range(1, (os.cpu_count() or 1) + 1):
            cases.append(steady_case(f"ray-{actors}-actors", ImgaugActor,
                                     {"pipeline": spec, "seed": 0}, actors))
            if actors == 1:  # Ray's cost per batch over the same executor in-process
                cases[-1]["overhead_seconds_per_batch"] = (
                    batch / cases[-1]["images_per_second"] - batch / local["images_per_second"])
        # Ray Data's own ceiling here: the same job with a UDF that returns its input.
        cases.append(steady_case("ray-passthrough-1-actor", PassthroughActor, {}, 1))
    finally:
        if started:
            ray.shutdown()
    return cases


_MEMORY_SNIPPET = """
import json, sys, numpy as np
from imgaug2._threads import pin_single_thread
pin_single_thread()
import imgaug2.augmenters as iaa
from imgaug2.benchmarks.timing import peak_rss_bytes
name, size = sys.argv[1], int(sys.argv[2])
builders = {"ElasticTransformation": lambda: iaa.ElasticTransformation(alpha=50, sigma=5),
            "PiecewiseAffine": lambda: iaa.PiecewiseAffine(scale=0.03),
            "Superpixels": lambda: iaa.Superpixels(p_replace=0.5, n_segments=128)}
image = np.random.default_rng(0).integers(0, 256, (size, size, 3), dtype=np.uint8)
base = peak_rss_bytes()
aug = builders[name]()
aug(image=image)
print(json.dumps({"baseline_rss_bytes": base, "peak_rss_bytes": peak_rss_bytes()}))
"""


def memory_suite(sizes=(1024, 2048)) -> list[dict]:
    """Peak RSS of the memory-hungry augmenters, each in a fresh process."""
    cases = []
    for name in ("ElasticTransformation", "PiecewiseAffine", "Superpixels"):
        for size in sizes:
            proc = subprocess.run([sys.executable, "-c", _MEMORY_SNIPPET, name, str(size)],
                                  capture_output=True, text=True, timeout=600)
            base = {"suite": "memory", "name": name, "library": "imgaug2",
                    "image_shape": [size, size, 3], "batch_size": 1}
            if proc.returncode != 0:
                cases.append({**base, "error": proc.stderr.strip().splitlines()[-1:]})
                continue
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            cases.append({**base, **data,
                          "extra_rss_bytes": data["peak_rss_bytes"] - data["baseline_rss_bytes"]})
    return cases


def fast_ops(ops: list[Op]) -> list[Op]:
    return [op for op in ops if op.category == "fast"]


def ops_by_name(names: list[str] | None) -> list[Op]:
    ops = all_ops()
    if names is None:
        return ops
    return [op for op in ops if op.name in names]
