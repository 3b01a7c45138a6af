"""Chapter 04's headline claims, in the stored notebooks and for three other seeds."""

from notebooks import chapter_notebooks, claim_tests

NOTEBOOKS = chapter_notebooks("04-batch-norm")

CLAIMS = {
    "from-scratch BN output: per-feature mean within 1e-6 of 0": (
        ["ch04_bn_mean"],
        lambda v: abs(v) < 1e-6,
    ),
    "from-scratch BN output: per-feature std within 1e-3 of 1": (
        ["ch04_bn_std"],
        lambda v: abs(v - 1) < 1e-3,
    ),
    "from-scratch BN matches the framework layer (training and evaluation mode) to 1e-5": (
        ["ch04_scratch_vs_builtin"],
        lambda v: 0 <= v < 1e-5,
    ),
    "small-Gaussian sigmoid MLP: with BN accuracy >= 0.90 and >= 0.2 above the plain net": (
        ["ch04_acc_bn", "ch04_acc_plain"],
        lambda bn, plain: bn >= 0.90 and bn - plain >= 0.2,
    ),
    "small learning rate: both ReLU nets train (test accuracy >= 0.9)": (
        ["ch04_lr_small_plain", "ch04_lr_small_bn"],
        lambda plain, bn: plain >= 0.9 and bn >= 0.9,
    ),
    "large learning rate: the plain net ends at chance (< 0.2), the BN net trains (>= 0.9)": (
        ["ch04_lr_large_plain", "ch04_lr_large_bn", "ch04_lr_large", "ch04_lr_small"],
        lambda plain, bn, large, small: plain < 0.2 and bn >= 0.9 and large >= 10 * small,
    ),
    "sigmoid input's median drifts at least 2x more without BN than with it": (
        ["ch04_input_drift_plain", "ch04_input_drift_bn"],
        lambda plain, bn: bn >= 0 and plain >= 2 * bn,
    ),
    "from Xavier initialization both train (accuracy >= 0.9 without and with BN)": (
        ["ch04_acc_xavier_plain", "ch04_acc_xavier_bn"],
        lambda plain, bn: plain >= 0.9 and bn >= 0.9,
    ),
}


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, CLAIMS)
)
