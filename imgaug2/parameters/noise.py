"""Noise parameters for 2D planes: SimplexNoise, FrequencyNoise, IterativeNoiseAggregator,
Sigmoid and FromLowerResolution (coarse sampling of another parameter)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters import _noise_kernels as kernels
from imgaug2.parameters.base import StochasticParameter
from imgaug2.parameters.continuous import Uniform
from imgaug2.parameters.discrete import Choice, Deterministic, DiscreteUniform
from imgaug2.parameters.handles import (
    ALL,
    ArgumentTypeError,
    handle_categorical_string_param,
    handle_continuous_param,
    handle_discrete_param,
    handle_probability_param,
    is_int,
    is_number,
)
from imgaug2.parameters.transforms import _require_param

_AGGREGATION_METHODS = ["min", "max", "avg"]


def _is_method(value: Any) -> bool:
    return isinstance(value, str) or is_int(value)


def _handle_interpolation(method: Any, name: str) -> StochasticParameter:
    """ia.ALL, a method name or cv2 constant, a list of them, or a parameter."""
    if isinstance(method, str) and method == ALL:
        return Choice(list(kernels.INTERPOLATIONS))
    if _is_method(method):
        kernels.interpolation_flag(method, name)
        return Deterministic(method)
    if isinstance(method, list):
        if not method or not all(_is_method(m) for m in method):
            raise ArgumentTypeError(f"Expected {name} as a list to contain one or more "
                                     f"interpolation names, got {method!r}.")
        for value in method:
            kernels.interpolation_flag(value, name)
        return Choice(method)
    if isinstance(method, StochasticParameter):
        return method
    raise ArgumentTypeError(f"Expected {name} to be imgaug.ALL, a str, an int, a list of them "
                             f"or a StochasticParameter, got {type(method).__name__}.")


def _noise_size(size: tuple[int, ...], owner: str) -> tuple[int, int, int]:
    if len(size) not in (2, 3):
        raise ValueError(f"{owner} draws noise of shape (H, W) or (H, W, C), got size {size}.")
    return size[0], size[1], (size[2] if len(size) == 3 else 1)


def _small_size(height: int, width: int, size_px_max: int, minimum: int) -> tuple[int, int]:
    """Shrink (height, width) so that the larger side is at most ``size_px_max``."""
    longest = max(height, width)
    if longest > size_px_max:
        factor = size_px_max / longest
        height, width = int(height * factor), int(width * factor)
    return max(height, minimum), max(width, minimum)


class _PlaneNoise(StochasticParameter):
    """Shared sampling: one low-resolution plane per channel, upscaled to (H, W)."""

    _name = "noise"
    _min_side = 1

    def _draw_samples(self, size, random_state):
        height, width, channels = _noise_size(size, type(self).__name__)
        planes = [self._draw_channel(height, width, random_state) for _ in range(channels)]
        if len(size) == 2:
            return planes[0]
        return np.stack(planes, axis=-1)

    def _draw_channel(self, height: int, width: int, random_state) -> np.ndarray:
        size_px_max = int(self.size_px_max.draw_sample(random_state=random_state))
        if size_px_max < 1:
            raise ValueError(f"Expected size_px_max of {type(self).__name__} to be >= 1, got "
                             f"{size_px_max}.")
        h_small, w_small = _small_size(height, width, size_px_max, self._min_side)
        small = self._small_noise(h_small, w_small, random_state)
        method = self.upscale_method.draw_sample(random_state=random_state)
        flag = kernels.interpolation_flag(_python_value(method), "upscale_method")
        plane = kernels.resize_plane(small, height, width, flag)
        return np.clip(plane, 0.0, 1.0, out=plane) if plane is not small else plane

    def _small_noise(self, height: int, width: int, random_state) -> np.ndarray:
        raise NotImplementedError


def _python_value(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


class SimplexNoise(_PlaneNoise):
    """Smooth simplex noise in ``[0, 1]`` (float32) for ``draw_samples((H, W[, C]))``.

    Noise is generated on a plane whose larger side is at most ``size_px_max`` pixels (an int,
    ``(a, b)``, list or parameter; sampled per channel), then upscaled with ``upscale_method``
    (ia.ALL, "nearest", "linear", "area", "cubic", a list of them or a parameter).
    """

    def __init__(self, size_px_max: Any = (2, 16),
                 upscale_method: Any = ["linear", "nearest"]) -> None:  # noqa: B006
        self.size_px_max = handle_discrete_param(size_px_max, "size_px_max",
                                                 value_range=(1, 10000))
        self.upscale_method = _handle_interpolation(upscale_method, "upscale_method")

    def _small_noise(self, height, width, random_state):
        seed = int(random_state.integers(0, 2 ** 63 - 1, dtype=np.int64))
        return kernels.simplex_noise_plane(height, width, seed)

    def __str__(self) -> str:
        return f"SimplexNoise({self.size_px_max}, {self.upscale_method})"


class FrequencyNoise(_PlaneNoise):
    """Noise with a power-law spectrum ``f ** exponent`` in ``[0, 1]`` (float32).

    ``exponent`` around -4 gives large blobs, around 4 fine repetitive grain (-2: clouds).
    The low-resolution plane is at least 4x4 pixels; ``size_px_max`` and ``upscale_method``
    work as in :class:`SimplexNoise`.
    """

    _min_side = 4

    def __init__(self, exponent: Any = (-4, 4), size_px_max: Any = (4, 32),
                 upscale_method: Any = ["linear", "nearest"]) -> None:  # noqa: B006
        self.exponent = handle_continuous_param(exponent, "exponent")
        self.size_px_max = handle_discrete_param(size_px_max, "size_px_max",
                                                 value_range=(1, 10000))
        self.upscale_method = _handle_interpolation(upscale_method, "upscale_method")

    def _small_noise(self, height, width, random_state):
        exponent = float(self.exponent.draw_sample(random_state=random_state))
        white = random_state.standard_normal((height, width, 2), dtype="float64")
        return kernels.frequency_noise_plane(white, exponent)

    def __str__(self) -> str:
        return f"FrequencyNoise({self.exponent}, {self.size_px_max}, {self.upscale_method})"


class IterativeNoiseAggregator(StochasticParameter):
    """Draw ``other_param`` ``iterations`` times and combine elementwise.

    ``iterations``: int, ``(a, b)`` (inclusive), list or parameter, in ``[1, 10000]``.
    ``aggregation_method``: "min", "max", "avg", ia.ALL, a list of them or a parameter; both are
    sampled once per call.
    """

    def __init__(self, other_param: StochasticParameter, iterations: Any = (1, 3),
                 aggregation_method: Any = ["max", "avg"]) -> None:  # noqa: B006
        self.other_param = _require_param("other_param", other_param)
        self.iterations = handle_discrete_param(iterations, "iterations",
                                                value_range=(1, 10000), allow_floats=False)
        self.aggregation_method = handle_categorical_string_param(
            aggregation_method, "aggregation_method", valid_values=_AGGREGATION_METHODS)

    def _draw_samples(self, size, random_state):
        method = str(self.aggregation_method.draw_sample(random_state=random_state))
        if method not in _AGGREGATION_METHODS:
            raise ValueError(f"Expected aggregation_method to be one of "
                             f"{_AGGREGATION_METHODS}, got {method!r}.")
        iterations = int(self.iterations.draw_sample(random_state=random_state))
        if iterations < 1:
            raise ValueError(f"Expected iterations to be >= 1, got {iterations}.")
        result = None
        for _ in range(iterations):
            noise = np.asarray(self.other_param.draw_samples(size, random_state=random_state))
            if result is None:
                result = noise.astype(np.float32) if method == "avg" else noise
            elif method == "avg":
                result += noise
            elif method == "min":
                result = np.minimum(result, noise)
            else:
                result = np.maximum(result, noise)
        if method == "avg":
            result = result / iterations
        return result

    def __str__(self) -> str:
        return (f"IterativeNoiseAggregator({self.other_param}, {self.iterations}, "
                f"{self.aggregation_method})")


class Sigmoid(StochasticParameter):
    """``1 / (1 + exp(-(x * mul + add - threshold)))`` of the samples ``x`` of ``other_param``.

    ``threshold`` (number, ``(a, b)``, list or parameter) and ``activated`` (bool or
    probability) are sampled once per call; when not activated the samples pass unchanged.
    """

    def __init__(self, other_param: StochasticParameter, threshold: Any = (-10, 10),
                 activated: Any = True, mul: float = 1, add: float = 0) -> None:
        self.other_param = _require_param("other_param", other_param)
        self.threshold = handle_continuous_param(threshold, "threshold")
        self.activated = handle_probability_param(activated, "activated")
        if not is_number(mul):
            raise ArgumentTypeError(f"Expected mul to be a number, got {type(mul).__name__}.")
        if not mul > 0:
            raise ValueError(f"Expected mul to be > 0, got {mul}.")
        if not is_number(add):
            raise ArgumentTypeError(f"Expected add to be a number, got {type(add).__name__}.")
        self.mul = mul
        self.add = add

    @staticmethod
    def create_for_noise(other_param: StochasticParameter, threshold: Any = (-10, 10),
                         activated: Any = True) -> Sigmoid:
        """A Sigmoid for noise in ``[0, 1]`` (``mul=20, add=-10``)."""
        return Sigmoid(other_param, threshold, activated, mul=20, add=-10)

    def _draw_samples(self, size, random_state):
        samples = np.asarray(self.other_param.draw_samples(size, random_state=random_state))
        if samples.dtype.kind != "f":
            samples = samples.astype(np.float32)
        activated = self.activated.draw_sample(random_state=random_state)
        threshold = float(self.threshold.draw_sample(random_state=random_state))
        if not activated > 0.5:
            return samples
        shift = float(self.add) - threshold
        with np.errstate(over="ignore"):
            return 1.0 / (1.0 + np.exp(-(samples * samples.dtype.type(self.mul)
                                         + samples.dtype.type(shift))))

    def __str__(self) -> str:
        return (f"Sigmoid({self.other_param}, {self.threshold}, {self.activated}, {self.mul}, "
                f"{self.add})")


class FromLowerResolution(StochasticParameter):
    """Sample ``other_param`` on a coarse plane and upscale it to the requested size.

    For ``draw_samples((H, W, C))``, ``(N, H, W, C)`` or ``(H, W)``: per image the plane is
    ``size_percent`` of (H, W) (number, ``(a, b)`` uniform, or parameter; drawn separately for
    height and width) or ``size_px`` pixels (int, ``(a, b)`` inclusive, or parameter), at least
    ``min_size``; upscaling uses ``method`` ("nearest", "linear", "area", "cubic", a cv2
    constant, a list of them or a parameter). Float samples are returned as float32; int samples
    stay int32 with "nearest" and become float32 otherwise.
    """

    def __init__(self, other_param: StochasticParameter, size_percent: Any = None,
                 size_px: Any = None, method: Any = "nearest", min_size: int = 1) -> None:
        self.other_param = _require_param("other_param", other_param)
        if size_percent is None and size_px is None:
            raise ValueError("Expected either size_percent or size_px to be provided, got "
                             "neither of them.")
        if size_percent is not None:
            self.size_method = "percent"
            self.size_px = None
            self.size_percent = _handle_pair_param(size_percent, "size_percent", Uniform,
                                                   is_number, "a number")
        else:
            self.size_method = "px"
            self.size_percent = None
            self.size_px = _handle_pair_param(size_px, "size_px", DiscreteUniform, is_int,
                                              "an int")
        self.method = _handle_interpolation(method, "method")
        if not is_int(min_size):
            raise ArgumentTypeError(f"Expected min_size to be an int, got "
                                     f"{type(min_size).__name__}.")
        if min_size < 1:
            raise ValueError(f"Expected min_size to be >= 1, got {min_size}.")
        self.min_size = min_size

    def _draw_samples(self, size, random_state):
        if len(size) == 4:
            n, height, width, channels = size
        elif len(size) in (2, 3):
            n, height, width = 1, size[0], size[1]
            channels = size[2] if len(size) == 3 else 1
        else:
            raise ValueError(f"FromLowerResolution draws samples of shape (H, W, C), "
                             f"(N, H, W, C) or (H, W), got size {size}.")
        if self.size_method == "percent":
            fractions = np.asarray(self.size_percent.draw_samples((n, 2),
                                                                  random_state=random_state))
            sizes_px = (fractions * np.array([height, width])).astype(np.int64)
        else:
            sizes_px = np.asarray(self.size_px.draw_samples((n, 2), random_state=random_state))
        methods = self.method.draw_samples((n,), random_state=random_state)
        images = []
        for (h_px, w_px), method in zip(sizes_px, methods):
            h_small = max(int(h_px), self.min_size)
            w_small = max(int(w_px), self.min_size)
            flag = kernels.interpolation_flag(_python_value(method), "method")
            small = np.asarray(self.other_param.draw_samples((h_small, w_small, channels),
                                                             random_state=random_state))
            small = _coarse_dtype(small, nearest=flag == kernels.INTERPOLATIONS["nearest"])
            upscaled = kernels.resize_plane(small, height, width, flag)
            images.append(upscaled.reshape(height, width, channels))
        if len(size) != 4:
            return images[0] if len(size) == 3 else images[0][..., 0]
        dtypes = {image.dtype for image in images}
        result = np.empty(size, dtype=dtypes.pop() if len(dtypes) == 1 else np.float32)
        for i, image in enumerate(images):
            result[i] = image
        return result

    def __str__(self) -> str:
        if self.size_method == "percent":
            return (f"FromLowerResolution(size_percent={self.size_percent}, method={self.method}, "
                    f"other_param={self.other_param})")
        return (f"FromLowerResolution(size_px={self.size_px}, method={self.method}, "
                f"other_param={self.other_param})")


def _handle_pair_param(value: Any, name: str, pair_cls: type, ok, kind: str
                       ) -> StochasticParameter:
    if ok(value):
        if not value > 0:
            raise ValueError(f"Expected {name} to be > 0, got {value}.")
        return Deterministic(value)
    if isinstance(value, (tuple, list)):
        if len(value) != 2 or not all(ok(v) for v in value):
            raise ValueError(f"Expected {name} as a tuple to contain exactly two values of "
                             f"type {kind.split()[-1]}, got {value!r}.")
        if not all(v > 0 for v in value):
            raise ValueError(f"Expected {name} values to be > 0, got {value!r}.")
        return pair_cls(value[0], value[1])
    if isinstance(value, StochasticParameter):
        return value
    raise ArgumentTypeError(f"Expected {name} to be {kind}, a tuple of two of them or a "
                             f"StochasticParameter, got {type(value).__name__}.")


def _coarse_dtype(samples: np.ndarray, nearest: bool) -> np.ndarray:
    kind = samples.dtype.kind
    if kind == "f":
        return samples.astype(np.float32, copy=False)
    if kind in "iub":
        return samples.astype(np.int32 if nearest else np.float32, copy=False)
    raise TypeError(f"FromLowerResolution expects numeric samples from other_param, got "
                    f"dtype {samples.dtype.name}.")
