"""Generate imgaug2's bundled sample images and annotations (``imgaug2/data/``).

Six procedurally drawn RGB scenes (OpenCV drawing, smooth noise textures; no photos, nothing
downloaded) of different sizes, plus ``samples.json`` (keypoints, labelled boxes, polygons,
class names) and per-image class-id maps in ``_segmaps/`` (uint8 PNG). Scene 0 is the stand-in
for imgaug's quokka photo and also gets a depth map (``_segmaps/sample_0_depth.png``, 0=near).

Run once from the repository root; the outputs are committed::

    .venv/bin/python tools/make_sample_data.py
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

OUT = Path(__file__).resolve().parents[1] / "imgaug2" / "data"
CLASSES = ["background", "animal", "tree", "sky", "grass", "water", "sand", "building", "road",
           "sign", "boat", "ball", "floor", "wall", "shape", "table"]
CLS = {name: i for i, name in enumerate(CLASSES)}
Draw = Callable[[np.ndarray, int, int], None]  # draw(canvas, value, line_type)


def smooth_noise(h: int, w: int, cell: int, rng: np.random.Generator) -> np.ndarray:
    """Zero-mean, unit-ish smooth noise (a coarse random grid upscaled bicubically)."""
    coarse = rng.normal(size=(max(2, h // cell + 2), max(2, w // cell + 2))).astype(np.float32)
    return cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)


class Scene:
    """An RGB float canvas with a class-id map, instances and named keypoints."""

    def __init__(self, h: int, w: int, seed: int) -> None:
        self.h, self.w = h, w
        self.rng = np.random.default_rng(seed)
        self.image = np.zeros((h, w, 3), np.float32)
        self.classes = np.zeros((h, w), np.uint8)
        self.instances = np.zeros((h, w), np.int16)
        self.labels: list[str] = []
        self.keypoints: list[dict] = []
        self.polygons: list[dict] = []

    def vertical(self, y0: int, y1: int, top: tuple, bottom: tuple, cls: str) -> None:
        t = np.linspace(0.0, 1.0, max(y1 - y0, 1), dtype=np.float32)[:, None, None]
        colors = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
        self.image[y0:y1] = colors
        self.classes[y0:y1] = CLS[cls]

    def add(self, draw: Draw, color: tuple, cls: str, label: str | None = None,
            shade: float = 0.15, texture: float = 6.0, cell: int = 12,
            part: bool = False) -> np.ndarray:
        """Paint a shape (anti-aliased, shaded top-light, textured); returns its hard mask.

        ``label`` starts a new object instance; ``part`` adds the shape to the latest one.
        """
        alpha = np.zeros((self.h, self.w), np.uint8)
        draw(alpha, 255, cv2.LINE_AA)
        mask = alpha >= 128
        if not mask.any():
            raise ValueError(f"shape for {label or cls} is empty")
        ys = np.nonzero(mask.any(axis=1))[0]
        rows = np.arange(self.h, dtype=np.float32)
        grad = 1 + shade * (1 - 2 * np.clip((rows - ys[0]) / max(ys[-1] - ys[0], 1), 0, 1))
        field = np.array(color, np.float32) * grad[:, None, None]
        field = field + texture * smooth_noise(self.h, self.w, cell, self.rng)[..., None]
        a = (alpha.astype(np.float32) / 255)[..., None]
        self.image = self.image * (1 - a) + field * a
        self.classes[mask] = CLS[cls]
        if label is not None:
            self.labels.append(label)
        if label is not None or part:
            self.instances[mask] = len(self.labels)
        return mask

    def keypoint(self, name: str, x: float, y: float, obj: str) -> None:
        """A named keypoint on the object labelled ``obj``."""
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise ValueError(f"keypoint {name} ({x}, {y}) lies outside the image")
        self.keypoints.append({"name": name, "object": obj, "x": round(float(x), 2),
                               "y": round(float(y), 2)})

    def polygon(self, label: str, points: list | None = None) -> None:
        """A polygon given by ``points`` or else traced around the instance ``label``."""
        if points is None:
            mask = (self.instances == self.labels.index(label) + 1).astype(np.uint8)
            contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
            contour = max(contours, key=cv2.contourArea)
            approx = cv2.approxPolyDP(contour, 1.2, True)[:, 0, :].astype(np.float64)
            points = (approx + 0.5).tolist()
        self.polygons.append({"label": label,
                              "points": [[round(float(x), 2), round(float(y), 2)]
                                         for x, y in points]})

    def boxes(self) -> list[dict]:
        result = []
        for idx, label in enumerate(self.labels, start=1):
            ys, xs = np.nonzero(self.instances == idx)
            result.append({"label": label, "x1": float(xs.min()), "y1": float(ys.min()),
                           "x2": float(xs.max() + 1), "y2": float(ys.max() + 1)})
        return result

    def text(self, text: str, x: int, y: int, scale: float, color: tuple,
             thickness: int = 1, font: int = cv2.FONT_HERSHEY_DUPLEX) -> None:
        canvas = np.clip(self.image, 0, 255).astype(np.uint8)
        cv2.putText(canvas, text, (x, y), font, scale, color, thickness, cv2.LINE_AA)
        self.image = canvas.astype(np.float32)

    def finish(self, grain: float = 0.5) -> np.ndarray:
        noisy = self.image + self.rng.normal(0.0, grain, self.image.shape)
        return np.clip(np.round(noisy), 0, 255).astype(np.uint8)


def ellipse(c: tuple, axes: tuple, angle: float = 0) -> Draw:
    c = (int(c[0]), int(c[1]))
    axes = (int(axes[0]), int(axes[1]))
    return lambda cv, v, lt: cv2.ellipse(cv, c, axes, angle, 0, 360, v, -1, lt)


def circle(c: tuple, r: float) -> Draw:
    return lambda cv, v, lt: cv2.circle(cv, (int(c[0]), int(c[1])), int(r), v, -1, lt)


def poly(points: list) -> Draw:
    pts = np.round(np.array(points, np.float64)).astype(np.int32)
    return lambda cv, v, lt: cv2.fillPoly(cv, [pts], v, lt)


def rect(x1: float, y1: float, x2: float, y2: float) -> Draw:
    return poly([(x1, y1), (x2, y1), (x2, y2), (x1, y2)])


def sky_with_sun(s: Scene, horizon: int, top: tuple, bottom: tuple, sun: tuple,
                 sun_r: float, sun_color: tuple = (255, 236, 150)) -> None:
    s.vertical(0, horizon, top, bottom, "sky")
    glow = np.zeros((s.h, s.w), np.float32)
    cv2.circle(glow, (int(sun[0]), int(sun[1])), int(sun_r * 2.2), 1.0, -1, cv2.LINE_AA)
    glow = cv2.GaussianBlur(glow, (0, 0), sun_r)[..., None] * 0.35
    s.image = s.image * (1 - glow) + np.array(sun_color, np.float32) * glow
    s.add(circle(sun, sun_r), sun_color, "sky", shade=0.0, texture=1.5)
    for _ in range(3):
        cx, cy = s.rng.uniform(0.1, 0.9) * s.w, s.rng.uniform(0.08, 0.3) * horizon + 8
        for k in range(3):
            s.add(ellipse((cx + (k - 1) * 14, cy - (k == 1) * 5), (18, 8)), (248, 248, 252),
                  "sky", shade=0.06, texture=3)


def tree(s: Scene, x: float, base: float, height: float, label: str = "tree") -> None:
    trunk_w = max(5.0, height * 0.07)
    top = base - height

    def draw(cv: np.ndarray, v: int, lt: int) -> None:
        cv2.rectangle(cv, (int(x - trunk_w / 2), int(base - height * 0.55)),
                      (int(x + trunk_w / 2), int(base)), v, -1, lt)
        for dx, dy, r in ((0, 0.3, 0.27), (-0.18, 0.42, 0.2), (0.18, 0.42, 0.2)):
            cv2.circle(cv, (int(x + dx * height), int(top + dy * height)), int(r * height), v,
                       -1, lt)

    s.add(draw, (52, 112, 48), "tree", label=label, shade=0.25, texture=10, cell=6)
    s.add(lambda cv, v, lt: cv2.rectangle(cv, (int(x - trunk_w / 2), int(base - height * 0.3)),
                                          (int(x + trunk_w / 2), int(base)), v, -1, lt),
          (92, 64, 40), "tree", shade=0.1, texture=5, part=True)
    s.keypoint(f"{label}_top", x, top + 0.03 * height + 1, label)


def animal(s: Scene, cx: float, cy: float, scale: float, facing: int, fur: tuple,
           label: str = "animal") -> None:
    """A quokka-like animal: body, head, ears, eyes, nose, paws and tail (facing +1 right)."""
    f = facing

    def p(dx: float, dy: float) -> tuple[int, int]:
        return int(round(cx + f * dx * scale)), int(round(cy + dy * scale))

    def r(v: float) -> int:
        return max(2, int(round(v * scale)))

    head, ear_l, ear_r = p(48, -46), p(34, -74), p(62, -72)
    paw_l, paw_r = p(44, 12), p(62, 4)

    def body(cv: np.ndarray, v: int, lt: int) -> None:
        cv2.ellipse(cv, p(-42, 20), (r(34), r(9)), f * 20, 0, 360, v, -1, lt)  # tail
        cv2.ellipse(cv, p(0, 6), (r(56), r(42)), -f * 12, 0, 360, v, -1, lt)
        cv2.circle(cv, head, r(28), v, -1, lt)
        for ear in (ear_l, ear_r):
            cv2.ellipse(cv, ear, (r(9), r(13)), 0, 0, 360, v, -1, lt)
        for paw in (paw_l, paw_r):
            cv2.ellipse(cv, paw, (r(10), r(6)), 0, 0, 360, v, -1, lt)

    s.add(body, fur, "animal", label=label, shade=0.22, texture=5, cell=4)
    light = tuple(min(255, c + 45) for c in fur)
    s.add(ellipse(p(6, 16), (r(30), r(20))), light, "animal", shade=0.1, texture=4, part=True)
    s.add(ellipse(p(50, -38), (r(15), r(11))), light, "animal", shade=0.1, texture=3, part=True)
    dark = tuple(max(0, c - 40) for c in fur)
    for paw in (paw_l, paw_r):
        s.add(ellipse(paw, (r(10), r(6))), dark, "animal", shade=0.1, texture=2, part=True)
    eye_l, eye_r, nose = p(38, -52), p(58, -52), p(72, -40)
    for eye in (eye_l, eye_r):
        s.add(circle(eye, r(4)), (22, 18, 16), "animal", shade=0.0, texture=1, part=True)
    s.add(ellipse(nose, (r(6), r(4))), (40, 26, 24), "animal", shade=0.0, texture=1, part=True)
    names = [("left_eye", eye_l), ("right_eye", eye_r), ("nose", nose), ("left_ear", ear_l),
             ("right_ear", ear_r), ("left_paw", paw_l), ("right_paw", paw_r)]
    for name, (x, y) in names:
        s.keypoint(name, x + 0.5, y + 0.5, label)


def meadow(h: int, w: int) -> tuple[Scene, np.ndarray]:
    """Scene 0 (the quokka stand-in): sky, hills, a tree and an animal on grass."""
    s = Scene(h, w, 0)
    horizon = int(h * 0.46)
    sky_with_sun(s, horizon, (70, 120, 200), (185, 210, 235), (w * 0.82, h * 0.13), h * 0.055)
    hills = [(0, horizon - 18), (w * 0.3, horizon - 34), (w * 0.62, horizon - 12),
             (w, horizon - 28), (w, horizon + 2), (0, horizon + 2)]
    s.add(poly(hills), (96, 132, 140), "background", shade=0.1, texture=5)
    s.vertical(horizon, h, (120, 168, 72), (58, 112, 38), "grass")
    s.image[horizon:] += 9 * smooth_noise(h - horizon, w, 4, s.rng)[..., None]
    tree(s, w * 0.16, h * 0.64, h * 0.5)
    animal(s, w * 0.52, h * 0.7, min(h, w) / 240, 1, (142, 100, 64))
    s.polygon("animal")
    s.text("imgaug2 sample", 6, h - 8, 0.42, (255, 255, 255))
    depth = np.ones((h, w), np.float32)
    rows = np.clip((np.arange(h) - horizon) / (h - horizon), 0, 1)
    depth[horizon - 34:] = 0.85
    depth[horizon:] = (0.8 * (1 - rows[horizon:]))[:, None]
    for idx, base in ((1, h * 0.64), (2, h * 0.7 + 40 * min(h, w) / 240)):
        depth[s.instances == idx] = 0.8 * (1 - (base - horizon) / (h - horizon))
    return s, np.round(depth * 255).astype(np.uint8)


def room(h: int, w: int) -> Scene:
    """Scene 1: a checkerboard floor in perspective with three shaded balls."""
    s = Scene(h, w, 1)
    s.vertical(0, h, (214, 200, 178), (160, 146, 126), "wall")
    floor = [(w * 0.22, h * 0.5), (w * 0.78, h * 0.5), (w - 1, h - 1), (0, h - 1)]
    board = ((np.indices((8, 8)).sum(axis=0) % 2) * 170 + 50).astype(np.float32)
    board = cv2.resize(board, (400, 400), interpolation=cv2.INTER_NEAREST)
    matrix = cv2.getPerspectiveTransform(
        np.float32([(0, 0), (400, 0), (400, 400), (0, 400)]), np.float32(floor))
    warped = cv2.warpPerspective(board, matrix, (w, h), flags=cv2.INTER_AREA)
    mask = s.add(poly(floor), (0, 0, 0), "floor", shade=0.0, texture=0)
    s.image[mask] = warped[mask][:, None] * np.array([1.0, 0.95, 0.85], np.float32)
    s.polygon("floor", floor)
    for i, (x, y, r, color, name) in enumerate([
            (0.3, 0.78, 0.11, (205, 40, 40), "red"), (0.62, 0.66, 0.08, (40, 80, 210), "blue"),
            (0.74, 0.86, 0.09, (235, 200, 40), "yellow")]):
        cx, cy, rad = x * w, y * h, r * min(h, w)
        shadow = np.zeros((h, w), np.float32)
        cv2.ellipse(shadow, (int(cx + rad * 0.3), int(cy + rad * 0.85)),
                    (int(rad * 1.1), int(rad * 0.35)), 0, 0, 360, 0.45, -1, cv2.LINE_AA)
        s.image *= 1 - cv2.GaussianBlur(shadow, (0, 0), 3)[..., None]
        ball = s.add(circle((cx, cy), rad), color, "ball", label=f"{name}_ball", shade=0.0,
                     texture=2)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        light = np.clip(1.25 - np.hypot(xx - (cx - rad * 0.35), yy - (cy - rad * 0.35))
                        / (rad * 1.6), 0.35, 1.3)
        s.image[ball] *= light[ball][:, None]
        s.keypoint("center", cx + 0.5, cy + 0.5, f"{name}_ball")
        if i == 0:
            s.keypoint("far_left_corner", floor[0][0], floor[0][1], "floor")
            s.keypoint("far_right_corner", floor[1][0], floor[1][1], "floor")
    return s


def street(h: int, w: int) -> Scene:
    """Scene 2: two houses, a road and a stop sign (portrait)."""
    s = Scene(h, w, 2)
    horizon = int(h * 0.55)
    sky_with_sun(s, horizon, (96, 150, 215), (200, 222, 240), (w * 0.2, h * 0.1), h * 0.04)
    s.vertical(horizon, h, (110, 150, 80), (80, 120, 60), "grass")
    road = [(w * 0.42, horizon), (w * 0.58, horizon), (w * 0.95, h - 1), (w * 0.05, h - 1)]
    s.add(poly(road), (96, 96, 100), "road", shade=0.05, texture=5, cell=4)
    for k in range(5):
        t0, t1 = 0.1 + k * 0.19, 0.18 + k * 0.19
        y0, y1 = horizon + t0 * (h - horizon), horizon + t1 * (h - horizon)
        s.add(poly([(w / 2 - 1 - 3 * t0, y0), (w / 2 + 1 + 3 * t0, y0),
                    (w / 2 + 1 + 3 * t1, y1), (w / 2 - 1 - 3 * t1, y1)]),
              (235, 230, 200), "road", shade=0.0, texture=2)
    for i, (x1, x2, wall, roof) in enumerate([(0.04, 0.4, (196, 170, 130), (150, 60, 50)),
                                              (0.6, 0.96, (170, 186, 200), (70, 70, 90))]):
        bx1, bx2, by1, by2 = x1 * w, x2 * w, horizon - h * 0.16, horizon + h * 0.04
        apex = ((bx1 + bx2) / 2, by1 - h * 0.12)
        outline = [(bx1, by2), (bx1, by1), apex, (bx2, by1), (bx2, by2)]
        s.add(poly(outline), wall, "building", label="house", shade=0.12, texture=4)
        s.add(poly([(bx1 - 4, by1 + 1), apex, (bx2 + 4, by1 + 1)]), roof, "building",
              shade=0.2, texture=5, part=True)
        door_x = (bx1 + bx2) / 2
        s.add(rect(door_x - 7, by2 - 22, door_x + 7, by2), (90, 60, 40), "building",
              shade=0.1, texture=2)
        for wx in (bx1 + 0.2 * (bx2 - bx1), bx2 - 0.2 * (bx2 - bx1)):
            s.add(rect(wx - 7, by1 + 10, wx + 7, by1 + 22), (230, 240, 250), "building",
                  shade=0.3, texture=2)
        s.keypoint("roof_apex", apex[0], apex[1] + 1, "house")
        s.keypoint("door", door_x, by2 - 11, "house")
        if i == 0:
            s.polygon("house", outline)
    cx, cy, rad = w * 0.78, h * 0.7, w * 0.09
    s.add(rect(cx - 2, cy, cx + 2, h * 0.93), (120, 120, 125), "sign", shade=0.1, texture=1)
    octagon = [(cx + rad * np.cos(a), cy + rad * np.sin(a))
               for a in np.pi / 8 + np.arange(8) * np.pi / 4]
    s.add(poly(octagon), (200, 30, 36), "sign", label="sign", shade=0.1, texture=2)
    s.text("STOP", int(cx - rad * 0.78), int(cy + rad * 0.2), rad / 40, (255, 255, 255), 1,
           cv2.FONT_HERSHEY_SIMPLEX)
    s.keypoint("center", cx, cy, "sign")
    return s


def harbour(h: int, w: int) -> Scene:
    """Scene 3: a sailing boat on the sea at dusk, sand in front."""
    s = Scene(h, w, 3)
    horizon = int(h * 0.5)
    sky_with_sun(s, horizon, (60, 50, 120), (250, 160, 90), (w * 0.3, horizon - 10), h * 0.07,
                 (255, 210, 120))
    s.vertical(horizon, h, (40, 90, 140), (20, 60, 110), "water")
    rows = np.arange(horizon, h, dtype=np.float32)[:, None]
    waves = np.sin(np.arange(w, dtype=np.float32)[None] * 0.12 + rows * 0.9) * (rows - horizon)
    s.image[horizon:] += (0.12 * waves)[..., None]
    shore = [(0, h * 0.84), (w * 0.5, h * 0.8), (w, h * 0.86), (w, h - 1), (0, h - 1)]
    s.add(poly(shore), (214, 190, 140), "sand", shade=0.08, texture=8, cell=3)
    bow, stern = (w * 0.82, h * 0.6), (w * 0.42, h * 0.6)
    hull = [stern, bow, (w * 0.75, h * 0.7), (w * 0.48, h * 0.7)]
    mast_x, mast_top = w * 0.6, h * 0.22
    sail = [(mast_x + 3, mast_top + 4), (mast_x + 3, h * 0.57), (w * 0.8, h * 0.57)]

    def boat(cv: np.ndarray, v: int, lt: int) -> None:
        cv2.fillPoly(cv, [np.round(np.array(hull)).astype(np.int32)], v, lt)
        cv2.rectangle(cv, (int(mast_x - 1), int(mast_top)), (int(mast_x + 1), int(h * 0.6)),
                      v, -1, lt)
        cv2.fillPoly(cv, [np.round(np.array(sail)).astype(np.int32)], v, lt)

    s.add(boat, (120, 70, 40), "boat", label="boat", shade=0.15, texture=3)
    s.add(poly(sail), (242, 236, 226), "boat", shade=0.12, texture=2)
    s.polygon("boat", hull)
    s.keypoint("mast_top", mast_x, mast_top + 1, "boat")
    s.keypoint("bow", bow[0] - 1, bow[1], "boat")
    s.keypoint("stern", stern[0] + 1, stern[1], "boat")
    s.keypoint("sail_corner", sail[2][0] - 2, sail[2][1] - 1, "boat")
    s.text("harbour", 6, h - 8, 0.45, (70, 50, 30))
    return s


def shapes(h: int, w: int) -> Scene:
    """Scene 4: coloured shapes and a printed card on a wooden table."""
    s = Scene(h, w, 4)
    xs = np.arange(w, dtype=np.float32)[None]
    ys = np.arange(h, dtype=np.float32)[:, None]
    grain = np.sin(xs * 0.09 + 4 * smooth_noise(h, w, 40, s.rng) + ys * 0.01)
    s.image[:] = np.array([170, 120, 75], np.float32) * (1 + 0.1 * grain)[..., None]
    s.classes[:] = CLS["table"]
    tri = [(w * 0.12, h * 0.4), (w * 0.42, h * 0.4), (w * 0.27, h * 0.12)]
    s.add(poly(tri), (60, 170, 90), "shape", label="triangle", shade=0.15, texture=3)
    box = cv2.boxPoints(((w * 0.72, h * 0.28), (w * 0.32, h * 0.2), 20.0))
    s.add(poly(box.tolist()), (60, 90, 200), "shape", label="rectangle", shade=0.15, texture=3)
    cx, cy, ro, ri = w * 0.3, h * 0.68, min(h, w) * 0.17, min(h, w) * 0.07
    angles = -np.pi / 2 + np.arange(10) * np.pi / 5
    star = [(cx + (ro if k % 2 == 0 else ri) * np.cos(a),
             cy + (ro if k % 2 == 0 else ri) * np.sin(a)) for k, a in enumerate(angles)]
    s.add(poly(star), (240, 200, 40), "shape", label="star", shade=0.15, texture=3)
    s.polygon("star", star)
    for k in range(0, 10, 2):
        s.keypoint(f"tip{k // 2}", star[k][0] + (0.5 if k else 0), star[k][1] + 0.6, "star")
    s.add(circle((w * 0.74, h * 0.62), min(h, w) * 0.1), (200, 60, 150), "shape",
          label="circle", shade=0.2, texture=3)
    s.add(rect(w * 0.56, h * 0.8, w * 0.94, h * 0.94), (246, 244, 236), "sign", label="card",
          shade=0.04, texture=2)
    s.text("imgaug2", int(w * 0.59), int(h * 0.895), 0.55, (30, 30, 30))
    for name, (x, y) in zip(("left", "right", "top"), tri):
        s.keypoint(name, min(x, w - 1), y, "triangle")
    return s


def park(h: int, w: int) -> Scene:
    """Scene 5: a second animal facing left beside a pond, with two trees."""
    s = Scene(h, w, 5)
    horizon = int(h * 0.4)
    sky_with_sun(s, horizon, (120, 170, 220), (210, 228, 240), (w * 0.12, h * 0.1), h * 0.05)
    s.vertical(horizon, h, (130, 175, 80), (70, 125, 45), "grass")
    s.image[horizon:] += 8 * smooth_noise(h - horizon, w, 4, s.rng)[..., None]
    tree(s, w * 0.85, h * 0.55, h * 0.42, "tree")
    tree(s, w * 0.64, h * 0.47, h * 0.28, "small_tree")
    s.add(ellipse((w * 0.3, h * 0.62), (w * 0.22, h * 0.07)), (70, 130, 180), "water",
          label="pond", shade=0.2, texture=4)
    animal(s, w * 0.62, h * 0.76, min(h, w) / 300, -1, (120, 92, 70))
    s.polygon("animal")
    return s


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "_segmaps").mkdir(exist_ok=True)
    builders = [(meadow, (240, 320)), (room, (256, 256)), (street, (320, 240)),
                (harbour, (240, 288)), (shapes, (288, 256)), (park, (256, 320))]
    records = []
    for i, (build, (h, w)) in enumerate(builders):
        built = build(h, w)
        scene, depth = built if isinstance(built, tuple) else (built, None)
        name = f"sample_{i}.png"
        cv2.imwrite(str(OUT / name), cv2.cvtColor(scene.finish(), cv2.COLOR_RGB2BGR),
                    [cv2.IMWRITE_PNG_COMPRESSION, 9])
        cv2.imwrite(str(OUT / "_segmaps" / name), scene.classes,
                    [cv2.IMWRITE_PNG_COMPRESSION, 9])
        record = {"file": name, "scene": build.__name__, "description": build.__doc__,
                  "shape": [h, w, 3], "keypoints": scene.keypoints,
                  "bounding_boxes": scene.boxes(), "polygons": scene.polygons,
                  "segmap": f"_segmaps/{name}"}
        if depth is not None:
            cv2.imwrite(str(OUT / "_segmaps" / f"sample_{i}_depth.png"), depth,
                        [cv2.IMWRITE_PNG_COMPRESSION, 9])
            record["depth"] = f"_segmaps/sample_{i}_depth.png"
        records.append(record)
    meta = {"version": 1, "classes": CLASSES, "quokka": "sample_0.png", "images": records}
    text = json.dumps(meta, indent=1)
    # one line per number list (coordinates, shapes) keeps the file short and readable
    text = re.sub(r"\[\s+([-\d.,\s]+?)\s+\]",
                  lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]", text)
    text = re.sub(r"\{\s+([^{}\[\]]+?)\s+\}",
                  lambda m: "{" + ", ".join(v.strip() for v in m.group(1).split(",\n")) + "}",
                  text)
    (OUT / "samples.json").write_text(text + "\n")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {len(records)} samples to {OUT} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
