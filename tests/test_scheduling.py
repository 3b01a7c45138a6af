"""How `make test` runs: how it shares the tests among its pytest-xdist workers
(conftest.FilesAndSeedRuns), and how `make bench` reads its wall times."""

from conftest import FilesAndSeedRuns


def scope(nodeid: str) -> str:
    return FilesAndSeedRuns._split_scope(None, nodeid)


def test_a_notebooks_cells_and_a_files_tests_stay_together():
    assert scope("chapters/05-resnet/pytorch.ipynb::Cell 3") == "chapters/05-resnet/pytorch.ipynb"
    assert scope("chapters/05-resnet/pytorch.ipynb::Cell 12") == "chapters/05-resnet/pytorch.ipynb"
    assert scope("tests/test_ch05_claims.py::test_stored_claims[pytorch.ipynb]") == "tests/test_ch05_claims.py"
    assert scope("tests/test_site_browser.py::test_explorers[ch02]") == "tests/test_site_browser.py"


def test_the_runs_of_one_notebook_with_other_seeds_are_a_scope_of_their_own():
    runs = {(nb, seed): f"tests/test_ch05_claims.py::test_claims_hold_for_other_seeds[{nb}-{seed}]"
            for nb in ("pytorch.ipynb", "tensorflow.ipynb") for seed in (1, 2, 3)}
    scopes = {key: scope(run) for key, run in runs.items()}
    assert len(set(scopes.values())) == 2
    for (nb, _), got in scopes.items():
        assert got == scopes[nb, 1] == f"tests/test_ch05_claims.py::test_claims_hold_for_other_seeds[{nb}"
    concept = "tests/test_concept_claims.py::test_claims_hold_for_other_seeds[02-vanishing-exploding-3]"
    assert scope(concept) == concept.removesuffix("-3]")


def test_bench_reads_the_wall_time_of_each_pytest_run():
    from bench import PYTEST_SUMMARY

    output = ("===== slowest 15 durations =====\n12.00s call tests/test_book.py::test_x\n"
              "===== 766 passed, 2 warnings in 1260.34s (0:21:00) =====\nmake[1]: Entering directory\n"
              "===== 3 passed in 95.10s (0:01:35) =====\n")
    assert [float(s) for s in PYTEST_SUMMARY.findall(output)] == [1260.34, 95.1]
