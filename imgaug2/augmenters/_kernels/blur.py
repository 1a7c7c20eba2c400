"""Blur and convolution kernels (OpenCV, SciPy fallbacks); pure functions, no randomness.

All functions take ``(H,W)`` or ``(H,W,C)`` images, never write into them and return an
array of the input's shape and dtype. dtypes OpenCV cannot filter are mapped as imgaug 0.4.0
does (bool/float16 -> float32, int8 -> int16, int32 -> float64) and mapped back with
rounding and saturation (bool: ``> 0.5``).
"""

from __future__ import annotations

import math
from collections import OrderedDict

import cv2
import numpy as np

from imgaug2 import dtypes as iadt

_CV2_MAX_CHANNELS = 512
_TO_CV2 = {np.dtype(name): target for name, target in (
    ("bool", np.float32), ("float16", np.float32), ("int8", np.int16), ("int32", np.float64))}
_SCIPY_GAUSSIAN = frozenset({"uint32", "uint64", "int64"})


def gaussian_ksize(sigma: float) -> int:
    """imgaug 0.4.0's kernel size for ``sigma``: 3.3/2.9/2.6 sigma (sigma < 3 / < 5 / else),
    at least 5, made odd."""
    if sigma < 3.0:
        ksize = 3.3 * sigma
    elif sigma < 5.0:
        ksize = 2.9 * sigma
    else:
        ksize = 2.6 * sigma
    ksize = int(max(ksize, 5))
    return ksize + 1 if ksize % 2 == 0 else ksize


def _to_cv2(image: np.ndarray) -> np.ndarray:
    target = _TO_CV2.get(image.dtype)
    work = image if target is None else image.astype(target)
    return np.ascontiguousarray(work)


def _restore(out: np.ndarray, like: np.ndarray) -> np.ndarray:
    if like.ndim == 3 and out.ndim == 2:
        out = out[..., None]
    dtype = like.dtype
    if out.dtype == dtype:
        return out
    if dtype == np.bool_:
        return out > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(out), info.min, info.max).astype(dtype)
    return out.astype(dtype)


def _channelwise(work: np.ndarray, func) -> np.ndarray:
    """``func`` on the whole image, or per channel when OpenCV cannot take that many."""
    if work.ndim == 3 and work.shape[2] > _CV2_MAX_CHANNELS:
        return np.stack([func(np.ascontiguousarray(work[..., c]))
                         for c in range(work.shape[2])], axis=-1)
    return func(work)


def blur_gaussian(image: np.ndarray, sigma: float, ksize: int | None = None,
                  backend: str = "auto") -> np.ndarray:
    """Gaussian blur: ``cv2.GaussianBlur`` (reflect-101 borders, imgaug's kernel size) or
    ``scipy.ndimage.gaussian_filter`` (mode ``mirror``) for uint32/uint64/int64."""
    if backend not in ("auto", "cv2", "scipy"):
        raise ValueError(f"backend must be 'auto', 'cv2' or 'scipy', got {backend!r}")
    name = iadt.dtype_name(image.dtype)
    if backend == "cv2" and name in _SCIPY_GAUSSIAN:
        raise iadt.UnsupportedDtypeError(
            f"blur_gaussian_: backend 'cv2' cannot handle dtype {name}; use backend='auto' or "
            "'scipy'")
    if backend == "scipy" or (backend == "auto" and name in _SCIPY_GAUSSIAN):
        return _gaussian_scipy(image, sigma)
    if ksize is None:
        ksize = gaussian_ksize(sigma)
    elif not isinstance(ksize, (int, np.integer)) or isinstance(ksize, bool):
        raise TypeError(f"ksize must be None or an int, got {type(ksize).__name__}")
    ksize = int(ksize)
    ksize = ksize + 1 if ksize % 2 == 0 else ksize
    if ksize <= 0:
        return image.copy()
    out = _channelwise(_to_cv2(image), lambda im: cv2.GaussianBlur(
        im, (ksize, ksize), sigmaX=sigma, sigmaY=sigma, borderType=cv2.BORDER_REFLECT_101))
    return _restore(out, image)


def _gaussian_scipy(image: np.ndarray, sigma: float) -> np.ndarray:
    from scipy import ndimage

    dtype = image.dtype
    work = image.astype(np.float64)
    sigmas = (sigma, sigma) if image.ndim == 2 else (sigma, sigma, 0)
    out = ndimage.gaussian_filter(work, sigmas, mode="mirror")
    if dtype.kind == "f":
        return out.astype(dtype)
    return _restore(out, image)


def blur_avg(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """Mean over ``kh x kw`` windows (``cv2.blur``, reflect-101 borders)."""
    if kh <= 0 or kw <= 0 or (kh == 1 and kw == 1):
        return image.copy()
    out = _channelwise(_to_cv2(image), lambda im: cv2.blur(im, (int(kw), int(kh))))
    return _restore(out, image)


def blur_median(image: np.ndarray, k: int) -> np.ndarray:
    """Median over ``k x k`` windows (odd ``k``), replicated borders as ``cv2.medianBlur``.

    OpenCV handles uint8 (any ``k``) and uint16/float32 (``k`` 3 or 5) with 1, 3 or 4
    channels; everything else goes to ``scipy.ndimage.median_filter(mode='nearest')``,
    which gives the same values.
    """
    if k <= 1:
        return image.copy()
    nb_channels = 1 if image.ndim == 2 else image.shape[2]
    name = iadt.dtype_name(image.dtype)
    cv2_ok = nb_channels in (1, 3, 4) and (name == "uint8" or (
        name in ("uint16", "float32") and k <= 5))
    if cv2_ok:
        out = cv2.medianBlur(np.ascontiguousarray(image), int(k))
        return _restore(out, image)
    from scipy import ndimage

    work = image.view(np.uint8) if name == "bool" else image
    work = work.astype(np.float32) if name == "float16" else work
    size = (k, k) if image.ndim == 2 else (k, k, 1)
    out = ndimage.median_filter(work, size=size, mode="nearest")
    if name == "bool":
        return out.astype(bool)
    return out.astype(image.dtype, copy=False)


def blur_bilateral(image: np.ndarray, d: int, sigma_color: float,
                   sigma_space: float) -> np.ndarray:
    """``cv2.bilateralFilter`` of a uint8 image with 1 or 3 channels."""
    out = cv2.bilateralFilter(np.ascontiguousarray(image), int(d), float(sigma_color),
                              float(sigma_space))
    return _restore(out, image)


_MOTION_CACHE: OrderedDict[tuple, np.ndarray] = OrderedDict()
_MOTION_CACHE_SIZE = 512


def motion_kernel(k: int, angle: float, direction: float, order: int = 1) -> np.ndarray:
    """imgaug 0.4.0's motion-blur kernel (cached per ``(k, angle, direction, order)``).

    A vertical line through the centre column of a ``k x k`` matrix (``k`` made odd) with
    weights ``linspace(d, 1 - d)`` top to bottom, ``d = (clip(direction, -1, 1) + 1) / 2``,
    quantised to uint8 (``* 255``, truncated), rotated clockwise by ``angle`` degrees about
    the matrix centre (``order`` 0: nearest, else bilinear; zero fill), then normalised to
    sum 1.
    """
    key = (int(k), float(angle), float(direction), int(order))
    kernel = _MOTION_CACHE.get(key)
    if kernel is not None:
        return kernel
    k = int(k)
    k = k if k % 2 != 0 else k + 1
    d = (min(max(float(direction), -1.0), 1.0) + 1.0) / 2.0
    # np.linspace(d, 1 - d, k), computed the same way (start + i * step, exact end point)
    weights = np.arange(k, dtype=np.float64) * ((1.0 - 2.0 * d) / max(k - 1, 1)) + d
    weights[-1] = 1.0 - d
    quantised = np.zeros((k, k), dtype=np.uint8)
    quantised[:, k // 2] = (weights.astype(np.float32) * np.float32(255)).astype(np.uint8)
    theta = math.radians(float(angle))
    cos, sin = math.cos(theta), math.sin(theta)
    c = (k - 1) / 2.0
    matrix = np.array([[cos, -sin, c - cos * c + sin * c],
                       [sin, cos, c - sin * c - cos * c]], dtype=np.float64)
    flags = cv2.INTER_NEAREST if order == 0 else cv2.INTER_LINEAR
    rotated = cv2.warpAffine(quantised, matrix, (k, k), flags=flags,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    kernel = rotated.astype(np.float32) * np.float32(1.0 / 255.0)
    total = kernel.sum()
    if total > 0:
        kernel /= total
    _MOTION_CACHE[key] = kernel
    if len(_MOTION_CACHE) > _MOTION_CACHE_SIZE:
        _MOTION_CACHE.popitem(last=False)
    return kernel


def convolve(image: np.ndarray, matrix) -> np.ndarray:
    """``cv2.filter2D`` (correlation, reflect-101 borders, saturated to the dtype) with one 2D
    matrix for all channels or a list with one matrix (or None = unchanged) per channel."""
    if image.size == 0:
        return image.copy()
    if isinstance(matrix, np.ndarray) and image.dtype == np.uint8 and matrix.min() >= 0:
        return _convolve_uint8_nonnegative(image, matrix)
    work = _to_cv2(image)
    if isinstance(matrix, np.ndarray):
        out = _channelwise(work, lambda im: cv2.filter2D(
            im, -1, matrix, borderType=cv2.BORDER_REFLECT_101))
        return _restore(out, image)
    nb_channels = 1 if image.ndim == 2 else image.shape[2]
    if len(matrix) != nb_channels:
        raise ValueError(f"got {len(matrix)} convolution matrices for an image with "
                         f"{nb_channels} channels; expected one per channel")
    if image.ndim == 2:
        m = matrix[0]
        out = work.copy() if m is None else cv2.filter2D(work, -1, m,
                                                         borderType=cv2.BORDER_REFLECT_101)
        return _restore(out, image)
    channels = []
    for c, m in enumerate(matrix):
        ch = np.ascontiguousarray(work[..., c])
        channels.append(ch if m is None else cv2.filter2D(
            ch, -1, m, borderType=cv2.BORDER_REFLECT_101))
    return _restore(np.stack(channels, axis=-1), image)


def _convolve_uint8_nonnegative(image: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """uint8 image, kernel without negative weights: filter in float32 (OpenCV's float path
    costs about half of its 8-bit path for sparse kernels such as motion-blur lines), then
    round and saturate (``convertScaleAbs``; the sum is never negative here)."""
    work = image.astype(np.float32)
    out = _channelwise(work, lambda im: cv2.filter2D(
        im, -1, matrix.astype(np.float32, copy=False), borderType=cv2.BORDER_REFLECT_101))
    return _restore(cv2.convertScaleAbs(out), image)
