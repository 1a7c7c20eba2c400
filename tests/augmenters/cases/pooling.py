import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_DTYPES = ("uint8", "uint16", "float32")

CASES = [
    Case(iaa.AveragePooling, {"kernel_size": (2, 4)}, identity_kwargs={"kernel_size": 1},
         dtypes=_DTYPES),
    Case(iaa.MaxPooling, {"kernel_size": (2, 4), "keep_size": False},
         identity_kwargs={"kernel_size": 1}, dtypes=_DTYPES, geometry="moves", tolerance=3.0,
         changes_shape=True),
    Case(iaa.MinPooling, {"kernel_size": (2, 4)}, identity_kwargs={"kernel_size": 1},
         dtypes=_DTYPES),
    Case(iaa.MedianPooling, {"kernel_size": (2, 4)}, identity_kwargs={"kernel_size": 1},
         dtypes=_DTYPES),
]
