"""Chapter 03: clipping gives the same numbers in PyTorch and TensorFlow from the same NumPy inputs."""

import keras
import numpy as np
import pytest
import tensorflow as tf
import torch
from torch import nn

RTOL, ATOL = 1e-5, 1e-6


def gradients(seed, scales=(8.0, 1.0, 10.0)):
    rng = np.random.default_rng(seed)
    shapes = [(3, 2), (2,), (2, 1)]
    return [rng.normal(scale=s, size=shape).astype(np.float32) for s, shape in zip(scales, shapes)]


def torch_params(grads):
    """Zero parameters whose ``.grad`` holds the given arrays, as after ``backward()``."""
    params = [torch.zeros(g.shape, requires_grad=True) for g in grads]
    for p, g in zip(params, grads):
        p.grad = torch.tensor(g)
    return params


def assert_all_close(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        np.testing.assert_allclose(x, y, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_clip_by_value(seed):
    x = np.random.default_rng(seed).normal(scale=3.0, size=(4, 5)).astype(np.float32)
    a = torch.clamp(torch.tensor(x), -1.5, 2.0).numpy()
    b = tf.clip_by_value(tf.constant(x), -1.5, 2.0).numpy()
    np.testing.assert_array_equal(a, b)
    assert a.min() == -1.5 and a.max() == 2.0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_clip_by_value(seed):
    grads = gradients(seed)
    params = torch_params(grads)
    nn.utils.clip_grad_value_(params, 1.0)
    expected = [np.clip(g, -1.0, 1.0) for g in grads]
    assert_all_close([p.grad.numpy() for p in params], [tf.clip_by_value(g, -1.0, 1.0) for g in grads])
    assert_all_close([p.grad.numpy() for p in params], expected)


@pytest.mark.parametrize("max_norm", [0.5, 15.0, 1e3])
def test_clip_by_norm(max_norm):
    x = np.random.default_rng(3).normal(loc=10.0, size=(2, 2)).astype(np.float32)
    t = torch.tensor(x)
    a = t * (max_norm / torch.clamp_min(torch.linalg.vector_norm(t), max_norm))
    b = tf.clip_by_norm(tf.constant(x), max_norm)
    np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=RTOL)
    expected_norm = min(max_norm, float(np.linalg.norm(x.astype(np.float64))))
    assert np.linalg.norm(b.numpy()) == pytest.approx(expected_norm, rel=1e-6)


@pytest.mark.parametrize("max_norm", [0.5, 15.0, 1e3])
@pytest.mark.parametrize("seed", [0, 1])
def test_clip_by_global_norm(seed, max_norm):
    grads = gradients(seed)
    params = torch_params(grads)
    norm_a = nn.utils.clip_grad_norm_(params, max_norm).item()
    clipped, norm_b = tf.clip_by_global_norm([tf.constant(g) for g in grads], max_norm)
    assert norm_a == pytest.approx(float(norm_b), rel=RTOL)
    assert_all_close([p.grad.numpy() for p in params], [c.numpy() for c in clipped])
    factors = [np.linalg.norm(c.numpy()) / np.linalg.norm(g) for c, g in zip(clipped, grads)]
    assert max(factors) - min(factors) < 1e-6
    assert np.sqrt(sum(np.sum(c.numpy() ** 2) for c in clipped)) <= max_norm * (1 + 1e-6)


def test_per_tensor_norm_clipping_matches_keras_clipnorm():
    grads = gradients(4)
    params = torch_params(grads)
    for p in params:
        nn.utils.clip_grad_norm_([p], 5.0)
    clipped = [tf.clip_by_norm(tf.constant(g), 5.0) for g in grads]
    assert_all_close([p.grad.numpy() for p in params], [c.numpy() for c in clipped])


def torch_step(grads, weights, clip, lr):
    params = [torch.tensor(w, requires_grad=True) for w in weights]
    for p, g in zip(params, grads):
        p.grad = torch.tensor(g)
    opt = torch.optim.SGD(params, lr=lr)
    if clip == "value":
        nn.utils.clip_grad_value_(params, 1.0)
    elif clip == "norm":
        for p in params:
            nn.utils.clip_grad_norm_([p], 5.0)
    elif clip == "global":
        nn.utils.clip_grad_norm_(params, 5.0)
    opt.step()
    return [p.detach().numpy() for p in params]


def keras_step(grads, weights, clip, lr):
    variables = [tf.Variable(w) for w in weights]
    kwargs = {"value": {"clipvalue": 1.0}, "norm": {"clipnorm": 5.0}, "global": {"global_clipnorm": 5.0}}
    opt = keras.optimizers.SGD(learning_rate=lr, **kwargs.get(clip, {}))
    opt.apply_gradients(zip([tf.constant(g) for g in grads], variables))
    return [v.numpy() for v in variables]


@pytest.mark.parametrize("clip", ["none", "value", "norm", "global"])
def test_clipped_sgd_step(clip):
    grads = gradients(5)
    weights = [w.astype(np.float32) for w in gradients(6, scales=(1.0, 1.0, 1.0))]
    after_torch = torch_step(grads, weights, clip, lr=0.1)
    after_keras = keras_step(grads, weights, clip, lr=0.1)
    assert_all_close(after_torch, after_keras)
    moved = np.sqrt(sum(np.sum((a - w) ** 2) for a, w in zip(after_torch, weights)))
    unclipped = 0.1 * np.sqrt(sum(np.sum(g**2) for g in grads))
    if clip == "none":
        assert moved == pytest.approx(unclipped, rel=1e-5)
    else:
        assert moved < unclipped
    if clip == "global":
        assert moved == pytest.approx(0.1 * 5.0, rel=1e-5)


def test_clipped_sgd_step_with_tf_clip_by_global_norm():
    grads = gradients(7)
    weights = [np.zeros_like(g) for g in grads]
    variables = [tf.Variable(w) for w in weights]
    clipped, _ = tf.clip_by_global_norm([tf.constant(g) for g in grads], 5.0)
    keras.optimizers.SGD(learning_rate=0.1).apply_gradients(zip(clipped, variables))
    assert_all_close(torch_step(grads, weights, "global", lr=0.1), [v.numpy() for v in variables])


def test_non_finite_gradients_are_handled_differently():
    """A documented difference: TensorFlow turns everything into NaN, PyTorch zeroes finite entries."""
    grads = [np.array([1.0, 2.0], np.float32), np.array([np.inf, 3.0], np.float32)]
    params = torch_params(grads)
    nn.utils.clip_grad_norm_(params, 15.0)
    assert params[0].grad.tolist() == [0.0, 0.0]
    assert np.isnan(params[1].grad[0].item()) and params[1].grad[1].item() == 0.0
    clipped, norm = tf.clip_by_global_norm([tf.constant(g) for g in grads], 15.0)
    assert np.isinf(float(norm))
    assert all(np.isnan(c.numpy()).all() for c in clipped)
