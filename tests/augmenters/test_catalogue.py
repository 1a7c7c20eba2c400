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
    "color": "WithColorspace WithBrightnessChannels MultiplyAndAddToBrightness MultiplyBrightness "
             "AddToBrightness WithHueAndSaturation MultiplyHueAndSaturation MultiplyHue "
             "MultiplySaturation RemoveSaturation AddToHueAndSaturation AddToHue AddToSaturation "
             "ChangeColorspace Grayscale ChangeColorTemperature KMeansColorQuantization "
             "UniformColorQuantization UniformColorQuantizationToNBits Posterize",
    "contrast": "GammaContrast SigmoidContrast LogContrast LinearContrast AllChannelsCLAHE CLAHE "
                "AllChannelsHistogramEqualization HistogramEqualization",
    "convolutional": "Convolve Sharpen Emboss EdgeDetect DirectedEdgeDetect",
    "edges": "Canny",
    "flip": "Fliplr Flipud",
    "geometric": "Affine ScaleX ScaleY TranslateX TranslateY Rotate ShearX ShearY AffineCv2 "
                 "PiecewiseAffine PerspectiveTransform ElasticTransformation Rot90 "
                 "WithPolarWarping Jigsaw",
    "pooling": "AveragePooling MaxPooling MinPooling MedianPooling",
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


# imgaug 0.4.0's module-level functions of the part-1 modules that user code calls.
MODULE_FUNCTIONS = {
    "meta": "clip_augmented_image_ clip_augmented_image clip_augmented_images_ "
            "clip_augmented_images reduce_to_nonempty invert_reduce_to_nonempty "
            "estimate_max_number_of_channels copy_arrays handle_children_list shuffle_channels",
    "arithmetic": "add_scalar add_scalar_ add_elementwise multiply_scalar multiply_scalar_ "
                  "multiply_elementwise multiply_elementwise_ cutout cutout_ "
                  "replace_elementwise_ invert invert_ solarize solarize_ compress_jpeg",
    "blur": "blur_gaussian_ blur_mean_shift_",
    "color": "change_colorspace_ change_colorspaces_ change_color_temperatures_ "
             "change_color_temperature quantize_colors_kmeans quantize_kmeans "
             "quantize_colors_uniform quantize_uniform quantize_uniform_ "
             "quantize_uniform_to_n_bits quantize_uniform_to_n_bits_ posterize",
    "contrast": "adjust_contrast_gamma adjust_contrast_sigmoid adjust_contrast_log "
                "adjust_contrast_linear",
    "edges": "RandomColorsBinaryImageColorizer IBinaryImageColorizer",
    "flip": "fliplr flipud",
    "size": "pad pad_to_aspect_ratio pad_to_multiples_of compute_paddings_to_reach_aspect_ratio "
            "compute_croppings_to_reach_aspect_ratio compute_paddings_to_reach_multiples_of "
            "compute_croppings_to_reach_multiples_of compute_paddings_to_reach_powers_of "
            "compute_croppings_to_reach_powers_of",
}


@pytest.mark.parametrize("module", sorted(MODULE_FUNCTIONS))
def test_module_offers_imgaugs_functions(module: str) -> None:
    mod = importlib.import_module(f"imgaug2.augmenters.{module}")
    missing = [n for n in MODULE_FUNCTIONS[module].split() if not callable(getattr(mod, n, None))]
    assert not missing, f"imgaug2.augmenters.{module} lacks {missing}"
