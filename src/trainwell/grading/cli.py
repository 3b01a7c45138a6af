"""The ``trainwell`` command: ``notebooks``, ``labs``, ``book``, ``catalogs``, ``grade`` and
``export-gradescope``."""

from __future__ import annotations

import argparse
import os
import sys

from trainwell.grading.grade import Options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="trainwell", description="Train Well labs and grading.")
    sub = parser.add_subparsers(dest="command", required=True)

    grade = sub.add_parser("grade", help="grade submissions of a lab")
    grade.add_argument("--lab", required=True, help="lab id, e.g. 02-vanishing-exploding-pytorch")
    grade.add_argument("submissions", nargs="+", help="submitted .ipynb files or folders of them")
    grade.add_argument("--out", required=True, help="folder for gradebook.csv, JSON and feedback")
    grade.add_argument("--timeout", type=float, default=Options.timeout,
                       help=f"seconds a submission may run in all, its cells and its tests ({Options.timeout:g})")
    grade.add_argument("--question-timeout", type=float, default=Options.question_timeout,
                       help=f"seconds one code cell or one test may run ({Options.question_timeout:g})")
    grade.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="submissions graded at once (default: the number of cores)")
    grade.add_argument("--memory", type=int, default=Options.memory_mb,
                       help=f"address-space limit in MB ({Options.memory_mb})")
    grade.add_argument("--processes", type=int, default=Options.processes,
                       help=f"process/thread limit ({Options.processes})")
    grade.add_argument("--disk", type=int, default=Options.disk_mb,
                       help=f"MB a submission may write, in its folder and /tmp together ({Options.disk_mb})")
    grade.add_argument("--solutions", help="folder of the lab masters (default: ./solutions)")
    grade.add_argument("--student-pattern", default=Options.student_pattern,
                       help="regular expression on the file name whose group (?P<id>...) is the "
                       "student's LMS id, (?P<name>...) optional (default: Canvas's download names)")
    grade.add_argument("--canvas-assignment",
                       help='the assignment column of canvas.csv, e.g. "Lab 02 (12345)" (default: the lab id)')
    grade.add_argument("--similarity-threshold", type=float, default=Options.similarity_threshold,
                       help="share of answer code two submissions must have in common to be listed "
                       f"in similarity.csv ({Options.similarity_threshold})")
    grade.add_argument("--unsafe", action="store_true",
                       help="grade without isolation where none is possible (rows are marked)")
    grade.add_argument("--no-progress", action="store_true", help="no progress bar")

    notebooks = sub.add_parser(
        "notebooks", help="write the notebooks of every source: concept pages, chapters (PyTorch, TensorFlow) and labs"
    )
    notebooks.add_argument("--root", default=".", help="the repository (.)")

    labs = sub.add_parser(
        "labs", help="regenerate the student labs (English and Chinese) from their masters"
    )
    labs.add_argument("--solutions", default="solutions", help="folder of the masters (solutions)")
    labs.add_argument("--out", default="labs", help="folder for the labs (labs)")

    book = sub.add_parser("book", help="build the site, English and Chinese, into _build/html")
    book.add_argument("--root", default=".", help="the repository (.)")
    catalogs = sub.add_parser(
        "catalogs", help="update the Chinese catalogs (locales/) from the English pages"
    )
    catalogs.add_argument("--root", default=".", help="the repository (.)")

    export = sub.add_parser("export-gradescope", help="write a Gradescope autograder zip")
    export.add_argument("--lab", required=True, help="lab id")
    export.add_argument("--out", required=True, help="the .zip to write")
    export.add_argument("--solutions", help="folder of the lab masters (default: ./solutions)")
    return parser


def _write_notebooks(root: str) -> None:
    from trainwell.single_source import SourceError, find_sources, unexecuted, write_notebooks

    sources = find_sources(root)
    if not sources:
        raise SourceError(f"no chapter or lab sources under {os.path.abspath(root)}")
    changed = write_notebooks(sources)
    print(f"{len(sources)} source(s), {len(changed)} notebook(s) rewritten")
    for path in changed:
        waiting = unexecuted(path)
        note = f": {waiting} code cell(s) to execute (make execute)" if waiting else ""
        print(f"  {path}{note}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from trainwell.grading.grade import UsageError
    from trainwell.grading.lab import LabError
    from trainwell.single_source import SourceError
    from trainwell.translation import TranslationError

    try:
        if args.command == "grade":
            from trainwell.grading.grade import grade

            options = Options(
                timeout=args.timeout, question_timeout=args.question_timeout, workers=args.workers,
                memory_mb=args.memory, processes=args.processes, disk_mb=args.disk,
                unsafe=args.unsafe, solutions_dir=args.solutions, progress=not args.no_progress,
                student_pattern=args.student_pattern, canvas_assignment=args.canvas_assignment,
                similarity_threshold=args.similarity_threshold,
            )
            batch = grade(args.lab, args.submissions, args.out, options)
            for warning in batch.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            print(f"graded {len(batch.results)} submission(s) into {args.out}: gradebook.csv, "
                  f"canvas.csv, similarity.csv ({len(batch.similar)} similar pair(s), for you only)")
        elif args.command == "notebooks":
            _write_notebooks(args.root)
        elif args.command == "labs":
            from trainwell.grading.generate import write_labs
            from trainwell.translation import write_translated_labs

            written = write_labs(args.solutions, args.out)
            written += write_translated_labs(args.out)
            print(f"wrote {len(written)} file(s) into {args.out}")
        elif args.command == "book":
            from trainwell.book import build

            for folder in build(args.root):
                print(f"built {folder}")
            print("The site is in _build/html (中文: _build/html/zh); open index.html, or run: make serve")
        elif args.command == "catalogs":
            from trainwell.book import update_catalogs

            print(f"updated the catalogs in {update_catalogs(args.root)}; translate what is new "
                  "or fuzzy there (python -m trainwell.translation lists it)")
        else:
            from trainwell.grading.gradescope import export

            print(f"wrote {export(args.lab, args.out, args.solutions)}")
    except (UsageError, LabError, SourceError, TranslationError) as error:
        print(f"trainwell {args.command}: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
