import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

_DTYPES = ("bool", "uint8", "uint16", "int16", "float32", "float64")

CASES = [
    Case(iaa.Affine, {"scale": (0.8, 1.2), "translate_percent": {"x": (-0.1, 0.1)},
                      "rotate": (-30, 30), "shear": (-10, 10)},
         identity_kwargs={}, dtypes=_DTYPES, geometry="moves", tolerance=2.5),
    Case(iaa.Affine, {"rotate": (-45, 45), "fit_output": True, "order": 0}, dtypes=("uint8",),
         geometry="moves", tolerance=2.5, changes_shape=True, id="Affine-fit_output"),
    Case(iaa.ScaleX, {"scale": (0.7, 1.3)}, identity_kwargs={"scale": 1.0}, geometry="moves"),
    Case(iaa.ScaleY, {"scale": (0.7, 1.3)}, identity_kwargs={"scale": 1.0}, geometry="moves"),
    Case(iaa.TranslateX, {"px": (-10, 10)}, identity_kwargs={"px": 0}, geometry="moves"),
    Case(iaa.TranslateY, {"percent": (-0.1, 0.1)}, identity_kwargs={"percent": 0.0},
         geometry="moves"),
    Case(iaa.Rotate, {"rotate": (-40, 40)}, identity_kwargs={"rotate": 0}, geometry="moves",
         tolerance=2.5),
    Case(iaa.ShearX, {"shear": (-20, 20)}, identity_kwargs={"shear": 0}, geometry="moves",
         tolerance=2.5),
    Case(iaa.ShearY, {"shear": (-20, 20)}, identity_kwargs={"shear": 0}, geometry="moves",
         tolerance=2.5),
    Case(iaa.Rot90, {"k": [0, 1, 2, 3], "keep_size": False}, identity_kwargs={"k": 0},
         dtypes=_DTYPES, geometry="moves", tolerance=0.5, changes_shape=True),
    Case(iaa.PerspectiveTransform, {"scale": (0.02, 0.1)}, identity_kwargs={"scale": 0.0},
         dtypes=_DTYPES, geometry="moves", tolerance=2.5),
    Case(iaa.ElasticTransformation, {"alpha": (5, 15), "sigma": (3, 5)},
         identity_kwargs={"alpha": 0.0}, dtypes=_DTYPES, geometry="moves", tolerance=3.0),
    Case(iaa.PiecewiseAffine, {"scale": (0.01, 0.04)}, identity_kwargs={"scale": 0.0},
         dtypes=_DTYPES, geometry="moves", tolerance=3.0),
]
