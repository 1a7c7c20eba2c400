"""PadToFixedSize / CropToFixedSize and their centred variants.

These two classes are also the bases of the multiples-of, powers-of, aspect-ratio and square
augmenters, which only override :meth:`_target_sizes`.
"""

from __future__ import annotations

from typing import Any

from imgaug2.augmenters._kernels import size as K
from imgaug2.augmenters.meta import Augmenter
from imgaug2.augmenters.size import _common as C

_NO_CHANGE = (0, 0, 0, 0)


class PadToFixedSize(Augmenter):
    """Pad images up to a minimum ``width`` and/or ``height`` (None: leave that axis alone).

    Larger images are not cropped. ``position`` decides where the padding goes: ``uniform``
    (random per image), ``normal`` (random, centred), ``center``, ``left-top`` ...
    ``right-bottom`` (that side receives all padding), an ``(x, y)`` tuple of fractions in
    [0, 1] or StochasticParameters (``x=0``: all horizontal padding on the left), or one
    StochasticParameter drawn as (N, 2). ``pad_mode``/``pad_cval`` as in :class:`CropAndPad`.

    Dtypes: all that :func:`imgaug2.imgaug.pad` supports. Annotations: all (maps are padded
    with zeros proportionally to their size; coordinates are shifted).
    """

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, position: Any = "uniform", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.size = (K.check_optional_int(width, "width", 1),
                     K.check_optional_int(height, "height", 1))
        self.position = C.handle_position_param(position)
        self.pad_mode = C.handle_pad_mode_param(pad_mode)
        self.pad_cval = C.handle_pad_cval_param(pad_cval)

    def _target_sizes(self, shapes: list) -> list:
        """Minimum (width, height) per row."""
        return [self.size] * len(shapes)

    def _draw_samples(self, batch: Any, random_state: Any) -> tuple:
        nb_rows = batch.nb_rows
        xs, ys = C.draw_positions(self.position, nb_rows, random_state)
        pad_modes = self.pad_mode.draw_samples((nb_rows,), random_state=random_state)
        pad_cvals = self.pad_cval.draw_samples((nb_rows,), random_state=random_state)
        pad_modes = C.to_python_list(pad_modes)
        for mode in pad_modes:
            if mode not in C.PAD_MODES:
                raise ValueError(f"pad_mode produced an invalid pad mode {mode!r}")
        pad_cvals = C.to_python_list(pad_cvals)
        sizes = self._target_sizes(batch.get_rowwise_shapes())
        return sizes, xs, ys, pad_modes, pad_cvals

    def _augment_batch_(self, batch, random_state, parents, hooks):
        sizes, xs, ys, pad_modes, pad_cvals = self._draw_samples(batch, random_state)

        def _paddings(i: int, shape: tuple) -> tuple:
            width_min, height_min = sizes[i]
            return K.paddings_for_fixed_size(shape[0], shape[1], height_min, width_min,
                                             xs[i], ys[i])

        return C.apply_crop_and_pad_to_batch(
            batch, croppings=lambda i, shape: _NO_CHANGE, paddings=_paddings,
            pad_modes=pad_modes, pad_cvals=pad_cvals, keep_size=False)

    def get_parameters(self) -> list:
        return [self.size[0], self.size[1], self.pad_mode, self.pad_cval, self.position]


class CenterPadToFixedSize(PadToFixedSize):
    """:class:`PadToFixedSize` with ``position="center"`` (padding split equally)."""

    def __init__(self, width: int | None, height: int | None, pad_mode: Any = "constant",
                 pad_cval: Any = 0, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(width=width, height=height, pad_mode=pad_mode, pad_cval=pad_cval,
                         position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class CropToFixedSize(Augmenter):
    """Crop images down to a maximum ``width`` and/or ``height`` (None: leave that axis alone).

    Smaller images are not padded. ``position`` as in :class:`PadToFixedSize`, describing where
    the crop is taken away: ``left-top`` removes all surplus rows/columns from the top and left
    (keeping the bottom-right part), ``center`` removes equally from both sides.

    Dtypes: all. Annotations: all (maps are cropped proportionally; coordinates are shifted).
    """

    def __init__(self, width: int | None, height: int | None, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.size = (K.check_optional_int(width, "width", 1),
                     K.check_optional_int(height, "height", 1))
        self.position = C.handle_position_param(position)

    def _target_sizes(self, shapes: list) -> list:
        """Maximum (width, height) per row."""
        return [self.size] * len(shapes)

    def _draw_samples(self, batch: Any, random_state: Any) -> tuple:
        xs, ys = C.draw_positions(self.position, batch.nb_rows, random_state)
        return self._target_sizes(batch.get_rowwise_shapes()), xs, ys

    def _augment_batch_(self, batch, random_state, parents, hooks):
        sizes, xs, ys = self._draw_samples(batch, random_state)

        def _croppings(i: int, shape: tuple) -> tuple:
            width_max, height_max = sizes[i]
            return K.croppings_for_fixed_size(shape[0], shape[1], height_max, width_max,
                                              xs[i], ys[i])

        nb_rows = batch.nb_rows
        return C.apply_crop_and_pad_to_batch(
            batch, croppings=_croppings, paddings=lambda i, shape: _NO_CHANGE,
            pad_modes=["constant"] * nb_rows, pad_cvals=[0] * nb_rows, keep_size=False)

    def get_parameters(self) -> list:
        return [self.size[0], self.size[1], self.position]


class CenterCropToFixedSize(CropToFixedSize):
    """:class:`CropToFixedSize` with ``position="center"`` (a centre crop)."""

    def __init__(self, width: int | None, height: int | None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width=width, height=height, position="center", seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
