"""Module-level helpers of ``imgaug2.augmenters.meta`` (imgaug 0.4.0 names)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt


def handle_children_list(lst: Any, augmenter_name: str, lst_name: str,
                         default: str = "sequential"):
    """Normalise a children argument to a :class:`Sequential` (None -> empty Sequential)."""
    from imgaug2.augmenters._augmenter import Augmenter
    from imgaug2.augmenters.meta import Sequential

    if lst is None:
        if default == "sequential":
            return Sequential([], name=f"{augmenter_name}-{lst_name}")
        return default
    if isinstance(lst, Sequential):
        return lst
    if isinstance(lst, Augmenter):
        return Sequential([lst], name=f"{augmenter_name}-{lst_name}")
    if isinstance(lst, (list, tuple)):
        return Sequential(list(lst), name=f"{augmenter_name}-{lst_name}")
    raise TypeError(
        f"{lst_name} of {augmenter_name} must be None, an Augmenter or a list of augmenters, "
        f"got {type(lst).__name__}"
    )


def shuffle_channels(image: np.ndarray, random_state: Any, channels: Any = None) -> np.ndarray:
    """Return ``image`` with (a subset of) its channels randomly permuted."""
    if image.ndim < 3 or image.shape[2] == 1:
        return image
    all_channels = np.arange(image.shape[2])
    selected = all_channels if channels is None or channels == "ALL" else np.asarray(channels)
    if selected.size <= 1:
        return image
    order = all_channels.copy()
    order[selected] = random_state.permutation(selected)
    return np.ascontiguousarray(image[..., order])


def clip_augmented_image_(image: np.ndarray, min_value: float, max_value: float) -> np.ndarray:
    """Clip in place to ``[min_value, max_value]``."""
    return iadt.clip_(image, min_value, max_value)


def clip_augmented_image(image: np.ndarray, min_value: float, max_value: float) -> np.ndarray:
    return clip_augmented_image_(np.copy(image), min_value, max_value)


def clip_augmented_images_(images: Any, min_value: float, max_value: float) -> Any:
    if isinstance(images, np.ndarray):
        return iadt.clip_(images, min_value, max_value)
    return [clip_augmented_image_(image, min_value, max_value) for image in images]


def clip_augmented_images(images: Any, min_value: float, max_value: float) -> Any:
    return clip_augmented_images_(copy_arrays(images), min_value, max_value)


def copy_arrays(arrays: Any) -> Any:
    """Copy an array or a list of arrays."""
    if isinstance(arrays, np.ndarray):
        return np.copy(arrays)
    return [np.copy(array) for array in arrays]


def estimate_max_number_of_channels(images: Any) -> int | None:
    """Largest channel count in ``images`` (None for an empty list)."""
    if isinstance(images, np.ndarray):
        return images.shape[3] if images.ndim == 4 else 1
    channels = [image.shape[2] if image.ndim == 3 else 1 for image in images]
    return max(channels) if channels else None


def reduce_to_nonempty(objs: list) -> tuple[list, list[int]]:
    """Keep objects that are not empty; return them and their indices."""
    kept, indices = [], []
    for i, obj in enumerate(objs):
        empty = obj.empty if hasattr(obj, "empty") else len(obj) == 0
        if not empty:
            kept.append(obj)
            indices.append(i)
    return kept, indices


def invert_reduce_to_nonempty(objs: list, ids: list[int], objs_reduced: list) -> list:
    """Put ``objs_reduced`` back at positions ``ids`` of ``objs``."""
    objs = list(objs)
    for idx, obj in zip(ids, objs_reduced):
        objs[idx] = obj
    return objs
