"""Shared helpers for tests that read or execute the course notebooks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from trainwell.notebook import glued

ROOT = Path(__file__).resolve().parents[1]
SEED_LINE = re.compile(r"^SEED = \d+$", re.MULTILINE)


def chapter_notebooks(chapter: str) -> list[Path]:
    """The PyTorch and TensorFlow notebooks of a chapter folder such as ``02-vanishing-exploding``."""
    folder = ROOT / "chapters" / chapter
    return [folder / "pytorch.ipynb", folder / "tensorflow.ipynb"]


def stored_claims(path: Path) -> dict[str, object]:
    return glued(path)


def run_with_seed(path: Path, seed: int, timeout: int = 600) -> dict[str, object]:
    """Execute a copy of the notebook with ``SEED = seed`` in its first code cell; return its glue."""
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    if not SEED_LINE.search(first.source):
        raise AssertionError(f"{path}: the first code cell must set `SEED = <int>` on a line of its own")
    first.source = SEED_LINE.sub(f"SEED = {seed}", first.source)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    out = path.parent / f".seed-{seed}-{path.name}"
    try:
        nbformat.write(nb, out)
        return glued(out)
    finally:
        out.unlink(missing_ok=True)


def check_claims(values: dict[str, object], claims: dict, where: str) -> None:
    """Assert every claim: ``claims`` maps a description to ``(keys, predicate)``."""
    failures = []
    for description, (keys, predicate) in claims.items():
        missing = [k for k in keys if k not in values]
        if missing:
            failures.append(f"{description}: keys not glued: {missing}")
            continue
        args = [values[k] for k in keys]
        if not predicate(*args):
            shown = ", ".join(f"{k}={values[k]!r}" for k in keys)
            failures.append(f"{description}: does not hold ({shown})")
    assert not failures, f"{where}:\n  " + "\n  ".join(failures)
