"""The ``ia.*`` helpers of imgaug 0.4.0: type checks, resizing, padding, pooling, grids."""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import cv2
import numpy as np

from imgaug2 import random as iarandom

ALL = "ALL"
DEFAULT_FONT_FP = None
IMSHOW_BACKEND_DEFAULT = "matplotlib"
NP_FLOAT_TYPES = {np.float16, np.float32, np.float64}
NP_INT_TYPES = {np.int8, np.int16, np.int32, np.int64}
NP_UINT_TYPES = {np.uint8, np.uint16, np.uint32, np.uint64}
IMRESIZE_VALID_INTERPOLATIONS = ["nearest", "linear", "area", "cubic", cv2.INTER_NEAREST,
                                 cv2.INTER_LINEAR, cv2.INTER_AREA, cv2.INTER_CUBIC]
_INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                   "area": cv2.INTER_AREA, "cubic": cv2.INTER_CUBIC}


class DeprecationWarning(Warning):  # noqa: A001 - imgaug's name
    """imgaug2's deprecation warning (shown by default, unlike Python's)."""


def warn(msg: str, category: type = UserWarning, stacklevel: int = 2) -> None:
    warnings.warn(msg, category=category, stacklevel=stacklevel)


def warn_deprecated(msg: str, stacklevel: int = 2) -> None:
    warn(msg, category=DeprecationWarning, stacklevel=stacklevel + 1)


class deprecated:  # noqa: N801 - imgaug's name
    """Decorator marking a function as deprecated (with an optional alternative)."""

    def __init__(self, alt_func: str | None = None, behavior: str = "warn",
                 removed_version: str | None = None, comment: str | None = None) -> None:
        self.alt_func = alt_func
        self.comment = comment

    def __call__(self, func: Callable) -> Callable:
        message = f"{func.__name__}() is deprecated."
        if self.alt_func:
            message += f" Use {self.alt_func} instead."
        if self.comment:
            message += f" {self.comment}"

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            warn_deprecated(message, stacklevel=2)
            return func(*args, **kwargs)

        return wrapper


# ---- type checks ---------------------------------------------------------------------------
def is_np_array(val: Any) -> bool:
    return isinstance(val, np.ndarray)


def is_np_scalar(val: Any) -> bool:
    return isinstance(val, np.generic)


def is_single_integer(val: Any) -> bool:
    return isinstance(val, numbers.Integral) and not isinstance(val, (bool, np.bool_))


def is_single_float(val: Any) -> bool:
    return isinstance(val, numbers.Real) and not is_single_integer(val) and not isinstance(
        val, (bool, np.bool_))


def is_single_number(val: Any) -> bool:
    return is_single_integer(val) or is_single_float(val)


def is_iterable(val: Any) -> bool:
    return isinstance(val, Iterable)


def is_string(val: Any) -> bool:
    return isinstance(val, str)


def is_single_bool(val: Any) -> bool:
    return isinstance(val, (bool, np.bool_))


def is_integer_array(val: Any) -> bool:
    return is_np_array(val) and val.dtype.kind in "iu"


def is_float_array(val: Any) -> bool:
    return is_np_array(val) and val.dtype.kind == "f"


def is_callable(val: Any) -> bool:
    return callable(val)


def is_generator(val: Any) -> bool:
    return inspect.isgenerator(val)


def flatten(nested_iterable: Any):
    for item in nested_iterable:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def caller_name() -> str:
    return inspect.stack()[1][3]


def do_assert(condition: bool, message: str = "Assertion failed.") -> None:
    if not condition:
        raise AssertionError(str(message))


# ---- random state wrappers -------------------------------------------------------------------
def seed(entropy: int | None = None, seedval: int | None = None) -> None:
    """Seed the global RNG (``ia.seed``)."""
    iarandom.seed(seedval if entropy is None else entropy)


def current_random_state() -> iarandom.RNG:
    return iarandom.get_global_rng()


def new_random_state(seed: int | None = None, fully_random: bool = False) -> iarandom.RNG:
    if seed is None:
        return iarandom.RNG.create_fully_random() if fully_random else \
            iarandom.RNG.create_pseudo_random_()
    return iarandom.RNG(seed)


def dummy_random_state() -> iarandom.RNG:
    return iarandom.RNG(1)


def copy_random_state(random_state: Any, force_copy: bool = False) -> iarandom.RNG:
    rng = iarandom.RNG.create_if_not_rng_(random_state)
    return rng.copy() if force_copy or not rng.is_global_rng() else rng


def derive_random_state(random_state: Any) -> iarandom.RNG:
    return iarandom.RNG.create_if_not_rng_(random_state).derive_rng_()


def derive_random_states(random_state: Any, n: int = 1) -> list[iarandom.RNG]:
    return iarandom.RNG.create_if_not_rng_(random_state).derive_rngs_(n)


# ---- geometry ---------------------------------------------------------------------------------
def angle_between_vectors(v1: Any, v2: Any) -> float:
    a = np.asarray(v1, dtype=np.float64)
    b = np.asarray(v2, dtype=np.float64)
    cos = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.arccos(np.clip(cos, -1.0, 1.0)))


def compute_line_intersection_point(x1, y1, x2, y2, x3, y3, x4, y4):
    """Intersection of the lines through (p1, p2) and (p3, p4), or False if parallel."""
    denom = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if denom == 0:
        return False
    det1 = x1 * y2 - y1 * x2
    det2 = x3 * y4 - y3 * x4
    return ((det1 * (x3 - x4) - (x1 - x2) * det2) / denom,
            (det1 * (y3 - y4) - (y1 - y2) * det2) / denom)


def draw_text(img: np.ndarray, y: int, x: int, text: str, color=(0, 255, 0),
              size: int = 25) -> np.ndarray:
    """Draw ``text`` with its top-left corner at (x, y) (OpenCV Hershey font)."""
    if img.dtype != np.uint8:
        raise ValueError(f"draw_text needs a uint8 image, got {img.dtype}")
    out = img.copy()
    scale = size / 30.0
    cv2.putText(out, text, (int(x), int(y + size * 0.8)), cv2.FONT_HERSHEY_SIMPLEX, scale,
                tuple(int(c) for c in color), max(1, int(round(scale * 2))), cv2.LINE_AA)
    return out


# ---- resizing ----------------------------------------------------------------------------------
def _interpolation_flag(interpolation: Any, downscale: bool) -> int:
    if interpolation is None:
        # imgaug 0.4.0's rule for interpolation=None
        return cv2.INTER_LINEAR if downscale else cv2.INTER_AREA
    if isinstance(interpolation, str):
        if interpolation not in _INTERPOLATIONS:
            raise ValueError(f"interpolation must be one of {list(_INTERPOLATIONS)} or a cv2 "
                             f"constant, got {interpolation!r}")
        return _INTERPOLATIONS[interpolation]
    if interpolation in _INTERPOLATIONS.values():
        return int(interpolation)
    raise ValueError(f"interpolation must be one of {list(_INTERPOLATIONS)} or a cv2 constant, "
                     f"got {interpolation!r}")


def _target_hw(shape: tuple[int, ...], sizes: Any) -> tuple[int, int]:
    h, w = shape[0:2]
    if is_single_number(sizes):
        if sizes <= 0:
            raise ValueError(f"sizes must be > 0, got {sizes}")
        return max(1, int(round(h * sizes))), max(1, int(round(w * sizes)))
    if isinstance(sizes, (tuple, list)) and len(sizes) == 2:
        out = []
        for value, base in zip(sizes, (h, w)):
            if is_single_float(value):
                out.append(max(1, int(round(base * value))))
            elif is_single_integer(value):
                out.append(int(value))
            else:
                raise ValueError(f"sizes entries must be ints or floats, got {sizes!r}")
        return out[0], out[1]
    raise ValueError(f"sizes must be a number or a (height, width) pair, got {sizes!r}")


def _resize_one(image: np.ndarray, height: int, width: int, flag: int) -> np.ndarray:
    if image.shape[0:2] == (height, width):
        return np.copy(image)
    if height == 0 or width == 0 or image.shape[0] == 0 or image.shape[1] == 0:
        return np.zeros((height, width, *image.shape[2:]), dtype=image.dtype)
    dtype = image.dtype
    work = image
    if dtype == np.bool_:
        work = image.astype(np.uint8)
        flag = cv2.INTER_NEAREST
    elif dtype in (np.int8,):
        work = image.astype(np.int16)
    elif dtype == np.float16:
        work = image.astype(np.float32)
    elif dtype in (np.int32, np.uint32, np.int64, np.uint64):
        if flag != cv2.INTER_NEAREST:
            work = image.astype(np.float64)
    elif dtype.kind not in "uif":
        raise ValueError(f"cannot resize images of dtype {dtype}")
    channels = work.shape[2] if work.ndim == 3 else None
    if channels is not None and channels > 128:  # OpenCV 5 handles at most 128 channels
        parts = [_resize_one(work[..., i:i + 128], height, width, flag)
                 for i in range(0, channels, 128)]
        out = np.concatenate(parts, axis=2)
    elif work.dtype in (np.int32, np.uint32, np.int64, np.uint64):
        ys = np.minimum((np.arange(height) + 0.5) * work.shape[0] / height,
                        work.shape[0] - 1).astype(int)
        xs = np.minimum((np.arange(width) + 0.5) * work.shape[1] / width,
                        work.shape[1] - 1).astype(int)
        out = work[ys][:, xs]
    else:
        out = cv2.resize(work, (width, height), interpolation=flag)
        if work.ndim == 3 and out.ndim == 2:
            out = out[..., None]
    if out.dtype != dtype:
        if dtype == np.bool_:
            return out > 0
        if dtype.kind in "iu":
            info = np.iinfo(dtype)
            out = np.clip(np.round(out), info.min, info.max)
        out = out.astype(dtype)
    return out


def imresize_many_images(images: Any, sizes: Any = None, interpolation: Any = None) -> Any:
    """Resize an ``(N,H,W[,C])`` array or a list of images (uint8..float64, bool)."""
    if sizes is None:
        raise ValueError("sizes must be given")
    if isinstance(images, np.ndarray):
        if images.ndim not in (3, 4):
            raise ValueError(f"images must be (N,H,W) or (N,H,W,C), got shape {images.shape}")
        if images.shape[0] == 0:
            return images
        results = [imresize_single_image(img, sizes, interpolation) for img in images]
        return np.stack(results) if results else images
    return [imresize_single_image(img, sizes, interpolation) for img in images]


def imresize_single_image(image: np.ndarray, sizes: Any, interpolation: Any = None) -> np.ndarray:
    """Resize one ``(H,W)`` or ``(H,W,C)`` image to ``sizes`` (factor or (h, w))."""
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise ValueError("image must be a numpy array of shape (H,W) or (H,W,C)")
    height, width = _target_hw(image.shape, sizes)
    downscale = height < image.shape[0] or width < image.shape[1]
    return _resize_one(image, height, width, _interpolation_flag(interpolation, downscale))


# ---- padding -----------------------------------------------------------------------------------
_CV2_BORDERS = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                "reflect": cv2.BORDER_REFLECT_101, "symmetric": cv2.BORDER_REFLECT,
                "wrap": cv2.BORDER_WRAP}
PAD_MODES = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
             "reflect", "symmetric", "wrap")


def pad(arr: np.ndarray, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
        mode: str = "constant", cval: Any = 0) -> np.ndarray:
    """Pad an ``(H,W[,C])`` array (np.pad modes; OpenCV's border copy where equivalent)."""
    for name, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left)):
        if not is_single_integer(value) or value < 0:
            raise ValueError(f"{name} must be an int >= 0, got {value!r}")
    if mode not in PAD_MODES:
        raise ValueError(f"mode must be one of {PAD_MODES}, got {mode!r}")
    if top == right == bottom == left == 0:
        return np.copy(arr)
    h, w = arr.shape[0:2]
    cv2_ok = (mode in _CV2_BORDERS and arr.dtype in (np.uint8, np.uint16, np.int16,
                                                     np.float32, np.float64)
              and (arr.ndim == 2 or arr.shape[2] <= 4) and h > 0 and w > 0
              and (mode not in ("reflect", "symmetric", "wrap")
                   or max(top, bottom) < h and max(left, right) < w))
    if cv2_ok:
        value = cval
        if mode == "constant" and arr.ndim == 3:
            value = tuple([float(cval)] * arr.shape[2]) if is_single_number(cval) \
                else tuple(float(c) for c in cval)
        out = cv2.copyMakeBorder(arr, top, bottom, left, right, _CV2_BORDERS[mode],
                                 value=value if mode == "constant" else None)
        if arr.ndim == 3 and out.ndim == 2:
            out = out[..., None]
        return out
    pads = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    if mode == "constant" and arr.dtype.kind in "iu":
        info = np.iinfo(arr.dtype)
        cval = np.clip(cval, info.min, info.max)
        if np.ndim(cval) == 0:
            cval = cval.item() if hasattr(cval, "item") else cval
    if mode == "constant":
        if arr.ndim == 3 and not is_single_number(cval):
            channels = [np.pad(arr[..., c], pads[:2], mode="constant", constant_values=cv)
                        for c, cv in zip(range(arr.shape[2]), cval)]
            return np.stack(channels, axis=-1)
        return np.pad(arr, pads, mode="constant", constant_values=cval)
    if mode == "linear_ramp":
        return np.pad(arr, pads, mode="linear_ramp", end_values=cval)
    return np.pad(arr, pads, mode=mode)


def compute_paddings_to_reach_aspect_ratio(arr: Any, aspect_ratio: float):
    """(top, right, bottom, left) paddings so that width/height == aspect_ratio."""
    shape = arr.shape if hasattr(arr, "shape") else arr
    h, w = shape[0:2]
    if aspect_ratio <= 0:
        raise ValueError(f"aspect_ratio must be > 0, got {aspect_ratio}")
    h, w = max(h, 1), max(w, 1)
    if w / h < aspect_ratio:
        missing = int(math.ceil(h * aspect_ratio)) - w
        return 0, missing - missing // 2, 0, missing // 2
    missing = int(math.ceil(w / aspect_ratio)) - h
    return missing // 2, 0, missing - missing // 2, 0


def compute_croppings_to_reach_aspect_ratio(arr: Any, aspect_ratio: float):
    """(top, right, bottom, left) croppings so that width/height == aspect_ratio."""
    shape = arr.shape if hasattr(arr, "shape") else arr
    h, w = shape[0:2]
    if aspect_ratio <= 0:
        raise ValueError(f"aspect_ratio must be > 0, got {aspect_ratio}")
    if w / max(h, 1) > aspect_ratio:
        excess = w - max(1, int(round(h * aspect_ratio)))
        return 0, excess - excess // 2, 0, excess // 2
    excess = h - max(1, int(round(w / aspect_ratio)))
    return excess // 2, 0, excess - excess // 2, 0


def compute_paddings_to_reach_multiples_of(arr: Any, height_multiple: Any, width_multiple: Any):
    shape = arr.shape if hasattr(arr, "shape") else arr
    h, w = shape[0:2]

    def missing(size, multiple):
        if multiple is None:
            return 0
        if multiple < 1:
            raise ValueError(f"multiples must be >= 1, got {multiple}")
        return (multiple - size % multiple) % multiple

    ph, pw = missing(h, height_multiple), missing(w, width_multiple)
    return ph // 2, pw - pw // 2, ph - ph // 2, pw // 2


def compute_croppings_to_reach_multiples_of(arr: Any, height_multiple: Any, width_multiple: Any):
    shape = arr.shape if hasattr(arr, "shape") else arr
    h, w = shape[0:2]
    for name, multiple in (("height_multiple", height_multiple),
                           ("width_multiple", width_multiple)):
        if multiple is not None and multiple < 1:
            raise ValueError(f"{name} must be None or >= 1, got {multiple}")
    ch = 0 if height_multiple is None or h < height_multiple else h % height_multiple
    cw = 0 if width_multiple is None or w < width_multiple else w % width_multiple
    return ch // 2, cw - cw // 2, ch - ch // 2, cw // 2


def compute_paddings_to_reach_powers_of(arr: Any, height_base: Any, width_base: Any,
                                        allow_zero_exponent: bool = False):
    shape = arr.shape if hasattr(arr, "shape") else arr
    h, w = shape[0:2]

    def missing(size, base):
        if base is None:
            return 0
        if base < 2:
            raise ValueError(f"bases must be >= 2, got {base}")
        target = 1 if allow_zero_exponent else base
        while target < size:
            target *= base
        return target - size

    ph, pw = missing(h, height_base), missing(w, width_base)
    return ph // 2, pw - pw // 2, ph - ph // 2, pw // 2


def compute_croppings_to_reach_powers_of(arr: Any, height_base: Any, width_base: Any,
                                         allow_zero_exponent: bool = False):
    shape = arr.shape if hasattr(arr, "shape") else arr
    h, w = shape[0:2]

    def excess(size, base):
        if base is None:
            return 0
        target = 1 if allow_zero_exponent else base
        if size < target:
            return 0
        while target * base <= size:
            target *= base
        return size - target

    ch, cw = excess(h, height_base), excess(w, width_base)
    return ch // 2, cw - cw // 2, ch - ch // 2, cw // 2


def pad_to_aspect_ratio(arr: np.ndarray, aspect_ratio: float, mode: str = "constant",
                        cval: Any = 0, return_pad_amounts: bool = False):
    pads = compute_paddings_to_reach_aspect_ratio(arr, aspect_ratio)
    out = pad(arr, *pads, mode=mode, cval=cval)
    return (out, pads) if return_pad_amounts else out


def pad_to_multiples_of(arr: np.ndarray, height_multiple: Any, width_multiple: Any,
                        mode: str = "constant", cval: Any = 0,
                        return_pad_amounts: bool = False):
    pads = compute_paddings_to_reach_multiples_of(arr, height_multiple, width_multiple)
    out = pad(arr, *pads, mode=mode, cval=cval)
    return (out, pads) if return_pad_amounts else out


# ---- pooling -----------------------------------------------------------------------------------
def pool(arr: np.ndarray, block_size: Any, func: Callable, pad_mode: str = "constant",
         pad_cval: Any = 0, preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    """Block-reduce ``arr`` (H,W[,C]) with ``func`` over blocks of ``block_size``; the image is
    padded (bottom/right) to a multiple of the block size first."""
    if cval is not None:
        pad_cval = cval
    if is_single_integer(block_size):
        block_size = (block_size, block_size)
    bh, bw = int(block_size[0]), int(block_size[1])
    if bh < 1 or bw < 1:
        raise ValueError(f"block_size must be >= 1, got {block_size}")
    if bh == 1 and bw == 1:
        return np.copy(arr)
    input_dtype = arr.dtype
    h, w = arr.shape[0:2]
    ph, pw = (-h) % bh, (-w) % bw
    if ph or pw:
        arr = pad(arr, top=ph // 2, right=pw - pw // 2, bottom=ph - ph // 2, left=pw // 2,
                  mode=pad_mode, cval=pad_cval)
    h, w = arr.shape[0:2]
    shape = (h // bh, bh, w // bw, bw) + arr.shape[2:]
    blocks = arr.reshape(shape)
    out = func(blocks, axis=(1, 3))
    if preserve_dtype and out.dtype != input_dtype:
        if input_dtype.kind in "iu":
            out = np.round(out)
        out = out.astype(input_dtype)
    return out


def avg_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "reflect", pad_cval: Any = 128,
             preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    return pool(arr, block_size, np.mean, pad_mode, pad_cval, preserve_dtype, cval)


def max_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "edge", pad_cval: Any = 0,
             preserve_dtype: bool = True, cval: Any = None) -> np.ndarray:
    return pool(arr, block_size, np.max, pad_mode, pad_cval, preserve_dtype, cval)


def min_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "edge", pad_cval: Any = 255,
             preserve_dtype: bool = True) -> np.ndarray:
    return pool(arr, block_size, np.min, pad_mode, pad_cval, preserve_dtype)


def median_pool(arr: np.ndarray, block_size: Any, pad_mode: str = "reflect",
                pad_cval: Any = 128, preserve_dtype: bool = True) -> np.ndarray:
    return pool(arr, block_size, np.median, pad_mode, pad_cval, preserve_dtype)


# ---- grids and display -------------------------------------------------------------------------
def draw_grid(images: Any, rows: int | None = None, cols: int | None = None) -> np.ndarray:
    """Arrange images (any sizes, uint8) in a grid; cells are as large as the largest image."""
    if isinstance(images, np.ndarray):
        images = list(images) if images.ndim == 4 else [images]
    if not images:
        raise ValueError("draw_grid needs at least one image")
    images = [im[..., None] if im.ndim == 2 else im for im in images]
    n = len(images)
    if rows is None and cols is None:
        cols = int(math.ceil(math.sqrt(n)))
        rows = int(math.ceil(n / cols))
    elif rows is None:
        rows = int(math.ceil(n / cols))
    elif cols is None:
        cols = int(math.ceil(n / rows))
    if rows * cols < n:
        raise ValueError(f"a grid of {rows}x{cols} cannot hold {n} images")
    cell_h = max(im.shape[0] for im in images)
    cell_w = max(im.shape[1] for im in images)
    channels = max(im.shape[2] for im in images)
    dtype = images[0].dtype
    grid = np.zeros((rows * cell_h, cols * cell_w, channels), dtype=dtype)
    for i, im in enumerate(images):
        r, c = divmod(i, cols)
        if im.shape[2] != channels:
            im = np.repeat(im[..., :1], channels, axis=2) if im.shape[2] == 1 else np.pad(
                im, ((0, 0), (0, 0), (0, channels - im.shape[2])))
        grid[r * cell_h:r * cell_h + im.shape[0], c * cell_w:c * cell_w + im.shape[1]] = im
    return grid


def imshow(image: np.ndarray, backend: str = IMSHOW_BACKEND_DEFAULT) -> None:
    """Show an image with matplotlib (or OpenCV's window with backend='cv2')."""
    if backend == "cv2":
        cv2.imshow("imgaug2", cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
        cv2.waitKey(0)
        return
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError("imshow needs matplotlib: pip install 'imgaug2[bench]'") from exc
    plt.figure()
    plt.imshow(image)
    plt.axis("off")
    plt.show()


def show_grid(images: Any, rows: int | None = None, cols: int | None = None) -> None:
    imshow(draw_grid(images, rows=rows, cols=cols))


from imgaug2.hooks import HooksHeatmaps, HooksImages, HooksKeypoints  # noqa: E402,F401
