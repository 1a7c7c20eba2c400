"""Every Python example in the API docs runs on the current code (the docs stay true)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = ["api/augmenters.md", "api/helpers.md"]
_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for i, code in enumerate(_BLOCK.findall((DOCS / page).read_text())):
            found.append((f"{page}#{i}", code))
    return found


def test_the_api_pages_have_examples() -> None:
    assert len(_examples()) >= 12


@pytest.mark.parametrize(("where", "code"), _examples(), ids=[w for w, _ in _examples()])
def test_docs_example_runs(where: str, code: str) -> None:
    exec(compile(code, where, "exec"), {"__name__": "docs_example"})  # noqa: S102
