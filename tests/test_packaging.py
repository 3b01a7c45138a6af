"""The helper package stays light: importing one framework's side never imports the other."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module, absent",
    [("trainwell.torch", "tensorflow"), ("trainwell.tf", "torch"), ("trainwell.data", "torch")],
)
def test_import_isolation(module, absent):
    code = f"import sys, {module}; sys.exit({absent!r} in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, f"{module} imports {absent}"
