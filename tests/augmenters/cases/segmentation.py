import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

CASES = [
    Case(iaa.Superpixels, {"p_replace": (0.5, 1.0), "n_segments": (16, 32), "max_size": 48},
         identity_kwargs={"p_replace": 0.0}),
]
