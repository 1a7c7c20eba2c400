"""Pin OpenCV, OpenMP and BLAS to one thread per process (no oversubscription)."""

from __future__ import annotations

import os

_ENV_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)


def pin_single_thread() -> dict:
    """Limit OpenCV and BLAS/OpenMP in this process to one thread; return what was done.

    Sets the usual environment variables (effective for libraries loaded later), calls
    ``cv2.setNumThreads(1)`` and, if ``threadpoolctl`` is installed, limits already loaded
    BLAS/OpenMP pools.
    """
    for var in _ENV_VARS:
        os.environ[var] = "1"
    import cv2

    cv2.setNumThreads(1)
    from imgaug2._allocator import tune_allocator

    report = {"opencv_threads": cv2.getNumThreads(), "threadpoolctl": False,
              "malloc_tuned": tune_allocator()}
    try:
        import threadpoolctl
    except ImportError:
        return report
    threadpoolctl.threadpool_limits(1)
    report["threadpoolctl"] = True
    return report
