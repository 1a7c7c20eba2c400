"""dtype helpers and gating (imgaug 0.4.0's ``imgaug.dtypes``)."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

_DTYPE_NAMES = {"bool": np.bool_, "uint8": np.uint8, "uint16": np.uint16, "uint32": np.uint32,
                "uint64": np.uint64, "int8": np.int8, "int16": np.int16, "int32": np.int32,
                "int64": np.int64, "float16": np.float16, "float32": np.float32,
                "float64": np.float64, "float128": getattr(np, "float128", np.float64)}


def normalize_dtypes(dtypes: Any) -> list[np.dtype]:
    if not isinstance(dtypes, list):
        return [normalize_dtype(dtypes)]
    return [normalize_dtype(dt) for dt in dtypes]


def normalize_dtype(dtype: Any) -> np.dtype:
    if isinstance(dtype, np.ndarray):
        return dtype.dtype
    if isinstance(dtype, np.generic):
        return dtype.dtype
    return np.dtype(dtype)


def change_dtype_(arr: np.ndarray, dtype: Any, clip: bool = True, round: bool = True):  # noqa: A002
    dtype = normalize_dtype(dtype)
    if arr.dtype == dtype:
        return arr
    if round and arr.dtype.kind == "f" and dtype.kind in "iu":
        arr = np.round(arr)
    if clip and dtype.kind in "iuf":
        low, _, high = get_value_range_of_dtype(dtype)
        if arr.dtype.kind in "iuf" and (arr.dtype.itemsize > dtype.itemsize
                                        or arr.dtype.kind != dtype.kind):
            arr = np.clip(arr, low, high)
    return arr.astype(dtype, copy=False)


def change_dtypes_(images: Any, dtypes: Any, clip: bool = True, round: bool = True):  # noqa: A002
    if isinstance(images, np.ndarray):
        if isinstance(dtypes, list):
            dtypes = dtypes[0]
        return change_dtype_(images, dtypes, clip, round)
    dts = dtypes if isinstance(dtypes, list) else [dtypes] * len(images)
    return [change_dtype_(im, dt, clip, round) for im, dt in zip(images, dts)]


restore_dtypes_ = change_dtypes_


def increase_itemsize_of_dtype(dtype: Any, factor: int) -> np.dtype:
    dtype = normalize_dtype(dtype)
    if dtype.kind == "b":
        return dtype
    return np.dtype(f"{dtype.kind}{dtype.itemsize * factor}")


def get_minimal_dtype(arrays: list, increase_itemsize_factor: int = 1) -> np.dtype:
    dtypes = [normalize_dtype(a) for a in arrays]
    dtype = np.result_type(*dtypes)
    return increase_itemsize_of_dtype(dtype, increase_itemsize_factor) \
        if increase_itemsize_factor > 1 else dtype


def promote_array_dtypes_(arrays: list, dtypes: Any = None, increase_itemsize_factor: int = 1):
    dtype = get_minimal_dtype(arrays if dtypes is None else dtypes, increase_itemsize_factor)
    return [a.astype(dtype, copy=False) for a in arrays]


def increase_array_resolutions_(arrays: list, factor: int):
    return [a.astype(increase_itemsize_of_dtype(a.dtype, factor), copy=False) for a in arrays]


def get_value_range_of_dtype(dtype: Any) -> tuple[Any, Any, Any]:
    """(min, center, max) of a dtype (center None for bool)."""
    dtype = normalize_dtype(dtype)
    if dtype.kind == "b":
        return 0, None, 1
    if dtype.kind == "f":
        info = np.finfo(dtype)
        return float(info.min), 0.0, float(info.max)
    if dtype.kind == "u":
        info = np.iinfo(dtype)
        return int(info.min), (int(info.max) + 1) / 2, int(info.max)
    if dtype.kind == "i":
        info = np.iinfo(dtype)
        return int(info.min), -0.5, int(info.max)
    raise ValueError(f"no value range known for dtype {dtype}")


def clip_(array: np.ndarray, min_value: Any, max_value: Any) -> np.ndarray:
    """Clip in place where possible (values outside the dtype's range are ignored)."""
    if min_value is None and max_value is None:
        return array
    if array.dtype.kind in "iu":
        info = np.iinfo(array.dtype)
        if min_value is not None and min_value <= info.min:
            min_value = None
        if max_value is not None and max_value >= info.max:
            max_value = None
        if min_value is None and max_value is None:
            return array
    if array.size == 0:
        return array
    if array.ndim == 0:
        return np.clip(array, min_value, max_value)
    np.clip(array, min_value, max_value, out=array)
    return array


def clip_to_dtype_value_range_(array: np.ndarray, dtype: Any,
                               validate: bool | int = True, validate_values=None) -> np.ndarray:
    low, _, high = get_value_range_of_dtype(normalize_dtype(dtype))
    return clip_(array, low, high)


def _convert_dtype_strs_to_types(dtypes: Any) -> set[np.dtype]:
    if isinstance(dtypes, str):
        names = dtypes.split()
    else:
        names = list(dtypes)
    result = set()
    for name in names:
        if isinstance(name, str):
            if name not in _DTYPE_NAMES:
                raise ValueError(f"unknown dtype name {name!r}")
            result.add(np.dtype(_DTYPE_NAMES[name]))
        else:
            result.add(normalize_dtype(name))
    return result


def _dtypes_of(images: Any) -> list[np.dtype]:
    if isinstance(images, np.ndarray):
        return [images.dtype]
    if isinstance(images, np.dtype):
        return [images]
    if isinstance(images, list):
        return [normalize_dtype(i) for i in images]
    return [normalize_dtype(images)]


def gate_dtypes_strs(dtypes: Any, allowed: str, disallowed: str, augmenter: Any = None) -> None:
    """Raise ValueError for dtypes in ``disallowed``; warn for dtypes in neither list."""
    allowed_set = _convert_dtype_strs_to_types(allowed)
    disallowed_set = _convert_dtype_strs_to_types(disallowed)
    _gate(_dtypes_of(dtypes), allowed_set, disallowed_set, augmenter)


def gate_dtypes(dtypes: Any, allowed: Any, disallowed: Any, augmenter: Any = None) -> None:
    _gate(_dtypes_of(dtypes), _convert_dtype_strs_to_types(allowed),
          _convert_dtype_strs_to_types(disallowed), augmenter)


def _gate(dts: list[np.dtype], allowed: set, disallowed: set, augmenter: Any) -> None:
    who = f"augmenter {augmenter.name} ({type(augmenter).__name__})" if augmenter is not None \
        else "this function"
    for dt in set(dts):
        if dt in allowed:
            continue
        if dt in disallowed:
            raise ValueError(f"Got dtype '{dt.name}', which is not supported by {who}. "
                             f"Supported dtypes: {sorted(d.name for d in allowed)}")
        warnings.warn(f"Got dtype '{dt.name}' for {who}, which was neither explicitly "
                      "allowed nor disallowed; results may be wrong", stacklevel=3)


def allow_only_uint8(dtypes: Any, augmenter: Any = None) -> None:
    gate_dtypes_strs(dtypes, allowed="uint8",
                     disallowed="bool uint16 uint32 uint64 int8 int16 int32 int64 float16 "
                                "float32 float64 float128", augmenter=augmenter)


def check_images_dtypes(images: Any, allowed: str, disallowed: str, augmenter: Any) -> None:
    """Gate the dtypes of an image array or list (an empty list passes)."""
    if images is None or (isinstance(images, list) and not images):
        return
    gate_dtypes_strs(images if isinstance(images, np.ndarray) else list(images), allowed,
                     disallowed, augmenter)


def check_no_nan(images: Any, name: str) -> None:
    items = [images] if isinstance(images, np.ndarray) else list(images)
    for i, image in enumerate(items):
        if image.dtype.kind == "f" and np.isnan(image).any():
            raise ValueError(f"{name}[{i}] contains NaN values")
