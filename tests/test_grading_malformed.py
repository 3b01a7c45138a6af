"""Malformed notebooks at volume (hypothesis): every one gets a clear status, none crashes the grader.

Thousands go through the submission reader and the grader's own bookkeeping in this process
(parse, answer code for copy detection, student lookup, scoring, feedback, gradebook and JSON); a
few go through a real sandboxed batch.
"""

import csv
import json
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from grading_cases import code_cell, lab_notebook
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainwell.grading import lms, report, sandbox, similarity
from trainwell.grading.grade import score
from trainwell.grading.lab import find_lab
from trainwell.grading.results import Result, RunReport, Status
from trainwell.grading.submission import parse

ROOT = Path(__file__).resolve().parents[1]
LAB_ID = "02-vanishing-exploding-pytorch"
LAB = find_lab(LAB_ID, ROOT / "solutions")
STARTER = {c.strip() for c in similarity.starter_cells(LAB)}
PATTERN = lms.compile_pattern(lms.CANVAS_FILE_NAME)
FIXED = settings(database=None, derandomize=True, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])

leaf = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
        | st.sampled_from(["code", "markdown", "raw", "\ud800", "\x00"]))
anything = st.recursive(leaf, lambda kids: st.lists(kids, max_size=4)
                        | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=8)
code = (st.text(max_size=200)
        | st.sampled_from(["x = 1", "(" * 5000, "def f(:\n", "\x00", "1/0", "import os\nos.getcwd()",
                           '"\\ud800"', "\ufeffprint(1)", "é" * 1000])
        | st.integers(10**4, 3 * 10**5).map(lambda n: "x = 1\n" + "#" * n))
source = code | st.lists(code, max_size=4) | anything
cell = st.fixed_dictionaries({}, optional={
    "cell_type": st.sampled_from(["code", "markdown", "raw"]) | anything, "source": source,
    "id": anything, "metadata": anything, "outputs": anything,
})
metadata = anything | st.fixed_dictionaries({"trainwell": st.fixed_dictionaries(
    {"student": st.fixed_dictionaries({}, optional={"id": anything, "name": anything})})})
notebook = st.fixed_dictionaries({}, optional={
    "cells": st.lists(cell | anything, max_size=6) | anything, "metadata": metadata,
    "nbformat": anything,
})


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", errors="surrogatepass")


broken = st.one_of(
    notebook.map(_dumps),
    notebook.map(lambda value: json.dumps(value).encode()),  # lone surrogates as \ud800 escapes
    st.tuples(notebook.map(_dumps), st.integers(0, 10**6)).map(lambda t: t[0][: t[1] % (len(t[0]) + 1)]),
    st.tuples(notebook.map(_dumps), st.binary(min_size=1, max_size=4), st.integers(0, 10**6)).map(
        lambda t: t[0][: t[2] % (len(t[0]) + 1)] + t[1] + t[0][t[2] % (len(t[0]) + 1):]),
    st.binary(max_size=2000),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 200_000).map(lambda n: b'{"cells": ' + b"[" * n + b"]" * n + b"}"),
    st.text(string.printable, max_size=300).map(str.encode),
)


def _bookkeeping(path: Path, data: bytes) -> None:
    """Everything the grader does with a submission outside the sandbox, on a run that returned nothing."""
    submission = parse(path, data)
    assert submission.status in (Status.OK, Status.INVALID_NOTEBOOK)
    assert isinstance(submission.detail, str)
    if submission.runnable:
        for cell in submission.cells:
            cell.source.encode("utf-8")
        similarity.answer_code(LAB, str(path), submission.cells, STARTER)
    else:
        assert submission.detail
    run = RunReport.failure(submission.status, submission.detail)
    scores, checks = score(LAB, run, {c.id: 0 for c in LAB.checks})
    result = Result(file=str(path), stem=path.stem, lab=LAB.id, status=submission.status,
                    detail=submission.detail, isolation="bubblewrap", scores=scores, possible=LAB.possible,
                    checks=checks, cells=[], manual=[],
                    student=lms.student_of(path, submission.metadata, PATTERN))
    assert result.total == 0
    json.loads(result.to_json())
    assert "Feedback on" in report.feedback(LAB, result)


@settings(FIXED, max_examples=2000)
@given(data=broken)
def test_reader_and_bookkeeping_survive_broken_notebooks(data):
    _bookkeeping(Path("sub.ipynb"), data)


@settings(FIXED, max_examples=300)
@given(value=notebook)
def test_reader_finds_exactly_the_code_cells(value):
    """On well-formed JSON the reader either explains the refusal or returns every non-empty code cell."""
    submission = parse(Path("s.ipynb"), _dumps(value))
    cells = value.get("cells")
    if not submission.runnable:
        assert submission.status == Status.INVALID_NOTEBOOK and submission.detail
        return
    assert isinstance(cells, list)
    code = [c for c in cells if c.get("cell_type") == "code"]
    texts = ["".join(c.get("source", "")) for c in code]
    assert [c.source for c in submission.cells] == [t for t in texts if t.strip()]


@pytest.mark.slow
@pytest.mark.usefixtures("one_sandbox_batch_at_a_time")
@pytest.mark.skipif(sandbox.probe() is not None and not os.environ.get("CI"), reason=str(sandbox.probe()))
@settings(FIXED, max_examples=1)
@given(files=st.lists(broken, min_size=6, max_size=6),
       runnable=st.lists(st.lists(code.map(code_cell), min_size=1, max_size=3), min_size=3, max_size=3))
def test_a_sandboxed_batch_of_broken_notebooks(tmp_path_factory, files, runnable):
    folder = tmp_path_factory.mktemp("broken")
    lab = lab_notebook(LAB_ID)
    for cells in runnable:  # the lab with odd code cells added: these reach a kernel
        files.append(_dumps({**lab, "cells": lab["cells"] + cells}))
    for i, data in enumerate(files):
        (folder / f"n{i:02}.ipynb").write_bytes(data)
    out = folder / "out"
    done = subprocess.run(
        [sys.executable, "-m", "trainwell.grading.cli", "grade", "--lab", LAB_ID, str(folder), "--out", str(out),
         "--workers", "2", "--question-timeout", "30", "--no-progress"],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    with (out / "gradebook.csv").open(newline="") as f:
        rows = {Path(r["file"]).name: r for r in csv.DictReader(f)}
    assert sorted(rows) == sorted(p.name for p in folder.glob("*.ipynb"))
    statuses = {s.value for s in Status} - {Status.GRADER_ERROR.value}
    assert all(r["status"] in statuses and float(r["total"]) == 0 for r in rows.values()), rows
    assert sum(r["status"] != "invalid-notebook" for r in rows.values()) >= len(runnable)
