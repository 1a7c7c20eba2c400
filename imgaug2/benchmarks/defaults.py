"""Arguments for benchmarking every augmenter class (imgaug defaults where they exist)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np


def _kwargs(iaa: Any) -> dict[str, Callable[[], dict]]:
    child = lambda: [iaa.Fliplr(0.5)]  # noqa: E731
    return {
        "Sequential": lambda: {"children": child()},
        "SomeOf": lambda: {"n": 1, "children": child()},
        "OneOf": lambda: {"children": child()},
        "Sometimes": lambda: {"then_list": child()},
        "WithChannels": lambda: {"channels": [0], "children": [iaa.Add(10)]},
        "AssertShape": lambda: {"shape": (None, None, None, 3)},
        "RemoveCBAsByOutOfImageFraction": lambda: {"fraction": 0.5},
        "Resize": lambda: {"size": 0.5},
        "CropToFixedSize": lambda: {"width": 128, "height": 128},
        "CenterCropToFixedSize": lambda: {"width": 128, "height": 128},
        "PadToFixedSize": lambda: {"width": 320, "height": 320},
        "CenterPadToFixedSize": lambda: {"width": 320, "height": 320},
        "CropToMultiplesOf": lambda: {"width_multiple": 48, "height_multiple": 48},
        "CenterCropToMultiplesOf": lambda: {"width_multiple": 48, "height_multiple": 48},
        "PadToMultiplesOf": lambda: {"width_multiple": 48, "height_multiple": 48},
        "CenterPadToMultiplesOf": lambda: {"width_multiple": 48, "height_multiple": 48},
        "CropToPowersOf": lambda: {"width_base": 3, "height_base": 3},
        "CenterCropToPowersOf": lambda: {"width_base": 3, "height_base": 3},
        "PadToPowersOf": lambda: {"width_base": 3, "height_base": 3},
        "CenterPadToPowersOf": lambda: {"width_base": 3, "height_base": 3},
        "CropToAspectRatio": lambda: {"aspect_ratio": 1.5},
        "CenterCropToAspectRatio": lambda: {"aspect_ratio": 1.5},
        "PadToAspectRatio": lambda: {"aspect_ratio": 1.5},
        "CenterPadToAspectRatio": lambda: {"aspect_ratio": 1.5},
        "KeepSizeByResize": lambda: {"children": [iaa.Resize(0.5)]},
        "WithColorspace": lambda: {"to_colorspace": "HSV", "children": [iaa.Add(10)]},
        "WithBrightnessChannels": lambda: {"children": [iaa.Add(10)]},
        "WithHueAndSaturation": lambda: {"children": [iaa.Add(10)]},
        "ChangeColorspace": lambda: {"to_colorspace": "HSV"},
        "Convolve": lambda: {"matrix": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]])},
        "Lambda": lambda: {},
        "WithPolarWarping": lambda: {"children": [iaa.Fliplr(1.0)]},
        "ReplaceElementwise": lambda: {"mask": 0.1, "replacement": (0, 255)},
        "Voronoi": lambda: {"points_sampler": iaa.segmentation.RegularGridPointsSampler(8, 8)},
    }


def augmenter_instances(iaa: Any) -> Iterator[tuple[str, Callable[[], Any]]]:
    """(name, builder) for every public augmenter class reachable as ``iaa.<Name>``."""
    table = _kwargs(iaa)
    names = sorted(
        name for name, obj in vars(iaa).items()
        if isinstance(obj, type) and issubclass(obj, iaa.Augmenter)
        and obj is not iaa.Augmenter and not name.startswith("_")
    )
    for name in names:
        cls = getattr(iaa, name)
        make_kwargs = table.get(name, dict)
        yield name, (lambda cls=cls, make_kwargs=make_kwargs: cls(seed=0, **make_kwargs()))
