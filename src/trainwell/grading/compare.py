"""Compare a submission's value with the solution's, in the grader's process.

Values are plain JSON data. Numbers match within ``atol + rtol * |expected|``; a NaN or infinity
matches only the same; lists match element by element, objects key by key; strings, booleans
and null must be equal and of the same type.
"""

from __future__ import annotations

import math

Number = (int, float)


def matches(value, expected, atol: float, rtol: float) -> bool:
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return type(value) is type(expected) and value == expected
    if isinstance(expected, Number):
        if isinstance(value, bool) or not isinstance(value, Number):
            return False
        if not math.isfinite(expected) or not math.isfinite(value):
            if math.isnan(expected):
                return math.isnan(value)
            return value == expected
        return abs(value - expected) <= atol + rtol * abs(expected)
    if isinstance(expected, list):
        return (
            isinstance(value, list)
            and len(value) == len(expected)
            and all(matches(v, e, atol, rtol) for v, e in zip(value, expected))
        )
    if isinstance(expected, dict):
        return (
            isinstance(value, dict)
            and set(value) == set(expected)
            and all(matches(value[k], expected[k], atol, rtol) for k in expected)
        )
    return False
