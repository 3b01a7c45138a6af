"""Read a lab's master notebook, written in otter-grader's assign format (v1).

A master holds raw boundary cells (``# BEGIN QUESTION`` with a YAML config, ``# BEGIN SOLUTION``,
``# BEGIN TESTS`` and their ``# END`` partners). Each test cell is an expression, optionally after
setup statements: public ones are shown to students (as otter doctests), hidden ones (first line
``# HIDDEN`` or ``hidden: true`` in a ``# BEGIN TEST CONFIG`` block) are kept for the grader, which
compares the value a submission gives with the value the solution gives, within ``atol``/``rtol``.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_ATOL = 1e-6
DEFAULT_RTOL = 1e-4
CONFIG_BEGIN = re.compile(r'^\s*(?:.\s*=\s*)?""?"?\s*#\s*BEGIN\s*TEST\s*CONFIG', re.IGNORECASE)
CONFIG_END = re.compile(r'^\s*""?"?\s*#\s*END\s*TEST\s*CONFIG', re.IGNORECASE)
BOUNDARY = re.compile(r"^\s*#\s*(BEGIN|END)\s+(QUESTION|SOLUTION|TESTS|PROMPT)\b", re.IGNORECASE)


class LabError(ValueError):
    """A master notebook that does not follow the format, or a lab that cannot be found."""


@dataclass(frozen=True)
class Check:
    """One test case of a question: setup statements, then an expression that gives plain data."""

    question: str
    number: int
    hidden: bool
    setup: str
    expr: str
    source: str
    output: str
    atol: float = DEFAULT_ATOL
    rtol: float = DEFAULT_RTOL

    @property
    def id(self) -> str:
        return f"{self.question}-{self.number}"

    @property
    def label(self) -> str:
        return f"{self.question} {'hidden' if self.hidden else 'public'} test {self.number}"


@dataclass
class Question:
    name: str
    points: float
    manual: bool = False
    checks: list[Check] = field(default_factory=list)


@dataclass
class Lab:
    """A parsed master: its questions and the cells of the solution run (tests left out)."""

    id: str
    path: Path
    questions: list[Question]
    cells: list[dict]
    metadata: dict
    solution_code: list[str]

    @property
    def auto_questions(self) -> list[Question]:
        return [q for q in self.questions if not q.manual]

    @property
    def checks(self) -> list[Check]:
        return [c for q in self.auto_questions for c in q.checks]

    @property
    def possible(self) -> float:
        return sum(q.points for q in self.auto_questions)


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def boundary(cell: dict) -> tuple[str, str, dict] | None:
    """``("BEGIN", "QUESTION", config)`` for a raw boundary cell, else None."""
    if cell.get("cell_type") != "raw":
        return None
    text = source(cell).strip()
    match = BOUNDARY.match(text)
    if not match:
        return None
    rest = text.split("\n", 1)[1] if "\n" in text else ""
    config = yaml.safe_load(rest) if rest.strip() else {}
    return match.group(1).upper(), match.group(2).upper(), config or {}


def _output_text(cell: dict) -> str:
    text = ""
    for out in cell.get("outputs", []):
        text += "".join(out.get("text", ""))
        plain = out.get("data", {}).get("text/plain")
        if plain:
            text += "".join(plain) if isinstance(plain, list) else plain
    return text


def parse_check(cell: dict, question: str, number: int) -> Check:
    lines = source(cell).split("\n")
    hidden = bool(lines and lines[0].lstrip().startswith("#") and re.search(r"\bhidden\b", lines[0], re.I))
    config: dict = {}
    if lines and CONFIG_BEGIN.match(lines[0]):
        end = next((i for i, line in enumerate(lines) if i and CONFIG_END.match(line)), None)
        if end is None:
            raise LabError(f"{question}: a TEST CONFIG block without its END")
        config = yaml.safe_load("\n".join(lines[1:end])) or {}
        lines = lines[end + 1 :]
    elif hidden:
        lines = lines[1:]
    hidden = bool(config.get("hidden", hidden))
    code = "\n".join(lines).strip("\n")
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise LabError(f"{question}: test {number} is not valid Python: {error}") from error
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        raise LabError(f"{question}: test {number} must end with an expression that gives its value")
    last = tree.body[-1]
    setup = "\n".join(code.split("\n")[: last.lineno - 1])
    expr = ast.get_source_segment(code, last)
    return Check(
        question=question,
        number=number,
        hidden=hidden,
        setup=setup,
        expr=expr,
        source=code,
        output=_output_text(cell),
        atol=float(config.get("atol", DEFAULT_ATOL)),
        rtol=float(config.get("rtol", DEFAULT_RTOL)),
    )


def read_lab(path: str | Path) -> Lab:
    """Parse the master notebook at ``path`` (its stem is the lab id)."""
    path = Path(path)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LabError(f"cannot read the master {path}: {error}") from error
    questions: list[Question] = []
    cells: list[dict] = []
    solution_code: list[str] = []
    current: Question | None = None
    block: str | None = None
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "raw" and source(cell).lstrip().startswith("# ASSIGNMENT CONFIG"):
            continue
        mark = boundary(cell)
        if mark:
            kind, what, config = mark
            if what == "QUESTION":
                if kind == "BEGIN":
                    if current is not None:
                        raise LabError(f"{path}: question inside question {current.name}")
                    if "name" not in config:
                        raise LabError(f"{path}: a BEGIN QUESTION cell without a name")
                    current = Question(
                        name=str(config["name"]),
                        points=float(config.get("points", 1)),
                        manual=bool(config.get("manual", False)),
                    )
                    questions.append(current)
                else:
                    current = None
            elif kind == "BEGIN":
                if current is None:
                    raise LabError(f"{path}: BEGIN {what} outside a question")
                block = what
            else:
                block = None
            cells.append({"mark": (kind, what), "question": current.name if current else None})
            continue
        if block == "TESTS":
            if cell.get("cell_type") != "code" or not source(cell).strip():
                continue
            current.checks.append(parse_check(cell, current.name, len(current.checks) + 1))
            continue
        cells.append({"cell": cell, "block": block, "question": current.name if current else None})
        if cell.get("cell_type") == "code" and source(cell).strip():
            solution_code.append(source(cell))
    for question in questions:
        if not question.manual and not question.checks:
            raise LabError(f"{path}: question {question.name} has no tests")
    if not questions:
        raise LabError(f"{path}: no questions (is it in otter's assign format?)")
    return Lab(
        id=path.stem,
        path=path,
        questions=questions,
        cells=cells,
        metadata=nb.get("metadata", {}),
        solution_code=solution_code,
    )


def find_lab(lab_id: str, solutions_dir: str | Path | None = None) -> Lab:
    """The lab whose master is ``<solutions_dir>/<lab_id>.ipynb`` (by default ``./solutions``)."""
    folder = Path(solutions_dir) if solutions_dir else Path.cwd() / "solutions"
    path = folder / f"{lab_id}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
        hint = (f"; known labs: {', '.join(known)}" if known
                else f" (no masters in {folder}; pass --solutions with the folder of the masters)")
        raise LabError(f"no lab {lab_id!r}: {path} does not exist{hint}")
    return read_lab(path)
