"""Stochastic parameters (imgaug 0.4.0's ``imgaug.parameters``) and the ``handle_*`` rules.

Sampling uses only the RNG passed to ``draw_samples``; no prefetching is done.
"""

from imgaug2.parameters._arithmetic import Add, Divide, Multiply, Power, Subtract
from imgaug2.parameters._base import StochasticParameter
from imgaug2.parameters._continuous import (
    Beta,
    Binomial,
    ChiSquare,
    Choice,
    Deterministic,
    DeterministicList,
    DiscreteUniform,
    Laplace,
    Normal,
    Poisson,
    TruncatedNormal,
    Uniform,
    Weibull,
)
from imgaug2.parameters._handles import (
    ALL,
    both_np_float_if_one_is_float,
    force_np_float_dtype,
    handle_categorical_string_param,
    handle_continuous_param,
    handle_discrete_kernel_size_param,
    handle_discrete_param,
    handle_probability_param,
    is_prefetching_enabled,
    no_prefetching,
    toggled_prefetching,
)
from imgaug2.parameters._noise import (
    FrequencyNoise,
    FromLowerResolution,
    IterativeNoiseAggregator,
    Sigmoid,
    SimplexNoise,
)
from imgaug2.parameters._transforms import (
    Absolute,
    Clip,
    Discretize,
    ForceSign,
    Negative,
    Positive,
    RandomSign,
)

__all__ = [
    "ALL", "Absolute", "Add", "Beta", "Binomial", "ChiSquare", "Choice", "Clip", "Deterministic",
    "DeterministicList", "DiscreteUniform", "Discretize", "Divide", "ForceSign",
    "FrequencyNoise", "FromLowerResolution", "IterativeNoiseAggregator", "Laplace", "Multiply",
    "Negative", "Normal", "Poisson", "Positive", "Power", "RandomSign", "Sigmoid",
    "SimplexNoise", "StochasticParameter", "Subtract", "TruncatedNormal", "Uniform", "Weibull",
    "both_np_float_if_one_is_float", "force_np_float_dtype", "handle_categorical_string_param",
    "handle_continuous_param", "handle_discrete_kernel_size_param", "handle_discrete_param",
    "handle_probability_param", "is_prefetching_enabled", "no_prefetching",
    "toggled_prefetching",
]


def draw_distributions_grid(params, rows=None, cols=None, graph_sizes=(350, 350),
                            sample_sizes=None, titles=None):
    """Histograms of several parameters in one grid image (needs matplotlib)."""
    import cv2

    from imgaug2 import imgaug as ia

    titles = titles or [None] * len(params)
    sizes = sample_sizes or [(1000, 1000)] * len(params)
    images = [cv2.resize(p.draw_distribution_graph(title=t, size=s),
                         (graph_sizes[1], graph_sizes[0]))
              for p, t, s in zip(params, titles, sizes)]
    return ia.draw_grid(images, rows=rows, cols=cols)


def show_distributions_grid(params, rows=None, cols=None, graph_sizes=(350, 350),
                            sample_sizes=None, titles=None):
    from imgaug2 import imgaug as ia

    ia.imshow(draw_distributions_grid(params, rows, cols, graph_sizes, sample_sizes, titles))
