"""Convolutions: Convolve, Sharpen, Emboss, EdgeDetect, DirectedEdgeDetect (``cv2.filter2D``).

Pixel-only augmenters: annotations pass through unchanged. The matrices are applied as
``cv2.filter2D`` does (correlation, reflect-101 borders), like imgaug 0.4.0. Sharpen, Emboss,
EdgeDetect and DirectedEdgeDetect build their matrices with picklable generator objects.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.blur import convolve as _convolve_kernel
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Convolve", "Sharpen", "Emboss", "EdgeDetect", "DirectedEdgeDetect"]

_ALLOWED = "bool uint8 uint16 int8 int16 float16 float32 float64"
_DISALLOWED = "uint32 uint64 int32 int64 float128"
_IDENTITY = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float32)


def _as_matrix(matrix: Any, where: str) -> np.ndarray:
    arr = np.asarray(matrix)
    if arr.ndim != 2 or arr.dtype.kind not in "biuf":
        raise ValueError(f"{where}: expected a 2D numeric matrix, got shape {arr.shape} "
                         f"and dtype {arr.dtype.name}")
    return arr.astype(np.float64 if arr.dtype == np.float64 else np.float32)


def _normalize_matrices(matrices: Any, nb_channels: int) -> Any:
    """None, one 2D matrix, or a list of one matrix (or None) per channel."""
    if matrices is None:
        return None
    if isinstance(matrices, list):
        if len(matrices) != nb_channels:
            raise ValueError(f"Convolve: got {len(matrices)} matrices for an image with "
                             f"{nb_channels} channels; expected one per channel")
        if all(m is None for m in matrices):
            return None
        return [None if m is None else _as_matrix(m, "Convolve") for m in matrices]
    return _as_matrix(matrices, "Convolve")


class Convolve(Augmenter):
    """Convolve each image with ``matrix`` (``cv2.filter2D``, saturated to the dtype).

    ``matrix``: None (no change), a 2D array, or a callable
    ``(image, nb_channels, random_state) -> None | 2D array | list of C arrays/None``.
    dtypes: uint8, uint16, int16, float32, float64, and bool/float16 (via float32), int8 (via
    int16); uint32/uint64/int32/int64/float128 raise.
    """

    def __init__(self, matrix: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if matrix is None:
            self.matrix_type = "None"
        elif isinstance(matrix, np.ndarray):
            matrix = _as_matrix(matrix, "Convolve(matrix=...)")
            self.matrix_type = "constant"
        elif callable(matrix):
            self.matrix_type = "function"
        else:
            raise TypeError("Convolve: matrix must be None, a 2D numpy array or a callable, "
                            f"got {type(matrix).__name__}")
        self.matrix = matrix

    def _matrices_for_batch(self, images: Any, random_state) -> list:
        n = len(images)
        if self.matrix_type == "None":
            return [None] * n
        if self.matrix_type == "constant":
            return [self.matrix] * n
        return [self.matrix(image, image.shape[2], rng)
                for image, rng in zip(images, random_state.derive_rngs_(n))]

    def _augment_batch_(self, batch, random_state, parents, hooks):
        images = batch.images
        if images is None:
            return batch
        iadt.check_images_dtypes(images, _ALLOWED, _DISALLOWED, self)
        matrices = self._matrices_for_batch(images, random_state)
        out = np.empty_like(images) if isinstance(images, np.ndarray) else list(images)
        for i, (image, matrix) in enumerate(zip(images, matrices)):
            matrix = _normalize_matrices(matrix, image.shape[2])
            out[i] = image if matrix is None else _convolve_kernel(image, matrix)
        batch.images = out
        return batch

    def get_parameters(self) -> list:
        return [self.matrix, self.matrix_type]


def _check_alpha(alpha: float) -> float:
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"expected 'alpha' in [0.0, 1.0], got {alpha:.4f}")
    return alpha


def _blend_identity(alpha: float, effect: np.ndarray) -> np.ndarray:
    return ((1 - alpha) * _IDENTITY + alpha * effect).astype(np.float32)


class _SharpeningMatrixGenerator:
    def __init__(self, alpha: Any, lightness: Any) -> None:
        self.alpha = alpha
        self.lightness = lightness

    def __call__(self, image: np.ndarray, nb_channels: int, random_state) -> np.ndarray:
        alpha = _check_alpha(float(self.alpha.draw_sample(random_state=random_state)))
        lightness = float(self.lightness.draw_sample(random_state=random_state))
        effect = np.array([[-1, -1, -1], [-1, 8 + lightness, -1], [-1, -1, -1]], np.float32)
        return _blend_identity(alpha, effect)


class _EmbossMatrixGenerator:
    def __init__(self, alpha: Any, strength: Any) -> None:
        self.alpha = alpha
        self.strength = strength

    def __call__(self, image: np.ndarray, nb_channels: int, random_state) -> np.ndarray:
        alpha = _check_alpha(float(self.alpha.draw_sample(random_state=random_state)))
        s = float(self.strength.draw_sample(random_state=random_state))
        effect = np.array([[-1 - s, -s, 0], [-s, 1, s], [0, s, 1 + s]], np.float32)
        return _blend_identity(alpha, effect)


class _EdgeDetectMatrixGenerator:
    def __init__(self, alpha: Any) -> None:
        self.alpha = alpha

    def __call__(self, image: np.ndarray, nb_channels: int, random_state) -> np.ndarray:
        alpha = _check_alpha(float(self.alpha.draw_sample(random_state=random_state)))
        effect = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)
        return _blend_identity(alpha, effect)


def directed_edge_matrix(direction: float) -> np.ndarray:
    """The 3x3 edge matrix for ``direction`` (1.0 = 360 degrees, clockwise from the top).

    ``deg = int(direction * 360) % 360``; each neighbour gets ``(1 - angle / 180) ** 4`` with
    ``angle`` between it and the direction vector, the weights are normalised to sum 1 and
    negated, the centre is 1 (imgaug 0.4.0's construction).
    """
    rad = np.deg2rad(int(direction * 360) % 360)
    target = np.array([np.cos(rad - 0.5 * np.pi), np.sin(rad - 0.5 * np.pi)])
    effect = np.zeros((3, 3), dtype=np.float32)
    for x in (-1, 0, 1):
        for y in (-1, 0, 1):
            if (x, y) == (0, 0):
                continue
            cell = np.array([x, y], dtype=np.float64)
            cos = np.dot(cell, target) / (np.linalg.norm(cell) * np.linalg.norm(target))
            angle = np.rad2deg(np.arccos(np.clip(cos, -1.0, 1.0)))
            effect[y + 1, x + 1] = (1 - angle / 180) ** 4
    effect = -effect / np.sum(effect)
    effect[1, 1] = 1
    return effect


class _DirectedEdgeDetectMatrixGenerator:
    def __init__(self, alpha: Any, direction: Any) -> None:
        self.alpha = alpha
        self.direction = direction

    def __call__(self, image: np.ndarray, nb_channels: int, random_state) -> np.ndarray:
        alpha = _check_alpha(float(self.alpha.draw_sample(random_state=random_state)))
        direction = float(self.direction.draw_sample(random_state=random_state))
        return _blend_identity(alpha, directed_edge_matrix(direction))


class Sharpen(Convolve):
    """Sharpen (``[[-1,-1,-1],[-1,8+lightness,-1],[-1,-1,-1]]``) blended with the identity
    matrix by ``alpha`` in [0, 1]. dtypes: see :class:`Convolve`."""

    def __init__(self, alpha: Any = (0.0, 0.2), lightness: Any = (0.8, 1.2), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        alpha_param = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        lightness_param = iap.handle_continuous_param(lightness, "lightness",
                                                      value_range=(0, None))
        super().__init__(_SharpeningMatrixGenerator(alpha_param, lightness_param), seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)
        self.alpha = alpha_param
        self.lightness = lightness_param


class Emboss(Convolve):
    """Emboss (``[[-1-s,-s,0],[-s,1,s],[0,s,1+s]]`` for ``strength`` s) blended with the
    identity matrix by ``alpha`` in [0, 1]. dtypes: see :class:`Convolve`."""

    def __init__(self, alpha: Any = (0.0, 1.0), strength: Any = (0.25, 1.0), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        alpha_param = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        strength_param = iap.handle_continuous_param(strength, "strength",
                                                     value_range=(0, None))
        super().__init__(_EmbossMatrixGenerator(alpha_param, strength_param), seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)
        self.alpha = alpha_param
        self.strength = strength_param


class EdgeDetect(Convolve):
    """Laplacian edge matrix ``[[0,1,0],[1,-4,1],[0,1,0]]`` blended with the identity by
    ``alpha`` in [0, 1]. dtypes: see :class:`Convolve`."""

    def __init__(self, alpha: Any = (0.0, 0.75), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        alpha_param = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        super().__init__(_EdgeDetectMatrixGenerator(alpha_param), seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
        self.alpha = alpha_param


class DirectedEdgeDetect(Convolve):
    """Edges seen from ``direction`` (0..1 = 0..360 degrees clockwise from the top, see
    :func:`directed_edge_matrix`), blended with the identity by ``alpha`` in [0, 1].
    dtypes: see :class:`Convolve`."""

    def __init__(self, alpha: Any = (0.0, 0.75), direction: Any = (0.0, 1.0), seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        alpha_param = iap.handle_continuous_param(alpha, "alpha", value_range=(0, 1.0))
        direction_param = iap.handle_continuous_param(direction, "direction",
                                                      value_range=None)
        super().__init__(_DirectedEdgeDetectMatrixGenerator(alpha_param, direction_param),
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = alpha_param
        self.direction = direction_param
