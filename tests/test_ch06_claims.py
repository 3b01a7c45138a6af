"""Chapter 06's headline claims, in the stored notebooks and for three other seeds."""

import pytest
from notebooks import chapter_notebooks, check_claims, run_with_seed, stored_claims

NOTEBOOKS = chapter_notebooks("06-rnn-lstm-gru")

CLAIMS = {
    "tanh RNN, T = 50: first-input gradient < 1e-6 of the last": (
        ["ch06_grad_ratio_rnn"],
        lambda v: v < 1e-6,
    ),
    "LSTM with forget-gate bias 0 vanishes too (< 1e-6)": (
        ["ch06_grad_ratio_lstm_fb0"],
        lambda v: v < 1e-6,
    ),
    "LSTM with forget-gate bias 3 keeps the path open (> 1e-2)": (
        ["ch06_grad_ratio_lstm_fb3"],
        lambda v: v > 1e-2,
    ),
    "adding problem with T >= 30: LSTM solves >= 90 % of test sequences": (
        ["ch06_adding_lstm", "ch06_adding_T"],
        lambda acc, length: acc >= 0.9 and length >= 30,
    ),
    "adding problem with T >= 30: GRU solves >= 90 % of test sequences": (
        ["ch06_adding_gru", "ch06_adding_T"],
        lambda acc, length: acc >= 0.9 and length >= 30,
    ),
    "adding problem with T >= 30: tanh RNN solves <= 30 % of test sequences": (
        ["ch06_adding_rnn", "ch06_adding_T"],
        lambda acc, length: acc <= 0.3 and length >= 30,
    ),
}

# The frameworks' default LSTM forget-gate bias differs, and each notebook shows its own.
DEFAULT_FORGET_BIAS = {
    "pytorch.ipynb": ("PyTorch draws it around 0", lambda v: abs(v) < 0.15),
    "tensorflow.ipynb": ("Keras sets it to 1", lambda v: v == 1.0),
}


def claims_for(path):
    description, predicate = DEFAULT_FORGET_BIAS[path.name]
    return {**CLAIMS, f"default forget-gate bias: {description}": (["ch06_default_forget_bias"], predicate)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_claims(path):
    check_claims(stored_claims(path), claims_for(path), str(path))


def test_both_notebooks_glue_the_same_keys():
    torch_keys, tf_keys = (set(stored_claims(p)) for p in NOTEBOOKS)
    assert torch_keys == tf_keys


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_claims_hold_for_other_seeds(path, seed):
    check_claims(run_with_seed(path, seed), claims_for(path), f"{path} with SEED = {seed}")
