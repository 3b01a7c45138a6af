"""Write the student version of a lab and its public tests (what ``make labs`` runs).

``labs/<lab-id>.ipynb`` is the master without solutions, hidden tests or outputs, with
``grader = Checker(...)`` (:mod:`trainwell.check`: otter-format public tests, nothing more to
install) after the first code cell and ``grader.check("qN")`` after each question;
``labs/tests/<lab-id>/qN.py`` holds that question's public tests in otter's OK format.
The output depends only on the master (no dates, no random ids), so it can be checked for staleness.
"""

from __future__ import annotations

import ast
import copy
import pprint
import shutil
from pathlib import Path

import nbformat

from trainwell.grading.lab import Lab, LabError, Question, read_lab, source

ANSWER_PLACEHOLDER = "_Type your answer here, replacing this text._"
KEEP_TAGS_PREFIX = "nbval-"


def _code(text: str, cell_id: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(text)
    cell["id"] = cell_id
    return cell


def _student_cell(cell: dict, block: str | None) -> nbformat.NotebookNode:
    from otter.assign.solutions import replace_solutions

    cell = nbformat.from_dict(copy.deepcopy(cell))
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if not t.startswith(KEEP_TAGS_PREFIX)]
    cell["metadata"] = {"tags": tags} if tags else {}
    if cell.cell_type == "code":
        cell["outputs"] = []
        cell["execution_count"] = None
    if block == "SOLUTION":
        if cell.cell_type == "code":
            cell["source"] = "\n".join(replace_solutions(source(cell).split("\n"), "python"))
        elif cell.cell_type == "markdown":
            cell["source"] = ANSWER_PLACEHOLDER
    return cell


def student_notebook(lab: Lab) -> nbformat.NotebookNode:
    """The student version of ``lab`` as a notebook."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": lab.metadata.get(
            "kernelspec", {"display_name": "Python 3", "language": "python", "name": "python3"}
        ),
        "language_info": {"name": "python"},
    }
    auto = {q.name for q in lab.auto_questions}
    first_code = True
    for entry in lab.cells:
        if "mark" in entry:
            if entry["mark"] == ("END", "TESTS") and entry["question"] in auto:
                name = entry["question"]
                nb.cells.append(_code(f'grader.check("{name}")', f"check-{name}"))
            continue
        cell = _student_cell(entry["cell"], entry["block"])
        nb.cells.append(cell)
        if cell.cell_type == "code" and first_code:
            first_code = False
            _check_first_cell(lab, source(cell))
            nb.cells.append(
                _code(
                    "# grader.check(\"q1\") runs the public tests of question 1\n"
                    "from trainwell.check import Checker\n\n"
                    f'grader = Checker(tests_dir="tests/{lab.id}")',
                    "otter-init",
                )
            )
    return nb


def _check_first_cell(lab: Lab, text: str) -> None:
    names = "(" + ", ".join(f'"{q.name}"' for q in lab.auto_questions) + ")"
    if f'LAB = "{lab.id}"' not in text or names not in text:
        raise LabError(
            f"{lab.path}: the first code cell must set LAB = \"{lab.id}\" and fetch the public "
            f"tests {names} in Colab (copy the first cell of another master)"
        )


def public_test_file(question: Question) -> str:
    """The OK-format test file of an auto-graded question, public cases only."""
    from otter.assign.utils import str_to_doctest

    cases = []
    for check in question.checks:
        if check.hidden:
            continue
        code = ast.unparse(ast.parse(check.source))
        lines = str_to_doctest(code.split("\n"), [])
        lines.extend(check.output.split("\n"))
        cases.append({"code": "\n".join(lines), "hidden": False, "locked": False})
    test = {
        "name": question.name,
        "points": question.points,
        "suites": [
            {"cases": cases, "scored": True, "setup": "", "teardown": "", "type": "doctest"}
        ],
    }
    return "OK_FORMAT = True\n\ntest = " + pprint.pformat(test, sort_dicts=False, width=100) + "\n"


def write_lab(master: str | Path, out_dir: str | Path) -> list[Path]:
    """Write ``<out_dir>/<lab-id>.ipynb`` and ``<out_dir>/tests/<lab-id>/*.py``; return the paths."""
    lab = read_lab(master)
    out_dir = Path(out_dir)
    tests = out_dir / "tests" / lab.id
    if tests.exists():
        shutil.rmtree(tests)
    tests.mkdir(parents=True)
    notebook = out_dir / f"{lab.id}.ipynb"
    notebook.write_text(nbformat.writes(student_notebook(lab)) + "\n", encoding="utf-8")
    written = [notebook]
    for question in lab.auto_questions:
        path = tests / f"{question.name}.py"
        path.write_text(public_test_file(question), encoding="utf-8")
        written.append(path)
    return written


def write_labs(solutions_dir: str | Path, out_dir: str | Path) -> list[Path]:
    """Regenerate every lab of ``solutions_dir`` into ``out_dir``."""
    masters = sorted(Path(solutions_dir).glob("*.ipynb"))
    if not masters:
        raise LabError(f"no master notebooks in {solutions_dir}")
    return [path for master in masters for path in write_lab(master, out_dir)]
