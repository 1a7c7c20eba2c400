"""CropAndPad and its one-sided variants Pad and Crop."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels import size as K
from imgaug2.augmenters.meta import Augmenter
from imgaug2.augmenters.size import _common as C


def _handle_px_entry(value: Any, name: str) -> iap.StochasticParameter:
    if C.is_int(value):
        return iap.Deterministic(int(value))
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, tuple):
        if len(value) != 2 or not all(C.is_int(v) for v in value):
            raise ValueError(f"{name} as a range must be a tuple of two ints, got {value!r}")
        low, high = int(value[0]), int(value[1])
        return iap.DiscreteUniform(min(low, high), max(low, high))
    if isinstance(value, list):
        if len(value) == 0 or not all(C.is_int(v) for v in value):
            raise ValueError(f"{name} as a list must be a non-empty list of ints, got {value!r}")
        return iap.Choice([int(v) for v in value])
    raise TypeError(
        f"{name} must be an int, a tuple of two ints, a list of ints or a StochasticParameter, "
        f"got {type(value).__name__}")


def _handle_percent_entry(value: Any, name: str) -> iap.StochasticParameter:
    def _check(v: Any) -> float:
        if not v > -1.0:
            raise ValueError(f"{name} values must be > -1.0, got {v}")
        return v

    if C.is_number(value):
        return iap.Deterministic(_check(value))
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, tuple):
        if len(value) != 2 or not all(C.is_number(v) for v in value):
            raise ValueError(f"{name} as a range must be a tuple of two numbers, got {value!r}")
        low, high = _check(value[0]), _check(value[1])
        return iap.Uniform(min(low, high), max(low, high))
    if isinstance(value, list):
        if len(value) == 0 or not all(C.is_number(v) for v in value):
            raise ValueError(f"{name} as a list must be a non-empty list of numbers, got {value!r}")
        return iap.Choice([_check(v) for v in value])
    raise TypeError(
        f"{name} must be a number, a tuple of two numbers, a list of numbers or a "
        f"StochasticParameter, got {type(value).__name__}")


def _handle_amount_arg(value: Any, name: str, entry) -> tuple:
    """Return (all_sides, top, right, bottom, left) for ``px`` or ``percent``."""
    if isinstance(value, iap.StochasticParameter):
        return None, value, value, value, value
    if isinstance(value, tuple) and len(value) == 4:
        sides = [entry(v, f"{name}[{i}]") for i, v in enumerate(value)]
        return (None, *sides)
    if isinstance(value, tuple) and len(value) != 2:
        raise ValueError(
            f"{name} as a tuple must have 2 entries (a range) or 4 entries (top, right, bottom, "
            f"left), got {len(value)}")
    return entry(value, name), None, None, None, None


class CropAndPad(Augmenter):
    """Crop (negative amounts) or pad (positive amounts) each image side.

    ``px``: pixels per side: int, ``(a, b)`` discrete range, list (choice), StochasticParameter,
    or a 4-tuple (top, right, bottom, left) of those. ``percent``: the same as fractions of the
    height (top/bottom) or width (left/right), values > -1. Give at most one of both; with
    neither, ``percent=(-0.1, 0.1)``. ``sample_independently=False`` draws a single amount for
    all four sides when one distribution is given. Cropping always leaves at least 1px.

    ``pad_mode``: ``ia.ALL``, a numpy pad mode, a list (one per image) or a StochasticParameter;
    ``pad_cval``: number, range, list or StochasticParameter (used by ``constant`` and
    ``linear_ramp``). ``keep_size=True`` resizes the result back to the input size (images with
    imgaug's automatic interpolation: area when a side grows, else linear; heatmaps cubic;
    segmentation maps nearest).

    Dtypes: all that :func:`imgaug2.imgaug.pad` supports; with ``keep_size`` also limited by
    :func:`imgaug2.imgaug.imresize_single_image`. Annotations: all (heatmaps/segmaps are cropped
    and padded proportionally to their size, with zeros; coordinates are shifted/projected).
    """

    def __init__(self, px: Any = None, percent: Any = None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, keep_size: bool = True, sample_independently: bool = True,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if px is None and percent is None:
            percent = (-0.1, 0.1)
        if px is not None and percent is not None:
            raise ValueError("px and percent cannot both be set; use only one of them")
        if px is not None:
            self.mode = "px"
            sides = _handle_amount_arg(px, "px", _handle_px_entry)
        else:
            self.mode = "percent"
            sides = _handle_amount_arg(percent, "percent", _handle_percent_entry)
        self.all_sides, self.top, self.right, self.bottom, self.left = sides
        self.pad_mode = C.handle_pad_mode_param(pad_mode)
        self.pad_cval = C.handle_pad_cval_param(pad_cval)
        self.keep_size = C.check_bool(keep_size, "keep_size")
        self.sample_independently = C.check_bool(sample_independently, "sample_independently")

    # -------------------------------------------------------------------------------------------
    def _draw_amounts(self, nb_rows: int, random_state: Any) -> np.ndarray:
        """Signed amounts as a float64 ``(4, nb_rows)`` matrix (top, right, bottom, left)."""
        if self.all_sides is not None:
            if self.sample_independently:
                samples = self.all_sides.draw_samples((nb_rows, 4), random_state=random_state)
                return np.asarray(samples, dtype=np.float64).reshape(nb_rows, 4).T
            sample = self.all_sides.draw_samples((nb_rows,), random_state=random_state)
            sample = np.asarray(sample, dtype=np.float64).reshape(1, nb_rows)
            return np.repeat(sample, 4, axis=0)
        return np.array([np.asarray(side.draw_samples((nb_rows,), random_state=random_state),
                                    dtype=np.float64).reshape(nb_rows)
                         for side in (self.top, self.right, self.bottom, self.left)])

    def _draw_samples(self, random_state: Any, shapes: list) -> dict:
        """Crop and pad rows ``[(top, right, bottom, left), ...]`` (Python ints), pad modes and
        cvals. Vectorised over the batch: one (4, N) matrix, a handful of numpy calls."""
        nb_rows = len(shapes)
        amounts = self._draw_amounts(nb_rows, random_state)
        if self.mode == "percent":  # rows: top/bottom of the heights, right/left of the widths
            sizes = np.array([shape[0:2] for shape in shapes], dtype=np.float64).reshape(
                nb_rows, 2).T
            amounts = amounts * np.concatenate([sizes, sizes])
        amounts = np.round(amounts).astype(np.int64)
        crops = [tuple(row) for row in np.maximum(-amounts, 0).T.tolist()]
        for i, ((top, right, bottom, left), shape) in enumerate(zip(crops, shapes)):
            if top + bottom >= shape[0] or left + right >= shape[1]:
                # an axis keeps >= 1 pixel
                crops[i] = K.prevent_zero_size_after_crop_trbl(shape[0], shape[1], crops[i])
        return {
            "croppings": crops,
            "paddings": [tuple(row) for row in np.maximum(amounts, 0).T.tolist()],
            "pad_modes": C.draw_python_values(self.pad_mode, nb_rows, random_state),
            "pad_cvals": C.draw_python_values(self.pad_cval, nb_rows, random_state),
        }

    def _augment_batch_(self, batch, random_state, parents, hooks):
        samples = self._draw_samples(random_state, batch.get_rowwise_shapes())
        for mode in samples["pad_modes"]:
            if mode not in C.PAD_MODES:
                raise ValueError(f"pad_mode produced an invalid pad mode {mode!r}")
        crop_rows, pad_rows = samples["croppings"], samples["paddings"]
        return C.apply_crop_and_pad_to_batch(
            batch,
            croppings=lambda i, shape: crop_rows[i],
            paddings=lambda i, shape: pad_rows[i],
            pad_modes=samples["pad_modes"], pad_cvals=samples["pad_cvals"],
            keep_size=self.keep_size)

    def get_parameters(self) -> list:
        return [self.all_sides, self.top, self.right, self.bottom, self.left, self.pad_mode,
                self.pad_cval]


def _validate_non_negative(value: Any, name: str) -> Any:
    """Check that every number in a px/percent argument of Pad/Crop is >= 0."""
    if value is None or isinstance(value, iap.StochasticParameter):
        return value
    if C.is_number(value):
        if value < 0:
            raise ValueError(f"{name} values must be >= 0, got {value}")
        return value
    if isinstance(value, tuple):
        return tuple(_validate_non_negative(v, name) for v in value)
    if isinstance(value, list):
        return [_validate_non_negative(v, name) for v in value]
    raise TypeError(
        f"{name} must be None, a number, a tuple, a list or a StochasticParameter, got "
        f"{type(value).__name__}")


def _negate(value: Any) -> Any:
    """Turn crop amounts into CropAndPad's negative amounts (ranges keep low <= high)."""
    if value is None:
        return None
    if isinstance(value, iap.StochasticParameter):
        return iap.Multiply(value, -1)
    if C.is_number(value):
        return -value
    if isinstance(value, tuple) and len(value) == 2 and all(C.is_number(v) for v in value):
        return (-value[1], -value[0])
    if isinstance(value, tuple):
        return tuple(_negate(v) for v in value)
    return [_negate(v) for v in value]


class Pad(CropAndPad):
    """Pad image sides by pixels (``px``) or fractions (``percent``); amounts must be >= 0.

    Same arguments as :class:`CropAndPad` (default ``percent=(0.0, 0.1)``).
    Dtypes and annotations: as :class:`CropAndPad`.
    """

    def __init__(self, px: Any = None, percent: Any = None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, keep_size: bool = True, sample_independently: bool = True,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if px is None and percent is None:
            percent = (0.0, 0.1)
        super().__init__(px=_validate_non_negative(px, "px"),
                         percent=_validate_non_negative(percent, "percent"),
                         pad_mode=pad_mode, pad_cval=pad_cval, keep_size=keep_size,
                         sample_independently=sample_independently, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class Crop(CropAndPad):
    """Crop image sides by pixels (``px``, >= 0) or fractions (``percent``, in [0, 1)).

    Same forms as :class:`CropAndPad` (default ``percent=(0.0, 0.1)``). Never crops an axis
    below 1px. Dtypes and annotations: as :class:`CropAndPad`.
    """

    def __init__(self, px: Any = None, percent: Any = None, keep_size: bool = True,
                 sample_independently: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        if px is None and percent is None:
            percent = (0.0, 0.1)
        px = _validate_non_negative(px, "px")
        percent = _validate_non_negative(percent, "percent")
        _check_below_one(percent)
        super().__init__(px=_negate(px), percent=_negate(percent), keep_size=keep_size,
                         sample_independently=sample_independently, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


def _check_below_one(percent: Any) -> None:
    if C.is_number(percent) and percent >= 1.0:
        raise ValueError(f"percent values of Crop must be in [0.0, 1.0), got {percent}")
    if isinstance(percent, (tuple, list)):
        for v in percent:
            _check_below_one(v)
