"""What the grader writes: ``gradebook.csv``, ``<stem>.json`` and ``<stem>-feedback.md``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from trainwell.grading.lab import Lab


def _number(x: float) -> str:
    return f"{round(x, 3):g}"


def write_json(path: Path, result: dict) -> None:
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


def feedback(lab: Lab, result: dict) -> str:
    """Markdown feedback: the score of each question and each failed check, no expected values."""
    lines = [
        f"# Feedback on {result['file']}",
        "",
        f"Lab `{lab.id}`: **{_number(result['total'])} / {_number(result['possible'])}** points "
        "from the automatic tests.",
        "",
        f"Status: `{result['status']}`" + (f" ({result['detail']})" if result.get("detail") else ""),
        "",
        "| question | points | out of |",
        "|---|---|---|",
    ]
    for question in lab.questions:
        if question.manual:
            lines.append(f"| {question.name} (written) | graded by hand | {_number(question.points)} |")
        else:
            lines.append(
                f"| {question.name} | {_number(result['scores'][question.name])} | {_number(question.points)} |"
            )
    failed = [c for c in result["checks"] if not c["passed"]]
    lines += ["", "## Failed checks", ""]
    if failed:
        lines += [
            f"- {c['label']}: {c['reason']}" + ("" if c["scored"] else " (a public test: not scored)")
            for c in failed
        ]
    else:
        lines.append("None: every automatic check passed.")
    errors = [c for c in result.get("cells", []) if c["status"] != "ok"]
    if errors:
        lines += ["", "## Cells that did not finish", ""]
        for cell in errors:
            what = cell.get("ename") or cell["status"]
            lines.append(f"- code cell {cell['cell']}: {what}")
    return "\n".join(lines) + "\n"


def write_gradebook(path: Path, lab: Lab, results: list[dict]) -> None:
    names = [q.name for q in lab.questions]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file", *names, "total", "possible", "status"])
        for result in results:
            scores = [
                "" if q.manual else _number(result["scores"][q.name]) for q in lab.questions
            ]
            writer.writerow(
                [result["file"], *scores, _number(result["total"]), _number(result["possible"]),
                 result["status"]]
            )
