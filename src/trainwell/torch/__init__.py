"""PyTorch side of the course helpers (same names and signatures as ``trainwell.tf``).

Each chapter's helpers live in a module of their own; this package exports them all.
"""

from trainwell.torch.core import (
    activation_stats,
    dense_layers,
    device,
    evaluate,
    fit,
    get_weights,
    layer_grad_norms,
    layer_output_grad_norms,
    mlp,
    set_seed,
    set_weights,
)

__all__ = [
    "activation_stats",
    "dense_layers",
    "device",
    "evaluate",
    "fit",
    "get_weights",
    "layer_grad_norms",
    "layer_output_grad_norms",
    "mlp",
    "set_seed",
    "set_weights",
]
