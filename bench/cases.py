"""The 100,000-case station database, and timings of the case list and search over it.

Every timing goes through the services the GUI calls (case_queries.list_cases and count_cases), and is set
against a plain ``SELECT … ORDER BY registered_at DESC LIMIT 200`` on the same database in the same process, so
that the ratio says what the program adds on top of SQLite on this machine. The same timings on a decrypted copy
of the database, taken in turns with them, say what encryption costs.
"""

import contextlib
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

import heze_station
from heze_station.paths import DATABASE_FILE
from heze_station.services.case_queries import CaseFilter, count_cases, list_cases
from heze_station.services.dashboard import dashboard
from heze_station.services.station import StationContext, accounts_named, context_for, open_station_database
from heze_station.storage.database import hmac_of
from tests.stations import database_key, open_test_station

from .bulk import bulk_cases

CASES = 100_000
# Bump when the benchmark database should be rebuilt for a reason the hashed sources below do not show.
DATA_VERSION = "2"  # 2: the file written with the machine's fastest HMAC (storage.database)
_SHAPING_SOURCES = (
    "demo/generator.py",
    "storage/models.py",
    "storage/types.py",
    "storage/search.py",
    "storage/migrations",
    "../bench/bulk.py",
)
PLAIN_SELECT = text(
    "SELECT id, number, status, category, channel, registered_at, claimant_summary, worker_count, "
    "respondent_summary, claimed_total_fen FROM case_file WHERE deleted_at IS NULL "
    "ORDER BY registered_at DESC LIMIT 200"
)


def _cache_key(count: int) -> str:
    digest = hashlib.sha256(f"{DATA_VERSION}:{count}".encode())
    package = Path(heze_station.__file__).parent
    for name in _SHAPING_SOURCES:
        path = package / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def cached_database(count: int = CASES, log: Callable[[str], None] = print) -> Path:
    """The data folder of a station with ``count`` generated cases, built on first use and kept in /tmp."""
    root = Path(tempfile.gettempdir()) / "heze-station-bench"
    folder = root / f"{count}-{_cache_key(count)}"
    complete = folder / "complete"
    if complete.exists():
        return folder / "data"
    if root.exists():  # older builds of the generator or schema: never used again
        for stale in root.iterdir():
            shutil.rmtree(stale, ignore_errors=True)
    log(f"# building the {count:,}-case database in {folder} (once; later runs reuse it)")
    started = time.perf_counter()
    context = open_test_station(folder / "data")
    try:
        bulk_cases(context, count)
    finally:
        context.close()
    complete.write_text(f"{time.perf_counter() - started:.1f} s\n", encoding="utf-8")
    log(f"# built in {time.perf_counter() - started:.1f} s")
    return folder / "data"


def build_seconds(data_dir: Path) -> float | None:
    try:
        return float((data_dir.parent / "complete").read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return None


# -- queries ---------------------------------------------------------------------------------------------------

_SURNAMES = "王李张刘陈杨赵孙徐马朱郭高黄周吴"
_TWO_CHARACTER_WORDS = ("工资", "欠薪", "加班", "社保", "工伤", "押金", "辞退", "曹县", "鄄城", "工地")
_FACT_WORDS = (
    "钢筋工",
    "日工资",
    "包工头",
    "经济补偿",
    "加班费",
    "社会保险",
    "发制品",
    "标准厂房",
    "小区三期",
    "拖欠工资",
    "未签订书面劳动合同",
    "根治欠薪",
    "医疗费",
    "停工停产",
    "劳务分包",
)


def realistic_queries(context: StationContext, seed: int = 2026) -> list[tuple[str, str]]:
    """About 200 (shape, text) pairs of what coordinators type, drawn from the database's own content."""
    rng = random.Random(seed)
    with context.database.transaction() as session:
        people = session.execute(text("SELECT name, id_number, phone FROM person ORDER BY id LIMIT 20000")).all()
        companies = session.scalars(text("SELECT name FROM employer WHERE kind = 'company' ORDER BY id")).all()
        projects = session.scalars(text("SELECT name FROM project ORDER BY id")).all()
    two = [person.name for person in people if len(person.name) == 2]
    three = [person.name for person in people if len(person.name) >= 3]
    queries = [("surname", rng.choice(_SURNAMES)) for _ in range(25)]
    queries += [("two_characters", name) for name in rng.sample(two, 15)]
    queries += [("two_characters", word) for word in _TWO_CHARACTER_WORDS]
    queries += [("two_characters", name[2:4]) for name in rng.sample(companies, 10)]  # a firm's trade name
    queries += [("full_name", name) for name in rng.sample(three, 40)]
    ids = [person.id_number for person in rng.sample(people, 30)]
    queries += [("id_number", number) for number in ids[:10]]
    queries += [("id_number", number[-6:]) for number in ids[10:20]]
    queries += [("id_number", number[6:14]) for number in ids[20:]]  # a date of birth
    phones = [person.phone for person in rng.sample(people, 10)]
    queries += [("phone", phone) for phone in phones[:5]] + [("phone", phone[-4:]) for phone in phones[5:]]
    queries += [("company", name[2:6]) for name in rng.sample(companies, 15)]
    queries += [("company", name) for name in rng.sample(companies, 15)]
    queries += [("facts", rng.choice(_FACT_WORDS)) for _ in range(30)]
    queries += [("facts", name) for name in rng.sample(projects, 10)]
    rng.shuffle(queries)
    return queries


# -- timing ----------------------------------------------------------------------------------------------------


def _ms(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else values[0]


@dataclass
class Timings:
    values: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return p95(self.values)


@dataclass
class SearchResult:
    baseline: Timings = field(default_factory=Timings)
    first_page_list: Timings = field(default_factory=Timings)
    first_page_count: Timings = field(default_factory=Timings)
    first_page_total: Timings = field(default_factory=Timings)
    search_list: Timings = field(default_factory=Timings)
    search_count: Timings = field(default_factory=Timings)
    by_shape: dict[str, Timings] = field(default_factory=dict)
    slowest: list[tuple[float, str, str]] = field(default_factory=list)  # list time, shape, query; slowest first
    cases: int = 0


def unencrypted_copy(data_dir: Path) -> Path:
    """The station in ``data_dir`` decrypted into a folder beside it (made once, like the cached station)."""
    folder = data_dir.parent / "unencrypted"
    path = folder / DATABASE_FILE
    if not path.exists():
        folder.mkdir(exist_ok=True)
        partial = folder / "partial.sqlite3"
        partial.unlink(missing_ok=True)
        connection = sqlcipher.connect(str(data_dir / DATABASE_FILE))
        try:
            _unlock(connection, data_dir)
            connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(partial),))
            connection.execute("SELECT sqlcipher_export('plain')")
            connection.execute("DETACH DATABASE plain")
        finally:
            connection.close()
        os.replace(partial, path)
    return folder


def _unlock(connection: sqlcipher.Connection, data_dir: Path) -> None:
    """The station's key and its file's HMAC, on a connection of the driver's own."""
    key = database_key(data_dir)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    connection.execute(f"PRAGMA cipher_hmac_algorithm = {hmac_of(data_dir / DATABASE_FILE, key)}")


def _in_system_cache(path: Path) -> None:
    """Read the file once, as a station that has been open a while holds it in the system's cache: right after a
    build that filled memory, the first searches would time the disk instead (SQLite's own cache stays cold)."""
    with path.open("rb") as file:
        while file.read(1 << 20):
            pass


def _open(data_dir: Path, *, encrypted: bool) -> StationContext:
    folder = data_dir if encrypted else unencrypted_copy(data_dir)
    _in_system_cache(folder / DATABASE_FILE)
    if encrypted:
        return open_test_station(data_dir)
    database = open_station_database(folder, None)
    with database.transaction() as session:
        administrator = accounts_named(session, "admin")[0].id
    return context_for(database, administrator)


@dataclass
class DatabaseSize:
    total_bytes: int  # the encrypted file and its -wal after a checkpoint
    free_bytes: int  # pages on the file's free list
    largest: list[tuple[str, int]]  # (table or index, bytes), biggest first


def measure_size(data_dir: Path, *, largest: int = 8) -> DatabaseSize:
    """What the station's database takes on disk, and which tables and indexes take most of it.

    The bundled SQLCipher has no dbstat virtual table; Python's own SQLite does, so the breakdown is read from the
    decrypted copy (the same b-trees, without the free pages an export leaves behind).
    """
    path = data_dir / DATABASE_FILE
    connection = sqlcipher.connect(str(path), isolation_level=None)
    try:
        _unlock(connection, data_dir)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        free_pages = int(connection.execute("PRAGMA freelist_count").fetchone()[0])
        page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
    finally:
        connection.close()
    wal = path.with_name(path.name + "-wal")
    total = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    plain = sqlite3.connect(f"file:{unencrypted_copy(data_dir) / DATABASE_FILE}?mode=ro", uri=True)
    try:
        rows = plain.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY SUM(pgsize) DESC LIMIT ?", (largest,)
        ).fetchall()
    finally:
        plain.close()
    return DatabaseSize(total, free_pages * page_size, [(name, size) for name, size in rows])


_T = TypeVar("_T")


def in_turns(stations: list[_T], turn: int) -> list[_T]:
    """The stations in the order of this ``turn``: each step is timed on one station right after the other, the
    order swapped every turn (as startup.alternate times the starts), so that a moment's load elsewhere on the
    machine slows both alike instead of one station's whole series."""
    return stations if turn % 2 == 0 else stations[::-1]


def measure_loaded(data_dir: Path, *, runs: int = 8) -> tuple[Timings, Timings]:
    """Opening the station and loading what its first screens show (the workbench, the case list's first page and
    count), on a new connection each run: the cold part of a start that encryption can slow. The encrypted station
    and its decrypted copy, in turns. The password's Argon2id, which only the encrypted station has, is left out
    (it is sign_in_ms)."""
    stations = [(data_dir, database_key(data_dir)), (unencrypted_copy(data_dir), None)]
    timings = {folder: Timings() for folder, _key in stations}
    for turn in range(runs):
        for folder, key in in_turns(stations, turn):
            started = time.perf_counter()
            database = open_station_database(folder, key)
            try:
                with database.transaction() as session:
                    administrator = accounts_named(session, "admin")[0].id
                context = context_for(database, administrator)
                dashboard(context)
                list_cases(context, CaseFilter(), offset=0, limit=200)
                count_cases(context, CaseFilter())
            finally:
                database.close()
            timings[folder].values.append((time.perf_counter() - started) * 1000)
    encrypted, unencrypted = timings.values()
    return encrypted, unencrypted


class _TimedStation:
    """One station's timings of the case list and search, step by step."""

    def __init__(self, context: StationContext) -> None:
        self.context = context
        self.result = SearchResult(cases=count_cases(context, CaseFilter()))

    def plain_select(self) -> None:
        with self.context.database.transaction() as session:
            session.execute(PLAIN_SELECT).all()

    def warm_up(self) -> None:
        """The first queries read the file into SQLite's and the system's caches."""
        self.plain_select()
        list_cases(self.context, CaseFilter(), offset=0, limit=200)

    def time_first_page(self) -> None:
        result, everything = self.result, CaseFilter()
        result.baseline.values.append(_ms(self.plain_select))
        list_ms = _ms(lambda: list_cases(self.context, everything, offset=0, limit=200))
        count_ms = _ms(lambda: count_cases(self.context, everything))
        result.first_page_list.values.append(list_ms)
        result.first_page_count.values.append(count_ms)
        result.first_page_total.values.append(list_ms + count_ms)

    def time_search(self, shape: str, query: str) -> None:
        result, search = self.result, CaseFilter(text=query)
        list_ms = _ms(lambda: list_cases(self.context, search, limit=200))
        count_ms = _ms(lambda: count_cases(self.context, search))
        result.search_list.values.append(list_ms)
        result.search_count.values.append(count_ms)
        result.by_shape.setdefault(shape, Timings()).values.append(list_ms)
        result.slowest = sorted([*result.slowest, (list_ms, shape, query)], reverse=True)[:5]


def measure(data_dir: Path, *, repeats: int = 50) -> tuple[SearchResult, SearchResult]:
    """The case list and search on the station as the program keeps it, and on a decrypted copy (what encryption
    costs), timed in turns."""
    with contextlib.ExitStack() as opened:
        contexts = []
        for encrypted in (True, False):
            contexts.append(_open(data_dir, encrypted=encrypted))
            opened.callback(contexts[-1].close)
        stations = [_TimedStation(context) for context in contexts]
        for turn in range(3):
            for station in in_turns(stations, turn):
                station.warm_up()
        for turn in range(repeats):
            for station in in_turns(stations, turn):
                station.time_first_page()
        for turn, (shape, query) in enumerate(realistic_queries(contexts[0])):
            for station in in_turns(stations, turn):
                station.time_search(shape, query)
        encrypted, unencrypted = (station.result for station in stations)
        return encrypted, unencrypted
