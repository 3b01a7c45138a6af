"""Run one submission in a fresh kernel and report its values: the part that runs in the sandbox.

Reads a task (JSON) on stdin: the notebook's code cells, the checks (setup code and an expression
each), the time limits and a nonce. Executes the cells in order in a new IPython kernel, then
evaluates each check's expression in that kernel, serialized there to JSON. Writes one line,
``<nonce> <report>``, to stdout (a :class:`~trainwell.grading.results.RunReport`). It never sees
expected values: comparing is the grader's job.

Time limits: the whole run has ``timeout`` seconds, of which the cells may use all but
:data:`CHECKS_SHARE`; each cell and each check has ``question_timeout`` seconds. A cell or check
past its limit is stopped by restarting the kernel, and the cells that had finished are run again
before the run goes on with the next one, so that a looping question costs that question only.
(Interrupting instead would leave the kernel in whatever state the interrupt found: PyTorch
interrupted inside ``torch.no_grad()`` keeps gradients off for every later question.)
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from queue import Empty

from trainwell.grading.results import CellOutcome, CellStatus, CheckValue, RunReport, Status

MAX_VALUE_CHARS = 1_000_000
READY_TIMEOUT_S = 60.0
CHECKS_SHARE = 0.25
DISK_ERRORS = ("No space left on device", "File too large", "Disk quota exceeded")
SERIALIZE = (
    '__import__("json").dumps(({expr}), default=lambda o: o.tolist() if hasattr(o, "tolist") '
    "else repr(o))"
)


class KernelDied(Exception):
    """The kernel process ended, or sent what is not a Jupyter message (its code broke the protocol)."""


class Kernel:
    """An IPython kernel on Jupyter's IPC transport, in the current folder."""

    def __init__(self):
        from jupyter_client import KernelManager

        self.runtime = tempfile.mkdtemp(prefix="kernel-")
        self.km = KernelManager(kernel_name="python3", transport="ipc",
                                ip=os.path.join(self.runtime, "ipc"),
                                connection_file=os.path.join(self.runtime, "kernel.json"))
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=self.runtime, MPLBACKEND="Agg",
                   PYDEVD_DISABLE_FILE_VALIDATION="1")
        self.kc = None
        try:
            self.km.start_kernel(
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env=env, cwd=os.getcwd(),
            )
            self.kc = self.km.client()
            self.kc.start_channels()
            self.kc.wait_for_ready(timeout=READY_TIMEOUT_S)
        except BaseException:
            self.close()
            raise

    def restart(self) -> None:
        """A fresh kernel process on the same connection (the old one is killed)."""
        self.km.restart_kernel(now=True)
        self.kc.wait_for_ready(timeout=READY_TIMEOUT_S)

    def close(self) -> None:
        """Stop the kernel and remove its runtime folder (connection file and IPC sockets)."""
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - the sandbox is torn down anyway
            pass
        shutil.rmtree(self.runtime, ignore_errors=True)

    def _reply(self, msg_id: str, timeout: float):
        """The shell reply to ``msg_id``, or None after ``timeout`` seconds; raises if the kernel died."""
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                msg = self.kc.get_shell_msg(timeout=min(left, 1.0))
            except Empty:
                if not self.km.is_alive():
                    raise KernelDied("died") from None
                continue
            except Exception as error:  # noqa: BLE001 - a message that does not deserialize
                raise KernelDied("broke the messaging protocol") from error
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                return msg

    def _drain(self) -> None:
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.01)
            except Empty:
                return
            except Exception as error:  # noqa: BLE001 - a message that does not deserialize
                raise KernelDied("broke the messaging protocol") from error

    def run(self, code: str, timeout: float, user_expressions=None) -> tuple[CellStatus, dict]:
        """Run ``code`` for at most ``timeout`` seconds: ``(status, reply content)``; after a
        timeout the code is still running (restart the kernel)."""
        msg_id = self.kc.execute(
            code, store_history=False, allow_stdin=False, stop_on_error=False,
            user_expressions=user_expressions or {},
        )
        reply = self._reply(msg_id, timeout)
        if reply is None:
            return CellStatus.TIMEOUT, {}
        self._drain()
        content = reply.get("content", {})
        return (CellStatus.OK if content.get("status") == "ok" else CellStatus.ERROR), content


def _ename(reply: dict) -> str:
    """The exception's class name from a kernel's error reply, cut to a sane length."""
    return str(reply.get("ename", "error"))[:100]


def _disk_full(reply: dict) -> bool:
    return _ename(reply) in ("OSError", "IOError") and any(
        text in str(reply.get("evalue", "")) for text in DISK_ERRORS
    )


def _value(expression_reply: dict) -> CheckValue:
    if expression_reply.get("status") != "ok":
        return CheckValue(error=_ename(expression_reply))
    text = expression_reply.get("data", {}).get("text/plain", "")
    if not isinstance(text, str) or len(text) > MAX_VALUE_CHARS + 2:
        return CheckValue(error="value too large")
    try:
        literal = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return CheckValue(error="value not serializable")
    if not isinstance(literal, str):
        return CheckValue(error="value not serializable")
    return CheckValue(json=literal)


class Run:
    """One submission's run: its cells, then its checks, within the task's time limits."""

    def __init__(self, task: dict):
        self.cells: list[str] = task["cells"]
        self.checks: list[dict] = task["checks"]
        self.question_timeout = float(task["question_timeout"])
        self.timeout = float(task["timeout"])
        self.start = time.monotonic()
        self.report = RunReport()
        self.replay: list[int] = []  # cells that ran to completion, to run again after a restart
        self.restarts = 0
        self.late_checks: list[str] = []
        self.cut, self.cut_cell = "", None  # why the cells stopped before the last, and in which
        self.kernel: Kernel | None = None

    def left(self, share: float = 1.0) -> float:
        return self.start + self.timeout * share - time.monotonic()

    def recover(self) -> None:
        """Restart the kernel and run again, quietly, the cells that had finished."""
        if self.left() <= 0:
            return
        self.restarts += 1
        self.kernel.restart()
        for index in list(self.replay):
            budget = min(self.question_timeout, self.left())
            if budget <= 0:
                return
            status, _ = self.kernel.run(self.cells[index], budget)
            if status == CellStatus.TIMEOUT:  # slower this time: leave it out
                self.replay.remove(index)
                self.kernel.restart()

    def run_cells(self) -> None:
        for index, code in enumerate(self.cells):
            left = self.left(1 - CHECKS_SHARE)
            if left <= 0:
                self.cut = (f"the notebook's time limit ({self.timeout:g} s) was reached before "
                            f"code cell {index + 1}; later cells were not run")
                return
            status, content = self.kernel.run(code, min(self.question_timeout, left))
            outcome = CellOutcome(cell=index + 1, status=status)
            if status == CellStatus.ERROR:
                outcome.ename, outcome.disk_full = _ename(content), _disk_full(content)
            self.report.cells.append(outcome)
            if status != CellStatus.TIMEOUT:
                self.replay.append(index)
                continue
            self.recover()
            if left < self.question_timeout:  # it was the notebook's limit that stopped it
                self.cut_cell = index + 1
                self.cut = (f"code cell {index + 1} ran past the notebook's time limit "
                            f"({self.timeout:g} s); later cells were not run")
                return

    def run_checks(self) -> None:
        for check in self.checks:
            budget = min(self.question_timeout, self.left())
            if budget <= 0:
                self.report.checks[check["id"]] = CheckValue(error="not run: the time limit of the submission was reached")
                continue
            expression = SERIALIZE.format(expr=check["expr"])
            status, content = self.kernel.run(check["setup"], budget, {"value": expression})
            if status == CellStatus.OK:
                value = _value(content.get("user_expressions", {}).get("value", {}))
            elif status == CellStatus.ERROR:
                value = CheckValue(error=_ename(content))
            elif budget < self.question_timeout:  # the submission's own limit stopped it
                value = CheckValue(error="stopped: the time limit of the submission was reached")
            else:
                value = CheckValue(error="timed out")
                self.late_checks.append(check["id"])
            self.report.checks[check["id"]] = value
            if status == CellStatus.TIMEOUT and check is not self.checks[-1]:
                self.recover()

    def summarize(self) -> None:
        late = [c.cell for c in self.report.cells
                if c.status == CellStatus.TIMEOUT and c.cell != self.cut_cell]
        limit = f"the time limit of a question ({self.question_timeout:g} s)"
        notes = [self.cut] if self.cut else []
        if late:
            notes.append(f"code cell(s) {', '.join(map(str, late))} ran past {limit} and were stopped")
        if self.late_checks:
            notes.append(f"test(s) {', '.join(self.late_checks)} ran past {limit}")
        if notes:
            self.report.status = Status.TIMEOUT
        if self.restarts:
            notes.append(f"the kernel was restarted {self.restarts} time(s) and the finished cells run again")
        self.report.detail = "; ".join(notes)

    def __call__(self) -> RunReport:
        try:
            self.kernel = Kernel()
            self.run_cells()
            self.run_checks()
            self.summarize()
        except KernelDied as what:
            done = len(self.report.cells)
            self.report.status = Status.KERNEL_DIED
            self.report.detail = (
                f"the kernel {what} in code cell {done + 1}" if done < len(self.cells)
                else f"the kernel {what} during the checks"
            )
        except RuntimeError as error:  # the kernel never became ready
            self.report.status = Status.KERNEL_DIED
            self.report.detail = f"the kernel did not start: {error}"[:200]
        finally:
            if self.kernel is not None:
                self.kernel.close()
        return self.report


def main() -> int:
    task = json.loads(sys.stdin.read())
    sys.stdin.close()
    report = Run(task)()
    sys.stdout.write(f"{task['nonce']} {report.to_json()}\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
