"""The claims of the concept pages' NumPy demonstrations, in the stored pages and for three other seeds."""

from notebooks import concept_claim_tests

NOISE_VARIANCE = 0.1**2


def _non_increasing(values, rtol=1e-9):
    return all(b <= a * (1 + rtol) for a, b in zip(values, values[1:]))


CLAIMS = {
    "01-generalization": {
        "the training error falls with every degree added": (
            ["ch01_demo_train_mse"], _non_increasing,
        ),
        "the test error is lowest at a middle degree, of the order of the noise variance (< 10x)": (
            ["ch01_demo_best_degree", "ch01_demo_best_test_mse"],
            lambda d, mse: 3 <= d <= 6 and mse < 10 * NOISE_VARIANCE,
        ),
        "the line underfits and the highest degree overfits (both test errors > 10x the best)": (
            ["ch01_demo_test_mse_linear", "ch01_demo_test_mse_high", "ch01_demo_best_test_mse",
             "ch01_demo_train_mse_high"],
            lambda linear, high, best, train_high: linear > 10 * best and high > 10 * best
            and train_high < NOISE_VARIANCE,
        ),
        "inverted dropout keeps about 1 - p of the units and the mean (within 2 %)": (
            ["ch01_demo_dropout_kept", "ch01_demo_dropout_p", "ch01_demo_dropout_mean_ratio"],
            lambda kept, p, ratio: abs(kept - (1 - p)) < 0.02 and abs(ratio - 1) < 0.02,
        ),
        "evaluation mode changes nothing": (
            ["ch01_demo_dropout_eval_change"], lambda change: change == 0,
        ),
    },
    "02-vanishing-exploding": {
        "sigmoid' peaks at 1/4, tanh' at 1": (
            ["ch02_demo_sigmoid_grad_max", "ch02_demo_tanh_grad_max"],
            lambda s, t: abs(s - 0.25) < 1e-6 and abs(t - 1) < 1e-6,
        ),
        "the sigmoid saturates: its derivative at x = 4.5 is < 1/10 of the peak": (
            ["ch02_demo_sigmoid_grad_at_4_5"], lambda v: v < 0.025,
        ),
        "30 ReLU layers, Xavier: the signal vanishes (RMS ratio < 1e-3), about halving the second moment per layer": (
            ["ch02_demo_rms_ratio_xavier", "ch02_demo_moment_factor_xavier"],
            lambda ratio, factor: ratio < 1e-3 and 0.4 <= factor <= 0.6,
        ),
        "30 ReLU layers, He: the signal keeps its size (RMS ratio within [0.3, 3])": (
            ["ch02_demo_rms_ratio_he"], lambda v: 0.3 <= v <= 3,
        ),
    },
    "03-gradient-clipping": {
        "clipping (4, 1) by value turns it (by > 20 degrees), by norm not at all": (
            ["ch03_demo_turn_value_4_1", "ch03_demo_turn_norm_4_1"],
            lambda value, norm: value > 20 and norm < 1e-6,
        ),
        "clipping by value changes directions (mean > 1 degree, max > 30 degrees)": (
            ["ch03_demo_turn_value_mean", "ch03_demo_turn_value_max"],
            lambda mean, largest: mean > 1 and largest > 30,
        ),
        "clipping by norm keeps every direction (< 1e-9 degrees) and bounds the norm by c": (
            ["ch03_demo_turn_norm_max", "ch03_demo_norm_after_max"],
            lambda turn, norm: turn < 1e-9 and norm <= 1 + 1e-12,
        ),
    },
    "04-batch-norm": {
        "a normalized batch has mean 0 and variance var / (var + eps)": (
            ["ch04_demo_out_mean", "ch04_demo_out_var_error"],
            lambda mean, var_error: mean < 1e-9 and var_error < 1e-9,
        ),
        "the running averages come close to the population's (mean within 0.2 std, var within 25 %)": (
            ["ch04_demo_running_mean_error", "ch04_demo_running_var_ratio"],
            lambda mean_error, var_ratio: mean_error < 0.2 and abs(var_ratio - 1) < 0.25,
        ),
        "training mode: an example's output depends on its batch; evaluation mode: it does not": (
            ["ch04_demo_train_mode_change", "ch04_demo_eval_mode_change"],
            lambda train, evaluation: train > 1e-2 and evaluation == 0,
        ),
    },
    "05-resnet": {
        "the 2^L paths add up to the residual stack's Jacobian": (
            ["ch05_demo_sum_error", "ch05_demo_paths", "ch05_demo_blocks"],
            lambda error, paths, blocks: error < 1e-10 and paths == 2**blocks,
        ),
        "the residual Jacobian keeps its size (norm >= 0.5), the plain one vanishes (< 1e-2)": (
            ["ch05_demo_residual_norm", "ch05_demo_plain_norm"],
            lambda residual, plain: residual >= 0.5 and plain < 1e-2,
        ),
        "zero branches: the Jacobian is exactly the identity": (
            ["ch05_demo_zero_branch_error"], lambda error: error == 0,
        ),
    },
    "06-rnn-lstm-gru": {
        "the tanh RNN's long-range term vanishes (49 steps back < 1e-3 of one step back)": (
            ["ch06_demo_rnn_far", "ch06_demo_rnn_near", "ch06_demo_steps"],
            lambda far, near, steps: steps == 49 and far < 1e-3 * near,
        ),
        "the LSTM cell path vanishes with b_f = 0 (< 1e-8) and survives with b_f = 3 (> 1e-2)": (
            ["ch06_demo_cell_path_bf0", "ch06_demo_cell_path_bf3"],
            lambda bf0, bf3: bf0 < 1e-8 and bf3 > 1e-2,
        ),
        "the larger the forget-gate bias, the more of the gradient the cell path carries": (
            ["ch06_demo_cell_path_bf0", "ch06_demo_cell_path_bf1", "ch06_demo_cell_path_bf3"],
            lambda bf0, bf1, bf3: bf0 < bf1 < bf3,
        ),
        "the figure: the cell path with b_f = 0 ends below the tanh RNN (relative to one step back)": (
            ["ch06_demo_cell_path_bf0", "ch06_demo_rnn_far", "ch06_demo_rnn_near"],
            lambda bf0, far, near: bf0 < far / near,
        ),
    },
}

test_stored_claims, test_claims_hold_for_other_seeds = concept_claim_tests(CLAIMS)
