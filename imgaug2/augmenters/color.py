"""Colour augmenters: Grayscale.

Pixel-only. uint8 RGB images (OpenCV's RGB->gray weights).
"""

from __future__ import annotations

from typing import Any

import cv2

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Grayscale"]


class Grayscale(Augmenter):
    """Blend each image with its grayscale version; ``alpha`` 1.0 = fully gray. uint8, 3 ch."""

    def __init__(self, alpha: Any = 1, from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        if from_colorspace not in ("RGB", "BGR"):
            raise ValueError(f"from_colorspace must be 'RGB' or 'BGR', got {from_colorspace!r}")
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.images
        alphas = self.alpha.draw_samples((len(images),), random_state=random_state)
        code = cv2.COLOR_RGB2GRAY if self.from_colorspace == "RGB" else cv2.COLOR_BGR2GRAY
        for i, alpha in enumerate(alphas):
            image = images[i]
            if alpha <= 0 or image.shape[2] != 3:
                continue
            gray = cv2.cvtColor(image, code)
            gray3 = cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB)
            images[i] = gray3 if alpha >= 1 else cv2.addWeighted(
                image, 1.0 - float(alpha), gray3, float(alpha), 0.0)
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.alpha, self.from_colorspace]


