"""Benchmark operations: each imgaug2 augmenter with fixed arguments, the raw OpenCV/NumPy
kernel doing the same work, and albumentations' equivalent transform (when it has one)."""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np


@dataclass
class Op:
    name: str
    category: str                       # "fast", "moderate", "slow" (the performance guide)
    imgaug2: Callable[[], Any]          # builds the augmenter
    raw: Callable[[np.ndarray], np.ndarray] | None = None   # one image -> one image
    # (A) -> transform, or (A, (H, W, C)) -> transform where the arguments depend on the shape
    albumentations: Callable[..., Any] | None = None
    imgaug: str | None = None           # expression for imgaug 0.4.0 (``iaa`` in scope)
    # Why albumentations' transform does different work (then its ratio is shown, not held
    # to the >= 1 target).
    albumentations_differs: str | None = None


def _iaa():
    import imgaug2.augmenters as iaa

    return iaa


def _affine_matrix(shape: tuple[int, ...], rotate: float, scale: float) -> np.ndarray:
    h, w = shape[:2]
    return cv2.getRotationMatrix2D((w / 2 - 0.5, h / 2 - 0.5), -rotate, scale)


def _remap_linear(image: np.ndarray, dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """Bilinear ``cv2.remap`` by a displacement field, on fixed-point maps (the faster way in
    OpenCV 5, and what its float maps did in OpenCV 4)."""
    h, w = image.shape[:2]
    xx, yy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    map1, map2 = cv2.convertMaps(xx + dx, yy + dy, cv2.CV_16SC2)
    return cv2.remap(image, map1, map2, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)


def _raw_elastic(image: np.ndarray) -> np.ndarray:
    """ElasticTransformation(alpha=50, sigma=5, order=1)'s work: uniform noise fields blurred
    with imgaug's 13-tap kernel for sigma 5, scaled by alpha, one bilinear remap."""
    h, w = image.shape[:2]
    alpha, sigma, ksize = 50.0, 5.0, 13
    rng = np.random.default_rng(0)
    dx = rng.uniform(-1, 1, (h, w)).astype(np.float32)
    dy = rng.uniform(-1, 1, (h, w)).astype(np.float32)
    dx = cv2.GaussianBlur(dx, (ksize, ksize), sigma) * alpha
    dy = cv2.GaussianBlur(dy, (ksize, ksize), sigma) * alpha
    return _remap_linear(image, dx, dy)


def _raw_piecewise(image: np.ndarray, scale: float = 0.03) -> np.ndarray:
    h, w = image.shape[:2]
    rng = np.random.default_rng(0)
    coarse = rng.normal(0, scale * min(h, w), (2, 4, 4)).astype(np.float32)
    dx = cv2.resize(coarse[0], (w, h), interpolation=cv2.INTER_LINEAR)
    dy = cv2.resize(coarse[1], (w, h), interpolation=cv2.INTER_LINEAR)
    return _remap_linear(image, dx, dy)


def _raw_perspective(image: np.ndarray) -> np.ndarray:
    """PerspectiveTransform's work with keep_size=True (as imgaug and albumentations do it):
    warp the jittered quadrilateral onto a rectangle of its size, resize back to the image
    size (INTER_AREA: imgaug's choice when an axis grows)."""
    h, w = image.shape[:2]
    src = np.float32([[5, 3], [w - 4, 6], [w - 6, h - 5], [4, h - 3]])
    out_w = int(max(np.hypot(*(src[1] - src[0])), np.hypot(*(src[2] - src[3]))))
    out_h = int(max(np.hypot(*(src[2] - src[1])), np.hypot(*(src[3] - src[0]))))
    dst = np.float32([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]])
    warped = cv2.warpPerspective(image, cv2.getPerspectiveTransform(src, dst), (out_w, out_h),
                                 borderMode=cv2.BORDER_CONSTANT)
    return cv2.resize(warped, (w, h), interpolation=cv2.INTER_AREA)


_GAMMA_LUT = np.clip(((np.arange(256) / 255.0) ** 1.5) * 255 + 0.5, 0, 255).astype(np.uint8)
# LinearContrast(1.2) truncates 127 + 1.2 * (v - 127) (float32) as imgaug does: no affine OpenCV
# call reproduces that table for alpha 1.2 (cv2.convertScaleAbs also mirrors negatives), so the
# kernel doing the same work is the lookup.
_LINEAR_LUT = np.clip(127 + np.float32(1.2) * (np.arange(256, dtype=np.float32) - 127), 0,
                      255).astype(np.uint8)
_RNG = np.random.default_rng(0)


def all_ops() -> list[Op]:
    iaa = _iaa()
    return [
        Op("Fliplr", "fast", lambda: iaa.Fliplr(1.0), lambda im: cv2.flip(im, 1),
           lambda A: A.HorizontalFlip(p=1.0), "iaa.Fliplr(1.0)"),
        Op("Flipud", "fast", lambda: iaa.Flipud(1.0), lambda im: cv2.flip(im, 0),
           lambda A: A.VerticalFlip(p=1.0), "iaa.Flipud(1.0)"),
        Op("Rot90", "fast", lambda: iaa.Rot90(1, keep_size=False),
           lambda im: cv2.rotate(im, cv2.ROTATE_90_CLOCKWISE), None,
           "iaa.Rot90(1, keep_size=False)"),
        Op("Add", "fast", lambda: iaa.Add(20), lambda im: cv2.add(im, (20, 20, 20, 0)),
           lambda A: A.RandomBrightnessContrast(brightness_range=(20 / 255, 20 / 255),
                                                contrast_range=(0, 0), p=1.0),
           "iaa.Add(20)"),
        Op("Multiply", "fast", lambda: iaa.Multiply(1.2),
           lambda im: cv2.convertScaleAbs(im, alpha=1.2),
           lambda A: A.MultiplicativeNoise(multiplier=(1.2, 1.2), elementwise=False, p=1.0),
           "iaa.Multiply(1.2)"),
        Op("Dropout", "fast", lambda: iaa.Dropout(p=0.1),
           lambda im: im * (_RNG.random(im.shape[:2]) >= 0.1)[..., None].astype(im.dtype),
           lambda A: A.PixelDropout(dropout_prob=0.1, p=1.0), "iaa.Dropout(p=0.1)"),
        Op("Identity", "fast", lambda: iaa.Identity(), lambda im: im, None, "iaa.Identity()"),
        Op("GaussianBlur", "moderate", lambda: iaa.GaussianBlur(sigma=1.0),
           lambda im: cv2.GaussianBlur(im, (5, 5), 1.0),
           lambda A: A.GaussianBlur(blur_range=(5, 5), sigma_range=(1.0, 1.0), p=1.0),
           "iaa.GaussianBlur(sigma=1.0)"),
        Op("Affine", "moderate", lambda: iaa.Affine(rotate=15, scale=1.1),
           lambda im: cv2.warpAffine(im, _affine_matrix(im.shape, 15, 1.1),
                                     (im.shape[1], im.shape[0])),
           lambda A: A.Affine(rotate=(15, 15), scale=(1.1, 1.1), p=1.0),
           "iaa.Affine(rotate=15, scale=1.1)"),
        Op("Resize", "moderate", lambda: iaa.Resize(0.5, interpolation="area"),
           lambda im: cv2.resize(im, (im.shape[1] // 2, im.shape[0] // 2),
                                 interpolation=cv2.INTER_AREA),
           lambda A, shape: A.Resize(shape[0] // 2, shape[1] // 2,
                                     interpolation=cv2.INTER_AREA, p=1.0),
           "iaa.Resize(0.5, interpolation='area')"),
        Op("LinearContrast", "moderate", lambda: iaa.LinearContrast(1.2),
           lambda im: cv2.LUT(im, _LINEAR_LUT),
           lambda A: A.RandomBrightnessContrast(brightness_range=(0, 0),
                                                contrast_range=(0.2, 0.2), p=1.0),
           "iaa.LinearContrast(1.2)"),
        Op("Grayscale", "moderate", lambda: iaa.Grayscale(1.0),
           lambda im: cv2.cvtColor(cv2.cvtColor(im, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB),
           lambda A: A.ToGray(num_output_channels=3, p=1.0), "iaa.Grayscale(1.0)"),
        Op("GammaContrast", "moderate", lambda: iaa.GammaContrast(1.5),
           lambda im: cv2.LUT(im, _GAMMA_LUT),
           lambda A: A.RandomGamma(gamma_range=(150, 150), p=1.0), "iaa.GammaContrast(1.5)"),
        Op("AverageBlur", "moderate", lambda: iaa.AverageBlur(k=5),
           lambda im: cv2.blur(im, (5, 5)), lambda A: A.Blur(blur_range=(5, 5), p=1.0),
           "iaa.AverageBlur(k=5)"),
        Op("MedianBlur", "moderate", lambda: iaa.MedianBlur(k=5),
           lambda im: cv2.medianBlur(im, 5), lambda A: A.MedianBlur(blur_range=(5, 5), p=1.0),
           "iaa.MedianBlur(k=5)"),
        Op("AdditiveGaussianNoise", "moderate", lambda: iaa.AdditiveGaussianNoise(scale=10),
           lambda im: np.clip(im + _RNG.normal(0, 10, im.shape), 0, 255).astype(np.uint8),
           lambda A: A.GaussNoise(std_range=(10 / 255, 10 / 255), mean_range=(0, 0), p=1.0),
           "iaa.AdditiveGaussianNoise(scale=10)"),
        Op("Crop", "fast", lambda: iaa.Crop(px=16, keep_size=False),
           lambda im: im[16:-16, 16:-16].copy(),
           lambda A, shape: A.Crop(x_min=16, y_min=16, x_max=shape[1] - 16,
                                   y_max=shape[0] - 16, p=1.0),
           "iaa.Crop(px=16, keep_size=False)"),
        Op("JpegCompression", "moderate", lambda: iaa.JpegCompression(compression=50),
           lambda im: cv2.imdecode(cv2.imencode(".jpg", im, [cv2.IMWRITE_JPEG_QUALITY, 50])[1],
                                   cv2.IMREAD_UNCHANGED),
           lambda A: A.ImageCompression(quality_range=(50, 50), p=1.0),
           "iaa.JpegCompression(compression=50)"),
        Op("CLAHE", "moderate", lambda: iaa.AllChannelsCLAHE(clip_limit=2, tile_grid_size_px=8),
           None, lambda A: A.CLAHE(clip_range=(2, 2), tile_grid_size=(8, 8), p=1.0),
           "iaa.AllChannelsCLAHE(clip_limit=2, tile_grid_size_px=8)"),
        Op("PerspectiveTransform", "moderate", lambda: iaa.PerspectiveTransform(scale=0.05),
           _raw_perspective, lambda A: A.Perspective(scale=(0.05, 0.05), p=1.0),
           "iaa.PerspectiveTransform(scale=0.05)"),
        # order=1 everywhere: the bilinear interpolation albumentations uses. Its
        # ElasticTransform (AlbumentationsX 2.x) is a 7x7 control-grid spline warp, not a
        # blurred dense noise field, so it does less work than imgaug's algorithm.
        Op("ElasticTransformation", "slow",
           lambda: iaa.ElasticTransformation(alpha=50, sigma=5, order=1), _raw_elastic,
           lambda A: A.ElasticTransform(p=1.0),
           "iaa.ElasticTransformation(alpha=50, sigma=5, order=1)",
           albumentations_differs="control-grid spline warp instead of a blurred dense "
                                  "noise field"),
        Op("PiecewiseAffine", "slow", lambda: iaa.PiecewiseAffine(scale=0.03), _raw_piecewise,
           lambda A: A.PiecewiseAffine(scale_range=(0.03, 0.03), p=1.0),
           "iaa.PiecewiseAffine(scale=0.03)"),
        Op("Superpixels", "slow", lambda: iaa.Superpixels(p_replace=0.5, n_segments=64), None,
           lambda A: A.Superpixels(p_replace_range=(0.5, 0.5), n_segments_range=(64, 64),
                                 p=1.0),
           "iaa.Superpixels(p_replace=0.5, n_segments=64)"),
        Op("BilateralBlur", "slow", lambda: iaa.BilateralBlur(d=7, sigma_color=75,
                                                              sigma_space=75),
           lambda im: cv2.bilateralFilter(im, 7, 75, 75), None,
           "iaa.BilateralBlur(d=7, sigma_color=75, sigma_space=75)"),
        Op("MotionBlur", "slow", lambda: iaa.MotionBlur(k=7, angle=45), None,
           lambda A: A.MotionBlur(blur_range=(7, 7), angle_range=(45, 45), allow_shifted=False,
                                  p=1.0),
           "iaa.MotionBlur(k=7, angle=45)"),
    ]


def build_albumentations(op: Op, A: Any, shape: tuple[int, ...]) -> Any:
    """``op``'s albumentations transform for images of ``shape``.

    Raises ``ValueError`` when albumentations ignores an argument (it only warns, and would
    then run with its random defaults: a different amount of work than the other contenders).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if len(inspect.signature(op.albumentations).parameters) == 2:
            transform = op.albumentations(A, shape)
        else:
            transform = op.albumentations(A)
    ignored = [str(w.message) for w in caught if "not valid" in str(w.message)]
    if ignored:
        raise ValueError(f"albumentations {A.__version__} ignored arguments of {op.name}: "
                         f"{ignored[0]}")
    return transform
