"""Superpixel-based augmenters: Superpixels. Pixel-only (annotations unchanged)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.superpixels import replace_segments_, slic_segments
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Superpixels"]


class Superpixels(Augmenter):
    """Replace a fraction ``p_replace`` of ``n_segments`` superpixels by their mean colour.

    Segments are computed on the image downscaled to ``max_size`` (then upscaled with
    ``interpolation``). uint8 images.
    """

    def __init__(self, p_replace: Any = (0.5, 1.0), n_segments: Any = (50, 120),
                 max_size: int | None = 128, interpolation: str = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p_replace = iap.handle_probability_param(p_replace, "p_replace",
                                                      tuple_to_uniform=True,
                                                      list_to_choice=True)
        self.n_segments = iap.handle_discrete_param(n_segments, "n_segments",
                                                    value_range=(1, None))
        if max_size is not None and (not isinstance(max_size, int) or max_size < 1):
            raise ValueError(f"max_size must be None or an int >= 1, got {max_size!r}")
        self.max_size = max_size
        self.interpolation = interpolation

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.images
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            images[i] = self._augment_image(images[i], rng)
        batch.images = images
        return batch

    def _augment_image(self, image: np.ndarray, rng) -> np.ndarray:
        n_segments = int(self.n_segments.draw_sample(random_state=rng))
        h, w = image.shape[0:2]
        small = image
        if self.max_size is not None and max(h, w) > self.max_size:
            factor = self.max_size / max(h, w)
            small = ia.imresize_single_image(image, (max(1, int(round(h * factor))),
                                                     max(1, int(round(w * factor)))))
            if small.ndim == 2:
                small = small[..., None]
        segments = slic_segments(small, n_segments)
        n_found = int(segments.max()) + 1
        replace = np.asarray(self.p_replace.draw_samples((n_found,), random_state=rng)) > 0.5
        if not replace.any():
            return image
        result = replace_segments_(small, segments, replace)
        if result.shape[0:2] != (h, w):
            result = ia.imresize_single_image(result, (h, w), interpolation=self.interpolation)
            if result.ndim == 2:
                result = result[..., None]
        return result

    def get_parameters(self) -> list:
        return [self.p_replace, self.n_segments, self.max_size, self.interpolation]
