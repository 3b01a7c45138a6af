"""Grade submissions of a lab: each in its own sandboxed kernel, compared in this process.

The reference values come from running the lab's solution through the same runner; they are
kept in this process only (never written where a sandbox can read them).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

from trainwell.grading import report, sandbox
from trainwell.grading.compare import matches
from trainwell.grading.lab import Lab, LabError, find_lab, source

CHECK_TIMEOUT_S = 10.0
START_ALLOWANCE_S = 90.0
MAX_RESULT_BYTES = 16 * 2**20
_REFERENCES: dict[tuple[str, str], dict] = {}


class UsageError(ValueError):
    """A problem with the command line or the machine, reported before any grading."""


@dataclass
class Options:
    timeout: float = 120.0
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    memory_mb: int = 4096
    processes: int = 512
    unsafe: bool = False
    solutions_dir: str | None = None
    progress: bool = True

    def limits(self) -> sandbox.Limits:
        cores = os.cpu_count() or 1
        return sandbox.Limits(
            memory_mb=self.memory_mb, processes=self.processes,
            threads=max(1, cores // max(1, self.workers)),
        )


OTTER_CELL = re.compile(
    r'^(grader\.check\("\w+"\)|# Otter Grader: .*\nimport otter\n\ngrader = otter\.Notebook\(tests_dir="[\w/.-]+"\)'
    r'|# grader\.check.*\nfrom trainwell\.check import Checker\n\ngrader = Checker\(tests_dir="[\w/.-]+"\))$'
)


def code_cells(nb: dict) -> list[str]:
    """The code to run: non-empty code cells, less the lab's own otter cells (public checks)."""
    cells = [source(c) for c in nb["cells"] if c.get("cell_type") == "code"]
    return [c for c in cells if c.strip() and not OTTER_CELL.match(c.strip())]


def read_submission(path: Path) -> tuple[bytes | None, list[str] | None, str, str]:
    """``(file bytes, code cells, status, detail)``; the cells are None when the file is not a
    notebook, the bytes None when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, None, "invalid-notebook", f"cannot read the file: {error.strerror}"
    return (data, *_parse_notebook(data))


def _parse_notebook(data: bytes) -> tuple[list[str] | None, str, str]:
    try:
        nb = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "invalid-notebook", "the file is not UTF-8 text"
    except ValueError as error:
        return None, "invalid-notebook", f"not valid JSON ({error})"
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or not all(
        isinstance(c, dict) and isinstance(c.get("source", ""), (str, list)) for c in nb["cells"]
    ):
        return None, "invalid-notebook", "JSON without a list of notebook cells"
    try:
        cells = code_cells(nb)
    except TypeError:
        return None, "invalid-notebook", "cells with malformed source"
    if not isinstance(nb.get("metadata"), dict) or not nb.get("metadata"):
        return cells, "ok", "the notebook had no metadata; run with the python3 kernel"
    return cells, "ok", ""


def _run_sandboxed(cells: list[str], lab: Lab, name: str, data: bytes | None,
                   isolation: sandbox.Isolation, slot: int, options: Options) -> dict:
    """Run ``cells`` and ``lab``'s checks in a fresh sandbox; the runner's report, or a failure."""
    nonce = secrets.token_hex(16)
    task = {
        "cells": cells, "nonce": nonce, "timeout": options.timeout, "check_timeout": CHECK_TIMEOUT_S,
        "checks": [{"id": c.id, "setup": c.setup, "expr": c.expr} for c in lab.checks],
    }
    private = Path(tempfile.mkdtemp(prefix="trainwell-grade-"))
    try:
        workdir = private / "submission"
        workdir.mkdir()
        if data is not None:
            (workdir / name).write_bytes(data)
        isolation.prepare(workdir, slot)
        limits = options.limits()
        argv, env = isolation.command(workdir, slot, limits)
        out_path, err_path = private / "runner.out", private / "runner.err"
        hard = options.timeout + CHECK_TIMEOUT_S * (len(lab.checks) + 1) + START_ALLOWANCE_S
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=out, stderr=err,
                cwd=workdir, env=env or None, start_new_session=True,
                preexec_fn=sandbox.preexec(limits),
            )
            try:
                proc.communicate(json.dumps(task).encode(), timeout=hard)
            except subprocess.TimeoutExpired:
                _kill(proc)
                return {"status": "timeout", "detail": "the sandbox ran past its hard time limit",
                        "cells": [], "checks": {}, "log": _tail(err_path)}
            finally:
                _kill(proc)
        result = _parse(out_path, nonce)
        if result["status"] == "grader-error":
            result["log"] = _tail(err_path)
        return result
    finally:
        shutil.rmtree(private, ignore_errors=True)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _tail(path: Path, limit: int = 2000) -> str:
    """The last ``limit`` bytes of a file the sandbox wrote, as text."""
    size = path.stat().st_size
    with path.open("rb") as f:
        f.seek(max(0, size - limit))
        return f.read().decode("utf-8", errors="replace").strip()


def _parse(path: Path, nonce: str) -> dict:
    failure = {"status": "grader-error", "detail": "the sandbox returned no result", "cells": [], "checks": {}}
    for line in reversed(_tail(path, MAX_RESULT_BYTES).splitlines()):
        if line.startswith(nonce + " "):
            try:
                result = json.loads(line[len(nonce) + 1 :])
            except (ValueError, RecursionError):
                return failure
            if isinstance(result, dict) and isinstance(result.get("checks"), dict) and isinstance(
                result.get("cells"), list
            ):
                return result
            return failure
    return failure


def reference_values(lab: Lab, isolation: sandbox.Isolation, options: Options) -> dict:
    """The value of every check in the solution, computed once per master and kept in memory."""
    key = (str(lab.path.resolve()), hashlib.sha256(lab.path.read_bytes()).hexdigest())
    if key not in _REFERENCES:
        solution_options = replace(options, timeout=max(options.timeout, 600.0))
        result = _run_sandboxed(lab.solution_code, lab, "solution.ipynb", None, isolation, 0,
                                solution_options)
        values, problems = {}, []
        for check in lab.checks:
            got = result["checks"].get(check.id, {})
            try:
                values[check.id] = json.loads(got["json"])
            except (KeyError, TypeError, ValueError):
                problems.append(f"{check.label}: {got.get('error', 'no value')}")
        bad_cells = [c for c in result.get("cells", []) if c.get("status") != "ok"]
        if problems or bad_cells or result.get("status") != "ok":
            detail = result.get("detail") or "; ".join(problems) or str(bad_cells)
            if result.get("log"):
                detail += f"\nthe sandbox's last output:\n{result['log']}"
            raise LabError(f"the solution of {lab.id} does not run cleanly in the sandbox: {detail}")
        _REFERENCES[key] = values
    return _REFERENCES[key]


def _reason(got: dict) -> str:
    if "error" in got:
        error = got["error"]
        return f"raised {error}" if error[:1].isupper() else error
    return "wrong value"


def score(lab: Lab, run: dict, reference: dict) -> tuple[dict, list[dict]]:
    """Points per auto-graded question and each check's outcome.

    A question's points are shared equally by its hidden checks; public checks (which a student
    can see, and so hard-code) are reported but never scored.
    """
    scores, checks = {}, []
    for question in lab.auto_questions:
        passed = 0
        hidden = [c for c in question.checks if c.hidden] or question.checks
        for check in question.checks:
            got = run["checks"].get(check.id)
            ok, reason = False, "not evaluated"
            if isinstance(got, dict) and isinstance(got.get("json"), str):
                try:
                    value = json.loads(got["json"])
                    ok = matches(value, reference[check.id], check.atol, check.rtol)
                except (ValueError, RecursionError):
                    reason = "value not serializable"
                else:
                    reason = "" if ok else "wrong value"
            elif isinstance(got, dict):
                reason = _reason(got)
            passed += ok and check in hidden
            checks.append({"id": check.id, "question": question.name, "label": check.label,
                           "scored": check in hidden, "passed": ok, "reason": reason})
        scores[question.name] = question.points * passed / len(hidden)
    return scores, checks


def _status(read_detail: str, run: dict) -> tuple[str, str]:
    status = run.get("status", "grader-error")
    detail = run.get("detail", "")
    cells = run.get("cells", [])
    errors = [c for c in cells if c.get("status") == "error"]
    if status == "ok" and errors:
        memory = [c for c in errors if c.get("ename") == "MemoryError"]
        status = "memory-limit" if memory else "cell-errors"
        detail = ", ".join(f"cell {c['cell']}: {c.get('ename', 'error')}" for c in errors)
    detail = "; ".join(d for d in (read_detail, detail) if d)
    return status, detail


def grade_one(path: Path, stem: str, lab: Lab, reference: dict, isolation: sandbox.Isolation,
              slots: queue.Queue, options: Options) -> dict:
    data, cells, status, detail = read_submission(path)
    seconds = 0.0
    run = {"status": status, "detail": detail, "cells": [], "checks": {}}
    if cells is not None:
        slot = slots.get()
        start = time.perf_counter()
        try:
            run = _run_sandboxed(cells, lab, path.name, data, isolation, slot, options)
        finally:
            slots.put(slot)
        seconds = time.perf_counter() - start
        status, detail = _status(detail, run)
    scores, checks = score(lab, run, reference)
    if not isolation.isolated:
        status += "; unsafe (not isolated)"
    return {
        "file": str(path), "stem": stem, "lab": lab.id, "status": status, "detail": detail,
        "isolation": isolation.kind, "scores": scores, "total": sum(scores.values()),
        "possible": lab.possible, "checks": checks, "cells": run.get("cells", []),
        "manual": [q.name for q in lab.questions if q.manual], "seconds": round(seconds, 1),
        "log": run.get("log", ""),
    }


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


def grade(lab_id: str, paths: list[str | Path], out_dir: str | Path, options: Options | None = None) -> list[dict]:
    """Grade every submission and write the gradebook, JSON and feedback files into ``out_dir``."""
    from trainwell.training import progress

    options = options or Options()
    if options.timeout <= 0 or options.workers < 1 or options.memory_mb < 256:
        raise UsageError("--timeout and --workers must be positive, --memory at least 256 (MB)")
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
    reference = reference_values(lab, isolation, options)
    slots: queue.Queue = queue.Queue()
    for slot in range(options.workers):
        slots.put(slot)
    stems = _stems(found)
    results: dict[int, dict] = {}
    bar = progress(len(found), f"grading {lab.id}", options.progress)
    with ThreadPoolExecutor(max_workers=options.workers) as pool:
        futures = {
            pool.submit(grade_one, path, stem, lab, reference, isolation, slots, options): i
            for i, (path, stem) in enumerate(zip(found, stems))
        }
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            report.write_json(out / f"{result['stem']}.json", result)
            (out / f"{result['stem']}-feedback.md").write_text(
                report.feedback(lab, result), encoding="utf-8"
            )
            bar.update(1)
    bar.close()
    ordered = [results[i] for i in range(len(found))]
    report.write_gradebook(out / "gradebook.csv", lab, ordered)
    return ordered
