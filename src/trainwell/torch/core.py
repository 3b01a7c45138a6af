"""PyTorch helpers for MLPs, training and gradient statistics."""

from __future__ import annotations

import random

import numpy as np
import torch
from torch import nn

from trainwell._common import (
    ACTIVATIONS,
    INITS,
    LEAKY_SLOPE,
    LOSSES,
    OPTIMIZERS,
    check_choice,
    check_widths,
    gaussian_std,
    new_history,
    record_step,
)
from trainwell.training import batches, progress

__all__ = [
    "activation_stats",
    "dense_layers",
    "device",
    "evaluate",
    "fit",
    "get_weights",
    "layer_grad_norms",
    "mlp",
    "set_seed",
    "set_weights",
]


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and PyTorch, and ask PyTorch for deterministic kernels."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def device() -> torch.device:
    """The GPU when there is one (a Colab GPU runtime), else the CPU."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _activation(name: str) -> nn.Module:
    return {
        "sigmoid": nn.Sigmoid,
        "tanh": nn.Tanh,
        "relu": nn.ReLU,
        "leaky_relu": lambda: nn.LeakyReLU(LEAKY_SLOPE),
        "elu": nn.ELU,
        "softplus": nn.Softplus,
        "linear": nn.Identity,
    }[name]()


def mlp(widths, activation="relu", init="default", init_std=0.01, batch_norm=False) -> nn.Sequential:
    """A multilayer perceptron ``widths[0] -> ... -> widths[-1]`` with a linear output layer.

    ``init``: ``"default"`` (the framework's own), ``"xavier"`` (Gaussian, var 2/(fan_in+fan_out)),
    ``"he"`` (Gaussian, var 2/fan_in) or ``"normal"`` (Gaussian with std ``init_std``);
    the last three zero the biases. ``batch_norm`` inserts BatchNorm before each activation.
    """
    widths = check_widths(widths)
    check_choice("activation", activation, ACTIVATIONS)
    check_choice("init", init, INITS)
    layers: list[nn.Module] = []
    pairs = list(zip(widths[:-1], widths[1:]))
    for i, (fan_in, fan_out) in enumerate(pairs):
        linear = nn.Linear(fan_in, fan_out)
        std = gaussian_std(init, fan_in, fan_out, init_std)
        if std is not None:
            nn.init.normal_(linear.weight, 0.0, std)
            nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < len(pairs) - 1:
            if batch_norm:
                layers.append(nn.BatchNorm1d(fan_out))
            layers.append(_activation(activation))
    return nn.Sequential(*layers).to(device())



def dense_layers(model: nn.Module) -> list[nn.Linear]:
    """The model's fully connected layers, input side first."""
    return [m for m in model.modules() if isinstance(m, nn.Linear)]


def get_weights(model: nn.Module) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(W, b)`` of each dense layer as NumPy arrays, ``W`` of shape ``(fan_in, fan_out)``."""
    return [
        (layer.weight.detach().cpu().numpy().T.copy(), layer.bias.detach().cpu().numpy().copy())
        for layer in dense_layers(model)
    ]


def set_weights(model: nn.Module, weights) -> None:
    """Load ``(W, b)`` pairs as returned by :func:`get_weights` (``W`` is ``(fan_in, fan_out)``)."""
    layers = dense_layers(model)
    if len(weights) != len(layers):
        raise ValueError(f"model has {len(layers)} dense layers, got {len(weights)} weight pairs")
    with torch.no_grad():
        for layer, (w, b) in zip(layers, weights):
            w = torch.as_tensor(np.asarray(w).T, dtype=layer.weight.dtype)
            if w.shape != layer.weight.shape:
                raise ValueError(f"weight of shape {tuple(w.T.shape)} does not fit {layer}")
            layer.weight.copy_(w)
            layer.bias.copy_(torch.as_tensor(np.asarray(b), dtype=layer.bias.dtype))


def _tensor(x, dtype=None) -> torch.Tensor:
    return torch.as_tensor(np.asarray(x), dtype=dtype).to(device())


def _targets(y, loss: str) -> torch.Tensor:
    return _tensor(y, torch.long if loss == "cross_entropy" else torch.float32)


def _loss_fn(loss: str):
    check_choice("loss", loss, LOSSES)
    return nn.functional.cross_entropy if loss == "cross_entropy" else nn.functional.mse_loss


def layer_grad_norms(model: nn.Module, x, y, loss="cross_entropy") -> np.ndarray:
    """Frobenius norm of ∂L/∂W for each dense layer (input side first), on one batch."""
    loss_fn = _loss_fn(loss)
    model.zero_grad()
    value = loss_fn(model(_tensor(x, torch.float32)), _targets(y, loss))
    value.backward()
    norms = np.array([layer.weight.grad.norm().item() for layer in dense_layers(model)])
    model.zero_grad()
    return norms


def layer_output_grad_norms(model: nn.Module, x, y, loss="cross_entropy") -> np.ndarray:
    """Frobenius norm of ∂L/∂z for the output z of each dense layer (input side first), on one
    batch: the backward signal δ that ∂L/∂W = h_prevᵀ δ multiplies by the layer's input."""
    loss_fn = _loss_fn(loss)
    outputs: list[torch.Tensor] = []
    hooks = [layer.register_forward_hook(lambda _m, _i, out: outputs.append(out))
             for layer in dense_layers(model)]
    try:
        value = loss_fn(model(_tensor(x, torch.float32)), _targets(y, loss))
    finally:
        for hook in hooks:
            hook.remove()
    grads = torch.autograd.grad(value, outputs)
    return np.array([g.norm().item() for g in grads])


def activation_stats(model: nn.Module, x) -> dict[str, np.ndarray]:
    """Mean and standard deviation of each hidden layer's output (after its activation).

    Batch normalization, if any, uses the statistics of ``x`` (training mode).
    """
    means, stds = [], []
    h = _tensor(x, torch.float32)
    modules = list(model.children())
    was_training = model.training
    model.train()
    with torch.no_grad():
        for i, module in enumerate(modules):
            h = module(h)
            is_activation = not isinstance(module, (nn.Linear, nn.BatchNorm1d))
            if is_activation and i < len(modules) - 1:
                means.append(h.mean().item())
                stds.append(h.std(correction=0).item())
    model.train(was_training)
    return {"mean": np.array(means), "std": np.array(stds)}


def evaluate(model: nn.Module, x, y, loss="cross_entropy") -> tuple[float, float]:
    """``(loss, accuracy)`` on the whole set in evaluation mode (accuracy is NaN for ``mse``)."""
    loss_fn = _loss_fn(loss)
    was_training = model.training
    model.eval()
    with torch.no_grad():
        out = model(_tensor(x, torch.float32))
        target = _targets(y, loss)
        value = loss_fn(out, target).item()
        acc = (out.argmax(1) == target).float().mean().item() if loss == "cross_entropy" else float("nan")
    model.train(was_training)
    return value, acc


def fit(
    model: nn.Module,
    x,
    y,
    *,
    loss="cross_entropy",
    optimizer="sgd",
    lr=0.1,
    momentum=0.0,
    steps=500,
    batch_size=64,
    clip_norm=None,
    x_val=None,
    y_val=None,
    eval_every=None,
    seed=0,
    grad_norms=False,
    progress_bar=True,
    desc="training",
) -> dict[str, list]:
    """Train with mini-batches for ``steps`` steps; return the history.

    The history holds each step's training loss (``step``, ``loss``) and, every ``eval_every``
    steps when validation data is given, ``val_step``, ``val_loss`` and ``val_acc``.
    ``clip_norm`` clips the global gradient norm before each update. With ``grad_norms``,
    ``grad_norms`` holds each step's ‖∂L/∂W‖ (before clipping) for every weight matrix of the
    model, input side first.
    """
    check_choice("optimizer", optimizer, OPTIMIZERS)
    loss_fn = _loss_fn(loss)
    x_all, y_all = _tensor(x, torch.float32), _targets(y, loss)
    if optimizer == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=lr)
    if x_val is None:
        eval_every = None
    history = new_history()
    matrices = [p for p in model.parameters() if p.ndim == 2]
    model.train()
    with progress(steps, desc, progress_bar) as bar:
        for step, idx in enumerate(batches(len(x_all), batch_size, steps, seed), start=1):
            idx = torch.as_tensor(idx, device=x_all.device)
            opt.zero_grad()
            value = loss_fn(model(x_all[idx]), y_all[idx])
            value.backward()
            if grad_norms:
                history["grad_norms"].append(
                    torch.stack([w.grad.norm() for w in matrices]).cpu().numpy()
                )
            if clip_norm is not None:
                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
            opt.step()
            record_step(history, bar, step, steps, value.item(), eval_every,
                        lambda: evaluate(model, x_val, y_val, loss))
    return history
