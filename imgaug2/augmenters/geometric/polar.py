"""WithPolarWarping: apply child augmenters in a polar representation of the image.

Dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64 (and what
the children accept). Annotations: all types (bounding boxes travel as polygons through the
children and come back as the boxes enclosing them, as in imgaug 0.4.0).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables.bbs import BoundingBoxesOnImage
from imgaug2.augmenters._kernels.geometric import polar as KPo
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter, handle_children_list

__all__ = ["WithPolarWarping"]

_BB_MARK = "$$IMGAUG2_BB_AS_POLYGON"


def _bbs_to_polygons_(batch: Any) -> tuple[bool, bool]:
    """Move boxes into the polygons column (4 corners + 2 points per edge), marked by label."""
    had_polygons = batch.polygons is not None
    if batch.bounding_boxes is None:
        return False, had_polygons
    converted = []
    for bbsoi in batch.bounding_boxes:
        psoi = bbsoi.to_polygons_on_image()
        for polygon in psoi.polygons:
            polygon.subdivide_(2)
            polygon.label = _BB_MARK if polygon.label is None else (
                f"{polygon.label};{_BB_MARK}")
        converted.append(psoi)
    if batch.polygons is None:
        batch.polygons = converted
    else:
        for psoi, extra in zip(batch.polygons, converted):
            psoi.polygons.extend(extra.polygons)
    batch.bounding_boxes = None
    return True, had_polygons


def _polygons_to_bbs_(batch: Any, had_bbs: bool, had_polygons: bool) -> None:
    if not had_bbs:
        return
    bbsois = []
    for psoi in batch.polygons:
        kept, boxes = [], []
        for polygon in psoi.polygons:
            label = polygon.label
            if isinstance(label, str) and (label == _BB_MARK or label.endswith(";" + _BB_MARK)):
                polygon.label = None if label == _BB_MARK else label[:-len(";" + _BB_MARK)]
                boxes.append(polygon.to_bounding_box())
            else:
                kept.append(polygon)
        psoi.polygons = kept
        bbsois.append(BoundingBoxesOnImage(boxes, shape=psoi.shape))
    batch.bounding_boxes = bbsois
    if not had_polygons:
        batch.polygons = None


class WithPolarWarping(Augmenter):
    """Warp images (and all annotations) to a linear polar representation, apply
    ``children`` there, and warp back.

    The polar image of an ``(H, W)`` image has ``round(R*pi)`` rows (angle) and ``round(R)``
    columns (radius), ``R = sqrt((H/2)^2 + (W/2)^2)``; pixels without a source are filled with
    0 (segmentation maps: class 0, heatmaps: 0.0). Images and heatmaps are interpolated
    bilinearly, segmentation maps with nearest neighbour. The round trip itself is lossy
    (resampling), so it is not an identity even without children.
    """

    def __init__(self, children: Any, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.children = handle_children_list(children, self.name, "then")

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is not None:
            C.gate_images(batch.images, self)
        with batch.propagation_hooks_ctx(self, hooks, parents):
            had_bbs, had_polygons = _bbs_to_polygons_(batch)
            inverse = {}
            images_were_array = isinstance(batch.images, np.ndarray)
            if batch.images is not None:
                inverse["images"] = [image.shape for image in batch.images]
                batch.images = [KPo.warp_to_polar(image, cv2.INTER_LINEAR)
                                for image in batch.images]
            for column, attr, interpolation in (
                    ("heatmaps", "arr_0to1", cv2.INTER_LINEAR),
                    ("segmentation_maps", "arr", cv2.INTER_NEAREST)):
                maps = getattr(batch, column)
                if maps is None:
                    continue
                inverse[column] = []
                for map_i in maps:
                    arr = getattr(map_i, attr)
                    inverse[column].append((map_i.shape, arr.shape))
                    setattr(map_i, attr, KPo.warp_to_polar(arr, interpolation))
                    map_i.shape = KPo.polar_shape(map_i.shape)

            def _to_polar(i: int, kpsoi: Any) -> Any:
                cart_shape = tuple(kpsoi.shape)
                polar = KPo.polar_shape(cart_shape)
                if 0 not in cart_shape[0:2]:
                    kpsoi = C.move_keypoints_(
                        kpsoi, lambda xy: KPo.cartesian_to_polar_points(xy, cart_shape, polar))
                kpsoi.shape = polar
                return kpsoi

            coord_shapes = {column: [tuple(item.shape) for item in getattr(batch, column)]
                            for column in C.COORD_COLUMNS if getattr(batch, column) is not None}
            C.apply_to_coordinates(batch, _to_polar)

            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)

            if batch.images is not None:
                images = [KPo.warp_from_polar(image, shape, cv2.INTER_LINEAR)
                          for image, shape in zip(batch.images, inverse["images"])]
                if images_were_array and len({image.shape for image in images}) == 1:
                    images = np.stack(images)
                batch.images = images
            for column, attr, interpolation in (
                    ("heatmaps", "arr_0to1", cv2.INTER_LINEAR),
                    ("segmentation_maps", "arr", cv2.INTER_NEAREST)):
                maps = getattr(batch, column)
                if maps is None:
                    continue
                for map_i, (image_shape, arr_shape) in zip(maps, inverse[column]):
                    setattr(map_i, attr, KPo.warp_from_polar(getattr(map_i, attr), arr_shape,
                                                             interpolation))
                    map_i.shape = image_shape
            self._invert_coordinates(batch, coord_shapes)
            _polygons_to_bbs_(batch, had_bbs, had_polygons)
        return batch

    @staticmethod
    def _invert_coordinates(batch: Any, coord_shapes: dict) -> None:
        for column, shapes in coord_shapes.items():
            value = getattr(batch, column)

            def _to_cartesian(i: int, kpsoi: Any, shapes: list = shapes) -> Any:
                cart_shape = shapes[i]
                polar = tuple(kpsoi.shape)
                if 0 not in cart_shape[0:2] and 0 not in polar[0:2]:
                    kpsoi = C.move_keypoints_(
                        kpsoi, lambda xy: KPo.polar_to_cartesian_points(xy, cart_shape, polar))
                kpsoi.shape = cart_shape
                return kpsoi

            if column == "keypoints":
                batch.keypoints = [_to_cartesian(i, k) for i, k in enumerate(value)]
            else:
                kpsois = C.convert_cbaois_to_kpsois(value)
                kpsois = [_to_cartesian(i, k) for i, k in enumerate(kpsois)]
                setattr(batch, column, C.invert_convert_cbaois_to_kpsois_(value, kpsois))

    def get_parameters(self) -> list:
        return []

    def get_children_lists(self) -> list:
        return [self.children]

    def __repr__(self) -> str:
        return (f"WithPolarWarping(name={self.name}, children={self.children}, "
                f"deterministic={self.deterministic})")

    __str__ = __repr__
