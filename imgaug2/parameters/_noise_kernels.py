"""Pure kernels for the noise parameters: 2D simplex noise, power-law frequency noise and
plane resizing. No randomness here: callers pass seeds / random arrays."""

from __future__ import annotations

import cv2
import numpy as np

INTERPOLATIONS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR,
                  "area": cv2.INTER_AREA, "cubic": cv2.INTER_CUBIC}
_CV2_MAX_CHANNELS = 128  # OpenCV 5 accepts at most 128 channels here


def interpolation_flag(method: object, name: str) -> int:
    """The OpenCV flag of ``method`` ("nearest", "linear", "area", "cubic" or a cv2 constant)."""
    if isinstance(method, str) and method in INTERPOLATIONS:
        return INTERPOLATIONS[method]
    if isinstance(method, (int, np.integer)) and not isinstance(method, (bool, np.bool_)) \
            and int(method) in INTERPOLATIONS.values():
        return int(method)
    raise ValueError(f"Expected {name} to be one of {list(INTERPOLATIONS)} or the matching "
                     f"cv2.INTER_* constant, got {method!r}.")


def resize_plane(array: np.ndarray, height: int, width: int, flag: int) -> np.ndarray:
    """Resize an ``(h, w)`` or ``(h, w, c)`` array to ``(height, width[, c])``.

    Nearest neighbour (OpenCV's rule, source index ``floor(dst * src / dst_size)``) keeps any
    dtype; other interpolations run in float32 with OpenCV and return float32.
    """
    h, w = array.shape[:2]
    if (h, w) == (height, width):
        return array
    if height == 0 or width == 0 or h == 0 or w == 0:
        return np.zeros((height, width) + array.shape[2:], dtype=array.dtype)
    if flag == cv2.INTER_NEAREST:
        rows = np.minimum(np.arange(height) * h // height, h - 1)
        cols = np.minimum(np.arange(width) * w // width, w - 1)
        return array.take(rows, axis=0).take(cols, axis=1)
    src = np.ascontiguousarray(array, dtype=np.float32)
    if src.ndim == 2:
        return cv2.resize(src, (width, height), interpolation=flag)
    chunks = [cv2.resize(np.ascontiguousarray(src[..., i:i + _CV2_MAX_CHANNELS]), (width, height),
                         interpolation=flag)
              for i in range(0, src.shape[2], _CV2_MAX_CHANNELS)]
    chunks = [c[..., None] if c.ndim == 2 else c for c in chunks]
    return chunks[0] if len(chunks) == 1 else np.concatenate(chunks, axis=2)


# ---- simplex noise -----------------------------------------------------------------------------
_F2 = 0.5 * (np.sqrt(3.0) - 1.0)  # skews (x, y) onto the simplex lattice
_G2 = (3.0 - np.sqrt(3.0)) / 6.0  # and back
_SIMPLEX_SCALE = 99.0  # maps the sum of corner contributions (unit gradients) to about [-1, 1]
_HASH_X = np.uint64(0x9E3779B97F4A7C15)
_HASH_Y = np.uint64(0xC2B2AE3D27D4EB4F)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_TO_ANGLE = 2.0 * np.pi / 2.0 ** 53


def _gradient_angles(i: np.ndarray, j: np.ndarray, seed: np.uint64) -> np.ndarray:
    """A pseudo-random gradient direction (radians) per lattice vertex (i, j)."""
    h = (i.astype(np.uint64) * _HASH_X) ^ ((j.astype(np.uint64) ^ seed) * _HASH_Y)
    h ^= h >> np.uint64(30)
    h *= _MIX_1
    h ^= h >> np.uint64(27)
    h *= _MIX_2
    h ^= h >> np.uint64(31)
    return (h >> np.uint64(11)).astype(np.float64) * _TO_ANGLE


def simplex_noise_2d(xs: np.ndarray, ys: np.ndarray, seed: int) -> np.ndarray:
    """2D simplex noise in about ``[-1, 1]`` at the points ``(xs, ys)`` (vectorised).

    Features have a size of about one unit; ``seed`` (a 64 bit int) selects the gradient field.
    """
    seed64 = np.uint64(seed)
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    skew = (xs + ys) * _F2
    i = np.floor(xs + skew)
    j = np.floor(ys + skew)
    unskew = (i + j) * _G2
    x0 = xs - (i - unskew)
    y0 = ys - (j - unskew)
    step_x = (x0 > y0).astype(np.float64)  # which of the two triangles of the cell
    step_y = 1.0 - step_x
    ii = i.astype(np.int64)
    jj = j.astype(np.int64)
    corners = (
        (ii, jj, x0, y0),
        (ii + step_x.astype(np.int64), jj + step_y.astype(np.int64),
         x0 - step_x + _G2, y0 - step_y + _G2),
        (ii + 1, jj + 1, x0 - 1.0 + 2.0 * _G2, y0 - 1.0 + 2.0 * _G2),
    )
    total = np.zeros_like(xs)
    for ci, cj, dx, dy in corners:
        falloff = np.maximum(0.5 - dx * dx - dy * dy, 0.0)
        angle = _gradient_angles(ci, cj, seed64)
        total += falloff ** 4 * (np.cos(angle) * dx + np.sin(angle) * dy)
    return total * _SIMPLEX_SCALE


def simplex_noise_plane(height: int, width: int, seed: int) -> np.ndarray:
    """Simplex noise in ``[0, 1]`` (float32) sampled at the integer pixel coordinates."""
    ys, xs = np.mgrid[0:height, 0:width]
    noise = simplex_noise_2d(xs, ys, seed)
    return np.clip((noise + 1.0) * 0.5, 0.0, 1.0).astype(np.float32)


# ---- frequency noise ---------------------------------------------------------------------------
def _frequency_distances(height: int, width: int) -> np.ndarray:
    fy = np.minimum(np.arange(height), height - np.arange(height)).astype(np.float64)
    fx = np.minimum(np.arange(width), width - np.arange(width)).astype(np.float64)
    return np.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2)


def frequency_noise_plane(white: np.ndarray, exponent: float) -> np.ndarray:
    """Noise with amplitude spectrum ``f ** exponent``, min-max normalised to ``[0, 1]``.

    ``white`` is an ``(H, W, 2)`` array of random normals (real and imaginary parts of the
    spectrum). Negative exponents give large blobs, positive ones fine grain. Returns float32.
    """
    height, width = white.shape[:2]
    dist = _frequency_distances(height, width)
    dist[0, 0] = 1.0
    # f ** exponent relative to its largest value, computed in log space (no overflow)
    log_weights = exponent * np.log(dist)
    weights = np.exp(log_weights - log_weights.max())
    weights[0, 0] = 0.0  # no DC component
    spectrum = (white[..., 0] + 1j * white[..., 1]) * weights
    noise = np.fft.ifft2(spectrum).real
    low, high = noise.min(), noise.max()
    if not high - low > 0:
        return np.full((height, width), 0.5, dtype=np.float32)
    return ((noise - low) / (high - low)).astype(np.float32)
