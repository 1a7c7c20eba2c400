"""Canny edge detection, blended with the image by ``alpha`` and coloured by a colorizer."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Canny", "IBinaryImageColorizer", "RandomColorsBinaryImageColorizer"]


class IBinaryImageColorizer:
    """Interface: ``colorize(image_binary, image_original, nth_image, random_state)``."""

    def __new__(cls, *args: Any, **kwargs: Any):
        obj = super().__new__(cls)
        obj._ctor_args = (args, kwargs)
        return obj

    def colorize(self, image_binary, image_original, nth_image, random_state):
        raise NotImplementedError


class RandomColorsBinaryImageColorizer(IBinaryImageColorizer):
    """Edges get ``color_true``, the rest ``color_false`` (sampled per image and channel)."""

    def __init__(self, color_true: Any = (0, 255), color_false: Any = 0) -> None:
        self.color_true = iap.handle_discrete_param(color_true, "color_true",
                                                    value_range=(0, 255))
        self.color_false = iap.handle_discrete_param(color_false, "color_false",
                                                     value_range=(0, 255))

    def colorize(self, image_binary, image_original, nth_image, random_state):
        channels = image_original.shape[2]
        true = np.asarray(self.color_true.draw_samples((channels,), random_state=random_state))
        false = np.asarray(self.color_false.draw_samples((channels,),
                                                         random_state=random_state))
        mask = image_binary[..., None] > 0
        return np.where(mask, true.astype(np.uint8), false.astype(np.uint8))


class Canny(Augmenter):
    """cv2.Canny edges (thresholds and Sobel size sampled per image), coloured, then blended
    with the image by ``alpha``. uint8 images."""

    def __init__(self, alpha: Any = (0.0, 1.0),
                 hysteresis_thresholds: Any = ((100 - 40, 100 + 40), (200 - 40, 200 + 40)),
                 sobel_kernel_size: Any = (3, 7), colorizer: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        if (isinstance(hysteresis_thresholds, tuple) and len(hysteresis_thresholds) == 2
                and all(isinstance(v, (tuple, list, iap.StochasticParameter))
                        for v in hysteresis_thresholds)):
            self.hysteresis_thresholds = (
                iap.handle_discrete_param(hysteresis_thresholds[0], "hysteresis_thresholds[0]"),
                iap.handle_discrete_param(hysteresis_thresholds[1], "hysteresis_thresholds[1]"))
        else:
            self.hysteresis_thresholds = iap.handle_discrete_param(
                hysteresis_thresholds, "hysteresis_thresholds")
        self.sobel_kernel_size = iap.handle_discrete_param(sobel_kernel_size,
                                                           "sobel_kernel_size",
                                                           value_range=(0, 7))
        self.colorizer = colorizer if colorizer is not None else \
            RandomColorsBinaryImageColorizer()

    def _thresholds(self, rng) -> tuple[int, int]:
        if isinstance(self.hysteresis_thresholds, tuple):
            low = int(self.hysteresis_thresholds[0].draw_sample(random_state=rng))
            high = int(self.hysteresis_thresholds[1].draw_sample(random_state=rng))
        else:
            low, high = (int(v) for v in self.hysteresis_thresholds.draw_samples(
                (2,), random_state=rng))
        return min(low, high), max(low, high)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            image = images[i]
            alpha = float(self.alpha.draw_sample(random_state=rng))
            low, high = self._thresholds(rng)
            ksize = int(self.sobel_kernel_size.draw_sample(random_state=rng))
            ksize = min(7, max(3, ksize + (1 - ksize % 2)))
            if alpha <= 0:
                continue
            source = image[..., 0:3] if image.shape[2] >= 3 else image[..., 0]
            edges = cv2.Canny(np.ascontiguousarray(source), low, high, apertureSize=ksize)
            colored = self.colorizer.colorize(edges, image, i, rng)
            images[i] = np.clip(np.round((1 - alpha) * image + alpha * colored), 0,
                                255).astype(np.uint8)
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.alpha, self.hysteresis_thresholds, self.sobel_kernel_size, self.colorizer]
