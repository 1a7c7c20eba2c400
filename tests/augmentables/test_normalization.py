"""normalize_* / invert_normalize_*: every input form round-trips (type, nesting, dtype)."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2.augmentables import normalization as nlib
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

SHAPES_1 = [(20, 30, 3)]
SHAPES_2 = [(20, 30, 3), (10, 40, 3)]


def _same(a, b) -> None:
    """Recursive equality of type, nesting, dtype and values."""
    assert type(a) is type(b), (type(a), type(b))
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert np.allclose(a, b)
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif isinstance(a, Keypoint):
        assert np.isclose(a.x, b.x) and np.isclose(a.y, b.y)
    elif isinstance(a, BoundingBox):
        assert np.allclose([a.x1, a.y1, a.x2, a.y2], [b.x1, b.y1, b.x2, b.y2])
    elif isinstance(a, (Polygon, LineString)):
        assert np.allclose(a.coords, b.coords)
    elif isinstance(a, (KeypointsOnImage, BoundingBoxesOnImage, PolygonsOnImage,
                        LineStringsOnImage)):
        assert a.shape == b.shape
        _same(list(a.items), list(b.items))
    elif isinstance(a, HeatmapsOnImage):
        assert np.allclose(a.arr_0to1, b.arr_0to1)
    elif isinstance(a, SegmentationMapsOnImage):
        assert np.array_equal(a.arr, b.arr)
    else:
        assert a == b


def _round_trip(kind: str, value, shapes, nb_rows: int):
    normalize = getattr(nlib, f"normalize_{kind}")
    invert = getattr(nlib, f"invert_normalize_{kind}")
    normalized = normalize(value, shapes)
    assert isinstance(normalized, list) and len(normalized) == nb_rows
    inverted = invert(normalized, value)
    _same(inverted, value)
    return normalized


# ---- images ----------------------------------------------------------------------------------
@pytest.mark.parametrize("images, expected", [
    (np.zeros((5, 6), np.uint8), (1, 5, 6, 1)),
    (np.zeros((2, 5, 6), np.float32), (2, 5, 6, 1)),
    (np.zeros((2, 5, 6, 3), np.uint16), (2, 5, 6, 3)),
])
def test_image_arrays_round_trip(images, expected) -> None:
    normalized = nlib.normalize_images(images)
    assert normalized.shape == expected
    _same(nlib.invert_normalize_images(normalized, images), images)


@pytest.mark.parametrize("images", [
    [np.zeros((5, 6), np.uint8), np.zeros((4, 3, 3), np.uint8)],
    (np.zeros((5, 6), np.uint8), np.zeros((4, 3, 1), np.float32)),
    [],
])
def test_image_lists_round_trip(images) -> None:
    normalized = nlib.normalize_images(images)
    assert isinstance(normalized, list)
    assert all(image.ndim == 3 for image in normalized)
    _same(nlib.invert_normalize_images(normalized, images), images)


def test_images_that_became_a_list_during_augmentation() -> None:
    old = np.zeros((2, 5, 6), np.uint8)
    augmented = [np.zeros((3, 3, 1), np.uint8), np.zeros((4, 4, 1), np.uint8)]
    result = nlib.invert_normalize_images(augmented, old)
    assert isinstance(result, list) and [r.shape for r in result] == [(3, 3), (4, 4)]
    single = nlib.invert_normalize_images([np.zeros((3, 3, 1), np.uint8)],
                                          np.zeros((5, 6), np.uint8))
    assert single.shape == (3, 3)
    assert nlib.invert_normalize_images(None, None) is None


@pytest.mark.parametrize("images, exc", [
    (np.zeros((5,), np.uint8), ValueError),
    (np.zeros((1, 2, 3, 4, 5), np.uint8), ValueError),
    ([np.zeros((5,), np.uint8)], ValueError),
    ([[0, 1], [2, 3]], TypeError),
    ("image.png", TypeError),
])
def test_invalid_images_raise_naming_the_argument(images, exc) -> None:
    with pytest.raises(exc, match="images"):
        nlib.normalize_images(images)


# ---- heatmaps / segmentation maps ------------------------------------------------------------
def _heat(*shape: int, dtype=np.float32) -> np.ndarray:
    return (np.arange(np.prod(shape)) / np.prod(shape)).astype(dtype).reshape(shape)


@pytest.mark.parametrize("value, shapes, rows", [
    ([HeatmapsOnImage(_heat(5, 6), (20, 30, 3))], SHAPES_1, 1),
    ([HeatmapsOnImage(_heat(5, 6), (20, 30, 3)), HeatmapsOnImage(_heat(2, 2, 2), (10, 40))],
     SHAPES_2, 2),
    ((HeatmapsOnImage(_heat(5, 6), (20, 30, 3)),), SHAPES_1, 1),
    (_heat(2, 5, 6, 2), SHAPES_2, 2),
    (_heat(2, 5, 6, dtype=np.float64), SHAPES_2, 2),
    ([_heat(5, 6, 1), _heat(3, 4, 2, dtype=np.float16)], SHAPES_2, 2),
    ([_heat(5, 6), _heat(3, 4)], SHAPES_2, 2),
])
def test_heatmaps_round_trip(value, shapes, rows) -> None:
    normalized = _round_trip("heatmaps", value, shapes, rows)
    assert all(isinstance(hm, HeatmapsOnImage) for hm in normalized)
    if isinstance(value, np.ndarray) or isinstance(value[0], np.ndarray):
        assert [hm.shape for hm in normalized] == shapes


def test_single_heatmaps_object_round_trips() -> None:
    heatmaps = HeatmapsOnImage(_heat(5, 6), (20, 30, 3))
    normalized = nlib.normalize_heatmaps(heatmaps, SHAPES_1)
    assert normalized == [heatmaps]
    assert nlib.invert_normalize_heatmaps(normalized, heatmaps) is heatmaps


def test_heatmap_arrays_need_images() -> None:
    with pytest.raises(ValueError, match="heatmaps.*no images"):
        nlib.normalize_heatmaps(_heat(2, 5, 6, 1), None)
    with pytest.raises(ValueError, match="heatmaps.*images"):
        nlib.normalize_heatmaps(_heat(3, 5, 6, 1), SHAPES_2)
    with pytest.raises(ValueError, match="heatmaps"):
        nlib.normalize_heatmaps(np.zeros((2, 5, 6), np.int32), SHAPES_2)
    with pytest.raises(ValueError, match="heatmaps"):
        nlib.normalize_heatmaps([HeatmapsOnImage(_heat(5, 6), (5, 6))], SHAPES_2)


@pytest.mark.parametrize("value, shapes, rows", [
    (SegmentationMapsOnImage(np.zeros((5, 6), np.int32), (20, 30, 3)), SHAPES_1, 1),
    ([SegmentationMapsOnImage(np.ones((5, 6, 2), np.uint8), (20, 30, 3))] * 2, SHAPES_2, 2),
    (np.arange(2 * 5 * 6 * 2).reshape(2, 5, 6, 2).astype(np.int64) % 5, SHAPES_2, 2),
    (np.arange(2 * 5 * 6).reshape(2, 5, 6).astype(np.uint16) % 3, SHAPES_2, 2),
    (np.zeros((2, 5, 6), bool), SHAPES_2, 2),
    ([np.ones((5, 6), np.int8), np.ones((3, 3, 1), np.int32)], SHAPES_2, 2),
    ([np.ones((5, 6), bool)], SHAPES_1, 1),
])
def test_segmentation_maps_round_trip(value, shapes, rows) -> None:
    normalized = _round_trip("segmentation_maps", value, shapes, rows)
    assert all(isinstance(segmap, SegmentationMapsOnImage) for segmap in normalized)


def test_segmentation_map_errors_name_the_argument() -> None:
    with pytest.raises(ValueError, match="segmentation_maps.*no images"):
        nlib.normalize_segmentation_maps(np.zeros((2, 5, 6), np.int32))
    with pytest.raises(ValueError, match="segmentation_maps"):
        nlib.normalize_segmentation_maps(np.zeros((2, 5, 6), np.float32), SHAPES_2)
    with pytest.raises(ValueError, match="segmentation_maps.*images"):
        nlib.normalize_segmentation_maps([np.zeros((5, 6), np.int32)], SHAPES_2)


# ---- keypoints -------------------------------------------------------------------------------
KPS_FORMATS = [
    (KeypointsOnImage([Keypoint(1, 2)], (20, 30, 3)), SHAPES_1, 1),
    ([KeypointsOnImage([Keypoint(1, 2)], (20, 30, 3)),
      KeypointsOnImage([], (10, 40, 3))], SHAPES_2, 2),
    (np.array([[[1.5, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], np.float32), SHAPES_2, 2),
    (np.array([[[1, 2]], [[3, 4]]], np.int32), SHAPES_2, 2),
    (np.array([[1.0, 2.0], [3.0, 4.0]], np.float64), SHAPES_1, 1),
    ((1.5, 2.5), SHAPES_1, 1),
    (Keypoint(1, 2), SHAPES_1, 1),
    ([np.array([[1, 2]], np.uint8), np.array([[3.5, 4.5], [5, 6]], np.float32)], SHAPES_2, 2),
    ([(1.0, 2.0), (3.0, 4.0)], SHAPES_1, 1),
    (((1.0, 2.0), (3.0, 4.0)), SHAPES_1, 1),
    ([Keypoint(1, 2), Keypoint(3, 4)], SHAPES_1, 1),
    ([[(1.0, 2.0)], [(3.0, 4.0), (5.0, 6.0)]], SHAPES_2, 2),
    ([[], [(3.0, 4.0)]], SHAPES_2, 2),
    ([((1.0, 2.0),), ((3.0, 4.0),)], SHAPES_2, 2),
    ([[Keypoint(1, 2)], [Keypoint(3, 4)]], SHAPES_2, 2),
]


@pytest.mark.parametrize("value, shapes, rows", KPS_FORMATS)
def test_keypoints_round_trip(value, shapes, rows) -> None:
    normalized = _round_trip("keypoints", value, shapes, rows)
    assert all(isinstance(kpsoi, KeypointsOnImage) for kpsoi in normalized)


def test_keypoint_shapes_come_from_the_images() -> None:
    normalized = nlib.normalize_keypoints([[(1.0, 2.0)], [(3.0, 4.0)]], SHAPES_2)
    assert [kpsoi.shape for kpsoi in normalized] == SHAPES_2
    assert normalized[1].to_xy_array().tolist() == [[3.0, 4.0]]


def test_augmented_keypoints_flow_back_into_the_input_format() -> None:
    old = np.array([[[1, 2], [3, 4]]], dtype=np.int32)
    normalized = nlib.normalize_keypoints(old, SHAPES_1)
    normalized[0] = normalized[0].shift(x=1.4, y=-0.6)
    result = nlib.invert_normalize_keypoints(normalized, old)
    assert result.dtype == np.int32 and result.tolist() == [[[2, 1], [4, 3]]]
    old_tuples = [[(1.0, 2.0)]]
    normalized = nlib.normalize_keypoints(old_tuples, SHAPES_1)
    normalized[0] = normalized[0].shift(x=10)
    assert nlib.invert_normalize_keypoints(normalized, old_tuples) == [[(11.0, 2.0)]]


@pytest.mark.parametrize("value", [[], [[], []], None])
def test_empty_keypoints(value) -> None:
    assert nlib.normalize_keypoints(value, SHAPES_2) is None
    inverted = nlib.invert_normalize_keypoints(None, value)
    assert inverted == value and (value is None or inverted is not value)


@pytest.mark.parametrize("value, shapes, match", [
    ([(1, 2)], None, "keypoints.*no images"),
    (np.zeros((3, 1, 2), np.float32), SHAPES_2, "keypoints.*'images'"),
    ([(1, 2)], SHAPES_2, "keypoints.*'images'"),
    ([KeypointsOnImage([], (2, 2))], SHAPES_2, "keypoints.*images"),
    ([[1, 2]], SHAPES_1, "keypoints"),
    ((1, 2, 3), SHAPES_1, "keypoints"),
    (np.zeros((2, 3), np.float32), SHAPES_1, "keypoints"),
    (np.zeros((2, 3, 2), bool), SHAPES_2, "keypoints"),
    ([(1, 2), (1, 2, 3)], SHAPES_1, "keypoints"),
    ([None], SHAPES_1, "keypoints"),
])
def test_keypoint_errors_name_the_argument(value, shapes, match) -> None:
    with pytest.raises(ValueError, match=match):
        nlib.normalize_keypoints(value, shapes)


# ---- bounding boxes --------------------------------------------------------------------------
BBS_FORMATS = [
    (BoundingBoxesOnImage([BoundingBox(1, 2, 3, 4, label="a")], (20, 30, 3)), SHAPES_1, 1),
    ([BoundingBoxesOnImage([BoundingBox(1, 2, 3, 4)], (20, 30, 3))] * 2, SHAPES_2, 2),
    (np.array([[[1, 2, 3, 4]], [[5, 6, 7, 8]]], np.float32), SHAPES_2, 2),
    (np.array([[1, 2, 3, 4], [2, 3, 4, 5]], np.int16), SHAPES_1, 1),
    ((1.0, 2.0, 3.0, 4.0), SHAPES_1, 1),
    (BoundingBox(1, 2, 3, 4), SHAPES_1, 1),
    ([np.array([[1, 2, 3, 4]], np.float64), np.zeros((0, 4), np.float32)], SHAPES_2, 2),
    ([(1.0, 2.0, 3.0, 4.0), (0.0, 0.0, 1.0, 1.0)], SHAPES_1, 1),
    ([BoundingBox(1, 2, 3, 4)], SHAPES_1, 1),
    ([[(1.0, 2.0, 3.0, 4.0)], []], SHAPES_2, 2),
    ([[BoundingBox(1, 2, 3, 4)], [BoundingBox(0, 0, 1, 1)]], SHAPES_2, 2),
]


@pytest.mark.parametrize("value, shapes, rows", BBS_FORMATS)
def test_bounding_boxes_round_trip(value, shapes, rows) -> None:
    normalized = _round_trip("bounding_boxes", value, shapes, rows)
    assert all(isinstance(bbsoi, BoundingBoxesOnImage) for bbsoi in normalized)


def test_bounding_box_labels_are_kept_and_errors_name_the_argument() -> None:
    normalized = nlib.normalize_bounding_boxes([BoundingBox(1, 2, 3, 4, label="cat")],
                                               SHAPES_1)
    assert normalized[0].bounding_boxes[0].label == "cat"
    with pytest.raises(ValueError, match="bounding_boxes.*no images"):
        nlib.normalize_bounding_boxes((1, 2, 3, 4))
    with pytest.raises(ValueError, match="bounding_boxes.*'images'"):
        nlib.normalize_bounding_boxes([[(0, 0, 1, 1)]] * 3, SHAPES_2)
    with pytest.raises(ValueError, match="bounding_boxes"):
        nlib.normalize_bounding_boxes(np.zeros((2, 1, 3), np.float32), SHAPES_2)


# ---- polygons / line strings -----------------------------------------------------------------
TRIANGLE = [(0.0, 0.0), (4.0, 0.0), (4.0, 3.0)]
SQUARE = [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0)]


def _coords_formats(single: type, on_image: type) -> list:
    return [
        (on_image([single(TRIANGLE)], (20, 30, 3)), SHAPES_1, 1),
        ([on_image([single(TRIANGLE)], (20, 30, 3)), on_image([], (10, 40, 3))], SHAPES_2, 2),
        (np.array([[TRIANGLE], [TRIANGLE]], np.float32), SHAPES_2, 2),
        (np.array([TRIANGLE, TRIANGLE], np.int32), SHAPES_1, 1),
        (np.array(TRIANGLE, np.float64), SHAPES_1, 1),
        (single(TRIANGLE), SHAPES_1, 1),
        ([np.array([TRIANGLE], np.float32), np.array([SQUARE, SQUARE], np.float64)], SHAPES_2,
         2),
        (TRIANGLE, SHAPES_1, 1),
        ([Keypoint(x, y) for x, y in TRIANGLE], SHAPES_1, 1),
        ([single(TRIANGLE), single(SQUARE)], SHAPES_1, 1),
        ([TRIANGLE, SQUARE], SHAPES_1, 1),
        ([[Keypoint(x, y) for x, y in TRIANGLE]], SHAPES_1, 1),
        ([[np.array(TRIANGLE, np.float32)], [np.array(SQUARE, np.float32)] * 2], SHAPES_2, 2),
        ([[single(TRIANGLE)], [single(SQUARE)]], SHAPES_2, 2),
        ([[TRIANGLE], [SQUARE, TRIANGLE]], SHAPES_2, 2),
        ([[], [SQUARE]], SHAPES_2, 2),
        ([[[Keypoint(x, y) for x, y in SQUARE]], []], SHAPES_2, 2),
    ]


@pytest.mark.parametrize("value, shapes, rows", _coords_formats(Polygon, PolygonsOnImage))
def test_polygons_round_trip(value, shapes, rows) -> None:
    normalized = _round_trip("polygons", value, shapes, rows)
    assert all(isinstance(psoi, PolygonsOnImage) for psoi in normalized)


@pytest.mark.parametrize("value, shapes, rows", _coords_formats(LineString, LineStringsOnImage))
def test_line_strings_round_trip(value, shapes, rows) -> None:
    normalized = _round_trip("line_strings", value, shapes, rows)
    assert all(isinstance(lsoi, LineStringsOnImage) for lsoi in normalized)


def test_polygon_nesting_decides_the_number_of_images() -> None:
    one_image = nlib.normalize_polygons([TRIANGLE, SQUARE], SHAPES_1)
    assert len(one_image) == 1 and len(one_image[0].polygons) == 2
    per_image = nlib.normalize_polygons([[TRIANGLE], [SQUARE]], SHAPES_2)
    assert [len(psoi.polygons) for psoi in per_image] == [1, 1]
    assert per_image[1].shape == SHAPES_2[1]


@pytest.mark.parametrize("kind", ["polygons", "line_strings"])
def test_coordinate_errors_name_the_argument(kind: str) -> None:
    normalize = getattr(nlib, f"normalize_{kind}")
    with pytest.raises(ValueError, match=f"{kind}.*no images"):
        normalize([TRIANGLE])
    with pytest.raises(ValueError, match=f"{kind}.*'images'"):
        normalize([[TRIANGLE]] * 3, SHAPES_2)
    with pytest.raises(ValueError, match=kind):
        normalize(np.zeros((2, 1, 3, 3), np.float32), SHAPES_2)
    with pytest.raises(ValueError, match=kind):
        normalize([np.zeros((3, 2), np.float32)], SHAPES_1)
    with pytest.raises(ValueError, match=kind):
        normalize("polygon", SHAPES_1)


# ---- helpers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    (None, "None"),
    ([], "iterable[empty]"),
    ([[], []], "iterable-iterable[empty]"),
    ((1, 2), "tuple[number,size=2]"),
    ([(1, 2, 3, 4)], "iterable-tuple[number,size=4]"),
    ([[(1.0, 2.0)]], "iterable-iterable-tuple[number,size=2]"),
    (np.zeros((2, 2), np.uint8), "array[uint]"),
    ([np.zeros((2, 2), bool)], "iterable-array[bool]"),
    ([[], [Keypoint(1, 2)]], "iterable-iterable-Keypoint"),
    (KeypointsOnImage([], (2, 2)), "KeypointsOnImage"),
    ([[[Keypoint(1, 2)]]], "iterable-iterable-iterable-Keypoint"),
])
def test_estimate_normalization_type(value, expected) -> None:
    assert nlib.estimate_normalization_type(value) == expected


def test_restore_dtype_and_merge() -> None:
    merged = nlib.restore_dtype_and_merge([np.array([1.4, 2.6]), np.array([-1.0, 300.0])],
                                          np.uint8)
    assert merged.dtype == np.uint8 and merged.tolist() == [[1, 3], [0, 255]]
    ragged = nlib.restore_dtype_and_merge([np.zeros((2,)), np.zeros((3,))], np.float32)
    assert isinstance(ragged, list) and all(a.dtype == np.float32 for a in ragged)
    assert nlib.restore_dtype_and_merge([], np.float32) == []


def test_shapes_may_be_given_as_image_arrays() -> None:
    normalized = nlib.normalize_keypoints([(1.0, 2.0)], [np.zeros((7, 8, 3))])
    assert normalized[0].shape == (7, 8, 3)
    normalized = nlib.normalize_keypoints(np.zeros((2, 1, 2)), np.zeros((2, 7, 8, 3)))
    assert [kpsoi.shape for kpsoi in normalized] == [(7, 8, 3)] * 2
