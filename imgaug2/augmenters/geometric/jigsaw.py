"""Jigsaw: move rectangular cells of the image around; plus imgaug's module functions
``apply_jigsaw``, ``apply_jigsaw_to_coords`` and ``generate_jigsaw_destinations``.

Dtypes: all (cells are only moved; padding uses :func:`imgaug2.imgaug.pad`). Annotations:
images, heatmaps, segmentation maps and keypoints; bounding boxes, polygons and line strings
raise NotImplementedError (as in imgaug 0.4.0).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2 import random as iarandom
from imgaug2.augmenters._kernels.geometric.jigsaw import apply_jigsaw, apply_jigsaw_to_coords
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Jigsaw", "apply_jigsaw", "apply_jigsaw_to_coords", "generate_jigsaw_destinations"]

_NEIGHBOURS = ((-1, 0), (0, 1), (1, 0), (0, -1), (-1, -1), (-1, 1), (1, 1), (1, -1))


def generate_jigsaw_destinations(nb_rows: int, nb_cols: int, max_steps: int, seed: Any,
                                 connectivity: int = 4) -> np.ndarray:
    """Random destination cell ids ``(nb_rows, nb_cols)`` for :func:`apply_jigsaw`.

    Each cell gets a step budget in ``[0, max_steps]``; in each of ``max_steps`` rounds every
    cell with budget left swaps with a random neighbour (4- or 8-connectivity, clipped to the
    grid) that also has budget left, and both budgets shrink by one. ``seed``: None, int, RNG
    or numpy Generator (an RNG is advanced in place).
    """
    if connectivity not in (4, 8):
        raise ValueError(f"connectivity must be 4 or 8, got {connectivity!r}")
    for name, value, minimum in (("nb_rows", nb_rows, 1), ("nb_cols", nb_cols, 1),
                                 ("max_steps", max_steps, 0)):
        if not C.is_int(value) or value < minimum:
            raise ValueError(f"{name} must be an int >= {minimum}, got {value!r}")
    nb_rows, nb_cols, max_steps = int(nb_rows), int(nb_cols), int(max_steps)
    rng = iarandom.RNG(seed)
    steps = rng.integers(0, max_steps, size=(nb_rows, nb_cols), endpoint=True)
    directions = rng.integers(0, connectivity, size=(nb_rows, nb_cols, max_steps))
    destinations = np.arange(nb_rows * nb_cols).reshape(nb_rows, nb_cols)
    for step in range(max_steps):
        for y in range(nb_rows):
            for x in range(nb_cols):
                if steps[y, x] <= 0:
                    continue
                dy, dx = _NEIGHBOURS[directions[y, x, step]]
                ty = min(max(y + dy, 0), nb_rows - 1)
                tx = min(max(x + dx, 0), nb_cols - 1)
                if (ty, tx) != (y, x) and steps[ty, tx] >= 1:
                    destinations[y, x], destinations[ty, tx] = (destinations[ty, tx],
                                                                destinations[y, x])
                    steps[y, x] -= 1
                    steps[ty, tx] -= 1
    return destinations


class Jigsaw(Augmenter):
    """Split each image into ``nb_rows x nb_cols`` cells and swap neighbouring cells up to
    ``max_steps`` times each (see :func:`generate_jigsaw_destinations`).

    ``nb_rows``/``nb_cols`` (>= 1) and ``max_steps`` (>= 0): int, ``(a, b)``, list or
    StochasticParameter, drawn per image. ``allow_pad=True`` centre-pads images (with zeros)
    to multiples of the cell counts first (the output keeps the padded size); otherwise the
    sizes must already be divisible (else ValueError). Heatmaps and segmentation maps are
    resized to the image size, padded and shuffled the same way and resized back to their
    array size. Keypoints move with their cells.
    """

    def __init__(self, nb_rows: Any = (3, 10), nb_cols: Any = (3, 10), max_steps: Any = 1,
                 allow_pad: bool = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(1, None),
                                                 allow_floats=False)
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(1, None),
                                                 allow_floats=False)
        self.max_steps = iap.handle_discrete_param(max_steps, "max_steps",
                                                   value_range=(0, None), allow_floats=False)
        self.allow_pad = C.check_bool(allow_pad, "allow_pad")

    def _draw_samples(self, nb_images: int, random_state: Any) -> tuple:
        size = (nb_images,)

        def draw(param: Any, name: str, minimum: int) -> list[int]:
            values = np.asarray(param.draw_samples(size, random_state=random_state)).ravel()
            result = [int(v) for v in values]
            if any(v < minimum for v in result):
                raise ValueError(f"{name} must produce values >= {minimum}, got {result}")
            return result

        nb_rows = draw(self.nb_rows, "nb_rows", 1)
        nb_cols = draw(self.nb_cols, "nb_cols", 1)
        max_steps = draw(self.max_steps, "max_steps", 0)
        destinations = [generate_jigsaw_destinations(r, c, s, seed=random_state)
                        for r, c, s in zip(nb_rows, nb_cols, max_steps)]
        return nb_rows, nb_cols, destinations

    def _augment_batch_(self, batch, random_state, parents, hooks):
        unsupported = [c for c in ("bounding_boxes", "polygons", "line_strings")
                       if getattr(batch, c) is not None]
        if unsupported:
            raise NotImplementedError(
                f"Jigsaw supports images, heatmaps, segmentation maps and keypoints only; got "
                f"{unsupported}")
        nb_rows, nb_cols, destinations = self._draw_samples(batch.nb_rows, random_state)
        shapes = batch.get_rowwise_shapes()
        paddings = []
        for i, shape in enumerate(shapes):
            pads = ia.compute_paddings_to_reach_multiples_of(tuple(shape), nb_rows[i],
                                                             nb_cols[i])
            if not self.allow_pad and any(pads):
                raise ValueError(
                    f"Jigsaw with allow_pad=False needs image sizes divisible by nb_rows/"
                    f"nb_cols; got shape {tuple(shape)} with {nb_rows[i]}x{nb_cols[i]} cells")
            paddings.append(pads)
        identity = [bool(np.array_equal(d.ravel(), np.arange(d.size))) for d in destinations]

        def _array(arr: np.ndarray, i: int) -> np.ndarray:
            top, right, bottom, left = paddings[i]
            if any(paddings[i]):
                arr = ia.pad(arr, top=top, right=right, bottom=bottom, left=left)
            return arr if identity[i] else apply_jigsaw(arr, destinations[i])

        if batch.images is not None:
            def _image(i: int, image: np.ndarray) -> np.ndarray:
                if identity[i] and not any(paddings[i]):
                    return image
                return _array(image, i)

            batch.images = C.map_images(batch.images, _image)
        for column in ("heatmaps", "segmentation_maps"):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                if identity[i] and not any(paddings[i]):
                    continue
                attr = "arr_0to1" if column == "heatmaps" else "arr"
                arr_shape = getattr(map_i, attr).shape
                resized = map_i.resize(map_i.shape[0:2])
                setattr(resized, attr, _array(getattr(resized, attr), i))
                top, right, bottom, left = paddings[i]
                h, w = map_i.shape[0:2]
                resized.shape = C.with_new_hw(map_i.shape, h + top + bottom, w + left + right)
                maps[i] = resized.resize(arr_shape[0:2])
        if batch.keypoints is not None:
            for i, kpsoi in enumerate(batch.keypoints):
                top, right, bottom, left = paddings[i]
                h, w = kpsoi.shape[0:2]
                if any(paddings[i]):
                    kpsoi.shift_(x=left, y=top)
                    kpsoi.shape = C.with_new_hw(kpsoi.shape, h + top + bottom, w + left + right)
                if not identity[i] and not kpsoi.empty:
                    xy = apply_jigsaw_to_coords(kpsoi.to_xy_array(), destinations[i],
                                                kpsoi.shape)
                    kpsoi.fill_from_xy_array_(xy)
        return batch

    def get_parameters(self) -> list:
        return [self.nb_rows, self.nb_cols, self.max_steps, self.allow_pad]
