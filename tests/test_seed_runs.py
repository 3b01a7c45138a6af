"""The runs with other seeds (notebooks.run_with_seed): one kept kernel per notebook, and every
run as if in a fresh one."""

from pathlib import Path

import nbformat
import pytest
from notebooks import _SEED_KERNELS, SEEDS, run_with_seed

from trainwell.notebook import glued

# A notebook that glues its seed, its kernel's process id, whether a variable of an earlier run
# is still defined, and whether its figure is the only one open.
CELLS = [
    "import os\n\nimport matplotlib.pyplot as plt\n\nfrom trainwell.notebook import glue\n\nSEED = 0",
    "glue('seed', SEED)\nglue('pid', os.getpid())\nglue('leftover', 'earlier' in globals())",
    "plt.figure()\nglue('figures', len(plt.get_fignums()))\nearlier = SEED",
]


@pytest.fixture()
def notebook(tmp_path):
    path = tmp_path / "seeded.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nbformat.write(nb, path)
    yield path
    assert path not in _SEED_KERNELS, "the last seed's run left the kernel running"


def test_the_runs_of_a_notebook_share_a_kernel_and_start_clean(notebook):
    runs = [run_with_seed(notebook, seed) for seed in SEEDS]
    assert [r["seed"] for r in runs] == list(SEEDS)
    assert len({r["pid"] for r in runs}) == 1
    assert [r["leftover"] for r in runs] == [False] * len(SEEDS)
    assert [r["figures"] for r in runs] == [1] * len(SEEDS)
    assert not list(notebook.parent.glob(".seed-*"))


def test_a_failing_run_leaves_the_next_one_a_working_kernel(notebook):
    broken = nbformat.read(notebook, as_version=4)
    broken.cells[1].source = "raise RuntimeError('boom')"
    good = nbformat.read(notebook, as_version=4)
    nbformat.write(broken, notebook)
    with pytest.raises(Exception, match="boom"):
        run_with_seed(notebook, SEEDS[0])
    nbformat.write(good, notebook)
    assert run_with_seed(notebook, SEEDS[-1])["seed"] == SEEDS[-1]


def test_a_notebook_without_a_seed_line_is_named(tmp_path):
    path = tmp_path / "unseeded.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), path)
    with pytest.raises(AssertionError, match="must set `SEED = <int>`"):
        run_with_seed(path, SEEDS[0])


def test_glue_reads_the_same_from_a_stored_notebook_and_from_memory():
    path = Path(__file__).parents[1] / "chapters" / "06-rnn-lstm-gru" / "pytorch.ipynb"
    from_disk = glued(path)
    assert from_disk["ch06_adding_T"] == 60 and isinstance(from_disk["ch06_adding_mse_rnn"], float)
    assert glued(nbformat.read(path, as_version=4)) == from_disk
