"""Canny against cv2.Canny, colorizer semantics, alpha blending and errors."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import random as iarandom
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmenters.edges import RandomColorsBinaryImageColorizer

RNG = np.random.default_rng(21)
IMAGE = cv2.GaussianBlur(RNG.integers(0, 256, (32, 36, 3), dtype=np.uint8), (5, 5), 1.5)
WHITE_ON_BLACK = RandomColorsBinaryImageColorizer(color_true=255, color_false=0)


@pytest.mark.parametrize("sobel", [3, 5, 7])
def test_canny_edges_match_cv2(sobel: int) -> None:
    aug = iaa.Canny(alpha=1.0, hysteresis_thresholds=((40, 40), (90, 90)),
                    sobel_kernel_size=sobel, colorizer=WHITE_ON_BLACK)
    ref = _reference(40, 90, sobel)
    out = aug(image=IMAGE)
    assert out.dtype == np.uint8 and out.shape == IMAGE.shape
    for c in range(3):
        assert np.array_equal(out[..., c] == 255, ref)
        assert np.array_equal(out[..., c] == 0, ~ref)


def _reference(low: float, high: float, sobel: int) -> np.ndarray:
    """imgaug's edge map: cv2.Canny with the L2 gradient norm."""
    return cv2.Canny(IMAGE, low, high, apertureSize=sobel, L2gradient=True) > 0


def test_thresholds_are_sorted_and_single_parameter_form() -> None:
    swapped = iaa.Canny(alpha=1.0, hysteresis_thresholds=((90, 90), (40, 40)),
                        sobel_kernel_size=3, colorizer=WHITE_ON_BLACK)(image=IMAGE)
    ref = _reference(40, 90, 3)
    assert np.array_equal(swapped[..., 0] > 0, ref)
    single = iaa.Canny(alpha=1.0, hysteresis_thresholds=[50], sobel_kernel_size=3,
                       colorizer=WHITE_ON_BLACK)(image=IMAGE)
    assert np.array_equal(single[..., 0] > 0, _reference(50, 50, 3))


def test_sobel_sizes_even_and_small() -> None:
    even = iaa.Canny(alpha=1.0, hysteresis_thresholds=((40, 40), (90, 90)),
                     sobel_kernel_size=4, colorizer=WHITE_ON_BLACK)(image=IMAGE)
    assert np.array_equal(even[..., 0] > 0, _reference(40, 90, 3))
    for small in (0, 1, 2):
        out = iaa.Canny(alpha=1.0, sobel_kernel_size=small)(image=IMAGE)
        assert np.array_equal(out, IMAGE)
    assert np.array_equal(iaa.Canny(alpha=0.0)(image=IMAGE), IMAGE)
    with pytest.raises(ValueError):
        iaa.Canny(sobel_kernel_size=9)


def test_alpha_blending_matches_add_weighted() -> None:
    edges = iaa.Canny(alpha=1.0, hysteresis_thresholds=((40, 40), (90, 90)),
                      sobel_kernel_size=3, colorizer=WHITE_ON_BLACK)(image=IMAGE)
    half = iaa.Canny(alpha=0.4, hysteresis_thresholds=((40, 40), (90, 90)),
                     sobel_kernel_size=3, colorizer=WHITE_ON_BLACK)(image=IMAGE)
    ref = 0.4 * edges.astype(np.float64) + 0.6 * IMAGE.astype(np.float64)
    assert np.abs(half.astype(np.float64) - ref).max() <= 0.5 + 1e-6


def test_colorizer_grayscale_rgba_and_errors() -> None:
    mask = np.zeros((4, 5), bool)
    mask[1:3, 1:4] = True
    rng = iarandom.RNG(0)
    colorizer = RandomColorsBinaryImageColorizer(color_true=[200], color_false=[10])
    gray = colorizer.colorize(mask, np.zeros((4, 5, 1), np.uint8), 0, rng)
    assert gray.shape == (4, 5, 1)
    assert gray[2, 2, 0] == int(0.299 * 200 + 0.587 * 200 + 0.114 * 200)
    assert gray[0, 0, 0] == int(0.299 * 10 + 0.587 * 10 + 0.114 * 10)
    rgba = np.zeros((4, 5, 4), np.uint8)
    rgba[..., 3] = 99
    out = colorizer.colorize(mask, rgba, 0, rng)
    assert out.shape == (4, 5, 4) and (out[..., 3] == 99).all()
    assert (out[mask][:, :3] == 200).all() and (out[~mask][:, :3] == 10).all()
    with pytest.raises(ValueError, match="boolean"):
        colorizer.colorize(mask.astype(np.uint8), rgba, 0, rng)
    with pytest.raises(TypeError, match="uint8"):
        colorizer.colorize(mask, rgba.astype(np.float32), 0, rng)


def test_default_colorizer_samples_colours_per_image() -> None:
    images = np.stack([IMAGE] * 6)
    out = iaa.Canny(alpha=1.0, hysteresis_thresholds=((40, 40), (90, 90)),
                    sobel_kernel_size=3, seed=4)(images=images)
    ref = _reference(40, 90, 3)
    colours = set()
    for img in out:
        fg = {tuple(v) for v in img[ref]}
        bg = {tuple(v) for v in img[~ref]}
        assert len(fg) == 1 and len(bg) == 1  # one colour each within an image
        colours.add((fg.pop(), bg.pop()))
    assert len(colours) > 1  # but they differ between images


def test_canny_channels_dtypes_annotations() -> None:
    rgba = np.dstack([IMAGE, np.full(IMAGE.shape[:2], 50, np.uint8)])
    out = iaa.Canny(alpha=1.0, colorizer=WHITE_ON_BLACK, sobel_kernel_size=3)(image=rgba)
    assert out.shape == rgba.shape and (out[..., 3] == 50).all()
    gray = iaa.Canny(alpha=1.0, sobel_kernel_size=3)(image=IMAGE[..., :1].copy())
    assert gray.shape == (32, 36, 1)
    with pytest.raises(ValueError, match="channels"):
        iaa.Canny(alpha=1.0)(image=np.zeros((8, 8, 2), np.uint8))
    with pytest.raises(ValueError, match="float32"):
        iaa.Canny(alpha=1.0)(image=IMAGE.astype(np.float32))
    kps = KeypointsOnImage.from_xy_array(np.array([[3.0, 7.0]]), shape=IMAGE.shape)
    _, kps_aug = iaa.Canny(alpha=1.0)(image=IMAGE, keypoints=kps)
    assert np.allclose(kps_aug.to_xy_array(), [[3.0, 7.0]])
