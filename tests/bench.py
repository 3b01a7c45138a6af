"""Execute notebooks and time them; optionally time the book build. Prints a table.

    python tests/bench.py NOTEBOOK... [--execute] [--book] [--grading]

``--execute`` writes the fresh outputs back into each notebook (``make execute``);
without it the notebooks are left untouched (``make bench``).
``--suite`` also times the whole test suite (``make test``).
``--grading`` grades one honest submission of every lab in ``solutions/`` (the solution's own
reference run, done once per lab, is not counted) and reports each submission's time.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

# What `make book` runs: every page of both editions, warnings as errors.
BOOK_BUILD = [str(Path(sys.executable).with_name("trainwell")), "book"]
NOTEBOOK_BUDGET_S = 60
NAME_WIDTH = 68
COURSE_BUDGET_S = 15 * 60
SUITE_BUDGET_S = 10 * 60
COMPAT_BUDGET_S = 10 * 60
GRADING_BUDGET_S = 20


def final_state(text: str) -> str:
    """What a terminal shows of ``text``: on each line, the part after its last carriage return."""
    lines = []
    for line in text.split("\n"):
        parts = [p for p in line.split("\r") if p]
        lines.append(parts[-1] if parts else "")
    return "\n".join(lines)


def tidy_streams(nb) -> None:
    """Merge each cell's consecutive stream outputs and keep progress bars in their final state."""
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            previous = outputs[-1] if outputs else None
            if (
                output.output_type == "stream"
                and previous is not None
                and previous.output_type == "stream"
                and previous.name == output.name
            ):
                previous.text += output.text
            else:
                outputs.append(output)
        for output in outputs:
            if output.output_type == "stream":
                output.text = final_state(output.text)
        if "outputs" in cell:
            cell.outputs = outputs


def execute(path: Path, write: bool) -> float:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    if write:
        tidy_streams(nb)
        nbformat.write(nb, path)
    return elapsed


def build_book() -> float:
    start = time.perf_counter()
    subprocess.run(BOOK_BUILD, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


# The last line of a pytest run: "===== 766 passed, 2 warnings in 1260.34s (0:21:00) =====".
PYTEST_SUMMARY = re.compile(r"^=+ .* in ([0-9.]+)s\b.*=+$", re.MULTILINE)


def run_suite() -> tuple[float, list[float]]:
    """``make test``'s wall time, and that of each of its pytest runs (the course's own tests,
    then the extra environments')."""
    start = time.perf_counter()
    done = subprocess.run([os.environ.get("MAKE", "make"), "test"], stdout=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.stdout.write(done.stdout[-20000:])
        raise SystemExit(f"make test failed (exit code {done.returncode}) after {seconds:.0f} s")
    return seconds, [float(m) for m in PYTEST_SUMMARY.findall(done.stdout)]


def grading() -> list[tuple[str, float]]:
    """``(lab id, seconds to grade an honest submission)`` for every lab, one at a time."""
    import json
    import tempfile

    from grading_cases import solved

    from trainwell.grading.grade import Options, grade

    times = []
    for master in sorted(Path("solutions").glob("*.ipynb")):
        print(f"grading an honest submission of {master.stem} ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            submission = Path(tmp, "honest.ipynb")
            submission.write_text(json.dumps(solved(master.stem)))
            (result,) = grade(master.stem, [submission], Path(tmp, "out"),
                              Options(workers=1, progress=False)).results
        if result.total != result.possible:
            raise SystemExit(f"an honest submission of {master.stem} did not get full marks")
        times.append((master.stem, result.seconds))
    return times


def row(name: str, seconds: float, budget: float | None) -> str:
    verdict = "" if budget is None else ("ok" if seconds <= budget else f"OVER {budget:.0f} s")
    return f"| {name:<{NAME_WIDTH}} | {seconds:8.1f} | {verdict:<9} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--execute", action="store_true", help="store the fresh outputs")
    parser.add_argument("--book", action="store_true", help="also time the book build")
    parser.add_argument("--grading", action="store_true", help="also time grading a lab submission")
    parser.add_argument("--suite", action="store_true", help="also time the whole suite (make test)")
    args = parser.parse_args(argv)
    lines = [f"| {'what':<{NAME_WIDTH}} | {'seconds':>8} | {'budget':<9} |",
             f"|{'-' * (NAME_WIDTH + 2)}|{'-' * 10}|{'-' * 11}|"]
    total, over = 0.0, False
    for path in args.notebooks:
        print(f"executing {path} ...", file=sys.stderr, flush=True)
        seconds = execute(path, args.execute)
        total += seconds
        over |= seconds > NOTEBOOK_BUDGET_S
        lines.append(row(str(path), seconds, NOTEBOOK_BUDGET_S))
    if args.notebooks:
        lines.append(row("all notebooks (the whole course)", total, COURSE_BUDGET_S))
        over |= total > COURSE_BUDGET_S
    if args.book:
        lines.append(row("book build, both editions (trainwell book)", build_book(), None))
    if args.grading:
        for lab_id, seconds in grading():
            lines.append(row(f"grading lab {lab_id} (an honest submission)", seconds, GRADING_BUDGET_S))
            over |= seconds > GRADING_BUDGET_S
    if args.suite:
        print("running the whole suite (make test) ...", file=sys.stderr, flush=True)
        seconds, runs = run_suite()
        if len(runs) != 2:
            raise SystemExit(f"make test should end two pytest runs, found {len(runs)}")
        lines.append(row("the whole suite (make test)", seconds, None))
        lines.append(row("  its own tests (pytest, both cores)", runs[0], SUITE_BUDGET_S))
        lines.append(row("  the extra environments (make compat)", runs[1], COMPAT_BUDGET_S))
        over |= runs[0] > SUITE_BUDGET_S or runs[1] > COMPAT_BUDGET_S
    print("\n".join(lines))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
