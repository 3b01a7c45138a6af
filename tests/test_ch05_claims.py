"""Chapter 05's headline claims, in the stored notebooks and for three other seeds."""

from notebooks import chapter_notebooks, claim_tests

NOTEBOOKS = chapter_notebooks("05-resnet")

CLAIMS = {
    "zero residual branches: ‖∂L/∂x_0‖ / ‖∂L/∂x_L‖ = 1 within 1e-6": (
        ["ch05_identity_grad_ratio"],
        lambda v: abs(v - 1) <= 1e-6,
    ),
    "no BN, default init: residual first-layer gradient >= 10x the plain one": (
        ["ch05_first_grad_plain", "ch05_first_grad_resid"],
        lambda plain, resid: resid >= 10 * plain,
    ),
    "degradation at every learning rate: the best plain-32 run ends >= 3x the worst plain-8 run": (
        ["ch05_loss_plain_shallow_worst", "ch05_loss_plain_deep"],
        lambda shallow_worst, deep_best: deep_best >= 3 * shallow_worst,
    ),
    "not a few more steps: the best plain-8 run reaches plain-32's final loss in <= 30 of 300 steps": (
        ["ch05_steps_shallow_to_deep_loss"],
        lambda steps: steps <= 30,
    ),
    "plain-32 with BN: the first block's gradient starts >= 100x the classifier's": (
        ["ch05_deep_grad_ratio_start"],
        lambda ratio: ratio >= 100,
    ),
    "the explosion does not last: ratio below 10 by step 100, late median <= 10 in every run": (
        ["ch05_deep_grad_ratio_settled", "ch05_deep_grad_ratio_late"],
        lambda settled, late: settled <= 100 and late <= 10,
    ),
    "residual nets do not degrade: residual-32 <= 1.5x residual-8 and <= 0.1x the best plain-32": (
        ["ch05_loss_resid_shallow", "ch05_loss_resid_deep", "ch05_loss_plain_deep"],
        lambda resid_shallow, resid_deep, plain_deep: (
            resid_deep <= 1.5 * resid_shallow and resid_deep <= 0.1 * plain_deep
        ),
    ),
    # What the prose says besides the claims.
    "with BN, the plain net's first-layer gradient is the larger one": (
        ["ch05_first_grad_plain_bn", "ch05_first_grad_resid_bn"],
        lambda plain, resid: plain > resid,
    ),
    "plain BN stack: the gradient grows towards the input": (
        ["ch05_grad_ratio_plain_he"],
        lambda v: v > 1,
    ),
}


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, CLAIMS)
)
