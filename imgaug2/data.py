"""Sample images and annotations shipped with imgaug2 (nothing is downloaded).

Six procedurally drawn RGB scenes (``tools/make_sample_data.py``) of different sizes, each with
keypoints, labelled bounding boxes, polygons and a class-id segmentation map
(``samples.json`` lists the class names).

imgaug's ``quokka*`` functions keep their signatures and semantics (``size``, ``extract``), but
return scene 0 - a drawn, quokka-like animal in a meadow (240x320) - **not** imgaug's quokka
photo (643x960). ``extract="square"`` therefore takes the left 240x240 square, and
``quokka_segmentation_map`` holds all scene classes (the animal is class 1, as the quokka was).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np

_DIR = Path(__file__).resolve().parent / "data"
_QUOKKA_OBJECT = "animal"


def sample_dir() -> Path:
    """The folder holding the sample PNGs and ``samples.json``."""
    return _DIR


@lru_cache(maxsize=1)
def _meta() -> dict:
    path = _DIR / "samples.json"
    if not path.is_file():
        raise FileNotFoundError(f"imgaug2 sample data is missing: {path}")
    return json.loads(path.read_text())


def _records() -> list[dict]:
    return _meta()["images"]


def _quokka_record() -> dict:
    name = _meta()["quokka"]
    return next(record for record in _records() if record["file"] == name)


@lru_cache(maxsize=16)
def _read(relative: str, color: bool) -> np.ndarray:
    path = _DIR / relative
    image = cv2.imread(str(path), cv2.IMREAD_COLOR if color else cv2.IMREAD_UNCHANGED)
    if image is None:
        raise FileNotFoundError(f"imgaug2 sample file is missing or unreadable: {path}")
    if color:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    image.setflags(write=False)
    return image


def _read_rgb(relative: str) -> np.ndarray:
    return _read(relative, True).copy()


def sample_names() -> list[str]:
    """File names of the sample images, in order."""
    return [record["file"] for record in _records()]


def sample_classes() -> list[str]:
    """Class names of the segmentation maps (index = class id)."""
    return list(_meta()["classes"])


def sample_images() -> list[np.ndarray]:
    """All sample images as RGB uint8 arrays (new copies; sizes differ)."""
    return [_read_rgb(record["file"]) for record in _records()]


def _keypoints(record: dict, objects: set[str] | None = None):
    from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage

    kps = [Keypoint(kp["x"], kp["y"]) for kp in record["keypoints"]
           if objects is None or kp["object"] in objects]
    return KeypointsOnImage(kps, shape=tuple(record["shape"]))


def _boxes(record: dict, objects: set[str] | None = None):
    from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage

    boxes = [BoundingBox(b["x1"], b["y1"], b["x2"], b["y2"], label=b["label"])
             for b in record["bounding_boxes"] if objects is None or b["label"] in objects]
    return BoundingBoxesOnImage(boxes, shape=tuple(record["shape"]))


def _polygons(record: dict, objects: set[str] | None = None):
    from imgaug2.augmentables.polys import Polygon, PolygonsOnImage

    polys = [Polygon(p["points"], label=p["label"]) for p in record["polygons"]
             if objects is None or p["label"] in objects]
    return PolygonsOnImage(polys, shape=tuple(record["shape"]))


def _class_map(record: dict) -> np.ndarray:
    return _read(record["segmap"], False).astype(np.int32)[:, :, np.newaxis]


def _segmap(record: dict):
    from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

    return SegmentationMapsOnImage(_class_map(record), shape=tuple(record["shape"]))


def sample_annotations() -> list[dict[str, Any]]:
    """Per sample image a dict with ``"keypoints"`` (KeypointsOnImage), ``"bounding_boxes"``
    (BoundingBoxesOnImage, labelled), ``"polygons"`` (PolygonsOnImage, labelled),
    ``"segmentation_maps"`` (SegmentationMapsOnImage, class ids as in :func:`sample_classes`)
    and ``"keypoint_names"`` (``"object/name"`` strings), all aligned with the image."""
    result = []
    for record in _records():
        result.append({
            "keypoints": _keypoints(record),
            "keypoint_names": [f"{kp['object']}/{kp['name']}" for kp in record["keypoints"]],
            "bounding_boxes": _boxes(record),
            "polygons": _polygons(record),
            "segmentation_maps": _segmap(record),
        })
    return result


# ---- imgaug's quokka API -----------------------------------------------------------------------
def _quokka_shape() -> tuple[int, int, int]:
    h, w, c = _quokka_record()["shape"]
    return h, w, c


def _normalize_extract(extract: Any):
    """The area to extract as a BoundingBox (imgaug's ``extract`` argument)."""
    from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage

    if isinstance(extract, str):
        if extract != "square":
            raise ValueError(f"extract must be 'square' if given as a string, got {extract!r}")
        side = min(_quokka_shape()[0:2])
        return BoundingBox(x1=0, y1=0, x2=side, y2=side)
    if isinstance(extract, BoundingBox):
        return extract
    if isinstance(extract, BoundingBoxesOnImage):
        if len(extract.bounding_boxes) != 1:
            raise ValueError("extract as BoundingBoxesOnImage must contain exactly one box, got "
                             f"{len(extract.bounding_boxes)}")
        if tuple(extract.shape[0:2]) != _quokka_shape()[0:2]:
            raise ValueError(f"extract as BoundingBoxesOnImage must be on an image of shape "
                             f"{_quokka_shape()[0:2]}, got {extract.shape}")
        return extract.bounding_boxes[0]
    if isinstance(extract, (tuple, list)) and len(extract) == 4:
        return BoundingBox(*extract)
    raise TypeError("extract must be None, 'square', a tuple (x1, y1, x2, y2), a BoundingBox or "
                    f"a BoundingBoxesOnImage, got {type(extract).__name__}")


def _extract_offset_and_shape(box: Any) -> tuple[int, int, tuple[int, int, int]]:
    """Top-left corner and shape of ``box.extract_from_image(quokka)``."""
    x1, y1 = int(np.floor(box.x1)), int(np.floor(box.y1))
    x2, y2 = max(int(np.ceil(box.x2)), x1 + 1), max(int(np.ceil(box.y2)), y1 + 1)
    return x1, y1, (y2 - y1, x2 - x1, 3)


def _resized_shape(shape: tuple[int, ...], size: Any) -> tuple[int, ...]:
    from imgaug2.imgaug import _compute_resized_shape

    return _compute_resized_shape(shape, size)


def _place_quokka_item(item: Any, size: Any, extract: Any) -> Any:
    """Shift a coordinate-based annotation into the extracted area, then project to ``size``."""
    shape = _quokka_shape()
    if extract is not None:
        x1, y1, shape = _extract_offset_and_shape(_normalize_extract(extract))
        item = item.shift(x=-x1, y=-y1)
        item.shape = shape
    if size is not None:
        item = item.on(_resized_shape(shape, size))
    return item


def _extract_array(arr: np.ndarray, extract: Any) -> np.ndarray:
    if extract is None:
        return arr
    return _normalize_extract(extract).extract_from_image(arr)


def quokka(size: Any = None, extract: Any = None) -> np.ndarray:
    """The quokka stand-in (sample scene 0) as an ``(H,W,3)`` RGB uint8 array.

    ``extract``: None, ``"square"``, ``(x1, y1, x2, y2)``, a BoundingBox or a one-box
    BoundingBoxesOnImage; ``size``: None, a float factor, ``(H, W)`` ints or float fractions
    (resized with :func:`imgaug2.imgaug.imresize_single_image`).
    """
    from imgaug2.imgaug import imresize_single_image

    image = _extract_array(_read_rgb(_quokka_record()["file"]), extract)
    if size is not None:
        image = imresize_single_image(image, _resized_shape(image.shape, size)[0:2])
    return image


def quokka_square(size: Any = None) -> np.ndarray:
    """The left square of the quokka stand-in (``quokka(size, extract="square")``)."""
    return quokka(size=size, extract="square")


def quokka_keypoints(size: Any = None, extract: Any = None):
    """KeypointsOnImage of the animal (eyes, nose, ears, paws), aligned with
    ``quokka(size, extract)``."""
    return _place_quokka_item(_keypoints(_quokka_record(), {_QUOKKA_OBJECT}), size, extract)


def quokka_bounding_boxes(size: Any = None, extract: Any = None):
    """BoundingBoxesOnImage with one box (label ``"animal"``) around the animal."""
    return _place_quokka_item(_boxes(_quokka_record(), {_QUOKKA_OBJECT}), size, extract)


def quokka_polygons(size: Any = None, extract: Any = None):
    """PolygonsOnImage with one polygon (label ``"animal"``) tracing the animal's outline."""
    return _place_quokka_item(_polygons(_quokka_record(), {_QUOKKA_OBJECT}), size, extract)


def quokka_segmentation_map(size: Any = None, extract: Any = None):
    """SegmentationMapsOnImage (int32 class ids, animal = 1; see :func:`sample_classes`)."""
    from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

    arr = _extract_array(_class_map(_quokka_record()), extract)
    segmap = SegmentationMapsOnImage(arr, shape=arr.shape[0:2] + (3,))
    if size is not None:
        shape = _resized_shape(arr.shape, size)
        segmap = segmap.resize(shape[0:2])
        segmap.shape = tuple(shape[0:2]) + (3,)
    return segmap


def quokka_heatmap(size: Any = None, extract: Any = None):
    """HeatmapsOnImage holding the scene's depth map: 0.0 = close to the camera, 1.0 = far."""
    from imgaug2.augmentables.heatmaps import HeatmapsOnImage
    from imgaug2.imgaug import imresize_single_image

    depth = _extract_array(_read(_quokka_record()["depth"], False), extract)
    if size is not None:
        depth = imresize_single_image(depth, _resized_shape(depth.shape, size)[0:2])
    depth_0to1 = depth.astype(np.float32) / 255.0
    return HeatmapsOnImage(depth_0to1, shape=depth_0to1.shape[0:2] + (3,))
