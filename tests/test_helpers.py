"""Unit tests of trainwell.torch and trainwell.tf, run against both."""

import importlib
import inspect
import os
import platform
import subprocess
import sys

import numpy as np
import pytest

from trainwell import data

FRAMEWORKS = ["trainwell.torch", "trainwell.tf"]


@pytest.fixture(params=FRAMEWORKS, ids=["torch", "tf"])
def tw(request):
    module = importlib.import_module(request.param)
    module.set_seed(0)
    return module


def test_both_sides_expose_the_same_names_and_signatures():
    torch_side = importlib.import_module("trainwell.torch")
    tf_side = importlib.import_module("trainwell.tf")
    assert sorted(torch_side.__all__) == sorted(tf_side.__all__)
    for name in torch_side.__all__:
        a = inspect.signature(getattr(torch_side, name))
        b = inspect.signature(getattr(tf_side, name))
        assert list(a.parameters) == list(b.parameters), name
        assert [p.default for p in a.parameters.values()] == [
            p.default for p in b.parameters.values()
        ], name


def test_mlp_layers_and_output_shape(tw):
    model = tw.mlp([8, 16, 16, 3], "tanh", "xavier")
    weights = tw.get_weights(model)
    assert [w.shape for w, _ in weights] == [(8, 16), (16, 16), (16, 3)]
    assert all(np.all(b == 0) for _, b in weights)
    x = np.zeros((5, 8), np.float32)
    assert len(tw.layer_grad_norms(model, x, np.zeros(5, np.int64))) == 3


@pytest.mark.parametrize(
    "init, expected",
    [("he", np.sqrt(2 / 400)), ("xavier", np.sqrt(2 / 800)), ("normal", 0.05)],
)
def test_initializations_have_the_stated_scale(tw, init, expected):
    model = tw.mlp([400, 400, 2], "relu", init, init_std=0.05)
    w, _ = tw.get_weights(model)[0]
    assert w.std() == pytest.approx(expected, rel=0.03)


def test_unknown_choices_are_named_in_the_error(tw):
    with pytest.raises(ValueError, match="unknown activation 'swish'; choose one of sigmoid"):
        tw.mlp([2, 2], "swish")
    with pytest.raises(ValueError, match="unknown init 'zeros'"):
        tw.mlp([2, 2], "relu", "zeros")
    with pytest.raises(ValueError, match="widths must list at least"):
        tw.mlp([4])
    model = tw.mlp([2, 2])
    with pytest.raises(ValueError, match="unknown optimizer 'rmsprop'"):
        tw.fit(model, np.zeros((4, 2)), np.zeros(4), optimizer="rmsprop", progress_bar=False)


def test_set_weights_checks_shapes(tw):
    model = tw.mlp([3, 4, 2])
    with pytest.raises(ValueError, match="2 dense layers, got 1"):
        tw.set_weights(model, [(np.zeros((3, 4)), np.zeros(4))])
    with pytest.raises(ValueError, match="does not fit"):
        tw.set_weights(model, [(np.zeros((4, 3)), np.zeros(3)), (np.zeros((4, 2)), np.zeros(2))])


def test_fit_learns_digits_and_records_history(tw):
    x_train, y_train, x_test, y_test = data.digits(seed=0)
    model = tw.mlp([64, 64, 10], "relu", "he")
    history = tw.fit(
        model, x_train, y_train, optimizer="adam", lr=1e-2, steps=150, batch_size=64,
        x_val=x_test, y_val=y_test, eval_every=50, progress_bar=False,
    )
    assert history["step"] == list(range(1, 151))
    assert history["val_step"] == [50, 100, 150]
    assert np.mean(history["loss"][-10:]) < 0.3 * np.mean(history["loss"][:10])
    assert history["val_acc"][-1] > 0.9
    loss, acc = tw.evaluate(model, x_test, y_test)
    assert acc == pytest.approx(history["val_acc"][-1]) and loss > 0
    assert loss == pytest.approx(history["val_loss"][-1], rel=1e-6)  # fit validates as evaluate does


def test_tensorflow_thread_pools_follow_omp_num_threads():
    code = ("import trainwell.tf, tensorflow as tf; t = tf.config.threading; "
            "print(t.get_intra_op_parallelism_threads(), t.get_inter_op_parallelism_threads())")
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "OMP_NUM_THREADS": "3"},
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["3", "3"]


def test_fit_mse_and_clipping_bound_the_step(tw):
    x = np.ones((8, 4), np.float32)
    y = np.full((8, 1), 100.0, np.float32)
    model = tw.mlp([4, 1], "linear", "normal", init_std=0.0)
    tw.fit(model, x, y, loss="mse", lr=1.0, steps=1, batch_size=8, clip_norm=1.0, progress_bar=False)
    w, b = tw.get_weights(model)[0]
    step = np.sqrt((w**2).sum() + (b**2).sum())
    assert step == pytest.approx(1.0, rel=1e-5)  # lr * clipped global norm


def test_activation_stats_one_entry_per_hidden_layer(tw):
    model = tw.mlp([10, 20, 20, 20, 5], "relu", "he", batch_norm=True)
    stats = tw.activation_stats(model, np.random.default_rng(0).normal(size=(256, 10)))
    assert stats["std"].shape == (3,) and stats["mean"].shape == (3,)
    assert np.all(stats["mean"] > 0)  # ReLU outputs are non-negative


def test_device_is_cpu_or_gpu(tw):
    assert "cpu" in str(tw.device()).lower() or "gpu" in str(tw.device()).lower() or "cuda" in str(
        tw.device()
    )


def test_progress_bar_reports_steps(tw, capsys):
    model = tw.mlp([2, 2])
    tw.fit(model, np.zeros((4, 2)), np.zeros(4, np.int64), steps=3, batch_size=2, desc="demo")
    err = capsys.readouterr().err
    assert "demo" in err and "3/3" in err


@pytest.mark.skipif(platform.machine() != "x86_64", reason="the kernel pins are for x86-64 CPUs")
def test_the_suite_runs_on_the_pinned_cpu_kernels():
    code = ("import torch, numpy, threadpoolctl; "
            "print(torch.backends.cpu.get_cpu_capability()); "
            "print(*{i.get('architecture') for i in threadpoolctl.threadpool_info() "
            "if i['internal_api'] == 'openblas'})")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["AVX2", "Haswell"], (
        f"CPU kernels {result.stdout.split()}: run the tests with `make test`, which pins the "
        "CPU kernels that the stored outputs were made with")
