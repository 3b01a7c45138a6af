"""Copy detection across a batch, for the instructor only: ``similarity.csv``.

Each submission's answer code (its code cells, less cells identical to the lab's starter cells) is
fingerprinted by `copydetect <https://github.com/blingenf/copydetect>`_, which tokenizes the code
(so renaming variables or changing comments and spacing does not hide a copy) and winnows k-grams,
with the fingerprints of the starter code as boilerplate (code every student got is no evidence).
A pair is reported when both submissions share at least :data:`THRESHOLD` of their answer code;
the report names the cells where the shared code lies. Nothing of this reaches a student's feedback.
"""

from __future__ import annotations

import bisect
import csv
import io
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from trainwell.grading.lab import Lab
from trainwell.grading.submission import CodeCell

THRESHOLD = 0.6
NOISE_CHARS = 25  # copydetect's default: shared runs shorter than this (in tokenized code) are noise
MIN_TOKENS = 100  # answer code shorter than this (beyond the starter) is not compared
MAX_CHARS = 200_000  # answer code compared per submission


@dataclass(frozen=True)
class AnswerCode:
    """A submission's answer cells, each with a label (``cell 7 (q1)``), as compared."""

    file: str
    labels: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Pair:
    file_a: str
    file_b: str
    score: float
    share_a: float
    share_b: float
    cells_a: tuple[str, ...]
    cells_b: tuple[str, ...]


def starter_cells(lab: Lab) -> list[str]:
    """The code cells every student got: those of the student lab."""
    from trainwell.grading.generate import student_notebook
    from trainwell.grading.submission import code_cells

    return [c.source for c in code_cells(student_notebook(lab))]


def answer_code(lab: Lab, file: str, cells: list[CodeCell], starter: set[str]) -> AnswerCode:
    """The cells of a submission that differ from the starter's, labelled with their question."""
    question_of = {entry["cell"].get("id"): entry["question"] for entry in lab.cells if "cell" in entry}
    labels, texts, size = [], [], 0
    for cell in cells:
        if cell.source.strip() in starter or size >= MAX_CHARS:
            continue
        question = question_of.get(cell.id)
        labels.append(f"cell {cell.index}" + (f" ({question})" if question else ""))
        texts.append(cell.source[: MAX_CHARS - size])
        size += len(texts[-1])
    return AnswerCode(file, tuple(labels), tuple(texts))


class _Fingerprint:
    def __init__(self, answer: AnswerCode, boilerplate):
        from copydetect import CodeFingerprint

        self.answer = answer
        self.starts, text = [], ""
        for piece in answer.texts:
            self.starts.append(len(text))
            text += piece + "\n\n"
        self.fingerprint = CodeFingerprint(f"{answer.file}.py", NOISE_CHARS, 1, boilerplate=boilerplate,
                                           fp=io.StringIO(text), language="python")

    @property
    def comparable(self) -> bool:
        return self.fingerprint.token_coverage >= MIN_TOKENS

    def cells(self, slices) -> tuple[str, ...]:
        """The labels of the cells that the copied character ranges ``slices`` fall in."""
        hit = set()
        for start, end in zip(*slices):
            first = bisect.bisect_right(self.starts, int(start)) - 1
            last = bisect.bisect_right(self.starts, int(end) - 1) - 1
            hit.update(range(max(first, 0), last + 1))
        return tuple(self.answer.labels[i] for i in sorted(hit))


def similar_pairs(lab: Lab, answers: list[AnswerCode], threshold: float = THRESHOLD) -> list[Pair]:
    """The pairs of submissions that share at least ``threshold`` of their answer code, most similar first."""
    from copydetect import CodeFingerprint, compare_files

    starter = "\n\n".join(starter_cells(lab))
    boilerplate = CodeFingerprint("starter.py", NOISE_CHARS, 1, fp=io.StringIO(starter),
                                  language="python").hashes
    boilerplate = np.unique(np.array(list(boilerplate)))
    prints = [p for p in (_Fingerprint(a, boilerplate) for a in answers) if p.comparable]
    pairs = []
    for a, b in combinations(prints, 2):
        _, (share_a, share_b), (slices_a, slices_b) = compare_files(a.fingerprint, b.fingerprint)
        score = min(share_a, share_b)
        if score >= threshold:
            pairs.append(Pair(a.answer.file, b.answer.file, round(float(score), 3),
                              round(float(share_a), 3), round(float(share_b), 3),
                              a.cells(slices_a), b.cells(slices_b)))
    return sorted(pairs, key=lambda p: (-p.score, p.file_a, p.file_b))


def write_similarity(path: Path, pairs: list[Pair]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file_a", "file_b", "score", "share_a", "share_b", "cells_a", "cells_b"])
        for p in pairs:
            writer.writerow([p.file_a, p.file_b, p.score, p.share_a, p.share_b,
                             "; ".join(p.cells_a), "; ".join(p.cells_b)])
