import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_DTYPES = ("uint8", "uint16", "int16", "float32", "float64")

CASES = [
    Case(iaa.Add, {"value": (-30, 30)}, identity_kwargs={"value": 0}, dtypes=_DTYPES),
    Case(iaa.Multiply, {"mul": (0.5, 1.5), "per_channel": 0.5}, identity_kwargs={"mul": 1.0},
         dtypes=_DTYPES),
    Case(iaa.AddElementwise, {"value": (-20, 20)}, identity_kwargs={"value": 0},
         dtypes=_DTYPES),
    Case(iaa.MultiplyElementwise, {"mul": (0.8, 1.2)}, identity_kwargs={"mul": 1.0},
         dtypes=_DTYPES),
    Case(iaa.AdditiveGaussianNoise, {"scale": (5, 20)}, identity_kwargs={"scale": 0},
         dtypes=_DTYPES),
    Case(iaa.ReplaceElementwise, {"mask": 0.1, "replacement": (0, 255)},
         identity_kwargs={"mask": 0.0, "replacement": 0},
         dtypes=("uint8", "uint32", "int32", "float32")),
    Case(iaa.Dropout, {"p": (0.05, 0.2)}, identity_kwargs={"p": 0.0},
         dtypes=_DTYPES + ("uint32", "int32", "bool")),
    Case(iaa.CoarseDropout, {"p": 0.2, "size_percent": 0.2}, identity_kwargs={"p": 0.0},
         dtypes=_DTYPES),
]

CASES += [
    Case(iaa.AdditiveLaplaceNoise, {"scale": (5, 20)}, identity_kwargs={"scale": 0},
         dtypes=_DTYPES),
    Case(iaa.AdditivePoissonNoise, {"lam": (2, 10)}, identity_kwargs={"lam": 0},
         dtypes=_DTYPES),
    Case(iaa.SaltAndPepper, {"p": 0.1}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.ImpulseNoise, {"p": 0.1}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.Salt, {"p": 0.1}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.Pepper, {"p": 0.1}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.CoarseSaltAndPepper, {"p": 0.2, "size_percent": 0.2},
         identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.CoarseSalt, {"p": 0.2, "size_percent": 0.2}, identity_kwargs={"p": 0.0},
         dtypes=_DTYPES),
    Case(iaa.CoarsePepper, {"p": 0.2, "size_percent": 0.2}, identity_kwargs={"p": 0.0},
         dtypes=_DTYPES),
    Case(iaa.Dropout2d, {"p": 0.5}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.TotalDropout, {"p": 0.5}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES,
         geometry="skip"),
    Case(iaa.Cutout, {"nb_iterations": (1, 3), "size": (0.1, 0.4)},
         identity_kwargs={"nb_iterations": 0}, dtypes=_DTYPES),
    Case(iaa.Invert, {"p": 0.5, "per_channel": 0.5}, identity_kwargs={"p": 0.0},
         dtypes=_DTYPES + ("uint32", "uint64", "int8", "int64", "bool")),
    Case(iaa.Solarize, {"p": 0.5}, identity_kwargs={"p": 0.0}, dtypes=_DTYPES),
    Case(iaa.JpegCompression, {"compression": (50, 99)}),
]
