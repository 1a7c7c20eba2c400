"""Shared parts of the geometric augmenters: argument handling, validated draws, and applying
per-row transforms to the columns of a batch."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import parameters as iap
from imgaug2.augmentables.utils import (
    convert_cbaois_to_kpsois,
    invert_convert_cbaois_to_kpsois_,
)
from imgaug2.augmenters._kernels.geometric import warp as W
from imgaug2.parameters.discrete import (  # noqa: F401 - to_python: C.to_python
    NOT_FIXED,
    draw_python_values,
    fixed_value,
    to_python,
)

ALL = "ALL"
AFFINE_MODES = ("constant", "edge", "symmetric", "reflect", "wrap")
COORD_COLUMNS = ("keypoints", "bounding_boxes", "polygons", "line_strings")


def is_int(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_))


def is_all(value: Any) -> bool:
    return isinstance(value, str) and value == ALL


def check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool, got {value!r}")
    return bool(value)


def check_polygon_recoverer(value: Any, name: str = "polygon_recoverer") -> Any:
    """``"auto"``, None or an object with ``recover_from()`` (stored, see class docs)."""
    if value is None or (isinstance(value, str) and value == "auto"):
        return value
    if not callable(getattr(value, "recover_from", None)):
        raise TypeError(f"{name} must be 'auto', None or an object with a recover_from() "
                        f"method, got {value!r}")
    return value


# ------------------------------------------------------------------------------------------------
# order / cval / mode arguments
# ------------------------------------------------------------------------------------------------
def handle_order_arg(order: Any, backend: str = "auto", name: str = "order"
                     ) -> iap.StochasticParameter:
    """skimage-style interpolation orders 0..5 (``ia.ALL``: [0, 1, 3] or, for the skimage
    backend, [0, 1, 3, 4, 5]); ``backend="cv2"`` only allows 0, 1 and 3."""
    allowed = (0, 1, 3) if backend == "cv2" else (0, 1, 2, 3, 4, 5)
    if is_all(order):
        return iap.Choice([0, 1, 3] if backend in ("auto", "cv2") else [0, 1, 3, 4, 5])
    if is_int(order):
        if int(order) not in allowed:
            raise ValueError(f"{name} must be one of {list(allowed)} (backend={backend!r}), "
                             f"got {order}")
        return iap.Deterministic(int(order))
    if isinstance(order, list):
        if not order or not all(is_int(v) and int(v) in allowed for v in order):
            raise ValueError(f"{name} as a list must hold ints from {list(allowed)} "
                             f"(backend={backend!r}), got {order!r}")
        return iap.Choice([int(v) for v in order])
    if isinstance(order, iap.StochasticParameter):
        return order
    raise TypeError(f"{name} must be ia.ALL, an int, a list of ints or a StochasticParameter, "
                    f"got {type(order).__name__}")


def handle_cval_arg(cval: Any, name: str = "cval") -> iap.StochasticParameter:
    """Number, ``(a, b)`` (uniform), list (choice), ``ia.ALL`` (= ``(0, 255)``) or parameter."""
    if is_all(cval):
        return iap.Uniform(0, 255)
    if isinstance(cval, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number, tuple, list, ia.ALL or StochasticParameter, "
                        "got bool")
    return iap.handle_continuous_param(cval, name, value_range=None, tuple_to_uniform=True,
                                       list_to_choice=True)


def handle_string_mode_arg(mode: Any, valid: Sequence[str], name: str = "mode"
                           ) -> iap.StochasticParameter:
    """A mode name, a list of names, ``ia.ALL`` (all of ``valid``) or a StochasticParameter."""
    if is_all(mode):
        return iap.Choice(list(valid))
    if isinstance(mode, str):
        if mode not in valid:
            raise ValueError(f"{name} must be ia.ALL or one of {list(valid)}, got {mode!r}")
        return iap.Deterministic(mode)
    if isinstance(mode, list):
        if not mode or not all(isinstance(v, str) and v in valid for v in mode):
            raise ValueError(f"{name} as a list must hold values from {list(valid)}, "
                             f"got {mode!r}")
        return iap.Choice(list(mode))
    if isinstance(mode, iap.StochasticParameter):
        return mode
    raise TypeError(f"{name} must be ia.ALL, a str, a list of str or a StochasticParameter, "
                    f"got {type(mode).__name__}")


def _checked_once(values: list, check: Callable[[Any], Any]) -> list:
    """``[check(v) for v in values]``, calling ``check`` once when all entries are the same
    constant object (as :func:`draw_python_values` returns for a Deterministic)."""
    if values and all(value is values[0] for value in values):
        return [check(values[0])] * len(values)
    return [check(value) for value in values]


def draw_orders(param: iap.StochasticParameter, nb_rows: int, random_state: Any,
                name: str = "order", allowed: Sequence[int] = (0, 1, 2, 3, 4, 5)) -> list[int]:
    def check(value: Any) -> int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not is_int(value) or int(value) not in allowed:
            raise ValueError(f"{name} must produce values from {list(allowed)}, got {value!r}")
        return int(value)

    return _checked_once(draw_python_values(param, nb_rows, random_state), check)


def draw_modes(param: iap.StochasticParameter, nb_rows: int, random_state: Any,
               valid: Sequence[Any], name: str = "mode") -> list:
    def check(value: Any) -> Any:
        if isinstance(value, str) and value.lstrip("-").isdigit():
            value = int(value)  # numpy turns mixed [str, int] lists into strings
        if value not in valid:
            raise ValueError(f"{name} must produce values from {list(valid)}, got {value!r}")
        return value

    return _checked_once(draw_python_values(param, nb_rows, random_state), check)


def fixed_number(param: iap.StochasticParameter) -> float | None:
    """The constant of a Deterministic holding a plain number (an int within int64, as numpy
    would store it), as a float; None for anything else."""
    value = fixed_value(param)
    if type(value) is float or (type(value) is int and abs(value) < 2**63):
        return float(value)
    return None


def draw_cvals(param: iap.StochasticParameter, size: tuple, random_state: Any,
               name: str = "cval") -> np.ndarray:
    value = fixed_number(param)
    if value is not None:  # a constant: not drawn (no randomness consumed)
        if not math.isfinite(value):
            raise ValueError(f"{name} must produce finite numbers")
        return np.full(size, value)
    samples = np.asarray(param.draw_samples(size, random_state=random_state))
    if samples.dtype.kind not in "biuf":
        raise ValueError(f"{name} must produce numbers, got dtype {samples.dtype}")
    samples = samples.astype(np.float64)
    if not np.isfinite(samples).all():
        raise ValueError(f"{name} must produce finite numbers")
    return samples


def gate_images(images: Any, augmenter: Any,
                allowed: str = W.SUPPORTED_DTYPES_STR,
                disallowed: str = W.UNSUPPORTED_DTYPES_STR) -> None:
    iadt.check_images_dtypes(images, allowed=allowed, disallowed=disallowed,
                             augmenter=augmenter)


# ------------------------------------------------------------------------------------------------
# columns
# ------------------------------------------------------------------------------------------------
def map_images(images: Any, func: Callable[[int, np.ndarray], np.ndarray]) -> Any:
    """Apply ``func(i, image)`` per row. An array input stays an array when all results share
    a shape (written in place where the shape is unchanged); otherwise a list is returned."""
    results = [func(i, image) for i, image in enumerate(images)]
    if isinstance(images, np.ndarray):
        if all(r.shape == images.shape[1:] for r in results):
            if not images.flags.writeable:  # borrowed from the caller
                return np.stack(results)
            for i, result in enumerate(results):
                if result is not images[i]:
                    images[i] = result
            return images
        if len({r.shape for r in results}) == 1:
            return np.stack(results)
        return [np.ascontiguousarray(r) for r in results]
    return results


def apply_to_coordinates(batch: Any, func: Callable[[int, Any], Any]) -> None:
    """Apply ``func(i, KeypointsOnImage) -> KeypointsOnImage`` to keypoints, bounding boxes
    (their four corners), polygons and line strings of every row."""
    for column in COORD_COLUMNS:
        value = getattr(batch, column)
        if value is None:
            continue
        if column == "keypoints":
            setattr(batch, column, [func(i, kpsoi) for i, kpsoi in enumerate(value)])
            continue
        kpsois = convert_cbaois_to_kpsois(value)
        kpsois = [func(i, kpsoi) for i, kpsoi in enumerate(kpsois)]
        setattr(batch, column, invert_convert_cbaois_to_kpsois_(value, kpsois))


def move_keypoints_(kpsoi: Any, func: Callable[[np.ndarray], np.ndarray],
                    only_inside: bool = False) -> Any:
    """Replace the keypoints' xy by ``func(xy)`` (continuous coordinates, ``(N, 2)``).

    ``only_inside``: only points inside the image plane ``[0, w) x [0, h)`` are moved.
    """
    if kpsoi.empty:
        return kpsoi
    xy = kpsoi.to_xy_array().astype(np.float64)
    if only_inside:
        h, w = kpsoi.shape[0:2]
        mask = (xy[:, 0] >= 0) & (xy[:, 0] < w) & (xy[:, 1] >= 0) & (xy[:, 1] < h)
        if not mask.any():
            return kpsoi
        moved = xy.copy()
        moved[mask] = func(xy[mask])
    else:
        moved = func(xy)
    return kpsoi.fill_from_xy_array_(moved.astype(np.float32))


def with_new_hw(shape: tuple, height: int, width: int) -> tuple:
    return (int(height), int(width)) + tuple(shape[2:])
