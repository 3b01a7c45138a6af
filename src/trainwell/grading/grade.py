"""Grade submissions of a lab: each in its own sandboxed kernel, compared in this process.

The reference values come from running the lab's solution through the same runner; they are
kept in this process only (never written where a sandbox can read them).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import secrets
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

from trainwell.grading import lms, report, sandbox, similarity
from trainwell.grading.compare import matches
from trainwell.grading.lab import Lab, LabError, find_lab
from trainwell.grading.results import (
    CellStatus,
    CheckOutcome,
    Result,
    RunReport,
    Status,
)
from trainwell.grading.runner import READY_TIMEOUT_S
from trainwell.grading.submission import Submission, read_submission

START_ALLOWANCE_S = READY_TIMEOUT_S + 30.0
SOLUTION_TIMEOUT_S = 600.0
MAX_RESULT_BYTES = 16 * 2**20
LOG_BYTES = 2000
_REFERENCES: dict[tuple[str, str], dict] = {}


class UsageError(ValueError):
    """A problem with the command line or the machine, reported before any grading."""


@dataclass
class Options:
    timeout: float = 120.0
    question_timeout: float = 60.0
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    memory_mb: int = 4096
    processes: int = 512
    disk_mb: int = 512
    unsafe: bool = False
    solutions_dir: str | None = None
    progress: bool = True
    student_pattern: str = lms.CANVAS_FILE_NAME
    canvas_assignment: str | None = None
    similarity_threshold: float = similarity.THRESHOLD

    def limits(self) -> sandbox.Limits:
        return sandbox.Limits(memory_mb=self.memory_mb, processes=self.processes, disk_mb=self.disk_mb)

    def check(self) -> None:
        if self.timeout <= 0 or self.question_timeout <= 0 or self.workers < 1:
            raise UsageError("--timeout, --question-timeout and --workers must be positive")
        if self.memory_mb < 256 or self.disk_mb < 16:
            raise UsageError("--memory must be at least 256 (MB) and --disk at least 16 (MB)")
        if not 0 < self.similarity_threshold <= 1:
            raise UsageError("--similarity-threshold must be in (0, 1]")
        try:
            lms.compile_pattern(self.student_pattern)
        except lms.PatternError as error:
            raise UsageError(str(error)) from error


class _Tail(threading.Thread):
    """Reads a pipe to its end in the background, keeping only its last ``limit`` bytes."""

    def __init__(self, pipe, limit: int):
        super().__init__(daemon=True)
        self.pipe, self.limit, self.data = pipe, limit, bytearray()
        self.start()

    def run(self) -> None:
        while chunk := self.pipe.read1(2**16):
            self.data += chunk
            if len(self.data) > 2 * self.limit:
                del self.data[: len(self.data) - self.limit]

    def text(self) -> str:
        """What was read, once the pipe closed (or a few seconds after the sandbox ended)."""
        self.join(timeout=5.0)
        return bytes(self.data[-self.limit :]).decode("utf-8", errors="replace")


def _feed(pipe, data: bytes) -> None:
    try:
        pipe.write(data)
        pipe.close()
    except (BrokenPipeError, ValueError, OSError):
        pass


def _run_sandboxed(cells: list[str], lab: Lab, submission: tuple[str, bytes] | None,
                   isolation: sandbox.Isolation, uid: int | None, options: Options) -> RunReport:
    """Run ``cells`` and ``lab``'s checks in a fresh sandbox; the runner's report, or a failure."""
    nonce = secrets.token_hex(16)
    task = json.dumps({
        "cells": cells, "nonce": nonce, "timeout": options.timeout,
        "question_timeout": options.question_timeout,
        "checks": [{"id": c.id, "setup": c.setup, "expr": c.expr} for c in lab.checks],
    }).encode()
    limits = options.limits()
    hard = options.timeout + START_ALLOWANCE_S
    with isolation.launch(submission, uid, limits) as launch:
        proc = subprocess.Popen(
            launch.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=launch.cwd, env=launch.env, pass_fds=launch.pass_fds, start_new_session=True,
            preexec_fn=sandbox.preexec(limits),
        )
        out, err = _Tail(proc.stdout, MAX_RESULT_BYTES), _Tail(proc.stderr, LOG_BYTES)
        threading.Thread(target=_feed, args=(proc.stdin, task), daemon=True).start()
        try:
            proc.wait(timeout=hard)
        except subprocess.TimeoutExpired:
            _kill(proc)
            return RunReport.failure(Status.TIMEOUT, "the sandbox ran past its hard time limit",
                                     err.text().strip())
        finally:
            _kill(proc)
    report = _parse(out.text(), nonce)
    if report.status == Status.GRADER_ERROR:
        report.log = err.text().strip()
    return report


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _parse(output: str, nonce: str) -> RunReport:
    failure = RunReport.failure(Status.GRADER_ERROR, "the sandbox returned no result")
    for line in reversed(output.splitlines()):
        if line.startswith(nonce + " "):
            try:
                return RunReport.from_json(line[len(nonce) + 1 :])
            except (ValueError, TypeError):
                return failure
    return failure


def reference_values(lab: Lab, isolation: sandbox.Isolation, uid: int | None, options: Options) -> dict:
    """The value of every check in the solution, computed once per master and kept in memory."""
    key = (str(lab.path.resolve()), hashlib.sha256(lab.path.read_bytes()).hexdigest())
    if key not in _REFERENCES:
        solution_options = replace(options, timeout=max(options.timeout, SOLUTION_TIMEOUT_S),
                                   question_timeout=max(options.question_timeout, SOLUTION_TIMEOUT_S))
        run = _run_sandboxed(lab.solution_code, lab, None, isolation, uid, solution_options)
        values, problems = {}, []
        for check in lab.checks:
            got = run.checks.get(check.id)
            try:
                values[check.id] = json.loads(got.json)
            except (AttributeError, TypeError, ValueError):
                problems.append(f"{check.label}: {got.error if got else 'no value'}")
        bad_cells = [f"cell {c.cell}: {c.ename or c.status.value}" for c in run.cells if c.status != CellStatus.OK]
        if problems or bad_cells or run.status != Status.OK:
            detail = run.detail or "; ".join(problems + bad_cells)
            if run.log:
                detail += f"\nthe sandbox's last output:\n{run.log}"
            raise LabError(f"the solution of {lab.id} does not run cleanly in the sandbox: {detail}")
        _REFERENCES[key] = values
    return _REFERENCES[key]


def _reason(error: str) -> str:
    return f"raised {error}" if error[:1].isupper() else error


def score(lab: Lab, run: RunReport, reference: dict) -> tuple[dict[str, float], list[CheckOutcome]]:
    """Points per auto-graded question and each check's outcome.

    A question's points are shared equally by its hidden checks; public checks (which a student
    can see, and so hard-code) are reported but never scored.
    """
    scores, checks = {}, []
    for question in lab.auto_questions:
        passed = 0
        hidden = [c for c in question.checks if c.hidden] or question.checks
        for check in question.checks:
            got = run.checks.get(check.id)
            ok, reason = False, "not evaluated"
            if got is not None and got.json is not None:
                try:
                    ok = matches(json.loads(got.json), reference[check.id], check.atol, check.rtol)
                except (ValueError, RecursionError):
                    reason = "value not serializable"
                else:
                    reason = "" if ok else "wrong value"
            elif got is not None:
                reason = _reason(got.error)
            passed += ok and check in hidden
            checks.append(CheckOutcome(id=check.id, question=question.name, label=check.label,
                                       scored=check in hidden, passed=ok, reason=reason))
        scores[question.name] = question.points * passed / len(hidden)
    return scores, checks


def _status(read_detail: str, run: RunReport) -> tuple[Status, str]:
    status = run.status
    errors = [c for c in run.cells if c.status == CellStatus.ERROR]
    if status == Status.OK and errors:
        if any(c.disk_full for c in errors):
            status = Status.DISK_QUOTA
        elif any(c.ename == "MemoryError" for c in errors):
            status = Status.MEMORY_LIMIT
        else:
            status = Status.CELL_ERRORS
    cells = ", ".join(f"cell {c.cell}: {c.ename or 'error'}" + (" (disk full)" if c.disk_full else "")
                      for c in errors)
    return status, "; ".join(d for d in (read_detail, run.detail, cells) if d)


@dataclass
class _Grader:
    """Grades the submissions of one batch, each in a sandbox run as a uid taken from ``uids``."""

    lab: Lab
    reference: dict
    isolation: sandbox.Isolation
    uids: queue.Queue
    options: Options

    def __post_init__(self):
        self.pattern = lms.compile_pattern(self.options.student_pattern)
        self.starter = {c.strip() for c in similarity.starter_cells(self.lab)}

    def run(self, submission: Submission) -> RunReport:
        uid = self.uids.get()
        try:
            return _run_sandboxed([c.source for c in submission.cells], self.lab,
                                  (submission.path.name, submission.data), self.isolation, uid, self.options)
        finally:
            self.uids.put(uid)

    def __call__(self, path: Path, stem: str) -> tuple[Result, similarity.AnswerCode | None]:
        """The result of the submission at ``path``, and its answer code for copy detection."""
        submission = read_submission(path)
        run = RunReport.failure(submission.status, submission.detail)
        status, detail, seconds, answer = submission.status, submission.detail, 0.0, None
        if submission.runnable:
            answer = similarity.answer_code(self.lab, str(path), submission.cells, self.starter)
            start = time.perf_counter()
            run = self.run(submission)
            seconds = time.perf_counter() - start
            status, detail = _status(submission.detail, run)
        scores, checks = score(self.lab, run, self.reference)
        result = Result(
            file=str(path), stem=stem, lab=self.lab.id, status=status, detail=detail,
            isolation=self.isolation.kind, scores=scores, possible=self.lab.possible, checks=checks,
            cells=run.cells, manual=[q.name for q in self.lab.questions if q.manual],
            seconds=round(seconds, 1), log=run.log,
            student=lms.student_of(path, submission.metadata, self.pattern),
        )
        return result, answer


def submissions(paths: list[str | Path]) -> list[Path]:
    """The notebooks named, folders expanded (sorted), in order; raises on a missing path."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and p.is_file()
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    if not found:
        raise UsageError("no .ipynb submissions found in " + ", ".join(map(str, paths)))
    return found


def _stems(paths: list[Path]) -> list[str]:
    seen: dict[str, int] = {}
    stems = []
    for path in paths:
        seen[path.stem] = seen.get(path.stem, 0) + 1
        stems.append(path.stem if seen[path.stem] == 1 else f"{path.stem}-{seen[path.stem]}")
    return stems


@dataclass
class Batch:
    """What :func:`grade` returns: each submission's result, in order, the pairs of submissions
    flagged as similar, and warnings for the instructor (e.g. submissions left out of canvas.csv)."""

    results: list[Result]
    similar: list[similarity.Pair]
    warnings: list[str]


def _grade_all(lab: Lab, found: list[Path], out: Path, isolation: sandbox.Isolation,
               options: Options) -> tuple[list[Result], list[similarity.AnswerCode]]:
    from trainwell.training import progress

    results: dict[int, tuple[Result, similarity.AnswerCode | None]] = {}
    bar = progress(len(found), f"grading {lab.id}", options.progress)
    with sandbox.claim_users(isolation, options.workers) as claimed:
        reference = reference_values(lab, isolation, claimed[0], options)
        uids: queue.Queue = queue.Queue()
        for uid in claimed:
            uids.put(uid)
        grader = _Grader(lab, reference, isolation, uids, options)
        with ThreadPoolExecutor(max_workers=options.workers) as pool:
            futures = {pool.submit(grader, path, stem): i
                       for i, (path, stem) in enumerate(zip(found, _stems(found)))}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                report.write_submission(out, lab, results[futures[future]][0])
                bar.update(1)
    bar.close()
    ordered = [results[i] for i in range(len(found))]
    return [r for r, _ in ordered], [a for _, a in ordered if a is not None]


def grade(lab_id: str, paths: list[str | Path], out_dir: str | Path, options: Options | None = None) -> Batch:
    """Grade every submission and write the gradebooks, similarity report, JSON and feedback files
    into ``out_dir``."""
    options = options or Options()
    options.check()
    try:
        lab = find_lab(lab_id, options.solutions_dir)
    except LabError as error:
        raise UsageError(str(error)) from error
    found = submissions(paths)
    try:
        isolation = sandbox.choose(options.unsafe)
    except sandbox.SandboxUnavailable as error:
        raise UsageError(str(error)) from error
    if isolation.isolated:
        master = str(lab.path.resolve())
        for bound in sandbox.python_paths():
            if master.startswith(bound.rstrip("/") + "/"):
                raise UsageError(f"the master {master} would be visible in the sandbox ({bound})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    try:
        results, answers = _grade_all(lab, found, out, isolation, options)
    except sandbox.SandboxUnavailable as error:
        raise UsageError(str(error)) from error
    report.write_gradebook(out / "gradebook.csv", lab, results)
    warnings = lms.write_canvas(out / "canvas.csv", options.canvas_assignment or lab.id, lab.possible, results)
    pairs = similarity.similar_pairs(lab, answers, options.similarity_threshold)
    similarity.write_similarity(out / "similarity.csv", pairs)
    return Batch(results, pairs, warnings)
