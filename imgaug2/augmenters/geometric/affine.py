"""Affine transformations: Affine and its one-parameter wrappers (ScaleX, Rotate, ...)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters.geometric._warp import RowWarp, WarpAugmenter

_MODES = ["constant", "edge", "symmetric", "reflect", "wrap"]
_ORDERS = [0, 1, 3, 4, 5]


def _axis_params(value: Any, name: str, default: float, value_range=None):
    """A parameter or dict {"x": ..., "y": ...} -> (param_x, param_y or None = same as x)."""
    if value is None:
        return iap.Deterministic(default), None
    if isinstance(value, dict):
        unknown = set(value) - {"x", "y"}
        if unknown:
            raise ValueError(f"{name} as a dict accepts keys 'x' and 'y', got {sorted(unknown)}")
        px = iap.handle_continuous_param(value.get("x", default), f"{name}['x']",
                                         value_range=value_range)
        py = iap.handle_continuous_param(value.get("y", default), f"{name}['y']",
                                         value_range=value_range)
        return px, py
    return iap.handle_continuous_param(value, name, value_range=value_range), None


def affine_matrix(height: int, width: int, scale=(1.0, 1.0), translate_px=(0.0, 0.0),
                  rotate: float = 0.0, shear=(0.0, 0.0)) -> np.ndarray:
    """3x3 matrix (OpenCV pixel convention): scale, shear, rotate about the centre, translate."""
    cx, cy = width / 2.0 - 0.5, height / 2.0 - 0.5
    to_origin = np.array([[1, 0, -cx], [0, 1, -cy], [0, 0, 1]], dtype=np.float64)
    scaling = np.diag([scale[0], scale[1], 1.0])
    shx, shy = np.tan(np.deg2rad(shear[0])), np.tan(np.deg2rad(shear[1]))
    shearing = np.array([[1, shx, 0], [shy, 1, 0], [0, 0, 1]], dtype=np.float64)
    rad = np.deg2rad(rotate)
    rotation = np.array([[np.cos(rad), -np.sin(rad), 0], [np.sin(rad), np.cos(rad), 0],
                         [0, 0, 1]])
    back = np.array([[1, 0, cx + translate_px[0]], [0, 1, cy + translate_px[1]], [0, 0, 1]])
    return back @ rotation @ shearing @ scaling @ to_origin


def fit_output_matrix(matrix: np.ndarray, height: int, width: int):
    """Shift ``matrix`` so the whole transformed image is visible; returns (matrix, (h, w))."""
    corners = np.array([[-0.5, -0.5, 1], [width - 0.5, -0.5, 1], [width - 0.5, height - 0.5, 1],
                        [-0.5, height - 0.5, 1]])
    moved = corners @ matrix.T
    moved = moved[:, :2] / moved[:, 2:3]
    minx, miny = moved.min(axis=0)
    maxx, maxy = moved.max(axis=0)
    shift = np.array([[1, 0, -minx - 0.5], [0, 1, -miny - 0.5], [0, 0, 1]])
    out_hw = (max(1, int(np.ceil(maxy - miny))), max(1, int(np.ceil(maxx - minx))))
    return shift @ matrix, out_hw


class Affine(WarpAugmenter):
    """Scale, translate, rotate and shear images and every annotation with one matrix.

    ``scale``, ``translate_percent``, ``translate_px`` and ``shear`` accept a number, (a, b)
    range, list, StochasticParameter or a dict ``{"x": ..., "y": ...}``; ``rotate`` in degrees.
    ``order`` 0/1/3 (nearest/linear/cubic; 4, 5 -> cubic/lanczos; ``ia.ALL``), ``cval`` the fill
    value, ``mode`` one of constant/edge/symmetric/reflect/wrap (or ``ia.ALL``), ``fit_output``
    enlarges the output to show the whole transformed image. Dtypes: bool, uint8/16, int8/16,
    float16/32/64.
    """

    def __init__(self, scale: Any = None, translate_percent: Any = None, translate_px: Any = None,
                 rotate: Any = None, shear: Any = None, order: Any = 1, cval: Any = 0,
                 mode: Any = "constant", fit_output: bool = False, backend: str = "auto",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if translate_percent is not None and translate_px is not None:
            raise ValueError("Affine: give translate_percent or translate_px, not both")
        if backend not in ("auto", "cv2", "skimage"):
            raise ValueError(f"backend must be 'auto', 'cv2' or 'skimage', got {backend!r}")
        self.scale = _axis_params(scale, "scale", 1.0, value_range=(0.0001, None))
        self.translate_percent = None if translate_percent is None else _axis_params(
            translate_percent, "translate_percent", 0.0)
        self.translate_px = None if translate_px is None else _axis_params(
            translate_px, "translate_px", 0.0)
        self.rotate = iap.handle_continuous_param(0.0 if rotate is None else rotate, "rotate")
        self.shear = _axis_params(shear, "shear", 0.0)
        self.order = (iap.Choice(_ORDERS) if order == "ALL" else
                      iap.handle_discrete_param(order, "order", value_range=(0, 5)))
        self.cval = (iap.Uniform(0, 255) if cval == "ALL" else
                     iap.handle_continuous_param(cval, "cval"))
        self.mode = iap.handle_categorical_string_param(mode, "mode", valid_values=_MODES)
        self.fit_output = bool(fit_output)
        self.backend = backend

    @staticmethod
    def _draw_xy(params, n, rng):
        px, py = params
        x = np.asarray(px.draw_samples((n,), random_state=rng), dtype=np.float64)
        y = x if py is None else np.asarray(py.draw_samples((n,), random_state=rng),
                                            dtype=np.float64)
        return x, y

    def _sample_warps(self, shapes, random_state):
        n = len(shapes)
        sx, sy = self._draw_xy(self.scale, n, random_state)
        if self.translate_px is not None:
            tx, ty = self._draw_xy(self.translate_px, n, random_state)
            relative = False
        elif self.translate_percent is not None:
            tx, ty = self._draw_xy(self.translate_percent, n, random_state)
            relative = True
        else:
            tx = ty = np.zeros(n)
            relative = False
        rot = self.rotate.draw_samples((n,), random_state=random_state)
        shx, shy = self._draw_xy(self.shear, n, random_state)
        orders = self.order.draw_samples((n,), random_state=random_state)
        cvals = self.cval.draw_samples((n,), random_state=random_state)
        modes = self.mode.draw_samples((n,), random_state=random_state)
        warps = []
        for i, shape in enumerate(shapes):
            h, w = shape[0:2]
            t = (tx[i] * w, ty[i] * h) if relative else (tx[i], ty[i])
            matrix = affine_matrix(h, w, (sx[i], sy[i]), t, float(rot[i]), (shx[i], shy[i]))
            out_hw = (h, w)
            if self.fit_output:
                matrix, out_hw = fit_output_matrix(matrix, h, w)
            order = int(orders[i])
            if order not in (0, 1, 3, 4, 5):
                raise ValueError(f"Affine: order must be 0, 1, 3, 4 or 5, got {order}")
            warps.append(RowWarp(matrix, out_hw, order, str(modes[i]), float(cvals[i])))
        return warps

    def get_parameters(self) -> list:
        return [self.scale, self.translate_percent, self.translate_px, self.rotate, self.shear,
                self.order, self.cval, self.mode, self.fit_output, self.backend]


class _AffineWrapper(Affine):
    _arg = "scale"
    _axis: str | None = None

    def __init__(self, value: Any, order: Any = 1, cval: Any = 0, mode: Any = "constant",
                 fit_output: bool = False, backend: str = "auto", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        arg = value if self._axis is None else {self._axis: value}
        super().__init__(**{self._arg: arg}, order=order, cval=cval, mode=mode,
                         fit_output=fit_output, backend=backend, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class ScaleX(_AffineWrapper):
    """Scale along the x-axis only (``Affine(scale={"x": scale})``)."""

    _arg, _axis = "scale", "x"

    def __init__(self, scale: Any = (0.5, 1.5), **kwargs: Any) -> None:
        super().__init__(scale, **kwargs)


class ScaleY(_AffineWrapper):
    """Scale along the y-axis only."""

    _arg, _axis = "scale", "y"

    def __init__(self, scale: Any = (0.5, 1.5), **kwargs: Any) -> None:
        super().__init__(scale, **kwargs)


class TranslateX(_AffineWrapper):
    """Translate along x: ``percent`` of the width or ``px`` pixels (one of them)."""

    _axis = "x"

    def __init__(self, percent: Any = None, px: Any = None, **kwargs: Any) -> None:
        if percent is None and px is None:
            percent = (-0.25, 0.25)
        if percent is not None and px is not None:
            raise ValueError("TranslateX: give percent or px, not both")
        self._arg = "translate_percent" if percent is not None else "translate_px"
        super().__init__(percent if percent is not None else px, **kwargs)


class TranslateY(TranslateX):
    """Translate along y: ``percent`` of the height or ``px`` pixels (one of them)."""

    _axis = "y"


class Rotate(_AffineWrapper):
    """Rotate by ``rotate`` degrees about the image centre."""

    _arg, _axis = "rotate", None

    def __init__(self, rotate: Any = (-30, 30), **kwargs: Any) -> None:
        super().__init__(rotate, **kwargs)


class ShearX(_AffineWrapper):
    """Shear along x by ``shear`` degrees."""

    _arg, _axis = "shear", "x"

    def __init__(self, shear: Any = (-30, 30), **kwargs: Any) -> None:
        super().__init__(shear, **kwargs)


class ShearY(_AffineWrapper):
    """Shear along y by ``shear`` degrees."""

    _arg, _axis = "shear", "y"

    def __init__(self, shear: Any = (-30, 30), **kwargs: Any) -> None:
        super().__init__(shear, **kwargs)
