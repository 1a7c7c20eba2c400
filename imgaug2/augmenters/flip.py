"""Horizontal and vertical flips: Fliplr, Flipud (+ HorizontalFlip/VerticalFlip aliases).

All dtypes. All annotation types are flipped with the image.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters.meta import Augmenter
from imgaug2.parameters.discrete import NOT_FIXED, fixed_value

__all__ = ["Fliplr", "Flipud", "HorizontalFlip", "VerticalFlip", "fliplr", "flipud"]

_CV2_FLIP_DTYPES = {np.dtype(d) for d in ("uint8", "uint16", "int16", "float32", "float64",
                                          "int8", "int32")}


def fliplr(arr: np.ndarray) -> np.ndarray:
    """Flip an ``(H,W[,C])`` or ``(N,H,W[,C])`` array left-right (new array; any dtype)."""
    if arr.ndim == 4:
        if arr.dtype in _CV2_FLIP_DTYPES and arr.shape[3] <= 4 and arr.size:
            out = np.empty_like(arr)
            for i in range(arr.shape[0]):
                cv2.flip(arr[i], 1, dst=out[i])  # straight into the output: one pass
            return out
        return np.ascontiguousarray(arr[:, :, ::-1])
    if arr.dtype in _CV2_FLIP_DTYPES and arr.size and (arr.ndim == 2 or arr.shape[2] <= 4):
        out = cv2.flip(arr, 1)
        return out[..., None] if arr.ndim == 3 and out.ndim == 2 else out
    return np.ascontiguousarray(arr[:, ::-1])


def flipud(arr: np.ndarray) -> np.ndarray:
    """Flip an ``(H,W[,C])`` or ``(N,H,W[,C])`` array upside down (new array; any dtype)."""
    if arr.ndim == 4:
        return np.ascontiguousarray(arr[:, ::-1])
    if arr.dtype in _CV2_FLIP_DTYPES and arr.size and (arr.ndim == 2 or arr.shape[2] <= 4):
        out = cv2.flip(arr, 0)
        return out[..., None] if arr.ndim == 3 and out.ndim == 2 else out
    return np.ascontiguousarray(arr[::-1])


def _flip_list(images: list[np.ndarray], axis: int) -> list[np.ndarray]:
    """Flip every (H,W,C) image of a list (new arrays)."""
    code = 1 if axis == 1 else 0
    flip = fliplr if axis == 1 else flipud
    return [cv2.flip(image, code)
            if image.dtype in _CV2_FLIP_DTYPES and 1 < image.shape[2] <= 4 and image.size
            else flip(image)
            for image in images]


class _Flip(Augmenter):
    _axis = 1

    def __init__(self, p: Any = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")

    def _flip_array(self, arr: np.ndarray) -> np.ndarray:
        return fliplr(arr) if self._axis == 1 else flipud(arr)

    def _flip_coords(self, cbaoi: Any) -> Any:
        xy = cbaoi.to_xy_array()
        if self._axis == 1:
            xy[:, 0] = cbaoi.shape[1] - xy[:, 0]
        else:
            xy[:, 1] = cbaoi.shape[0] - xy[:, 1]
        return cbaoi.fill_from_xy_array_(xy)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        nb_rows = batch.nb_rows
        p = fixed_value(self.p)  # a constant is not drawn (it consumes no randomness)
        if p is NOT_FIXED:
            samples = np.asarray(self.p.draw_samples((nb_rows,), random_state=random_state))
            rows = np.flatnonzero(samples > 0.5).tolist()
        else:
            rows = list(range(nb_rows)) if p > 0.5 else []
        if not rows:
            return batch
        images = batch.images
        if images is not None:
            if len(rows) == len(images):
                batch.images = (self._flip_array(images) if isinstance(images, np.ndarray)
                                else _flip_list(images, self._axis))
            else:
                images = batch.writable_images()
                for i in rows:
                    images[i] = self._flip_array(images[i])
        for column in ("heatmaps", "segmentation_maps"):
            maps = getattr(batch, column)
            if maps is not None:
                attr = "arr_0to1" if column == "heatmaps" else "arr"
                for i in rows:
                    setattr(maps[i], attr, self._flip_array(getattr(maps[i], attr)))
        for column in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
            items = getattr(batch, column)
            if items is not None:
                for i in rows:
                    items[i] = self._flip_coords(items[i])
        return batch

    def get_parameters(self) -> list:
        return [self.p]


class Fliplr(_Flip):
    """Flip images left-right with probability ``p`` per image. All dtypes."""

    _axis = 1


class Flipud(_Flip):
    """Flip images upside down with probability ``p`` per image. All dtypes."""

    _axis = 0


def HorizontalFlip(*args: Any, **kwargs: Any) -> Fliplr:  # noqa: N802 - imgaug alias
    """Alias of :class:`Fliplr`."""
    return Fliplr(*args, **kwargs)


def VerticalFlip(*args: Any, **kwargs: Any) -> Flipud:  # noqa: N802 - imgaug alias
    """Alias of :class:`Flipud`."""
    return Flipud(*args, **kwargs)
