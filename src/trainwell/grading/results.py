"""The grader's typed data: the runner's report from a sandbox and a submission's graded result.

:class:`RunReport` is what the runner sends back out of the sandbox, as one line of JSON; the grader
rebuilds it with :meth:`RunReport.from_json`, which accepts only the expected shape (the line
comes from code a student controls). :class:`Result` is one graded submission: what the gradebook
row, the feedback, the JSON file and the Gradescope form are written from. :class:`Status` is the
one vocabulary of outcomes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum


class Status(str, Enum):
    """How grading a submission went (the ``status`` column of the gradebook)."""

    OK = "ok"
    CELL_ERRORS = "cell-errors"
    MEMORY_LIMIT = "memory-limit"
    DISK_QUOTA = "disk-quota"
    TIMEOUT = "timeout"
    KERNEL_DIED = "kernel-died"
    INVALID_NOTEBOOK = "invalid-notebook"
    GRADER_ERROR = "grader-error"


class CellStatus(str, Enum):
    """How one code cell ran: ``timeout``: stopped at its time limit (the kernel was restarted
    and the cells before it run again)."""

    OK = "ok"
    ERROR = "error"
    TIMEOUT = "timeout"


RUNNER_STATUSES = (Status.OK, Status.TIMEOUT, Status.KERNEL_DIED)


def points(x: float) -> str:
    """Points as the gradebooks and the feedback write them (at most three decimals)."""
    return f"{round(x, 3):g}"


@dataclass
class CellOutcome:
    cell: int
    status: CellStatus
    ename: str = ""
    disk_full: bool = False


@dataclass
class CheckValue:
    """A check's value as JSON text, or why there is none."""

    json: str | None = None
    error: str = ""


@dataclass
class RunReport:
    """What the runner reports from the sandbox: each cell's outcome and each check's value."""

    status: Status = Status.OK
    detail: str = ""
    cells: list[CellOutcome] = field(default_factory=list)
    checks: dict[str, CheckValue] = field(default_factory=dict)
    log: str = ""

    @classmethod
    def failure(cls, status: Status, detail: str, log: str = "") -> RunReport:
        return cls(status=status, detail=detail, log=log)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> RunReport:
        """The report in ``text``; ValueError unless it has exactly the runner's shape."""
        try:
            data = json.loads(text)
        except RecursionError as error:
            raise ValueError("nested too deeply") from error
        if not isinstance(data, dict):
            raise ValueError("not an object")
        status = Status(data.get("status"))
        if status not in RUNNER_STATUSES:
            raise ValueError(f"not a runner status: {status}")
        cells, checks = data.get("cells"), data.get("checks")
        if not isinstance(cells, list) or not isinstance(checks, dict):
            raise ValueError("cells or checks missing")
        return cls(
            status=status,
            detail=_text(data.get("detail", "")),
            cells=[_cell(c) for c in cells],
            checks={_text(k): _check(v) for k, v in checks.items()},
        )


def _text(value, limit: int = 500) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value[:limit]


def _cell(data) -> CellOutcome:
    if not isinstance(data, dict) or type(data.get("cell")) is not int:
        raise ValueError("a malformed cell outcome")
    return CellOutcome(cell=data["cell"], status=CellStatus(data.get("status")),
                       ename=_text(data.get("ename", ""), 100),
                       disk_full=data.get("disk_full") is True)


def _check(data) -> CheckValue:
    if not isinstance(data, dict):
        raise ValueError("a malformed check value")
    value = data.get("json")
    if value is not None and not isinstance(value, str):
        raise ValueError("a check value that is not JSON text")
    return CheckValue(json=value, error=_text(data.get("error", ""), 200))


@dataclass(frozen=True)
class Student:
    """Who handed a submission in, as the LMS knows them; ``source`` says where that came from."""

    id: str
    name: str = ""
    source: str = ""


@dataclass
class CheckOutcome:
    id: str
    question: str
    label: str
    scored: bool
    passed: bool
    reason: str


@dataclass
class Result:
    """One graded submission."""

    file: str
    stem: str
    lab: str
    status: Status
    detail: str
    isolation: str
    scores: dict[str, float]
    possible: float
    checks: list[CheckOutcome]
    cells: list[CellOutcome]
    manual: list[str]
    seconds: float = 0.0
    log: str = ""
    student: Student | None = None

    @property
    def total(self) -> float:
        return sum(self.scores.values())

    @property
    def isolated(self) -> bool:
        return self.isolation == "bubblewrap"

    @property
    def status_text(self) -> str:
        """The status as the gradebook shows it: marked when the submission ran unisolated."""
        return self.status.value + ("" if self.isolated else "; unsafe (not isolated)")

    def failed_checks(self, question: str | None = None, scored_only: bool = False) -> list[CheckOutcome]:
        return [c for c in self.checks if not c.passed and (question is None or c.question == question)
                and (c.scored or not scored_only)]

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "total": self.total}, indent=1) + "\n"
