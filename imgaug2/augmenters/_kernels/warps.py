"""Geometric kernels: warps by 3x3 matrices, remaps by displacement fields (no randomness).

Coordinates: OpenCV pixel centres are at integer positions; imgaug2 coordinates put pixel
centres at ``i + 0.5``. Matrices here are in OpenCV's convention; :func:`transform_points`
converts.
"""

from __future__ import annotations

import cv2
import numpy as np

CV2_WARP_DTYPES = (np.uint8, np.uint16, np.int16, np.float32, np.float64)
INTERPOLATIONS = {0: cv2.INTER_NEAREST, 1: cv2.INTER_LINEAR, 2: cv2.INTER_LINEAR,
                  3: cv2.INTER_CUBIC, 4: cv2.INTER_CUBIC, 5: cv2.INTER_LANCZOS4}
BORDER_MODES = {"constant": cv2.BORDER_CONSTANT, "edge": cv2.BORDER_REPLICATE,
                "replicate": cv2.BORDER_REPLICATE, "symmetric": cv2.BORDER_REFLECT,
                "reflect": cv2.BORDER_REFLECT_101, "wrap": cv2.BORDER_WRAP}


def _to_cv2(image: np.ndarray):
    dtype = image.dtype
    if dtype in CV2_WARP_DTYPES:
        return image, dtype
    if dtype in (np.bool_, np.int8, np.float16):
        return image.astype(np.float32), dtype
    return image.astype(np.float64), dtype


def _from_cv2(out: np.ndarray, dtype: np.dtype, ndim: int) -> np.ndarray:
    if ndim == 3 and out.ndim == 2:
        out = out[..., None]
    if out.dtype == dtype:
        return out
    if dtype == np.bool_:
        return out > 0.5
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.clip(np.round(out), info.min, info.max).astype(dtype)
    return out.astype(dtype)


def _chunks(image: np.ndarray, func) -> np.ndarray:
    if image.ndim == 3 and image.shape[2] > 4:
        parts = [func(image[..., i:i + 4]) for i in range(0, image.shape[2], 4)]
        return np.concatenate([p[..., None] if p.ndim == 2 else p for p in parts], axis=2)
    return func(image)


def _border_value(cval, channels: int):
    values = np.broadcast_to(np.asarray(cval, dtype=np.float64).ravel(), (channels,)) \
        if np.asarray(cval).size > 1 else [float(np.asarray(cval).ravel()[0])] * channels
    return tuple(float(v) for v in list(values)[:4]) + (0.0,) * max(0, 4 - channels)


def warp(image: np.ndarray, matrix: np.ndarray, out_hw: tuple[int, int], order: int,
         mode: str, cval) -> np.ndarray:
    """Warp by a 3x3 matrix (affine via warpAffine, else warpPerspective)."""
    work, dtype = _to_cv2(image)
    flags = INTERPOLATIONS[int(order)]
    border = BORDER_MODES[mode]
    height, width = out_hw
    affine = np.allclose(matrix[2], [0, 0, 1])

    def run(im):
        value = _border_value(cval, im.shape[2] if im.ndim == 3 else 1)
        if affine:
            return cv2.warpAffine(im, matrix[:2], (width, height), flags=flags,
                                  borderMode=border, borderValue=value)
        return cv2.warpPerspective(im, matrix, (width, height), flags=flags,
                                   borderMode=border, borderValue=value)

    return _from_cv2(_chunks(work, run), dtype, image.ndim)


def transform_points(xy: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Apply a 3x3 (OpenCV convention) matrix to imgaug2 ``(N, 2)`` coordinates."""
    if len(xy) == 0:
        return xy.astype(np.float32)
    pts = np.concatenate([xy.astype(np.float64) - 0.5, np.ones((len(xy), 1))], axis=1)
    out = pts @ matrix.T
    return (out[:, :2] / out[:, 2:3] + 0.5).astype(np.float32)


def rescale_matrix(matrix: np.ndarray, image_in_hw, image_out_hw, arr_in_hw,
                   arr_out_hw) -> np.ndarray:
    """The same geometric change expressed for arrays of another size (e.g. a small heatmap)."""
    def image_to_array(image_hw, arr_hw):
        ry, rx = arr_hw[0] / image_hw[0], arr_hw[1] / image_hw[1]
        return np.array([[rx, 0, 0.5 * rx - 0.5], [0, ry, 0.5 * ry - 0.5], [0, 0, 1]])

    a_in = image_to_array(image_in_hw, arr_in_hw)
    a_out = image_to_array(image_out_hw, arr_out_hw)
    return a_out @ matrix @ np.linalg.inv(a_in)


def remap(image: np.ndarray, map_x: np.ndarray, map_y: np.ndarray, order: int, mode: str,
          cval) -> np.ndarray:
    """Sample ``image`` at (map_x, map_y) (OpenCV pixel coordinates)."""
    work, dtype = _to_cv2(image)
    flags = INTERPOLATIONS[int(order)]

    def run(im):
        return cv2.remap(im, map_x, map_y, flags, borderMode=BORDER_MODES[mode],
                         borderValue=_border_value(cval, im.shape[2] if im.ndim == 3 else 1))

    return _from_cv2(_chunks(work, run), dtype, image.ndim)


def displace_points(xy: np.ndarray, dx: np.ndarray, dy: np.ndarray,
                    iterations: int = 10) -> np.ndarray:
    """Where points of the input land after ``remap(x + dx, y + dy)``: solve q + d(q) = p by
    fixed-point iteration (accurate for smooth fields)."""
    if len(xy) == 0:
        return xy.astype(np.float32)
    p = xy.astype(np.float32) - 0.5
    q = p.copy()
    h, w = dx.shape
    for _ in range(iterations):
        qx = np.clip(q[:, 0], 0, w - 1).astype(np.float32).reshape(-1, 1)
        qy = np.clip(q[:, 1], 0, h - 1).astype(np.float32).reshape(-1, 1)
        ddx = cv2.remap(dx, qx, qy, cv2.INTER_LINEAR)[:, 0]
        ddy = cv2.remap(dy, qx, qy, cv2.INTER_LINEAR)[:, 0]
        q = np.stack([p[:, 0] - ddx, p[:, 1] - ddy], axis=1)
    return (q + 0.5).astype(np.float32)


def resize_field(field: np.ndarray, hw: tuple[int, int]) -> np.ndarray:
    """A displacement component resized to another array size (values scaled along)."""
    if field.shape == hw:
        return field
    return cv2.resize(field, (hw[1], hw[0]), interpolation=cv2.INTER_LINEAR)


def piecewise_affine_field(jitter: np.ndarray, height: int, width: int) -> tuple[np.ndarray,
                                                                                  np.ndarray]:
    """Dense displacement from jitter at a regular grid ``(rows, cols, 2)`` spanning the image,
    interpolated piecewise-affinely over two triangles per grid cell."""
    rows, cols = jitter.shape[0:2]
    gy = np.linspace(0, height - 1, rows)
    gx = np.linspace(0, width - 1, cols)
    ys = np.arange(height, dtype=np.float32)
    xs = np.arange(width, dtype=np.float32)
    iy = np.clip(np.searchsorted(gy, ys, side="right") - 1, 0, rows - 2)
    ix = np.clip(np.searchsorted(gx, xs, side="right") - 1, 0, cols - 2)
    v = ((ys - gy[iy]) / (gy[iy + 1] - gy[iy]))[:, None].astype(np.float32)
    u = ((xs - gx[ix]) / (gx[ix + 1] - gx[ix]))[None, :].astype(np.float32)
    out = []
    for comp in range(2):
        j = jitter[..., comp].astype(np.float32)
        d00 = j[iy][:, ix]
        d10 = j[iy][:, ix + 1]
        d01 = j[iy + 1][:, ix]
        d11 = j[iy + 1][:, ix + 1]
        lower = (u + v) <= 1.0
        field = np.where(lower, d00 + u * (d10 - d00) + v * (d01 - d00),
                         d11 + (1 - u) * (d01 - d11) + (1 - v) * (d10 - d11))
        out.append(field.astype(np.float32))
    return out[0], out[1]
