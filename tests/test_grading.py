"""Lab masters, generated labs and the grader's pieces that need no kernel."""

import contextlib
import filecmp
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from trainwell.grading import generate, otter_cells, sandbox
from trainwell.grading.compare import matches
from trainwell.grading.lab import LabError, find_lab, read_lab, source
from trainwell.grading.results import RunReport, Status
from trainwell.grading.submission import read_submission
from trainwell.translation import write_translated_labs

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
    write_translated_labs(tmp_path, ROOT)
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
        ("{not json", Status.INVALID_NOTEBOOK, "not valid JSON"),
        ('{"metadata": {}}', Status.INVALID_NOTEBOOK, "list of notebook cells"),
        ('[1, 2]', Status.INVALID_NOTEBOOK, "list of notebook cells"),
        ('{"cells": [{"cell_type": "code", "source": "x = 1"}]}', Status.OK, "no metadata"),
        ('{"cells": [{"cell_type": "code", "source": ["x", 1]}]}', Status.INVALID_NOTEBOOK, "malformed cells"),
        ('{"cells": [{"cell_type": "code", "source": "\\ud800"}]}', Status.INVALID_NOTEBOOK, "not valid Unicode"),
        ("[" * 100_000 + "]" * 100_000, Status.INVALID_NOTEBOOK, "nested too deeply"),
    ],
)
def test_read_submission(tmp_path, text, status, fragment):
    path = tmp_path / "s.ipynb"
    path.write_text(text)
    before = path.read_bytes()
    submission = read_submission(path)
    assert submission.status == status and fragment in submission.detail
    assert submission.runnable == (status == Status.OK)
    assert path.read_bytes() == before


def test_read_submission_refuses_huge_and_binary_files(tmp_path, monkeypatch):
    from trainwell.grading import submission as module

    path = tmp_path / "s.ipynb"
    path.write_bytes(b"\xff\xfe" + bytes(range(256)))
    assert read_submission(path).detail == "the file is not UTF-8 text"
    monkeypatch.setattr(module, "MAX_NOTEBOOK_BYTES", 100)
    path.write_text(json.dumps({"cells": [], "metadata": {"x": "y" * 200}}))
    got = read_submission(path)
    assert got.status == Status.INVALID_NOTEBOOK and "larger than" in got.detail and got.data is None


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.stem)
def test_grader_strips_exactly_the_otter_cells_that_labs_get(path):
    lab = read_lab(path)
    nb = generate.student_notebook(lab)
    texts = {c.get("id"): source(c) for c in nb.cells if c.cell_type == "code"}
    otter = [t for i, t in texts.items() if i == otter_cells.INIT_ID or i.startswith("check-")]
    assert len(otter) == 1 + len(lab.auto_questions)
    assert all(otter_cells.is_otter_cell(text) for text in otter)
    kept = [t for t in texts.values() if t not in otter]
    assert kept and not any(otter_cells.is_otter_cell(text) for text in kept)
    assert not otter_cells.is_otter_cell('grader.check("q1")\nsigmoid_grad = lambda z: z')


@pytest.mark.parametrize(
    "line",
    [
        "[]", '{"status": "ok"}', '{"status": "grader-error", "cells": [], "checks": {}}',
        '{"status": "ok", "cells": [{"cell": "1", "status": "ok"}], "checks": {}}',
        '{"status": "ok", "cells": [], "checks": {"q1-1": {"json": 6}}}',
        '{"status": "ok", "cells": [{"cell": 1, "status": "fine"}], "checks": {}}',
    ],
)
def test_runner_report_accepts_only_its_own_shape(line):
    with pytest.raises((ValueError, TypeError)):
        RunReport.from_json(line)


def test_runner_report_round_trip():
    from trainwell.grading.results import CellOutcome, CellStatus, CheckValue

    report = RunReport(Status.TIMEOUT, "late", [CellOutcome(1, CellStatus.TIMEOUT), CellOutcome(2, CellStatus.ERROR,
                       "OSError", True)], {"q1-1": CheckValue(json="[1, 2]"), "q1-2": CheckValue(error="timed out")})
    assert RunReport.from_json(report.to_json()) == report


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
    code = (
        "import os, socket, json; s = socket.socket();\n"
        "try:\n s.connect(('1.1.1.1', 53)); net = True\nexcept OSError:\n net = False\n"
        f"print(json.dumps([net, os.path.exists({str(ROOT / 'solutions')!r}), os.listdir('/tmp'),"
        " os.getcwd(), os.access('/usr', os.W_OK), sorted(os.listdir('.')), open('s.ipynb').read(),"
        " os.statvfs('/submission').f_blocks * os.statvfs('/submission').f_frsize,"
        " os.path.realpath('/tmp'), os.access('/dev/shm', os.W_OK) and os.getuid() != 0]))"
    )
    isolation = sandbox.Isolation("bubblewrap")
    uid = sandbox.SANDBOX_UIDS.start if isolation.drops_privileges else None
    with isolation.launch(("s.ipynb", b"{}"), uid, sandbox.Limits(disk_mb=64)) as launch:
        argv = launch.argv[: launch.argv.index("-m")] + ["-c", code]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, pass_fds=launch.pass_fds)
    net, solutions_visible, tmp, cwd, usr_writable, files, text, size, tmp_at, shm = json.loads(done.stdout)
    # A Python installed under /tmp gets a real /tmp, which then holds only the mount points of its
    # own folders; elsewhere /tmp is the quota's empty /submission/.tmp.
    in_tmp = sorted({p.split("/")[2] for p in sandbox.python_paths() if p.startswith("/tmp/")})
    assert not net and not solutions_visible and tmp == in_tmp and cwd == "/submission"
    assert not usr_writable and files == ([] if in_tmp else [".tmp"]) + ["s.ipynb"] and text == "{}"
    assert size == 64 * 2**20
    assert tmp_at == ("/tmp" if in_tmp else "/submission/.tmp") and not shm


def test_sandbox_users_are_claimed_per_run(tmp_path, monkeypatch):
    """Two runs on one machine never share a sandbox uid; a run's uids are free again after it."""
    monkeypatch.setattr(sandbox, "USER_LOCKS", tmp_path / "locks")
    isolation = sandbox.Isolation("bubblewrap")
    monkeypatch.setattr(sandbox.Isolation, "drops_privileges", property(lambda self: True))
    with sandbox.claim_users(isolation, 3) as first:
        code = ("import sys; sys.path[:0] = {path!r}; from trainwell.grading import sandbox;"
                "from pathlib import Path; sandbox.USER_LOCKS = Path({locks!r});"
                "sandbox.Isolation.drops_privileges = property(lambda self: True);"
                "ctx = sandbox.claim_users(sandbox.Isolation('bubblewrap'), 2); print(ctx.__enter__())")
        other = subprocess.run([sys.executable, "-c", code.format(path=sys.path, locks=str(tmp_path / "locks"))],
                               capture_output=True, text=True, check=True)
        second = json.loads(other.stdout)
        assert len(set(first)) == 3 and len(set(second)) == 2 and not set(first) & set(second)
        monkeypatch.setattr(sandbox, "SANDBOX_UIDS", range(first[0], first[0] + 4))
        with pytest.raises(sandbox.SandboxUnavailable, match="other grading runs hold"):
            with sandbox.claim_users(isolation, 2):
                pass
    with sandbox.claim_users(isolation, 3) as again:
        assert again == first


class _CrashingIsolation:
    """A stand-in sandbox whose runner dies before reporting, after writing to stderr."""

    kind = "none"
    isolated = False

    @contextlib.contextmanager
    def launch(self, submission, uid, limits):
        code = "import sys; sys.stderr.write('x' * 5000 + 'runner crashed: boom'); sys.exit(3)"
        yield sandbox.Launch([sys.executable, "-c", code], None, "/")


def test_grader_error_keeps_the_tail_of_the_sandbox_stderr():
    from trainwell.grading import grade as grade_module

    lab = read_lab(ROOT / "solutions" / "02-vanishing-exploding-pytorch.ipynb")
    run = grade_module._run_sandboxed(["x = 1"], lab, ("s.ipynb", b"{}"), _CrashingIsolation(), None,
                                      grade_module.Options())
    assert run.status == Status.GRADER_ERROR
    assert run.log.endswith("runner crashed: boom") and len(run.log) == 2000


@pytest.mark.parametrize(
    "name, metadata, want",
    [
        ("doejane_123456_7890123_lab02.ipynb", {}, ("123456", "file name")),
        ("doejane_LATE_123456_7890123_lab02.ipynb", {}, ("123456", "file name")),
        ("doejane_123456_7890123_lab02.ipynb", {"trainwell": {"student": {"id": "999"}}}, ("123456", "file name")),
        ("lab02.ipynb", {"trainwell": {"student": {"id": 42, "name": "Doe, Jane"}}}, ("42", "notebook metadata")),
        ("lab02.ipynb", {"trainwell": {"student": {"id": True}}}, None),
        ("lab02.ipynb", {"trainwell": ["x"]}, None),
        ("lab02.ipynb", {}, None),
    ],
)
def test_student_from_file_name_then_metadata(name, metadata, want):
    from trainwell.grading import lms

    student = lms.student_of(Path(name), metadata, lms.compile_pattern(lms.CANVAS_FILE_NAME))
    assert (student.id, student.source.split(" (")[0]) == want if want else student is None


def test_student_pattern_must_name_the_id():
    from trainwell.grading import lms

    with pytest.raises(lms.PatternError, match="named group"):
        lms.compile_pattern(r"^(\d+)_")
    with pytest.raises(lms.PatternError, match="not a regular expression"):
        lms.compile_pattern(r"(?P<id>")
    student = lms.student_of(Path("s1234567-lab.ipynb"), {},
                             lms.compile_pattern(r"^s(?P<id>\d+)-(?P<name>\w+)"))
    assert (student.id, student.name) == ("1234567", "lab")


def _result(file, total, student):
    from trainwell.grading.results import Result

    return Result(file=file, stem=Path(file).stem, lab="lab", status=Status.OK, detail="", isolation="bubblewrap",
                  scores={"q1": total}, possible=8, checks=[], cells=[], manual=[], student=student)


def test_canvas_gradebook(tmp_path):
    import csv

    from trainwell.grading import lms
    from trainwell.grading.results import Student

    results = [
        _result("a.ipynb", 6.5, Student("101", "Doe, Jane", lms.FROM_FILE_NAME)),
        _result("b.ipynb", 8, Student("102", "", lms.FROM_METADATA)),
        _result("c.ipynb", 1, None),
        _result("d1.ipynb", 2, Student("103", "", lms.FROM_FILE_NAME)),
        _result("d2.ipynb", 3, Student("103", "", lms.FROM_FILE_NAME)),
    ]
    warnings = lms.write_canvas(tmp_path / "canvas.csv", "Lab 02 (4567)", 8, results)
    rows = list(csv.reader((tmp_path / "canvas.csv").open(newline="")))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Lab 02 (4567)"]
    assert rows[1] == ["Points Possible", "", "", "", "", "8"]
    assert rows[2:] == [["Doe, Jane", "101", "", "", "", "6.5"], ["", "102", "", "", "", "8"]]
    assert len(warnings) == 3 and "c.ipynb: no student id" in warnings[0]
    assert all("student 103 has 2 submissions" in w for w in warnings[1:])


def test_similarity_flags_the_renamed_copy_only():
    from grading_cases import ANSWERS, answered, solved

    from trainwell.grading import similarity
    from trainwell.grading.submission import code_cells

    lab = find_lab("02-vanishing-exploding-pytorch", ROOT / "solutions")
    starter = {c.strip() for c in similarity.starter_cells(lab)}
    notebooks = {"solution": solved(lab.id), "untouched": json.loads((ROOT / "labs" / f"{lab.id}.ipynb").read_text()),
                 "untouched-2": json.loads((ROOT / "labs" / f"{lab.id}.ipynb").read_text()),
                 **{name: answered(lab.id, cells) for name, cells in ANSWERS.items()}}
    answers = [similarity.answer_code(lab, name, code_cells(nb), starter) for name, nb in notebooks.items()]
    pairs = similarity.similar_pairs(lab, answers)
    assert [(p.file_a, p.file_b) for p in pairs] == [("bo", "bo-renamed")]
    assert pairs[0].score > 0.95 and pairs[0].cells_a == (
        "cell 5 (q1)", "cell 8 (q2)", "cell 11 (q3)", "cell 14 (q4)", "cell 19 (q6)", "cell 20 (q6)")


def test_gradescope_zip_is_built_from_package_data(tmp_path):
    import zipfile
    from importlib.metadata import version

    from trainwell.grading import gradescope

    archive = gradescope.export("02-vanishing-exploding-pytorch", tmp_path / "a.zip", ROOT / "solutions")
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        project = zf.read("package/pyproject.toml").decode()
        run_autograder = zf.read("run_autograder").decode()
        setup = zf.read("setup.sh").decode()
        modes = {i.filename: i.external_attr >> 16 for i in zf.infolist()}
    assert {"package/src/trainwell/grading/grade.py", "package/src/trainwell/grading/autograder/setup.sh",
            "solutions/02-vanishing-exploding-pytorch.ipynb"} <= names
    assert not any("__pycache__" in n for n in names)
    deps = json.loads(re.search(r"^dependencies = (\[.*\])$", project, re.M).group(1))
    assert any(d.startswith("otter-grader==") for d in deps) and any(d.startswith("copydetect") for d in deps)
    assert not any("extra" in d or d.startswith("torch") for d in deps)
    assert f'version = "{version("trainwell")}"' in project and "@" not in project
    assert "--lab 02-vanishing-exploding-pytorch" in run_autograder and "@" not in run_autograder
    assert "pip install -q torch /autograder/source/package" in setup
    assert modes["run_autograder"] == modes["setup.sh"] == 0o755


def test_a_run_that_skips_ends_with_a_banner(tmp_path):
    """On a machine without bubblewrap or Chromium the skipped tests are named, with the install command."""
    (tmp_path / "test_demo.py").write_text(
        "import pytest\n\ndef test_needs_a_sandbox():\n    pytest.skip('bubblewrap is not installed')\n\n"
        "def test_plain():\n    pass\n"
    )
    bare = tmp_path / "bin"  # a PATH without bwrap and chromium
    bare.mkdir()
    env = dict(os.environ, PATH=str(bare), PYTHONPATH=str(ROOT / "tests"), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider",
                           str(tmp_path / "test_demo.py")],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 TEST(S) SKIPPED: THIS RUN DID NOT TEST EVERYTHING" in done.stdout
    assert "1 skipped: bubblewrap is not installed" in done.stdout
    assert "sudo apt-get install bubblewrap chromium" in done.stdout
    quiet = subprocess.run([sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider",
                            str(tmp_path / "test_demo.py"), "-k", "plain"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert quiet.returncode == 0 and "SKIPPED" not in quiet.stdout


def test_sandbox_command_line(monkeypatch):
    """The quota tmpfs holds the submission and /tmp; a Python installed under /tmp gets a real /tmp."""
    limits = sandbox.Limits(disk_mb=64)
    monkeypatch.setattr(sandbox, "python_paths", lambda: ("/opt/venv-x/lib/python3/site-packages",))
    argv = sandbox.bwrap_argv(("../my lab (1).ipynb", 7), 64001, limits)
    at = argv.index("--tmpfs")
    assert argv[at - 2 : at + 2] == ["--size", str(64 * 2**20), "--tmpfs", "/submission"]
    assert ["--symlink", "/submission/.tmp", "/tmp"] == argv[argv.index("--symlink", at) : argv.index("--symlink", at) + 3]
    assert argv[argv.index("--file") : argv.index("--file") + 3] == ["--file", "7", "/submission/_my_lab__1_.ipynb"]
    assert argv[argv.index("--reuid=64001") - 1] == "setpriv"
    monkeypatch.setattr(sandbox, "python_paths", lambda: ("/tmp/venv-x/lib/python3/site-packages",))
    argv = sandbox.bwrap_argv(None, None, limits)
    tmp = argv.index("/tmp")
    assert argv[tmp - 3 : tmp + 1] == ["--size", str(64 * 2**20), "--tmpfs", "/tmp"] and "--file" not in argv
    assert argv.index("/tmp/venv-x/lib/python3/site-packages") > tmp
    assert sandbox.file_name("...") == "submission.ipynb" and sandbox.file_name("ok-1.ipynb") == "ok-1.ipynb"


def test_runner_stops_only_what_runs_past_its_limit():
    """A looping cell and a looping check cost themselves: the kernel is restarted, the cells that
    had finished run again, and the later cells and checks are still evaluated (no sandbox here)."""
    from trainwell.grading.results import CellStatus
    from trainwell.grading.runner import Run

    cells = ["x = 2", "def f():\n    return x", "while True:\n    pass", "y = 3"]
    checks = [{"id": "a", "setup": "", "expr": "f()"}, {"id": "b", "setup": "", "expr": "[y, f()]"},
              {"id": "c", "setup": "while True:\n    pass", "expr": "1"}, {"id": "d", "setup": "", "expr": "y"}]
    report = Run({"cells": cells, "checks": checks, "timeout": 60, "question_timeout": 2})()
    assert [c.status for c in report.cells] == [CellStatus.OK, CellStatus.OK, CellStatus.TIMEOUT, CellStatus.OK]
    assert {k: v.json for k, v in report.checks.items()} == {"a": "2", "b": "[3, 2]", "c": None, "d": "3"}
    assert report.checks["c"].error == "timed out" and report.status == Status.TIMEOUT
    assert "code cell(s) 3 ran past" in report.detail and "test(s) c ran past" in report.detail
    assert "restarted 2 time(s)" in report.detail
    cut = Run({"cells": ["import time\ntime.sleep(30)", "z = 1"], "checks": [{"id": "z", "setup": "", "expr": "z"}],
               "timeout": 6, "question_timeout": 20})()
    assert cut.detail.startswith("code cell 1 ran past the notebook's time limit (6 s); later cells were not run")
    assert len(cut.cells) == 1 and cut.status == Status.TIMEOUT
    assert cut.checks["z"].json is None  # cell 2 never ran; the check raised, or had no time left
    assert cut.checks["z"].error.split(":")[0] in ("NameError", "not run", "stopped")


def test_kernel_close_removes_its_runtime_folder():
    """The grading kernel's connection file and IPC sockets live in a folder of their own, which
    closing the kernel removes (nothing is left behind in the temporary directory)."""
    import os

    from trainwell.grading.runner import Kernel

    kernel = Kernel()
    runtime = kernel.runtime
    assert os.path.isfile(os.path.join(runtime, "kernel.json"))
    kernel.close()
    assert not os.path.exists(runtime) and not kernel.km.has_kernel
