"""Colour augmenters and colour functions (imgaug 0.4.0's ``imgaug.augmenters.color``).

Supported dtypes: uint8 only, as documented by imgaug 0.4.0 for every class and function of
this module; other dtypes raise TypeError naming the dtype. Images are RGB unless
``from_colorspace`` says otherwise and (except for the quantization augmenters, which also
take 1 or 4 channels) must have 3 channels.

Annotations: pixel-only; keypoints, bounding boxes, polygons, line strings, heatmaps and
segmentation maps are never changed (children of the ``With*`` containers may change them as
usual).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._color_functions import (
    CSPACE_ALL,
    CSPACE_BGR,
    CSPACE_CIE,
    CSPACE_GRAY,
    CSPACE_HLS,
    CSPACE_HSV,
    CSPACE_RGB,
    CSPACE_YUV,
    CSPACE_Lab,
    CSPACE_Luv,
    CSPACE_YCrCb,
    change_color_temperature,
    change_color_temperatures_,
    change_colorspace_,
    change_colorspaces_,
    posterize,
    quantize_colors_kmeans,
    quantize_colors_uniform,
    quantize_kmeans,
    quantize_uniform,
    quantize_uniform_,
    quantize_uniform_to_n_bits,
    quantize_uniform_to_n_bits_,
)
from imgaug2.augmenters._color_quantization import (
    KMeansColorQuantization,
    Posterize,
    UniformColorQuantization,
    UniformColorQuantizationToNBits,
)
from imgaug2.augmenters._color_utils import BRIGHTNESS_SPACES
from imgaug2.augmenters._color_utils import check_images as _check_images
from imgaug2.augmenters._color_utils import like as _like
from imgaug2.augmenters._color_utils import std_kwargs as _std_kwargs
from imgaug2.augmenters._kernels import color as kernels
from imgaug2.augmenters._meta_helpers import handle_children_list
from imgaug2.augmenters.arithmetic import Add, Multiply
from imgaug2.augmenters.meta import Augmenter, Identity, Sequential

__all__ = [
    "WithColorspace", "WithBrightnessChannels", "MultiplyAndAddToBrightness",
    "MultiplyBrightness", "AddToBrightness", "WithHueAndSaturation", "MultiplyHueAndSaturation",
    "MultiplyHue", "MultiplySaturation", "RemoveSaturation", "AddToHueAndSaturation",
    "AddToHue", "AddToSaturation", "ChangeColorspace", "Grayscale", "ChangeColorTemperature",
    "KMeansColorQuantization", "UniformColorQuantization", "UniformColorQuantizationToNBits",
    "Posterize", "InColorspace", "change_colorspace_", "change_colorspaces_",
    "change_color_temperatures_", "change_color_temperature", "quantize_kmeans",
    "quantize_colors_kmeans", "quantize_uniform", "quantize_uniform_",
    "quantize_colors_uniform", "quantize_uniform_to_n_bits", "quantize_uniform_to_n_bits_",
    "posterize", "CSPACE_RGB", "CSPACE_BGR", "CSPACE_GRAY", "CSPACE_YCrCb", "CSPACE_HSV",
    "CSPACE_HLS", "CSPACE_Lab", "CSPACE_Luv", "CSPACE_YUV", "CSPACE_CIE", "CSPACE_ALL",
]

class WithColorspace(Augmenter):
    """Convert images to ``to_colorspace``, run ``children``, convert back.

    dtypes: uint8 (3 channels). Annotations are passed to the children.
    """

    def __init__(self, to_colorspace: str, from_colorspace: str = CSPACE_RGB,
                 children: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        kernels.check_colorspace(to_colorspace, "to_colorspace", allow_gray=False)
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.to_colorspace = to_colorspace
        self.from_colorspace = from_colorspace
        self.children = handle_children_list(children, self.name, "then")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if batch.images is not None:
                _check_images(batch.images, self)
                batch.images = [kernels.convert(im, self.to_colorspace, self.from_colorspace)
                                for im in batch.images]
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            if batch.images is not None:
                _check_images(batch.images, self)
                batch.images = _like(batch.images, [
                    kernels.convert(im, self.from_colorspace, self.to_colorspace)
                    for im in batch.images])
        return batch

    def get_parameters(self) -> list:
        return [self.to_colorspace, self.from_colorspace]

    def get_children_lists(self) -> list:
        return [self.children]


def InColorspace(to_colorspace: str, from_colorspace: str = CSPACE_RGB,  # noqa: N802
                 children: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> WithColorspace:
    """Deprecated alias of :class:`WithColorspace`."""
    ia.warn_deprecated("InColorspace is deprecated; use WithColorspace.")
    return WithColorspace(to_colorspace, from_colorspace, children,
                          **_std_kwargs(seed, name, random_state, deterministic))


class WithBrightnessChannels(Augmenter):
    """Run ``children`` on the brightness channel of a colour space picked per image
    (Y of YCrCb/YUV, V of HSV, L of HLS/Lab/Luv); children get (H,W,1) uint8 images.

    dtypes: uint8 (3 channels). Annotations are passed to the children.
    """

    def __init__(self, children: Any = None, to_colorspace: Any = BRIGHTNESS_SPACES,
                 from_colorspace: str = CSPACE_RGB, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.children = handle_children_list(children, self.name, "then")
        self.to_colorspace = iap.handle_categorical_string_param(
            to_colorspace, "to_colorspace", valid_values=BRIGHTNESS_SPACES)
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if batch.images is None:
                return self.children.augment_batch_(batch, parents=parents + [self],
                                                    hooks=hooks)
            _check_images(batch.images, self)
            original = batch.images
            spaces = [str(s) for s in self.to_colorspace.draw_samples(
                (len(original),), random_state=random_state)]
            for space in spaces:
                if space not in kernels.BRIGHTNESS_CHANNEL:
                    raise ValueError(f"{self.name}: to_colorspace gave {space!r}, expected one "
                                     f"of {BRIGHTNESS_SPACES}")
            converted = [kernels.convert(im, s, self.from_colorspace)
                         for im, s in zip(original, spaces)]
            channels = [kernels.BRIGHTNESS_CHANNEL[s] for s in spaces]
            batch.images = [np.ascontiguousarray(c[..., ch:ch + 1])
                            for c, ch in zip(converted, channels)]
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            out = []
            for i, (conv, ch, bright, space) in enumerate(
                    zip(converted, channels, batch.images, spaces)):
                if conv is original[i] or not conv.flags.writeable:
                    conv = conv.copy()
                conv[..., ch] = bright[..., 0]
                out.append(kernels.convert(conv, self.from_colorspace, space))
            batch.images = _like(original, out)
        return batch

    def get_parameters(self) -> list:
        return [self.to_colorspace, self.from_colorspace]

    def get_children_lists(self) -> list:
        return [self.children]


class MultiplyAndAddToBrightness(WithBrightnessChannels):
    """Multiply and add to the brightness channel (random order by default); ``mul=1`` or
    ``add=0`` become :class:`Identity` children as in imgaug. dtypes: uint8 (3 channels)."""

    def __init__(self, mul: Any = (0.7, 1.3), add: Any = (-30, 30),
                 to_colorspace: Any = BRIGHTNESS_SPACES, from_colorspace: str = CSPACE_RGB,
                 random_order: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        mul_aug = Identity() if ia.is_single_number(mul) and np.isclose(mul, 1.0) \
            else Multiply(mul)
        add_aug = Identity() if ia.is_single_number(add) and add == 0 else Add(add)
        children = Sequential([mul_aug, add_aug], random_order=random_order)
        super().__init__(children, to_colorspace, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))
        if seed is not None or random_state not in (None, "deprecated"):
            # the internal children follow the given seed (imgaug left them unseeded)
            self.children.seed_(self.random_state.copy().generate_seed_())


class MultiplyBrightness(MultiplyAndAddToBrightness):
    """Multiply the brightness channel by ``mul``. dtypes: uint8 (3 channels)."""

    def __init__(self, mul: Any = (0.7, 1.3), to_colorspace: Any = BRIGHTNESS_SPACES,
                 from_colorspace: str = CSPACE_RGB, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(mul=mul, add=0, to_colorspace=to_colorspace,
                         from_colorspace=from_colorspace, random_order=False,
                         **_std_kwargs(seed, name, random_state, deterministic))


class AddToBrightness(MultiplyAndAddToBrightness):
    """Add ``add`` to the brightness channel. dtypes: uint8 (3 channels)."""

    def __init__(self, add: Any = (-30, 30), to_colorspace: Any = BRIGHTNESS_SPACES,
                 from_colorspace: str = CSPACE_RGB, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(mul=1.0, add=add, to_colorspace=to_colorspace,
                         from_colorspace=from_colorspace, random_order=False,
                         **_std_kwargs(seed, name, random_state, deterministic))


class WithHueAndSaturation(Augmenter):
    """Run ``children`` on int16 (H,W,2) images of hue (projected from OpenCV's 0..180 to
    0..255) and saturation; afterwards hue wraps around (mod 255) and saturation is clipped
    to 0..255, as in imgaug 0.4.0.

    dtypes: uint8 (3 channels). Annotations are passed to the children.
    """

    def __init__(self, children: Any = None, from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.children = handle_children_list(children, self.name, "then")
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            if batch.images is None:
                return self.children.augment_batch_(batch, parents=parents + [self],
                                                    hooks=hooks)
            _check_images(batch.images, self)
            original = batch.images
            to_255 = kernels.hue_to_255()
            hsvs = [kernels.convert(im, CSPACE_HSV, self.from_colorspace) for im in original]
            hs = [np.stack([to_255[h[..., 0]], h[..., 1].astype(np.int16)], axis=-1)
                  for h in hsvs]
            batch.images = _like(original, hs)
            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)
            out = []
            for hsv, hs_aug in zip(hsvs, batch.images):
                hue = kernels.hue_from_255(hs_aug[..., 0])
                sat = np.clip(hs_aug[..., 1], 0, 255).astype(np.uint8)
                merged = np.stack([hue, sat, hsv[..., 2]], axis=-1)
                out.append(kernels.convert(merged, self.from_colorspace, CSPACE_HSV))
            batch.images = _like(original, out)
        return batch

    def get_parameters(self) -> list:
        return [self.from_colorspace]

    def get_children_lists(self) -> list:
        return [self.children]


def _augment_in_hsv(augmenter: Any, batch: Any, random_state: Any, apply: Any) -> Any:
    """Shared body of MultiplyHueAndSaturation and AddToHueAndSaturation: draw one (hue,
    saturation) pair per image, run ``apply(hsv, hue, saturation)`` in HSV, convert back."""
    if batch.images is None:
        return batch
    _check_images(batch.images, augmenter)
    hues, sats = augmenter._draw_samples(len(batch.images), random_state)
    images = batch.writable_images()
    for i, (hue, sat) in enumerate(zip(hues, sats)):
        hsv = kernels.convert(images[i], CSPACE_HSV, augmenter.from_colorspace)
        images[i] = kernels.convert(apply(hsv, hue, sat), augmenter.from_colorspace, CSPACE_HSV)
    batch.images = images
    return batch


class MultiplyHueAndSaturation(WithHueAndSaturation):
    """Multiply hue and/or saturation in HSV space.

    ``mul`` (in [-10, 10]) multiplies both; with ``per_channel`` (bool or probability) hue
    and saturation get independently sampled factors. Alternatively ``mul_hue`` ([-10, 10])
    and/or ``mul_saturation`` ([0, 10]), not together with ``mul``. Defaults:
    ``mul_hue=(0.5, 1.5)``, ``mul_saturation=(0.0, 1.7)``. The hue is multiplied in its 0..255
    projection and wraps around; saturation is clipped. Same results as imgaug's
    ``WithHueAndSaturation`` + ``Multiply`` children, computed with one lookup table per image.

    dtypes: uint8 (3 channels). Annotations: unchanged.
    """

    def __init__(self, mul: Any = None, mul_hue: Any = None, mul_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(None, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))
        if mul is None and mul_hue is None and mul_saturation is None:
            mul_hue, mul_saturation = (0.5, 1.5), (0.0, 1.7)
        if mul is not None and (mul_hue is not None or mul_saturation is not None):
            raise ValueError("MultiplyHueAndSaturation: give mul, or mul_hue and/or "
                             "mul_saturation, not both")
        self.mul = None if mul is None else iap.handle_continuous_param(
            mul, "mul", value_range=(-10.0, 10.0))
        self.mul_hue = None if mul_hue is None else iap.handle_continuous_param(
            mul_hue, "mul_hue", value_range=(-10.0, 10.0))
        self.mul_saturation = None if mul_saturation is None else \
            iap.handle_continuous_param(mul_saturation, "mul_saturation",
                                        value_range=(0.0, 10.0))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _draw_samples(self, nb_images: int, random_state) -> tuple:
        rngs = random_state.derive_rngs_(2)
        if self.mul is not None:
            per_channel = self.per_channel.draw_samples((nb_images,),
                                                        random_state=rngs[0]) > 0.5
            samples = np.asarray(self.mul.draw_samples((nb_images, 2), random_state=rngs[1]),
                                 dtype=np.float64)
            hues = samples[:, 0]
            sats = np.where(per_channel, samples[:, 1], samples[:, 0])
            return list(hues), list(sats)
        hues = [None] * nb_images if self.mul_hue is None else list(
            self.mul_hue.draw_samples((nb_images,), random_state=rngs[0]))
        sats = [None] * nb_images if self.mul_saturation is None else list(
            self.mul_saturation.draw_samples((nb_images,), random_state=rngs[1]))
        return hues, sats

    def _augment_batch_(self, batch, random_state, parents, hooks):
        return _augment_in_hsv(self, batch, random_state, kernels.multiply_hue_saturation)

    def get_parameters(self) -> list:
        return [self.mul, self.mul_hue, self.mul_saturation, self.per_channel,
                self.from_colorspace]


class MultiplyHue(MultiplyHueAndSaturation):
    """Multiply the hue (``mul`` in [-10, 10], cyclic). dtypes: uint8 (3 channels)."""

    def __init__(self, mul: Any = (-3.0, 3.0), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(mul_hue=mul, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class MultiplySaturation(MultiplyHueAndSaturation):
    """Multiply the saturation (``mul`` in [0, 10]). dtypes: uint8 (3 channels)."""

    def __init__(self, mul: Any = (0.0, 3.0), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(mul_saturation=mul, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class RemoveSaturation(MultiplySaturation):
    """Remove a fraction ``mul`` (in [0, 1]) of the saturation; 1.0 gives grayscale-looking
    images. Same as ``MultiplySaturation(1 - mul)``. dtypes: uint8 (3 channels)."""

    def __init__(self, mul: Any = 1, from_colorspace: str = CSPACE_RGB, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        param = iap.Subtract(1.0, iap.handle_continuous_param(mul, "mul",
                                                              value_range=(0.0, 1.0)),
                             elementwise=True)
        super().__init__(param, from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


def _discrete_value(value: Any, name: str) -> iap.StochasticParameter | None:
    if value is None:
        return None
    return iap.handle_discrete_param(value, name, value_range=(-255, 255), allow_floats=False)


class AddToHueAndSaturation(Augmenter):
    """Add integers to hue and/or saturation in HSV space.

    ``value`` (in [-255, 255]) is added to both; with ``per_channel`` (bool or probability)
    hue and saturation get independently sampled values. Alternatively ``value_hue`` and/or
    ``value_saturation``, not together with ``value``. Defaults: ``value_hue=(-40, 40)``,
    ``value_saturation=(-40, 40)``. Hue values are projected to OpenCV's range
    (``int(v / 255 * 180)``) and wrap around modulo 180; saturation is clipped to 0..255.

    dtypes: uint8 (3 channels). Annotations: unchanged.
    """

    def __init__(self, value: Any = None, value_hue: Any = None, value_saturation: Any = None,
                 per_channel: Any = False, from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        if value is None and value_hue is None and value_saturation is None:
            value_hue, value_saturation = (-40, 40), (-40, 40)
        if value is not None and (value_hue is not None or value_saturation is not None):
            raise ValueError("AddToHueAndSaturation: give value, or value_hue and/or "
                             "value_saturation, not both")
        self.value = _discrete_value(value, "value")
        self.value_hue = _discrete_value(value_hue, "value_hue")
        self.value_saturation = _discrete_value(value_saturation, "value_saturation")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.from_colorspace = from_colorspace

    def _draw_samples(self, nb_images: int, random_state) -> tuple[np.ndarray, np.ndarray]:
        rngs = random_state.derive_rngs_(2)
        zeros = np.zeros((nb_images,), dtype=np.int32)
        if self.value is not None:
            per_channel = self.per_channel.draw_samples((nb_images,),
                                                        random_state=rngs[0]) > 0.5
            samples = np.asarray(self.value.draw_samples((nb_images, 2),
                                                         random_state=rngs[1])).astype(np.int32)
            hues = samples[:, 0]
            sats = np.where(per_channel, samples[:, 1], samples[:, 0])
        else:
            hues = zeros if self.value_hue is None else np.asarray(
                self.value_hue.draw_samples((nb_images,), random_state=rngs[0])
            ).astype(np.int32)
            sats = zeros if self.value_saturation is None else np.asarray(
                self.value_saturation.draw_samples((nb_images,), random_state=rngs[1])
            ).astype(np.int32)
        for arg, samples in (("hue", hues), ("saturation", sats)):
            if samples.size and (samples.min() < -255 or samples.max() > 255):
                raise ValueError(f"{self.name}: sampled {arg} values must be in [-255, 255], "
                                 f"got {samples.min()}..{samples.max()}")
        # project the hue to OpenCV's angular range 0..180 (truncating, as imgaug)
        hues = ((hues.astype(np.float32) / np.float32(255.0)) * np.float32(180.0)).astype(
            np.int32)
        return hues, sats

    def _augment_batch_(self, batch, random_state, parents, hooks):
        return _augment_in_hsv(self, batch, random_state, lambda hsv, hue, sat: (
            kernels.add_hue_saturation(hsv, int(hue), int(sat))))

    def get_parameters(self) -> list:
        return [self.value, self.value_hue, self.value_saturation, self.per_channel,
                self.from_colorspace]


class AddToHue(AddToHueAndSaturation):
    """Add ``value`` (in [-255, 255], cyclic) to the hue. dtypes: uint8 (3 channels)."""

    def __init__(self, value: Any = (-255, 255), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(value_hue=value, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class AddToSaturation(AddToHueAndSaturation):
    """Add ``value`` (in [-255, 255]) to the saturation. dtypes: uint8 (3 channels)."""

    def __init__(self, value: Any = (-75, 75), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(value_saturation=value, from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))


class ChangeColorspace(Augmenter):
    """Convert to ``to_colorspace`` (picked per image) and alpha-blend the result over the
    input (``alpha`` near 1: mostly the converted image). Output is uint8 in the target
    space; GRAY keeps 3 channels.

    dtypes: uint8 (3 channels). Annotations: unchanged.
    """

    RGB = CSPACE_RGB
    BGR = CSPACE_BGR
    GRAY = CSPACE_GRAY
    CIE = CSPACE_CIE
    YCrCb = CSPACE_YCrCb
    HSV = CSPACE_HSV
    HLS = CSPACE_HLS
    Lab = CSPACE_Lab
    Luv = CSPACE_Luv
    YUV = CSPACE_YUV
    COLORSPACES = {RGB, BGR, GRAY, CIE, YCrCb, HSV, HLS, Lab, Luv}
    _EPS = 0.001  # alphas this close to 0 or 1 count as 0 or 1

    def __init__(self, to_colorspace: Any, from_colorspace: str = CSPACE_RGB,
                 alpha: Any = 1.0, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0.0, 1.0))
        self.to_colorspace = iap.handle_categorical_string_param(
            to_colorspace, "to_colorspace", valid_values=list(kernels.COLORSPACES))
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.from_colorspace = from_colorspace
        self.eps = self._EPS

    def _draw_samples(self, nb_images: int, random_state) -> tuple[np.ndarray, list]:
        rngs = random_state.derive_rngs_(2)
        alphas = self.alpha.draw_samples((nb_images,), random_state=rngs[0])
        spaces = [str(s) for s in self.to_colorspace.draw_samples((nb_images,),
                                                                  random_state=rngs[1])]
        for space in spaces:
            kernels.check_colorspace(space, "to_colorspace")
        return alphas, spaces

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        _check_images(batch.images, self)
        alphas, spaces = self._draw_samples(len(batch.images), random_state)
        images = batch.writable_images()
        for i, (alpha, space) in enumerate(zip(alphas, spaces)):
            if alpha <= self.eps or space == self.from_colorspace:
                continue
            converted = kernels.convert(images[i], space, self.from_colorspace)
            images[i] = converted if alpha >= 1 - self.eps else kernels.blend(
                converted, images[i], alpha)
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.to_colorspace, self.alpha]


class Grayscale(ChangeColorspace):
    """Blend each image with its grayscale version (``alpha`` 1.0 = fully gray; output keeps
    3 channels). Blending happens in ``from_colorspace`` as in imgaug.

    dtypes: uint8 (3 channels). Annotations: unchanged.
    """

    def __init__(self, alpha: Any = 1, from_colorspace: str = CSPACE_RGB, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(to_colorspace=CSPACE_GRAY, alpha=alpha,
                         from_colorspace=from_colorspace,
                         **_std_kwargs(seed, name, random_state, deterministic))

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        _check_images(batch.images, self)
        # the target is always GRAY: only the alphas are drawn (cheaper per batch)
        alphas = self.alpha.draw_samples((len(batch.images),), random_state=random_state)
        images = batch.writable_images()
        direct = {CSPACE_RGB: cv2.COLOR_RGB2GRAY, CSPACE_BGR: cv2.COLOR_BGR2GRAY}
        code = direct.get(self.from_colorspace)
        for i, alpha in enumerate(alphas):
            if alpha <= self.eps:
                continue
            image = images[i]
            if code is not None:  # fast path: one conversion, one channel copy
                gray3 = cv2.cvtColor(cv2.cvtColor(image, code), cv2.COLOR_GRAY2RGB)
            else:
                gray3 = kernels.convert(image, CSPACE_GRAY, self.from_colorspace)
            images[i] = gray3 if alpha >= 1 - self.eps else kernels.blend(gray3, image, alpha)
        batch.images = images
        return batch


class ChangeColorTemperature(Augmenter):
    """Tint images like a light source of ``kelvin`` (1000..40000) would: channelwise
    multiplication with the interpolated black-body RGB (low values: red/orange, high:
    blue). See :func:`change_color_temperatures_`.

    dtypes: uint8 (3 channels). Annotations: unchanged.
    """

    def __init__(self, kelvin: Any = (1000, 11000), from_colorspace: str = CSPACE_RGB,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**_std_kwargs(seed, name, random_state, deterministic))
        self.kelvin = iap.handle_continuous_param(kelvin, "kelvin", value_range=(1000, 40000))
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.from_colorspace = from_colorspace

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        _check_images(batch.images, self)
        kelvins = self.kelvin.draw_samples((len(batch.images),), random_state=random_state)
        images = batch.writable_images()
        batch.images = change_color_temperatures_(images, kelvins,
                                                  from_colorspaces=self.from_colorspace)
        return batch

    def get_parameters(self) -> list:
        return [self.kelvin, self.from_colorspace]

# The quantization classes live in a private module; present them (docs, reprs, pickles)
# under their public home, as imgaug users know them.
for _cls in (KMeansColorQuantization, Posterize, UniformColorQuantization,
             UniformColorQuantizationToNBits):
    _cls.__module__ = __name__
del _cls
