"""Run a lab in this process and evaluate its checks as the grader does, on any answers.

A lab's checks are evaluated like the grader's: after the notebook's cells, each check's setup
runs and its expression's value is serialized to JSON; a hidden check passes when that value
matches the solution's within the check's tolerance. Here the notebook is the solution, the
student version (``labs/``), or the solution with one question's answers replaced: by trivial
answers (the identity, zeros, ones, a constant number, the untouched ``...``) or by a wrong
answer from ``lab_wrong_answers``. This is what the fairness tests need, without a sandbox: the
grader's own end-to-end tests cover the sandbox.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import io
import json
import math
import re
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib

from trainwell.grading.compare import matches
from trainwell.grading.lab import Check, Lab, Question, read_lab, source

ROOT = Path(__file__).resolve().parents[1]
MASTERS = sorted((ROOT / "solutions").glob("*.ipynb"))
TRIVIAL_KINDS = ("untouched", "identity", "zeros", "ones", "zero number", "one number")
OTTER_CELL = re.compile(r"^(grader\.check\(|# Otter Grader: )")
SOLUTION_BEGIN, SOLUTION_END = "# BEGIN SOLUTION", "# END SOLUTION"


@dataclass(frozen=True)
class Outcome:
    """A check's value (JSON data) or, when it raised, the error."""

    value: object = None
    error: str | None = None

    def passes(self, reference: object, check: Check) -> bool:
        return self.error is None and matches(self.value, reference, check.atol, check.rtol)


def _python(code: str) -> str:
    """A cell as plain Python (IPython's ``%`` magics rewritten, as the kernel would)."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(code)


def run_cells(cells: list[str], namespace: dict) -> list[str]:
    """Run each cell in ``namespace``, going on after an error (as the grader does); the errors."""
    import matplotlib

    matplotlib.use("Agg")
    errors = []
    for number, code in enumerate(cells):
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                exec(compile(_python(code), f"<cell {number}>", "exec"), namespace)  # noqa: S102
        except Exception as error:  # noqa: BLE001 - a cell of the lab under test may raise anything
            errors.append(f"cell {number}: {type(error).__name__}: {error}")
    import matplotlib.pyplot as plt

    plt.close("all")
    return errors


def _serialized(value) -> object:
    """The value as the grader's runner sends it: JSON, arrays as lists, other objects as repr."""
    text = json.dumps(value, default=lambda o: o.tolist() if hasattr(o, "tolist") else repr(o))
    return json.loads(text)


def evaluate(check: Check, namespace: dict) -> Outcome:
    import numpy as np

    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
                warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            exec(compile(check.setup, f"<{check.id} setup>", "exec"), namespace)  # noqa: S102
            value = eval(compile(check.expr, f"<{check.id}>", "eval"), namespace)  # noqa: S307
        return Outcome(_serialized(value))
    except Exception as error:  # noqa: BLE001 - answers under test may raise anything
        return Outcome(error=f"{type(error).__name__}: {error}")


def framework(lab: Lab) -> str:
    return lab.id.rsplit("-", 1)[1]


@cache
def lab(master: Path) -> Lab:
    return read_lab(master)


@cache
def solution_namespace(master: Path) -> dict:
    """The namespace after every cell of the master's solution (tests left out)."""
    matplotlib.use("Agg")  # this process only: an env var would leak into kernels started later
    namespace: dict = {"__name__": "__main__"}
    errors = run_cells(lab(master).solution_code, namespace)
    assert not errors, f"{master.name}: the solution raised: {errors}"
    return namespace


@cache
def student_namespace(master: Path) -> dict:
    """The namespace after every cell of the untouched student version in ``labs/``."""
    nb = json.loads((ROOT / "labs" / master.name).read_text())
    cells = [source(c) for c in nb["cells"] if c["cell_type"] == "code"]
    namespace: dict = {"__name__": "__main__"}
    run_cells([c for c in cells if c.strip() and not OTTER_CELL.match(c)], namespace)
    return namespace


@cache
def reference(master: Path) -> dict[str, object]:
    """Every check's value in the solution, evaluated in order after all cells, as the grader does."""
    namespace = dict(solution_namespace(master))
    values = {}
    for check in lab(master).checks:
        outcome = evaluate(check, namespace)
        assert outcome.error is None, f"{master.name} {check.label} raised on the solution: {outcome.error}"
        values[check.id] = outcome.value
    return values


def outcomes(master: Path, question: Question, namespace: dict) -> dict[str, Outcome]:
    """The question's checks evaluated in order in (a copy of) ``namespace``."""
    namespace = dict(namespace)
    return {check.id: evaluate(check, namespace) for check in question.checks}


def otter_check(master: Path, question: str, namespace: dict) -> tuple[bool, str]:
    """What ``grader.check(question)`` shows a student: otter runs the question's public test
    file from ``labs/tests/`` as doctests on (a copy of) ``namespace``; (all passed, its text)."""
    from otter.test_files import OKTestFile

    test = OKTestFile.from_file(str(ROOT / "labs" / "tests" / master.stem / f"{question}.py"))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        test.run(dict(namespace))
    return test.passed_all, "\n".join(r.message for r in test.test_case_results)


# --- Which names are a question's answers ---------------------------------------------------


def _solution_lines(code: str) -> set[int]:
    """Line numbers (1-based) between ``# BEGIN SOLUTION`` and ``# END SOLUTION`` markers."""
    inside, lines = False, set()
    for number, line in enumerate(code.split("\n"), start=1):
        if line.strip() == SOLUTION_BEGIN:
            inside = True
        elif line.strip() == SOLUTION_END:
            inside = False
        elif inside:
            lines.add(number)
    return lines


def _touched(node: ast.AST) -> set[str]:
    """Names that ``node`` assigns, or whose object it changes (``d[k] = v``, ``d.update()``)."""
    names = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.add(sub.id)
        elif isinstance(sub, (ast.Subscript, ast.Attribute)) and isinstance(sub.ctx, ast.Store):
            base = sub.value
            while isinstance(base, (ast.Subscript, ast.Attribute)):
                base = base.value
            if isinstance(base, ast.Name):
                names.add(base.id)
        elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and isinstance(sub.func.value, ast.Name):
            names.add(sub.func.value.id)
    return names


@dataclass(frozen=True)
class Answers:
    """What a student writes for a question: functions and classes, and result variables (set
    from a placeholder such as ``best = None  # replace by your answer``)."""

    functions: tuple[str, ...]
    classes: tuple[str, ...]
    results: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return self.functions + self.classes + self.results


def answers(master: Path, question: str) -> Answers:
    functions, classes, results = [], [], []
    for entry in lab(master).cells:
        if entry.get("block") != "SOLUTION" or entry.get("question") != question:
            continue
        cell = entry["cell"]
        if cell.get("cell_type") != "code":
            continue
        code = source(cell)
        inside = _solution_lines(code)
        tree = ast.parse(_python(code))
        assigned_outside, touched_inside = set(), set()
        for node in tree.body:
            lines = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                if lines & inside:
                    (classes if isinstance(node, ast.ClassDef) else functions).append(node.name)
                continue
            if lines <= inside:
                touched_inside |= _touched(node)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and not lines & inside:
                assigned_outside |= _touched(node)
            else:  # a statement that holds solution lines, e.g. a loop around them
                touched_inside |= _touched(node)
        results += sorted(assigned_outside & touched_inside)
    return Answers(tuple(functions), tuple(classes), tuple(results))


# --- Trivial answers -------------------------------------------------------------------------


def _zero(value):
    """A tensor or array of zeros like ``value`` (its type and dtype), or None if it is no tensor."""
    if not (hasattr(value, "shape") and hasattr(value, "dtype")):
        return None
    try:
        return value * 0
    except Exception:  # noqa: BLE001 - e.g. a model with a shape attribute: not a tensor after all
        return None


def _constant_like(value, fill: int):
    """``value`` with every number replaced by ``fill``, keeping its structure and types."""
    if isinstance(value, bool):
        return bool(fill)
    if isinstance(value, int):
        return fill
    if isinstance(value, float):
        return float(fill)
    if isinstance(value, dict):
        return {k: _constant_like(v, fill) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_constant_like(v, fill) for v in value)
    zero = _zero(value)
    if zero is not None:
        return zero + fill if fill else zero
    return fill


def trivial_function(kind: str):
    """A function that gives the ``kind`` of trivial answer, whatever its arguments."""

    def answer(*args, **kwargs):
        first = args[0] if args else None
        if kind == "identity":
            return first
        if kind == "zero number":
            return 0.0
        if kind == "one number":
            return 1.0
        return _constant_like(first, 0 if kind == "zeros" else 1)

    return answer


def trivial_class(original: type, kind: str) -> type:
    """A subclass of ``original``'s bases (a layer or module) whose call gives ``kind``."""
    method = "forward" if "forward" in vars(original) else "call"
    compute = trivial_function(kind)

    def __init__(self, *args, **kwargs):
        super(cls, self).__init__()

    cls = type(original.__name__, original.__bases__, {"__init__": __init__, method: lambda self, x, *a, **k: compute(x)})
    return cls


def with_trivial_answers(master: Path, question: str, kind: str) -> dict:
    """The solution's namespace with ``question``'s answers replaced by ``kind`` of trivial answer
    (``"untouched"``: the student version's namespace)."""
    if kind == "untouched":
        return student_namespace(master)
    namespace = dict(solution_namespace(master))
    student = student_namespace(master)
    found = answers(master, question)
    for name in found.functions:
        namespace[name] = trivial_function(kind)
    for name in found.classes:
        namespace[name] = trivial_class(namespace[name], kind)
    for name in found.results:
        if kind == "identity":
            namespace[name] = copy.deepcopy(student.get(name))
        elif kind in ("zero number", "one number"):
            namespace[name] = 0.0 if kind == "zero number" else 1.0
        else:
            namespace[name] = _constant_like(namespace[name], 0 if kind == "zeros" else 1)
    return namespace


def significant_digits(value: float, atol: float, rtol: float) -> int:
    """How many significant digits of ``value`` a check resolves: those of ``value`` rounded to
    the last decimal place that its tolerance ``atol + rtol * |value|`` is below one unit of
    (0.99999 within 1e-4 is "1", 0.328 within 0.0066 is "0.33")."""
    if value == 0 or not math.isfinite(value):
        return 0
    tolerance = atol + rtol * abs(value)
    if tolerance > 0:
        value = round(value, -math.ceil(math.log10(tolerance)))
    mantissa = repr(abs(float(value))).lower().split("e")[0]
    return len(mantissa.replace(".", "").strip("0"))


def numbers(value) -> list[float]:
    """Every number in JSON data (booleans left out)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    if isinstance(value, (int, float)):
        return [value]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return []
