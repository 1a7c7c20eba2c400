"""PerspectiveTransform: identity, warp vs cv2, keypoints, keep_size/fit_output, maps."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters._kernels.geometric import perspective as KPe
from imgaug2.augmenters._kernels.geometric import warp as W


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
    assert np.array_equal(iaa.PerspectiveTransform(scale=0)(images=images), images)


def test_corner_jitter_and_warp_match_cv2() -> None:
    """A jitter of 0.1 moves every corner 10% inwards; the warp equals cv2's."""
    image = np.random.default_rng(1).integers(0, 255, (40, 50, 3), dtype=np.uint8)
    src = np.float32([[5, 4], [45, 4], [45, 36], [5, 36]])
    dst = np.float32([[0, 0], [40, 0], [40, 32], [0, 32]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    expected = cv2.warpPerspective(image, matrix, (40, 32))
    corners = KPe.corners_from_jitter(np.full((4, 2), 0.1), 40, 50)
    ours, out_h, out_w = KPe.perspective_matrix(corners)
    assert (out_h, out_w) == (32, 40) and np.allclose(ours, matrix)
    warped = W.warp_perspective(image, ours, (out_h, out_w), cv2.INTER_LINEAR,
                                cv2.BORDER_CONSTANT)
    assert np.array_equal(warped, expected)



@pytest.mark.parametrize("kwargs", [
    {"scale": (0.03, 0.12)}, {"scale": (0.03, 0.12), "keep_size": False},
    {"scale": (0.03, 0.12), "keep_size": False, "fit_output": True},
    {"scale": 0.08, "fit_output": True},
])
def test_keypoints_follow_the_pixels(kwargs) -> None:
    rng = np.random.default_rng(2)
    aug = iaa.PerspectiveTransform(**kwargs)
    for seed in range(8):
        x, y = int(rng.integers(18, 42)), int(rng.integers(15, 33))
        image = _blob(48, 60, x, y)
        kps = KeypointsOnImage.from_xy_array(np.array([[x + 0.5, y + 0.5]]), shape=image.shape)
        aug.seed_(seed)
        out, kps_aug = aug(image=image, keypoints=kps)
        assert kps_aug.shape == out.shape
        tol = 0.35 if kwargs.get("keep_size", True) else 0.1  # keep_size: bicubic resize
        assert np.allclose(kps_aug.to_xy_array()[0], _centroid(out), atol=tol)


def test_output_shapes() -> None:
    image = np.ones((40, 50, 3), dtype=np.uint8)
    outs = iaa.PerspectiveTransform(scale=0.1, keep_size=False, seed=3)(images=[image] * 4)
    assert all(o.shape[0] <= 40 and o.shape[1] <= 50 for o in outs)
    outs = iaa.PerspectiveTransform(scale=0.1, seed=3)(images=np.stack([image] * 4))
    assert outs.shape == (4, 40, 50, 3)
    outs = iaa.PerspectiveTransform(scale=0.1, keep_size=False, fit_output=True,
                                    seed=3)(images=[image] * 4)
    assert all(o.shape[0] >= 38 and o.shape[1] >= 48 for o in outs)


def test_maps_follow_the_image() -> None:
    image = np.zeros((60, 80, 1), dtype=np.float32)
    image[20:40, 30:50] = 1
    heat = np.zeros((30, 40), dtype=np.float32)
    heat[10:20, 15:25] = 1
    seg = np.zeros((60, 80), dtype=np.int32)
    seg[20:40, 30:50] = 1
    for keep_size in (True, False):
        aug = iaa.PerspectiveTransform(scale=0.1, keep_size=keep_size, seed=4)
        out, heat_aug, seg_aug = aug(
            image=image, heatmaps=HeatmapsOnImage(heat, shape=image.shape),
            segmentation_maps=SegmentationMapsOnImage(seg, shape=image.shape))
        assert heat_aug.shape == seg_aug.shape == out.shape
        sy, sx = np.array(out.shape[:2]) / heat_aug.get_arr().shape[:2]
        assert np.allclose(_centroid(heat_aug.get_arr()) * [sx, sy], _centroid(out), atol=1.0)
        seg_arr = seg_aug.get_arr()
        if keep_size:
            assert seg_arr.shape == (60, 80)
            overlap = ((seg_arr == 1) & (out[..., 0] > 0.5)).sum() / (out[..., 0] > 0.5).sum()
            assert overlap > 0.9


def test_modes() -> None:
    image = np.full((20, 20, 1), 9, dtype=np.uint8)
    out = iaa.PerspectiveTransform(scale=0.2, keep_size=False, fit_output=True, cval=77,
                                   seed=5)(image=image)
    assert 77 in out
    out = iaa.PerspectiveTransform(scale=0.2, keep_size=False, fit_output=True,
                                   mode="replicate", seed=5)(image=image)
    assert (out == 9).all()
    assert iaa.PerspectiveTransform(mode=cv2.BORDER_REPLICATE) is not None
    with pytest.raises(ValueError, match="mode"):
        iaa.PerspectiveTransform(mode="reflect")
    with pytest.raises(ValueError, match="scale"):
        iaa.PerspectiveTransform(scale=-1)
    with pytest.raises(TypeError, match="keep_size"):
        iaa.PerspectiveTransform(keep_size=None)
