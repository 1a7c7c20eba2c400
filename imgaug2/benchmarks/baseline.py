"""imgaug 0.4.0 as a third-party baseline, run in a virtualenv of its own (numpy<1.24).

The runner creates the environment on request (``--imgaug-venv DIR``) with pip and keeps one
imgaug process running (:class:`ImgaugSession`) whose samples the compare suites interleave with
imgaug2's, the raw kernel's and albumentations', like theirs with each other.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

from imgaug2.benchmarks.timing import Contender

# imgaug 0.4.0 declares opencv-python, which would sit beside the pinned headless build with
# whichever was installed last providing ``cv2``: install it without dependencies and pin them.
IMGAUG = "imgaug==0.4.0"
REQUIREMENTS = ["numpy==1.23.5", "opencv-python-headless==4.8.1.78", "scikit-image==0.20.0",
                "scipy==1.10.1", "Shapely==2.0.2", "imageio==2.31.1", "matplotlib==3.7.2",
                "Pillow==10.0.1", "six==1.16.0"]

# The imgaug side of an interleaved comparison: a server reading one JSON request per line
# ({"cmd": "build" | "time" | "versions", ...}) and answering one JSON line each.
_SERVER = r"""
import json, sys, time
import numpy as np
import cv2
cv2.setNumThreads(1)
import imgaug
import imgaug.augmenters as iaa
images, augs = {}, {}
for line in sys.stdin:
    request = json.loads(line)
    try:
        if request["cmd"] == "versions":
            reply = {"imgaug": imgaug.__version__, "numpy": np.__version__,
                     "opencv": cv2.__version__}
        elif request["cmd"] == "build":
            shape, batch = tuple(request["shape"]), request["batch"]
            if (shape, batch) not in images:
                images[(shape, batch)] = list(np.random.default_rng(0).integers(
                    0, 256, size=(batch, *shape), dtype=np.uint8))
            aug = eval(request["expr"])
            augs[request["key"]] = (aug, images[(shape, batch)])
            aug(images=images[(shape, batch)])
            reply = {}
        else:
            aug, imgs = augs[request["key"]]
            if request["settle"] > 0:
                end = time.perf_counter() + request["settle"]
                aug(images=imgs)
                while time.perf_counter() < end:
                    aug(images=imgs)
            start = time.perf_counter()
            for _ in range(request["count"]):
                aug(images=imgs)
            reply = {"seconds": (time.perf_counter() - start) / request["count"]}
    except Exception as exc:
        reply = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(reply), flush=True)
"""


def ensure_venv(path: Path) -> Path:
    """Create (or re-create, when its pins changed) a virtualenv with imgaug 0.4.0."""
    python = path / "bin" / "python"
    marker = path / ".imgaug-installed"
    wanted = "\n".join([IMGAUG, *REQUIREMENTS])
    if not marker.exists() or marker.read_text() != wanted:
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        pip = [str(python), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, *REQUIREMENTS], check=True)
        subprocess.run([*pip, "--no-deps", IMGAUG], check=True)
        marker.write_text(wanted)
    return python


class ImgaugSession:
    """imgaug 0.4.0 in its virtualenv as a long-lived process, so that its samples can be
    interleaved with imgaug2's (use as a context manager)."""

    def __init__(self, python: Path, pythonpath: str | None = None) -> None:
        env = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PATH": "/usr/bin:/bin",
               "PYTHONWARNINGS": "ignore", **({"PYTHONPATH": pythonpath} if pythonpath else {})}
        self._stderr = tempfile.TemporaryFile(mode="w+")
        self._proc = subprocess.Popen([str(python), "-c", _SERVER], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._stderr, text=True,
                                      env=env)
        self._keys = itertools.count()
        self.versions = self.request(cmd="versions")

    @classmethod
    def from_venv(cls, venv_dir: Path) -> ImgaugSession:
        """Start imgaug 0.4.0 in ``venv_dir`` (created first if needed)."""
        return cls(ensure_venv(venv_dir))

    def request(self, **request: Any) -> dict:
        """Send one request; RuntimeError with the server's message if it failed."""
        try:
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            line = self._proc.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            self._stderr.seek(0)
            raise RuntimeError(f"imgaug baseline process ended: {self._stderr.read()[-2000:]}")
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply

    def contender(self, expr: str, shape: tuple[int, ...], batch: int) -> Contender:
        """The imgaug augmenter ``expr`` (``iaa`` in scope) on the benchmark images."""
        return _ImgaugContender(self, expr, shape, batch, next(self._keys))

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        self._stderr.close()

    def __enter__(self) -> ImgaugSession:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _ImgaugContender(Contender):
    def __init__(self, session: ImgaugSession, expr: str, shape, batch: int, key: int) -> None:
        self.session, self.expr, self.shape, self.batch, self.key = (session, expr, shape,
                                                                     batch, key)

    def warm(self) -> None:
        self.session.request(cmd="build", key=self.key, expr=self.expr, shape=list(self.shape),
                             batch=self.batch)

    def time_calls(self, count: int, settle_seconds: float) -> float:
        return self.session.request(cmd="time", key=self.key, count=count,
                                    settle=settle_seconds)["seconds"]


if __name__ == "__main__":  # pragma: no cover
    print(ensure_venv(Path(sys.argv[1])))
