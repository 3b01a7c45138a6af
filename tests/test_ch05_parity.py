"""Chapter 05's residual block, as the notebooks define it, computes the same in both frameworks.

The ``Block`` class is taken from each chapter notebook's code cell, so the test checks the code
students read. Given the same NumPy weights and inputs, the forward pass, the gradient with respect
to the input and the gradient of the branch weight agree to 1e-5, and match a NumPy forward pass.
"""

import numpy as np
import pytest
import tensorflow as tf
import torch
from notebooks import chapter_notebooks, notebook_definitions

TORCH_NB, TF_NB = chapter_notebooks("05-resnet")
EPS = 1e-5  # PyTorch's BN epsilon; the TensorFlow notebook sets the same
TOL = dict(rtol=1e-5, atol=1e-5)

PRELUDE = (
    "import numpy as np\nimport torch\nfrom torch import nn\nimport tensorflow as tf\nimport keras"
)
TorchBlock = notebook_definitions(TORCH_NB, ["Block"], PRELUDE)["Block"]
TFBlock = notebook_definitions(TF_NB, ["Block"], PRELUDE)["Block"]

SHAPES = {"identity": (16, 16, True), "projection": (24, 16, True), "plain": (16, 16, False)}


def numpy_weights(d_in, d_out, seed=0):
    rng = np.random.default_rng(seed)
    f32 = np.float32
    return {
        "x": rng.normal(1.0, 2.0, size=(32, d_in)).astype(f32),
        "r": rng.normal(size=(32, d_out)).astype(f32),
        "gamma": rng.uniform(0.5, 1.5, size=d_in).astype(f32),
        "beta": rng.normal(scale=0.3, size=d_in).astype(f32),
        "mean": rng.normal(size=d_in).astype(f32),
        "var": rng.uniform(0.5, 4.0, size=d_in).astype(f32),
        "W": (rng.normal(size=(d_in, d_out)) / np.sqrt(d_in)).astype(f32),
        "Ws": (rng.normal(size=(d_in, d_out)) / np.sqrt(d_in)).astype(f32),
    }


def run_torch(w, d_in, d_out, residual, batch_norm, training):
    block = TorchBlock(d_in, d_out, residual, batch_norm)
    with torch.no_grad():
        block.linear.weight.copy_(torch.as_tensor(w["W"].T))
        if block.projection is not None:
            block.projection.weight.copy_(torch.as_tensor(w["Ws"].T))
        if batch_norm:
            block.norm.weight.copy_(torch.as_tensor(w["gamma"]))
            block.norm.bias.copy_(torch.as_tensor(w["beta"]))
            block.norm.running_mean.copy_(torch.as_tensor(w["mean"]))
            block.norm.running_var.copy_(torch.as_tensor(w["var"]))
    block.train(training)
    x = torch.tensor(w["x"], requires_grad=True)
    out = block(x)
    (out * torch.as_tensor(w["r"])).sum().backward()
    return out.detach().numpy(), x.grad.numpy(), block.linear.weight.grad.numpy().T


def run_tf(w, d_in, d_out, residual, batch_norm, training):
    block = TFBlock(d_in, d_out, residual, batch_norm)
    x = tf.constant(w["x"])
    block(x)  # builds the weights
    block.linear.kernel.assign(w["W"])
    if block.projection is not None:
        block.projection.kernel.assign(w["Ws"])
    if batch_norm:
        block.norm.gamma.assign(w["gamma"])
        block.norm.beta.assign(w["beta"])
        block.norm.moving_mean.assign(w["mean"])
        block.norm.moving_variance.assign(w["var"])
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = block(x, training=training)
        loss = tf.reduce_sum(out * w["r"])
    grad_x, grad_w = tape.gradient(loss, [x, block.linear.kernel])
    return out.numpy(), grad_x.numpy(), grad_w.numpy()


def numpy_forward(w, residual, batch_norm, training, projection):
    x = w["x"].astype(np.float64)
    h = x
    if batch_norm:
        mean, var = (x.mean(0), x.var(0)) if training else (w["mean"], w["var"])
        h = (x - mean) / np.sqrt(var + EPS) * w["gamma"] + w["beta"]
    branch = np.maximum(h, 0) @ w["W"]
    if not residual:
        return branch
    return (x @ w["Ws"] if projection else x) + branch


MODES = {"bn-train": (True, True), "bn-eval": (True, False), "no-bn": (False, True)}
CASES = [
    pytest.param(kind, batch_norm, training, id=f"{kind}-{mode}")
    for kind in SHAPES
    for mode, (batch_norm, training) in MODES.items()
]


@pytest.mark.parametrize("kind, batch_norm, training", CASES)
def test_block_forward_and_gradients_agree(kind, batch_norm, training):
    d_in, d_out, residual = SHAPES[kind]
    w = numpy_weights(d_in, d_out)
    out_t, gx_t, gw_t = run_torch(w, d_in, d_out, residual, batch_norm, training)
    out_f, gx_f, gw_f = run_tf(w, d_in, d_out, residual, batch_norm, training)
    assert out_t.shape == out_f.shape == (32, d_out)
    assert gx_t.shape == gx_f.shape == (32, d_in)
    expected = numpy_forward(w, residual, batch_norm, training, projection=kind == "projection")
    np.testing.assert_allclose(out_t, expected, **TOL)
    np.testing.assert_allclose(out_f, expected, **TOL)
    np.testing.assert_allclose(gx_t, gx_f, **TOL)
    np.testing.assert_allclose(gw_t, gw_f, **TOL)


@pytest.mark.parametrize("kind", ["identity", "projection"])
@pytest.mark.parametrize("run", [run_torch, run_tf], ids=["torch", "tf"])
def test_a_zero_branch_leaves_only_the_shortcut(run, kind):
    d_in, d_out, _ = SHAPES[kind]
    w = numpy_weights(d_in, d_out, seed=1)
    w["W"] = np.zeros_like(w["W"])
    out, grad_x, _ = run(w, d_in, d_out, True, True, True)
    shortcut = w["Ws"] if kind == "projection" else np.eye(d_in, dtype=np.float32)
    np.testing.assert_allclose(out, w["x"] @ shortcut, **TOL)
    np.testing.assert_allclose(grad_x, w["r"] @ shortcut.T, **TOL)


def test_the_shortcut_changes_the_gradient():
    w = numpy_weights(16, 16, seed=2)
    _, plain, _ = run_torch(w, 16, 16, False, True, True)
    _, residual, _ = run_torch(w, 16, 16, True, True, True)
    np.testing.assert_allclose(residual - plain, w["r"], **TOL)
