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
    "adding problem with T >= 50: LSTM solves more than half of the test sequences": (
        ["ch06_adding_lstm", "ch06_adding_T"],
        lambda acc, length: acc > 0.5 and length >= 50,
    ),
    "adding problem with T >= 50: GRU solves >= 90 % of test sequences": (
        ["ch06_adding_gru", "ch06_adding_T"],
        lambda acc, length: acc >= 0.9 and length >= 50,
    ),
    "adding problem with T >= 50: tanh RNN solves <= 30 % of test sequences": (
        ["ch06_adding_rnn", "ch06_adding_T"],
        lambda acc, length: acc <= 0.3 and length >= 50,
    ),
    "LSTM with forget-gate bias 1 lies between bias 0 and bias 3 (bias 1 slows the decay)": (
        ["ch06_grad_ratio_lstm_fb0", "ch06_grad_ratio_lstm_fb1", "ch06_grad_ratio_lstm_fb3"],
        lambda fb0, fb1, fb3: fb0 < fb1 < fb3,
    ),
    "the later-only predictor halves the constant's test MSE (0.4-0.6 of it)": (
        ["ch06_adding_mse_nearer", "ch06_adding_mse_const"],
        lambda nearer, const: 0.4 < nearer / const < 0.6,
    ),
    "LSTM and GRU: test MSE far below both baselines (< 0.1 of the later-only level)": (
        ["ch06_adding_mse_lstm", "ch06_adding_mse_gru", "ch06_adding_mse_nearer"],
        lambda lstm, gru, nearer: lstm < 0.1 * nearer and gru < 0.1 * nearer,
    ),
    "tanh RNN: test MSE nowhere near zero (> 0.5 of the later-only level)": (
        ["ch06_adding_mse_rnn", "ch06_adding_mse_nearer"],
        lambda rnn, nearer: rnn > 0.5 * nearer,
    ),
    "tanh RNN: test MSE far above the gated cells' (> 10 times the LSTM's and the GRU's)": (
        ["ch06_adding_mse_rnn", "ch06_adding_mse_lstm", "ch06_adding_mse_gru"],
        lambda rnn, lstm, gru: rnn > 10 * max(lstm, gru),
    ),
    "tagging y_t = x_(t-1) x_(t+1): the three taggers have the same size (within 10 %)": (
        ["ch06_tag_params_uni2", "ch06_tag_params_bi1", "ch06_tag_params_bi2"],
        lambda *sizes: max(sizes) <= 1.1 * min(sizes),
    ),
    "tagging: the unidirectional tagger learns nothing (>= 0.9 of predicting 0)": (
        ["ch06_tag_mse_uni2", "ch06_tag_var"],
        lambda uni, var: uni >= 0.9 * var,
    ),
    "tagging: bidirectional beats unidirectional of the same size (< 0.1 of its test MSE)": (
        ["ch06_tag_mse_bi2", "ch06_tag_mse_uni2"],
        lambda bi, uni: bi < 0.1 * uni,
    ),
    "tagging: one bidirectional layer is no better than predicting 0 (>= 0.9 of it)": (
        ["ch06_tag_mse_bi1", "ch06_tag_var"],
        lambda bi1, var: bi1 >= 0.9 * var,
    ),
    "tagging: depth helps, 2 bidirectional layers < 0.1 of 1 layer's test MSE": (
        ["ch06_tag_mse_bi2", "ch06_tag_mse_bi1"],
        lambda bi2, bi1: bi2 < 0.1 * bi1,
    ),
    "truncated BPTT: the gradient reaches exactly k of T steps, full BPTT all T": (
        ["ch06_tbptt_reach_trunc", "ch06_tbptt_k", "ch06_tbptt_reach_full", "ch06_tbptt_T"],
        lambda trunc, k, full, length: trunc == k < full == length,
    ),
    "truncated BPTT costs accuracy: with the same updates, its test MSE is above full BPTT's": (
        ["ch06_tbptt_mse_trunc", "ch06_tbptt_mse_full"],
        lambda trunc, full: trunc > full,
    ),
    "tanh RNN, W_h as drawn: the last five of 50 steps carry most (> 0.5) of the influence": (
        ["ch06_bptt_last5_share", "ch06_bptt_ratio_small"],
        lambda share, ratio: share > 0.5 and ratio < 1e-6,
    ),
    "tanh RNN, W_h x 8: the same product explodes (first/last input influence > 1e3)": (
        ["ch06_bptt_ratio_x8"],
        lambda v: v > 1e3,
    ),
}

# Where the frameworks differ, each notebook says what its own numbers show.
OWN_CLAIMS = {
    "pytorch.ipynb": {
        "default forget-gate bias: PyTorch draws it around 0": (
            ["ch06_default_forget_bias"], lambda v: abs(v) < 0.15),
    },
    "tensorflow.ipynb": {
        "default forget-gate bias: Keras sets it to 1": (
            ["ch06_default_forget_bias"], lambda v: v == 1.0),
    },
}


def claims_for(path):
    return {**CLAIMS, **OWN_CLAIMS[path.name]}


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, claims_for)
)
