"""AffineCv2: imgaug's deprecated OpenCV-only affine augmenter (own argument conventions).

Dtypes: as :class:`~imgaug2.augmenters.geometric.Affine`. Annotations: all types.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.geometric import affine as KA
from imgaug2.augmenters._kernels.geometric import warp as W
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.geometric.affine import _check_axis_dict
from imgaug2.augmenters.meta import Augmenter

__all__ = ["AffineCv2"]

_ORDERS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR, "cubic": cv2.INTER_CUBIC,
           "lanczos4": cv2.INTER_LANCZOS4}
_MODES = {"replicate": cv2.BORDER_REPLICATE, "reflect": cv2.BORDER_REFLECT,
          "reflect_101": cv2.BORDER_REFLECT_101, "wrap": cv2.BORDER_WRAP,
          "constant": cv2.BORDER_CONSTANT}


def _handle_choice_arg(value: Any, names: dict, name: str) -> iap.StochasticParameter:
    valid = list(names.values()) + list(names)
    if C.is_all(value):
        return iap.Choice(list(names.values()))
    if isinstance(value, iap.StochasticParameter):
        return value
    values = value if isinstance(value, list) else [value]
    ok = values and all((isinstance(v, str) or C.is_int(v)) and v in valid for v in values)
    if not ok:
        raise ValueError(f"{name} must be ia.ALL, one of {valid}, a list of these or a "
                         f"StochasticParameter; got {value!r}")
    return iap.Choice(list(value)) if isinstance(value, list) else iap.Deterministic(value)


def _axis_params(value: Any, name: str, default: Any, discrete: bool) -> Any:
    def handle(v: Any, n: str) -> Any:
        if discrete:
            return iap.handle_discrete_param(v, n, allow_floats=False)
        return iap.handle_continuous_param(v, n, value_range=(1e-4, None)
                                           if name == "scale" else None)

    if isinstance(value, dict):
        _check_axis_dict(value, name)
        return tuple(handle(value.get(axis, default), f"{name}['{axis}']")
                     for axis in ("x", "y"))
    return handle(value, name)


class AffineCv2(Augmenter):
    """**Deprecated** (use ``Affine``): affine transformations with OpenCV's conventions.

    Like :class:`Affine` (scale/translate/rotate about the centre), but: ``shear`` only
    shears along x; ``translate_percent`` is rounded to whole pixels; ``order`` takes
    ``cv2.INTER_NEAREST``/``LINEAR``/``CUBIC``/``LANCZOS4`` or ``"nearest"``, ``"linear"``,
    ``"cubic"``, ``"lanczos4"``; ``mode`` takes ``cv2.BORDER_*`` or ``"replicate"``,
    ``"reflect"``, ``"reflect_101"``, ``"wrap"``, ``"constant"``; ``cval`` is in ``[0, 255]``
    (``ia.ALL``: discrete uniform ``[0, 255]``; three draws per image, one per channel).
    Heatmaps are warped with the image's ``order`` (fill 0), segmentation maps with nearest
    neighbour (fill 0).
    """

    def __init__(self, scale: Any = 1.0, translate_percent: Any = None,
                 translate_px: Any = None, rotate: Any = 0.0, shear: Any = 0.0,
                 order: Any = cv2.INTER_LINEAR, cval: Any = 0, mode: Any = cv2.BORDER_CONSTANT,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        ia.warn_deprecated("AffineCv2 is deprecated. Use imgaug2.augmenters.geometric."
                           "Affine(..., backend='cv2') instead.", stacklevel=3)
        self.order = _handle_choice_arg(order, _ORDERS, "order")
        if C.is_all(cval):
            self.cval = iap.DiscreteUniform(0, 255)
        else:
            if isinstance(cval, (bool, np.bool_)):
                raise TypeError("cval must be a number, tuple, list, ia.ALL or "
                                "StochasticParameter, got bool")
            self.cval = iap.handle_discrete_param(cval, "cval", value_range=(0, 255),
                                                  allow_floats=True)
        self.mode = _handle_choice_arg(mode, _MODES, "mode")
        self.scale = _axis_params(scale, "scale", 1.0, discrete=False)
        if translate_percent is None and translate_px is None:
            translate_px = 0
        if translate_percent is not None and translate_px is not None:
            raise ValueError("AffineCv2 got both translate_percent and translate_px; give only "
                             "one of them")
        if translate_percent is not None:
            self.translate = _axis_params(translate_percent, "translate_percent", 0,
                                          discrete=False)
            self._translate_mode = "percent"
        else:
            self.translate = _axis_params(translate_px, "translate_px", 0, discrete=True)
            self._translate_mode = "px"
        self.rotate = iap.handle_continuous_param(rotate, "rotate")
        self.shear = iap.handle_continuous_param(shear, "shear")

    def _draw_samples(self, nb_rows: int, random_state: Any) -> dict:
        size = (nb_rows,)

        def draw(param: Any) -> np.ndarray:
            return np.asarray(param.draw_samples(size, random_state=random_state),
                              dtype=np.float64).reshape(nb_rows)

        def draw_pair(param: Any) -> tuple:
            if isinstance(param, tuple):
                return draw(param[0]), draw(param[1])
            values = draw(param)
            return values, values

        scale = draw_pair(self.scale)
        if np.any(scale[0] <= 0) or np.any(scale[1] <= 0):
            raise ValueError("scale must produce values > 0")
        translate = draw_pair(self.translate)
        rotate = draw(self.rotate)
        shear = draw(self.shear)
        cval = C.draw_cvals(self.cval, (nb_rows, 3), random_state)
        modes = C.draw_modes(self.mode, nb_rows, random_state,
                             list(_MODES) + list(_MODES.values()))
        orders = C.draw_modes(self.order, nb_rows, random_state,
                              list(_ORDERS) + list(_ORDERS.values()), name="order")
        return {"scale": scale, "translate": translate, "rotate": rotate, "shear": shear,
                "cval": cval, "mode": [_MODES.get(m, m) for m in modes],
                "order": [_ORDERS.get(o, o) for o in orders]}

    def _matrix(self, samples: dict, i: int, shape: tuple) -> np.ndarray:
        h, w = shape[0:2]
        tx, ty = samples["translate"][0][i], samples["translate"][1][i]
        if self._translate_mode == "percent":
            tx, ty = int(np.round(tx * w)), int(np.round(ty * h))
        return KA.affine_matrix(h, w, samples["scale"][0][i], samples["scale"][1][i], tx, ty,
                                samples["rotate"][i], samples["shear"][i], 0.0)

    def _augment_batch_(self, batch, random_state, parents, hooks):
        samples = self._draw_samples(batch.nb_rows, random_state)
        if batch.images is not None:
            C.gate_images(batch.images, self)

            def _image(i: int, image: np.ndarray) -> np.ndarray:
                matrix = self._matrix(samples, i, image.shape)
                if KA.is_identity(matrix):
                    return image
                return W.warp_affine(image, matrix, image.shape[0:2], samples["order"][i],
                                     samples["mode"][i], samples["cval"][i])

            batch.images = C.map_images(batch.images, _image)
        for column, attr in (("heatmaps", "arr_0to1"), ("segmentation_maps", "arr")):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                arr = getattr(map_i, attr)
                matrix = W.rescale_matrix(self._matrix(samples, i, map_i.shape), map_i.shape,
                                          arr.shape)
                if KA.is_identity(matrix):
                    continue
                interpolation = samples["order"][i] if column == "heatmaps" \
                    else cv2.INTER_NEAREST
                out = W.warp_affine(arr, matrix, arr.shape[0:2], interpolation,
                                    cv2.BORDER_CONSTANT, 0)
                if column == "heatmaps":
                    out = np.clip(out, 0.0, 1.0)
                setattr(map_i, attr, out)

        def _coords(i: int, kpsoi: Any) -> Any:
            matrix = self._matrix(samples, i, kpsoi.shape)
            if KA.is_identity(matrix):
                return kpsoi
            coords_matrix = W.index_to_coords_matrix(matrix)
            return C.move_keypoints_(kpsoi,
                                     lambda xy: W.transform_points_affine(xy, coords_matrix))

        C.apply_to_coordinates(batch, _coords)
        return batch

    def get_parameters(self) -> list:
        return [self.scale, self.translate, self.rotate, self.shear, self.order, self.cval,
                self.mode]

