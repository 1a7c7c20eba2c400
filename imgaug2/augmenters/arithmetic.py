"""Pixel-value arithmetic: Add, Multiply, AdditiveGaussianNoise, Dropout, CoarseDropout, ...

Pixel-only augmenters: annotations are never changed. uint8 goes through saturating OpenCV
ops or 256-entry lookup tables; other dtypes are computed in float64 and saturated (no
wrap-around). Module functions (``add_scalar``, ``cutout_``, ``invert``, ...) follow imgaug
0.4.0; see ``docs/api/augmenters.md`` for the dtype table and the known differences.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._arithmetic_functions import (
    REPLACE_DISALLOWED,
    REPLACE_DTYPES,
    add_elementwise,
    add_elementwise_,
    add_scalar,
    add_scalar_,
    compress_jpeg,
    cutout,
    cutout_,
    invert,
    invert_,
    jpeg_quality,  # noqa: F401  (imgaug's compression -> JPEG quality mapping, re-exported)
    multiply_elementwise,
    multiply_elementwise_,
    multiply_scalar,
    multiply_scalar_,
    replace_elementwise_,
    solarize,
    solarize_,
)
from imgaug2.augmenters._kernels import arithmetic as kernels
from imgaug2.augmenters.contrast import ContrastNormalization  # noqa: F401 - imgaug 0.4.0 had it here too
from imgaug2.augmenters.meta import Augmenter
from imgaug2.parameters.discrete import NOT_FIXED, fixed_value

__all__ = ["Add", "Multiply", "AddElementwise", "MultiplyElementwise", "AdditiveGaussianNoise",
           "AdditiveLaplaceNoise", "AdditivePoissonNoise", "Dropout", "CoarseDropout",
           "Dropout2d", "TotalDropout", "Cutout", "ReplaceElementwise", "SaltAndPepper",
           "ImpulseNoise", "CoarseSaltAndPepper", "Salt", "CoarseSalt", "Pepper",
           "CoarsePepper", "Invert", "Solarize", "JpegCompression", "add_scalar",
           "add_scalar_", "add_elementwise", "add_elementwise_", "multiply_scalar",
           "multiply_scalar_", "multiply_elementwise", "multiply_elementwise_",
           "replace_elementwise_", "cutout", "cutout_", "invert", "invert_", "solarize",
           "solarize_", "compress_jpeg"]

_DTYPES_ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
_DTYPES_DISALLOWED = "uint32 uint64 int32 int64 float128"
_INVERT_DTYPES = "bool uint8 uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 float64"
_ALL_DTYPES = _INVERT_DTYPES + " float128"
_CUTOUT_DTYPES = "bool uint8 uint16 uint32 int8 int16 int32 float16 float32 float64 float128"


class _PixelAugmenter(Augmenter):
    """Base: samples per image, applies to images only."""

    def _check(self, images: Any) -> None:
        iadt.check_images_dtypes(images, _DTYPES_ALLOWED, _DTYPES_DISALLOWED, self)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        self._check(batch.images)
        images = batch.writable_images()
        rngs = random_state.derive_rngs_(len(images))
        for i, rng in enumerate(rngs):
            images[i] = self._augment_image(images[i], rng)
        batch.images = images
        return batch

    def _augment_image(self, image: np.ndarray, rng) -> np.ndarray:
        raise NotImplementedError

    def _map_images_sharing_rng(self, batch, fn, random_state):
        """``images[i] = fn(images[i], random_state)`` in row order with one generator (in
        keyed mode a batch is a single row, so its draws still depend on its key only)."""
        if batch.images is None:
            return batch
        self._check(batch.images)
        images = batch.writable_images()
        for i in range(len(images)):
            images[i] = fn(images[i], random_state)
        batch.images = images
        return batch


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
        images = batch.writable_images()
        n = len(images)
        channels = [image.shape[2] for image in images]
        apply = self._apply
        coin = fixed_value(self.per_channel)
        if coin is not NOT_FIXED and coin <= 0.5 and isinstance(images, list):
            # never per channel (the default): one float per image, one pass; constants are
            # not drawn (no randomness is consumed either way)
            value = fixed_value(self._scalar_param())
            if value is NOT_FIXED:
                scalars = self._draw_values(n, max(channels), random_state)[:, 0].tolist()
            else:
                scalars = [float(value)] * n
            batch.images = [apply(image, scalar) for image, scalar in zip(images, scalars)]
            return batch
        coins = np.asarray(self.per_channel.draw_samples((n,), random_state=random_state)) > 0.5
        values = self._draw_values(n, max(channels), random_state)
        scalars = values[:, 0].tolist()
        for i, coin in enumerate(coins.tolist()):
            images[i] = apply(images[i], values[i, :channels[i]] if coin else scalars[i])
        batch.images = images
        return batch

    def _draw_values(self, n: int, nb_channels: int, random_state: Any) -> np.ndarray:
        """``(n, nb_channels)`` float64 values (column 0 is the per-image value)."""
        return np.asarray(self._scalar_param().draw_samples((n, nb_channels),
                                                            random_state=random_state),
                          dtype=np.float64)


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
        if image.dtype.kind == "b":
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
        if image.dtype.kind == "b":
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
    """Add Gaussian noise N(loc, scale) per pixel (and per channel with ``per_channel``).

    ``loc``/``scale`` are sampled once per image. dtypes: bool, uint8, uint16, int8, int16,
    float16, float32, float64 (saturated). Annotations are not changed.
    """

    def __init__(self, loc: Any = 0, scale: Any = (0, 15), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.loc = iap.handle_continuous_param(loc, "loc")
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        # One generator for the whole batch (in keyed mode a batch is a single row, so every
        # draw depends only on that row's key). Per image: loc, scale, per_channel, noise.
        return self._map_images_sharing_rng(batch, self._add_noise, random_state)

    def _add_noise(self, image: np.ndarray, rng) -> np.ndarray:
        loc = float(self.loc.draw_sample(random_state=rng))
        scale = float(self.scale.draw_sample(random_state=rng))
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        if scale == 0 and loc == 0:
            return image
        h, w, c = image.shape
        if image.dtype == np.uint8:
            # float32 standard normals, scaled and added in one saturating OpenCV pass; the
            # uint8 result equals rounding float64 noise up to ties at exactly .5
            noise = rng.generator.standard_normal((h, w, c) if per_channel else (h, w),
                                                  dtype=np.float32)
            return kernels.add_scaled_noise_uint8(image, noise, scale, loc)
        noise = rng.generator.normal(loc, scale, size=(h, w, c) if per_channel else (h, w, 1))
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

    def _check(self, images: Any) -> None:
        iadt.check_images_dtypes(images, REPLACE_DTYPES, REPLACE_DISALLOWED, self)

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
    """Set a fraction ``p`` of pixels to zero (per channel with ``per_channel``).

    ``p``: drop probability as a number, ``(a, b)`` (uniform per image) or a list (choice per
    image). A StochasticParameter is, as in imgaug, the *keep* mask (1 = keep, 0 = drop).
    dtypes: bool, uint8-uint32, int8-int32, float16-float64. Annotations are not changed.
    """

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        if isinstance(p, iap.StochasticParameter):
            self.mask = iap.Subtract(1, p, elementwise=True)
        else:
            self.mask = _drop_mask_param(p, "p")
        self.replacement = iap.Deterministic(0)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        if not isinstance(self.mask, iap.Binomial):
            return super()._augment_batch_(batch, random_state, parents, hooks)
        # Binomial(p) masks: p is drawn once per image, then one uint32 per pixel (or
        # component) is compared against p * 2**32. One generator serves the batch (a keyed
        # batch is a single row).
        return self._map_images_sharing_rng(batch, self._drop, random_state)

    def _drop(self, image: np.ndarray, rng) -> np.ndarray:
        p = float(self.mask.p.draw_sample(random_state=rng))
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"Expected the dropout probability p to be in [0.0, 1.0], got {p}")
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        if p == 0.0:
            return image
        h, w, c = image.shape
        if p == 1.0:
            return np.zeros_like(image)
        raw = rng.generator.integers(0, 2**32, size=(h, w, c) if per_channel else (h, w),
                                     dtype=np.uint32)
        keep = raw >= np.uint32(min(kernels.uint32_threshold(p), 2**32 - 1))
        if image.dtype == np.uint8:
            return kernels.zero_where_uint8(image, keep)
        mask = keep if per_channel else keep[..., None]
        return np.where(mask, image, np.zeros((), dtype=image.dtype))

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


# ---- more noise ---------------------------------------------------------------------------------
class AdditiveLaplaceNoise(AddElementwise):
    """Add Laplace noise (loc, scale) per pixel (and per channel with ``per_channel``)."""

    def __init__(self, loc: Any = 0, scale: Any = (0, 15), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.loc = iap.handle_continuous_param(loc, "loc")
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _noise(self, rng, shape):
        loc = float(self.loc.draw_sample(random_state=rng))
        scale = float(self.scale.draw_sample(random_state=rng))
        return None if scale == 0 and loc == 0 else rng.laplace(loc, max(scale, 1e-12), shape)

    def _augment_image(self, image, rng):
        h, w, c = image.shape
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        noise = self._noise(rng, (h, w, c) if per_channel else (h, w, 1))
        if noise is None:
            return image
        return kernels.add_elementwise(image, np.broadcast_to(noise, (h, w, c)))

    def get_parameters(self) -> list:
        return [self.loc, self.scale, self.per_channel]


class AdditivePoissonNoise(AdditiveLaplaceNoise):
    """Add Poisson(``lam``) noise with a random sign per pixel."""

    def __init__(self, lam: Any = (0.0, 15.0), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.lam = iap.handle_continuous_param(lam, "lam", value_range=(0, None))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _noise(self, rng, shape):
        lam = float(self.lam.draw_sample(random_state=rng))
        if lam <= 0:
            return None
        return rng.poisson(lam, shape) * np.where(rng.random(shape) < 0.5, -1, 1)

    def get_parameters(self) -> list:
        return [self.lam, self.per_channel]


def _value_range(dtype: np.dtype) -> tuple[float, float]:
    if dtype.kind == "f":
        return 0.0, 1.0
    if dtype.kind == "b":
        return 0.0, 1.0
    low, _, high = iadt.get_value_range_of_dtype(dtype)
    return float(low), float(high)


class _SaltAndPepperBase(ReplaceElementwise):
    """Replace masked pixels by the dtype's maximum (salt), minimum (pepper) or either."""

    _mode = "both"

    def __init__(self, mask: Any, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        Augmenter.__init__(self, seed=seed, name=name, random_state=random_state,
                           deterministic=deterministic)
        self.mask = mask
        self.replacement = iap.Deterministic(0)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _augment_image(self, image, rng):
        h, w, c = image.shape
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        mask = np.asarray(self.mask.draw_samples((h, w, c) if per_channel else (h, w, 1),
                                                 random_state=rng)) > 0.5
        mask = np.broadcast_to(mask, (h, w, c))
        if not mask.any():
            return image
        low, high = _value_range(image.dtype)
        if self._mode == "salt":
            values = high
        elif self._mode == "pepper":
            values = low
        else:
            values = np.where(rng.random((h, w, c)) < 0.5, low, high)
        values = kernels._saturate(np.broadcast_to(np.asarray(values, dtype=np.float64),
                                                   (h, w, c)), image.dtype)
        return np.where(mask, values, image)

    def get_parameters(self) -> list:
        return [self.mask, self.per_channel]


def _coarse_mask(p, size_px, size_percent, min_size) -> iap.StochasticParameter:
    if size_px is None and size_percent is None:
        raise ValueError("give size_px or size_percent")
    return iap.FromLowerResolution(_drop_mask_param(p, "p"), size_px=size_px,
                                   size_percent=size_percent, min_size=min_size)


class SaltAndPepper(_SaltAndPepperBase):
    """Set a fraction ``p`` of pixels to white or black."""

    def __init__(self, p: Any = (0.0, 0.03), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(_drop_mask_param(p, "p"), per_channel, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class ImpulseNoise(SaltAndPepper):
    """Salt and pepper noise per channel."""

    def __init__(self, p: Any = (0.0, 0.03), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(p, per_channel=True, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class Salt(SaltAndPepper):
    """Set a fraction ``p`` of pixels to white."""

    _mode = "salt"

    def __init__(self, p: Any = (0.0, 0.03), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(p, per_channel, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class Pepper(SaltAndPepper):
    """Set a fraction ``p`` of pixels to black."""

    _mode = "pepper"

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(p, per_channel, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class CoarseSaltAndPepper(_SaltAndPepperBase):
    """Salt and pepper in rectangular blocks (mask sampled at lower resolution)."""

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: int = 3, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if size_px is None and size_percent is None:
            size_px = (3, 8)
        super().__init__(_coarse_mask(p, size_px, size_percent, min_size), per_channel,
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class CoarseSalt(CoarseSaltAndPepper):
    """White rectangular blocks."""

    _mode = "salt"


class CoarsePepper(CoarseSaltAndPepper):
    """Black rectangular blocks."""

    _mode = "pepper"


# ---- dropout variants ------------------------------------------------------------------------
def _drop_annotations_of_rows(batch, rows) -> None:
    """Zero the heatmaps/segmentation maps and remove the coordinate-based items of ``rows``."""
    for column, attr in (("heatmaps", "arr_0to1"), ("segmentation_maps", "arr")):
        maps = getattr(batch, column)
        if maps is not None:
            for i in rows:
                setattr(maps[i], attr, np.zeros_like(getattr(maps[i], attr)))
    for column in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
        items = getattr(batch, column)
        if items is not None:
            for i in rows:
                items[i].items = []


class Dropout2d(_PixelAugmenter):
    """Drop whole channels (set to zero) with probability ``p``; at least ``nb_keep_channels``
    channels of each image are kept.

    dtypes: all (bool, uint8-uint64, int8-int64, float16-float128). Annotations change only for
    images whose channels were *all* dropped (possible with ``nb_keep_channels=0``): as in
    imgaug, their heatmaps/segmentation maps are zeroed and coordinate-based items removed.
    """

    def __init__(self, p: Any = 0.1, nb_keep_channels: int = 1, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p", tuple_to_uniform=True,
                                              list_to_choice=True)
        if not isinstance(nb_keep_channels, int) or nb_keep_channels < 0:
            raise ValueError(f"nb_keep_channels must be an int >= 0, got {nb_keep_channels!r}")
        self.nb_keep_channels = nb_keep_channels

    def _check(self, images: Any) -> None:
        iadt.check_images_dtypes(images, _ALL_DTYPES, "", self)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        self._check(batch.images)
        images = batch.writable_images()
        rngs = random_state.derive_rngs_(len(images))
        all_dropped = []
        for i, rng in enumerate(rngs):
            image = images[i]
            drop = self._draw_drop(image.shape[2], rng)
            if drop.any():
                out = image.copy()
                out[..., drop] = 0
                images[i] = out
            if image.shape[2] > 0 and drop.all():
                all_dropped.append(i)
        batch.images = images
        if all_dropped:
            _drop_annotations_of_rows(batch, all_dropped)
        return batch

    def _draw_drop(self, nb_channels: int, rng) -> np.ndarray:
        drop = np.asarray(self.p.draw_samples((nb_channels,), random_state=rng)) > 0.5
        keep_needed = min(self.nb_keep_channels, nb_channels) - int((~drop).sum())
        if keep_needed > 0:
            dropped = np.flatnonzero(drop)
            drop[rng.choice(dropped, size=keep_needed, replace=False)] = False
        return drop

    def get_parameters(self) -> list:
        return [self.p, self.nb_keep_channels]


class TotalDropout(Augmenter):
    """Drop whole images (all pixels zero) with probability ``p``; their coordinate-based
    annotations are removed and heatmaps/segmaps zeroed, so they stay in sync.

    dtypes: all (bool, uint8-uint64, int8-int64, float16-float128).
    """

    def __init__(self, p: Any = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p", tuple_to_uniform=True,
                                              list_to_choice=True)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        rows = np.flatnonzero(np.asarray(self.p.draw_samples(
            (batch.nb_rows,), random_state=random_state)) > 0.5)
        if rows.size == 0:
            return batch
        if batch.images is not None:
            iadt.check_images_dtypes(batch.images, _ALL_DTYPES, "", self)
            images = batch.writable_images()
            for i in rows:
                images[i] = np.zeros_like(images[i])
        _drop_annotations_of_rows(batch, rows)
        return batch

    def get_parameters(self) -> list:
        return [self.p]


class Cutout(_PixelAugmenter):
    """Fill ``nb_iterations`` rectangles (side ``size`` x image side) with ``cval`` or
    Gaussian noise (``fill_mode``).

    dtypes: bool, uint8-uint32, int8-int32, float16-float128 (uint64/int64 are rejected: their
    fill values would pass through float64). Annotations are not changed.
    """

    def _check(self, images: Any) -> None:
        iadt.check_images_dtypes(images, _CUTOUT_DTYPES, "uint64 int64", self)

    def __init__(self, nb_iterations: Any = 1, position: Any = "uniform", size: Any = 0.2,
                 squared: Any = True, fill_mode: Any = "constant", cval: Any = 128,
                 fill_per_channel: Any = False, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.nb_iterations = iap.handle_discrete_param(nb_iterations, "nb_iterations",
                                                       value_range=(0, None))
        if position not in ("uniform", "normal"):
            raise ValueError(f"position must be 'uniform' or 'normal', got {position!r}")
        self.position = position
        self.size = iap.handle_continuous_param(size, "size", value_range=(0.0, 1.0))
        self.squared = iap.handle_probability_param(squared, "squared")
        self.fill_mode = iap.handle_categorical_string_param(
            fill_mode, "fill_mode", valid_values=["constant", "gaussian"])
        self.cval = iap.handle_continuous_param(cval, "cval")
        self.fill_per_channel = iap.handle_probability_param(fill_per_channel,
                                                             "fill_per_channel")

    def _augment_image(self, image, rng):
        h, w, c = image.shape
        out = image
        for _ in range(int(self.nb_iterations.draw_sample(random_state=rng))):
            if self.position == "uniform":
                cy, cx = rng.uniform(0, 1, 2)
            else:
                cy, cx = np.clip(rng.normal(0.5, 0.35 / 2, 2), 0, 1)
            size_h = float(self.size.draw_sample(random_state=rng))
            squared = self.squared.draw_sample(random_state=rng) > 0.5
            size_w = size_h if squared else float(self.size.draw_sample(random_state=rng))
            ch, cw = max(1, int(round(size_h * h))), max(1, int(round(size_w * w)))
            y1, x1 = int(round(cy * h - ch / 2)), int(round(cx * w - cw / 2))
            if min(y1 + ch, h) <= max(y1, 0) or min(x1 + cw, w) <= max(x1, 0):
                continue
            mode = str(self.fill_mode.draw_sample(random_state=rng))
            per_channel = self.fill_per_channel.draw_sample(random_state=rng) > 0.5
            cval = 0 if mode == "gaussian" else np.asarray(self.cval.draw_samples(
                (c,) if per_channel else (1,), random_state=rng), dtype=np.float64)
            if out is image:
                out = image.copy()
            out = cutout_(out, x1, y1, x1 + cw, y1 + ch, fill_mode=mode, cval=cval,
                          fill_per_channel=per_channel, seed=rng)
        return out

    def get_parameters(self) -> list:
        return [self.nb_iterations, self.position, self.size, self.squared, self.fill_mode,
                self.cval, self.fill_per_channel]


# ---- inversion and compression ---------------------------------------------------------------
class Invert(_PixelAugmenter):
    """Invert pixel values (``max - v``) with probability ``p`` per image (or channel)."""

    def __init__(self, p: Any = 1, per_channel: Any = False, min_value: Any = None,
                 max_value: Any = None, threshold: Any = None,
                 invert_above_threshold: Any = 0.5, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self.min_value = min_value
        self.max_value = max_value
        self.threshold = None if threshold is None else iap.handle_continuous_param(
            threshold, "threshold")
        self.invert_above_threshold = iap.handle_probability_param(
            invert_above_threshold, "invert_above_threshold")

    def _check(self, images: Any) -> None:
        iadt.check_images_dtypes(images, _INVERT_DTYPES, "float128", self)

    def _augment_image(self, image, rng):
        c = image.shape[2]
        per_channel = self.per_channel.draw_sample(random_state=rng) > 0.5
        flags = np.asarray(self.p.draw_samples((c,) if per_channel else (1,),
                                               random_state=rng)) > 0.5
        if not flags.any():
            return image
        threshold = None if self.threshold is None else float(
            self.threshold.draw_sample(random_state=rng))
        above = self.invert_above_threshold.draw_sample(random_state=rng) > 0.5
        inverted = invert_(image, self.min_value, self.max_value, threshold, above)
        if flags.all():
            return inverted
        out = image.copy()
        out[..., np.broadcast_to(flags, (c,))] = inverted[..., np.broadcast_to(flags, (c,))]
        return out

    def get_parameters(self) -> list:
        return [self.p, self.per_channel, self.min_value, self.max_value, self.threshold,
                self.invert_above_threshold]


class Solarize(Invert):
    """Invert values above ``threshold`` (per image with probability ``p``)."""

    def __init__(self, p: Any = 1, per_channel: Any = False, min_value: Any = None,
                 max_value: Any = None, threshold: Any = (128 - 64, 128 + 64),
                 invert_above_threshold: Any = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(p, per_channel, min_value, max_value, threshold,
                         invert_above_threshold, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class JpegCompression(_PixelAugmenter):
    """JPEG artefacts: encode/decode with OpenCV at quality ``100 - compression``. uint8."""

    def __init__(self, compression: Any = (0, 100), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.compression = iap.handle_continuous_param(compression, "compression",
                                                       value_range=(0, 100))

    def _check(self, images) -> None:
        iadt.allow_only_uint8(images, augmenter=self)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        compression = fixed_value(self.compression)
        if compression is NOT_FIXED or batch.images is None:
            return super()._augment_batch_(batch, random_state, parents, hooks)
        self._check(batch.images)  # a constant strength: no per-image generators needed
        images = batch.writable_images()
        for i, image in enumerate(images):
            images[i] = self._compress(image, compression)
        batch.images = images
        return batch

    def _augment_image(self, image, rng):
        return self._compress(image, self.compression.draw_sample(random_state=rng))

    @staticmethod
    def _compress(image: np.ndarray, compression: Any) -> np.ndarray:
        if image.shape[2] not in (1, 3):
            raise ValueError(f"JpegCompression needs 1 or 3 channels, got {image.shape[2]}")
        return compress_jpeg(image, int(round(float(compression))))

    def get_parameters(self) -> list:
        return [self.compression]
