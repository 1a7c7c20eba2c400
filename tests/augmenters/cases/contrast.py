import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_DTYPES = ("uint8", "uint16", "int16", "float32", "float64")

CASES = [
    Case(iaa.GammaContrast, {"gamma": (0.5, 2.0)}, identity_kwargs={"gamma": 1.0},
         dtypes=_DTYPES),
    Case(iaa.SigmoidContrast, {"gain": (5, 10), "cutoff": (0.3, 0.6)}, dtypes=_DTYPES),
    Case(iaa.LogContrast, {"gain": (0.6, 1.4)}, identity_kwargs=None, dtypes=_DTYPES),
    Case(iaa.LinearContrast, {"alpha": (0.5, 1.5), "per_channel": 0.5},
         identity_kwargs={"alpha": 1.0}, dtypes=_DTYPES),
]

CASES += [
    Case(iaa.AllChannelsCLAHE, {"clip_limit": (1, 8)}, dtypes=("uint8", "uint16")),
    Case(iaa.CLAHE, {"clip_limit": (1, 8)}),
    Case(iaa.AllChannelsHistogramEqualization, {}, stochastic=False),
    Case(iaa.HistogramEqualization, {}, stochastic=False),
]
