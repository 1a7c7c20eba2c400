"""Generate the preview grids shown in the API docs (docs/images/augmenters/<Name>.jpg).

Each grid shows the sample image and 7 augmented versions (keyed mode, seed 0), so the pictures
are reproducible. Run: ``python tools/make_docs_previews.py [--only Name,Name]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import cv2
import numpy as np

import imgaug2 as ia
import imgaug2.augmenters as iaa
from imgaug2 import data
from imgaug2.benchmarks.defaults import augmenter_instances, call_source

OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "augmenters"


def preview(build, image: np.ndarray) -> np.ndarray:
    aug = build()
    keys = [f"preview-{i}" for i in range(7)]
    augmented = aug.augment_keyed(keys, seed=0, images=[image] * 7)
    cells = [image] + [cv2.resize(a, (image.shape[1], image.shape[0])) if a.shape != image.shape
                       else a for a in augmented]
    return ia.draw_grid(cells, rows=2, cols=4)


def main(argv: list[str] | None = None) -> list[Path]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=None)
    parser.add_argument("--size", type=int, default=96)
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    image = data.quokka(size=(args.size, args.size))
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in augmenter_instances(iaa):
        if only and name not in only:
            continue
        try:
            grid = preview(build, image)
        except Exception as exc:  # noqa: BLE001 - report and continue
            print(f"skipped {name}: {type(exc).__name__}: {exc}")
            continue
        path = OUT / f"{name}.jpg"
        cv2.imwrite(str(path), cv2.cvtColor(grid, cv2.COLOR_RGB2BGR),
                    [cv2.IMWRITE_JPEG_QUALITY, 80])
        written.append(path)
    write_gallery(sorted(OUT.glob("*.jpg")))  # every preview, not only this run's
    print(f"wrote {len(written)} previews to {OUT}")
    return written


def write_gallery(paths: list[Path]) -> None:
    """docs/gallery.md: every preview, grouped by the augmenter's module."""
    by_module: dict[str, list[str]] = {}
    for path in sorted(paths):
        cls = getattr(iaa, path.stem)
        module = cls.__module__.split(".")[2]
        by_module.setdefault(module, []).append(path.stem)
    lines = ["# Gallery", "",
             "Each grid: the sample image (top left) and seven keyed augmentations with the",
             "augmenter's default arguments (see `tools/make_docs_previews.py`, which generated",
             "this page and the images). The code above each grid builds the augmenter shown",
             "(the grid itself uses keyed mode with seed 0); `images` is a list of uint8 RGB",
             "arrays.", ""]
    for module in sorted(by_module):
        lines += [f"## {module}", ""]
        for name in by_module[module]:
            lines += [f"### {name}", "", "```python",
                      f"aug = {call_source(name)}", "images_aug = aug(images=images)", "```", "",
                      f"![{name}](images/augmenters/{name}.jpg)", ""]
    (OUT.parents[1] / "gallery.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
