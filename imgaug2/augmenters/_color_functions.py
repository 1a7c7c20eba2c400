"""imgaug 0.4.0's module-level colour functions (re-exported by ``imgaug2.augmenters.color``).

All functions accept only uint8 arrays (TypeError otherwise), as in imgaug 0.4.0.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import random as iarandom
from imgaug2.augmenters._kernels import color as kernels

CSPACE_RGB = "RGB"
CSPACE_BGR = "BGR"
CSPACE_GRAY = "GRAY"
CSPACE_YCrCb = "YCrCb"  # noqa: N816 - imgaug's public name
CSPACE_HSV = "HSV"
CSPACE_HLS = "HLS"
CSPACE_Lab = "Lab"  # noqa: N816
CSPACE_Luv = "Luv"  # noqa: N816
CSPACE_YUV = "YUV"
CSPACE_CIE = "CIE"
CSPACE_ALL = set(kernels.COLORSPACES)

change_colorspace_ = kernels.change_colorspace_
change_colorspaces_ = kernels.change_colorspaces_


def _kelvins_per_image(kelvins: Any, count: int) -> np.ndarray:
    if isinstance(kelvins, str):
        raise TypeError("kelvins must be a number or an iterable of numbers, got str")
    if np.ndim(kelvins) == 0:
        values = np.full((count,), kelvins, dtype=np.float32)
    else:
        values = np.asarray(list(kelvins), dtype=np.float32)
        if values.shape != (count,):
            raise ValueError(f"kelvins has {len(values)} entries, expected one per image "
                             f"({count})")
    if not np.all(np.isfinite(values)) or values.min() < 1000 or values.max() > 40000:
        raise ValueError(f"kelvins must be in the interval [1000, 40000], got values in "
                         f"[{values.min():.2f}, {values.max():.2f}]")
    return values


def change_color_temperatures_(images: Any, kelvins: Any, from_colorspaces: Any = CSPACE_RGB
                               ) -> Any:
    """Tint each image like a light source of ``kelvins`` (1000..40000) would.

    ``images``: list of (H,W,3) uint8 arrays or a (N,H,W,3) uint8 array (rows are replaced).
    ``kelvins``: one number for all images or one per image. Each image is converted to RGB,
    multiplied channelwise by the interpolated black-body RGB of its temperature (values in
    [0, 1], result rounded) and converted back to its ``from_colorspaces`` entry.
    """
    if len(images) == 0:
        return images
    values = _kelvins_per_image(kelvins, len(images))
    spaces = kernels._per_image(from_colorspaces, "from_colorspaces", len(images))
    multipliers = kernels.kelvins_to_rgb_multipliers(values)
    for i, space in enumerate(spaces):
        rgb = kernels.change_colorspace_(images[i], CSPACE_RGB, space)
        if rgb.size == 0:
            continue
        images[i] = kernels.convert(kernels.multiply_channels(rgb, multipliers[i]), space,
                                    CSPACE_RGB)
    return images


def change_color_temperature(image: np.ndarray, kelvin: float,
                             from_colorspace: str = CSPACE_RGB) -> np.ndarray:
    """Single-image version of :func:`change_color_temperatures_` (returns a new array)."""
    return change_color_temperatures_([image], [kelvin], from_colorspaces=[from_colorspace])[0]


def _check_quantize_input(arr: Any, name: str) -> None:
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"{name}: arr must be a numpy array, got {type(arr).__name__}")
    kernels.check_uint8(arr, f"{name}: arr")
    if arr.ndim not in (2, 3):
        raise ValueError(f"{name}: arr must have shape (H,W) or (H,W,C), got {arr.shape}")


def _kmeans_(arr: np.ndarray, nb_clusters: int, nb_max_iter: int, eps: float,
             seed: int) -> np.ndarray:
    """Validated k-means quantization with OpenCV's RNG seeded to ``seed``."""
    _check_quantize_input(arr, "quantize_kmeans")
    if not 2 <= nb_clusters <= 256:
        raise ValueError(f"nb_clusters must be in [2, 256], got {nb_clusters}")
    if nb_clusters >= arr.shape[0] * arr.shape[1]:
        return np.copy(arr)
    return kernels.kmeans(arr, nb_clusters, nb_max_iter, eps, seed)


def quantize_kmeans(arr: np.ndarray, nb_clusters: int, nb_max_iter: int = 10,
                    eps: float = 1.0) -> np.ndarray:
    """Reduce ``arr`` (uint8, (H,W) or (H,W,C)) to at most ``nb_clusters`` colours with
    k-means clustering across channels (cv2.kmeans).

    Deterministic, as in imgaug 0.4.0: OpenCV's RNG is seeded with 1 before clustering and
    reseeded from imgaug2's global RNG afterwards. Arrays with at most ``nb_clusters``
    pixels are returned as a copy.
    """
    result = _kmeans_(arr, int(nb_clusters), nb_max_iter, eps, seed=1)
    cv2.setRNGSeed(int(iarandom.get_global_rng().generate_seed_()))
    return result


def quantize_colors_kmeans(image: np.ndarray, n_colors: int, n_max_iter: int = 10,
                           eps: float = 1.0) -> np.ndarray:
    """Deprecated name of :func:`quantize_kmeans`."""
    ia.warn_deprecated("quantize_colors_kmeans() is deprecated; use quantize_kmeans().")
    return quantize_kmeans(image, n_colors, nb_max_iter=n_max_iter, eps=eps)


def quantize_uniform_(arr: np.ndarray, nb_bins: int, to_bin_centers: bool = True
                      ) -> np.ndarray:
    """Quantize each uint8 component into ``nb_bins`` equally sized bins (in place if ``arr``
    is writable): ``floor(v/q)*q`` plus ``q/2`` with ``to_bin_centers``, ``q = 256/nb_bins``.
    """
    if isinstance(arr, np.ndarray) and (nb_bins == 256 or 0 in arr.shape):
        return arr
    _check_quantize_input(arr, "quantize_uniform")
    if not 2 <= nb_bins <= 256:
        raise ValueError(f"nb_bins must be in [2, 256], got {nb_bins}")
    return kernels.apply_lut_(arr, kernels.uniform_table(int(nb_bins), bool(to_bin_centers)))


def quantize_uniform(arr: np.ndarray, nb_bins: int, to_bin_centers: bool = True
                     ) -> np.ndarray:
    """Copying version of :func:`quantize_uniform_`."""
    return quantize_uniform_(np.copy(arr), nb_bins=nb_bins, to_bin_centers=to_bin_centers)


def quantize_colors_uniform(image: np.ndarray, n_colors: int) -> np.ndarray:
    """Deprecated name of :func:`quantize_uniform`."""
    ia.warn_deprecated("quantize_colors_uniform() is deprecated; use quantize_uniform().")
    return quantize_uniform(image, n_colors)


def quantize_uniform_to_n_bits_(arr: np.ndarray, nb_bits: int) -> np.ndarray:
    """Keep the ``nb_bits`` (1..8) highest bits of each uint8 component, zeroing the others
    (in place if ``arr`` is writable); same as ``quantize_uniform_(arr, 2**nb_bits, False)``.
    """
    if not 1 <= nb_bits <= 8:
        raise ValueError(f"nb_bits must be in [1, 8], got {nb_bits}")
    return quantize_uniform_(arr, nb_bins=2 ** int(nb_bits), to_bin_centers=False)


def quantize_uniform_to_n_bits(arr: np.ndarray, nb_bits: int) -> np.ndarray:
    """Copying version of :func:`quantize_uniform_to_n_bits_`."""
    return quantize_uniform_to_n_bits_(np.copy(arr), nb_bits=nb_bits)


def posterize(arr: np.ndarray, nb_bits: int) -> np.ndarray:
    """Alias of :func:`quantize_uniform_to_n_bits` (PIL's name)."""
    return quantize_uniform_to_n_bits(arr, nb_bits)
