"""`trainwell grade` on real notebooks: honest, broken and cheating submissions in one batch."""

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

import pytest
from grading_cases import DISK_FILL_GB, auto_points, batch, lab_notebook, solved, with_cell, write

from trainwell.grading import sandbox

ROOT = Path(__file__).resolve().parents[1]
PYTORCH = "02-vanishing-exploding-pytorch"
TENSORFLOW = "02-vanishing-exploding-tensorflow"

# Without a sandbox these tests skip on a workstation but fail in CI, where .ci/run installs one.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.usefixtures("one_sandbox_batch_at_a_time"),
    pytest.mark.skipif(
        sandbox.probe() is not None and not os.environ.get("CI"), reason=str(sandbox.probe())
    ),
]


def grade(lab, paths, out, *extra):
    return subprocess.run(
        [sys.executable, "-m", "trainwell.grading.cli", "grade", "--lab", lab, *map(str, paths),
         "--out", str(out), "--workers", "2", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=1200,
    )


def gradebook(out: Path, key=lambda row: Path(row["file"]).stem) -> dict:
    """The rows of ``out/gradebook.csv`` by ``key`` (the submission's file stem by default)."""
    with (out / "gradebook.csv").open(newline="") as f:
        return {key(row): row for row in csv.DictReader(f)}


def digest(folder: Path) -> dict:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


class DiskWatch(threading.Thread):
    """Samples the used space of the file systems the grader writes to while a batch runs."""

    def __init__(self, *folders: Path):
        super().__init__(daemon=True)
        self.folders = [str(f) for f in folders]
        self.base = [shutil.disk_usage(f).used for f in self.folders]
        self.peak, self.done = 0, threading.Event()
        self.start()

    def run(self):
        while not self.done.wait(0.2):
            growth = max(shutil.disk_usage(f).used - b for f, b in zip(self.folders, self.base))
            self.peak = max(self.peak, growth)

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.peak


def test_one_batch_of_every_case(tmp_path):
    subs = tmp_path / "subs"
    expected = batch(subs, PYTORCH, ROOT / "solutions")
    assert len(expected) >= 20
    before, repo_before = digest(subs), digest(ROOT / "labs") | digest(ROOT / "solutions")
    watch = DiskWatch(Path(tempfile.gettempdir()), tmp_path, ROOT)
    done = grade(PYTORCH, [subs], tmp_path / "out", "--question-timeout", "30",
                 "--disk", "256")
    grown = watch.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    # disk-fill tried to write DISK_FILL_GB GB in each folder; the grader's disks saw (almost) none of it
    assert grown < DISK_FILL_GB * 2**30 / 2, f"the grader's disk grew by {grown / 2**20:.0f} MB"
    assert "grading 02-vanishing-exploding-pytorch" in done.stderr  # the progress bar
    assert digest(subs) == before, "a submission file was modified"
    assert digest(ROOT / "labs") | digest(ROOT / "solutions") == repo_before
    rows = gradebook(tmp_path / "out", key=lambda row: row["file"])
    assert set(rows) == set(expected)
    wrong = []
    for file, want in expected.items():
        row = rows[file]
        got = {q: float(row[q]) for q in want["scores"]}
        if any(abs(got[q] - want["scores"][q]) > 1e-3 for q in got):
            wrong.append(f"{Path(file).name}: {got} != {want['scores']} ({row['status']})")
        if want["status"] and row["status"] != want["status"]:
            wrong.append(f"{Path(file).name}: status {row['status']!r} != {want['status']!r}")
        assert row["q5"] == "" and float(row["possible"]) == sum(auto_points(PYTORCH).values())
        assert abs(float(row["total"]) - sum(got.values())) < 1e-3
    assert not wrong, "\n".join(wrong)
    stems = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert "solved.json" in stems and "solved-2.json" in stems
    untouched = (tmp_path / "out" / "untouched-feedback.md").read_text()
    assert "q1 hidden test 2: raised" in untouched and "q4 hidden test 2: wrong value" in untouched
    assert "graded by hand" in untouched
    reference_text = (ROOT / "solutions" / f"{PYTORCH}.ipynb").read_text()
    partly = (tmp_path / "out" / "partly-wrong-feedback.md").read_text()
    assert "q4 hidden test 2: wrong value" in partly and "| q4 | 0 | 2 |" in partly
    for feedback in (tmp_path / "out").glob("*-feedback.md"):
        text = feedback.read_text()
        assert "0.002466509291360048" not in text and "0.06338238716125488" not in text
    assert "0.002466509291360048" in reference_text  # ...which the master does show
    hung = json.loads((tmp_path / "out" / "looping-question.json").read_text())
    assert "restarted 1 time" in hung["detail"] and hung["isolation"] == "bubblewrap"
    assert [c["status"] for c in hung["cells"]].count("timeout") == 1
    looping = (tmp_path / "out" / "looping-test-feedback.md").read_text()
    assert "q1 hidden test 3: timed out" in looping and "| q1 | 1 | 2 |" in looping
    disk = (tmp_path / "out" / "disk-fill-feedback.md").read_text()
    assert "(the disk quota was full)" in disk and "| q4 | 0 | 2 |" in disk
    print(done.stdout)


MASTERS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_every_lab_solution_full_marks_untouched_zero(tmp_path, master):
    lab = master.stem
    paths = [
        write(tmp_path / "subs", "solved.ipynb", solved(lab)),
        write(tmp_path / "subs", "untouched.ipynb", lab_notebook(lab)),
    ]
    done = grade(lab, paths, tmp_path / "out", "--no-progress")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = gradebook(tmp_path / "out")
    solved_row, untouched = rows["solved"], rows["untouched"]
    assert solved_row["status"] == "ok", solved_row
    assert float(solved_row["total"]) == float(solved_row["possible"]) > 0, solved_row
    auto = [q for q in solved_row if q.startswith("q") and solved_row[q] != ""]
    assert len(auto) >= 4
    assert all(float(untouched[q]) == 0 for q in auto), untouched


@pytest.mark.parametrize("lab", [PYTORCH, TENSORFLOW])
def test_chinese_labs_grade_exactly_like_the_english_ones(tmp_path, lab):
    """The Chinese lab, solved, half solved or untouched, gets the English lab's row, question by
    question (their code cells are the same; only the instructions are translated)."""
    chinese = "labs/zh_CN"
    half = {}
    for key, folder in (("en", "labs"), ("zh", chinese)):  # the first answer taken back out
        half[key], untouched = solved(lab, folder), lab_notebook(lab, folder)
        first = next(i for i, (a, b) in enumerate(zip(half[key]["cells"], untouched["cells"]))
                     if a["source"] != b["source"])
        half[key]["cells"][first] = untouched["cells"][first]
    paths = [
        write(tmp_path / "subs", "en-solved.ipynb", solved(lab)),
        write(tmp_path / "subs", "zh-solved.ipynb", solved(lab, chinese)),
        write(tmp_path / "subs", "en-half.ipynb", half["en"]),
        write(tmp_path / "subs", "zh-half.ipynb", half["zh"]),
        write(tmp_path / "subs", "en-untouched.ipynb", lab_notebook(lab)),
        write(tmp_path / "subs", "zh-untouched.ipynb", lab_notebook(lab, chinese)),
    ]
    done = grade(lab, paths, tmp_path / "out", "--no-progress")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = gradebook(tmp_path / "out")
    scores = {name: {k: v for k, v in row.items() if k.startswith("q") or k in ("total", "status")}
              for name, row in rows.items()}
    for kind in ("solved", "half", "untouched"):
        assert scores[f"zh-{kind}"] == scores[f"en-{kind}"], (kind, scores)
    assert float(rows["zh-solved"]["total"]) == float(rows["zh-solved"]["possible"]) > 0
    assert 0 < float(rows["zh-half"]["total"]) < float(rows["zh-solved"]["total"])
    assert float(rows["zh-untouched"]["total"]) == 0


def test_tensorflow_lab(tmp_path):
    cheat = """
import tensorflow as tf, numpy as np
tf.sigmoid = lambda z: z * 0 + 0.25
tf.Tensor.numpy = lambda self: np.array([0.105, 0.25, 0.105])
tf.math.reduce_std = lambda *a, **k: 0.05349
def sigmoid_grad(z):
    return z
"""
    paths = [
        write(tmp_path / "subs", "solved.ipynb", solved(TENSORFLOW)),
        write(tmp_path / "subs", "untouched.ipynb", lab_notebook(TENSORFLOW)),
        write(tmp_path / "subs", "cheat-tensorflow.ipynb", with_cell(lab_notebook(TENSORFLOW), cheat)),
    ]
    done = grade(TENSORFLOW, paths, tmp_path / "out", "--no-progress")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = gradebook(tmp_path / "out")
    assert float(rows["solved"]["total"]) == sum(auto_points(TENSORFLOW).values())
    assert rows["solved"]["status"] == "ok"
    assert float(rows["untouched"]["total"]) == 0 and float(rows["cheat-tensorflow"]["total"]) == 0


def test_gradescope_autograder(tmp_path):
    archive = tmp_path / "autograder.zip"
    done = subprocess.run(
        [sys.executable, "-m", "trainwell.grading.cli", "export-gradescope", "--lab", PYTORCH,
         "--out", str(archive)], capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    root = tmp_path / "autograder"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert {"setup.sh", "run_autograder", f"solutions/{PYTORCH}.ipynb"} <= set(names)
        assert "package/src/trainwell/grading/grade.py" in names
        zf.extractall(root / "source")
    assert "bubblewrap" in (root / "source" / "setup.sh").read_text()
    write(root / "submission", "lab.ipynb", with_cell(solved(PYTORCH), "sigmoid_grad = None"))
    run_autograder = root / "source" / "run_autograder"
    run_autograder.chmod(0o755)
    env = dict(os.environ, TRAINWELL_AUTOGRADER_ROOT=str(root), TRAINWELL_PYTHON=sys.executable)
    done = subprocess.run([str(run_autograder)], capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text())
    by_name = {t["name"]: t for t in results["tests"]}
    points = auto_points(PYTORCH)
    assert results["score"] == sum(points.values()) - points["q1"] and by_name["q1"]["score"] == 0
    assert {t["name"]: t["max_score"] for t in results["tests"]} == points
    assert by_name["q2"]["score"] == points["q2"] and "raised" in by_name["q1"]["output"]


def test_student_flow_checks_pass_locally(tmp_path):
    import shutil

    import nbformat
    from nbclient import NotebookClient

    shutil.copytree(ROOT / "labs" / "tests", tmp_path / "tests")
    submission = with_cell(solved(PYTORCH), 'print(grader.check("q1"))')
    nb = nbformat.reads(json.dumps(submission), as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
    assert len(checks) == len(auto_points(PYTORCH))
    for cell in checks:
        text = json.dumps(cell.outputs)
        assert "passed" in text and "failed" not in text.lower(), text[:500]
    assert "q1 results: All test cases passed!" in json.dumps(nb.cells[-1].outputs)


def test_lab_pages_have_colab_buttons(built_site):
    repo = __import__("yaml").safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    for lab in (PYTORCH, TENSORFLOW):
        html = (built_site / "labs" / f"{lab}.html").read_text()
        colab = f"https://colab.research.google.com/github/{repo.split('github.com/')[1]}/blob/main/labs/{lab}.ipynb"
        assert colab in html
    def text(page):
        return " ".join(re.sub(r"<[^>]+>", "", (built_site / "book" / page).read_text()).split())

    assert "grader.check" in text("labs.html")
    assert "trainwell grade --lab" in text("grading.html")


def test_two_batches_at_once(tmp_path):
    """Two `trainwell grade` runs at the same time, as two instructors' would be, each under a process
    limit that one sandbox fits in but two sharing a uid do not: every honest submission gets full
    marks in both. The submissions carry Canvas's download names; one batch holds a renamed copy."""
    from grading_cases import ANSWERS, answered

    batches = {"a": ["ana", "bo", "bo-renamed"], "b": ["chen", "dana"]}
    notebooks = {"dana": solved(PYTORCH), **{name: answered(PYTORCH, cells) for name, cells in ANSWERS.items()}}
    ids = {name: str(1000 + i) for i, name in enumerate(sorted(notebooks))}
    runs = {}
    for key, names in batches.items():
        for name in names:
            write(tmp_path / key, f"{name.replace('-', '')}_{ids[name]}_{9000 + int(ids[name])}_lab02.ipynb",
                  notebooks[name])
        runs[key] = subprocess.Popen(
            [sys.executable, "-m", "trainwell.grading.cli", "grade", "--lab", PYTORCH, str(tmp_path / key),
             "--out", str(tmp_path / f"out-{key}"), "--workers", "2", "--processes", "32", "--no-progress",
             "--canvas-assignment", "Lab 02 (777)"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
    for key, proc in runs.items():
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-3000:]
        assert "warning" not in err, err
        rows = gradebook(tmp_path / f"out-{key}")
        assert len(rows) == len(batches[key])
        full = sum(auto_points(PYTORCH).values())
        for row in rows.values():
            assert row["status"] == "ok" and float(row["total"]) == float(row["possible"]) == full, row
            assert row["student_from"] == "file name"
        with (tmp_path / f"out-{key}" / "canvas.csv").open(newline="") as f:
            canvas = list(csv.reader(f))
        assert canvas[0][1] == "ID" and canvas[0][-1] == "Lab 02 (777)" and canvas[1][-1] == f"{full:g}"
        assert sorted((r[1], r[-1]) for r in canvas[2:]) == sorted((ids[n], f"{full:g}") for n in batches[key])
        with (tmp_path / f"out-{key}" / "similarity.csv").open(newline="") as f:
            pairs = [(Path(r["file_a"]).name.split("_")[0], Path(r["file_b"]).name.split("_")[0])
                     for r in csv.DictReader(f)]
        assert pairs == ([("bo", "borenamed")] if key == "a" else [])
        names = [p.name for p in (tmp_path / key).glob("*.ipynb")]
        for feedback in (tmp_path / f"out-{key}").glob("*-feedback.md"):
            body = feedback.read_text().split("\n", 1)[1]  # after the title, which names the file
            assert "similar" not in body and not any(name in body for name in names)
