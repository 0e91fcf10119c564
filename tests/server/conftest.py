"""Fixtures for the city server: a real server on loopback over SQLite and over a real PostgreSQL cluster.

Every test that takes ``server`` runs twice, once per backend. PostgreSQL comes from a temporary cluster started
from the installed binaries (bench/pgcluster.py); when it cannot start, those runs fail in CI (``CI`` set) and are
skipped with the reason elsewhere.
"""

import asyncio
import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from argon2 import PasswordHasher
from pydantic import SecretStr
from sqlalchemy import create_engine, text

from bench import pgcluster
from heze_station.domain.ids import new_id
from heze_station.server import auth, ca, migrations
from heze_station.server.app import create_app
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import Station
from heze_station.server.web import accounts

from .client import DeviceClient

IN_CI = bool(os.environ.get("CI"))
COMMAND = Path(sys.executable).parent / "heze-station-server"
CHECKOUT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 120
TEMPLATE = "heze_template"
SQLITE_FILE = "server.sqlite3"  # in the data folder, when no database URL is set (Settings.sqlalchemy_url)
WAIT_SECONDS = 30


# Supervisors' passwords hashed with Argon2id at its cheapest, as the stations' keys are (tests/stations.py TEST_KDF):
# the tests check what the accounts do, not how slow a password is to guess, and at the production cost each account
# made and each sign-in took a fifth of a second. The server's processes (``create-supervisor``, ``serve``) hash at
# the production cost, and a hash made at that cost is verified as before (Argon2 reads its costs from the hash).
CHEAP_PASSWORDS = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
_CHEAP_NOBODY = CHEAP_PASSWORDS.hash(secrets.token_urlsafe(16))


@pytest.fixture(autouse=True)
def cheap_supervisor_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", CHEAP_PASSWORDS)
    monkeypatch.setattr(accounts, "nobody", lambda: _CHEAP_NOBODY)


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT_SECONDS) -> None:
    """Poll ``condition`` until it is true: a wait for a state, never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgcluster.Cluster]:
    try:
        cluster = pgcluster.start(("fsync=off", "max_connections=300"))
    except pgcluster.ClusterUnavailable as error:
        if IN_CI:
            pytest.fail(f"CI needs PostgreSQL for the server tests: {error}")
        pytest.skip(f"PostgreSQL is not available here: {error}")
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {TEMPLATE}"))
    engine.dispose()
    template = Database(Settings(database_url=cluster.url(TEMPLATE)))
    migrations.upgrade(template.engine)
    template.close()
    yield cluster
    cluster.stop()


def fresh_postgresql_database(cluster: pgcluster.Cluster) -> str:
    """A new, migrated database (a copy of the template) with a unique name; its URL."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}"))
    engine.dispose()
    return cluster.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def settings(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    url = fresh_postgresql_database(request.getfixturevalue("pg_cluster")) if backend == "postgresql" else None
    return Settings(database_url=url, data_dir=tmp_path / "server", max_request_bytes=4 * 1024 * 1024)


@dataclass
class Server:
    """A running server and direct access to its database, for arranging and checking state."""

    url: str
    settings: Settings
    database: Database

    def create_station(self, name: str) -> uuid.UUID:
        with self.database.transaction() as session:
            station = Station(id=new_id(), name=name)
            session.add(station)
        return station.id

    def enrol_code(self, station_id: uuid.UUID | None, role: str = auth.STATION_ROLE) -> str:
        with self.database.transaction() as session:
            return auth.issue_enrolment_code(session, self.settings, station_id, role).code

    def device(self, station_id: uuid.UUID, name: str = "laptop") -> DeviceClient:
        return DeviceClient.enrol(self.url, self.enrol_code(station_id), name)

    def supervisor(self) -> DeviceClient:
        return DeviceClient.enrol(self.url, self.enrol_code(None, auth.SUPERVISOR_ROLE), "bureau")


class PromptServer(uvicorn.Server):
    """uvicorn's server, which stops as soon as it is told to: uvicorn looks at ``should_exit`` every 0.1 s, and once
    it has asked the open connections to close it waits 0.1 s before it looks whether they have. The tests start and
    stop a server in a thread hundreds of times a run, each stop a sixth of a second of waiting; this one is woken
    when ``should_exit`` is set and looks every few milliseconds. The steps are uvicorn's own (0.54, server.py):
    requests in flight finish, background tasks end, the lifespan's shutdown runs; ``force_exit`` skips the waits."""

    POLL_SECONDS = 0.005

    def __init__(self, config: uvicorn.Config):
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        super().__init__(config)

    @property  # type: ignore[override]
    def should_exit(self) -> bool:
        return self._should_exit

    @should_exit.setter
    def should_exit(self, value: bool) -> None:
        self._should_exit = value
        loop, wake = self._loop, self._wake
        if value and loop is not None and wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended already
                loop.call_soon_threadsafe(wake.set)

    async def main_loop(self) -> None:
        self._wake = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)  # uvicorn: asyncio.sleep(0.1)
            should_exit = await self.on_tick(counter)

    async def shutdown(self, sockets: Sequence[Any] | None = None) -> None:
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        # uvicorn sleeps 0.1 s here before waiting for the connections to close.
        try:
            await asyncio.wait_for(self._wait_tasks_to_complete(), timeout=self.config.timeout_graceful_shutdown)
        except TimeoutError:
            for task in self.server_state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        if not self.force_exit:
            await self.lifespan.shutdown()

    async def _wait_tasks_to_complete(self) -> None:
        while self.server_state.connections and not self.force_exit:
            await asyncio.sleep(self.POLL_SECONDS)  # uvicorn: 0.1
        while self.server_state.tasks and not self.force_exit:
            await asyncio.sleep(self.POLL_SECONDS)
        for server in self.servers:
            await server.wait_closed()


def serve_in_thread(
    settings: Settings,
    database: Database,
    *,
    port: int = 0,
    log_level: str = "warning",
    thread_name: str | None = None,
    forwarded_allow_ips: str | None = None,
    tls: tuple[Path, Path] | None = None,
) -> tuple[PromptServer, threading.Thread, str]:
    """The real app under uvicorn in a daemon thread on loopback (``port`` 0: any free one), once it listens.

    ``forwarded_allow_ips``: as ``heze-station-server serve --forwarded-allow-ips``, behind a proxy there.
    ``tls``: (certificate, key) PEM files: the server speaks https, as a TLS proxy in front of it would."""
    config = uvicorn.Config(
        create_app(settings, database),
        host="127.0.0.1",
        port=port,
        log_level=log_level,
        access_log=False,
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips,
        ssl_certfile=tls[0] if tls else None,
        ssl_keyfile=tls[1] if tls else None,
    )
    server = PromptServer(config)
    thread = threading.Thread(target=server.run, name=thread_name, daemon=True)
    thread.start()
    wait_for(lambda: server.started or not thread.is_alive(), "the server to start")
    assert server.started, "the server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"{'https' if tls else 'http'}://127.0.0.1:{port}"


_sqlite_template: tempfile.TemporaryDirectory[str] | None = None


def migrated_database(settings: Settings) -> Database:
    """The database of ``settings``, migrated. A new SQLite one is a copy of a file migrated once per process (as
    PostgreSQL ones are copies of the cluster's template): running the migrations costs a few tenths of a second."""
    global _sqlite_template
    if settings.database_url is None and not (settings.data_dir / SQLITE_FILE).exists():
        if _sqlite_template is None:
            _sqlite_template = tempfile.TemporaryDirectory(prefix="heze-server-template-")
            template = Database(Settings(data_dir=Path(_sqlite_template.name)))
            migrations.upgrade(template.engine)
            template.close()  # the last connection closed: everything is in the main file
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(_sqlite_template.name) / SQLITE_FILE, settings.data_dir / SQLITE_FILE)
    database = Database(settings)
    migrations.upgrade(database.engine)
    return database


def _running(settings: Settings) -> Iterator[Server]:
    database = migrated_database(settings)
    running, thread, url = serve_in_thread(settings, database)
    yield Server(url, settings, database)
    running.should_exit = True
    thread.join(timeout=WAIT_SECONDS)
    database.close()


@pytest.fixture
def server(settings: Settings) -> Iterator[Server]:
    yield from _running(settings)


CA_PASSPHRASE = "菏泽 city authority 2026"


def with_authority(settings: Settings) -> Settings:
    """``settings`` of a city that has made its document-signing authority (as ``ca init`` does)."""
    ca.init(settings.ca_folder, CA_PASSPHRASE.encode(), "菏泽市")
    return settings.model_copy(update={"ca_passphrase": SecretStr(CA_PASSPHRASE)})


@pytest.fixture
def city(settings: Settings) -> Iterator[Server]:
    """A running server whose city has made its signing authority."""
    yield from _running(with_authority(settings))


def server_command(settings: Settings, *arguments: str, stderr: Any = subprocess.PIPE) -> subprocess.Popen[str]:
    """The installed ``heze-station-server`` command, configured through the environment as in production.

    ``stderr``: a file for ``serve``, whose access log writes a line per request (a pipe nobody reads fills up)."""
    # PYTHONPATH: the command runs this checkout's code, also when the virtualenv was installed from another one.
    env = {**os.environ, "HEZE_SERVER_DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(CHECKOUT)}
    if settings.database_url:
        env["HEZE_SERVER_DATABASE_URL"] = settings.database_url
    return subprocess.Popen([str(COMMAND), *arguments], env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)


def run_server_command(settings: Settings, *arguments: str) -> tuple[int, str, str]:
    process = server_command(settings, *arguments)
    out, err = process.communicate(timeout=TIMEOUT)
    return process.returncode, out, err
