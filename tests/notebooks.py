"""Shared helpers for tests that read or execute the course notebooks."""

from __future__ import annotations

import atexit
import os
import re
from pathlib import Path

import nbformat
import pytest
from jupyter_client import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

from trainwell.notebook import glued

ROOT = Path(__file__).resolve().parents[1]
SEED_LINE = re.compile(r"^SEED = \d+$", re.MULTILINE)
# The name of the tests that re-run a notebook with another seed (the test scheduler spreads them).
SEED_RUNS = "test_claims_hold_for_other_seeds"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
# Words that name a kind of picture, not what it shows: an alt text made of these only says nothing.
GENERIC_ALT = {"chart", "diagram", "figure", "graph", "icon", "image", "img", "logo", "output",
               "photo", "picture", "plot", "png", "svg", "untitled"}
ALT_SENTENCE_WORDS = 8


def chapter_notebooks(chapter: str) -> list[Path]:
    """The PyTorch and TensorFlow notebooks of a chapter folder such as ``02-vanishing-exploding``."""
    folder = ROOT / "chapters" / chapter
    return [folder / "pytorch.ipynb", folder / "tensorflow.ipynb"]


def concept_page(chapter: str) -> Path:
    """The executed concept page of a chapter folder (``index.ipynb``, from its ``index.md``)."""
    return ROOT / "chapters" / chapter / "index.ipynb"


def alt_text_problem(alt: str | None, sentence: bool = True) -> str | None:
    """What is wrong with an image's alt text, or None when it says what the image shows: not
    empty, not a file name or address (what docutils writes when an image has no alt), not only
    generic words ("figure 1", "plot") and, with ``sentence``, at least ``ALT_SENTENCE_WORDS``
    words (a plot's or a diagram's axes and what it compares need a sentence)."""
    alt = (alt or "").strip()
    words = re.findall(r"[\w.-]+", alt.lower())
    if not alt:
        return "no alt text"
    if re.search(r"\.(png|jpe?g|gif|svg)$|^(\.\./|/|https?:)|_images/", alt):
        return f"alt text is a file name, not a description: {alt!r}"
    if all(w in GENERIC_ALT or w.isdigit() for w in words):
        return f"alt text names no content: {alt!r}"
    if sentence and len(alt.split()) < ALT_SENTENCE_WORDS:
        return f"alt text too short to say what the figure shows: {alt!r}"
    return None


def image_alt(cell) -> str | None:
    """The alt text myst-nb gives a code cell's image outputs: the cell option
    ``mystnb: {image: {alt: ...}}`` of its source."""
    return cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")


def stored_claims(path: Path) -> dict[str, object]:
    return glued(path)


SEEDS = (1, 2, 3)
# A notebook's kernel for its runs with other seeds: started by the first, kept for the next.
_SEED_KERNELS: dict[Path, AsyncKernelManager] = {}
# The first cell of each run in a kept kernel: the last run's variables and figures go.
RESET = "%reset -f\nimport matplotlib.pyplot as plt\nplt.close('all')\ndel plt"


def _seed_kernel(path: Path) -> AsyncKernelManager:
    """The kept kernel of the notebook's seed runs, started (in its folder, drawing with
    matplotlib's Agg backend) if it has none or it died."""
    km = _SEED_KERNELS.get(path)
    if km is None or not run_sync(km.is_alive)():
        km = AsyncKernelManager(kernel_name="python3")
        run_sync(km.start_kernel)(cwd=str(path.parent), env={**os.environ, "MPLBACKEND": "Agg"})
        _SEED_KERNELS[path] = km
    return km


@atexit.register
def _shut_seed_kernels() -> None:
    for km in _SEED_KERNELS.values():
        run_sync(km.shutdown_kernel)(now=True)
    _SEED_KERNELS.clear()


def run_with_seed(path: Path, seed: int, timeout: int = 600) -> dict[str, object]:
    """Execute a copy of the notebook with ``SEED = seed`` in its first code cell; return its glue.

    The runs of one notebook share a kernel: each starts by clearing the last run's variables
    (``%reset -f``), but the imported modules stay, so only the first run pays for importing
    PyTorch or TensorFlow. The run with the last of ``SEEDS`` shuts the kernel down. The kernel
    draws with matplotlib's Agg backend, so figures are made but never rendered: the claims read
    glued values only, and rendering them costs a good part of a run.
    """
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    if not SEED_LINE.search(first.source):
        raise AssertionError(f"{path}: the first code cell must set `SEED = <int>` on a line of its own")
    first.source = SEED_LINE.sub(f"SEED = {seed}", first.source)
    nb.cells.insert(0, nbformat.v4.new_code_cell(RESET))
    client = NotebookClient(nb, km=_seed_kernel(path), timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
        if seed == SEEDS[-1]:
            run_sync(_SEED_KERNELS.pop(path).shutdown_kernel)(now=True)
    return glued(nb)


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


def notebook_definitions(path: Path, names, prelude: str = "") -> dict:
    """A namespace made by running ``prelude``, then, in order, each code cell of the notebook
    that defines (``def`` or ``class``) one of ``names``, each defined in exactly one cell."""
    pattern = re.compile(rf"^(?:def|class) ({'|'.join(names)})\b", re.MULTILINE)
    namespace: dict = {}
    exec(prelude, namespace)  # noqa: S102 - the test's own imports
    defined: list[str] = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code" and (found := pattern.findall(cell.source)):
            exec(cell.source, namespace)  # noqa: S102 - the course's own notebook code
            defined += found
    assert sorted(defined) == sorted(names), (
        f"{path.name}: expected one definition each of {list(names)}, got {defined}"
    )
    return namespace


def _stored_and_seeded(notebooks: list[Path], claims_of, name=lambda p: p.name):
    @pytest.mark.parametrize("path", notebooks, ids=name)
    def test_stored_claims(path):
        check_claims(stored_claims(path), claims_of(path), str(path))

    @pytest.mark.slow
    @pytest.mark.parametrize("seed", SEEDS)
    @pytest.mark.parametrize("path", notebooks, ids=name)
    def test_claims_hold_for_other_seeds(path, seed):
        check_claims(run_with_seed(path, seed), claims_of(path), f"{path} with SEED = {seed}")

    return test_stored_claims, test_claims_hold_for_other_seeds


def claim_tests(notebooks: list[Path], claims):
    """A chapter's claims tests: on the stored outputs, the same keys in both notebooks, and
    re-run with ``SEED = 1, 2, 3``. ``claims`` is a claims dict, or a function of the notebook path
    that gives one. Assign the result to module-level names so that pytest collects them."""
    claims_of = claims if callable(claims) else lambda path: claims
    test_stored_claims, test_claims_hold_for_other_seeds = _stored_and_seeded(notebooks, claims_of)

    def test_both_notebooks_glue_the_same_keys():
        torch_keys, tf_keys = (set(stored_claims(p)) for p in notebooks)
        assert torch_keys == tf_keys

    return (test_stored_claims, test_both_notebooks_glue_the_same_keys,
            test_claims_hold_for_other_seeds)


def concept_claim_tests(claims: dict[str, dict]):
    """The claims of the concept pages, ``claims`` by chapter folder: on the stored outputs of each
    ``index.ipynb`` and re-run with ``SEED = 1, 2, 3``. Assign the result to module-level names."""
    pages = [concept_page(chapter) for chapter in claims]
    return _stored_and_seeded(pages, lambda path: claims[path.parent.name], lambda p: p.parent.name)
