"""Elastic displacement fields (Simard et al. 2003) and their use on arrays and points.

A field ``(dx, dy)`` moves content: the warped array is ``out[p] = in[p - d(p)]`` (pixel-index
coordinates), so a point of the input at ``q`` appears where ``p - d(p) = q``.

The noise is drawn as 8-bit levels ``k`` (uniform values ``(k + 0.5) / 256``, variance within
0.002% of continuous uniform noise), which halves the cost of drawing and blurring it; the
affine map from levels to displacements is folded into the remap map.

Smoothing kernel: ``ksize = int(max(k * sigma, 5))`` (made odd) with ``k = 3.3`` for
``sigma < 3``, ``2.9`` for ``sigma < 5`` and ``2.6`` otherwise -- imgaug 0.4.0's Gaussian-blur
kernel size, i.e. 11-21 taps for the default sigma range instead of OpenCV's automatic
``8*sigma + 1`` (33-65 taps). The truncated kernel is renormalised, which keeps the
displacement statistics of imgaug; the blur is ~3.5x cheaper than with 41 taps (sigma 5).
"""

from __future__ import annotations

import functools
import threading
from typing import Any

import cv2
import numpy as np

from imgaug2.augmenters._kernels.geometric import warp as W

_SEARCH_CANDIDATES = 4
MIN_SIGMA = 1e-3  # below this the noise is not smoothed (as imgaug's blur)
NOISE_LEVELS = 256  # noise is drawn as 8-bit levels k, i.e. uniform values (k + 0.5) / 256


def gaussian_ksize(sigma: float) -> int:
    """Odd Gaussian kernel size for ``sigma`` (imgaug's rule, at least 5)."""
    if sigma < 3.0:
        size = 3.3 * sigma
    elif sigma < 5.0:
        size = 2.9 * sigma
    else:
        size = 2.6 * sigma
    size = int(max(size, 5))
    return size + 1 if size % 2 == 0 else size


def noise_padding(sigma: float) -> int:
    """How many pixels of noise to generate beyond each border (the kernel radius)."""
    return gaussian_ksize(sigma) // 2 if sigma >= MIN_SIGMA else 0


def smooth_noise(noise: np.ndarray, sigma: float, pad: int) -> np.ndarray:
    """Blur 8-bit noise levels ``(H + 2*pad, W + 2*pad, 2)`` (uint8) with a Gaussian of
    ``sigma`` and crop ``pad`` pixels per side: float32 ``(H, W, 2)`` smoothed levels
    (a view). Use :func:`displacement` / :func:`remap_map` to turn them into a field."""
    if sigma >= MIN_SIGMA:
        ksize = gaussian_ksize(sigma)
        kernel = cv2.getGaussianKernel(ksize, sigma, cv2.CV_32F)
        smoothed = cv2.sepFilter2D(noise, cv2.CV_32F, kernel, kernel,
                                   borderType=cv2.BORDER_REFLECT_101)
    else:
        smoothed = noise.astype(np.float32)
    if smoothed.ndim == 2:
        smoothed = smoothed[:, :, np.newaxis]
    if pad > 0:
        smoothed = smoothed[pad:-pad, pad:-pad]
    return smoothed


def _level_to_shift(alpha: float) -> tuple[float, float]:
    """``(gain, offset)`` with ``d = gain * level + offset`` for uniform noise in [-1, 1]:
    ``u = (k + 0.5) / 256`` and ``d = alpha * (2u - 1)`` (smoothing is linear and keeps
    constants, so it commutes with this map)."""
    gain = 2.0 * alpha / NOISE_LEVELS
    return gain, alpha * (1.0 / NOISE_LEVELS - 1.0)


def displacement(smoothed: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """The field ``(dx, dy)`` (float32, ``(H, W)``) of smoothed levels and strength ``alpha``."""
    gain, offset = _level_to_shift(alpha)
    field = smoothed * np.float32(gain) + np.float32(offset)
    return np.ascontiguousarray(field[..., 0]), np.ascontiguousarray(field[..., 1])


@functools.lru_cache(maxsize=8)
def _pixel_grid(height: int, width: int) -> np.ndarray:
    grid = np.empty((height, width, 2), dtype=np.float32)
    grid[..., 0] = np.arange(width, dtype=np.float32)[np.newaxis, :]
    grid[..., 1] = np.arange(height, dtype=np.float32)[:, np.newaxis]
    grid.setflags(write=False)
    return grid


def remap_map(smoothed: np.ndarray, alpha: float) -> np.ndarray:
    """``cv2.remap`` map (float32 ``(H, W, 2)``, x and y) ``p - d(p)`` in one fused pass."""
    gain, offset = _level_to_shift(alpha)
    grid = _pixel_grid(smoothed.shape[0], smoothed.shape[1])
    return cv2.addWeighted(smoothed, -gain, grid, 1.0, -offset)


# Per-thread float32 work arrays of the uint8 bicubic remap, reused between images of one
# shape (a fresh source array makes cv2.remap measurably slower); at most 2 x 4 MiB per thread.
_SCRATCH = threading.local()
_SCRATCH_MAX_ELEMENTS = 1 << 20


def _scratch(slot: int, shape: tuple[int, ...]) -> np.ndarray | None:
    """The calling thread's float32 work array ``slot`` of ``shape`` (None if too large)."""
    size = 1
    for side in shape:
        size *= side
    if size > _SCRATCH_MAX_ELEMENTS:
        return None
    buffers = getattr(_SCRATCH, "buffers", None)
    if buffers is None:
        buffers = _SCRATCH.buffers = {}
    buf = buffers.get(slot)
    if buf is None or buf.shape != shape:
        buf = buffers[slot] = np.empty(shape, dtype=np.float32)
    return buf


def remap_image(image: np.ndarray, remap_map: np.ndarray, interpolation: int,
                border_mode: int, cval: Any = 0) -> np.ndarray:
    """``cv2.remap`` of an ``(H, W, C)`` image with a float32 ``(H, W, 2)`` map of its size.

    Dtypes: those of :func:`imgaug2.augmenters._kernels.geometric.warp.remap`, which this
    equals. uint8 images with 1-4 channels and bicubic interpolation are remapped in float32
    and rounded back with saturation: the same values as OpenCV's uint8 bicubic remap (which
    interpolates in float as well), about 1.4x faster. The input is never written.
    """
    if (interpolation == cv2.INTER_CUBIC and image.dtype == np.uint8 and image.ndim == 3
            and 1 <= image.shape[2] <= 4 and image.shape[0:2] == remap_map.shape[0:2]
            and image.shape[0] > 0 and image.shape[1] > 0):
        return _remap_uint8_cubic(image, remap_map, border_mode, cval)
    return W.remap(image, remap_map, None, interpolation, border_mode, cval)


def _remap_uint8_cubic(image: np.ndarray, remap_map: np.ndarray, border_mode: int,
                       cval: Any) -> np.ndarray:
    height, width, nb_channels = image.shape
    W.check_remap_size(height, width)
    if isinstance(cval, (int, float, np.integer, np.floating)) and np.isfinite(cval):
        values = [float(min(max(round(float(cval)), 0), 255))] * nb_channels  # as clip_cval
    else:
        values = W.channel_cvals(cval, nb_channels, image.dtype)
    border_value = tuple(values + [values[-1]] * (4 - nb_channels))
    shape = (height, width) if nb_channels == 1 else (height, width, nb_channels)
    src_u8 = image[:, :, 0] if nb_channels == 1 else image
    src = _scratch(0, shape)
    if src is None:
        src = src_u8.astype(np.float32)
    else:
        np.copyto(src, src_u8)
    dst = _scratch(1, shape)
    warped = cv2.remap(src, np.ascontiguousarray(remap_map, dtype=np.float32), None,
                       cv2.INTER_CUBIC, dst=dst, borderMode=border_mode,
                       borderValue=border_value)
    out = cv2.add(warped, 0.0, dtype=cv2.CV_8U)  # round half to even, saturate
    return out[:, :, np.newaxis] if out.ndim == 2 else out


def remap_map_from_field(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """``cv2.remap`` map ``(H, W, 2)`` of an explicit field."""
    grid = _pixel_grid(dx.shape[0], dx.shape[1])
    return grid - np.stack([dx, dy], axis=-1)


def resize_field(dx: np.ndarray, dy: np.ndarray, height: int, width: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The field of an ``(H, W)`` image expressed for an ``(height, width)`` array.

    The field is resampled (bilinear, pixel-centre aligned) and its vectors are scaled by
    the size ratio, so that content moves to the same relative position.
    """
    src_h, src_w = dx.shape
    if (src_h, src_w) == (height, width):
        return dx, dy
    rdx = cv2.resize(dx, (width, height), interpolation=cv2.INTER_LINEAR)
    rdy = cv2.resize(dy, (width, height), interpolation=cv2.INTER_LINEAR)
    return rdx * np.float32(width / src_w), rdy * np.float32(height / src_h)


def _sample_with_grad(field: np.ndarray, xs: np.ndarray, ys: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bilinear samples of ``field`` and their x/y derivatives (positions clamped)."""
    height, width = field.shape
    xs = np.clip(xs, 0.0, width - 1.0)
    ys = np.clip(ys, 0.0, height - 1.0)
    x0 = np.minimum(np.floor(xs).astype(np.intp), max(width - 2, 0))
    y0 = np.minimum(np.floor(ys).astype(np.intp), max(height - 2, 0))
    x1 = np.minimum(x0 + 1, width - 1)
    y1 = np.minimum(y0 + 1, height - 1)
    fx = xs - x0
    fy = ys - y0
    f00, f01 = field[y0, x0], field[y0, x1]
    f10, f11 = field[y1, x0], field[y1, x1]
    top = f00 * (1 - fx) + f01 * fx
    bottom = f10 * (1 - fx) + f11 * fx
    grad_x = (f01 - f00) * (1 - fy) + (f11 - f10) * fy
    grad_y = bottom - top
    return top * (1 - fy) + bottom * fy, grad_x, grad_y


def _sample(field: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Bilinear samples of ``field`` at float pixel-index positions (clamped to the array)."""
    return _sample_with_grad(field, xs, ys)[0]


def _residual(px: np.ndarray, py: np.ndarray, qx: np.ndarray, qy: np.ndarray,
              dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    return np.hypot(px - _sample(dx, px, py) - qx, py - _sample(dy, px, py) - qy)


def _newton(px: np.ndarray, py: np.ndarray, qx: np.ndarray, qy: np.ndarray, dx: np.ndarray,
            dy: np.ndarray, steps: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """Newton steps on ``f(p) = p - d(p) - q`` with step halving when the residual grows."""
    px, py = px.copy(), py.copy()
    for _ in range(steps):
        vx, gxx, gxy = _sample_with_grad(dx, px, py)
        vy, gyx, gyy = _sample_with_grad(dy, px, py)
        fx, fy = px - vx - qx, py - vy - qy
        res = np.hypot(fx, fy)
        if res.max() < 1e-6:
            break
        # Jacobian of f: I - grad(d)
        a, b, c, d = 1 - gxx, -gxy, -gyx, 1 - gyy
        det = a * d - b * c
        ok = np.abs(det) > 1e-9
        det = np.where(ok, det, 1.0)
        step_x = np.where(ok, (d * fx - b * fy) / det, 0.0)
        step_y = np.where(ok, (-c * fx + a * fy) / det, 0.0)
        scale = np.ones_like(px)
        for _ in range(5):
            nx, ny = px - scale * step_x, py - scale * step_y
            worse = _residual(nx, ny, qx, qy, dx, dy) > res
            if not worse.any():
                break
            scale = np.where(worse, scale / 2, scale)
        nx, ny = px - scale * step_x, py - scale * step_y
        better = _residual(nx, ny, qx, qy, dx, dy) <= res
        px, py = np.where(better, nx, px), np.where(better, ny, py)
    return px, py


def invert_points(xy: np.ndarray, dx: np.ndarray, dy: np.ndarray, iterations: int = 10,
                  tolerance: float = 0.01, search_radius: int | None = None) -> np.ndarray:
    """Where the points ``xy`` (pixel-index, ``(N, 2)``) of the input end up in the output.

    Solves ``p - d(p) = q`` per point (``d`` sampled bilinearly): fixed-point iterations
    ``p <- q + d(p)`` from ``q + d(q)``, then Newton steps (with step halving). Points whose
    residual ``|p - d(p) - q|`` stays above ``tolerance`` px (fields strong enough to fold
    the image) fall back to a search: the positions on a 0.25 px grid within
    ``search_radius`` (default: largest displacement + 2) whose sources ``p - d(p)`` are
    closest to ``q`` are refined on a 0.02 px grid and by Newton steps; the best is kept.
    """
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    if len(pts) == 0 or dx.size == 0:
        return pts.copy()
    dx64 = dx.astype(np.float64)
    dy64 = dy.astype(np.float64)
    qx, qy = pts[:, 0], pts[:, 1]
    px = qx + _sample(dx64, qx, qy)
    py = qy + _sample(dy64, qx, qy)
    for _ in range(iterations):
        px, py = qx + _sample(dx64, px, py), qy + _sample(dy64, px, py)
    px, py = _newton(px, py, qx, qy, dx64, dy64)
    res = _residual(px, py, qx, qy, dx64, dy64)
    bad = np.flatnonzero(~(res <= tolerance))
    if bad.size == 0:
        return np.stack([px, py], axis=1)
    height, width = dx.shape
    radius = search_radius
    if radius is None:
        radius = int(np.ceil(max(np.abs(dx64).max(), np.abs(dy64).max()))) + 2
    coarse = np.arange(-radius, radius + 1e-9, 0.25)
    fine = np.arange(-0.5, 0.5 + 1e-9, 0.02)
    for k in bad:
        gx, gy = np.meshgrid(np.clip(np.round(qx[k]) + coarse, 0, width - 1),
                             np.clip(np.round(qy[k]) + coarse, 0, height - 1))
        gx, gy = gx.ravel(), gy.ravel()
        order = np.argsort(_residual(gx, gy, qx[k], qy[k], dx64, dy64))
        for idx in order[:_SEARCH_CANDIDATES]:
            fx_, fy_ = np.meshgrid(np.clip(gx[idx] + fine, 0, width - 1),
                                   np.clip(gy[idx] + fine, 0, height - 1))
            fx_, fy_ = fx_.ravel(), fy_.ravel()
            best = int(np.argmin(_residual(fx_, fy_, qx[k], qy[k], dx64, dy64)))
            sx, sy = _newton(fx_[best:best + 1], fy_[best:best + 1], qx[k:k + 1],
                             qy[k:k + 1], dx64, dy64)
            cand = float(_residual(sx, sy, qx[k:k + 1], qy[k:k + 1], dx64, dy64)[0])
            if cand < res[k]:
                px[k], py[k], res[k] = sx[0], sy[0], cand
    return np.stack([px, py], axis=1)
