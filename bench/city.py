"""The city's supervision on PostgreSQL: 1,000 stations with 100 cases each, as their synced rows.

- ``city_quarter_report_s``: the whole city's quarterly figures (heze_station.server.city_figures.report), every
  table and breakdown, read from ``sync_row`` and counted by the stations' own definitions, from nothing; beside
  it, the same after one station synced a new case, as the page counts it (``recount_s``);
- ``supervision_page_p95_ms``: 20 supervisors at once, each signed in and going round the pages (the stations, the
  city's quarter, a district's quarter, a station's month, a station's overdue list, a station's return as .xlsx)
  against the real server process, reading each page for a second before opening the next (a person, not a
  script: 20 pages a second in all); the latency of one page. The first view of the city's pages, which counts the
  whole city, is reported on its own (``first_view_ms``); later views reuse it (web/reports.Reports).

A year of cases per station: most reach an agreement (paid in one or two instalments, some late), others fail, are
withdrawn, refused, still in mediation or awaiting a decision. Rows go in through the server's own write path.
"""

import random
import re
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import httpx
from sqlalchemy import create_engine, text

from heze_station.domain import chinatime, periods
from heze_station.domain.ids import new_id
from heze_station.server import city_figures, migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.feed import write_rows
from heze_station.server.ingest import server_row
from heze_station.server.models import Station
from heze_station.server.synced import Scope
from heze_station.server.web import accounts
from heze_station.server.web.reports import Reports

from . import pgcluster
from .cases import Timings
from .server import running_server

STATIONS = 1000
CASES_PER_STATION = 100
DISTRICTS = 10
SUPERVISORS = 20
ROUNDS = 5
THINK_SECONDS = 1.0  # a supervisor reads a page before opening the next
QUARTER_GOAL_S = 2.0
PAGE_GOAL_MS = 300.0
# The supervisors read this quarter, which each server process counts as it starts (web/pages.warm_up). The cases
# are a year's, the last of them received at this quarter's end, so that it holds a whole quarter's whatever the day.
QUARTER = periods.containing(periods.PeriodKind.QUARTER, chinatime.today())
YEAR_FROM = QUARTER.before().before().before().first
SUPERVISOR, PASSWORD = "督导", "bench supervisor password"
CATEGORIES = ("wages", "wages", "wages", "overtime_pay", "social_insurance", "termination", "work_injury", "other")
CHANNELS = ("visit", "phone", "online", "letter", "on_site", "platform")


@dataclass
class CityFigures:
    rows: int
    quarter: Timings  # seconds
    cases_read: int
    recount_s: float
    pages: Timings  # ms
    first_view_ms: float
    by_page: dict[str, float]  # p95 ms per kind of page


def _station_rows(random_: random.Random, station_id: uuid.UUID) -> list:
    employers = [new_id() for _ in range(10)]
    rows = [
        server_row("employer", employer, station_id, {
            "kind": "company" if n < 8 else "natural_person", "name": f"用人单位{n}"})
        for n, employer in enumerate(employers)
    ]  # fmt: skip
    for n in range(CASES_PER_STATION):
        case_id = new_id()
        received = YEAR_FROM + timedelta(days=random_.randrange((QUARTER.last - YEAR_FROM).days + 1))
        collective = random_.random() < 0.1
        fields = {
            "number": f"({received.year})菏谐调字第{n + 1:04d}号", "received_on": received.isoformat(),
            "category": random_.choice(CATEGORIES), "channel": random_.choice(CHANNELS), "is_collective": collective,
            "worker_count": 12 if collective else 1, "claimed_total_fen": random_.randrange(100_000, 5_000_000),
            "respondent_summary": "用人单位",
        }  # fmt: skip
        fate = random_.random()
        decided = received + timedelta(days=1)
        ended = received + timedelta(days=random_.randrange(1, 20))
        if fate < 0.1:
            fields["status"] = "registered"
        elif fate < 0.15:
            fields |= {"status": "refused", "decided_on": decided.isoformat()}
        elif fate < 0.25:
            fields |= {"status": "in_mediation", "decided_on": decided.isoformat()}
        elif fate < 0.45:
            outcome = "mediation_failed" if fate < 0.38 else "withdrawn"
            fields |= {"status": outcome, "outcome": outcome, "decided_on": decided.isoformat(),
                       "ended_on": ended.isoformat()}  # fmt: skip
        else:
            fields |= {"status": "agreement", "outcome": "agreement", "decided_on": decided.isoformat(),
                       "ended_on": ended.isoformat()}  # fmt: skip
            rows += _agreement(random_, station_id, case_id, ended)
        rows.append(server_row("case_file", case_id, station_id, fields))
        rows.append(server_row("case_respondent", new_id(), station_id, {
            "case_id": str(case_id), "employer_id": str(random_.choice(employers)), "position": 1,
            "role": "employer"}))  # fmt: skip
    return rows


def _agreement(random_: random.Random, station_id: uuid.UUID, case_id: uuid.UUID, agreed: date) -> list:
    agreement_id, total = new_id(), random_.randrange(100_000, 3_000_000)
    effective = datetime(agreed.year, agreed.month, agreed.day, 2, tzinfo=UTC)
    rows = [
        server_row("agreement", agreement_id, station_id, {
            "case_id": str(case_id), "state": "in_effect", "agreed_on": agreed.isoformat(), "total_fen": total,
            "effective_at": effective.isoformat()})
    ]  # fmt: skip
    parts = [total] if random_.random() < 0.6 else [total // 2, total - total // 2]
    for position, amount in enumerate(parts, 1):
        due = agreed + timedelta(days=15 * position)
        rows.append(server_row("agreement_instalment", new_id(), station_id, {
            "agreement_id": str(agreement_id), "position": position, "due_on": due.isoformat(),
            "amount_fen": amount}))  # fmt: skip
        if random_.random() < 0.85:  # most pay, some late
            paid = due - timedelta(days=2) if random_.random() < 0.8 else due + timedelta(days=5)
            rows.append(server_row("payment", new_id(), station_id, {
                "agreement_id": str(agreement_id), "paid_on": paid.isoformat(), "amount_fen": amount,
                "method": "bank_transfer"}))  # fmt: skip
    return rows


def fill(database: Database, count: int) -> tuple[list[uuid.UUID], int]:
    random_ = random.Random(16)
    stations, written = [], 0
    for index in range(count):
        station_id = new_id()
        with database.transaction() as session:
            session.add(Station(id=station_id, name=f"驿站{index:04d}", district=f"区县{index % DISTRICTS}"))
            rows = _station_rows(random_, station_id)
            write_rows(session, rows)
        stations.append(station_id)
        written += len(rows)
    return stations, written


def measure_quarter(database: Database, rounds: int = 3) -> tuple[Timings, int]:
    """The whole count, every station read and counted: what the first supervisor to ask waits for."""
    timings, cases = Timings(), 0
    for _ in range(rounds):
        started = time.perf_counter()
        with database.transaction() as session:
            result = city_figures.report(session, QUARTER)
        timings.values.append(time.perf_counter() - started)
        cases = result.cases
    return timings, cases


def measure_recount(database: Database, station_id: uuid.UUID) -> float:
    """Seconds for the quarter again after one station synced a new case: the page counts that station alone and
    adds up the others' kept figures (web/reports.Reports)."""
    reports = Reports()
    with database.transaction() as session:
        reports.city_report(session, QUARTER, Scope())
    with database.transaction() as session:
        write_rows(session, [server_row("case_file", new_id(), station_id, {
            "number": f"({QUARTER.first.year})菏谐调字第9999号", "received_on": QUARTER.first.isoformat(),
            "category": "wages", "channel": "visit", "status": "registered"})])  # fmt: skip
    started = time.perf_counter()
    with database.transaction() as session:
        reports.city_report(session, QUARTER, Scope())
    return time.perf_counter() - started


def _signed_in(url: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=120)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/city/sign-in").text)[1]
    answer = client.post("/city/sign-in", data={"csrf": csrf, "name": SUPERVISOR, "password": PASSWORD})
    if answer.status_code != 303:
        raise RuntimeError(f"the bench supervisor could not sign in: {answer.status_code}")
    return client


def _months() -> list[periods.Period]:
    """The twelve months of the cases' year."""
    months = [periods.containing(periods.PeriodKind.MONTH, YEAR_FROM)]
    while len(months) < 12:
        months.append(periods.containing(periods.PeriodKind.MONTH, months[-1].last + timedelta(days=1)))
    return months


def _rounds(random_: random.Random, stations: list[uuid.UUID], rounds: int) -> list[str]:
    pages = []
    for _ in range(rounds):
        station = random_.choice(stations)
        month = random_.choice(_months()).code
        pages += [
            "/city/",
            f"/city/figures?period={QUARTER.code}",
            f"/city/figures?period={QUARTER.code}&district=区县{random_.randrange(DISTRICTS)}",
            f"/city/figures?period={month}&station={station}",
            f"/city/overdue?station={station}",
            f"/city/returns.xlsx?period={month}&station={station}",
        ]
    return pages


def measure_pages(
    url: str, stations: list[uuid.UUID], supervisors: int, rounds: int, think: float
) -> tuple[Timings, float, dict[str, float]]:
    first = _signed_in(url)
    started = time.perf_counter()
    for page in ("/city/", f"/city/figures?period={QUARTER.code}"):
        first.get(page).raise_for_status()
    first_view_ms = (time.perf_counter() - started) * 1000
    first.close()
    clients = [_signed_in(url) for _ in range(supervisors)]
    timings, failures, lock = Timings(), [], threading.Lock()
    by_page: dict[str, Timings] = {}
    ready = threading.Barrier(supervisors)

    def browse(client: httpx.Client, pages: list[str]) -> None:
        ready.wait()
        for page in pages:
            begun = time.perf_counter()
            answer = client.get(page)
            elapsed = (time.perf_counter() - begun) * 1000
            with lock:
                timings.values.append(elapsed)
                by_page.setdefault(_kind(page), Timings()).values.append(elapsed)
                if answer.status_code != 200:
                    failures.append(f"{page}: {answer.status_code}")
            time.sleep(max(0.0, think - elapsed / 1000))

    threads = [
        threading.Thread(target=browse, args=(client, _rounds(random.Random(n), stations, rounds)))
        for n, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    if failures:
        raise RuntimeError(f"{len(failures)} pages failed, first: {failures[0]}")
    return timings, first_view_ms, {kind: round(each.p95, 1) for kind, each in sorted(by_page.items())}


def _kind(page: str) -> str:
    path, _, query = page.partition("?")
    return path + ("[district]" if "district=" in query else "[station]" if "station=" in query else "")


def measure(
    stations: int = STATIONS, supervisors: int = SUPERVISORS, rounds: int = ROUNDS, think: float = THINK_SECONDS
) -> CityFigures:
    cluster = pgcluster.start(("max_connections=200", "shared_buffers=256MB"))
    try:
        engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("CREATE DATABASE city"))
        engine.dispose()
        settings = Settings(database_url=cluster.url("city"), data_dir=cluster.folder / "city", pool_size=25)
        database = Database(settings)
        migrations.upgrade(database.engine)
        station_ids, rows = fill(database, stations)
        with database.transaction() as session:
            accounts.create_supervisor(session, SUPERVISOR, PASSWORD)
        with database.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        quarter, cases = measure_quarter(database)
        recount = measure_recount(database, station_ids[0])
        with running_server(settings) as url:
            pages, first_view_ms, by_page = measure_pages(url, station_ids, supervisors, rounds, think)
        database.close()
        return CityFigures(rows, quarter, cases, recount, pages, first_view_ms, by_page)
    finally:
        cluster.stop()
