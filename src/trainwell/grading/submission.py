"""Read a submitted notebook without trusting it: its code cells, or a clear reason why not.

Nothing here runs the notebook; any file (binary junk, invalid UTF-8, JSON of the wrong shape, deeply
nested, huge) gives a :class:`Submission` whose status is ``ok`` or ``invalid-notebook``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from trainwell.grading.otter_cells import is_otter_cell
from trainwell.grading.results import Status

MAX_NOTEBOOK_BYTES = 64 * 2**20


@dataclass(frozen=True)
class CodeCell:
    """A code cell to run: its position among the notebook's cells (1-based), id and text."""

    index: int
    id: str
    source: str


@dataclass
class Submission:
    path: Path
    data: bytes | None = None
    cells: list[CodeCell] | None = None
    status: Status = Status.OK
    detail: str = ""
    metadata: dict = field(default_factory=dict)

    @property
    def runnable(self) -> bool:
        return self.cells is not None


def _source(cell: dict) -> str:
    """A cell's text; TypeError unless its source is a string or a list of strings."""
    text = cell.get("source", "")
    if isinstance(text, list) and all(isinstance(line, str) for line in text):
        text = "".join(text)
    if not isinstance(text, str):
        raise TypeError("a cell source that is not text")
    text.encode("utf-8")  # lone surrogates (from \ud800 escapes) cannot reach a kernel
    return text


def code_cells(nb: dict) -> list[CodeCell]:
    """The code to run: non-empty code cells, less the lab's own otter cells (public checks)."""
    cells = []
    for index, cell in enumerate(nb["cells"], start=1):
        if not isinstance(cell, dict):
            raise TypeError("a cell that is not an object")
        if cell.get("cell_type") != "code":
            continue
        text = _source(cell)
        if text.strip() and not is_otter_cell(text):
            cell_id = cell.get("id")
            cells.append(CodeCell(index, cell_id if isinstance(cell_id, str) else "", text))
    return cells


def parse(path: Path, data: bytes) -> Submission:
    """The submission whose file ``path`` holds ``data``."""
    invalid = Status.INVALID_NOTEBOOK
    try:
        nb = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Submission(path, data, status=invalid, detail="the file is not UTF-8 text")
    except RecursionError:
        return Submission(path, data, status=invalid, detail="JSON nested too deeply")
    except ValueError as error:
        return Submission(path, data, status=invalid, detail=f"not valid JSON ({str(error)[:200]})")
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return Submission(path, data, status=invalid, detail="JSON without a list of notebook cells")
    try:
        cells = code_cells(nb)
    except UnicodeEncodeError:
        return Submission(path, data, status=invalid, detail="cells with text that is not valid Unicode")
    except TypeError as error:
        return Submission(path, data, status=invalid, detail=f"malformed cells ({error})")
    metadata = nb.get("metadata")
    if not isinstance(metadata, dict) or not metadata:
        return Submission(path, data, cells, detail="the notebook had no metadata; run with the python3 kernel")
    return Submission(path, data, cells, metadata=metadata)


def read_submission(path: Path) -> Submission:
    """Read and parse the file at ``path``; the file is never modified."""
    try:
        size = path.stat().st_size
        if size > MAX_NOTEBOOK_BYTES:
            return Submission(path, status=Status.INVALID_NOTEBOOK,
                              detail=f"the file is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB")
        data = path.read_bytes()
    except OSError as error:
        return Submission(path, status=Status.INVALID_NOTEBOOK,
                          detail=f"cannot read the file: {error.strerror}")
    return parse(path, data)
