"""Chapter 02's headline claims, in the stored notebooks and for three other seeds."""

import math

from notebooks import chapter_notebooks, claim_tests

NOTEBOOKS = chapter_notebooks("02-vanishing-exploding")
LN10 = math.log(10)

CLAIMS = {
    "sigmoid' peaks at 0.25": (["ch02_sigmoid_grad_max"], lambda v: abs(v - 0.25) < 1e-6),
    "product of 100 random 4x4 matrices exceeds 1e15": (
        ["ch02_matprod_log10_max"],
        lambda v: v > 15,
    ),
    "deep sigmoid/Xavier net: first-layer gradient < 1e-3 of the last": (
        ["ch02_grad_ratio_sigmoid", "ch02_depth"],
        lambda ratio, depth: ratio < 1e-3 and depth >= 10,
    ),
    "ReLU/He: first/last gradient ratio within [0.1, 10]": (
        ["ch02_grad_ratio_relu_he"],
        lambda v: 0.1 <= v <= 10,
    ),
    "ReLU/Xavier: the weight-gradient ratio looks healthier than He's (and > 0.5)": (
        ["ch02_grad_ratio_relu_xavier", "ch02_grad_ratio_relu_he"],
        lambda xavier, he: xavier > 0.5 and xavier > he,
    ),
    "ReLU/Xavier: the backward signal reaching layer 1 is < 0.1 of the last layer's": (
        ["ch02_delta_ratio_relu_xavier"],
        lambda v: v < 0.1,
    ),
    "ReLU/Xavier: the last layers' inputs are small (last hidden std < 0.1 of the data's)": (
        ["ch02_last_hidden_std_relu_xavier", "ch02_input_std"],
        lambda last, data_std: last < 0.1 * data_std,
    ),
    "ReLU/He: the backward signal keeps its size (first/last within [0.3, 3])": (
        ["ch02_delta_ratio_relu_he"],
        lambda v: 0.3 <= v <= 3,
    ),
    "30 ReLU layers, Xavier: output std < 1e-3": (["ch02_act_std_xavier"], lambda v: v < 1e-3),
    "30 ReLU layers, He: output std within [0.3, 3]": (
        ["ch02_act_std_he"],
        lambda v: 0.3 <= v <= 3,
    ),
    "deep ReLU MLP from a poor init does not train (loss > 0.9 ln 10)": (
        ["ch02_loss_poor_init"],
        lambda v: v > 0.9 * LN10,
    ),
    "deep ReLU MLP from He init trains (loss < 0.5 ln 10)": (
        ["ch02_loss_he"],
        lambda v: v < 0.5 * LN10,
    ),
    "pretraining: from Xavier init the deep sigmoid net does not train (loss within 0.05 of ln 10)": (
        ["ch02_pretrain_loss_random", "ch02_pretrain_hidden_layers"],
        lambda loss, layers: abs(loss - LN10) < 0.05 and layers >= 6,
    ),
    "pretraining: the Xavier sigmoid net's test accuracy is chance (<= 0.15)": (
        ["ch02_pretrain_acc_random"],
        lambda v: v <= 0.15,
    ),
    "pretraining: the random-init sigmoid net's first layer gets < 1e-3 of the last's gradient": (
        ["ch02_pretrain_grad_ratio_random"],
        lambda v: v < 1e-3,
    ),
    "pretraining: the pretrained net's first layer gets >= 100 times that share (and >= 0.05)": (
        ["ch02_pretrain_grad_ratio_pretrained", "ch02_pretrain_grad_ratio_random"],
        lambda pre, rand: pre >= 100 * rand and pre >= 0.05,
    ),
    "pretraining: the pretrained sigmoid net learns, well above chance but far from solved": (
        ["ch02_pretrain_acc_pretrained", "ch02_pretrain_loss_pretrained"],
        lambda acc, loss: 0.3 <= acc <= 0.8 and loss < 0.6 * LN10,
    ),
    "pretraining: ReLU/He with no pretraining does much better (accuracy >= 0.9, >= 0.2 above)": (
        ["ch02_pretrain_acc_relu", "ch02_pretrain_acc_pretrained",
         "ch02_pretrain_loss_relu", "ch02_pretrain_loss_pretrained"],
        lambda relu, pre, relu_loss, pre_loss: relu >= 0.9 and relu >= pre + 0.2 and relu_loss < pre_loss,
    ),
    "pretraining: the ReLU/He net's gradient does not shrink with depth (ratio within [0.1, 10])": (
        ["ch02_pretrain_grad_ratio_relu"],
        lambda v: 0.1 <= v <= 10,
    ),
}


test_stored_claims, test_both_notebooks_glue_the_same_keys, test_claims_hold_for_other_seeds = (
    claim_tests(NOTEBOOKS, CLAIMS)
)
