"""Two Ray nodes (ray.cluster_utils.Cluster): the output equals the single-process executor's."""

from __future__ import annotations

import hashlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from imgaug2_ray import ImgaugActor, pipeline_spec
from imgaug2_ray.executor import AugmentationExecutor
from tests.imgaug2_ray.conftest import make_pipeline, write_images

pytestmark = [pytest.mark.ray, pytest.mark.timeout(240)]


def _hash(image: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(image)).hexdigest()


def test_two_nodes_match_one_process(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    from ray.cluster_utils import Cluster

    folder = tmp_path / "images"
    paths = write_images(folder, 12)
    spec = pipeline_spec(make_pipeline())

    executor = AugmentationExecutor(spec, seed=5, key_root=str(folder))
    images = [cv2.cvtColor(cv2.imread(str(p)), cv2.COLOR_BGR2RGB) for p in paths]
    column = np.empty(len(images), dtype=object)
    for i, image in enumerate(images):
        column[i] = image
    out = executor({"path": np.array([str(p) for p in paths], dtype=object), "image": column})
    expected = {str(p): _hash(img) for p, img in zip(paths, out["image"])}

    if ray.is_initialized():
        ray.shutdown()
    cluster = Cluster(initialize_head=True, head_node_args={
        "num_cpus": 1, "object_store_memory": 150 * 1024 * 1024})
    cluster.add_node(num_cpus=1, object_store_memory=150 * 1024 * 1024)
    try:
        ray.init(address=cluster.address, log_to_driver=False, runtime_env={
            "env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}})
        assert len([n for n in ray.nodes() if n["Alive"]]) == 2
        ray.data.DataContext.get_current().enable_progress_bars = False
        # sizing rule from docs/ray.md: fractional CPUs for actors AND for the read, so that
        # actors never starve the read tasks (ray-project/ray#44687)
        ds = ray.data.read_images(str(folder), include_paths=True, override_num_blocks=6,
                                  num_cpus=0.5)
        ds = ds.map_batches(ImgaugActor, fn_constructor_kwargs={
            "pipeline": spec, "seed": 5, "key_root": str(folder)},
            compute=ray.data.ActorPoolStrategy(size=2), batch_size=3, num_cpus=0.5,
            udf_modifying_row_count=False)
        got = {row["path"]: _hash(row["image"]) for row in ds.take_all()}
    finally:
        ray.shutdown()
        cluster.shutdown()
    assert got == expected
