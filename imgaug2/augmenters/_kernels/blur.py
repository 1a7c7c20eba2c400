"""Blur kernels (OpenCV); pure functions, no randomness."""

from __future__ import annotations

import cv2
import numpy as np

_CV2_DTYPES = (np.uint8, np.uint16, np.int16, np.float32, np.float64)


def gaussian_ksize(sigma: float) -> int:
    """imgaug's kernel-size rule for a Gaussian of ``sigma`` (odd, grows with sigma)."""
    if sigma < 3.0:
        ksize = 3.3 * sigma
    elif sigma < 5.0:
        ksize = 2.9 * sigma
    else:
        ksize = 2.6 * sigma
    ksize = max(int(ksize), 5)
    return ksize + 1 if ksize % 2 == 0 else ksize


def _as_cv2(image: np.ndarray) -> tuple[np.ndarray, np.dtype]:
    dtype = image.dtype
    if dtype in _CV2_DTYPES:
        return image, dtype
    if dtype == np.bool_ or dtype == np.int8:
        return image.astype(np.float32), dtype
    if dtype == np.float16:
        return image.astype(np.float32), dtype
    return image.astype(np.float64), dtype


def _restore(out: np.ndarray, image: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if image.ndim == 3 and out.ndim == 2:
        out = out[..., None]
    if out.dtype == dtype:
        return out
    if dtype == np.bool_:
        return out > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(out), info.min, info.max).astype(dtype)
    return out.astype(dtype)


def _per_channel_chunks(image: np.ndarray, func) -> np.ndarray:
    if image.ndim == 3 and image.shape[2] > 4:
        return np.concatenate([_ensure3(func(image[..., i:i + 4]))
                               for i in range(0, image.shape[2], 4)], axis=2)
    return func(image)


def _ensure3(arr: np.ndarray) -> np.ndarray:
    return arr[..., None] if arr.ndim == 2 else arr


def blur_gaussian(image: np.ndarray, sigma: float, ksize: int | None = None) -> np.ndarray:
    """Gaussian blur with imgaug's kernel size rule; sigma ~ 0 returns a copy."""
    if sigma < 1e-3:
        return image.copy()
    work, dtype = _as_cv2(image)
    k = gaussian_ksize(sigma) if ksize is None else ksize
    out = _per_channel_chunks(work, lambda im: cv2.GaussianBlur(
        im, (k, k), sigmaX=sigma, sigmaY=sigma, borderType=cv2.BORDER_REFLECT_101))
    return _restore(out, image, dtype)


def blur_avg(image: np.ndarray, kh: int, kw: int) -> np.ndarray:
    if kh <= 1 and kw <= 1:
        return image.copy()
    work, dtype = _as_cv2(image)
    out = _per_channel_chunks(work, lambda im: cv2.blur(im, (kw, kh)))
    return _restore(out, image, dtype)


def blur_median(image: np.ndarray, k: int) -> np.ndarray:
    if k <= 1:
        return image.copy()
    if image.dtype != np.uint8 and k > 5:
        work = image.astype(np.float32)
        out = _per_channel_chunks(work, lambda im: cv2.medianBlur(im, 5))
        return _restore(out, image, image.dtype)
    work = image if image.dtype in (np.uint8, np.float32) else image.astype(np.float32)
    out = _per_channel_chunks(work, lambda im: cv2.medianBlur(im, k))
    return _restore(out, image, image.dtype)


def blur_bilateral(image: np.ndarray, d: int, sigma_color: float,
                   sigma_space: float) -> np.ndarray:
    return _ensure3(cv2.bilateralFilter(image, d, sigma_color, sigma_space))


def motion_kernel(k: int, angle: float, direction: float) -> np.ndarray:
    """A ``k x k`` line kernel at ``angle`` degrees; ``direction`` in [-1, 1] weights one end."""
    matrix = np.zeros((k, k), dtype=np.float32)
    weights = np.linspace(-direction, direction, k) if k > 1 else np.zeros(1)
    weights = (weights + 1.0) / 2.0 + 0.5
    matrix[k // 2, :] = weights
    rot = cv2.getRotationMatrix2D(((k - 1) / 2, (k - 1) / 2), angle, 1.0)
    matrix = cv2.warpAffine(matrix, rot, (k, k), flags=cv2.INTER_LINEAR)
    total = matrix.sum()
    return matrix / total if total > 0 else np.full((k, k), 1.0 / (k * k), np.float32)


def convolve(image: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """2D convolution (cv2.filter2D, reflect-101 borders) saturated to the input dtype."""
    work, dtype = _as_cv2(image)
    ddepth = -1
    out = _per_channel_chunks(work, lambda im: cv2.filter2D(im, ddepth, matrix,
                                                            borderType=cv2.BORDER_REFLECT_101))
    return _restore(out, image, dtype)
