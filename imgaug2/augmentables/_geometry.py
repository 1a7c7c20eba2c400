"""Pure geometry kernels for the coordinate-based augmentables (numpy in, numpy out).

Everything here works on float64 copies of ``(N, 2)`` xy arrays and has no randomness.
"""

from __future__ import annotations

import numpy as np

# largest number of point/segment pairs handled in one vectorised block
_BLOCK = 1 << 20


def clip_segments(start: np.ndarray, end: np.ndarray, xmin: float, ymin: float, xmax: float,
                  ymax: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Liang–Barsky clipping of segments ``start[i] -> end[i]`` to a closed rectangle.

    Returns ``(t0, t1, valid)``: the part of segment ``i`` inside the rectangle is
    ``start + t * (end - start)`` for ``t`` in ``[t0[i], t1[i]]`` where ``valid[i]``.
    """
    start = np.asarray(start, dtype=np.float64)
    end = np.asarray(end, dtype=np.float64)
    delta = end - start
    t0 = np.zeros(len(start))
    t1 = np.ones(len(start))
    valid = np.isfinite(start).all(axis=1) & np.isfinite(end).all(axis=1)
    checks = ((-delta[:, 0], start[:, 0] - xmin), (delta[:, 0], xmax - start[:, 0]),
              (-delta[:, 1], start[:, 1] - ymin), (delta[:, 1], ymax - start[:, 1]))
    with np.errstate(divide="ignore", invalid="ignore"):
        for pk, qk in checks:
            valid &= ~((pk == 0) & (qk < 0))
            ratio = qk / pk
            t0 = np.where(pk < 0, np.maximum(t0, ratio), t0)
            t1 = np.where(pk > 0, np.minimum(t1, ratio), t1)
    valid &= t0 <= t1
    return t0, t1, valid


def clip_polygon(coords: np.ndarray, xmin: float, ymin: float, xmax: float,
                 ymax: float) -> np.ndarray:
    """Sutherland–Hodgman clipping of a polygon ``(N, 2)`` to a closed rectangle.

    The result is one ``(M, 2)`` float64 polygon (possibly empty). Parts of a concave polygon
    that leave and re-enter the rectangle stay joined by zero-area edges along its border.
    """
    pts = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    for axis, bound, keep_above in ((0, xmin, True), (0, xmax, False),
                                    (1, ymin, True), (1, ymax, False)):
        if len(pts) == 0:
            break
        prev = np.roll(pts, 1, axis=0)
        if keep_above:
            in_cur, in_prev = pts[:, axis] >= bound, prev[:, axis] >= bound
        else:
            in_cur, in_prev = pts[:, axis] <= bound, prev[:, axis] <= bound
        crossing = in_cur != in_prev
        denom = np.where(crossing, pts[:, axis] - prev[:, axis], 1.0)
        t = np.where(crossing, (bound - prev[:, axis]) / denom, 0.0)
        inter = prev + (pts - prev) * t[:, None]
        inter[:, axis] = bound
        candidates = np.stack([inter, pts], axis=1)
        keep = np.stack([crossing, in_cur], axis=1)
        pts = candidates[keep]
    return np.clip(pts, [xmin, ymin], [xmax, ymax]) if len(pts) else pts


def polygon_area(coords: np.ndarray) -> float:
    """Absolute shoelace area of a polygon ``(N, 2)`` (0 for fewer than 3 points)."""
    if len(coords) < 3:
        return 0.0
    pts = np.asarray(coords, dtype=np.float64)
    x, y = pts[:, 0], pts[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) * 0.5)


def remove_consecutive_duplicates(coords: np.ndarray, closed: bool,
                                  tolerance: float = 0.0) -> np.ndarray:
    """Drop points within ``tolerance`` of their predecessor (and of the first one if closed)."""
    pts = np.asarray(coords)
    if len(pts) <= 1:
        return pts
    keep = np.ones(len(pts), dtype=bool)
    keep[1:] = np.abs(np.diff(pts.astype(np.float64), axis=0)).max(axis=1) > tolerance
    result = pts[keep]
    if closed and len(result) > 1 and np.abs(
            result[-1].astype(np.float64) - result[0]).max() <= tolerance:
        result = result[:-1]
    return result


def _orientation(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return ((b[..., 0] - a[..., 0]) * (c[..., 1] - a[..., 1])
            - (b[..., 1] - a[..., 1]) * (c[..., 0] - a[..., 0]))


def _on_segment(a: np.ndarray, b: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Whether the collinear point ``p`` lies within the bounding box of segment ``a-b``."""
    return ((np.minimum(a[..., 0], b[..., 0]) <= p[..., 0])
            & (p[..., 0] <= np.maximum(a[..., 0], b[..., 0]))
            & (np.minimum(a[..., 1], b[..., 1]) <= p[..., 1])
            & (p[..., 1] <= np.maximum(a[..., 1], b[..., 1])))


def segments_intersect(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Whether segments ``a-b`` and ``c-d`` share at least one point (touching counts)."""
    o1, o2 = _orientation(a, b, c), _orientation(a, b, d)
    o3, o4 = _orientation(c, d, a), _orientation(c, d, b)
    proper = (o1 * o2 < 0) & (o3 * o4 < 0)
    touch = ((o1 == 0) & _on_segment(a, b, c)) | ((o2 == 0) & _on_segment(a, b, d)) \
        | ((o3 == 0) & _on_segment(c, d, a)) | ((o4 == 0) & _on_segment(c, d, b))
    return proper | touch


def is_simple_polygon(coords: np.ndarray) -> bool:
    """Whether a polygon is valid in the Shapely sense without Shapely.

    At least three distinct points, non-zero area, no edge touching or crossing a non-adjacent
    edge and no adjacent edges folding back onto each other (spikes).
    """
    pts = remove_consecutive_duplicates(np.asarray(coords, dtype=np.float64), closed=True)
    n = len(pts)
    if n < 3 or not np.isfinite(pts).all() or polygon_area(pts) == 0:
        return False
    start, end = pts, np.roll(pts, -1, axis=0)
    delta = end - start
    nxt = np.roll(delta, -1, axis=0)
    cross = delta[:, 0] * nxt[:, 1] - delta[:, 1] * nxt[:, 0]
    dot = (delta * nxt).sum(axis=1)
    if np.any((cross == 0) & (dot < 0)):
        return False
    if n == 3:
        return True
    idx = np.arange(n)
    rows = max(1, _BLOCK // n)
    for lo in range(0, n, rows):
        i = idx[lo:lo + rows, None]
        j = idx[None, :]
        pair = (j > i + 1) & ~((i == 0) & (j == n - 1))
        if not pair.any():
            continue
        ii, jj = np.broadcast_arrays(i, j)
        ii, jj = ii[pair], jj[pair]
        if np.any(segments_intersect(start[ii], end[ii], start[jj], end[jj])):
            return False
    return True


def point_to_polyline_distances(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Euclidean distance of every point ``(P, 2)`` to the closest location of a polyline."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    line = np.asarray(line, dtype=np.float64).reshape(-1, 2)
    if len(line) == 1:
        return np.hypot(pts[:, 0] - line[0, 0], pts[:, 1] - line[0, 1])
    seg_start, delta = line[:-1], np.diff(line, axis=0)
    len2 = (delta ** 2).sum(axis=1)
    safe_len2 = np.where(len2 > 0, len2, 1.0)
    result = np.empty(len(pts))
    rows = max(1, _BLOCK // len(seg_start))
    for lo in range(0, len(pts), rows):
        block = pts[lo:lo + rows, None, :]
        rel = block - seg_start[None]
        t = np.clip((rel * delta[None]).sum(axis=-1) / safe_len2, 0.0, 1.0)
        diff = rel - t[..., None] * delta[None]
        result[lo:lo + rows] = np.sqrt((diff ** 2).sum(axis=-1)).min(axis=1)
    return result


def polyline_distance(line_a: np.ndarray, line_b: np.ndarray) -> float:
    """Exact smallest distance between two polylines (single points allowed; 0 if they cross)."""
    a = np.asarray(line_a, dtype=np.float64).reshape(-1, 2)
    b = np.asarray(line_b, dtype=np.float64).reshape(-1, 2)
    dist = min(float(point_to_polyline_distances(a, b).min()),
               float(point_to_polyline_distances(b, a).min()))
    if dist == 0 or len(a) < 2 or len(b) < 2:
        return dist
    a_start, a_end = a[:-1], a[1:]
    b_start, b_end = b[:-1], b[1:]
    rows = max(1, _BLOCK // len(b_start))
    for lo in range(0, len(a_start), rows):
        hit = segments_intersect(a_start[lo:lo + rows, None], a_end[lo:lo + rows, None],
                                 b_start[None], b_end[None])
        if hit.any():
            return 0.0
    return dist


def clip_line_string(coords: np.ndarray, height: int, width: int,
                     eps: float = 1e-3) -> list[np.ndarray]:
    """Cut a line string at the image border (imgaug 0.4.0 semantics), as float32 pieces.

    Points inside the image (``0 <= x < W``, ``0 <= y < H``) are kept, points outside are dropped
    and each crossing of the border adds a point on ``[0, W - eps] x [0, H - eps]``.
    """
    pts = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    n = len(pts)
    if n == 0:
        return []
    inside = ((pts[:, 0] >= 0) & (pts[:, 0] < width) & (pts[:, 1] >= 0) & (pts[:, 1] < height))
    if n == 1 or inside.all():
        return [np.asarray(coords, dtype=np.float32).copy()] if inside.all() else []
    xmax, ymax = _inner_bound(width, eps), _inner_bound(height, eps)
    t0, t1, valid = clip_segments(pts[:-1], pts[1:], 0.0, 0.0, xmax, ymax)
    low, high = np.zeros(2), np.array([xmax, ymax])
    pieces: list[list[tuple[np.ndarray, bool]]] = []
    current: list[tuple[np.ndarray, bool]] = [(pts[0], True)] if inside[0] else []
    for i in range(n - 1):
        p, q = pts[i], pts[i + 1]
        if valid[i]:
            if not inside[i]:
                if current:
                    pieces.append(current)
                current = [(np.clip(p + (q - p) * t0[i], low, high), False)]
            elif not current:
                current = [(p, True)]
            if inside[i + 1]:
                current.append((q, True))
            else:
                current.append((np.clip(p + (q - p) * t1[i], low, high), False))
                pieces.append(current)
                current = []
        else:
            if current:
                pieces.append(current)
                current = []
            if inside[i + 1]:
                current = [(q, True)]
    if current:
        pieces.append(current)
    return [np.array(_dedupe_added_points(piece), dtype=np.float32) for piece in pieces]


def _inner_bound(size: int, eps: float) -> float:
    """``size - eps``, lowered if needed so that it stays below ``size`` as float32."""
    bound = size - eps
    if np.float32(bound) >= size:
        bound = float(np.nextafter(np.float32(size), np.float32(0)))
    return bound


def _dedupe_added_points(piece: list[tuple[np.ndarray, bool]],
                         tolerance: float = 1e-2) -> list[np.ndarray]:
    """Drop border-crossing points that (almost) coincide with a neighbour."""
    kept: list[tuple[np.ndarray, bool]] = []
    for point, original in piece:
        if kept and np.hypot(*(point - kept[-1][0])) < tolerance:
            if original and not kept[-1][1]:
                kept[-1] = (point, original)
                continue
            if not original:
                continue
        kept.append((point, original))
    return [point for point, _ in kept]
