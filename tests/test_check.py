"""The students' public checks (trainwell.check) and the Colab install step (trainwell.colab)."""

import json
import math
from importlib import metadata
from pathlib import Path

import nbformat
import numpy as np
import pytest
import yaml
from nbclient import NotebookClient

from trainwell import colab
from trainwell.check import Checker, ChecksUnavailable, read_cases
from trainwell.grading import generate
from trainwell.grading.lab import read_lab

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "labs" / "tests"
REPO_URL = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
NUMPY_LAB = TESTS / "02-vanishing-exploding-tensorflow"


def test_reads_every_public_test_file_as_otter_does():
    from otter.test_files import OKTestFile

    paths = sorted(TESTS.glob("*/*.py"))
    assert len(paths) >= 48
    for path in paths:
        assert read_cases(path) == [case.body for case in OKTestFile.from_file(str(path)).test_cases]


def test_test_file_is_read_as_data_never_run(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "q1.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nOK_FORMAT = True\n"
        "test = {'name': 'q1', 'points': 1, 'suites': [{'cases': [{'code': '>>> 1 + 1\\n2', "
        "'hidden': False, 'locked': False}], 'scored': True, 'setup': '', 'teardown': '', "
        "'type': 'doctest'}]}\n"
    )
    result = Checker(tmp_path).check("q1", {})
    assert result.passed and not marker.exists()
    (tmp_path / "q2.py").write_text("import os\nos.getcwd()\n")
    with pytest.raises(ChecksUnavailable, match="not a test file in otter's OK format"):
        Checker(tmp_path).check("q2", {})


def _generated_checks(tmp_path: Path, lab_id: str) -> Checker:
    """The public tests of a lab as `make labs` writes them, in a fresh folder."""
    lab = read_lab(ROOT / "solutions" / f"{lab_id}.ipynb")
    generate.write_lab(lab.path, tmp_path)
    return Checker(tmp_path / "tests" / lab_id)


def test_right_answer_passes_and_wrong_answers_say_what_failed(tmp_path):
    checker = _generated_checks(tmp_path, "01-generalization-pytorch")
    cases = read_cases(checker.tests_dir / "q1.py")
    assert cases, "lab 01's q1 has public tests"
    import torch

    namespace = {"math": math, "np": np, "torch": torch}
    exec(  # noqa: S102 - the master's own solution of q1
        next(c for c in nbformat.read(ROOT / "solutions" / "01-generalization-pytorch.ipynb", 4).cells
             if c.cell_type == "code" and "def poly_features(" in c.source).source,
        namespace,
    )
    passed = checker.check("q1", namespace)
    assert passed.passed and repr(passed) == "q1 results: All test cases passed!"
    assert "color: green" in passed._repr_html_()

    namespace["poly_features"] = lambda x, degree: torch.zeros((len(x), degree + 1))
    wrong = checker.check("q1", namespace)
    assert not wrong.passed and not wrong.cases[0].passed
    text = repr(wrong)
    assert text.startswith("q1 results:") and "test cases failed" in text
    assert "Expected:" in text and "Got:" in text and "❌ Test 1 failed" in text

    namespace["poly_features"] = lambda x, degree: 1 / 0
    crashed = repr(checker.check("q1", namespace))
    assert "raised ZeroDivisionError: division by zero" in crashed
    del namespace["poly_features"]
    assert "raised NameError" in repr(checker.check("q1", namespace))


def test_check_uses_the_callers_namespace(tmp_path):
    (tmp_path / "q1.py").write_text(
        "OK_FORMAT = True\ntest = {'name': 'q1', 'points': 1, 'suites': [{'cases': "
        "[{'code': '>>> double(21)\\n42', 'hidden': False, 'locked': False}], 'scored': True, "
        "'setup': '', 'teardown': '', 'type': 'doctest'}]}\n"
    )
    scope = {"grader": Checker(tmp_path), "double": lambda x: 2 * x}
    exec("result = grader.check('q1')", scope)  # noqa: S102
    assert scope["result"].passed
    scope["double"] = lambda x: x
    exec("result = grader.check('q1')", scope)  # noqa: S102
    assert not scope["result"].passed


def test_unknown_question_names_the_known_ones():
    with pytest.raises(ChecksUnavailable, match=r'No public tests for "q9".*"q1", "q2", "q3", "q4"'):
        Checker(NUMPY_LAB).check("q9", {})


def test_repository_url_of_the_package_is_the_configured_one():
    urls = metadata.metadata("trainwell").get_all("Project-URL")
    assert f"Repository, {REPO_URL}" in urls


def test_lab_without_its_tests_says_how_to_get_them(tmp_path):
    """A lab opened outside Colab and outside the repository: the checker's cell says where the
    public tests are, and grader.check shows that message, not a traceback."""
    lab = json.loads((ROOT / "labs" / "02-vanishing-exploding-pytorch.ipynb").read_text())
    init = next(c for c in lab["cells"] if c["id"] == "otter-init")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("".join(init["source"])),
                                         nbformat.v4.new_code_cell('grader.check("q1")')])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    warning = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    lab_id = "02-vanishing-exploding-pytorch"
    for fragment in (f"tests/{lab_id}/", "In Colab, run the lab's first code cell", REPO_URL,
                     f"labs/tests/{lab_id}/"):
        assert fragment in warning, f"{fragment!r} missing from:\n{warning}"
    error = nb.cells[1].outputs[0]
    assert error.output_type == "error" and error.ename == "ChecksUnavailable"
    assert error.traceback == [warning.strip()]


def test_protected_packages_hold_the_frameworks_and_their_compiled_libraries():
    named_by_the_course = {"torch", "tensorflow", "keras", "numpy", "scipy", "pandas", "matplotlib",
                           "ipython", "ipykernel", "jax", "wrapt", "protobuf", "ml-dtypes", "h5py"}
    assert named_by_the_course <= colab.PROTECTED
    assert all(name == colab.canonical(name) for name in colab.PROTECTED)
    assert colab.canonical("ML_Dtypes") == "ml-dtypes" and colab.canonical("jupyter.core") == "jupyter-core"


def test_own_requirements_are_the_light_ones():
    names = {colab.canonical(r.split(">")[0].split("=")[0].split(";")[0]) for r in colab.own_requirements()}
    assert {"numpy", "matplotlib", "scikit-learn", "tqdm", "ipywidgets"} <= names
    assert not names & {"torch", "tensorflow", "keras", "otter-grader", "wrapt"}
    assert colab.install_requirements([]) == {}
