import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

# The contract images are (64, 72, C); the dot scene is (128, 144, C).
_WARP = ("bool", "uint8", "uint16", "int8", "int16", "int32", "float16", "float32", "float64")
_ALL = ("bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
        "float16", "float32", "float64")
_RESIZE = ("uint8", "uint16", "int16", "float32", "float64")


def _moves(cls, kwargs, identity=None, dtypes=_WARP, tolerance=1.5, **extra):
    return Case(cls, kwargs, identity_kwargs=identity, dtypes=dtypes, geometry="moves",
                tolerance=tolerance, **extra)


CASES = [
    _moves(iaa.Affine, {"scale": (0.8, 1.2), "translate_percent": {"x": (-0.1, 0.1)},
                        "rotate": (-30, 30), "shear": (-10, 10), "mode": "ALL",
                        "cval": (0, 255)},
           identity={"scale": 1.0}),
    _moves(iaa.Affine, {}, identity={"rotate": 0.0, "translate_px": 0}, id="Affine-defaults"),
    _moves(iaa.Affine, {"rotate": (-45, 45), "fit_output": True, "order": [0, 1, 3],
                        "shear": {"y": (-10, 10)}},
           identity={"rotate": 0, "fit_output": True}, dtypes=("uint8", "float32"),
           changes_shape=True, id="Affine-fit_output"),
    _moves(iaa.ScaleX, {"scale": (0.7, 1.3)}, identity={"scale": 1.0}),
    _moves(iaa.ScaleY, {"scale": (0.7, 1.3)}, identity={"scale": 1.0}),
    _moves(iaa.TranslateX, {"px": (-10, 10)}, identity={"px": 0}),
    _moves(iaa.TranslateY, {"percent": (-0.1, 0.1)}, identity={"percent": 0.0}),
    _moves(iaa.Rotate, {"rotate": (-40, 40), "order": 0}, identity={"rotate": 0}),
    _moves(iaa.ShearX, {"shear": (-20, 20)}, identity={"shear": 0}),
    _moves(iaa.ShearY, {"shear": (-20, 20)}, identity={"shear": 0}),
    _moves(iaa.AffineCv2, {"rotate": (-30, 30), "scale": (0.8, 1.2),
                           "translate_percent": (-0.1, 0.1), "mode": "ALL"},
           identity={}, dtypes=("uint8", "float32")),
    _moves(iaa.Rot90, {"k": [0, 1, 2, 3], "keep_size": False}, identity={"k": 0},
           dtypes=_ALL, tolerance=0.5, changes_shape=True),
    _moves(iaa.Rot90, {"k": (1, 3)}, identity={"k": 0, "keep_size": False}, dtypes=_RESIZE,
           id="Rot90-keep_size"),
    _moves(iaa.PiecewiseAffine, {"scale": (0.01, 0.05), "nb_rows": (3, 6), "nb_cols": (3, 6)},
           identity={"scale": 0.0}, tolerance=2.0),
    _moves(iaa.PerspectiveTransform, {"scale": (0.02, 0.1), "mode": "ALL"},
           identity={"scale": 0.0}, dtypes=_RESIZE),
    _moves(iaa.PerspectiveTransform, {"scale": (0.02, 0.1), "keep_size": False,
                                      "fit_output": True},
           identity={"scale": 0.0, "keep_size": False}, changes_shape=True,
           id="PerspectiveTransform-fit_output"),
    _moves(iaa.ElasticTransformation, {"alpha": (5, 25), "sigma": (3, 6)},
           identity={"alpha": 0.0}, tolerance=2.0),
    _moves(iaa.WithPolarWarping, {"children": [iaa.Affine(translate_px={"x": (-8, 8)})]},
           dtypes=("uint8", "float32"), tolerance=2.0),
    _moves(iaa.Jigsaw, {"nb_rows": (2, 6), "nb_cols": (2, 6), "max_steps": (1, 2)},
           identity={"nb_rows": 2, "nb_cols": 2, "max_steps": 0}, dtypes=_ALL, tolerance=0.5,
           changes_shape=True),
]
