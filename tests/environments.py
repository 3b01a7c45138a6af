"""The suite's extra environments: a Colab-like runtime, and the oldest TensorFlow and Keras.

Each is a virtual environment under ``.venv/compat/<name>`` (ignored by git, skipped by the book
and ruff like ``.venv``), built by the first test that needs it and reused while its key (the
requirements it was built from, and Python's version) is the same. The notebooks run in kernels of
these environments, driven by nbclient from the suite's own environment.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import nbformat
from filelock import FileLock
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from packaging.requirements import Requirement

from trainwell.colab import canonical

ROOT = Path(__file__).resolve().parents[1]
COMPAT = ROOT / ".venv" / "compat"
BUILD_LOG = COMPAT / "builds.log"
# What a Colab runtime has from the start, besides its frameworks (pinned in colab_env): the
# packages the course's notebooks import, the kernel, and the widgets. Colab itself brings more.
COLAB_PREINSTALLED = ("numpy", "scipy", "pandas", "matplotlib", "scikit-learn", "ipython",
                      "ipykernel", "ipywidgets", "plotly", "tqdm")
# In the kernel before any cell, as in Colab: the real `google` namespace package (protobuf's)
# with a `google.colab` module, so `"google.colab" in sys.modules` is true.
FAKE_COLAB = ("import google, sys, types; "
              "sys.modules['google.colab'] = google.colab = types.ModuleType('google.colab')")
LIST_DISTRIBUTIONS = ("import importlib.metadata as m, json; "
                      "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions() "
                      "if d.metadata['Name']}))")


@dataclass(frozen=True)
class Env:
    """A virtual environment of the suite: its name and the requirements it is built from."""

    name: str
    requirements: tuple[str, ...]
    editable_trainwell: bool = False

    @property
    def path(self) -> Path:
        return COMPAT / self.name

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"

    @property
    def key(self) -> str:
        spec = [self.requirements, self.editable_trainwell, sys.version]
        return hashlib.sha256(json.dumps(spec).encode()).hexdigest()

    def pip(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([str(self.python), "-m", "pip", *args], capture_output=True,
                                text=True, cwd=ROOT)
        if check and result.returncode != 0:
            raise AssertionError(f"pip {' '.join(args)} failed in {self.path}:\n{result.stdout[-3000:]}"
                                 f"\n{result.stderr[-3000:]}")
        return result

    def distributions(self) -> dict[str, str]:
        """Every distribution installed there, by normalized name, with its version."""
        out = subprocess.run([str(self.python), "-c", LIST_DISTRIBUTIONS], capture_output=True,
                             text=True, check=True).stdout
        return {canonical(name): version for name, version in json.loads(out).items()}


def newest_release(name: str) -> str:
    """The newest release of ``name`` on the package index for this Python and platform."""
    result = subprocess.run([sys.executable, "-m", "pip", "index", "versions", name, "--json"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"cannot ask the package index for {name}'s releases:\n{result.stderr}")
    return json.loads(result.stdout)["latest"]


def course_torch() -> str:
    """The course's PyTorch: the build `make setup` installed (the CPU build here)."""
    return f"torch=={metadata.version('torch')}"


def colab_env() -> Env:
    """A runtime set up as Colab's is: the full `tensorflow` and `keras` at their newest releases,
    the course's PyTorch, the scientific stack, IPython and the kernel; no `trainwell`."""
    frameworks = (course_torch(), f"tensorflow=={newest_release('tensorflow')}",
                  f"keras=={newest_release('keras')}")
    return Env("colab", frameworks + COLAB_PREINSTALLED)


def lower_bounds(extra: str = "tf") -> dict[str, str]:
    """``trainwell``'s requirements (its own and those of ``extra``) with a ``>=`` bound: name →
    the bound. Read from the installed package's metadata, i.e. pyproject.toml."""
    bounds = {}
    for text in metadata.requires("trainwell") or []:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        for spec in requirement.specifier:
            if spec.operator == ">=":
                bounds[canonical(requirement.name)] = spec.version
    return bounds


def cpu_tensorflow(name: str) -> str:
    """`tensorflow-cpu` where requirements.txt installs it (x86-64), else `tensorflow`."""
    x86 = platform.machine() in ("x86_64", "AMD64")
    return "tensorflow-cpu" if name == "tensorflow" and x86 else name


def oldest_env() -> Env:
    """TensorFlow, Keras and every other requirement of ``trainwell`` at its lower bound; the
    kernel (not a requirement of the helpers) at its newest; ``trainwell`` from this checkout."""
    pins = tuple(f"{cpu_tensorflow(name)}=={version}" for name, version in sorted(lower_bounds().items()))
    return Env("tf-oldest", pins + ("ipykernel",), editable_trainwell=True)


def ensure(env: Env) -> Env:
    """Build ``env`` unless it is already there with the same key and the same packages as when
    it was built (a test that left a change behind gets a fresh one); return it."""
    stamp, pristine = env.path / ".stamp", env.path / ".pristine.json"
    with FileLock(Path(tempfile.gettempdir()) / f"trainwell-env-{env.name}.lock"):
        if stamp.is_file() and stamp.read_text() == env.key and pristine.is_file():
            now, then = env.distributions(), json.loads(pristine.read_text())
            if not env.editable_trainwell:  # a run cut short may have left the helpers installed
                now.pop("trainwell", None)
            if now == then:
                return env
        start = time.monotonic()
        shutil.rmtree(env.path, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(env.path)], check=True)
        env.pip("install", "-q", "--upgrade", "pip")
        env.pip("install", "-q", *env.requirements)
        if env.editable_trainwell:
            env.pip("install", "-q", "--no-deps", "-e", str(ROOT))
        pristine.write_text(json.dumps(env.distributions(), sort_keys=True))
        stamp.write_text(env.key)
        with BUILD_LOG.open("a") as log:
            log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} built {env.name} in "
                      f"{time.monotonic() - start:.0f} s: {' '.join(env.requirements)}\n")
    return env


def kernel_manager(env: Env, colab: bool = False) -> KernelManager:
    """A kernel in ``env``; with ``colab``, ``google.colab`` is imported before any cell runs."""
    name = f"{env.name}-colab" if colab else env.name
    folder = COMPAT / "kernels" / name
    folder.mkdir(parents=True, exist_ok=True)
    argv = [str(env.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    if colab:
        argv.append(f"--IPKernelApp.exec_lines={FAKE_COLAB}")
    spec = {"argv": argv, "display_name": name, "language": "python"}
    (folder / "kernel.json").write_text(json.dumps(spec))
    return KernelManager(kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(folder.parent)]),
                         kernel_name=name)


def execute(nb: nbformat.NotebookNode, env: Env, cwd: Path, colab: bool = False,
            allow_errors: bool = False, timeout: int = 300) -> nbformat.NotebookNode:
    """Run ``nb`` (in place) in a fresh kernel of ``env`` with ``cwd`` as its folder."""
    client = NotebookClient(nb, km=kernel_manager(env, colab), timeout=timeout,
                            allow_errors=allow_errors, resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def error_text(nb: nbformat.NotebookNode) -> str:
    """The error outputs of an executed notebook, as text ('' when there are none)."""
    return "\n".join(
        f"{o.ename}: {o.evalue}" for c in nb.cells if c.cell_type == "code"
        for o in c.get("outputs", []) if o.output_type == "error"
    )
