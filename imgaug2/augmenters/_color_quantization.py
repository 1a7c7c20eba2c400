"""Colour quantization augmenters (re-exported by ``imgaug2.augmenters.color``)."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._color_functions import (
    CSPACE_RGB,
    CSPACE_Lab,
    _kmeans_,
    quantize_uniform_,
    quantize_uniform_to_n_bits_,
)
from imgaug2.augmenters._color_utils import check_images, std_kwargs
from imgaug2.augmenters._kernels import color as kernels
from imgaug2.augmenters.meta import Augmenter


def _read_only(image: np.ndarray) -> np.ndarray:
    """A read-only view, so that the in-place quantizers return a new array."""
    view = image.view()
    view.flags.writeable = False
    return view


class _AbstractColorQuantization(Augmenter):
    """Shared sampling, resizing, colour-space and alpha-channel handling.

    Images may have 1 channel (quantized directly), 3 channels (in ``from_colorspace``) or
    4 channels (the 4th is an alpha channel and left unchanged).
    """

    def __init__(self, counts: Any = (2, 16), counts_value_range: tuple = (2, None),
                 from_colorspace: str = CSPACE_RGB, to_colorspace: Any = None,
                 max_size: int | None = 128, interpolation: Any = "linear",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(**std_kwargs(seed, name, random_state, deterministic))
        self.counts_value_range = counts_value_range
        self.counts = iap.handle_discrete_param(counts, "counts",
                                                value_range=counts_value_range,
                                                allow_floats=False)
        kernels.check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
        self.from_colorspace = from_colorspace
        self.to_colorspace = to_colorspace
        self._to_colorspace_param = None if to_colorspace is None else \
            iap.handle_categorical_string_param(to_colorspace, "to_colorspace",
                                                valid_values=list(kernels.COLORSPACES))
        if max_size is not None and (not ia.is_single_integer(max_size) or max_size < 1):
            raise ValueError(f"max_size must be None or a positive integer, got {max_size!r}")
        self.max_size = max_size
        self.interpolation = interpolation

    def _draw_counts(self, nb_images: int, random_state) -> np.ndarray:
        counts = np.round(self.counts.draw_samples((nb_images,), random_state=random_state))
        low, high = self.counts_value_range
        return np.clip(counts.astype(np.int32), low, high)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        check_images(batch.images, self, channels=(1, 3, 4))
        rngs = random_state.derive_rngs_(len(batch.images) + 1)
        counts = self._draw_counts(len(batch.images), rngs[-1])
        images = batch.writable_images()
        for i in range(len(images)):
            images[i] = self._augment_single_image(images[i], int(counts[i]), rngs[i])
        batch.images = images
        return batch

    def _augment_single_image(self, image: np.ndarray, count: int, rng) -> np.ndarray:
        orig_hw = image.shape[0:2]
        work = self._ensure_max_size(image)
        if work.shape[2] == 1:
            out = self._quantize(_read_only(work), count, rng)
        else:
            alpha = work[..., 3:4] if work.shape[2] == 4 else None
            rgb = work[..., 0:3] if alpha is not None else work
            space = None
            if self._to_colorspace_param is not None:
                space = str(self._to_colorspace_param.draw_sample(random_state=rng))
                kernels.check_colorspace(space, "to_colorspace", allow_gray=False)
                rgb = kernels.convert(rgb, space, self.from_colorspace)
            out = self._quantize(_read_only(rgb), count, rng)
            if space is not None:
                out = kernels.convert(out, self.from_colorspace, space)
            if alpha is not None:
                out = np.concatenate([out, alpha], axis=2)
        if out.shape[0:2] != orig_hw:
            out = ia.imresize_single_image(out, orig_hw, interpolation=self.interpolation)
            if out.ndim == 2:
                out = out[..., None]
        return out

    def _ensure_max_size(self, image: np.ndarray) -> np.ndarray:
        height, width = image.shape[0:2]
        if self.max_size is None or max(height, width) <= self.max_size:
            return image
        factor = self.max_size / max(height, width)
        size = (max(1, int(height * factor)), max(1, int(width * factor)))
        out = ia.imresize_single_image(image, size, interpolation=self.interpolation)
        return out[..., None] if out.ndim == 2 else out

    def _quantize(self, image: np.ndarray, count: int, rng) -> np.ndarray:
        raise NotImplementedError

    def get_parameters(self) -> list:
        return [self.counts, self.from_colorspace, self.to_colorspace, self.max_size,
                self.interpolation]



#: ``n_colors``: imgaug's name of ``counts`` in the two classes whose count is a colour count.
_N_COLORS_ALIAS = property(lambda self: self.counts, doc="Alias of ``counts``.")

class KMeansColorQuantization(_AbstractColorQuantization):
    """Reduce each image to ``n_colors`` (>= 2) colours found by k-means clustering
    (:func:`quantize_kmeans`) in ``to_colorspace`` (picked per image), after downscaling to
    ``max_size``. OpenCV's RNG is seeded from the augmenter's random state right before
    clustering, so results depend only on the seed.

    dtypes: uint8 (1, 3 or 4 channels). Annotations: unchanged.
    """

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = CSPACE_RGB,
                 to_colorspace: Any = [CSPACE_RGB, CSPACE_Lab],  # noqa: B006 - imgaug's default
                 max_size: int | None = 128, interpolation: Any = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(n_colors, (2, None), from_colorspace, to_colorspace, max_size,
                         interpolation, **std_kwargs(seed, name, random_state, deterministic))

    n_colors = _N_COLORS_ALIAS

    def _quantize(self, image, count, rng):
        seeds = rng.integers(0, 2**31 - 1, size=(2,))
        out = _kmeans_(image, count, 10, 1.0, seed=int(seeds[0]))
        cv2.setRNGSeed(int(seeds[1]))  # do not leave OpenCV's RNG at a predictable state
        return out


class UniformColorQuantization(_AbstractColorQuantization):
    """Quantize each channel into ``n_colors`` (2..256) equally sized bins, mapping values to
    the bin centres: ``floor(v/q)*q + q/2`` with ``q = 256/n_colors``
    (:func:`quantize_uniform_`).

    dtypes: uint8 (1, 3 or 4 channels). Annotations: unchanged.
    """

    def __init__(self, n_colors: Any = (2, 16), from_colorspace: str = CSPACE_RGB,
                 to_colorspace: Any = None, max_size: int | None = None,
                 interpolation: Any = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(n_colors, (2, None), from_colorspace, to_colorspace, max_size,
                         interpolation, **std_kwargs(seed, name, random_state, deterministic))

    n_colors = _N_COLORS_ALIAS

    def _quantize(self, image, count, rng):
        return quantize_uniform_(image, count)


class UniformColorQuantizationToNBits(_AbstractColorQuantization):
    """Keep the ``nb_bits`` (1..8) highest bits of each component, zeroing the others
    (:func:`quantize_uniform_to_n_bits_`).

    dtypes: uint8 (1, 3 or 4 channels). Annotations: unchanged.
    """

    def __init__(self, nb_bits: Any = (1, 8), from_colorspace: str = CSPACE_RGB,
                 to_colorspace: Any = None, max_size: int | None = None,
                 interpolation: Any = "linear", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(nb_bits, (1, 8), from_colorspace, to_colorspace, max_size,
                         interpolation, **std_kwargs(seed, name, random_state, deterministic))

    def _quantize(self, image, count, rng):
        return quantize_uniform_to_n_bits_(image, count)


class Posterize(UniformColorQuantizationToNBits):
    """Alias of :class:`UniformColorQuantizationToNBits`."""
