"""The *ToFixedSize, *MultiplesOf, *PowersOf, *AspectRatio and *Square augmenters."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
from imgaug2.augmenters import size as iaa_size


def _image(h: int, w: int, c: int = 3, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(1, 255, size=(h, w, c)).astype(np.uint8)


SHAPES = [(10, 10), (17, 23), (23, 17), (31, 64), (1, 5)]


@pytest.mark.parametrize("shape", SHAPES)
def test_output_sizes(shape: tuple) -> None:
    image = _image(*shape)
    h, w = shape

    def run(aug):
        return aug(image=image).shape[:2]

    assert run(iaa_size.PadToFixedSize(width=20, height=15)) == (max(h, 15), max(w, 20))
    assert run(iaa_size.CenterPadToFixedSize(width=20, height=None)) == (h, max(w, 20))
    assert run(iaa_size.CropToFixedSize(width=12, height=15)) == (min(h, 15), min(w, 12))
    assert run(iaa_size.CenterCropToFixedSize(width=None, height=15)) == (min(h, 15), w)
    for cls in (iaa_size.CropToMultiplesOf, iaa_size.CenterCropToMultiplesOf):
        out_h, out_w = run(cls(width_multiple=4, height_multiple=3))
        assert out_h == (h - h % 3 if h >= 3 else h) and out_w == (w - w % 4 if w >= 4 else w)
    for cls in (iaa_size.PadToMultiplesOf, iaa_size.CenterPadToMultiplesOf):
        out_h, out_w = run(cls(width_multiple=4, height_multiple=3))
        assert out_h % 3 == 0 and 0 <= out_h - h < 3 and out_w % 4 == 0 and 0 <= out_w - w < 4
    for cls in (iaa_size.CropToPowersOf, iaa_size.CenterCropToPowersOf):
        out_h, out_w = run(cls(width_base=2, height_base=3))
        assert out_w == (2 ** int(np.floor(np.log2(w))) if w >= 2 else w)
        assert out_h in (1, 3, 9, 27) or out_h == h < 3
    for cls in (iaa_size.PadToPowersOf, iaa_size.CenterPadToPowersOf):
        out_h, out_w = run(cls(width_base=2, height_base=3))
        assert out_w in (2, 4, 8, 16, 32, 64) and out_w >= w and out_w < 2 * max(w, 2)
        assert out_h in (3, 9, 27, 81) and out_h >= h and out_h < 3 * max(h, 3)
    for cls in (iaa_size.CropToSquare, iaa_size.CenterCropToSquare):
        assert run(cls()) == (min(h, w), min(h, w))
    for cls in (iaa_size.PadToSquare, iaa_size.CenterPadToSquare):
        assert run(cls()) == (max(h, w), max(h, w))
    for cls in (iaa_size.CropToAspectRatio, iaa_size.CenterCropToAspectRatio):
        out_h, out_w = run(cls(2.0))
        assert out_h <= h and out_w <= w
        assert out_h == 1 or out_w == 1 or abs(out_w / out_h - 2.0) <= 2.0 / min(out_h, out_w)
    for cls in (iaa_size.PadToAspectRatio, iaa_size.CenterPadToAspectRatio):
        out_h, out_w = run(cls(2.0))
        assert out_h >= h and out_w >= w
        assert abs(out_w / out_h - 2.0) <= 2.0 / min(out_h, out_w)


def test_pad_positions_match_np_pad() -> None:
    image = _image(10, 10)
    expected = [
        ("center", ((2, 3), (3, 3))),
        ("left-top", ((5, 0), (6, 0))),
        ("right-bottom", ((0, 5), (0, 6))),
        ("left-bottom", ((0, 5), (6, 0))),
        ("center-top", ((5, 0), (3, 3))),
        ((0.0, 1.0), ((0, 5), (6, 0))),
        ((iap.Deterministic(1.0), 0.0), ((5, 0), (0, 6))),
    ]
    for position, (pad_y, pad_x) in expected:
        aug = iaa_size.PadToFixedSize(width=16, height=15, position=position, pad_cval=9)
        out = aug(image=image)
        assert np.array_equal(out, np.pad(image, (pad_y, pad_x, (0, 0)), constant_values=9)), \
            position
    out = iaa_size.CenterPadToFixedSize(width=16, height=15, pad_mode="edge")(image=image)
    assert np.array_equal(out, np.pad(image, ((2, 3), (3, 3), (0, 0)), mode="edge"))


def test_crop_positions_match_slicing() -> None:
    image = _image(15, 16)
    expected = {
        "center": image[2:12, 3:13],
        "left-top": image[5:, 6:],       # surplus removed at the left and top
        "right-bottom": image[:10, :10],  # surplus removed at the right and bottom
        "center-bottom": image[:10, 3:13],
        (1.0, 0.0): image[5:, :10],
    }
    for position, ref in expected.items():
        out = iaa_size.CropToFixedSize(width=10, height=10, position=position)(image=image)
        assert np.array_equal(out, ref), position
    out = iaa_size.CenterCropToFixedSize(width=10, height=10)(image=image)
    assert np.array_equal(out, image[2:12, 3:13])


def test_uniform_position_varies_and_stays_within_image() -> None:
    image = np.arange(20 * 20, dtype=np.int32).reshape(20, 20, 1)
    aug = iaa_size.CropToFixedSize(width=5, height=5, seed=0)
    corners = set()
    for out in aug(images=[image] * 30):
        assert out.shape == (5, 5, 1)
        y, x = divmod(int(out[0, 0, 0]), 20)
        assert np.array_equal(out, image[y:y + 5, x:x + 5])
        corners.add((y, x))
    assert len(corners) > 10
    normal = iaa_size.PadToFixedSize(width=30, height=30, position="normal", seed=0)
    assert all(o.shape == (30, 30, 1) for o in normal(images=[image] * 10))


@pytest.mark.parametrize("aug", [
    iaa_size.PadToFixedSize(width=60, height=50, position="uniform", seed=1),
    iaa_size.CropToFixedSize(width=25, height=20, position="uniform", seed=1),
    iaa_size.PadToMultiplesOf(width_multiple=16, height_multiple=16, seed=1),
    iaa_size.CropToMultiplesOf(width_multiple=16, height_multiple=16, seed=1),
    iaa_size.PadToPowersOf(width_base=2, height_base=2, seed=1),
    iaa_size.CropToPowersOf(width_base=2, height_base=2, seed=1),
    iaa_size.PadToAspectRatio(2.5, seed=1),
    iaa_size.CropToAspectRatio(0.5, seed=1),
    iaa_size.PadToSquare(seed=1),
    iaa_size.CropToSquare(seed=1),
], ids=lambda a: type(a).__name__)
def test_annotations_stay_aligned(aug) -> None:
    rng = np.random.default_rng(0)
    for _ in range(5):
        image = np.zeros((34, 42, 3), dtype=np.uint8)
        y, x = int(rng.integers(12, 22)), int(rng.integers(14, 28))
        image[y - 1:y + 2, x - 1:x + 2] = 255
        kps = KeypointsOnImage.from_xy_array(np.array([[x + 0.5, y + 0.5]]), shape=image.shape)
        seg = np.zeros((34, 42), dtype=np.int32)
        seg[y - 1:y + 2, x - 1:x + 2] = 1
        heat = np.zeros((17, 21, 1), dtype=np.float32)
        heat[y // 2, x // 2] = 1.0
        img_aug, kps_aug, seg_aug, heat_aug = aug(
            image=image, keypoints=kps,
            segmentation_maps=SegmentationMapsOnImage(seg, shape=image.shape),
            heatmaps=HeatmapsOnImage(heat, shape=image.shape))
        h, w = img_aug.shape[:2]
        assert kps_aug.shape[:2] == seg_aug.shape[:2] == heat_aug.shape[:2] == (h, w)
        assert seg_aug.get_arr().shape == (h, w)
        kx, ky = kps_aug.to_xy_array()[0]
        if not (0 <= kx < w and 0 <= ky < h):
            continue
        assert img_aug[int(ky), int(kx)].max() == 255
        assert seg_aug.get_arr()[int(ky), int(kx)] == 1
        hh, hw = heat_aug.arr_0to1.shape[:2]
        assert abs(hh - h / 2) <= 1 and abs(hw - w / 2) <= 1
        hy, hx = int(ky * hh / h), int(kx * hw / w)
        assert heat_aug.arr_0to1[max(hy - 1, 0):hy + 2, max(hx - 1, 0):hx + 2].max() > 0.5


def test_list_and_array_containers() -> None:
    images = np.stack([_image(10, 12, seed=i) for i in range(3)])
    out = iaa_size.PadToFixedSize(width=20, height=20, seed=0)(images=images)
    assert isinstance(out, np.ndarray) and out.shape == (3, 20, 20, 3)
    out = iaa_size.CropToFixedSize(width=5, height=5, seed=0)(images=list(images))
    assert isinstance(out, list) and all(o.shape == (5, 5, 3) for o in out)
    mixed = [_image(10, 12), _image(30, 8)]
    out = iaa_size.PadToFixedSize(width=20, height=20, seed=0)(images=mixed)
    assert [o.shape[:2] for o in out] == [(20, 20), (30, 20)]


@pytest.mark.parametrize(("cls", "kwargs", "error", "match"), [
    (iaa_size.PadToFixedSize, {"width": 0, "height": 5}, ValueError, "width"),
    (iaa_size.PadToFixedSize, {"width": 5, "height": 2.5}, TypeError, "height"),
    (iaa_size.PadToFixedSize, {"width": 5, "height": 5, "pad_mode": "bad"}, ValueError,
     "pad_mode"),
    (iaa_size.PadToFixedSize, {"width": 5, "height": 5, "position": "middle"}, ValueError,
     "position"),
    (iaa_size.CropToFixedSize, {"width": 5, "height": 5, "position": (1.5, 0.0)}, ValueError,
     "position"),
    (iaa_size.CropToFixedSize, {"width": 5, "height": 5, "position": (0.5,)}, ValueError,
     "position"),
    (iaa_size.CropToFixedSize, {"width": 5, "height": 5, "position": 3}, TypeError,
     "position"),
    (iaa_size.CropToMultiplesOf, {"width_multiple": 0, "height_multiple": 2}, ValueError,
     "width_multiple"),
    (iaa_size.PadToMultiplesOf, {"width_multiple": 2, "height_multiple": "a"}, TypeError,
     "height_multiple"),
    (iaa_size.CropToPowersOf, {"width_base": 1, "height_base": 2}, ValueError, "width_base"),
    (iaa_size.PadToPowersOf, {"width_base": 2, "height_base": 1}, ValueError, "height_base"),
    (iaa_size.CropToAspectRatio, {"aspect_ratio": 0}, ValueError, "aspect_ratio"),
    (iaa_size.PadToAspectRatio, {"aspect_ratio": "wide"}, TypeError, "aspect_ratio"),
    (iaa_size.PadToSquare, {"pad_cval": "x"}, (TypeError, ValueError), "pad_cval"),
])
def test_bad_arguments(cls, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        cls(**kwargs)


def test_position_parameter_out_of_range_raises() -> None:
    aug = iaa_size.CropToFixedSize(width=5, height=5, position=iap.Deterministic(2.0))
    with pytest.raises(ValueError, match="position"):
        aug(image=_image(10, 10))


def test_get_parameters() -> None:
    assert iaa_size.CropToMultiplesOf(4, 3).get_parameters()[:2] == [4, 3]
    assert iaa_size.PadToPowersOf(2, None).get_parameters()[:2] == [2, None]
    assert iaa_size.PadToAspectRatio(1.5).get_parameters()[0] == 1.5
    assert iaa_size.PadToFixedSize(7, 8).get_parameters()[:2] == [7, 8]


def test_axes_below_multiple_or_base_are_left_alone() -> None:
    image = _image(5, 7)
    assert iaa_size.CropToMultiplesOf(width_multiple=10, height_multiple=4)(
        image=image).shape[:2] == (4, 7)
    assert iaa_size.CropToPowersOf(width_base=8, height_base=2)(image=image).shape[:2] == (4, 7)
    assert iaa_size.CenterCropToMultiplesOf(None, None)(image=image).shape[:2] == (5, 7)
