"""Markdown reports and PNG charts from one or more benchmark run files."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any


def load_runs(paths: list[Path]) -> list[dict]:
    return [json.loads(Path(p).read_text()) for p in paths]


def _image(case: dict) -> str:
    return "x".join(map(str, case.get("image_shape", [])))


def ratios(run: dict, suite: str = "compare") -> list[dict[str, Any]]:
    """Per op and image shape: images/s of each library and imgaug2's speed ratios to the
    others (libraries are only compared on the same images)."""
    by_op: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    category: dict[str, str] = {}
    differs: dict[str, str] = {}
    for case in run["cases"]:
        if case.get("suite") != suite or "images_per_second" not in case:
            continue
        by_op[(case["name"], _image(case))][case["library"]] = case["images_per_second"]
        if case.get("differs"):
            differs[case["name"]] = case["differs"]
        if "category" in case:
            category[case["name"]] = case["category"]
    rows = []
    for (name, image), libs in by_op.items():
        mine = libs.get("imgaug2")
        row = {"op": name, "image": image, "category": category.get(name, ""), **libs}
        if name in differs:
            row["albumentations_differs"] = differs[name]
        for other in ("raw", "albumentations", "imgaug"):
            if mine and libs.get(other):
                row[f"vs_{other}"] = mine / libs[other]
        rows.append(row)
    return rows


def case_label(row: dict[str, Any]) -> str:
    """``op`` or ``op (HxWxC)`` for a row of :func:`ratios`."""
    return f"{row['op']} ({row['image']})" if row.get("image") else row["op"]


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"
    return str(value)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(runs: list[dict], labels: list[str]) -> str:
    out = ["# imgaug2 benchmark report", ""]
    out.append("Numbers depend on the machine and its load; compare ratios measured in the "
               "same run. images/s: higher is better; ratios > 1 mean imgaug2 is faster.")
    for run, label in zip(runs, labels):
        system = run["system"]
        out += ["", f"## {label}", "",
                f"{system['cpu']}, {system['cores']} cores, Python {system['python']}, "
                f"NumPy {system['numpy']}, OpenCV {system['opencv']} "
                f"(threads: {system['opencv_threads']}), created {run['created']}, "
                f"suite `{run['config']['suite']}`."]
        compare = ratios(run)
        if compare:
            out += ["", "### imgaug2 vs raw kernel vs albumentations vs imgaug 0.4.0", "",
                    _table(["op", "image", "category", "imgaug2", "raw", "albumentations",
                            "imgaug", "imgaug2/raw", "imgaug2/albumentations", "imgaug2/imgaug"],
                           [[r["op"] + (" *" if "albumentations_differs" in r else ""),
                             r["image"], r["category"], r.get("imgaug2"), r.get("raw"),
                             r.get("albumentations"), r.get("imgaug"), r.get("vs_raw"),
                             r.get("vs_albumentations"), r.get("vs_imgaug")]
                            for r in sorted(compare, key=lambda r: (r["op"], r["image"]))])]
            out += [f"\n\\* albumentations does different work for {op}: {why}; its ratio is "
                    "not held to the target."
                    for op, why in sorted({(r["op"], r["albumentations_differs"])
                                           for r in compare if "albumentations_differs" in r})]
        for suite, title in (("batch_vs_single", "Batch vs one-image calls"),
                             ("keyed", "Keyed vs classic randomness"),
                             ("pipelines", "Pipelines"), ("scaling", "Scaling"),
                             ("augmenters", "Every augmenter")):
            cases = [c for c in run["cases"] if c.get("suite") == suite]
            if not cases:
                continue
            rows = [[c["name"], c.get("mode", c.get("library")), "x".join(
                map(str, c.get("image_shape", []))), c.get("batch_size"),
                c.get("images_per_second"), c.get("seconds_median"), c.get("error")]
                for c in cases]
            out += ["", f"### {title}", "",
                    _table(["case", "mode/library", "image", "batch", "images/s",
                            "median s/call", "error"], rows)]
        out += _targets_section(run)
        memory = [c for c in run["cases"] if c.get("suite") == "memory"]
        if memory:
            out += ["", "### Peak memory", "",
                    _table(["augmenter", "image", "peak RSS MiB", "added by the op MiB"],
                           [[c["name"], "x".join(map(str, c["image_shape"])),
                             c.get("peak_rss_bytes", 0) / 2**20,
                             c.get("extra_rss_bytes", 0) / 2**20] for c in memory])]
    return "\n".join(out) + "\n"


def _targets_section(run: dict) -> list[str]:
    from imgaug2.benchmarks import targets

    rows = targets.evaluate(run)
    if not rows:
        return []
    counts = targets.summary(rows)
    missed = [r for r in rows if r["met"] is False]
    out = ["", "### Speed targets", "",
           _table(["target", "met", "measured"],
                  [[name, c["met"], c["measured"]] for name, c in counts.items()])]
    if missed:
        out += ["", "Missed (ceiling: the ratio the raw kernel itself reaches, where known):",
                "", _table(["target", "case", "measured ratio", "ceiling"],
                           [[r["target"], r["case"], r["value"], r.get("ceiling")]
                            for r in missed])]
    return out


def render_charts(runs: list[dict], labels: list[str], output: Path) -> list[Path]:
    """One bar chart per run of imgaug2's ratio to each other library (log scale)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError("charts need matplotlib: pip install 'imgaug2[bench]'") from exc
    paths = []
    for run, label in zip(runs, labels):
        rows = sorted(ratios(run), key=lambda r: (r["op"], r["image"]))
        if not rows:
            continue
        fig, ax = plt.subplots(figsize=(min(16, max(6, len(rows) * 0.35)), 5.5))
        width = 0.27
        for i, other in enumerate(("raw", "albumentations", "imgaug")):
            values = [r.get(f"vs_{other}", 0) or 0 for r in rows]
            if any(values):
                ax.bar([x + (i - 1) * width for x in range(len(rows))], values, width,
                       label=f"imgaug2 / {other}")
        ax.axhline(1.0, color="black", linewidth=0.8)
        ax.set_yscale("log")
        ax.set_xticks(range(len(rows)))
        ax.set_xticklabels([case_label(r) for r in rows], rotation=60, ha="right", fontsize=8)
        ax.set_ylabel("speed ratio (images/s), > 1 = imgaug2 faster")
        ax.set_title(f"imgaug2 speed ratios — {label}")
        ax.legend(fontsize=8)
        fig.tight_layout()
        path = output / f"ratios-{_slug(label)}.png"
        fig.savefig(path, dpi=100)
        plt.close(fig)
        paths.append(path)
    return paths


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-") or "run"


def write_report(json_paths: list[Path], output: Path, charts: bool = True) -> Path:
    output.mkdir(parents=True, exist_ok=True)
    runs = load_runs(json_paths)
    labels = [Path(p).stem for p in json_paths]
    report = output / "report.md"
    report.write_text(render_markdown(runs, labels))
    if charts:
        render_charts(runs, labels, output)
    return report
