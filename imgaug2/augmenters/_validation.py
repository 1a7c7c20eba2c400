"""Checks of user input done once at the top of a pipeline (not inside every augmenter)."""

from __future__ import annotations

from typing import Any

import numpy as np

_ALLOWED_KINDS = {"b", "u", "i", "f"}


def describe(value: Any) -> str:
    """Short description of a value for error messages."""
    if isinstance(value, np.ndarray):
        return f"ndarray of shape {value.shape} and dtype {value.dtype}"
    return type(value).__name__


def _iter_images(images: Any):
    if isinstance(images, np.ndarray):
        if images.ndim != 4:
            raise ValueError(
                f"images must be an array of shape (N,H,W,C) or a list of (H,W[,C]) arrays, "
                f"got {describe(images)}"
            )
        yield from (images[i] for i in range(images.shape[0]))
        return
    for i, image in enumerate(images):
        if not isinstance(image, np.ndarray):
            raise TypeError(f"images[{i}] must be a numpy array, got {describe(image)}")
        if image.ndim != 3:
            raise ValueError(f"images[{i}] must have shape (H,W[,C]), got {describe(image)}")
        yield image


def validate_batch(batch: Any, augmenter: Any) -> None:
    """Validate images and annotation shapes of a normalised batch.

    Raises ValueError/TypeError naming the argument and what was expected.
    """
    images = batch.images
    shapes = None
    if isinstance(images, np.ndarray) and images.ndim == 4:
        if _image_problem(images):  # one check for the whole array; name the row on failure
            for i in range(images.shape[0]):
                _raise_image_problem(images[i], i, augmenter)
        shapes = [images.shape[1:]] * images.shape[0]
    elif images is not None:
        shapes = [image.shape for image in _iter_images(images)]
        kinds = {image.dtype.kind for image in images}
        if (not kinds <= _ALLOWED_KINDS or "f" in kinds
                or any(shape[0] == 0 or shape[1] == 0 for shape in shapes)):
            for i, image in enumerate(images):
                if _image_problem(image):
                    _raise_image_problem(image, i, augmenter)
    if shapes is not None and len(batch.columns) > 1:
        _validate_annotations(batch, shapes)


def _image_problem(image: np.ndarray) -> bool:
    """True if an (H,W,C) image or (N,H,W,C) array has a bad dtype, an empty height/width
    or non-finite float values."""
    return (image.dtype.kind not in _ALLOWED_KINDS
            or image.shape[-3] == 0 or image.shape[-2] == 0
            or (image.dtype.kind == "f" and image.size > 0 and not np.isfinite(image).all()))


def _raise_image_problem(image: np.ndarray, i: int, augmenter: Any) -> None:
    if image.dtype.kind not in _ALLOWED_KINDS:
        raise TypeError(f"images[{i}] has dtype {image.dtype}; expected bool, uint, int or "
                        f"float images ({augmenter.name})")
    if image.shape[0] == 0 or image.shape[1] == 0:
        raise ValueError(f"images[{i}] has a zero-sized axis: shape {image.shape}")
    if image.dtype.kind == "f" and image.size and not np.isfinite(image).all():
        raise ValueError(f"images[{i}] (dtype {image.dtype}) contains NaN or infinite values; "
                         "float images must be finite")


def _validate_annotations(batch: Any, shapes: list) -> None:
    for column in batch.columns:
        if column.name == "images":
            continue
        if len(column.value) != len(shapes):
            raise ValueError(
                f"got {len(shapes)} images but {len(column.value)} entries of {column.name}; "
                "each image needs one entry"
            )
        for i, (item, shape) in enumerate(zip(column.value, shapes)):
            item_shape = getattr(item, "shape", None)
            if item_shape is not None and tuple(item_shape[:2]) != tuple(shape[:2]):
                raise ValueError(
                    f"{column.name}[{i}] is for an image of shape {tuple(item_shape)} but "
                    f"images[{i}] has shape {tuple(shape)}; annotations must describe their image"
                )
