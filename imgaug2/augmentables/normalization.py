"""Input normalisation (imgaug 0.4.0 semantics).

``normalize_*`` turn the many forms users pass data in into what augmenters work on: images as
an ``(N,H,W,C)`` array or a list of ``(H,W,C)`` arrays, annotations as lists of ``*OnImage``
objects (one per image). ``invert_normalize_*`` turn augmented results back into the user's
original form (same type, nesting and dtype).

The input form is described by a type string from :func:`estimate_normalization_type`, e.g.
``"iterable-iterable-tuple[number,size=2]"`` for a list (images) of lists of ``(x, y)`` tuples.
Beyond imgaug 0.4.0 this also accepts: ``(N,H,W)`` heatmap/segmap arrays and lists of ``(H,W)``
arrays, a ``(K,2)`` keypoint array, a ``(B,4)`` box array, and ``(P,M,2)``/``(M,2)`` polygon or
line string arrays for a single image.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

_KNOWN_CLASSES = (
    ("KeypointsOnImage", KeypointsOnImage), ("Keypoint", Keypoint),
    ("BoundingBoxesOnImage", BoundingBoxesOnImage), ("BoundingBox", BoundingBox),
    ("PolygonsOnImage", PolygonsOnImage), ("Polygon", Polygon),
    ("LineStringsOnImage", LineStringsOnImage), ("LineString", LineString),
    ("HeatmapsOnImage", HeatmapsOnImage), ("SegmentationMapsOnImage", SegmentationMapsOnImage),
)
_ARRAY_KINDS = {"f": "float", "u": "uint", "i": "int", "b": "bool"}
_NUMERIC_ARRAYS = ("array[float]", "array[int]", "array[uint]")


# ---- type estimation -------------------------------------------------------------------------
def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_iterable(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def find_first_nonempty(attr: Any, parents: list | None = None) -> tuple[Any, bool, list]:
    """First non-iterable leaf of nested lists/tuples: ``(leaf, found, parent containers)``.

    Arrays and ``*OnImage`` objects count as leaves. For only-empty nestings the deepest empty
    container is reported with ``found=False``.
    """
    parents = [] if parents is None else parents
    if attr is None or isinstance(attr, np.ndarray) or not _is_iterable(attr):
        return attr, True, parents
    if len(attr) == 0:
        return None, False, parents
    deepest: tuple[Any, bool, list] = (None, False, parents)
    for item in attr:
        found = find_first_nonempty(item, parents + [attr])
        if found[1]:
            return found
        if len(found[2]) > len(deepest[2]):
            deepest = found
    return deepest


def _type_str(nonempty: Any, success: bool, parents: list) -> str:
    prefix = "iterable-" * len(parents)
    if not success:
        return prefix + "iterable[empty]"
    last = parents[-1] if parents else None
    if isinstance(last, tuple) and len(last) > 0 and all(_is_number(v) for v in last):
        return "iterable-" * (len(parents) - 1) + f"tuple[number,size={len(last)}]"
    if nonempty is None:
        return "iterable-None" if parents else "None"
    if isinstance(nonempty, np.ndarray):
        kind = nonempty.dtype.kind
        return prefix + f"array[{_ARRAY_KINDS.get(kind, kind)}]"
    for name, cls in _KNOWN_CLASSES:
        if isinstance(nonempty, cls):
            return prefix + name
    return prefix + type(nonempty).__name__


def estimate_normalization_type(inputs: Any) -> str:
    """Type string describing the form of ``inputs`` (see module docstring)."""
    return _type_str(*find_first_nonempty(inputs))


def _estimate(inputs: Any, valid: list[str], name: str) -> str:
    type_str = estimate_normalization_type(inputs)
    if type_str not in valid:
        raise ValueError(f"Got an unknown datatype for argument '{name}': {type_str}. Expected "
                         f"one of: {', '.join(valid)}.")
    return type_str


def estimate_heatmaps_norm_type(heatmaps: Any) -> str:
    return _estimate(heatmaps, [
        "None", "array[float]", "HeatmapsOnImage", "iterable[empty]", "iterable-array[float]",
        "iterable-HeatmapsOnImage"], "heatmaps")


def estimate_segmaps_norm_type(segmentation_maps: Any) -> str:
    return _estimate(segmentation_maps, [
        "None", "array[int]", "array[uint]", "array[bool]", "SegmentationMapsOnImage",
        "iterable[empty]", "iterable-array[int]", "iterable-array[uint]",
        "iterable-array[bool]", "iterable-SegmentationMapsOnImage"], "segmentation_maps")


def estimate_keypoints_norm_type(keypoints: Any) -> str:
    return _estimate(keypoints, [
        "None", *_NUMERIC_ARRAYS, "tuple[number,size=2]", "Keypoint", "KeypointsOnImage",
        "iterable[empty]", *[f"iterable-{t}" for t in _NUMERIC_ARRAYS],
        "iterable-tuple[number,size=2]", "iterable-Keypoint", "iterable-KeypointsOnImage",
        "iterable-iterable[empty]", "iterable-iterable-tuple[number,size=2]",
        "iterable-iterable-Keypoint"], "keypoints")


def estimate_bounding_boxes_norm_type(bounding_boxes: Any) -> str:
    return _estimate(bounding_boxes, [
        "None", *_NUMERIC_ARRAYS, "tuple[number,size=4]", "BoundingBox", "BoundingBoxesOnImage",
        "iterable[empty]", *[f"iterable-{t}" for t in _NUMERIC_ARRAYS],
        "iterable-tuple[number,size=4]", "iterable-BoundingBox",
        "iterable-BoundingBoxesOnImage", "iterable-iterable[empty]",
        "iterable-iterable-tuple[number,size=4]", "iterable-iterable-BoundingBox"],
        "bounding_boxes")


def _coords_valid_types(single: str, on_image: str) -> list[str]:
    return [
        "None", *_NUMERIC_ARRAYS, single, on_image, "iterable[empty]",
        *[f"iterable-{t}" for t in _NUMERIC_ARRAYS], "iterable-tuple[number,size=2]",
        "iterable-Keypoint", f"iterable-{single}", f"iterable-{on_image}",
        "iterable-iterable[empty]", *[f"iterable-iterable-{t}" for t in _NUMERIC_ARRAYS],
        "iterable-iterable-tuple[number,size=2]", "iterable-iterable-Keypoint",
        f"iterable-iterable-{single}", "iterable-iterable-iterable[empty]",
        "iterable-iterable-iterable-tuple[number,size=2]", "iterable-iterable-iterable-Keypoint"]


def estimate_polygons_norm_type(polygons: Any) -> str:
    return _estimate(polygons, _coords_valid_types("Polygon", "PolygonsOnImage"), "polygons")


def estimate_line_strings_norm_type(line_strings: Any) -> str:
    return _estimate(line_strings, _coords_valid_types("LineString", "LineStringsOnImage"),
                     "line_strings")


# ---- shared helpers --------------------------------------------------------------------------
def _preprocess_shapes(shapes: Any) -> list[tuple] | None:
    if shapes is None:
        return None
    if isinstance(shapes, np.ndarray):
        if shapes.ndim not in (3, 4):
            raise ValueError(f"shapes given as an array must be (N,H,W) or (N,H,W,C) images, "
                             f"got shape {shapes.shape}")
        return [shapes.shape[1:]] * shapes.shape[0]
    if not _is_iterable(shapes):
        raise TypeError(f"shapes must be None, an array or a list, got {type(shapes).__name__}")
    result = []
    for shape in shapes:
        if isinstance(shape, np.ndarray):
            result.append(shape.shape)
        elif isinstance(shape, (tuple, list)):
            result.append(tuple(shape))
        else:
            raise TypeError(f"each entry of shapes must be a shape tuple or an image array, got "
                            f"{type(shape).__name__}")
    return result


def _require_shapes(shapes: list | None, n: int, ntype: str, to: str, name: str) -> list:
    if shapes is None:
        raise ValueError(
            f"Argument '{name}' was given as '{ntype}'. Converting that to {to} needs the shape "
            f"of each corresponding image, but no images were given. Pass images=... as well, "
            f"or use {to[5:-1]} instances, which carry their image shape.")
    if len(shapes) != n:
        raise ValueError(
            f"Argument '{name}' was given as '{ntype}', which describes {n} image(s), but "
            f"{len(shapes)} images were given in argument 'images'. There must be exactly one "
            f"entry per image. (A list of (x,y) tuples is read as the points of ONE image; use "
            f"the *OnImage classes to avoid misunderstandings.)")
    return shapes


def _check_rows(items: list, shapes: list | None, name: str) -> list:
    if shapes is not None and len(items) != len(shapes):
        raise ValueError(f"Argument '{name}' has {len(items)} entries, but {len(shapes)} "
                         f"images were given in argument 'images'; there must be exactly one "
                         f"entry per image.")
    return items


def _check_instances(items: Any, cls: type, name: str) -> list:
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise ValueError(f"Argument '{name}': expected every entry to be a {cls.__name__}, "
                             f"but entry {i} is a {type(item).__name__}.")
    return list(items)


def _check_array(arr: np.ndarray, ndims: tuple[int, ...], last: int | None, shape_str: str,
                 name: str) -> np.ndarray:
    if arr.ndim not in ndims or (last is not None and arr.shape[-1] != last):
        raise ValueError(f"Argument '{name}': expected array(s) of shape {shape_str}, got an "
                         f"array of shape {arr.shape}.")
    return arr


def _points(items: Any, size: int, name: str) -> list[tuple]:
    """Validated ``(x, y)`` (size 2) or ``(x1, y1, x2, y2)`` (size 4) tuples from tuples,
    1D arrays or Keypoints."""
    result = []
    for item in items:
        if size == 2 and isinstance(item, Keypoint):
            result.append((item.x, item.y))
        elif isinstance(item, tuple) and len(item) == size and all(_is_number(v) for v in item):
            result.append(item)
        elif isinstance(item, np.ndarray) and item.shape == (size,):
            result.append(tuple(item.tolist()))
        else:
            what = "(x, y) tuple or Keypoint" if size == 2 else "(x1, y1, x2, y2) tuple"
            raise ValueError(f"Argument '{name}': expected each point to be a {what}, got "
                             f"{item!r}.")
    return result


def _xy_array(items: Any, name: str) -> np.ndarray:
    if isinstance(items, np.ndarray):
        return _check_array(items, (2,), 2, "(#points,2)", name).astype(np.float32)
    if not _is_iterable(items):
        raise ValueError(f"Argument '{name}': expected a list of (x, y) points, got "
                         f"{type(items).__name__}.")
    return np.array(_points(items, 2, name), dtype=np.float32).reshape(-1, 2)


def _restore_dtype(arr: np.ndarray, dtype: Any) -> np.ndarray:
    dtype = np.dtype(dtype)
    if arr.dtype == dtype:
        return arr
    if dtype.kind == "b":
        return arr > 0.5 if arr.dtype.kind == "f" else arr != 0
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        if arr.dtype.kind == "f":
            arr = np.round(arr)
        return np.clip(arr, info.min, info.max).astype(dtype)
    return arr.astype(dtype)


def restore_dtype_and_merge(arr: Any, input_dtype: Any) -> Any:
    """Cast array(s) to ``input_dtype`` (rounding/clipping for ints); a (nested) list of
    arrays becomes one array if all have the same shape."""
    if isinstance(arr, list):
        arr = [restore_dtype_and_merge(item, input_dtype) for item in arr]
        if arr and all(isinstance(item, np.ndarray) for item in arr) \
                and len({item.shape for item in arr}) == 1:
            return np.stack(arr)
        return arr
    if isinstance(arr, np.ndarray):
        return _restore_dtype(arr, input_dtype)
    return arr


def _nb_levels(ntype: str) -> int:
    return ntype.count("iterable-")


def _match_containers(result: Any, old: Any, levels: int) -> Any:
    """Use tuples where the original input used tuples (lists otherwise)."""
    if levels <= 0 or not isinstance(result, list) or not _is_iterable(old):
        return result
    if levels > 1 and len(result) == len(old):
        result = [_match_containers(r, o, levels - 1) for r, o in zip(result, old)]
    return tuple(result) if isinstance(old, tuple) else result


def _single(items: list, what: str, name: str) -> Any:
    if len(items) != 1:
        raise ValueError(f"Argument '{name}' was given as a single {what}, but augmentation "
                         f"produced {len(items)}; cannot convert back to the input format.")
    return items[0]


def _nonempty_dtype(old: Any) -> np.dtype:
    nonempty, found, _ = find_first_nonempty(old)
    return nonempty.dtype if found and isinstance(nonempty, np.ndarray) else np.dtype(np.float32)


# ---- images ----------------------------------------------------------------------------------
def normalize_images(images: Any) -> Any:
    """None, an ``(N,H,W,C)`` array or a list of ``(H,W,C)`` arrays.

    Accepts an ``(H,W)`` array (one image), ``(N,H,W)``, ``(N,H,W,C)`` or a list/tuple of
    ``(H,W)``/``(H,W,C)`` arrays; missing channel axes are added. Any dtype.
    """
    if images is None:
        return None
    if isinstance(images, np.ndarray):
        if images.ndim == 2:
            return images[np.newaxis, :, :, np.newaxis]
        if images.ndim == 3:
            return images[:, :, :, np.newaxis]
        if images.ndim == 4:
            return images
        raise ValueError(f"Argument 'images': expected an array of shape (H,W), (N,H,W) or "
                         f"(N,H,W,C), got shape {images.shape}.")
    if _is_iterable(images):
        result = []
        for i, image in enumerate(images):
            if not isinstance(image, np.ndarray):
                raise TypeError(f"Argument 'images': expected a list of arrays, but entry {i} "
                                f"is a {type(image).__name__}.")
            if image.ndim not in (2, 3):
                raise ValueError(f"Argument 'images': expected each image to have shape (H,W) "
                                 f"or (H,W,C), but entry {i} has shape {image.shape}.")
            result.append(image[:, :, np.newaxis] if image.ndim == 2 else image)
        return result
    raise TypeError(f"Argument 'images': expected None, an array or a list of arrays, got "
                    f"{type(images).__name__}.")


def _squeeze_channel(image: np.ndarray) -> np.ndarray:
    return image[..., 0] if image.shape[-1] == 1 else image


def invert_normalize_images(images: Any, images_old: Any) -> Any:
    """Augmented normalised images in the form of ``images_old``."""
    if images_old is None or images is None:
        return None
    if isinstance(images_old, np.ndarray):
        if not isinstance(images, np.ndarray):
            # shapes/dtypes diverged during augmentation: a list of images
            if images_old.ndim == 2:
                return _squeeze_channel(images[0])
            if images_old.ndim == 3:
                return [_squeeze_channel(image) for image in images]
            return list(images)
        if images_old.ndim == 2:
            return _squeeze_channel(images[0])
        if images_old.ndim == 3:
            return _squeeze_channel(images)
        return images
    result = []
    for image, image_old in zip(images, images_old):
        result.append(_squeeze_channel(image) if image_old.ndim == 2 else image)
    return tuple(result) if isinstance(images_old, tuple) else result


# ---- heatmaps / segmentation maps ------------------------------------------------------------
def normalize_heatmaps(inputs: Any, shapes: Any = None) -> list[HeatmapsOnImage] | None:
    """None or a list of HeatmapsOnImage (one per image).

    Accepts HeatmapsOnImage (or a list of them), float arrays ``(N,H,W,C)``/``(N,H,W)`` or
    lists of ``(H,W,C)``/``(H,W)`` float arrays in ``[0, 1]`` (these need image ``shapes``).
    """
    shapes = _preprocess_shapes(shapes)
    ntype = estimate_heatmaps_norm_type(inputs)
    name, to = "heatmaps", "List[HeatmapsOnImage]"
    if ntype in ("None", "iterable[empty]"):
        return None
    if ntype == "HeatmapsOnImage":
        return _check_rows([inputs], shapes, name)
    if ntype == "iterable-HeatmapsOnImage":
        return _check_rows(_check_instances(inputs, HeatmapsOnImage, name), shapes, name)
    if ntype == "array[float]":
        _check_array(inputs, (3, 4), None, "(N,H,W,C) or (N,H,W)", name)
    else:
        for arr in _check_instances(inputs, np.ndarray, name):
            _check_array(arr, (2, 3), None, "(H,W,C) or (H,W)", name)
    shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
    return [HeatmapsOnImage(arr, shape=shape) for arr, shape in zip(inputs, shapes)]


def invert_normalize_heatmaps(heatmaps: Any, heatmaps_old: Any) -> Any:
    """Augmented heatmaps in the form of ``heatmaps_old``."""
    ntype = estimate_heatmaps_norm_type(heatmaps_old)
    if ntype == "None":
        return None
    if ntype == "iterable[empty]":
        return heatmaps_old[:]
    if heatmaps is None:
        return None
    if ntype == "HeatmapsOnImage":
        return _single(heatmaps, "HeatmapsOnImage", "heatmaps")
    if ntype == "iterable-HeatmapsOnImage":
        return _match_containers(list(heatmaps), heatmaps_old, 1)
    if ntype == "array[float]":
        arrays = [hm.arr_0to1 for hm in heatmaps]
        if heatmaps_old.ndim == 3:
            arrays = [_squeeze_channel(arr) for arr in arrays]
        return restore_dtype_and_merge(arrays, heatmaps_old.dtype)
    result = []
    for hm, old in zip(heatmaps, heatmaps_old):
        arr = _squeeze_channel(hm.arr_0to1) if old.ndim == 2 else hm.arr_0to1
        result.append(_restore_dtype(arr, old.dtype))
    return _match_containers(result, heatmaps_old, 1)


def normalize_segmentation_maps(inputs: Any,
                                shapes: Any = None) -> list[SegmentationMapsOnImage] | None:
    """None or a list of SegmentationMapsOnImage (one per image).

    Accepts SegmentationMapsOnImage (or a list of them), int/uint/bool arrays ``(N,H,W,C)`` or
    ``(N,H,W)``, or lists of ``(H,W,C)``/``(H,W)`` arrays (these need image ``shapes``).
    """
    shapes = _preprocess_shapes(shapes)
    ntype = estimate_segmaps_norm_type(inputs)
    name, to = "segmentation_maps", "List[SegmentationMapsOnImage]"
    if ntype in ("None", "iterable[empty]"):
        return None
    if ntype == "SegmentationMapsOnImage":
        return _check_rows([inputs], shapes, name)
    if ntype == "iterable-SegmentationMapsOnImage":
        return _check_rows(_check_instances(inputs, SegmentationMapsOnImage, name), shapes,
                           name)
    if ntype.startswith("array["):
        _check_array(inputs, (3, 4), None, "(N,H,W,C) or (N,H,W)", name)
    else:
        for arr in _check_instances(inputs, np.ndarray, name):
            _check_array(arr, (2, 3), None, "(H,W,C) or (H,W)", name)
    shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
    return [SegmentationMapsOnImage(arr, shape=shape) for arr, shape in zip(inputs, shapes)]


def invert_normalize_segmentation_maps(segmentation_maps: Any,
                                       segmentation_maps_old: Any) -> Any:
    """Augmented segmentation maps in the form of ``segmentation_maps_old``."""
    old = segmentation_maps_old
    ntype = estimate_segmaps_norm_type(old)
    if ntype == "None":
        return None
    if ntype == "iterable[empty]":
        return old[:]
    if segmentation_maps is None:
        return None
    if ntype == "SegmentationMapsOnImage":
        return _single(segmentation_maps, "SegmentationMapsOnImage", "segmentation_maps")
    if ntype == "iterable-SegmentationMapsOnImage":
        return _match_containers(list(segmentation_maps), old, 1)
    if ntype.startswith("array["):
        arrays = [segmap.arr for segmap in segmentation_maps]
        if old.ndim == 3:
            arrays = [_squeeze_channel(arr) for arr in arrays]
        return restore_dtype_and_merge(arrays, old.dtype)
    result = []
    for segmap, old_i in zip(segmentation_maps, old):
        arr = _squeeze_channel(segmap.arr) if old_i.ndim == 2 else segmap.arr
        result.append(_restore_dtype(arr, old_i.dtype))
    return _match_containers(result, old, 1)


# ---- keypoints -------------------------------------------------------------------------------
def _kpsoi(points: Any, shape: tuple, name: str) -> KeypointsOnImage:
    return KeypointsOnImage([Keypoint(x=x, y=y) for x, y in _points(points, 2, name)],
                            shape=shape)


def normalize_keypoints(inputs: Any, shapes: Any = None) -> list[KeypointsOnImage] | None:
    """None or a list of KeypointsOnImage (one per image).

    Accepts KeypointsOnImage (or a list), arrays ``(N,K,2)`` (or ``(K,2)`` for one image) or
    lists of ``(K,2)`` arrays, ``(x, y)`` tuples / Keypoints (one image), lists of those (one
    image), lists of lists of those (one list per image). All but KeypointsOnImage need
    image ``shapes``.
    """
    shapes = _preprocess_shapes(shapes)
    ntype = estimate_keypoints_norm_type(inputs)
    name, to = "keypoints", "List[KeypointsOnImage]"
    if ntype in ("None", "iterable[empty]", "iterable-iterable[empty]"):
        return None
    if ntype == "KeypointsOnImage":
        return _check_rows([inputs], shapes, name)
    if ntype == "iterable-KeypointsOnImage":
        return _check_rows(_check_instances(inputs, KeypointsOnImage, name), shapes, name)
    if ntype in _NUMERIC_ARRAYS:
        _check_array(inputs, (2, 3), 2, "(N,K,2) or (K,2)", name)
        if inputs.ndim == 2:
            shape = _require_shapes(shapes, 1, ntype, to, name)[0]
            return [KeypointsOnImage.from_xy_array(inputs, shape=shape)]
        shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
        return [KeypointsOnImage.from_xy_array(arr, shape=shape)
                for arr, shape in zip(inputs, shapes)]
    if ntype in ("tuple[number,size=2]", "Keypoint"):
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [_kpsoi([inputs], shape, name)]
    if ntype in ("iterable-tuple[number,size=2]", "iterable-Keypoint"):
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [_kpsoi(inputs, shape, name)]
    if ntype.startswith("iterable-array"):
        for arr in _check_instances(inputs, np.ndarray, name):
            _check_array(arr, (2,), 2, "(K,2)", name)
        shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
        return [KeypointsOnImage.from_xy_array(arr, shape=shape)
                for arr, shape in zip(inputs, shapes)]
    # iterable-iterable-tuple / iterable-iterable-Keypoint: one list of points per image
    shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
    return [_kpsoi(_check_iterable(points, name), shape, name)
            for points, shape in zip(inputs, shapes)]


def _check_iterable(value: Any, name: str) -> Any:
    if not _is_iterable(value):
        raise ValueError(f"Argument '{name}': expected a list per image, got "
                         f"{type(value).__name__}.")
    return value


def invert_normalize_keypoints(keypoints: Any, keypoints_old: Any) -> Any:
    """Augmented keypoints in the form of ``keypoints_old``."""
    old = keypoints_old
    ntype = estimate_keypoints_norm_type(old)
    if ntype == "None":
        return None
    if ntype in ("iterable[empty]", "iterable-iterable[empty]"):
        return old[:]
    if keypoints is None:
        return None
    name = "keypoints"
    if ntype == "KeypointsOnImage":
        return _single(keypoints, "KeypointsOnImage", name)
    if ntype in _NUMERIC_ARRAYS:
        if old.ndim == 2:
            return _restore_dtype(_single(keypoints, "array", name).to_xy_array(), old.dtype)
        return restore_dtype_and_merge([kpsoi.to_xy_array() for kpsoi in keypoints], old.dtype)
    if ntype == "tuple[number,size=2]":
        kp = _single(_single(keypoints, "point", name).keypoints, "point", name)
        return (kp.x, kp.y)
    if ntype == "Keypoint":
        return _single(_single(keypoints, "Keypoint", name).keypoints, "Keypoint", name)
    if ntype.startswith("iterable-array"):
        result = [_restore_dtype(kpsoi.to_xy_array(), old_i.dtype)
                  for kpsoi, old_i in zip(keypoints, old)]
    elif ntype == "iterable-KeypointsOnImage":
        result = list(keypoints)
    elif ntype == "iterable-tuple[number,size=2]":
        result = [(kp.x, kp.y) for kp in _single(keypoints, "list of points", name).keypoints]
    elif ntype == "iterable-Keypoint":
        result = list(_single(keypoints, "list of Keypoints", name).keypoints)
    elif ntype == "iterable-iterable-tuple[number,size=2]":
        result = [[(kp.x, kp.y) for kp in kpsoi.keypoints] for kpsoi in keypoints]
    else:  # iterable-iterable-Keypoint
        result = [list(kpsoi.keypoints) for kpsoi in keypoints]
    return _match_containers(result, old, _nb_levels(ntype))


# ---- bounding boxes --------------------------------------------------------------------------
def _bbsoi(boxes: Any, shape: tuple, name: str) -> BoundingBoxesOnImage:
    items = []
    for box in boxes:
        if isinstance(box, BoundingBox):
            items.append(box)
        else:
            x1, y1, x2, y2 = _points([box], 4, name)[0]
            items.append(BoundingBox(x1=x1, y1=y1, x2=x2, y2=y2))
    return BoundingBoxesOnImage(items, shape=shape)


def normalize_bounding_boxes(inputs: Any,
                             shapes: Any = None) -> list[BoundingBoxesOnImage] | None:
    """None or a list of BoundingBoxesOnImage (one per image).

    Accepts BoundingBoxesOnImage (or a list), arrays ``(N,B,4)`` (or ``(B,4)`` for one image) or
    lists of ``(B,4)`` arrays, ``(x1, y1, x2, y2)`` tuples / BoundingBoxes (one image), lists of
    those (one image), lists of lists of those (one list per image).
    """
    shapes = _preprocess_shapes(shapes)
    ntype = estimate_bounding_boxes_norm_type(inputs)
    name, to = "bounding_boxes", "List[BoundingBoxesOnImage]"
    if ntype in ("None", "iterable[empty]", "iterable-iterable[empty]"):
        return None
    if ntype == "BoundingBoxesOnImage":
        return _check_rows([inputs], shapes, name)
    if ntype == "iterable-BoundingBoxesOnImage":
        return _check_rows(_check_instances(inputs, BoundingBoxesOnImage, name), shapes, name)
    if ntype in _NUMERIC_ARRAYS:
        _check_array(inputs, (2, 3), 4, "(N,B,4) or (B,4)", name)
        if inputs.ndim == 2:
            shape = _require_shapes(shapes, 1, ntype, to, name)[0]
            return [BoundingBoxesOnImage.from_xyxy_array(inputs, shape=shape)]
        shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
        return [BoundingBoxesOnImage.from_xyxy_array(arr, shape=shape)
                for arr, shape in zip(inputs, shapes)]
    if ntype in ("tuple[number,size=4]", "BoundingBox"):
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [_bbsoi([inputs], shape, name)]
    if ntype in ("iterable-tuple[number,size=4]", "iterable-BoundingBox"):
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [_bbsoi(inputs, shape, name)]
    if ntype.startswith("iterable-array"):
        for arr in _check_instances(inputs, np.ndarray, name):
            _check_array(arr, (2,), 4, "(B,4)", name)
        shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
        return [BoundingBoxesOnImage.from_xyxy_array(arr, shape=shape)
                for arr, shape in zip(inputs, shapes)]
    shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
    return [_bbsoi(_check_iterable(boxes, name), shape, name)
            for boxes, shape in zip(inputs, shapes)]


def _xyxy(bb: BoundingBox) -> tuple:
    return (bb.x1, bb.y1, bb.x2, bb.y2)


def invert_normalize_bounding_boxes(bounding_boxes: Any, bounding_boxes_old: Any) -> Any:
    """Augmented bounding boxes in the form of ``bounding_boxes_old``."""
    old = bounding_boxes_old
    ntype = estimate_bounding_boxes_norm_type(old)
    if ntype == "None":
        return None
    if ntype in ("iterable[empty]", "iterable-iterable[empty]"):
        return old[:]
    if bounding_boxes is None:
        return None
    name = "bounding_boxes"
    if ntype == "BoundingBoxesOnImage":
        return _single(bounding_boxes, "BoundingBoxesOnImage", name)
    if ntype in _NUMERIC_ARRAYS:
        if old.ndim == 2:
            bbsoi = _single(bounding_boxes, "array", name)
            return _restore_dtype(bbsoi.to_xyxy_array(), old.dtype)
        return restore_dtype_and_merge([bbsoi.to_xyxy_array() for bbsoi in bounding_boxes],
                                       old.dtype)
    if ntype == "tuple[number,size=4]":
        return _xyxy(_single(_single(bounding_boxes, "box", name).bounding_boxes, "box", name))
    if ntype == "BoundingBox":
        bbsoi = _single(bounding_boxes, "BoundingBox", name)
        return _single(bbsoi.bounding_boxes, "BoundingBox", name)
    if ntype.startswith("iterable-array"):
        result = [_restore_dtype(bbsoi.to_xyxy_array(), old_i.dtype)
                  for bbsoi, old_i in zip(bounding_boxes, old)]
    elif ntype == "iterable-BoundingBoxesOnImage":
        result = list(bounding_boxes)
    elif ntype == "iterable-tuple[number,size=4]":
        bbsoi = _single(bounding_boxes, "list of boxes", name)
        result = [_xyxy(bb) for bb in bbsoi.bounding_boxes]
    elif ntype == "iterable-BoundingBox":
        result = list(_single(bounding_boxes, "list of boxes", name).bounding_boxes)
    elif ntype == "iterable-iterable-tuple[number,size=4]":
        result = [[_xyxy(bb) for bb in bbsoi.bounding_boxes] for bbsoi in bounding_boxes]
    else:  # iterable-iterable-BoundingBox
        result = [list(bbsoi.bounding_boxes) for bbsoi in bounding_boxes]
    return _match_containers(result, old, _nb_levels(ntype))


# ---- polygons and line strings ---------------------------------------------------------------
class _CoordsKind:
    """How polygons / line strings are built and read back."""

    def __init__(self, name: str, single: type, on_image: type, items_attr: str,
                 points_attr: str, axis: str) -> None:
        self.name = name
        self.single = single
        self.on_image = on_image
        self.items_attr = items_attr
        self.points_attr = points_attr
        self.axis = axis

    def make(self, points: Any) -> Any:
        if isinstance(points, self.single):
            return points
        return self.single(_xy_array(points, self.name))

    def make_oi(self, items: Any, shape: tuple) -> Any:
        return self.on_image([self.make(item) for item in _check_iterable(items, self.name)],
                             shape=shape)

    def items(self, oi: Any) -> list:
        return list(getattr(oi, self.items_attr))

    def points(self, item: Any) -> np.ndarray:
        return np.asarray(getattr(item, self.points_attr), dtype=np.float32).reshape(-1, 2)


_POLYGONS = _CoordsKind("polygons", Polygon, PolygonsOnImage, "polygons", "exterior", "#polys")
_LINE_STRINGS = _CoordsKind("line_strings", LineString, LineStringsOnImage, "line_strings",
                            "coords", "#lines")


def _normalize_coords(kind: _CoordsKind, inputs: Any, shapes: Any, ntype: str) -> Any:
    shapes = _preprocess_shapes(shapes)
    name, single, oi = kind.name, kind.single.__name__, kind.on_image.__name__
    to = f"List[{oi}]"
    if ntype == "None" or ntype.endswith("iterable[empty]"):
        return None
    if ntype == oi:
        return _check_rows([inputs], shapes, name)
    if ntype == f"iterable-{oi}":
        return _check_rows(_check_instances(inputs, kind.on_image, name), shapes, name)
    if ntype in _NUMERIC_ARRAYS:
        _check_array(inputs, (2, 3, 4), 2, f"(N,{kind.axis},#points,2)", name)
        if inputs.ndim < 4:
            shape = _require_shapes(shapes, 1, ntype, to, name)[0]
            per_image = inputs if inputs.ndim == 3 else inputs[np.newaxis]
            return [kind.make_oi(list(per_image), shape)]
        shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
        return [kind.make_oi(list(arr), shape) for arr, shape in zip(inputs, shapes)]
    if ntype == single:
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [kind.on_image([inputs], shape=shape)]
    if ntype in ("iterable-tuple[number,size=2]", "iterable-Keypoint"):
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [kind.on_image([kind.make(inputs)], shape=shape)]
    if ntype in (f"iterable-{single}", "iterable-iterable-tuple[number,size=2]",
                 "iterable-iterable-Keypoint"):
        shape = _require_shapes(shapes, 1, ntype, to, name)[0]
        return [kind.make_oi(inputs, shape)]
    if ntype.startswith("iterable-array"):
        for arr in _check_instances(inputs, np.ndarray, name):
            _check_array(arr, (3,), 2, f"({kind.axis},#points,2)", name)
        shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
        return [kind.make_oi(list(arr), shape) for arr, shape in zip(inputs, shapes)]
    # one list of items per image: iterable-iterable-array / -<single>,
    # iterable-iterable-iterable-tuple / -Keypoint
    shapes = _require_shapes(shapes, len(inputs), ntype, to, name)
    return [kind.make_oi(items, shape) for items, shape in zip(inputs, shapes)]


def _invert_coords(kind: _CoordsKind, augmented: Any, old: Any, ntype: str) -> Any:
    name, single, oi = kind.name, kind.single.__name__, kind.on_image.__name__
    if ntype == "None":
        return None
    if ntype.endswith("iterable[empty]"):
        return old[:]
    if augmented is None:
        return None
    if ntype == oi:
        return _single(augmented, oi, name)
    if ntype in _NUMERIC_ARRAYS:
        per_image = [[kind.points(item) for item in kind.items(x)] for x in augmented]
        if old.ndim == 4:
            return restore_dtype_and_merge(per_image, old.dtype)
        items = restore_dtype_and_merge(_single(per_image, "image", name), old.dtype)
        return items if old.ndim == 3 else _single(list(items), single, name)
    if ntype == single:
        return _single(kind.items(_single(augmented, oi, name)), single, name)
    if ntype.startswith("iterable-array"):
        result = [restore_dtype_and_merge([kind.points(item) for item in kind.items(x)],
                                          old_i.dtype)
                  for x, old_i in zip(augmented, old)]
    elif ntype == f"iterable-{oi}":
        result = list(augmented)
    elif ntype in ("iterable-tuple[number,size=2]", "iterable-Keypoint"):
        item = _single(kind.items(_single(augmented, oi, name)), single, name)
        result = _points_out(kind.points(item), ntype)
    elif ntype == f"iterable-{single}":
        result = kind.items(_single(augmented, oi, name))
    elif ntype in ("iterable-iterable-tuple[number,size=2]", "iterable-iterable-Keypoint"):
        result = [_points_out(kind.points(item), ntype)
                  for item in kind.items(_single(augmented, oi, name))]
    elif ntype.startswith("iterable-iterable-array"):
        result = []
        for x, old_i in zip(augmented, old):
            dtype = _nonempty_dtype(old_i)
            result.append([_restore_dtype(kind.points(item), dtype) for item in kind.items(x)])
    elif ntype == f"iterable-iterable-{single}":
        result = [kind.items(x) for x in augmented]
    else:  # iterable-iterable-iterable-tuple / -Keypoint
        result = [[_points_out(kind.points(item), ntype) for item in kind.items(x)]
                  for x in augmented]
    return _match_containers(result, old, _nb_levels(ntype))


def _points_out(points: np.ndarray, ntype: str) -> list:
    if ntype.endswith("Keypoint"):
        return [Keypoint(x=x, y=y) for x, y in points.tolist()]
    return [(x, y) for x, y in points.tolist()]


def normalize_polygons(inputs: Any, shapes: Any = None) -> list[PolygonsOnImage] | None:
    """None or a list of PolygonsOnImage (one per image).

    One polygon of one image: Polygon, list of (x, y) tuples / Keypoints, ``(M,2)`` array.
    Several polygons of one image: PolygonsOnImage, list of Polygons, list of lists of tuples /
    Keypoints, ``(P,M,2)`` array. Several images: list of PolygonsOnImage, ``(N,P,M,2)`` array,
    list of ``(P,M,2)`` arrays, list of lists of ``(M,2)`` arrays / Polygons / lists of points.
    """
    return _normalize_coords(_POLYGONS, inputs, shapes, estimate_polygons_norm_type(inputs))


def invert_normalize_polygons(polygons: Any, polygons_old: Any) -> Any:
    """Augmented polygons in the form of ``polygons_old``."""
    return _invert_coords(_POLYGONS, polygons, polygons_old,
                          estimate_polygons_norm_type(polygons_old))


def normalize_line_strings(inputs: Any, shapes: Any = None) -> list[LineStringsOnImage] | None:
    """None or a list of LineStringsOnImage (one per image); forms as for polygons."""
    return _normalize_coords(_LINE_STRINGS, inputs, shapes,
                             estimate_line_strings_norm_type(inputs))


def invert_normalize_line_strings(line_strings: Any, line_strings_old: Any) -> Any:
    """Augmented line strings in the form of ``line_strings_old``."""
    return _invert_coords(_LINE_STRINGS, line_strings, line_strings_old,
                          estimate_line_strings_norm_type(line_strings_old))
