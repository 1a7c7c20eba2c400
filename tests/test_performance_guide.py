"""Every code snippet of the user's performance guide runs unchanged on imgaug2."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

GUIDE_CANDIDATES = [
    Path(__file__).resolve().parents[2] / "shared" / "seeds" / "performance-guide.md",
]


def _snippets() -> list[str]:
    for path in GUIDE_CANDIDATES:
        if path.exists():
            return re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S)
    return []


SNIPPETS = _snippets()


def _namespace() -> dict:
    import imgaug2.augmenters as iaa

    rng = np.random.default_rng(0)
    images = [rng.integers(0, 255, (64, 64, 3), dtype=np.uint8) for _ in range(8)]
    return {
        "np": np, "iaa": iaa, "images": images, "img": images[0],
        "images_batch_0": images[:4], "images_batch_1": images[4:],
        "aug": iaa.Fliplr(0.5),
        "a": iaa.Fliplr(0.5), "b": iaa.Flipud(0.5), "c": iaa.Add((-10, 10)),
        "d": iaa.GaussianBlur((0, 1.0)), "e": iaa.Affine(rotate=(-10, 10)),
    }


@pytest.mark.skipif(not SNIPPETS, reason="shared/seeds/performance-guide.md is not beside the "
                                         "repository")
@pytest.mark.parametrize("index", range(len(SNIPPETS)))
def test_guide_snippet_runs(index: int) -> None:
    code = SNIPPETS[index]
    assert "import imgaug\n" not in code and "import imgaug." not in code
    namespace = _namespace()
    exec(compile(code, f"performance-guide snippet {index}", "exec"), namespace)
    for name in ("aug", "images_aug", "batches_aug"):
        if name == "batches_aug" and name in namespace:
            assert len(namespace[name]) == 2
            assert all(b.images_aug is not None for b in namespace[name])


def test_guide_has_snippets_when_present() -> None:
    if any(p.exists() for p in GUIDE_CANDIDATES):
        assert len(SNIPPETS) >= 5
