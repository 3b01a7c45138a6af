"""Framework-neutral pieces of the training helpers: argument checks, batching, history, progress."""

from __future__ import annotations

import sys

import numpy as np
from tqdm import tqdm

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "linear")
INITS = ("default", "xavier", "he", "normal")
LOSSES = ("cross_entropy", "mse")
OPTIMIZERS = ("sgd", "adam")
LEAKY_SLOPE = 0.01
BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}]{postfix}"


def check_choice(name: str, value: str, choices) -> None:
    if value not in choices:
        raise ValueError(f"unknown {name} {value!r}; choose one of {', '.join(choices)}")


def check_widths(widths) -> list[int]:
    widths = [int(w) for w in widths]
    if len(widths) < 2 or min(widths) < 1:
        raise ValueError(
            f"widths must list at least an input and an output size, all positive; got {widths}"
        )
    return widths


def gaussian_std(init: str, fan_in: int, fan_out: int, std: float) -> float | None:
    """Standard deviation of the Gaussian for ``init`` (None for the framework default)."""
    if init == "xavier":
        return float(np.sqrt(2.0 / (fan_in + fan_out)))
    if init == "he":
        return float(np.sqrt(2.0 / fan_in))
    if init == "normal":
        return float(std)
    return None


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


def new_history() -> dict[str, list]:
    return {"step": [], "loss": [], "val_step": [], "val_loss": [], "val_acc": []}


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


def should_eval(step: int, steps: int, eval_every: int | None) -> bool:
    return eval_every is not None and (step % eval_every == 0 or step == steps)
