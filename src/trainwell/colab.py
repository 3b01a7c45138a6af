"""Set a Colab runtime up for the course without replacing any package that Colab brings.

The first code cell of every notebook and lab installs ``trainwell`` with ``pip --no-deps``, which
changes nothing else, then calls :func:`install_requirements`: pip installs what the helpers need
and the runtime lacks, with every installed framework, NumPy-stack and compiled package
(:data:`PROTECTED`) held at its version, so an install that would replace one of them stops with a
message instead of breaking the running session (the Colab breakage users report most).
Standard library only: it runs before the helpers' own dependencies are known to be there.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata

# The packages of a Colab runtime that an install must never replace: the frameworks, the
# scientific stack, the kernel, and the compiled libraries that the frameworks load.
PROTECTED = frozenset({
    "torch", "torchvision", "torchaudio", "tensorflow", "keras", "jax", "jaxlib", "numpy", "scipy",
    "pandas", "matplotlib", "ipython", "ipykernel", "wrapt", "protobuf", "ml-dtypes", "h5py",
})
CONSTRAINT = re.compile(r"The user requested \(constraint\) ([\w.-]+)==(\S+)")


class InstallStopped(RuntimeError):
    """An install that would replace one of the runtime's packages (or that pip could not do);
    IPython shows only the message."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def canonical(name: str) -> str:
    """A distribution name in its normalized form (PEP 503): ``ML_Dtypes`` → ``ml-dtypes``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def installed() -> dict[str, str]:
    """Every installed distribution, by normalized name, with its version."""
    return {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()
            if d.metadata["Name"]}


def own_requirements() -> list[str]:
    """The requirements of the installed ``trainwell``, less those of its extras."""
    return [r for r in metadata.requires("trainwell") or [] if "extra ==" not in r]


def install_requirements(requirements: Iterable[str] | None = None) -> dict[str, str]:
    """Install ``requirements`` (default: those of ``trainwell``) where the runtime lacks them,
    holding every installed protected package at its version. Returns what pip installed or
    changed (name → version); raises :class:`InstallStopped` if pip cannot do that."""
    wanted = own_requirements() if requirements is None else list(requirements)
    if not wanted:
        return {}
    before = installed()
    pins = "".join(f"{name}=={version}\n" for name, version in sorted(before.items())
                   if name in PROTECTED)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="protected-") as constraints:
        constraints.write(pins)
        constraints.flush()
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--constraint", constraints.name, *wanted],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
    if result.returncode != 0:
        raise InstallStopped(_stopped_message(wanted, result.stdout))
    after = installed()
    return {name: version for name, version in after.items() if before.get(name) != version}


def _stopped_message(wanted: list[str], pip_output: str) -> str:
    """What to tell the student when pip fails: the conflict pip found, or its errors."""
    cause = pip_output.partition("The conflict is caused by:")[2].split("\n\n")[0].rstrip()
    errors = "\n".join(line for line in pip_output.splitlines() if line.startswith("ERROR:"))
    held = sorted(set(CONSTRAINT.findall(cause)))
    if held:
        kept = ", ".join(f"{name} {version}" for name, version in held)
        return (
            f"Stopped: installing {', '.join(wanted)} would replace this runtime's {kept}, which "
            "the running session may already use, so nothing was installed. If you want it "
            "replaced anyway, run %pip install with the version you need, then Runtime → "
            "Restart session, and run this cell again.\n\npip found this conflict:" + cause
        )
    return (f"Stopped: pip could not install {', '.join(wanted)}; none of this runtime's "
            f"frameworks was changed.\n\npip said:\n{errors or pip_output.strip()[-1500:]}")
