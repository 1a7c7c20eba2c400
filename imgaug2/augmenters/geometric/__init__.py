"""Geometric augmenters: Affine (+ ScaleX/Y, TranslateX/Y, Rotate, ShearX/Y), Rot90,
PerspectiveTransform, ElasticTransformation, PiecewiseAffine. Annotations move with the pixels.
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
from imgaug2.augmenters.geometric.elastic import ElasticTransformation
from imgaug2.augmenters.geometric.perspective import PerspectiveTransform
from imgaug2.augmenters.geometric.piecewise_affine import PiecewiseAffine
from imgaug2.augmenters.geometric.rot90 import Rot90

__all__ = ["Affine", "Rotate", "ScaleX", "ScaleY", "ShearX", "ShearY", "TranslateX",
           "TranslateY", "ElasticTransformation", "PerspectiveTransform", "PiecewiseAffine",
           "Rot90"]
