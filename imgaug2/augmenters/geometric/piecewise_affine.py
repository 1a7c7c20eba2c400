"""PiecewiseAffine: a jittered regular grid of control points, piecewise-affine in between.

imgaug used scikit-image's piecewise warp (about 33 images/s); here the dense displacement is
computed directly over two triangles per grid cell and applied with one cv2.remap.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.warps import piecewise_affine_field
from imgaug2.augmenters.geometric._displacement import DisplacementAugmenter

_MODES = ["constant", "edge", "symmetric", "reflect", "wrap"]


class PiecewiseAffine(DisplacementAugmenter):
    """Move the points of an ``nb_rows x nb_cols`` grid by ``N(0, scale)`` (fraction of the
    image size unless ``absolute_scale``) and warp piecewise-affinely. All annotation types."""

    def __init__(self, scale: Any = (0.0, 0.04), nb_rows: Any = (2, 4), nb_cols: Any = (2, 4),
                 order: Any = 1, cval: Any = 0, mode: Any = "constant",
                 absolute_scale: bool = False, polygon_recoverer: Any = None,
                 keypoints_recoverer: Any = None, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.jitter = iap.Normal(loc=0, scale=self.scale)
        self.nb_rows = iap.handle_discrete_param(nb_rows, "nb_rows", value_range=(2, None))
        self.nb_cols = iap.handle_discrete_param(nb_cols, "nb_cols", value_range=(2, None))
        self.order = iap.Choice([0, 1, 3]) if order == "ALL" else iap.handle_discrete_param(
            order, "order", value_range=(0, 5))
        self.cval = iap.Uniform(0, 255) if cval == "ALL" else iap.handle_continuous_param(
            cval, "cval")
        self.mode = iap.handle_categorical_string_param(mode, "mode", valid_values=_MODES)
        self.absolute_scale = bool(absolute_scale)
        self.polygon_recoverer = polygon_recoverer
        self.keypoints_recoverer = keypoints_recoverer

    def _sample_field(self, shape, random_state):
        rows = int(self.nb_rows.draw_sample(random_state=random_state))
        cols = int(self.nb_cols.draw_sample(random_state=random_state))
        order = int(self.order.draw_sample(random_state=random_state))
        cval = float(self.cval.draw_sample(random_state=random_state))
        mode = str(self.mode.draw_sample(random_state=random_state))
        jitter = np.asarray(self.jitter.draw_samples((rows, cols, 2),
                                                     random_state=random_state), np.float32)
        h, w = shape[0:2]
        if not self.absolute_scale:
            jitter = jitter * np.float32([w, h])
        if not np.any(jitter):
            return None
        dx, dy = piecewise_affine_field(jitter, h, w)
        return dx, dy, order, mode, cval

    def get_parameters(self) -> list:
        return [self.jitter, self.nb_rows, self.nb_cols, self.order, self.cval, self.mode,
                self.absolute_scale]
