"""Run fixed-parameter augmenters in imgaug 0.4.0 and in imgaug2 on the same image and report
how far the outputs differ (a behaviour check, not a test: imgaug needs its own virtualenv).

``python tools/compare_with_imgaug.py --imgaug-venv DIR [--output docs/imgaug-differences.md]``
(``imgaug2-bench --imgaug-venv DIR`` creates such a virtualenv.)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

# Every expression is valid in both libraries (``iaa`` is imgaug's or imgaug2's augmenters)
# and fixes every parameter, so equal implementations give equal outputs.
CASES = [
    "iaa.Add(20)", "iaa.Multiply(1.2)", "iaa.Invert(1.0)", "iaa.Solarize(1.0, threshold=128)",
    "iaa.JpegCompression(compression=50)", "iaa.Cutout(nb_iterations=0)",
    "iaa.GaussianBlur(sigma=1.0)", "iaa.GaussianBlur(sigma=3.0)", "iaa.AverageBlur(k=5)",
    "iaa.MedianBlur(k=5)", "iaa.BilateralBlur(d=7, sigma_color=75, sigma_space=75)",
    "iaa.MotionBlur(k=7, angle=45, direction=0.0)",
    "iaa.Grayscale(1.0)", "iaa.ChangeColorspace('HSV', alpha=1.0)",
    "iaa.ChangeColorTemperature(5000)", "iaa.AddToHue(20)", "iaa.AddToSaturation(20)",
    "iaa.MultiplySaturation(1.5)", "iaa.MultiplyHue(1.2)",
    "iaa.AddToBrightness(20, to_colorspace='YCrCb')",
    "iaa.MultiplyBrightness(1.2, to_colorspace='HSV')", "iaa.RemoveSaturation(1.0)",
    "iaa.UniformColorQuantization(8)", "iaa.UniformColorQuantizationToNBits(3)",
    "iaa.Posterize(3)",
    "iaa.GammaContrast(1.5)", "iaa.SigmoidContrast(gain=10, cutoff=0.5)",
    "iaa.LogContrast(0.8)", "iaa.LinearContrast(1.2)",
    "iaa.AllChannelsCLAHE(clip_limit=2, tile_grid_size_px=8)",
    "iaa.CLAHE(clip_limit=2, tile_grid_size_px=8)",
    "iaa.AllChannelsHistogramEqualization()", "iaa.HistogramEqualization()",
    "iaa.Sharpen(alpha=1.0, lightness=1.0)", "iaa.Emboss(alpha=1.0, strength=1.0)",
    "iaa.EdgeDetect(alpha=1.0)", "iaa.DirectedEdgeDetect(alpha=1.0, direction=0.25)",
    "iaa.Convolve(matrix=np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]))",
    "iaa.Canny(alpha=1.0, hysteresis_thresholds=((60, 60), (140, 140)), sobel_kernel_size=3,"
    " colorizer=iaa.RandomColorsBinaryImageColorizer(color_true=255, color_false=0))",
    "iaa.Fliplr(1.0)", "iaa.Flipud(1.0)",
    "iaa.Resize(0.5)", "iaa.Resize({'height': 100, 'width': 80}, interpolation='cubic')",
    "iaa.Resize(0.5, interpolation='area')", "iaa.Resize(1.7, interpolation='nearest')",
    "iaa.Crop(px=(8, 4, 2, 6), keep_size=False)", "iaa.Crop(px=8)",
    "iaa.Pad(px=(8, 4, 2, 6), keep_size=False, pad_mode='edge')",
    "iaa.Pad(percent=0.1, pad_mode='reflect')",
    "iaa.CenterPadToFixedSize(width=300, height=260)",
    "iaa.CenterCropToFixedSize(width=100, height=90)", "iaa.CenterPadToSquare()",
    "iaa.CenterCropToSquare()", "iaa.CenterPadToMultiplesOf(32, 32)",
    "iaa.CenterCropToAspectRatio(1.5)", "iaa.CenterPadToPowersOf(2, 2)",
    "iaa.Affine(rotate=15, scale=1.1)", "iaa.Affine(translate_px={'x': 10, 'y': -5}, order=0)",
    "iaa.Affine(shear=10, order=3)", "iaa.Rot90(1, keep_size=False)", "iaa.Rot90(2)",
    "iaa.AveragePooling(2, keep_size=False)", "iaa.MaxPooling(3, keep_size=False)",
    "iaa.MinPooling(2)", "iaa.MedianPooling(3, keep_size=False)",
]

_RUNNER = """
import sys, warnings
import numpy as np
warnings.simplefilter("ignore")
import {package}.augmenters as iaa
if not hasattr(iaa, "RandomColorsBinaryImageColorizer"):
    iaa.RandomColorsBinaryImageColorizer = iaa.edges.RandomColorsBinaryImageColorizer
image = np.load(sys.argv[1])
outputs = {{}}
for i, expression in enumerate(sys.argv[3:]):
    try:
        outputs[str(i)] = eval(expression, {{"iaa": iaa, "np": np}})(image=image)
    except Exception as exc:
        outputs[f"error{{i}}"] = np.array(f"{{type(exc).__name__}}: {{exc}}")
np.savez(sys.argv[2], **outputs)
"""


def _run(python: str, package: str, image_path: Path, out_path: Path) -> dict:
    subprocess.run([python, "-c", _RUNNER.format(package=package), str(image_path),
                    str(out_path), *CASES], check=True)
    with np.load(out_path) as data:
        return {key: data[key] for key in data.files}


def compare(imgaug_python: str) -> list[dict]:
    """One row per case: shapes, the share of differing values and the largest difference."""
    from imgaug2 import data

    image = data.quokka(size=(180, 240))
    with tempfile.TemporaryDirectory() as tmp:
        image_path = Path(tmp) / "image.npy"
        np.save(image_path, image)
        theirs = _run(imgaug_python, "imgaug", image_path, Path(tmp) / "imgaug.npz")
        ours = _run(sys.executable, "imgaug2", image_path, Path(tmp) / "imgaug2.npz")
    rows = []
    for i, expression in enumerate(CASES):
        a, b = theirs.get(str(i)), ours.get(str(i))
        row = {"case": expression}
        if a is None or b is None:
            row["error"] = str(theirs.get(f"error{i}", "")) or str(ours.get(f"error{i}", ""))
            row["error_in"] = "imgaug" if a is None else "imgaug2"
        elif a.shape != b.shape:
            row.update(imgaug_shape=list(a.shape), imgaug2_shape=list(b.shape))
        else:
            diff = np.abs(a.astype(np.int64) - b.astype(np.int64))
            row.update(shape=list(a.shape), differing=float((diff > 0).mean()),
                       max_abs_diff=int(diff.max()))
        rows.append(row)
    return rows


def to_markdown(rows: list[dict]) -> str:
    lines = ["| augmenter (fixed parameters) | values differing | largest difference |",
             "|---|---|---|"]
    for row in rows:
        if "error" in row:
            result = (f"error in {row['error_in']}: {row['error'][:80]}", "–")
        elif "imgaug_shape" in row:
            result = (f"shape {row['imgaug_shape']} vs {row['imgaug2_shape']}", "–")
        else:
            result = (f"{100 * row['differing']:.2f}%", str(row["max_abs_diff"]))
        lines.append(f"| `{row['case']}` | {result[0]} | {result[1]} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--imgaug-venv", required=True, type=Path)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    table = to_markdown(compare(str(args.imgaug_venv / "bin" / "python")))
    if args.output:
        args.output.write_text(table)
    print(table)


if __name__ == "__main__":
    main()
