"""One source per chapter and lab: the splitter, output keeping, and the committed notebooks in sync."""

import shutil
from pathlib import Path

import nbformat
import pytest

from trainwell.grading.cli import main
from trainwell.single_source import (
    SourceError,
    Target,
    find_sources,
    keep_outputs,
    out_of_sync,
    read_source,
    split,
    targets,
    write_notebooks,
)

ROOT = Path(__file__).resolve().parents[1]
SOURCE = """\
---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
substitutions:
  layer:
    pytorch: "`nn.Linear`"
    tensorflow: "`keras.layers.Dense`"
---

# Clipping in {{ framework }}

The [{{ other_framework }} version]({{ other_notebook }}) has the same headings; both use {{ layer }}.

```{code-cell} ipython3
:framework: pytorch

import torch
```

```{code-cell} ipython3
:framework: tensorflow
:tags: [nbval-ignore-output]

import tensorflow as tf
```

```{code-cell} ipython3
x = 1 + 1
x
```

+++ {"framework": "tensorflow"}

Keras has its own default.
"""


def write_source(folder: Path, text: str = SOURCE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notebook.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_split_gives_each_framework_its_cells_and_names(tmp_path):
    path = write_source(tmp_path / "chapters" / "07-demo")
    source = read_source(path)
    torch_nb, tf_nb = (split(source, path, f) for f in ("pytorch", "tensorflow"))
    assert [c.source for c in torch_nb.cells] == [
        "# Clipping in PyTorch\n\nThe [TensorFlow version](tensorflow.ipynb) has the same headings; "
        "both use `nn.Linear`.",
        "import torch",
        "x = 1 + 1\nx",
    ]
    assert [c.source for c in tf_nb.cells] == [
        "# Clipping in TensorFlow\n\nThe [PyTorch version](pytorch.ipynb) has the same headings; "
        "both use `keras.layers.Dense`.",
        "import tensorflow as tf",
        "x = 1 + 1\nx",
        "Keras has its own default.",
    ]
    assert [c.id for c in tf_nb.cells] == ["cell-00", "cell-01", "cell-02", "cell-03"]
    assert tf_nb.cells[1].metadata == {"tags": ["nbval-ignore-output"]}
    assert all("framework" not in c.metadata for c in torch_nb.cells + tf_nb.cells)
    assert set(tf_nb.metadata) == {"kernelspec"}


def test_lab_sources_name_their_notebooks_after_the_lab(tmp_path):
    path = tmp_path / "solutions" / "07-demo.md"
    path.parent.mkdir()
    path.write_text("A link to [the other lab]({{ other_notebook }}).\n", encoding="utf-8")
    assert Target(path, "pytorch").path == path.with_name("07-demo-pytorch.ipynb")
    (cell,) = split(read_source(path), path, "pytorch").cells
    assert cell.source == "A link to [the other lab](07-demo-tensorflow.ipynb)."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Uses {{ missing }}.\n", r"\{\{ missing \}\} is not defined \(known: framework"),
        ("---\nsubstitutions:\n  layer: {pytorch: a}\n---\n\n{{ layer }}\n",
         "substitution 'layer' needs one value for each of pytorch, tensorflow"),
        ('+++ {"framework": "jax"}\n\nText\n', "a cell marked framework: 'jax'"),
    ],
)
def test_mistakes_in_a_source_are_named(tmp_path, text, message):
    path = write_source(tmp_path, text)
    with pytest.raises(SourceError, match=message):
        split(read_source(path), path, "pytorch")


def executed(nb):
    for n, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = n + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"out {n}\n")]
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def test_keep_outputs_keeps_unchanged_cells_and_clears_edited_ones(tmp_path):
    path = write_source(tmp_path)
    old = executed(split(read_source(path), path, "tensorflow"))
    edited = write_source(tmp_path, SOURCE.replace("x = 1 + 1", "x = 2 + 2"))
    new = keep_outputs(split(read_source(edited), edited, "tensorflow"), old)
    assert new.cells[1].outputs == old.cells[1].outputs and new.cells[1].execution_count == 1
    assert new.cells[2].outputs == [] and new.cells[2].execution_count is None
    assert new.metadata["language_info"] == {"name": "python"}


def test_a_sentence_changed_once_changes_both_notebooks_and_keeps_every_output(tmp_path):
    chapter = ROOT / "chapters" / "02-vanishing-exploding"
    copy = tmp_path / "chapters" / chapter.name
    shutil.copytree(chapter, copy)
    source = copy / "notebook.md"
    shared = next(c.source for c in read_source(source).cells
                  if c.cell_type == "markdown" and "framework" not in c.metadata and ". " in c.source)
    sentence = shared.split(". ")[0]
    source.write_text(source.read_text(encoding="utf-8").replace(sentence, "A sentence edited once"),
                      encoding="utf-8")
    before = {name: nbformat.read(copy / name, as_version=4) for name in ("pytorch.ipynb", "tensorflow.ipynb")}

    assert sorted(p.name for p in write_notebooks([source])) == ["pytorch.ipynb", "tensorflow.ipynb"]
    for name, old in before.items():
        new = nbformat.read(copy / name, as_version=4)
        text = "\n".join(c.source for c in new.cells if c.cell_type == "markdown")
        assert "A sentence edited once" in text and sentence not in text
        assert [c.get("outputs") for c in new.cells] == [c.get("outputs") for c in old.cells]
        assert [c.get("execution_count") for c in new.cells] == [
            c.get("execution_count") for c in old.cells]
        assert new.metadata == old.metadata
    assert out_of_sync([source]) == []
    assert write_notebooks([source]) == []


CONCEPT = """\
---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A concept page

Prose with a MyST substitution, {{ left_as_it_is }}.

```{code-cell} ipython3
import numpy as np
np.ones(2).sum()
```
"""


def test_a_concept_page_gives_one_notebook_with_every_cell(tmp_path):
    folder = tmp_path / "chapters" / "07-demo"
    write_source(folder)
    page = folder / "index.md"
    page.write_text(CONCEPT, encoding="utf-8")
    assert find_sources(tmp_path) == [page, folder / "notebook.md"]
    assert [t.path for t in targets(page)] == [folder / "index.ipynb"]
    nb = split(read_source(page), page, None)
    assert [c.source for c in nb.cells] == [
        "# A concept page\n\nProse with a MyST substitution, {{ left_as_it_is }}.",
        "import numpy as np\nnp.ones(2).sum()",
    ]
    written = write_notebooks([page])
    assert written == [folder / "index.ipynb"]
    assert out_of_sync([page]) == []


def test_a_cell_with_options_that_are_not_yaml_is_named(tmp_path):
    page = tmp_path / "chapters" / "07-demo" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("```{code-cell} ipython3\n---\nmystnb:\n  alt: a: b: c\n---\n1\n```\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"index\.md: Code cell 0 .* Invalid YAML"):
        read_source(page)


def test_a_concept_page_refuses_framework_cells(tmp_path):
    page = tmp_path / "chapters" / "07-demo" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text(CONCEPT + "\n```{code-cell} ipython3\n:framework: pytorch\n\nimport torch\n```\n",
                    encoding="utf-8")
    with pytest.raises(SourceError, match="concept page is framework-neutral.*'pytorch'"):
        split(read_source(page), page, None)


def test_the_command_writes_the_notebooks_and_names_cells_to_execute(tmp_path, capsys):
    write_source(tmp_path / "chapters" / "07-demo")
    assert main(["notebooks", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 source(s), 2 notebook(s) rewritten" in out
    assert "pytorch.ipynb: 2 code cell(s) to execute (make execute)" in out
    assert main(["notebooks", "--root", str(tmp_path / "empty")]) == 2
    assert "no chapter or lab sources" in capsys.readouterr().err


def test_committed_notebooks_are_what_their_sources_give():
    stale = out_of_sync(find_sources(ROOT))
    assert not stale, "notebooks out of sync with their sources (run `make notebooks`):\n" + "\n".join(stale)


def test_every_chapter_and_lab_notebook_comes_from_a_source():
    generated = {t.path for s in find_sources(ROOT) for t in targets(s)}
    notebooks = set(ROOT.glob("chapters/*/*.ipynb")) | set(ROOT.glob("solutions/*.ipynb"))
    assert notebooks == generated
    assert len(find_sources(ROOT)) == 18
    assert len(list(ROOT.glob("chapters/*/index.ipynb"))) == 6


@pytest.mark.parametrize("source", find_sources(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_shared_prose_is_written_once(source):
    paragraphs = {"pytorch": set(), "tensorflow": set()}
    for cell in read_source(source).cells:
        owner = cell.metadata.get("framework")
        if owner and cell.cell_type == "markdown":
            paragraphs[owner] |= {p.strip() for p in cell.source.split("\n\n") if p.strip()}
    twice = paragraphs["pytorch"] & paragraphs["tensorflow"]
    assert not twice, f"{source.name}: paragraphs in both framework-marked cells: {sorted(twice)}"
