"""Gradescope autograder: ``export`` writes the zip; ``main`` is what its ``run_autograder`` runs.

The zip holds ``setup.sh`` (installs bubblewrap, the framework and this package from the zip) and
``run_autograder``, both from this package's ``autograder/`` data, the lab's master and the
installed package's source with a ``pyproject.toml`` that lists its grading dependencies. Inside
Gradescope's container ``run_autograder`` grades ``/autograder/submission/*.ipynb`` with the same grader as
``trainwell grade`` and writes ``/autograder/results/results.json``. The root folder can be moved
with ``TRAINWELL_AUTOGRADER_ROOT`` (tests use a temporary folder).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import json
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

from trainwell.grading.lab import Lab, find_lab
from trainwell.grading.results import Result, points

TEMPLATES = importlib.resources.files("trainwell.grading") / "autograder"
EXTRA = "grading"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
PLACEHOLDER = re.compile(r"@[A-Z_]+@")


def _template(name: str, **values: str) -> str:
    """The autograder file ``name`` with its ``@KEY@`` placeholders filled in."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key.upper()}@", value)
    if left := PLACEHOLDER.search(text):
        raise ValueError(f"{name}: the placeholder {left.group()} was left unfilled")
    return text


def _dependencies() -> list[str]:
    """This package's dependencies with its grading extra, as installed (no extras left)."""
    wanted = []
    for line in importlib.metadata.requires("trainwell") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": EXTRA}):
            requirement.marker = None
            wanted.append(str(requirement))
    return sorted(set(wanted))


def _package_files() -> list[tuple[str, bytes]]:
    """The installed ``trainwell`` package: its modules and data, as ``(path in src/, bytes)``."""
    root = importlib.resources.files("trainwell")
    files, stack = [], [(root, "trainwell")]
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((entry, f"{prefix}/{entry.name}"))
            elif not entry.name.endswith((".pyc", ".pyo")):
                files.append((f"{prefix}/{entry.name}", entry.read_bytes()))
    return sorted(files)


def export(lab_id: str, out: str | Path, solutions_dir: str | Path | None = None) -> Path:
    """Write the autograder zip of ``lab_id`` to ``out``; return its path."""
    lab = find_lab(lab_id, solutions_dir)
    framework = "tensorflow-cpu" if "tensorflow" in lab.id else "torch"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    dependencies = ", ".join(json.dumps(d) for d in _dependencies())
    scripts = {
        "run_autograder": _template("run_autograder", lab=lab.id),
        "setup.sh": _template("setup.sh", framework=framework),
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in scripts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o755 << 16
            zf.writestr(info, text)
        zf.write(lab.path, f"solutions/{lab.path.name}")
        zf.writestr(zipfile.ZipInfo("package/pyproject.toml", date_time=ZIP_DATE), _template(
            "pyproject.toml.in", version=importlib.metadata.version("trainwell"), dependencies=dependencies))
        for name, data in _package_files():
            zf.writestr(zipfile.ZipInfo(f"package/src/{name}", date_time=ZIP_DATE), data)
    return out


def results_json(lab: Lab, result: Result | None, message: str) -> dict:
    """Gradescope's results.json: one test per auto-graded question."""
    if result is None:
        return {"score": 0, "output": message, "tests": []}
    tests = []
    for question in lab.auto_questions:
        failed = result.failed_checks(question.name, scored_only=True)
        tests.append({
            "name": question.name, "score": float(points(result.scores[question.name])),
            "max_score": question.points,
            "output": "\n".join(f"{c.label}: {c.reason}" for c in failed) or "All hidden tests passed.",
            "visibility": "visible",
        })
    output = f"Status: {result.status_text}" + (f" ({result.detail})" if result.detail else "")
    if message:
        output = message + "\n" + output
    return {"score": float(points(result.total)), "output": output, "tests": tests}


def main(argv: list[str] | None = None) -> int:
    from trainwell.grading import sandbox
    from trainwell.grading.grade import Options, grade

    parser = argparse.ArgumentParser(description="Gradescope entry point of the Train Well grader.")
    parser.add_argument("--root", default=os.environ.get("TRAINWELL_AUTOGRADER_ROOT", "/autograder"))
    parser.add_argument("--lab", required=True)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    root = Path(args.root)
    source = root / "source"
    os.chmod(source, 0o700)  # the master stays the grader's, even without a sandbox
    results_dir = root / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    submissions = sorted((root / "submission").glob("*.ipynb"))
    lab = find_lab(args.lab, source / "solutions")
    message, result = "", None
    if not submissions:
        message = "No .ipynb file was submitted: upload your lab notebook."
    else:
        unsafe = sandbox.probe() is not None
        if unsafe:
            message = "Note: graded without a sandbox (this container allows none)."
        with tempfile.TemporaryDirectory() as out:
            options = Options(timeout=args.timeout, workers=1, unsafe=unsafe,
                              solutions_dir=str(source / "solutions"), progress=False)
            result = grade(args.lab, [submissions[0]], out, options).results[0]
    (results_dir / "results.json").write_text(json.dumps(results_json(lab, result, message), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
