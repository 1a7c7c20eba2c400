"""Stochastic parameters (imgaug 0.4.0's ``imgaug.parameters``) and the ``handle_*`` rules.

Every parameter samples only from the RNG passed to ``draw_samples`` (None = the global RNG), so
the same RNG state always gives the same samples. imgaug2 never prefetches samples; the
``prefetch`` arguments and ``toggled_prefetching``/``no_prefetching`` exist for compatibility.

Modules: ``base`` (StochasticParameter, operators), ``handles`` (argument rules), ``discrete``,
``continuous``, ``arithmetic``, ``transforms``, ``noise`` and ``plotting``.
"""

from imgaug2.parameters.arithmetic import Add, Divide, Multiply, Power, Subtract
from imgaug2.parameters.base import StochasticParameter
from imgaug2.parameters.continuous import (
    Beta,
    ChiSquare,
    Laplace,
    Normal,
    TruncatedNormal,
    Uniform,
    Weibull,
)
from imgaug2.parameters.discrete import (
    Binomial,
    Choice,
    Deterministic,
    DeterministicList,
    DiscreteUniform,
    Poisson,
)
from imgaug2.parameters.handles import (
    ALL,
    both_np_float_if_one_is_float,
    force_np_float_dtype,
    handle_categorical_string_param,
    handle_continuous_param,
    handle_discrete_kernel_size_param,
    handle_discrete_param,
    handle_probability_param,
    no_prefetching,
    toggled_prefetching,
)
from imgaug2.parameters.noise import (
    FrequencyNoise,
    FromLowerResolution,
    IterativeNoiseAggregator,
    Sigmoid,
    SimplexNoise,
)
from imgaug2.parameters.plotting import draw_distributions_grid, show_distributions_grid
from imgaug2.parameters.transforms import (
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
    "both_np_float_if_one_is_float", "draw_distributions_grid", "force_np_float_dtype",
    "handle_categorical_string_param", "handle_continuous_param",
    "handle_discrete_kernel_size_param", "handle_discrete_param", "handle_probability_param",
    "no_prefetching", "show_distributions_grid", "toggled_prefetching",
]
