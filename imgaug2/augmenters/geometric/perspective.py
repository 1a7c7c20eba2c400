"""PerspectiveTransform: random four-point perspective warps (one cv2.warpPerspective)."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from imgaug2 import parameters as iap
from imgaug2.augmenters.geometric._warp import RowWarp, WarpAugmenter

_MODES = {"constant": "constant", "replicate": "edge"}


class PerspectiveTransform(WarpAugmenter):
    """Move the four corners inwards by ``|N(0, scale)|`` (fraction of the size) and map that
    quadrilateral to a rectangle. ``keep_size=True`` scales the result back to the input size
    (fused into the same warp); ``fit_output`` keeps the whole image visible. ``mode``:
    "constant" or "replicate". All annotation types."""

    def __init__(self, scale: Any = (0.0, 0.06), cval: Any = 0, mode: Any = "replicate",
                 keep_size: bool = True, fit_output: bool = False,
                 polygon_recoverer: Any = "auto", seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.scale = iap.handle_continuous_param(scale, "scale", value_range=(0, None))
        self.jitter = iap.Normal(0, self.scale)
        self.cval = iap.Uniform(0, 255) if cval == "ALL" else iap.handle_continuous_param(
            cval, "cval")
        self.mode = iap.handle_categorical_string_param(mode, "mode",
                                                        valid_values=list(_MODES))
        self.keep_size = bool(keep_size)
        self.fit_output = bool(fit_output)
        self.polygon_recoverer = polygon_recoverer

    def _sample_warps(self, shapes, random_state):
        warps = []
        for shape in shapes:
            h, w = shape[0:2]
            jitter = np.abs(np.asarray(self.jitter.draw_samples((4, 2),
                                                                random_state=random_state)))
            jitter = np.clip(jitter, 0, 0.49)
            src = np.float32([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]])
            signs = np.float32([[1, 1], [-1, 1], [-1, -1], [1, -1]])
            src = src + signs * jitter * np.float32([w, h])
            width_new = max(int(round(max(np.linalg.norm(src[1] - src[0]),
                                          np.linalg.norm(src[2] - src[3])))) + 1, 2)
            height_new = max(int(round(max(np.linalg.norm(src[3] - src[0]),
                                           np.linalg.norm(src[2] - src[1])))) + 1, 2)
            dst = np.float32([[0, 0], [width_new - 1, 0], [width_new - 1, height_new - 1],
                              [0, height_new - 1]])
            matrix = cv2.getPerspectiveTransform(src, dst).astype(np.float64)
            out_hw = (height_new, width_new)
            if self.fit_output:
                from imgaug2.augmenters.geometric.affine import fit_output_matrix

                matrix, out_hw = fit_output_matrix(matrix, h, w)
            if self.keep_size and out_hw != (h, w):
                sy, sx = h / out_hw[0], w / out_hw[1]
                scale = np.array([[sx, 0, 0.5 * sx - 0.5], [0, sy, 0.5 * sy - 0.5], [0, 0, 1]])
                matrix, out_hw = scale @ matrix, (h, w)
            mode = _MODES[str(self.mode.draw_sample(random_state=random_state))]
            cval = float(self.cval.draw_sample(random_state=random_state))
            warps.append(RowWarp(matrix, out_hw, order=1, mode=mode, cval=cval))
        return warps

    def get_parameters(self) -> list:
        return [self.jitter, self.keep_size, self.cval, self.mode, self.fit_output]
