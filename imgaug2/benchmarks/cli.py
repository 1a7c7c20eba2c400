"""``imgaug2-bench``: run a suite and write JSON + Markdown report + charts, or report only.

    imgaug2-bench --suite quick --output DIR
    imgaug2-bench --suite full --output DIR --imgaug-venv .bench-imgaug-venv
    imgaug2-bench report RUN1.json RUN2.json --output DIR
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from imgaug2.benchmarks import SCHEMA_VERSION, suites
from imgaug2.benchmarks.report import write_report
from imgaug2.benchmarks.schema import validate_run
from imgaug2.benchmarks.system import system_info

SUITES = ("quick", "full", "smoke", "compare", "augmenters", "pipelines", "scaling", "memory",
          "keyed")


def _config(args: argparse.Namespace) -> dict:
    return {"suite": args.suite, "repeats": args.repeats, "batch": args.batch,
            "size": args.size, "ops": args.ops, "imgaug_venv": args.imgaug_venv}


def run_suite(args: argparse.Namespace) -> list[dict]:
    from imgaug2._threads import pin_single_thread

    pin_single_thread()
    suite = args.suite
    shape = (args.size, args.size, 3)
    ops = suites.ops_by_name(args.ops.split(",") if args.ops else None)
    cases: list[dict] = []
    if suite == "smoke":
        small = (32, 32, 3)
        cases += suites.compare_suite(ops[:3], small, 2, 2)
        cases += suites.keyed_suite(small, 2, 2)
        return cases
    repeats = args.repeats
    if suite in ("quick", "full", "compare"):
        with contextlib.ExitStack() as stack:
            imgaug = _imgaug_session(args, stack, cases)
            for s in ([shape] if suite != "full" else [(256, 256, 3), (224, 224, 3)]):
                cases += suites.compare_suite(ops, s, args.batch, repeats, imgaug=imgaug)
        cases += suites.batch_vs_single_suite(suites.fast_ops(ops), shape, args.batch, repeats)
    if suite in ("quick", "full", "keyed"):
        cases += suites.keyed_suite((224, 224, 3), args.batch, repeats)
    if suite in ("full", "augmenters"):
        cases += suites.augmenter_suite([(256, 256, 3), (224, 224, 3)], args.batch, repeats)
    if suite in ("full", "pipelines"):
        cases += suites.pipeline_suite(repeats)
    elif suite == "quick":
        cases += suites.pipeline_suite(max(1, repeats // 2), batch_sizes=(1, 16, 64),
                                       n_images=64)
    if suite in ("quick", "full", "scaling"):
        cases += suites.scaling_suite(n_batches=16, batch=args.batch, shape=(224, 224, 3),
                                      repeats=max(2, repeats // 2),
                                      with_ray=suite != "quick" or args.ray)
    if suite in ("full", "memory"):
        cases += suites.memory_suite()
    return cases


def _imgaug_session(args: argparse.Namespace, stack: contextlib.ExitStack,
                    cases: list[dict]) -> Any:
    """The imgaug 0.4.0 process for ``--imgaug-venv`` (None without it, or if it fails to
    start: then the failure is recorded as a case and the run goes on)."""
    if not args.imgaug_venv:
        return None
    from imgaug2.benchmarks.baseline import ImgaugSession

    try:
        return stack.enter_context(ImgaugSession.from_venv(Path(args.imgaug_venv)))
    except Exception as exc:  # noqa: BLE001 - the baseline is optional
        cases.append({"suite": "compare", "name": "imgaug-baseline", "library": "imgaug",
                      "error": f"{type(exc).__name__}: {exc}"})
        return None


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["report"]:
        parser = argparse.ArgumentParser(prog="imgaug2-bench report")
        parser.add_argument("runs", nargs="+", type=Path)
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument("--no-charts", action="store_true")
        args = parser.parse_args(argv[1:])
        print(write_report(args.runs, args.output, charts=not args.no_charts))
        return
    parser = argparse.ArgumentParser(prog="imgaug2-bench", description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=SUITES, default="quick")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--ops", default=None, help="comma-separated op names (compare suites)")
    parser.add_argument("--imgaug-venv", default=None,
                        help="create/use this virtualenv for the imgaug 0.4.0 baseline")
    parser.add_argument("--ray", action="store_true", help="include the Ray path in 'quick'")
    parser.add_argument("--no-charts", action="store_true")
    args = parser.parse_args(argv)

    started = dt.datetime.now(dt.timezone.utc)
    cases = run_suite(args)
    data = {"schema_version": SCHEMA_VERSION, "created": started.isoformat(),
            "system": system_info(), "config": _config(args), "cases": cases}
    validate_run(data)
    args.output.mkdir(parents=True, exist_ok=True)
    json_path = args.output / f"run-{args.suite}-{started.strftime('%Y%m%dT%H%M%S')}.json"
    json_path.write_text(json.dumps(data, indent=2))
    report = write_report([json_path], args.output, charts=not args.no_charts)
    print(json.dumps({"json": str(json_path), "report": str(report), "cases": len(cases),
                      "errors": sum(1 for c in cases if "error" in c)}))


if __name__ == "__main__":  # pragma: no cover
    main()
