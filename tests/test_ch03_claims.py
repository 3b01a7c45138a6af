"""Chapter 03's headline claims, in the stored notebooks and for three other seeds."""

import math

from notebooks import chapter_notebooks, claim_tests

NOTEBOOKS = chapter_notebooks("03-gradient-clipping")


def as_float(value) -> float:
    """A glued loss as a float; a non-finite one is stored as the text ``nan`` or ``inf``."""
    return float(value)


def diverged_or_much_worse(unclipped, clipped) -> bool:
    unclipped, clipped = as_float(unclipped), as_float(clipped)
    return not math.isfinite(unclipped) or unclipped >= 2 * clipped


CLAIMS = {
    "clipping 0..9 to [2, 8] gives 2 2 2 3 4 5 6 7 8 8": (
        ["ch03_clip_by_value"],
        lambda v: list(v) == [2, 2, 2, 3, 4, 5, 6, 7, 8, 8],
    ),
    "a 2x2 tensor of norm > 15 clipped to norm 15 has norm 15 (within 1e-5)": (
        ["ch03_clip_by_norm_before", "ch03_clip_by_norm_after"],
        lambda before, after: before > 15 and abs(after - 15) <= 1e-5,
    ),
    "global-norm clipping to 15: norm <= 15 + 1e-5, one factor for every tensor": (
        ["ch03_global_norm_before", "ch03_global_norm_after", "ch03_global_factor_spread"],
        lambda before, after, spread: before > 15 and after <= 15 + 1e-5 and spread < 1e-6,
    ),
    "clipping by value turns a gradient with a few large entries (cosine < 0.99)": (
        ["ch03_value_clip_cosine"],
        lambda v: v < 0.99,
    ),
    "clipping by norm keeps its direction (cosine 1 within 1e-6)": (
        ["ch03_norm_clip_cosine"],
        lambda v: abs(v - 1) <= 1e-6,
    ),
    "exploding case: unclipped loss NaN/inf or >= 2x the clipped one": (
        ["ch03_unclipped_final_loss", "ch03_clipped_final_loss"],
        diverged_or_much_worse,
    ),
    "exploding case: the clipped run ends below the constant predictor's loss": (
        ["ch03_clipped_final_loss", "ch03_constant_loss"],
        lambda clipped, constant: as_float(clipped) < as_float(constant),
    ),
    "per-tensor clipping turns the update (by more than 0.1 degrees)": (
        ["ch03_per_tensor_angle"],
        lambda angle: angle > 0.1,
    ),
    "exploding case: without clipping the global norm grows (peak > 100x step 1's)": (
        ["ch03_unclipped_first_norm", "ch03_unclipped_peak_norm"],
        lambda first, peak: as_float(peak) > 100 * as_float(first),
    ),
    "exploding case: an L2 penalty does not stop the divergence (NaN/inf or >= 2x clipped)": (
        ["ch03_l2_final_loss", "ch03_clipped_final_loss"],
        diverged_or_much_worse,
    ),
    "exploding case: max-norm keeps the run stable (below the constant predictor's loss)": (
        ["ch03_maxnorm_final_loss", "ch03_constant_loss"],
        lambda max_norm, constant: as_float(max_norm) < as_float(constant),
    ),
    "the sweep's best threshold lies outside the rule of thumb (0.5-10x the mean norm)": (
        ["ch03_sweep_best_vs_mean"],
        lambda ratio: not 0.5 <= ratio <= 10,
    ),
    "mild init: a threshold of 15 is never reached, so clipping changes nothing (same final loss)": (
        ["ch03_mild_steps_clipped", "ch03_mild_final_unclipped", "ch03_mild_final_clipped"],
        lambda steps, unclipped, clipped: steps == 0 and unclipped == clipped,
    ),
}


def test_a_divergent_run_is_recognized():
    assert diverged_or_much_worse("nan", 0.07)
    assert diverged_or_much_worse("inf", 0.07)
    assert diverged_or_much_worse(65.0, 0.07)
    assert not diverged_or_much_worse(0.1, 0.07)


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, CLAIMS)
)
