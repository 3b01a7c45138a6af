"""The labs teach and grade fairly.

Every question has hints and public checks that say what is wrong; the untouched lab fails
every public check with its message; trivial answers (the identity, zeros, ones, a constant
number, the untouched ``...``) fail every hidden check; a typical wrong answer of each question
fails with the message meant for it; and no hidden expected value can be read off a chapter.
Everything runs in this process (``lab_runs``): the grader's sandbox has its own tests.
"""

import json
import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

import pytest
from lab_runs import (
    MASTERS,
    ROOT,
    TRIVIAL_KINDS,
    answers,
    lab,
    numbers,
    otter_check,
    outcomes,
    reference,
    significant_digits,
    solution_namespace,
    with_trivial_answers,
)
from lab_wrong_answers import WRONG_ANSWERS

from trainwell.checks import OK
from trainwell.explore import MARK as EXPLORER_MARK

IDS = [m.stem for m in MASTERS]
HINT = re.compile(r"<details><summary>Hint( \d)?</summary>\n\n.+?\n\n</details>", re.DOTALL)
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
SKIPPED_OUTPUTS = ("image/", "application/vnd.jupyter.widget")


def _auto_questions(master):
    return lab(master).auto_questions


@pytest.mark.parametrize("master", MASTERS, ids=IDS)
def test_every_question_has_hints_and_public_checks_that_report(master):
    parsed = lab(master)
    for question in parsed.questions:
        prompt = "\n".join(
            "".join(entry["cell"]["source"]) for entry in parsed.cells
            if "cell" in entry and entry["question"] == question.name and entry["block"] is None
            and entry["cell"]["cell_type"] == "markdown"
        )
        hints = HINT.findall(prompt)
        if question.manual:
            continue
        assert 1 <= len(hints) <= 2, f"{master.stem} {question.name}: {len(hints)} hints, want one or two"
        public = [c for c in question.checks if not c.hidden]
        assert public, f"{master.stem} {question.name} has no public check"
        for check in public:
            assert "report(" in check.expr, f"{check.label} should end with report(...) (trainwell.checks)"
            assert check.output.strip() == repr(OK), f"{check.label}: stored output {check.output!r}"


@pytest.mark.parametrize("master", MASTERS, ids=IDS)
def test_solution_passes_every_public_check(master):
    values = reference(master)
    for check in lab(master).checks:
        if not check.hidden:
            assert values[check.id] == OK, f"{master.stem} {check.label} on the solution: {values[check.id]!r}"
    for question in _auto_questions(master):
        passed, text = otter_check(master, question.name, solution_namespace(master))
        assert passed, f"grader.check({question.name!r}) fails on the solution of {master.stem}:\n{text[-3000:]}"


@pytest.mark.parametrize("master", MASTERS, ids=IDS)
def test_untouched_lab_fails_every_check_and_says_why(master):
    expected = reference(master)
    problems = []
    for question in _auto_questions(master):
        got = outcomes(master, question, with_trivial_answers(master, question.name, "untouched"))
        for check in question.checks:
            outcome = got[check.id]
            if check.hidden and outcome.passes(expected[check.id], check):
                problems.append(f"{check.label} gives credit to the untouched lab")
            if not check.hidden and not (isinstance(outcome.value, str) and outcome.value != OK):
                problems.append(f"{check.label} on the untouched lab: {outcome.error or repr(outcome.value)}"
                                " (want a message, not an error or 'ok')")
        passed, text = otter_check(master, question.name, with_trivial_answers(master, question.name, "untouched"))
        shown = [got[c.id].value for c in question.checks if not c.hidden and isinstance(got[c.id].value, str)]
        if passed or not all(repr(message) in text for message in shown):
            problems.append(f"grader.check({question.name!r}) on the untouched lab does not show the messages {shown}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("master", MASTERS, ids=IDS)
def test_trivial_answers_earn_nothing(master):
    expected = reference(master)
    problems = []
    for question in _auto_questions(master):
        assert answers(master, question.name).names, f"{master.stem} {question.name}: no answers found"
        for kind in TRIVIAL_KINDS[1:]:
            got = outcomes(master, question, with_trivial_answers(master, question.name, kind))
            for check in question.checks:
                if check.hidden and got[check.id].passes(expected[check.id], check):
                    problems.append(f"{check.label} gives credit to the {kind} answer")
            if all(got[c.id].passes(expected[c.id], c) for c in question.checks if not c.hidden):
                problems.append(f"{question.name}: the {kind} answer passes every public check")
    assert not problems, "\n".join(problems)


def _case_id(case):
    return f"{case.lab}-{case.question}-{case.mistake}"


@pytest.mark.parametrize("case", WRONG_ANSWERS, ids=_case_id)
@pytest.mark.parametrize("fw", ["pytorch", "tensorflow"])
def test_wrong_answer_fails_with_its_message(case, fw):
    master = ROOT / "solutions" / f"{case.lab}-{fw}.ipynb"
    question = next(q for q in lab(master).questions if q.name == case.question)
    namespace = dict(solution_namespace(master))
    exec(case.code_for(fw), namespace)  # noqa: S102 - the test's own wrong answer
    got = outcomes(master, question, namespace)
    expected = reference(master)
    public = [got[c.id] for c in question.checks if not c.hidden]
    messages = [o.value for o in public if o.value != OK]
    assert messages and case.message_for(fw) in messages[0], (
        f"{master.stem} {case.question} ({case.mistake}): the public checks say {messages or [o.error for o in public]}, "
        f"want {case.message_for(fw)!r}"
    )
    hidden = [c for c in question.checks if c.hidden]
    assert not all(got[c.id].passes(expected[c.id], c) for c in hidden), "a wrong answer earns full marks"


def test_every_question_has_a_wrong_answer():
    covered = {(case.lab, case.question) for case in WRONG_ANSWERS}
    missing = [f"{m.stem} {q.name}" for m in MASTERS for q in _auto_questions(m)
               if (m.stem.rsplit("-", 1)[0], q.name) not in covered]
    assert not missing, f"questions without a wrong answer in lab_wrong_answers.py: {missing}"


def _output_text(output: dict) -> str:
    """The text of an output that a reader sees printed; figures are left out, and an explorer is a
    figure (its thousands of plotted points would match any number by chance)."""
    parts = [output.get("text", "")]
    for kind, data in output.get("data", {}).items():
        if kind == "text/html" and EXPLORER_MARK in "".join(data):
            continue
        if not kind.startswith(SKIPPED_OUTPUTS):
            parts.append(data if isinstance(data, (str, list)) else json.dumps(data))
    return "".join("".join(p) if isinstance(p, list) else p for p in parts)


@cache
def chapter_numbers() -> dict[float, str]:
    """Every number in the stored outputs of the chapters' notebooks, with where it is."""
    found: dict[float, str] = {}
    for path in sorted((ROOT / "chapters").glob("*/*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            for output in cell.get("outputs", []):
                for text in NUMBER.findall(_output_text(output)):
                    try:
                        found.setdefault(float(text), str(path.relative_to(ROOT)))
                    except ValueError:
                        pass
    return found


def chapter_matches(value, atol: float, rtol: float) -> list[str]:
    """Where a chapter's outputs hold ``value`` within the tolerance, if it carries three or more
    significant digits at that tolerance."""
    if significant_digits(value, atol, rtol) < 3:
        return []
    chapter = chapter_numbers()
    ordered = sorted(chapter)
    tolerance = atol + rtol * abs(value)
    i = bisect_left(ordered, value - tolerance)
    return [f"{ordered[i]!r} in {chapter[ordered[i]]}"] if i < len(ordered) and ordered[i] <= value + tolerance else []


@pytest.mark.parametrize("master", MASTERS, ids=IDS)
def test_no_hidden_answer_can_be_read_off_a_chapter(master):
    expected = reference(master)
    leaks = [f"{check.label}: {value!r} ~ {where}"
             for check in lab(master).checks if check.hidden
             for value in numbers(expected[check.id])
             for where in chapter_matches(value, check.atol, check.rtol)]
    assert not leaks, "hidden answers printed in a chapter:\n" + "\n".join(leaks[:20])


def test_the_detectors_find_what_they_look_for():
    from lab_runs import trivial_function

    from trainwell.notebook import glued

    printed = glued(ROOT / "chapters" / "01-generalization" / "pytorch.ipynb")["ch01_poly_test_deg3"]
    assert chapter_matches(printed * (1 + 1e-7), 1e-9, 1e-6), "a chapter's own number is not found"
    assert not chapter_matches(printed * 1.01, 1e-9, 1e-6) and not chapter_matches(0.25, 1e-6, 1e-4)
    assert significant_digits(0.9999999999999996, 1e-6, 1e-4) == 1 and significant_digits(157.937, 1e-6, 1e-4) == 4
    identity, zeros, one = (trivial_function(k) for k in ("identity", "zeros", "one number"))
    values = ([1.0, 2.0], {"a": (3, 4.5)})
    assert identity(*values) == [1.0, 2.0] and zeros(values[1]) == {"a": (0, 0.0)} and one(values) == 1.0


def glued_value(notebook: Path, key: str):
    from trainwell.notebook import glued

    return glued(notebook)[key]


# (lab, answer variable, chapter notebook, glue key of the chapter's own answer)
SMALL_ANSWERS = [
    ("01-generalization", "best_degree", "01-generalization", "ch01_kfold_best_degree"),
    ("02-vanishing-exploding", "vanishing_depth", "02-vanishing-exploding", "ch02_depth"),
    ("03-gradient-clipping", "best_threshold", "03-gradient-clipping", "ch03_sweep_best_threshold"),
]


@pytest.mark.parametrize("lab_stem, name, chapter, key", SMALL_ANSWERS)
@pytest.mark.parametrize("fw", ["pytorch", "tensorflow"])
def test_small_answers_differ_from_the_chapter(lab_stem, name, chapter, key, fw):
    ours = solution_namespace(ROOT / "solutions" / f"{lab_stem}-{fw}.ipynb")[name]
    theirs = glued_value(ROOT / "chapters" / chapter / f"{fw}.ipynb", key)
    assert ours != theirs, f"lab {lab_stem}'s {name} is the chapter's {key} ({theirs})"

