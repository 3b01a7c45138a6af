import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import subprocess  # noqa: E402
import tempfile  # noqa: E402

import pytest  # noqa: E402

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
    """Sandboxed grading runs take the sandbox user ids: one at a time across the xdist workers."""
    with _lock("sandbox"):
        yield
