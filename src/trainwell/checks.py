"""The labs' public checks: each says what is wrong with an answer without giving the answer.

A public test cell of a lab makes expectations about the student's values and ends with
``report(...)``, which gives ``"ok"`` when every expectation holds and otherwise the first
problem found, in words (otter shows it under *Got:*)::

    from trainwell.checks import call, report
    _g = call(lambda: sigmoid_grad(torch.zeros(2, 3)), "sigmoid_grad(z)")
    report(_g.tensor(shape=(2, 3), dtype="float32"), _g.holds(lambda v: (v <= 0.25).all(), "..."))

Values may be PyTorch or TensorFlow tensors, NumPy arrays or Python data: tensors are read
through NumPy, so this module imports neither framework.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np

__all__ = ["OK", "Expect", "array", "call", "dtype_name", "expect", "report", "shape_of"]

OK = "ok"


def array(value) -> np.ndarray:
    """A tensor (PyTorch, TensorFlow, NumPy) or nested numbers as a NumPy array."""
    if hasattr(value, "detach"):  # a PyTorch tensor, perhaps on a GPU or requiring a gradient
        value = value.detach().cpu().numpy()
    elif hasattr(value, "numpy") and not isinstance(value, np.ndarray):  # TensorFlow
        value = value.numpy()
    return np.asarray(value)


def is_tensor(value) -> bool:
    return hasattr(value, "shape") and hasattr(value, "dtype") and not isinstance(value, np.generic)


def shape_of(value) -> tuple[int, ...]:
    return tuple(int(d) for d in value.shape)


def dtype_name(value) -> str:
    """``"float32"`` for a float32 tensor of any framework (or a dtype itself)."""
    dtype = getattr(value, "dtype", value)
    name = getattr(dtype, "name", None)
    return name if isinstance(name, str) else str(dtype).removeprefix("torch.")


def _shown(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else str(tuple(shape))


class Expect:
    """Expectations about one value, checked in order: the first that fails is its ``problem``.

    Every method returns the expectation itself, so they chain; once one has failed, the later
    ones are not tried (they would only repeat the first problem in other words).
    """

    def __init__(self, value, name: str, problem: str | None = None):
        self.value = value
        self.name = name
        self.problem = problem
        if problem is None and (value is None or value is Ellipsis):
            called = name.endswith(")")
            self.problem = (
                f"{name} {'gave' if called else 'is'} {value!r}: replace the `...` with your code"
                + (" and `return` the result" if called else "")
            )

    @property
    def ok(self) -> bool:
        return self.problem is None

    def _require(self, condition: Callable[[], bool], message: str) -> Expect:
        if self.problem is None:
            try:
                holds = bool(condition())
            except Exception as error:  # a value of the wrong kind: say so, do not crash the check
                holds, message = False, f"{message} (checking it raised {type(error).__name__}: {error})"
            if not holds:
                self.problem = message
        return self

    def tensor(self, shape=None, dtype: str | None = None, like=None, finite: bool = True) -> Expect:
        """A tensor of ``shape`` and ``dtype`` (those of ``like`` when given), finite by default."""
        if like is not None:
            shape = shape_of(like) if shape is None else shape
            dtype = dtype_name(like) if dtype is None else dtype
        name = self.name
        self._require(lambda: is_tensor(self.value),
                      f"{name} should be a tensor, not a {type(self.value).__name__}")
        if shape is not None:
            want = tuple(shape)
            self._require(lambda: shape_of(self.value) == want,
                          f"{name} has shape {_shown(shape_of(self.value)) if is_tensor(self.value) else '?'}, "
                          f"expected {_shown(want)}")
        if dtype is not None:
            self._require(lambda: dtype_name(self.value) == dtype,
                          f"{name} has dtype {dtype_name(self.value)}, expected {dtype}")
        if finite:
            self._require(lambda: np.isfinite(array(self.value)).all(), f"{name} has NaN or infinite entries")
        return self

    def number(self, kind: type = float, finite: bool = True) -> Expect:
        """A Python ``float`` or ``int`` (not a tensor, not a NumPy scalar, not a bool)."""
        hint = " (wrap it in float(...))" if kind is float else " (wrap it in int(...))"
        self._require(
            lambda: type(self.value) is kind,
            f"{self.name} should be a Python {kind.__name__}, not a {type(self.value).__name__}{hint}",
        )
        if finite:
            self._require(lambda: np.isfinite(self.value), f"{self.name} is {self.value}, not a finite number")
        return self

    def close(self, expected, message: str, atol: float = 1e-5, rtol: float = 1e-5) -> Expect:
        """Numerically equal to ``expected`` (any shape NumPy broadcasts); else ``message``."""
        return self._require(
            lambda: np.allclose(array(self.value).astype(float), np.asarray(expected, float), atol=atol, rtol=rtol),
            message,
        )

    def holds(self, predicate: Callable, message: str) -> Expect:
        """``predicate(v)`` is true, ``v`` being the value as a NumPy array if it is a tensor."""
        return self._require(lambda: predicate(array(self.value) if is_tensor(self.value) else self.value), message)

    def keys(self, expected: Iterable) -> Expect:
        """A dictionary with exactly the keys ``expected``."""
        want = list(expected)
        self._require(lambda: isinstance(self.value, Mapping),
                      f"{self.name} should be a dictionary, not a {type(self.value).__name__}")
        return self._require(
            lambda: set(self.value) == set(want),
            f"{self.name} should have the keys {want}; it has {list(self.value) if isinstance(self.value, Mapping) else '?'}",
        )

    def parts(self, count: int, what: str) -> Expect:
        """A tuple or list of ``count`` values, described as ``what`` (e.g. "a pair (w, b)")."""
        return self._require(
            lambda: isinstance(self.value, (tuple, list)) and len(self.value) == count,
            f"{self.name} should give {what}, not {self._described()}",
        )

    def item(self, key, name: str) -> Expect:
        """The expectation for ``value[key]``, named ``name``; it inherits this one's problem."""
        if self.problem is not None:
            return Expect(0, name, self.problem)
        try:
            return Expect(self.value[key], name)
        except (KeyError, IndexError, TypeError) as error:
            return Expect(0, name, f"{self.name} has no entry {key!r} ({type(error).__name__})")

    def _described(self) -> str:
        value = self.value
        if isinstance(value, (tuple, list)):
            return f"a {type(value).__name__} of {len(value)}"
        return f"a {type(value).__name__}"


def expect(value, name: str) -> Expect:
    """Expectations about ``value``, which the messages call ``name``."""
    return Expect(value, name)


def call(thunk: Callable[[], object], name: str, in_place: bool = False) -> Expect:
    """Expectations about ``thunk()``; if it raises, the problem says how. ``in_place``: the
    function works on its arguments, so its result (None) is not a missing answer."""
    try:
        value = thunk()
    except Exception as error:
        return Expect(None, name, f"{name} raised {type(error).__name__}: {error}")
    return Expect(name if in_place else value, name)


def report(*expectations: Expect) -> str:
    """``"ok"``, or the problem of the first expectation that failed."""
    for expectation in expectations:
        if expectation.problem is not None:
            return expectation.problem
    return OK
