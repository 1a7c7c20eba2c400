"""PiecewiseAffine: local affine distortions on a jittered regular grid.

imgaug 0.4.0 used skimage's ``PiecewiseAffineTransform`` + ``warp``. Here the same transform
(see :mod:`imgaug2.augmenters._kernels.geometric.piecewise`) is evaluated densely per grid
cell with vectorised numpy and applied with ONE ``cv2.remap`` per array; coordinates are
mapped exactly through the triangles instead of via distance maps.

Dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64.
Annotations: all types (keypoints/boxes/polygons/line strings inside the image plane move
with the pixels; points outside it are left where they are, as in imgaug).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.geometric import piecewise as KP
from imgaug2.augmenters._kernels.geometric import warp as W
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter

__all__ = ["PiecewiseAffine"]


class _Samples:
    def __init__(self, nb_rows, nb_cols, jitter, order, cval, mode):
        self.nb_rows = nb_rows
        self.nb_cols = nb_cols
        self.jitter = jitter  # per row: (nb_rows*nb_cols, 2) relative (dy, dx)
        self.order = order
        self.cval = cval
        self.mode = mode


class PiecewiseAffine(Augmenter):
    """Move the points of a regular grid randomly and warp the image piecewise-affinely.

    ``scale``: standard deviation of the normal jitter of each grid point, as a fraction of
    the image height (y) / width (x) (absolute pixels with ``absolute_scale=True``); one value
    per image from a number, ``(a, b)``, list or StochasticParameter. ``nb_rows``/``nb_cols``:
    grid points per axis (>= 2). ``order`` 0..5 (0 nearest, 1 bilinear, >= 2 bicubic),
    ``ia.ALL`` = [0, 1, 3, 4, 5]; ``cval`` one fill value per image; ``mode`` as in
    :class:`Affine`. Jittered points are clipped to the image, so nearly every output pixel
    samples inside the input. ``polygon_recoverer`` is accepted and stored, but polygons are
    not repaired (they may become self-intersecting under strong distortions).
    Heatmaps use bilinear, segmentation maps nearest-neighbour interpolation (fill 0).
    """

    def __init__(self, scale: Any = (0.0, 0.04), nb_rows: Any = (2, 4), nb_cols: Any = (2, 4),
                 order: Any = 1, cval: Any = 0, mode: Any = "constant",
                 absolute_scale: bool = False, polygon_recoverer: Any = None,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.jitter = iap.Normal(loc=0, scale=self.scale)
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(2, None),
                                                 allow_floats=False)
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(2, None),
                                                 allow_floats=False)
        self.order = C.handle_order_arg(order, backend="skimage")
        self.cval = C.handle_cval_arg(cval)
        self.mode = C.handle_string_mode_arg(mode, C.AFFINE_MODES)
        self.absolute_scale = C.check_bool(absolute_scale, "absolute_scale")
        self.polygon_recoverer = C.check_polygon_recoverer(polygon_recoverer)

    def _draw_samples(self, nb_images: int, random_state: Any) -> _Samples:
        size = (nb_images,)
        nb_rows = np.clip(np.asarray(self.nb_rows.draw_samples(size, random_state=random_state))
                          .astype(np.int64).reshape(nb_images), 2, None)
        nb_cols = np.clip(np.asarray(self.nb_cols.draw_samples(size, random_state=random_state))
                          .astype(np.int64).reshape(nb_images), 2, None)
        order = C.draw_orders(self.order, nb_images, random_state)
        cval = C.draw_cvals(self.cval, size, random_state).reshape(nb_images)
        mode = C.draw_modes(self.mode, nb_images, random_state, C.AFFINE_MODES)
        scales = C.draw_cvals(self.scale, size, random_state, name="scale").reshape(nb_images)
        if np.any(scales < 0):
            raise ValueError(f"scale must produce values >= 0, got {scales.tolist()}")
        jitter = [random_state.normal(0.0, 1.0, size=(int(r * c), 2)) * s
                  for r, c, s in zip(nb_rows, nb_cols, scales)]
        return _Samples(nb_rows, nb_cols, jitter, order, cval, mode)

    def _destinations(self, samples: _Samples, i: int, arr_shape: tuple,
                      image_shape: tuple) -> np.ndarray | None:
        """Destination grid of row ``i`` for an array of ``arr_shape`` (None: no change)."""
        jitter = samples.jitter[i]
        arr_h, arr_w = arr_shape[0:2]
        if not np.any(jitter != 0) or arr_h <= 1 or arr_w <= 1:
            return None
        offsets = np.array(jitter, dtype=np.float64)
        if self.absolute_scale:
            img_h, img_w = image_shape[0:2]
            offsets[:, 0] = offsets[:, 0] / img_h if img_h > 0 else 0.0
            offsets[:, 1] = offsets[:, 1] / img_w if img_w > 0 else 0.0
        offsets[:, 0] *= arr_h
        offsets[:, 1] *= arr_w
        return KP.destinations(arr_h, arr_w, int(samples.nb_rows[i]), int(samples.nb_cols[i]),
                               offsets)

    def _warp(self, arr: np.ndarray, dst: np.ndarray, interpolation: int, border: int,
              cval: Any) -> np.ndarray:
        remap_map = KP.inverse_map(arr.shape[0], arr.shape[1], dst)
        return W.remap(arr, remap_map, None, interpolation, border, cval)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        samples = self._draw_samples(batch.nb_rows, random_state)
        if batch.images is not None:
            C.gate_images(batch.images, self)

            def _image(i: int, image: np.ndarray) -> np.ndarray:
                dst = self._destinations(samples, i, image.shape, image.shape)
                if dst is None:
                    return image
                return self._warp(image, dst, W.INTERPOLATION_BY_ORDER[samples.order[i]],
                                  W.BORDER_BY_MODE[samples.mode[i]], samples.cval[i])

            batch.images = C.map_images(batch.images, _image)
        for column, attr, order in (("heatmaps", "arr_0to1", 1), ("segmentation_maps", "arr", 0)):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                arr = getattr(map_i, attr)
                dst = self._destinations(samples, i, arr.shape, map_i.shape)
                if dst is not None:
                    setattr(map_i, attr, self._warp(arr, dst, W.INTERPOLATION_BY_ORDER[order],
                                                    W.BORDER_BY_MODE["constant"], 0))

        def _coords(i: int, kpsoi: Any) -> Any:
            h, w = kpsoi.shape[0:2]
            dst = self._destinations(samples, i, kpsoi.shape, kpsoi.shape)
            if dst is None:
                return kpsoi
            return C.move_keypoints_(
                kpsoi, lambda xy: KP.map_points(xy - 0.5, h, w, dst) + 0.5, only_inside=True)

        C.apply_to_coordinates(batch, _coords)
        return batch

    def get_parameters(self) -> list:
        return [self.scale, self.nb_rows, self.nb_cols, self.order, self.cval, self.mode,
                self.absolute_scale]
