"""imgaug 0.4.0's module-level colour functions, checked against OpenCV and their definitions."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import imgaug as ia
from imgaug2.augmenters import color as iacolor

RNG = np.random.default_rng(7)
IMAGE = RNG.integers(0, 256, size=(12, 14, 3), dtype=np.uint8)

_TO_CV2 = {"BGR": cv2.COLOR_RGB2BGR, "CIE": cv2.COLOR_RGB2XYZ, "YCrCb": cv2.COLOR_RGB2YCrCb,
           "HSV": cv2.COLOR_RGB2HSV, "HLS": cv2.COLOR_RGB2HLS, "Lab": cv2.COLOR_RGB2Lab,
           "Luv": cv2.COLOR_RGB2Luv, "YUV": cv2.COLOR_RGB2YUV}
_FROM_CV2 = {"BGR": cv2.COLOR_BGR2RGB, "CIE": cv2.COLOR_XYZ2RGB, "YCrCb": cv2.COLOR_YCrCb2RGB,
             "HSV": cv2.COLOR_HSV2RGB, "HLS": cv2.COLOR_HLS2RGB, "Lab": cv2.COLOR_Lab2RGB,
             "Luv": cv2.COLOR_Luv2RGB, "YUV": cv2.COLOR_YUV2RGB}


def test_module_exports_imgaug_names() -> None:
    for name in ("change_color_temperatures_", "change_color_temperature", "quantize_kmeans",
                 "quantize_uniform", "quantize_uniform_", "quantize_uniform_to_n_bits",
                 "quantize_uniform_to_n_bits_", "posterize", "quantize_colors_kmeans",
                 "quantize_colors_uniform", "change_colorspace_", "change_colorspaces_",
                 "CSPACE_RGB", "CSPACE_Lab", "CSPACE_ALL"):
        assert hasattr(iacolor, name) and hasattr(iaa, name), name
    assert iaa.ChangeColorspace.HSV == iaa.CSPACE_HSV == "HSV"


@pytest.mark.parametrize("space", sorted(_TO_CV2))
def test_change_colorspace_matches_cv2(space: str) -> None:
    readonly = IMAGE.copy()
    readonly.flags.writeable = False
    out = iaa.change_colorspace_(readonly, space)
    assert np.array_equal(out, cv2.cvtColor(IMAGE, _TO_CV2[space]))
    back = iaa.change_colorspace_(out, "RGB", from_colorspace=space)
    assert np.array_equal(back, cv2.cvtColor(out, _FROM_CV2[space]))


def test_change_colorspace_goes_through_rgb_and_gray_keeps_three_channels() -> None:
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV)
    lab = iaa.change_colorspace_(hsv, "Lab", from_colorspace="HSV")
    assert np.array_equal(lab, cv2.cvtColor(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB),
                                            cv2.COLOR_RGB2Lab))
    gray = iaa.change_colorspace_(IMAGE, "GRAY")
    assert gray.shape == IMAGE.shape
    ref = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2GRAY)
    assert all(np.array_equal(gray[..., c], ref) for c in range(3))
    gray_from_hsv = iaa.change_colorspace_(hsv, "GRAY", from_colorspace="HSV")
    assert np.array_equal(gray_from_hsv[..., 0],
                          cv2.cvtColor(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB), cv2.COLOR_RGB2GRAY))
    assert iaa.change_colorspace_(IMAGE, "RGB") is IMAGE


def test_change_colorspace_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="float32"):
        iaa.change_colorspace_(IMAGE.astype(np.float32), "HSV")
    with pytest.raises(ValueError, match="shape"):
        iaa.change_colorspace_(IMAGE[..., :2], "HSV")
    with pytest.raises(ValueError, match="to_colorspace"):
        iaa.change_colorspace_(IMAGE, "XYZ")
    with pytest.raises(ValueError, match="from_colorspace"):
        iaa.change_colorspace_(IMAGE, "RGB", from_colorspace="GRAY")


def test_change_colorspaces_per_image() -> None:
    images = [IMAGE.copy(), IMAGE.copy()]
    out = iaa.change_colorspaces_(images, ["HSV", "BGR"])
    assert np.array_equal(out[0], cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV))
    assert np.array_equal(out[1], IMAGE[..., ::-1])
    batch = np.stack([IMAGE, IMAGE])
    assert np.array_equal(iaa.change_colorspaces_(batch, "BGR")[1], IMAGE[..., ::-1])
    with pytest.raises(ValueError, match="to_colorspaces"):
        iaa.change_colorspaces_([IMAGE.copy()], ["HSV", "Lab"])


def test_color_temperature_uses_black_body_table() -> None:
    white = np.full((2, 3, 3), 255, dtype=np.uint8)
    # public black-body table entries (vendian.org bbr_color, as interpolated by imgaug)
    for kelvin, rgb in ((1000, (255, 56, 0)), (2000, (255, 137, 18)), (6500, (255, 249, 253)),
                        (10000, (204, 219, 255)), (40000, (155, 188, 255))):
        out = iaa.change_color_temperature(white, kelvin)
        assert np.array_equal(out[0, 0], rgb), kelvin
    # halfway between the 1000 K and 1100 K rows (G: 56 and 71)
    out = iaa.change_color_temperature(white, 1050)
    assert tuple(out[0, 0]) == (255, 64, 0)  # round(63.5) with ties to even
    # channelwise multiplication, rounded
    out = iaa.change_color_temperature(IMAGE, 2000)
    mult = np.float32([255, 137, 18]) / np.float32(255)
    assert np.array_equal(out, np.round(IMAGE.astype(np.float32) * mult).astype(np.uint8))


def test_color_temperature_batch_and_colorspace() -> None:
    images = np.stack([IMAGE, IMAGE])
    out = iaa.change_color_temperatures_(images.copy(), [3000, 9000])
    assert np.array_equal(out[0], iaa.change_color_temperature(IMAGE, 3000))
    assert np.array_equal(out[1], iaa.change_color_temperature(IMAGE, 9000))
    bgr = np.ascontiguousarray(IMAGE[..., ::-1])
    out_bgr = iaa.change_color_temperature(bgr, 3000, from_colorspace="BGR")
    assert np.array_equal(out_bgr[..., ::-1], out[0])
    with pytest.raises(ValueError, match="kelvin"):
        iaa.change_color_temperature(IMAGE, 500)
    with pytest.raises(ValueError, match="kelvins"):
        iaa.change_color_temperatures_([IMAGE.copy()], [3000, 4000])
    with pytest.raises(TypeError, match="int16"):
        iaa.change_color_temperature(IMAGE.astype(np.int16), 3000)


def _uniform_reference(values: np.ndarray, nb_bins: int, centers: bool) -> np.ndarray:
    q = 256.0 / nb_bins
    out = np.floor(values / q) * q + (q / 2 if centers else 0)
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


@pytest.mark.parametrize("nb_bins", [2, 3, 5, 16, 100, 255])
def test_quantize_uniform_matches_definition(nb_bins: int) -> None:
    values = np.arange(256, dtype=np.uint8).reshape(16, 16)
    for centers in (True, False):
        out = iaa.quantize_uniform(values, nb_bins, to_bin_centers=centers)
        assert np.array_equal(out, _uniform_reference(values.astype(float), nb_bins, centers))
        assert len(np.unique(out)) <= nb_bins
    assert np.array_equal(values, np.arange(256, dtype=np.uint8).reshape(16, 16))


def test_quantize_uniform_inplace_and_edge_cases() -> None:
    arr = IMAGE.copy()
    out = iaa.quantize_uniform_(arr, 4)
    assert out is arr
    assert np.array_equal(iaa.quantize_uniform(IMAGE, 256), IMAGE)
    with pytest.raises(ValueError, match="nb_bins"):
        iaa.quantize_uniform(IMAGE, 1)
    with pytest.raises(ValueError, match="nb_bins"):
        iaa.quantize_uniform(IMAGE, 300)
    with pytest.raises(TypeError, match="float64"):
        iaa.quantize_uniform(IMAGE.astype(np.float64), 4)
    with pytest.warns(ia.DeprecationWarning):
        old = iaa.quantize_colors_uniform(IMAGE, 4)
    assert np.array_equal(old, iaa.quantize_uniform(IMAGE, 4))


def test_quantize_to_n_bits_and_posterize_keep_high_bits() -> None:
    values = np.arange(256, dtype=np.uint8).reshape(16, 16, 1)
    for nb_bits in range(1, 9):
        mask = (0xFF << (8 - nb_bits)) & 0xFF
        expected = values & mask
        assert np.array_equal(iaa.quantize_uniform_to_n_bits(values, nb_bits), expected)
        assert np.array_equal(iaa.posterize(values, nb_bits), expected)
        arr = values.copy()
        assert iaa.quantize_uniform_to_n_bits_(arr, nb_bits) is arr
    for bad in (0, 9):
        with pytest.raises(ValueError, match="nb_bits"):
            iaa.posterize(values, bad)


def test_quantize_kmeans_clusters_colours() -> None:
    image = np.zeros((20, 20, 3), dtype=np.uint8)
    image[:10] = (10, 200, 30)
    image[10:, :10] = (250, 20, 20)
    image[10:, 10:] = (0, 0, 255)
    noisy = np.clip(image.astype(int) + RNG.integers(-3, 4, image.shape), 0, 255)
    noisy = noisy.astype(np.uint8)
    out = iaa.quantize_kmeans(noisy, 3)
    assert out.shape == noisy.shape and out.dtype == np.uint8
    assert len(np.unique(out.reshape(-1, 3), axis=0)) == 3
    assert np.abs(out.astype(int) - image).max() <= 4  # each region -> its (truncated) mean
    cv2.setRNGSeed(12345)
    again = iaa.quantize_kmeans(noisy, 3)
    assert np.array_equal(out, again)
    gray = iaa.quantize_kmeans(noisy[..., 0], 2)
    assert gray.shape == (20, 20) and len(np.unique(gray)) <= 2
    tiny = IMAGE[:1, :2]
    assert np.array_equal(iaa.quantize_kmeans(tiny, 2), tiny)
    with pytest.warns(ia.DeprecationWarning):
        old = iaa.quantize_colors_kmeans(noisy, 3)
    assert np.array_equal(old, out)
    with pytest.raises(ValueError, match="nb_clusters"):
        iaa.quantize_kmeans(noisy, 1)
    with pytest.raises(TypeError, match="uint16"):
        iaa.quantize_kmeans(noisy.astype(np.uint16), 3)
