"""System metadata recorded with every benchmark run."""

from __future__ import annotations

import os
import platform
import sys
from typing import Any


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _thread_pools() -> list[dict[str, Any]]:
    try:
        import threadpoolctl
    except ImportError:
        return []
    return [{"api": p.get("internal_api"), "threads": p.get("num_threads"),
             "version": p.get("version")} for p in threadpoolctl.threadpool_info()]


def system_info() -> dict[str, Any]:
    import cv2
    import numpy as np

    import imgaug2

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_bytes": _ram_bytes(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "imgaug2": imgaug2.__version__,
        "numpy": np.__version__,
        "opencv": cv2.__version__,
        "opencv_threads": cv2.getNumThreads(),
        "thread_env": {k: os.environ.get(k) for k in (
            "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
            "OPENBLAS_CORETYPE")},
        "thread_pools": _thread_pools(),
    }
