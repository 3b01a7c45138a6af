"""The otter cells of a student lab: written by :mod:`~trainwell.grading.generate`, stripped by the
grader before it runs a submission (they run public tests, which grading does not need).

- the init cell after the first code cell, ``grader = Checker(tests_dir="tests/<lab id>")``
  (:mod:`trainwell.check` runs otter-format public tests with nothing more to install); labs
  handed out before it used ``grader = otter.Notebook(...)``, and that cell is stripped too;
- a check cell after each auto-graded question, ``grader.check("qN")``.
"""

from __future__ import annotations

import re

INIT_ID = "otter-init"
INIT = (
    '# grader.check("q1") runs the public tests of question 1\n'
    "from trainwell.check import Checker\n\n"
    'grader = Checker(tests_dir="tests/{lab_id}")'
)
_OTTER_INIT = (
    '# Otter Grader: grader.check("q1") runs the public tests of question 1\n'
    "import otter\n\n"
    'grader = otter.Notebook(tests_dir="tests/{lab_id}")'
)
CHECK = 'grader.check("{question}")'
_NAME = r"[\w.-]+"


def init_source(lab_id: str) -> str:
    return INIT.format(lab_id=lab_id)


def check_source(question: str) -> str:
    return CHECK.format(question=question)


def check_id(question: str) -> str:
    return f"check-{question}"


def _pattern(template: str, field: str) -> str:
    before, after = template.split("{" + field + "}")
    return re.escape(before) + _NAME + re.escape(after)


_OTTER_CELL = re.compile(
    "^(?:" + "|".join([_pattern(INIT, "lab_id"), _pattern(_OTTER_INIT, "lab_id"),
                       _pattern(CHECK, "question")]) + ")$"
)


def is_otter_cell(text: str) -> bool:
    """Whether a code cell's text is one of the cells above (surrounding blank space aside)."""
    return _OTTER_CELL.match(text.strip()) is not None
