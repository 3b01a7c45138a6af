"""trainwell.checks: the messages the labs' public checks give, on NumPy and framework tensors."""

import numpy as np
import pytest

from trainwell.checks import OK, array, call, dtype_name, expect, report


def test_report_is_ok_when_everything_holds():
    value = np.ones((2, 3), np.float32)
    assert report(expect(value, "x").tensor(shape=(2, 3), dtype="float32").close(1, "not ones")) == OK


@pytest.mark.parametrize(
    "value, name, fragment",
    [
        (None, "f(z)", "f(z) gave None: replace the `...` with your code and `return` the result"),
        (Ellipsis, "answer", "answer is Ellipsis: replace the `...` with your code"),
    ],
)
def test_a_missing_answer_says_to_replace_the_dots(value, name, fragment):
    assert report(expect(value, name).tensor()) == fragment


def test_the_first_failing_expectation_is_reported_and_later_ones_not_tried():
    tried = []
    got = expect(np.zeros(3), "v").tensor(shape=(4,)).holds(lambda v: tried.append(v) or True, "never")
    assert report(got) == "v has shape (3,), expected (4,)" and tried == []
    assert report(expect(1.0, "a").number(float), expect(2, "b").number(float), expect("c", "c").number(float)) \
        == "b should be a Python float, not a int (wrap it in float(...))"


def test_tensor_dtype_list_and_non_finite_values():
    assert report(expect(np.zeros(2), "v").tensor(dtype="float32")) == "v has dtype float64, expected float32"
    assert report(expect([1.0, 2.0], "v").tensor()) == "v should be a tensor, not a list"
    assert report(expect(np.array([1.0, np.nan]), "v").tensor()) == "v has NaN or infinite entries"
    assert report(expect(np.array([1.0, np.inf]), "v").tensor(finite=False)) == OK
    like = np.zeros((2, 2), np.int64)
    assert report(expect(np.zeros((2, 2)), "v").tensor(like=like)) == "v has dtype float64, expected int64"


def test_numbers_refuse_bools_numpy_scalars_and_nan():
    assert report(expect(True, "flag").number(int)).startswith("flag should be a Python int, not a bool")
    assert report(expect(np.float64(1.5), "x").number(float)).startswith("x should be a Python float, not a float64")
    assert report(expect(float("nan"), "x").number(float)) == "x is nan, not a finite number"
    assert report(expect(3, "n").number(int)) == OK


def test_a_predicate_that_raises_becomes_its_message():
    got = report(expect({"a": 1}, "d").holds(lambda d: d["b"] > 0, "d needs b"))
    assert got.startswith("d needs b (checking it raised KeyError")


def test_call_turns_an_exception_into_a_message():
    def broken():
        raise ValueError("shapes differ")

    assert report(call(broken, "f(x)")) == "f(x) raised ValueError: shapes differ"
    assert report(call(lambda: None, "init(layer)", in_place=True)) == OK
    assert report(call(lambda: None, "f(x)")).startswith("f(x) gave None")


def test_keys_parts_and_items():
    assert report(expect([1], "d").keys(["a"])) == "d should be a dictionary, not a list"
    assert report(expect({"a": 1}, "d").keys(["a", "b"])) == "d should have the keys ['a', 'b']; it has ['a']"
    pair = expect((np.zeros(2), 3.0), "f()").parts(2, "a pair (w, b)")
    assert report(pair.item(0, "w").tensor(shape=(2,)), pair.item(1, "b").number(float)) == OK
    assert report(expect(np.zeros(3), "f()").parts(2, "a pair (w, b)")) == "f() should give a pair (w, b), not a ndarray"
    assert report(expect((1,), "f()").parts(2, "a pair")) == "f() should give a pair, not a tuple of 1"
    failed = expect(None, "f()")
    assert report(failed.item(0, "w")) == report(failed)
    assert report(expect({}, "d").item("k", "d[k]")) == "d has no entry 'k' (KeyError)"


def test_framework_tensors_are_read_through_numpy():
    import torch

    t = torch.ones(2, 3, requires_grad=True) * 2
    assert dtype_name(t) == "float32" and array(t).tolist() == [[2.0] * 3] * 2
    assert report(expect(t, "t").tensor(shape=(2, 3), dtype="float32").close(2, "not twos")) == OK
    assert report(expect(torch.arange(3), "i").tensor(dtype="float32")) == "i has dtype int64, expected float32"
