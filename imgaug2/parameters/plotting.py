"""Histograms of parameter samples (matplotlib is imported lazily; extra ``imgaug2[bench]``)."""

from __future__ import annotations

from typing import Any

import numpy as np

_TITLE_CHUNK = 50


def _matplotlib() -> tuple[Any, Any]:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ImportError("Drawing distribution graphs needs matplotlib: "
                          "pip install 'imgaug2[bench]'") from exc
    return Figure, FigureCanvasAgg


def draw_distribution_graph(param: Any, title: Any = None, size: tuple[int, ...] = (1000, 1000),
                            bins: int = 100) -> np.ndarray:
    """Histogram of ``param``'s samples as an ``(H, W, 3)`` uint8 RGB image.

    ``size[0]`` calls of ``param.draw_samples(size[1:])`` (global RNG) are merged. ``title``:
    None -> ``str(param)``, False -> no title, str -> that title.
    """
    figure_cls, canvas_cls = _matplotlib()
    size = tuple(size)
    if len(size) < 2:
        raise ValueError(f"Expected size to have at least two entries (runs, samples per run), "
                         f"got {size!r}.")
    points = np.concatenate([
        np.asarray(param.draw_samples(size[1:]), dtype=np.float64).ravel()
        for _ in range(size[0])
    ])
    fig = figure_cls()
    canvas = canvas_cls(fig)
    ax = fig.add_subplot(111)
    heights, edges = np.histogram(points, bins=bins)
    heights = heights / max(heights.sum(), 1)
    ax.bar(edges[:-1], heights, width=(edges.max() - edges.min()) / len(edges), color="blue",
           alpha=0.75, align="edge")
    if title is None:
        title = str(param)
    if title is not False:
        text = str(title)
        ax.set_title("\n".join(text[i:i + _TITLE_CHUNK]
                               for i in range(0, len(text), _TITLE_CHUNK)))
    fig.tight_layout(pad=0)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].copy()


def draw_distributions_grid(params: list, rows: int | None = None, cols: int | None = None,
                            graph_sizes: tuple[int, int] = (350, 350),
                            sample_sizes: list | None = None,
                            titles: Any = None) -> np.ndarray:
    """Distribution graphs of several parameters, resized to ``graph_sizes``, in one grid image.

    ``titles``: None (automatic), False (none) or one title per parameter; ``sample_sizes``:
    None or one ``size`` per parameter (see ``draw_distribution_graph``).
    """
    from imgaug2 import imgaug as ia

    if titles is None:
        titles = [None] * len(params)
    elif titles is False:
        titles = [False] * len(params)
    if sample_sizes is None:
        images = [p.draw_distribution_graph(title=t) for p, t in zip(params, titles)]
    else:
        images = [p.draw_distribution_graph(size=s, title=t)
                  for p, s, t in zip(params, sample_sizes, titles)]
    resized = ia.imresize_many_images(images, sizes=graph_sizes)
    return ia.draw_grid(resized, rows=rows, cols=cols)


def show_distributions_grid(params: list, rows: int | None = None, cols: int | None = None,
                            graph_sizes: tuple[int, int] = (350, 350),
                            sample_sizes: list | None = None, titles: Any = None) -> None:
    """Show :func:`draw_distributions_grid` with ``ia.imshow``."""
    from imgaug2 import imgaug as ia

    ia.imshow(draw_distributions_grid(params, rows=rows, cols=cols, graph_sizes=graph_sizes,
                                      sample_sizes=sample_sizes, titles=titles))
