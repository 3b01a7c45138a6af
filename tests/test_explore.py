"""trainwell.explore: the explorers' grid of settings, their stored figures and their HTML."""

import json
import re

import numpy as np
import pytest

from trainwell.explore import explorer

ALT = "Training loss against step for each learning rate and depth of the net"


def _lines(depth, activation):
    x = np.arange(5)
    return {"loss": (x, depth * np.exp(-x) + (activation == "relu"))}


def _spec(exp):
    html = exp._repr_html_()
    data = re.search(r'<script type="application/json" id="tw-[^"]+-data">(.*?)</script>', html, re.S)
    return html, json.loads(data.group(1))


def test_every_setting_is_stored_with_its_own_values():
    exp = explorer("demo", {"depth": [2, 8], "activation": ["tanh", "relu"]}, _lines,
                   alt=ALT, xlabel="step", ylabel="loss")
    _, spec = _spec(exp)
    assert set(spec["frames"]) == {"0|0", "0|1", "1|0", "1|1"}
    assert spec["controls"] == [
        {"label": "depth", "values": ["2", "8"]}, {"label": "activation", "values": ["tanh", "relu"]},
    ]
    trace = spec["frames"]["1|1"][0]
    assert trace["name"] == "loss"
    np.testing.assert_allclose(trace["y"], 8 * np.exp(-np.arange(5)) + 1, rtol=1e-3)
    assert exp.frame(8, "relu")["loss"][1] == trace["y"]
    assert spec["frames"]["0|0"][0]["y"][0] == 2.0


def test_a_mapping_of_settings_works_like_a_function():
    frames = {(d,): {"a": ([0, 1], [d, 2 * d])} for d in (1, 2, 3)}
    exp = explorer("map", {"depth": [1, 2, 3]}, frames, alt=ALT, xlabel="x", ylabel="y")
    assert exp.frame(3) == {"a": ([0.0, 1.0], [3.0, 6.0])}
    with pytest.raises(KeyError, match=r"\(4,\) is not a setting"):
        exp.frame(4)


def test_numbers_get_a_slider_and_names_a_select_each_with_a_label():
    exp = explorer("ui", {"depth": [2, 8], "activation": ["tanh", "relu"]}, _lines,
                   alt=ALT, xlabel="step", ylabel="loss")
    html, _ = _spec(exp)
    assert '<label for="tw-ui-c0">depth</label>' in html
    assert re.search(r'<input type="range" id="tw-ui-c0" min="0" max="1"', html)
    assert '<label for="tw-ui-c1">activation</label>' in html
    assert '<select id="tw-ui-c1"><option value="0">tanh</option><option value="1">relu</option>' in html
    assert f'role="img" aria-label="{ALT}"' in html
    assert 'aria-live="polite"' in html


def test_the_html_is_the_same_on_every_run_and_rounds_to_four_digits():
    make = lambda: explorer("same", {"k": [1, 2]}, lambda k: {"y": ([0, 1], [np.pi * k, np.nan])},  # noqa: E731
                            alt=ALT, xlabel="x", ylabel="y")
    first, spec = _spec(make())
    assert first == make()._repr_html_()
    assert spec["frames"]["1"][0]["y"] == [6.283, None]


def test_the_y_range_holds_every_setting_so_a_change_shows():
    exp = explorer("rng", {"k": [1, 10]}, lambda k: {"y": ([0, 1], [k, 2 * k])},
                   alt=ALT, xlabel="x", ylabel="y", logy=True)
    low, high = _spec(exp)[1]["layout"]["yaxis"]["range"]
    assert low < 0 < np.log10(20) < high


def test_a_script_tag_in_a_label_cannot_end_the_data_block():
    exp = explorer("esc", {"k": ["</script>"]}, lambda k: {"y": ([0], [1])},
                   alt=ALT, xlabel="x", ylabel="y")
    html, spec = _spec(exp)
    assert spec["controls"][0]["values"] == ["</script>"]
    assert "&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "Bad Name"}, "lower-case letters"),
        ({"alt": "a plot"}, "alt text must say what the figure shows"),
        ({"controls": {}}, "at least one control"),
        ({"controls": {"k": []}}, "control 'k' has no values"),
        ({"lines": {(1,): {"y": ([0], [1])}}}, r"no lines for the setting \(2,\)"),
        ({"lines": lambda k: {"y": ([0, 1], [1])}}, "x and y must be 1-D and of one length"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(kwargs, message):
    args = {"name": "ok", "controls": {"k": [1, 2]}, "lines": lambda k: {"y": ([0], [k])},
            "alt": ALT} | kwargs
    with pytest.raises(ValueError, match=message):
        explorer(args["name"], args["controls"], args["lines"], alt=args["alt"],
                 xlabel="x", ylabel="y")


def test_repr_names_the_controls():
    exp = explorer("txt", {"depth": [1, 2, 3]}, lambda d: {"y": ([0], [d])},
                   alt=ALT, xlabel="x", ylabel="y")
    assert repr(exp) == "Explorer 'txt': depth (3); 3 precomputed settings"
