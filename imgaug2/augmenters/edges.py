"""Canny edge detection, coloured by a colorizer and alpha-blended with the image.

Pixel-only augmenter: annotations pass through unchanged. dtypes: uint8.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Canny", "IBinaryImageColorizer", "RandomColorsBinaryImageColorizer"]

_ONLY_UINT8_DISALLOWED = ("bool uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 "
                          "float64 float128")
_GRAY_WEIGHTS = (0.299, 0.587, 0.114)


class IBinaryImageColorizer(ABC):
    """Interface: ``colorize(image_binary, image_original, nth_image, random_state)`` turns a
    boolean ``(H,W)`` mask into an image shaped like ``image_original``."""

    def __new__(cls, *args: Any, **kwargs: Any):
        obj = super().__new__(cls)
        obj._ctor_args = (args, kwargs)
        return obj

    @abstractmethod
    def colorize(self, image_binary: np.ndarray, image_original: np.ndarray, nth_image: int,
                 random_state: Any) -> np.ndarray:
        """Return the coloured version of ``image_binary``."""


class RandomColorsBinaryImageColorizer(IBinaryImageColorizer):
    """Mask pixels get ``color_true``, the others ``color_false``; each colour is three values
    in [0, 255] sampled per image (grayscale images get ``0.299 R + 0.587 G + 0.114 B``,
    truncated). A 4th (alpha) channel of the original image is kept."""

    def __init__(self, color_true: Any = (0, 255), color_false: Any = (0, 255)) -> None:
        self.color_true = iap.handle_discrete_param(color_true, "color_true",
                                                    value_range=(0, 255), allow_floats=False)
        self.color_false = iap.handle_discrete_param(color_false, "color_false",
                                                     value_range=(0, 255), allow_floats=False)

    def _draw_samples(self, random_state) -> tuple[np.ndarray, np.ndarray]:
        color_true = np.asarray(self.color_true.draw_samples((3,), random_state=random_state))
        color_false = np.asarray(self.color_false.draw_samples((3,),
                                                               random_state=random_state))
        return color_true, color_false

    def colorize(self, image_binary: np.ndarray, image_original: np.ndarray, nth_image: int,
                 random_state: Any) -> np.ndarray:
        if image_binary.ndim != 2 or image_binary.dtype.kind != "b":
            raise ValueError("colorize: image_binary must be a boolean (H,W) array, got shape "
                             f"{image_binary.shape} and dtype {image_binary.dtype.name}")
        if image_original.ndim != 3 or image_original.shape[-1] not in (1, 3, 4):
            raise ValueError("colorize: image_original must have shape (H,W,1|3|4), got "
                             f"{image_original.shape}")
        if image_original.dtype != np.uint8:
            raise iadt.UnsupportedDtypeError("colorize: image_original must be uint8, got "
                                             f"dtype {image_original.dtype.name}")
        color_true, color_false = self._draw_samples(random_state)
        if image_original.shape[-1] == 1:
            color_true = np.array([int(np.dot(_GRAY_WEIGHTS, color_true))])
            color_false = np.array([int(np.dot(_GRAY_WEIGHTS, color_false))])
        colored = np.where(image_binary[..., None], color_true.astype(np.uint8),
                           color_false.astype(np.uint8))
        if image_original.shape[-1] == 4:
            colored = np.dstack([colored, image_original[..., 3:4]])
        return colored

    def __str__(self) -> str:
        return (f"RandomColorsBinaryImageColorizer(color_true={self.color_true}, "
                f"color_false={self.color_false})")


def _blend(foreground: np.ndarray, background: np.ndarray, alpha: float) -> np.ndarray:
    """``alpha * fg + (1 - alpha) * bg`` for uint8 (``cv2.addWeighted``, rounded, saturated);
    alphas within 0.01 of 0 or 1 return the background or foreground."""
    if alpha >= 0.99:
        return foreground
    if alpha <= 0.01:
        return background
    out = cv2.addWeighted(np.ascontiguousarray(foreground), alpha,
                          np.ascontiguousarray(background), 1.0 - alpha, 0.0)
    return out.reshape(background.shape)


class Canny(Augmenter):
    """``cv2.Canny`` edges (L2 gradient norm, as imgaug) coloured by ``colorizer`` and
    blended with the image by ``alpha``.

    ``hysteresis_thresholds``: one parameter drawing ``(N, 2)`` values, or a tuple of two
    (min, max) parameters; values in [0, 255], swapped when min > max.
    ``sobel_kernel_size`` (``apertureSize``, 0..7): even samples are decreased by 1; samples
    <= 1 or ``alpha == 0`` leave the image unchanged. Images need 1, 3 or 4 channels (only
    RGB enters the edge detector). dtypes: uint8.
    """

    def __init__(self, alpha: Any = (0.0, 1.0),
                 hysteresis_thresholds: Any = ((100 - 40, 100 + 40), (200 - 40, 200 + 40)),
                 sobel_kernel_size: Any = (3, 7), colorizer: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        if (isinstance(hysteresis_thresholds, tuple) and len(hysteresis_thresholds) == 2
                and not any(isinstance(v, (int, float, np.number))
                            for v in hysteresis_thresholds)):
            self.hysteresis_thresholds = tuple(
                iap.handle_discrete_param(value, f"hysteresis_thresholds[{i}]",
                                          value_range=(0, 255), allow_floats=True)
                for i, value in enumerate(hysteresis_thresholds))
        else:
            self.hysteresis_thresholds = iap.handle_discrete_param(
                hysteresis_thresholds, "hysteresis_thresholds", value_range=(0, 255),
                allow_floats=True)
        self.sobel_kernel_size = iap.handle_discrete_param(
            sobel_kernel_size, "sobel_kernel_size", value_range=(0, 7), allow_floats=False)
        if colorizer is not None and not hasattr(colorizer, "colorize"):
            raise TypeError("Canny: colorizer must be None or have a colorize() method, got "
                            f"{type(colorizer).__name__}")
        self.colorizer = colorizer if colorizer is not None else \
            RandomColorsBinaryImageColorizer()

    def _draw_samples(self, n: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        alphas = np.asarray(self.alpha.draw_samples((n,), random_state=rng), dtype=np.float64)
        if isinstance(self.hysteresis_thresholds, tuple):
            low = self.hysteresis_thresholds[0].draw_samples((n,), random_state=rng)
            high = self.hysteresis_thresholds[1].draw_samples((n,), random_state=rng)
            thresholds = np.stack([np.asarray(low), np.asarray(high)], axis=-1)
        else:
            thresholds = np.asarray(self.hysteresis_thresholds.draw_samples(
                (n, 2), random_state=rng)).reshape(n, 2)
        thresholds = np.sort(thresholds.astype(np.float64), axis=1)
        sobel = np.asarray(self.sobel_kernel_size.draw_samples((n,), random_state=rng))
        sobel = sobel.astype(np.int64).reshape(n)
        if (sobel < 0).any() or (sobel > 7).any():
            raise ValueError(f"Canny: sampled sobel_kernel_size {sobel.tolist()}, allowed "
                             "range is 0 to 7")
        sobel = np.where(sobel % 2 == 0, sobel - 1, sobel)
        return alphas, thresholds, sobel

    def _augment_batch_(self, batch, random_state, parents, hooks):
        images = batch.images
        if images is None:
            return batch
        iadt.check_images_dtypes(images, "uint8", _ONLY_UINT8_DISALLOWED, self)
        bad = sorted({image.shape[2] for image in images} - {1, 3, 4})
        if bad:
            raise ValueError(f"Canny can only handle images with 1, 3 or 4 channels, got {bad[0]}")
        n = len(images)
        rngs = random_state.derive_rngs_(n)
        alphas, thresholds, sobel = self._draw_samples(n, random_state)
        out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
        for i, image in enumerate(images):
            out[i] = image
            if alphas[i] <= 0 or sobel[i] <= 1 or 0 in image.shape[0:2]:
                continue
            source = image[..., 0:3] if image.shape[2] >= 3 else image[..., 0]
            edges = cv2.Canny(np.ascontiguousarray(source), float(thresholds[i, 0]),
                              float(thresholds[i, 1]), apertureSize=int(sobel[i]),
                              L2gradient=True)
            colored = self.colorizer.colorize(edges > 0, image, nth_image=i,
                                              random_state=rngs[i])
            out[i] = _blend(colored, image, float(alphas[i]))
        batch.images = out
        return batch

    def get_parameters(self) -> list:
        return [self.alpha, self.hysteresis_thresholds, self.sobel_kernel_size, self.colorizer]
