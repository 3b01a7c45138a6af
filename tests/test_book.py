"""The book builds with warnings as errors, from stored outputs, with offline math and launch links."""

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from sphinx.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPO_URL = CONFIG["repository"]["url"]
CH02 = "chapters/02-vanishing-exploding"


def test_config_builds_from_stored_outputs():
    assert CONFIG["execute"]["execute_notebooks"] == "off"
    assert CONFIG["repository"]["path_to_book"] == ""
    assert CONFIG["launch_buttons"]["colab_url"] == "https://colab.research.google.com"


def test_chapter_pages_render_with_glued_numbers_math_and_plots(built_site):
    for name in ("pytorch", "tensorflow"):
        html = (built_site / CH02 / f"{name}.html").read_text()
        assert "0.2500" in html, f"{name}: the glued sigmoid maximum is not in the prose"
        assert html.count("<img") >= 5, f"{name}: plots missing"
        assert "_static/mathjax/tex-chtml.js" in html and "cdn.jsdelivr" not in html
        colab = f"https://colab.research.google.com/github/{REPO_URL.split('github.com/')[1]}/blob/main/{CH02}/{name}.ipynb"
        assert colab in html, f"{name}: no Colab launch link to {colab}"
    assert (built_site / "_static" / "mathjax" / "tex-chtml.js").exists()


def test_bibliography_lists_the_cited_papers(built_site):
    html = (built_site / "book" / "references.html").read_text()
    for author in ("Glorot", "Ioffe", "Hochreiter", "Pascanu", "Srivastava", "Cho"):
        assert author in html


def test_a_machine_without_graphviz_is_told_what_to_install(monkeypatch):
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    try:
        import trainwell_site
    finally:
        sys.path.remove(str(ROOT / "book" / "_ext"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    config = SimpleNamespace(graphviz_dot="dot", html_static_path=[], html_context={},
                             html_theme_options={})
    with pytest.raises(ConfigError, match="apt-get install graphviz"):
        trainwell_site._configure(None, config)
