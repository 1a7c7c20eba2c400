"""Heatmaps: :class:`HeatmapsOnImage`, float maps in ``[min_value, max_value]``.

The array is stored normalised to ``[0.0, 1.0]`` as float32 in ``arr_0to1`` (shape ``(H,W,C)``).
This module also holds the small resize/pad helpers shared with segmentation maps.
"""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import cv2
import numpy as np

# ---- array helpers (shared with segmaps.py) --------------------------------------------------
_INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                   "area": cv2.INTER_AREA, "cubic": cv2.INTER_CUBIC}
_CV2_MAX_CHANNELS = 128  # OpenCV 5 allows at most 128 channels per array
_PAD_MODES = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
              "reflect", "symmetric", "wrap")
_CV2_BORDERS = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                "reflect": cv2.BORDER_REFLECT_101, "symmetric": cv2.BORDER_REFLECT,
                "wrap": cv2.BORDER_WRAP}
_CV2_PAD_DTYPES = {np.dtype(t) for t in (np.uint8, np.uint16, np.int16, np.int32, np.float32,
                                         np.float64)}


def _is_int(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_float(value: Any) -> bool:
    return (isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral)
            and not isinstance(value, bool))


def _target_hw(shape: tuple[int, ...], sizes: Any) -> tuple[int, int]:
    """Target ``(height, width)`` as imgaug's ``imresize_single_image`` reads ``sizes``.

    A float is a factor for both sides, an int a pixel size for both sides; a pair holds one
    entry per side (float: fraction of that side, int: pixels).
    """
    if _is_int(sizes) or _is_float(sizes):
        if sizes <= 0:
            raise ValueError(f"sizes given as a single number must be > 0, got {sizes}")
        pair = (sizes, sizes)
    elif isinstance(sizes, (tuple, list, np.ndarray)) and len(sizes) == 2:
        pair = tuple(sizes)
        for value in pair:
            if not (_is_int(value) or _is_float(value)) or value < 0:
                raise ValueError("sizes given as a pair must hold two ints or floats >= 0, "
                                 f"got {sizes!r}")
    else:
        raise ValueError("sizes must be a number or a (height, width) pair of ints or floats, "
                         f"got {sizes!r}")
    out = []
    for value, base in zip(pair, shape[0:2]):
        out.append(int(np.round(base * value)) if _is_float(value) else int(value))
    return out[0], out[1]


def _interpolation_flag(interpolation: Any, upscaling: bool) -> int:
    if interpolation is None:
        # imgaug 0.4.0's automatic choice
        return cv2.INTER_AREA if upscaling else cv2.INTER_LINEAR
    if isinstance(interpolation, str) and interpolation in _INTERPOLATIONS:
        return _INTERPOLATIONS[interpolation]
    if _is_int(interpolation) and int(interpolation) in _INTERPOLATIONS.values():
        return int(interpolation)
    raise ValueError(f"interpolation must be None, one of {list(_INTERPOLATIONS)} or the "
                     f"matching cv2.INTER_* constant, got {interpolation!r}")


def _cv2_resize(arr: np.ndarray, height: int, width: int, flag: int) -> np.ndarray:
    arr = np.ascontiguousarray(arr)
    if arr.ndim == 3 and arr.shape[2] > _CV2_MAX_CHANNELS:
        chunks = [_cv2_resize(arr[..., i:i + _CV2_MAX_CHANNELS], height, width, flag)
                  for i in range(0, arr.shape[2], _CV2_MAX_CHANNELS)]
        return np.concatenate(chunks, axis=2)
    out = cv2.resize(arr, (width, height), interpolation=flag)
    if arr.ndim == 3 and out.ndim == 2:
        out = out[:, :, np.newaxis]
    return out


def _resize(arr: np.ndarray, sizes: Any, interpolation: Any) -> np.ndarray:
    """Resize an ``(H,W)`` or ``(H,W,C)`` array with OpenCV (imgaug 0.4.0 semantics).

    dtypes: bool, uint8, uint16, int8, int16, float16, float32, float64; int32 only with
    nearest neighbour interpolation.
    """
    if arr.ndim not in (2, 3):
        raise ValueError(f"expected an array of shape (H,W) or (H,W,C), got shape {arr.shape}")
    height, width = _target_hw(arr.shape, sizes)
    if (height, width) == arr.shape[0:2]:
        return np.copy(arr)
    if height == 0 or width == 0 or (arr.ndim == 3 and arr.shape[2] == 0):
        return np.zeros((height, width) + arr.shape[2:], dtype=arr.dtype)
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"cannot resize an array with a zero-sized axis, got shape {arr.shape}")
    upscaling = height > arr.shape[0] or width > arr.shape[1]
    flag = _interpolation_flag(interpolation, upscaling)
    dtype = arr.dtype
    if dtype == np.bool_:
        return _cv2_resize(arr.astype(np.uint8) * 255, height, width, flag) > 127
    if dtype == np.float16:
        return _cv2_resize(arr.astype(np.float32), height, width, flag).astype(np.float16)
    if dtype == np.int8 and flag != cv2.INTER_NEAREST:
        out = _cv2_resize(arr.astype(np.int16), height, width, flag)
        return np.clip(out, -128, 127).astype(np.int8)
    if dtype == np.int32 and flag != cv2.INTER_NEAREST:
        raise ValueError("int32 arrays can only be resized with interpolation='nearest', got "
                         f"{interpolation!r}")
    if dtype not in (np.uint8, np.uint16, np.int8, np.int16, np.int32, np.float32, np.float64):
        raise ValueError(f"cannot resize arrays of dtype {dtype}; expected bool, uint8, uint16, "
                         "int8, int16, int32 (nearest only), float16, float32 or float64")
    return _cv2_resize(arr, height, width, flag)


def _pad(arr: np.ndarray, top: int, right: int, bottom: int, left: int, mode: str,
         cval: Any) -> np.ndarray:
    """Pad the first two axes (numpy's pad modes; OpenCV's border copy where identical)."""
    for name, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left)):
        if not _is_int(value) or value < 0:
            raise ValueError(f"{name} must be an int >= 0, got {value!r}")
    if mode not in _PAD_MODES:
        raise ValueError(f"mode must be one of {_PAD_MODES}, got {mode!r}")
    top, right, bottom, left = int(top), int(right), int(bottom), int(left)
    if top == right == bottom == left == 0:
        return np.copy(arr)
    height, width = arr.shape[0:2]
    channels = arr.shape[2] if arr.ndim == 3 else 1
    use_cv2 = (mode in _CV2_BORDERS and arr.dtype in _CV2_PAD_DTYPES and channels <= 4
               and height > 0 and width > 0
               and (mode in ("constant", "edge")
                    or (max(top, bottom) < height and max(left, right) < width)))
    if use_cv2:
        value = [float(cval)] * 4 if mode == "constant" else None
        out = cv2.copyMakeBorder(np.ascontiguousarray(arr), top, bottom, left, right,
                                 _CV2_BORDERS[mode], value=value)
        if arr.ndim == 3 and out.ndim == 2:
            out = out[:, :, np.newaxis]
        return out
    pads = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
    if mode == "constant":
        return np.pad(arr, pads, mode="constant", constant_values=cval)
    if mode == "linear_ramp":
        return np.pad(arr, pads, mode="linear_ramp", end_values=cval)
    return np.pad(arr, pads, mode=mode)


def _paddings_for_aspect_ratio(height: int, width: int,
                               aspect_ratio: float) -> tuple[int, int, int, int]:
    """``(top, right, bottom, left)`` to reach ``width / height == aspect_ratio``."""
    from imgaug2.imgaug import compute_paddings_to_reach_aspect_ratio

    return compute_paddings_to_reach_aspect_ratio((height, width), aspect_ratio)


def _check_shape_arg(shape: Any, cls_name: str) -> tuple:
    if isinstance(shape, np.ndarray):
        raise TypeError(f"{cls_name}: shape must be the image's shape tuple (e.g. image.shape), "
                        "not an array")
    if not isinstance(shape, (tuple, list)) or len(shape) not in (2, 3) \
            or not all(_is_int(v) for v in shape):
        raise ValueError(f"{cls_name}: shape must be a tuple (H, W) or (H, W, C) of ints, got "
                         f"{shape!r}")
    return tuple(shape)


def _check_draw_image(image: Any) -> None:
    if not isinstance(image, np.ndarray) or image.ndim != 3 or image.shape[2] != 3 \
            or image.dtype != np.uint8:
        got = (f"shape {image.shape}, dtype {image.dtype}" if isinstance(image, np.ndarray)
               else type(image).__name__)
        raise ValueError(f"image must be a uint8 RGB array of shape (H,W,3), got {got}")


def _check_alpha(alpha: Any) -> float:
    if not (_is_int(alpha) or _is_float(alpha)) or not -1e-8 <= alpha <= 1.0 + 1e-8:
        raise ValueError(f"alpha must be a number in [0.0, 1.0], got {alpha!r}")
    return float(alpha)


# ---- colour maps -----------------------------------------------------------------------------
# Matplotlib's "jet" segment data: (x, value) breakpoints per channel.
_JET_SEGMENTS = (
    ((0.0, 0.0), (0.35, 0.0), (0.66, 1.0), (0.89, 1.0), (1.0, 0.5)),
    ((0.0, 0.0), (0.125, 0.0), (0.375, 1.0), (0.64, 1.0), (0.91, 0.0), (1.0, 0.0)),
    ((0.0, 0.5), (0.11, 1.0), (0.34, 1.0), (0.65, 0.0), (1.0, 0.0)),
)
_CMAP_TABLES: dict[str, np.ndarray] = {}


def _segment_lut(points: tuple, size: int) -> np.ndarray:
    """Piecewise-linear lookup table of ``size`` entries sampled on ``linspace(0, 1, size)``."""
    xs = np.array([p[0] for p in points], dtype=np.float64) * (size - 1)
    ys = np.array([p[1] for p in points], dtype=np.float64)
    grid = (size - 1) * np.linspace(0.0, 1.0, size)
    inner = grid[1:-1]
    idx = np.searchsorted(xs, inner)
    frac = (inner - xs[idx - 1]) / (xs[idx] - xs[idx - 1])
    values = np.concatenate([[ys[0]], frac * (ys[idx] - ys[idx - 1]) + ys[idx - 1], [ys[-1]]])
    return np.clip(values, 0.0, 1.0)


def _cmap_table(cmap: str) -> np.ndarray:
    """``(256, 3)`` uint8 table: colour of each ``to_uint8()`` heatmap value (as imgaug draws
    it via matplotlib: value/255 looked up in a 256-entry colormap, then ``* 255`` truncated)."""
    if cmap in _CMAP_TABLES:
        return _CMAP_TABLES[cmap]
    values = np.arange(256, dtype=np.float32) / np.float32(255.0)
    if cmap == "jet":
        lut = np.stack([_segment_lut(seg, 256) for seg in _JET_SEGMENTS], axis=-1)
        index = values * np.float32(256)
        index[index == 256] = 255
        rgb = lut[index.astype(np.int64)]
    else:
        try:
            import matplotlib
        except ImportError as exc:
            raise ImportError(f"cmap={cmap!r} needs matplotlib (only 'jet' is built in); "
                              "install imgaug2[dev] or matplotlib") from exc
        try:
            cmap_func = matplotlib.colormaps[cmap]
        except KeyError as exc:
            raise ValueError(f"unknown cmap {cmap!r}") from exc
        rgb = np.asarray(cmap_func(values))[:, 0:3]
    table = np.clip(rgb * 255, 0, 255).astype(np.uint8)
    _CMAP_TABLES[cmap] = table
    return table


def _gray_table() -> np.ndarray:
    values = np.arange(256, dtype=np.float32) / np.float32(255.0)
    gray = np.clip(values * 255, 0, 255).astype(np.uint8)
    return np.stack([gray] * 3, axis=-1)


# ---- HeatmapsOnImage -------------------------------------------------------------------------
class HeatmapsOnImage:
    """Heatmaps of one image.

    ``arr``: float ``(H,W)`` or ``(H,W,C)`` array (float32; float16/float64 are converted) with
    values in ``[min_value, max_value]``; values outside are clipped with a warning (as imgaug).
    ``shape``: shape tuple of the image the heatmaps belong to (the heatmaps may be smaller).
    """

    def __init__(self, arr: np.ndarray, shape: Any, min_value: float = 0.0,
                 max_value: float = 1.0) -> None:
        if not isinstance(arr, np.ndarray):
            raise TypeError(f"HeatmapsOnImage: arr must be a numpy array, got "
                            f"{type(arr).__name__}")
        if arr.ndim not in (2, 3):
            raise ValueError(f"HeatmapsOnImage: arr must have shape (H,W) or (H,W,C), got "
                             f"{arr.shape}")
        if arr.shape[0] == 0 or arr.shape[1] == 0:
            raise ValueError(f"HeatmapsOnImage: arr must have height and width > 0, got "
                             f"{arr.shape}")
        if arr.dtype.kind != "f":
            raise ValueError(f"HeatmapsOnImage: arr must be a float32 array, got dtype "
                             f"{arr.dtype}")
        self.shape = _check_shape_arg(shape, "HeatmapsOnImage")
        if not min_value < max_value:
            raise ValueError(f"HeatmapsOnImage: min_value ({min_value}) must be lower than "
                             f"max_value ({max_value})")
        if arr.dtype != np.float32:
            arr = arr.astype(np.float32)
        arr = self._check_value_range(arr, min_value, max_value)
        self.arr_was_2d = arr.ndim == 2
        if self.arr_was_2d:
            arr = arr[:, :, np.newaxis]
        if _is_zero_one(min_value, max_value):
            self.arr_0to1 = arr
        else:
            arr_0to1 = (arr - min_value) / (max_value - min_value)
            self.arr_0to1 = np.clip(arr_0to1, 0.0, 1.0).astype(np.float32)
        self.min_value = min_value
        self.max_value = max_value

    @staticmethod
    def _check_value_range(arr: np.ndarray, min_value: float, max_value: float) -> np.ndarray:
        if arr.size == 0:
            return arr
        low, high = float(np.min(arr)), float(np.max(arr))
        if np.isnan(low) or np.isnan(high):
            raise ValueError("HeatmapsOnImage: arr contains NaN values")
        eps = float(np.finfo(np.float32).eps)
        if low < min_value - eps or high > max_value + eps:
            warnings.warn(
                f"Value range of heatmap was chosen to be ({min_value:.8f}, {max_value:.8f}), "
                f"but found actual min/max of ({low:.8f}, {high:.8f}). Array will be clipped "
                "to chosen value range.", UserWarning, stacklevel=3)
            arr = np.clip(arr, min_value, max_value)
        return arr

    @classmethod
    def _from_valid_0to1(cls, arr_0to1: np.ndarray, like: HeatmapsOnImage) -> HeatmapsOnImage:
        """New instance around an ``(H,W,C)`` float32 array known to lie in [0, 1]."""
        heatmaps = cls.__new__(cls)
        heatmaps.arr_0to1 = arr_0to1
        heatmaps.arr_was_2d = like.arr_was_2d
        heatmaps.shape = like.shape
        heatmaps.min_value = like.min_value
        heatmaps.max_value = like.max_value
        return heatmaps

    def get_arr(self) -> np.ndarray:
        """The heatmaps in ``[min_value, max_value]``; float32, ``(H,W)`` if given as 2D."""
        arr = self.arr_0to1
        if self.arr_was_2d and arr.ndim == 3 and arr.shape[2] == 1:
            arr = arr[:, :, 0]
        if _is_zero_one(self.min_value, self.max_value):
            return np.array(arr, dtype=np.float32)
        diff = self.max_value - self.min_value
        return (self.min_value + diff * arr).astype(np.float32)

    def draw(self, size: Any = None, cmap: str | None = "jet") -> list[np.ndarray]:
        """One uint8 ``(H,W,3)`` RGB image per heatmap channel.

        ``size``: None (array size) or as in ``resize()``; ``cmap``: "jet" (built in), another
        matplotlib colormap name (needs matplotlib) or None for grayscale.
        """
        table = _gray_table() if cmap is None else _cmap_table(cmap)
        lut = table.reshape(256, 1, 3)
        heatmaps_uint8 = self.to_uint8()
        drawn = []
        for c in range(heatmaps_uint8.shape[2]):
            channel = np.ascontiguousarray(heatmaps_uint8[:, :, c])
            if size is not None:
                channel = _resize(channel, size, "nearest")
            if channel.size == 0:
                drawn.append(np.zeros(channel.shape[0:2] + (3,), dtype=np.uint8))
                continue
            drawn.append(cv2.LUT(cv2.merge([channel, channel, channel]), lut))
        return drawn

    def draw_on_image(self, image: np.ndarray, alpha: float = 0.75, cmap: str | None = "jet",
                      resize: str = "heatmaps") -> list[np.ndarray]:
        """Blend each drawn heatmap channel over ``image`` (uint8 RGB); one image per channel.

        ``resize``: "heatmaps" (heatmaps are resized to the image) or "image" (the image is
        resized to the heatmaps, cubic).
        """
        _check_draw_image(image)
        alpha = _check_alpha(alpha)
        if resize not in ("heatmaps", "image"):
            raise ValueError(f"resize must be 'heatmaps' or 'image', got {resize!r}")
        if resize == "image":
            image = _resize(image, self.arr_0to1.shape[0:2], "cubic")
        drawn = self.draw(size=image.shape[0:2] if resize == "heatmaps" else None, cmap=cmap)
        return [np.clip((1 - alpha) * image + alpha * heatmap, 0, 255).astype(np.uint8)
                for heatmap in drawn]

    def invert(self) -> HeatmapsOnImage:
        """Values ``v`` become ``max_value - (v - min_value)`` (i.e. ``1 - v`` internally)."""
        return self._from_valid_0to1((1.0 - self.arr_0to1).astype(np.float32), self)

    def pad(self, top: int = 0, right: int = 0, bottom: int = 0, left: int = 0,
            mode: str = "constant", cval: float = 0.0) -> HeatmapsOnImage:
        """Pad the array sides; ``cval`` is in the internal ``[0, 1]`` range (as imgaug)."""
        arr = _pad(self.arr_0to1, top, right, bottom, left, mode, cval).astype(np.float32)
        arr = self._check_value_range(arr, 0.0, 1.0)
        return self._from_valid_0to1(arr, self)

    def pad_to_aspect_ratio(self, aspect_ratio: float, mode: str = "constant",
                            cval: float = 0.0, return_pad_amounts: bool = False) -> Any:
        """Pad left/right or top/bottom until ``width / height == aspect_ratio``.

        Returns the padded heatmaps, plus ``(top, right, bottom, left)`` if
        ``return_pad_amounts``.
        """
        pads = _paddings_for_aspect_ratio(*self.arr_0to1.shape[0:2], aspect_ratio)
        heatmaps = self.pad(*pads, mode=mode, cval=cval)
        return (heatmaps, pads) if return_pad_amounts else heatmaps

    def avg_pool(self, block_size: Any) -> HeatmapsOnImage:
        """Average-pool the array with blocks of ``block_size`` (int or (h, w))."""
        from imgaug2 import imgaug as ia

        arr = ia.avg_pool(self.arr_0to1, block_size, pad_cval=0.0)
        return self._from_valid_0to1(np.asarray(arr, dtype=np.float32), self)

    def max_pool(self, block_size: Any) -> HeatmapsOnImage:
        """Max-pool the array with blocks of ``block_size`` (int or (h, w))."""
        from imgaug2 import imgaug as ia

        arr = ia.max_pool(self.arr_0to1, block_size)
        return self._from_valid_0to1(np.asarray(arr, dtype=np.float32), self)

    def resize(self, sizes: Any, interpolation: Any = "cubic") -> HeatmapsOnImage:
        """Resize the array (``sizes``: float factor, (h, w) ints or (h, w) float fractions);
        the result is clipped to ``[0, 1]`` internally."""
        arr = _resize(self.arr_0to1, sizes, interpolation)
        return self._from_valid_0to1(np.clip(arr, 0.0, 1.0).astype(np.float32), self)

    def scale(self, *args: Any, **kwargs: Any) -> HeatmapsOnImage:
        """Deprecated alias of :meth:`resize`."""
        from imgaug2 import imgaug as ia

        ia.warn_deprecated("HeatmapsOnImage.scale() is deprecated. Use "
                           "HeatmapsOnImage.resize() instead (same interface).", stacklevel=3)
        return self.resize(*args, **kwargs)

    def to_uint8(self) -> np.ndarray:
        """The ``[0, 1]`` array as uint8 ``(H,W,C)`` in ``[0, 255]``."""
        return np.clip(np.round(self.arr_0to1 * 255), 0, 255).astype(np.uint8)

    @staticmethod
    def from_uint8(arr_uint8: np.ndarray, shape: Any, min_value: float = 0.0,
                   max_value: float = 1.0) -> HeatmapsOnImage:
        """Heatmaps from a uint8 array (0..255 maps to ``[min_value, max_value]``)."""
        arr_0to1 = np.asarray(arr_uint8).astype(np.float32) / np.float32(255.0)
        return HeatmapsOnImage.from_0to1(arr_0to1, shape, min_value=min_value,
                                         max_value=max_value)

    @staticmethod
    def from_0to1(arr_0to1: np.ndarray, shape: Any, min_value: float = 0.0,
                  max_value: float = 1.0) -> HeatmapsOnImage:
        """Heatmaps from a ``[0, 1]`` float array that represents ``[min_value, max_value]``."""
        heatmaps = HeatmapsOnImage(arr_0to1, shape, min_value=0.0, max_value=1.0)
        if not min_value < max_value:
            raise ValueError(f"HeatmapsOnImage: min_value ({min_value}) must be lower than "
                             f"max_value ({max_value})")
        heatmaps.min_value = min_value
        heatmaps.max_value = max_value
        return heatmaps

    @classmethod
    def change_normalization(cls, arr: np.ndarray, source: Any, target: Any) -> np.ndarray:
        """Map ``arr`` from the value range ``source`` to ``target`` (``(min, max)`` tuples or
        HeatmapsOnImage instances)."""
        if not isinstance(arr, np.ndarray):
            raise TypeError(f"arr must be a numpy array, got {type(arr).__name__}")
        source = _value_range(source, "source")
        target = _value_range(target, "target")
        eps = float(np.finfo(arr.dtype).eps) if arr.dtype.kind == "f" else 0.0
        if abs(source[0] - target[0]) < 10 * eps and abs(source[1] - target[1]) < 10 * eps:
            return np.copy(arr)
        arr_0to1 = (arr - source[0]) / (source[1] - source[0])
        return target[0] + arr_0to1 * (target[1] - target[0])

    def copy(self) -> HeatmapsOnImage:
        """A copy (imgaug 0.4.0 makes this a deep copy as well)."""
        return self.deepcopy()

    def deepcopy(self) -> HeatmapsOnImage:
        """A deep copy."""
        return self._from_valid_0to1(np.copy(self.arr_0to1), self)

    def __repr__(self) -> str:
        return (f"HeatmapsOnImage(arr shape={self.arr_0to1.shape}, shape={self.shape}, "
                f"min_value={self.min_value}, max_value={self.max_value})")


def _is_zero_one(min_value: float, max_value: float) -> bool:
    eps = float(np.finfo(np.float32).eps)
    return -eps < min_value < eps and 1.0 - eps < max_value < 1.0 + eps


def _value_range(value: Any, name: str) -> tuple[float, float]:
    if isinstance(value, HeatmapsOnImage):
        return value.min_value, value.max_value
    if not isinstance(value, tuple) or len(value) != 2:
        raise ValueError(f"{name} must be a HeatmapsOnImage or a (min, max) tuple, got "
                         f"{value!r}")
    if not value[0] < value[1]:
        raise ValueError(f"{name} must satisfy min < max, got {value!r}")
    return value
