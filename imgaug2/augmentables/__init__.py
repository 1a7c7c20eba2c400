"""Annotation types that are augmented together with their images (imgaug 0.4.0 names)."""

from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage
from imgaug2.augmentables.lines import LineString, LineStringsOnImage
from imgaug2.augmentables.polys import Polygon, PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

__all__ = [
    "Batch",
    "UnnormalizedBatch",
    "BoundingBox",
    "BoundingBoxesOnImage",
    "HeatmapsOnImage",
    "Keypoint",
    "KeypointsOnImage",
    "LineString",
    "LineStringsOnImage",
    "Polygon",
    "PolygonsOnImage",
    "SegmentationMapsOnImage",
]
