"""What the grader writes for each batch: ``gradebook.csv``, ``<stem>.json`` and ``<stem>-feedback.md``."""

from __future__ import annotations

import csv
from pathlib import Path

from trainwell.grading.lab import Lab
from trainwell.grading.results import CellStatus, Result, points


def feedback(lab: Lab, result: Result) -> str:
    """Markdown feedback: the score of each question and each failed check, no expected values."""
    lines = [
        f"# Feedback on {result.file}",
        "",
        f"Lab `{lab.id}`: **{points(result.total)} / {points(result.possible)}** points "
        "from the automatic tests.",
        "",
        f"Status: `{result.status_text}`" + (f" ({result.detail})" if result.detail else ""),
        "",
        "| question | points | out of |",
        "|---|---|---|",
    ]
    for question in lab.questions:
        if question.manual:
            lines.append(f"| {question.name} (written) | graded by hand | {points(question.points)} |")
        else:
            lines.append(
                f"| {question.name} | {points(result.scores[question.name])} | {points(question.points)} |"
            )
    failed = result.failed_checks()
    lines += ["", "## Failed checks", ""]
    if failed:
        lines += [
            f"- {c.label}: {c.reason}" + ("" if c.scored else " (a public test: not scored)")
            for c in failed
        ]
    else:
        lines.append("None: every automatic check passed.")
    unfinished = [c for c in result.cells if c.status != CellStatus.OK]
    if unfinished:
        lines += ["", "## Cells that did not finish", ""]
        for cell in unfinished:
            what = cell.ename or cell.status.value
            lines.append(f"- code cell {cell.cell}: {what}" + (" (the disk quota was full)" if cell.disk_full else ""))
    return "\n".join(lines) + "\n"


GRADEBOOK_FIXED = ["total", "possible", "status", "student_id", "student_name", "student_from"]


def write_gradebook(path: Path, lab: Lab, results: list[Result]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file", *(q.name for q in lab.questions), *GRADEBOOK_FIXED])
        for result in results:
            scores = ["" if q.manual else points(result.scores[q.name]) for q in lab.questions]
            student = result.student
            writer.writerow([
                result.file, *scores, points(result.total), points(result.possible), result.status_text,
                student.id if student else "", student.name if student else "",
                student.source if student else "",
            ])


def write_submission(out: Path, lab: Lab, result: Result) -> None:
    """``<stem>.json`` (every detail, for the instructor) and ``<stem>-feedback.md`` (for the student)."""
    (out / f"{result.stem}.json").write_text(result.to_json(), encoding="utf-8")
    (out / f"{result.stem}-feedback.md").write_text(feedback(lab, result), encoding="utf-8")
