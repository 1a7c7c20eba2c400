"""Contrast augmenters and functions against NumPy/OpenCV references."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmenters import contrast as iaa_contrast

RNG = np.random.default_rng(5)
IMAGE = RNG.integers(0, 256, (20, 24, 3), dtype=np.uint8)
X01 = np.linspace(0, 1.0, num=256, dtype=np.float32)
V = np.arange(256, dtype=np.float32)


def _apply(table: np.ndarray, image: np.ndarray = IMAGE) -> np.ndarray:
    return np.clip(table, 0, 255).astype(np.uint8)[image]


@pytest.mark.parametrize("gamma", [0.5, 1.0, 1.7])
def test_gamma_uint8_matches_float32_table(gamma: float) -> None:
    ref = _apply(X01 ** np.float32(gamma) * 255)
    assert np.array_equal(iaa.GammaContrast(gamma)(image=IMAGE), ref)
    assert np.array_equal(iaa_contrast.adjust_contrast_gamma(IMAGE, gamma), ref)


def test_gamma_one_is_identity_for_uint8() -> None:
    assert np.array_equal(iaa.GammaContrast(1.0)(image=IMAGE), IMAGE)
    assert np.array_equal(iaa.LinearContrast(1.0)(image=IMAGE), IMAGE)


def test_sigmoid_log_linear_uint8_tables() -> None:
    gain, cutoff = np.float32(8.0), np.float32(0.4)
    ref = _apply(255 * 1 / (1 + np.exp(gain * (cutoff - X01))))
    assert np.array_equal(iaa.SigmoidContrast(gain=8.0, cutoff=0.4)(image=IMAGE), ref)
    ref = _apply(255 * np.float32(1.3) * np.log2(1 + X01))
    assert np.array_equal(iaa.LogContrast(gain=1.3)(image=IMAGE), ref)
    ref = _apply(127 + np.float32(1.6) * (V - 127))
    assert np.array_equal(iaa.LinearContrast(1.6)(image=IMAGE), ref)
    ref = _apply(127 + np.float32(-1.0) * (V - 127))  # negative alpha inverts
    assert np.array_equal(iaa_contrast.adjust_contrast_linear(IMAGE, -1.0), ref)


def test_non_uint8_curves_follow_scikit_image_formulas() -> None:
    u16 = RNG.integers(0, 65536, (10, 10, 1)).astype(np.uint16)
    x = u16.astype(np.float64) / 65535
    out = iaa_contrast.adjust_contrast_gamma(u16, 2.0)
    assert out.dtype == np.uint16
    assert np.abs(out.astype(np.float64) - np.floor(x ** 2 * 65535)).max() <= 1
    out = iaa_contrast.adjust_contrast_sigmoid(u16, 6.0, 0.5)
    assert np.abs(out - np.floor(65535 / (1 + np.exp(6 * (0.5 - x))))).max() <= 1
    out = iaa_contrast.adjust_contrast_log(u16, 2.0)  # exceeds the range: saturates
    ref = np.clip(np.floor(2.0 * np.log2(1 + x) * 65535), 0, 65535)
    assert np.abs(out.astype(np.float64) - ref).max() <= 1
    f32 = RNG.random((6, 6, 2)).astype(np.float32)
    assert np.allclose(iaa_contrast.adjust_contrast_gamma(f32, 0.5), np.sqrt(f32), atol=1e-6)
    assert np.allclose(iaa_contrast.adjust_contrast_log(f32, 1.5), 1.5 * np.log2(1 + f32),
                       atol=1e-6)


def test_negative_values_count_as_zero_for_curves() -> None:
    i16 = np.array([[-500, 0, 16383, 32767]], dtype=np.int16)[..., None]
    out = iaa_contrast.adjust_contrast_gamma(i16, 2.0)
    assert out.dtype == np.int16
    assert out[0, 0, 0] == 0 and out[0, 1, 0] == 0 and out[0, 3, 0] == 32767
    assert out[0, 2, 0] == np.floor((16383 / 32767) ** 2 * 32767)


def test_linear_non_uint8_centers() -> None:
    u16 = np.array([[0, 32767, 65535]], dtype=np.uint16)[..., None]
    out = iaa_contrast.adjust_contrast_linear(u16, 0.5)
    assert out[..., 0].tolist() == [[np.round(32767 - 0.5 * 32767), 32767,
                                     np.round(32767 + 0.5 * 32768)]]
    i8 = np.array([[-100, 0, 100]], dtype=np.int8)[..., None]
    assert iaa_contrast.adjust_contrast_linear(i8, 2.0)[..., 0].tolist() == [[-128, 0, 127]]
    f32 = np.array([[0.25, 0.5]], dtype=np.float32)[..., None]
    assert np.allclose(iaa_contrast.adjust_contrast_linear(f32, 2.0)[..., 0], [[0.5, 1.0]])


@pytest.mark.parametrize("dtype", ["uint8", "uint16", "uint32", "int8", "int16", "int32",
                                   "float16", "float32", "float64"])
def test_contrast_dtypes_kept(dtype: str) -> None:
    dt = np.dtype(dtype)
    image = (RNG.random((8, 8, 3)) * (1.0 if dt.kind == "f" else 100)).astype(dt)
    for aug in (iaa.GammaContrast(1.5), iaa.SigmoidContrast(6, 0.5), iaa.LogContrast(0.8),
                iaa.LinearContrast(1.2, per_channel=True)):
        out = aug(image=image)
        assert out.dtype == dt and out.shape == image.shape


@pytest.mark.parametrize("dtype", ["bool", "uint64", "int64"])
def test_linear_contrast_rejects_dtypes(dtype: str) -> None:
    image = np.zeros((4, 4, 1), dtype=dtype)
    with pytest.raises(ValueError, match=dtype):
        iaa.LinearContrast(1.2)(image=image)


def test_curves_reject_bool_and_bad_input() -> None:
    image = np.zeros((4, 4, 1), dtype=bool)
    with pytest.raises(ValueError, match="bool"):
        iaa.GammaContrast(1.5)(image=image)
    with pytest.raises(ValueError, match="bool"):
        iaa_contrast.adjust_contrast_gamma(image, 1.5)
    with pytest.raises(TypeError, match="numpy array"):
        iaa_contrast.adjust_contrast_gamma([[1, 2]], 1.5)


def test_per_channel_samples_one_value_per_channel() -> None:
    image = np.repeat(IMAGE[..., :1], 3, axis=2)
    out = iaa.GammaContrast((0.3, 3.0), per_channel=True, seed=1)(image=image)
    assert not (np.array_equal(out[..., 0], out[..., 1])
                and np.array_equal(out[..., 1], out[..., 2]))
    out = iaa.GammaContrast((0.3, 3.0), per_channel=False, seed=1)(image=image)
    assert np.array_equal(out[..., 0], out[..., 1])
    u16 = (image.astype(np.uint16) * 200)
    out = iaa.LinearContrast((0.2, 3.0), per_channel=True, seed=2)(image=u16)
    assert not np.array_equal(out[..., 0], out[..., 2])


def test_array_batch_and_list_batch_agree() -> None:
    images = np.stack([IMAGE, IMAGE[::-1], IMAGE[:, ::-1]])
    for aug_factory in (lambda: iaa.GammaContrast(1.4), lambda: iaa.GammaContrast((0.5, 2.0)),
                        lambda: iaa.LinearContrast((0.5, 1.5), per_channel=0.5)):
        as_array = aug_factory().to_deterministic()
        out_array = as_array(images=images)
        out_list = as_array(images=list(images))
        assert all(np.array_equal(a, b) for a, b in zip(out_array, out_list))


def test_seeds() -> None:
    images = np.stack([IMAGE] * 4)
    a = iaa.SigmoidContrast(seed=3)(images=images)
    assert np.array_equal(a, iaa.SigmoidContrast(seed=3)(images=images))
    assert not np.array_equal(a, iaa.SigmoidContrast(seed=4)(images=images))


def test_contrast_leaves_annotations_unchanged() -> None:
    kps = KeypointsOnImage.from_xy_array(np.array([[2.0, 3.0]]), shape=IMAGE.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(1, 1, 8, 9)], shape=IMAGE.shape)
    for aug in (iaa.GammaContrast(2.0), iaa.CLAHE(), iaa.HistogramEqualization()):
        _, kps_aug, bbs_aug = aug(image=IMAGE, keypoints=kps, bounding_boxes=bbs)
        assert np.allclose(kps_aug.to_xy_array(), kps.to_xy_array())
        assert np.allclose(bbs_aug.to_xyxy_array(), bbs.to_xyxy_array())


def test_all_channels_clahe_matches_cv2() -> None:
    out = iaa.AllChannelsCLAHE(clip_limit=3.0, tile_grid_size_px=((4, 4), (6, 6)))(image=IMAGE)
    for c in range(3):
        ref = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(6, 4)).apply(
            np.ascontiguousarray(IMAGE[..., c]))
        assert np.array_equal(out[..., c], ref)
    u16 = IMAGE.astype(np.uint16) * 256
    out = iaa.AllChannelsCLAHE(clip_limit=2.0, tile_grid_size_px=5)(image=u16)
    ref = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(5, 5)).apply(
        np.ascontiguousarray(u16[..., 1]))
    assert out.dtype == np.uint16 and np.array_equal(out[..., 1], ref)
    same = iaa.AllChannelsCLAHE(tile_grid_size_px=1, tile_grid_size_px_min=1)(image=IMAGE)
    assert np.array_equal(same, IMAGE)


def test_clahe_on_lightness_channel_and_rgba() -> None:
    out = iaa.CLAHE(clip_limit=2.0, tile_grid_size_px=4, to_colorspace="HSV")(image=IMAGE)
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV)
    hsv[..., 2] = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(4, 4)).apply(
        np.ascontiguousarray(hsv[..., 2]))
    assert np.array_equal(out, cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB))
    rgba = np.dstack([IMAGE, np.full(IMAGE.shape[:2], 77, np.uint8)])
    out = iaa.CLAHE(clip_limit=2.0, tile_grid_size_px=4, to_colorspace="HSV")(image=rgba)
    assert out.shape == rgba.shape and (out[..., 3] == 77).all()
    assert np.array_equal(out[..., :3], cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB))
    gray = IMAGE[..., :1].copy()
    out = iaa.CLAHE(clip_limit=2.0, tile_grid_size_px=4)(image=gray)
    ref = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(4, 4)).apply(gray[..., 0])
    assert np.array_equal(out[..., 0], ref)
    with pytest.raises(ValueError, match="to_colorspace"):
        iaa.CLAHE(to_colorspace="RGB")
    with pytest.raises(ValueError, match="uint16"):
        iaa.CLAHE()(image=IMAGE.astype(np.uint16))


def test_histogram_equalization_matches_cv2() -> None:
    out = iaa.AllChannelsHistogramEqualization()(image=IMAGE)
    for c in range(3):
        assert np.array_equal(out[..., c], cv2.equalizeHist(np.ascontiguousarray(IMAGE[..., c])))
    hls = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HLS)
    hls[..., 1] = cv2.equalizeHist(np.ascontiguousarray(hls[..., 1]))
    out = iaa.HistogramEqualization(to_colorspace="HLS")(image=IMAGE)
    assert np.array_equal(out, cv2.cvtColor(hls, cv2.COLOR_HLS2RGB))
    with pytest.warns(UserWarning, match="channels"):
        out = iaa.HistogramEqualization()(image=np.dstack([IMAGE, IMAGE[..., :2]]))
    assert out.shape == (20, 24, 5)
    with pytest.raises(ValueError, match="float32"):
        iaa.AllChannelsHistogramEqualization()(image=IMAGE.astype(np.float32))


@pytest.mark.parametrize("dtype", [np.uint64, np.int64])
def test_curves_on_64bit_integers_follow_the_normalised_formula(dtype) -> None:
    top = np.iinfo(dtype).max
    image = np.array([[0, 1, 2**20, 2**40, top // 2, top]], dtype=dtype)[..., None]
    out = iaa_contrast.adjust_contrast_gamma(image, 2.0)
    assert out.dtype == image.dtype
    expected = (image.astype(np.float64) / float(top)) ** 2 * float(top)
    assert np.allclose(out.astype(np.float64), expected, rtol=1e-9, atol=1.0)
    assert out[0, -1, 0] > np.iinfo(dtype).max // 2  # the maximum does not wrap around
    assert int(iaa_contrast.adjust_contrast_log(image, 1.0)[0, -1, 0]) > 0


def test_linear_contrast_uint8_equals_imgaugs_truncated_table_for_many_alphas() -> None:
    """The affine fast path (cv2.addWeighted) must give exactly the float32 table's values."""
    ramp = np.arange(256, dtype=np.uint8).reshape(16, 16, 1).repeat(3, axis=2)
    batch = np.stack([ramp, ramp[::-1]])
    for alpha in np.random.default_rng(5).uniform(-0.5, 3.0, 300).tolist() + [1.0, 1.2, 2.0]:
        x = np.arange(256, dtype=np.float32)
        table = np.clip(127 + np.float32(alpha) * (x - 127), 0, 255).astype(np.uint8)
        assert np.array_equal(iaa.LinearContrast(alpha)(image=ramp), table[ramp]), alpha
        assert np.array_equal(iaa.LinearContrast(alpha)(images=batch), table[batch]), alpha
        assert np.array_equal(iaa_contrast.adjust_contrast_linear(ramp, alpha), table[ramp])
