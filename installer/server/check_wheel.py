"""CI's check of the city server's wheel (make package-check): install the wheel with the ``server`` extra into a
fresh virtual environment, outside the checkout, then ``migrate``, ``serve`` and ``GET /health``, on SQLite and, when
PostgreSQL's binaries are installed, on a throw-away PostgreSQL cluster (bench/pgcluster.py).

Usage: python installer/server/check_wheel.py dist/heze_station-<version>-py3-none-any.whl
"""

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(CHECKOUT))
from bench import pgcluster  # noqa: E402 - the checkout's helpers, not the package under test

START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health(port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
            return json.load(answer)
    except OSError:
        return None


def check(command: Path, environment: dict[str, str], where: Path, backend: str) -> None:
    subprocess.run([str(command), "migrate"], env=environment, cwd=where, check=True, timeout=120)
    port = free_port()
    server = subprocess.Popen([str(command), "serve", "--port", str(port)], env=environment, cwd=where)
    try:
        deadline = time.monotonic() + START_SECONDS
        while (answer := health(port)) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server-wheel check: the installed server did not answer /health on {backend}")
            time.sleep(0.2)
        print(f"server-wheel check: /health on {backend}: {answer}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(wheel: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="heze-server-wheel.") as folder:
        work = Path(folder)
        subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
        pip = [str(work / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        constraints = ["--constraint", str(CHECKOUT / "constraints.txt")]
        subprocess.run([*pip, *constraints, f"{wheel.resolve()}[server]"], check=True, cwd=work)
        command = work / "venv" / "bin" / "heze-station-server"
        # Nothing of the checkout or of this machine's Python on the way: the venv's own command, run elsewhere.
        environment = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8"}
        check(command, {**environment, "HEZE_SERVER_DATA_DIR": str(work / "data")}, work, "SQLite")
        try:
            cluster = pgcluster.start()
        except pgcluster.ClusterUnavailable as error:
            print(f"server-wheel check: PostgreSQL not checked ({error})")
            return
        try:
            check(command, {**environment, "HEZE_SERVER_DATABASE_URL": cluster.url()}, work, "PostgreSQL")
        finally:
            cluster.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
