import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case


def _images_passthrough(images, random_state, parents, hooks):
    return images


def _always_true(values, random_state, parents, hooks):
    return True


CASES = [
    Case(iaa.Sequential, {"children": [iaa.Fliplr(0.5)]},
         identity_kwargs={"children": []}, geometry="moves", tolerance=0.5),
    Case(iaa.SomeOf, {"n": (1, 2), "children": [iaa.Fliplr(1.0), iaa.Flipud(1.0),
                                                 iaa.ChannelShuffle(1.0)]},
         identity_kwargs={"n": 0, "children": [iaa.Fliplr(1.0)]}, geometry="moves",
         tolerance=0.5),
    Case(iaa.OneOf, {"children": [iaa.Fliplr(1.0), iaa.Flipud(1.0)]}, geometry="moves",
         tolerance=0.5),
    Case(iaa.Sometimes, {"p": 0.5, "then_list": [iaa.Fliplr(1.0)],
                         "else_list": [iaa.Flipud(1.0)]},
         identity_kwargs={"p": 0.0, "then_list": [iaa.Fliplr(1.0)]}, geometry="moves",
         tolerance=0.5),
    Case(iaa.WithChannels, {"channels": [0], "children": [iaa.Fliplr(0.5)]},
         geometry="skip", identity_kwargs={"channels": [], "children": [iaa.Fliplr(1.0)]}),
    Case(iaa.Identity, identity_kwargs={}, stochastic=False,
         dtypes=("bool", "uint8", "uint16", "int8", "int32", "float32", "float64")),
    Case(iaa.Noop, identity_kwargs={}, stochastic=False, dtypes=("uint8", "float32")),
    Case(iaa.Lambda, {"func_images": _images_passthrough}, identity_kwargs={},
         stochastic=False),
    Case(iaa.AssertLambda, {"func_images": _always_true}, identity_kwargs={},
         stochastic=False),
    Case(iaa.AssertShape, {"shape": (None, (16, 1024), (16, 1024), [1, 3])},
         identity_kwargs={"shape": (None, None, None, None)}, stochastic=False),
    Case(iaa.ChannelShuffle, {"p": 1.0}, identity_kwargs={"p": 0.0},
         dtypes=("bool", "uint8", "uint16", "float32")),
    Case(iaa.RemoveCBAsByOutOfImageFraction, {"fraction": 0.5}, identity_kwargs=None,
         stochastic=False),
    Case(iaa.ClipCBAsToImagePlanes, identity_kwargs=None, stochastic=False),
]
