"""Framework-neutral pieces of a training loop: mini-batch indices and a progress bar."""

from __future__ import annotations

import sys

import numpy as np
from tqdm import tqdm

__all__ = ["batches", "progress"]

BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}]{postfix}"


def batches(n: int, batch_size: int, steps: int, seed: int):
    """Indices of ``steps`` mini-batches drawn by reshuffling each epoch (same in both frameworks)."""
    if batch_size < 1 or steps < 0:
        raise ValueError(f"batch_size must be positive and steps non-negative; got {batch_size}, {steps}")
    rng = np.random.default_rng(seed)
    batch_size = min(batch_size, n)
    order = rng.permutation(n)
    position = 0
    for _ in range(steps):
        if position + batch_size > n:
            order = rng.permutation(n)
            position = 0
        yield order[position : position + batch_size]
        position += batch_size


def progress(total: int, desc: str, enabled: bool):
    """A text progress bar on stderr: live in Jupyter and terminals, one final line when stored."""
    return tqdm(
        total=total,
        desc=desc,
        disable=not enabled,
        bar_format=BAR_FORMAT,
        mininterval=0.5,
        file=sys.stderr,
        ascii=False,
    )
