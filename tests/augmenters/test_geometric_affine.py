"""Affine family: matrix vs an independent construction, alignment of every annotation type,
fit_output, cval/mode, dtypes and argument errors."""

from __future__ import annotations

import math
import warnings

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import parameters as iap
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def _rot(deg: float) -> np.ndarray:
    r = math.radians(deg)
    return np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])


def _shift(tx: float, ty: float) -> np.ndarray:
    return np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]], dtype=np.float64)


def _reference_matrix(h, w, sx=1.0, sy=1.0, tx=0.0, ty=0.0, rot=0.0, shx=0.0, shy=0.0):
    """imgaug 0.4.0's chain, built from elementary matrices: y-shear as an x-shear in a frame
    rotated by 90 degrees, then scale, x-shear (skimage convention) and rotation, about the
    centre of the pixel grid."""
    def shear(deg):
        s = math.radians(deg)
        return np.array([[1, -math.sin(s), 0], [0, math.cos(s), 0], [0, 0, 1]])

    shear_y = _rot(90) @ shear(shy) @ _rot(-90)
    linear = _rot(rot) @ shear(shx) @ np.diag([sx, sy, 1.0]) @ shear_y
    cx, cy = (w - 1) / 2, (h - 1) / 2
    return _shift(cx + tx, cy + ty) @ linear @ _shift(-cx, -cy)


def _image(h=40, w=52, c=3, seed=0, dtype=np.uint8):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(h, w, c)).astype(dtype)


def _centroid(arr: np.ndarray) -> np.ndarray:
    arr = arr.astype(np.float64)
    if arr.ndim == 3:
        arr = arr.sum(axis=2)
    ys, xs = np.mgrid[0:arr.shape[0], 0:arr.shape[1]]
    return np.array([(arr * (xs + 0.5)).sum(), (arr * (ys + 0.5)).sum()]) / arr.sum()


def _dot_image(h=48, w=56, x=30, y=20, sigma=1.5):
    """A smooth (Gaussian) dot centred on pixel (x, y): its warped centroid is accurate."""
    ys, xs = np.mgrid[0:h, 0:w]
    blob = np.exp(-((xs - x) ** 2 + (ys - y) ** 2) / (2 * sigma ** 2))
    return blob.astype(np.float32)[:, :, np.newaxis]


@pytest.mark.parametrize("params", [
    {"rotate": 30.0},
    {"scale": {"x": 1.3, "y": 0.8}},
    {"shear": {"x": 15.0, "y": -10.0}},
    {"translate_px": {"x": 7, "y": -3}},
    {"scale": 1.1, "rotate": -20.0, "shear": {"x": 8.0, "y": 12.0},
     "translate_percent": {"x": 0.1, "y": -0.05}},
])
def test_warp_matches_independent_matrix(params) -> None:
    image = _image()
    h, w = image.shape[:2]
    scale = params.get("scale", 1.0)
    sx, sy = (scale["x"], scale["y"]) if isinstance(scale, dict) else (scale, scale)
    shear = params.get("shear", {"x": 0.0, "y": 0.0})
    if "translate_px" in params:
        tx, ty = params["translate_px"]["x"], params["translate_px"]["y"]
    else:
        tp = params.get("translate_percent", {"x": 0.0, "y": 0.0})
        tx, ty = tp["x"] * w, tp["y"] * h
    ref = _reference_matrix(h, w, sx, sy, tx, ty, params.get("rotate", 0.0), shear["x"],
                            shear["y"])
    expected = cv2.warpAffine(image, ref[:2], (w, h), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    out = iaa.Affine(**params, seed=1)(image=image)
    assert out.shape == image.shape
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1


def test_positive_translation_moves_content_right_and_down() -> None:
    image = _dot_image()
    out = iaa.Affine(translate_px={"x": 5, "y": 3})(image=image)
    assert np.allclose(_centroid(out), _centroid(image) + [5, 3])


@pytest.mark.parametrize("kwargs", [
    {"scale": 1.0}, {"rotate": 0}, {"shear": 0}, {"translate_px": 0},
    {"translate_percent": {"x": 0.0}}, {"scale": {"x": 1.0, "y": 1.0}, "fit_output": True},
])
def test_identity_settings_return_the_input(kwargs) -> None:
    images = np.stack([_image(seed=i) for i in range(3)])
    out = iaa.Affine(**kwargs)(images=images)
    assert np.array_equal(out, images)


def test_default_arguments_are_imgaugs() -> None:
    aug = iaa.Affine()
    assert isinstance(aug.scale, tuple) and isinstance(aug.shear, tuple)
    assert aug.translate[2] == "percent"
    out = aug(images=[_image(seed=i) for i in range(4)])
    assert any(not np.array_equal(o, _image(seed=i)) for i, o in enumerate(out))


@pytest.mark.parametrize("aug", [
    iaa.Affine(rotate=(-45, 45), scale=(0.7, 1.3), shear={"x": (-15, 15), "y": (-15, 15)},
               translate_px=(-6, 6)),
    iaa.Affine(rotate=(-60, 60), fit_output=True),
    iaa.Affine(scale={"x": (0.5, 2.0), "y": (0.5, 2.0)}, fit_output=True),
    iaa.ScaleX((0.6, 1.4)), iaa.ScaleY((0.6, 1.4)), iaa.TranslateX(px=(-8, 8)),
    iaa.TranslateY(percent=(-0.2, 0.2)), iaa.Rotate((-90, 90)), iaa.ShearX((-30, 30)),
    iaa.ShearY((-30, 30)),
], ids=lambda a: type(a).__name__)
def test_keypoint_stays_on_its_pixel(aug) -> None:
    """The keypoint at a smooth dot's centre ends up within 0.1 px of the warped dot's
    intensity centroid."""
    rng = np.random.default_rng(3)
    for seed in range(8):
        x, y = int(rng.integers(18, 38)), int(rng.integers(16, 32))
        image = _dot_image(x=x, y=y)
        kps = KeypointsOnImage.from_xy_array(np.array([[x + 0.5, y + 0.5]]), shape=image.shape)
        aug.seed_(seed)
        out, kps_aug = aug(image=image, keypoints=kps)
        assert kps_aug.shape == out.shape
        if out.sum() < 1:
            continue
        assert np.allclose(kps_aug.to_xy_array()[0], _centroid(out), atol=0.1)


def test_boxes_polygons_and_maps_follow_the_image() -> None:
    image = np.zeros((60, 80, 3), dtype=np.uint8)
    image[20:30, 30:44] = 255
    bbs = BoundingBoxesOnImage([BoundingBox(30, 20, 44, 30)], shape=image.shape)
    polys = PolygonsOnImage([Polygon([(30, 20), (44, 20), (44, 30), (30, 30)])],
                            shape=image.shape)
    heat = np.zeros((30, 40), dtype=np.float32)  # half resolution
    heat[10:15, 15:22] = 1.0
    seg = np.zeros((60, 80), dtype=np.int32)
    seg[20:30, 30:44] = 2
    aug = iaa.Affine(rotate=90, translate_px={"x": 4, "y": -2}, fit_output=True, seed=0)
    out, bbs_aug, polys_aug, heat_aug, seg_aug = aug(
        image=image, bounding_boxes=bbs, polygons=polys,
        heatmaps=HeatmapsOnImage(heat, shape=image.shape),
        segmentation_maps=SegmentationMapsOnImage(seg, shape=image.shape))
    assert out.shape == (80, 60, 3)
    assert bbs_aug.shape == polys_aug.shape == heat_aug.shape == seg_aug.shape == out.shape
    assert heat_aug.get_arr().shape == (40, 30)
    ys, xs = np.nonzero(out[..., 0] > 127)
    box = bbs_aug.bounding_boxes[0]
    assert abs(box.x1 - xs.min()) <= 1 and abs(box.x2 - (xs.max() + 1)) <= 1
    assert abs(box.y1 - ys.min()) <= 1 and abs(box.y2 - (ys.max() + 1)) <= 1
    assert np.allclose(polys_aug.polygons[0].to_bounding_box().coords, box.coords, atol=1e-3)
    seg_ys, seg_xs = np.nonzero(seg_aug.get_arr() == 2)
    assert set(np.unique(seg_aug.get_arr())) <= {0, 2}
    assert (seg_ys.min(), seg_xs.min()) == (ys.min(), xs.min())
    assert np.allclose(_centroid(heat_aug.get_arr()) * 2, _centroid(out[..., 0]), atol=0.6)


def test_fit_output_sizes_and_content() -> None:
    image = np.full((30, 50, 1), 200, dtype=np.uint8)
    out = iaa.Affine(rotate=90, fit_output=True)(image=image)
    assert out.shape == (50, 30, 1)
    assert (out == 200).all()
    out = iaa.Affine(rotate=45, fit_output=True)(image=image.astype(np.float32))
    diag = (29 + 49) / math.sqrt(2) + 1
    assert out.shape[:2] == (math.ceil(diag), math.ceil(diag))
    assert abs(out.sum() - image.astype(np.float64).sum()) / image.sum() < 0.02
    out = iaa.Affine(scale=2.0, translate_px=10, fit_output=True)(image=image)
    assert out.shape == (59, 99, 1)  # translation is cancelled, the whole image is kept


def test_cval_per_channel_and_modes() -> None:
    image = np.full((10, 12, 3), 100, dtype=np.uint8)
    image[:, 0] = 7
    out = iaa.Affine(translate_px={"x": 3}, cval=iap.DeterministicList([10, 20, 30]))(
        image=image)
    assert out[:, :3].reshape(-1, 3).tolist() == [[10, 20, 30]] * 30
    out = iaa.Affine(translate_px={"x": 3}, mode="edge")(image=image)
    assert (out[:, :4] == 7).all()
    out = iaa.Affine(translate_px={"x": 3}, mode="wrap")(image=image)
    assert np.array_equal(out, np.roll(image, 3, axis=1))
    out = iaa.Affine(translate_px={"x": 3}, cval=300)(image=image)  # clipped to 255
    assert (out[:, :3] == 255).all()


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "uint32", "int8", "int16",
                                   "int32", "float16", "float32", "float64"])
@pytest.mark.parametrize("order", [0, 1, 3])
def test_dtypes(dtype: str, order: int) -> None:
    dt = np.dtype(dtype)
    image = np.zeros((12, 14, 2), dtype=dt)
    if dt.kind == "b":
        image[4:8, 4:8] = True
        value = True
    else:
        value = 100 if dt.kind in "iuf" else 1
        if dt.kind in "iu":
            value = np.iinfo(dt).max - 1 if dt.itemsize <= 2 else 1_000_000
        image[4:8, 4:8] = value
    out = iaa.Affine(translate_px={"x": 2, "y": 1}, order=order)(image=image)
    assert out.dtype == dt and out.shape == image.shape
    assert np.array_equal(out, np.roll(np.roll(image, 2, axis=1), 1, axis=0))


def test_linear_interpolation_of_integers_is_rounded() -> None:
    image = np.zeros((4, 8, 1), dtype=np.int16)
    image[:, 4:] = 1001
    out = iaa.Affine(translate_percent={"x": 0.5 / 8})(image=image)  # half a pixel
    assert out[0, 4, 0] == 500 or out[0, 4, 0] == 501
    out32 = iaa.Affine(translate_percent={"x": 0.5 / 8})(image=image.astype(np.int32))
    assert out32.dtype == np.int32 and out32[0, 4, 0] in (500, 501)


def test_many_channels_with_per_channel_cval() -> None:
    image = np.zeros((6, 6, 7), dtype=np.uint8)
    out = iaa.Affine(translate_px={"x": 2}, cval=iap.DeterministicList([5, 6, 7]))(image=image)
    assert out[0, 0].tolist() == [5, 6, 7, 7, 7, 7, 7]


def test_int64_is_rejected() -> None:
    with pytest.raises(ValueError, match="int64"):
        iaa.Affine(rotate=10)(image=np.zeros((5, 5, 1), dtype=np.int64))


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"scale": 0.0}, "scale"),
    ({"scale": {"z": 1.0}}, "scale"),
    ({"translate_px": 2, "translate_percent": 0.1}, "translate"),
    ({"translate_px": 1.5}, "translate_px"),
    ({"translate_percent": {}}, "translate_percent"),
    ({"shear": {"x": 1, "q": 2}}, "shear"),
    ({"rotate": "a lot"}, "rotate"),
    ({"order": 7}, "order"),
    ({"order": 2, "backend": "cv2"}, "order"),
    ({"mode": "mirror"}, "mode"),
    ({"cval": "black"}, "cval"),
    ({"backend": "torch"}, "backend"),
])
def test_bad_arguments_raise_value_errors(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        iaa.Affine(**kwargs)


def test_fit_output_must_be_bool() -> None:
    with pytest.raises(TypeError, match="fit_output"):
        iaa.Affine(rotate=3, fit_output="yes")


def test_bad_stochastic_mode_raises_at_draw_time() -> None:
    aug = iaa.Affine(rotate=5, mode=iap.Deterministic("mirror"))
    with pytest.raises(ValueError, match="mode"):
        aug(image=_image())


def test_wrappers_route_to_one_axis() -> None:
    assert isinstance(iaa.ScaleX(1.5).scale, tuple)
    aug = iaa.TranslateY(px=4)
    image = _dot_image()
    out = aug(image=image)
    assert np.allclose(_centroid(out), _centroid(image) + [0, 4])
    out = iaa.ShearX(20)(image=image)
    c0, c1 = _centroid(image), _centroid(out)
    # skimage's shear convention (as in imgaug 0.4.0): x' = x - sin(s)*y, y' = cos(s)*y
    rel = c0 - [28, 24]
    expected = [28 + rel[0] - math.sin(math.radians(20)) * rel[1],
                24 + math.cos(math.radians(20)) * rel[1]]
    assert np.allclose(c1, expected, atol=0.05)


def test_affine_cv2_matches_affine_for_shared_settings() -> None:
    image = _image()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        old = iaa.AffineCv2(rotate=25, scale=1.1, translate_px={"x": 3, "y": -2},
                            order="nearest", mode="replicate")
    new = iaa.Affine(rotate=25, scale=1.1, translate_px={"x": 3, "y": -2}, order=0,
                     mode="edge")
    assert np.array_equal(old(image=image), new(image=image))
    with pytest.raises(ValueError, match="mode"), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        iaa.AffineCv2(mode="edge")
