"""Every chapter and solution notebook follows the course's conventions."""

import json
import re
from pathlib import Path

import pytest
import yaml
from notebooks import IMAGE_TYPES, alt_text_problem, image_alt

ROOT = Path(__file__).resolve().parents[1]
REPO_URL = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*/*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
ALL_NOTEBOOKS = NOTEBOOKS + sorted((ROOT / "labs").glob("*.ipynb"))


def code_cells(path):
    nb = json.loads(path.read_text())
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_stored_executed_in_order(path):
    counts = [c["execution_count"] for c in code_cells(path)]
    assert None not in counts, f"{path}: cells never executed; run `make execute`"
    assert counts == sorted(counts), f"{path}: executed out of order; run `make execute`"
    errors = [o for c in code_cells(path) for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, f"{path}: stored outputs contain errors"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_first_cell_installs_in_colab_and_seeds(path):
    first = "".join(code_cells(path)[0]["source"])
    assert 'if "google.colab" in sys.modules:' in first
    assert re.search(r"^SEED = \d+$", first, re.MULTILINE)
    # A concept page (index.ipynb) computes with NumPy only: its generator is seeded instead.
    seeding = "np.random.default_rng(SEED)" if path.name == "index.ipynb" else "set_seed(SEED)"
    assert seeding in first


@pytest.mark.parametrize("path", ALL_NOTEBOOKS + [ROOT / "README.md"], ids=lambda p: p.name)
def test_repository_url_is_the_configured_one(path):
    for url in re.findall(r"https://github\.com/[\w.-]+/[\w.-]+", path.read_text()):
        assert url == REPO_URL, f"{path} names {url}; _config.yml says {REPO_URL}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_image_output_has_alt_text(path):
    """Each code cell that stores an image (a plot) gives it alt text that says what it shows, as
    the cell option ``mystnb: {image: {alt: ...}}`` in the notebook's source (myst-nb puts it on the
    site's ``<img>``)."""
    problems = []
    for cell in code_cells(path):
        if any(t in o.get("data", {}) for o in cell["outputs"] for t in IMAGE_TYPES):
            if why := alt_text_problem(image_alt(cell)):
                problems.append(f"cell {cell['source'][0].strip()[:60]!r}: {why}")
    assert not problems, f"{path.relative_to(ROOT)} (set the cell option in its source):\n" + "\n".join(problems)


def test_alt_text_rules_reject_what_says_nothing():
    assert alt_text_problem(None) == "no alt text"
    assert "file name" in alt_text_problem("../../_images/5644a38e3a18.png")
    assert "names no content" in alt_text_problem("Figure 1", sentence=False)
    assert "too short" in alt_text_problem("loss against step")
    assert alt_text_problem("Colab logo", sentence=False) is None
    assert alt_text_problem("Gradient norm ‖∂L/∂W‖ of each layer, on a log scale, for two inits") is None


def test_tensorflow_logs_are_quieted_before_import():
    for path in ROOT.glob("chapters/*/tensorflow.ipynb"):
        first = "".join(code_cells(path)[0]["source"])
        assert first.index("TF_CPP_MIN_LOG_LEVEL") < first.index("import tensorflow")
