"""Geometric augmenters (imgaug 0.4.0's ``imgaug.augmenters.geometric``).

Classes: Affine, ScaleX, ScaleY, TranslateX, TranslateY, Rotate, ShearX, ShearY, AffineCv2,
PiecewiseAffine, PerspectiveTransform, ElasticTransformation, Rot90, WithPolarWarping, Jigsaw.
Functions: apply_jigsaw, apply_jigsaw_to_coords, generate_jigsaw_destinations.

All of them move every annotation type with the pixels (Jigsaw: images, heatmaps,
segmentation maps and keypoints only, as in imgaug). Pure kernels live in
:mod:`imgaug2.augmenters._kernels.geometric`.
"""

from imgaug2.augmenters.geometric.affine import (
    Affine,
    Rotate,
    ScaleX,
    ScaleY,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
)
from imgaug2.augmenters.geometric.affine_cv2 import AffineCv2
from imgaug2.augmenters.geometric.elastic import ElasticTransformation
from imgaug2.augmenters.geometric.jigsaw import (
    Jigsaw,
    apply_jigsaw,
    apply_jigsaw_to_coords,
    generate_jigsaw_destinations,
)
from imgaug2.augmenters.geometric.perspective import PerspectiveTransform
from imgaug2.augmenters.geometric.piecewise_affine import PiecewiseAffine
from imgaug2.augmenters.geometric.polar import WithPolarWarping
from imgaug2.augmenters.geometric.rot90 import Rot90

__all__ = [
    "Affine",
    "ScaleX",
    "ScaleY",
    "TranslateX",
    "TranslateY",
    "Rotate",
    "ShearX",
    "ShearY",
    "AffineCv2",
    "PiecewiseAffine",
    "PerspectiveTransform",
    "ElasticTransformation",
    "Rot90",
    "WithPolarWarping",
    "Jigsaw",
    "apply_jigsaw",
    "apply_jigsaw_to_coords",
    "generate_jigsaw_destinations",
]
