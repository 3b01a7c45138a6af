"""Plots in one style: learning curves, per-layer gradient norms, activation statistics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

__all__ = ["activation_curves", "curves", "layer_norms", "style"]

STYLE = {
    "figure.figsize": (6.4, 3.6),
    "figure.dpi": 100,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
}


def style() -> None:
    """Apply the course's matplotlib style; in Jupyter, also store figures at double pixel density."""
    plt.rcParams.update(STYLE)
    _sharp_inline_figures()


def _sharp_inline_figures() -> None:
    """Inline figures as 'retina' PNGs: twice the pixels, shown at the same size (sharp on the site)."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is not None:
        set_matplotlib_formats("retina")


def _axes(ax):
    if ax is None:
        style()
        _, ax = plt.subplots()
    return ax


def curves(
    series: Mapping[str, Sequence[float]],
    x: Sequence[float] | None = None,
    *,
    xlabel: str = "step",
    ylabel: str = "loss",
    logy: bool = False,
    title: str | None = None,
    ax=None,
):
    """One line per entry of ``series`` (e.g. training and validation loss); returns the axes."""
    ax = _axes(ax)
    for label, values in series.items():
        values = np.asarray(values, dtype=float)
        xs = np.arange(1, len(values) + 1) if x is None else np.asarray(x)[: len(values)]
        ax.plot(xs, values, label=label)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if len(series) > 1:
        ax.legend()
    return ax


def layer_norms(
    norms: Mapping[str, Sequence[float]],
    *,
    ylabel: str = "gradient norm ‖∂L/∂W‖",
    title: str | None = None,
    ax=None,
):
    """Per-layer values (layer 1 = nearest the input) on a log scale, one line per setting."""
    ax = _axes(ax)
    for label, values in norms.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, len(values) + 1), values, marker="o", markersize=3, label=label)
    ax.set_yscale("log")
    ax.set_xlabel("layer (1 = input side)")
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if len(norms) > 1:
        ax.legend()
    return ax


def activation_curves(stats: Mapping[str, Sequence[float]], *, title: str | None = None, ax=None):
    """Standard deviation of each layer's activations, log scale, one line per setting."""
    return layer_norms(stats, ylabel="activation std", title=title, ax=ax)
