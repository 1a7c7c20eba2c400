"""PerspectiveTransform: random four-point perspective transformations.

Dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64 (plus, with
``keep_size=True``, what :func:`imgaug2.imgaug.imresize_single_image` accepts).
Annotations: all types.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.geometric import affine as KA
from imgaug2.augmenters._kernels.geometric import perspective as KPe
from imgaug2.augmenters._kernels.geometric import warp as W
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter

__all__ = ["PerspectiveTransform"]

_MODES = {"replicate": cv2.BORDER_REPLICATE, "constant": cv2.BORDER_CONSTANT}
_VALID_MODES = ("replicate", "constant", cv2.BORDER_REPLICATE, cv2.BORDER_CONSTANT)


def _handle_mode_arg(mode: Any) -> iap.StochasticParameter:
    if C.is_all(mode):
        return iap.Choice([cv2.BORDER_REPLICATE, cv2.BORDER_CONSTANT])
    if isinstance(mode, iap.StochasticParameter):
        return mode
    values = mode if isinstance(mode, list) else [mode]
    if not values or not all((isinstance(v, str) or C.is_int(v)) and v in _VALID_MODES
                             for v in values):
        raise ValueError(
            "mode must be ia.ALL, 'replicate', 'constant', cv2.BORDER_REPLICATE, "
            f"cv2.BORDER_CONSTANT, a list of these or a StochasticParameter; got {mode!r}")
    return iap.Choice(list(mode)) if isinstance(mode, list) else iap.Deterministic(mode)


class _Samples:
    def __init__(self, jitter, cval, mode):
        self.jitter = jitter  # (N, 4, 2) fractions
        self.cval = cval  # (N, 3)
        self.mode = mode  # cv2 border modes


class PerspectiveTransform(Augmenter):
    """Move the four image corners inwards by random amounts and warp that quadrilateral onto
    an upright rectangle (``cv2.getPerspectiveTransform`` + ``cv2.warpPerspective``).

    ``scale``: standard deviation of the normal corner jitter as a fraction of the image
    width/height (one value per image); corners move by ``|jitter| mod 1``. The output size
    follows the quadrilateral's edge lengths; ``keep_size=True`` resizes images, heatmaps and
    segmentation maps back to their input size (coordinates are projected). ``fit_output=True``
    keeps the whole transformed image visible. ``cval``: fill value(s) (one per channel, three
    draws per image); ``mode``: ``"constant"``/``"replicate"``/the cv2 constants/``ia.ALL``.
    ``polygon_recoverer`` is accepted and stored, but polygons are not repaired.
    Heatmaps use bilinear, segmentation maps nearest-neighbour interpolation (fill 0).
    """

    def __init__(self, scale: Any = (0.0, 0.06), cval: Any = 0, mode: Any = "constant",
                 keep_size: bool = True, fit_output: bool = False,
                 polygon_recoverer: Any = "auto", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.jitter = iap.Normal(loc=0, scale=self.scale)
        self.min_width = 2
        self.min_height = 2
        self.cval = C.handle_cval_arg(cval)
        self.mode = _handle_mode_arg(mode)
        self.keep_size = C.check_bool(keep_size, "keep_size")
        self.fit_output = C.check_bool(fit_output, "fit_output")
        self.polygon_recoverer = C.check_polygon_recoverer(polygon_recoverer)

    def _draw_samples(self, nb_rows: int, random_state: Any) -> _Samples:
        cval = C.draw_cvals(self.cval, (nb_rows, 3), random_state)
        modes = C.draw_modes(self.mode, nb_rows, random_state, _VALID_MODES)
        modes = [_MODES[m] if isinstance(m, str) else int(m) for m in modes]
        scales = C.draw_cvals(self.scale, (nb_rows,), random_state, name="scale")
        if np.any(scales < 0):
            raise ValueError(f"scale must produce values >= 0, got {scales.tolist()}")
        jitter = random_state.normal(0.0, 1.0, size=(nb_rows, 4, 2)) * scales[:, None, None]
        return _Samples(jitter, cval, modes)

    def _matrix(self, samples: _Samples, i: int, shape: tuple) -> tuple[np.ndarray, int, int]:
        h, w = shape[0:2]
        corners = KPe.corners_from_jitter(samples.jitter[i], h, w)
        matrix, out_h, out_w = KPe.perspective_matrix(corners, self.min_width, self.min_height)
        if self.fit_output:
            matrix, out_h, out_w = KPe.expand_to_fit(matrix, h, w)
        return matrix, out_h, out_w

    def _is_noop(self, matrix: np.ndarray, out_h: int, out_w: int, shape: tuple) -> bool:
        return (out_h, out_w) == tuple(shape[0:2]) and KA.is_identity(matrix, eps=1e-6)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        samples = self._draw_samples(batch.nb_rows, random_state)
        keep_size = self.keep_size
        if batch.images is not None:
            C.gate_images(batch.images, self)

            def _image(i: int, image: np.ndarray) -> np.ndarray:
                matrix, out_h, out_w = self._matrix(samples, i, image.shape)
                if self._is_noop(matrix, out_h, out_w, image.shape):
                    return image
                warped = W.warp_perspective(image, matrix, (out_h, out_w), cv2.INTER_LINEAR,
                                            samples.mode[i], samples.cval[i])
                if keep_size and warped.shape[0:2] != image.shape[0:2]:
                    warped = ia.imresize_single_image(warped, image.shape[0:2])
                return warped

            batch.images = C.map_images(batch.images, _image)
        for column, attr, interpolation in (("heatmaps", "arr_0to1", cv2.INTER_LINEAR),
                                            ("segmentation_maps", "arr", cv2.INTER_NEAREST)):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                arr = getattr(map_i, attr)
                matrix, out_h, out_w = self._matrix(samples, i, arr.shape)
                _, img_h, img_w = self._matrix(samples, i, map_i.shape)
                if not self._is_noop(matrix, out_h, out_w, arr.shape):
                    setattr(map_i, attr, W.warp_perspective(arr, matrix, (out_h, out_w),
                                                            interpolation,
                                                            cv2.BORDER_CONSTANT, 0))
                if keep_size:
                    if getattr(map_i, attr).shape[0:2] != arr.shape[0:2]:
                        maps[i] = map_i.resize(arr.shape[0:2])
                else:
                    map_i.shape = C.with_new_hw(map_i.shape, img_h, img_w)

        def _coords(i: int, kpsoi: Any) -> Any:
            shape_orig = tuple(kpsoi.shape)
            matrix, out_h, out_w = self._matrix(samples, i, shape_orig)
            if self._is_noop(matrix, out_h, out_w, shape_orig):
                return kpsoi
            coords_matrix = W.index_to_coords_matrix(matrix)
            kpsoi = C.move_keypoints_(
                kpsoi, lambda xy: W.transform_points_perspective(xy, coords_matrix))
            kpsoi.shape = C.with_new_hw(shape_orig, out_h, out_w)
            if keep_size:
                kpsoi = kpsoi.on_(shape_orig)
            return kpsoi

        C.apply_to_coordinates(batch, _coords)
        return batch

    def get_parameters(self) -> list:
        return [self.jitter, self.keep_size, self.cval, self.mode, self.fit_output]
