"""dtype helpers and dtype gating (imgaug 0.4.0's ``imgaug.dtypes``).

Gating: augmenters declare allowed and disallowed dtype names. A disallowed dtype raises a
``ValueError`` naming the augmenter and the dtype; a dtype in neither list emits a warning (as
imgaug does) and is processed anyway.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np

KIND_TO_DTYPES = {
    "i": ["int8", "int16", "int32", "int64"],
    "u": ["uint8", "uint16", "uint32", "uint64"],
    "b": ["bool"],
    "f": ["float16", "float32", "float64", "float128"],
}

# dtype names imgaug lists in its gates although numpy may not provide them on this platform;
# they are ignored when unavailable.
_OPTIONAL_DTYPE_NAMES = frozenset({"float96", "float128", "float256", "uint128", "uint256",
                                   "int128", "int256"})
_STR_CACHE: dict[str, frozenset[np.dtype]] = {}


# ---- normalization -----------------------------------------------------------------------------
_NAME_CACHE: dict[np.dtype, str] = {}


def dtype_name(dtype: np.dtype) -> str:
    """``dtype.name``, cached (numpy computes the name in Python on every access, which costs
    more than some per-image kernels' bookkeeping)."""
    name = _NAME_CACHE.get(dtype)
    if name is None:
        name = _NAME_CACHE[dtype] = dtype.name
    return name


def normalize_dtype(dtype: Any) -> np.dtype:
    """A ``numpy.dtype`` from a dtype-like, array or numpy scalar."""
    if isinstance(dtype, list):
        raise TypeError("normalize_dtype() expects a single dtype-like, got a list")
    if isinstance(dtype, (np.ndarray, np.generic)):
        return dtype.dtype
    try:
        return np.dtype(dtype)
    except TypeError as exc:
        raise TypeError(f"cannot interpret {dtype!r} as a numpy dtype") from exc


def normalize_dtypes(dtypes: Any) -> list[np.dtype]:
    """A list of ``numpy.dtype`` from one dtype-like or a list of them."""
    if not isinstance(dtypes, list):
        return [normalize_dtype(dtypes)]
    return [normalize_dtype(dtype) for dtype in dtypes]


# ---- value ranges and clipping -----------------------------------------------------------------
def get_value_range_of_dtype(dtype: Any) -> tuple[Any, Any, Any]:
    """``(min, center, max)`` of a dtype; center is ``None`` for bool.

    uint: ``(0, 0.5 * max, max)``, int: ``(min, -0.5, max)``, float: ``(finfo.min, 0.0,
    finfo.max)``, bool: ``(0, None, 1)``.
    """
    dtype = normalize_dtype(dtype)
    if dtype.kind == "f":
        info = np.finfo(dtype)
        if dtype.itemsize <= 8:
            return float(info.min), 0.0, float(info.max)
        return info.min, 0.0, info.max
    if dtype.kind == "u":
        info = np.iinfo(dtype)
        return int(info.min), int(info.min) + 0.5 * int(info.max), int(info.max)
    if dtype.kind == "i":
        info = np.iinfo(dtype)
        return int(info.min), -0.5, int(info.max)
    if dtype.kind == "b":
        return 0, None, 1
    raise ValueError(f"cannot determine the value range of dtype {dtype.name}")


def clip_(array: np.ndarray, min_value: Any, max_value: Any) -> np.ndarray:
    """Clip ``array`` in place (a new array for 0-d input) and return it.

    Bounds outside the dtype's range (or None) are ignored; integer arrays use the bounds
    rounded inwards, so no float conversion happens. Dtypes: bool, all ints, all floats.
    """
    if not isinstance(array, np.ndarray):
        raise TypeError(f"array must be a numpy array, got {type(array).__name__}")
    if array.dtype.kind not in "biuf":
        raise ValueError(f"clip_(): unsupported dtype {array.dtype.name}")
    low, _, high = get_value_range_of_dtype(array.dtype)
    if min_value is not None and min_value <= low:
        min_value = None
    if max_value is not None and max_value >= high:
        max_value = None
    if min_value is None and max_value is None:
        return array
    if array.dtype.kind == "b":
        if array.ndim == 0:
            array = array.copy()
        if min_value is not None and min_value > 0:
            array[...] = True
        if max_value is not None and max_value < 1:
            array[...] = False
        return array
    if array.dtype.kind in "iu":
        min_value = None if min_value is None else int(np.ceil(min_value))
        max_value = None if max_value is None else int(np.floor(max_value))
    if array.ndim == 0:
        return np.clip(array, min_value, max_value)
    np.clip(array, min_value, max_value, out=array)
    return array


def clip_to_dtype_value_range_(array: np.ndarray, dtype: Any, validate: bool | int = True,
                               validate_values: tuple[Any, Any] | None = None) -> np.ndarray:
    """Clip ``array`` in place to ``dtype``'s value range.

    ``validate``: True checks all values, an int ``n`` the first ``n``; ``validate_values``
    gives precomputed ``(min, max)``. A value outside the range then raises ``ValueError``.
    """
    low, _, high = get_value_range_of_dtype(normalize_dtype(dtype))
    if validate:
        if validate is not True:
            if not isinstance(validate, (int, np.integer)) or validate < 1:
                raise ValueError(f"validate must be a bool or an int >= 1, got {validate!r}")
            if validate_values is not None:
                raise ValueError("validate_values must be None if validate is an int")
        if validate_values is not None:
            found_min, found_max = validate_values
        else:
            sample = array if validate is True else array.flat[0:int(validate)]
            found_min, found_max = (np.min(sample), np.max(sample)) if np.size(sample) else (
                low, high)
        if not (low <= found_min <= high and low <= found_max <= high):
            raise ValueError(f"array values [{found_min}, {found_max}] are outside the value "
                             f"range [{low}, {high}] of dtype {normalize_dtype(dtype).name}")
    return clip_(array, low, high)


# ---- dtype changes -----------------------------------------------------------------------------
def change_dtype_(arr: np.ndarray, dtype: Any, clip: bool = True,
                  round: bool = True) -> np.ndarray:  # noqa: A002 - imgaug's name
    """Convert ``arr`` to ``dtype``: float->int/bool rounds (``round``) and values are clipped
    to the target range (``clip``) first. May modify ``arr``; returns the result."""
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"arr must be a numpy array, got {type(arr).__name__}")
    dtype = normalize_dtype(dtype)
    if arr.dtype == dtype:
        return arr
    if round and arr.dtype.kind == "f" and dtype.kind in "uib":
        arr = np.round(arr)
    if clip:
        low, _, high = get_value_range_of_dtype(dtype)
        src_low, _, src_high = get_value_range_of_dtype(arr.dtype)
        if (src_low < low or src_high > high) and arr.dtype.kind != "b":
            if arr.dtype.kind in "iu" and dtype.kind == "f":
                arr = np.clip(arr.astype(np.float64), low, high)
            else:
                arr = clip_(arr if arr.flags.writeable else arr.copy(), low, high)
    return arr.astype(dtype, copy=False)


def change_dtypes_(images: Any, dtypes: Any, clip: bool = True,
                   round: bool = True) -> Any:  # noqa: A002 - imgaug's name
    """:func:`change_dtype_` for an image array (one dtype) or a list (one dtype per image,
    or one for all; the list is modified in place and returned)."""
    if isinstance(images, np.ndarray):
        if isinstance(dtypes, (list, tuple)):
            normalized = normalize_dtypes(list(dtypes))
            if len(normalized) != len(images):
                raise ValueError(f"got {len(normalized)} dtypes for {len(images)} images")
            if len(set(normalized)) > 1:
                raise ValueError("an image array can only be changed to one dtype, got "
                                 f"{sorted({dt.name for dt in normalized})}")
            dtypes = normalized[0]
        return change_dtype_(images, dtypes, clip=clip, round=round)
    if not isinstance(images, list):
        raise TypeError("images must be a numpy array or a list of arrays, got "
                        f"{type(images).__name__}")
    normalized = (normalize_dtypes(list(dtypes)) if isinstance(dtypes, (list, tuple))
                  else [normalize_dtype(dtypes)] * len(images))
    if len(normalized) != len(images):
        raise ValueError(f"got {len(normalized)} dtypes for {len(images)} images")
    for i, (image, dtype) in enumerate(zip(images, normalized)):
        images[i] = change_dtype_(image, dtype, clip=clip, round=round)
    return images


def restore_dtypes_(images: Any, dtypes: Any, clip: bool = True,
                    round: bool = True) -> Any:  # noqa: A002 - imgaug's name
    """Alias of :func:`change_dtypes_`."""
    return change_dtypes_(images, dtypes, clip=clip, round=round)


def copy_dtypes_for_restore(images: Any, force_list: bool = False) -> Any:
    """The dtype(s) to pass to :func:`restore_dtypes_` later."""
    if isinstance(images, np.ndarray):
        return [images.dtype] * len(images) if force_list else images.dtype
    return [image.dtype for image in images]


def increase_itemsize_of_dtype(dtype: Any, factor: int) -> np.dtype:
    """The dtype of the same kind with ``factor`` (1, 2, 4, 8) times the itemsize."""
    dtype = normalize_dtype(dtype)
    if not isinstance(factor, (int, np.integer)) or isinstance(factor, bool):
        raise TypeError(f"factor must be an int, got {factor!r}")
    if factor not in (1, 2, 4, 8):
        raise ValueError(f"factor must be 1, 2, 4 or 8, got {factor}")
    if dtype.kind == "b":
        raise ValueError("cannot increase the itemsize of bool")
    name = f"{dtype.kind}{dtype.itemsize * factor}"
    try:
        return np.dtype(name)
    except TypeError as exc:
        raise TypeError(f"no numpy dtype {name!r} exists (itemsize of {dtype.name} times "
                        f"{factor}); use lower-resolution inputs") from exc


def get_minimal_dtype(arrays: list, increase_itemsize_factor: int = 1) -> np.dtype:
    """The smallest dtype all given arrays/dtypes promote to (optionally widened)."""
    if not isinstance(arrays, list):
        raise TypeError(f"arrays must be a list of arrays or dtypes, got {type(arrays).__name__}")
    if not arrays:
        raise ValueError("cannot determine the minimal dtype of an empty list")
    dtypes = normalize_dtypes(arrays)
    promoted = dtypes[0]
    for dtype in dtypes[1:]:
        promoted = np.promote_types(promoted, dtype)
    if increase_itemsize_factor > 1:
        return increase_itemsize_of_dtype(promoted, increase_itemsize_factor)
    return promoted


def promote_array_dtypes_(arrays: Any, dtypes: Any = None,
                          increase_itemsize_factor: int = 1) -> Any:
    """Convert all arrays to their minimal common dtype (no clipping/rounding)."""
    if dtypes is None:
        dtypes = [arrays.dtype] if isinstance(arrays, np.ndarray) else normalize_dtypes(
            list(arrays))
    elif not isinstance(dtypes, list):
        dtypes = [dtypes]
    dtype = get_minimal_dtype(dtypes, increase_itemsize_factor=increase_itemsize_factor)
    return change_dtypes_(arrays, dtype, clip=False, round=False)


def increase_array_resolutions_(arrays: Any, factor: int) -> Any:
    """Widen every array's dtype by ``factor`` (no clipping/rounding)."""
    if isinstance(arrays, np.ndarray):
        return change_dtype_(arrays, increase_itemsize_of_dtype(arrays.dtype, factor),
                             clip=False, round=False)
    widened = [increase_itemsize_of_dtype(dt, factor) for dt in normalize_dtypes(list(arrays))]
    return change_dtypes_(arrays, widened, round=False, clip=False)


# ---- gating ------------------------------------------------------------------------------------
def _convert_dtype_strs_to_types(dtypes: str) -> frozenset[np.dtype]:
    """Parse space-separated dtype names (e.g. ``"uint8 float32"``) into a set of dtypes.

    Names numpy does not provide on this platform (e.g. ``float128``) are skipped; any other
    unknown name raises ``ValueError``.
    """
    if not isinstance(dtypes, str):
        raise TypeError(f"expected a string of space-separated dtype names, got {dtypes!r}")
    cached = _STR_CACHE.get(dtypes)
    if cached is not None:
        return cached
    result = set()
    for name in dtypes.split():
        try:
            dtype = np.dtype(name)
        except TypeError:
            if name in _OPTIONAL_DTYPE_NAMES:
                continue
            raise ValueError(f"unknown dtype name {name!r} in {dtypes!r}") from None
        if dtype.name != name and name in _OPTIONAL_DTYPE_NAMES:
            continue  # e.g. "float96" meaning a different long double size
        result.add(dtype)
    parsed = frozenset(result)
    _STR_CACHE[dtypes] = parsed
    return parsed


def _names_to_types(names: Any, argument: str) -> frozenset[np.dtype]:
    if isinstance(names, str):
        return _convert_dtype_strs_to_types(names)
    if not isinstance(names, Iterable):
        raise TypeError(f"{argument} must be a string or a list of dtype names/dtypes")
    result = set()
    for name in names:
        if isinstance(name, str):
            result |= _convert_dtype_strs_to_types(name)
        else:
            result.add(normalize_dtype(name))
    return frozenset(result)


def _dtypes_of(dtypes: Any) -> set[np.dtype]:
    if isinstance(dtypes, (np.ndarray, np.generic)):
        return {dtypes.dtype}
    if isinstance(dtypes, np.dtype):
        return {dtypes}
    if isinstance(dtypes, (str, type)):
        return {normalize_dtype(dtypes)}
    if not isinstance(dtypes, Iterable):
        raise TypeError("dtypes must be an array, a dtype or an iterable of arrays/dtypes, got "
                        f"{type(dtypes).__name__}")
    return {normalize_dtype(item) for item in dtypes}


def _describe(augmenter: Any) -> str:
    if augmenter is None:
        return ""
    name = getattr(augmenter, "name", None) or type(augmenter).__name__
    return f" in augmenter '{name}' (class '{type(augmenter).__name__}')"


def _names(dtypes: Iterable[np.dtype]) -> str:
    return ", ".join(sorted(dt.name for dt in dtypes))


class UnsupportedDtypeError(ValueError, TypeError):
    """An array's dtype is not supported by the augmenter or function it was given to.

    Both a ``ValueError`` (what imgaug's dtype gates raise) and a ``TypeError``, so either
    ``except`` clause catches it.
    """


def _gate(found: set[np.dtype], allowed: frozenset[np.dtype],
          disallowed: frozenset[np.dtype], augmenter: Any) -> None:
    not_allowed = found - allowed
    if not not_allowed:
        return
    forbidden = not_allowed & disallowed
    if forbidden:
        dtype = sorted(dt.name for dt in forbidden)[0]
        raise UnsupportedDtypeError(
            f"Got dtype '{dtype}'{_describe(augmenter)}, which is a forbidden dtype "
            f"({_names(disallowed)}). Supported dtypes: {_names(allowed)}.")
    for dtype in sorted(dt.name for dt in not_allowed):
        warnings.warn(f"Got dtype '{dtype}'{_describe(augmenter)}, which was neither "
                      f"explicitly allowed ({_names(allowed)}), nor explicitly disallowed "
                      f"({_names(disallowed)}). Generated outputs may contain errors.",
                      UserWarning, stacklevel=4)


def gate_dtypes_strs(dtypes: Any, allowed: str, disallowed: str, augmenter: Any = None) -> None:
    """Check ``dtypes`` (array(s), dtype(s)) against space-separated dtype name strings.

    A dtype in ``disallowed`` raises ``ValueError`` (naming ``augmenter`` if given); one in
    neither string warns.
    """
    allowed_types = _convert_dtype_strs_to_types(allowed)
    disallowed_types = _convert_dtype_strs_to_types(disallowed)
    overlap = allowed_types & disallowed_types
    if overlap:
        raise ValueError(f"dtypes {_names(overlap)} are both allowed and disallowed")
    _gate(_dtypes_of(dtypes), allowed_types, disallowed_types, augmenter)


def gate_dtypes(dtypes: Any, allowed: Any, disallowed: Any, augmenter: Any = None) -> None:
    """imgaug 0.4.0's gate: ``allowed``/``disallowed`` are lists of dtype names (or dtypes, or
    space-separated strings). See :func:`gate_dtypes_strs`."""
    allowed_types = _names_to_types(allowed, "allowed")
    disallowed_types = _names_to_types(disallowed, "disallowed")
    if not allowed_types:
        raise ValueError("at least one dtype must be allowed")
    overlap = allowed_types & disallowed_types
    if overlap:
        raise ValueError(f"dtypes {_names(overlap)} are both allowed and disallowed")
    _gate(_dtypes_of(dtypes), allowed_types, disallowed_types, augmenter)


_ALL_BUT_UINT8 = ("uint16 uint32 uint64 int8 int16 int32 int64 float16 float32 float64 "
                  "float128 bool")


def allow_only_uint8(dtypes: Any, augmenter: Any = None) -> None:
    """Raise ``ValueError`` unless all ``dtypes`` are uint8."""
    gate_dtypes_strs(dtypes, allowed="uint8", disallowed=_ALL_BUT_UINT8, augmenter=augmenter)


def check_images_dtypes(images: Any, allowed: str, disallowed: str, augmenter: Any) -> None:
    """Gate the dtypes of an image array or a list of images (None or an empty list passes).

    A disallowed dtype raises ``ValueError`` naming ``augmenter`` and the dtype; a dtype in
    neither string warns, as in imgaug.
    """
    if images is None:
        return
    if isinstance(images, np.ndarray):
        found = {images.dtype}
    elif all(type(image) is np.ndarray for image in images):
        found = {image.dtype for image in images}
        if not found:
            return
    else:
        found = set()
        for i, image in enumerate(images):
            if not isinstance(image, np.ndarray):
                raise TypeError(f"images[{i}] must be a numpy array, got "
                                f"{type(image).__name__}{_describe(augmenter)}")
            found.add(image.dtype)
        if not found:
            return
    allowed_types = _convert_dtype_strs_to_types(allowed)
    if found <= allowed_types:
        return
    _gate(found, allowed_types, _convert_dtype_strs_to_types(disallowed), augmenter)


def check_no_nan(images: Any, name: str) -> None:
    """Raise ``ValueError`` if a float image (array or list entry) contains NaN."""
    if images is None:
        return
    items = [images] if isinstance(images, np.ndarray) else images
    for i, image in enumerate(items):
        image = np.asarray(image)
        if image.dtype.kind == "f" and image.size and np.isnan(np.min(image)):
            where = name if isinstance(images, np.ndarray) else f"{name}[{i}]"
            raise ValueError(f"{where} contains NaN values")
