"""Given the same NumPy weights and inputs, PyTorch and TensorFlow compute the same numbers."""

import numpy as np
import pytest

import trainwell.tf as twf
import trainwell.torch as twt
from trainwell import data
from trainwell.training import batches


def twin_models(widths, activation, batch_norm=False, seed=0):
    twt.set_seed(seed)
    twf.set_seed(seed)
    a = twt.mlp(widths, activation, "xavier", batch_norm=batch_norm)
    b = twf.mlp(widths, activation, "xavier", batch_norm=batch_norm)
    twf.set_weights(b, twt.get_weights(a))
    return a, b


@pytest.mark.parametrize("norms", ["layer_grad_norms", "layer_output_grad_norms"])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus"])
@pytest.mark.parametrize("batch_norm", [False, True], ids=["plain", "bn"])
def test_per_layer_gradient_norms_agree(norms, activation, batch_norm):
    x, y, _, _ = data.digits(seed=0)
    a, b = twin_models([64, 32, 32, 32, 10], activation, batch_norm)
    ga = getattr(twt, norms)(a, x[:128], y[:128])
    gb = getattr(twf, norms)(b, x[:128], y[:128])
    assert ga.shape == (4,)
    np.testing.assert_allclose(ga, gb, rtol=1e-5, atol=1e-8)


def test_output_gradient_norm_of_a_linear_layer_by_hand():
    """For one linear layer and L = mean((z - y)^2), ∂L/∂z = 2 (z - y) / z.size."""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(8, 3)).astype(np.float32)
    y = rng.normal(size=(8, 2)).astype(np.float32)
    a, b = twin_models([3, 2], "relu")
    w, bias = twt.get_weights(a)[0]
    expected = np.linalg.norm(2 * (x @ w + bias - y) / y.size)
    for side, model in ((twt, a), (twf, b)):
        np.testing.assert_allclose(side.layer_output_grad_norms(model, x, y, loss="mse"), [expected],
                                   rtol=1e-5)


def test_gradient_norms_agree_for_mse():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(32, 5)).astype(np.float32)
    y = rng.normal(size=(32, 2)).astype(np.float32)
    a, b = twin_models([5, 16, 2], "tanh")
    np.testing.assert_allclose(
        twt.layer_grad_norms(a, x, y, loss="mse"), twf.layer_grad_norms(b, x, y, loss="mse"), rtol=1e-5
    )


def test_activation_statistics_agree():
    x = np.random.default_rng(2).normal(size=(200, 20)).astype(np.float32)
    a, b = twin_models([20, 30, 30, 4], "elu", batch_norm=True)
    sa, sb = twt.activation_stats(a, x), twf.activation_stats(b, x)
    np.testing.assert_allclose(sa["std"], sb["std"], rtol=1e-5)
    np.testing.assert_allclose(sa["mean"], sb["mean"], rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("momentum, clip", [(0.0, None), (0.9, 0.5)])
def test_sgd_training_runs_agree(momentum, clip):
    # Adam is left out on purpose: Keras adds epsilon to sqrt(v) before bias correction,
    # PyTorch after, so the two drift apart by ~1e-3 within a few steps.
    x, y, _, _ = data.digits(seed=0)
    a, b = twin_models([64, 32, 10], "relu")
    kwargs = dict(optimizer="sgd", lr=0.05, momentum=momentum, steps=20, batch_size=32,
                  clip_norm=clip, progress_bar=False)
    ha = twt.fit(a, x, y, **kwargs)
    hb = twf.fit(b, x, y, **kwargs)
    np.testing.assert_allclose(ha["loss"], hb["loss"], rtol=1e-4)


def test_recorded_gradient_norms_agree_with_layer_grad_norms():
    """fit's per-step ‖∂L/∂W‖ of every weight matrix: the same in both frameworks, and at the
    first step the same as layer_grad_norms on that step's batch."""
    x, y, _, _ = data.digits(seed=0)
    a, b = twin_models([64, 32, 32, 10], "relu", batch_norm=True)
    first_batch = next(iter(batches(len(x), 32, 1, seed=3)))
    expected = twt.layer_grad_norms(a, x[first_batch], y[first_batch])
    kwargs = dict(optimizer="sgd", lr=0.05, momentum=0.9, steps=5, batch_size=32, seed=3,
                  grad_norms=True, progress_bar=False)
    ha, hb = twt.fit(a, x, y, **kwargs), twf.fit(b, x, y, **kwargs)
    assert np.shape(ha["grad_norms"]) == (5, 3)
    np.testing.assert_allclose(ha["grad_norms"][0], expected, rtol=1e-5)
    np.testing.assert_allclose(ha["grad_norms"], hb["grad_norms"], rtol=1e-4)
    assert not twt.fit(a, x, y, steps=2, progress_bar=False)["grad_norms"]
