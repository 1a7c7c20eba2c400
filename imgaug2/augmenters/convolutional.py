"""Convolutions: Convolve, Sharpen, Emboss, EdgeDetect, DirectedEdgeDetect (cv2.filter2D).

Pixel-only (annotations unchanged). Sharpen/Emboss/EdgeDetect/DirectedEdgeDetect build their
matrices from their own parameters, so they pickle and serialise.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.blur import convolve
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Convolve", "Sharpen", "Emboss", "EdgeDetect", "DirectedEdgeDetect"]

_ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
_DISALLOWED = "uint32 uint64 int32 int64 float128"
_IDENTITY = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float32)


class Convolve(Augmenter):
    """Convolve each image with ``matrix``: None (identity), a 2D array, or a callable
    ``(image, nb_channels, random_state) -> matrix or list of per-channel matrices``."""

    def __init__(self, matrix: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if matrix is not None and not callable(matrix):
            matrix = np.asarray(matrix, dtype=np.float32)
            if matrix.ndim != 2:
                raise ValueError(f"matrix must be a 2D array, got shape {matrix.shape}")
        self.matrix = matrix

    def _matrices(self, image: np.ndarray, rng) -> Any:
        if self.matrix is None:
            return None
        if callable(self.matrix):
            return self.matrix(image, image.shape[2], rng)
        return self.matrix

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.check_images_dtypes(batch.images, _ALLOWED, _DISALLOWED, self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            matrices = self._matrices(images[i], rng)
            if matrices is None:
                continue
            if isinstance(matrices, list):
                images[i] = np.stack([convolve(images[i][..., c:c + 1],
                                               np.asarray(m, np.float32))[..., 0]
                                      for c, m in enumerate(matrices)], axis=-1)
            else:
                images[i] = convolve(images[i], np.asarray(matrices, dtype=np.float32))
        batch.images = images
        return batch

    def get_parameters(self) -> list:
        return [self.matrix]


class _MatrixAugmenter(Convolve):
    """Matrices blended with identity by ``alpha``; subclasses build the effect matrix."""

    def _effect(self, rng) -> np.ndarray:
        raise NotImplementedError

    def _matrices(self, image, rng):
        alpha = float(self.alpha.draw_sample(random_state=rng))
        effect = self._effect(rng)
        return (1 - alpha) * _IDENTITY + alpha * effect


class Sharpen(_MatrixAugmenter):
    """Sharpen with strength ``alpha`` and brightness ``lightness``."""

    def __init__(self, alpha: Any = (0.0, 0.2), lightness: Any = (0.8, 1.2), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(None, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        self.lightness = iap.handle_continuous_param(lightness, "lightness",
                                                     value_range=(0, None))

    def _matrices(self, image, rng):
        alpha = float(self.alpha.draw_sample(random_state=rng))
        lightness = float(self.lightness.draw_sample(random_state=rng))
        effect = np.array([[-1, -1, -1], [-1, 8 + lightness, -1], [-1, -1, -1]], np.float32)
        return (1 - alpha) * _IDENTITY + alpha * effect

    def get_parameters(self) -> list:
        return [self.alpha, self.lightness]


class Emboss(_MatrixAugmenter):
    """Emboss with strength ``alpha`` and depth ``strength``."""

    def __init__(self, alpha: Any = (0.0, 1.0), strength: Any = (0.25, 1.0), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(None, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        self.strength = iap.handle_continuous_param(strength, "strength",
                                                    value_range=(0, None))

    def _matrices(self, image, rng):
        alpha = float(self.alpha.draw_sample(random_state=rng))
        s = float(self.strength.draw_sample(random_state=rng))
        effect = np.array([[-1 - s, -s, 0], [-s, 1, s], [0, s, 1 + s]], np.float32)
        return (1 - alpha) * _IDENTITY + alpha * effect

    def get_parameters(self) -> list:
        return [self.alpha, self.strength]


class EdgeDetect(_MatrixAugmenter):
    """Blend with a Laplacian edge image by ``alpha``."""

    def __init__(self, alpha: Any = (0.0, 0.75), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(None, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))

    def _effect(self, rng):
        return np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)

    def get_parameters(self) -> list:
        return [self.alpha]


class DirectedEdgeDetect(_MatrixAugmenter):
    """Edges from one ``direction`` (0..1 = 0..360 degrees), blended by ``alpha``."""

    def __init__(self, alpha: Any = (0.0, 0.75), direction: Any = (0.0, 1.0), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(None, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        self.direction = iap.handle_continuous_param(direction, "direction")

    def _effect(self, rng):
        angle = float(self.direction.draw_sample(random_state=rng)) * 2 * np.pi
        dx, dy = np.cos(angle), np.sin(angle)
        matrix = np.zeros((3, 3), np.float32)
        for y in range(3):
            for x in range(3):
                if (x, y) != (1, 1):
                    vx, vy = x - 1, y - 1
                    norm = np.hypot(vx, vy)
                    weight = max(0.0, (vx * dx + vy * dy) / norm)
                    matrix[y, x] = weight
        total = matrix.sum()
        matrix = -matrix / total if total > 0 else matrix
        matrix[1, 1] = 1.0
        return matrix

    def get_parameters(self) -> list:
        return [self.alpha, self.direction]
