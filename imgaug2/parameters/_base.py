"""StochasticParameter: the base of every random parameter, with arithmetic operators."""

from __future__ import annotations

import copy as copylib
from typing import Any

import numpy as np

from imgaug2 import random as iarandom


def _size_tuple(size: Any) -> tuple[int, ...]:
    if size is None:
        return ()
    if isinstance(size, (int, np.integer)):
        return (int(size),)
    return tuple(int(s) for s in size)


class StochasticParameter:
    """A random variable that augmenters sample from.

    ``draw_samples(size, random_state)`` returns an array of ``size``; ``draw_sample()`` one
    value. Numbers, tuples and lists given to augmenters become parameters through the
    ``handle_*_param`` rules. Parameters combine with ``+ - * / // **``.
    """

    def __new__(cls, *args: Any, **kwargs: Any):
        obj = super().__new__(cls)
        obj._ctor_args = (args, kwargs)  # for declarative specs (imgaug2.serialization)
        return obj

    def draw_sample(self, random_state: Any = None) -> Any:
        return self.draw_samples(1, random_state=random_state)[0]

    def draw_samples(self, size: Any, random_state: Any = None) -> np.ndarray:
        rng = iarandom.RNG.create_if_not_rng_(random_state)
        return self._draw_samples(_size_tuple(size), rng)

    def _draw_samples(self, size: tuple[int, ...], random_state: iarandom.RNG) -> np.ndarray:
        raise NotImplementedError

    # arithmetic -------------------------------------------------------------------------------
    def _wrap(self, other: Any) -> StochasticParameter:
        from imgaug2.parameters._continuous import Deterministic

        if isinstance(other, StochasticParameter):
            return other
        if isinstance(other, (int, float, np.number)) and not isinstance(other, bool):
            return Deterministic(other)
        raise TypeError(f"cannot combine a StochasticParameter with {type(other).__name__}")

    def __add__(self, other):
        from imgaug2.parameters._arithmetic import Add

        return Add(self, self._wrap(other))

    def __radd__(self, other):
        from imgaug2.parameters._arithmetic import Add

        return Add(self._wrap(other), self)

    def __sub__(self, other):
        from imgaug2.parameters._arithmetic import Subtract

        return Subtract(self, self._wrap(other))

    def __rsub__(self, other):
        from imgaug2.parameters._arithmetic import Subtract

        return Subtract(self._wrap(other), self)

    def __mul__(self, other):
        from imgaug2.parameters._arithmetic import Multiply

        return Multiply(self, self._wrap(other))

    def __rmul__(self, other):
        from imgaug2.parameters._arithmetic import Multiply

        return Multiply(self._wrap(other), self)

    def __truediv__(self, other):
        from imgaug2.parameters._arithmetic import Divide

        return Divide(self, self._wrap(other))

    def __rtruediv__(self, other):
        from imgaug2.parameters._arithmetic import Divide

        return Divide(self._wrap(other), self)

    def __floordiv__(self, other):
        from imgaug2.parameters._transforms import Discretize

        return Discretize(self.__truediv__(other), round=False)

    def __rfloordiv__(self, other):
        from imgaug2.parameters._transforms import Discretize

        return Discretize(self.__rtruediv__(other), round=False)

    def __pow__(self, other, z=None):
        from imgaug2.parameters._arithmetic import Power

        if z is not None:
            raise TypeError("three-argument pow() is not supported")
        return Power(self, self._wrap(other))

    def __rpow__(self, other):
        from imgaug2.parameters._arithmetic import Power

        return Power(self._wrap(other), self)

    # misc -------------------------------------------------------------------------------------
    def copy(self) -> StochasticParameter:
        return copylib.copy(self)

    def deepcopy(self) -> StochasticParameter:
        return copylib.deepcopy(self)

    def draw_distribution_graph(self, title: str | None = None, size=(1000, 1000),
                                bins: int = 100) -> np.ndarray:
        """Histogram of ``size`` samples as an RGB uint8 image (needs matplotlib)."""
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError as exc:
            raise ImportError("draw_distribution_graph needs matplotlib: "
                              "pip install 'imgaug2[bench]'") from exc
        samples = self.draw_samples(size, random_state=iarandom.RNG(0)).ravel()
        fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
        ax.hist(samples, bins=bins)
        ax.set_title(str(self) if title is None else title, fontsize=7)
        fig.tight_layout()
        fig.canvas.draw()
        image = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
        plt.close(fig)
        return image

    def __repr__(self) -> str:
        return self.__str__()

    def __str__(self) -> str:
        args, kwargs = getattr(self, "_ctor_args", ((), {}))
        parts = [str(a) for a in args] + [f"{k}={v}" for k, v in kwargs.items()]
        return f"{type(self).__name__}({', '.join(parts)})"
