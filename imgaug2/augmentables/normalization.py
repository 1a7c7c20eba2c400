"""Input normalisation: the many forms users pass data in -> the lists augmenters work on,
and back (``invert_*``) to the user's original form after augmentation."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)


def _is_point(v: Any) -> bool:
    return isinstance(v, tuple) and len(v) == 2 and all(_is_number(x) for x in v)


def _shapes_needed(shapes: Any, name: str) -> list:
    if shapes is None:
        raise ValueError(f"{name} were given as arrays or coordinates without images; pass "
                         "images=... too, or use the *OnImage classes (which carry the shape)")
    return shapes


def _shape_at(shapes: list, i: int, name: str) -> tuple:
    if i >= len(shapes):
        raise ValueError(f"got more {name} entries than images ({len(shapes)})")
    return shapes[i]


def _check_count(items: list, shapes: Any, name: str) -> list:
    if shapes is not None and len(items) != len(shapes):
        raise ValueError(f"got {len(shapes)} images but {len(items)} entries of {name}; "
                         "each image needs one entry")
    return items


# ---- images ----------------------------------------------------------------------------------
def normalize_images(images: Any) -> Any:
    """None | (N,H,W,C) array | list of (H,W,C) arrays. 2D inputs gain a channel axis."""
    if images is None:
        return None
    if isinstance(images, np.ndarray):
        if images.ndim == 2:
            return images[np.newaxis, :, :, np.newaxis]
        if images.ndim == 3:
            return images[..., np.newaxis]
        if images.ndim == 4:
            return images
        raise ValueError(f"images must be an array of 2 to 4 dims, got shape {images.shape}")
    if isinstance(images, (list, tuple)):
        out = []
        for i, image in enumerate(images):
            if not isinstance(image, np.ndarray):
                raise TypeError(f"images[{i}] must be a numpy array, got "
                                f"{type(image).__name__}")
            if image.ndim == 2:
                out.append(image[..., np.newaxis])
            elif image.ndim == 3:
                out.append(image)
            else:
                raise ValueError(f"images[{i}] must have shape (H,W) or (H,W,C), got "
                                 f"{image.shape}")
        return out
    raise TypeError(f"images must be a numpy array or a list of arrays, got "
                    f"{type(images).__name__}")


def invert_normalize_images(images: Any, images_old: Any) -> Any:
    if images_old is None:
        return None
    if isinstance(images_old, np.ndarray):
        if isinstance(images, list):
            same = len({im.shape for im in images}) <= 1 and len(images) > 0
            images = np.stack(images) if same else images
            if not same:
                if images_old.ndim in (2, 3):
                    images = [im[..., 0] if im.shape[2] == 1 else im for im in images]
                return images if images_old.ndim != 2 else images[0]
        if images_old.ndim == 2:
            return images[0, :, :, 0] if images.shape[3] == 1 else images[0]
        if images_old.ndim == 3:
            return images[..., 0] if images.shape[3] == 1 else images
        return images
    result = []
    for image, old in zip(images, images_old):
        result.append(image[..., 0] if old.ndim == 2 and image.ndim == 3
                      and image.shape[2] == 1 else image)
    return result


# ---- heatmaps / segmentation maps -------------------------------------------------------------
def _normalize_maps(inputs: Any, shapes: Any, cls: type, name: str, kinds: str) -> Any:
    if inputs is None:
        return None
    if isinstance(inputs, cls):
        return _check_count([inputs], shapes, name)
    if isinstance(inputs, np.ndarray):
        if inputs.dtype.kind not in kinds:
            raise ValueError(f"{name} given as an array must have dtype kind {kinds!r}, got "
                             f"{inputs.dtype}")
        if inputs.ndim not in (3, 4):
            raise ValueError(f"{name} given as an array must be (N,H,W) or (N,H,W,C), got "
                             f"shape {inputs.shape}")
        shapes = _shapes_needed(shapes, name)
        return _check_count([cls(inputs[i], shape=_shape_at(shapes, i, name))
                             for i in range(inputs.shape[0])], shapes, name)
    if isinstance(inputs, list):
        out = []
        for i, item in enumerate(inputs):
            if isinstance(item, cls):
                out.append(item)
            elif isinstance(item, np.ndarray):
                shapes = _shapes_needed(shapes, name)
                out.append(cls(item, shape=_shape_at(shapes, i, name)))
            else:
                raise TypeError(f"{name}[{i}] must be a {cls.__name__} or an array, got "
                                f"{type(item).__name__}")
        return _check_count(out, shapes, name)
    raise TypeError(f"{name} must be a {cls.__name__}, an array or a list, got "
                    f"{type(inputs).__name__}")


def _invert_maps(maps: Any, old: Any) -> Any:
    if old is None:
        return None
    if isinstance(old, (HeatmapsOnImage, SegmentationMapsOnImage)):
        return maps[0]
    if isinstance(old, np.ndarray):
        arrays = [m.get_arr() for m in maps]
        if len({a.shape for a in arrays}) == 1:
            return np.stack(arrays).astype(old.dtype)
        return arrays
    return [m.get_arr() if isinstance(o, np.ndarray) else m for m, o in zip(maps, old)]


def normalize_heatmaps(inputs: Any, shapes: Any = None) -> Any:
    return _normalize_maps(inputs, shapes, HeatmapsOnImage, "heatmaps", "f")


def invert_normalize_heatmaps(heatmaps: Any, heatmaps_old: Any) -> Any:
    return _invert_maps(heatmaps, heatmaps_old)


def normalize_segmentation_maps(inputs: Any, shapes: Any = None) -> Any:
    return _normalize_maps(inputs, shapes, SegmentationMapsOnImage, "segmentation_maps", "biu")


def invert_normalize_segmentation_maps(segmaps: Any, segmaps_old: Any) -> Any:
    return _invert_maps(segmaps, segmaps_old)


# ---- coordinate-based ------------------------------------------------------------------------
class _CoordKind:
    """How to read and write one kind of coordinate-based augmentable."""

    def __init__(self, name: str, oncls: type, itemcls: type, item_from: Any,
                 item_to: Any, is_item_tuple: Any, array_item_ndim: int) -> None:
        self.name = name
        self.oncls = oncls
        self.itemcls = itemcls
        self.item_from = item_from          # raw (array/tuple/list) -> item
        self.item_to = item_to              # item -> raw of the given template
        self.is_item_tuple = is_item_tuple  # raw single-item tuple?
        self.array_item_ndim = array_item_ndim  # ndim of one item's array (1 for bbs, 2 else)

    def is_item_raw(self, v: Any) -> bool:
        if isinstance(v, self.itemcls) or self.is_item_tuple(v):
            return True
        return isinstance(v, np.ndarray) and v.ndim == self.array_item_ndim

    def image_from(self, value: Any, shape: Any) -> Any:
        """One image's worth: *OnImage, list of items/raw items, or an array of items."""
        if isinstance(value, self.oncls):
            return value
        if isinstance(value, np.ndarray):
            if value.ndim == self.array_item_ndim + 1 or (value.size == 0):
                items = [self.item_from(v) for v in value]
                return self.oncls(items, shape=shape)
            raise ValueError(f"{self.name}: array of shape {value.shape} cannot describe the "
                             "items of one image")
        if isinstance(value, list):
            return self.oncls([v if isinstance(v, self.itemcls) else self.item_from(v)
                               for v in value], shape=shape)
        if self.is_item_raw(value):
            return self.oncls([value if isinstance(value, self.itemcls)
                               else self.item_from(value)], shape=shape)
        raise TypeError(f"{self.name}: cannot read {type(value).__name__} as the items of one "
                        "image")

    def depth(self, value: Any) -> int:
        """0: one item; 1: items of one image; 2: items per image."""
        if isinstance(value, self.oncls):
            return 1
        if self.is_item_raw(value):
            return 0
        if isinstance(value, np.ndarray):
            return value.ndim - self.array_item_ndim
        if isinstance(value, list):
            if not value:
                return 1
            return 1 + self.depth(value[0])
        raise TypeError(f"{self.name}: unsupported input of type {type(value).__name__}")

    def normalize(self, inputs: Any, shapes: Any) -> Any:
        if inputs is None:
            return None
        depth = self.depth(inputs)
        if isinstance(inputs, list) and inputs and isinstance(inputs[0], self.oncls):
            return _check_count(list(inputs), shapes, self.name)
        if isinstance(inputs, self.oncls):
            return _check_count([inputs], shapes, self.name)
        if depth in (0, 1):
            shapes = _shapes_needed(shapes, self.name)
            if len(shapes) != 1:
                raise ValueError(f"{self.name} were given for a single image but there are "
                                 f"{len(shapes)} images; pass one entry per image")
            return [self.image_from(inputs if depth == 1 else [inputs], shapes[0])]
        if depth == 2:
            values = list(inputs)
            needs = [v for v in values if not isinstance(v, self.oncls)]
            if needs:
                shapes = _shapes_needed(shapes, self.name)
            result = [self.image_from(v, _shape_at(shapes, i, self.name) if shapes else None)
                      for i, v in enumerate(values)]
            return _check_count(result, shapes, self.name)
        raise ValueError(f"{self.name}: could not understand the input nesting")

    def invert(self, augmented: Any, old: Any) -> Any:
        if old is None:
            return None
        if isinstance(old, self.oncls):
            return augmented[0]
        depth = self.depth(old)
        if isinstance(old, list) and old and isinstance(old[0], self.oncls):
            return augmented
        if depth in (0, 1):
            return self._invert_image(augmented[0], old if depth == 1 else [old], depth == 0)
        return [self._invert_image(a, o, False) if not isinstance(o, self.oncls) else a
                for a, o in zip(augmented, old)]

    def _invert_image(self, aug_oi: Any, old: Any, single: bool) -> Any:
        if isinstance(old, np.ndarray):
            raws = [self.item_to(item, "array") for item in aug_oi.items]
            out = np.array(raws, dtype=old.dtype) if raws else old.copy()
            return out[0] if single else out
        raws = []
        for item, template in zip(aug_oi.items, old):
            if isinstance(template, self.itemcls):
                raws.append(item)
            elif isinstance(template, tuple):
                raws.append(self.item_to(item, "tuple"))
            else:
                raws.append(self.item_to(item, "array"))
        return raws[0] if single else raws


def _kp_to(item: Keypoint, kind: str):
    return (item.x, item.y) if kind == "tuple" else np.array([item.x, item.y])


def _bb_from(v: Any) -> BoundingBox:
    arr = np.asarray(v, dtype=np.float32).ravel()
    if arr.size != 4:
        raise ValueError(f"a bounding box needs 4 numbers (x1, y1, x2, y2), got {v!r}")
    return BoundingBox(*arr)


def _bb_to(item: BoundingBox, kind: str):
    values = (item.x1, item.y1, item.x2, item.y2)
    return values if kind == "tuple" else np.array(values)


def _coords_to(item: Any, kind: str):
    return [tuple(p) for p in item.coords] if kind == "tuple" else item.coords.copy()


def _is_point_list(v: Any) -> bool:
    return isinstance(v, list) and len(v) > 0 and all(_is_point(p) for p in v)


_KEYPOINTS = _CoordKind(
    "keypoints", KeypointsOnImage, Keypoint,
    lambda v: Keypoint(*np.asarray(v, dtype=np.float32).ravel()[:2]), _kp_to, _is_point, 1)
_BOUNDING_BOXES = _CoordKind(
    "bounding_boxes", BoundingBoxesOnImage, BoundingBox, _bb_from, _bb_to,
    lambda v: isinstance(v, tuple) and len(v) == 4 and all(_is_number(x) for x in v), 1)
_POLYGONS = _CoordKind(
    "polygons", PolygonsOnImage, Polygon, lambda v: Polygon(np.asarray(v, dtype=np.float32)),
    _coords_to, _is_point_list, 2)
_LINE_STRINGS = _CoordKind(
    "line_strings", LineStringsOnImage, LineString,
    lambda v: LineString(np.asarray(v, dtype=np.float32)), _coords_to, _is_point_list, 2)


def normalize_keypoints(inputs: Any, shapes: Any = None) -> Any:
    return _KEYPOINTS.normalize(inputs, shapes)


def invert_normalize_keypoints(keypoints: Any, keypoints_old: Any) -> Any:
    return _KEYPOINTS.invert(keypoints, keypoints_old)


def normalize_bounding_boxes(inputs: Any, shapes: Any = None) -> Any:
    return _BOUNDING_BOXES.normalize(inputs, shapes)


def invert_normalize_bounding_boxes(bounding_boxes: Any, bounding_boxes_old: Any) -> Any:
    return _BOUNDING_BOXES.invert(bounding_boxes, bounding_boxes_old)


def normalize_polygons(inputs: Any, shapes: Any = None) -> Any:
    return _POLYGONS.normalize(inputs, shapes)


def invert_normalize_polygons(polygons: Any, polygons_old: Any) -> Any:
    return _POLYGONS.invert(polygons, polygons_old)


def normalize_line_strings(inputs: Any, shapes: Any = None) -> Any:
    return _LINE_STRINGS.normalize(inputs, shapes)


def invert_normalize_line_strings(line_strings: Any, line_strings_old: Any) -> Any:
    return _LINE_STRINGS.invert(line_strings, line_strings_old)
