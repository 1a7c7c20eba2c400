"""ElasticTransformation: field statistics vs a reference, keypoint inversion, maps, dtypes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters._kernels.geometric import elastic as KE
from imgaug2.augmenters._kernels.geometric import warp as W


def _coordinate_image(h, w):
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return np.stack([xs, ys], axis=-1)


def _sample(image, x, y):
    x0, y0 = int(np.floor(x)), int(np.floor(y))
    fx, fy = x - x0, y - y0
    top = image[y0, x0] * (1 - fx) + image[y0, x0 + 1] * fx
    bottom = image[y0 + 1, x0] * (1 - fx) + image[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def test_alpha_zero_is_identity() -> None:
    images = np.random.default_rng(0).integers(0, 255, (2, 20, 24, 3), dtype=np.uint8)
    assert np.array_equal(iaa.ElasticTransformation(alpha=0)(images=images), images)


@pytest.mark.parametrize(("sigma", "expected"), [(0.5, 5), (2.0, 7), (4.0, 11), (5.0, 13),
                                                 (8.0, 21)])
def test_kernel_size_rule(sigma, expected) -> None:
    assert KE.gaussian_ksize(sigma) == expected


@pytest.mark.parametrize("sigma", [1.0, 4.0, 7.0])
def test_field_statistics_match_continuous_uniform_noise(sigma) -> None:
    """The field's std equals that of uniform noise in [-1, 1] (std 1/sqrt(3)) blurred with
    the same normalised kernel: alpha / sqrt(3) * sum(g**2) for the separable 1D kernel g."""
    rng = np.random.default_rng(0)
    alpha, size = 10.0, 320
    pad = KE.noise_padding(sigma)
    levels = rng.integers(0, 256, size=(size + 2 * pad, size + 2 * pad, 2), dtype=np.uint8)
    dx, dy = KE.displacement(KE.smooth_noise(levels, sigma, pad), alpha)
    kernel = cv2.getGaussianKernel(KE.gaussian_ksize(sigma), sigma).ravel()
    expected_std = alpha / np.sqrt(3) * (kernel ** 2).sum()
    assert dx.shape == dy.shape == (size, size)
    both = np.concatenate([dx.ravel(), dy.ravel()])
    assert abs(both.mean()) < 0.1 * expected_std
    assert abs(both.std() / expected_std - 1) < 0.08
    # remap map == grid - field
    remap_map = KE.remap_map(KE.smooth_noise(levels, sigma, pad), alpha)
    assert np.allclose(remap_map[..., 0], np.arange(size)[None, :] - dx, atol=1e-3)
    assert np.allclose(remap_map[..., 1], np.arange(size)[:, None] - dy, atol=1e-3)


def test_invert_points_solves_the_field() -> None:
    rng = np.random.default_rng(1)
    # (sigma, alpha, median bound): the last two fold the image strongly
    for sigma, alpha, median in ((4.0, 40.0, 1e-3), (2.0, 30.0, 0.05), (6.0, 80.0, 0.05)):
        pad = KE.noise_padding(sigma)
        levels = rng.integers(0, 256, size=(64 + 2 * pad, 80 + 2 * pad, 2), dtype=np.uint8)
        dx, dy = KE.displacement(KE.smooth_noise(levels, sigma, pad), alpha)
        q = np.stack([rng.uniform(15, 65, 40), rng.uniform(15, 49, 40)], axis=1)
        p = KE.invert_points(q, dx, dy)
        sx = np.array([_sample(dx[:, :, None], *pt)[0] for pt in p])
        sy = np.array([_sample(dy[:, :, None], *pt)[0] for pt in p])
        residual = np.hypot(p[:, 0] - sx - q[:, 0], p[:, 1] - sy - q[:, 1])
        assert np.median(residual) < median and residual.max() < 0.25


@pytest.mark.parametrize("kwargs", [{"alpha": 20, "sigma": 5, "order": 1},
                                    {"alpha": (10, 40), "sigma": (4, 8), "order": 3}])
def test_keypoints_land_where_their_pixel_content_lands(kwargs) -> None:
    rng = np.random.default_rng(2)
    image = _coordinate_image(48, 60)
    aug = iaa.ElasticTransformation(**kwargs)
    errors = []
    for seed in range(5):
        xy = np.stack([rng.uniform(8, 52, 20), rng.uniform(8, 40, 20)], axis=1)
        kps = KeypointsOnImage.from_xy_array(xy, shape=image.shape)
        aug.seed_(seed)
        out, kps_aug = aug(image=image, keypoints=kps)
        for (x0, y0), (x1, y1) in zip(xy, kps_aug.to_xy_array()):
            errors.append(np.abs(_sample(out, x1 - 0.5, y1 - 0.5) - [x0 - 0.5, y0 - 0.5]).max())
    assert np.median(errors) < 0.05 and np.max(errors) < 0.5


def test_maps_of_other_sizes_stay_aligned() -> None:
    image = np.zeros((64, 80, 1), dtype=np.float32)
    image[24:40, 30:50] = 1
    heat = np.zeros((32, 40), dtype=np.float32)
    heat[12:20, 15:25] = 1
    seg = np.zeros((64, 80), dtype=np.int32)
    seg[24:40, 30:50] = 5
    aug = iaa.ElasticTransformation(alpha=60, sigma=4, order=1, seed=3)
    out, heat_aug, seg_aug = aug(image=image, heatmaps=HeatmapsOnImage(heat, shape=image.shape),
                                 segmentation_maps=SegmentationMapsOnImage(seg,
                                                                           shape=image.shape))
    assert not np.array_equal(out, image)
    big_heat = cv2.resize(heat_aug.get_arr(), (80, 64), interpolation=cv2.INTER_LINEAR)
    assert np.abs(big_heat - out[..., 0]).mean() < 0.05
    seg_arr = seg_aug.get_arr()
    assert set(np.unique(seg_arr)) <= {0, 5}
    assert ((seg_arr == 5) == (out[..., 0] > 0.5)).mean() > 0.98


def test_keypoints_outside_are_kept_and_shapes_unchanged() -> None:
    kps = KeypointsOnImage.from_xy_array(np.array([[-2.0, 3.0], [5.0, 41.0]]), shape=(40, 40))
    out = iaa.ElasticTransformation(alpha=30, sigma=3, seed=1)(keypoints=kps)
    assert np.allclose(out.to_xy_array(), kps.to_xy_array()) and out.shape == (40, 40)


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "uint32", "int8", "int16",
                                   "int32", "float16", "float32", "float64"])
def test_dtypes(dtype) -> None:
    image = np.zeros((20, 24, 2), dtype=dtype)
    image[5:15, 5:15] = 1
    aug = iaa.ElasticTransformation(alpha=10, sigma=2, order=[0, 1, 3], mode="ALL", seed=4)
    out = aug(images=[image] * 3)
    assert all(o.dtype == image.dtype and o.shape == image.shape for o in out)


def test_modes_and_cval() -> None:
    image = np.full((30, 30, 1), 50, dtype=np.uint8)
    out = iaa.ElasticTransformation(alpha=200, sigma=1, cval=255, seed=2)(image=image)
    assert 255 in out
    out = iaa.ElasticTransformation(alpha=200, sigma=1, mode="nearest", seed=2)(image=image)
    assert (out == 50).all()


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"alpha": -1}, "alpha"), ({"sigma": (-1, 2)}, "sigma"), ({"order": 6}, "order"),
    ({"mode": "edge"}, "mode"), ({"cval": [1, "a"]}, "cval"),
])
def test_bad_arguments(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        iaa.ElasticTransformation(**kwargs)


def _random_remap_map(rng, h, w, amplitude):
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return np.stack([xs + rng.uniform(-amplitude, amplitude, (h, w)).astype(np.float32),
                     ys + rng.uniform(-amplitude, amplitude, (h, w)).astype(np.float32)],
                    axis=-1)


@pytest.mark.parametrize("scratch", [True, False])
@pytest.mark.parametrize("channels", [1, 2, 3, 4])
def test_uint8_bicubic_fast_path_equals_general_remap(channels, scratch, monkeypatch) -> None:
    """The float32 route of uint8 bicubic remaps gives exactly OpenCV's uint8 result."""
    if not scratch:  # arrays above the scratch limit are converted into fresh arrays
        monkeypatch.setattr(KE, "_SCRATCH_MAX_ELEMENTS", 10)
    rng = np.random.default_rng(channels)
    image = rng.integers(0, 256, (37, 53, channels), dtype=np.uint8)
    image.flags.writeable = False
    before = image.copy()
    for amplitude in (0.7, 6.0, 30.0):
        remap_map = _random_remap_map(rng, 37, 53, amplitude)
        for border in (cv2.BORDER_CONSTANT, cv2.BORDER_REPLICATE, cv2.BORDER_REFLECT_101,
                       cv2.BORDER_WRAP):
            for cval in (0, 77, 254.5, 300, [10, 300, -5, 40][:channels]):
                fast = KE.remap_image(image, remap_map, cv2.INTER_CUBIC, border, cval)
                general = W.remap(image, remap_map, None, cv2.INTER_CUBIC, border, cval)
                assert fast.dtype == np.uint8 and fast.shape == image.shape
                assert np.array_equal(fast, general)
    assert np.array_equal(image, before)


def test_fast_path_results_do_not_share_the_scratch_arrays() -> None:
    rng = np.random.default_rng(5)
    images = [rng.integers(0, 256, (24, 24, 3), dtype=np.uint8) for _ in range(2)]
    remap_map = _random_remap_map(rng, 24, 24, 3.0)
    first = KE.remap_image(images[0], remap_map, cv2.INTER_CUBIC, cv2.BORDER_CONSTANT)
    kept = first.copy()
    KE.remap_image(images[1], remap_map, cv2.INTER_CUBIC, cv2.BORDER_CONSTANT)
    assert np.array_equal(first, kept)


def test_same_seed_same_output_and_read_only_input() -> None:
    images = np.random.default_rng(6).integers(0, 256, (3, 40, 44, 3), dtype=np.uint8)
    images.flags.writeable = False
    before = images.copy()
    out1 = iaa.ElasticTransformation(alpha=30, sigma=4, seed=11)(images=images)
    out2 = iaa.ElasticTransformation(alpha=30, sigma=4, seed=11)(images=list(images))
    assert all(np.array_equal(a, b) for a, b in zip(out1, out2))
    assert not np.array_equal(out1[0], images[0])
    assert np.array_equal(images, before)


def test_same_sized_heatmap_uses_the_image_field() -> None:
    """A heatmap of the image's size is warped with the image's remap map (bilinear, fill 0)."""
    rng = np.random.default_rng(7)
    image = rng.uniform(0, 1, (40, 48, 1)).astype(np.float32)
    heat = HeatmapsOnImage(image[..., 0].copy(), shape=image.shape)
    aug = iaa.ElasticTransformation(alpha=40, sigma=3, order=1, seed=8)
    out, heat_aug = aug(image=image, heatmaps=heat)
    assert np.allclose(heat_aug.get_arr(), out[..., 0], atol=1e-5)
