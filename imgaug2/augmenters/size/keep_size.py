"""KeepSizeByResize: run children, then resize everything back to the input sizes."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmenters._meta_helpers import handle_children_list
from imgaug2.augmenters.meta import Augmenter
from imgaug2.augmenters.size import _common as C

NO_RESIZE = "NO_RESIZE"
SAME_AS_IMAGES = "SAME_AS_IMAGES"


def _validate_param(value: Any, name: str, allow_same_as_images: bool) -> Any:
    extra = (NO_RESIZE, SAME_AS_IMAGES) if allow_same_as_images else (NO_RESIZE,)
    if allow_same_as_images and isinstance(value, str) and value == SAME_AS_IMAGES:
        return SAME_AS_IMAGES
    if isinstance(value, str) and value == C.ALL:
        raise ValueError(f"{name} does not accept ia.ALL; give a list of interpolations instead")
    return C.handle_interpolation_param(value, name, extra=extra)


class KeepSizeByResize(Augmenter):
    """Apply ``children`` (which may change sizes), then resize back to the input sizes.

    ``interpolation``: ``KeepSizeByResize.NO_RESIZE``, ``nearest``/``linear``/``area``/
    ``cubic`` or the cv2 constants, a list of these (one per image) or a StochasticParameter.
    ``interpolation_heatmaps`` / ``interpolation_segmaps``: the same, plus
    ``KeepSizeByResize.SAME_AS_IMAGES`` (use each image's interpolation). Coordinates are
    projected back unless the image interpolation is NO_RESIZE.

    Dtypes: those of :func:`imgaug2.imgaug.imresize_single_image` and the children.
    Annotations: all.
    """

    NO_RESIZE = NO_RESIZE
    SAME_AS_IMAGES = SAME_AS_IMAGES

    def __init__(self, children: Any, interpolation: Any = "cubic",
                 interpolation_heatmaps: Any = SAME_AS_IMAGES,
                 interpolation_segmaps: Any = "nearest", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if children is not None and not isinstance(children, (Augmenter, list, tuple)):
            raise TypeError(
                "children must be None, an Augmenter or a list of augmenters, got "
                f"{type(children).__name__}")
        self.children = handle_children_list(children, self.name, "then")
        self.interpolation = _validate_param(interpolation, "interpolation", False)
        self.interpolation_heatmaps = _validate_param(
            interpolation_heatmaps, "interpolation_heatmaps", True)
        self.interpolation_segmaps = _validate_param(
            interpolation_segmaps, "interpolation_segmaps", True)

    # -------------------------------------------------------------------------------------------
    def _draw_samples(self, nb_rows: int, random_state: Any) -> tuple[list, list, list]:
        images_ip = C.draw_interpolations(self.interpolation, nb_rows, random_state,
                                          "interpolation", extra=(NO_RESIZE,))
        result = [images_ip]
        for param, name in ((self.interpolation_heatmaps, "interpolation_heatmaps"),
                            (self.interpolation_segmaps, "interpolation_segmaps")):
            if isinstance(param, str) and param == SAME_AS_IMAGES:
                result.append(list(images_ip))
                continue
            drawn = C.draw_interpolations(param, nb_rows, random_state, name,
                                          extra=(NO_RESIZE, SAME_AS_IMAGES))
            result.append([images_ip[i] if ip == SAME_AS_IMAGES else ip
                           for i, ip in enumerate(drawn)])
        return result[0], result[1], result[2]

    def _augment_batch_(self, batch, random_state, parents, hooks):
        with batch.propagation_hooks_ctx(self, hooks, parents):
            images_were_array = isinstance(batch.images, np.ndarray)
            shapes_orig = {column.name: [tuple(cell.shape) for cell in column.value]
                           for column in batch.columns}
            heatmap_arr_shapes = (None if batch.heatmaps is None
                                  else [hm.arr_0to1.shape for hm in batch.heatmaps])
            segmap_arr_shapes = (None if batch.segmentation_maps is None
                                 else [sm.arr.shape for sm in batch.segmentation_maps])
            ips_images, ips_heatmaps, ips_segmaps = self._draw_samples(batch.nb_rows,
                                                                       random_state)

            batch = self.children.augment_batch_(batch, parents=parents + [self], hooks=hooks)

            if batch.images is not None:
                batch.images = self._restore_images(
                    batch.images, shapes_orig["images"], ips_images, images_were_array)
            if batch.heatmaps is not None:
                batch.heatmaps = self._restore_maps(
                    batch.heatmaps, shapes_orig["heatmaps"], heatmap_arr_shapes, ips_heatmaps,
                    "arr_0to1")
            if batch.segmentation_maps is not None:
                batch.segmentation_maps = self._restore_maps(
                    batch.segmentation_maps, shapes_orig["segmentation_maps"],
                    segmap_arr_shapes, ips_segmaps, "arr")
            for column in C.COORD_COLUMNS:
                if getattr(batch, column) is None:
                    continue
                setattr(batch, column, self._restore_coords(
                    getattr(batch, column), column, shapes_orig[column], ips_images))
        return batch

    @staticmethod
    def _restore_images(images: Any, shapes_orig: list, interpolations: list,
                        images_were_array: bool) -> Any:
        from imgaug2 import imgaug as ia

        targets = [tuple(shape[0:2]) for shape in shapes_orig]
        if (images_were_array and len(set(targets)) == 1
                and NO_RESIZE not in interpolations):
            if isinstance(images, np.ndarray) and images.shape[1:3] == targets[0]:
                return images
            out = C.resize_to_array(images, targets[0], interpolations)
            if out is not None:
                return out

        results, unchanged = [], []
        for image, target, ip in zip(images, targets, interpolations):
            if ip == NO_RESIZE or image.shape[0:2] == target:
                results.append(image)
                unchanged.append(True)
            else:
                results.append(ia.imresize_single_image(image, target, interpolation=ip))
                unchanged.append(False)
        if isinstance(images, np.ndarray) and all(unchanged):
            return images
        if images_were_array and len({r.shape for r in results}) == 1:
            return np.stack(results)
        return [np.ascontiguousarray(r) for r in results]

    @staticmethod
    def _restore_maps(augmentables: list, image_shapes: list, arr_shapes: list,
                      interpolations: list, attr: str) -> list:
        result = []
        for augmentable, img_shape, arr_shape, ip in zip(augmentables, image_shapes, arr_shapes,
                                                         interpolations):
            if ip == NO_RESIZE:
                result.append(augmentable)
                continue
            if getattr(augmentable, attr).shape[0:2] != tuple(arr_shape[0:2]):
                augmentable = augmentable.resize(tuple(arr_shape[0:2]),
                                                 interpolation=C.interpolation_name(ip))
            augmentable.shape = img_shape
            result.append(augmentable)
        return result

    @staticmethod
    def _restore_coords(values: list, column: str, shapes_orig: list,
                        interpolations: list) -> list:
        def _restore(kpsois: list) -> list:
            result = []
            for kpsoi, shape, ip in zip(kpsois, shapes_orig, interpolations):
                if ip != NO_RESIZE and tuple(kpsoi.shape) != shape:
                    kpsoi = kpsoi.on_(shape)
                result.append(kpsoi)
            return result

        if column == "keypoints":
            return _restore(values)
        kpsois = _restore(C.convert_cbaois_to_kpsois(values))
        return C.invert_convert_cbaois_to_kpsois_(values, kpsois)

    def get_parameters(self) -> list:
        return [self.interpolation, self.interpolation_heatmaps, self.interpolation_segmaps]

    def get_children_lists(self) -> list:
        return [self.children]

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(interpolation={self.interpolation}, "
            f"interpolation_heatmaps={self.interpolation_heatmaps}, "
            f"interpolation_segmaps={self.interpolation_segmaps}, name={self.name}, "
            f"children={self.children}, deterministic={self.deterministic})"
        )

    __str__ = __repr__
