"""The oldest TensorFlow and Keras that the requirements allow run every TensorFlow notebook and
lab master without an error (their numbers may differ from the stored ones: no nbval here).

The environment (tests/environments.py) holds `trainwell`'s requirements and those of its `tf`
extra, each at its lower bound (TensorFlow, Keras, NumPy, matplotlib, scikit-learn, tqdm,
ipywidgets), and the helpers from this checkout. The newest releases run in tests/test_colab_env.py.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from environments import ROOT, cpu_tensorflow, ensure, error_text, execute, lower_bounds, oldest_env
from packaging.requirements import Requirement

NOTEBOOKS = sorted(ROOT.glob("chapters/*/tensorflow.ipynb")) + sorted(ROOT.glob("solutions/*-tensorflow.ipynb"))


@pytest.fixture(scope="module")
def oldest():
    return ensure(oldest_env())


def _bound(requirements: list[Requirement], name: str) -> str:
    (version,) = {s.version for r in requirements if r.name == name for s in r.specifier if s.operator == ">="}
    return version


def test_requirements_txt_has_the_bounds_of_the_package():
    """requirements.txt (the local environment) and pyproject.toml (what Colab users install)
    give TensorFlow and Keras the same lower bounds."""
    lines = [re.sub(r"\s+#.*", "", line) for line in (ROOT / "requirements.txt").read_text().splitlines()]
    requirements = [Requirement(line) for line in lines if line.strip() and not line.startswith(("#", "-"))]
    bounds = lower_bounds()
    for name in ("tensorflow", "tensorflow-cpu", "keras"):
        assert _bound(requirements, name) == bounds[{"tensorflow-cpu": "tensorflow"}.get(name, name)]


def test_the_environment_has_the_lower_bounds(oldest):
    have = oldest.distributions()
    bounds = lower_bounds()
    assert {"tensorflow", "keras", "numpy"} <= set(bounds)
    for name, version in bounds.items():
        installed = have[cpu_tensorflow(name)]
        assert installed.split("+")[0] in (version, version + ".0", version + ".0.0"), (
            f"{name}: {installed} installed, the lower bound is {version}")


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_runs_with_the_oldest_releases(oldest, tmp_path, path):
    nb = execute(nbformat.read(path, as_version=4), oldest, tmp_path, allow_errors=True)
    assert not error_text(nb), f"{path.name} with the oldest TensorFlow and Keras:\n{error_text(nb)}"
