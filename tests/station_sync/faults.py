"""Fault injection for station ⇄ city server sync (shared/design/sync.md, F1-F14).

The pieces the fault tests (test_faults.py) and the sync benchmark (bench/sync.py) are built from:

- ``FaultProxy``: a TCP proxy on loopback between the stations and the server. Per request, at random (seeded), it
  cuts the connection before the request reaches the server, cuts it after the server answered but before the
  client has the answer (F1), holds the answer past the client's timeout, lets a request reach the server only
  after the client gave up, or answers 503 itself (F12). A test sets the probability and the kinds, or a rule of
  its own for one request (the chunk of an upload at 60 %, F11). It also counts the bytes on the wire.
- ``CityServer``: the real server (uvicorn over one SQLite file) that can be stopped, killed with SIGKILL (as its own
  process), backed up, restored and started again; the stations reach it through the proxy's unchanging address.
- ``Zygote`` and ``StationProcess``: station programs as separate processes that open a data folder with
  ``open_station``, edit through the real services, sync through ``services.sync.sync_now`` and are killed with
  SIGKILL at a random moment or at a chosen point: inside the commit of an edit, of a pulled page, of a push's
  answer, of a handshake. They are forked from one process that imported everything once, so a trial costs
  milliseconds instead of the second of imports a fresh interpreter needs.
- ``OpLog``, ``verify_operations``, ``divergence`` and ``cursor_gaps``: every operation a station committed (logged
  after its commit, and read from the outbox after every kill) checked against the push answers the server stored
  and the rows it holds (lost, duplicated, rejected); a station's rows against the server's rows for its scope; and
  the rule that a station's cursor never passes a row it does not hold.
- ``realistic_rows``: rows exactly as the services make them (cases, claimants, persons, employers, timeline
  events), cloned to any number, written straight into the server's feed for large first syncs.
"""

import atexit
import contextlib
import json
import os
import queue
import random
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar, TextIO

import httpx
import uvicorn
from sqlalchemy import Engine, event, or_, select

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.errors import DomainError
from heze_station.domain.ids import new_id
from heze_station.domain.mediation import AttachmentKind
from heze_station.server import migrations as server_migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database as ServerDatabase
from heze_station.server.feed import Cursor, RowWrite, server_hlc, write_rows
from heze_station.server.ingest import server_row
from heze_station.server.models import AppliedTransaction, Device, RowGrant
from heze_station.server.models import SyncRow as ServerRow
from heze_station.services import attachments, case_actions, sync, sync_replica
from heze_station.services.intake import WorkerEntry
from heze_station.services.station import DATABASE_FILE, StationContext
from heze_station.station_sync import client as sync_client
from heze_station.station_sync import engine as sync_engine
from heze_station.station_sync.progress import SyncReport
from heze_station.storage import replica
from heze_station.storage.database import create_sqlite_engine, open_database
from heze_station.storage.models import Case, Evidence, OutboxOperation, Person, ReplicaVersion, SyncConflict
from heze_station.storage.outbox import wire_value
from heze_station.storage.types import BinaryUuid, utc_now
from heze_station.sync.tables import SYNCED_TABLES, TableKind
from tests import factories, stations
from tests.server.conftest import Server, serve_in_thread, wait_for
from tests.stations import database_key, join_city, open_test_station

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SERVER_COMMAND = Path(sys.executable).parent / "heze-station-server"
WAIT = 30.0  # seconds for anything that should take well under one
DEFAULT_STATION = "城区驿站"


# --- the proxy --------------------------------------------------------------------------------------------------------


class Fault(StrEnum):
    DROP_REQUEST = "drop_request"  # cut before the request reaches the server (sometimes after part of it)
    DROP_RESPONSE = "drop_response"  # the server answered; the client never gets the (whole) answer (F1)
    DELAY_RESPONSE = "delay_response"  # the answer arrives after the client's timeout (F1, F12)
    LATE_REQUEST = "late_request"  # the request reaches the server only after the client gave up
    SERVER_ERROR = "server_error"  # a 503 from something in between (F12)


# Relative weights of the faults a proxy picks at random: mostly cuts, which cost nothing; the two slow ones
# (they wait out the client's timeout) less often.
RANDOM_FAULTS: dict[Fault, float] = {
    Fault.DROP_REQUEST: 4,
    Fault.DROP_RESPONSE: 5,
    Fault.DELAY_RESPONSE: 0.6,
    Fault.LATE_REQUEST: 0.6,
    Fault.SERVER_ERROR: 1,
}


@dataclass(frozen=True)
class Request:
    method: str
    target: str  # path and query, as sent
    headers: dict[str, str]
    raw: bytes

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    def query(self, name: str) -> str | None:
        for part in self.target.partition("?")[2].split("&"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return None


Rule = Callable[[Request], Fault | None]  # a test's own decision for one request; None: the proxy's random one


class _Reader:
    """Buffered reads from a socket: up to a marker, an exact count, or the end."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buffer = bytearray()

    def _more(self) -> None:
        data = self.sock.recv(1 << 16)
        if not data:
            raise EOFError
        self.buffer += data

    def _take(self, count: int) -> bytes:
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        return data

    def until(self, marker: bytes) -> bytes:
        start = 0
        while (index := self.buffer.find(marker, start)) < 0:
            start = max(0, len(self.buffer) - len(marker) + 1)
            self._more()
        return self._take(index + len(marker))

    def exactly(self, count: int) -> bytes:
        while len(self.buffer) < count:
            self._more()
        return self._take(count)

    def rest(self) -> bytes:
        with contextlib.suppress(EOFError):
            while True:
                self._more()
        return self._take(len(self.buffer))


def _read_message(reader: _Reader, response: bool) -> tuple[str, dict[str, str], bytes]:
    """One HTTP/1.1 message: its start line, headers (lower-case names) and all its bytes as they came."""
    head = reader.until(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    start = lines[0].decode("latin-1")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    if "chunked" in headers.get("transfer-encoding", "").lower():
        parts = []
        while True:
            size_line = reader.until(b"\r\n")
            parts.append(size_line)
            size = int(size_line.split(b";")[0], 16)
            if size == 0:
                while (trailer := reader.until(b"\r\n")) != b"\r\n":
                    parts.append(trailer)
                parts.append(trailer)
                break
            parts.append(reader.exactly(size + 2))
        body = b"".join(parts)
    elif "content-length" in headers:
        body = reader.exactly(int(headers["content-length"]))
    elif response and start.split(" ")[1][:1] not in ("1",) and start.split(" ")[1] not in ("204", "304"):
        body = reader.rest()  # delimited by the end of the connection
    else:
        body = b""
    return start, headers, head + body


def _abort(sock: socket.socket) -> None:
    """Close with a reset, as a dropped line or a killed peer looks to the other side."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


_SERVICE_UNAVAILABLE = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\ncontent-length: 19\r\n"
    b"connection: close\r\n\r\nupstream overloaded"
)


class FaultProxy:
    """HTTP/1.1 on loopback between stations and the server, failing requests at random (seeded) or by rule."""

    def __init__(self, upstream_port: int, seed: int = 0, delay: float = 1.0):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.upstream_port = upstream_port  # where the server is now; changes when it restarts
        self.cut_probability = 0.0
        self.faults: dict[Fault, float] = dict(RANDOM_FAULTS)
        self.delay = delay  # seconds a delayed answer or a late request waits: longer than the client's timeout
        # Requests failed less often than the others: every sync starts with a token, and cutting that one alone
        # would spend most faults before anything interesting was sent.
        self.path_factor: dict[str, float] = {"/v1/auth/token": 0.25}
        self.rule: Rule | None = None
        self.injected: Counter[Fault] = Counter()
        self.requests = 0
        self.bytes_up = 0  # client to server
        self.bytes_down = 0  # server to client
        self.log: list[tuple[str, str, Fault | None]] = []  # (method, target, fault) of every request
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._closed = False
        threading.Thread(target=self._accept, name="fault-proxy", daemon=True).start()

    @property
    def trials(self) -> int:
        """Faults injected so far."""
        return sum(self.injected.values())

    def faults_by_request(self) -> Counter[str]:
        """Faults injected so far by request ("POST /v1/sync/push drop_response": 12, ...)."""
        with self._lock:
            return Counter(
                f"{method} {target.partition('?')[0]} {fault}" for method, target, fault in self.log if fault
            )

    def configure(self, probability: float, faults: Iterable[Fault] | None = None) -> None:
        with self._lock:
            self.cut_probability = probability
            self.faults = dict(RANDOM_FAULTS) if faults is None else {fault: RANDOM_FAULTS[fault] for fault in faults}

    @contextlib.contextmanager
    def calm(self) -> Iterator[None]:
        """No random faults inside the block (enrolment, a final clean sync)."""
        probability, rule = self.cut_probability, self.rule
        self.cut_probability, self.rule = 0.0, None
        try:
            yield
        finally:
            self.cut_probability, self.rule = probability, rule

    def idle(self) -> bool:
        """No client connection is being served: every request that came in was answered or cut, a held one
        (LATE_REQUEST) only after the server had it and answered."""
        with self._lock:
            return not self._open

    def reset_counts(self) -> None:
        with self._lock:
            self.requests = self.bytes_up = self.bytes_down = 0
            self.log.clear()

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            sockets = list(self._open)
        for sock in sockets:
            _abort(sock)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._open.add(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _decide(self, request: Request) -> Fault | None:
        fault = self.rule(request) if self.rule is not None else None
        with self._lock:
            chance = self.cut_probability * self.path_factor.get(request.path, 1.0)
            if fault is None and chance and self._rng.random() < chance:
                kinds = list(self.faults)
                fault = self._rng.choices(kinds, weights=[self.faults[kind] for kind in kinds])[0]
            if fault is not None:
                self.injected[fault] += 1
            self.requests += 1
            self.log.append((request.method, request.target, fault))
            return fault

    def _coin(self) -> float:
        with self._lock:
            return self._rng.random()

    def _serve(self, client: socket.socket) -> None:
        reader = _Reader(client)
        try:
            while True:
                try:
                    start, headers, raw = _read_message(reader, response=False)
                except (EOFError, OSError):
                    return
                method, target = start.split(" ")[:2]
                request = Request(method, target, headers, raw)
                with self._lock:
                    self.bytes_up += len(raw)
                fault = self._decide(request)
                if fault is Fault.DROP_REQUEST:
                    if self._coin() < 0.5:  # part of the request reaches the server, which must discard it
                        with (
                            contextlib.suppress(OSError),
                            socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5) as upstream,
                        ):
                            upstream.sendall(raw[: len(raw) // 2])
                    return
                if fault is Fault.SERVER_ERROR:
                    client.sendall(_SERVICE_UNAVAILABLE)
                    with self._lock:
                        self.bytes_down += len(_SERVICE_UNAVAILABLE)
                    return
                if fault is Fault.LATE_REQUEST:
                    time.sleep(self.delay)
                try:
                    answer = self._forward(raw)
                except (OSError, EOFError):
                    return  # the server is down: the client sees a dropped connection
                if fault is Fault.LATE_REQUEST:
                    return
                if fault is Fault.DROP_RESPONSE:
                    if self._coin() < 0.5:
                        with contextlib.suppress(OSError):
                            client.sendall(answer[: int(len(answer) * self._coin())])
                    return
                if fault is Fault.DELAY_RESPONSE:
                    time.sleep(self.delay)
                client.sendall(answer)
                with self._lock:
                    self.bytes_down += len(answer)
                if fault is Fault.DELAY_RESPONSE:
                    return
        except OSError:
            return
        finally:
            with self._lock:
                self._open.discard(client)
            _abort(client)

    def _forward(self, raw: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=120) as upstream:
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            upstream.sendall(raw)
            return _read_message(_Reader(upstream), response=True)[2]


@contextlib.contextmanager
def client_timeout(seconds: float) -> Iterator[None]:
    """A short client timeout for this process's ServerClients, so that a held answer times out quickly."""
    before = sync_client.TIMEOUT
    sync_client.TIMEOUT = httpx.Timeout(seconds, connect=seconds)
    try:
        yield
    finally:
        sync_client.TIMEOUT = before


# --- the server -------------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CityServer:
    """The city server over one SQLite file in ``folder``: in a thread of this process, or as its own process
    (``heze-station-server serve``) that can be killed with SIGKILL. ``database`` is this process's own connection
    to the same file, for arranging and checking."""

    def __init__(self, folder: Path, *, process: bool = False, **settings: Any):
        self.folder = folder
        self.process = process
        self.overrides = settings
        self.settings = Settings(database_url=None, data_dir=folder, **settings)
        self.database = ServerDatabase(self.settings)
        server_migrations.upgrade(self.database.engine)
        self.port = 0
        self._uvicorn: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._child: subprocess.Popen[bytes] | None = None

    @property
    def file(self) -> Path:
        return self.folder / "server.sqlite3"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None or self._child is not None

    def environment(self) -> dict[str, str]:
        env = {**os.environ, "HEZE_SERVER_DATA_DIR": str(self.folder)}
        env.pop("HEZE_SERVER_DATABASE_URL", None)
        env.update({f"HEZE_SERVER_{name.upper()}": str(value) for name, value in self.overrides.items()})
        return env

    def start(self) -> None:
        if self.process:
            self.port = free_port()
            self._child = subprocess.Popen(
                [str(SERVER_COMMAND), "serve", "--port", str(self.port)],
                env=self.environment(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            atexit.register(self._child.kill)  # never left running by a test that failed before close()

            def healthy() -> bool:
                assert self._child is not None
                if self._child.poll() is not None:
                    raise AssertionError("the server process ended while starting")
                try:
                    return httpx.get(f"{self.url}/health", timeout=1).status_code == 200
                except httpx.TransportError:
                    return False

            wait_for(healthy, "the server process to answer", WAIT)
            return
        self._uvicorn, self._thread, url = serve_in_thread(
            self.settings, self.database, log_level="critical", thread_name="city-server"
        )
        self.port = httpx.URL(url).port

    def stop(self) -> None:
        """A clean stop: requests in flight finish."""
        if self._child is not None:
            self._child.terminate()
            self._child.wait(timeout=WAIT)
            self._child = None
        if self._uvicorn is not None and self._thread is not None:
            self._uvicorn.should_exit = True
            self._thread.join(timeout=WAIT)
            self._uvicorn = self._thread = None

    def kill(self) -> None:
        """SIGKILL the server process (whatever it was doing, a push's commit included); a thread is stopped."""
        if self._child is not None:
            self._child.kill()
            self._child.wait(timeout=WAIT)
            self._child = None
        if self._uvicorn is not None:
            self._uvicorn.force_exit = True
        self.stop()

    def close(self) -> None:
        self.stop()
        self.database.close()

    # --- administration, as the city's administrator does it ------------------------------------------------------

    # tests/server's own steps: they use only ``database`` and ``settings``, which this server has too.
    create_station = Server.create_station
    enrol_code = Server.enrol_code

    def command(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """``heze-station-server ARGUMENTS`` on this server's database, as the administrator types it."""
        return subprocess.run(
            [str(SERVER_COMMAND), *arguments], env=self.environment(), capture_output=True, text=True, timeout=120
        )

    def backup(self, target: Path) -> None:
        """A consistent copy of the database file while the server runs (SQLite's online backup)."""
        source = sqlite3.connect(self.file)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()

    def restore(self, backup: Path) -> None:
        """Put a backup in place of the database (the server must be stopped)."""
        assert not self.running, "stop the server before restoring its database"
        self.database.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{self.file}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, self.file)
        self.database = ServerDatabase(self.settings)


# --- stations ---------------------------------------------------------------------------------------------------------

_blank: tempfile.TemporaryDirectory[str] | None = None


def new_station(folder: Path) -> StationContext:
    """A new station in ``folder``, signed in as its administrator.

    Under pytest, a copy of a station set up once per run (tests/stations.py Templates: within a test each new
    station is its own), as every test's new stations are; setting one up here took over a second a laptop (the keys,
    then encrypting the file and seeding its calendar). Elsewhere (the sync benchmark), set up on an empty migrated
    file made once per process (running the migrations costs a second; the station's own rows and identity are
    still made by ``open_station``)."""
    if stations.templates is not None:
        return open_test_station(folder)
    global _blank
    if _blank is None:
        _blank = tempfile.TemporaryDirectory(prefix="heze-blank-station-")
        database = open_database(Path(_blank.name) / DATABASE_FILE)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(_blank.name) / DATABASE_FILE, folder / DATABASE_FILE)
    return open_test_station(folder)


@contextlib.contextmanager
def station_file(path: Path) -> Iterator[Engine]:
    """An engine on a station's file for reading it from outside the program (after a kill, for checks)."""
    engine = create_sqlite_engine(path, key=database_key(path.parent))
    try:
        yield engine
    finally:
        engine.dispose()


def station_setting(path: Path, key: str) -> str | None:
    with station_file(path) as engine, engine.connect() as connection:
        return connection.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (key,)).scalar()


@dataclass
class Laptop:
    """One station computer: its data folder, the server station it is enrolled in, its log of committed ops."""

    name: str
    folder: Path
    station_id: uuid.UUID  # the server's station
    index: int  # makes the people it registers its own

    @property
    def file(self) -> Path:
        return self.folder / DATABASE_FILE

    @property
    def oplog(self) -> "OpLog":
        return OpLog(self.folder / "committed-ops.jsonl")

    def device_id(self) -> uuid.UUID:
        value = station_setting(self.file, sync.DEVICE_ID)
        assert value, f"{self.name} is not enrolled"
        return uuid.UUID(value)

    def open(self) -> StationContext:
        return open_test_station(self.folder)

    @contextlib.contextmanager
    def opened(self) -> Iterator[StationContext]:
        context = self.open()
        try:
            yield context
        finally:
            context.close()


class OpLog:
    """Every operation a station committed, one JSON line each, appended after the commit; the outbox is read again
    after a kill for the ones committed just before it (acknowledged operations are later pruned from the outbox,
    so the log is the only complete record)."""

    def __init__(self, path: Path):
        self.path = path

    def entries(self) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        found: dict[str, dict[str, Any]] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                # Half a line: the station process was killed while appending it, just after its commit. Its
                # operations are still in the outbox (nothing was pushed since), and absorb() logs them again.
                continue
            found[entry["op_id"]] = entry
        return found

    def highest_seq(self) -> int:
        return max((entry["seq"] for entry in self.entries().values()), default=0)

    def _append(self, rows: Iterable[Any], known: set[str]) -> int:
        lines = []
        highest = 0
        for row in rows:
            highest = max(highest, row.seq)
            if str(row.id) in known:
                continue
            entry = {
                "op_id": str(row.id),
                "seq": row.seq,
                "table": row.table_name,
                "row_id": str(row.row_id),
                "kind": row.kind,
                "hlc": row.hlc,
                "fields": json.loads(row.fields),
            }
            lines.append(json.dumps(entry, ensure_ascii=False))
        if lines:
            with self.path.open("a", encoding="utf-8") as log:
                # Led by a line end: a line a killed process left half written ends there, apart from these.
                log.write("\n" + "\n".join(lines) + "\n")
        return highest

    def record(self, context: StationContext, after_seq: int) -> int:
        """Log the operations after ``after_seq`` (just committed); returns the highest sequence number seen."""
        with context.database.transaction() as session:
            rows = session.scalars(
                select(OutboxOperation).where(OutboxOperation.seq > after_seq).order_by(OutboxOperation.seq)
            ).all()
        return max(after_seq, self._append(rows, set()))

    def absorb(self, database_file: Path) -> int:
        """Log whatever the station's outbox holds that the log does not (after a kill); returns how many."""
        known = set(self.entries())
        with station_file(database_file) as engine, engine.connect() as connection:
            rows = connection.execute(select(OutboxOperation.__table__).order_by(OutboxOperation.seq)).all()
        before = len(known)
        self._append([row for row in rows if str(row.id) not in known], known)
        return len(self.entries()) - before


# --- what a person does at a station ----------------------------------------------------------------------------------


def _worker(rng: random.Random, laptop_index: int) -> WorkerEntry:
    """A worker this laptop registers: valid ID numbers, distinct from other laptops' (a birth year each)."""
    serial = rng.randrange(20_000)
    birth = date(1960 + laptop_index % 40, 1 + serial // 500 % 12, 1 + serial // 6000 % 28)
    return WorkerEntry(
        name=f"工人{laptop_index}-{serial}",
        id_number=factories.resident_id(serial % 500, birth),
        phone=factories.mobile(laptop_index * 100_000 + serial),
        claimed=f"{rng.randrange(1000, 9000)}",
    )


def _some(context: StationContext, query: Any, rng: random.Random) -> Any:
    with context.database.transaction() as session:
        rows = session.scalars(query).all()
    return rng.choice(rows) if rows else None


ACTIONS = ("register", "accept", "facts", "phone", "evidence", "attach")
ACTION_WEIGHTS = (5, 3, 3, 2, 1, 1)


def act(context: StationContext, rng: random.Random, laptop_index: int, actions: tuple[str, ...] = ACTIONS) -> str:
    """One thing a coordinator does, through the services the GUI calls; returns what was done ("skipped" when the
    services refused it, in which case nothing was committed)."""
    weights = [ACTION_WEIGHTS[ACTIONS.index(action)] for action in actions]
    action = rng.choices(actions, weights=weights)[0]
    live = select(Case.id).where(Case.deleted_at.is_(None))
    try:
        if action == "accept":
            case_id = _some(context, live.where(Case.status == CaseStatus.REGISTERED), rng)
            if case_id is not None:
                case_actions.perform(context, case_id, CaseAction.ACCEPT)
                return action
            action = "register"
        if action == "facts":
            case_id = _some(context, live, rng)
            if case_id is not None:
                with context.database.transaction() as session:
                    session.get_one(Case, case_id).facts = f"拖欠工资{rng.randrange(1, 12)}个月，笔录{rng.random():.6f}"
                return action
            action = "register"
        if action == "phone":
            person_id = _some(context, select(Person.id).where(Person.deleted_at.is_(None)), rng)
            if person_id is not None:
                with context.database.transaction() as session:
                    session.get_one(Person, person_id).phone = factories.mobile(rng.randrange(10**8))
                return action
            action = "register"
        if action == "evidence":
            evidence_id = _some(context, select(Evidence.id).where(Evidence.deleted_at.is_(None)), rng)
            if evidence_id is not None:
                with context.database.transaction() as session:
                    session.get_one(Evidence, evidence_id).deleted_at = utc_now()
                return action
            action = "register"
        if action == "attach":
            case_id = _some(context, live, rng)
            if case_id is not None:
                data = rng.randbytes(rng.randrange(2_000, 40_000))
                attachments.attach(context, case_id, AttachmentKind.SCAN, f"scan-{rng.randrange(10**6)}.png", data)
                return action
            action = "register"
        form = factories.intake_form(1, employer_serial=rng.randrange(1, 40), received_on=chinatime.today())
        form.workers = [_worker(rng, laptop_index) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.4:
            form.evidence = ["工资条", "考勤记录"][: rng.randint(1, 2)]
        factories.register(context, form)
        return "register"
    except DomainError:
        return "skipped"


def try_sync(context: StationContext) -> SyncReport | sync.SyncProblem:
    try:
        return sync.sync_now(context)
    except sync.SyncProblem as problem:
        return problem


def sync_until_done(context: StationContext, attempts: int = 200) -> SyncReport:
    """Sync again after every transient failure (as the program's retry does), until one sync completes."""
    outcome: SyncReport | sync.SyncProblem | None = None
    for _ in range(attempts):
        outcome = try_sync(context)
        if isinstance(outcome, SyncReport):
            return outcome
        if not outcome.reason.transient:
            raise AssertionError(f"sync failed for good: {outcome.reason} {outcome.detail}")
    raise AssertionError(f"no sync completed in {attempts} attempts: {outcome}")


# --- station processes ------------------------------------------------------------------------------------------------


class _SkewedClock:
    """This process's station clock off by ``offset`` (F7): the outbox's hybrid clock, the handshake's device time,
    the rows' update times and the dates the services see. The server, in another process, keeps the true time."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def install(self) -> None:
        from heze_station.domain import chinatime
        from heze_station.storage import outbox, types

        clock = self

        class SkewedDatetime(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
                return datetime.now(tz) + clock.offset

        for module in (sync, sync_replica, types, chinatime):
            module.datetime = SkewedDatetime  # type: ignore[attr-defined]
        outbox.time = SimpleNamespace(  # type: ignore[attr-defined]
            time_ns=lambda: time.time_ns() + int(clock.offset.total_seconds() * 1e9)
        )


class _PausePoints:
    """Where a station process stops, inside a commit, to be killed there by the test (F2, F10).

    The phase is what the process is doing (an edit, or one step of a sync, named after the StationReplica method);
    the engine's commit event fires after everything of the transaction was written and before it commits."""

    REPLICA_STEPS: ClassVar[dict[str, str]] = {
        "handshake_done": "handshake",
        "pushed": "pushed",
        "apply_pages": "apply_pages",
        "uploaded": "uploaded",
        "synced": "synced",
    }

    def __init__(self, chances: dict[str, float], at_page: int | None, rng: random.Random, emit: Callable) -> None:
        self.chances = chances
        self.at_page = at_page
        self.rng = rng
        self.emit = emit
        self.phase = "idle"
        self.pages = 0

    def install(self) -> None:
        points = self
        for method, label in self.REPLICA_STEPS.items():
            original = getattr(sync_replica.StationReplica, method)

            def step(self: Any, *args: Any, _original: Callable = original, _label: str = label, **kwargs: Any) -> Any:
                before = points.phase
                points.phase = _label
                if _label == "apply_pages":
                    args = (points.counted(args[0]), *args[1:])
                try:
                    return _original(self, *args, **kwargs)
                finally:
                    points.phase = before

            setattr(sync_replica.StationReplica, method, step)
        event.listen(Engine, "commit", self.on_commit)

    def counted(self, pages: Iterable[Any]) -> Iterator[Any]:
        for page in pages:
            self.pages += 1
            yield page

    def on_commit(self, _connection: Any) -> None:
        if self.phase == "apply_pages" and self.at_page is not None:
            hit = self.pages >= self.at_page
        else:
            hit = self.rng.random() < self.chances.get(self.phase, 0.0)
        if hit:
            self.emit("pause", self.phase, self.pages)
            time.sleep(WAIT * 4)  # the test kills this process here; if it does not, carry on


def run_station(job: dict[str, Any], out: TextIO) -> None:
    """A station program working on its own: ``job["steps"]`` times an edit or a sync, reporting each on ``out``.

    job: folder, log, index, seed, steps, sync_share, pause ({phase: chance}), pause_at_page, skew_days, jump_at
    (step at which the clock falls back to the true time), timeout (client seconds), actions, mode ("work" or
    "sync": one sync only), page_per_transaction (each pulled page committed on its own, so that a kill at a page
    leaves the pages before it).
    """

    def emit(*words: Any) -> None:
        out.write(" ".join(str(word) for word in words) + "\n")
        out.flush()

    if job.get("page_per_transaction"):
        sync_engine.PULL_TRANSACTION_SECONDS = 0.0
        sync_engine.PAGES_AHEAD = 1  # pages that arrived together are not written as one either
    if job.get("timeout"):
        sync_client.TIMEOUT = httpx.Timeout(job["timeout"], connect=job["timeout"])
    clock = _SkewedClock()
    if job.get("skew_days"):
        clock.install()
        clock.offset = timedelta(days=job["skew_days"])
    rng = random.Random(job["seed"])
    points = _PausePoints(job.get("pause", {}), job.get("pause_at_page"), random.Random(job["seed"] + 1), emit)
    folder = Path(job["folder"])
    log = OpLog(Path(job["log"]))
    log.absorb(folder / DATABASE_FILE)  # operations committed just before an earlier life was killed
    highest = log.highest_seq()
    context = open_test_station(folder)
    points.install()
    emit("ready")
    actions = tuple(job.get("actions", ACTIONS))
    steps = 1 if job.get("mode") == "sync" else job["steps"]
    for step in range(steps):
        if job.get("jump_at") is not None and step == job["jump_at"]:
            clock.offset = timedelta()
            emit("clock", "jumped")
        if job.get("mode") == "sync" or rng.random() < job.get("sync_share", 0.5):
            emit("sync", step)
            outcome = try_sync(context)
            if isinstance(outcome, sync.SyncProblem):
                emit("failed", outcome.reason.value)
            else:
                emit("synced", outcome.pushed, outcome.pulled, outcome.rejected)
        else:
            emit("edit", step)
            points.phase = "edit"
            try:
                done = act(context, rng, job["index"], actions)
            finally:
                points.phase = "idle"
            highest = log.record(context, highest)
            emit("edited", done)
    context.close()
    emit("done")


def zygote_main() -> None:
    """Fork a station process per command line (JSON: {"fifo", "job"}); print each one's pid. At the end of input,
    the station processes still running (a test that failed before killing one) are killed."""
    children: set[int] = set()
    print("ready", flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        children -= _reap()  # only here: a child's pid is never reused while the test may still signal it
        pid = os.fork()
        if pid == 0:
            code = 0
            with open(command["fifo"], "w", encoding="utf-8") as out:
                try:
                    sys.stdin.close()
                    run_station(command["job"], out)
                except BaseException:  # reported to the test, which fails on it
                    out.write("error " + traceback.format_exc().replace("\n", " | ") + "\n")
                    code = 1
            os._exit(code)
        children.add(pid)
        print(pid, flush=True)
    for pid in children - _reap():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _reap(wait=True)


def _reap(wait: bool = False) -> set[int]:
    """Collect ended children (all of them with ``wait``); their pids."""
    reaped: set[int] = set()
    with contextlib.suppress(ChildProcessError):
        while True:
            pid, _status = os.waitpid(-1, 0 if wait else os.WNOHANG)
            if pid == 0:
                break
            reaped.add(pid)
    return reaped


class StationProcess:
    """A forked station program and the lines it reports."""

    def __init__(self, pid: int, fifo: Path):
        self.pid = pid
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._ended = False
        threading.Thread(target=self._pump, args=(fifo,), daemon=True).start()

    def _pump(self, fifo: Path) -> None:
        with open(fifo, encoding="utf-8") as stream:
            for line in stream:
                self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def next(self, timeout: float = WAIT) -> str | None:
        """The next line; None once the process has ended (its end of the pipe closed)."""
        if self._ended:
            return None
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(
                f"station process {self.pid} said nothing for {timeout} s: {self.lines[-5:]}"
            ) from None
        if line is None:
            self._ended = True
            return None
        self.lines.append(line)
        if line.startswith("error "):
            raise AssertionError(f"station process {self.pid} failed: {line}")
        return line

    def expect(self, prefix: str, timeout: float = WAIT) -> str:
        while (line := self.next(timeout)) is not None:
            if line.startswith(prefix):
                return line
        raise AssertionError(f"station process {self.pid} ended before {prefix!r}: {self.lines[-5:]}")

    @property
    def finished(self) -> bool:
        return self._ended or any(line == "done" for line in self.lines)

    def kill(self) -> bool:
        """SIGKILL it unless it already finished; True when it was killed."""
        killed = False
        if not self.finished:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
                killed = True
        self.wait()
        return killed

    def wait(self, timeout: float = WAIT * 4) -> list[str]:
        """Until the process has ended (every file it had open is closed); its remaining lines."""
        rest = []
        deadline = time.monotonic() + timeout
        while (line := self.next(max(0.1, deadline - time.monotonic()))) is not None:
            rest.append(line)
        return rest


class Zygote:
    """One interpreter that imported the station program once and forks a station process per trial."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._count = 0
        self._process = subprocess.Popen(
            [sys.executable, "-c", "from tests.station_sync.faults import zygote_main; zygote_main()"],
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        assert self._process.stdout.readline().strip() == "ready", "the zygote did not start"

    def spawn(self, job: dict[str, Any]) -> StationProcess:
        self._count += 1
        fifo = self.folder / f"station-{os.getpid()}-{self._count}.fifo"
        os.mkfifo(fifo)
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(json.dumps({"fifo": str(fifo), "job": job}) + "\n")
        self._process.stdin.flush()
        return StationProcess(int(self._process.stdout.readline()), fifo)

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=WAIT)


# --- checking the outcome ---------------------------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    """Equal as wire values; times equal as instants (a device may write them with another offset)."""
    if a == b:
        return True
    if isinstance(a, str) and isinstance(b, str) and len(a) > 10 and len(b) > 10 and a[10:11] == b[10:11] == "T":
        try:
            return datetime.fromisoformat(a) == datetime.fromisoformat(b)
        except ValueError:
            return False
    return False


# Station columns that are the station's own bookkeeping, not the row's content.
_LOCAL_COLUMNS = frozenset({"id", "version", "search_key"})
# Compared as the deleted flag instead: a delete carries no fields, so each side keeps its own moment of it.
_COMPARED_AS_FLAG = frozenset({"deleted_at"})


@dataclass
class Verdict:
    """The outcome of a run, operation by operation and row by row."""

    committed: int = 0  # operations the stations committed
    trials: int = 0  # faults injected and processes killed
    lost: list[str] = field(default_factory=list)  # committed, and not on the server
    duplicated: list[str] = field(default_factory=list)  # on the server more than once
    rejected: list[str] = field(default_factory=list)  # refused by the server (none expected here)
    diverged: list[str] = field(default_factory=list)  # a station and the server disagree after a clean sync
    cursor_gaps: list[str] = field(default_factory=list)  # a station's cursor passed a row it does not hold

    @property
    def ok(self) -> bool:
        return not (self.lost or self.duplicated or self.rejected or self.diverged or self.cursor_gaps)

    def __str__(self) -> str:
        def head(items: list[str]) -> str:
            return f"{len(items)} {items[:3]}" if items else "0"

        return (
            f"{self.trials} trials, {self.committed} operations committed: lost {head(self.lost)}, duplicated "
            f"{head(self.duplicated)}, rejected {head(self.rejected)}, diverged {head(self.diverged)}, "
            f"cursor gaps {head(self.cursor_gaps)}"
        )


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def verify_operations(server: CityServer, laptop: Laptop, verdict: Verdict) -> None:
    """Every operation the laptop committed is on the server exactly once: one stored push answer covers its
    sequence number and names it, and its row is there (an append-only row with exactly its fields)."""
    laptop.oplog.absorb(laptop.file)
    committed = laptop.oplog.entries()
    verdict.committed += len(committed)
    device_id = laptop.device_id()
    with server.database.transaction() as session:
        answers = session.scalars(select(AppliedTransaction).where(AppliedTransaction.device_id == device_id)).all()
        covered: Counter[int] = Counter()
        named: Counter[str] = Counter()
        at_seq: dict[int, str] = {}
        rejected: set[int] = set()
        for answer in answers:
            seqs = range(answer.first_seq, answer.last_seq + 1)
            covered.update(seqs)
            if answer.result["status"] == "rejected":
                rejected.update(seqs)
            for op in answer.result.get("ops") or []:
                named[op["op_id"]] += 1
                at_seq[op["seq"]] = op["op_id"]
        arrived = []
        for op_id, entry in committed.items():
            seq, label = entry["seq"], f"{laptop.name} seq {entry['seq']} {entry['table']} {entry['row_id']}"
            if covered[seq] == 0:
                verdict.lost.append(label)
            elif covered[seq] > 1 or named[op_id] > 1:
                verdict.duplicated.append(label)
            elif seq in rejected:
                verdict.rejected.append(label)
            elif at_seq.get(seq) != op_id:
                verdict.lost.append(f"{label}: the server applied another operation under its number")
            else:
                arrived.append(entry)
        row_ids = sorted({uuid.UUID(entry["row_id"]) for entry in arrived})
        rows: dict[uuid.UUID, ServerRow] = {}
        for chunk in _chunks(row_ids):
            rows.update(
                {row.row_id: row for row in session.scalars(select(ServerRow).where(ServerRow.row_id.in_(chunk)))}
            )
    for entry in arrived:
        row = rows.get(uuid.UUID(entry["row_id"]))
        label = f"{laptop.name} seq {entry['seq']} {entry['table']} {entry['row_id']}"
        if row is None:
            verdict.lost.append(f"{label}: no such row on the server")
        elif SYNCED_TABLES[entry["table"]].kind is TableKind.APPEND_ONLY:
            wrong = [name for name, value in entry["fields"].items() if not _same(row.fields.get(name), value)]
            if wrong:
                verdict.lost.append(f"{label}: fields {wrong} differ on the server")


def duplicated_events(server: CityServer) -> list[str]:
    """Timeline events recorded twice (the same case, kind, moment and detail under two ids)."""
    with server.database.transaction() as session:
        rows = session.scalars(select(ServerRow.fields).where(ServerRow.table_name == "timeline_event")).all()
    seen = Counter(
        (fields.get("case_id"), fields.get("kind"), fields.get("at"), fields.get("detail"), fields.get("actor_id"))
        for fields in rows
    )
    return [f"timeline event {key} {count} times" for key, count in seen.items() if count > 1]


def station_rows(path: Path) -> dict[tuple[str, uuid.UUID], tuple[bool, dict[str, Any]]]:
    """Every syncable row of a station file: (table, id) -> (deleted, fields as wire values)."""
    found = {}
    with station_file(path) as engine, engine.connect() as connection:
        for name, table in replica.TABLES.items():
            for row in connection.execute(select(table)).mappings():
                fields = {key: wire_value(value) for key, value in row.items() if key not in _LOCAL_COLUMNS}
                found[(name, row["id"])] = (row["deleted_at"] is not None, fields)
    return found


def scope_rows(server: CityServer, station_id: uuid.UUID) -> dict[tuple[str, uuid.UUID], ServerRow]:
    """The server's rows a station sees (its own, the city's, those granted to it), of the tables stations keep."""
    with server.database.transaction() as session:
        granted = select(RowGrant.row_id).where(RowGrant.station_id == station_id)
        rows = session.scalars(
            select(ServerRow).where(
                or_(ServerRow.station_id == station_id, ServerRow.station_id.is_(None), ServerRow.row_id.in_(granted))
            )
        ).all()
    return {(row.table_name, row.row_id): row for row in rows}


def divergence(server: CityServer, laptop: Laptop) -> list[str]:
    """Where a laptop's rows and conflicts differ from the server's for its scope (none after a clean sync)."""
    scope = scope_rows(server, laptop.station_id)
    mine = station_rows(laptop.file)
    problems = []
    for key, row in scope.items():
        if key[0] not in replica.TABLES:
            continue
        if key not in mine:
            problems.append(f"{laptop.name}: {key[0]} {key[1]} missing")
            continue
        deleted, fields = mine[key]
        if deleted != row.deleted:
            problems.append(f"{laptop.name}: {key[0]} {key[1]} deleted here {deleted}, on the server {row.deleted}")
        for name, value in row.fields.items():
            if name in fields and name not in _COMPARED_AS_FLAG and not _same(fields[name], value):
                problems.append(f"{laptop.name}: {key[0]} {key[1]} {name} {fields[name]!r} != server {value!r}")
    problems += [
        f"{laptop.name}: {table} {row_id} not on the server" for table, row_id in mine if (table, row_id) not in scope
    ]
    conflicts = {row_id: row.fields.get("status") for (table, row_id), row in scope.items() if table == "sync_conflict"}
    with station_file(laptop.file) as engine, engine.connect() as connection:
        here = dict(connection.execute(select(SyncConflict.id, SyncConflict.status)).all())
    if here != conflicts:
        problems.append(f"{laptop.name}: conflicts {sorted(here.items())} != server {sorted(conflicts.items())}")
    return problems


def cursor_gaps(server: CityServer, laptop: Laptop) -> list[str]:
    """Rows at or before the laptop's cursor that it does not hold at the version the server gave them then.

    A row's feed position changes with every write, so a row whose position is at or before the cursor now has
    been handed out there at its current version: the station must hold exactly that version."""
    cursor = station_setting(laptop.file, replica.CURSOR_SETTING)
    if not cursor:
        return []
    parsed = Cursor.parse(cursor)
    position = (parsed.xid, parsed.seq)
    versions = ReplicaVersion.__table__
    with station_file(laptop.file) as engine, engine.connect() as connection:
        held = dict(connection.execute(select(versions.c.row_id, versions.c.version)).all())
    gaps = []
    for (table, row_id), row in scope_rows(server, laptop.station_id).items():
        if table in replica.TABLES and (row.change_xid, row.change_seq) <= position and held.get(row_id) != row.version:
            gaps.append(
                f"{laptop.name}: cursor {cursor} passed {table} {row_id} v{row.version}, held {held.get(row_id)}"
            )
    return gaps


# --- a world of stations and a server ---------------------------------------------------------------------------------


class Lab:
    """A city server behind a fault proxy, station laptops enrolled through the proxy, and the checks."""

    def __init__(
        self,
        root: Path,
        *,
        seed: int = 0,
        process_server: bool = False,
        zygote: "Zygote | None" = None,
        **server_settings: Any,
    ):
        """``zygote``: one shared with other labs (it only forks; each job names its own folders)."""
        self.root = root
        self.seed = seed
        self.server = CityServer(root / "server", process=process_server, **server_settings)
        self.server.start()
        self.proxy = FaultProxy(self.server.port, seed=seed)
        self.stations: dict[str, uuid.UUID] = {}
        self.laptops: list[Laptop] = []
        self.kills = 0
        self._zygote = zygote
        self._own_zygote = zygote is None

    @property
    def zygote(self) -> Zygote:
        if self._zygote is None:
            self._zygote = Zygote(self.root / "fifos")
        return self._zygote

    def station(self, name: str) -> uuid.UUID:
        if name not in self.stations:
            self.stations[name] = self.server.create_station(name)
        return self.stations[name]

    def laptop(self, name: str, station: str = DEFAULT_STATION, *, direct: bool = False) -> Laptop:
        """A new station computer enrolled in ``station`` (through the proxy, or ``direct``ly with the server)."""
        station_id = self.station(station)
        folder = self.root / "laptops" / name
        context = new_station(folder)
        try:
            with self.proxy.calm():
                join_city(
                    context, self.server.url if direct else self.proxy.url, self.server.enrol_code(station_id), name
                )
        finally:
            context.close()
        laptop = Laptop(name, folder, station_id, len(self.laptops) + 1)
        self.laptops.append(laptop)
        return laptop

    def restart_server(self, *, kill: bool = False) -> None:
        """Stop (or kill) the server and start it again on the same database; the proxy follows it."""
        if kill:
            self.server.kill()
        else:
            self.server.stop()
        self.server.start()
        self.proxy.upstream_port = self.server.port

    def spawn(self, laptop: Laptop, **job: Any) -> StationProcess:
        job = {"folder": str(laptop.folder), "log": str(laptop.oplog.path), "index": laptop.index, **job}
        job.setdefault("seed", random.Random(self.seed).randrange(2**31))
        return self.zygote.spawn(job)

    def settle(self, laptops: Iterable[Laptop] | None = None, rounds: int = 5) -> None:
        """Clean syncs (no faults) until a round in which no laptop sends or receives anything."""
        chosen = list(laptops or self.laptops)
        with self.proxy.calm():
            for _ in range(rounds):
                moved = 0
                for laptop in chosen:
                    with laptop.opened() as context:
                        report = sync.sync_now(context)
                    moved += report.pushed + report.pulled
                if not moved:
                    return
        raise AssertionError(f"the laptops still exchange changes after {rounds} clean rounds")

    def check(self, laptops: Iterable[Laptop] | None = None) -> Verdict:
        """After ``settle``: every committed operation on the server exactly once, every laptop converged."""
        verdict = Verdict(trials=self.proxy.trials + self.kills)
        for laptop in laptops or self.laptops:
            verify_operations(self.server, laptop, verdict)
            verdict.diverged += divergence(self.server, laptop)
            verdict.cursor_gaps += cursor_gaps(self.server, laptop)
        verdict.duplicated += duplicated_events(self.server)
        return verdict

    def close(self) -> None:
        if self._zygote is not None and self._own_zygote:
            self._zygote.close()
        self.proxy.close()
        self.server.close()


# --- trials -----------------------------------------------------------------------------------------------------------


def cut_trials(
    lab: Lab,
    contexts: dict[str, StationContext],
    trials: int,
    *,
    probability: float | None = 0.35,
    rng: random.Random,
    edit_share: float = 0.5,
    restart_every: int = 0,
    max_rounds: int = 5_000,
    counted: Callable[[], int] | None = None,
) -> int:
    """In this process: laptops edit and sync while the proxy fails requests, until ``trials`` faults were injected
    (as ``counted`` counts them: by default every fault of the proxy); the server is restarted every
    ``restart_every`` rounds. ``probability`` None leaves the proxy as it is. Returns the rounds run."""
    laptops = {laptop.name: laptop for laptop in lab.laptops if laptop.name in contexts}
    logged = {name: laptop.oplog.highest_seq() for name, laptop in laptops.items()}
    count = counted or (lambda: lab.proxy.trials)
    start = count()
    if probability is not None:
        lab.proxy.cut_probability = probability
    rounds = 0
    try:
        while count() - start < trials and rounds < max_rounds:
            rounds += 1
            name = rng.choice(sorted(contexts))
            context, laptop = contexts[name], laptops[name]
            if rng.random() < edit_share:
                act(context, rng, laptop.index)
                logged[name] = laptop.oplog.record(context, logged[name])
            outcome = try_sync(context)
            if isinstance(outcome, sync.SyncProblem) and not outcome.reason.transient:
                raise AssertionError(f"{name}: sync failed for good: {outcome.reason} {outcome.detail}")
            if restart_every and rounds % restart_every == 0:
                lab.restart_server()
    finally:
        if probability is not None:
            lab.proxy.cut_probability = 0.0
    return rounds


KILL_POINTS = {"edit": 0.25, "apply_pages": 0.35, "pushed": 0.35, "handshake": 0.15, "uploaded": 0.2}


def kill_trials(
    lab: Lab,
    laptops: list[Laptop],
    trials: int,
    *,
    rng: random.Random,
    probability: float | None = 0.1,
    restart_every: int = 0,
    check_cursor: bool = True,
    until: Callable[[Counter[str]], bool] | None = None,
) -> tuple[Counter[str], list[str]]:
    """Station processes edit and sync (the proxy failing some requests) and are killed with SIGKILL: at a pause
    point inside a commit half of the time, at a random moment otherwise. After each kill the station's cursor is
    checked against what it holds; ``until`` (given where the kills happened so far) ends the trials early.
    Returns where the kills happened and the cursor gaps found (none expected)."""
    gaps: list[str] = []
    where: Counter[str] = Counter()
    if probability is not None:
        lab.proxy.cut_probability = probability
    try:
        for trial in range(trials):
            if until is not None and until(where):
                break
            laptop = rng.choice(laptops)
            at_pause = rng.random() < 0.5
            process = lab.spawn(
                laptop,
                seed=rng.randrange(2**31),
                steps=rng.randint(3, 10),
                sync_share=0.5,
                pause=KILL_POINTS if at_pause else {},
                timeout=1.0,
            )
            process.expect("ready")
            point = "random moment"
            if at_pause:
                while (line := process.next()) is not None and not line.startswith(("pause", "done")):
                    pass
                point = " ".join(line.split()[:2]) if line and line.startswith("pause") else point
            else:
                time.sleep(rng.uniform(0.0, 0.4))
            if process.kill():
                lab.kills += 1
                where[point] += 1
            laptop.oplog.absorb(laptop.file)
            if check_cursor:
                gaps += cursor_gaps(lab.server, laptop)
            if restart_every and (trial + 1) % restart_every == 0:
                lab.restart_server(kill=lab.server.process)
    finally:
        if probability is not None:
            lab.proxy.cut_probability = 0.0
    return where, gaps


# --- realistic rows for large syncs -----------------------------------------------------------------------------------

_UUID_COLUMNS = {
    name: frozenset(
        column.name for column in table.columns if isinstance(column.type, BinaryUuid) and column.name != "id"
    )
    for name, table in replica.TABLES.items()
}


def template_rows(folder: Path, cases: int = 30, seed: int = 11) -> list[tuple[str, uuid.UUID, dict[str, Any]]]:
    """Rows exactly as a station pushes them: ``cases`` complaints registered through the services in a scratch
    station (1-4 workers, some on a construction project with a general contractor, some accepted), read back from
    its outbox as (table, id, fields) in the order they were written."""
    rng = random.Random(seed)
    context = new_station(folder)
    try:
        for n in range(cases):
            if rng.random() < 0.3:
                form = factories.construction_form(1, received_on=chinatime.today())
            else:
                form = factories.intake_form(1, employer_serial=n % 6 + 1, received_on=chinatime.today())
            form.workers = [_worker(rng, 1) for _ in range(rng.randint(1, 4))]
            form.evidence = ["工资条"] if rng.random() < 0.3 else []
            case_id = factories.register(context, form)
            if rng.random() < 0.5:
                case_actions.perform(context, case_id, CaseAction.ACCEPT)
        with context.database.transaction() as session:
            ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
            rows: dict[uuid.UUID, tuple[str, dict[str, Any]]] = {}
            for op in ops:
                table, fields = rows.get(op.row_id, (op.table_name, {}))
                rows[op.row_id] = (table, {**fields, **json.loads(op.fields)})
    finally:
        context.close()
    return [(table, row_id, fields) for row_id, (table, fields) in rows.items()]


def realistic_rows(
    template: list[tuple[str, uuid.UUID, dict[str, Any]]], count: int
) -> list[tuple[str, uuid.UUID, dict]]:
    """``count`` rows: the template's station and staff rows once, then copies of its cases, each copy with new ids
    (references between its rows follow), its own case numbers and phones."""
    shared = [row for row in template if row[0] in ("station", "staff_user")]
    bundle = [row for row in template if row[0] not in ("station", "staff_user")]
    found = list(shared)
    copy = 0
    while len(found) < count:
        copy += 1
        ids = {row_id: new_id() for _table, row_id, _fields in bundle}
        for table, row_id, fields in bundle:
            fields = dict(fields)
            for name in _UUID_COLUMNS[table] & fields.keys():
                if fields[name] is not None and uuid.UUID(fields[name]) in ids:
                    fields[name] = str(ids[uuid.UUID(fields[name])])
            if table == "case_file":
                fields["sequence"] = copy * 1000 + fields["sequence"]
                fields["number"] = f"({fields['year']})菏谐调字第{fields['sequence']:07d}号"
            if table == "person" and fields.get("phone"):
                fields["phone"] = f"13{(copy * 7919 + int(fields['phone'][-6:])) % 10**9:09d}"
            found.append((table, ids[row_id], fields))
            if len(found) == count:
                break
    return found


def fill_server(
    server: CityServer, station_id: uuid.UUID, rows: list[tuple[str, uuid.UUID, dict]], batch: int = 5000
) -> None:
    """Write rows into the station's scope with the server's own write path (feed positions and all)."""
    for chunk in _chunks(rows, batch):
        with server.database.transaction() as session:
            write_rows(session, [server_row(table, row_id, station_id, fields) for table, row_id, fields in chunk])


def edit_on_server(
    database: ServerDatabase, row_ids: Iterable[uuid.UUID], edit: dict[str, Any]
) -> list[tuple[str, uuid.UUID, dict[str, Any]]]:
    """The rows with these ids changed on the server by ``edit`` (wire fields), as another device's push would leave
    them: a version up, and a new place at the end of the feed. Returns the changes as (table, id, edit)."""
    writes, changed = [], []
    with database.transaction() as session:
        for stored in session.scalars(select(ServerRow).where(ServerRow.row_id.in_(list(row_ids)))):
            version = stored.version + 1
            writes.append(
                RowWrite(
                    stored.row_id,
                    stored.table_name,
                    stored.station_id,
                    {**stored.fields, **edit},
                    {**stored.field_versions, **dict.fromkeys(edit, version)},
                    stored.field_writers,
                    version,
                    False,
                    server_hlc(),
                    None,
                    is_new=False,
                )
            )
            changed.append((stored.table_name, stored.row_id, edit))
        write_rows(session, writes)
    return changed


def server_device(server: CityServer, device_id: uuid.UUID) -> Device:
    with server.database.transaction() as session:
        return session.get_one(Device, device_id)
