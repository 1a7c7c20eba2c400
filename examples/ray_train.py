"""Ray Train ingestion: a tiny CPU model trained with TorchTrainer on images re-augmented every
epoch (different, reproducible draws per epoch). Run: ``python examples/ray_train.py``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import cv2
import numpy as np

import imgaug2.augmenters as iaa


def make_dataset_folder(folder: Path, n: int) -> None:
    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        label = i % 2
        image = rng.integers(0, 80, (16, 16, 3), dtype=np.uint8)
        if label:
            image[4:12, 4:12] = 200
        cv2.imwrite(str(folder / f"{label}_{i:03d}.png"), image)


def train_loop(config: dict) -> None:
    import ray.train
    import torch

    from imgaug2_ray.train import iter_augmented_batches

    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(16 * 16 * 3, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    shard = ray.train.get_dataset_shard("train")
    for epoch in range(config["epochs"]):
        losses, checksum = [], 0.0
        for batch in iter_augmented_batches(shard, config["spec"], seed=0, epoch=epoch,
                                            batch_size=8):
            images = torch.as_tensor(np.stack(batch["image"])).float() / 255.0
            labels = torch.as_tensor(
                [int(Path(str(p)).name.split("_")[0]) for p in batch["path"]])
            loss = torch.nn.functional.cross_entropy(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(float(loss))
            checksum += float(images.sum())
        metrics = {"epoch": epoch, "loss": float(np.mean(losses)), "image_checksum": checksum}
        ray.train.report(metrics)
        if ray.train.get_context().get_world_rank() == 0:
            with open(config["metrics_path"], "a") as handle:
                handle.write(json.dumps(metrics) + "\n")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--n", type=int, default=24)
    args = parser.parse_args(argv)

    import ray
    from ray.train import RunConfig, ScalingConfig
    from ray.train.torch import TorchTrainer

    from imgaug2_ray import pipeline_spec

    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Affine(rotate=(-10, 10))])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "images"
        make_dataset_folder(folder, args.n)
        started_here = not ray.is_initialized()
        if started_here:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            ds = ray.data.read_images(str(folder), include_paths=True, mode="RGB")
            trainer = TorchTrainer(
                train_loop,
                train_loop_config={"epochs": args.epochs, "spec": pipeline_spec(aug),
                                   "metrics_path": str(Path(tmp) / "metrics.jsonl")},
                scaling_config=ScalingConfig(num_workers=1, use_gpu=False,
                                             resources_per_worker={"CPU": 1}),
                datasets={"train": ds},
                run_config=RunConfig(storage_path=str(Path(tmp) / "results")),
            )
            trainer.fit()
            epochs = [json.loads(line) for line in
                      (Path(tmp) / "metrics.jsonl").read_text().splitlines()]
        finally:
            if started_here:
                ray.shutdown()
    # every epoch saw differently augmented images (explicit epoch -> new draws)
    metrics = {**epochs[-1], "epoch_checksums": [e["image_checksum"] for e in epochs]}
    print(json.dumps(metrics))
    return metrics


if __name__ == "__main__":
    main()
