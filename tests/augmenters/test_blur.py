"""Blur augmenters and functions against OpenCV/SciPy references, dtypes and errors."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from scipy import ndimage

import imgaug2.augmenters as iaa
from imgaug2 import parameters as iap
from imgaug2 import random as iarandom
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmenters import blur as iaa_blur

RNG = np.random.default_rng(3)
IMAGE = RNG.integers(0, 256, (24, 30, 3), dtype=np.uint8)


def _ksize(sigma: float) -> int:
    factor = 3.3 if sigma < 3.0 else (2.9 if sigma < 5.0 else 2.6)
    k = int(max(factor * sigma, 5))
    return k + 1 if k % 2 == 0 else k


@pytest.mark.parametrize("sigma", [0.6, 2.5, 4.0, 6.0])
def test_gaussian_blur_matches_cv2_with_imgaug_ksize(sigma: float) -> None:
    k = _ksize(sigma)
    ref = cv2.GaussianBlur(IMAGE, (k, k), sigmaX=sigma, sigmaY=sigma,
                           borderType=cv2.BORDER_REFLECT_101)
    assert np.array_equal(iaa.GaussianBlur(sigma=sigma)(image=IMAGE), ref)
    assert np.array_equal(iaa_blur.blur_gaussian_(IMAGE, sigma), ref)


def test_blur_gaussian_function_arguments() -> None:
    image = IMAGE.copy()
    assert iaa_blur.blur_gaussian_(image, 0.0005) is image
    assert iaa_blur.blur_gaussian_(image, 0.01, eps=0.1) is image
    ref = cv2.GaussianBlur(IMAGE, (7, 7), sigmaX=1.0, sigmaY=1.0,
                           borderType=cv2.BORDER_REFLECT_101)
    assert np.array_equal(iaa_blur.blur_gaussian_(image, 1.0, ksize=6), ref)  # 6 -> 7
    assert np.array_equal(image, IMAGE)  # input untouched
    gray = IMAGE[..., 0]
    assert iaa_blur.blur_gaussian_(gray, 1.0).shape == gray.shape
    scipy_out = iaa_blur.blur_gaussian_(IMAGE.astype(np.float64), 1.5, backend="scipy")
    ref = np.stack([ndimage.gaussian_filter(IMAGE[..., c].astype(np.float64), 1.5,
                                            mode="mirror") for c in range(3)], axis=-1)
    assert np.allclose(scipy_out, ref)
    with pytest.raises(ValueError, match="backend"):
        iaa_blur.blur_gaussian_(IMAGE, 1.0, backend="torch")
    with pytest.raises(TypeError, match="uint32"):
        iaa_blur.blur_gaussian_(IMAGE.astype(np.uint32), 1.0, backend="cv2")
    with pytest.raises(TypeError, match="ksize"):
        iaa_blur.blur_gaussian_(IMAGE, 1.0, ksize=3.5)


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "uint32", "uint64", "int8",
                                   "int16", "int32", "int64", "float16", "float32",
                                   "float64"])
def test_gaussian_blur_dtypes(dtype: str) -> None:
    dt = np.dtype(dtype)
    if dt.kind == "b":
        image = np.zeros((16, 16, 1), dtype=bool)
        image[4:12, 4:12] = True
    else:
        image = np.zeros((16, 16, 1), dtype=dt)
        image[4:12, 4:12] = 100
    out = iaa.GaussianBlur(sigma=1.0)(image=image)
    assert out.dtype == dt and out.shape == image.shape
    if dt.kind != "b":
        ref = cv2.GaussianBlur(image.astype(np.float64)[..., 0], (5, 5), 1.0,
                               borderType=cv2.BORDER_REFLECT_101)
        tol = 0.5 if dt.itemsize > 2 or dt.kind == "f" else 1.0
        if dtype in ("uint32", "uint64", "int64"):  # scipy backend: different truncation
            tol = 3.0
        assert np.abs(out[..., 0].astype(np.float64) - ref).max() <= tol
    else:
        assert out[8, 8, 0] and not out[0, 0, 0]


def test_gaussian_blur_rejects_float128_like() -> None:
    with pytest.raises((TypeError, ValueError), match="dtype"):
        iaa.GaussianBlur(1.0)(image=np.zeros((4, 4, 1), dtype=object))


def test_average_blur_matches_cv2_and_per_axis_sizes() -> None:
    assert np.array_equal(iaa.AverageBlur(k=5)(image=IMAGE), cv2.blur(IMAGE, (5, 5)))
    out = iaa.AverageBlur(k=((5, 5), (1, 1)))(image=IMAGE)  # height 5, width 1
    assert np.array_equal(out, cv2.blur(IMAGE, (1, 5)))
    assert np.array_equal(iaa.AverageBlur(k=((1, 1), (0, 0)))(image=IMAGE), IMAGE)


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "int8", "int16", "float16",
                                   "float32", "float64"])
def test_average_blur_dtypes(dtype: str) -> None:
    dt = np.dtype(dtype)
    image = (np.arange(64).reshape(8, 8, 1) % 2).astype(dt)
    if dt.kind != "b":
        image = image * np.asarray(90, dtype=dt)
    out = iaa.AverageBlur(k=3)(image=image)
    assert out.dtype == dt
    ref = cv2.blur(image.astype(np.float64), (3, 3))
    if dt.kind == "b":
        assert np.array_equal(out[..., 0], ref > 0.5)
    else:
        assert np.abs(out[..., 0].astype(np.float64) - ref).max() <= 1.0


@pytest.mark.parametrize("dtype", ["uint32", "int64", "uint64", "int32"])
def test_average_blur_rejects_wide_ints(dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        iaa.AverageBlur(k=3)(image=np.zeros((8, 8, 1), dtype=dtype))


@pytest.mark.parametrize("k", [3, 5, 7, 9])
def test_median_blur_matches_references(k: int) -> None:
    assert np.array_equal(iaa.MedianBlur(k=k)(image=IMAGE), cv2.medianBlur(IMAGE, k))
    as_float = IMAGE.astype(np.float32)
    ref = ndimage.median_filter(as_float, size=(k, k, 1), mode="nearest")
    assert np.array_equal(iaa.MedianBlur(k=k)(image=as_float), ref)
    if k <= 5:
        assert np.array_equal(ref, cv2.medianBlur(as_float, k))


@pytest.mark.parametrize("k", [3, 5, 7, 11])
def test_median_blur_uint16_is_the_exact_median(k: int) -> None:
    image = RNG.integers(0, 65536, (19, 23, 3), dtype=np.uint16)
    out = iaa.MedianBlur(k=k)(image=image)
    assert out.dtype == np.uint16
    assert np.array_equal(out, ndimage.median_filter(image, size=(k, k, 1), mode="nearest"))
    if k <= 5:
        assert np.array_equal(out, cv2.medianBlur(image, k))


def test_median_blur_even_k_and_errors() -> None:
    with pytest.raises(ValueError, match="odd"):
        iaa.MedianBlur(k=4)
    out = iaa.MedianBlur(k=iap.Deterministic(4))(image=IMAGE)
    assert np.array_equal(out, cv2.medianBlur(IMAGE, 5))
    with pytest.raises(ValueError, match="int16"):
        iaa.MedianBlur(k=3)(image=IMAGE.astype(np.int16))


def test_median_blur_many_channels_uses_exact_median() -> None:
    image = RNG.integers(0, 256, (12, 12, 6), dtype=np.uint8)
    out = iaa.MedianBlur(k=3)(image=image)
    ref = ndimage.median_filter(image, size=(3, 3, 1), mode="nearest")
    assert np.array_equal(out, ref)


def test_bilateral_blur_matches_cv2_and_requires_three_channels() -> None:
    out = iaa.BilateralBlur(d=5, sigma_color=40, sigma_space=40)(image=IMAGE)
    assert np.array_equal(out, cv2.bilateralFilter(IMAGE, 5, 40, 40))
    assert np.array_equal(iaa.BilateralBlur(d=1)(image=IMAGE), IMAGE)
    with pytest.raises(ValueError, match="3 channels"):
        iaa.BilateralBlur(d=3)(image=IMAGE[..., :1])
    with pytest.raises(ValueError, match="float32"):
        iaa.BilateralBlur(d=3)(image=IMAGE.astype(np.float32))


def _imgaug_motion_kernel(k: int, angle: float, direction: float) -> np.ndarray:
    d = (direction + 1.0) / 2.0
    line = np.zeros((k, k), np.float32)
    line[:, k // 2] = np.linspace(d, 1.0 - d, num=k)
    rotated = iaa.Affine(rotate=angle, order=1)(image=(line * 255).astype(np.uint8))
    kernel = rotated.astype(np.float32) / 255.0
    return kernel / kernel.sum()


@pytest.mark.parametrize(("k", "angle", "direction"), [(7, 45, 0.0), (5, 90, 1.0),
                                                       (9, 200, -0.4), (3, 0, 0.5)])
def test_motion_blur_kernel_and_result(k: int, angle: float, direction: float) -> None:
    kernel = _imgaug_motion_kernel(k, angle, direction)
    aug = iaa.MotionBlur(k=k, angle=angle, direction=direction)
    out = aug(image=IMAGE)
    ref = cv2.filter2D(IMAGE, -1, kernel, borderType=cv2.BORDER_REFLECT_101)
    assert np.abs(out.astype(int) - ref.astype(int)).max() <= 1
    assert aug.matrix(IMAGE, 3, iarandom.RNG(0)).shape == (k, k)


def test_motion_blur_vertical_kernel_blurs_only_vertically() -> None:
    image = np.zeros((15, 15, 1), np.uint8)
    image[7, 7] = 255
    out = iaa.MotionBlur(k=5, angle=0, direction=0.0)(image=image)[..., 0]
    assert set(np.nonzero(out)[1]) == {7}
    assert set(np.nonzero(out)[0]) == {5, 6, 7, 8, 9}


def test_motion_blur_even_k_and_bad_order() -> None:
    out = iaa.MotionBlur(k=4, angle=0, direction=0.0)(image=IMAGE)
    assert np.array_equal(out, iaa.MotionBlur(k=5, angle=0, direction=0.0)(image=IMAGE))
    with pytest.raises(ValueError, match="order"):
        iaa.MotionBlur(order=3)
    with pytest.raises(ValueError):
        iaa.MotionBlur(k=1)


def test_mean_shift_blur_function_and_augmenter() -> None:
    ref = cv2.pyrMeanShiftFiltering(IMAGE, 10.0, 20.0)
    assert np.array_equal(iaa_blur.blur_mean_shift_(IMAGE, 10.0, 20.0), ref)
    gray = IMAGE[..., 0]
    out2d = iaa_blur.blur_mean_shift_(gray, 5.0, 10.0)
    ref_gray = cv2.pyrMeanShiftFiltering(cv2.merge([gray, gray, gray]), 5.0, 10.0)[..., 0]
    assert out2d.shape == gray.shape and np.array_equal(out2d, ref_gray)
    out = iaa.MeanShiftBlur(spatial_radius=10.0, color_radius=20.0)(image=IMAGE)
    assert np.array_equal(out, ref)
    with pytest.raises(TypeError, match="uint8"):
        iaa_blur.blur_mean_shift_(IMAGE.astype(np.float32), 5.0, 5.0)
    with pytest.raises(ValueError, match="channels"):
        iaa.MeanShiftBlur()(image=np.zeros((8, 8, 2), np.uint8))


@pytest.mark.parametrize("aug", [iaa.GaussianBlur(1.0), iaa.AverageBlur(3), iaa.MedianBlur(3),
                                 iaa.MotionBlur(5), iaa.BilateralBlur(5)])
def test_blur_leaves_annotations_unchanged(aug) -> None:
    kps = KeypointsOnImage.from_xy_array(np.array([[3.0, 4.0], [10.5, 7.25]]),
                                         shape=IMAGE.shape)
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 10, 12)], shape=IMAGE.shape)
    _, kps_aug, bbs_aug = aug(image=IMAGE, keypoints=kps, bounding_boxes=bbs)
    assert np.allclose(kps_aug.to_xy_array(), kps.to_xy_array())
    assert np.allclose(bbs_aug.to_xyxy_array(), bbs.to_xyxy_array())


def test_blur_seeds() -> None:
    images = np.stack([IMAGE] * 4)
    for cls, kwargs in ((iaa.GaussianBlur, {"sigma": (0.5, 3.0)}),
                        (iaa.MotionBlur, {"k": (3, 9)}), (iaa.AverageBlur, {"k": (2, 7)})):
        a = cls(seed=1, **kwargs)(images=images)
        b = cls(seed=1, **kwargs)(images=images)
        c = cls(seed=2, **kwargs)(images=images)
        assert np.array_equal(a, b)
        assert not np.array_equal(a, c)


def test_blur_does_not_write_into_read_only_input() -> None:
    images = np.stack([IMAGE] * 2)
    images.flags.writeable = False
    for aug in (iaa.GaussianBlur(1.0), iaa.MotionBlur(5), iaa.MedianBlur(3)):
        out = aug(images=images)
        assert out.shape == images.shape
