"""imgaug 0.4.0 as a third-party baseline, run in a virtualenv of its own (numpy<1.24).

The runner creates the environment on request (``--imgaug-venv DIR``) with pip and runs the
same operations there, printing JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

from imgaug2.benchmarks.ops import Op

REQUIREMENTS = ["imgaug==0.4.0", "numpy==1.23.5", "opencv-python-headless==4.8.1.78",
                "scikit-image==0.20.0", "scipy==1.10.1", "Shapely==2.0.2", "imageio==2.31.1",
                "matplotlib==3.7.2", "Pillow==10.0.1"]

_SCRIPT = r"""
import json, sys, time, statistics
import numpy as np
import cv2
cv2.setNumThreads(1)
import imgaug.augmenters as iaa
ops, shape, batch, repeats = json.loads(sys.argv[1])
images = list(np.random.default_rng(0).integers(0, 256, size=(batch, *shape), dtype=np.uint8))
out = []
for name, expr in ops:
    try:
        aug = eval(expr)
        aug(images=images)
        times = []
        for _ in range(repeats):
            t = time.perf_counter(); aug(images=images); times.append(time.perf_counter() - t)
        med = statistics.median(times)
        out.append({"name": name, "seconds_min": min(times), "seconds_median": med,
                    "seconds_max": max(times), "repeats": repeats,
                    "images_per_second": batch / med})
    except Exception as exc:
        out.append({"name": name, "error": f"{type(exc).__name__}: {exc}"})
print(json.dumps(out))
"""


def ensure_venv(path: Path) -> Path:
    """Create (once) a virtualenv with imgaug 0.4.0 and its pinned dependencies."""
    python = path / "bin" / "python"
    marker = path / ".imgaug-installed"
    if not marker.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *REQUIREMENTS], check=True)
        marker.write_text("\n".join(REQUIREMENTS))
    return python


def imgaug_suite(venv_dir: Path, ops: list[Op], shape, batch: int, repeats: int) -> list[dict]:
    python = ensure_venv(venv_dir)
    payload = json.dumps([[[op.name, op.imgaug] for op in ops if op.imgaug], list(shape), batch,
                          repeats])
    env = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([str(python), "-c", _SCRIPT, payload], capture_output=True, text=True,
                          timeout=3600, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"imgaug baseline failed: {proc.stderr[-2000:]}")
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    return [{"suite": "compare", "library": "imgaug", "image_shape": list(shape),
             "batch_size": batch, "version": "0.4.0", **r} for r in results]


if __name__ == "__main__":  # pragma: no cover
    print(ensure_venv(Path(sys.argv[1])))
