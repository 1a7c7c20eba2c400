"""ElasticTransformation: move pixels locally along smoothed random displacement fields.

Dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64
(int64/uint64 raise a ValueError). Annotations: all types.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.geometric import elastic as KE
from imgaug2.augmenters._kernels.geometric import warp as W
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter

__all__ = ["ElasticTransformation"]

_MODES = ("constant", "nearest", "reflect", "wrap")
_BORDERS = {"constant": cv2.BORDER_CONSTANT, "nearest": cv2.BORDER_REPLICATE,
            "reflect": cv2.BORDER_REFLECT_101, "wrap": cv2.BORDER_WRAP}


def _handle_order_arg(order: Any) -> iap.StochasticParameter:
    if C.is_all(order):
        return iap.Choice([0, 1, 2, 3, 4, 5])
    return iap.handle_discrete_param(order, "order", value_range=(0, 5), allow_floats=False)


class _Samples:
    def __init__(self, alphas, sigmas, orders, cvals, modes, rngs):
        self.alphas = alphas
        self.sigmas = sigmas
        self.orders = orders
        self.cvals = cvals
        self.modes = modes
        self.rngs = rngs


class ElasticTransformation(Augmenter):
    """Elastic distortions (Simard et al., 2003), as in imgaug 0.4.0.

    Per image, two fields of uniform noise in ``[-1, 1]`` are smoothed with a Gaussian of
    standard deviation ``sigma`` (kernel size: see
    :mod:`imgaug2.augmenters._kernels.geometric.elastic`) and multiplied by ``alpha``; the
    image is then remapped with ONE ``cv2.remap`` so that ``out[p] = in[p - d(p)]``.
    ``alpha``/``sigma``: number, ``(a, b)``, list or StochasticParameter (>= 0). ``order``
    0..5 (0 nearest, 1 bilinear, >= 2 bicubic), ``ia.ALL`` = 0..5. ``cval``: one fill value
    per image. ``mode``: ``constant``, ``nearest``, ``reflect``, ``wrap`` or ``ia.ALL``.

    Heatmaps (bilinear, fill 0.0) and segmentation maps (nearest, fill 0) are remapped with
    the field resampled to their own size. Keypoints (and the points of boxes, polygons and
    line strings) inside the image are moved to where their pixel goes, by inverting the
    field locally (fixed-point and Newton iterations on ``p - d(p) = q``, residual tolerance
    0.01 px, with a local search where the field folds the image); points outside the image
    stay where they are.
    ``polygon_recoverer`` is accepted and stored, but polygons are not repaired.
    """

    def __init__(self, alpha: Any = (0.0, 40.0), sigma: Any = (4.0, 8.0), order: Any = 3,
                 cval: Any = 0, mode: Any = "constant", polygon_recoverer: Any = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0, None))
        self.sigma = iap.handle_continuous_param(sigma, "sigma", value_range=(0, None))
        self.order = _handle_order_arg(order)
        self.cval = C.handle_cval_arg(cval)
        self.mode = C.handle_string_mode_arg(mode, _MODES)
        self.polygon_recoverer = C.check_polygon_recoverer(polygon_recoverer)

    def _draw_samples(self, nb_rows: int, random_state: Any) -> _Samples:
        size = (nb_rows,)
        alphas = C.draw_cvals(self.alpha, size, random_state, name="alpha").reshape(nb_rows)
        sigmas = C.draw_cvals(self.sigma, size, random_state, name="sigma").reshape(nb_rows)
        if np.any(alphas < 0) or np.any(sigmas < 0):
            raise ValueError("alpha and sigma must produce values >= 0")
        orders = C.draw_orders(self.order, nb_rows, random_state)
        cvals = C.draw_cvals(self.cval, size, random_state).reshape(nb_rows)
        modes = C.draw_modes(self.mode, nb_rows, random_state, _MODES)
        rngs = random_state.derive_rngs_(nb_rows)
        return _Samples(alphas, sigmas, orders, cvals, modes, rngs)

    @staticmethod
    def _smoothed_noise(shape: tuple, alpha: float, sigma: float, rng: Any
                        ) -> np.ndarray | None:
        height, width = shape[0:2]
        if alpha == 0 or height == 0 or width == 0:
            return None
        W.check_remap_size(height, width)
        pad = KE.noise_padding(sigma)
        shape = (height + 2 * pad, width + 2 * pad, 2)
        # uniform 8-bit levels 0..255 straight from the row's generator: raw random bytes
        # (2.5x cheaper to draw than integers(0, 256))
        noise = np.frombuffer(rng.generator.bytes(shape[0] * shape[1] * 2), dtype=np.uint8)
        return KE.smooth_noise(noise.reshape(shape), sigma, pad)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is not None:
            C.gate_images(batch.images, self)
        samples = self._draw_samples(batch.nb_rows, random_state)
        shapes = batch.get_rowwise_shapes()
        noises = [self._smoothed_noise(shape, samples.alphas[i], samples.sigmas[i],
                                       samples.rngs[i])
                  for i, shape in enumerate(shapes)]
        fields: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        # remap maps of the image size, shared by the image and same-sized heatmaps/segmaps
        keep_maps = batch.heatmaps is not None or batch.segmentation_maps is not None
        remap_maps: dict[int, np.ndarray] = {}

        def field(i: int) -> tuple[np.ndarray, np.ndarray]:
            if i not in fields:
                fields[i] = KE.displacement(noises[i], samples.alphas[i])
            return fields[i]

        def remap_map(i: int) -> np.ndarray:
            remap_map_i = remap_maps.get(i)
            if remap_map_i is None:
                remap_map_i = KE.remap_map(noises[i], samples.alphas[i])
                if keep_maps:
                    remap_maps[i] = remap_map_i
            return remap_map_i

        if batch.images is not None:
            def _image(i: int, image: np.ndarray) -> np.ndarray:
                if noises[i] is None:
                    return image
                return KE.remap_image(image, remap_map(i),
                                      W.INTERPOLATION_BY_ORDER[samples.orders[i]],
                                      _BORDERS[samples.modes[i]], samples.cvals[i])

            batch.images = C.map_images(batch.images, _image)
        for column, attr, order in (("heatmaps", "arr_0to1", 1), ("segmentation_maps", "arr", 0)):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                if noises[i] is None:
                    continue
                arr = getattr(map_i, attr)
                if arr.shape[0:2] == noises[i].shape[0:2]:
                    map_remap = remap_map(i)
                else:
                    map_remap = KE.remap_map_from_field(
                        *KE.resize_field(*field(i), arr.shape[0], arr.shape[1]))
                setattr(map_i, attr, W.remap(arr, map_remap, None,
                                             W.INTERPOLATION_BY_ORDER[order],
                                             cv2.BORDER_CONSTANT, 0))

        def _coords(i: int, kpsoi: Any) -> Any:
            if noises[i] is None:
                return kpsoi
            dx, dy = field(i)
            return C.move_keypoints_(kpsoi, lambda xy: KE.invert_points(xy - 0.5, dx, dy) + 0.5,
                                     only_inside=True)

        C.apply_to_coordinates(batch, _coords)
        return batch

    def get_parameters(self) -> list:
        return [self.alpha, self.sigma, self.order, self.cval, self.mode]
