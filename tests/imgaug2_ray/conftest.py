"""Shared fixtures for imgaug2_ray tests: tiny image folders and one local Ray per module."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa


def write_images(folder: Path, n: int, seed: int = 0, varied: bool = True) -> list[Path]:
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        h, w = (24 + 4 * (i % 3), 32 + 2 * (i % 4)) if varied else (24, 32)
        image = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
        path = folder / f"img_{i:03d}.png"
        cv2.imwrite(str(path), image)
        paths.append(path)
    return paths


def make_pipeline() -> iaa.Augmenter:
    return iaa.Sequential([
        iaa.Fliplr(0.5),
        iaa.Sometimes(0.5, iaa.Add((-30, 30))),
        iaa.Affine(rotate=(-20, 20)),
        iaa.GaussianBlur((0, 1.0)),
    ])


@pytest.fixture()
def image_dir(tmp_path: Path) -> Path:
    write_images(tmp_path / "images", 12)
    return tmp_path / "images"


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    if ray.is_initialized():
        ray.shutdown()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             object_store_memory=200 * 1024 * 1024,
             runtime_env={"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}})
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    yield ray
    ray.shutdown()
