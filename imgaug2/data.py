"""Bundled sample data: procedurally drawn scenes with annotations (nothing is downloaded).

imgaug's ``quokka*`` functions are kept with the same signatures; they return our own sample
scene (a quokka-like animal drawn with OpenCV), not imgaug's photo.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np

_DIR = Path(__file__).resolve().parent / "data"
_QUOKKA = "sample_0.png"


def sample_dir() -> Path:
    """The folder holding the sample PNGs (annotations in ``samples.json``)."""
    return _DIR


@lru_cache(maxsize=1)
def _meta() -> dict:
    return json.loads((_DIR / "samples.json").read_text())


def _read_rgb(name: str) -> np.ndarray:
    image = cv2.imread(str(_DIR / name), cv2.IMREAD_COLOR)
    if image is None:
        raise FileNotFoundError(f"sample image {name} is missing from {_DIR}")
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def sample_names() -> list[str]:
    return sorted(_meta())


def sample_images() -> list[np.ndarray]:
    """All sample images (RGB uint8, different sizes)."""
    return [_read_rgb(name) for name in sample_names()]


def _annotations(name: str, shape: tuple[int, ...]) -> dict[str, Any]:
    from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
    from imgaug2.augmentables.kps import KeypointsOnImage
    from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
    from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

    meta = _meta()[name]
    segmap = cv2.imread(str(_DIR / meta["segmap"]), cv2.IMREAD_UNCHANGED)
    return {
        "keypoints": KeypointsOnImage.from_xy_array(np.array(meta["keypoints"]), shape=shape),
        "bounding_boxes": BoundingBoxesOnImage(
            [BoundingBox(*b[:4], label=b[4]) for b in meta["bounding_boxes"]], shape=shape),
        "polygons": PolygonsOnImage([Polygon(meta["polygon"], label="animal")], shape=shape),
        "segmentation_maps": SegmentationMapsOnImage(segmap.astype(np.int32), shape=shape),
    }


def sample_annotations() -> list[dict[str, Any]]:
    """Per sample image: KeypointsOnImage, BoundingBoxesOnImage, PolygonsOnImage and
    SegmentationMapsOnImage aligned with it."""
    return [_annotations(name, tuple(_meta()[name]["shape"])) for name in sample_names()]


def _resolve_size(size: Any, shape: tuple[int, int]) -> tuple[int, int] | None:
    if size is None:
        return None
    from imgaug2.imgaug import _target_hw

    return _target_hw(shape, size)


def _extract_box(extract: Any):
    if extract is None:
        return None
    from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage

    if extract == "square":
        meta = _meta()[_QUOKKA]
        h, w = meta["shape"][0:2]
        side = min(h, w)
        return BoundingBox(0, 0, side, side)
    if isinstance(extract, BoundingBoxesOnImage):
        return extract.bounding_boxes[0]
    if isinstance(extract, BoundingBox):
        return extract
    if isinstance(extract, (tuple, list)) and len(extract) == 4:
        return BoundingBox(*extract)
    raise ValueError(f"extract must be None, 'square', a BoundingBox or (x1, y1, x2, y2), "
                     f"got {extract!r}")


def _transform(obj: Any, size: Any, extract: Any) -> Any:
    """Crop (extract) then resize an annotation object of the quokka image."""
    box = _extract_box(extract)
    shape = tuple(_meta()[_QUOKKA]["shape"])
    if box is not None:
        shape = (int(box.height), int(box.width), 3)
        obj = _shift(obj, -box.x1, -box.y1, shape)
    target = _resolve_size(size, shape[0:2])
    if target is not None:
        obj = obj.resize(target) if hasattr(obj, "resize") and not hasattr(obj, "on") \
            else obj.on((*target, 3))
    return obj


def _shift(obj: Any, dx: float, dy: float, shape: tuple[int, ...]) -> Any:
    if hasattr(obj, "shift"):
        out = obj.shift(x=dx, y=dy)
        out.shape = shape
        return out
    arr = obj.arr if hasattr(obj, "arr") else obj.arr_0to1
    y0, x0 = int(-dy), int(-dx)
    cropped = obj.deepcopy()
    attr = "arr" if hasattr(obj, "arr") else "arr_0to1"
    setattr(cropped, attr, arr[y0:y0 + shape[0], x0:x0 + shape[1]].copy())
    cropped.shape = shape
    return cropped


def quokka(size: Any = None, extract: Any = None) -> np.ndarray:
    """The sample scene as an RGB uint8 image (our stand-in for imgaug's quokka photo)."""
    image = _read_rgb(_QUOKKA)
    box = _extract_box(extract)
    if box is not None:
        image = box.extract_from_image(image)
    target = _resolve_size(size, image.shape[0:2])
    if target is not None:
        image = cv2.resize(image, (target[1], target[0]), interpolation=cv2.INTER_CUBIC)
    return image


def quokka_square(size: Any = None) -> np.ndarray:
    return quokka(size=size, extract="square")


def quokka_keypoints(size: Any = None, extract: Any = None):
    return _transform(_annotations(_QUOKKA, tuple(_meta()[_QUOKKA]["shape"]))["keypoints"],
                      size, extract)


def quokka_bounding_boxes(size: Any = None, extract: Any = None):
    return _transform(
        _annotations(_QUOKKA, tuple(_meta()[_QUOKKA]["shape"]))["bounding_boxes"], size,
        extract)


def quokka_polygons(size: Any = None, extract: Any = None):
    return _transform(_annotations(_QUOKKA, tuple(_meta()[_QUOKKA]["shape"]))["polygons"],
                      size, extract)


def quokka_segmentation_map(size: Any = None, extract: Any = None):
    segmap = _annotations(_QUOKKA, tuple(_meta()[_QUOKKA]["shape"]))["segmentation_maps"]
    return _transform(segmap, size, extract)


def quokka_heatmap(size: Any = None, extract: Any = None):
    """A heatmap of the animal (1.0 inside, smooth falloff)."""
    from imgaug2.augmentables.heatmaps import HeatmapsOnImage

    segmap = _annotations(_QUOKKA, tuple(_meta()[_QUOKKA]["shape"]))["segmentation_maps"]
    mask = (segmap.get_arr() == 1).astype(np.float32)
    heat = np.clip(cv2.GaussianBlur(mask, (0, 0), 4.0) * 1.5, 0, 1)
    return _transform(HeatmapsOnImage(heat, shape=segmap.shape), size, extract)
