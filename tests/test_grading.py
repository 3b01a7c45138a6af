"""Lab masters, generated labs and the grader's pieces that need no kernel."""

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainwell.grading import generate, sandbox
from trainwell.grading.compare import matches
from trainwell.grading.grade import read_submission
from trainwell.grading.lab import LabError, find_lab, read_lab

ROOT = Path(__file__).resolve().parents[1]
MASTERS = sorted((ROOT / "solutions").glob("*.ipynb"))


def test_every_chapter_has_a_lab_in_both_frameworks():
    chapters = sorted(p.name for p in (ROOT / "chapters").iterdir() if p.is_dir() and p.name[:2].isdigit())
    assert len(chapters) >= 6
    expected = {f"{chapter}-{framework}" for chapter in chapters for framework in ("pytorch", "tensorflow")}
    assert {p.stem for p in MASTERS} == expected


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.stem)
def test_master_has_enough_questions(path):
    lab = read_lab(path)
    auto = lab.auto_questions
    assert len(auto) >= 4 and any(q.manual for q in lab.questions)
    for question in auto:
        assert any(c.hidden for c in question.checks), f"{question.name} has no hidden test"
        assert any(not c.hidden for c in question.checks), f"{question.name} has no public test"


def test_labs_are_in_sync_with_solutions(tmp_path):
    generate.write_labs(ROOT / "solutions", tmp_path)
    ours = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    theirs = sorted(
        p.relative_to(ROOT / "labs")
        for p in (ROOT / "labs").rglob("*")
        if p.is_file() and not p.name.startswith(".")  # e.g. otter's .OTTER_LOG from a local check
    )
    assert ours == theirs, "labs/ holds other files than `make labs` writes; run `make labs`"
    stale = [str(p) for p in ours if not filecmp.cmp(tmp_path / p, ROOT / "labs" / p, shallow=False)]
    assert not stale, f"labs/ is out of date ({stale}); run `make labs`"


def test_generation_is_deterministic(tmp_path):
    generate.write_labs(ROOT / "solutions", tmp_path / "a")
    generate.write_labs(ROOT / "solutions", tmp_path / "b")
    for path in (tmp_path / "a").rglob("*.*"):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.stem)
def test_labs_hold_no_solutions_or_hidden_tests(path):
    lab = read_lab(path)
    text = (ROOT / "labs" / f"{lab.id}.ipynb").read_text()
    tests = "".join(p.read_text() for p in (ROOT / "labs" / "tests" / lab.id).glob("*.py"))
    assert "BEGIN SOLUTION" not in text and "# HIDDEN" not in text and "TEST CONFIG" not in text
    for check in lab.checks:
        if check.hidden and len(check.expr) > 30:
            assert check.expr not in text + tests, f"hidden test {check.id} leaked into labs/"
    solution_lines = [
        line.strip() for entry in lab.cells if entry.get("block") == "SOLUTION"
        for line in "".join(entry["cell"]["source"]).split("\n")
        if line.strip().startswith("return ") and line.strip() != "return"
    ]
    assert solution_lines and not [line for line in solution_lines if line in text]
    nb = json.loads(text)
    assert all(c.get("outputs", []) == [] for c in nb["cells"])
    checks = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).startswith("grader.check(")]
    assert len(checks) == len(lab.auto_questions)


def test_public_test_files_are_otter_ok_format():
    from otter.test_files import OKTestFile

    for path in (ROOT / "labs" / "tests").glob("*/*.py"):
        test = OKTestFile.from_file(str(path))
        assert test.name == path.stem and test.test_cases


def test_malformed_master_is_rejected(tmp_path):
    nb = json.loads(MASTERS[0].read_text())
    nb["cells"] = [c for c in nb["cells"] if "# END TESTS" not in "".join(c["source"])][:12]
    broken = tmp_path / "broken.ipynb"
    broken.write_text(json.dumps(nb))
    nb["cells"] = [c for c in nb["cells"] if c["cell_type"] != "raw"]
    (tmp_path / "plain.ipynb").write_text(json.dumps(nb))
    with pytest.raises(LabError, match="no questions"):
        read_lab(tmp_path / "plain.ipynb")
    with pytest.raises(LabError, match="no lab 'nope'"):
        find_lab("nope", ROOT / "solutions")


@pytest.mark.parametrize(
    "value, expected, ok",
    [
        (0.25, 0.25 + 1e-9, True), (0.26, 0.25, False), ([1, 2.0], [1, 2], True), ([1], [1, 2], False),
        (float("nan"), 0.1, False), (float("inf"), 1e308, False), (True, 1, False), (1, True, False),
        ("6", 6, False), (None, 0, False), ({"a": 1}, {"a": 1.0}, True), ({"a": 1}, {"b": 1}, False),
        ([[0.1, 0.2]], [[0.1, 0.2000001]], True), (7, 6, False),
    ],
)
def test_matches(value, expected, ok):
    assert matches(value, expected, 1e-6, 1e-4) is ok


def test_tolerance_from_the_test_config():
    lab = find_lab("02-vanishing-exploding-pytorch", ROOT / "solutions")
    depth = next(c for c in lab.checks if c.question == "q4" and c.hidden)
    assert depth.atol == 1 and matches(7, 6, depth.atol, depth.rtol) and not matches(8, 6, depth.atol, depth.rtol)


@pytest.mark.parametrize(
    "text, status, fragment",
    [
        ("{not json", "invalid-notebook", "not valid JSON"),
        ('{"metadata": {}}', "invalid-notebook", "list of notebook cells"),
        ('[1, 2]', "invalid-notebook", "list of notebook cells"),
        ('{"cells": [{"cell_type": "code", "source": "x = 1"}]}', "ok", "no metadata"),
    ],
)
def test_read_submission(tmp_path, text, status, fragment):
    path = tmp_path / "s.ipynb"
    path.write_text(text)
    before = path.read_bytes()
    _, cells, got, detail = read_submission(path)
    assert got == status and fragment in detail
    assert path.read_bytes() == before


def _cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "trainwell.grading.cli", *args],
                          capture_output=True, text=True, cwd=ROOT, **kw)


def test_cli_usage_errors(tmp_path):
    done = _cli("grade", "--lab", "no-such-lab", str(tmp_path), "--out", str(tmp_path / "o"))
    assert done.returncode == 2 and "no lab 'no-such-lab'" in done.stderr
    done = _cli("grade", "--lab", "02-vanishing-exploding-pytorch", str(tmp_path / "missing"),
                "--out", str(tmp_path / "o"))
    assert done.returncode == 2 and "no such file or folder" in done.stderr
    done = _cli("grade", "--lab", "02-vanishing-exploding-pytorch", str(tmp_path), "--out", str(tmp_path / "o"))
    assert done.returncode == 2 and "no .ipynb submissions" in done.stderr
    done = _cli("grade", "--lab", "02-vanishing-exploding-pytorch")
    assert done.returncode == 2 and "required" in done.stderr


def test_refuses_without_isolation_unless_unsafe(tmp_path, monkeypatch):
    from trainwell.grading import grade as grade_module

    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    sandbox.probe.cache_clear()
    try:
        with pytest.raises(sandbox.SandboxUnavailable, match="apt-get install bubblewrap"):
            sandbox.choose(unsafe=False)
        assert not sandbox.choose(unsafe=True).isolated
        (tmp_path / "s.ipynb").write_text("{}")
        with pytest.raises(grade_module.UsageError, match="--unsafe"):
            grade_module.grade("02-vanishing-exploding-pytorch", [tmp_path], tmp_path / "out",
                               grade_module.Options(solutions_dir=str(ROOT / "solutions")))
    finally:
        sandbox.probe.cache_clear()


@pytest.mark.usefixtures("one_sandbox_batch_at_a_time")
def test_sandbox_sees_no_repository_and_no_network(tmp_path):
    if sandbox.probe() is not None and not os.environ.get("CI"):
        pytest.skip(sandbox.probe())
    workdir = tmp_path / "w"
    workdir.mkdir()
    isolation = sandbox.Isolation("bubblewrap")
    isolation.prepare(workdir, 1)
    argv, _ = isolation.command(workdir, 1, sandbox.Limits())
    code = (
        "import os, socket, json; s = socket.socket();\n"
        "try:\n s.connect(('1.1.1.1', 53)); net = True\nexcept OSError:\n net = False\n"
        f"print(json.dumps([net, os.path.exists({str(ROOT / 'solutions')!r}), os.listdir('/tmp'),"
        " os.getcwd(), os.access('/usr', os.W_OK)]))"
    )
    argv = argv[: argv.index("-m")] + ["-c", code]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    net, solutions_visible, tmp, cwd, usr_writable = json.loads(done.stdout)
    extra = [t for t in tmp if not any(p.startswith(f"/tmp/{t}") for p in sandbox.python_paths())]
    assert not net and not solutions_visible and not extra and cwd == "/submission" and not usr_writable


class _CrashingIsolation:
    """A stand-in sandbox whose runner dies before reporting, after writing to stderr."""

    kind = "none"
    isolated = False

    def prepare(self, workdir, slot):
        pass

    def command(self, workdir, slot, limits):
        code = "import sys; sys.stderr.write('x' * 5000 + 'runner crashed: boom'); sys.exit(3)"
        return [sys.executable, "-c", code], {}


def test_grader_error_keeps_the_tail_of_the_sandbox_stderr():
    from trainwell.grading import grade as grade_module

    lab = read_lab(ROOT / "solutions" / "02-vanishing-exploding-pytorch.ipynb")
    run = grade_module._run_sandboxed(["x = 1"], lab, "s.ipynb", b"{}", _CrashingIsolation(), 0,
                                      grade_module.Options())
    assert run["status"] == "grader-error"
    assert run["log"].endswith("runner crashed: boom") and len(run["log"]) == 2000
