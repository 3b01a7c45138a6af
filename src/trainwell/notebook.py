"""Glue computed values into a notebook (myst-nb's format), and read them back from one."""

from __future__ import annotations

import ast
import json
import numbers
from collections.abc import Mapping
from pathlib import Path

GLUE_PREFIX = "application/papermill.record/"

__all__ = ["glue", "glued"]


def _plain(value):
    """NumPy and framework scalars as Python numbers, so the stored text is a plain literal."""
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "item") and getattr(value, "ndim", getattr(value, "shape", None)) in (0, ()):
        return value.item()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def glue(name: str, value, display: bool = False) -> None:
    """Store ``value`` under ``name`` for ``{glue:text}`` in the book's prose (as ``myst_nb.glue``).

    Works without myst-nb (in Colab); numbers are stored as plain Python literals.
    """
    from IPython.core.formatters import format_display_data
    from IPython.display import display as ipy_display

    value = _plain(value)
    mimebundle, metadata = format_display_data(value)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    ipy_display({prefix + k: v for k, v in mimebundle.items()}, raw=True, metadata=metadata)


def glued(notebook: str | Path | Mapping) -> dict[str, object]:
    """The values glued in a notebook, stored (its path) or in memory (its JSON as a mapping), by
    name (plain literals parsed, else the text)."""
    nb = notebook if isinstance(notebook, Mapping) else json.loads(
        Path(notebook).read_text(encoding="utf-8"))
    values: dict[str, object] = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            scrapbook = output.get("metadata", {}).get("scrapbook")
            if not scrapbook:
                continue
            text = output.get("data", {}).get(scrapbook.get("mime_prefix", "") + "text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            try:
                values[scrapbook["name"]] = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                values[scrapbook["name"]] = text
    return values
