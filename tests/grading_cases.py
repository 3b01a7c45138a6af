"""Submissions for the grading tests, built from a lab's master and its student version."""

from __future__ import annotations

import copy
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lab_notebook(lab_id: str) -> dict:
    return json.loads((ROOT / "labs" / f"{lab_id}.ipynb").read_text())


def master_sources(lab_id: str) -> dict[str, str]:
    nb = json.loads((ROOT / "solutions" / f"{lab_id}.ipynb").read_text())
    return {c["id"]: "".join(c["source"]) for c in nb["cells"]}


def solved(lab_id: str) -> dict:
    """The student lab with every answer cell taken from the master (what an honest student hands in)."""
    nb = lab_notebook(lab_id)
    sources = master_sources(lab_id)
    for cell in nb["cells"]:
        if cell["id"] in sources and "".join(cell["source"]) != sources[cell["id"]]:
            cell["source"] = sources[cell["id"]]
    return nb


def code_cell(text: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": "extra", "metadata": {},
            "outputs": [], "source": text}


def answer_index(nb: dict, name: str) -> int:
    """Index of the code cell that defines ``name``."""
    return next(i for i, c in enumerate(nb["cells"])
                if c["cell_type"] == "code" and f"def {name}(" in "".join(c["source"]))


def with_cell(nb: dict, text: str, before: str | None = None) -> dict:
    """A copy of ``nb`` with a code cell added before the answer defining ``before`` (or at the end)."""
    nb = copy.deepcopy(nb)
    at = answer_index(nb, before) if before else len(nb["cells"])
    nb["cells"].insert(at, code_cell(text))
    return nb


def replace_in(nb: dict, old: str, new: str) -> dict:
    nb = copy.deepcopy(nb)
    hits = 0
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if old in text:
            cell["source"] = text.replace(old, new)
            hits += 1
    assert hits == 1, f"{old!r} found {hits} times"
    return nb


def write(folder: Path, name: str, nb: dict | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nb if isinstance(nb, str) else json.dumps(nb, indent=1))
    return path


CHEATS = {
    "cheat-numpy": """
import numpy as np
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.ndarray.tolist  # a C type: cannot be patched, but its users can
np.linspace = lambda *a, **k: np.zeros(13)
""",
    "cheat-torch": """
import torch
torch.Tensor.tolist = lambda self: [0.105, 0.25, 0.105]
torch.sigmoid = lambda z: z * 0 + 0.25
def sigmoid_grad(z):
    return z
def init_std(fan_in, fan_out, scheme):
    return 0.0707 if scheme == "xavier" else 0.1
vanishing_depth = 6 if False else True
""",
    "cheat-builtins": """
import builtins
builtins.round = lambda x, n=None: x
builtins.isinstance = lambda *a: True
builtins.float = lambda x=0: 0.0
builtins.len = lambda x: 2
builtins.abs = lambda x: 0
""",
    "cheat-client": """
import json, otter
otter.Notebook.check = lambda self, q, env=None: print(f"{q} results: All test cases passed!")
json.dumps = lambda *a, **k: '"All tests passed"'
json.loads = lambda *a, **k: {"passed": True}
""",
    "cheat-rewrite-tests": """
import os, pathlib
for folder in ["tests/02-vanishing-exploding-pytorch", "/work/main/labs/tests/02-vanishing-exploding-pytorch"]:
    try:
        os.makedirs(folder, exist_ok=True)
        for q in ("q1", "q2", "q3", "q4"):
            pathlib.Path(folder, q + ".py").write_text("OK_FORMAT = True\\ntest = {'name': '%s', 'points': 2, 'suites': []}" % q)
    except OSError:
        pass
""",
    "cheat-read-outside": """
import glob, json, os
stolen = []
for pattern in ["{solutions}/*.ipynb", "/work/**/solutions/*.ipynb", "../**/*.ipynb", "/tmp/**/*.json", "/etc/shadow"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            stolen.append(open(path).read())
        except OSError:
            pass
for text in stolen:
    try:
        for cell in json.loads(text)["cells"]:
            if cell["cell_type"] == "code" and "%pip" not in "".join(cell["source"]):
                try:
                    exec("".join(cell["source"]), globals())
                except Exception:
                    pass
    except Exception:
        pass
""",
    "cheat-print-pass": """
print("All tests passed!")
print("q1 results: All test cases passed!\\nq2 results: All test cases passed!")
from IPython.display import display
display({"text/plain": "Score: 8/8"}, raw=True)
""",
    "cheat-displayhook": """
import sys
ip = get_ipython()
sys.displayhook = lambda value: print("[0.105, 0.25, 0.105]")
ip.display_formatter.formatters["text/plain"].for_type(object, lambda obj, p, cycle: p.text("'[0.105, 0.25, 0.105]'"))
ip.display_formatter.format = lambda obj, **k: ({"text/plain": "'[0.105, 0.25, 0.105]'"}, {})
""",
    "cheat-kill-runner": """
import os, signal
os.kill(os.getppid(), signal.SIGKILL)
""",
    "cheat-forge-result": """
import os, json
fake = json.dumps({"status": "ok", "cells": [], "checks": {f"q{i}-{j}": {"json": "6"} for i in range(1, 5) for j in range(1, 5)}})
for fd in range(1, 3):
    try:
        with open(f"/proc/{os.getppid()}/fd/{fd}", "w") as f:
            f.write(("0" * 32) + " " + fake + "\\n")
    except OSError:
        pass
""",
    "cheat-process-flood": """
import subprocess
children = []
while True:
    children.append(subprocess.Popen(["sleep", "600"]))
""",
}


def batch(folder: Path, lab_id: str, solutions: Path) -> dict[str, dict]:
    """Write the submissions of the big batch; return each file's expected scores and status."""
    good = solved(lab_id)
    untouched = lab_notebook(lab_id)
    full = {"q1": 2, "q2": 2, "q3": 2, "q4": 2}
    zero = dict.fromkeys(full, 0)
    cases: dict[str, tuple[dict | str, dict, str]] = {
        "solved": (good, full, "ok"),
        "untouched": (untouched, zero, "ok"),
        "partly-wrong": (
            replace_in(replace_in(good, "return s * (1 - s)", "return s"),
                       "vanishing_depth = depth", "vanishing_depth = depth + 9"),
            {**full, "q1": 0, "q4": 0}, "ok",
        ),
        "partly-init": (
            replace_in(good, "return float(np.sqrt(2.0 / fan_in))",
                       "return float(np.sqrt(2.0 / (fan_in + fan_out)))"),
            {**full, "q2": 2 / 3}, "ok",
        ),
        "malformed-json": ('{"cells": [', zero, "invalid-notebook"),
        "no-metadata": ({k: v for k, v in good.items() if k != "metadata"}, full, "ok"),
        "syntax-error": (replace_in(good, "s = torch.sigmoid(z)", "s = torch.sigmoid(z"),
                         {**full, "q1": 0}, "cell-errors"),
        "infinite-loop": (with_cell(good, "while True:\n    pass", before="grad_norms"),
                          {**full, "q3": 0, "q4": 0}, "timeout"),
        "os-exit": (with_cell(good, "import os\nos._exit(1)"), zero, "kernel-died"),
        "huge-allocation": (with_cell(good, "big = np.ones((10**6, 10**6))", before="grad_norms"),
                            full, "memory-limit"),
        "subfolder/solved": (good, full, "ok"),
    }
    for name, code in CHEATS.items():
        cases[name] = (with_cell(untouched, code.replace("{solutions}", str(solutions))), zero, None)
    expected = {}
    for name, (nb, scores, status) in cases.items():
        path = write(folder, f"{name}.ipynb", nb)
        expected[str(path)] = {"scores": scores, "status": status}
    return expected
