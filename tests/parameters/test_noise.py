"""SimplexNoise, FrequencyNoise, IterativeNoiseAggregator, Sigmoid, FromLowerResolution and
their kernels (checked against scalar / OpenCV / FFT references)."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from imgaug2 import parameters as iap
from imgaug2 import random as iarandom
from imgaug2.parameters import _noise_kernels as kernels


def rng(seed: int = 0) -> iarandom.RNG:
    return iarandom.RNG(seed)


# ---- kernels ----------------------------------------------------------------------------------
def _simplex_reference(x: float, y: float, seed: int) -> float:
    """Scalar 2D simplex noise, written out point by point."""
    f2 = 0.5 * (math.sqrt(3) - 1)
    g2 = (3 - math.sqrt(3)) / 6
    s = (x + y) * f2
    i, j = math.floor(x + s), math.floor(y + s)
    t = (i + j) * g2
    x0, y0 = x - (i - t), y - (j - t)
    i1, j1 = (1, 0) if x0 > y0 else (0, 1)
    total = 0.0
    for ci, cj, dx, dy in ((i, j, x0, y0),
                           (i + i1, j + j1, x0 - i1 + g2, y0 - j1 + g2),
                           (i + 1, j + 1, x0 - 1 + 2 * g2, y0 - 1 + 2 * g2)):
        falloff = 0.5 - dx * dx - dy * dy
        if falloff > 0:
            angle = kernels._gradient_angles(np.array([ci]), np.array([cj]), np.uint64(seed))[0]
            total += falloff ** 4 * (math.cos(angle) * dx + math.sin(angle) * dy)
    return total * kernels._SIMPLEX_SCALE


def test_simplex_kernel_matches_scalar_reference() -> None:
    points = np.random.default_rng(0).uniform(0, 40, size=(200, 2))
    vectorised = kernels.simplex_noise_2d(points[:, 0], points[:, 1], seed=12345)
    reference = [_simplex_reference(x, y, 12345) for x, y in points]
    assert np.allclose(vectorised, reference, atol=1e-12)
    assert np.abs(vectorised).max() <= 1.0


def test_simplex_kernel_is_smooth_and_seeded() -> None:
    def max_step(points: int) -> float:
        xs = np.linspace(0, 20, points)
        return np.abs(np.diff(kernels.simplex_noise_2d(xs, np.full_like(xs, 3.3), 7))).max()

    # continuous: ten times smaller moves give about ten times smaller steps
    assert max_step(20001) < max_step(2001) / 5
    xs = np.linspace(0, 20, 2001)
    noise = kernels.simplex_noise_2d(xs, np.full_like(xs, 3.3), seed=7)
    other = kernels.simplex_noise_2d(xs, np.full_like(xs, 3.3), seed=8)
    assert not np.allclose(noise, other)


@pytest.mark.parametrize("exponent", [-3.0, 0.0, 2.0])
def test_frequency_kernel_has_the_requested_power_law(exponent) -> None:
    white = np.random.default_rng(1).standard_normal((16, 24, 2))
    plane = kernels.frequency_noise_plane(white, exponent).astype(np.float64)
    assert plane.min() == 0.0 and plane.max() == pytest.approx(1.0)
    # FFT of the real part of ifft2(S * w) is w * (S(k) + conj(S(-k))) / 2, up to scale
    spectrum = white[..., 0] + 1j * white[..., 1]
    mirrored = np.conj(np.roll(spectrum[::-1, ::-1], 1, axis=(0, 1)))
    symmetric = (spectrum + mirrored) / 2
    ratio = np.abs(np.fft.fft2(plane))[1:, 1:] / np.abs(symmetric)[1:, 1:]
    fy = np.minimum(np.arange(16), 16 - np.arange(16))[1:, None]
    fx = np.minimum(np.arange(24), 24 - np.arange(24))[None, 1:]
    expected = np.sqrt(fy ** 2 + fx ** 2) ** exponent
    normalised = ratio / expected
    assert np.allclose(normalised, normalised.mean(), rtol=1e-4)


@pytest.mark.parametrize("method", ["linear", "cubic", "area"])
def test_resize_plane_matches_opencv(method) -> None:
    src = np.random.default_rng(2).random((5, 7, 3)).astype(np.float32)
    flag = kernels.INTERPOLATIONS[method]
    out = kernels.resize_plane(src, 20, 30, flag)
    assert np.allclose(out, cv2.resize(src, (30, 20), interpolation=flag))


def test_resize_plane_nearest_keeps_dtype_and_matches_opencv() -> None:
    src = np.random.default_rng(3).integers(0, 100, size=(5, 7, 2)).astype(np.int32)
    out = kernels.resize_plane(src, 23, 31, cv2.INTER_NEAREST)
    assert out.dtype == np.int32
    assert np.array_equal(out, cv2.resize(src, (31, 23), interpolation=cv2.INTER_NEAREST))
    many = np.zeros((2, 3, 600), dtype=np.float32)
    assert kernels.resize_plane(many, 4, 6, cv2.INTER_LINEAR).shape == (4, 6, 600)


def test_interpolation_flag_errors() -> None:
    assert kernels.interpolation_flag("cubic", "m") == cv2.INTER_CUBIC
    assert kernels.interpolation_flag(cv2.INTER_AREA, "m") == cv2.INTER_AREA
    with pytest.raises(ValueError, match="upscale_method"):
        kernels.interpolation_flag("lanczos", "upscale_method")


# ---- SimplexNoise / FrequencyNoise -------------------------------------------------------------
@pytest.mark.parametrize("cls", [iap.SimplexNoise, iap.FrequencyNoise])
def test_noise_shapes_range_and_channels(cls) -> None:
    param = cls()
    plane = param.draw_samples((40, 50), random_state=rng())
    assert plane.shape == (40, 50) and plane.dtype == np.float32
    assert plane.min() >= 0 and plane.max() <= 1 and plane.std() > 0.02
    channels = param.draw_samples((40, 50, 3), random_state=rng())
    assert channels.shape == (40, 50, 3)
    assert not np.array_equal(channels[..., 0], channels[..., 1])
    tiny = param.draw_samples((1, 1), random_state=rng())
    assert tiny.shape == (1, 1) and 0 <= tiny[0, 0] <= 1
    with pytest.raises(ValueError, match=r"\(H, W\)"):
        param.draw_samples(10, random_state=rng())


@pytest.mark.parametrize("cls", [iap.SimplexNoise, iap.FrequencyNoise])
def test_noise_is_upscaled_from_a_small_plane(cls) -> None:
    param = cls(size_px_max=4, upscale_method="nearest")
    plane = param.draw_samples((64, 64), random_state=rng())
    assert len(np.unique(plane)) <= 16  # a 4x4 plane, nearest neighbour upscaled
    smooth = cls(size_px_max=4, upscale_method="linear").draw_samples((64, 64), rng())
    assert len(np.unique(smooth)) > 16


def test_noise_upscale_method_rules() -> None:
    everything = iap.SimplexNoise(upscale_method=iap.ALL).upscale_method
    assert isinstance(everything, iap.Choice)
    assert set(everything.a) == {"nearest", "linear", "area", "cubic"}
    assert isinstance(iap.FrequencyNoise(upscale_method="cubic").upscale_method,
                      iap.Deterministic)
    iap.SimplexNoise(upscale_method=cv2.INTER_LINEAR).draw_samples((8, 8), rng())
    with pytest.raises(ValueError, match="upscale_method"):
        iap.SimplexNoise(upscale_method="lanczos")
    with pytest.raises(TypeError, match="upscale_method"):
        iap.SimplexNoise(upscale_method=1.5)
    with pytest.raises(ValueError, match="'size_px_max'"):
        iap.SimplexNoise(size_px_max=0)


def test_frequency_noise_exponent_controls_blob_size() -> None:
    def roughness(exponent):
        param = iap.FrequencyNoise(exponent=exponent, size_px_max=32, upscale_method="linear")
        plane = param.draw_samples((32, 32), random_state=rng())
        return np.abs(np.diff(plane, axis=1)).mean()

    assert roughness(-4) < roughness(0) < roughness(4)
    assert repr(iap.FrequencyNoise(exponent=1, size_px_max=8, upscale_method="linear")) == (
        "FrequencyNoise(Deterministic(int 1), Deterministic(int 8), Deterministic(linear))")


# ---- IterativeNoiseAggregator ------------------------------------------------------------------
@pytest.mark.parametrize(("method", "reduce"), [
    ("min", np.minimum.reduce), ("max", np.maximum.reduce),
    ("avg", lambda arrays: np.mean(arrays, axis=0)),
])
def test_aggregation_matches_numpy(method, reduce) -> None:
    values = iap.DeterministicList([0.2, 0.9, 0.5, 0.1, 0.4, 0.3])
    param = iap.IterativeNoiseAggregator(values, iterations=3, aggregation_method=method)
    result = param.draw_samples(2, random_state=rng())
    expected = reduce([np.array([0.2, 0.9]), np.array([0.2, 0.9]), np.array([0.2, 0.9])])
    assert np.allclose(result, expected)
    noise = iap.IterativeNoiseAggregator(iap.Uniform(0, 1), iterations=3,
                                         aggregation_method=method)
    draws = [iap.Uniform(0, 1).draw_samples(50, random_state=generator)
             for generator in [rng(5)] * 3]
    assert np.allclose(noise.draw_samples(50, random_state=rng(5)), reduce(draws), atol=1e-6)


def test_aggregator_argument_rules() -> None:
    param = iap.IterativeNoiseAggregator(iap.SimplexNoise(), iterations=[1, 2],
                                         aggregation_method=iap.ALL)
    assert isinstance(param.iterations, iap.Choice)
    assert set(param.aggregation_method.a) == {"min", "max", "avg"}
    with pytest.raises(ValueError, match="'iterations'"):
        iap.IterativeNoiseAggregator(iap.SimplexNoise(), iterations=0)
    with pytest.raises(ValueError, match="'aggregation_method'"):
        iap.IterativeNoiseAggregator(iap.SimplexNoise(), aggregation_method="mean")
    with pytest.raises(TypeError, match="other_param"):
        iap.IterativeNoiseAggregator(0.5)


# ---- Sigmoid -----------------------------------------------------------------------------------
def test_sigmoid_formula_and_activation() -> None:
    base = iap.Uniform(0, 1)
    raw = base.draw_samples(100, random_state=rng()).astype(np.float64)
    param = iap.Sigmoid(base, threshold=2, activated=True, mul=20, add=-10)
    expected = 1 / (1 + np.exp(-(raw * 20 - 10 - 2)))
    assert np.allclose(param.draw_samples(100, random_state=rng()), expected, atol=1e-6)
    off = iap.Sigmoid(base, activated=False)
    assert np.array_equal(off.draw_samples(100, random_state=rng()), raw.astype(np.float32))
    ints = iap.Sigmoid(iap.Deterministic(1), threshold=0).draw_samples(2)
    assert ints.dtype.kind == "f" and np.allclose(ints, 1 / (1 + np.exp(-1)))
    huge = iap.Sigmoid(iap.Deterministic(-1000.0), threshold=0).draw_samples(2)
    assert np.all(huge == 0)


def test_sigmoid_create_for_noise_and_errors() -> None:
    param = iap.Sigmoid.create_for_noise(iap.SimplexNoise(), threshold=0.5)
    assert param.mul == 20 and param.add == -10
    assert repr(iap.Sigmoid(iap.Deterministic(1), threshold=0, activated=True)) == (
        "Sigmoid(Deterministic(int 1), Deterministic(int 0), Deterministic(int 1), 1, 0)")
    with pytest.raises(ValueError, match="mul"):
        iap.Sigmoid(iap.Deterministic(1), mul=0)
    with pytest.raises(TypeError, match="add"):
        iap.Sigmoid(iap.Deterministic(1), add="x")
    with pytest.raises(ValueError, match="'activated'"):
        iap.Sigmoid(iap.Deterministic(1), activated=2)


# ---- FromLowerResolution -----------------------------------------------------------------------
def test_from_lower_resolution_px_is_blocky() -> None:
    param = iap.FromLowerResolution(iap.Binomial(0.5), size_px=4)
    samples = param.draw_samples((2, 16, 16, 3), random_state=rng())
    assert samples.shape == (2, 16, 16, 3) and samples.dtype == np.int32
    for image in samples:
        blocks = image.reshape(4, 4, 4, 4, 3)
        assert np.all(blocks == blocks[:, :1, :, :1, :])  # constant 4x4 blocks
    assert param.draw_samples((16, 16, 3), rng()).shape == (16, 16, 3)
    assert param.draw_samples((16, 16), rng()).shape == (16, 16)


def test_from_lower_resolution_percent_and_linear() -> None:
    param = iap.FromLowerResolution(iap.Binomial(0.5), size_percent=0.25, method="linear")
    samples = param.draw_samples((32, 32, 1), random_state=rng())
    assert samples.dtype == np.float32 and samples.min() >= 0 and samples.max() <= 1
    assert len(np.unique(samples)) > 2  # interpolated edges
    small = iap.FromLowerResolution(iap.Uniform(0, 1), size_px=1, min_size=3)
    assert len(np.unique(small.draw_samples((12, 12, 1), rng()))) == 9  # 3x3 plane
    assert repr(iap.FromLowerResolution(iap.Deterministic(1), size_px=2)) == (
        "FromLowerResolution(size_px=Deterministic(int 2), method=Deterministic(nearest), "
        "other_param=Deterministic(int 1))")


def test_from_lower_resolution_errors() -> None:
    det = iap.Deterministic(1)
    with pytest.raises(ValueError, match="size_percent or size_px"):
        iap.FromLowerResolution(det)
    with pytest.raises(ValueError, match="size_px"):
        iap.FromLowerResolution(det, size_px=(1, 2, 3))
    with pytest.raises(TypeError, match="size_px"):
        iap.FromLowerResolution(det, size_px="4")
    with pytest.raises(ValueError, match="method"):
        iap.FromLowerResolution(det, size_px=2, method="bogus")
    with pytest.raises(ValueError, match="min_size"):
        iap.FromLowerResolution(det, size_px=2, min_size=0)
    with pytest.raises(ValueError, match="shape"):
        iap.FromLowerResolution(det, size_px=2).draw_samples(5)
