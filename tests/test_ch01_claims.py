"""Chapter 01's headline claims, in the stored notebooks and for three other seeds."""

import pytest
from notebooks import chapter_notebooks, claim_tests, stored_claims

NOTEBOOKS = chapter_notebooks("01-generalization")

CLAIMS = {
    "degree 19 fits the training points better than degree 3": (
        ["ch01_poly_train_deg19", "ch01_poly_train_deg3"],
        lambda deg19, deg3: deg19 < deg3,
    ),
    "degree 19 overfits: test loss > 10 x that of degree 3": (
        ["ch01_poly_test_deg19", "ch01_poly_test_deg3"],
        lambda deg19, deg3: deg19 > 10 * deg3,
    ),
    "degree 1 underfits: training loss > 10 x that of degree 3": (
        ["ch01_poly_train_deg1", "ch01_poly_train_deg3"],
        lambda deg1, deg3: deg1 > 10 * deg3,
    ),
    "all six polynomial losses are finite and non-negative": (
        [f"ch01_poly_{s}_deg{d}" for s in ("train", "test") for d in (1, 3, 19)],
        lambda *losses: all(0 <= v < float("inf") for v in losses),
    ),
    "5-fold cross-validation over degrees 1-12 picks a degree in 2-4": (
        ["ch01_kfold_best_degree"],
        lambda d: isinstance(d, int) and 2 <= d <= 4,
    ),
    "weight decay (lambda = 3) cuts the validation loss below 0.8 x that of lambda = 0": (
        ["ch01_wd_val_ratio"],
        lambda v: 0 < v < 0.8,
    ),
    "weight decay shrinks ||w||^2 at least 4-fold": (["ch01_wd_norm_ratio"], lambda v: v >= 4),
    "learning curve, mean of the draws: training loss below the noise variance for the fewest points": (
        ["ch01_curve_train_first"],
        lambda v: 0 < v < 0.01,
    ),
    "learning curve: the mean training loss rises with n and the mean test loss falls": (
        ["ch01_curve_train_first", "ch01_curve_train_20", "ch01_curve_train_200",
         "ch01_curve_test_first", "ch01_curve_test_20", "ch01_curve_test_200"],
        lambda tr_first, tr_20, tr_200, te_first, te_20, te_200: (
            tr_first < tr_20 < tr_200 and te_first > te_20 > te_200),
    ),
    "learning curve: with 200 points the gap nearly closes at the noise level": (
        ["ch01_curve_train_200", "ch01_curve_test_200"],
        lambda train, test: abs(train / 0.01 - 1) < 0.1 and test < 1.6 * 0.01 and test < 1.6 * train,
    ),
    "learning curve: the mean training loss with the fewest points is near sigma^2 (1 - p/n)": (
        ["ch01_curve_train_first", "ch01_curve_theory_first"],
        lambda measured, theory: abs(measured / theory - 1) < 0.5,
    ),
    "dropout lowers the test loss": (["ch01_dropout_test_ratio"], lambda v: 0 < v < 1),
    "dropout narrows the test-train gap": (["ch01_dropout_gap_ratio"], lambda v: v < 1),
    "covariate shift: weighting by the classifier's density ratio cuts the test MSE below 0.8 x": (
        ["ch01_cov_ratio", "ch01_cov_plain", "ch01_cov_weighted"],
        lambda ratio, plain, weighted: 0 < ratio < 0.8 and weighted < plain,
    ),
    "label shift: the confusion-matrix correction lowers the test cross-entropy below 0.95 x": (
        ["ch01_label_corrected", "ch01_label_plain"],
        lambda corrected, plain: 0 < corrected < 0.95 * plain,
    ),
    "label shift: the estimated weights go the right way (rare class < 1 < common class)": (
        ["ch01_label_w1", "ch01_label_w3"],
        lambda w1, w3: w1 < 1 < w3,
    ),
    "concept shift: the domain classifier is near chance and reweighting changes the loss < 15 %": (
        ["ch01_concept_domain_acc", "ch01_concept_plain", "ch01_concept_weighted"],
        lambda acc, plain, weighted: acc < 0.6 and abs(weighted / plain - 1) < 0.15,
    ),
    "concept shift: neither fit comes within 2 x of a line fitted to the new rule": (
        ["ch01_concept_plain", "ch01_concept_weighted", "ch01_concept_oracle"],
        lambda plain, weighted, oracle: min(plain, weighted) > 2 * oracle,
    ),
    "tabular: the K-fold choice beats no penalty after all epochs by > 5 % in validation": (
        ["ch01_tab_cv_best", "ch01_tab_cv_plain_last"],
        lambda best, plain: 0 < best < 0.95 * plain,
    ),
    "tabular: the final model beats the constant prediction and the CV estimate forecasts it (20 %)": (
        ["ch01_tab_final_test", "ch01_tab_constant_test", "ch01_tab_cv_best"],
        lambda test, constant, cv: test < 0.9 * constant and abs(test / cv - 1) < 0.2,
    ),
    "early stopping stops before the end and lowers the test log-RMSE below 0.95 x": (
        ["ch01_es_epoch", "ch01_es_test", "ch01_es_plain_test"],
        lambda epoch, stopped, plain: 1 <= epoch < 100 and stopped < 0.95 * plain,
    ),
    "weight decay lowers the test log-RMSE below 0.95 x, about as much as early stopping (10 %)": (
        ["ch01_es_wd_test", "ch01_es_plain_test", "ch01_es_over_wd"],
        lambda wd, plain, ratio: wd < 0.95 * plain and abs(ratio - 1) < 0.1,
    ),
    "L1 makes many weights exactly zero (>= 50 %), L2 none": (
        ["ch01_l1_zero_frac", "ch01_l2_zero_frac"],
        lambda l1, l2: l1 >= 0.5 and l2 == 0,
    ),
}


def test_ratios_match_the_glued_parts():
    for path in NOTEBOOKS:
        v = stored_claims(path)
        assert v["ch01_wd_val_ratio"] == pytest.approx(v["ch01_wd_val_3"] / v["ch01_wd_val_0"])
        assert v["ch01_wd_norm_ratio"] == pytest.approx(v["ch01_wd_norm_0"] / v["ch01_wd_norm_3"])
        assert v["ch01_dropout_test_ratio"] == pytest.approx(
            v["ch01_dropout_test_1"] / v["ch01_dropout_test_0"]
        )
        assert v["ch01_cov_ratio"] == pytest.approx(v["ch01_cov_weighted"] / v["ch01_cov_plain"])
        assert v["ch01_es_over_wd"] == pytest.approx(v["ch01_es_test"] / v["ch01_es_wd_test"])


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, CLAIMS)
)
