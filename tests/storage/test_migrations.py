"""Upgrading a station's file from the first schema: every row survives and old cases become searchable."""

import re
import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError

from heze_station.domain.cases import CaseStatus
from heze_station.services import case_queries
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import DATABASE_FILE
from heze_station.storage import migrations
from heze_station.storage.database import create_sqlite_engine, open_database
from heze_station.storage.models import Base
from heze_station.storage.types import stored_days
from tests import factories
from tests.stations import open_test_station


def alembic_head() -> str:
    """The newest revision, as Alembic computes it from the scripts in versions/."""
    return ScriptDirectory(str(Path(migrations.__file__).parent)).get_current_head()


STATION = uuid.UUID("01900000-0000-7000-8000-000000000001")
USER = uuid.UUID("01900000-0000-7000-8000-000000000002")
PERSON = uuid.UUID("01900000-0000-7000-8000-000000000003")
EMPLOYER = uuid.UUID("01900000-0000-7000-8000-000000000004")
PROJECT = uuid.UUID("01900000-0000-7000-8000-000000000005")
CASE = uuid.UUID("01900000-0000-7000-8000-000000000006")
CLAIMANT = uuid.UUID("01900000-0000-7000-8000-000000000007")
RESPONDENT = uuid.UUID("01900000-0000-7000-8000-000000000008")
EVENT = uuid.UUID("01900000-0000-7000-8000-000000000009")

WORKER_NAME = "孙有福"
WORKER_ID = factories.resident_id(7)
WORKER_PHONE = "13812345678"
EMPLOYER_NAME = "菏泽鲁班建设工程有限公司"
CREDIT_CODE = factories.credit_code(42)
PROJECT_NAME = "牡丹区城南安置房二期"
CASE_NUMBER = "菏谐调字〔2026〕第0001号"
FACTS = "2026年7月至9月在安置房工地做木工，工资未结清。"

# The way SQLAlchemy's Uuid, DateTime and Date types store values on SQLite, written by hand as a 0001 client did.
STAMP = "2026-03-02 01:30:00.000000"
SYNC = f"'{STAMP}', '{STAMP}', NULL, 1"
STAMP_MICROSECONDS = 1_772_415_000_000_000

ROWS_0001 = [
    f"INSERT INTO station VALUES ('菏谐驿站', '菏谐调字', '牡丹区', '{STATION.hex}', {SYNC})",
    f"INSERT INTO staff_user VALUES ('{STATION.hex}', '刘协调', 'liu', 'coordinator', '{USER.hex}', {SYNC})",
    "INSERT INTO person (name, id_number, sex, birth_date, phone, address, id, created_at, updated_at, deleted_at,"
    f" version) VALUES ('{WORKER_NAME}', '{WORKER_ID}', 'male', '1985-06-15', '{WORKER_PHONE}', '', '{PERSON.hex}',"
    f" {SYNC})",
    "INSERT INTO employer (kind, name, credit_code, credit_code_override_reason, id_number, legal_representative,"
    f" address, phone, id, created_at, updated_at, deleted_at, version) VALUES ('company', '{EMPLOYER_NAME}',"
    f" '{CREDIT_CODE}', NULL, NULL, '王法人', '', '', '{EMPLOYER.hex}', {SYNC})",
    "INSERT INTO project (name, address, general_contractor_id, id, created_at, updated_at, deleted_at, version)"
    f" VALUES ('{PROJECT_NAME}', '', NULL, '{PROJECT.hex}', {SYNC})",
    "INSERT INTO case_file (station_id, year, sequence, number, status, channel, category, registered_at,"
    " registered_by_id, received_on, knew_on, decided_on, mediation_started_on, ended_on, closed_on, status_reason,"
    " facts, project_id, is_collective, worker_count, claimed_total_fen, claimant_summary, respondent_summary, id,"
    f" created_at, updated_at, deleted_at, version) VALUES ('{STATION.hex}', 2026, 1, '{CASE_NUMBER}', 'registered',"
    f" 'visit', 'wages', '{STAMP}', '{USER.hex}', '2026-03-02', '2026-03-01', NULL, NULL, NULL, NULL, '', '{FACTS}',"
    f" '{PROJECT.hex}', 0, 1, 380050, '{WORKER_NAME}', '{EMPLOYER_NAME}', '{CASE.hex}', {SYNC})",
    "INSERT INTO case_claimant (case_id, person_id, position, claimed_fen, is_representative, id, created_at,"
    f" updated_at, deleted_at, version) VALUES ('{CASE.hex}', '{PERSON.hex}', 0, 380050, 0, '{CLAIMANT.hex}', {SYNC})",
    "INSERT INTO case_respondent (case_id, employer_id, position, role, id, created_at, updated_at, deleted_at,"
    f" version) VALUES ('{CASE.hex}', '{EMPLOYER.hex}', 0, 'employer', '{RESPONDENT.hex}', {SYNC})",
    "INSERT INTO timeline_event (case_id, at, actor_id, kind, detail, id, created_at, updated_at, deleted_at, version)"
    f" VALUES ('{CASE.hex}', '{STAMP}', '{USER.hex}', 'registered', '', '{EVENT.hex}', {SYNC})",
    f"INSERT INTO setting VALUES ('station_id', '{STATION}')",
    f"INSERT INTO setting VALUES ('user_id', '{USER}')",
]

TABLES = [
    "station",
    "staff_user",
    "person",
    "employer",
    "project",
    "case_file",
    "case_claimant",
    "case_respondent",
    "timeline_event",
    "setting",
]


# Columns later revisions add to existing tables: search_key (0002) is filled by the program, the dates of 0003
# stay empty until a case reaches them.
ADDED_LATER = {
    "search_key",
    "mediation_extended_to",
    "notice_served_on",
    "limitation_restarts_on",
    "public_key",
    "sealed_private_key",
    "disabled_at",
    "mediation_committee",
    "arbitration_committee",
    # 0016: what the documents say about the parties, empty until typed
    "ethnicity",
    "post",
    "service_address",
    "agent_id",
    "agent_authority",
    "application_signed_at",
    "application_signature_id",
    # 0017: the limitation facts of R5, asked at intake
    "employment",
    "employment_ended_on",
    "limitation_suspended_from",
    "limitation_suspended_to",
    "limitation_suspension_reason",
    # 0020: where the agreement pays each worker, as given at intake
    "bank",
    "account_number",
    # 0023: the first respondent's kind, kept on the case
    "first_employer_kind",
}


def _dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, without the columns later revisions added."""
    with engine.connect() as connection:
        return {
            table: [
                tuple(value for column, value in row._mapping.items() if column not in ADDED_LATER)
                for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
            ]
            for table in TABLES
        }


def _stored_now(row: tuple) -> tuple:
    """A row as the current revision stores it: its times as microseconds since 1970 in UTC (0026), its ids as
    their 16 bytes (0027), its days as days since 1970 (0029)."""
    return tuple(_stored_value_now(value) for value in row)


def _stored_value_now(value: object) -> object:
    if value == STAMP:
        return STAMP_MICROSECONDS
    if isinstance(value, str) and re.fullmatch("[0-9a-f]{32}", value):
        return bytes.fromhex(value)
    if isinstance(value, str) and re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return stored_days(date.fromisoformat(value))
    return value


@pytest.fixture
def data_dir_0001(tmp_path: Path) -> Path:
    """A data folder whose database was made by revision 0001 and filled by that version of the program."""
    return _made_by_0001(tmp_path / "data")


@pytest.fixture(scope="module")
def _upgraded_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 0001 folder after the program opened it once: every migration run, the file encrypted, its keys made."""
    data_dir = _made_by_0001(tmp_path_factory.mktemp("upgraded-0001") / "data")
    open_test_station(data_dir).close()  # the last connection closed: everything is in the database file
    return data_dir


@pytest.fixture
def upgraded_0001(_upgraded_once: Path, tmp_path: Path) -> Path:
    """A copy of the 0001 folder the program has upgraded, for a test that only reads what the upgrade left: the
    upgrade is the same each time, and running it took a second a test."""
    data_dir = tmp_path / "data"
    shutil.copytree(_upgraded_once, data_dir, copy_function=shutil.copy)
    return data_dir


def _made_by_0001(data_dir: Path) -> Path:
    data_dir.mkdir()
    engine = create_sqlite_engine(data_dir / DATABASE_FILE)
    migrations.upgrade(engine, "0001")
    with engine.begin() as connection:
        for statement in ROWS_0001:
            connection.execute(text(statement))
    assert migrations.current_revision(engine) == "0001"
    engine.dispose()
    return data_dir


def test_upgrade_keeps_on_each_case_its_first_respondents_kind_of_employer(data_dir_0001: Path) -> None:
    database = open_database(data_dir_0001 / DATABASE_FILE)
    try:
        with database.engine.connect() as connection:
            kept = connection.execute(
                text(
                    "SELECT case_file.first_employer_kind, employer.kind FROM case_file "
                    "JOIN case_respondent ON case_respondent.case_id = case_file.id AND case_respondent.position = 0 "
                    "JOIN employer ON employer.id = case_respondent.employer_id"
                )
            ).all()
    finally:
        database.close()
    assert kept
    assert all(on_case == of_employer for on_case, of_employer in kept)


def test_first_revision_has_no_search_index(data_dir_0001: Path) -> None:
    engine = create_sqlite_engine(data_dir_0001 / DATABASE_FILE)
    with engine.connect() as connection:
        names = set(connection.execute(text("SELECT name FROM sqlite_master")).scalars())
    engine.dispose()
    assert "case_file" in names
    assert "case_search" not in names


def test_upgrade_keeps_every_row(data_dir_0001: Path) -> None:
    path = data_dir_0001 / DATABASE_FILE
    engine = create_sqlite_engine(path)
    before = _dump(engine)
    engine.dispose()
    assert all(before[table] for table in TABLES)

    database = open_database(path)
    try:
        assert _dump(database.engine) == {table: [_stored_now(row) for row in rows] for table, rows in before.items()}
        assert migrations.current_revision(database.engine) == alembic_head() == migrations.HEAD
    finally:
        database.close()


@pytest.mark.parametrize(
    "query",
    [
        WORKER_NAME,  # 3 characters: the trigram index
        WORKER_NAME[:2],  # 2 characters: the short-query index
        WORKER_ID[6:14],  # birth date digits of the ID number
        WORKER_PHONE[-4:],
        CREDIT_CODE,
        "鲁班建设",
        "城南安置房",
        "木工",
        "第0001号",
    ],
)
def test_old_case_is_found_by_search_after_upgrade(upgraded_0001: Path, query: str) -> None:
    station = open_test_station(upgraded_0001)
    try:
        assert station.station_id == STATION
        rows = case_queries.list_cases(station, CaseFilter(text=query))
        assert [(row.id, row.number) for row in rows] == [(CASE, CASE_NUMBER)]
        assert case_queries.count_cases(station, CaseFilter(text=query)) == 1
    finally:
        station.close()


def test_old_case_opens_with_its_parties_and_timeline(upgraded_0001: Path) -> None:
    station = open_test_station(upgraded_0001)
    try:
        detail = case_queries.case_detail(station, CASE)
    finally:
        station.close()
    assert detail.number == CASE_NUMBER
    assert detail.status is CaseStatus.REGISTERED
    assert detail.project_name == PROJECT_NAME
    assert [(c.name, c.id_number, c.claimed_fen) for c in detail.claimants] == [(WORKER_NAME, WORKER_ID, 380050)]
    assert [r.name for r in detail.respondents] == [EMPLOYER_NAME]
    assert [(event.actor, event.kind) for event in detail.timeline] == [("刘协调", "registered")]


def test_upgrade_does_not_index_deleted_cases(data_dir_0001: Path) -> None:
    path = data_dir_0001 / DATABASE_FILE
    engine = create_sqlite_engine(path)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE case_file SET deleted_at = '{STAMP}' WHERE id = '{CASE.hex}'"))
    engine.dispose()
    station = open_test_station(data_dir_0001)
    try:
        assert case_queries.list_cases(station, CaseFilter(text=WORKER_NAME)) == []
        assert case_queries.count_cases(station, CaseFilter()) == 0
    finally:
        station.close()


def test_upgraded_file_counts_its_cases_by_status_whoever_writes_them(data_dir_0001: Path) -> None:
    """The counts the workbench reads (CaseStatusCount) are filled by the upgrade and kept by triggers, also for
    rows changed by plain SQL (a repair), not only by the program's services."""
    open_database(data_dir_0001 / DATABASE_FILE).close()
    engine = create_sqlite_engine(data_dir_0001 / DATABASE_FILE, foreign_keys=False)
    counted = text("SELECT status, live FROM case_status_count")
    with engine.begin() as connection:
        upgraded = connection.execute(counted).all()
        connection.execute(text(f"UPDATE case_file SET status = 'accepted' WHERE id = x'{CASE.hex}'"))
        accepted = connection.execute(counted).all()
        connection.execute(text(f"DELETE FROM case_file WHERE id = x'{CASE.hex}'"))
        removed = connection.execute(counted).all()
    engine.dispose()
    assert (upgraded, accepted, removed) == ([("registered", 1)], [("accepted", 1)], [])


def test_upgrading_again_changes_nothing(data_dir_0001: Path) -> None:
    path = data_dir_0001 / DATABASE_FILE
    database = open_database(path)
    try:
        before = _dump(database.engine)
        with database.engine.connect() as connection:
            index_before = connection.execute(text("SELECT rowid, grams FROM case_search")).all()
        migrations.upgrade(database.engine)
        migrations.upgrade(database.engine)
        assert migrations.current_revision(database.engine) == migrations.HEAD
        assert _dump(database.engine) == before
        with database.engine.connect() as connection:
            index_after = connection.execute(text("SELECT rowid, grams FROM case_search")).all()
        assert index_after == index_before
        assert len(index_after) == 1  # the backfill did not run twice
    finally:
        database.close()
    # Opening the upgraded file again is also a no-op.
    database = open_database(path)
    try:
        assert _dump(database.engine) == before
    finally:
        database.close()


@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE timeline_event SET detail = '改过了' WHERE id = x'{EVENT.hex}'",
        f"UPDATE timeline_event SET actor_id = actor_id WHERE id = x'{EVENT.hex}'",
        f"DELETE FROM timeline_event WHERE id = x'{EVENT.hex}'",
        "DELETE FROM timeline_event",
    ],
)
def test_timeline_is_append_only(data_dir_0001: Path, statement: str) -> None:
    database = open_database(data_dir_0001 / DATABASE_FILE)
    try:
        with pytest.raises(DatabaseError, match="append-only"), database.engine.begin() as connection:
            connection.execute(text(statement))
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT id, detail, kind FROM timeline_event")).all()
        assert rows == [(EVENT.bytes, "", "registered")]
    finally:
        database.close()


def test_timeline_still_accepts_new_entries(data_dir_0001: Path) -> None:
    database = open_database(data_dir_0001 / DATABASE_FILE)
    try:
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO timeline_event (case_id, at, actor_id, kind, detail, id, created_at, updated_at,"
                    f" deleted_at, version) VALUES (x'{CASE.hex}', '{STAMP}', x'{USER.hex}', 'accept', '',"
                    f" x'{uuid.uuid4().hex}', {SYNC})"
                )
            )
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM timeline_event")).scalar() == 2
    finally:
        database.close()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """What the migrations build is what the models describe, so a model change without a migration fails here."""
    database = open_database(tmp_path / "fresh.sqlite3")
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    # The FTS index is created by 0002 with raw SQL and is not a model.
                    "include_name": lambda name, kind, _parents: (
                        not (kind == "table" and name is not None and name.startswith("case_search"))
                    )
                },
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        database.close()
    assert differences == []
