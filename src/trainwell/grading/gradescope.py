"""Gradescope autograder: ``export`` writes the zip; ``main`` is what its ``run_autograder`` runs.

The zip holds ``setup.sh`` (installs bubblewrap, the frameworks and this package from the zip),
``run_autograder``, the lab's master and the package source. Inside Gradescope's container
``run_autograder`` grades ``/autograder/submission/*.ipynb`` with the same grader as
``trainwell grade`` and writes ``/autograder/results/results.json``. The root folder can be moved
with ``TRAINWELL_AUTOGRADER_ROOT`` (tests use a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from trainwell.grading.lab import find_lab

PACKAGE_ROOT = Path(__file__).resolve().parents[3]

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this once per submission: grade it with the Train Well grader.
set -euo pipefail
ROOT="${{TRAINWELL_AUTOGRADER_ROOT:-/autograder}}"
exec "${{TRAINWELL_PYTHON:-python3}}" -m trainwell.grading.gradescope --root "$ROOT" --lab {lab}
"""

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap python3-pip python3-venv >/dev/null
python3 -m pip install -q {framework} /autograder/source/package[grading]
"""


def export(lab_id: str, out: str | Path, solutions_dir: str | Path | None = None) -> Path:
    """Write the autograder zip of ``lab_id`` to ``out``; return its path."""
    lab = find_lab(lab_id, solutions_dir)
    framework = "tensorflow-cpu" if "tensorflow" in lab.id else "torch"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    files = {
        "run_autograder": RUN_AUTOGRADER.format(lab=lab.id),
        "setup.sh": SETUP.format(framework=framework),
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o755 << 16
            zf.writestr(info, text)
        zf.write(lab.path, f"solutions/{lab.path.name}")
        for name in ("pyproject.toml", "README.md"):
            zf.write(PACKAGE_ROOT / name, f"package/{name}")
        for path in sorted((PACKAGE_ROOT / "src" / "trainwell").rglob("*.py")):
            zf.write(path, f"package/{path.relative_to(PACKAGE_ROOT)}")
    return out


def _results(result: dict | None, message: str, max_points: dict[str, float]) -> dict:
    """Gradescope's results.json: one test per auto-graded question, out of ``max_points``."""
    if result is None:
        return {"score": 0, "output": message, "tests": []}
    tests = []
    for name, points in result["scores"].items():
        failed = [c for c in result["checks"] if c["question"] == name and not c["passed"] and c["scored"]]
        tests.append({
            "name": name, "score": round(points, 3),
            "max_score": max_points[name],
            "output": "\n".join(f"{c['label']}: {c['reason']}" for c in failed) or "All hidden tests passed.",
            "visibility": "visible",
        })
    output = f"Status: {result['status']}" + (f" ({result['detail']})" if result["detail"] else "")
    if message:
        output = message + "\n" + output
    return {"score": round(result["total"], 3), "output": output, "tests": tests}


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
    message, result, max_points = "", None, {}
    if not submissions:
        message = "No .ipynb file was submitted: upload your lab notebook."
    else:
        unsafe = sandbox.probe() is not None
        if unsafe:
            message = "Note: graded without a sandbox (this container allows none)."
        with tempfile.TemporaryDirectory() as out:
            options = Options(timeout=args.timeout, workers=1, unsafe=unsafe,
                              solutions_dir=str(source / "solutions"), progress=False)
            result = grade(args.lab, [submissions[0]], out, options)[0]
        max_points = {q.name: q.points for q in find_lab(args.lab, source / "solutions").auto_questions}
    (results_dir / "results.json").write_text(json.dumps(_results(result, message, max_points), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
