"""Chapter 06: the LSTM and GRU written from scratch in the notebooks, and the frameworks' own
layers loaded with the same weights, compute the same numbers in PyTorch and TensorFlow."""

import os

import numpy as np
import pytest
from notebooks import chapter_notebooks, notebook_definitions

TORCH_NB, TF_NB = chapter_notebooks("06-rnn-lstm-gru")
DEFINITIONS = ("init_params", "run", "step_grad_norms", "framework_layer")
PREAMBLE = {
    "torch": "import torch\nimport torch.nn.functional as F\nfrom torch import nn\n",
    "tf": "import tensorflow as tf\nfrom tensorflow import keras\n",
}


def notebook_code(path, framework):
    """A namespace holding the notebook's code cells that define DEFINITIONS, run in order."""
    if framework == "tf":
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    prelude = "import numpy as np\nfrom trainwell import data\nSEED = 0\n" + PREAMBLE[framework]
    return notebook_definitions(path, DEFINITIONS, prelude)


@pytest.fixture(scope="module")
def pt():
    return notebook_code(TORCH_NB, "torch")


@pytest.fixture(scope="module")
def tf_():
    return notebook_code(TF_NB, "tf")


def inputs(batch=4, steps=7, seed=3):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(batch, steps, 2)).astype(np.float32)


def random_state(kind, h_units, batch=4, seed=5):
    rng = np.random.default_rng(seed)
    h = rng.normal(scale=0.5, size=(batch, h_units)).astype(np.float32)
    c = rng.normal(scale=0.5, size=(batch, h_units)).astype(np.float32)
    return (h, c) if kind == "lstm" else (h,)


def test_both_notebooks_draw_the_same_weights(pt, tf_):
    for kind in ("rnn", "lstm", "gru"):
        a, b = pt["init_params"](kind, forget_bias=2.0), tf_["init_params"](kind, forget_bias=2.0)
        assert a.keys() == b.keys()
        for name in a:
            np.testing.assert_array_equal(a[name], b[name])
    assert pt["H"] == tf_["H"] and pt["D"] == tf_["D"]


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_one_cell_step_agrees(pt, tf_, kind):
    import tensorflow as tf
    import torch

    params = pt["init_params"](kind, forget_bias=1.0, scale=2.0, seed=11)
    x = inputs()[:, 0]
    state = random_state(kind, pt["H"])
    out_pt = pt["CELL"][kind](
        torch.as_tensor(x), tuple(map(torch.as_tensor, state)), {k: torch.as_tensor(v) for k, v in params.items()}
    )
    out_tf = tf_["CELL"][kind](
        tf.constant(x), tuple(map(tf.constant, state)), {k: tf.constant(v) for k, v in params.items()}
    )
    assert len(out_pt) == len(out_tf) == len(state)
    for a, b in zip(out_pt, out_tf):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-5, atol=1e-6)


def test_lstm_cell_follows_the_equations(pt):
    import torch

    h_units = pt["H"]
    params = pt["init_params"]("lstm", forget_bias=0.5, seed=4)
    x, (h, c) = inputs()[:, 0], random_state("lstm", h_units)
    z = x @ params["W_x"] + h @ params["W_h"] + params["b"]
    i, f, g, o = np.split(z.astype(np.float64), 4, axis=-1)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    c_new = sig(f) * c + sig(i) * np.tanh(g)
    h_new = sig(o) * np.tanh(c_new)
    out = pt["CELL"]["lstm"](torch.as_tensor(x), (torch.as_tensor(h), torch.as_tensor(c)),
                             {k: torch.as_tensor(v) for k, v in params.items()})
    np.testing.assert_allclose(out[0].numpy(), h_new, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(out[1].numpy(), c_new, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_unrolled_sequences_agree(pt, tf_, kind):
    import tensorflow as tf
    import torch

    params = pt["init_params"](kind, forget_bias=1.0, seed=2)
    x = inputs(steps=20)
    a = pt["run"](kind, params, torch.as_tensor(x)).numpy()
    b = tf_["run"](kind, params, tf.constant(x)).numpy()
    assert a.shape == (4, 20, pt["H"])
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("kind", ["lstm", "gru"])
def test_framework_layers_agree_with_each_other_and_the_cells(pt, tf_, kind):
    import torch

    params = pt["init_params"](kind, forget_bias=1.0, seed=7)
    x = inputs(steps=15)
    with torch.no_grad():
        torch_layer = pt["framework_layer"](kind, params)(x).numpy()
        scratch = pt["run"](kind, params, torch.as_tensor(x)).numpy()
    keras_layer = tf_["framework_layer"](kind, params)(x).numpy()
    np.testing.assert_allclose(torch_layer, keras_layer, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(scratch, keras_layer, rtol=1e-5, atol=1e-6)


def test_gru_conventions_matter(pt, tf_):
    """Keras' GRU without the gate reordering, or with reset_after=False, computes something else."""
    from tensorflow import keras

    params = pt["init_params"]("gru", seed=7)
    x = inputs(steps=15)
    reference = tf_["framework_layer"]("gru", params)(x).numpy()
    unordered = keras.layers.GRU(pt["H"], return_sequences=True)
    unordered.build((None, None, 2))
    unordered.set_weights([params["W_x"], params["W_h"], np.stack([params["b"], params["b_h"]])])
    reset_before = keras.layers.GRU(pt["H"], return_sequences=True, reset_after=False)
    reset_before.build((None, None, 2))
    reorder = tf_["reorder_gru"]
    reset_before.set_weights([reorder(params["W_x"]), reorder(params["W_h"]), reorder(params["b"])])
    for other in (unordered(x).numpy(), reset_before(x).numpy()):
        assert np.abs(other - reference).max() > 1e-3


@pytest.mark.parametrize("kind, forget_bias", [("rnn", 0.0), ("lstm", 0.0), ("lstm", 3.0), ("gru", 0.0)])
def test_gradients_through_time_agree(pt, tf_, kind, forget_bias):
    params = pt["init_params"](kind, forget_bias=forget_bias)
    x = pt["x_probe"][:, :20]
    a = pt["step_grad_norms"](kind, params, x)
    b = tf_["step_grad_norms"](kind, params, x)
    assert a.shape == (20,)
    np.testing.assert_allclose(a, b, rtol=1e-5)
