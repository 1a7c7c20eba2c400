"""Superpixel and Voronoi augmenters. Pixel-only (annotations unchanged)."""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2 import dtypes as iadt
from imgaug2 import imgaug as ia
from imgaug2 import parameters as iap
from imgaug2.augmenters._kernels.superpixels import replace_segments_, slic_segments
from imgaug2.augmenters.meta import Augmenter

__all__ = ["Superpixels", "Voronoi", "UniformVoronoi", "RegularGridVoronoi",
           "RelativeRegularGridVoronoi", "PointsSamplerIf", "RegularGridPointsSampler",
           "RelativeRegularGridPointsSampler", "DropoutPointsSampler", "UniformPointsSampler",
           "SubsamplingPointsSampler"]


class Superpixels(Augmenter):
    """Replace a fraction ``p_replace`` of ``n_segments`` superpixels by their mean colour.

    Segments are computed on the image downscaled to ``max_size`` (then upscaled with
    ``interpolation``). uint8 images.
    """

    def __init__(self, p_replace: Any = (0.5, 1.0), n_segments: Any = (50, 120),
                 max_size: int | None = 128, interpolation: str = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p_replace = iap.handle_probability_param(p_replace, "p_replace",
                                                      tuple_to_uniform=True,
                                                      list_to_choice=True)
        self.n_segments = iap.handle_discrete_param(n_segments, "n_segments",
                                                    value_range=(1, None))
        if max_size is not None and (not isinstance(max_size, int) or max_size < 1):
            raise ValueError(f"max_size must be None or an int >= 1, got {max_size!r}")
        self.max_size = max_size
        self.interpolation = interpolation

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        for i, rng in enumerate(random_state.derive_rngs_(len(images))):
            images[i] = self._augment_image(images[i], rng)
        batch.images = images
        return batch

    def _augment_image(self, image: np.ndarray, rng) -> np.ndarray:
        n_segments = int(self.n_segments.draw_sample(random_state=rng))
        h, w = image.shape[0:2]
        small = image
        if self.max_size is not None and max(h, w) > self.max_size:
            factor = self.max_size / max(h, w)
            small = ia.imresize_single_image(image, (max(1, int(round(h * factor))),
                                                     max(1, int(round(w * factor)))))
            if small.ndim == 2:
                small = small[..., None]
        segments = slic_segments(small, n_segments)
        n_found = int(segments.max()) + 1
        replace = np.asarray(self.p_replace.draw_samples((n_found,), random_state=rng)) > 0.5
        if not replace.any():
            return image
        result = replace_segments_(small, segments, replace)
        if result.shape[0:2] != (h, w):
            result = ia.imresize_single_image(result, (h, w), interpolation=self.interpolation)
            if result.ndim == 2:
                result = result[..., None]
        return result

    def get_parameters(self) -> list:
        return [self.p_replace, self.n_segments, self.max_size, self.interpolation]


# ---- Voronoi ---------------------------------------------------------------------------------
class PointsSamplerIf:
    """Interface: ``sample_points(images, random_state) -> list of (N, 2) xy arrays``."""

    def __new__(cls, *args: Any, **kwargs: Any):
        obj = super().__new__(cls)
        obj._ctor_args = (args, kwargs)  # declarative specs (imgaug2.serialization)
        return obj

    def sample_points(self, images, random_state):
        raise NotImplementedError


class RegularGridPointsSampler(PointsSamplerIf):
    """Points on a regular grid of ``n_rows`` x ``n_cols`` (cell centres)."""

    def __init__(self, n_rows: Any, n_cols: Any) -> None:
        self.n_rows = iap.handle_discrete_param(n_rows, "n_rows", value_range=(1, None))
        self.n_cols = iap.handle_discrete_param(n_cols, "n_cols", value_range=(1, None))

    def _grid(self, height: int, width: int, rows: int, cols: int) -> np.ndarray:
        rows, cols = max(1, min(rows, height)), max(1, min(cols, width))
        ys = (np.arange(rows) + 0.5) * height / rows
        xs = (np.arange(cols) + 0.5) * width / cols
        yy, xx = np.meshgrid(ys, xs, indexing="ij")
        return np.stack([xx.ravel(), yy.ravel()], axis=1).astype(np.float32)

    def sample_points(self, images, random_state):
        rows = self.n_rows.draw_samples((len(images),), random_state=random_state)
        cols = self.n_cols.draw_samples((len(images),), random_state=random_state)
        return [self._grid(im.shape[0], im.shape[1], int(r), int(c))
                for im, r, c in zip(images, rows, cols)]


class RelativeRegularGridPointsSampler(RegularGridPointsSampler):
    """Grid with ``n_rows_frac * H`` rows and ``n_cols_frac * W`` columns."""

    def __init__(self, n_rows_frac: Any, n_cols_frac: Any) -> None:
        self.n_rows_frac = iap.handle_continuous_param(n_rows_frac, "n_rows_frac",
                                                       value_range=(0, 1))
        self.n_cols_frac = iap.handle_continuous_param(n_cols_frac, "n_cols_frac",
                                                       value_range=(0, 1))

    def sample_points(self, images, random_state):
        rows = self.n_rows_frac.draw_samples((len(images),), random_state=random_state)
        cols = self.n_cols_frac.draw_samples((len(images),), random_state=random_state)
        return [self._grid(im.shape[0], im.shape[1], int(round(r * im.shape[0])),
                           int(round(c * im.shape[1])))
                for im, r, c in zip(images, rows, cols)]


class DropoutPointsSampler(PointsSamplerIf):
    """Drop each point of another sampler with probability ``p_drop`` (keeps at least one)."""

    def __init__(self, other_points_sampler: PointsSamplerIf, p_drop: Any) -> None:
        self.other_points_sampler = other_points_sampler
        self.p_drop = iap.handle_probability_param(p_drop, "p_drop", tuple_to_uniform=True,
                                                   list_to_choice=True)

    def sample_points(self, images, random_state):
        points = self.other_points_sampler.sample_points(images, random_state)
        result = []
        for pts in points:
            drop = np.asarray(self.p_drop.draw_samples((len(pts),),
                                                       random_state=random_state)) > 0.5
            if drop.all():
                drop[random_state.integers(0, len(pts))] = False
            result.append(pts[~drop])
        return result


class UniformPointsSampler(PointsSamplerIf):
    """``n_points`` points uniformly inside each image."""

    def __init__(self, n_points: Any) -> None:
        self.n_points = iap.handle_discrete_param(n_points, "n_points", value_range=(1, None))

    def sample_points(self, images, random_state):
        counts = self.n_points.draw_samples((len(images),), random_state=random_state)
        return [np.stack([random_state.uniform(0, im.shape[1], int(n)),
                          random_state.uniform(0, im.shape[0], int(n))], axis=1).astype(
                              np.float32) for im, n in zip(images, counts)]


class SubsamplingPointsSampler(PointsSamplerIf):
    """At most ``n_points_max`` points of another sampler (random subset)."""

    def __init__(self, other_points_sampler: PointsSamplerIf, n_points_max: int) -> None:
        self.other_points_sampler = other_points_sampler
        self.n_points_max = int(n_points_max)

    def sample_points(self, images, random_state):
        points = self.other_points_sampler.sample_points(images, random_state)
        return [pts if len(pts) <= self.n_points_max else pts[random_state.choice(
            len(pts), self.n_points_max, replace=False)] for pts in points]


class Voronoi(Augmenter):
    """Paint the Voronoi cells of sampled points with their mean colour (with probability
    ``p_replace`` per cell). uint8 images; computed at most ``max_size`` px, then resized."""

    def __init__(self, points_sampler: PointsSamplerIf, p_replace: Any = 1.0,
                 max_size: int | None = 128, interpolation: str = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        if not isinstance(points_sampler, PointsSamplerIf):
            raise TypeError(f"points_sampler must be a points sampler, got "
                            f"{type(points_sampler).__name__}")
        self.points_sampler = points_sampler
        self.p_replace = iap.handle_probability_param(p_replace, "p_replace",
                                                      tuple_to_uniform=True,
                                                      list_to_choice=True)
        self.max_size = max_size
        self.interpolation = interpolation

    def _augment_batch_(self, batch, random_state, parents, hooks):
        if batch.images is None:
            return batch
        iadt.allow_only_uint8(batch.images, augmenter=self)
        images = batch.writable_images()
        points = self.points_sampler.sample_points(images, random_state)
        for i, (image, pts) in enumerate(zip(images, points)):
            images[i] = self._augment_image(image, pts, random_state)
        batch.images = images
        return batch

    def _augment_image(self, image, points, rng):
        from imgaug2.augmenters._kernels.voronoi import voronoi_labels

        h, w = image.shape[0:2]
        small, scale = image, 1.0
        if self.max_size is not None and max(h, w) > self.max_size:
            scale = self.max_size / max(h, w)
            small = ia.imresize_single_image(image, (max(1, int(h * scale)),
                                                     max(1, int(w * scale))))
            if small.ndim == 2:
                small = small[..., None]
        if len(points) == 0:
            return image
        labels = voronoi_labels(small.shape[0], small.shape[1],
                                np.asarray(points, dtype=np.float32) * scale)
        replace = np.asarray(self.p_replace.draw_samples((len(points),),
                                                         random_state=rng)) > 0.5
        if not replace.any():
            return image
        out = replace_segments_(small, labels, replace)
        if out.shape[0:2] != (h, w):
            out = ia.imresize_single_image(out, (h, w), interpolation=self.interpolation)
            if out.ndim == 2:
                out = out[..., None]
        return out

    def get_parameters(self) -> list:
        return [self.points_sampler, self.p_replace, self.max_size, self.interpolation]


class UniformVoronoi(Voronoi):
    """Voronoi cells around ``n_points`` uniformly sampled points."""

    def __init__(self, n_points: Any = (50, 500), p_replace: Any = (0.5, 1.0),
                 max_size: int | None = 128, interpolation: str = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(UniformPointsSampler(n_points), p_replace, max_size, interpolation,
                         seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)


class RegularGridVoronoi(Voronoi):
    """Voronoi cells of a regular grid, points dropped with ``p_drop_points``."""

    def __init__(self, n_rows: Any = (10, 30), n_cols: Any = (10, 30),
                 p_drop_points: Any = (0.0, 0.5), p_replace: Any = (0.5, 1.0),
                 max_size: int | None = 128, interpolation: str = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        sampler = DropoutPointsSampler(RegularGridPointsSampler(n_rows, n_cols), p_drop_points)
        super().__init__(sampler, p_replace, max_size, interpolation, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


class RelativeRegularGridVoronoi(Voronoi):
    """Voronoi cells of a grid whose size is a fraction of the image size."""

    def __init__(self, n_rows_frac: Any = (0.05, 0.15), n_cols_frac: Any = (0.05, 0.15),
                 p_drop_points: Any = (0.0, 0.5), p_replace: Any = (0.5, 1.0),
                 max_size: int | None = None, interpolation: str = "linear", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        sampler = DropoutPointsSampler(
            RelativeRegularGridPointsSampler(n_rows_frac, n_cols_frac), p_drop_points)
        super().__init__(sampler, p_replace, max_size, interpolation, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)
