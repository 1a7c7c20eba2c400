"""The contract catalogue: one entry per augmenter class, with arguments for the generic tests.

Each family module in this package defines ``CASES: list[Case]``. ``tests/augmenters/
test_contract.py`` runs every generic contract over every case, and
``test_catalogue_complete`` fails when a public augmenter class has no case.
"""

from __future__ import annotations

import copy
import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Case:
    """How to build and what to expect of one augmenter for the generic contract tests.

    cls: the augmenter class.
    kwargs: constructor arguments for a stochastic configuration that changes the image.
    identity_kwargs: arguments that make it return its input unchanged (None: no such setting).
    dtypes: image dtypes that must be accepted and kept.
    stochastic: different seeds give different outputs (False for fixed transforms).
    geometry: "none" (annotations untouched), "moves" (annotations move with pixels; checked
        with a bright-dot test within ``tolerance`` pixels), or "skip" (not checkable generically).
    changes_shape: the output image shape may differ from the input's.
    channels: image channel count used by the tests.
    min_size: image side length used by the tests.
    id: test id suffix (defaults to the class name).
    """

    cls: type
    kwargs: dict[str, Any] = field(default_factory=dict)
    identity_kwargs: dict[str, Any] | None = None
    dtypes: tuple[str, ...] = ("uint8",)
    stochastic: bool = True
    geometry: str = "none"
    tolerance: float = 2.0
    changes_shape: bool = False
    channels: int = 3
    min_size: int = 64
    id: str | None = None

    def build(self, seed: int | None = 0, **overrides: Any):
        # deep copies: children given in kwargs must not share RNG state between builds
        kwargs = copy.deepcopy({**self.kwargs, **overrides})
        aug = self.cls(seed=seed, **kwargs)
        if seed is not None and aug.get_children_lists():
            aug.seed_(seed)  # containers: the seed must reach the children too
        return aug

    @property
    def test_id(self) -> str:
        return self.id or self.cls.__name__


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        cases.extend(getattr(module, "CASES", []))
    return cases
