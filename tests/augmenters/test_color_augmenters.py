"""Colour augmenters through the public API, against OpenCV/NumPy references."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import imgaug as ia
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import KeypointsOnImage

RNG = np.random.default_rng(3)
# saturated colours so that hue changes are visible after the HSV round trip
_HSV = np.stack([RNG.integers(0, 180, (10, 12)), RNG.integers(120, 256, (10, 12)),
                 RNG.integers(120, 256, (10, 12))], axis=-1).astype(np.uint8)
IMAGE = cv2.cvtColor(_HSV, cv2.COLOR_HSV2RGB)


def _ref_add(image: np.ndarray, value_hue: int, value_sat: int) -> np.ndarray:
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV).astype(np.int32)
    shift = int(value_hue / 255 * 180)  # truncation toward zero
    hsv[..., 0] = np.mod(hsv[..., 0] + shift, 180)
    hsv[..., 1] = np.clip(hsv[..., 1] + value_sat, 0, 255)
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)


def _ref_mul(image: np.ndarray, mul_hue: float, mul_sat: float) -> np.ndarray:
    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    hue255 = (hsv[..., 0].astype(np.float32) / 180 * 255).astype(np.int16)
    hue = np.round(hue255 * mul_hue)
    hue = (np.mod(hue, 255).astype(np.float32) / 255 * 180).astype(np.uint8)
    sat = np.clip(np.round(hsv[..., 1] * mul_sat), 0, 255).astype(np.uint8)
    return cv2.cvtColor(np.stack([hue, sat, hsv[..., 2]], axis=-1), cv2.COLOR_HSV2RGB)


def _matches(out: np.ndarray, candidates: dict) -> set:
    return {key for key, ref in candidates.items() if np.array_equal(out, ref)}


def test_add_to_hue_and_saturation_matches_reference() -> None:
    out = iaa.AddToHueAndSaturation(value_hue=50, value_saturation=-30)(image=IMAGE)
    assert np.array_equal(out, _ref_add(IMAGE, 50, -30))
    out = iaa.AddToHue(-200)(image=IMAGE)
    assert np.array_equal(out, _ref_add(IMAGE, -200, 0))
    out = iaa.AddToSaturation(100)(image=IMAGE)
    assert np.array_equal(out, _ref_add(IMAGE, 0, 100))


def test_hue_wraps_around_opencv_range() -> None:
    # +255 is a full turn (180 in OpenCV's hue range): only the HSV round trip remains
    full_turn = iaa.AddToHue(255)(image=IMAGE)
    assert np.array_equal(full_turn, _ref_add(IMAGE, 0, 0))
    hsv = np.zeros((1, 1, 3), dtype=np.uint8)
    hsv[...] = (170, 255, 255)
    image = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)
    out = iaa.AddToHue(100)(image=image)  # 170 + int(100/255*180)=70 -> 240 mod 180 = 60
    out_hue = cv2.cvtColor(out, cv2.COLOR_RGB2HSV)[0, 0, 0]
    assert abs(int(out_hue) - 60) <= 1


@pytest.mark.parametrize("per_channel", [False, True])
def test_add_per_channel_samples_hue_and_saturation_independently(per_channel: bool) -> None:
    aug = iaa.AddToHueAndSaturation(value=[-60, 60], per_channel=per_channel, seed=1)
    images = [IMAGE] * 24
    outs = aug(images=images)
    refs = {(h, s): _ref_add(IMAGE, h, s) for h in (-60, 60) for s in (-60, 60)}
    seen = set()
    for out in outs:
        found = _matches(out, refs)
        assert found, "output not explained by any (hue, saturation) value pair"
        seen |= found
    mixed = {(-60, 60), (60, -60)}
    if per_channel:
        assert seen & mixed and seen - mixed
    else:
        assert not (seen & mixed)


@pytest.mark.parametrize("per_channel", [False, True])
def test_multiply_per_channel_samples_hue_and_saturation_independently(
        per_channel: bool) -> None:
    aug = iaa.MultiplyHueAndSaturation(mul=[0.5, 1.5], per_channel=per_channel, seed=2)
    outs = aug(images=[IMAGE] * 24)
    refs = {(h, s): _ref_mul(IMAGE, h, s) for h in (0.5, 1.5) for s in (0.5, 1.5)}
    seen = set()
    for out in outs:
        found = _matches(out, refs)
        assert found
        seen |= found
    mixed = {(0.5, 1.5), (1.5, 0.5)}
    assert bool(seen & mixed) == per_channel


def test_multiply_hue_and_saturation_arguments() -> None:
    assert np.array_equal(iaa.MultiplyHue(1.7)(image=IMAGE), _ref_mul(IMAGE, 1.7, 1.0))
    assert np.array_equal(iaa.MultiplySaturation(0.4)(image=IMAGE), _ref_mul(IMAGE, 1.0, 0.4))
    assert np.array_equal(iaa.MultiplyHue(-2.0)(image=IMAGE), _ref_mul(IMAGE, -2.0, 1.0))
    assert np.array_equal(iaa.RemoveSaturation(0.75)(image=IMAGE), _ref_mul(IMAGE, 1.0, 0.25))
    gray_like = cv2.cvtColor(iaa.RemoveSaturation(1.0)(image=IMAGE), cv2.COLOR_RGB2HSV)
    assert gray_like[..., 1].max() == 0
    out = iaa.MultiplyHueAndSaturation(mul_hue=1.2, mul_saturation=0.8)(image=IMAGE)
    assert np.array_equal(out, _ref_mul(IMAGE, 1.2, 0.8))
    assert isinstance(iaa.MultiplyHue(), iaa.WithHueAndSaturation)
    with pytest.raises(ValueError, match="not both"):
        iaa.MultiplyHueAndSaturation(mul=1.5, mul_hue=1.2)
    with pytest.raises(ValueError, match="not both"):
        iaa.AddToHueAndSaturation(value=10, value_saturation=5)
    with pytest.raises(ValueError):
        iaa.MultiplySaturation(-1.0)
    with pytest.raises(ValueError):
        iaa.AddToHue(300)


def test_with_hue_and_saturation_gives_children_int16_projected_hue() -> None:
    seen = []

    def spy(images, random_state, parents, hooks):
        seen.extend(images)
        return images

    out = iaa.WithHueAndSaturation(iaa.Lambda(func_images=spy))(image=IMAGE)
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV)
    assert seen[0].dtype == np.int16 and seen[0].shape == IMAGE.shape[:2] + (2,)
    hue255 = (hsv[..., 0].astype(np.float32) / 180 * 255).astype(np.int16)
    assert np.array_equal(seen[0][..., 0], hue255)
    assert np.array_equal(seen[0][..., 1], hsv[..., 1])
    assert np.array_equal(out, _ref_mul(IMAGE, 1.0, 1.0))
    # children may leave 0..255: hue wraps (mod 255), saturation is clipped
    shifted = iaa.WithHueAndSaturation(iaa.WithChannels(0, iaa.Add(255)))(image=IMAGE)
    assert np.array_equal(shifted, out)


def test_change_colorspace_and_alpha_blend() -> None:
    assert np.array_equal(iaa.ChangeColorspace("Lab")(image=IMAGE),
                          cv2.cvtColor(IMAGE, cv2.COLOR_RGB2Lab))
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV)
    out = iaa.ChangeColorspace("HSV", alpha=0.25)(image=IMAGE).astype(float)
    assert np.abs(out - (0.25 * hsv + 0.75 * IMAGE)).max() <= 0.5 + 1e-6
    assert np.array_equal(iaa.ChangeColorspace("HSV", alpha=0.0)(image=IMAGE), IMAGE)
    with pytest.raises(ValueError):
        iaa.ChangeColorspace("NOPE")
    with pytest.raises(ValueError, match="from_colorspace"):
        iaa.ChangeColorspace("HSV", from_colorspace="GRAY")


@pytest.mark.parametrize("alpha", [0.0, 0.3, 0.5, 1.0])
def test_grayscale_alpha_blend_formula(alpha: float) -> None:
    gray = cv2.cvtColor(cv2.cvtColor(IMAGE, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    out = iaa.Grayscale(alpha)(image=IMAGE).astype(float)
    assert np.abs(out - (alpha * gray + (1 - alpha) * IMAGE)).max() <= 0.5 + 1e-6


def test_grayscale_other_colorspaces() -> None:
    bgr = np.ascontiguousarray(IMAGE[..., ::-1])
    gray = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2GRAY)
    assert np.array_equal(iaa.Grayscale(1.0, from_colorspace="BGR")(image=bgr)[..., 0], gray)
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV)
    gray_hsv = cv2.cvtColor(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB), cv2.COLOR_RGB2GRAY)
    assert np.array_equal(iaa.Grayscale(1.0, from_colorspace="HSV")(image=hsv)[..., 1],
                          gray_hsv)
    assert isinstance(iaa.Grayscale(), iaa.ChangeColorspace)


def test_change_color_temperature_augmenter_uses_function() -> None:
    out = iaa.ChangeColorTemperature(4000)(image=IMAGE)
    assert np.array_equal(out, iaa.change_color_temperature(IMAGE, 4000))
    with pytest.raises(ValueError):
        iaa.ChangeColorTemperature(500)


def test_kmeans_quantization_ignores_opencv_global_rng() -> None:
    aug = iaa.KMeansColorQuantization(n_colors=5, to_colorspace="RGB", seed=3)
    images = [RNG.integers(0, 256, (24, 24, 3), dtype=np.uint8) for _ in range(3)]
    cv2.setRNGSeed(1)
    first = aug.deepcopy()(images=images)
    cv2.setRNGSeed(987654)
    second = aug.deepcopy()(images=images)
    for a, b in zip(first, second):
        assert np.array_equal(a, b)
        assert len(np.unique(a.reshape(-1, 3), axis=0)) <= 5


def test_quantization_channels_alpha_and_resizing() -> None:
    rgba = np.concatenate([IMAGE, RNG.integers(0, 256, IMAGE.shape[:2] + (1,),
                                               dtype=np.uint8)], axis=2)
    out = iaa.UniformColorQuantization(n_colors=4)(image=rgba)
    assert np.array_equal(out[..., 3], rgba[..., 3])
    assert np.array_equal(out[..., :3], iaa.quantize_uniform(IMAGE, 4))
    gray = IMAGE[..., :1].copy()
    assert np.array_equal(iaa.Posterize(3)(image=gray), gray & 0b11100000)
    big = cv2.resize(IMAGE, (140, 120), interpolation=cv2.INTER_NEAREST)
    out = iaa.KMeansColorQuantization(n_colors=4, max_size=32)(image=big)
    assert out.shape == big.shape
    hsv_q = iaa.UniformColorQuantization(n_colors=8, to_colorspace="HSV")(image=IMAGE)
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV)
    expected = cv2.cvtColor(iaa.quantize_uniform(hsv, 8), cv2.COLOR_HSV2RGB)
    assert np.array_equal(hsv_q, expected)
    with pytest.raises(ValueError, match="channels"):
        iaa.UniformColorQuantization()(image=IMAGE[..., :2])


AUGMENTERS = [
    lambda seed: iaa.AddToHueAndSaturation((-50, 50), per_channel=0.5, seed=seed),
    lambda seed: iaa.MultiplyHueAndSaturation((0.5, 1.5), per_channel=True, seed=seed),
    lambda seed: iaa.Grayscale((0.1, 1.0), seed=seed),
    lambda seed: iaa.ChangeColorTemperature(seed=seed),
    lambda seed: iaa.KMeansColorQuantization(seed=seed),
    lambda seed: iaa.UniformColorQuantization(seed=seed),
    lambda seed: iaa.Posterize((1, 5), seed=seed),
    lambda seed: iaa.ChangeColorspace(["HSV", "Lab"], alpha=(0.2, 1.0), seed=seed),
    lambda seed: iaa.MultiplyAndAddToBrightness(seed=seed),
]


@pytest.mark.parametrize("make", AUGMENTERS)
def test_seeds_and_annotations(make) -> None:
    images = [np.ascontiguousarray(np.roll(IMAGE, i, axis=1)) for i in range(4)]
    a = make(1)(images=images)
    b = make(1)(images=images)
    c = make(2)(images=images)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c))
    kps = KeypointsOnImage.from_xy_array(np.array([[1.5, 2.5], [8.0, 3.0]]), shape=IMAGE.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 9, 8)], shape=IMAGE.shape)
    _, kps_aug, bbs_aug = make(3)(image=IMAGE, keypoints=kps, bounding_boxes=bbs)
    assert np.allclose(kps_aug.to_xy_array(), kps.to_xy_array())
    assert np.allclose(bbs_aug.to_xyxy_array(), bbs.to_xyxy_array())


@pytest.mark.parametrize("make", AUGMENTERS)
def test_bad_dtype_raises_type_error(make) -> None:
    with pytest.raises(TypeError, match="float32"):
        make(1)(image=IMAGE.astype(np.float32) / 255)
    with pytest.raises(TypeError, match="int16"):
        make(1)(images=[IMAGE.astype(np.int16)])


def test_three_channel_augmenters_reject_other_channel_counts() -> None:
    for aug in (iaa.Grayscale(), iaa.AddToHue(), iaa.ChangeColorTemperature(),
                iaa.WithColorspace("HSV", children=[])):
        with pytest.raises(ValueError, match="channels"):
            aug(image=IMAGE[..., :1].copy())


def test_with_colorspace_and_deprecated_in_colorspace() -> None:
    aug = iaa.WithColorspace("HSV", children=iaa.WithChannels(0, iaa.Add(10)))
    hsv = cv2.cvtColor(IMAGE, cv2.COLOR_RGB2HSV).astype(int)
    hsv[..., 0] = np.clip(hsv[..., 0] + 10, 0, 255)
    assert np.array_equal(aug(image=IMAGE), cv2.cvtColor(hsv.astype(np.uint8),
                                                         cv2.COLOR_HSV2RGB))
    with pytest.warns(ia.DeprecationWarning):
        iaa.InColorspace("HSV", children=[])
    with pytest.raises(ValueError, match="to_colorspace"):
        iaa.WithColorspace("HSVX")
