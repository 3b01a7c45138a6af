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
    "degradation: plain deep final training loss >= 1.5x plain shallow": (
        ["ch05_loss_plain_shallow", "ch05_loss_plain_deep"],
        lambda shallow, deep: deep >= 1.5 * shallow,
    ),
    "residual deep final training loss <= 0.5x plain deep": (
        ["ch05_loss_plain_deep", "ch05_loss_resid_deep"],
        lambda plain, resid: resid <= 0.5 * plain,
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
