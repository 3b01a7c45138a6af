"""One source, two notebooks: split a chapter's or a lab's MyST Markdown notebook by framework.

A source is a text notebook that jupytext reads (``chapters/NN-slug/notebook.md``, giving
``pytorch.ipynb`` and ``tensorflow.ipynb`` beside it, or ``solutions/NN-slug.md``, giving
``solutions/NN-slug-pytorch.ipynb`` and ``-tensorflow.ipynb``). A cell whose metadata has
``framework: pytorch`` (or ``tensorflow``) goes to that framework's notebook only; every other cell
goes to both. In markdown and raw cells, ``{{ framework }}``, ``{{ other_framework }}`` and
``{{ other_notebook }}`` name this notebook's framework, the other one and the other notebook's
file; a source defines more names in its front matter under ``substitutions``, each with one value
per framework.

A chapter's concept page ``chapters/NN-slug/index.md`` is a source too, framework-neutral: it
gives one notebook, ``index.ipynb`` (its executed NumPy demonstrations are what the site shows),
with every cell and no substitutions; a cell marked with a framework is an error there.

Writing a notebook keeps the stored outputs and execution counts of every code cell whose source
is unchanged (the outputs of an edited cell are cleared, for ``make execute``), and the metadata
that execution writes (``language_info``, widget state).
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

FRAMEWORKS = {"pytorch": "PyTorch", "tensorflow": "TensorFlow"}
# Notebook metadata written by running the notebook, not by its source: kept like outputs.
EXECUTION_METADATA = ("language_info", "widgets")
# Source metadata that only the splitter reads.
SOURCE_METADATA = ("jupytext", "substitutions")
SUBSTITUTION = re.compile(r"\{\{\s*(\w+)\s*\}\}")
CHAPTER_SOURCE = "notebook.md"
CONCEPT_SOURCE = "index.md"


class SourceError(ValueError):
    """A source that cannot be split: an unknown framework or an undefined substitution."""


@dataclass(frozen=True)
class Target:
    """One notebook that a source gives; ``framework`` is None for a concept page's."""

    source: Path
    framework: str | None

    @property
    def path(self) -> Path:
        return notebook_path(self.source, self.framework)


def notebook_path(source: Path, framework: str | None) -> Path:
    """Where the ``framework`` notebook of ``source`` lives (``framework=None``: a concept page's)."""
    if framework is None:
        return source.with_suffix(".ipynb")
    if source.name == CHAPTER_SOURCE:
        return source.with_name(f"{framework}.ipynb")
    return source.with_name(f"{source.stem}-{framework}.ipynb")


def find_sources(root: str | Path) -> list[Path]:
    """Every concept page, chapter and lab source under the repository ``root``."""
    root = Path(root)
    chapters = sorted(root.glob(f"chapters/*/{CONCEPT_SOURCE}")) + sorted(
        root.glob(f"chapters/*/{CHAPTER_SOURCE}"))
    return chapters + sorted(root.glob("solutions/*.md"))


def read_source(path: str | Path) -> nbformat.NotebookNode:
    try:
        import jupytext
        from jupytext.myst import MystMetadataParsingError
    except ImportError as error:
        raise SourceError("reading the notebook sources needs jupytext: pip install jupytext") from error
    try:
        return jupytext.read(path, fmt="md:myst")
    except MystMetadataParsingError as error:
        raise SourceError(f"{path}: {error}") from None


def _substitutions(source: nbformat.NotebookNode, path: Path, framework: str) -> dict[str, str]:
    other = next(f for f in FRAMEWORKS if f != framework)
    values = {
        "framework": FRAMEWORKS[framework],
        "other_framework": FRAMEWORKS[other],
        "other_notebook": notebook_path(path, other).name,
    }
    for name, per_framework in source.metadata.get("substitutions", {}).items():
        if not isinstance(per_framework, dict) or set(per_framework) != set(FRAMEWORKS):
            raise SourceError(
                f"{path}: substitution {name!r} needs one value for each of {', '.join(FRAMEWORKS)}"
            )
        values[name] = str(per_framework[framework])
    return values


def _substitute(text: str, values: dict[str, str], path: Path) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise SourceError(
                f"{path}: {{{{ {name} }}}} is not defined (known: {', '.join(sorted(values))}); "
                "define it under `substitutions` in the front matter"
            )
        return values[name]

    return SUBSTITUTION.sub(value, text)


def split(source: nbformat.NotebookNode, path: Path, framework: str | None) -> nbformat.NotebookNode:
    """The cells of ``source`` that belong to ``framework``, as a notebook with no outputs
    (``framework=None``: a concept page, every cell as it is)."""
    if framework is not None and framework not in FRAMEWORKS:
        raise SourceError(f"unknown framework {framework!r}; use one of {', '.join(FRAMEWORKS)}")
    values = _substitutions(source, path, framework) if framework else {}
    nb = nbformat.v4.new_notebook()
    nb.metadata = {k: copy.deepcopy(v) for k, v in source.metadata.items() if k not in SOURCE_METADATA}
    for cell in source.cells:
        metadata = dict(copy.deepcopy(cell.metadata))
        owner = metadata.pop("framework", None)
        if owner is not None and framework is None:
            raise SourceError(f"{path}: a concept page is framework-neutral; a cell is marked "
                              f"framework: {owner!r} (move it to the chapter's {CHAPTER_SOURCE})")
        if owner is not None and owner not in FRAMEWORKS:
            raise SourceError(f"{path}: a cell marked framework: {owner!r}; use one of {', '.join(FRAMEWORKS)}")
        if owner not in (None, framework):
            continue
        keep = cell.cell_type == "code" or framework is None
        text = cell.source if keep else _substitute(cell.source, values, path)
        new = {"code": nbformat.v4.new_code_cell, "markdown": nbformat.v4.new_markdown_cell,
               "raw": nbformat.v4.new_raw_cell}[cell.cell_type](text)
        new.metadata = metadata
        new.id = f"cell-{len(nb.cells):02d}"
        nb.cells.append(new)
    return nb


def keep_outputs(new: nbformat.NotebookNode, old: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Give ``new`` the outputs and execution counts of ``old``'s code cells with the same source,
    matched in order, and ``old``'s execution metadata."""
    def code(nb):
        return [c for c in nb.cells if c.cell_type == "code"]

    new_code, old_code = code(new), code(old)
    matcher = difflib.SequenceMatcher(
        None, [c.source for c in new_code], [c.source for c in old_code], autojunk=False
    )
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            target, donor = new_code[block.a + k], old_code[block.b + k]
            target.outputs = copy.deepcopy(donor.outputs)
            target.execution_count = donor.execution_count
    for key in EXECUTION_METADATA:
        if key in old.metadata:
            new.metadata[key] = copy.deepcopy(old.metadata[key])
    return new


def _render(target: Target, source: nbformat.NotebookNode) -> str:
    """The text ``target`` should hold: split from its source, with the outputs it keeps."""
    nb = split(source, target.source, target.framework)
    if target.path.exists():
        keep_outputs(nb, nbformat.read(target.path, as_version=4))
    return nbformat.writes(nb) + "\n"


def targets(source: Path) -> list[Target]:
    """The notebooks that ``source`` gives: its concept page's, or one per framework."""
    if source.name == CONCEPT_SOURCE:
        return [Target(source, None)]
    return [Target(source, framework) for framework in FRAMEWORKS]


def write_notebooks(sources: list[Path]) -> list[Path]:
    """Write every notebook of ``sources``; return those whose file changed."""
    changed = []
    for path in sources:
        source = read_source(path)
        for target in targets(path):
            new = _render(target, source)
            if not target.path.exists() or target.path.read_text(encoding="utf-8") != new:
                target.path.write_text(new, encoding="utf-8")
                changed.append(target.path)
    return changed


def unexecuted(path: Path) -> int:
    """How many non-empty code cells of the notebook at ``path`` have never been run."""
    nb = nbformat.read(path, as_version=4)
    return sum(c.cell_type == "code" and bool(c.source.strip()) and c.execution_count is None
               for c in nb.cells)


def _without_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` less what execution writes: outputs, execution counts, execution metadata."""
    nb = copy.deepcopy(nb)
    for key in EXECUTION_METADATA:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def out_of_sync(sources: list[Path]) -> list[str]:
    """A line for each notebook that differs from what its source gives (outputs aside)."""
    stale = []
    for path in sources:
        source = read_source(path)
        for target in targets(path):
            if not target.path.exists():
                stale.append(f"{target.path}: missing")
                continue
            committed = _without_outputs(nbformat.read(target.path, as_version=4))
            expected = _without_outputs(split(source, path, target.framework))
            if committed != expected:
                stale.append(f"{target.path}: {_first_difference(expected, committed)}")
    return stale


def _first_difference(expected: nbformat.NotebookNode, committed: nbformat.NotebookNode) -> str:
    if expected.metadata != committed.metadata:
        return "notebook metadata differs"
    for i, (a, b) in enumerate(zip(expected.cells, committed.cells)):
        if a != b:
            return f"cell {i} ({a.cell_type}) differs: {a.source[:60]!r}"
    return f"{len(committed.cells)} cells where the source gives {len(expected.cells)}"
