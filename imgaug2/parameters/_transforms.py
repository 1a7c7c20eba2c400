"""Parameters that transform another parameter's samples: Clip, Discretize, Absolute,
RandomSign, ForceSign, Positive, Negative."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.parameters._base import StochasticParameter
from imgaug2.parameters._handles import _is_number, handle_continuous_param


class Clip(StochasticParameter):
    """Clip samples to ``[minval, maxval]`` (None = open)."""

    def __init__(self, other_param: Any, minval: Any = None, maxval: Any = None) -> None:
        for name, value in (("minval", minval), ("maxval", maxval)):
            if value is not None and not _is_number(value):
                raise ValueError(f"Expected {name} to be None or a number, got {value!r}")
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.minval = minval
        self.maxval = maxval

    def _draw_samples(self, size, random_state):
        samples = self.other_param.draw_samples(size, random_state=random_state)
        if self.minval is None and self.maxval is None:
            return samples
        return np.clip(samples, self.minval, self.maxval)


class Discretize(StochasticParameter):
    """Round (``round=True``) or floor samples to integers."""

    def __init__(self, other_param: Any, round: bool = True) -> None:  # noqa: A002
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.round = bool(round)

    def _draw_samples(self, size, random_state):
        samples = np.asarray(self.other_param.draw_samples(size, random_state=random_state))
        if samples.dtype.kind in "iub":
            return samples.astype(np.int32)
        values = np.round(samples) if self.round else np.floor(samples)
        return values.astype(np.int32)


class Absolute(StochasticParameter):
    """Absolute values of the samples."""

    def __init__(self, other_param: Any) -> None:
        self.other_param = handle_continuous_param(other_param, "other_param")

    def _draw_samples(self, size, random_state):
        return np.absolute(self.other_param.draw_samples(size, random_state=random_state))


class RandomSign(StochasticParameter):
    """Flip the sign of each sample with probability ``1 - p_positive``."""

    def __init__(self, other_param: Any, p_positive: float = 0.5) -> None:
        if not _is_number(p_positive) or not 0 <= p_positive <= 1:
            raise ValueError(f"Expected p_positive to be in [0, 1], got {p_positive!r}")
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.p_positive = float(p_positive)

    def _draw_samples(self, size, random_state):
        samples = np.asarray(self.other_param.draw_samples(size, random_state=random_state))
        positive = random_state.random(size, dtype="float64") < self.p_positive
        return np.where(positive, 1, -1).astype(samples.dtype if samples.dtype.kind != "u"
                                                 else np.int64) * samples


class ForceSign(StochasticParameter):
    """Force every sample to be positive or negative.

    ``mode="invert"`` flips wrong-signed samples; ``"reroll"`` redraws them up to
    ``reroll_count_max`` times, then flips the rest.
    """

    def __init__(self, other_param: Any, positive: bool, mode: str = "invert",
                 reroll_count_max: int = 2) -> None:
        if mode not in ("invert", "reroll"):
            raise ValueError(f"Expected mode to be 'invert' or 'reroll', got {mode!r}")
        if not isinstance(reroll_count_max, int) or reroll_count_max < 0:
            raise ValueError(f"Expected reroll_count_max to be an int >= 0, got "
                             f"{reroll_count_max!r}")
        self.other_param = handle_continuous_param(other_param, "other_param")
        self.positive = bool(positive)
        self.mode = mode
        self.reroll_count_max = reroll_count_max

    def _wrong(self, samples: np.ndarray) -> np.ndarray:
        return samples < 0 if self.positive else samples > 0

    def _draw_samples(self, size, random_state):
        samples = np.array(self.other_param.draw_samples(size, random_state=random_state))
        if self.mode == "reroll":
            for _ in range(self.reroll_count_max):
                wrong = self._wrong(samples)
                if not wrong.any():
                    break
                redraw = np.asarray(self.other_param.draw_samples(
                    (int(wrong.sum()),), random_state=random_state))
                samples[wrong] = redraw
        wrong = self._wrong(samples)
        samples[wrong] = -samples[wrong]
        return samples


def Positive(other_param: Any, mode: str = "invert",  # noqa: N802 - imgaug's name
             reroll_count_max: int = 2) -> ForceSign:
    """A :class:`ForceSign` that makes samples positive."""
    return ForceSign(other_param, positive=True, mode=mode, reroll_count_max=reroll_count_max)


def Negative(other_param: Any, mode: str = "invert",  # noqa: N802 - imgaug's name
             reroll_count_max: int = 2) -> ForceSign:
    """A :class:`ForceSign` that makes samples negative."""
    return ForceSign(other_param, positive=False, mode=mode, reroll_count_max=reroll_count_max)
