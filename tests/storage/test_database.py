"""The station database file: driver, pragmas, column types, keys, constraints and refusal of unusable files."""

import itertools
import os
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from heze_station.domain.cases import CaseStatus, Category, IntakeChannel
from heze_station.domain.ids import new_id
from heze_station.storage import migrations
from heze_station.storage.database import Database, DatabaseUnusable, open_database
from heze_station.storage.models import Base, Case, Person, StaffRole, StaffUser, Station, SyncRow
from tests import factories


def alembic_head() -> str:
    """The newest revision, as Alembic computes it from the scripts in versions/."""
    return ScriptDirectory(str(Path(migrations.__file__).parent)).get_current_head()


BEIJING = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new file with every migration run, made once for the module: running them took most of a second a test."""
    path = tmp_path_factory.mktemp("migrated") / "station.sqlite3"
    db = open_database(path)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file that is copied
    db.close()
    return path


@pytest.fixture
def database(tmp_path: Path, _migrated: Path):
    """A new station file, as open_database makes one: a copy of the module's migrated file, opened."""
    shutil.copyfile(_migrated, tmp_path / "station.sqlite3")
    db = open_database(tmp_path / "station.sqlite3")
    yield db
    db.close()


def _station_and_user(db: Database) -> tuple[Station, StaffUser]:
    with db.transaction() as session:
        station = Station(name="菏谐驿站", case_word="菏谐调字")
        session.add(station)
        session.flush()
        user = StaffUser(station_id=station.id, name="刘协调", login=f"liu-{new_id().hex}", role=StaffRole.MEDIATOR)
        session.add(user)
    return station, user


def _case(station: Station, user: StaffUser, sequence: int, *, year: int = 2026, number: str | None = None) -> Case:
    return Case(
        station_id=station.id,
        year=year,
        sequence=sequence,
        number=number or f"{station.case_word}〔{year}〕第{sequence:04d}号",
        status=CaseStatus.REGISTERED,
        channel=IntakeChannel.VISIT,
        category=Category.WAGES,
        registered_at=datetime(2026, 11, 20, 9, 0, tzinfo=BEIJING),
        registered_by_id=user.id,
        received_on=date(2026, 11, 20),
        knew_on=date(2026, 11, 20),
    )


# -- driver and pragmas -----------------------------------------------------------------------------------------


def test_pragmas_hold_on_every_connection(database: Database) -> None:
    connections = [database.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    finally:
        for connection in connections:
            connection.close()


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.add(StaffUser(station_id=new_id(), name="无主", login="orphan", role=StaffRole.COORDINATOR))
    with database.transaction() as session:
        assert session.scalars(select(StaffUser)).all() == []


def test_driver_bundles_a_modern_sqlite(database: Database) -> None:
    assert sqlcipher.sqlite_version_info >= (3, 45)
    with database.engine.connect() as connection:
        version = connection.execute(text("SELECT sqlite_version()")).scalar()
    assert tuple(int(part) for part in version.split(".")[:2]) >= (3, 45)


def test_like_against_a_trigram_table_finds_chinese_text(database: Database) -> None:
    # On SQLite 3.40 this LIKE wrongly returns nothing; search falls back to LIKE for punctuation queries.
    with database.engine.begin() as connection:
        connection.execute(text("CREATE VIRTUAL TABLE probe USING fts5(body, tokenize='trigram')"))
        connection.execute(text("INSERT INTO probe (body) VALUES ('追讨劳动报酬'), ('社会保险')"))
        assert connection.execute(text("SELECT body FROM probe WHERE body LIKE '%劳动%'")).scalars().all() == [
            "追讨劳动报酬"
        ]
        assert connection.execute(text("SELECT body FROM probe WHERE body LIKE '%劳%'")).scalars().all() == [
            "追讨劳动报酬"
        ]
        assert connection.execute(text("SELECT body FROM probe WHERE probe MATCH '劳动报'")).scalars().all() == [
            "追讨劳动报酬"
        ]


# -- column types -------------------------------------------------------------------------------------------------


def test_naive_datetime_is_refused(database: Database) -> None:
    station, user = _station_and_user(database)
    case = _case(station, user, 1)
    case.registered_at = datetime(2026, 11, 20, 9, 0)  # no zone: ambiguous on a laptop set to another zone
    with pytest.raises(StatementError, match="naive datetime"), database.transaction() as session:
        session.add(case)
    with database.transaction() as session:
        assert session.scalars(select(Case)).all() == []


def test_aware_datetimes_come_back_aware_in_utc(database: Database) -> None:
    station, user = _station_and_user(database)
    with database.transaction() as session:
        session.add(_case(station, user, 1))
    with database.transaction() as session:
        stored = session.scalars(select(Case)).one()
    assert stored.registered_at.tzinfo is not None
    assert stored.registered_at.utcoffset() == timedelta(0)
    assert stored.registered_at == datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 09:00 Beijing time
    assert stored.created_at.utcoffset() == timedelta(0)
    with database.engine.connect() as connection:
        raw = connection.execute(
            text("SELECT registered_at, datetime(registered_at / 1000000, 'unixepoch') FROM case_file")
        ).one()
    assert raw == (1_795_136_400_000_000, "2026-11-20 01:00:00")  # whole microseconds since 1970 in UTC (0026)


# -- keys, tombstones, versions -----------------------------------------------------------------------------------


def test_ids_are_uuid7_and_increase_in_creation_order(database: Database) -> None:
    with database.transaction() as session:
        stations = [Station(name=f"驿站{n}", case_word=f"字{n}") for n in range(50)]
        for station in stations:
            session.add(station)
            session.flush()
    ids = [station.id for station in stations]
    assert all(identifier.version == 7 for identifier in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    many = [new_id() for _ in range(5000)]
    assert all(a < b for a, b in itertools.pairwise(many))


def test_every_syncable_table_has_the_sync_columns(database: Database) -> None:
    inspector = inspect(database.engine)
    syncable = [mapper.local_table.name for mapper in Base.registry.mappers if issubclass(mapper.class_, SyncRow)]
    assert {"station", "person", "employer", "case_file", "timeline_event"} <= set(syncable)
    for table in syncable:
        columns = {column["name"]: column for column in inspector.get_columns(table)}
        assert {"id", "created_at", "updated_at", "deleted_at", "version"} <= set(columns), table
        assert columns["deleted_at"]["nullable"], table


def test_version_bumps_on_every_update(database: Database) -> None:
    station, _ = _station_and_user(database)
    assert station.version == 1
    for expected in (2, 3):
        with database.transaction() as session:
            row = session.get_one(Station, station.id)
            first_update = row.updated_at
            row.name = f"菏谐驿站{expected}"
        with database.transaction() as session:
            row = session.get_one(Station, station.id)
            assert row.version == expected
            assert row.updated_at > first_update


def _rename(database: Database, copy: Station, name: str) -> None:
    with database.transaction() as session:
        session.merge(copy, load=False).name = name


def test_stale_copy_cannot_overwrite_a_newer_row(database: Database) -> None:
    station, _ = _station_and_user(database)
    with database.transaction() as session:
        session.get_one(Station, station.id).name = "先改的名字"
    with pytest.raises(StaleDataError):
        _rename(database, station, "后改的名字")  # the copy still says version 1
    with database.transaction() as session:
        assert session.get_one(Station, station.id).name == "先改的名字"


# -- unusable files -----------------------------------------------------------------------------------------------


def test_garbage_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    garbage = os.urandom(64 * 1024)
    path.write_bytes(garbage)
    with pytest.raises(DatabaseUnusable) as raised:
        open_database(path)
    assert "damaged" in str(raised.value)
    assert str(path) in str(raised.value)
    assert "has not been changed" in str(raised.value)
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["station.sqlite3"]


def test_another_programs_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('not ours')")
    connection.close()
    content = path.read_bytes()
    with pytest.raises(DatabaseUnusable) as raised:
        open_database(path)
    assert "is not a heze-station database" in str(raised.value)
    assert path.read_bytes() == content


def test_truncated_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    open_database(good).close()
    damaged = tmp_path / "station.sqlite3"
    content = good.read_bytes()[: len(good.read_bytes()) // 3]
    damaged.write_bytes(content)
    with pytest.raises(DatabaseUnusable, match="damaged"):
        open_database(damaged)
    assert damaged.read_bytes() == content


def test_file_from_a_newer_version_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.close()
    content = path.read_bytes()
    with pytest.raises(DatabaseUnusable) as raised:
        open_database(path)
    assert "newer version" in str(raised.value)
    assert "9999" in str(raised.value)
    assert path.read_bytes() == content
    reopened = Database(path)
    try:
        assert migrations.current_revision(reopened.engine) == "9999"
    finally:
        reopened.close()


def test_empty_file_becomes_a_fresh_database(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    path.write_bytes(b"")
    database = open_database(path)
    try:
        assert migrations.current_revision(database.engine) == alembic_head()
    finally:
        database.close()


# -- unique constraints -------------------------------------------------------------------------------------------


def test_a_number_made_twice_on_two_offline_devices_can_be_held_until_a_person_settles_it(database: Database) -> None:
    # The city server keeps both rows and shows the collision (sync.md F6); the station must hold both too. The
    # services still never make a duplicate on one device (tests/services/test_intake.py).
    station, user = _station_and_user(database)
    number = factories.resident_id(3)
    with database.transaction() as session:
        session.add_all([_case(station, user, 1), _case(station, user, 1)])
        session.add_all([Person(name="张三", id_number=number), Person(name="张三", id_number=number)])
    with database.transaction() as session:
        assert len(session.scalars(select(Case).where(Case.number == "菏谐调字〔2026〕第0001号")).all()) == 2
        assert len(session.scalars(select(Person).where(Person.id_number == number)).all()) == 2
