"""Generate the bundled sample images and their annotations (imgaug2/data/).

Procedural scenes drawn with OpenCV: no photo, nothing downloaded. Run once; the outputs are
committed. ``python tools/make_sample_data.py``
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

OUT = Path(__file__).resolve().parents[1] / "imgaug2" / "data"


def sky_and_ground(h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    sky = np.linspace(200, 120, h // 2)[:, None, None] * np.array([0.55, 0.75, 1.0])
    ground = np.linspace(110, 60, h - h // 2)[:, None, None] * np.array([0.45, 0.8, 0.35])
    image = np.concatenate([np.repeat(sky, w, 1), np.repeat(ground, w, 1)]).astype(np.float32)
    image += rng.normal(0, 6, image.shape)
    return np.clip(image, 0, 255).astype(np.uint8)


def animal(image: np.ndarray, cx: int, cy: int, scale: float, segmap: np.ndarray, cls: int):
    """A quokka-like silhouette: body, head, ears, eyes. Returns keypoints and a box."""
    body = (int(60 * scale), int(42 * scale))
    cv2.ellipse(image, (cx, cy), body, 0, 0, 360, (120, 85, 55), -1)
    cv2.ellipse(segmap, (cx, cy), body, 0, 0, 360, cls, -1)
    head_c = (cx + int(52 * scale), cy - int(38 * scale))
    cv2.circle(image, head_c, int(28 * scale), (135, 95, 62), -1)
    cv2.circle(segmap, head_c, int(28 * scale), cls, -1)
    ear_l = (head_c[0] - int(14 * scale), head_c[1] - int(26 * scale))
    ear_r = (head_c[0] + int(14 * scale), head_c[1] - int(26 * scale))
    for ear in (ear_l, ear_r):
        cv2.circle(image, ear, int(9 * scale), (110, 75, 50), -1)
        cv2.circle(segmap, ear, int(9 * scale), cls, -1)
    eye_l = (head_c[0] - int(9 * scale), head_c[1] - int(4 * scale))
    eye_r = (head_c[0] + int(11 * scale), head_c[1] - int(4 * scale))
    nose = (head_c[0] + int(24 * scale), head_c[1] + int(6 * scale))
    for p in (eye_l, eye_r):
        cv2.circle(image, p, max(2, int(4 * scale)), (20, 20, 20), -1)
    cv2.circle(image, nose, max(2, int(5 * scale)), (40, 25, 25), -1)
    kps = [[p[0] + 0.5, p[1] + 0.5] for p in (eye_l, eye_r, nose, ear_l, ear_r)]
    ys, xs = np.nonzero(segmap == cls)
    box = [float(xs.min()), float(ys.min()), float(xs.max() + 1), float(ys.max() + 1)]
    return kps, box


def scene(index: int, h: int, w: int) -> tuple[np.ndarray, dict, np.ndarray]:
    rng = np.random.default_rng(index)
    image = sky_and_ground(h, w, rng)
    segmap = np.zeros((h, w), dtype=np.uint8)
    cv2.circle(image, (int(w * 0.8), int(h * 0.15)), int(min(h, w) * 0.08), (250, 230, 120), -1)
    tree_x = int(w * (0.15 + 0.1 * (index % 3)))
    cv2.rectangle(image, (tree_x - 6, int(h * 0.35)), (tree_x + 6, int(h * 0.62)),
                  (70, 50, 30), -1)
    cv2.circle(image, (tree_x, int(h * 0.32)), int(h * 0.12), (40, 120, 45), -1)
    cv2.rectangle(segmap, (tree_x - 6, int(h * 0.35)), (tree_x + 6, int(h * 0.62)), 2, -1)
    cv2.circle(segmap, (tree_x, int(h * 0.32)), int(h * 0.12), 2, -1)
    scale = min(h, w) / 256.0 * (0.9 + 0.1 * (index % 2))
    kps, box = animal(image, int(w * 0.55), int(h * 0.66), scale, segmap, 1)
    tree_box = [float(tree_x - int(h * 0.12)), float(int(h * 0.32) - int(h * 0.12)),
                float(tree_x + int(h * 0.12)), float(int(h * 0.62))]
    polygon = [[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]]
    cv2.putText(image, f"imgaug2 #{index}", (8, h - 10), cv2.FONT_HERSHEY_SIMPLEX, 0.45,
                (255, 255, 255), 1, cv2.LINE_AA)
    annotations = {"keypoints": kps, "keypoint_names": ["eye_l", "eye_r", "nose", "ear_l",
                                                        "ear_r"],
                   "bounding_boxes": [box + ["animal"], tree_box + ["tree"]],
                   "polygon": polygon, "segmap_classes": ["background", "animal", "tree"]}
    return image, annotations, segmap


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [(256, 256), (240, 320), (320, 240), (224, 288), (288, 224), (256, 320)]
    meta = {}
    for i, (h, w) in enumerate(sizes):
        image, annotations, segmap = scene(i, h, w)
        name = f"sample_{i}.png"
        cv2.imwrite(str(OUT / name), cv2.cvtColor(image, cv2.COLOR_RGB2BGR),
                    [cv2.IMWRITE_PNG_COMPRESSION, 9])
        (OUT / "_segmaps").mkdir(exist_ok=True)
        cv2.imwrite(str(OUT / "_segmaps" / f"sample_{i}.png"), segmap)
        meta[name] = {**annotations, "segmap": f"_segmaps/sample_{i}.png", "shape": [h, w, 3]}
    (OUT / "samples.json").write_text(json.dumps(meta, indent=1))
    print(f"wrote {len(sizes)} samples to {OUT}")


if __name__ == "__main__":
    main()
