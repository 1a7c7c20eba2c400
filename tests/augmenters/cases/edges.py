import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

CASES = [Case(iaa.Canny, {"alpha": (0.5, 1.0)}, identity_kwargs={"alpha": 0.0})]
