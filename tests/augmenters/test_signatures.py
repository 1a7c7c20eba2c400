"""Argument names, order and defaults of the part-1 modules match imgaug 0.4.0.

The reference is a snapshot of imgaug 0.4.0's public signatures made by
``tools/dump_signatures.py`` in an imgaug 0.4.0 virtualenv.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from dump_signatures import signatures  # noqa: E402

REFERENCE = json.loads((Path(__file__).parent / "data" / "imgaug040_signatures.json").read_text())
OURS = signatures("imgaug2")


def test_reference_snapshot_is_complete() -> None:
    assert len(REFERENCE) > 150
    assert "color.KMeansColorQuantization" in REFERENCE


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_signature_matches_imgaug(name: str) -> None:
    module, attr = name.split(".")
    mod = importlib.import_module(f"imgaug2.augmenters.{module}")
    assert hasattr(mod, attr), f"imgaug2.augmenters.{name} is missing"
    if name not in OURS:  # re-exported from another module (e.g. arithmetic.ContrastNormalization)
        return
    theirs, ours = REFERENCE[name], OURS[name]
    assert [a for a in ours if a in theirs] == list(theirs), f"argument order of {name}"
    for arg, default in theirs.items():
        assert ours[arg] == default, f"{name}({arg}=...): imgaug {default}, imgaug2 {ours[arg]}"
    added_required = [a for a, d in ours.items() if a not in theirs and d is None]
    assert not added_required, f"{name} requires arguments imgaug does not: {added_required}"
