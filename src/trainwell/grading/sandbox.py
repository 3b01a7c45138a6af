"""Isolation of one submission: bubblewrap namespaces, an unprivileged user, resource limits.

The sandbox sees its own ``/submission`` folder, a size-limited tmpfs that holds a copy of the
submission and the sandbox's ``/tmp`` (the only writable space: :attr:`Limits.disk_mb` in all, in
memory, gone with the sandbox), and read-only the system (``/usr``), the Python installation and the
packages on ``sys.path``; nothing else of the grader's machine (no solutions, no other submissions,
no output folder, no grader disk). It has no network (a new network namespace with only ``lo``),
its own process tree, and when the grader runs as root it runs as an unprivileged uid that no
other grading run on the machine holds (:func:`claim_users`). Limits: address space, processes,
file size, no core.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SANDBOX_UIDS = range(64000, 65000)
USER_LOCKS = Path(tempfile.gettempdir()) / "trainwell-sandbox-uids"
RUNNER = "trainwell.grading.runner"
WORKDIR = "/submission"
SANDBOX_TMP = f"{WORKDIR}/.tmp"
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
    """A sandbox's resources; ``threads`` is the BLAS/OpenMP threads of its kernel (one: the labs'
    models are small, and more threads per kernel than free cores slow every kernel down)."""

    memory_mb: int = 4096
    processes: int = 512
    disk_mb: int = 512
    threads: int = 1


@dataclass
class Launch:
    """How to start the runner in a sandbox: ``env`` None keeps the grader's (bubblewrap clears it)."""

    argv: list[str]
    env: dict[str, str] | None
    cwd: str
    pass_fds: tuple[int, ...] = field(default_factory=tuple)


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


def file_name(name: str) -> str:
    """A submission's name as the sandbox shows it: letters, digits, ``.``, ``-`` and ``_``."""
    safe = re.sub(r"[^\w.-]", "_", name, flags=re.ASCII).lstrip(".")
    return safe or "submission.ipynb"


def bwrap_argv(submission: tuple[str, int] | None, uid: int | None, limits: Limits) -> list[str]:
    """The bubblewrap command line that runs the runner; ``submission`` is a file name and the
    descriptor to copy it from into ``/submission``."""
    argv = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid",
            "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    if os.geteuid() != 0:
        argv.append("--unshare-user")
    for top in ("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / top
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            argv += ["--ro-bind", str(path), str(path)]
    for name in ETC_FILES:
        if os.path.exists(f"/etc/{name}"):
            argv += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    size = str(limits.disk_mb * 2**20)
    argv += ["--perms", "0777", "--size", size, "--tmpfs", WORKDIR]
    paths = [p for p in python_paths() if not p.startswith("/usr/")]
    if any(p.startswith("/tmp/") for p in paths):  # Python lives in /tmp: it needs a real /tmp
        argv += ["--perms", "1777", "--size", size, "--tmpfs", "/tmp"]
    else:
        argv += ["--perms", "1777", "--dir", SANDBOX_TMP, "--symlink", SANDBOX_TMP, "/tmp"]
    made = {"/tmp"}
    for path in paths:
        for parent in _parents(path):
            if parent not in made:
                argv += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        argv += ["--ro-bind", path, path]
    if submission is not None:
        name, fd = submission
        argv += ["--perms", "0666", "--file", str(fd), f"{WORKDIR}/{file_name(name)}"]
    argv += ["--proc", "/proc", "--dev", "/dev", "--chdir", WORKDIR, "--clearenv"]
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


def _tasks_by_user() -> dict[int, int]:
    """How many threads each user runs (RLIMIT_NPROC counts them all)."""
    counts: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                uid = entry.stat().st_uid
                counts[uid] = counts.get(uid, 0) + len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                continue
    return counts


def preexec(limits: Limits):
    """A ``preexec_fn`` that applies the resource limits in the child before ``exec``."""
    own = _tasks_by_user().get(os.getuid(), 0) if os.geteuid() != 0 else 0
    nproc = limits.processes + own
    memory = limits.memory_mb * 2**20
    file_size = limits.disk_mb * 2**20

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

    @property
    def drops_privileges(self) -> bool:
        """Whether submissions run as unprivileged users of their own (see :func:`claim_users`)."""
        return os.geteuid() == 0 if self.isolated else can_drop_privileges()

    @contextlib.contextmanager
    def launch(self, submission: tuple[str, bytes] | None, uid: int | None,
               limits: Limits) -> Iterator[Launch]:
        """How to run the runner on ``submission`` (its file name and bytes) as ``uid``."""
        if self.isolated:
            if submission is None:
                yield Launch(bwrap_argv(None, uid, limits), None, "/")
                return
            name, data = submission
            fd = os.memfd_create("submission")
            try:
                os.write(fd, data)
                os.lseek(fd, 0, os.SEEK_SET)
                yield Launch(bwrap_argv((name, fd), uid, limits), None, "/", (fd,))
            finally:
                os.close(fd)
            return
        private = Path(tempfile.mkdtemp(prefix="trainwell-grade-"))
        try:
            workdir = private / "submission"
            (workdir / ".tmp").mkdir(parents=True)
            if submission is not None:
                (workdir / file_name(submission[0])).write_bytes(submission[1])
            if uid is not None:
                for path in [workdir, *workdir.rglob("*")]:
                    os.chown(path, uid, uid)
            prefix = [] if uid is None else setpriv(uid)
            env = sandbox_env(str(workdir), str(workdir / ".tmp"), limits)
            yield Launch(prefix + runner_argv(), env, str(workdir))
        finally:
            shutil.rmtree(private, ignore_errors=True)


def setpriv(uid: int) -> list[str]:
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs",
            "--inh-caps=-all", "--bounding-set=-all"]


@contextlib.contextmanager
def claim_users(isolation: Isolation, count: int) -> Iterator[list[int | None]]:
    """``count`` sandbox uids that no other grading run on this machine holds, for as long as
    the block runs (a lock file each, released when the run ends or dies); ``None`` each when
    submissions run as the grader's own user."""
    if not isolation.drops_privileges:
        yield [None] * count
        return
    USER_LOCKS.mkdir(mode=0o700, exist_ok=True)
    busy = _tasks_by_user()
    held: list[tuple[int, int]] = []
    try:
        for uid in SANDBOX_UIDS:
            if len(held) == count:
                break
            if uid in busy:  # e.g. left over from a run that was killed
                continue
            fd = os.open(USER_LOCKS / f"{uid}.lock", os.O_CREAT | os.O_RDWR, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            held.append((uid, fd))
        if len(held) < count:
            raise SandboxUnavailable(
                f"other grading runs hold the sandbox users {SANDBOX_UIDS.start}-"
                f"{SANDBOX_UIDS.stop - 1}: wait for one to finish or use fewer --workers"
            )
        yield [uid for uid, _ in held]
    finally:
        for _, fd in held:
            os.close(fd)


@functools.lru_cache(maxsize=1)
def can_drop_privileges() -> bool:
    """Without bubblewrap, root can still run submissions as an unprivileged user, if Python lets it."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe_cmd = setpriv(SANDBOX_UIDS.start) + [sys.executable, "-I", "-c", f"import {RUNNER}"]
    return subprocess.run(probe_cmd, capture_output=True, cwd="/").returncode == 0


@functools.lru_cache(maxsize=1)
def probe() -> str | None:
    """None when bubblewrap works here, else why not."""
    if shutil.which("bwrap") is None:
        return INSTALL_HINT
    isolation = Isolation("bubblewrap")
    uid = SANDBOX_UIDS.start if isolation.drops_privileges else None
    with isolation.launch(("probe.ipynb", b"{}"), uid, Limits()) as launch:
        argv = launch.argv[: launch.argv.index("-m")] + ["-c", f"import {RUNNER}"]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=launch.cwd,
                              pass_fds=launch.pass_fds)
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
