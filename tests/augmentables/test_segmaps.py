"""SegmentationMapsOnImage: dtypes, drawing, padding, resizing, copies."""

from __future__ import annotations

import pickle

import cv2
import numpy as np
import pytest

from imgaug2 import imgaug as ia
from imgaug2.augmentables.segmaps import (
    DEFAULT_SEGMENT_COLORS,
    SegmentationMapOnImage,
    SegmentationMapsOnImage,
)


def _ids(height: int = 4, width: int = 6, channels: int | None = None,
         dtype: type = np.int32) -> np.ndarray:
    size = height * width * (channels or 1)
    arr = (np.arange(size) % 4).astype(dtype)
    return arr.reshape((height, width) if channels is None else (height, width, channels))


# ---- construction ----------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", [np.bool_, np.uint8, np.uint16, np.int8, np.int16, np.int32,
                                   np.int64])
@pytest.mark.parametrize("channels", [None, 3])
def test_get_arr_returns_the_input_dtype_and_ndim(dtype, channels) -> None:
    arr = _ids(channels=channels) % 2 if dtype is np.bool_ else _ids(channels=channels)
    arr = arr.astype(dtype)
    segmap = SegmentationMapsOnImage(arr, shape=(4, 6, 3))
    assert segmap.arr.dtype == np.int32 and segmap.arr.ndim == 3
    out = segmap.get_arr()
    assert out.dtype == arr.dtype and out.shape == arr.shape
    assert np.array_equal(out, arr)


@pytest.mark.parametrize("arr, match", [
    (np.zeros((4, 4), dtype=np.uint32), "uint8 or uint16"),
    (np.array([[0, -1]], dtype=np.int32), ">= 0"),
    (np.array([[0, 2 ** 40]], dtype=np.int64), "int32"),
    (np.zeros((4,), dtype=np.int32), "shape"),
    (np.zeros((2, 2), dtype=np.complex64), "bool, int or uint"),
])
def test_invalid_arrays_raise(arr, match) -> None:
    with pytest.raises(ValueError, match=match):
        SegmentationMapsOnImage(arr, shape=(4, 4))


def test_non_array_and_array_shape_raise() -> None:
    with pytest.raises(TypeError, match="numpy array"):
        SegmentationMapsOnImage([[0, 1]], shape=(1, 2))
    with pytest.raises(TypeError, match="shape"):
        SegmentationMapsOnImage(_ids(), shape=np.zeros((4, 6)))


def test_float_arrays_are_deprecated_and_converted() -> None:
    with pytest.warns(ia.DeprecationWarning, match="float"):
        segmap2d = SegmentationMapsOnImage(np.array([[0.2, 0.7]], dtype=np.float32), (1, 2))
    assert segmap2d.get_arr().tolist() == [[False, True]]
    probs = np.array([[[0.1, 0.9, 0.0], [0.6, 0.3, 0.1]]], dtype=np.float32)
    with pytest.warns(ia.DeprecationWarning):
        segmap3d = SegmentationMapsOnImage(probs, shape=(1, 2))
    assert segmap3d.get_arr().tolist() == [[1, 0]]


def test_nb_classes_and_old_class_name_are_deprecated() -> None:
    with pytest.warns(ia.DeprecationWarning, match="nb_classes"):
        SegmentationMapsOnImage(_ids(), shape=(4, 6), nb_classes=4)
    with pytest.warns(ia.DeprecationWarning, match="SegmentationMapsOnImage"):
        segmap = SegmentationMapOnImage(_ids(), shape=(4, 6))
    assert isinstance(segmap, SegmentationMapsOnImage)
    with pytest.warns(ia.DeprecationWarning):
        assert np.array_equal(segmap.get_arr_int(), _ids())


# ---- drawing ---------------------------------------------------------------------------------
def test_default_colors_are_distinct_rgb_tuples() -> None:
    colors = SegmentationMapsOnImage.DEFAULT_SEGMENT_COLORS
    assert colors is DEFAULT_SEGMENT_COLORS
    assert len(colors) >= 40 and colors[0] == (0, 0, 0)
    assert len(set(colors)) == len(colors)
    assert all(len(c) == 3 and all(0 <= v <= 255 for v in c) for c in colors)


def test_draw_colors_each_class() -> None:
    arr = _ids(channels=2)
    segmap = SegmentationMapsOnImage(arr, shape=(4, 6))
    drawn = segmap.draw()
    palette = np.array(DEFAULT_SEGMENT_COLORS, dtype=np.uint8)
    assert len(drawn) == 2
    for c in range(2):
        assert drawn[c].dtype == np.uint8
        assert np.array_equal(drawn[c], palette[arr[..., c]])
    colors = [(10, 20, 30), (40, 50, 60), (70, 80, 90), (100, 110, 120)]
    custom = segmap.draw(colors=colors)[0]
    assert np.array_equal(custom, np.array(colors, dtype=np.uint8)[arr[..., 0]])


def test_draw_with_size_resizes_nearest() -> None:
    segmap = SegmentationMapsOnImage(_ids(), shape=(4, 6))
    drawn = segmap.draw(size=(8, 9))[0]
    ids = cv2.resize(_ids(), (9, 8), interpolation=cv2.INTER_NEAREST)
    assert np.array_equal(drawn, np.array(DEFAULT_SEGMENT_COLORS, dtype=np.uint8)[ids])


def test_draw_raises_with_too_few_colors() -> None:
    segmap = SegmentationMapsOnImage(_ids(), shape=(4, 6))
    with pytest.raises(ValueError, match="4 classes"):
        segmap.draw(colors=[(0, 0, 0), (255, 0, 0)])


def test_draw_on_image_blends_foreground_and_keeps_background() -> None:
    rng = np.random.default_rng(1)
    image = rng.integers(0, 255, (4, 6, 3), dtype=np.uint8)
    arr = _ids()
    segmap = SegmentationMapsOnImage(arr, shape=image.shape)
    mixed = segmap.draw_on_image(image, alpha=0.5)[0]
    colors = np.array(DEFAULT_SEGMENT_COLORS, dtype=np.float64)[arr]
    ref = np.round(0.5 * colors + 0.5 * image)
    foreground = arr != 0
    assert np.abs(mixed[foreground].astype(int) - ref[foreground]).max() <= 1
    assert np.array_equal(mixed[~foreground], image[~foreground])
    with_bg = segmap.draw_on_image(image, alpha=0.5, draw_background=True)[0]
    assert np.abs(with_bg.astype(int) - ref).max() <= 1
    other_bg = segmap.draw_on_image(image, alpha=0.5, background_class_id=2)[0]
    assert np.array_equal(other_bg[arr == 2], image[arr == 2])
    assert np.abs(other_bg[arr == 0].astype(int) - ref[arr == 0]).max() <= 1


def test_draw_on_image_alpha_extremes_and_resizing() -> None:
    image = np.full((8, 12, 3), 200, dtype=np.uint8)
    segmap = SegmentationMapsOnImage(_ids(), shape=image.shape)
    full = segmap.draw_on_image(image, alpha=1.0, draw_background=True)[0]
    assert np.array_equal(full, segmap.draw(size=(8, 12))[0])
    assert np.array_equal(segmap.draw_on_image(image, alpha=0.0)[0], image)
    assert segmap.draw_on_image(image, resize="image")[0].shape == (4, 6, 3)
    with pytest.warns(ia.DeprecationWarning, match="background_threshold"):
        segmap.draw_on_image(image, background_threshold=0.5)
    with pytest.raises(ValueError, match="resize"):
        segmap.draw_on_image(image, resize="heatmaps")
    with pytest.raises(ValueError, match="uint8 RGB"):
        segmap.draw_on_image(image[..., 0])


# ---- padding and resizing --------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap", "minimum"])
@pytest.mark.parametrize("channels", [None, 6])
def test_pad_matches_numpy(mode: str, channels: int | None) -> None:
    arr = _ids(channels=channels)
    segmap = SegmentationMapsOnImage(arr, shape=(4, 6))
    padded = segmap.pad(top=2, right=1, bottom=0, left=3, mode=mode, cval=3)
    arr3 = arr if arr.ndim == 3 else arr[..., None]
    kwargs = {"constant_values": 3} if mode == "constant" else {}
    ref = np.pad(arr3, ((2, 0), (3, 1), (0, 0)), mode=mode, **kwargs)
    assert padded.arr.dtype == np.int32 and np.array_equal(padded.arr, ref)
    assert padded.get_arr().shape == ref.shape[0:2] + ((channels,) if channels else ())
    assert padded.shape == (4, 6)


def test_pad_rejects_invalid_class_ids() -> None:
    segmap = SegmentationMapsOnImage(_ids(), shape=(4, 6))
    with pytest.raises(ValueError, match="cval"):
        segmap.pad(top=1, cval=0.5)
    with pytest.raises(ValueError, match="cval"):
        segmap.pad(top=1, cval=-1)


def test_pad_to_aspect_ratio() -> None:
    segmap = SegmentationMapsOnImage(_ids(4, 6), shape=(4, 6))
    padded, pads = segmap.pad_to_aspect_ratio(1.0, return_pad_amounts=True)
    assert pads == (1, 0, 1, 0)
    assert padded.arr.shape == (6, 6, 1)
    assert np.array_equal(padded.arr[1:5, :, 0], _ids(4, 6))


@pytest.mark.parametrize("sizes, hw", [(2.0, (8, 12)), ((3, 7), (3, 7)), ((0.5, 1.5), (2, 9))])
def test_resize_uses_nearest_neighbour(sizes, hw) -> None:
    arr = _ids(channels=2)
    segmap = SegmentationMapsOnImage(arr.astype(np.uint8), shape=(4, 6))
    resized = segmap.resize(sizes)
    ref = cv2.resize(arr, hw[::-1], interpolation=cv2.INTER_NEAREST)
    assert np.array_equal(resized.arr, ref)
    assert resized.get_arr().dtype == np.uint8


def test_resize_rejects_non_nearest_interpolation_and_scale_is_deprecated() -> None:
    segmap = SegmentationMapsOnImage(_ids(), shape=(4, 6))
    with pytest.raises(ValueError, match="nearest"):
        segmap.resize(2.0, interpolation="linear")
    with pytest.warns(ia.DeprecationWarning):
        assert segmap.scale(2.0).arr.shape == (8, 12, 1)


# ---- copies and pickling ---------------------------------------------------------------------
def test_copy_shares_and_deepcopy_copies_the_array() -> None:
    segmap = SegmentationMapsOnImage(_ids().astype(np.uint8), shape=(4, 6))
    shallow, deep = segmap.copy(), segmap.deepcopy()
    assert shallow.arr is segmap.arr
    assert deep.arr is not segmap.arr and np.array_equal(deep.arr, segmap.arr)
    deep.arr[0, 0, 0] = 3
    assert segmap.arr[0, 0, 0] == 0
    replaced = segmap.deepcopy(arr=np.ones((2, 2), dtype=np.int32), shape=(2, 2, 3))
    assert replaced.arr.shape == (2, 2, 1) and replaced.shape == (2, 2, 3)
    assert replaced.get_arr().dtype == np.uint8


def test_pickle_round_trip() -> None:
    segmap = SegmentationMapsOnImage(_ids(channels=2).astype(np.int16), shape=(4, 6, 3))
    restored = pickle.loads(pickle.dumps(segmap))
    assert np.array_equal(restored.get_arr(), segmap.get_arr())
    assert restored.get_arr().dtype == np.int16 and restored.shape == (4, 6, 3)
