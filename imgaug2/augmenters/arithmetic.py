"""Pixel-value arithmetic: Add, Multiply, AdditiveGaussianNoise, Dropout, CoarseDropout, ...

Pixel-only augmenters: annotations are never changed. uint8 uses 256-entry lookup tables
(one per channel with ``per_channel``); other dtypes are computed in float64 and saturated.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import arithmetic as kernels
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Add", "Multiply", "AddElementwise", "MultiplyElementwise", "AdditiveGaussianNoise",
           "Dropout", "CoarseDropout", "ReplaceElementwise", "add_scalar", "multiply_scalar"]

_DTYPES_ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
_DTYPES_DISALLOWED = "uint32 uint64 int32 int64 float128"

add_scalar = kernels.add_scalar
multiply_scalar = kernels.multiply_scalar


class _PixelAugmenter(Augmenter):
    """Base: samples per image, applies to images only."""

    def _check(self, images: Any) -> None:
        iadt.check_images_dtypes(images, _DTYPES_ALLOWED, _DTYPES_DISALLOWED, self)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        self._check(batch.images)
        images = batch.images
        rngs = random_state.derive_rngs_(len(images))
        for i, rng in enumerate(rngs):
            images[i] = self._augment_image(images[i], rng)
        batch.images = images
        return batch

    def _augment_image(self, image: np.ndarray, rng) -> np.ndarray:
        raise NotImplementedError


class _ScalarAugmenter(_PixelAugmenter):
    """One value per image (or per channel): all rows drawn at once, in a fixed order."""

    def _scalar_param(self):
        raise NotImplementedError

    def _apply(self, image: np.ndarray, value) -> np.ndarray:
        raise NotImplementedError

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        self._check(batch.images)
        images = batch.images
        n = len(images)
        max_channels = max(image.shape[2] for image in images)
        coins = np.asarray(self.per_channel.draw_samples((n,), random_state=random_state)) > 0.5
        values = np.asarray(self._scalar_param().draw_samples((n, max_channels),
                                                              random_state=random_state),
                            dtype=np.float64)
        for i in range(n):
            value = values[i, :images[i].shape[2]] if coins[i] else float(values[i, 0])
            images[i] = self._apply(images[i], value)
        batch.images = images
        return batch


class Add(_ScalarAugmenter):
    """Add a value (per image, or per channel) to all pixels. uint8/16, int8/16, float, bool."""

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.value = iap.handle_continuous_param(value, "value")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _scalar_param(self):
        return self.value

    def _apply(self, image, value):
        if image.dtype == np.bool_:
            return kernels.add_scalar(image.astype(np.float32), value) > 0.5
        return kernels.add_scalar(image, value)

    def get_parameters(self) -> list:
        return [self.value, self.per_channel]


class Multiply(_ScalarAugmenter):
    """Multiply all pixels by a value (per image, or per channel)."""

    def __init__(self, mul: Any = (0.8, 1.2), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.mul = iap.handle_continuous_param(mul, "mul", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _scalar_param(self):
        return self.mul

    def _apply(self, image, mul):
        if image.dtype == np.bool_:
            return kernels.multiply_scalar(image.astype(np.float32), mul) > 0.5
        return kernels.multiply_scalar(image, mul)

    def get_parameters(self) -> list:
        return [self.mul, self.per_channel]


class AddElementwise(_PixelAugmenter):
    """Add a separately sampled value to every pixel (and channel with ``per_channel``)."""

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.value = iap.handle_continuous_param(value, "value")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _elementwise(self, param, image, rng) -> np.ndarray:
        h, w, c = image.shape
        if self.per_channel.draw_sample(random_state=rng) > 0.5:
            return np.asarray(param.draw_samples((h, w, c), random_state=rng), dtype=np.float64)
        values = np.asarray(param.draw_samples((h, w, 1), random_state=rng), dtype=np.float64)
        return np.broadcast_to(values, (h, w, c))

    def _augment_image(self, image, rng):
        return kernels.add_elementwise(image, self._elementwise(self.value, image, rng))

    def get_parameters(self) -> list:
        return [self.value, self.per_channel]


class MultiplyElementwise(AddElementwise):
    """Multiply every pixel by a separately sampled value."""

    def __init__(self, mul: Any = (0.8, 1.2), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.mul = iap.handle_continuous_param(mul, "mul", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _augment_image(self, image, rng):
        return kernels.multiply_elementwise(image, self._elementwise(self.mul, image, rng))

    def get_parameters(self) -> list:
        return [self.mul, self.per_channel]


class AdditiveGaussianNoise(AddElementwise):
    """Add Gaussian noise N(loc, scale) per pixel (and per channel with ``per_channel``)."""

    def __init__(self, loc: Any = 0, scale: Any = (0, 15), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.loc = iap.handle_continuous_param(loc, "loc")
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _augment_image(self, image, rng):
        loc = float(self.loc.draw_sample(random_state=rng))
        scale = float(self.scale.draw_sample(random_state=rng))
        if scale == 0 and loc == 0:
            return image
        h, w, c = image.shape
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        noise = rng.normal(loc, scale, size=(h, w, c) if per_channel else (h, w, 1))
        return kernels.add_elementwise(image, np.broadcast_to(noise, (h, w, c)))

    def get_parameters(self) -> list:
        return [self.loc, self.scale, self.per_channel]


class ReplaceElementwise(_PixelAugmenter):
    """Replace pixels where ``mask`` samples are 1 with ``replacement`` samples."""

    def __init__(self, mask: Any, replacement: Any, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.mask = iap.handle_probability_param(mask, "mask", tuple_to_uniform=True,
                                                 list_to_choice=True)
        self.replacement = iap.handle_continuous_param(replacement, "replacement")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _augment_image(self, image, rng):
        h, w, c = image.shape
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        mask_shape = (h, w, c) if per_channel else (h, w, 1)
        mask = np.asarray(self.mask.draw_samples(mask_shape, random_state=rng)) > 0.5
        mask = np.broadcast_to(mask, (h, w, c))
        if not mask.any():
            return image
        if isinstance(self.replacement, iap.Deterministic) and image.dtype.kind != "b":
            value = kernels._saturate(np.asarray(float(self.replacement.value)), image.dtype)
            return np.where(mask, value, image)
        replacement = np.asarray(self.replacement.draw_samples((int(mask.sum()),),
                                                               random_state=rng))
        out = image.copy()
        work = out.astype(np.float64)
        work[mask] = replacement
        return kernels._saturate(work, image.dtype) if image.dtype.kind != "b" else work > 0.5

    def get_parameters(self) -> list:
        return [self.mask, self.replacement, self.per_channel]


def _drop_mask_param(p: Any, name: str) -> iap.StochasticParameter:
    """1 = drop. ``p`` is the drop probability: a number, or a tuple/list sampled per image."""
    return iap.handle_probability_param(p, name, tuple_to_uniform=True, list_to_choice=True)


class Dropout(ReplaceElementwise):
    """Set a fraction ``p`` of pixels to zero (per channel with ``per_channel``)."""

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.mask = _drop_mask_param(p, "p")
        self.replacement = iap.Deterministic(0)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def get_parameters(self) -> list:
        return [self.mask, self.per_channel]


class CoarseDropout(ReplaceElementwise):
    """Drop rectangular areas: a dropout mask sampled at lower resolution and upscaled
    (``size_px``/``size_percent``), nearest neighbour."""

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: int = 3, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        if size_px is None and size_percent is None:
            size_px = (3, 8)
        self.mask = iap.FromLowerResolution(_drop_mask_param(p, "p"), size_px=size_px,
                                            size_percent=size_percent,
                                            min_size=min_size)
        self.replacement = iap.Deterministic(0)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def get_parameters(self) -> list:
        return [self.mask, self.per_channel]
