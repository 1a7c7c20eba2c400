"""PyTorch DataLoader workers with imgaug2 (no Ray): per-worker seeding, or keyed mode.

Keyed mode makes each sample's augmentation depend only on (seed, epoch, sample index), so the
result is the same for any number of workers. Run: ``python examples/torch_dataloader.py``.
"""

from __future__ import annotations

import argparse

import numpy as np

import imgaug2.augmenters as iaa


class AugmentedImages:
    """A map-style dataset: images augmented on access, keyed by index and epoch."""

    def __init__(self, images: list[np.ndarray], seed: int) -> None:
        self.images = images
        self.seed = seed
        self.epoch = 0
        self.aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Affine(rotate=(-10, 10)),
                                   iaa.AdditiveGaussianNoise(scale=(0, 10))])

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, index: int) -> np.ndarray:
        (image,) = self.aug.augment_keyed([index], seed=self.seed, epoch=self.epoch,
                                          images=[self.images[index]])
        return image


def worker_init_fn(worker_id: int) -> None:
    """Classic mode alternative: give each worker's pipeline copy its own seed."""
    import torch

    info = torch.utils.data.get_worker_info()
    info.dataset.aug.seed_(info.seed % 2**31)


def main(argv: list[str] | None = None) -> list[float]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--n", type=int, default=16)
    args = parser.parse_args(argv)
    import torch

    rng = np.random.default_rng(0)
    images = [rng.integers(0, 256, (32, 32, 3), dtype=np.uint8) for _ in range(args.n)]
    dataset = AugmentedImages(images, seed=0)
    sums = []
    for epoch in range(2):
        dataset.epoch = epoch
        loader = torch.utils.data.DataLoader(dataset, batch_size=4, num_workers=args.workers,
                                             persistent_workers=False)
        total = sum(float(batch.float().sum()) for batch in loader)
        sums.append(total)
        print(f"epoch {epoch}: checksum {total:.0f}")
    return sums


if __name__ == "__main__":
    main()
