"""Batch normalization gives the same numbers in PyTorch and TensorFlow from the same NumPy inputs.

PyTorch's ``momentum`` is the weight of the new batch and Keras' the weight of the old average, so
PyTorch's ``momentum=m`` is Keras' ``momentum=1 - m``. PyTorch stores the unbiased batch variance in
``running_var``, Keras the biased one in ``moving_variance``; both normalize with the biased one.
"""

import numpy as np
import pytest
import tensorflow as tf
import torch
from tensorflow import keras
from torch import nn

TOL = dict(rtol=1e-5, atol=1e-5)
EPS = 1e-5
FEATURES = 7


def numpy_inputs(seed=0, n=32):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, FEATURES)) * rng.uniform(0.5, 3, FEATURES) + rng.normal(size=FEATURES)
    gamma = rng.uniform(0.5, 2.0, FEATURES)
    beta = rng.normal(size=FEATURES)
    return x.astype(np.float32), gamma.astype(np.float32), beta.astype(np.float32)


def twin_layers(gamma, beta, torch_momentum=0.1):
    """nn.BatchNorm1d and keras BatchNormalization with the same gamma, beta, momentum and eps."""
    a = nn.BatchNorm1d(FEATURES, momentum=torch_momentum, eps=EPS)
    with torch.no_grad():
        a.weight.copy_(torch.from_numpy(gamma))
        a.bias.copy_(torch.from_numpy(beta))
    b = keras.layers.BatchNormalization(momentum=1 - torch_momentum, epsilon=EPS)
    b.build((None, FEATURES))
    b.gamma.assign(gamma)
    b.beta.assign(beta)
    return a, b


def reference_forward(x, gamma, beta, mean, var):
    x = x.astype(np.float64)
    return gamma * (x - mean) / np.sqrt(var + EPS) + beta


def test_training_mode_forward_agrees():
    x, gamma, beta = numpy_inputs()
    a, b = twin_layers(gamma, beta)
    with torch.no_grad():
        out_torch = a(torch.from_numpy(x)).numpy()
    out_tf = b(tf.constant(x), training=True).numpy()
    np.testing.assert_allclose(out_torch, out_tf, **TOL)
    expected = reference_forward(x, gamma, beta, x.mean(0), x.var(0))
    np.testing.assert_allclose(out_torch, expected, **TOL)
    np.testing.assert_allclose(out_tf, expected, **TOL)
    assert np.abs(((out_torch - beta) / gamma).mean(0)).max() < 1e-5


def test_evaluation_mode_forward_agrees_and_ignores_the_batch():
    x, gamma, beta = numpy_inputs(seed=1)
    rng = np.random.default_rng(2)
    mean = rng.normal(size=FEATURES).astype(np.float32)
    var = rng.uniform(0.5, 4.0, FEATURES).astype(np.float32)
    a, b = twin_layers(gamma, beta)
    with torch.no_grad():
        a.running_mean.copy_(torch.from_numpy(mean))
        a.running_var.copy_(torch.from_numpy(var))
    b.moving_mean.assign(mean)
    b.moving_variance.assign(var)
    a.eval()
    with torch.no_grad():
        out_torch = a(torch.from_numpy(x)).numpy()
        first_alone = a(torch.from_numpy(x[:1])).numpy()
    out_tf = b(tf.constant(x), training=False).numpy()
    np.testing.assert_allclose(out_torch, out_tf, **TOL)
    np.testing.assert_allclose(out_torch, reference_forward(x, gamma, beta, mean, var), **TOL)
    np.testing.assert_allclose(first_alone[0], out_torch[0], **TOL)


@pytest.mark.parametrize("torch_momentum", [0.1, 0.01], ids=["torch-default", "keras-default"])
def test_running_statistics_update_agrees(torch_momentum):
    _, gamma, beta = numpy_inputs()
    a, b = twin_layers(gamma, beta, torch_momentum)
    assert b.momentum == pytest.approx(1 - torch_momentum)
    mean, var_unbiased, var_biased = np.zeros(FEATURES), np.ones(FEATURES), np.ones(FEATURES)
    for step in range(5):
        x, _, _ = numpy_inputs(seed=10 + step, n=16)
        with torch.no_grad():
            a(torch.from_numpy(x))
        b(tf.constant(x), training=True)
        m, n = torch_momentum, len(x)
        mean = (1 - m) * mean + m * x.mean(0)
        var_unbiased = (1 - m) * var_unbiased + m * x.var(0) * n / (n - 1)
        var_biased = (1 - m) * var_biased + m * x.var(0)
    np.testing.assert_allclose(a.running_mean.numpy(), b.moving_mean.numpy(), **TOL)
    np.testing.assert_allclose(a.running_mean.numpy(), mean, **TOL)
    np.testing.assert_allclose(a.running_var.numpy(), var_unbiased, **TOL)
    np.testing.assert_allclose(b.moving_variance.numpy(), var_biased, **TOL)
    assert np.all(a.running_var.numpy() > b.moving_variance.numpy())


def test_one_update_differs_only_by_the_bessel_correction():
    x, gamma, beta = numpy_inputs(seed=3, n=8)
    a, b = twin_layers(gamma, beta)
    with torch.no_grad():
        a(torch.from_numpy(x))
    b(tf.constant(x), training=True)
    n = len(x)
    torch_batch_var = (a.running_var.numpy() - 0.9) / 0.1
    keras_batch_var = (b.moving_variance.numpy() - 0.9) / 0.1
    np.testing.assert_allclose(torch_batch_var * (n - 1) / n, keras_batch_var, rtol=1e-4, atol=1e-4)


def test_backward_agrees():
    x, gamma, beta = numpy_inputs(seed=4)
    upstream = np.random.default_rng(5).normal(size=x.shape).astype(np.float32)
    a, b = twin_layers(gamma, beta)
    xt = torch.from_numpy(x).requires_grad_()
    (a(xt) * torch.from_numpy(upstream)).sum().backward()
    grads_torch = [xt.grad.numpy(), a.weight.grad.numpy(), a.bias.grad.numpy()]

    xf = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(xf)
        loss = tf.reduce_sum(b(xf, training=True) * upstream)
    grads_tf = [g.numpy() for g in tape.gradient(loss, [xf, b.gamma, b.beta])]

    for gt, gf in zip(grads_torch, grads_tf):
        np.testing.assert_allclose(gt, gf, **TOL)

    std = np.sqrt(x.astype(np.float64).var(0) + EPS)
    x_hat = (x - x.mean(0)) / std
    g = upstream * gamma
    grad_x = (g - g.mean(0) - x_hat * (g * x_hat).mean(0)) / std
    np.testing.assert_allclose(grads_torch[0], grad_x, **TOL)
    np.testing.assert_allclose(grads_torch[1], (upstream * x_hat).sum(0), **TOL)
    np.testing.assert_allclose(grads_torch[2], upstream.sum(0), **TOL)


def test_per_channel_normalization_of_images_agrees():
    rng = np.random.default_rng(6)
    images = (rng.normal(size=(4, 3, 5, 5)) * [[[2.0]], [[1.0]], [[0.5]]] + 1.0).astype(np.float32)
    a = nn.BatchNorm2d(3, eps=EPS)
    b = keras.layers.BatchNormalization(axis=-1, epsilon=EPS)
    with torch.no_grad():
        out_torch = a(torch.from_numpy(images)).numpy()
    out_tf = b(tf.constant(images.transpose(0, 2, 3, 1)), training=True).numpy()
    np.testing.assert_allclose(out_torch, out_tf.transpose(0, 3, 1, 2), **TOL)
    np.testing.assert_allclose(out_torch.mean(axis=(0, 2, 3)), 0, atol=1e-5)
