"""Colour augmenters (uint8 images; RGB unless ``from_colorspace`` says otherwise).

Pixel-only: annotations are never changed (children of the ``With*`` containers may change
them as usual).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import color as kernels
from imgaug2.augmenters._meta_helpers import handle_children_list
from imgaug2.augmenters.arithmetic import Add, Multiply
from imgaug2.augmenters.meta import Augmenter, Sequential

__all__ = [
    "WithColorspace", "WithBrightnessChannels", "MultiplyAndAddToBrightness",
    "MultiplyBrightness", "AddToBrightness", "WithHueAndSaturation", "MultiplyHueAndSaturation",
    "MultiplyHue", "MultiplySaturation", "RemoveSaturation", "AddToHueAndSaturation",
    "AddToHue", "AddToSaturation", "ChangeColorspace", "Grayscale", "ChangeColorTemperature",
    "KMeansColorQuantization", "UniformColorQuantization", "UniformColorQuantizationToNBits",
    "Posterize", "InColorspace", "change_colorspace_", "change_colorspaces_",
]

change_colorspace_ = kernels.change_colorspace_
change_colorspaces_ = kernels.change_colorspaces_
_BRIGHTNESS_SPACES = ["YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV"]
_COLORSPACES = list(kernels.COLORSPACES)


def _std_kwargs(seed, name, random_state, deterministic) -> dict:
    return {"seed": seed, "name": name, "random_state": random_state,
            "deterministic": deterministic}


def _like(original: Any, images: list) -> Any:
    """``images`` as an array when the input was an array and the shapes still agree."""
    if isinstance(original, np.ndarray) and images and all(
            im.shape == images[0].shape for im in images):
        return np.stack(images)
    return images


class _UInt8ImageAugmenter(Augmenter):
    """Per-image work on uint8 images, with one derived RNG per image."""

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            if images[i].shape[2] != 3:
                raise ValueError(f"{self.name}: images[{i}] has {images[i].shape[2]} channels; "
                                 "colour augmenters need 3-channel images")
            images[i] = self._augment_image(images[i], rng)
        batch.images = images
        return batch


class WithColorspace(Augmenter):
    """Convert to ``to_colorspace``, run ``children``, convert back."""

    def __init__(self, to_colorspace: str, from_colorspace: str = "RGB", children: Any = None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        for arg, value in (("to_colorspace", to_colorspace),
                           ("from_colorspace", from_colorspace)):
            if value not in _COLORSPACES:
                raise ValueError(f"{arg} must be one of {_COLORSPACES}, got {value!r}")
        self.to_colorspace = to_colorspace
        self.from_colorspace = from_colorspace
        self.children = handle_children_list(children, self.name, "then")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if batch.images is not None:
                iadt.allow_only_uint8(batch.images, augmenter=self)
                batch.images = [change_colorspace_(im, self.to_colorspace,
                                                   self.from_colorspace)
                                for im in batch.images]
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            if batch.images is not None:
                batch.images = _like(batch.images, [
                    change_colorspace_(im, self.from_colorspace, self.to_colorspace)
                    for im in batch.images])
        return batch

    def get_parameters(self) -> list:
        return [self.to_colorspace, self.from_colorspace]

    def get_children_lists(self) -> list:
        return [self.children]


def InColorspace(to_colorspace: str, from_colorspace: str = "RGB",  # noqa: N802
                 children: Any = None, **kwargs: Any) -> WithColorspace:
    """Deprecated alias of :class:`WithColorspace`."""
    ia.warn_deprecated("InColorspace is deprecated; use WithColorspace.")
    return WithColorspace(to_colorspace, from_colorspace, children, **kwargs)


class WithBrightnessChannels(Augmenter):
    """Run ``children`` on the brightness channel of a colour space chosen per image
    (``to_colorspace``: Y of YCrCb/YUV, V of HSV, L of HLS/Lab/Luv)."""

    def __init__(self, children: Any = None, to_colorspace: Any = _BRIGHTNESS_SPACES,
                 from_colorspace: str = "RGB", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.children = handle_children_list(children, self.name, "then")
        self.to_colorspace = iap.handle_categorical_string_param(
            to_colorspace, "to_colorspace", valid_values=_BRIGHTNESS_SPACES)
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if batch.images is None:
                return self.children.augment_batch_(batch, parents=parents + [self],
                                                    hooks=hooks)
            iadt.allow_only_uint8(batch.images, augmenter=self)
            original = batch.images
            spaces = self.to_colorspace.draw_samples((len(batch.images),),
                                                     random_state=random_state)
            converted = [change_colorspace_(im, str(s), self.from_colorspace)
                         for im, s in zip(batch.images, spaces)]
            channels = [kernels.BRIGHTNESS_CHANNEL[str(s)] for s in spaces]
            batch.images = [np.ascontiguousarray(c[..., ch:ch + 1])
                            for c, ch in zip(converted, channels)]
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            out = []
            for conv, ch, bright, space in zip(converted, channels, batch.images, spaces):
                conv = conv.copy()
                conv[..., ch] = bright[..., 0]
                out.append(change_colorspace_(conv, self.from_colorspace, str(space)))
            batch.images = _like(original, out)
        return batch

    def get_parameters(self) -> list:
        return [self.to_colorspace, self.from_colorspace]

    def get_children_lists(self) -> list:
        return [self.children]


class MultiplyAndAddToBrightness(WithBrightnessChannels):
    """Multiply and add to the brightness channel (in random order by default)."""

    def __init__(self, mul: Any = (0.7, 1.3), add: Any = (-30, 30),
                 to_colorspace: Any = _BRIGHTNESS_SPACES, from_colorspace: str = "RGB",
                 random_order: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        children = Sequential([Multiply(mul), Add(add)], random_order=random_order)
        super().__init__(children, to_colorspace, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class MultiplyBrightness(WithBrightnessChannels):
    """Multiply the brightness channel by ``mul``."""

    def __init__(self, mul: Any = (0.7, 1.3), to_colorspace: Any = _BRIGHTNESS_SPACES,
                 from_colorspace: str = "RGB", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(Multiply(mul), to_colorspace, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class AddToBrightness(WithBrightnessChannels):
    """Add ``add`` to the brightness channel."""

    def __init__(self, add: Any = (-30, 30), to_colorspace: Any = _BRIGHTNESS_SPACES,
                 from_colorspace: str = "RGB", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(Add(add), to_colorspace, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class WithHueAndSaturation(Augmenter):
    """Run ``children`` on a 2-channel uint8 image of hue (0..255, cyclic) and saturation."""

    def __init__(self, children: Any = None, from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.children = handle_children_list(children, self.name, "then")
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if batch.images is None:
                return self.children.augment_batch_(batch, parents=parents + [self],
                                                    hooks=hooks)
            iadt.allow_only_uint8(batch.images, augmenter=self)
            original = batch.images
            hsvs = [kernels.to_hsv(im, self.from_colorspace) for im in batch.images]
            batch.images = [np.ascontiguousarray(h[..., 0:2]) for h in hsvs]
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            out = []
            for hsv, hs in zip(hsvs, batch.images):
                hsv = hsv.copy()
                hsv[..., 0:2] = hs
                out.append(kernels.from_hsv(hsv, self.from_colorspace))
            batch.images = _like(original, out)
        return batch

    def get_parameters(self) -> list:
        return [self.from_colorspace]

    def get_children_lists(self) -> list:
        return [self.children]


class _HueSaturation(_UInt8ImageAugmenter):
    """Shared sampling of hue/saturation multipliers and offsets."""

    def __init__(self, hue_mul=None, sat_mul=None, hue_add=None, sat_add=None,
                 per_channel: Any = False, from_colorspace: str = "RGB", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hue_mul = None if hue_mul is None else iap.handle_continuous_param(hue_mul,
                                                                                "mul_hue")
        self.sat_mul = None if sat_mul is None else iap.handle_continuous_param(
            sat_mul, "mul_saturation", value_range=(0, None))
        self.hue_add = None if hue_add is None else iap.handle_continuous_param(hue_add,
                                                                                "value_hue")
        self.sat_add = None if sat_add is None else iap.handle_continuous_param(
            sat_add, "value_saturation")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self.from_colorspace = from_colorspace

    def _augment_image(self, image, rng):
        def draw(param, default):
            return default if param is None else float(param.draw_sample(random_state=rng))

        return kernels.modify_hue_saturation(
            image, self.from_colorspace, hue_mul=draw(self.hue_mul, 1.0),
            hue_add=draw(self.hue_add, 0.0) * 255.0 / 255.0,
            sat_mul=draw(self.sat_mul, 1.0), sat_add=draw(self.sat_add, 0.0))

    def get_parameters(self) -> list:
        return [self.hue_mul, self.sat_mul, self.hue_add, self.sat_add, self.per_channel,
                self.from_colorspace]


class MultiplyHueAndSaturation(_HueSaturation):
    """Multiply hue and/or saturation (``mul`` for both, or ``mul_hue``/``mul_saturation``)."""

    def __init__(self, mul: Any = None, mul_hue: Any = None, mul_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if mul is not None and (mul_hue is not None or mul_saturation is not None):
            raise ValueError("give mul, or mul_hue/mul_saturation, not both")
        if mul is None and mul_hue is None and mul_saturation is None:
            mul = (0.5, 1.5)
        super().__init__(hue_mul=mul if mul is not None else mul_hue,
                         sat_mul=mul if mul is not None else mul_saturation,
                         per_channel=per_channel, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class MultiplyHue(MultiplyHueAndSaturation):
    """Multiply the hue (cyclic)."""

    def __init__(self, mul: Any = (-3.0, 3.0), from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(mul_hue=mul, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class MultiplySaturation(MultiplyHueAndSaturation):
    """Multiply the saturation."""

    def __init__(self, mul: Any = (0.0, 3.0), from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(mul_saturation=mul, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class RemoveSaturation(MultiplySaturation):
    """Remove a fraction ``mul`` of the saturation (1.0 = grayscale)."""

    def __init__(self, mul: Any = 1, from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        param = iap.handle_continuous_param(mul, "mul", value_range=(0.0, 1.0))
        super().__init__(1 - param, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class AddToHueAndSaturation(_HueSaturation):
    """Add to hue (cyclic, -255..255 = a full turn) and/or saturation."""

    def __init__(self, value: Any = None, value_hue: Any = None, value_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if value is not None and (value_hue is not None or value_saturation is not None):
            raise ValueError("give value, or value_hue/value_saturation, not both")
        if value is None and value_hue is None and value_saturation is None:
            value = (-50, 50)
        super().__init__(hue_add=value if value is not None else value_hue,
                         sat_add=value if value is not None else value_saturation,
                         per_channel=per_channel, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class AddToHue(AddToHueAndSaturation):
    """Add to the hue (cyclic)."""

    def __init__(self, value: Any = (-255, 255), from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(value_hue=value, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class AddToSaturation(AddToHueAndSaturation):
    """Add to the saturation."""

    def __init__(self, value: Any = (-75, 75), from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(value_saturation=value, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class ChangeColorspace(_UInt8ImageAugmenter):
    """Convert to ``to_colorspace`` and blend with the input by ``alpha``."""

    def __init__(self, to_colorspace: Any, from_colorspace: str = "RGB", alpha: Any = 1.0,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.to_colorspace = iap.handle_categorical_string_param(
            to_colorspace, "to_colorspace", valid_values=_COLORSPACES)
        if from_colorspace not in _COLORSPACES:
            raise ValueError(f"from_colorspace must be one of {_COLORSPACES}, got "
                             f"{from_colorspace!r}")
        self.from_colorspace = from_colorspace
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0.0, 1.0))

    def _augment_image(self, image, rng):
        target = str(self.to_colorspace.draw_sample(random_state=rng))
        alpha = float(self.alpha.draw_sample(random_state=rng))
        if alpha <= 0:
            return image
        converted = change_colorspace_(image, target, self.from_colorspace)
        if alpha >= 1:
            return converted
        return cv2.addWeighted(image, 1 - alpha, converted, alpha, 0.0)

    def get_parameters(self) -> list:
        return [self.to_colorspace, self.alpha]


class ChangeColorTemperature(_UInt8ImageAugmenter):
    """Tint images like a light source of ``kelvin`` (1000..40000) would."""

    def __init__(self, kelvin: Any = (1000, 11000), from_colorspace: str = "RGB",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.kelvin = iap.handle_continuous_param(kelvin, "kelvin", value_range=(1000, 40000))
        self.from_colorspace = from_colorspace

    def _augment_image(self, image, rng):
        multipliers = kernels.kelvin_to_rgb(float(self.kelvin.draw_sample(random_state=rng)))
        rgb = change_colorspace_(image, "RGB", self.from_colorspace)
        tables = np.clip(np.round(np.arange(256)[None, :] * multipliers[:, None]), 0,
                         255).astype(np.uint8)
        out = np.stack([cv2.LUT(rgb[..., c], tables[c]) for c in range(3)], axis=-1)
        return change_colorspace_(out, self.from_colorspace, "RGB")

    def get_parameters(self) -> list:
        return [self.kelvin, self.from_colorspace]


class _Quantization(_UInt8ImageAugmenter):
    def __init__(self, n_colors: Any, from_colorspace: str, to_colorspace: Any,
                 max_size: int | None, interpolation: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.n_colors = iap.handle_discrete_param(n_colors, "n_colors", value_range=(2, None))
        self.from_colorspace = from_colorspace
        self.to_colorspace = None if to_colorspace is None else \
            iap.handle_categorical_string_param(to_colorspace, "to_colorspace",
                                                valid_values=_COLORSPACES)
        self.max_size = max_size
        self.interpolation = interpolation

    def _augment_image(self, image, rng):
        n_colors = int(self.n_colors.draw_sample(random_state=rng))
        space = None if self.to_colorspace is None else str(
            self.to_colorspace.draw_sample(random_state=rng))
        work = image if space is None else change_colorspace_(image, space,
                                                              self.from_colorspace)
        h, w = image.shape[0:2]
        small = work
        if self.max_size is not None and max(h, w) > self.max_size:
            f = self.max_size / max(h, w)
            small = ia.imresize_single_image(work, (max(1, int(h * f)), max(1, int(w * f))))
        out = self._quantize(small, n_colors, rng)
        if out.shape[0:2] != (h, w):
            out = ia.imresize_single_image(out, (h, w), interpolation=self.interpolation)
        return out if space is None else change_colorspace_(out, self.from_colorspace, space)

    def get_parameters(self) -> list:
        return [self.n_colors, self.from_colorspace, self.to_colorspace, self.max_size,
                self.interpolation]


class KMeansColorQuantization(_Quantization):
    """Reduce to ``n_colors`` colours found by k-means (cv2.kmeans) in ``to_colorspace``."""

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = "RGB",
                 to_colorspace: Any = ["RGB", "Lab"], max_size: int | None = 128,  # noqa: B006
                 interpolation: str = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n_colors, from_colorspace, to_colorspace, max_size, interpolation,
                         **_std_kwargs(seed, name, random_state, deterministic))

    def _quantize(self, image, n_colors, rng):
        return kernels.quantize_kmeans(image, n_colors, int(rng.integers(0, 2**31 - 1)))


class UniformColorQuantization(_Quantization):
    """Reduce each channel to ``n_colors`` evenly spaced levels."""

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = "RGB",
                 to_colorspace: Any = None, max_size: int | None = None,
                 interpolation: str = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n_colors, from_colorspace, to_colorspace, max_size, interpolation,
                         **_std_kwargs(seed, name, random_state, deterministic))

    def _quantize(self, image, n_colors, rng):
        return kernels.quantize_uniform(image, n_colors)


class UniformColorQuantizationToNBits(_Quantization):
    """Keep the ``nb_bits`` most significant bits of each channel."""

    def __init__(self, nb_bits: Any = (1, 8), from_colorspace: str = "RGB",
                 to_colorspace: Any = None, max_size: int | None = None,
                 interpolation: str = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(2, from_colorspace, to_colorspace, max_size, interpolation,
                         **_std_kwargs(seed, name, random_state, deterministic))
        self.n_colors = iap.handle_discrete_param(nb_bits, "nb_bits", value_range=(1, 8))

    def _quantize(self, image, nb_bits, rng):
        return kernels.quantize_to_nbits(image, nb_bits)


class Posterize(UniformColorQuantizationToNBits):
    """Alias of :class:`UniformColorQuantizationToNBits` (imgaug's name)."""


class Grayscale(Augmenter):
    """Blend each image with its grayscale version; ``alpha`` 1.0 = fully gray. uint8, 3 ch."""

    def __init__(self, alpha: Any = 1, from_colorspace: str = "RGB", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        if from_colorspace not in ("RGB", "BGR"):
            raise ValueError(f"from_colorspace must be 'RGB' or 'BGR', got {from_colorspace!r}")
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        alphas = self.alpha.draw_samples((len(images),), random_state=random_state)
        code = cv2.COLOR_RGB2GRAY if self.from_colorspace == "RGB" else cv2.COLOR_BGR2GRAY
        for i, alpha in enumerate(alphas):
            image = images[i]
            if alpha <= 0 or image.shape[2] != 3:
                continue
            gray3 = cv2.cvtColor(cv2.cvtColor(image, code), cv2.COLOR_GRAY2RGB)
            images[i] = gray3 if alpha >= 1 else cv2.addWeighted(
                image, 1.0 - float(alpha), gray3, float(alpha), 0.0)
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.alpha, self.from_colorspace]
