"""Pure kernels of the size augmenters (numpy in, numpy out, no randomness).

Crop/pad amounts are always ``(top, right, bottom, left)`` tuples of pixel counts ("TRBL").
The ``compute_{paddings,croppings}_to_reach_*`` functions live in :mod:`imgaug2.imgaug`.
Image-like arrays are ``(H,W)`` or ``(H,W,C)``; every dtype that :func:`imgaug2.imgaug.pad`
and :func:`imgaug2.imgaug.imresize_single_image` accept is accepted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

TRBL = tuple[int, int, int, int]
_NO_CHANGE: TRBL = (0, 0, 0, 0)


# ------------------------------------------------------------------------------------------------
# Shapes and argument checks
# ------------------------------------------------------------------------------------------------
def check_optional_int(value: Any, name: str, minimum: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be None or an int >= {minimum}, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be None or an int >= {minimum}, got {value}")
    return int(value)


def check_aspect_ratio(aspect_ratio: Any) -> float:
    if isinstance(aspect_ratio, (bool, np.bool_)) or not isinstance(
        aspect_ratio, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"aspect_ratio must be a number > 0, got {aspect_ratio!r}")
    if not np.isfinite(aspect_ratio) or aspect_ratio <= 0:
        raise ValueError(f"aspect_ratio must be a finite number > 0, got {aspect_ratio}")
    return float(aspect_ratio)


# ------------------------------------------------------------------------------------------------
# Cropping helpers
# ------------------------------------------------------------------------------------------------
def prevent_zero_sizes_after_crops_(
    axis_sizes: Any, crops_start: Any, crops_end: Any
) -> tuple[np.ndarray, np.ndarray]:
    """Reduce crop amounts so that every axis keeps at least one pixel.

    Vectorised over rows. Where ``size - start - end < 1``, the missing pixels are given back
    half to the start side (rounded up) and half to the end side; a side cannot go below zero
    (its deficit moves to the other side). Axes of size zero get zero crops.
    """
    sizes = np.asarray(axis_sizes, dtype=np.int64)
    start = np.array(crops_start, dtype=np.int64, copy=True, ndmin=1)
    end = np.array(crops_end, dtype=np.int64, copy=True, ndmin=1)
    remaining = sizes - start - end
    if (remaining >= 1).all():
        return np.maximum(start, 0), end
    regain = np.where(remaining < 1, 1 - remaining, 0)
    start -= (regain + 1) // 2
    end -= regain // 2
    neg_start = start < 0
    end[neg_start] += start[neg_start]
    start[neg_start] = 0
    neg_end = end < 0
    start[neg_end] += end[neg_end]
    end[neg_end] = 0
    return np.maximum(start, 0), end


def _prevent_zero_size_1d(size: int, start: int, end: int) -> tuple[int, int]:
    """Scalar (pure Python) form of :func:`prevent_zero_sizes_after_crops_`."""
    remaining = size - start - end
    if remaining >= 1:
        return start, end
    regain = 1 - remaining
    start -= (regain + 1) // 2
    end -= regain // 2
    if start < 0:
        end += start
        start = 0
    if end < 0:
        start += end
        end = 0
    return max(start, 0), end


def prevent_zero_size_after_crop_trbl(height: int, width: int, croppings: Sequence[int]) -> TRBL:
    """Scalar version of :func:`prevent_zero_sizes_after_crops_` for one TRBL tuple."""
    top, right, bottom, left = (int(v) for v in croppings)
    top, bottom = _prevent_zero_size_1d(int(height), top, bottom)
    left, right = _prevent_zero_size_1d(int(width), left, right)
    return top, right, bottom, left


def crop_trbl_to_xyxy(shape: Sequence[int], croppings: Sequence[int],
                      prevent_zero_size: bool = True) -> tuple[int, int, int, int]:
    """Convert TRBL crop amounts for an array of ``shape`` to slice bounds ``(x1, y1, x2, y2)``."""
    height, width = int(shape[0]), int(shape[1])
    top, right, bottom, left = (int(v) for v in croppings)
    if prevent_zero_size:
        top, right, bottom, left = prevent_zero_size_after_crop_trbl(
            height, width, (top, right, bottom, left))
    x1, y1 = left, top
    x2 = max(width - right, x1)
    y2 = max(height - bottom, y1)
    return x1, y1, x2, y2


def crop_view(arr: np.ndarray, croppings: Sequence[int], prevent_zero_size: bool = True):
    """Return the cropped region of ``arr`` as a view (``arr`` itself if nothing is cropped)."""
    x1, y1, x2, y2 = crop_trbl_to_xyxy(arr.shape, croppings, prevent_zero_size)
    if x1 == 0 and y1 == 0 and (y2, x2) == tuple(arr.shape[0:2]):
        return arr
    return arr[y1:y2, x1:x2]


def compute_shape_after_crop_and_pad(old_shape: Sequence[int], croppings: Sequence[int],
                                     paddings: Sequence[int]) -> tuple[int, ...]:
    """Image shape after cropping by ``croppings`` and then padding by ``paddings``."""
    x1, y1, x2, y2 = crop_trbl_to_xyxy(old_shape, croppings)
    new_shape = list(old_shape)
    new_shape[0] = y2 - y1 + int(paddings[0]) + int(paddings[2])
    new_shape[1] = x2 - x1 + int(paddings[1]) + int(paddings[3])
    return tuple(new_shape)


def project_size_changes(trbl: Sequence[int], from_shape: Sequence[int],
                         to_shape: Sequence[int]) -> TRBL:
    """Scale TRBL amounts given for ``from_shape`` (the image) to ``to_shape`` (e.g. a heatmap).

    Top/left are nudged down and right/bottom up by 1e-4 before rounding, so that two equal
    odd changes on a half-sized map round to a total that matches the image's proportion.
    """
    if tuple(from_shape[0:2]) == tuple(to_shape[0:2]):
        return tuple(int(v) for v in trbl)  # type: ignore[return-value]
    height_from, width_from = from_shape[0:2]
    height_to, width_to = to_shape[0:2]
    top, right, bottom, left = trbl
    return (
        int(np.round(height_to * (top / height_from) - 1e-4)),
        int(np.round(width_to * (right / width_from) + 1e-4)),
        int(np.round(height_to * (bottom / height_from) + 1e-4)),
        int(np.round(width_to * (left / width_from) - 1e-4)),
    )


# ------------------------------------------------------------------------------------------------
# Crop/pad/resize of arrays
# ------------------------------------------------------------------------------------------------
def crop_and_pad_arr(arr: np.ndarray, croppings: Sequence[int] = _NO_CHANGE,
                     paddings: Sequence[int] = _NO_CHANGE, pad_mode: Any = "constant",
                     pad_cval: Any = 0, keep_size: bool = False,
                     interpolation: Any = None) -> np.ndarray:
    """Crop, then pad, then (``keep_size``) resize back to the input's height and width.

    ``interpolation=None`` is imgaug's automatic choice: ``area`` if a side grows, else
    ``linear``.

    May return ``arr`` itself (nothing to do) or a view of it (pure crop); callers that need
    an owned, contiguous array copy once at the end (see :func:`own_contiguous`).
    """
    from imgaug2 import imgaug as ia

    height, width = arr.shape[0:2]
    result = crop_view(arr, croppings)
    top, right, bottom, left = (int(v) for v in paddings)
    if top > 0 or right > 0 or bottom > 0 or left > 0:
        result = ia.pad(result, top=top, right=right, bottom=bottom, left=left,
                        mode=pad_mode, cval=cval_in_dtype_range(pad_cval, arr.dtype))
    if keep_size and result.shape[0:2] != (height, width):
        if interpolation is None:
            grows = height > result.shape[0] or width > result.shape[1]
            interpolation = "area" if grows else "linear"
        result = ia.imresize_single_image(result, (height, width), interpolation=interpolation)
    return result


_CV2_BORDERS = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                "reflect": cv2.BORDER_REFLECT_101, "symmetric": cv2.BORDER_REFLECT,
                "wrap": cv2.BORDER_WRAP}
_CV2_DTYPES = frozenset(np.dtype(d) for d in (np.uint8, np.uint16, np.int8, np.int16, np.int32,
                                               np.float32, np.float64))


def _cv2_can_pad(arr: np.ndarray, paddings: Sequence[int], mode: str) -> bool:
    """Whether cv2.copyMakeBorder gives exactly np.pad's result for this case."""
    if mode not in _CV2_BORDERS or arr.dtype not in _CV2_DTYPES or arr.ndim != 3:
        return False
    if not 1 <= arr.shape[2] <= 4 or arr.shape[0] == 0 or arr.shape[1] == 0:
        return False
    if mode in ("reflect", "symmetric", "wrap"):
        top, right, bottom, left = paddings
        return max(top, bottom) < arr.shape[0] and max(left, right) < arr.shape[1]
    return True


def crop_and_pad_into(arr: np.ndarray, croppings: Sequence[int], paddings: Sequence[int],
                      pad_mode: Any, pad_cval: Any, out: np.ndarray) -> np.ndarray:
    """Crop then pad ``arr`` (H,W,C), writing the result into the preallocated ``out``.

    ``out`` must have the resulting shape (see :func:`compute_shape_after_crop_and_pad`) and
    ``arr``'s dtype. Uses cv2.copyMakeBorder where it matches np.pad exactly, else
    :func:`imgaug2.imgaug.pad`.
    """
    from imgaug2 import imgaug as ia

    src = crop_view(arr, croppings)
    top, right, bottom, left = (int(v) for v in paddings)
    if top == right == bottom == left == 0:
        out[...] = src
        return out
    cval = cval_in_dtype_range(pad_cval, arr.dtype)
    if _cv2_can_pad(src, (top, right, bottom, left), pad_mode) and out.flags["C_CONTIGUOUS"]:
        value = None
        if pad_mode == "constant":
            value = tuple([float(cval) if arr.dtype.kind == "f" else int(cval)] * src.shape[2])
        cv2.copyMakeBorder(src, top, bottom, left, right, _CV2_BORDERS[pad_mode], dst=out,
                           value=value)
        return out
    out[...] = ia.pad(src, top=top, right=right, bottom=bottom, left=left, mode=pad_mode,
                      cval=cval)
    return out


_CV2_INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                       "cubic": cv2.INTER_CUBIC, "area": cv2.INTER_AREA}
_CV2_RESIZE_DTYPES = frozenset(np.dtype(d) for d in (np.uint8, np.uint16, np.int16, np.float32,
                                                      np.float64))


_CV2_FLAGS = frozenset(_CV2_INTERPOLATIONS.values())
_FAST_MAX_CHANNELS = 128  # imgaug2.imgaug resizes wider arrays in channel groups of 128


def cv2_interpolation(interpolation: Any) -> Any:
    """A validated interpolation (name or cv2 constant) as the cv2 flag (unknown: unchanged)."""
    return _CV2_INTERPOLATIONS.get(interpolation, interpolation)


def resize_image(image: np.ndarray, height: int, width: int, interpolation: Any) -> np.ndarray:
    """Resize one image to ``(height, width)``: a new array, never the input.

    ``interpolation``: a name or cv2 constant. ``(H,W,C)`` images (1..128 channels) of the
    dtypes cv2.resize handles natively (uint8, uint16, int16, float32, float64) take one
    ``cv2.resize`` call; everything else goes through
    :func:`imgaug2.imgaug.imresize_single_image` (same results, more dtypes, more checks).
    """
    flag = _CV2_INTERPOLATIONS.get(interpolation, interpolation)
    shape = image.shape
    if (len(shape) == 3 and 1 <= shape[2] <= _FAST_MAX_CHANNELS and shape[0] > 0
            and shape[1] > 0 and height > 0 and width > 0 and flag in _CV2_FLAGS
            and image.dtype in _CV2_RESIZE_DTYPES):
        if not image.flags.c_contiguous:
            image = np.ascontiguousarray(image)
        out = cv2.resize(image, (width, height), interpolation=flag)
        if out.ndim == 2:
            out = out[:, :, np.newaxis]
        return out
    from imgaug2 import imgaug as ia

    return ia.imresize_single_image(image, (height, width), interpolation=interpolation)


def resize_images(images: Sequence[np.ndarray], targets: Sequence[tuple[int, int]],
                  interpolations: Sequence[Any]) -> list[np.ndarray]:
    """:func:`resize_image` per row (row ``i`` to ``targets[i]`` = ``(height, width)``); a row
    already of its target size is returned as it is (the same object)."""
    results = []
    append = results.append
    for image, (height, width), interpolation in zip(images, targets, interpolations):
        shape = image.shape
        if shape[0] == height and shape[1] == width:
            append(image)
            continue
        flag = _CV2_INTERPOLATIONS.get(interpolation, interpolation)
        if (len(shape) == 3 and 1 <= shape[2] <= _FAST_MAX_CHANNELS and shape[0] > 0
                and shape[1] > 0 and height > 0 and width > 0 and flag in _CV2_FLAGS
                and image.dtype in _CV2_RESIZE_DTYPES and image.flags.c_contiguous):
            out = cv2.resize(image, (width, height), interpolation=flag)
            append(out[:, :, np.newaxis] if out.ndim == 2 else out)
        else:
            append(resize_image(image, height, width, interpolation))
    return results


def resize_into(image: np.ndarray, out: np.ndarray, interpolation: Any) -> np.ndarray:
    """Resize ``image`` (H,W,C) to ``out``'s height/width, writing into ``out`` (no temporary).

    ``interpolation``: a name or cv2 constant. Dtypes cv2.resize handles natively are resized
    in place of ``out``; others go through :func:`imgaug2.imgaug.imresize_single_image`.
    """
    height, width = out.shape[0:2]
    if image.shape[0:2] == (height, width):
        out[...] = image
        return out
    flag = _CV2_INTERPOLATIONS.get(interpolation, interpolation)
    if (image.dtype in _CV2_RESIZE_DTYPES and image.ndim == 3 and 1 <= image.shape[2] <= 512
            and flag in _CV2_INTERPOLATIONS.values() and out.flags["C_CONTIGUOUS"]):
        cv2.resize(image, (width, height), dst=out, interpolation=flag)
        return out
    from imgaug2 import imgaug as ia

    out[...] = ia.imresize_single_image(image, (height, width), interpolation=interpolation)
    return out


def cval_in_dtype_range(cval: Any, dtype: np.dtype) -> Any:
    """Clip a pad value into the value range of an integer dtype (as imgaug's ``pad`` does)."""
    if np.dtype(dtype).kind in "iu" and not isinstance(cval, (list, tuple, np.ndarray)):
        info = np.iinfo(dtype)
        return int(min(max(cval, info.min), info.max))
    return cval


def crop_and_pad_map_arr(arr: np.ndarray, image_shape: Sequence[int], croppings_img: Sequence[int],
                         paddings_img: Sequence[int], cval: Any) -> np.ndarray:
    """Crop/pad a heatmap or segmentation map array by image amounts projected to its size.

    Pads with mode ``constant`` and ``cval``. The crop keeps at least one pixel per axis.
    """
    from imgaug2 import imgaug as ia

    croppings = project_size_changes(croppings_img, image_shape, arr.shape)
    paddings = project_size_changes(paddings_img, image_shape, arr.shape)
    result = crop_view(arr, croppings)
    top, right, bottom, left = paddings
    if top > 0 or right > 0 or bottom > 0 or left > 0:
        return ia.pad(result, top=top, right=right, bottom=bottom, left=left,
                      mode="constant", cval=cval)
    return np.array(result, copy=True, order="C") if result is not arr else result


# ------------------------------------------------------------------------------------------------
# Amounts for the *ToFixedSize family
# ------------------------------------------------------------------------------------------------
def paddings_for_fixed_size(height: int, width: int, height_min: int | None,
                            width_min: int | None, position_x: float,
                            position_y: float) -> TRBL:
    """Paddings that grow (H, W) up to at least (height_min, width_min).

    ``position_x``/``position_y`` in [0, 1]: the share ``1 - p`` of the missing pixels goes to
    the left/top side (truncated to int), the rest to the right/bottom side.
    """
    top = right = bottom = left = 0
    if width_min is not None and width < width_min:
        total = width_min - width
        left = int((1 - position_x) * total)
        right = total - left
    if height_min is not None and height < height_min:
        total = height_min - height
        top = int((1 - position_y) * total)
        bottom = total - top
    return top, right, bottom, left


def croppings_for_fixed_size(height: int, width: int, height_max: int | None,
                             width_max: int | None, position_x: float,
                             position_y: float) -> TRBL:
    """Croppings that shrink (H, W) down to at most (height_max, width_max).

    The share ``1 - p`` of the surplus pixels is removed from the left/top side (truncated to
    int), the rest from the right/bottom side.
    """
    top = right = bottom = left = 0
    if height_max is not None and height > height_max:
        top = int((1.0 - position_y) * (height - height_max))
        bottom = height - height_max - top
    if width_max is not None and width > width_max:
        left = int((1.0 - position_x) * (width - width_max))
        right = width - width_max - left
    return top, right, bottom, left


# ------------------------------------------------------------------------------------------------
# Resize target sizes
# ------------------------------------------------------------------------------------------------
def _is_float(value: Any) -> bool:
    return isinstance(value, (float, np.floating))


def _is_int(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def resize_target_hw(image_shape: Sequence[int], sample_a: Any, sample_b: Any,
                     size_order: str = "HW") -> tuple[int, int]:
    """Target (height, width) of :class:`~imgaug2.augmenters.size.Resize` for one image.

    ``sample_a``/``sample_b`` are (height, width) (``size_order="HW"``) or (shorter side,
    longer side) (``"SL"``). Each is an int (pixels), a float (fraction of the side, at least
    1 px), ``"keep"`` or ``"keep-aspect-ratio"`` (derived from the other side).
    """
    imh, imw = int(image_shape[0]), int(image_shape[1])
    if size_order == "SL":
        if imh < imw:
            h, w = sample_a, sample_b
        else:
            w, h = sample_a, sample_b
    else:
        h, w = sample_a, sample_b
    h, w = _norm_size_value(h), _norm_size_value(w)

    def _absolute(value: Any, side: int, name: str) -> Any:
        if _is_float(value):
            if not value > 0:
                raise ValueError(f"Resize: sampled {name} fraction must be > 0, got {value}")
            return max(int(round(side * value)), 1)  # half to even, as np.round
        if value == "keep":
            return side
        if _is_int(value):
            if value < 1:
                raise ValueError(f"Resize: sampled {name} must be >= 1 pixel, got {value}")
            return int(value)
        if value == "keep-aspect-ratio":
            return value
        raise ValueError(f"Resize: invalid sampled {name} {value!r}")

    h = _absolute(h, imh, "height")
    w = _absolute(w, imw, "width")
    if h == "keep-aspect-ratio" and w == "keep-aspect-ratio":
        raise ValueError("Resize: height and width cannot both be 'keep-aspect-ratio'")
    if h == "keep-aspect-ratio":
        h = max(int(round(w * (imh / imw))), 1)
    if w == "keep-aspect-ratio":
        w = max(int(round(h * (imw / imh))), 1)
    return h, w


def _norm_size_value(value: Any) -> Any:
    """Turn numpy scalars/strings drawn from parameters into plain Python values."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.str_):
        return str(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value
