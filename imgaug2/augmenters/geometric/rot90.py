"""Rot90: clockwise rotations by multiples of 90 degrees.

Dtypes: all (rotation only moves elements; ``keep_size=True`` additionally needs
:func:`imgaug2.imgaug.imresize_single_image`'s dtypes when the shape changes).
Annotations: all types.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.geometric import rot90 as KR
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Rot90"]


class Rot90(Augmenter):
    """Rotate images clockwise by ``k * 90`` degrees.

    ``k``: int, ``(a, b)`` (discrete range), list, ``ia.ALL`` (= [0, 1, 2, 3]) or a
    StochasticParameter. ``keep_size=True`` resizes images whose shape changed back to the
    input size (default interpolation of ``imresize_single_image``), heatmaps and segmentation
    maps to their input array size, and projects coordinates accordingly.
    """

    def __init__(self, k: Any = 1, keep_size: bool = True, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if C.is_all(k):
            k = [0, 1, 2, 3]
        self.k = iap.handle_discrete_param(k, "k", allow_floats=False)
        self.keep_size = C.check_bool(keep_size, "keep_size")

    def _draw_samples(self, nb_rows: int, random_state: Any) -> list[int]:
        result = []
        for value in C.draw_python_values(self.k, nb_rows, random_state):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if not C.is_int(value):
                raise ValueError(f"k must produce integers, got {value!r}")
            result.append(int(value) % 4)
        return result

    def _augment_batch_(self, batch, random_state, parents, hooks):
        ks = self._draw_samples(batch.nb_rows, random_state)
        keep_size = self.keep_size
        if batch.images is not None:
            def _image(i: int, image: np.ndarray) -> np.ndarray:
                if ks[i] == 0:
                    return image
                rotated = KR.rot90(image, ks[i])
                if keep_size and rotated.shape != image.shape:
                    rotated = ia.imresize_single_image(rotated, image.shape[0:2])
                return rotated

            batch.images = C.map_images(batch.images, _image)
        for column, attr in (("heatmaps", "arr_0to1"), ("segmentation_maps", "arr")):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                if ks[i] == 0:
                    continue
                arr = getattr(map_i, attr)
                setattr(map_i, attr, KR.rot90(arr, ks[i]))
                if keep_size:
                    if getattr(map_i, attr).shape != arr.shape:
                        maps[i] = map_i.resize(arr.shape[0:2])
                elif ks[i] % 2 == 1:
                    map_i.shape = C.with_new_hw(map_i.shape, map_i.shape[1], map_i.shape[0])

        def _coords(i: int, kpsoi: Any) -> Any:
            if ks[i] == 0:
                return kpsoi
            shape_orig = tuple(kpsoi.shape)
            h, w = shape_orig[0:2]
            kpsoi = C.move_keypoints_(kpsoi, lambda xy: KR.rot90_points(xy, ks[i], h, w))
            if ks[i] % 2 == 1:
                kpsoi.shape = C.with_new_hw(shape_orig, w, h)
                if keep_size and h != w:
                    kpsoi = kpsoi.on_(shape_orig)
            return kpsoi

        C.apply_to_coordinates(batch, _coords)
        return batch

    def get_parameters(self) -> list:
        return [self.k, self.keep_size]
