"""One instance of every augmenter class (imgaug defaults where they make a useful instance),
shared by the benchmarks and the docs gallery."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

# Constructor arguments (Python source, evaluated with ``iaa`` and ``np`` in scope) where the
# imgaug defaults do not make a useful instance. The docs gallery shows these calls verbatim.
ARGUMENTS: dict[str, str] = {
    "Sequential": "children=[iaa.Fliplr(0.5)]",
    "SomeOf": "n=1, children=[iaa.Fliplr(0.5)]",
    "OneOf": "children=[iaa.Fliplr(0.5)]",
    "Sometimes": "then_list=[iaa.Fliplr(0.5)]",
    "WithChannels": "channels=[0], children=[iaa.Add(10)]",
    "AssertShape": "shape=(None, None, None, 3)",
    "RemoveCBAsByOutOfImageFraction": "fraction=0.5",
    "Resize": "size=0.5",
    "CropToFixedSize": "width=128, height=128",
    "CenterCropToFixedSize": "width=128, height=128",
    "PadToFixedSize": "width=320, height=320",
    "CenterPadToFixedSize": "width=320, height=320",
    "CropToMultiplesOf": "width_multiple=48, height_multiple=48",
    "CenterCropToMultiplesOf": "width_multiple=48, height_multiple=48",
    "PadToMultiplesOf": "width_multiple=48, height_multiple=48",
    "CenterPadToMultiplesOf": "width_multiple=48, height_multiple=48",
    "CropToPowersOf": "width_base=3, height_base=3",
    "CenterCropToPowersOf": "width_base=3, height_base=3",
    "PadToPowersOf": "width_base=3, height_base=3",
    "CenterPadToPowersOf": "width_base=3, height_base=3",
    "CropToAspectRatio": "aspect_ratio=1.5",
    "CenterCropToAspectRatio": "aspect_ratio=1.5",
    "PadToAspectRatio": "aspect_ratio=1.5",
    "CenterPadToAspectRatio": "aspect_ratio=1.5",
    "KeepSizeByResize": "children=[iaa.Resize(0.5)]",
    "WithColorspace": 'to_colorspace="HSV", children=[iaa.Add(10)]',
    "WithBrightnessChannels": "children=[iaa.Add(10)]",
    "WithHueAndSaturation": "children=[iaa.Add(10)]",
    "ChangeColorspace": 'to_colorspace="HSV"',
    "Convolve": "matrix=np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]])",
    "WithPolarWarping": "children=[iaa.Fliplr(1.0)]",
    "ReplaceElementwise": "mask=0.1, replacement=(0, 255)",
    "Voronoi": "points_sampler=iaa.segmentation.RegularGridPointsSampler(8, 8)",
}


def augmenter_instances(iaa: Any) -> Iterator[tuple[str, Callable[[], Any]]]:
    """(name, builder) for every public augmenter class reachable as ``iaa.<Name>``."""
    names = sorted(
        name for name, obj in vars(iaa).items()
        if isinstance(obj, type) and issubclass(obj, iaa.Augmenter)
        and obj is not iaa.Augmenter and not name.startswith("_")
    )
    for name in names:
        source = ARGUMENTS.get(name, "")
        yield name, (lambda name=name, source=source: build(iaa, name, source))


def call_source(name: str) -> str:
    """The constructor call the gallery and the benchmarks use, e.g. ``iaa.Resize(size=0.5)``."""
    return f"iaa.{name}({ARGUMENTS.get(name, '')})"


def build(iaa: Any, name: str, source: str = "") -> Any:
    """Construct ``iaa.<name>`` with the argument ``source`` (seed 0)."""
    kwargs = eval(f"dict({source})", {"iaa": iaa, "np": np})  # noqa: S307 - our own constants
    return getattr(iaa, name)(seed=0, **kwargs)
