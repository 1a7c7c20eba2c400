"""Spatial noise parameters: FromLowerResolution, IterativeNoiseAggregator, Sigmoid,
SimplexNoise, FrequencyNoise. Samples have a spatial ``size`` such as ``(H, W)``."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.parameters._base import StochasticParameter
from imgaug2.parameters._handles import (
    handle_categorical_string_param,
    handle_continuous_param,
    handle_discrete_param,
    handle_probability_param,
)

_INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                   "cubic": cv2.INTER_CUBIC, "area": cv2.INTER_AREA}


def _upscale(arr: np.ndarray, height: int, width: int, method: str) -> np.ndarray:
    if arr.shape[:2] == (height, width):
        return arr
    out = cv2.resize(arr.astype(np.float32), (width, height),
                     interpolation=_INTERPOLATIONS[method])
    return out if arr.ndim == out.ndim else out[..., None]


class FromLowerResolution(StochasticParameter):
    """Samples drawn at a lower resolution and upscaled (coarse masks, e.g. CoarseDropout).

    Give exactly one of ``size_percent`` (fraction of the requested size) or ``size_px``.
    ``draw_samples`` takes ``(H, W)``, ``(H, W, C)`` or ``(N, H, W, C)``.
    """

    def __init__(self, other_param: Any, size_percent: Any = None, size_px: Any = None,
                 method: Any = "nearest", min_size: int = 1) -> None:
        if (size_percent is None) == (size_px is None):
            raise ValueError("Expected exactly one of size_percent and size_px")
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.size_percent = (None if size_percent is None else handle_continuous_param(
            size_percent, "size_percent", value_range=(0, None)))
        self.size_px = (None if size_px is None else handle_discrete_param(
            size_px, "size_px", value_range=(1, None)))
        self.method = handle_categorical_string_param(method, "method",
                                                      valid_values=list(_INTERPOLATIONS))
        if not isinstance(min_size, int) or min_size < 1:
            raise ValueError(f"Expected min_size to be an int >= 1, got {min_size!r}")
        self.min_size = min_size

    def _draw_one(self, height: int, width: int, channels: int, random_state) -> np.ndarray:
        if self.size_px is not None:
            h_small = max(self.min_size, int(self.size_px.draw_sample(random_state)))
            w_small = max(self.min_size, int(self.size_px.draw_sample(random_state)))
        else:
            frac = float(self.size_percent.draw_sample(random_state))
            h_small = max(self.min_size, int(round(height * frac)))
            w_small = max(self.min_size, int(round(width * frac)))
        method = str(self.method.draw_sample(random_state))
        small = np.asarray(self.other_param.draw_samples((h_small, w_small, channels),
                                                         random_state=random_state))
        dtype = small.dtype
        up = _upscale(small, height, width, method).reshape(height, width, channels)
        return up.astype(dtype) if dtype.kind in "iub" else up

    def _draw_samples(self, size, random_state):
        if len(size) == 2:
            return self._draw_one(size[0], size[1], 1, random_state)[..., 0]
        if len(size) == 3:
            return self._draw_one(*size, random_state)
        if len(size) == 4:
            return np.stack([self._draw_one(size[1], size[2], size[3], random_state)
                             for _ in range(size[0])])
        raise ValueError(f"FromLowerResolution needs a size of 2 to 4 dims, got {size}")


class IterativeNoiseAggregator(StochasticParameter):
    """Draw ``iterations`` times and aggregate with ``max``, ``min`` or ``avg``."""

    def __init__(self, other_param: Any, iterations: Any = (1, 3),
                 aggregation_method: Any = ["max", "avg"]) -> None:  # noqa: B006
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.iterations = handle_discrete_param(iterations, "iterations", value_range=(1, 10000))
        self.aggregation_method = handle_categorical_string_param(
            aggregation_method, "aggregation_method", valid_values=["min", "max", "avg"])

    def _draw_samples(self, size, random_state):
        method = str(self.aggregation_method.draw_sample(random_state))
        iterations = int(self.iterations.draw_sample(random_state))
        result = None
        for _ in range(iterations):
            noise = np.asarray(self.other_param.draw_samples(size, random_state=random_state),
                               dtype=np.float64)
            if result is None:
                result = noise
            elif method == "avg":
                result = result + noise
            elif method == "max":
                result = np.maximum(result, noise)
            else:
                result = np.minimum(result, noise)
        if method == "avg":
            result = result / iterations
        return result.astype(np.float32)


class Sigmoid(StochasticParameter):
    """Sigmoid of the samples: ``1 / (1 + exp(-(x * mul + add - threshold)))``.

    ``activated`` is a probability (per call) of applying the sigmoid at all.
    """

    def __init__(self, other_param: Any, threshold: Any = (-10, 10), activated: Any = True,
                 mul: float = 1, add: float = 0) -> None:
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.threshold = handle_continuous_param(threshold, "threshold")
        self.activated = handle_probability_param(activated, "activated")
        self.mul = float(mul)
        self.add = float(add)

    @classmethod
    def create_for_noise(cls, other_param: Any, threshold: Any = (-10, 10),
                         activated: Any = True) -> Sigmoid:
        """Sigmoid for [0, 1] noise (imgaug's helper for blend masks)."""
        return cls(other_param, threshold, activated, mul=20, add=-10)

    def _draw_samples(self, size, random_state):
        samples = np.asarray(self.other_param.draw_samples(size, random_state=random_state),
                             dtype=np.float64)
        activated = self.activated.draw_sample(random_state) > 0.5
        threshold = float(self.threshold.draw_sample(random_state))
        if not activated:
            return samples.astype(np.float32)
        return (1.0 / (1.0 + np.exp(-(samples * self.mul + self.add - threshold)))).astype(
            np.float32)


_GRADIENTS = np.array([[1, 1], [-1, 1], [1, -1], [-1, -1], [1, 0], [-1, 0], [0, 1], [0, -1]],
                      dtype=np.float64)
_F2 = 0.5 * (np.sqrt(3.0) - 1.0)
_G2 = (3.0 - np.sqrt(3.0)) / 6.0


def simplex_noise_2d(xs: np.ndarray, ys: np.ndarray, perm: np.ndarray) -> np.ndarray:
    """2D simplex noise in about [-1, 1] at points (xs, ys); ``perm`` is a permutation of 0..255
    (the randomness). Vectorised over all points."""
    s = (xs + ys) * _F2
    i = np.floor(xs + s)
    j = np.floor(ys + s)
    t = (i + j) * _G2
    x0 = xs - (i - t)
    y0 = ys - (j - t)
    i1 = (x0 > y0).astype(np.float64)
    j1 = 1.0 - i1
    x1, y1 = x0 - i1 + _G2, y0 - j1 + _G2
    x2, y2 = x0 - 1.0 + 2.0 * _G2, y0 - 1.0 + 2.0 * _G2
    ii = i.astype(np.int64) & 255
    jj = j.astype(np.int64) & 255
    perm2 = np.concatenate([perm, perm])
    total = np.zeros_like(xs, dtype=np.float64)
    for dx, dy, cx, cy in ((x0, y0, 0, 0), (x1, y1, i1, j1), (x2, y2, 1, 1)):
        gi = perm2[(ii + np.asarray(cx, dtype=np.int64)) + perm2[
            jj + np.asarray(cy, dtype=np.int64)]] % 8
        t_c = 0.5 - dx * dx - dy * dy
        contrib = np.where(t_c > 0, t_c ** 4 * (_GRADIENTS[gi, 0] * dx + _GRADIENTS[gi, 1] * dy),
                           0.0)
        total += contrib
    return 70.0 * total


class SimplexNoise(StochasticParameter):
    """Smooth simplex noise in [0, 1]; generated at most ``size_px_max`` pixels per side, then
    upscaled with ``upscale_method``. ``draw_samples((H, W))``."""

    def __init__(self, size_px_max: Any = (2, 16),
                 upscale_method: Any = ["linear", "nearest"]) -> None:  # noqa: B006
        self.size_px_max = handle_discrete_param(size_px_max, "size_px_max",
                                                 value_range=(1, 10000))
        self.upscale_method = handle_categorical_string_param(
            upscale_method, "upscale_method", valid_values=list(_INTERPOLATIONS))

    def _small_size(self, height: int, width: int, random_state) -> tuple[int, int]:
        max_px = int(self.size_px_max.draw_sample(random_state))
        scale = min(1.0, max_px / max(height, width, 1))
        return max(1, int(round(height * scale))), max(1, int(round(width * scale)))

    def _noise(self, height: int, width: int, random_state) -> np.ndarray:
        perm = random_state.permutation(256)
        offset = random_state.uniform(0, 1000, size=2)
        ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)
        return simplex_noise_2d(xs + offset[0], ys + offset[1], perm)

    def _draw_samples(self, size, random_state):
        if len(size) not in (2, 3):
            raise ValueError(f"SimplexNoise needs a size (H, W) or (H, W, C), got {size}")
        height, width = size[0], size[1]
        h_small, w_small = self._small_size(height, width, random_state)
        method = str(self.upscale_method.draw_sample(random_state))
        channels = size[2] if len(size) == 3 else 1
        layers = []
        for _ in range(channels):
            noise = self._noise(h_small, w_small, random_state)
            noise = (np.clip(noise, -1.0, 1.0) + 1.0) / 2.0
            layers.append(_upscale(noise, height, width, method))
        out = np.clip(np.stack(layers, axis=-1), 0.0, 1.0).astype(np.float32)
        return out if len(size) == 3 else out[..., 0]


class FrequencyNoise(SimplexNoise):
    """Noise with a power spectrum ``f**exponent`` (low exponents: smooth blobs; high: grain),
    normalised to [0, 1]. ``draw_samples((H, W))``."""

    def __init__(self, exponent: Any = (-4, 4), size_px_max: Any = (4, 32),
                 upscale_method: Any = ["linear", "nearest"]) -> None:  # noqa: B006
        super().__init__(size_px_max=size_px_max, upscale_method=upscale_method)
        self.exponent = handle_continuous_param(exponent, "exponent")

    def _noise(self, height: int, width: int, random_state) -> np.ndarray:
        exponent = float(self.exponent.draw_sample(random_state))
        fy = np.fft.fftfreq(height)[:, None]
        fx = np.fft.fftfreq(width)[None, :]
        freq = np.sqrt(fx ** 2 + fy ** 2)
        freq[0, 0] = 1.0
        weights = freq ** exponent
        weights[0, 0] = 0.0
        phase = random_state.uniform(0, 2 * np.pi, size=(height, width))
        magnitude = random_state.normal(0, 1, size=(height, width)) * weights
        noise = np.real(np.fft.ifft2(magnitude * np.exp(1j * phase)))
        low, high = noise.min(), noise.max()
        if high - low < 1e-12:
            return np.zeros((height, width))
        return (noise - low) / (high - low) * 2.0 - 1.0
