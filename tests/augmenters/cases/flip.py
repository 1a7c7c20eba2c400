import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_ALL = ("bool", "uint8", "uint16", "int8", "int16", "int32", "float16", "float32", "float64")

CASES = [
    Case(iaa.Fliplr, {"p": 0.5}, identity_kwargs={"p": 0.0}, dtypes=_ALL, geometry="moves",
         tolerance=0.5),
    Case(iaa.Flipud, {"p": 0.5}, identity_kwargs={"p": 0.0}, dtypes=_ALL, geometry="moves",
         tolerance=0.5),
]
