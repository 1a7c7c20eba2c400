"""Affine transformations: Affine and its single-purpose wrappers ScaleX, ScaleY, TranslateX,
TranslateY, Rotate, ShearX, ShearY.

Dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64 (see
:mod:`imgaug2.augmenters._kernels.geometric.warp`); int64/uint64 raise a ValueError.
Annotations: all types. Images are warped with one ``cv2.warpAffine`` each; heatmaps (bilinear,
fill 0.0) and segmentation maps (nearest neighbour, fill 0) with the same transform expressed
for their own size; keypoints, bounding boxes (their four corners), polygons and line strings
with the same matrix (pixel-centre aligned with the image warp).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.geometric import affine as KA
from imgaug2.augmenters._kernels.geometric import warp as W
from imgaug2.augmenters.geometric import _common as C
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Affine", "ScaleX", "ScaleY", "TranslateX", "TranslateY", "Rotate", "ShearX",
           "ShearY"]

_BACKENDS = ("auto", "skimage", "cv2")


def _check_axis_dict(value: dict, name: str) -> None:
    if not ("x" in value or "y" in value):
        raise ValueError(f"{name} as a dict must contain the key 'x' and/or 'y', got {value!r}")
    unknown = [k for k in value if k not in ("x", "y")]
    if unknown:
        raise ValueError(f"{name} as a dict may only contain the keys 'x' and 'y', "
                         f"got {unknown}")


def _handle_scale_arg(scale: Any) -> Any:
    if isinstance(scale, dict):
        _check_axis_dict(scale, "scale")
        return tuple(
            iap.handle_continuous_param(scale.get(axis, 1.0), f"scale['{axis}']",
                                        value_range=(1e-4, None))
            for axis in ("x", "y"))
    return iap.handle_continuous_param(scale, "scale", value_range=(1e-4, None))


def _handle_translate_arg(translate_px: Any, translate_percent: Any) -> tuple:
    if translate_percent is None and translate_px is None:
        translate_px = 0
    if translate_percent is not None and translate_px is not None:
        raise ValueError("Affine got both translate_percent and translate_px; give only one "
                         "of them")
    if translate_percent is not None:
        if isinstance(translate_percent, dict):
            _check_axis_dict(translate_percent, "translate_percent")
            return (*(iap.handle_continuous_param(translate_percent.get(axis, 0),
                                                  f"translate_percent['{axis}']")
                      for axis in ("x", "y")), "percent")
        return (iap.handle_continuous_param(translate_percent, "translate_percent"), None,
                "percent")
    if isinstance(translate_px, dict):
        _check_axis_dict(translate_px, "translate_px")
        return (*(iap.handle_discrete_param(translate_px.get(axis, 0), f"translate_px['{axis}']",
                                            allow_floats=False)
                  for axis in ("x", "y")), "px")
    return iap.handle_discrete_param(translate_px, "translate_px", allow_floats=False), None, "px"


def _handle_shear_arg(shear: Any) -> tuple[Any, str]:
    if isinstance(shear, dict):
        _check_axis_dict(shear, "shear")
        return tuple(iap.handle_continuous_param(shear.get(axis, 0), f"shear['{axis}']")
                     for axis in ("x", "y")), "dict"
    param_type = "single-number" if C.is_number(shear) else "other"
    return iap.handle_continuous_param(shear, "shear"), param_type


class _AffineSamples:
    """Per-row draws of Affine (lists/arrays of length ``nb_rows``)."""

    def __init__(self, scale, translate, translate_mode, rotate, shear, cval, mode, order):
        self.scale = scale
        self.translate = translate
        self.translate_mode = translate_mode
        self.rotate = rotate
        self.shear = shear
        self.cval = cval
        self.mode = mode
        self.order = order

    def matrix(self, i: int, image_shape: tuple) -> np.ndarray:
        """Pixel-index matrix of row ``i`` for an image of ``image_shape``."""
        height, width = image_shape[0:2]
        tx, ty = float(self.translate[0][i]), float(self.translate[1][i])
        if self.translate_mode == "percent":
            tx, ty = tx * width, ty * height
        return KA.affine_matrix(height, width, float(self.scale[0][i]),
                                float(self.scale[1][i]), tx, ty, float(self.rotate[i]),
                                float(self.shear[0][i]), float(self.shear[1][i]))


class Affine(Augmenter):
    """Scale, rotate, shear and translate images about their centre (imgaug 0.4.0 semantics).

    The point ``p`` (relative to the image centre) is sheared along y, then scaled, rotated
    and sheared along x, then translated. ``scale``/``translate_percent``/``translate_px``/
    ``shear`` accept a number, ``(a, b)`` range, list, StochasticParameter or a dict with keys
    ``x``/``y`` (independent draws per axis); a single-number ``shear`` only shears along x,
    other non-dict values shear both axes by the same draw. If none of the transform
    arguments is given, imgaug's defaults are used (scale 0.9-1.1, translation -10..10%,
    rotation -15..15 deg, shear -10..10 deg per axis).

    ``order``: 0 (nearest), 1 (bilinear), 2-5 (bicubic), ``ia.ALL`` = [0, 1, 3]. ``cval``:
    fill value(s) for ``mode="constant"``, three draws per image (one per channel; channels
    beyond the third use the third). ``mode``: ``constant``, ``edge``, ``symmetric``,
    ``reflect``, ``wrap`` or ``ia.ALL``. ``fit_output=True`` enlarges/shifts the output plane
    so that the whole transformed image is visible (translation is then cancelled).
    ``backend`` is accepted for compatibility; all warps use OpenCV (``"skimage"`` orders
    4/5 become bicubic, ``"cv2"`` restricts ``order`` to 0, 1, 3).

    Dtypes: bool, uint8, uint16, uint32, int8, int16, int32, float16, float32, float64.
    Annotations: all types.
    """

    def __init__(self, scale: Any = None, translate_percent: Any = None,
                 translate_px: Any = None, rotate: Any = None, shear: Any = None,
                 order: Any = 1, cval: Any = 0, mode: Any = "constant",
                 fit_output: bool = False, backend: str = "auto", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if all(p is None for p in (scale, translate_percent, translate_px, rotate, shear)):
            scale = {"x": (0.9, 1.1), "y": (0.9, 1.1)}
            translate_percent = {"x": (-0.1, 0.1), "y": (-0.1, 0.1)}
            rotate = (-15, 15)
            shear = {"x": (-10, 10), "y": (-10, 10)}
        else:
            scale = 1.0 if scale is None else scale
            rotate = 0.0 if rotate is None else rotate
            shear = 0.0 if shear is None else shear
        if not isinstance(backend, str) or backend not in _BACKENDS:
            raise ValueError(f"backend must be one of {list(_BACKENDS)}, got {backend!r}")
        self.backend = backend
        self.order = C.handle_order_arg(order, backend)
        self.cval = C.handle_cval_arg(cval)
        self.mode = C.handle_string_mode_arg(mode, C.AFFINE_MODES)
        self.scale = _handle_scale_arg(scale)
        self.translate = _handle_translate_arg(translate_px, translate_percent)
        self.rotate = iap.handle_continuous_param(rotate, "rotate")
        self.shear, self._shear_param_type = _handle_shear_arg(shear)
        self.fit_output = C.check_bool(fit_output, "fit_output")

    # ------------------------------------------------------------------------------------------
    def _draw_samples(self, nb_rows: int, random_state: Any) -> _AffineSamples:
        size = (nb_rows,)

        def draw(param):
            value = C.fixed_number(param)  # a constant is not drawn (consumes no randomness)
            if value is not None:
                return np.full(nb_rows, value)
            return np.asarray(param.draw_samples(size, random_state=random_state),
                              dtype=np.float64).reshape(nb_rows)

        if isinstance(self.scale, tuple):
            scale = (draw(self.scale[0]), draw(self.scale[1]))
        else:
            scale = (draw(self.scale),) * 2
        if np.any(scale[0] <= 0) or np.any(scale[1] <= 0):
            raise ValueError("scale must produce values > 0")
        if self.translate[1] is not None:
            translate = (draw(self.translate[0]), draw(self.translate[1]))
        else:
            translate = (draw(self.translate[0]),) * 2
        rotate = draw(self.rotate)
        if self._shear_param_type == "dict":
            shear = (draw(self.shear[0]), draw(self.shear[1]))
        elif self._shear_param_type == "single-number":
            shear_x = draw(self.shear)
            shear = (shear_x, np.zeros_like(shear_x))
        else:
            shear = (draw(self.shear),) * 2
        for name, values in (("translate", translate[0]), ("translate", translate[1]),
                             ("rotate", rotate), ("shear", shear[0]), ("shear", shear[1])):
            if not np.isfinite(values).all():
                raise ValueError(f"{name} must produce finite values")
        cval = C.draw_cvals(self.cval, (nb_rows, 3), random_state)
        mode = C.draw_modes(self.mode, nb_rows, random_state, C.AFFINE_MODES)
        allowed = (0, 1, 3) if self.backend == "cv2" else (0, 1, 2, 3, 4, 5)
        order = C.draw_orders(self.order, nb_rows, random_state, allowed=allowed)
        return _AffineSamples(scale, translate, self.translate[2], rotate, shear, cval, mode,
                              order)

    def _matrix(self, samples: _AffineSamples, i: int, image_shape: tuple
                ) -> tuple[np.ndarray, int, int]:
        matrix = samples.matrix(i, image_shape)
        if self.fit_output:
            return KA.fit_output(matrix, image_shape[0], image_shape[1])
        return matrix, image_shape[0], image_shape[1]

    def _augment_batch_(self, batch, random_state, parents, hooks):
        samples = self._draw_samples(batch.nb_rows, random_state)
        if batch.images is not None:
            C.gate_images(batch.images, self)

            def _image(i: int, image: np.ndarray) -> np.ndarray:
                matrix, out_h, out_w = self._matrix(samples, i, image.shape)
                if KA.is_identity(matrix):
                    return image
                return W.warp_affine(image, matrix, (out_h, out_w),
                                     W.INTERPOLATION_BY_ORDER[samples.order[i]],
                                     W.BORDER_BY_MODE[samples.mode[i]], samples.cval[i])

            batch.images = C.map_images(batch.images, _image)
        for column, attr, interpolation in (("heatmaps", "arr_0to1", W.INTERPOLATION_BY_ORDER[1]),
                                            ("segmentation_maps", "arr",
                                             W.INTERPOLATION_BY_ORDER[0])):
            maps = getattr(batch, column)
            if maps is None:
                continue
            for i, map_i in enumerate(maps):
                arr = getattr(map_i, attr)
                matrix, img_h, img_w = self._matrix(samples, i, map_i.shape)
                if not KA.is_identity(matrix):
                    arr_matrix = W.rescale_matrix(matrix, map_i.shape, arr.shape)
                    out_hw = W.rescale_size((img_h, img_w), map_i.shape, arr.shape)
                    setattr(map_i, attr, W.warp_affine(arr, arr_matrix, out_hw, interpolation,
                                                       W.BORDER_BY_MODE["constant"], 0))
                map_i.shape = C.with_new_hw(map_i.shape, img_h, img_w)

        def _coords(i: int, kpsoi: Any) -> Any:
            matrix, out_h, out_w = self._matrix(samples, i, kpsoi.shape)
            if not KA.is_identity(matrix):
                coords_matrix = W.index_to_coords_matrix(matrix)
                kpsoi = C.move_keypoints_(
                    kpsoi, lambda xy: W.transform_points_affine(xy, coords_matrix))
            kpsoi.shape = C.with_new_hw(kpsoi.shape, out_h, out_w)
            return kpsoi

        C.apply_to_coordinates(batch, _coords)
        return batch

    def get_parameters(self) -> list:
        return [self.scale, self.translate, self.rotate, self.shear, self.order, self.cval,
                self.mode, self.backend, self.fit_output]


class ScaleX(Affine):
    """Affine scaling along the x-axis only (``Affine(scale={"x": scale})``)."""

    def __init__(self, scale: Any = (0.5, 1.5), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(scale={"x": scale}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class ScaleY(Affine):
    """Affine scaling along the y-axis only (``Affine(scale={"y": scale})``)."""

    def __init__(self, scale: Any = (0.5, 1.5), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(scale={"y": scale}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class TranslateX(Affine):
    """Affine translation along the x-axis only; ``percent`` defaults to (-0.25, 0.25) if
    neither ``percent`` nor ``px`` is given."""

    def __init__(self, percent: Any = None, px: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if percent is None and px is None:
            percent = (-0.25, 0.25)
        super().__init__(translate_percent=None if percent is None else {"x": percent},
                         translate_px=None if px is None else {"x": px}, order=order,
                         cval=cval, mode=mode, fit_output=fit_output, backend=backend,
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class TranslateY(Affine):
    """Affine translation along the y-axis only; ``percent`` defaults to (-0.25, 0.25) if
    neither ``percent`` nor ``px`` is given."""

    def __init__(self, percent: Any = None, px: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        if percent is None and px is None:
            percent = (-0.25, 0.25)
        super().__init__(translate_percent=None if percent is None else {"y": percent},
                         translate_px=None if px is None else {"y": px}, order=order,
                         cval=cval, mode=mode, fit_output=fit_output, backend=backend,
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class Rotate(Affine):
    """Affine rotation about the image centre (``Affine(rotate=rotate)``), in degrees."""

    def __init__(self, rotate: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(rotate=rotate, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class ShearX(Affine):
    """Affine shear along the x-axis only (``Affine(shear={"x": shear})``), in degrees."""

    def __init__(self, shear: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(shear={"x": shear}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class ShearY(Affine):
    """Affine shear along the y-axis only (``Affine(shear={"y": shear})``), in degrees."""

    def __init__(self, shear: Any = (-30, 30), order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(shear={"y": shear}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
