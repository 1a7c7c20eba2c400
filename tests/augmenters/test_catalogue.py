"""The classes imgaug 0.4.0 offers, by module; every module we ship must offer all of its names."""

from __future__ import annotations

import importlib

import pytest

import imgaug2.augmenters as iaa

CATALOGUE = {
    "meta": "Sequential SomeOf OneOf Sometimes WithChannels Identity Noop Lambda AssertLambda "
            "AssertShape ChannelShuffle RemoveCBAsByOutOfImageFraction ClipCBAsToImagePlanes",
    "arithmetic": "Add AddElementwise AdditiveGaussianNoise AdditiveLaplaceNoise "
                  "AdditivePoissonNoise Multiply MultiplyElementwise Cutout Dropout CoarseDropout "
                  "Dropout2d TotalDropout ReplaceElementwise SaltAndPepper ImpulseNoise "
                  "CoarseSaltAndPepper Salt CoarseSalt Pepper CoarsePepper Invert Solarize "
                  "JpegCompression",
    "blur": "GaussianBlur AverageBlur MedianBlur BilateralBlur MotionBlur MeanShiftBlur",
    "flip": "Fliplr Flipud",
    "geometric": "Affine ScaleX ScaleY TranslateX TranslateY Rotate ShearX ShearY AffineCv2 "
                 "PiecewiseAffine PerspectiveTransform ElasticTransformation Rot90 "
                 "WithPolarWarping Jigsaw",
    "segmentation": "Superpixels Voronoi UniformVoronoi RegularGridVoronoi "
                    "RelativeRegularGridVoronoi",
    "size": "Resize CropAndPad Pad Crop PadToFixedSize CenterPadToFixedSize CropToFixedSize "
            "CenterCropToFixedSize CropToMultiplesOf CenterCropToMultiplesOf PadToMultiplesOf "
            "CenterPadToMultiplesOf CropToPowersOf CenterCropToPowersOf PadToPowersOf "
            "CenterPadToPowersOf CropToAspectRatio CenterCropToAspectRatio PadToAspectRatio "
            "CenterPadToAspectRatio CropToSquare CenterCropToSquare PadToSquare CenterPadToSquare "
            "KeepSizeByResize",
}
FACTORY_ALIASES = ["HorizontalFlip", "VerticalFlip", "Scale", "InColorspace",
                   "ContrastNormalization"]

# Classes of these modules that imgaug2 does not offer yet (tracked in the issues). The test
# below fails when one of them appears without being removed from here, and when any other
# catalogue class is missing.
PENDING: dict[str, str] = {}


@pytest.mark.parametrize("module", sorted(CATALOGUE))
def test_module_offers_every_catalogue_class(module: str) -> None:
    pending = set(PENDING.get(module, "").split())
    try:
        mod = importlib.import_module(f"imgaug2.augmenters.{module}")
    except ModuleNotFoundError:
        assert pending == set(CATALOGUE[module].split()), f"module {module} is missing"
        return
    names = [n for n in CATALOGUE[module].split() if n not in pending]
    arrived = sorted(n for n in pending if hasattr(mod, n))
    assert not arrived, f"{arrived} now exist: remove them from PENDING"
    missing_in_module = [n for n in names if not hasattr(mod, n)]
    missing_in_iaa = [n for n in names if not hasattr(iaa, n)]
    assert not missing_in_module, f"imgaug2.augmenters.{module} lacks {missing_in_module}"
    assert not missing_in_iaa, f"iaa lacks {missing_in_iaa}"
    for name in names:
        assert issubclass(getattr(mod, name), iaa.Augmenter), name


@pytest.mark.parametrize("name", FACTORY_ALIASES)
def test_factory_aliases_exist(name: str) -> None:
    assert callable(getattr(iaa, name))
