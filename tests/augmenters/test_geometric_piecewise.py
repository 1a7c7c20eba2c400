"""PiecewiseAffine: identity, alignment of keypoints/maps, absolute_scale, dtypes, errors."""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def _blob(h, w, x, y, sigma=1.5):
    ys, xs = np.mgrid[0:h, 0:w]
    blob = np.exp(-((xs - x) ** 2 + (ys - y) ** 2) / (2 * sigma ** 2))
    return blob.astype(np.float32)[:, :, np.newaxis]


def _centroid(arr):
    arr = arr.astype(np.float64).sum(axis=2) if arr.ndim == 3 else arr.astype(np.float64)
    ys, xs = np.mgrid[0:arr.shape[0], 0:arr.shape[1]]
    return np.array([(arr * (xs + 0.5)).sum(), (arr * (ys + 0.5)).sum()]) / arr.sum()


def test_scale_zero_is_identity() -> None:
    images = np.random.default_rng(0).integers(0, 255, (2, 20, 24, 3), dtype=np.uint8)
    assert np.array_equal(iaa.PiecewiseAffine(scale=0)(images=images), images)


def _coordinate_image(h, w):
    """Channels hold each pixel's own (x, y) index: a warp of it shows where content came
    from, exactly (bilinear interpolation of a linear function)."""
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return np.stack([xs, ys], axis=-1)


def _sample(image, x, y):
    """Bilinear sample of an (H, W, C) float image at pixel-index position (x, y)."""
    x0, y0 = int(np.floor(x)), int(np.floor(y))
    fx, fy = x - x0, y - y0
    top = image[y0, x0] * (1 - fx) + image[y0, x0 + 1] * fx
    bottom = image[y0 + 1, x0] * (1 - fx) + image[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


@pytest.mark.parametrize("kwargs", [
    {"scale": 0.05, "nb_rows": 4, "nb_cols": 4},
    {"scale": (0.02, 0.06), "nb_rows": (2, 6), "nb_cols": (2, 6)},
    {"scale": 3.0, "absolute_scale": True},
])
def test_keypoints_land_where_their_pixel_content_lands(kwargs) -> None:
    """The output at the augmented keypoint shows the input content of the keypoint's
    original position: on average within 0.02 px, at most 0.2 px (bilinear sampling of the
    output across a triangle edge; the kernel itself is exact, see test_geometric_kernels)."""
    rng = np.random.default_rng(1)
    image = _coordinate_image(48, 60)
    aug = iaa.PiecewiseAffine(**kwargs)
    errors = []
    for seed in range(6):
        xy = np.stack([rng.uniform(8, 52, 20), rng.uniform(8, 40, 20)], axis=1)
        kps = KeypointsOnImage.from_xy_array(xy, shape=image.shape)
        aug.seed_(seed)
        out, kps_aug = aug(image=image, keypoints=kps)
        for (x0, y0), (x1, y1) in zip(xy, kps_aug.to_xy_array()):
            source = _sample(out, x1 - 0.5, y1 - 0.5)
            errors.append(np.abs(source - [x0 - 0.5, y0 - 0.5]).max())
    assert np.mean(errors) < 0.02 and np.max(errors) < 0.2


def test_dot_centroid_follows_keypoint() -> None:
    aug = iaa.PiecewiseAffine(scale=0.03, nb_rows=3, nb_cols=3, seed=0)
    image = _blob(48, 60, 30, 20)
    kps = KeypointsOnImage.from_xy_array(np.array([[30.5, 20.5]]), shape=image.shape)
    out, kps_aug = aug(image=image, keypoints=kps)
    assert np.allclose(kps_aug.to_xy_array()[0], _centroid(out), atol=0.3)


def test_keypoints_outside_the_image_are_kept() -> None:
    kps = KeypointsOnImage.from_xy_array(np.array([[-3.0, 5.0], [10.0, 50.0]]), shape=(40, 40))
    out = iaa.PiecewiseAffine(scale=0.05, seed=2)(keypoints=kps)
    assert np.allclose(out.to_xy_array(), kps.to_xy_array())


def test_maps_of_other_sizes_stay_aligned() -> None:
    image = np.zeros((60, 80, 1), dtype=np.float32)
    image[24:36, 30:46] = 1
    heat = np.zeros((30, 40), dtype=np.float32)
    heat[12:18, 15:23] = 1
    seg = np.zeros((60, 80), dtype=np.int32)
    seg[24:36, 30:46] = 3
    aug = iaa.PiecewiseAffine(scale=0.05, nb_rows=4, nb_cols=4, seed=3)
    out, heat_aug, seg_aug = aug(image=image, heatmaps=HeatmapsOnImage(heat, shape=image.shape),
                                 segmentation_maps=SegmentationMapsOnImage(seg,
                                                                           shape=image.shape))
    assert not np.array_equal(out, image)
    assert np.allclose(_centroid(heat_aug.get_arr()) * 2, _centroid(out), atol=0.6)
    seg_arr = seg_aug.get_arr()
    assert set(np.unique(seg_arr)) <= {0, 3}
    overlap = ((seg_arr == 3) & (out[..., 0] > 0.5)).sum() / (out[..., 0] > 0.5).sum()
    assert overlap > 0.9


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "uint32", "int8", "int16",
                                   "int32", "float16", "float32", "float64"])
def test_dtypes(dtype) -> None:
    image = np.zeros((20, 24, 2), dtype=dtype)
    image[5:15, 5:15] = 1
    out = iaa.PiecewiseAffine(scale=0.05, order=[0, 1, 3], seed=4)(images=[image] * 3)
    assert all(o.dtype == image.dtype and o.shape == image.shape for o in out)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"scale": -0.1}, "scale"), ({"nb_rows": 1}, "nb_rows"), ({"nb_cols": (1, 3)}, "nb_cols"),
    ({"order": 6}, "order"), ({"mode": "nearest"}, "mode"), ({"cval": "x"}, "cval"),
])
def test_bad_arguments(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        iaa.PiecewiseAffine(**kwargs)
    with pytest.raises(TypeError, match="polygon_recoverer"):
        iaa.PiecewiseAffine(polygon_recoverer=3)
