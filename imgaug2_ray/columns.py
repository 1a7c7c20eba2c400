"""Conversions between Ray Data batch columns and imgaug2 objects (no Ray inside)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import cv2
import numpy as np

ANNOTATION_KINDS = frozenset({
    "bounding_boxes", "keypoints", "segmentation_maps", "heatmaps", "polygons", "line_strings",
})


def to_column_dict(batch: Any) -> dict[str, Any]:
    """A batch as ``{column: sequence}`` from a dict of arrays/lists or a ``pyarrow.Table``."""
    if isinstance(batch, Mapping):
        return dict(batch)
    if type(batch).__module__.startswith("pyarrow") and hasattr(batch, "column_names"):
        return {name: _arrow_column_to_numpy(batch.column(name)) for name in batch.column_names}
    if type(batch).__module__.startswith("pandas"):
        return {name: batch[name].to_numpy() for name in batch.columns}
    raise TypeError(
        f"batch must be a dict of columns, a pyarrow.Table or a pandas DataFrame, got "
        f"{type(batch).__name__}"
    )


def _arrow_column_to_numpy(column: Any) -> Any:
    array = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    if hasattr(array, "to_numpy_ndarray"):
        return array.to_numpy_ndarray()
    try:
        return array.to_numpy(zero_copy_only=False)
    except TypeError:
        return array.to_numpy()


def decode_images(column: Any) -> tuple[list[Any], list[str | None]]:
    """Decoded images (one array per row) and per-row errors (None where the row is fine).

    Rows may be arrays ``(H, W)``/``(H, W, C)`` or encoded bytes (PNG, JPEG, ...; decoded with
    OpenCV to RGB, keeping 16-bit depth and alpha).
    """
    if isinstance(column, np.ndarray) and column.dtype != object:
        if column.ndim not in (3, 4):
            raise ValueError(
                f"image column must hold (H,W) or (H,W,C) images per row, got an array of shape "
                f"{column.shape}")
        return [column[i] for i in range(column.shape[0])], [None] * column.shape[0]
    images: list[Any] = []
    errors: list[str | None] = []
    for value in column:
        image, error = _decode_one(value)
        images.append(image)
        errors.append(error)
    return images, errors


def _decode_one(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, np.ndarray) and value.dtype != object:
        if value.ndim == 3 or value.ndim == 2:
            if value.dtype.kind not in "biuf":
                return value, f"unsupported image dtype {value.dtype}"
            if 0 in value.shape[:2]:
                return value, f"empty image of shape {value.shape}"
            return value, None
        return value, f"image must have shape (H,W) or (H,W,C), got {value.shape}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        buffer = np.frombuffer(bytes(value), dtype=np.uint8)
        image = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED) if buffer.size else None
        if image is None:
            return None, "could not decode the image bytes (corrupt or not an image)"
        if image.ndim == 3 and image.shape[2] == 3:
            image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        elif image.ndim == 3 and image.shape[2] == 4:
            image = cv2.cvtColor(image, cv2.COLOR_BGRA2RGBA)
        return image, None
    if value is None:
        return None, "missing image (null)"
    return None, f"unsupported image value of type {type(value).__name__}"


def pack_images(images: list[Any], original: Any) -> Any:
    """Images as one ``(N, ...)`` array when shapes and dtypes agree, else an object array."""
    arrays = [im for im in images if isinstance(im, np.ndarray)]
    if len(arrays) == len(images) and arrays and all(
        a.shape == arrays[0].shape and a.dtype == arrays[0].dtype for a in arrays
    ) and not (isinstance(original, np.ndarray) and original.dtype == object):
        return np.stack(arrays)
    return pack_objects(images)


def pack_objects(values: list[Any]) -> np.ndarray:
    """A 1-D object array holding ``values`` as they are (numpy would try to broadcast them)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def to_augmentable(kind: str, value: Any, image_shape: tuple[int, ...]) -> Any:
    """A column value of one row as the imgaug2 annotation object of ``kind``."""
    from imgaug2.augmentables.bbs import BoundingBoxesOnImage
    from imgaug2.augmentables.heatmaps import HeatmapsOnImage
    from imgaug2.augmentables.kps import KeypointsOnImage
    from imgaug2.augmentables.lines import LineStringsOnImage
    from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
    from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

    if kind == "bounding_boxes":
        arr = np.asarray(value, dtype=np.float32).reshape(-1, 4)
        return BoundingBoxesOnImage.from_xyxy_array(arr, shape=image_shape)
    if kind == "keypoints":
        arr = np.asarray(value, dtype=np.float32).reshape(-1, 2)
        return KeypointsOnImage.from_xy_array(arr, shape=image_shape)
    if kind == "segmentation_maps":
        return SegmentationMapsOnImage(np.asarray(value), shape=image_shape)
    if kind == "heatmaps":
        return HeatmapsOnImage(np.asarray(value, dtype=np.float32), shape=image_shape)
    if kind == "polygons":
        return PolygonsOnImage(
            [Polygon(np.asarray(p, dtype=np.float32).reshape(-1, 2)) for p in value],
            shape=image_shape)
    if kind == "line_strings":
        return LineStringsOnImage.from_xy_arrays(
            [np.asarray(p, dtype=np.float32).reshape(-1, 2) for p in value], shape=image_shape)
    raise ValueError(f"unknown annotation kind {kind!r}; expected one of "
                     f"{sorted(ANNOTATION_KINDS)}")


def from_augmentable(kind: str, obj: Any) -> Any:
    """The inverse of :func:`to_augmentable` (plain arrays, storable in Arrow)."""
    if kind == "bounding_boxes":
        return obj.to_xyxy_array()
    if kind == "keypoints":
        return obj.to_xy_array()
    if kind == "segmentation_maps":
        return obj.get_arr()
    if kind == "heatmaps":
        return obj.get_arr()
    if kind in ("polygons", "line_strings"):
        return pack_objects([np.asarray(item.coords, dtype=np.float32) for item in obj.items])
    raise ValueError(f"unknown annotation kind {kind!r}")
