from imgaug2.augmenters import size as iaa_size
from tests.augmenters.cases import Case

# The contract images are (64, 72, C); the dot scene is (128, 144, C).
_ALL_DTYPES = ("bool", "uint8", "uint16", "int8", "int16", "int32", "float32", "float64")
_RESIZE_DTYPES = ("uint8", "uint16", "int16", "float32", "float64")
_SAME_RATIO = 72 / 64


def _moves(cls, kwargs, identity=None, stochastic=True, dtypes=_ALL_DTYPES,
           changes_shape=True, tolerance=2.0, id=None):
    return Case(cls, kwargs, identity_kwargs=identity, dtypes=dtypes, stochastic=stochastic,
                geometry="moves", tolerance=tolerance, changes_shape=changes_shape, id=id)


CASES = [
    _moves(iaa_size.Resize, {"size": (0.75, 1.25), "interpolation": "linear"},
           identity={"size": "keep"}, dtypes=_RESIZE_DTYPES),
    _moves(iaa_size.Resize, {"size": {"height": (60, 100), "width": "keep-aspect-ratio"},
                             "interpolation": ["nearest", "linear", "cubic"]},
           identity={"size": 1.0}, dtypes=("uint8", "float32"), id="Resize-dict"),
    _moves(iaa_size.CropAndPad, {"px": (-10, 10), "pad_mode": ["constant", "edge"],
                                 "pad_cval": (0, 255)},
           identity={"px": 0}, dtypes=_RESIZE_DTYPES, changes_shape=False),
    _moves(iaa_size.CropAndPad, {"percent": (-0.2, 0.2), "keep_size": False,
                                 "pad_mode": "ALL"},
           identity={"percent": 0.0, "keep_size": False}, dtypes=_ALL_DTYPES,
           id="CropAndPad-no-keep-size"),
    _moves(iaa_size.Pad, {"px": (0, 12), "keep_size": False, "pad_mode": "reflect"},
           identity={"px": 0}, dtypes=_ALL_DTYPES),
    _moves(iaa_size.Crop, {"percent": (0.0, 0.2)}, identity={"px": 0},
           dtypes=_RESIZE_DTYPES, changes_shape=False),
    _moves(iaa_size.PadToFixedSize, {"width": 100, "height": 90},
           identity={"width": 8, "height": 8}),
    _moves(iaa_size.CenterPadToFixedSize, {"width": 100, "height": 90, "pad_mode": "edge"},
           identity={"width": None, "height": None}, stochastic=False),
    _moves(iaa_size.CropToFixedSize, {"width": 64, "height": 60, "position": "normal"},
           identity={"width": 1000, "height": 1000}),
    _moves(iaa_size.CenterCropToFixedSize, {"width": 64, "height": 60},
           identity={"width": None, "height": None}, stochastic=False),
    _moves(iaa_size.CropToMultiplesOf, {"width_multiple": 10, "height_multiple": 10},
           identity={"width_multiple": 8, "height_multiple": 8}),
    _moves(iaa_size.CenterCropToMultiplesOf, {"width_multiple": 10, "height_multiple": 10},
           identity={"width_multiple": None, "height_multiple": None}, stochastic=False),
    _moves(iaa_size.PadToMultiplesOf, {"width_multiple": 10, "height_multiple": 10},
           identity={"width_multiple": 8, "height_multiple": 8}),
    _moves(iaa_size.CenterPadToMultiplesOf, {"width_multiple": 10, "height_multiple": 10},
           identity={"width_multiple": 1, "height_multiple": 1}, stochastic=False),
    _moves(iaa_size.CropToPowersOf, {"width_base": 2, "height_base": 3},
           identity={"width_base": None, "height_base": None}),
    _moves(iaa_size.CenterCropToPowersOf, {"width_base": 2, "height_base": 2},
           identity={"width_base": None, "height_base": None}, stochastic=False),
    _moves(iaa_size.PadToPowersOf, {"width_base": 2, "height_base": 3},
           identity={"width_base": None, "height_base": None}),
    _moves(iaa_size.CenterPadToPowersOf, {"width_base": 2, "height_base": 2},
           identity={"width_base": None, "height_base": None}, stochastic=False),
    _moves(iaa_size.CropToAspectRatio, {"aspect_ratio": 2.0},
           identity={"aspect_ratio": _SAME_RATIO}),
    _moves(iaa_size.CenterCropToAspectRatio, {"aspect_ratio": 2.0},
           identity={"aspect_ratio": _SAME_RATIO}, stochastic=False),
    _moves(iaa_size.PadToAspectRatio, {"aspect_ratio": 2.0},
           identity={"aspect_ratio": _SAME_RATIO}),
    _moves(iaa_size.CenterPadToAspectRatio, {"aspect_ratio": 2.0, "pad_mode": "symmetric"},
           identity={"aspect_ratio": _SAME_RATIO}, stochastic=False),
    _moves(iaa_size.CropToSquare, {}),
    _moves(iaa_size.CenterCropToSquare, {}, stochastic=False),
    _moves(iaa_size.PadToSquare, {"pad_cval": (0, 255)}),
    _moves(iaa_size.CenterPadToSquare, {}, stochastic=False),
    _moves(iaa_size.KeepSizeByResize,
           {"children": [iaa_size.CenterCropToFixedSize(width=50, height=40)],
            "interpolation": ["nearest", "linear", "cubic", "area"]},
           identity={"children": []}, dtypes=_RESIZE_DTYPES, changes_shape=False),
]
