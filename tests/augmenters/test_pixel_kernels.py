"""Pixel-value augmenters against independent NumPy/OpenCV references."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmenters._kernels.blur import gaussian_ksize

RNG = np.random.default_rng(0)
IMAGE = RNG.integers(0, 256, (32, 40, 3), dtype=np.uint8)


def test_add_and_multiply_match_saturating_formulas() -> None:
    out = iaa.Add(37)(image=IMAGE)
    assert np.array_equal(out, np.clip(IMAGE.astype(int) + 37, 0, 255).astype(np.uint8))
    out = iaa.Add(-300)(image=IMAGE)
    assert out.max() == 0
    out = iaa.Multiply(1.7)(image=IMAGE)
    expected = np.clip(IMAGE.astype(np.float32) * np.float32(1.7), 0, 255).astype(np.uint8)
    assert np.array_equal(out, expected)  # imgaug truncates the float32 product
    f = IMAGE.astype(np.float32) / 255
    assert np.allclose(iaa.Multiply(0.5)(image=f), f * 0.5)
    i16 = (IMAGE.astype(np.int16) - 128) * 200
    assert np.array_equal(iaa.Add(30000)(image=i16),
                          np.clip(i16.astype(int) + 30000, -32768, 32767).astype(np.int16))


def test_per_channel_uses_one_value_per_channel() -> None:
    flat = np.full((4, 4, 3), 100, dtype=np.uint8)
    out = iaa.Add((-50, 50), per_channel=True, seed=1)(image=flat)
    assert len({int(out[..., c].mean()) for c in range(3)}) == 3
    assert all(len(np.unique(out[..., c])) == 1 for c in range(3))


def test_dropout_fraction_and_coarse_blocks() -> None:
    big = np.full((200, 200, 3), 200, dtype=np.uint8)
    out = iaa.Dropout(p=0.25, seed=0)(image=big)
    assert abs((out[..., 0] == 0).mean() - 0.25) < 0.02
    assert np.array_equal(out[..., 0] == 0, out[..., 1] == 0)  # not per channel
    coarse = iaa.CoarseDropout(p=0.3, size_px=4, seed=0)(image=big)
    dropped = coarse[..., 0] == 0
    # a 4x4 mask upscaled to 200x200: blocks of 50x50
    assert dropped[:50, :50].all() or not dropped[:50, :50].any()


def test_gaussian_noise_statistics() -> None:
    flat = np.full((200, 200, 1), 128, dtype=np.uint8)
    out = iaa.AdditiveGaussianNoise(scale=10, seed=0)(image=flat).astype(np.float64)
    assert abs(out.mean() - 128) < 0.5 and abs(out.std() - 10) < 0.5


@pytest.mark.parametrize("sigma", [0.5, 1.0, 2.5])
def test_gaussian_blur_matches_cv2(sigma: float) -> None:
    k = gaussian_ksize(sigma)
    ref = cv2.GaussianBlur(IMAGE, (k, k), sigmaX=sigma, sigmaY=sigma,
                           borderType=cv2.BORDER_REFLECT_101)
    assert np.array_equal(iaa.GaussianBlur(sigma=sigma)(image=IMAGE), ref)
    assert gaussian_ksize(1.0) == 5


def test_average_median_bilateral_match_cv2() -> None:
    assert np.array_equal(iaa.AverageBlur(k=5)(image=IMAGE), cv2.blur(IMAGE, (5, 5)))
    assert np.array_equal(iaa.MedianBlur(k=5)(image=IMAGE), cv2.medianBlur(IMAGE, 5))
    assert np.array_equal(iaa.BilateralBlur(d=5, sigma_color=50, sigma_space=50)(image=IMAGE),
                          cv2.bilateralFilter(IMAGE, 5, 50, 50))
    with pytest.raises(ValueError, match="MedianBlur"):
        iaa.MedianBlur(k=3)(image=IMAGE.astype(np.int16))


def test_contrast_formulas() -> None:
    x = IMAGE.astype(np.float64)
    gamma = iaa.GammaContrast(2.0)(image=IMAGE)
    assert np.abs(gamma.astype(int) - np.round(255 * (x / 255) ** 2)).max() <= 1
    linear = iaa.LinearContrast(1.5)(image=IMAGE)
    ref = np.clip(np.round(127.5 + 1.5 * (x - 127.5)), 0, 255)
    assert np.abs(linear.astype(int) - ref).max() <= 1
    sigmoid = iaa.SigmoidContrast(gain=10, cutoff=0.5)(image=IMAGE)
    ref = np.round(255 / (1 + np.exp(10 * (0.5 - x / 255))))
    assert np.abs(sigmoid.astype(int) - ref).max() <= 1
    with pytest.raises(ValueError, match="GammaContrast"):
        iaa.GammaContrast(1.5)(image=IMAGE.astype(bool))


def test_grayscale_matches_cv2() -> None:
    gray = cv2.cvtColor(cv2.cvtColor(IMAGE, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    assert np.array_equal(iaa.Grayscale(1.0)(image=IMAGE), gray)
    half = iaa.Grayscale(0.5)(image=IMAGE).astype(int)
    assert np.abs(half - (IMAGE.astype(int) + gray) / 2).max() <= 1


def test_superpixels_replace_segments_with_means() -> None:
    image = np.zeros((40, 40, 3), dtype=np.uint8)
    image[:, 20:] = 200
    out = iaa.Superpixels(p_replace=1.0, n_segments=4, max_size=None)(image=image)
    assert out.shape == image.shape
    assert len(np.unique(out[..., 0])) <= 6
    assert abs(float(out.mean()) - float(image.mean())) < 10


def test_clahe_and_equalization_match_cv2() -> None:
    gray = IMAGE[..., :1].copy()
    ref = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(4, 4)).apply(gray[..., 0])
    out = iaa.AllChannelsCLAHE(clip_limit=2.0, tile_grid_size_px=4)(image=gray)
    assert np.array_equal(out[..., 0], ref)
    eq = iaa.AllChannelsHistogramEqualization()(image=IMAGE)
    assert np.array_equal(eq[..., 1], cv2.equalizeHist(np.ascontiguousarray(IMAGE[..., 1])))
    lab = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2Lab)
    lab[..., 0] = cv2.equalizeHist(np.ascontiguousarray(lab[..., 0]))
    assert np.array_equal(iaa.HistogramEqualization()(image=IMAGE),
                          cv2.cvtColor(lab, cv2.COLOR_Lab2RGB))


def test_colorspace_conversions_match_cv2() -> None:
    hsv = iaa.ChangeColorspace("HSV")(image=IMAGE)
    assert np.array_equal(hsv, cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV))
    same = iaa.WithColorspace("HSV", children=[])(image=IMAGE)
    assert np.abs(same.astype(int) - IMAGE).max() <= 6  # lossy uint8 HSV round trip
    quant = iaa.UniformColorQuantizationToNBits(nb_bits=3)(image=IMAGE)
    assert np.array_equal(quant, IMAGE & 0b11100000)
    kmeans = iaa.KMeansColorQuantization(n_colors=4, to_colorspace="RGB")(image=IMAGE)
    assert len(np.unique(kmeans.reshape(-1, 3), axis=0)) <= 4


def test_contrast_normalization_is_deprecated_linear_contrast() -> None:
    from imgaug2.imgaug import DeprecationWarning as IaDeprecationWarning

    with pytest.warns(IaDeprecationWarning):
        aug = iaa.ContrastNormalization(1.5)
    assert isinstance(aug, iaa.LinearContrast)


def test_invert_solarize_and_jpeg_match_formulas() -> None:
    assert np.array_equal(iaa.Invert(1.0)(image=IMAGE), 255 - IMAGE)
    solar = iaa.Solarize(1.0, threshold=128)(image=IMAGE)
    assert np.array_equal(solar, np.where(IMAGE >= 128, 255 - IMAGE, IMAGE))
    compression = 70  # imgaug's mapping: quality = round(1 + 99 * (1 - 70 / 101)) = 31
    quality = 31
    bgr = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2BGR)
    ref = cv2.cvtColor(cv2.imdecode(cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY,
                                                               quality])[1], cv2.IMREAD_COLOR),
                       cv2.COLOR_BGR2RGB)
    assert np.array_equal(iaa.JpegCompression(compression=compression)(image=IMAGE), ref)


def test_salt_pepper_values_and_channel_dropout() -> None:
    flat = np.full((100, 100, 3), 100, dtype=np.uint8)
    salt = iaa.Salt(p=0.2, seed=0)(image=flat)
    assert set(np.unique(salt).tolist()) == {100, 255}
    pepper = iaa.Pepper(p=0.2, seed=0)(image=flat)
    assert set(np.unique(pepper).tolist()) == {0, 100}
    both = iaa.SaltAndPepper(p=0.3, seed=0)(image=flat)
    assert set(np.unique(both).tolist()) == {0, 100, 255}
    dropped = iaa.Dropout2d(p=1.0, nb_keep_channels=1, seed=0)(image=flat)
    assert sum(int(dropped[..., c].any()) for c in range(3)) == 1


def test_total_dropout_keeps_annotations_in_sync() -> None:
    from imgaug2.augmentables.kps import KeypointsOnImage

    kps = KeypointsOnImage.from_xy_array([[3.0, 4.0]], shape=IMAGE.shape)
    image_aug, kps_aug = iaa.TotalDropout(1.0)(image=IMAGE, keypoints=kps)
    assert image_aug.max() == 0 and len(kps_aug) == 0


def test_canny_matches_cv2_canny() -> None:
    from imgaug2.augmenters.edges import RandomColorsBinaryImageColorizer

    aug = iaa.Canny(alpha=1.0, hysteresis_thresholds=((80, 80), (160, 160)),
                    sobel_kernel_size=3,
                    colorizer=RandomColorsBinaryImageColorizer(color_true=255, color_false=0))
    out = aug(image=IMAGE)
    ref = cv2.Canny(IMAGE, 80, 160, apertureSize=3, L2gradient=True)
    assert np.array_equal(out[..., 0] > 0, ref > 0)
