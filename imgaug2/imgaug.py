"""The ``imgaug.imgaug`` helpers of imgaug 0.4.0 (``ia.*``).

Type checks, deprecation helpers, thin (deprecated) random-state wrappers, resizing, padding,
pooling and image grids. All array functions are pure: numpy in, numpy out. Invalid arguments
raise ``ValueError``/``TypeError`` naming the argument.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import sys
import types
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import cv2
import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import random as iarandom
from imgaug2._lut import apply_lut, apply_lut_  # noqa: F401 - ia.apply_lut(_)

ALL = "ALL"
# imgaug shipped DejaVuSans for draw_text(); imgaug2 draws text with OpenCV's Hershey font.
DEFAULT_FONT_FP = None
# Check membership with ``dtype.type in NP_FLOAT_TYPES`` (as in imgaug).
NP_FLOAT_TYPES = {np.float16, np.float32, np.float64} | (
    {np.longdouble} if np.dtype(np.longdouble).itemsize > 8 else set())
NP_INT_TYPES = {np.int8, np.int16, np.int32, np.int64}
NP_UINT_TYPES = {np.uint8, np.uint16, np.uint32, np.uint64}
IMSHOW_BACKEND_DEFAULT = "matplotlib"
IMRESIZE_VALID_INTERPOLATIONS = ["nearest", "linear", "area", "cubic", cv2.INTER_NEAREST,
                                 cv2.INTER_LINEAR, cv2.INTER_AREA, cv2.INTER_CUBIC]
PAD_MODES = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
             "reflect", "symmetric", "wrap")

# OpenCV 5 processes at most this many channels per call (cv2.resize, copyMakeBorder).
_CV2_MAX_CHANNELS = 128


# ---- deprecation -------------------------------------------------------------------------------
class DeprecationWarning(Warning):  # noqa: A001 - imgaug's public name
    """imgaug2's deprecation warning; unlike Python's it is shown by default."""


def warn(msg: str, category: type[Warning] = UserWarning, stacklevel: int = 2) -> None:
    """Emit a warning attributed to ``stacklevel`` frames above the caller of ``warn``."""
    warnings.warn(msg, category=category, stacklevel=stacklevel + 1)


def warn_deprecated(msg: str, stacklevel: int = 2) -> None:
    """Emit an :class:`imgaug2.imgaug.DeprecationWarning` (visible by default)."""
    warn(msg, category=DeprecationWarning, stacklevel=stacklevel + 1)


class deprecated:  # noqa: N801 - imgaug's public name
    """Decorator marking a function or method as deprecated.

    ``behavior="warn"`` emits a :class:`DeprecationWarning` on every call, ``"raise"`` raises it.
    """

    def __init__(self, alt_func: str | None = None, behavior: str = "warn",
                 removed_version: str | None = None, comment: str | None = None) -> None:
        if behavior not in ("warn", "raise"):
            raise ValueError(f"behavior must be 'warn' or 'raise', got {behavior!r}")
        self.alt_func = alt_func
        self.behavior = behavior
        self.removed_version = removed_version
        self.comment = comment

    def _addendum(self) -> str:
        parts = []
        if self.alt_func is not None:
            parts.append(f"Use `{self.alt_func}` instead.")
        if self.removed_version is not None:
            parts.append(f"It will be removed in version {self.removed_version}.")
        if self.comment:
            parts.append(self.comment.rstrip(". ") + ".")
        return " ".join(parts)

    def __call__(self, func: Callable) -> Callable:
        addendum = self._addendum()
        try:
            params = list(inspect.signature(func).parameters)
        except (TypeError, ValueError):
            params = []
        is_method = bool(params) and params[0] in ("self", "cls")

        @functools.wraps(func)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if is_method and args:
                owner = args[0] if isinstance(args[0], type) else type(args[0])
                main = f"Method `{owner.__name__}.{func.__name__}()` is deprecated."
            else:
                main = f"Function `{func.__name__}()` is deprecated."
            msg = f"{main} {addendum}".rstrip()
            if self.behavior == "raise":
                raise DeprecationWarning(msg)
            warn_deprecated(msg, stacklevel=2)
            return func(*args, **kwargs)

        doc = f"**Deprecated**. {addendum}".rstrip()
        wrapped.__doc__ = doc if not func.__doc__ else f"{doc}\n\n    {func.__doc__}"
        return wrapped


# ---- type checks -------------------------------------------------------------------------------
def is_np_array(val: Any) -> bool:
    """True for numpy arrays (not for numpy scalars)."""
    return isinstance(val, np.ndarray)


def is_np_scalar(val: Any) -> bool:
    """True for numpy scalars such as ``np.float32(1.0)``."""
    return isinstance(val, np.generic) and np.isscalar(val)


def is_single_integer(val: Any) -> bool:
    """True for Python/numpy integers; False for bools."""
    if type(val) is int:
        return True
    return isinstance(val, numbers.Integral) and not isinstance(val, (bool, np.bool_))


def is_single_float(val: Any) -> bool:
    """True for Python/numpy floats."""
    if type(val) is float:
        return True
    return (isinstance(val, numbers.Real) and not is_single_integer(val)
            and not isinstance(val, (bool, np.bool_)))


def is_single_number(val: Any) -> bool:
    """True for an int or a float (not a bool)."""
    return is_single_integer(val) or is_single_float(val)


def is_iterable(val: Any) -> bool:
    return isinstance(val, Iterable)


def is_string(val: Any) -> bool:
    return isinstance(val, str)


def is_single_bool(val: Any) -> bool:
    """True only for Python ``bool`` values (as in imgaug; ``np.bool_`` is not included)."""
    return type(val) is bool


def is_integer_array(val: Any) -> bool:
    return is_np_array(val) and issubclass(val.dtype.type, np.integer)


def is_float_array(val: Any) -> bool:
    return is_np_array(val) and issubclass(val.dtype.type, np.floating)


def is_callable(val: Any) -> bool:
    return callable(val)


def is_generator(val: Any) -> bool:
    return isinstance(val, types.GeneratorType)


def flatten(nested_iterable: Any) -> Iterator[Any]:
    """Yield the leaves of arbitrarily nested lists/tuples (other values are leaves)."""
    if not isinstance(nested_iterable, (list, tuple)):
        yield nested_iterable
        return
    for item in nested_iterable:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def caller_name() -> str:
    """Name of the function that called the function calling this."""
    return sys._getframe(1).f_code.co_name


def do_assert(condition: Any, message: str = "Assertion failed.") -> None:
    """Raise ``AssertionError(message)`` if ``condition`` is falsy (kept under ``-O``)."""
    if not condition:
        raise AssertionError(str(message))


# ---- random state wrappers (deprecated in imgaug 0.4.0) ----------------------------------------
def seed(entropy: int | None = None, seedval: int | None = None) -> None:
    """Seed imgaug2's global RNG (same as :func:`imgaug2.random.seed`)."""
    if seedval is not None:
        if entropy is not None:
            raise ValueError("seed(): pass either 'entropy' or its old name 'seedval', not both")
        warn_deprecated("Parameter 'seedval' is deprecated. Use 'entropy' instead.")
        entropy = seedval
    if entropy is None:
        raise ValueError("seed(): 'entropy' must be an int, got None")
    iarandom.seed(entropy)


@deprecated("imgaug2.random.get_global_rng")
def current_random_state() -> iarandom.RNG:
    """The global RNG."""
    return iarandom.get_global_rng()


@deprecated("imgaug2.random.RNG")
def new_random_state(seed: int | None = None, fully_random: bool = False) -> iarandom.RNG:
    """A new RNG: seeded, derived from the global RNG, or (``fully_random``) OS-seeded."""
    if seed is not None:
        return iarandom.RNG(seed)
    if fully_random:
        return iarandom.RNG.create_fully_random()
    return iarandom.RNG.create_pseudo_random_()


@deprecated("imgaug2.random.RNG")
def dummy_random_state() -> iarandom.RNG:
    """An RNG seeded with 1."""
    return iarandom.RNG(1)


@deprecated("imgaug2.random.copy_generator_unless_global_generator")
def copy_random_state(random_state: Any, force_copy: bool = False) -> Any:
    """Copy an RNG or numpy Generator (the global one only if ``force_copy``)."""
    if isinstance(random_state, iarandom.RNG):
        return random_state.copy() if force_copy else random_state.copy_unless_global_rng()
    if isinstance(random_state, np.random.Generator):
        if force_copy:
            return iarandom.copy_generator(random_state)
        return iarandom.copy_generator_unless_global_generator(random_state)
    raise TypeError("random_state must be an imgaug2.random.RNG or numpy.random.Generator, "
                    f"got {type(random_state).__name__}")


@deprecated("imgaug2.random.derive_generator_")
def derive_random_state(random_state: Any) -> Any:
    """Derive one child RNG/Generator (advances ``random_state``)."""
    if isinstance(random_state, np.random.Generator):
        return iarandom.derive_generator_(random_state)
    return iarandom.RNG.create_if_not_rng_(random_state).derive_rng_()


@deprecated("imgaug2.random.derive_generators_")
def derive_random_states(random_state: Any, n: int = 1) -> list[Any]:
    """Derive ``n`` child RNGs/Generators (advances ``random_state``)."""
    if isinstance(random_state, np.random.Generator):
        return iarandom.derive_generators_(random_state, n)
    return iarandom.RNG.create_if_not_rng_(random_state).derive_rngs_(n)


@deprecated("imgaug2.random.advance_generator_")
def forward_random_state(random_state: Any) -> None:
    """Advance an RNG/Generator's state."""
    if isinstance(random_state, np.random.Generator):
        iarandom.advance_generator_(random_state)
    else:
        iarandom.RNG.create_if_not_rng_(random_state).advance_()


# ---- geometry ----------------------------------------------------------------------------------
def angle_between_vectors(v1: Any, v2: Any) -> float:
    """Angle in radians between two vectors (a zero-length vector gives ``pi/2``)."""
    a = np.asarray(v1, dtype=np.float64)
    b = np.asarray(v2, dtype=np.float64)
    len_a = np.linalg.norm(a)
    len_b = np.linalg.norm(b)
    unit_a = a / len_a if len_a > 0 else np.zeros_like(a)
    unit_b = b / len_b if len_b > 0 else np.zeros_like(b)
    return float(np.arccos(np.clip(np.dot(unit_a, unit_b), -1.0, 1.0)))


def compute_line_intersection_point(x1: float, y1: float, x2: float, y2: float, x3: float,
                                    y3: float, x4: float, y4: float) -> tuple[float, float] | bool:
    """Intersection of the infinite lines through (p1, p2) and (p3, p4); ``False`` if they are
    parallel (no or infinitely many intersections)."""
    d12x, d12y = x1 - x2, y1 - y2
    d34x, d34y = x3 - x4, y3 - y4
    denom = d12x * d34y - d12y * d34x
    if denom == 0:
        return False
    cross12 = x1 * y2 - y1 * x2
    cross34 = x3 * y4 - y3 * x4
    return ((cross12 * d34x - d12x * cross34) / denom,
            (cross12 * d34y - d12y * cross34) / denom)


def draw_text(img: np.ndarray, y: int, x: int, text: str, color: Any = (0, 255, 0),
              size: int = 25) -> np.ndarray:
    """Draw ``text`` with its top-left corner at ``(x, y)`` and return a new image.

    Dtypes: uint8, float32 (value range 0-255). Uses OpenCV's Hershey font (imgaug used
    DejaVuSans via PIL), scaled so that capital letters are about ``0.7 * size`` pixels tall.
    """
    if not is_np_array(img) or img.ndim not in (2, 3):
        raise TypeError("img must be an (H,W) or (H,W,C) numpy array")
    if img.dtype.name not in ("uint8", "float32"):
        raise ValueError(f"draw_text supports uint8 and float32 images, got {img.dtype.name}")
    if not is_single_number(size) or size <= 0:
        raise ValueError(f"size must be a number > 0, got {size!r}")
    out = np.ascontiguousarray(img.astype(np.uint8) if img.dtype == np.float32 else img.copy())
    font = cv2.FONT_HERSHEY_SIMPLEX
    (_, cap_height), _ = cv2.getTextSize("H", font, 1.0, 1)
    scale = 0.7 * size / max(cap_height, 1)
    thickness = max(1, int(round(size / 12)))
    nb_channels = 1 if out.ndim == 2 else out.shape[2]
    color_seq = list(color) if is_iterable(color) else [color]
    if len(color_seq) < nb_channels:
        color_seq = (color_seq * nb_channels)[:nb_channels]
    cv2.putText(out, str(text), (int(x), int(round(y + 0.7 * size))), font, scale,
                tuple(float(c) for c in color_seq[:max(nb_channels, 1)]), thickness, cv2.LINE_AA)
    return out.astype(img.dtype) if out.dtype != img.dtype else out


# ---- resizing ----------------------------------------------------------------------------------
_INTERPOLATION_FLAGS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                        "area": cv2.INTER_AREA, "cubic": cv2.INTER_CUBIC}
_RESIZE_DTYPES = frozenset(np.dtype(name) for name in (
    "bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "float16", "float32",
    "float64"))


def _compute_resized_shape(from_shape: Any, to_shape: Any) -> tuple[int, ...]:
    """Shape of an array of ``from_shape`` after resizing it to ``to_shape``.

    ``to_shape``: None (unchanged), an int/float (both axes), an array (its shape) or a
    ``(H, W[, C])`` tuple whose H/W entries are ints (pixels), floats (fractions) or None.
    """
    if is_np_array(from_shape):
        from_shape = from_shape.shape
    if is_np_array(to_shape):
        to_shape = to_shape.shape
    result = list(from_shape)
    if to_shape is None:
        return tuple(result)
    if is_single_number(to_shape):
        to_shape = (to_shape, to_shape)
    if not isinstance(to_shape, (tuple, list)) or len(to_shape) not in (2, 3):
        raise TypeError("size must be None, a number, an array or a tuple (H, W[, C]), "
                        f"got {to_shape!r}")
    if len(to_shape) == 3:
        if len(from_shape) == 3 and from_shape[2] != to_shape[2]:
            raise ValueError(f"size has {to_shape[2]} channels, the array {from_shape[2]}")
        if len(from_shape) == 2:
            result.append(to_shape[2])
    for axis in (0, 1):
        value = to_shape[axis]
        if value is None:
            continue
        if is_single_integer(value):
            result[axis] = int(value)
        elif is_single_float(value):
            result[axis] = int(np.round(from_shape[axis] * value))
        else:
            raise TypeError(f"size entries must be ints, floats or None, got {value!r}")
    return tuple(result)


def _normalize_sizes(sizes: Any) -> tuple[Any, Any]:
    if sizes is None:
        raise ValueError("sizes must be a number or a (height, width) pair, got None")
    if is_single_number(sizes):
        if sizes <= 0:
            raise ValueError(f"sizes given as a single number must be > 0, got {sizes}")
        return sizes, sizes
    if not isinstance(sizes, (tuple, list, np.ndarray)) or len(sizes) != 2:
        raise ValueError(f"sizes must be a number or a (height, width) pair, got {sizes!r}")
    if not all(is_single_number(v) and v >= 0 for v in sizes):
        raise ValueError(f"sizes entries must be ints or floats >= 0, got {sizes!r}")
    return sizes[0], sizes[1]


def _interpolation_flag(interpolation: Any, upscaling: bool) -> int:
    if interpolation is None:
        # imgaug 0.4.0: "area" if any axis grows, otherwise "linear"
        return cv2.INTER_AREA if upscaling else cv2.INTER_LINEAR
    if isinstance(interpolation, str) and interpolation in _INTERPOLATION_FLAGS:
        return _INTERPOLATION_FLAGS[interpolation]
    if is_single_integer(interpolation) and interpolation in _INTERPOLATION_FLAGS.values():
        return int(interpolation)
    raise ValueError("interpolation must be None, 'nearest', 'linear', 'area', 'cubic' or the "
                     f"matching cv2.INTER_* constant, got {interpolation!r}")


def _cv2_resize(image: np.ndarray, height: int, width: int, flag: int) -> np.ndarray:
    """cv2.resize keeping a channel axis; arrays with more channels than OpenCV handles are
    resized in channel groups."""
    image = np.ascontiguousarray(image)
    if image.ndim == 3 and image.shape[2] > _CV2_MAX_CHANNELS:
        parts = [_cv2_resize(image[..., c:c + _CV2_MAX_CHANNELS], height, width, flag)
                 for c in range(0, image.shape[2], _CV2_MAX_CHANNELS)]
        return np.concatenate(parts, axis=2)
    out = cv2.resize(image, (width, height), interpolation=flag)
    if image.ndim == 3 and out.ndim == 2:
        out = out[:, :, np.newaxis]
    return out


def _resize_image(image: np.ndarray, height: int, width: int, flag: int) -> np.ndarray:
    name = iadt.dtype_name(image.dtype)
    if name == "bool":
        resized = _cv2_resize(image.view(np.uint8) * np.uint8(255), height, width, flag)
        return resized > 127
    if name == "int8" and flag != cv2.INTER_NEAREST:
        resized = _cv2_resize(image.astype(np.int16), height, width, flag)
        return np.clip(resized, -128, 127).astype(np.int8)
    if name == "float16":
        resized = _cv2_resize(image.astype(np.float32), height, width, flag)
        limit = float(np.finfo(np.float16).max)
        return np.clip(resized, -limit, limit).astype(np.float16)
    if name == "uint32" or (name == "int32" and flag != cv2.INTER_NEAREST):
        # float64 holds every 32-bit integer exactly; round and clip back
        resized = _cv2_resize(image.astype(np.float64), height, width, flag)
        info = np.iinfo(image.dtype)
        return np.clip(np.round(resized), info.min, info.max).astype(image.dtype)
    return _cv2_resize(image, height, width, flag)


def imresize_many_images(images: Any, sizes: Any = None, interpolation: Any = None) -> Any:
    """Resize an ``(N,H,W[,C])`` array or a list of ``(H,W[,C])`` images.

    ``sizes``: a float factor, ``(h, w)`` ints in pixels or ``(h, w)`` floats as fractions (ints
    and floats may be mixed). ``interpolation``: None, ``"nearest"``, ``"linear"``, ``"area"``,
    ``"cubic"`` or the cv2 constant; None picks ``"area"`` if an axis grows, else ``"linear"``.

    Dtypes: uint8, uint16, int8 (resized as int16), int16, float16 (resized as float32),
    float32, float64, bool (resized as uint8 0/255, thresholded at 127), and - beyond imgaug,
    which allowed int32 with ``"nearest"`` only - int32/uint32 (resized exactly as float64,
    rounded). int64, uint64, float128 and non-numeric dtypes raise ``ValueError``. One
    ``cv2.resize`` call per image (channel groups of 128 for more channels).
    """
    if len(images) == 0:
        return images
    size_h, size_w = _normalize_sizes(sizes)
    if isinstance(images, list):
        return [_resize_checked(_check_image(image, f"images[{i}]"), size_h, size_w,
                                interpolation) for i, image in enumerate(images)]
    if not is_np_array(images):
        raise TypeError("images must be a numpy array (N,H,W[,C]) or a list of arrays, got "
                        f"{type(images).__name__}")
    if images.ndim not in (3, 4):
        raise ValueError(f"images must have shape (N,H,W) or (N,H,W,C), got {images.shape}")
    target_h, target_w = _target_size(images.shape[1:3], size_h, size_w)
    if (target_h, target_w) == images.shape[1:3]:
        return np.copy(images)
    result = np.empty((images.shape[0], target_h, target_w) + images.shape[3:],
                      dtype=images.dtype)
    for i in range(images.shape[0]):
        result[i] = _resize_checked(images[i], size_h, size_w, interpolation)
    return result


def imresize_single_image(image: np.ndarray, sizes: Any, interpolation: Any = None) -> np.ndarray:
    """Resize one ``(H,W)`` or ``(H,W,C)`` image; see :func:`imresize_many_images`."""
    size_h, size_w = _normalize_sizes(sizes)
    return _resize_checked(_check_image(image, "image"), size_h, size_w, interpolation)


def _check_image(image: Any, name: str = "image") -> np.ndarray:
    """TypeError unless ``image`` is an array, ValueError unless it is (H,W) or (H,W,C)."""
    if not isinstance(image, np.ndarray):
        raise TypeError(f"{name} must be a numpy array, got {type(image).__name__}")
    if image.ndim not in (2, 3):
        raise ValueError(f"{name} must have shape (H,W) or (H,W,C), got {image.shape}")
    return image


def _target_size(shape: tuple[int, ...], size_h: Any, size_w: Any) -> tuple[int, int]:
    height, width = shape[0:2]
    target_h = int(np.round(height * size_h)) if is_single_float(size_h) else int(size_h)
    target_w = int(np.round(width * size_w)) if is_single_float(size_w) else int(size_w)
    return target_h, target_w


def _resize_checked(image: np.ndarray, size_h: Any, size_w: Any,
                    interpolation: Any) -> np.ndarray:
    """Resize one (H,W[,C]) image to validated sizes with imgaug's rules."""
    height, width = image.shape[0:2]
    target_h, target_w = _target_size(image.shape, size_h, size_w)
    if (target_h, target_w) == (height, width):
        return np.copy(image)
    if target_h == 0 or target_w == 0 or (image.ndim == 3 and image.shape[2] == 0):
        return np.zeros((target_h, target_w) + image.shape[2:], dtype=image.dtype)
    if height == 0 or width == 0:
        raise ValueError(f"cannot resize an image with a zero-sized axis (shape {image.shape}) "
                         f"to {(target_h, target_w)}")
    flag = _interpolation_flag(interpolation, target_h > height or target_w > width)
    if image.dtype not in _RESIZE_DTYPES:
        raise ValueError(f"imresize: images of dtype {image.dtype.name} cannot be resized; "
                         f"supported dtypes: {', '.join(sorted(d.name for d in _RESIZE_DTYPES))}")
    return _resize_image(image, target_h, target_w, flag)


# ---- padding -----------------------------------------------------------------------------------
_CV2_BORDER_MODES = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                     "reflect": cv2.BORDER_REFLECT_101, "symmetric": cv2.BORDER_REFLECT,
                     "wrap": cv2.BORDER_WRAP}
_CV2_CONSTANT_TO_MODE = {value: key for key, value in _CV2_BORDER_MODES.items()}
_CV2_BORDER_DTYPES = frozenset(np.dtype(name) for name in (
    "uint8", "uint16", "int8", "int16", "int32", "float32", "float64"))


def _check_two_or_three_dims(arr: Any, name: str = "arr") -> tuple[int, ...]:
    shape = arr.shape if hasattr(arr, "shape") else tuple(arr)
    if len(shape) not in (2, 3):
        raise ValueError(f"{name} must be an (H,W) or (H,W,C) array or shape, got {shape}")
    return shape


def _cval_for_dtype(cval: Any, dtype: np.dtype) -> np.ndarray:
    """A (per-channel) cval clipped to the dtype's value range and converted to it (integer
    dtypes truncate, as imgaug's ``int(cval)``)."""
    if type(cval) is int and dtype.kind in "iu":  # fast path for the common case
        info = np.iinfo(dtype)
        return np.array(min(max(cval, int(info.min)), int(info.max)), dtype=dtype)
    from imgaug2.dtypes import get_value_range_of_dtype

    low, _, high = get_value_range_of_dtype(dtype)
    values = np.asarray(cval)
    if values.dtype.kind not in "biuf":
        raise TypeError(f"cval must be a number or one number per channel, got {cval!r}")
    if dtype.kind != "f":
        values = values.astype(np.float64)
    values = np.clip(values, low, high)
    if dtype.kind in "iu":
        values = np.trunc(values)
    return values.astype(dtype)


def _normalize_pad_mode(mode: Any) -> str:
    if isinstance(mode, str):
        if mode in PAD_MODES:
            return mode
    elif is_single_integer(mode) and int(mode) in _CV2_CONSTANT_TO_MODE:
        return _CV2_CONSTANT_TO_MODE[int(mode)]
    raise ValueError(f"mode must be one of {', '.join(PAD_MODES)} (or a cv2.BORDER_* "
                     f"constant), got {mode!r}")


def _pad_amount(value: Any, name: str) -> int:
    if type(value) is not int:
        if not is_single_integer(value):
            raise TypeError(f"{name} must be an int, got {value!r}")
        value = int(value)
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return value


def pad(arr: np.ndarray, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
        mode: str = "constant", cval: Any = 0) -> np.ndarray:
    """Pad an ``(H,W[,C])`` array on its sides; always returns a new array.

    ``mode``: any ``numpy.pad`` mode (constant, edge, linear_ramp, maximum, mean, median,
    minimum, reflect, symmetric, wrap) or the matching cv2.BORDER_* constant. ``cval`` (a
    number or one per channel; clipped to the dtype's range, truncated for integer dtypes) is
    the constant for ``"constant"`` and the end value for ``"linear_ramp"``.
    Dtypes: all numeric dtypes and bool. Results equal ``numpy.pad``; constant/edge/reflect/
    symmetric/wrap run through ``cv2.copyMakeBorder`` for the dtypes OpenCV supports.
    """
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"arr must be a numpy array, got {type(arr).__name__}")
    if arr.ndim not in (2, 3):
        raise ValueError(f"arr must have shape (H,W) or (H,W,C), got {arr.shape}")
    top, right = _pad_amount(top, "top"), _pad_amount(right, "right")
    bottom, left = _pad_amount(bottom, "bottom"), _pad_amount(left, "left")
    mode = _normalize_pad_mode(mode)
    nb_channels = 1 if arr.ndim == 2 else arr.shape[2]
    if isinstance(cval, (list, tuple, np.ndarray)) and np.ndim(cval) == 1:
        if len(cval) != nb_channels:
            raise ValueError(f"cval has {len(cval)} values, but arr has {nb_channels} "
                             "channel(s)")
    elif not (type(cval) in (int, float) or is_single_number(cval) or np.ndim(cval) == 0
              and isinstance(cval, (bool, np.bool_, np.ndarray))):
        raise TypeError(f"cval must be a number or one number per channel, got {cval!r}")
    if top == right == bottom == left == 0:
        return np.copy(arr)
    if 0 in arr.shape:
        mode = "constant"  # numpy/OpenCV cannot reflect or sample an empty axis

    height, width = arr.shape[0:2]
    use_cv2 = (mode in _CV2_BORDER_MODES and arr.dtype in _CV2_BORDER_DTYPES
               and 0 < nb_channels <= (4 if mode == "constant" else _CV2_MAX_CHANNELS))
    if use_cv2:
        value = None
        if mode == "constant":
            fill = _cval_for_dtype(cval, arr.dtype)
            value = ((float(fill),) * nb_channels if fill.ndim == 0
                     else tuple(float(v) for v in fill))
        out = cv2.copyMakeBorder(np.ascontiguousarray(arr), top, bottom, left, right,
                                 _CV2_BORDER_MODES[mode], value=value)
        return out[:, :, np.newaxis] if arr.ndim == 3 and out.ndim == 2 else out
    if mode == "constant":
        out = np.empty((height + top + bottom, width + left + right) + arr.shape[2:],
                       dtype=arr.dtype)
        out[...] = _cval_for_dtype(cval, arr.dtype)
        out[top:top + height, left:left + width] = arr
        return out

    widths = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    if mode != "linear_ramp":
        return np.pad(arr, widths, mode=mode)
    end_values = _cval_for_dtype(cval, arr.dtype)
    if end_values.ndim == 0:
        return np.pad(arr, widths, mode="linear_ramp", end_values=end_values.item())
    channels = [np.pad(arr[..., c], widths[0:2], mode="linear_ramp",
                       end_values=end_values[c].item()) for c in range(nb_channels)]
    return np.stack(channels, axis=-1)


def compute_paddings_to_reach_aspect_ratio(arr: Any,
                                           aspect_ratio: float) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` padding so that ``width / height == aspect_ratio``.

    Only one axis is padded; odd amounts put the extra pixel at the bottom/right. A zero-sized
    axis first gets one pixel (bottom/right).
    """
    shape = _check_two_or_three_dims(arr)
    if not is_single_number(aspect_ratio) or aspect_ratio <= 0:
        raise ValueError(f"aspect_ratio must be a number > 0, got {aspect_ratio!r}")
    height, width = shape[0:2]
    top = right = bottom = left = 0
    if height == 0:
        height, bottom = 1, 1
    if width == 0:
        width, right = 1, 1
    current = width / height
    if current < aspect_ratio:
        diff = aspect_ratio * height - width
        left += int(np.floor(diff / 2))
        right += int(np.ceil(diff / 2))
    elif current > aspect_ratio:
        diff = width / aspect_ratio - height
        top += int(np.floor(diff / 2))
        bottom += int(np.ceil(diff / 2))
    return top, right, bottom, left


compute_paddings_for_aspect_ratio = compute_paddings_to_reach_aspect_ratio  # old imgaug name


def compute_croppings_to_reach_aspect_ratio(arr: Any,
                                            aspect_ratio: float) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` cropping towards ``width / height == aspect_ratio``
    (rather one pixel too little than too much; at least one row/column is kept)."""
    shape = _check_two_or_three_dims(arr)
    if not is_single_number(aspect_ratio) or aspect_ratio <= 0:
        raise ValueError(f"aspect_ratio must be a number > 0, got {aspect_ratio!r}")
    height, width = shape[0:2]
    if height == 0:
        raise ValueError(f"cannot crop an array of height 0 (shape {shape}) to an aspect ratio")
    current = width / height
    top = right = bottom = left = 0
    if current < aspect_ratio:
        amount = min(height - width / aspect_ratio, height - 1)
        top, bottom = int(np.floor(amount / 2)), int(np.ceil(amount / 2))
    elif current > aspect_ratio:
        amount = min(width - height * aspect_ratio, width - 1)
        left, right = int(np.floor(amount / 2)), int(np.ceil(amount / 2))
    return top, right, bottom, left


def _check_optional_int(value: Any, name: str, minimum: int) -> None:
    if value is None:
        return
    if not is_single_integer(value):
        raise TypeError(f"{name} must be None or an int, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")


def _split(amount: int) -> tuple[int, int]:
    return amount // 2, amount - amount // 2


def _trbl(height_amount: int, width_amount: int) -> tuple[int, int, int, int]:
    top, bottom = _split(height_amount)
    left, right = _split(width_amount)
    return top, right, bottom, left


def compute_paddings_to_reach_multiples_of(arr: Any, height_multiple: int | None,
                                           width_multiple: int | None
                                           ) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` padding until H/W are multiples of the given values
    (None: axis unchanged; an empty axis is padded to one multiple)."""
    shape = _check_two_or_three_dims(arr)
    _check_optional_int(height_multiple, "height_multiple", 1)
    _check_optional_int(width_multiple, "width_multiple", 1)

    def amount(size: int, multiple: int | None) -> int:
        if multiple is None:
            return 0
        if size == 0:
            return multiple
        return (multiple - size % multiple) % multiple

    return _trbl(amount(shape[0], height_multiple), amount(shape[1], width_multiple))


def compute_croppings_to_reach_multiples_of(arr: Any, height_multiple: int | None,
                                            width_multiple: int | None
                                            ) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` cropping until H/W are multiples of the given values."""
    shape = _check_two_or_three_dims(arr)
    _check_optional_int(height_multiple, "height_multiple", 1)
    _check_optional_int(width_multiple, "width_multiple", 1)

    def amount(size: int, multiple: int | None) -> int:
        return 0 if multiple is None or size == 0 else size % multiple

    return _trbl(amount(shape[0], height_multiple), amount(shape[1], width_multiple))


def compute_paddings_to_reach_powers_of(arr: Any, height_base: int | None,
                                        width_base: int | None,
                                        allow_zero_exponent: bool = False
                                        ) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` padding until H/W are powers ``B**E`` of the bases.

    ``E >= 1`` unless ``allow_zero_exponent`` (then size 0 pads to 1 and size 1 stays).
    """
    shape = _check_two_or_three_dims(arr)
    _check_optional_int(height_base, "height_base", 2)
    _check_optional_int(width_base, "width_base", 2)

    def amount(size: int, base: int | None) -> int:
        if base is None:
            return 0
        target = 1 if allow_zero_exponent else base
        while target < size:
            target *= base
        return target - size

    return _trbl(amount(shape[0], height_base), amount(shape[1], width_base))


compute_paddings_to_reach_exponents_of = compute_paddings_to_reach_powers_of  # old imgaug name


def compute_croppings_to_reach_powers_of(arr: Any, height_base: int | None,
                                         width_base: int | None,
                                         allow_zero_exponent: bool = False
                                         ) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` cropping down to the largest power ``B**E <= size``
    (sizes below ``B`` are kept, or cropped to 1 if ``allow_zero_exponent``)."""
    shape = _check_two_or_three_dims(arr)
    _check_optional_int(height_base, "height_base", 2)
    _check_optional_int(width_base, "width_base", 2)

    def amount(size: int, base: int | None) -> int:
        if base is None or size == 0:
            return 0
        if size < base:
            return size - 1 if allow_zero_exponent else 0
        target = base
        while target * base <= size:
            target *= base
        return size - target

    return _trbl(amount(shape[0], height_base), amount(shape[1], width_base))


def pad_to_aspect_ratio(arr: np.ndarray, aspect_ratio: float, mode: str = "constant",
                        cval: Any = 0, return_pad_amounts: bool = False) -> Any:
    """Pad ``arr`` to ``width / height == aspect_ratio`` (optionally also return the amounts)."""
    amounts = compute_paddings_to_reach_aspect_ratio(arr, aspect_ratio)
    padded = pad(arr, *amounts, mode=mode, cval=cval)
    return (padded, amounts) if return_pad_amounts else padded


def pad_to_multiples_of(arr: np.ndarray, height_multiple: int | None,
                        width_multiple: int | None, mode: str = "constant", cval: Any = 0,
                        return_pad_amounts: bool = False) -> Any:
    """Pad ``arr`` until H/W are multiples of the given values (optionally return amounts)."""
    amounts = compute_paddings_to_reach_multiples_of(arr, height_multiple, width_multiple)
    padded = pad(arr, *amounts, mode=mode, cval=cval)
    return (padded, amounts) if return_pad_amounts else padded


# ---- pooling -----------------------------------------------------------------------------------
_POOL_DISALLOWED = frozenset({"uint64", "int64"})


def _normalize_block_size(block_size: Any, ndim: int) -> tuple[int, ...]:
    if is_single_integer(block_size):
        sizes = [block_size, block_size]
    elif isinstance(block_size, (tuple, list)) and len(block_size) in (2, 3):
        sizes = list(block_size)
    else:
        raise ValueError("block_size must be an int >= 1 or a tuple of 2 or 3 ints >= 1, got "
                         f"{block_size!r}")
    if not all(is_single_integer(v) and v >= 1 for v in sizes):
        raise ValueError(f"block_size entries must be ints >= 1, got {block_size!r}")
    if len(sizes) > ndim:
        raise ValueError(f"block_size {block_size!r} has more entries than arr has axes")
    return tuple(int(v) for v in sizes) + (1,) * (ndim - len(sizes))


def pool(arr: np.ndarray, block_size: Any, func: Callable, pad_mode: str = "constant",
         pad_cval: Any = 0, preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    """Reduce each ``block_size`` block of an ``(H,W[,C])`` array with ``func(x, axis=...)``.

    ``block_size``: int, ``(bh, bw)`` (per channel) or ``(bh, bw, bc)``. The array is first
    padded (centred, :func:`pad` with ``pad_mode``/``pad_cval``) to multiples of the block
    size; a channel block that does not divide C pads the last channels with ``pad_cval``.
    ``preserve_dtype`` casts the result back to the input dtype (``astype``, i.e. truncating,
    as imgaug does). ``cval`` is the deprecated name of ``pad_cval``.
    Dtypes: bool, uint8-32, int8-32, float16-64 (and longdouble); uint64/int64 raise.
    """
    if not is_np_array(arr):
        raise TypeError(f"arr must be a numpy array, got {type(arr).__name__}")
    if arr.size == 0:
        return np.copy(arr)
    _check_two_or_three_dims(arr)
    if arr.dtype.name in _POOL_DISALLOWED or arr.dtype.kind not in "biuf":
        raise ValueError(f"pool(): arr has unsupported dtype {arr.dtype.name}")
    if cval is not None:
        warn_deprecated("`cval` is a deprecated argument in pool(). Use `pad_cval` instead.")
        pad_cval = cval
    if not callable(func):
        raise TypeError(f"func must be callable, got {type(func).__name__}")
    sizes = _normalize_block_size(block_size, arr.ndim)
    input_dtype = arr.dtype

    arr = pad_to_multiples_of(arr, sizes[0], sizes[1], mode=pad_mode, cval=pad_cval)
    if arr.ndim == 3 and arr.shape[2] % sizes[2] != 0:
        missing = sizes[2] - arr.shape[2] % sizes[2]
        fill = np.empty(arr.shape[0:2] + (missing,), dtype=arr.dtype)
        fill[...] = _cval_for_dtype(pad_cval, arr.dtype)
        arr = np.concatenate([arr, fill], axis=2)

    result = _pool_with_opencv(arr, sizes, func)
    if result is None:
        blocked_shape: list[int] = []
        for axis_size, block in zip(arr.shape, sizes):
            blocked_shape.extend([axis_size // block, block])
        reduce_axes = tuple(range(1, 2 * arr.ndim, 2))
        result = np.asarray(func(arr.reshape(blocked_shape), axis=reduce_axes))
    if preserve_dtype and result.dtype != input_dtype:
        result = result.astype(input_dtype)
    return result


_MORPH_DTYPES = frozenset(np.dtype(n) for n in ("uint8", "uint16", "int16", "float32",
                                                 "float64"))
_SUM_DTYPES = frozenset(np.dtype(n) for n in ("uint8", "uint16", "int16"))


def _pool_with_opencv(arr: np.ndarray, sizes: tuple[int, ...],
                      func: Callable) -> np.ndarray | None:
    """Exact OpenCV equivalents of block max/min/mean for common dtypes (else None).

    max/min: a ``bh x bw`` dilate/erode anchored at the block's top-left, sampled every block.
    mean of 8/16-bit integers: exact int32 block sums (``boxFilter``) divided by the block
    size in float64, which is what numpy's mean computes for integer input.
    """
    bh, bw = sizes[0], sizes[1]
    if (len(sizes) == 3 and sizes[2] != 1) or (arr.ndim == 3 and not
                                                 0 < arr.shape[2] <= _CV2_MAX_CHANNELS):
        return None
    src = arr
    if arr.dtype == np.bool_:
        src = arr.view(np.uint8)
    elif arr.dtype == np.int8:
        src = arr.astype(np.int16)
    src = np.ascontiguousarray(src)
    if func in (np.max, np.amax, np.min, np.amin) and src.dtype in _MORPH_DTYPES:
        if src.dtype.kind == "f" and np.isnan(np.min(src)):
            return None  # numpy propagates NaN, OpenCV's morphology does not
        kernel = np.ones((bh, bw), np.uint8)
        morph = cv2.dilate if func in (np.max, np.amax) else cv2.erode
        out = morph(src, kernel, anchor=(0, 0), borderType=cv2.BORDER_REPLICATE)
    elif (func in (np.average, np.mean) and src.dtype in _SUM_DTYPES
          and (src.dtype.itemsize == 1 or bh * bw <= 32767)):  # block sums fit OpenCV's int32
        sums = cv2.boxFilter(src, cv2.CV_32S, (bw, bh), anchor=(0, 0), normalize=False,
                             borderType=cv2.BORDER_CONSTANT)
        out = sums.astype(np.float64) / float(bh * bw)
    else:
        return None
    if arr.ndim == 3 and out.ndim == 2:
        out = out[:, :, np.newaxis]
    out = out[::bh, ::bw]
    if out.dtype != np.float64 and out.dtype != arr.dtype:
        out = out.view(arr.dtype) if arr.dtype == np.bool_ else out.astype(arr.dtype)
    return np.ascontiguousarray(out)


def avg_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "reflect", pad_cval: Any = 128,
             preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    """Average pooling (see :func:`pool`); pads with ``reflect`` by default."""
    return pool(arr, block_size, np.average, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype, cval=cval)


def max_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "edge", pad_cval: Any = 0,
             preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    """Max pooling (see :func:`pool`); pads with ``edge`` by default."""
    return pool(arr, block_size, np.max, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype, cval=cval)


def min_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "edge", pad_cval: Any = 255,
             preserve_dtype: bool = True) -> np.ndarray:
    """Min pooling (see :func:`pool`); pads with ``edge`` by default."""
    return pool(arr, block_size, np.min, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype)


def median_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "reflect",
                pad_cval: Any = 128, preserve_dtype: bool = True) -> np.ndarray:
    """Median pooling (see :func:`pool`); pads with ``reflect`` by default."""
    return pool(arr, block_size, np.median, pad_mode=pad_mode, pad_cval=pad_cval,
                preserve_dtype=preserve_dtype)


# ---- grids and display -------------------------------------------------------------------------
def draw_grid(images: Any, rows: int | None = None, cols: int | None = None) -> np.ndarray:
    """Place images row by row into a grid whose cells are as large as the largest image.

    ``images``: an ``(N,H,W,C)`` array or a list of ``(H,W,C)`` (or ``(H,W)``) arrays with one
    dtype and channel count (any dtype). Without ``rows``/``cols`` the grid is
    ``ceil(sqrt(N))`` square; given ``rows``, ``cols = ceil(N / rows)``; given only ``cols``,
    ``rows = ceil(N / cols)`` (imgaug's rules). Empty cells are zero.
    """
    if is_np_array(images):
        if images.ndim != 4:
            raise ValueError(f"images as an array must have shape (N,H,W,C), got {images.shape}")
        items = list(images)
    elif isinstance(images, Iterable):
        items = list(images)
        if not all(is_np_array(image) for image in items):
            raise TypeError("images must be a list of numpy arrays")
        if not all(image.ndim in (2, 3) for image in items):
            raise ValueError("each image must have shape (H,W) or (H,W,C), got shapes "
                             f"{[image.shape for image in items]}")
        items = [image[:, :, np.newaxis] if image.ndim == 2 else image for image in items]
    else:
        raise TypeError(f"images must be an array or a list of arrays, got {type(images)}")
    nb_images = len(items)
    if nb_images == 0:
        raise ValueError("draw_grid needs at least one image")
    if len({image.dtype for image in items}) != 1:
        raise ValueError(f"images must share one dtype, got {[i.dtype.name for i in items]}")
    if len({image.shape[2] for image in items}) != 1:
        raise ValueError("images must share one channel count, got shapes "
                         f"{[image.shape for image in items]}")
    for name, value in (("rows", rows), ("cols", cols)):
        _check_optional_int(value, name, 1)

    if rows is None and cols is None:
        rows = cols = int(math.ceil(math.sqrt(nb_images)))
    elif rows is not None:
        cols = int(math.ceil(nb_images / rows))
    else:
        rows = int(math.ceil(nb_images / cols))

    cell_h = max(image.shape[0] for image in items)
    cell_w = max(image.shape[1] for image in items)
    grid = np.zeros((cell_h * rows, cell_w * cols, items[0].shape[2]), dtype=items[0].dtype)
    for idx, image in enumerate(items):
        row, col = divmod(idx, cols)
        y0, x0 = row * cell_h, col * cell_w
        grid[y0:y0 + image.shape[0], x0:x0 + image.shape[1]] = image
    return grid


def show_grid(images: Any, rows: int | None = None, cols: int | None = None) -> None:
    """Show :func:`draw_grid`'s result with :func:`imshow`."""
    imshow(draw_grid(images, rows=rows, cols=cols))


def imshow(image: np.ndarray, backend: str = IMSHOW_BACKEND_DEFAULT) -> None:
    """Show an RGB/grayscale image in a window (``backend``: ``"matplotlib"`` or ``"cv2"``).

    matplotlib is optional (``pip install 'imgaug2[bench]'``); the ``cv2`` backend needs an
    OpenCV build with GUI support (not ``opencv-python-headless``).
    """
    if backend not in ("matplotlib", "cv2"):
        raise ValueError(f"backend must be 'matplotlib' or 'cv2', got {backend!r}")
    if not is_np_array(image):
        raise TypeError(f"image must be a numpy array, got {type(image).__name__}")
    if backend == "cv2":
        shown = image
        if image.ndim == 3 and image.shape[2] in (3, 4):
            shown = np.ascontiguousarray(image[..., 2::-1])
        window = "imgaug2-default-window"
        try:
            cv2.namedWindow(window, cv2.WINDOW_NORMAL)
            cv2.imshow(window, shown)
            cv2.waitKey(0)
            cv2.destroyWindow(window)
        except cv2.error as exc:
            raise RuntimeError("imshow(backend='cv2') needs an OpenCV build with GUI support; "
                               "use backend='matplotlib' (pip install 'imgaug2[bench]')"
                               ) from exc
        return
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError("imshow() needs matplotlib: install imgaug2[bench] "
                          "(pip install 'imgaug2[bench]')") from exc
    dpi = 96
    fig, ax = plt.subplots(figsize=(max(image.shape[1] / dpi, 6), image.shape[0] / dpi), dpi=dpi)
    manager = getattr(fig.canvas, "manager", None)
    if manager is not None and hasattr(manager, "set_window_title"):
        manager.set_window_title(f"imgaug2.imshow({image.shape})")
    ax.imshow(image, cmap="gray")
    plt.show()


from imgaug2.hooks import HooksHeatmaps, HooksImages, HooksKeypoints  # noqa: E402,F401


# ---- example data (moved to imgaug2.data; the ia.* names are deprecated as in imgaug 0.4.0) ----
def _moved_to_data(name: str) -> Callable:
    def forward(*args: Any, **kwargs: Any) -> Any:
        from imgaug2 import data

        return getattr(data, name)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    forward.__doc__ = f"The example data of :func:`imgaug2.data.{name}`."
    return deprecated(f"imgaug2.data.{name}")(forward)


quokka = _moved_to_data("quokka")
quokka_square = _moved_to_data("quokka_square")
quokka_heatmap = _moved_to_data("quokka_heatmap")
quokka_segmentation_map = _moved_to_data("quokka_segmentation_map")
quokka_keypoints = _moved_to_data("quokka_keypoints")
quokka_bounding_boxes = _moved_to_data("quokka_bounding_boxes")
quokka_polygons = _moved_to_data("quokka_polygons")
