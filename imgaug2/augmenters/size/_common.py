"""Shared parts of the size augmenters: argument handling and per-annotation crop/pad/resize."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmentables.utils import (
    convert_cbaois_to_kpsois,
    invert_convert_cbaois_to_kpsois_,
)
from imgaug2.augmenters._kernels import size as K
from imgaug2.parameters.discrete import draw_python_values, to_python  # noqa: F401 - C.*

PAD_MODES = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
             "reflect", "symmetric", "wrap")
INTERPOLATIONS_STR = ("nearest", "linear", "area", "cubic")
# cv2.INTER_NEAREST, cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_AREA
INTERPOLATIONS_INT = (0, 1, 2, 3)
ALL = "ALL"
COORD_COLUMNS = ("keypoints", "bounding_boxes", "polygons", "line_strings")

_POSITION_RE = re.compile(r"^(left|center|right)-(top|center|bottom)$")
_POSITION_FRACTIONS = {"left": 0.0, "top": 0.0, "center": 0.5, "right": 1.0, "bottom": 1.0}


# ------------------------------------------------------------------------------------------------
# Small type checks
# ------------------------------------------------------------------------------------------------
def is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_))


def is_int(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def is_float(value: Any) -> bool:
    return isinstance(value, (float, np.floating))


def check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool, got {value!r}")
    return bool(value)


def to_python_list(values: Any) -> list:
    """Drawn samples (any shape) as a flat list of plain Python values."""
    flat = np.asarray(values).reshape(-1)
    if flat.dtype != object:
        return flat.tolist()  # numbers and strings become Python values in one call
    return [to_python(value) for value in flat]


# ------------------------------------------------------------------------------------------------
# Parameters
# ------------------------------------------------------------------------------------------------
def handle_pad_mode_param(pad_mode: Any, name: str = "pad_mode") -> iap.StochasticParameter:
    """``ia.ALL``, a numpy pad mode name, a list of names or a StochasticParameter."""
    if isinstance(pad_mode, iap.StochasticParameter):
        return pad_mode
    if isinstance(pad_mode, str):
        if pad_mode == ALL:
            return iap.Choice(list(PAD_MODES))
        if pad_mode not in PAD_MODES:
            raise ValueError(f"{name} must be ia.ALL or one of {list(PAD_MODES)}, got {pad_mode!r}")
        return iap.Deterministic(pad_mode)
    if isinstance(pad_mode, list):
        bad = [m for m in pad_mode if not isinstance(m, str) or m not in PAD_MODES]
        if not pad_mode or bad:
            raise ValueError(
                f"{name} as a list must hold pad modes from {list(PAD_MODES)}, got {pad_mode!r}")
        return iap.Choice(list(pad_mode))
    raise TypeError(
        f"{name} must be ia.ALL, a str, a list of str or a StochasticParameter, got "
        f"{type(pad_mode).__name__}")


def handle_pad_cval_param(pad_cval: Any, name: str = "pad_cval") -> iap.StochasticParameter:
    """Number, (a, b) range (discrete if both ints), list (choice) or StochasticParameter."""
    if isinstance(pad_cval, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number, tuple, list or StochasticParameter, got bool")
    return iap.handle_discrete_param(pad_cval, name, value_range=None, tuple_to_uniform=True,
                                     list_to_choice=True, allow_floats=True)


def handle_position_param(position: Any) -> Any:
    """Normalise ``position`` to a StochasticParameter (drawn as (N, 2)) or a pair of them."""
    if isinstance(position, iap.StochasticParameter):
        return position
    if isinstance(position, str):
        if position == "uniform":
            return iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0)
        if position == "normal":
            return (iap.Clip(iap.Normal(loc=0.5, scale=0.35 / 2), minval=0.0, maxval=1.0),
                    iap.Clip(iap.Normal(loc=0.5, scale=0.35 / 2), minval=0.0, maxval=1.0))
        if position == "center":
            return iap.Deterministic(0.5), iap.Deterministic(0.5)
        match = _POSITION_RE.match(position)
        if match:
            return (iap.Deterministic(_POSITION_FRACTIONS[match.group(1)]),
                    iap.Deterministic(_POSITION_FRACTIONS[match.group(2)]))
        raise ValueError(
            "position must be 'uniform', 'normal', 'center', a string like 'left-top' "
            f"(^(left|center|right)-(top|center|bottom)$), got {position!r}")
    if isinstance(position, tuple):
        if len(position) != 2:
            raise ValueError(f"position as a tuple must have two entries (x, y), got {position!r}")
        result = []
        for axis, item in zip("xy", position):
            if is_number(item):
                if not 0.0 <= item <= 1.0:
                    raise ValueError(f"position {axis} must be in [0.0, 1.0], got {item}")
                result.append(iap.Deterministic(float(item)))
            elif isinstance(item, iap.StochasticParameter):
                result.append(item)
            else:
                raise TypeError(
                    f"position {axis} must be a number in [0, 1] or a StochasticParameter, "
                    f"got {type(item).__name__}")
        return tuple(result)
    raise TypeError(
        "position must be a str, a tuple of two numbers/StochasticParameters or a "
        f"StochasticParameter, got {type(position).__name__}")


def draw_positions(position: Any, nb_rows: int, random_state: Any) -> tuple[np.ndarray, ...]:
    """Draw (xs, ys) in [0, 1] for ``nb_rows`` rows."""
    if isinstance(position, tuple):
        xs = position[0].draw_samples((nb_rows,), random_state=random_state)
        ys = position[1].draw_samples((nb_rows,), random_state=random_state)
    else:
        samples = np.asarray(position.draw_samples((nb_rows, 2), random_state=random_state))
        xs, ys = samples[:, 0], samples[:, 1]
    xs = np.asarray(xs, dtype=np.float64).reshape(nb_rows)
    ys = np.asarray(ys, dtype=np.float64).reshape(nb_rows)
    if nb_rows and (xs.min() < 0 or xs.max() > 1 or ys.min() < 0 or ys.max() > 1):
        raise ValueError(
            f"position must produce values in [0.0, 1.0], got x={xs.tolist()} y={ys.tolist()}")
    return xs, ys


def check_interpolation_value(value: Any, name: str, extra: Sequence[str] = ()) -> Any:
    """Validate one interpolation (a name or a cv2 constant); return it as a Python value."""
    value = to_python(value)
    if isinstance(value, str) and value.isdigit():
        value = int(value)  # numpy turns mixed [name, cv2 constant] lists into strings
    if isinstance(value, str) and (value in INTERPOLATIONS_STR or value in extra):
        return value
    if is_int(value) and int(value) in INTERPOLATIONS_INT:
        return int(value)
    allowed = list(INTERPOLATIONS_STR) + list(extra)
    raise ValueError(
        f"{name} must be one of {allowed} or cv2.INTER_NEAREST/LINEAR/AREA/CUBIC, got {value!r}")


def handle_interpolation_param(interpolation: Any, name: str = "interpolation",
                               extra: Sequence[str] = ()) -> iap.StochasticParameter:
    """``ia.ALL``, a name/cv2 constant, a list of them or a StochasticParameter."""
    if isinstance(interpolation, iap.StochasticParameter):
        return interpolation
    if isinstance(interpolation, str) and interpolation == ALL:
        return iap.Choice(list(INTERPOLATIONS_STR))
    if isinstance(interpolation, (str, int, np.integer)) and not isinstance(interpolation, bool):
        return iap.Deterministic(check_interpolation_value(interpolation, name, extra))
    if isinstance(interpolation, (list, tuple)):
        if len(interpolation) == 0:
            raise ValueError(f"{name} as a list must not be empty")
        return iap.Choice([check_interpolation_value(v, name, extra) for v in interpolation])
    raise TypeError(
        f"{name} must be ia.ALL, a str, an int (cv2 constant), a list or a StochasticParameter, "
        f"got {type(interpolation).__name__}")


_INTERPOLATION_NAMES = {0: "nearest", 1: "linear", 2: "cubic", 3: "area"}


def interpolation_name(value: Any) -> Any:
    """cv2 interpolation constants to names (heatmap/segmap ``resize()`` takes names)."""
    return _INTERPOLATION_NAMES.get(value, value) if is_int(value) else value


def draw_interpolations(param: iap.StochasticParameter, nb_rows: int, random_state: Any,
                        name: str, extra: Sequence[str] = ()) -> list:
    samples = param.draw_samples((nb_rows,), random_state=random_state)
    return [check_interpolation_value(v, name, extra) for v in np.asarray(samples).reshape(-1)]


# ------------------------------------------------------------------------------------------------
# Applying crop/pad to the columns of a batch
# ------------------------------------------------------------------------------------------------
def finalize_images(results: list[np.ndarray], images: Any, unchanged: list[bool]) -> Any:
    """Rebuild the images column: an array stays an array when all outputs share a shape."""
    if isinstance(images, np.ndarray):
        if all(unchanged):
            return images
        shapes = {r.shape for r in results}
        if shapes == {images.shape[1:]} and all(r.dtype == images.dtype for r in results) \
                and images.flags.writeable:
            # same shape as the input (e.g. keep_size): reuse the batch-owned input array
            for i, (result, same) in enumerate(zip(results, unchanged)):
                if not same:
                    images[i] = result
            return images
        if len(shapes) == 1:
            return np.stack(results)
    return [np.ascontiguousarray(r) for r in results]


def resize_to_array(images: Any, target: tuple[int, int], interpolations: Sequence[Any]) -> Any:
    """Resize every image to ``target`` (h, w) into one new (N,h,w,C) array.

    Returns None when the images do not share channels and dtype (the caller then resizes
    one by one).
    """
    if len({(image.shape[2:], image.dtype) for image in images}) != 1:
        return None
    first = images[0]
    out = np.empty((len(images), *target, *first.shape[2:]), dtype=first.dtype)
    for i, image in enumerate(images):
        K.resize_into(image, out[i], interpolations[i])
    return out


def map_images(images: Any, func: Callable[[int, np.ndarray], np.ndarray]) -> Any:
    """Apply ``func(i, image)`` per image; ``func`` returns the image itself if unchanged."""
    results, unchanged = [], []
    for i, image in enumerate(images):
        result = func(i, image)
        results.append(result)
        unchanged.append(result is image)
    return finalize_images(results, images, unchanged)


def crop_and_pad_heatmaps_(heatmaps: Any, croppings_img: Sequence[int],
                           paddings_img: Sequence[int], keep_size: bool) -> Any:
    """Crop/pad a HeatmapsOnImage by image amounts (pads with 0.0); resize back if keep_size."""
    arr = heatmaps.arr_0to1
    arr_shape_orig = arr.shape
    new_arr = K.crop_and_pad_map_arr(arr, heatmaps.shape, croppings_img, paddings_img, 0.0)
    if new_arr is not arr:
        heatmaps.arr_0to1 = new_arr
    if keep_size:
        if new_arr.shape[0:2] == arr_shape_orig[0:2]:
            return heatmaps
        return heatmaps.resize(arr_shape_orig[0:2])
    heatmaps.shape = K.compute_shape_after_crop_and_pad(heatmaps.shape, croppings_img,
                                                        paddings_img)
    return heatmaps


def crop_and_pad_segmaps_(segmaps: Any, croppings_img: Sequence[int],
                          paddings_img: Sequence[int], keep_size: bool) -> Any:
    """Crop/pad a SegmentationMapsOnImage by image amounts (pads with 0); resize if keep_size."""
    arr = segmaps.arr
    arr_shape_orig = arr.shape
    new_arr = K.crop_and_pad_map_arr(arr, segmaps.shape, croppings_img, paddings_img, 0)
    if new_arr is not arr:
        segmaps.arr = new_arr
    if keep_size:
        if new_arr.shape[0:2] == arr_shape_orig[0:2]:
            return segmaps
        return segmaps.resize(arr_shape_orig[0:2])
    segmaps.shape = K.compute_shape_after_crop_and_pad(segmaps.shape, croppings_img,
                                                       paddings_img)
    return segmaps


def crop_and_pad_kpsoi_(kpsoi: Any, croppings_img: Sequence[int], paddings_img: Sequence[int],
                        keep_size: bool) -> Any:
    """Shift keypoints by the crop/pad offsets; project back to the input shape if keep_size."""
    x1, y1, _, _ = K.crop_trbl_to_xyxy(kpsoi.shape, croppings_img)
    shape_orig = tuple(kpsoi.shape)
    new_shape = K.compute_shape_after_crop_and_pad(shape_orig, croppings_img, paddings_img)
    dx = int(paddings_img[3]) - x1
    dy = int(paddings_img[0]) - y1
    if dx != 0 or dy != 0:
        kpsoi = kpsoi.shift_(x=dx, y=dy)
    kpsoi.shape = new_shape
    if keep_size and new_shape[0:2] != shape_orig[0:2]:
        kpsoi = kpsoi.on_(shape_orig)
    elif keep_size:
        kpsoi.shape = shape_orig
    return kpsoi


def apply_to_coordinates(batch: Any, func: Callable[[list], list]) -> None:
    """Apply ``func(list_of_KeypointsOnImage)`` to keypoints, boxes, polygons and line strings."""
    for column in COORD_COLUMNS:
        value = getattr(batch, column)
        if value is None:
            continue
        if column == "keypoints":
            setattr(batch, column, func(value))
            continue
        kpsois = func(convert_cbaois_to_kpsois(value))
        setattr(batch, column, invert_convert_cbaois_to_kpsois_(value, kpsois))


def _crop_and_pad_images(images: Any, croppings: Callable, paddings: Callable,
                         pad_modes: Sequence[Any], pad_cvals: Sequence[Any],
                         keep_size: bool) -> Any:
    plans = [(croppings(i, image.shape), paddings(i, image.shape))
             for i, image in enumerate(images)]
    if isinstance(images, np.ndarray) and not keep_size and len(images) > 0:
        # One output array of the common shape, filled row by row (no per-image temporaries).
        shapes = {K.compute_shape_after_crop_and_pad(images.shape[1:], c, p) for c, p in plans}
        if len(shapes) == 1:
            shape = shapes.pop()
            if shape == images.shape[1:] and all(
                    not any(c) and not any(p) for c, p in plans):
                return images
            out = np.empty((len(images), *shape), dtype=images.dtype)
            for i, (crop, pad) in enumerate(plans):
                K.crop_and_pad_into(images[i], crop, pad, pad_modes[i], pad_cvals[i], out[i])
            return out

    if not keep_size and isinstance(images, list) and not any(any(p) for _, p in plans):
        # only crops: one owned, contiguous slice copy per image
        out = []
        for image, ((top, right, bottom, left), _) in zip(images, plans):
            height, width = image.shape[0:2]
            out.append(image[top:height - bottom, left:width - right].copy())
        return out

    def _image(i: int, image: np.ndarray) -> np.ndarray:
        return K.crop_and_pad_arr(image, plans[i][0], plans[i][1], pad_modes[i], pad_cvals[i],
                                  keep_size=keep_size)

    return map_images(images, _image)


def apply_crop_and_pad_to_batch(batch: Any, croppings: Callable[[int, tuple], tuple],
                                paddings: Callable[[int, tuple], tuple],
                                pad_modes: Sequence[Any], pad_cvals: Sequence[Any],
                                keep_size: bool) -> Any:
    """Crop/pad every column of ``batch``.

    ``croppings(i, shape)`` and ``paddings(i, shape)`` return the TRBL amounts of row ``i`` for
    an image of ``shape`` (annotations are given their image's shape, so all columns agree).
    Heatmaps and segmentation maps are padded with constant 0; images with the row's pad mode
    and cval.
    """
    if batch.images is not None:
        batch.images = _crop_and_pad_images(batch.images, croppings, paddings, pad_modes,
                                            pad_cvals, keep_size)
    if batch.heatmaps is not None:
        batch.heatmaps = [
            crop_and_pad_heatmaps_(hm, croppings(i, hm.shape), paddings(i, hm.shape), keep_size)
            for i, hm in enumerate(batch.heatmaps)]
    if batch.segmentation_maps is not None:
        batch.segmentation_maps = [
            crop_and_pad_segmaps_(sm, croppings(i, sm.shape), paddings(i, sm.shape), keep_size)
            for i, sm in enumerate(batch.segmentation_maps)]

    def _kps(kpsois: list) -> list:
        return [crop_and_pad_kpsoi_(kpsoi, croppings(i, kpsoi.shape), paddings(i, kpsoi.shape),
                                    keep_size)
                for i, kpsoi in enumerate(kpsois)]

    apply_to_coordinates(batch, _kps)
    return batch
