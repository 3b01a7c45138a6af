"""Who handed in each submission, and the gradebook in the CSV format that Canvas imports.

A submission's student comes from its file name when it matches the pattern (by default the
names of Canvas's *Download Submissions* zip, ``<name>_[late_]<user id>_<submission id>_<file>``),
else from the notebook's metadata (``"trainwell": {"student": {"id": ..., "name": ...}}``), which
the student wrote and so is marked as such. ``canvas.csv`` has Canvas's columns (``Student``,
``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``, then the assignment) and a ``Points
Possible`` row, as Canvas's own gradebook export does; submissions without a student, or two for
one student, are left out of it and named on the command line.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from trainwell.grading.results import Result, Student, points

CANVAS_FILE_NAME = r"(?i)^(?P<login>[a-z0-9]+)_(?:late_)?(?P<id>\d+)_\d+_"
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
FROM_FILE_NAME = "file name"
FROM_METADATA = "notebook metadata (written by the student)"


class PatternError(ValueError):
    """A student file-name pattern that is not a regular expression with an ``id`` group."""


def compile_pattern(pattern: str) -> re.Pattern:
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise PatternError(f"--student-pattern is not a regular expression: {error}") from error
    if "id" not in compiled.groupindex:
        raise PatternError("--student-pattern needs a named group (?P<id>...) for the student id")
    return compiled


def _clean(value, limit: int = 200) -> str:
    return str(value).strip()[:limit] if isinstance(value, (str, int)) and not isinstance(value, bool) else ""


def student_of(path: Path, metadata: dict, pattern: re.Pattern) -> Student | None:
    """The student of the submission at ``path`` with notebook ``metadata``, or None."""
    match = pattern.search(path.name)
    if match and match.group("id"):
        name = match.groupdict().get("name") or ""
        return Student(id=match.group("id"), name=name, source=FROM_FILE_NAME)
    entry = metadata.get("trainwell") if isinstance(metadata, dict) else None
    entry = entry.get("student") if isinstance(entry, dict) else None
    if isinstance(entry, dict) and _clean(entry.get("id")):
        return Student(id=_clean(entry["id"]), name=_clean(entry.get("name", "")), source=FROM_METADATA)
    return None


def write_canvas(path: Path, assignment: str, possible: float, results: list[Result]) -> list[str]:
    """Write ``canvas.csv``; return a warning for each submission left out of it."""
    counts = Counter(r.student.id for r in results if r.student)
    warnings = [f"{r.file}: no student id (file name or notebook metadata)" for r in results if not r.student]
    warnings += [f"{r.file}: student {r.student.id} has {counts[r.student.id]} submissions"
                 for r in results if r.student and counts[r.student.id] > 1]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*CANVAS_COLUMNS, assignment])
        writer.writerow(["Points Possible", "", "", "", "", points(possible)])
        for result in results:
            if result.student and counts[result.student.id] == 1:
                writer.writerow([result.student.name, result.student.id, "", "", "", points(result.total)])
    return warnings
