"""Colour kernels (OpenCV conversions, lookup tables); pure functions, uint8 RGB images."""

from __future__ import annotations

import cv2
import numpy as np

COLORSPACES = ("RGB", "BGR", "GRAY", "CIE", "YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV")
_CV2_NAMES = {"CIE": "XYZ", "YCrCb": "YCrCb", "HSV": "HSV", "HLS": "HLS", "Lab": "Lab",
              "Luv": "Luv", "YUV": "YUV", "GRAY": "GRAY", "RGB": "RGB", "BGR": "BGR"}
BRIGHTNESS_CHANNEL = {"YCrCb": 0, "HSV": 2, "HLS": 1, "Lab": 0, "Luv": 0, "YUV": 0}


def _code(src: str, dst: str) -> int:
    name = f"COLOR_{_CV2_NAMES[src]}2{_CV2_NAMES[dst]}"
    if not hasattr(cv2, name):
        raise ValueError(f"no OpenCV conversion from {src} to {dst}")
    return getattr(cv2, name)


def change_colorspace_(image: np.ndarray, to_colorspace: str,
                       from_colorspace: str = "RGB") -> np.ndarray:
    """Convert a uint8 image between colour spaces (GRAY keeps 3 channels)."""
    for name, value in (("to_colorspace", to_colorspace), ("from_colorspace", from_colorspace)):
        if value not in COLORSPACES:
            raise ValueError(f"{name} must be one of {COLORSPACES}, got {value!r}")
    if to_colorspace == from_colorspace:
        return image
    if to_colorspace == "GRAY":
        gray = cv2.cvtColor(image, _code(from_colorspace, "GRAY"))
        return np.repeat(gray[..., None], 3, axis=2)
    if from_colorspace in ("RGB", "BGR") or to_colorspace in ("RGB", "BGR"):
        return cv2.cvtColor(image, _code(from_colorspace, to_colorspace))
    rgb = cv2.cvtColor(image, _code(from_colorspace, "RGB"))
    return cv2.cvtColor(rgb, _code("RGB", to_colorspace))


def change_colorspaces_(images, to_colorspaces, from_colorspaces="RGB"):
    to_list = to_colorspaces if isinstance(to_colorspaces, list) else [to_colorspaces] * len(
        images)
    from_list = from_colorspaces if isinstance(from_colorspaces, list) else [
        from_colorspaces] * len(images)
    return [change_colorspace_(im, t, f) for im, t, f in zip(images, to_list, from_list)]


def to_hsv(image: np.ndarray, from_colorspace: str) -> np.ndarray:
    """HSV with hue scaled to 0..255 (OpenCV's *_FULL conversions)."""
    rgb = image if from_colorspace == "RGB" else change_colorspace_(image, "RGB",
                                                                    from_colorspace)
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV_FULL)


def from_hsv(hsv: np.ndarray, to_colorspace: str) -> np.ndarray:
    rgb = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB_FULL)
    return rgb if to_colorspace == "RGB" else change_colorspace_(rgb, to_colorspace, "RGB")


def modify_hue_saturation(image: np.ndarray, from_colorspace: str, hue_mul: float = 1.0,
                          hue_add: float = 0.0, sat_mul: float = 1.0,
                          sat_add: float = 0.0) -> np.ndarray:
    """Hue is cyclic (wraps around), saturation saturates at 0 and 255."""
    hsv = to_hsv(image, from_colorspace)
    x = np.arange(256, dtype=np.float64)
    hue_lut = (np.round(x * hue_mul + hue_add).astype(np.int64) % 256).astype(np.uint8)
    sat_lut = np.clip(np.round(x * sat_mul + sat_add), 0, 255).astype(np.uint8)
    hsv[..., 0] = cv2.LUT(hsv[..., 0], hue_lut)
    hsv[..., 1] = cv2.LUT(hsv[..., 1], sat_lut)
    return from_hsv(hsv, from_colorspace)


def kelvin_to_rgb(kelvin: float) -> np.ndarray:
    """Approximate RGB (0..1) of a black body at ``kelvin`` (Tanner Helland's fit)."""
    t = np.clip(kelvin, 1000, 40000) / 100.0
    r = 255.0 if t <= 66 else 329.698727446 * (t - 60) ** -0.1332047592
    g = (99.4708025861 * np.log(t) - 161.1195681661) if t <= 66 else (
        288.1221695283 * (t - 60) ** -0.0755148492)
    b = 255.0 if t >= 66 else (0.0 if t <= 19 else 138.5177312231 * np.log(t - 10)
                                - 305.0447927307)
    return np.clip(np.array([r, g, b]), 0, 255) / 255.0


def quantize_uniform(image: np.ndarray, n_colors: int) -> np.ndarray:
    """Each channel to ``n_colors`` evenly spaced levels (bin centres)."""
    n_colors = int(np.clip(n_colors, 2, 256))
    x = np.arange(256, dtype=np.float64)
    width = 256.0 / n_colors
    table = np.clip(np.floor(x / width) * width + width / 2, 0, 255).astype(np.uint8)
    return cv2.LUT(image, table)


def quantize_to_nbits(image: np.ndarray, nb_bits: int) -> np.ndarray:
    """Keep the ``nb_bits`` most significant bits of each channel."""
    nb_bits = int(np.clip(nb_bits, 1, 8))
    mask = np.uint8((0xFF << (8 - nb_bits)) & 0xFF)
    return cv2.bitwise_and(image, np.full_like(image, mask))


def quantize_kmeans(image: np.ndarray, n_colors: int, seed: int) -> np.ndarray:
    """Cluster the pixels into ``n_colors`` with cv2.kmeans and paint each with its centre."""
    pixels = image.reshape(-1, image.shape[2]).astype(np.float32)
    n_colors = int(np.clip(n_colors, 2, max(2, len(np.unique(pixels, axis=0)))))
    cv2.setRNGSeed(int(seed) % (2**31))
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 10, 1.0)
    _, labels, centers = cv2.kmeans(pixels, n_colors, None, criteria, 1,
                                    cv2.KMEANS_PP_CENTERS)
    centers = np.clip(np.round(centers), 0, 255).astype(np.uint8)
    return centers[labels.ravel()].reshape(image.shape)
