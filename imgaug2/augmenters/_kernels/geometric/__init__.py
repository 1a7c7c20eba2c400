"""Pure kernels of the geometric augmenters (numpy in, numpy out, no randomness).

Modules: ``warp`` (dtype-aware OpenCV warps), ``affine`` (affine matrices), ``perspective``,
``piecewise`` (piecewise-affine maps), ``elastic`` (displacement fields), ``rot90``, ``jigsaw``
and ``polar``.

Coordinate conventions: image arrays are warped in *pixel-index* coordinates (the centre of
pixel ``(row, col)`` is at ``(x=col, y=row)``), as OpenCV does. Keypoints use imgaug's
*continuous* coordinates (the centre of that pixel is at ``(col + 0.5, row + 0.5)``). Kernels
that move points say which convention they expect.
"""
