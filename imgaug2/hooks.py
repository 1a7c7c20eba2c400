"""Hooks that let a caller switch augmenters off or stop propagation for parts of a pipeline.

imgaug 0.4.0 exposed these as ``ia.HooksImages``, ``ia.HooksHeatmaps`` and ``ia.HooksKeypoints``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

HookFunc = Callable[..., Any]


class HooksImages:
    """Callbacks consulted while a batch flows through a pipeline.

    Each callback receives ``(column_value, augmenter, parents, default)`` (activator and
    propagator) or ``(column_value, augmenter, parents)`` (pre-/postprocessor).

    * ``activator``: return False to skip an augmenter (its children are skipped too).
    * ``propagator``: return False to stop an augmenter from passing data to its children.
    * ``preprocessor`` / ``postprocessor``: transform the data before/after an augmenter.
    """

    def __init__(
        self,
        activator: HookFunc | None = None,
        propagator: HookFunc | None = None,
        preprocessor: HookFunc | None = None,
        postprocessor: HookFunc | None = None,
    ) -> None:
        for name, func in (
            ("activator", activator),
            ("propagator", propagator),
            ("preprocessor", preprocessor),
            ("postprocessor", postprocessor),
        ):
            if func is not None and not callable(func):
                raise TypeError(f"{name} must be callable or None, got {type(func).__name__}")
        self.activator = activator
        self.propagator = propagator
        self.preprocessor = preprocessor
        self.postprocessor = postprocessor

    def is_activated(self, images: Any, augmenter: Any, parents: list, default: bool) -> bool:
        if self.activator is None:
            return default
        return bool(self.activator(images, augmenter, parents, default))

    def is_propagating(self, images: Any, augmenter: Any, parents: list, default: bool) -> bool:
        if self.propagator is None:
            return default
        return bool(self.propagator(images, augmenter, parents, default))

    def preprocess(self, images: Any, augmenter: Any, parents: list) -> Any:
        if self.preprocessor is None:
            return images
        return self.preprocessor(images, augmenter, parents)

    def postprocess(self, images: Any, augmenter: Any, parents: list) -> Any:
        if self.postprocessor is None:
            return images
        return self.postprocessor(images, augmenter, parents)


class HooksHeatmaps(HooksImages):
    """Hooks for heatmaps (same interface as :class:`HooksImages`)."""


class HooksKeypoints(HooksImages):
    """Hooks for keypoints and other coordinate-based data (same interface)."""
