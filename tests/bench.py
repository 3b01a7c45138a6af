"""Execute notebooks and time them; optionally time the book build. Prints a table.

    python tests/bench.py NOTEBOOK... [--execute] [--book]

``--execute`` writes the fresh outputs back into each notebook (``make execute``);
without it the notebooks are left untouched (``make bench``).
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


def execute(path: Path, write: bool) -> float:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    if write:
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


def row(name: str, seconds: float, budget: float | None) -> str:
    verdict = "" if budget is None else ("ok" if seconds <= budget else f"OVER {budget:.0f} s")
    return f"| {name:<58} | {seconds:8.1f} | {verdict:<9} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--execute", action="store_true", help="store the fresh outputs")
    parser.add_argument("--book", action="store_true", help="also time the book build")
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
    print("\n".join(lines))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
