"""Run one submission in a fresh kernel and report its values: the part that runs in the sandbox.

Reads a task (JSON) on stdin: the notebook's code cells, the checks (setup code and an expression
each), the time limits and a nonce. Executes the cells in order in a new IPython kernel, then
evaluates each check's expression in that kernel, serialized there to JSON. Writes one line,
``<nonce> <json>``, to stdout. It never sees expected values: comparing is the grader's job.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
import time
from queue import Empty

MAX_VALUE_CHARS = 1_000_000
INTERRUPT_GRACE_S = 5.0
SERIALIZE = (
    '__import__("json").dumps(({expr}), default=lambda o: o.tolist() if hasattr(o, "tolist") '
    "else repr(o))"
)


class KernelDied(Exception):
    pass


def wait_reply(kc, km, msg_id: str, timeout: float):
    """The shell reply to ``msg_id``, or None after ``timeout`` seconds; raises if the kernel died."""
    deadline = time.monotonic() + max(timeout, 0.0)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            msg = kc.get_shell_msg(timeout=min(left, 1.0))
        except Empty:
            if not km.is_alive():
                raise KernelDied from None
            continue
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return msg


def drain(kc) -> None:
    while True:
        try:
            kc.get_iopub_msg(timeout=0.01)
        except Empty:
            return


def run_code(kc, km, code: str, timeout: float, user_expressions=None):
    """``(status, content)``: status is ok, error, timeout (interrupted) or hung."""
    msg_id = kc.execute(
        code, store_history=False, allow_stdin=False, stop_on_error=False,
        user_expressions=user_expressions or {},
    )
    reply = wait_reply(kc, km, msg_id, timeout)
    if reply is None:
        km.interrupt_kernel()
        reply = wait_reply(kc, km, msg_id, INTERRUPT_GRACE_S)
        drain(kc)
        return ("timeout", {}) if reply is not None else ("hung", {})
    drain(kc)
    content = reply.get("content", {})
    return content.get("status", "error"), content


def _ename(reply: dict) -> str:
    """The exception's class name from a kernel's error reply, cut to a sane length."""
    return str(reply.get("ename", "error"))[:100]


def _value(expression_reply: dict) -> dict:
    if expression_reply.get("status") != "ok":
        return {"error": _ename(expression_reply)}
    text = expression_reply.get("data", {}).get("text/plain", "")
    if not isinstance(text, str) or len(text) > MAX_VALUE_CHARS + 2:
        return {"error": "value too large"}
    try:
        literal = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return {"error": "value not serializable"}
    if not isinstance(literal, str):
        return {"error": "value not serializable"}
    return {"json": literal}


def run(task: dict) -> dict:
    from jupyter_client import KernelManager

    result: dict = {"status": "ok", "cells": [], "checks": {}}
    runtime = tempfile.mkdtemp(prefix="kernel-")
    os.environ["JUPYTER_RUNTIME_DIR"] = runtime
    km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(runtime, "ipc"))
    env = dict(os.environ, MPLBACKEND="Agg", PYDEVD_DISABLE_FILE_VALIDATION="1")
    km.start_kernel(
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=env, cwd=os.getcwd(),
    )
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        deadline = time.monotonic() + float(task["timeout"])
        for index, code in enumerate(task["cells"]):
            left = deadline - time.monotonic()
            if left <= 0:
                result["status"] = "timeout"
                result["detail"] = f"time limit reached before code cell {index + 1}"
                break
            status, content = run_code(kc, km, code, left)
            cell = {"cell": index + 1, "status": status}
            if status == "error":
                cell["ename"] = _ename(content)
            result["cells"].append(cell)
            if status in ("timeout", "hung"):
                result["status"] = "timeout"
                result["detail"] = f"code cell {index + 1} ran past the time limit"
                if status == "hung":
                    result["detail"] += " and ignored the interrupt"
                    return result
                break
        for check in task["checks"]:
            expression = SERIALIZE.format(expr=check["expr"])
            status, content = run_code(
                kc, km, check["setup"], float(task["check_timeout"]), {"value": expression}
            )
            if status == "ok":
                value = _value(content.get("user_expressions", {}).get("value", {}))
            elif status == "error":
                value = {"error": _ename(content)}
            else:
                value = {"error": "timed out"}
            result["checks"][check["id"]] = value
            if status == "hung":
                result["status"] = "timeout"
                result["detail"] = f"check {check['id']} ran past its time limit"
                return result
    except KernelDied:
        done = len(result["cells"])
        result["status"] = "kernel-died"
        result["detail"] = (
            f"the kernel died in code cell {done + 1}" if done < len(task["cells"])
            else "the kernel died during the checks"
        )
    except RuntimeError as error:  # the kernel never became ready
        result["status"] = "kernel-died"
        result["detail"] = f"the kernel did not start: {error}"[:200]
    finally:
        try:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - the sandbox is torn down anyway
            pass
    return result


def main() -> int:
    task = json.loads(sys.stdin.read())
    sys.stdin.close()
    result = run(task)
    sys.stdout.write(f"{task['nonce']} {json.dumps(result)}\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
