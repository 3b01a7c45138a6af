"""The notebooks and labs in a runtime set up like Colab's, with the newest TensorFlow and Keras.

The environment (tests/environments.py: full `tensorflow` and `keras` at their newest releases, the
course's PyTorch, NumPy, SciPy, pandas, matplotlib, scikit-learn, IPython, the kernel, no
`trainwell`) is built on first use. Each notebook runs in a fresh kernel there, with
`google.colab` imported as in Colab, so its first cell installs the helpers as it does in Colab;
the repository's address is replaced by this checkout's (the machine has no access to it). Every
package whose version a first cell changed is recorded (.venv/compat/colab-install.json), and a
change to a framework, the scientific stack, the kernel or the frameworks' compiled libraries
fails the test. All TensorFlow notebooks and lab masters run there end to end: the newest releases.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
import yaml
from environments import COMPAT, ROOT, colab_env, ensure, error_text, execute, newest_release
from grading_cases import solved

from trainwell.colab import PROTECTED

REPO_URL = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
REPORT = COMPAT / "colab-install.json"
FIRST_CELL_ONLY = sorted(ROOT.glob("chapters/*/pytorch.ipynb")) + sorted(ROOT.glob("labs/*.ipynb"))
WHOLE = sorted(ROOT.glob("chapters/*/tensorflow.ipynb")) + sorted(ROOT.glob("solutions/*-tensorflow.ipynb"))
END_TO_END_LAB = "02-vanishing-exploding"
# What IPython's %pip prints after every install; the first cell prints nothing else.
PIP_MAGIC_NOTE = "Note: you may need to restart the kernel to use updated packages."


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="module")
def colab():
    env = ensure(colab_env())
    env.pip("uninstall", "-y", "-q", "trainwell")  # as a Colab runtime starts
    return env


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """What pip gets from the repository's address, built once: the wheel pip builds from a copy
    of the package's sources (pip would build inside the checkout otherwise)."""
    folder = tmp_path_factory.mktemp("trainwell-source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "src", folder / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    wheels = tmp_path_factory.mktemp("trainwell-wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels),
                    str(folder)], check=True, capture_output=True)
    (wheel,) = wheels.glob("trainwell-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installs():
    """Notebook → the packages its first cell changed; written to REPORT when the module ends."""
    record: dict[str, dict[str, list]] = {}
    yield record
    REPORT.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")


def in_colab(nb: nbformat.NotebookNode, package: Path) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose first code cell installs from this checkout instead of the
    repository: the helpers from the wheel ``package``, the labs' public tests from labs/tests/."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    first = next(c for c in nb.cells if c.cell_type == "code")
    text = first.source.replace(f"git+{REPO_URL}", package.as_uri())
    text = text.replace(f"{REPO_URL}/raw/main/", f"{ROOT.as_uri()}/")
    assert 'if "google.colab" in sys.modules:' in first.source
    assert not re.search(r"https?://", text), f"the first cell reaches out to:\n{text}"
    first.source = text
    return nb


def run_in_colab(colab, nb, cwd: Path, **kw) -> tuple[nbformat.NotebookNode, dict[str, list]]:
    """Run ``nb`` in a fresh Colab-like kernel, starting (as each Colab runtime does) without the
    helpers; return it and the packages whose version changed (name → [before, after])."""
    cwd.mkdir(parents=True, exist_ok=True)
    colab.pip("uninstall", "-y", "-q", "trainwell")
    before = colab.distributions()
    try:
        execute(nb, colab, cwd, colab=True, **kw)
    finally:
        after = colab.distributions()
        added = [name for name in after if name not in before]
        if added:
            colab.pip("uninstall", "-y", "-q", *added)
    changed = {name: [before.get(name), after.get(name)] for name in sorted({*before, *after})
               if before.get(name) != after.get(name)}
    return nb, changed


def assert_minimal(changed: dict[str, list], where: str) -> None:
    replaced = {name: v for name, v in changed.items() if name in PROTECTED}
    assert not replaced, f"{where}: the first cell changed Colab's own packages {replaced}"
    assert changed == {"trainwell": [None, metadata.version("trainwell")]}, (
        f"{where}: the first cell changed more than the helpers: {changed}")


def test_the_runtime_has_the_newest_tensorflow_and_keras(colab):
    have = colab.distributions()
    assert "tensorflow" in have and "tensorflow-cpu" not in have and "trainwell" not in have
    assert have["tensorflow"] == newest_release("tensorflow")
    assert have["keras"] == newest_release("keras")
    assert have["torch"] == metadata.version("torch")


@pytest.mark.slow
@pytest.mark.parametrize("path", FIRST_CELL_ONLY, ids=rel)
def test_first_cell_installs_only_the_helpers(colab, package, installs, tmp_path, path):
    nb = in_colab(nbformat.read(path, as_version=4), package)
    first = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells = [first]
    nb, changed = run_in_colab(colab, nb, tmp_path)
    installs[rel(path)] = changed
    assert_minimal(changed, rel(path))
    assert all(o.output_type == "stream" for o in first.outputs), f"{rel(path)}: {first.outputs}"
    printed = "".join(o.text for o in first.outputs if o.name == "stdout")
    assert printed.replace(PIP_MAGIC_NOTE, "").strip() == "", f"{rel(path)} printed:\n{printed}"
    if path.parent.name == "labs":
        lab = path.stem
        fetched = sorted(p.name for p in (tmp_path / "tests" / lab).glob("*.py"))
        assert fetched == sorted(p.name for p in (ROOT / "labs" / "tests" / lab).glob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("path", WHOLE, ids=rel)
def test_tensorflow_notebook_runs_in_colab_with_the_newest_releases(colab, package, installs,
                                                                    tmp_path, path):
    nb = in_colab(nbformat.read(path, as_version=4), package)
    nb, changed = run_in_colab(colab, nb, tmp_path, allow_errors=True)
    installs[rel(path)] = changed
    assert_minimal(changed, rel(path))
    assert not error_text(nb), f"{rel(path)} raised in the Colab-like runtime:\n{error_text(nb)}"


def check_outputs(nb) -> dict[str, str]:
    """Question → what its ``grader.check`` cell showed (its text, or the error it raised)."""
    shown = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and (m := re.fullmatch(r'grader\.check\("(\w+)"\)', cell.source)):
            texts = [o.get("data", {}).get("text/plain", "") if o.output_type == "execute_result"
                     else f"{o.ename}: {o.evalue}" if o.output_type == "error" else ""
                     for o in cell.outputs]
            shown[m.group(1)] = "".join(texts)
    return shown


@pytest.mark.slow
@pytest.mark.parametrize("framework", ["pytorch", "tensorflow"])
def test_lab_checks_as_a_student_sees_them(colab, package, installs, tmp_path, framework):
    lab = f"{END_TO_END_LAB}-{framework}"
    questions = sorted(p.stem for p in (ROOT / "labs" / "tests" / lab).glob("*.py"))

    untouched = in_colab(nbformat.read(ROOT / "labs" / f"{lab}.ipynb", as_version=4), package)
    untouched, changed = run_in_colab(colab, untouched, tmp_path / "untouched", allow_errors=True)
    installs[f"labs/{lab}.ipynb, run as handed out"] = changed
    assert_minimal(changed, f"labs/{lab}.ipynb")
    shown = check_outputs(untouched)
    assert sorted(shown) == questions
    for question, text in shown.items():
        assert text.startswith(f"{question} results:") and "failed" in text, (
            f"untouched lab {lab}, {question}: the public tests should fail, it shows:\n{text}")

    answered = in_colab(nbformat.reads(json.dumps(solved(lab)), as_version=4), package)
    answered, changed = run_in_colab(colab, answered, tmp_path / "solved")
    installs[f"labs/{lab}.ipynb, answered"] = changed
    assert_minimal(changed, f"labs/{lab}.ipynb, answered")
    assert check_outputs(answered) == {q: f"{q} results: All test cases passed!" for q in questions}


def test_install_stops_instead_of_replacing(colab, package, tmp_path):
    """What the first cell does when Colab's packages cannot stay as they are: a message, and
    nothing changed."""
    colab.pip("install", "-q", "--no-deps", str(package))
    needs_old_numpy = tmp_path / "needs-old-numpy"
    needs_old_numpy.mkdir()
    (needs_old_numpy / "pyproject.toml").write_text(
        '[project]\nname = "needs-old-numpy"\nversion = "1.0"\ndependencies = ["numpy<2"]\n'
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
    )
    code = (
        "import sys\nfrom trainwell import colab\n"
        "try:\n    colab.install_requirements(sys.argv[1:])\nexcept colab.InstallStopped as e:\n"
        "    print(e)\nelse:\n    print('INSTALLED')\n"
    )
    try:
        before = colab.distributions()
        numpy = before["numpy"]
        for requirement, held in ((f"numpy>={int(numpy.split('.')[0]) + 1}", "numpy"),
                                  (f"needs-old-numpy @ {needs_old_numpy.as_uri()}", "numpy"),
                                  ("wrapt<2", "wrapt")):
            result = subprocess.run([str(colab.python), "-c", code, requirement],
                                    capture_output=True, text=True, timeout=300)
            message = result.stdout
            assert message.startswith(f"Stopped: installing {requirement} would replace this "
                                      f"runtime's {held} {before[held]}"), message
            assert "nothing was installed" in message and "Restart session" in message
            assert colab.distributions() == before
    finally:
        colab.pip("uninstall", "-y", "-q", "trainwell")
