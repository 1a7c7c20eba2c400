"""Augmenters that change the size of images: resize, crop, pad (imgaug 0.4.0's ``size`` module).

Classes: Resize, CropAndPad, Pad, Crop, PadToFixedSize, CenterPadToFixedSize, CropToFixedSize,
CenterCropToFixedSize, CropToMultiplesOf, CenterCropToMultiplesOf, PadToMultiplesOf,
CenterPadToMultiplesOf, CropToPowersOf, CenterCropToPowersOf, PadToPowersOf,
CenterPadToPowersOf, CropToAspectRatio, CenterCropToAspectRatio, PadToAspectRatio,
CenterPadToAspectRatio, CropToSquare, CenterCropToSquare, PadToSquare, CenterPadToSquare,
KeepSizeByResize; the deprecated factory ``Scale``; and the module functions ``pad``,
``pad_to_aspect_ratio``, ``pad_to_multiples_of`` and ``compute_{paddings,croppings}_to_reach_*``.

Every annotation type follows each size change: heatmaps and segmentation maps are cropped,
padded and resized proportionally to their own size, coordinates are shifted and projected.
"""

from imgaug2.augmenters.size.aspect import (
    CenterCropToAspectRatio,
    CenterCropToSquare,
    CenterPadToAspectRatio,
    CenterPadToSquare,
    CropToAspectRatio,
    CropToSquare,
    PadToAspectRatio,
    PadToSquare,
)
from imgaug2.augmenters.size.crop_and_pad import Crop, CropAndPad, Pad
from imgaug2.augmenters.size.fixed_size import (
    CenterCropToFixedSize,
    CenterPadToFixedSize,
    CropToFixedSize,
    PadToFixedSize,
)
from imgaug2.augmenters.size.keep_size import KeepSizeByResize
from imgaug2.augmenters.size.multiples import (
    CenterCropToMultiplesOf,
    CenterCropToPowersOf,
    CenterPadToMultiplesOf,
    CenterPadToPowersOf,
    CropToMultiplesOf,
    CropToPowersOf,
    PadToMultiplesOf,
    PadToPowersOf,
)
from imgaug2.augmenters.size.resize import Resize, Scale
from imgaug2.imgaug import (
    compute_croppings_to_reach_aspect_ratio,
    compute_croppings_to_reach_multiples_of,
    compute_croppings_to_reach_powers_of,
    compute_paddings_to_reach_aspect_ratio,
    compute_paddings_to_reach_multiples_of,
    compute_paddings_to_reach_powers_of,
    pad,
    pad_to_aspect_ratio,
    pad_to_multiples_of,
)

__all__ = [
    "Resize",
    "CropAndPad",
    "Pad",
    "Crop",
    "PadToFixedSize",
    "CenterPadToFixedSize",
    "CropToFixedSize",
    "CenterCropToFixedSize",
    "CropToMultiplesOf",
    "CenterCropToMultiplesOf",
    "PadToMultiplesOf",
    "CenterPadToMultiplesOf",
    "CropToPowersOf",
    "CenterCropToPowersOf",
    "PadToPowersOf",
    "CenterPadToPowersOf",
    "CropToAspectRatio",
    "CenterCropToAspectRatio",
    "PadToAspectRatio",
    "CenterPadToAspectRatio",
    "CropToSquare",
    "CenterCropToSquare",
    "PadToSquare",
    "CenterPadToSquare",
    "KeepSizeByResize",
    "Scale",
    "pad",
    "pad_to_aspect_ratio",
    "pad_to_multiples_of",
    "compute_paddings_to_reach_aspect_ratio",
    "compute_croppings_to_reach_aspect_ratio",
    "compute_paddings_to_reach_multiples_of",
    "compute_croppings_to_reach_multiples_of",
    "compute_paddings_to_reach_powers_of",
    "compute_croppings_to_reach_powers_of",
]
