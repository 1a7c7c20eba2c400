"""Crop/pad to an aspect ratio or to a square (and centred variants)."""

from __future__ import annotations

from typing import Any

from imgaug2 import imgaug as ia
from imgaug2.augmenters._kernels import size as K
from imgaug2.augmenters.size.fixed_size import CropToFixedSize, PadToFixedSize


class CropToAspectRatio(CropToFixedSize):
    """Crop rows or columns until ``width / height`` reaches ``aspect_ratio`` (a number > 0).

    Stops at 1px; images with a zero-sized axis are not changed. ``position`` as in
    :class:`CropToFixedSize`. Dtypes/annotations: as that class.
    """

    def __init__(self, aspect_ratio: float, position: Any = "uniform", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(width=None, height=None, position=position, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
        self.aspect_ratio = K.check_aspect_ratio(aspect_ratio)

    def _target_sizes(self, shapes: list) -> list:
        sizes = []
        for shape in shapes:
            height, width = shape[0:2]
            if height == 0 or width == 0:
                sizes.append((width, height))
                continue
            top, right, bottom, left = ia.compute_croppings_to_reach_aspect_ratio(
                tuple(shape), self.aspect_ratio)
            sizes.append((width - left - right, height - top - bottom))
        return sizes

    def get_parameters(self) -> list:
        return [self.aspect_ratio, self.position]


class CenterCropToAspectRatio(CropToAspectRatio):
    """:class:`CropToAspectRatio` with ``position="center"``."""

    def __init__(self, aspect_ratio: float, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(aspect_ratio=aspect_ratio, position="center", seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class PadToAspectRatio(PadToFixedSize):
    """Pad rows or columns until ``width / height`` reaches ``aspect_ratio`` (a number > 0).

    ``pad_mode``, ``pad_cval``, ``position`` as in :class:`PadToFixedSize`.
    Dtypes/annotations: as that class.
    """

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(width=None, height=None, pad_mode=pad_mode, pad_cval=pad_cval,
                         position=position, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.aspect_ratio = K.check_aspect_ratio(aspect_ratio)

    def _target_sizes(self, shapes: list) -> list:
        sizes = []
        for shape in shapes:
            top, right, bottom, left = ia.compute_paddings_to_reach_aspect_ratio(
                tuple(shape), self.aspect_ratio)
            sizes.append((shape[1] + left + right, shape[0] + top + bottom))
        return sizes

    def get_parameters(self) -> list:
        return [self.aspect_ratio, self.pad_mode, self.pad_cval, self.position]


class CenterPadToAspectRatio(PadToAspectRatio):
    """:class:`PadToAspectRatio` with ``position="center"``."""

    def __init__(self, aspect_ratio: float, pad_mode: Any = "constant", pad_cval: Any = 0,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(aspect_ratio=aspect_ratio, pad_mode=pad_mode, pad_cval=pad_cval,
                         position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class CropToSquare(CropToAspectRatio):
    """:class:`CropToAspectRatio` with ``aspect_ratio=1.0``."""

    def __init__(self, position: Any = "uniform", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(aspect_ratio=1.0, position=position, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class CenterCropToSquare(CropToSquare):
    """:class:`CropToSquare` with ``position="center"``."""

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(position="center", seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class PadToSquare(PadToAspectRatio):
    """:class:`PadToAspectRatio` with ``aspect_ratio=1.0``."""

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0, position: Any = "uniform",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(aspect_ratio=1.0, pad_mode=pad_mode, pad_cval=pad_cval,
                         position=position, seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class CenterPadToSquare(PadToSquare):
    """:class:`PadToSquare` with ``position="center"``."""

    def __init__(self, pad_mode: Any = "constant", pad_cval: Any = 0, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(pad_mode=pad_mode, pad_cval=pad_cval, position="center", seed=seed,
                         name=name, random_state=random_state, deterministic=deterministic)
