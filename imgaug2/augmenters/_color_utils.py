"""Small helpers shared by the colour augmenter modules (private)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt

BRIGHTNESS_SPACES = ["YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV"]


def std_kwargs(seed: Any, name: Any, random_state: Any, deterministic: Any) -> dict:
    return {"seed": seed, "name": name, "random_state": random_state,
            "deterministic": deterministic}


def like(original: Any, images: list) -> Any:
    """``images`` as an array when the input was an array and the shapes still agree."""
    if isinstance(original, np.ndarray) and images and all(
            im.shape == images[0].shape and im.dtype == images[0].dtype for im in images):
        return np.stack(images)
    return images


def check_images(images: Any, augmenter: Any, channels: tuple[int, ...] = (3,)) -> None:
    """UnsupportedDtypeError (a ValueError and TypeError) for non-uint8 images, ValueError for
    a channel count not in ``channels``."""
    rows = [images] if isinstance(images, np.ndarray) else images
    for i, image in enumerate(rows):
        where = "images" if isinstance(images, np.ndarray) else f"images[{i}]"
        if image.dtype != np.uint8:
            raise iadt.UnsupportedDtypeError(f"{augmenter.name}: {where} has dtype {image.dtype}; "
                            f"{type(augmenter).__name__} supports only uint8 images "
                            "(as imgaug 0.4.0)")
        if image.shape[-1] not in channels:
            raise ValueError(f"{augmenter.name}: {where} has shape {image.shape}; "
                             f"{type(augmenter).__name__} needs images with "
                             f"{' or '.join(map(str, channels))} channels")
