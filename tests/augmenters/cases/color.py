import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

CASES = [
    Case(iaa.Grayscale, {"alpha": (0.0, 1.0)}, identity_kwargs={"alpha": 0.0}),
    Case(iaa.WithColorspace, {"to_colorspace": "HSV", "children": [iaa.Add((-20, 20))]},
         identity_kwargs={"to_colorspace": "RGB", "children": []}),
    Case(iaa.WithBrightnessChannels, {"children": [iaa.Add((-30, 30))]}),
    Case(iaa.MultiplyAndAddToBrightness, {}),  # colour-space round trips are lossy
    Case(iaa.MultiplyBrightness, {"mul": (0.5, 1.5)}),
    Case(iaa.AddToBrightness, {"add": (-40, 40)}),
    Case(iaa.WithHueAndSaturation, {"children": [iaa.Add((-20, 20))]}),
    Case(iaa.MultiplyHueAndSaturation, {"mul": (0.5, 1.5)}),
    Case(iaa.MultiplyHue, {"mul": (0.5, 1.5)}),
    Case(iaa.MultiplySaturation, {"mul": (0.0, 2.0)}),
    Case(iaa.RemoveSaturation, {"mul": (0.2, 1.0)}),
    Case(iaa.AddToHueAndSaturation, {"value": (-40, 40)}),
    Case(iaa.AddToHue, {"value": (-60, 60)}),
    Case(iaa.AddToSaturation, {"value": (-60, 60)}),
    Case(iaa.ChangeColorspace, {"to_colorspace": ["HSV", "Lab"], "alpha": (0.5, 1.0)},
         identity_kwargs={"to_colorspace": "HSV", "alpha": 0.0}),
    Case(iaa.ChangeColorTemperature, {"kelvin": (2000, 10000)}),
    Case(iaa.KMeansColorQuantization, {"n_colors": (2, 8)}),
    Case(iaa.UniformColorQuantization, {"n_colors": (2, 8)}),
    Case(iaa.UniformColorQuantizationToNBits, {"nb_bits": (1, 6)},
         identity_kwargs={"nb_bits": 8}),
    Case(iaa.Posterize, {"nb_bits": (1, 6)}, identity_kwargs={"nb_bits": 8}),
]
