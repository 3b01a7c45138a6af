"""Isolation of one submission: bubblewrap namespaces, an unprivileged user, resource limits.

The sandbox sees a private ``/tmp``, its own ``/submission`` folder (read-write), and read-only the
system (``/usr``), the Python installation and the packages on ``sys.path``; nothing else of the
grader's machine (no solutions, no other submissions, no output folder). It has no network
(a new network namespace with only ``lo``), its own process tree, and when the grader runs as root
it runs as an unprivileged uid of its own. Limits: address space, processes, file size, no core.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SANDBOX_UID_BASE = 64000
RUNNER = "trainwell.grading.runner"
WORKDIR = "/submission"
ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime",
             "passwd", "group", "nsswitch.conf")
INSTALL_HINT = (
    "bubblewrap is not installed, so submissions cannot be isolated. Install it "
    "(Debian/Ubuntu: `sudo apt-get install bubblewrap`; Fedora: `sudo dnf install bubblewrap`), "
    "or pass --unsafe to grade without isolation (only for code you trust; rows are marked)."
)


class SandboxUnavailable(RuntimeError):
    """No isolation is possible on this machine; the message says what to install."""


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 4096
    processes: int = 512
    file_mb: int = 256
    tmp_mb: int = 512
    threads: int = 1


@functools.lru_cache(maxsize=1)
def python_paths() -> tuple[str, ...]:
    """Folders a fresh interpreter needs: its prefixes and every existing ``sys.path`` entry."""
    out = subprocess.run(
        [sys.executable, "-I", "-c",
         "import json, sys; print(json.dumps([sys.prefix, sys.base_prefix, sys.exec_prefix, *sys.path]))"],
        capture_output=True, text=True, check=True,
    ).stdout
    paths = {os.path.realpath(p) for p in json.loads(out) if p and os.path.exists(p)}
    paths.add(os.path.realpath(os.path.dirname(sys.executable)))
    paths.add(os.path.dirname(os.path.abspath(sys.executable)))
    keep = []
    for path in sorted(paths, key=len):  # drop entries inside another one
        if os.path.isfile(path):
            path = os.path.dirname(path)
        if not any(path == k or path.startswith(k.rstrip("/") + "/") for k in keep) and path != "/":
            keep.append(path)
    return tuple(keep)


def _parents(path: str) -> list[str]:
    parts = Path(path).parts[1:-1]
    return ["/" + "/".join(parts[: i + 1]) for i in range(len(parts))]


def bwrap_argv(workdir: Path, uid: int | None, limits: Limits) -> list[str]:
    """The bubblewrap command line that runs the runner with ``workdir`` as ``/submission``."""
    argv = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid",
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    if os.geteuid() != 0:
        argv.append("--unshare-user")
    argv += ["--perms", "1777", "--size", str(limits.tmp_mb * 2**20), "--tmpfs", "/tmp"]
    for top in ("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / top
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            argv += ["--ro-bind", str(path), str(path)]
    for name in ETC_FILES:
        if os.path.exists(f"/etc/{name}"):
            argv += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    made = {"/tmp"}
    for path in python_paths():
        if path.startswith("/usr/"):
            continue
        for parent in _parents(path):
            if parent not in made:
                argv += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        argv += ["--ro-bind", path, path]
    argv += ["--bind", str(workdir), WORKDIR, "--proc", "/proc", "--dev", "/dev",
             "--chdir", WORKDIR, "--clearenv"]
    for key, value in sandbox_env(WORKDIR, "/tmp", limits).items():
        argv += ["--setenv", key, value]
    if uid is not None:
        argv += setpriv(uid)
    return argv + runner_argv()


def runner_argv() -> list[str]:
    """The command that starts the runner, in isolated mode (no user site, no current folder)."""
    return [sys.executable, "-I", "-m", RUNNER]


def sandbox_env(home: str, tmp: str, limits: Limits) -> dict[str, str]:
    threads = str(max(1, limits.threads))
    return {
        "HOME": home, "TMPDIR": tmp, "PATH": f"{os.path.dirname(sys.executable)}:/usr/bin:/bin",
        "LANG": "C.UTF-8", "MPLBACKEND": "Agg", "MPLCONFIGDIR": f"{tmp}/matplotlib",
        "TF_CPP_MIN_LOG_LEVEL": "2", "TF_ENABLE_ONEDNN_OPTS": "0", "OMP_NUM_THREADS": threads,
        "MKL_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads,
        "TRAINWELL_GRADING": "1",
    }


def _own_tasks() -> int:
    """How many threads the current user already runs (RLIMIT_NPROC counts them all)."""
    count, uid = 0, os.getuid()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                continue
    return count


def preexec(limits: Limits):
    """A ``preexec_fn`` that applies the resource limits in the child before ``exec``."""
    nproc = limits.processes + (_own_tasks() if os.geteuid() != 0 else 0)
    memory = limits.memory_mb * 2**20
    file_size = limits.file_mb * 2**20

    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


@dataclass(frozen=True)
class Isolation:
    """How submissions run: ``bubblewrap`` (isolated) or ``none`` (``--unsafe``)."""

    kind: str

    @property
    def isolated(self) -> bool:
        return self.kind == "bubblewrap"

    def uid(self, slot: int) -> int | None:
        """The unprivileged user that worker ``slot`` runs submissions as; None: the grader's own."""
        drop = os.geteuid() == 0 if self.isolated else can_drop_privileges()
        return SANDBOX_UID_BASE + slot if drop else None

    def command(self, workdir: Path, slot: int, limits: Limits) -> tuple[list[str], dict | None]:
        """``(argv, env)`` that runs the runner on ``workdir``; ``env`` None means bubblewrap's."""
        uid = self.uid(slot)
        if self.isolated:
            return bwrap_argv(workdir, uid, limits), {}
        tmp = workdir / ".tmp"
        tmp.mkdir(exist_ok=True)
        prefix = [] if uid is None else setpriv(uid)
        return prefix + runner_argv(), sandbox_env(str(workdir), str(tmp), limits)

    def prepare(self, workdir: Path, slot: int) -> None:
        """Give the sandbox's user its folder."""
        if (uid := self.uid(slot)) is not None:
            for path in [workdir, *workdir.rglob("*")]:
                os.chown(path, uid, uid)


def setpriv(uid: int) -> list[str]:
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs",
            "--inh-caps=-all", "--bounding-set=-all"]


@functools.lru_cache(maxsize=1)
def can_drop_privileges() -> bool:
    """Without bubblewrap, root can still run submissions as an unprivileged user, if Python lets it."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe_cmd = setpriv(SANDBOX_UID_BASE) + [sys.executable, "-I", "-c", f"import {RUNNER}"]
    return subprocess.run(probe_cmd, capture_output=True, cwd="/").returncode == 0


@functools.lru_cache(maxsize=1)
def probe() -> str | None:
    """None when bubblewrap works here, else why not."""
    if shutil.which("bwrap") is None:
        return INSTALL_HINT
    with tempfile.TemporaryDirectory(prefix="trainwell-probe-") as tmp:
        workdir = Path(tmp) / "w"
        workdir.mkdir()
        isolation = Isolation("bubblewrap")
        isolation.prepare(workdir, 0)
        argv, _ = isolation.command(workdir, 0, Limits())
        argv = argv[: argv.index("-m")] + ["-c", f"import {RUNNER}"]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        return (
            "bubblewrap is installed but cannot create a sandbox here "
            f"({done.stderr.strip()[:300] or 'exit status ' + str(done.returncode)}). "
            "Run the grader where user namespaces are allowed (or as root), "
            "or pass --unsafe to grade without isolation (rows are marked)."
        )
    return None


def choose(unsafe: bool) -> Isolation:
    """Bubblewrap when it works; ``none`` only with ``unsafe``; else :class:`SandboxUnavailable`."""
    problem = probe()
    if problem is None:
        return Isolation("bubblewrap")
    if unsafe:
        return Isolation("none")
    raise SandboxUnavailable(problem)
