"""Chapter 01: least squares, L2/L1 updates and inverted dropout agree in PyTorch and TensorFlow.

Each test feeds the same NumPy inputs and weights to both frameworks, using the operations the
chapter's notebooks use, and compares to 1e-5. The tests at the end check the optimizer semantics
the chapter states (what ``weight_decay`` means in each framework).
"""

import numpy as np
import pytest
import tensorflow as tf
import torch
import torch.nn.functional as F
from tensorflow import keras

from trainwell import data

RTOL = 1e-5


def rng_arrays(seed, *shapes):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=s).astype(np.float32) for s in shapes]


@pytest.mark.parametrize("degree", [1, 2, 3, 5, 8])
def test_least_squares_fit_of_the_same_features(degree):
    f_train, y_train, _, _ = data.polynomial(n_train=20, seed=0)
    features, labels = f_train[:, : degree + 1], y_train[:, None]
    w_torch = torch.linalg.lstsq(torch.tensor(features), torch.tensor(labels), driver="gelsd").solution
    w_tf = tf.linalg.lstsq(tf.constant(features), tf.constant(labels), fast=False)
    w_np = np.linalg.lstsq(features, labels, rcond=None)[0]
    assert w_torch.dtype == torch.float64 and w_tf.dtype == tf.float64
    np.testing.assert_allclose(w_torch.numpy(), w_tf.numpy(), rtol=RTOL, atol=1e-8)
    np.testing.assert_allclose(w_torch.numpy(), w_np, rtol=RTOL, atol=1e-8)
    if degree == 3:  # the true model: the fit recovers the cubic's coefficients roughly
        np.testing.assert_allclose(w_np[:4, 0], [5.0, 1.2, -3.4, 5.6], atol=0.5)


def test_inverted_dropout_with_a_given_mask_forward_and_backward():
    x, w = rng_arrays(1, (8, 16), (16, 12))
    mask = (np.random.default_rng(2).random((8, 12)) >= 0.5).astype(np.float32)
    p = 0.5

    xt, wt = torch.tensor(x), torch.tensor(w, requires_grad=True)
    out_t = torch.tensor(mask) * torch.relu(xt @ wt) / (1 - p)
    (out_t**2).sum().backward()

    wf = tf.Variable(w)
    with tf.GradientTape() as tape:
        out_f = tf.constant(mask) * tf.nn.relu(tf.constant(x) @ wf) / (1 - p)
        total = tf.reduce_sum(out_f**2)
    grad_f = tape.gradient(total, wf)

    np.testing.assert_allclose(out_t.detach().numpy(), out_f.numpy(), rtol=RTOL, atol=1e-6)
    np.testing.assert_allclose(wt.grad.numpy(), grad_f.numpy(), rtol=RTOL, atol=1e-5)
    dropped = out_f.numpy()[mask == 0]
    assert np.all(dropped == 0) and 0 < (mask == 0).mean() < 1


def test_l2_penalty_gradient():
    x, y, w = rng_arrays(3, (5, 200), (5, 1), (200, 1))
    lam = 3.0
    wt = torch.tensor(w, requires_grad=True)
    loss_t = ((torch.tensor(x) @ wt - torch.tensor(y)) ** 2).mean() / 2 + lam / 2 * (wt**2).sum()
    (grad_t,) = torch.autograd.grad(loss_t, wt)

    wf = tf.Variable(w)
    with tf.GradientTape() as tape:
        loss_f = tf.reduce_mean((tf.constant(x) @ wf - tf.constant(y)) ** 2) / 2
        loss_f += lam / 2 * tf.reduce_sum(wf**2)
    grad_f = tape.gradient(loss_f, wf)

    np.testing.assert_allclose(grad_t.numpy(), grad_f.numpy(), rtol=RTOL, atol=1e-5)
    analytic = x.T @ (x @ w - y) / len(x) + lam * w
    np.testing.assert_allclose(grad_t.numpy(), analytic, rtol=1e-4, atol=1e-4)


def test_l1_proximal_step():
    (w,) = rng_arrays(4, (200, 1))
    shrink = 0.5
    out_t = torch.tensor(w).sign() * (torch.tensor(w).abs() - shrink).clamp(min=0.0)
    out_f = tf.sign(w) * tf.maximum(tf.abs(w) - shrink, 0.0)
    np.testing.assert_allclose(out_t.numpy(), out_f.numpy(), rtol=RTOL)
    assert np.array_equal(out_t.numpy() == 0, np.abs(w) <= shrink)


def _keras_dense(w, b, regularizer=None):
    layer = keras.layers.Dense(w.shape[1], kernel_regularizer=regularizer)
    model = keras.Sequential([keras.Input(shape=(w.shape[0],)), layer])
    layer.kernel.assign(w)
    layer.bias.assign(b)
    return model, layer


def _keras_steps(model, opt, x, y, steps):
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((model(x) - y) ** 2) / 2 + sum(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))


def _torch_steps(w, b, make_opt, x, y, steps, penalty=0.0):
    model = torch.nn.Linear(w.shape[0], w.shape[1])
    with torch.no_grad():
        model.weight.copy_(torch.tensor(w.T))
        model.bias.copy_(torch.tensor(b))
    opt = make_opt([{"params": [model.weight]}, {"params": [model.bias], "weight_decay": 0.0}])
    for _ in range(steps):
        loss = F.mse_loss(model(torch.tensor(x)), torch.tensor(y)) / 2
        loss = loss + penalty / 2 * (model.weight**2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model.weight.detach().numpy().T


@pytest.fixture
def regression():
    x, y, w = rng_arrays(5, (20, 30), (20, 1), (30, 1))
    return x, y, w, np.zeros(1, np.float32)


def test_sgd_weight_decay_equals_keras_l2_regularizer_at_half_strength(regression):
    x, y, w, b = regression
    lam, lr = 0.5, 0.01
    w_torch = _torch_steps(w, b, lambda g: torch.optim.SGD(g, lr=lr, weight_decay=lam), x, y, 5)
    model, layer = _keras_dense(w, b, keras.regularizers.L2(lam / 2))
    _keras_steps(model, keras.optimizers.SGD(learning_rate=lr), x, y, 5)
    np.testing.assert_allclose(w_torch, layer.kernel.numpy(), rtol=RTOL, atol=1e-6)
    # Keras' decoupled weight_decay gives the same update for plain SGD.
    model, layer = _keras_dense(w, b)
    opt = keras.optimizers.SGD(learning_rate=lr, weight_decay=lam)
    opt.exclude_from_weight_decay(var_names=["bias"])
    _keras_steps(model, opt, x, y, 5)
    np.testing.assert_allclose(w_torch, layer.kernel.numpy(), rtol=RTOL, atol=1e-6)


def test_weight_decay_means_a_penalty_in_torch_adam_and_decoupled_decay_in_keras_adam(regression):
    x, y, w, b = regression
    lam, lr, steps = 1.0, 0.01, 20
    torch_penalty = _torch_steps(w, b, lambda g: torch.optim.Adam(g, lr=lr), x, y, steps, lam)

    def with_decay(opt_class):
        return lambda g: opt_class([{**g[0], "weight_decay": lam}, g[1]], lr=lr)

    torch_adam_wd = _torch_steps(w, b, with_decay(torch.optim.Adam), x, y, steps)
    torch_adamw = _torch_steps(w, b, with_decay(torch.optim.AdamW), x, y, steps)
    np.testing.assert_allclose(torch_adam_wd, torch_penalty, rtol=RTOL, atol=1e-6)
    assert np.abs(torch_adamw - torch_penalty).max() > 1e-3

    kernels = {}
    for name, opt in {
        "Adam": keras.optimizers.Adam(learning_rate=lr, epsilon=1e-8, weight_decay=lam),
        "AdamW": keras.optimizers.AdamW(learning_rate=lr, epsilon=1e-8, weight_decay=lam),
    }.items():
        opt.exclude_from_weight_decay(var_names=["bias"])
        model, layer = _keras_dense(w, b)
        _keras_steps(model, opt, x, y, steps)
        kernels[name] = layer.kernel.numpy()
    np.testing.assert_allclose(kernels["Adam"], kernels["AdamW"], rtol=RTOL, atol=1e-6)
    # Keras' Adam(weight_decay) tracks PyTorch's AdamW, not PyTorch's Adam(weight_decay); the
    # optimizers' epsilon placement differs, hence the looser tolerance.
    np.testing.assert_allclose(kernels["AdamW"], torch_adamw, atol=1e-3)
    assert np.abs(kernels["Adam"] - torch_adam_wd).max() > 1e-3
