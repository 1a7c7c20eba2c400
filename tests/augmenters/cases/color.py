import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

CASES = [
    Case(iaa.Grayscale, {"alpha": (0.0, 1.0)}, identity_kwargs={"alpha": 0.0}),
]
