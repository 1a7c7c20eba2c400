import numpy as np

import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_DTYPES = ("uint8", "uint16", "int16", "float32", "float64")

CASES = [
    Case(iaa.Convolve, {"matrix": np.array([[0, 0, 0], [0, 0.5, 0], [0, 0, 0]])},
         identity_kwargs={"matrix": None}, stochastic=False, dtypes=_DTYPES),
    Case(iaa.Sharpen, {"alpha": (0.2, 1.0)}, identity_kwargs={"alpha": 0.0}, dtypes=_DTYPES),
    Case(iaa.Emboss, {"alpha": (0.2, 1.0)}, identity_kwargs={"alpha": 0.0}, dtypes=_DTYPES),
    Case(iaa.EdgeDetect, {"alpha": (0.2, 1.0)}, identity_kwargs={"alpha": 0.0},
         dtypes=_DTYPES),
    Case(iaa.DirectedEdgeDetect, {"alpha": (0.2, 1.0)}, identity_kwargs={"alpha": 0.0},
         dtypes=_DTYPES),
]
