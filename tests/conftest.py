import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import subprocess  # noqa: E402
import tempfile  # noqa: E402

import pytest  # noqa: E402
from notebooks import SEED_RUNS  # noqa: E402
from xdist.scheduler import LoadScopeScheduling  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built_site():
    """Build the book once per test run (warnings are errors) and return ``_build/html``; the
    xdist workers of one run share that build."""
    from bench import BOOK_BUILD

    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())
    stamp = Path(tempfile.gettempdir()) / f"trainwell-tests-site-{run}"
    with _lock("site"):
        if not stamp.exists():
            result = subprocess.run(BOOK_BUILD, cwd=ROOT, capture_output=True, text=True)
            assert result.returncode == 0, (
                f"book build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
            stamp.touch()
    return ROOT / "_build" / "html"


def _lock(name: str):
    """A lock that every pytest-xdist worker of this machine shares."""
    from filelock import FileLock

    return FileLock(Path(tempfile.gettempdir()) / f"trainwell-tests-{name}.lock")


@pytest.fixture()
def one_sandbox_batch_at_a_time():
    """Sandboxed grading runs are heavy (a kernel per worker): one test at a time runs them across
    the xdist workers, so that the cores do not push honest cells past their time limits.
    (Concurrent runs are independent: each claims its own sandbox uids; test_two_batches_at_once
    runs two on purpose.)"""
    with _lock("sandbox"):
        yield


class FilesAndSeedRuns(LoadScopeScheduling):
    """pytest-xdist's ``--dist loadfile`` with one exception: a file's tests run on one worker, in
    order (a notebook's nbval cells, a file's shared fixtures and caches), but the runs of each
    notebook with other seeds are a scope of their own, which any worker takes: a chapter's
    notebooks share the cores, and the runs of one notebook share its kept kernel
    (notebooks.run_with_seed)."""

    def _split_scope(self, nodeid: str) -> str:
        if f"::{SEED_RUNS}[" in nodeid:
            return nodeid.rsplit("-", 1)[0]  # test_claims_hold_for_other_seeds[<notebook>-<seed>]
        return nodeid.split("::", 1)[0]


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, which a run may leave out
def pytest_xdist_make_scheduler(config, log):
    return FilesAndSeedRuns(config, log) if config.getvalue("dist") == "loadfile" else None


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter):
    """A banner at the end of a run that skipped tests: what was not tested, and how to install
    the system programs that were missing (a skip must never pass for success)."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: dict[str, int] = {}
    for report in skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    write = terminalreporter.write_line
    terminalreporter.write_sep("!", f"{len(skipped)} TEST(S) SKIPPED: THIS RUN DID NOT TEST EVERYTHING", red=True)
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        write(f"  {count:4d} skipped: {reason}")
    try:
        missing = subprocess.run(["/bin/bash", str(ROOT / ".ci" / "system-packages"), "--missing"],
                                 capture_output=True, text=True).stdout.split()
    except OSError:
        missing = []
    if missing:
        write(f"  missing system packages: {' '.join(missing)}; install them with")
        write(f"      sudo apt-get install {' '.join(missing)}")
        write("  (or run `make setup` as root or with passwordless sudo), then run `make test` again.")
    terminalreporter.write_sep("!", red=True)


# What a notebook kernel or a child process reads from its environment: a test must not change
# these for the tests after it. (Framework imports set other variables of their own.)
WATCHED_ENV = ("MPL", "JUPYTER", "IPYTHON", "PYTHON", "OMP_", "MKL_", "OPENBLAS", "TF_", "KERAS",
               "TORCH", "CUDA", "PATH", "HOME", "TMP", "LANG", "LC_")
# Variables that libraries add for themselves on first use, in whichever test that happens.
SET_BY_LIBRARIES = {"TORCHINDUCTOR_CACHE_DIR"}  # PyTorch's first optimizer step


@pytest.fixture(autouse=True)
def environment_unchanged():
    """A test may not leave the environment that notebook kernels inherit changed (an
    ``MPLBACKEND`` left behind once stripped every figure from nbval's outputs).
    Use ``monkeypatch.setenv`` or pass ``env=`` to the child process instead."""
    before = dict(os.environ)
    yield
    changed = {k for k in before.keys() | os.environ.keys()
               if k.startswith(WATCHED_ENV) and before.get(k) != os.environ.get(k)
               and not (k in SET_BY_LIBRARIES and k not in before)}
    assert not changed, f"the test changed the environment of the test process: {sorted(changed)}"
