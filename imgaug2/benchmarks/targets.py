"""The speed targets of the project, checked against one benchmark run.

Every target is a ratio measured side by side in the same run, never an absolute time:

- imgaug2 at least as fast as albumentations on every op both have (ratio >= 1.0);
- the Fast and Moderate ops within 1.25x of the raw kernel's time (imgaug2/raw >= 0.8);
- at least 3x imgaug 0.4.0 on Affine, ElasticTransformation, PiecewiseAffine and GaussianBlur,
  and never slower than it on any op;
- batch calls at least 5x cheaper per image than one-image calls for the Fast ops;
- ``aug.pool`` on 2 processes at least 85% efficient (throughput / (2 x one process));
- the Ray path at least 80% of the pool's throughput with as many actors as processes.
"""

from __future__ import annotations

from typing import Any

from imgaug2.benchmarks.report import case_label, ratios

IMGAUG_3X_OPS = ("Affine", "ElasticTransformation", "PiecewiseAffine", "GaussianBlur")


def _row(target: str, case: str, value: float | None, threshold: float) -> dict[str, Any]:
    met = None if value is None else value >= threshold
    return {"target": target, "case": case, "value": value, "threshold": threshold, "met": met}


def _rate(run: dict, suite: str, name: str, **match: Any) -> float | None:
    for case in run["cases"]:
        if case.get("suite") == suite and case.get("name") == name \
                and all(case.get(k) == v for k, v in match.items()):
            return case.get("images_per_second")
    return None


def evaluate(run: dict) -> list[dict[str, Any]]:
    """One row per (target, case): the measured ratio, the threshold and whether it is met."""
    rows: list[dict[str, Any]] = []
    compare = sorted(ratios(run), key=lambda r: (r["op"], r["image"]))
    for r in compare:
        if "vs_albumentations" in r and "albumentations_differs" not in r:
            rows.append(_row("imgaug2/albumentations >= 1", case_label(r),
                             r["vs_albumentations"], 1.0))
    for r in compare:
        if r.get("category") in ("fast", "moderate") and "vs_raw" in r and r["op"] != "Identity":
            rows.append(_row("imgaug2/raw >= 0.8 (within 1.25x)", case_label(r), r["vs_raw"],
                             0.8))
    for r in compare:
        if "vs_imgaug" in r:
            threshold = 3.0 if r["op"] in IMGAUG_3X_OPS else 1.0
            row = _row(f"imgaug2/imgaug >= {threshold:g}", case_label(r), r["vs_imgaug"],
                       threshold)
            if r.get("raw") and r.get("imgaug"):
                # what even a wrapper-free call of the raw kernel would reach
                row["ceiling"] = r["raw"] / r["imgaug"]
            rows.append(row)
    for name in sorted({c["name"] for c in run["cases"] if c.get("suite") == "batch_vs_single"}):
        batch = _rate(run, "batch_vs_single", name, mode="batch")
        single = _rate(run, "batch_vs_single", name, mode="single")
        if batch and single:
            rows.append(_row("batch/single per image >= 5", name, batch / single, 5.0))
    single_process = _rate(run, "scaling", "single-process")
    pool2 = _rate(run, "scaling", "pool-2")
    if single_process and pool2:
        rows.append(_row("pool-2 efficiency >= 0.85", "pool-2", pool2 / (2 * single_process),
                         0.85))
    for case in run["cases"]:
        name = case.get("name", "")
        if case.get("suite") == "scaling" and name.startswith("ray-") and name.endswith("actors"):
            pool = _rate(run, "scaling", f"pool-{case.get('actors')}")
            if pool and case.get("images_per_second"):
                rows.append(_row("Ray / pool >= 0.8", name, case["images_per_second"] / pool,
                                 0.8))
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per target: how many cases meet it and how many were measured."""
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        if row["met"] is None:
            continue
        entry = out.setdefault(row["target"], {"met": 0, "measured": 0})
        entry["measured"] += 1
        entry["met"] += int(row["met"])
    return out
