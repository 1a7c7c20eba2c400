"""Convolve and its subclasses against cv2.filter2D and hand-built matrices."""

from __future__ import annotations

import pickle

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmenters.convolutional import directed_edge_matrix

RNG = np.random.default_rng(11)
IMAGE = RNG.integers(0, 256, (18, 22, 3), dtype=np.uint8)
BORDER = cv2.BORDER_REFLECT_101


@pytest.mark.parametrize("matrix", [
    np.array([[0, 1, 0], [1, 2, 1], [0, 1, 0]], np.float32) / 6,
    np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], np.float32),
    np.array([[1, 0], [0, 1.5]], np.float64),
])
def test_convolve_matches_filter2d(matrix: np.ndarray) -> None:
    ref = cv2.filter2D(IMAGE, -1, matrix.astype(np.float32), borderType=BORDER)
    out = iaa.Convolve(matrix=matrix)(image=IMAGE)
    assert np.abs(out.astype(int) - ref.astype(int)).max() <= 1
    assert (out != ref).mean() < 0.01


def test_convolve_none_and_per_channel_lists() -> None:
    assert np.array_equal(iaa.Convolve()(image=IMAGE), IMAGE)
    box = np.full((3, 3), 1 / 9, np.float32)

    def gen(image, nb_channels, random_state):
        return [box, None, 2 * np.eye(1, dtype=np.float32)]

    out = iaa.Convolve(matrix=gen)(image=IMAGE)
    assert np.abs(out[..., 0].astype(int)
                  - cv2.filter2D(IMAGE[..., 0], -1, box, borderType=BORDER)).max() <= 1
    assert np.array_equal(out[..., 1], IMAGE[..., 1])
    assert np.array_equal(out[..., 2], np.clip(IMAGE[..., 2].astype(int) * 2, 0, 255))
    with pytest.raises(ValueError, match="one per channel"):
        iaa.Convolve(matrix=lambda im, c, rs: [box])(image=IMAGE)


def test_convolve_bad_matrices() -> None:
    with pytest.raises(ValueError, match="2D"):
        iaa.Convolve(matrix=np.ones((3, 3, 3)))
    with pytest.raises(TypeError, match="matrix"):
        iaa.Convolve(matrix="sharpen")
    with pytest.raises(ValueError, match="2D"):
        iaa.Convolve(matrix=lambda im, c, rs: np.ones(3))(image=IMAGE)


@pytest.mark.parametrize("dtype", ["bool", "uint8", "uint16", "int8", "int16", "float16",
                                   "float32", "float64"])
def test_convolve_dtypes(dtype: str) -> None:
    dt = np.dtype(dtype)
    base = RNG.integers(0, 2 if dt.kind == "b" else 100, (10, 10, 2))
    image = base.astype(dt)
    matrix = np.array([[0, 0.25, 0], [0.25, 0, 0.25], [0, 0.25, 0]], np.float32)
    out = iaa.Convolve(matrix=matrix)(image=image)
    assert out.dtype == dt and out.shape == image.shape
    ref = cv2.filter2D(base.astype(np.float64), -1, matrix.astype(np.float64),
                       borderType=BORDER)
    if dt.kind == "b":
        assert np.array_equal(out, ref > 0.5)
    else:
        assert np.abs(out.astype(np.float64) - ref).max() <= (0.5 if dt.kind in "iu" else 0.1)


@pytest.mark.parametrize("dtype", ["uint32", "int32", "int64", "uint64"])
def test_convolve_rejects_dtypes(dtype: str) -> None:
    with pytest.raises(ValueError, match=dtype):
        iaa.Sharpen(1.0)(image=np.zeros((6, 6, 1), dtype=dtype))


def test_int16_saturates() -> None:
    image = np.full((5, 5, 1), 30000, np.int16)
    out = iaa.Convolve(matrix=np.array([[2.0]]))(image=image)
    assert (out == 32767).all()


def test_sharpen_emboss_edge_matrices() -> None:
    identity = np.zeros((3, 3), np.float32)
    identity[1, 1] = 1
    cases = [
        (iaa.Sharpen(alpha=0.5, lightness=1.2),
         0.5 * identity + 0.5 * np.array([[-1, -1, -1], [-1, 9.2, -1], [-1, -1, -1]])),
        (iaa.Emboss(alpha=1.0, strength=0.5),
         np.array([[-1.5, -0.5, 0], [-0.5, 1, 0.5], [0, 0.5, 1.5]])),
        (iaa.EdgeDetect(alpha=1.0), np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])),
    ]
    for aug, matrix in cases:
        ref = cv2.filter2D(IMAGE, -1, matrix.astype(np.float32), borderType=BORDER)
        assert np.abs(aug(image=IMAGE).astype(int) - ref.astype(int)).max() <= 1
    with pytest.raises(ValueError, match="alpha"):
        iaa.Sharpen(alpha=1.5)


def _reference_directed(direction: float) -> np.ndarray:
    deg = int(direction * 360) % 360
    angle = np.deg2rad(deg) - np.pi / 2
    target = np.array([np.cos(angle), np.sin(angle)])
    matrix = np.zeros((3, 3))
    for y in range(3):
        for x in range(3):
            if (x, y) == (1, 1):
                continue
            cell = np.array([x - 1, y - 1], np.float64)
            diff = abs(np.arctan2(cell[1], cell[0]) - np.arctan2(target[1], target[0]))
            diff = min(diff, 2 * np.pi - diff)
            matrix[y, x] = (1 - np.rad2deg(diff) / 180) ** 4
    matrix = -matrix / matrix.sum()
    matrix[1, 1] = 1
    return matrix


@pytest.mark.parametrize("direction", [0.0, 0.25, 0.3, 0.5, 0.9, 1.0])
def test_directed_edge_matrix(direction: float) -> None:
    assert np.allclose(directed_edge_matrix(direction), _reference_directed(direction),
                       atol=1e-6)
    top = directed_edge_matrix(0.0)
    assert top[0, 1] == top.min()  # the top neighbour weighs most


def test_directed_edge_detect_uses_matrix() -> None:
    out = iaa.DirectedEdgeDetect(alpha=1.0, direction=0.25)(image=IMAGE)
    ref = cv2.filter2D(IMAGE, -1, directed_edge_matrix(0.25), borderType=BORDER)
    assert np.abs(out.astype(int) - ref.astype(int)).max() <= 1


def test_convolutional_pickles_and_keeps_annotations() -> None:
    aug = iaa.Emboss(alpha=(0.2, 0.8), seed=3)
    restored = pickle.loads(pickle.dumps(aug))
    assert np.array_equal(aug(image=IMAGE), restored(image=IMAGE))
    kps = KeypointsOnImage.from_xy_array(np.array([[4.0, 5.0]]), shape=IMAGE.shape)
    _, kps_aug = iaa.Sharpen(1.0)(image=IMAGE, keypoints=kps)
    assert np.allclose(kps_aug.to_xy_array(), [[4.0, 5.0]])


def test_seeds() -> None:
    images = np.stack([IMAGE] * 3)
    a = iaa.DirectedEdgeDetect(alpha=(0.3, 1.0), seed=5)(images=images)
    assert np.array_equal(a, iaa.DirectedEdgeDetect(alpha=(0.3, 1.0), seed=5)(images=images))
    assert not np.array_equal(a, iaa.DirectedEdgeDetect(alpha=(0.3, 1.0), seed=6)(
        images=images))
