"""Chapter 06's headline claims, in the stored notebooks and for three other seeds."""

from notebooks import chapter_notebooks, claim_tests

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


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, claims_for)
)
