"""Execute notebooks and time them; optionally time the book build. Prints a table.

    python tests/bench.py NOTEBOOK... [--execute] [--book] [--grading]

``--execute`` writes the fresh outputs back into each notebook (``make execute``);
without it the notebooks are left untouched (``make bench``).
``--grading`` grades three honest submissions of the PyTorch lab 02, one at a time, and reports
the median time of one beyond the time it takes to import the framework.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK_BUDGET_S = 60
COURSE_BUDGET_S = 15 * 60
GRADING_BUDGET_S = 20
GRADING_LAB = "02-vanishing-exploding-pytorch"


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
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
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
    subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", "--all", "-W", "-n", "--keep-going", "."],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def grading(copies: int = 3) -> tuple[float, float]:
    """``(median seconds to grade an honest submission, seconds to import the framework)``.

    The solution's reference run happens once, before, and is not part of a submission's time.
    """
    import json
    import statistics
    import tempfile

    from grading_cases import solved

    from trainwell.grading.grade import Options, grade

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    import_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "subs")
        folder.mkdir()
        for i in range(copies):
            (folder / f"honest-{i}.ipynb").write_text(json.dumps(solved(GRADING_LAB)))
        options = Options(workers=1, progress=False)
        results = grade(GRADING_LAB, [folder], Path(tmp, "out"), options)
    if any(r["total"] != r["possible"] for r in results):
        raise SystemExit("an honest submission did not get full marks")
    return statistics.median(r["seconds"] for r in results), import_s


def row(name: str, seconds: float, budget: float | None) -> str:
    verdict = "" if budget is None else ("ok" if seconds <= budget else f"OVER {budget:.0f} s")
    return f"| {name:<58} | {seconds:8.1f} | {verdict:<9} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--execute", action="store_true", help="store the fresh outputs")
    parser.add_argument("--book", action="store_true", help="also time the book build")
    parser.add_argument("--grading", action="store_true", help="also time grading a lab submission")
    args = parser.parse_args(argv)
    lines = [f"| {'what':<58} | {'seconds':>8} | {'budget':<9} |", f"|{'-' * 60}|{'-' * 10}|{'-' * 11}|"]
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
        lines.append(row("book build (jupyter-book build --all)", build_book(), None))
    if args.grading:
        print("grading honest submissions ...", file=sys.stderr, flush=True)
        median, import_s = grading()
        lines.append(row("grading one honest lab 02 (PyTorch) submission, median", median, None))
        lines.append(row("  of which beyond importing torch", median - import_s, GRADING_BUDGET_S))
        over |= median - import_s > GRADING_BUDGET_S
    print("\n".join(lines))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
