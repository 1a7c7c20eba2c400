import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_DTYPES = ("bool", "uint8", "uint16", "int16", "float32", "float64")

CASES = [
    Case(iaa.GaussianBlur, {"sigma": (0.5, 2.0)}, identity_kwargs={"sigma": 0.0},
         dtypes=_DTYPES),
    Case(iaa.AverageBlur, {"k": (3, 7)}, identity_kwargs={"k": 1}, dtypes=_DTYPES),
    Case(iaa.MedianBlur, {"k": (3, 7)}, identity_kwargs={"k": 1},
         dtypes=("uint8", "uint16", "float32")),
    Case(iaa.BilateralBlur, {"d": (3, 9)}, dtypes=("uint8",)),
    Case(iaa.MotionBlur, {"k": (3, 7)}, dtypes=("uint8", "uint16", "float32")),
]

CASES += [Case(iaa.MeanShiftBlur, {"spatial_radius": (3, 10), "color_radius": (5, 20)},
               dtypes=("uint8",))]
