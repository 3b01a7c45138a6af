"""``grader.check("q1")`` in a lab: the public tests, with nothing to install beyond ``trainwell``.

A lab's public tests are files in otter-grader's OK format (``tests/<lab id>/q1.py``, written by
``make labs``): each case is a doctest. :class:`Checker` runs a question's cases in the notebook's
namespace, as otter's ``Notebook.check`` does, and shows which passed. It only gives students
feedback: official grades come from ``trainwell grade``, which never runs these checks.
"""

from __future__ import annotations

import ast
import doctest
import html
import sys
import traceback
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any


class ChecksUnavailable(RuntimeError):
    """The public tests cannot be read: IPython shows the message alone, without a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


@dataclass(frozen=True)
class CaseResult:
    """One public test of a question: the code it runs and, if it failed, what went wrong."""

    number: int
    code: str
    failure: str | None = None

    @property
    def passed(self) -> bool:
        return self.failure is None


@dataclass(frozen=True)
class CheckResult:
    """The outcome of ``grader.check(question)``; the notebook displays it."""

    question: str
    cases: tuple[CaseResult, ...]

    @property
    def passed(self) -> bool:
        return all(case.passed for case in self.cases)

    def __repr__(self) -> str:
        if self.passed:
            return f"{self.question} results: All test cases passed!"
        failed = [case for case in self.cases if not case.passed]
        lines = [f"{self.question} results: {len(failed)} of {len(self.cases)} test cases failed"]
        for case in failed:
            lines.append(f"\n❌ Test {case.number} failed:")
            lines.extend("    " + line for line in case.failure.splitlines())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = "green" if self.passed else "red"
        head, _, body = repr(self).partition("\n")
        text = f"<p><strong style='color: {colour};'>{html.escape(head)}</strong></p>"
        return text + (f"<pre>{html.escape(body.strip())}</pre>" if body else "")


class _Runner(doctest.DocTestRunner):
    """Collects the first failure of a case as readable text instead of printing a report."""

    def __init__(self) -> None:
        super().__init__(verbose=False, optionflags=doctest.NORMALIZE_WHITESPACE)
        self.failure: str | None = None

    def report_failure(self, out, test, example, got):
        self.failure = self.failure or (
            f">>> {example.source.strip()}\nExpected:\n    {example.want.strip()}\n"
            f"Got:\n    {got.strip() or '(nothing)'}"
        )

    def report_unexpected_exception(self, out, test, example, exc_info):
        error = "".join(traceback.format_exception_only(*exc_info[:2])).strip()
        self.failure = self.failure or f">>> {example.source.strip()}\nraised {error}"


def read_cases(path: Path) -> list[str]:
    """The doctest cases of an OK-format test file (read as data, never executed)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "test" for t in node.targets):
            spec = ast.literal_eval(node.value)
            return [case["code"] for suite in spec["suites"] for case in suite["cases"]]
    raise ChecksUnavailable(f"{path} is not a test file in otter's OK format (no `test = {{...}}`)")


def run_case(code: str, name: str, namespace: dict[str, Any]) -> str | None:
    """Run one doctest case in ``namespace``; None when it passes, else what failed."""
    parser = doctest.DocTestParser()
    test = doctest.DocTest(parser.get_examples(code, name), namespace, name, None, None, code)
    runner = _Runner()
    runner.run(test, out=lambda _: None, clear_globs=False)
    return runner.failure


def _repository() -> str:
    """The course repository's address, from the package metadata (where the lab's tests live)."""
    try:
        urls = metadata.metadata("trainwell").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    return next((u.split(",", 1)[1].strip() for u in urls if u.startswith("Repository,")),
                "the course repository")


class Checker:
    """Runs the public tests in ``tests_dir`` (one OK-format file a question) on demand."""

    def __init__(self, tests_dir: str | Path) -> None:
        self.tests_dir = Path(tests_dir)
        if not self.tests_dir.is_dir():
            print(self._missing(), file=sys.stderr)

    def _missing(self) -> str:
        lab = self.tests_dir.name
        return (
            f"The public tests of this lab are not here: no folder {self.tests_dir}/ next to the "
            f"notebook ({Path.cwd()}).\nIn Colab, run the lab's first code cell: it downloads "
            f"them. Elsewhere, open the lab from the labs/ folder of a clone of {_repository()}, "
            f"or copy that repository's folder labs/tests/{lab}/ to {self.tests_dir}/ next to this "
            "notebook. grader.check needs them; your grade does not."
        )

    def questions(self) -> list[str]:
        """The questions that have public tests, in order."""
        return sorted(p.stem for p in self.tests_dir.glob("*.py"))

    def check(self, question: str, global_env: dict[str, Any] | None = None) -> CheckResult:
        """Run the public tests of ``question`` in ``global_env`` (default: the caller's globals,
        i.e. the notebook's namespace)."""
        if not self.tests_dir.is_dir():
            raise ChecksUnavailable(self._missing())
        path = self.tests_dir / f"{question}.py"
        if not path.is_file():
            known = ", ".join(f'"{q}"' for q in self.questions()) or "none"
            raise ChecksUnavailable(f'No public tests for "{question}" in {self.tests_dir}/ '
                                    f"(questions with tests: {known}).")
        namespace = global_env if global_env is not None else sys._getframe(1).f_globals
        cases = tuple(
            CaseResult(number, code, run_case(code, f"{question} {number}", namespace))
            for number, code in enumerate(read_cases(path), start=1)
        )
        return CheckResult(question, cases)
