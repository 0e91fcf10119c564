"""A throw-away PostgreSQL cluster from the installed server binaries, for the tests and the benchmark.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` system user (created by the
Debian package) and its commands run through ``runuser``. It listens on a Unix socket in its own folder only (no
TCP port to collide with anything) and is deleted when stopped.
"""

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

BINARY_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
PORT = 5432  # only names the socket file (.s.PGSQL.5432); each cluster's socket lives in its own folder
TIMEOUT = 60


class ClusterUnavailable(Exception):
    """No PostgreSQL binaries, or the cluster would not start: the reason is the message."""


def _binaries() -> Path:
    for folder in BINARY_FOLDERS:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise ClusterUnavailable(
        "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)"
    )


@dataclass
class Cluster:
    folder: Path
    binaries: Path
    run_as: str | None

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={PORT}"

    def _command(self, *arguments: str) -> list[str]:
        return ["runuser", "-u", self.run_as, "--", *arguments] if self.run_as else list(arguments)

    def stop(self) -> None:
        subprocess.run(
            self._command(str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start(settings: tuple[str, ...] = ()) -> Cluster:
    """A new, running cluster; ``settings`` are extra ``-c name=value`` server settings."""
    binaries = _binaries()
    run_as = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as error:
            raise ClusterUnavailable("running as root and there is no 'postgres' user to own the cluster") from error
        run_as = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="heze-pg-"))
    cluster = Cluster(folder, binaries, run_as)
    cluster.socket_dir.mkdir()
    if run_as:
        for path in (folder, cluster.socket_dir):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    options = " ".join(
        [f"-k {cluster.socket_dir}", "-c listen_addresses=''", f"-p {PORT}"] + [f"-c {setting}" for setting in settings]
    )
    try:
        for arguments in (
            (str(binaries / "initdb"), "-D", str(folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8"),
            (str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-o", options, "-l", str(folder / "log"), "-w",
             "start"),
        ):  # fmt: skip
            done = subprocess.run(
                cluster._command(*arguments), capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
            if done.returncode != 0:
                log = (folder / "log").read_text() if (folder / "log").exists() else ""
                raise ClusterUnavailable(f"{Path(arguments[0]).name} failed: {done.stderr.strip()} {log[-500:]}")
    except (ClusterUnavailable, OSError, subprocess.TimeoutExpired):
        cluster.stop()
        raise
    return cluster
