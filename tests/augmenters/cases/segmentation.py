import imgaug2.augmenters as iaa
from tests.augmenters.cases import Case

CASES = [
    Case(iaa.Superpixels, {"p_replace": (0.5, 1.0), "n_segments": (16, 32), "max_size": 48},
         identity_kwargs={"p_replace": 0.0}),
]

CASES += [
    Case(iaa.Voronoi, {"points_sampler": iaa.segmentation.RegularGridPointsSampler(4, 4),
                       "p_replace": (0.3, 0.9)},
         identity_kwargs={"points_sampler": iaa.segmentation.RegularGridPointsSampler(4, 4),
                          "p_replace": 0.0}, stochastic=True),
    Case(iaa.UniformVoronoi, {"n_points": (20, 50)}, identity_kwargs={"p_replace": 0.0}),
    Case(iaa.RegularGridVoronoi, {"n_rows": (4, 8), "n_cols": (4, 8)},
         identity_kwargs={"p_replace": 0.0}),
    Case(iaa.RelativeRegularGridVoronoi, {"n_rows_frac": (0.1, 0.2), "n_cols_frac": (0.1, 0.2)},
         identity_kwargs={"p_replace": 0.0}),
]
