"""The city server under load, on a throw-away PostgreSQL cluster, through its real HTTP interface.

- ingest: devices push registration-sized transactions concurrently, encoded as a station's client sends them (the
  rows form, zstd); set against plain INSERTs of the same rows into a bare table in the same cluster (the ratio is
  what the protocol's bookkeeping costs), the median of three paired rounds;
- no-op sync: many stations each ask for changes with an up-to-date cursor; the latency of that one request;
- first sync: one station pulls 100,000 rows page by page; set against a plain SELECT of the same rows.

The server runs as its own process (``heze-station-server serve``), as in production; the load comes from this
process, on the same 2 cores, so the figures are conservative.
"""

import asyncio
import cProfile
import http.client
import json
import os
import pstats
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pydantic_core
from sqlalchemy import create_engine, select, text

from heze_station.domain.ids import new_id
from heze_station.server import auth, ingest, migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.feed import write_rows
from heze_station.server.ingest import server_row
from heze_station.server.models import Station, SyncRow
from heze_station.station_sync.client import ACCEPT_ROWS
from heze_station.sync import wire
from heze_station.sync.schemas import PushRequest

from . import pgcluster
from .cases import Timings

COMMAND = Path(sys.executable).parent / "heze-station-server"
OPS_PER_TRANSACTION = 5  # a registration: the case, two workers, their two claimant links
TRANSACTIONS_PER_PUSH = 20
PUSHING_DEVICES = 4
PAGE_ROWS = 1000
TIMEOUT = 120
INGEST_GOAL = 5000.0  # operations per second on PostgreSQL (issue 18; shared/design/sync.md asks 2,000)
INGEST_RATIO_GOAL = 4.0  # the same rows as plain INSERTs are at most this many times faster
NOOP_GOAL_MS = 300.0
PROFILE_PUSHES = 20  # pushes profiled in this process when an ingest goal is missed
INGEST_ROUNDS = 3  # paired rounds of pushes and plain inserts: the figure is the median ratio's (median_ingest)
STATION_CODING = "zstd"  # what a station's client compresses its pushes with, once the server names it
# Worker processes of the measured server (HEZE_SERVER_WORKERS): one per core, as docs/deployment.md asks of a city
# server. Since pushes are applied in batches the server's Python work, not PostgreSQL, bounds the ingest: in
# alternating runs of stop 34 one worker took 7,900-8,700 operations/s, two 9,900-14,600 (the load generator and
# PostgreSQL share the same two cores). Before the batches, two had measured slower than one.
SERVER_WORKERS = 2


@dataclass
class ServerFigures:
    ingest_ops: int
    ingest_ops_per_s: float
    plain_inserts_per_s: float
    noop_stations: int
    noop_rate: float  # no-op syncs started per second
    noop: Timings
    first_sync_rows: int
    first_sync_rows_per_s: float
    plain_select_rows_per_s: float
    ingest_profile: list[str]  # when an ingest goal is missed: where a push's time goes (profile_ingest)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(settings: Settings) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "HEZE_SERVER_DATABASE_URL": settings.sqlalchemy_url,
        "HEZE_SERVER_DATA_DIR": str(settings.data_dir),
        "HEZE_SERVER_WORKERS": str(SERVER_WORKERS),
        # This checkout's code, also when the virtualenv was installed from another one (as tests/server does).
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    # Its standard error goes to a file: the access log writes a line per request, and a pipe nobody reads would
    # fill up and stop the server.
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log = settings.data_dir / "server-stderr.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen([str(COMMAND), "serve", "--port", str(port)], env=env, stderr=stderr)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')[-2000:]}") from None
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=TIMEOUT)


@dataclass(frozen=True)
class Device:
    station_id: uuid.UUID
    device_id: uuid.UUID
    token: str
    station_row: uuid.UUID  # the station's own record of itself, which its cases name
    user_row: uuid.UUID  # the coordinator who registers them


def provision(database: Database, settings: Settings, count: int, prefix: str) -> list[Device]:
    """``count`` stations with one enrolled device and an access token each, through the server's own code."""
    devices = []
    with database.transaction() as session:
        for n in range(count):
            station = Station(id=new_id(), name=f"{prefix}{n:04d}")
            session.add(station)
            session.flush()
            code = auth.issue_enrolment_code(session, settings, station.id, auth.STATION_ROLE).code
            enrolled = auth.enrol(session, code, "bench")
            assert enrolled is not None
            session.flush()
            token = auth.issue_token(session, settings, enrolled.device.id, enrolled.secret)
            assert token is not None
            # The rows a station sends when it enrols (its own record, its coordinator): what its cases name.
            station_row, user_row = new_id(), new_id()
            write_rows(session, [
                server_row("station", station_row, station.id, {"name": station.name, "case_word": "菏谐调字"}),
                server_row("staff_user", user_row, station.id, {"station_id": str(station_row), "name": "协调员",
                                                                "login": "bench", "role": "coordinator"}),
            ])  # fmt: skip
            devices.append(Device(station.id, enrolled.device.id, token.token, station_row, user_row))
    return devices


def registration(device: Device, device_index: int, n: int, seq: int) -> dict:
    """One client transaction as the intake service would record it: five operations, whole rows."""
    case_id, workers = new_id(), [new_id(), new_id()]
    hlc = f"{int(time.time() * 1000):015d}-00000-bench{device_index}"
    ops = [
        ("case_file", case_id, {"number": f"菏谐调字〔2026〕第{device_index}{n:06d}号", "status": "registered",
                                "station_id": str(device.station_row), "year": 2026, "sequence": n + 1,
                                "registered_at": "2026-11-27T08:00:00+00:00",
                                "registered_by_id": str(device.user_row), "knew_on": "2026-11-01",
                                "channel": "visit", "category": "wages", "received_on": "2026-11-27",
                                "claimed_total_fen": 760000, "worker_count": 2, "facts": "拖欠工资三个月" * 5}),
    ]  # fmt: skip
    for k, worker in enumerate(workers):
        ops.append(("person", worker, {"name": "张三", "id_number": f"3717{device_index:02d}{n:08d}{k:03d}X",
                                       "phone": "13800000000", "address": "菏泽市牡丹区"}))  # fmt: skip
    for k, worker in enumerate(workers):
        ops.append(("case_claimant", new_id(), {"case_id": str(case_id), "person_id": str(worker), "position": k,
                                                "claimed_fen": 380000, "is_representative": False}))  # fmt: skip
    return {
        "tx_id": str(new_id()),
        "ops": [
            {"op_id": str(new_id()), "seq": seq + i, "table": table, "row_id": str(row_id), "kind": "upsert",
             "base_version": 0, "fields": fields, "hlc": hlc}
            for i, (table, row_id, fields) in enumerate(ops)
        ],
    }  # fmt: skip


def _pushes(transactions: list[dict]) -> list[list[dict]]:
    """A device's transactions in the requests it sends them in."""
    return [
        transactions[start : start + TRANSACTIONS_PER_PUSH]
        for start in range(0, len(transactions), TRANSACTIONS_PER_PUSH)
    ]


def _as_a_station_sends(transactions: list[dict]) -> bytes:
    """A push's body as the station's client sends it (station_sync/client.py): the rows form, compressed."""
    rows = pydantic_core.to_json(
        wire.encode_push(PushRequest.model_validate({"transactions": transactions}).transactions)
    )
    return wire.compress(rows, STATION_CODING)


def _seconds_in_threads(target: Callable[..., None], arguments: list[tuple]) -> float:
    """Wall time of ``target`` run once per argument tuple, all at the same time in threads."""
    threads = [threading.Thread(target=target, args=args) for args in arguments]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def measure_ingest(url: str, devices: list[Device], pushes_per_device: int) -> tuple[int, float, list[list[dict]]]:
    """Operations per second over every pushing device at once; also returns the pushed transactions."""
    bodies: list[list[dict]] = []
    for index in range(len(devices)):
        seq, transactions = 1, []
        for n in range(pushes_per_device * TRANSACTIONS_PER_PUSH):
            transactions.append(registration(devices[index], index, n, seq))
            seq += OPS_PER_TRANSACTION
        bodies.append(transactions)
    errors: list[str] = []
    answers: list[tuple[int, str | None, bytes]] = []
    # Encoded before the clock starts, as a station's client encodes them (the rows form, zstd), and the answers read
    # after it stops: the load generator shares the server's two cores, and its own work would be counted as the
    # server's.
    encoded = [[_as_a_station_sends(push) for push in _pushes(transactions)] for transactions in bodies]

    def push_all(device: Device, pushes: list[bytes]) -> None:
        # The standard library's client, lighter than httpx, one kept-alive connection per device; its answers
        # compressed as a station asks for them.
        headers = {
            "Authorization": f"Bearer {device.token}",
            "Content-Type": wire.ROWS_MEDIA_TYPE,
            "Content-Encoding": STATION_CODING,
            "Accept": ACCEPT_ROWS,
            "Accept-Encoding": STATION_CODING,
        }
        address = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=TIMEOUT)
        try:  # a thread's exception would only be printed, and the rate counted over the pushes not made
            for content in pushes:
                connection.request("POST", "/v1/sync/push", body=content, headers=headers)
                answer = connection.getresponse()
                answers.append((answer.status, answer.getheader("Content-Encoding"), answer.read()))
        except Exception as error:  # reported below as the run's failure
            errors.append(repr(error)[:300])
        finally:
            connection.close()

    elapsed = _seconds_in_threads(push_all, list(zip(devices, encoded, strict=True)))
    for status, coding, body in answers:
        try:
            text = wire.decompress(body, coding, 1 << 30)
            if status != 200 or (result := wire.decode_push_answer(json.loads(text))).resend_from is not None:
                errors.append(text[:300].decode(errors="replace"))
            elif rejected := [r.error for r in result.results if r.status == "rejected"]:
                errors.append(str(rejected[0])[:300])  # a benchmark of refusals would measure nothing
        except Exception as error:  # an answer that is not one: the run's failure, as a thread's exception is
            errors.append(repr(error)[:300])
    if errors:
        raise RuntimeError(f"pushes failed: {errors[:3]}")
    ops = sum(len(tx["ops"]) for body in bodies for tx in body)
    return ops, ops / elapsed, bodies


def median_ingest(database: Database, settings: Settings, url: str, pushes_per_device: int) -> tuple[int, float, float]:
    """INGEST_ROUNDS rounds of new devices pushing, each paired with plain inserts of its rows right after it;
    (operations, ingest rate, plain rate) of the round with the median ratio. One round's ratio swings from 3.2x to
    5.4x on this 2-core machine, mostly with the baseline's (38,000-61,000 rows/s): the median of paired rounds is
    the figure that repeats."""
    rounds = []
    for round_number in range(INGEST_ROUNDS):
        pushers = provision(database, settings, PUSHING_DEVICES, f"ingest{round_number}")
        ops, ingest_rate, bodies = measure_ingest(url, pushers, pushes_per_device)
        rounds.append((ops, ingest_rate, measure_plain_inserts(settings.sqlalchemy_url, bodies, pushers[0].station_id)))
    return sorted(rounds, key=lambda measured: measured[2] / measured[1])[len(rounds) // 2]


def measure_plain_inserts(url: str, bodies: list[list[dict]], station_id: uuid.UUID) -> float:
    """The same rows as plain INSERTs (one transaction per pushed batch), concurrently from as many connections."""
    engine = create_engine(url, pool_size=len(bodies))
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE plain_row (row_id uuid PRIMARY KEY, table_name text, station_id uuid, fields jsonb)")
        )
    statement = text("INSERT INTO plain_row VALUES (:row_id, :table_name, :station_id, CAST(:fields AS jsonb))")

    # Built before the clock starts, as the pushes are encoded before theirs (measure_ingest).
    batches = [
        [
            [
                {"row_id": op["row_id"], "table_name": op["table"], "station_id": str(station_id),
                 "fields": json.dumps(op["fields"], ensure_ascii=False)}
                for tx in push
                for op in tx["ops"]
            ]
            for push in _pushes(transactions)
        ]
        for transactions in bodies
    ]  # fmt: skip

    def insert_all(batches_of_one_device: list[list[dict]]) -> None:
        for rows in batches_of_one_device:
            with engine.begin() as connection:
                connection.execute(statement, rows)

    elapsed = _seconds_in_threads(insert_all, [(rows,) for rows in batches])
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE plain_row"))  # the next round's baseline starts empty, as its pushes do
    engine.dispose()
    return sum(len(tx["ops"]) for body in bodies for tx in body) / elapsed


def profile_ingest(database: Database, settings: Settings) -> list[str]:
    """Pushes of a new device applied in this process, below the route (``ingest.push``), under cProfile: the
    statements each sends, then the functions of the push by cumulative and by own time."""
    device = provision(database, settings, 1, "profile")[0]
    seq, transactions = 1, []
    for n in range(PROFILE_PUSHES * TRANSACTIONS_PER_PUSH):
        transactions.append(registration(device, 0, n, seq))
        seq += OPS_PER_TRANSACTION
    requests = [PushRequest.model_validate({"transactions": push}) for push in _pushes(transactions)]
    context = ingest.PushContext(device.device_id, device.station_id, settings.max_clock_ahead_seconds * 1000)
    statements: list[str] = []
    # Counted at the driver: a push's reads go to it directly, together (db.read_together), past SQLAlchemy's events.
    execute = psycopg.Cursor.execute

    def count(cursor: psycopg.Cursor, query, *arguments, **options):
        if str(query).strip() != ";":  # the pool's check that a connection is alive, no statement of the push
            statements.append(str(query).split(None, 1)[0].upper())
        return execute(cursor, query, *arguments, **options)

    psycopg.Cursor.execute = count  # type: ignore[method-assign]
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        for request in requests:
            ingest.push(database.transaction, context, request)
        profiler.disable()
    finally:
        psycopg.Cursor.execute = execute  # type: ignore[method-assign]
    kinds = {kind: statements.count(kind) / len(requests) for kind in sorted(set(statements))}
    lines = [f"statements per push {len(statements) / len(requests):.1f}: " + ", ".join(
        f"{kind} {each:.1f}" for kind, each in kinds.items())]  # fmt: skip
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    ours = [(where, entry) for where, entry in stats.items() if "heze_station" in where[0]]
    for label, index in (("cumulative", 3), ("own time", 2)):
        top = sorted(ours, key=lambda item: item[1][index], reverse=True)[:8]
        lines += [
            f"{label} {name} ({Path(filename).name}:{line}) {entry[index] / len(requests) * 1000:.2f} ms per push"
            for (filename, line, name), entry in top
        ]
    return lines


async def _noop_syncs(url: str, devices: list[Device], cursors: list[str], rate: float) -> list[float]:
    """Open loop: station n starts its sync at n / rate seconds, whether or not earlier ones have finished, and its
    latency counts from that moment (so a server that falls behind shows it, instead of slowing the load)."""
    limits = httpx.Limits(max_connections=500, max_keepalive_connections=500)
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=TIMEOUT) as http:
        loop = asyncio.get_running_loop()
        start = loop.time()

        async def one(index: int, device: Device, cursor: str) -> None:
            due = start + index / rate
            await asyncio.sleep(max(0.0, due - loop.time()))
            answer = await http.get(
                "/v1/sync/changes", params={"cursor": cursor}, headers={"Authorization": f"Bearer {device.token}"}
            )
            latencies.append((loop.time() - due) * 1000)
            if answer.status_code != 200 or answer.json()["changes"]:
                raise RuntimeError(f"a no-op sync was not one: {answer.status_code} {answer.text[:200]}")

        pairs = enumerate(zip(devices, cursors, strict=True))
        await asyncio.gather(*(one(n, device, cursor) for n, (device, cursor) in pairs))
    return latencies


def measure_noop(url: str, devices: list[Device], rate: float, rounds: int) -> Timings:
    cursors = []
    with httpx.Client(base_url=url, timeout=TIMEOUT) as http:
        for device in devices:  # each station is up to date first (its first sync)
            cursor = ""
            while True:
                page = http.get(
                    "/v1/sync/changes", params={"cursor": cursor}, headers={"Authorization": f"Bearer {device.token}"}
                ).json()
                cursor = page["cursor"]
                if not page["has_more"]:
                    break
            cursors.append(cursor)
    timings = Timings()
    for _ in range(rounds):
        timings.values.extend(asyncio.run(_noop_syncs(url, devices, cursors, rate)))
    return timings


def fill_station(database: Database, station_id: uuid.UUID, rows: int) -> None:
    """``rows`` case rows in one station's scope, written by the server's own write path (as pushes would)."""
    batch = 5000
    for start in range(0, rows, batch):
        with database.transaction() as session:
            write_rows(
                session,
                [
                    server_row("case_file", new_id(), station_id, {
                        "number": f"(2026)菏谐调字第{n:06d}号", "status": "registered", "channel": "visit",
                        "category": "wages", "received_on": "2026-11-27", "claimed_total_fen": 380000,
                        "worker_count": 1, "claimant_summary": "张三", "facts": "拖欠工资三个月"})
                    for n in range(start, min(start + batch, rows))
                ],
            )  # fmt: skip


def measure_first_sync(url: str, database: Database, device: Device, rows: int) -> tuple[float, float]:
    """Rows per second for a first sync over HTTP, and for a plain SELECT of the same rows."""
    fill_station(database, device.station_id, rows)
    pulled = 0
    started = time.perf_counter()
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {device.token}"}, timeout=TIMEOUT) as http:
        cursor = ""
        while True:
            page = http.get("/v1/sync/changes", params={"cursor": cursor, "limit": PAGE_ROWS}).json()
            pulled += len(page["changes"])
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    pull_rate = pulled / (time.perf_counter() - started)
    if pulled < rows:
        raise RuntimeError(f"the first sync delivered {pulled} of {rows} rows")
    started = time.perf_counter()
    with database.engine.connect() as connection:
        selected = len(
            connection.execute(
                select(SyncRow.row_id, SyncRow.version, SyncRow.deleted, SyncRow.fields).where(
                    SyncRow.station_id == device.station_id
                )
            ).all()
        )
    return pull_rate, selected / (time.perf_counter() - started)


def measure(
    stations: int = 1000, pushes_per_device: int = 50, first_sync_rows: int = 100_000, noop_rate: float = 100
) -> ServerFigures:
    """``noop_rate``: every station syncs once in ``stations / noop_rate`` seconds (100/s: each of 1,000 stations
    every 10 s, far more often than a station that syncs every few minutes)."""
    cluster = pgcluster.start(("max_connections=200", "shared_buffers=256MB"))
    try:
        engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("CREATE DATABASE bench"))
        engine.dispose()
        settings = Settings(database_url=cluster.url("bench"), data_dir=cluster.folder / "server", pool_size=20)
        database = Database(settings)
        migrations.upgrade(database.engine)
        quiet = provision(database, settings, stations + 1, "station")  # one for the first sync
        with running_server(settings) as url:
            ops, ingest_rate, plain_rate = median_ingest(database, settings, url, pushes_per_device)
            first_sync_rate, select_rate = measure_first_sync(url, database, quiet[0], first_sync_rows)
            noop = measure_noop(url, quiet[1:], noop_rate, rounds=2)
        missed = ingest_rate < INGEST_GOAL or plain_rate / ingest_rate > INGEST_RATIO_GOAL
        profile = profile_ingest(database, settings) if missed else []
        database.close()
        return ServerFigures(
            ingest_ops=ops,
            ingest_ops_per_s=ingest_rate,
            plain_inserts_per_s=plain_rate,
            noop_stations=len(quiet) - 1,
            noop_rate=noop_rate,
            noop=noop,
            first_sync_rows=first_sync_rows,
            first_sync_rows_per_s=first_sync_rate,
            plain_select_rows_per_s=select_rate,
            ingest_profile=profile,
        )
    finally:
        cluster.stop()
