"""Framework-neutral pieces of the training helpers: argument checks, initialization, history."""

from __future__ import annotations

import numpy as np

ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "linear")
INITS = ("default", "xavier", "he", "normal")
LOSSES = ("cross_entropy", "mse")
OPTIMIZERS = ("sgd", "adam")
LEAKY_SLOPE = 0.01


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


def new_history() -> dict[str, list]:
    return {"step": [], "loss": [], "val_step": [], "val_loss": [], "val_acc": [], "grad_norms": []}


def record_step(history: dict[str, list], bar, step: int, steps: int, loss: float,
                eval_every: int | None, evaluate) -> None:
    """Append a step's training loss, and when due ``evaluate()``'s (loss, accuracy); move the bar."""
    history["step"].append(step)
    history["loss"].append(loss)
    if eval_every is not None and (step % eval_every == 0 or step == steps):
        val_loss, val_acc = evaluate()
        history["val_step"].append(step)
        history["val_loss"].append(val_loss)
        history["val_acc"].append(val_acc)
    bar.update(1)
    if step % 50 == 0 or step == steps:
        bar.set_postfix(loss=f"{loss:.3f}")
