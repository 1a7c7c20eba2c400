"""The executor behind ImgaugActor, called directly on dict batches (no Ray)."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import serialization
from imgaug2_ray import ImgaugActor, augment_batch, pipeline_spec
from imgaug2_ray.executor import AugmentationExecutor
from tests.imgaug2_ray.conftest import make_pipeline


def _rows(n: int, seed: int = 0, varied: bool = False) -> tuple[list[str], list[np.ndarray]]:
    rng = np.random.default_rng(seed)
    keys = [f"train/img_{i:04d}.png" for i in range(n)]
    images = [rng.integers(0, 256, size=(20 + (i % 3 if varied else 0), 28, 3), dtype=np.uint8)
              for i in range(n)]
    return keys, images


def _object_column(values) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _hashes(executor: AugmentationExecutor, keys, images, batch_size: int, order=None):
    order = list(range(len(keys))) if order is None else order
    result = {}
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        batch = {"path": np.array([keys[i] for i in idx], dtype=object),
                 "image": _object_column([images[i] for i in idx])}
        out = executor(batch)
        for j, i in enumerate(idx):
            result[keys[i]] = hashlib.sha256(np.ascontiguousarray(out["image"][j])).hexdigest()
    return result


def test_same_rows_same_output_for_any_batch_size_and_order() -> None:
    keys, images = _rows(64, varied=True)
    executor = AugmentationExecutor(pipeline_spec(make_pipeline()), seed=3)
    reference = _hashes(executor, keys, images, batch_size=64)
    assert _hashes(executor, keys, images, batch_size=1) == reference
    assert _hashes(executor, keys, images, batch_size=7) == reference
    shuffled = list(np.random.default_rng(1).permutation(64))
    assert _hashes(executor, keys, images, batch_size=7, order=shuffled) == reference
    # a second executor built from the same spec (another actor) agrees
    other = AugmentationExecutor(pipeline_spec(make_pipeline()), seed=3)
    assert _hashes(other, keys, images, batch_size=13) == reference


def test_other_seed_or_epoch_changes_most_rows() -> None:
    keys, images = _rows(32)
    spec = pipeline_spec(make_pipeline())
    reference = _hashes(AugmentationExecutor(spec, seed=3), keys, images, 32)
    for executor in (AugmentationExecutor(spec, seed=4),
                     AugmentationExecutor(spec, seed=3, epoch=1)):
        other = _hashes(executor, keys, images, 32)
        assert sum(reference[k] != other[k] for k in keys) >= 24


def test_output_keeps_columns_and_records_seed() -> None:
    keys, images = _rows(5)
    batch = {"path": np.array(keys, dtype=object), "image": np.stack(images),
             "label": np.arange(5)}
    out = AugmentationExecutor(pipeline_spec(make_pipeline()), seed=1)(batch)
    assert set(out) == {"path", "image", "label", "seed", "error"}
    assert out["image"].shape == (5, 20, 28, 3) and out["image"].dtype == np.uint8
    assert np.array_equal(out["label"], np.arange(5))
    assert all(len(s) == 32 for s in out["seed"])
    assert all(e is None for e in out["error"])


def test_grayscale_float_and_variable_shapes() -> None:
    rng = np.random.default_rng(0)
    gray = [rng.integers(0, 256, size=(16 + i, 20), dtype=np.uint8) for i in range(3)]
    floats = [rng.random((16, 20, 3)).astype(np.float32) for _ in range(3)]
    executor = AugmentationExecutor(pipeline_spec(iaa.Sequential([iaa.Fliplr(1.0)])), seed=0)
    out = executor({"path": np.array(["a", "b", "c"], dtype=object), "image": _object_column(gray)})
    for src, dst in zip(gray, out["image"]):
        assert dst.shape == src.shape and np.array_equal(dst, src[:, ::-1])
    out = executor({"path": np.array(["a", "b", "c"], dtype=object), "image": np.stack(floats)})
    assert out["image"].dtype == np.float32
    assert np.allclose(out["image"], np.stack(floats)[:, :, ::-1])


def test_encoded_bytes_are_decoded_and_corrupt_rows_recorded() -> None:
    image = np.random.default_rng(0).integers(0, 256, size=(12, 10, 3), dtype=np.uint8)
    ok, png = cv2.imencode(".png", cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
    assert ok
    batch = {"path": np.array(["good.png", "bad.png", "empty.png"], dtype=object),
             "image": _object_column([png.tobytes(), b"not an image", b""])}
    executor = AugmentationExecutor(pipeline_spec(iaa.Fliplr(1.0)), seed=0)
    out = executor(batch)
    assert np.array_equal(out["image"][0], image[:, ::-1])
    assert out["error"][0] is None
    assert "decode" in out["error"][1] and out["error"][2] is not None
    with pytest.raises(ValueError, match="bad.png"):
        AugmentationExecutor(pipeline_spec(iaa.Fliplr(1.0)), seed=0, on_error="raise")(batch)


def test_annotation_columns_move_with_the_image() -> None:
    image = np.zeros((20, 30, 3), dtype=np.uint8)
    image[5, 3] = 255
    batch = {"path": np.array(["x"], dtype=object), "image": image[None],
             "keypoints": _object_column([np.array([[3.5, 5.5]], dtype=np.float32)]),
             "boxes": _object_column([np.array([[2.0, 4.0, 6.0, 8.0]], dtype=np.float32)]),
             "mask": _object_column([(image[..., 0] > 0).astype(np.int32)])}
    out = AugmentationExecutor(pipeline_spec(iaa.Fliplr(1.0)), seed=0)(batch)
    assert np.allclose(out["keypoints"][0], [[26.5, 5.5]])
    assert np.allclose(out["boxes"][0], [[24.0, 4.0, 28.0, 8.0]])
    assert out["mask"][0][5, 26] == 1
    assert out["image"][0][5, 26, 0] == 255


def test_polygon_and_line_string_columns_move_with_the_image() -> None:
    image = np.zeros((20, 30, 3), dtype=np.uint8)
    triangle = np.array([[2.0, 2.0], [8.0, 2.0], [5.0, 9.0]], dtype=np.float32)
    line = np.array([[1.0, 1.0], [10.0, 4.0]], dtype=np.float32)
    batch = {"path": np.array(["x"], dtype=object), "image": image[None],
             "polys": _object_column([_object_column([triangle, triangle + 5])]),
             "lines": _object_column([_object_column([line])])}
    executor = AugmentationExecutor(pipeline_spec(iaa.Fliplr(1.0)), seed=0,
                                    annotation_columns={"polys": "polygons",
                                                        "lines": "line_strings"})
    out = executor(batch)
    flipped = triangle.copy()
    flipped[:, 0] = 30 - triangle[:, 0]
    assert len(out["polys"][0]) == 2
    assert np.allclose(out["polys"][0][0], flipped)
    assert np.allclose(out["lines"][0][0][:, 0], 30 - line[:, 0])


def test_pyarrow_batches_are_accepted() -> None:
    pa = pytest.importorskip("pyarrow")
    keys, images = _rows(4)
    encoded = [cv2.imencode(".png", im)[1].tobytes() for im in images]
    table = pa.table({"path": keys, "image": pa.array(encoded, pa.binary())})
    out = AugmentationExecutor(pipeline_spec(make_pipeline()), seed=2)(table)
    assert len(out["image"]) == 4 and all(e is None for e in out["error"])


def test_actor_and_function_form_agree() -> None:
    keys, images = _rows(6)
    spec = pipeline_spec(make_pipeline())
    batch = {"path": np.array(keys, dtype=object), "image": np.stack(images)}
    a = ImgaugActor(pipeline=spec, seed=9)(dict(batch))
    b = augment_batch(dict(batch), pipeline=spec, seed=9)
    c = augment_batch(dict(batch), pipeline=spec, seed=9)
    assert np.array_equal(a["image"], b["image"]) and np.array_equal(b["image"], c["image"])


def test_key_root_makes_keys_location_independent() -> None:
    _, images = _rows(3)
    spec = pipeline_spec(make_pipeline())
    a = AugmentationExecutor(spec, seed=0, key_root="/data/v1")(
        {"path": np.array([f"/data/v1/{i}.png" for i in range(3)], dtype=object),
         "image": np.stack(images)})
    b = AugmentationExecutor(spec, seed=0, key_root="/mnt/copy")(
        {"path": np.array([f"/mnt/copy/{i}.png" for i in range(3)], dtype=object),
         "image": np.stack(images)})
    assert np.array_equal(a["image"], b["image"])


def test_bad_arguments_are_clear() -> None:
    spec = pipeline_spec(make_pipeline())
    with pytest.raises(ValueError, match="on_error"):
        AugmentationExecutor(spec, seed=0, on_error="ignore")
    with pytest.raises(ValueError, match="epoch"):
        AugmentationExecutor(spec, seed=0, epoch=-1)
    with pytest.raises(serialization.SpecError, match="Nope"):
        AugmentationExecutor({"imgaug2_spec": 1, "pipeline": {"type": "Nope", "args": {}}},
                             seed=0)
    executor = AugmentationExecutor(spec, seed=0)
    with pytest.raises(KeyError, match="path"):
        executor({"image": np.zeros((1, 4, 4, 3), dtype=np.uint8)})
