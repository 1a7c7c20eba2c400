"""Crop/pad to multiples of given values or to powers of given bases (and centred variants)."""

from __future__ import annotations

from typing import Any

from imgaug2 import imgaug as ia
from imgaug2.augmenters._kernels import size as K
from imgaug2.augmenters.size.fixed_size import CropToFixedSize, PadToFixedSize


def _sizes_after_crop(shapes: list, compute) -> list:
    sizes = []
    for shape in shapes:
        top, right, bottom, left = compute(shape)
        sizes.append((shape[1] - right - left, shape[0] - top - bottom))
    return sizes


def _sizes_after_pad(shapes: list, compute) -> list:
    sizes = []
    for shape in shapes:
        top, right, bottom, left = compute(shape)
        sizes.append((shape[1] + right + left, shape[0] + top + bottom))
    return sizes


class CropToMultiplesOf(CropToFixedSize):
    """Crop images until height/width are multiples of ``height_multiple``/``width_multiple``.

    ``None`` leaves an axis alone; an axis smaller than its multiple is not changed.
    ``position`` as in :class:`CropToFixedSize`. Dtypes/annotations: as CropToFixedSize.
    """

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(width=None, height=None, position=position, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
        self.width_multiple = K.check_optional_int(width_multiple, "width_multiple", 1)
        self.height_multiple = K.check_optional_int(height_multiple, "height_multiple", 1)

    def _target_sizes(self, shapes: list) -> list:
        sizes = _sizes_after_crop(shapes, lambda shape: ia.compute_croppings_to_reach_multiples_of(
            tuple(shape), self.height_multiple, self.width_multiple))
        # an axis smaller than its multiple cannot reach one by cropping: leave it unchanged
        return [(w if w > 0 else shape[1], h if h > 0 else shape[0])
                for (w, h), shape in zip(sizes, shapes)]

    def get_parameters(self) -> list:
        return [self.width_multiple, self.height_multiple, self.position]


class CenterCropToMultiplesOf(CropToMultiplesOf):
    """:class:`CropToMultiplesOf` with ``position="center"``."""

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_multiple=width_multiple, height_multiple=height_multiple,
                         position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class PadToMultiplesOf(PadToFixedSize):
    """Pad images until height/width are multiples of ``height_multiple``/``width_multiple``.

    ``None`` leaves an axis alone. ``pad_mode``, ``pad_cval``, ``position`` as in
    :class:`PadToFixedSize`. Dtypes/annotations: as PadToFixedSize.
    """

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width=None, height=None, pad_mode=pad_mode, pad_cval=pad_cval,
                         position=position, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width_multiple = K.check_optional_int(width_multiple, "width_multiple", 1)
        self.height_multiple = K.check_optional_int(height_multiple, "height_multiple", 1)

    def _target_sizes(self, shapes: list) -> list:
        return _sizes_after_pad(shapes, lambda shape: ia.compute_paddings_to_reach_multiples_of(
            tuple(shape), self.height_multiple, self.width_multiple))

    def get_parameters(self) -> list:
        return [self.width_multiple, self.height_multiple, self.pad_mode, self.pad_cval,
                self.position]


class CenterPadToMultiplesOf(PadToMultiplesOf):
    """:class:`PadToMultiplesOf` with ``position="center"``."""

    def __init__(self, width_multiple: int | None, height_multiple: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_multiple=width_multiple, height_multiple=height_multiple,
                         pad_mode=pad_mode, pad_cval=pad_cval, position="center", seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)


class CropToPowersOf(CropToFixedSize):
    """Crop each axis of size ``S`` down to ``B^E`` (``E >= 1``), ``B`` = ``height_base``/
    ``width_base`` (int > 1, or None to leave the axis alone). Axes with ``S < B`` are not
    changed. ``position`` as in :class:`CropToFixedSize`. Dtypes/annotations: as that class.
    """

    def __init__(self, width_base: int | None, height_base: int | None,
                 position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(width=None, height=None, position=position, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
        self.width_base = K.check_optional_int(width_base, "width_base", 2)
        self.height_base = K.check_optional_int(height_base, "height_base", 2)

    def _target_sizes(self, shapes: list) -> list:
        return _sizes_after_crop(shapes, lambda shape: ia.compute_croppings_to_reach_powers_of(
            tuple(shape), self.height_base, self.width_base))

    def get_parameters(self) -> list:
        return [self.width_base, self.height_base, self.position]


class CenterCropToPowersOf(CropToPowersOf):
    """:class:`CropToPowersOf` with ``position="center"``."""

    def __init__(self, width_base: int | None, height_base: int | None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_base=width_base, height_base=height_base, position="center",
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class PadToPowersOf(PadToFixedSize):
    """Pad each axis of size ``S`` up to the smallest ``B^E >= S`` with ``E >= 1``.

    ``B`` = ``height_base``/``width_base`` (int > 1, or None). ``pad_mode``, ``pad_cval``,
    ``position`` as in :class:`PadToFixedSize`. Dtypes/annotations: as that class.
    """

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width=None, height=None, pad_mode=pad_mode, pad_cval=pad_cval,
                         position=position, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.width_base = K.check_optional_int(width_base, "width_base", 2)
        self.height_base = K.check_optional_int(height_base, "height_base", 2)

    def _target_sizes(self, shapes: list) -> list:
        return _sizes_after_pad(shapes, lambda shape: ia.compute_paddings_to_reach_powers_of(
            tuple(shape), self.height_base, self.width_base))

    def get_parameters(self) -> list:
        return [self.width_base, self.height_base, self.pad_mode, self.pad_cval, self.position]


class CenterPadToPowersOf(PadToPowersOf):
    """:class:`PadToPowersOf` with ``position="center"``."""

    def __init__(self, width_base: int | None, height_base: int | None,
                 pad_mode: Any = "constant", pad_cval: Any = 0, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width_base=width_base, height_base=height_base, pad_mode=pad_mode,
                         pad_cval=pad_cval, position="center", seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
