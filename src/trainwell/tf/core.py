"""TensorFlow helpers for MLPs, training and gradient statistics."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow import keras  # noqa: E402

from trainwell._common import (  # noqa: E402
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
from trainwell.training import batches, progress  # noqa: E402

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


def _match_omp_threads() -> None:
    """TensorFlow's thread pools follow ``OMP_NUM_THREADS`` when it is set, as PyTorch's do: with
    one thread a worker, tiny ops do not wait on each other's threads (the results are the same)."""
    threads = os.environ.get("OMP_NUM_THREADS", "")
    if threads.isdigit() and int(threads) > 0:
        try:
            tf.config.threading.set_intra_op_parallelism_threads(int(threads))
            tf.config.threading.set_inter_op_parallelism_threads(int(threads))
        except RuntimeError:  # TensorFlow already ran an op: its pools are fixed
            pass


_match_omp_threads()

BN_MOMENTUM = 0.9  # PyTorch's momentum=0.1 in Keras' convention (weight of the old average)
BN_EPSILON = 1e-5  # PyTorch's default


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and TensorFlow, and ask TensorFlow for deterministic kernels."""
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def device() -> str:
    """The GPU when there is one (a Colab GPU runtime), else the CPU."""
    return "/GPU:0" if tf.config.list_physical_devices("GPU") else "/CPU:0"


def _activation(name: str) -> keras.layers.Layer:
    if name == "leaky_relu":
        return keras.layers.LeakyReLU(negative_slope=LEAKY_SLOPE)
    return keras.layers.Activation(name)


def mlp(widths, activation="relu", init="default", init_std=0.01, batch_norm=False) -> keras.Sequential:
    """A multilayer perceptron ``widths[0] -> ... -> widths[-1]`` with a linear output layer.

    ``init``: ``"default"`` (the framework's own), ``"xavier"`` (Gaussian, var 2/(fan_in+fan_out)),
    ``"he"`` (Gaussian, var 2/fan_in) or ``"normal"`` (Gaussian with std ``init_std``);
    the last three zero the biases. ``batch_norm`` inserts BatchNormalization before each
    activation, with PyTorch's momentum and epsilon.
    """
    widths = check_widths(widths)
    check_choice("activation", activation, ACTIVATIONS)
    check_choice("init", init, INITS)
    layers: list[keras.layers.Layer] = [keras.Input(shape=(widths[0],))]
    pairs = list(zip(widths[:-1], widths[1:]))
    for i, (fan_in, fan_out) in enumerate(pairs):
        std = gaussian_std(init, fan_in, fan_out, init_std)
        if std is None:
            layers.append(keras.layers.Dense(fan_out))
        else:
            layers.append(
                keras.layers.Dense(
                    fan_out,
                    kernel_initializer=keras.initializers.RandomNormal(stddev=std),
                    bias_initializer="zeros",
                )
            )
        if i < len(pairs) - 1:
            if batch_norm:
                layers.append(
                    keras.layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=BN_EPSILON)
                )
            layers.append(_activation(activation))
    return keras.Sequential(layers)


def dense_layers(model: keras.Model) -> list[keras.layers.Dense]:
    """The model's fully connected layers, input side first."""
    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


def get_weights(model: keras.Model) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(W, b)`` of each dense layer as NumPy arrays, ``W`` of shape ``(fan_in, fan_out)``."""
    return [(layer.kernel.numpy().copy(), layer.bias.numpy().copy()) for layer in dense_layers(model)]


def set_weights(model: keras.Model, weights) -> None:
    """Load ``(W, b)`` pairs as returned by :func:`get_weights` (``W`` is ``(fan_in, fan_out)``)."""
    layers = dense_layers(model)
    if len(weights) != len(layers):
        raise ValueError(f"model has {len(layers)} dense layers, got {len(weights)} weight pairs")
    for layer, (w, b) in zip(layers, weights):
        w = np.asarray(w, dtype=np.float32)
        if w.shape != tuple(layer.kernel.shape):
            raise ValueError(f"weight of shape {w.shape} does not fit {layer.name}")
        layer.kernel.assign(w)
        layer.bias.assign(np.asarray(b, dtype=np.float32))


def _loss_fn(loss: str):
    check_choice("loss", loss, LOSSES)
    if loss == "cross_entropy":
        return lambda out, y: tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=out)
        )
    return lambda out, y: tf.reduce_mean(tf.square(out - y))


def _targets(y, loss: str) -> tf.Tensor:
    return tf.constant(np.asarray(y), dtype=tf.int64 if loss == "cross_entropy" else tf.float32)


def layer_grad_norms(model: keras.Model, x, y, loss="cross_entropy") -> np.ndarray:
    """Frobenius norm of ∂L/∂W for each dense layer (input side first), on one batch."""
    loss_fn = _loss_fn(loss)
    kernels = [layer.kernel for layer in dense_layers(model)]
    with tf.GradientTape() as tape:
        value = loss_fn(model(tf.constant(x, tf.float32), training=True), _targets(y, loss))
    grads = tape.gradient(value, kernels)
    return np.array([float(tf.norm(g)) for g in grads])


def layer_output_grad_norms(model: keras.Model, x, y, loss="cross_entropy") -> np.ndarray:
    """Frobenius norm of ∂L/∂z for the output z of each dense layer (input side first), on one
    batch: the backward signal δ that ∂L/∂W = h_prevᵀ δ multiplies by the layer's input."""
    loss_fn = _loss_fn(loss)
    outputs = []
    with tf.GradientTape() as tape:
        h = tf.constant(x, tf.float32)
        for layer in model.layers:
            h = layer(h, training=True)
            if isinstance(layer, keras.layers.Dense):
                outputs.append(h)
        value = loss_fn(h, _targets(y, loss))
    grads = tape.gradient(value, outputs)
    return np.array([float(tf.norm(g)) for g in grads])


def activation_stats(model: keras.Model, x) -> dict[str, np.ndarray]:
    """Mean and standard deviation of each hidden layer's output (after its activation).

    Batch normalization, if any, uses the statistics of ``x`` (training mode).
    """
    means, stds = [], []
    h = tf.constant(x, tf.float32)
    for i, layer in enumerate(model.layers):
        h = layer(h, training=True)
        is_activation = not isinstance(layer, (keras.layers.Dense, keras.layers.BatchNormalization))
        if is_activation and i < len(model.layers) - 1:
            means.append(float(tf.reduce_mean(h)))
            stds.append(float(tf.math.reduce_std(h)))
    return {"mean": np.array(means), "std": np.array(stds)}


def _metrics(model: keras.Model, x: tf.Tensor, target: tf.Tensor, loss: str):
    out = model(x, training=False)
    value = _loss_fn(loss)(out, target)
    if loss != "cross_entropy":
        return value, tf.constant(float("nan"))
    return value, tf.reduce_mean(tf.cast(tf.argmax(out, axis=1) == target, tf.float32))


def evaluate(model: keras.Model, x, y, loss="cross_entropy") -> tuple[float, float]:
    """``(loss, accuracy)`` on the whole set in evaluation mode (accuracy is NaN for ``mse``)."""
    value, acc = _metrics(model, tf.constant(x, tf.float32), _targets(y, loss), loss)
    return float(value), float(acc)


def fit(
    model: keras.Model,
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
    x_all, y_all = tf.constant(x, tf.float32), _targets(y, loss)
    if optimizer == "sgd":
        opt = keras.optimizers.SGD(learning_rate=lr, momentum=momentum)
    else:
        opt = keras.optimizers.Adam(learning_rate=lr, epsilon=1e-8)
    variables = model.trainable_variables
    opt.build(variables)  # here, not in the first trace: that would make tf.function trace twice
    is_matrix = [len(v.shape) == 2 for v in variables]

    @tf.function
    def train_step(idx):
        with tf.GradientTape() as tape:
            value = loss_fn(model(tf.gather(x_all, idx), training=True), tf.gather(y_all, idx))
        grads = tape.gradient(value, variables)
        norms = tf.stack([tf.norm(g) for g, m in zip(grads, is_matrix) if m]) if grad_norms else ()
        if clip_norm is not None:
            grads, _ = tf.clip_by_global_norm(grads, clip_norm)
        opt.apply_gradients(zip(grads, variables))
        return value, norms

    validate = None
    if x_val is None:
        eval_every = None
    else:
        x_val, y_val = tf.constant(x_val, tf.float32), _targets(y_val, loss)
        compiled_metrics = tf.function(lambda: _metrics(model, x_val, y_val, loss))

        def validate():  # compiled once: fit evaluates many times
            return tuple(float(m) for m in compiled_metrics())

    history = new_history()
    with progress(steps, desc, progress_bar) as bar:
        for step, idx in enumerate(batches(int(x_all.shape[0]), batch_size, steps, seed), start=1):
            value, norms = train_step(tf.constant(idx))
            if grad_norms:
                history["grad_norms"].append(norms.numpy())
            record_step(history, bar, step, steps, float(value), eval_every, validate)
    return history
