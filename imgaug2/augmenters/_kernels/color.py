"""Colour kernels: OpenCV colour-space conversions and lookup tables. Pure functions on
uint8 arrays (no randomness, no argument validation beyond what the math needs)."""

from __future__ import annotations

import functools

import cv2
import numpy as np

from imgaug2 import _lut
from imgaug2 import dtypes as iadt

COLORSPACES = ("RGB", "BGR", "GRAY", "CIE", "YCrCb", "HSV", "HLS", "Lab", "Luv", "YUV")
# OpenCV's spelling of each colour space inside ``COLOR_<A>2<B>`` constants
_CV2_NAMES = {"RGB": "RGB", "BGR": "BGR", "GRAY": "GRAY", "CIE": "XYZ", "YCrCb": "YCrCb",
              "HSV": "HSV", "HLS": "HLS", "Lab": "Lab", "Luv": "Luv", "YUV": "YUV"}
BRIGHTNESS_CHANNEL = {"YCrCb": 0, "HSV": 2, "HLS": 1, "Lab": 0, "Luv": 0, "YUV": 0}


def _direct_codes() -> dict[tuple[str, str], int]:
    """The conversions OpenCV does in one step: RGB/BGR to anything, anything to RGB/BGR."""
    codes = {}
    for src in COLORSPACES:
        for dst in COLORSPACES:
            if src == dst or src == "GRAY" or ("RGB" not in (src, dst)
                                               and "BGR" not in (src, dst)):
                continue
            name = f"COLOR_{_CV2_NAMES[src]}2{_CV2_NAMES[dst]}"
            if hasattr(cv2, name):
                codes[(src, dst)] = getattr(cv2, name)
    return codes


_CODES = _direct_codes()


def convert(image: np.ndarray, to_colorspace: str, from_colorspace: str) -> np.ndarray:
    """Convert a (H,W,3) uint8 image; returns a new array (or ``image`` if nothing changes).

    GRAY results keep three identical channels. Pairs without a direct OpenCV code go
    through RGB.
    """
    if to_colorspace == from_colorspace or 0 in image.shape[0:2]:
        return image
    if not image.flags.c_contiguous:
        image = np.ascontiguousarray(image)
    code = _CODES.get((from_colorspace, to_colorspace))
    if code is None:
        rgb = cv2.cvtColor(image, _CODES[(from_colorspace, "RGB")])
        return convert(rgb, to_colorspace, "RGB")
    out = cv2.cvtColor(image, code)
    if out.ndim == 2:
        out = cv2.cvtColor(out, cv2.COLOR_GRAY2RGB)
    return out


def check_uint8(arr: np.ndarray, what: str) -> None:
    """UnsupportedDtypeError unless ``arr`` is a uint8 array (``what`` names the argument)."""
    dtype = getattr(arr, "dtype", None)
    if dtype is None or dtype != np.uint8:
        raise iadt.UnsupportedDtypeError(
            f"{what} must be uint8 (colour functions support only uint8, as in imgaug 0.4.0), "
            f"got dtype {dtype}")


def check_colorspace(value: object, arg: str, allow_gray: bool = True) -> None:
    """ValueError unless ``value`` is one of the colour space names."""
    if not isinstance(value, str) or value not in COLORSPACES:
        raise ValueError(f"{arg} must be one of {list(COLORSPACES)}, got {value!r}")
    if not allow_gray and value == "GRAY":
        raise ValueError(f"{arg} cannot be 'GRAY': colours cannot be recovered from grayscale")


def change_colorspace_(image: np.ndarray, to_colorspace: str,
                       from_colorspace: str = "RGB") -> np.ndarray:
    """Convert a uint8 (H,W,3) image from ``from_colorspace`` to ``to_colorspace``.

    Returns a new array (or ``image`` itself when nothing changes); ``image`` is never written
    to. GRAY results keep three channels. Raises TypeError for non-uint8 images and ValueError
    for unknown colour spaces, ``from_colorspace='GRAY'`` or images that are not (H,W,3).
    """
    check_colorspace(to_colorspace, "to_colorspace")
    check_colorspace(from_colorspace, "from_colorspace", allow_gray=False)
    if not isinstance(image, np.ndarray):
        raise TypeError(f"image must be a numpy array, got {type(image).__name__}")
    if image.ndim == 3 and 0 in image.shape[0:2]:
        return image
    check_uint8(image, "image")
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"image must have shape (H,W,3) for colour space conversions, got "
                         f"shape {image.shape}")
    return convert(image, to_colorspace, from_colorspace)


def _per_image(arg: object, arg_name: str, count: int) -> list:
    if isinstance(arg, str):
        return [arg] * count
    try:
        values = list(arg)  # type: ignore[call-overload]
    except TypeError:
        raise TypeError(f"{arg_name} must be a string or an iterable of strings, got "
                        f"{type(arg).__name__}") from None
    if len(values) != count:
        raise ValueError(f"{arg_name} has {len(values)} entries, expected one per image "
                         f"({count})")
    return values


def change_colorspaces_(images, to_colorspaces, from_colorspaces="RGB"):
    """Convert each image of a list or (N,H,W,3) array; colour spaces are one string for all
    images or one per image. Rows of ``images`` are replaced (an array must be writable)."""
    to_list = _per_image(to_colorspaces, "to_colorspaces", len(images))
    from_list = _per_image(from_colorspaces, "from_colorspaces", len(images))
    for i, (to_cs, from_cs) in enumerate(zip(to_list, from_list)):
        images[i] = change_colorspace_(images[i], to_cs, from_cs)
    return images


# --- colour temperature ---------------------------------------------------------------
# Black-body colours from Mitchell Charity's public "bbr_color" data (CIE 1964 10-degree
# CMFs, sRGB), the table imgaug 0.4.0 interpolates: one RGB triple per 100 K, 1000..40000 K.
# Stored compactly: the G/B columns below 6600 K in full, then R/G as "value from kelvin K".
_G_LOW = (56, 71, 83, 93, 101, 109, 115, 121, 126, 131, 137, 142, 147, 152, 157, 161, 165,
          169, 173, 177, 180, 184, 187, 190, 193, 196, 199, 201, 204, 206, 209, 211, 213, 215,
          217, 219, 221, 223, 225, 227, 228, 230, 232, 233, 235, 236, 238, 239, 240, 242, 243,
          244, 245, 246, 248, 249)
_B_LOW = (0,) * 10 + (18, 33, 44, 54, 63, 72, 79, 87, 94, 101, 107, 114, 120, 126, 132, 137,
                      143, 148, 153, 159, 163, 168, 173, 177, 182, 186, 190, 194, 198, 202,
                      206, 210, 213, 217, 220, 224, 227, 230, 233, 236, 239, 242, 245, 248,
                      251, 253)
_R_HIGH = {6600: 254, 6700: 252, 6800: 249, 6900: 247, 7000: 245, 7100: 243, 7200: 240,
           7300: 239, 7400: 237, 7500: 235, 7600: 233, 7700: 231, 7800: 230, 7900: 228,
           8000: 227, 8100: 225, 8200: 224, 8300: 222, 8400: 221, 8500: 220, 8600: 218,
           8700: 217, 8800: 216, 8900: 215, 9000: 214, 9100: 212, 9200: 211, 9300: 210,
           9400: 209, 9500: 208, 9600: 207, 9800: 206, 9900: 205, 10000: 204, 10100: 203,
           10200: 202, 10300: 201, 10500: 200, 10600: 199, 10800: 198, 10900: 197,
           11000: 196, 11200: 195, 11400: 194, 11500: 193, 11700: 192, 11900: 191,
           12100: 190, 12300: 189, 12500: 188, 12700: 187, 12900: 186, 13100: 185,
           13400: 184, 13600: 183, 13900: 182, 14200: 181, 14500: 180, 14800: 179,
           15100: 178, 15500: 177, 15900: 176, 16200: 175, 16700: 174, 17100: 173,
           17600: 172, 18100: 171, 18600: 170, 19200: 169, 19900: 168, 20600: 167,
           21300: 166, 22100: 165, 23000: 164, 24000: 163, 25100: 162, 26400: 161,
           27800: 160, 29300: 159, 31100: 158, 33200: 157, 35600: 156, 38400: 155}
_G_HIGH = {6600: 249, 6700: 247, 6800: 246, 6900: 245, 7000: 243, 7100: 242, 7200: 241,
           7300: 240, 7400: 239, 7500: 238, 7600: 237, 7700: 236, 7800: 235, 7900: 234,
           8000: 233, 8100: 232, 8200: 231, 8300: 230, 8500: 229, 8600: 228, 8700: 227,
           8900: 226, 9000: 225, 9200: 224, 9300: 223, 9500: 222, 9600: 221, 9800: 220,
           10000: 219, 10200: 218, 10400: 217, 10600: 216, 10900: 215, 11100: 214,
           11400: 213, 11600: 212, 11900: 211, 12200: 210, 12600: 209, 12900: 208,
           13300: 207, 13700: 206, 14100: 205, 14600: 204, 15100: 203, 15600: 202,
           16200: 201, 16900: 200, 17600: 199, 18400: 198, 19300: 197, 20300: 196,
           21400: 195, 22700: 194, 24200: 193, 25900: 192, 28000: 191, 30400: 190,
           33400: 189, 37200: 188}


def _step_column(breakpoints: dict[int, int], kelvins: np.ndarray) -> np.ndarray:
    starts = np.array(sorted(breakpoints), dtype=np.int64)
    values = np.array([breakpoints[k] for k in sorted(breakpoints)], dtype=np.float32)
    return values[np.searchsorted(starts, kelvins, side="right") - 1]


@functools.lru_cache(maxsize=1)
def kelvin_table() -> np.ndarray:
    """(391, 3) float32 RGB multipliers in [0, 1] for 1000, 1100, ..., 40000 K."""
    kelvins_high = np.arange(6600, 40001, 100)
    low = np.stack([np.full(56, 255.0), np.array(_G_LOW), np.array(_B_LOW)], axis=1)
    high = np.stack([_step_column(_R_HIGH, kelvins_high), _step_column(_G_HIGH, kelvins_high),
                     np.full(len(kelvins_high), 255.0)], axis=1)
    table = np.concatenate([low, high]).astype(np.float32) / np.float32(255.0)
    table.setflags(write=False)
    return table


def kelvins_to_rgb_multipliers(kelvins: np.ndarray) -> np.ndarray:
    """Linearly interpolated (N, 3) float32 multipliers; kelvins are clipped to 1000..40000."""
    table = kelvin_table()
    kelvins = np.clip(np.asarray(kelvins, dtype=np.float32), 1000, 40000)
    index = kelvins / np.float32(100) - np.float32(10)
    low = np.floor(index)
    factor = (index - low)[:, None]
    low_rows = table[low.astype(np.int32)]
    high_rows = table[np.ceil(index).astype(np.int32)]
    return low_rows + factor * (high_rows - low_rows)


def multiply_channels(image: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    """``round(image * multipliers)`` per channel (multipliers in [0, 1]) via one cv2.LUT."""
    x = np.arange(256, dtype=np.float32)[:, None]
    lut = np.round(x * multipliers.astype(np.float32)[None, :]).astype(np.uint8)
    return cv2.LUT(np.ascontiguousarray(image), lut.reshape(1, 256, image.shape[2]))


# --- quantization -----------------------------------------------------------------------
@functools.cache
def uniform_table(nb_bins: int, to_bin_centers: bool) -> np.ndarray:
    """LUT mapping v to ``floor(v/q)*q`` (+ ``q/2`` for bin centres), ``q = 256/nb_bins``,
    computed in float32, rounded half to even and clipped to 0..255."""
    x = np.arange(256, dtype=np.float32)
    binsize = np.float32(256.0 / nb_bins)
    values = np.floor(x / binsize) * binsize
    if to_bin_centers:
        values = values + binsize / np.float32(2.0)
    table = np.clip(np.round(values), 0, 255).astype(np.uint8)
    table.setflags(write=False)
    return table


def apply_lut_(arr: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Apply a 256-entry uint8 LUT; writes into ``arr`` when it is writable and contiguous."""
    return _lut.apply_lut_(arr, table)


def kmeans(arr: np.ndarray, nb_clusters: int, nb_max_iter: int, eps: float,
           seed: int) -> np.ndarray:
    """cv2.kmeans (random initial centres, one attempt) with OpenCV's RNG seeded to ``seed``;
    every pixel is replaced by its cluster centre (truncated to uint8)."""
    channels = 1 if arr.ndim == 2 else arr.shape[2]
    pixels = arr.reshape(-1, channels).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_MAX_ITER + cv2.TERM_CRITERIA_EPS, int(nb_max_iter),
                float(eps))
    cv2.setRNGSeed(int(seed))
    _, labels, centers = cv2.kmeans(pixels, int(nb_clusters), None, criteria, 1,
                                    cv2.KMEANS_RANDOM_CENTERS)
    return centers.astype(np.uint8)[labels.ravel()].reshape(arr.shape)


# --- hue and saturation -------------------------------------------------------------------
_IDENTITY = np.arange(256, dtype=np.uint8)


def hue_to_255() -> np.ndarray:
    """int16 LUT projecting OpenCV hue 0..179 to 0..255: ``int(float32(h) / 180 * 255)``."""
    x = np.arange(256, dtype=np.float32)
    return ((x / np.float32(180.0)) * np.float32(255.0)).astype(np.int16)


def hue_from_255(hue: np.ndarray) -> np.ndarray:
    """Inverse projection: ``uint8(float32(hue mod 255) / 255 * 180)`` (hue wraps around)."""
    wrapped = np.mod(hue, 255).astype(np.float32)
    return ((wrapped / np.float32(255.0)) * np.float32(180.0)).astype(np.uint8)


def _apply_hs_luts(image_hsv: np.ndarray, hue_lut: np.ndarray,
                   sat_lut: np.ndarray) -> np.ndarray:
    lut = np.stack([hue_lut, sat_lut, _IDENTITY], axis=1).reshape(1, 256, 3)
    return cv2.LUT(image_hsv, lut)


def add_hue_saturation(image_hsv: np.ndarray, hue: int, saturation: int) -> np.ndarray:
    """HSV (hue 0..179) image: hue ``(h + hue) mod 180``, saturation ``clip(s + saturation)``."""
    x = np.arange(256, dtype=np.int32)
    hue_lut = np.mod(x + int(hue), 180).astype(np.uint8)
    sat_lut = np.clip(x + int(saturation), 0, 255).astype(np.uint8)
    return _apply_hs_luts(image_hsv, hue_lut, sat_lut)


def _multiply_rounded(values: np.ndarray, factor: float) -> np.ndarray:
    """``round(values * factor)`` as int16 would hold it (imgaug's Multiply on int16)."""
    info = np.iinfo(np.int16)
    return np.clip(np.round(values.astype(np.float64) * float(factor)), info.min, info.max)


def multiply_hue_saturation(image_hsv: np.ndarray, mul_hue: float | None,
                            mul_saturation: float | None) -> np.ndarray:
    """HSV (hue 0..179) image: hue projected to 0..255, multiplied, wrapped (mod 255) and
    projected back; saturation multiplied and clipped to 0..255. ``None`` means factor 1."""
    x = np.arange(256)
    # the hue always takes the (lossy) trip through the 0..255 projection, as in imgaug
    hue_lut = hue_from_255(_multiply_rounded(hue_to_255(), 1.0 if mul_hue is None else mul_hue))
    if mul_saturation is None:
        sat_lut = _IDENTITY
    else:
        sat_lut = np.clip(_multiply_rounded(x, mul_saturation), 0, 255).astype(np.uint8)
    return _apply_hs_luts(image_hsv, hue_lut, sat_lut)


def blend(foreground: np.ndarray, background: np.ndarray, alpha: float) -> np.ndarray:
    """``alpha * foreground + (1 - alpha) * background``, rounded and saturated (uint8)."""
    return cv2.addWeighted(np.ascontiguousarray(foreground), float(alpha),
                           np.ascontiguousarray(background), 1.0 - float(alpha), 0.0)
