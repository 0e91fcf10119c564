"""Migration 0021: a station whose search indexes were made at 0020 finds the same cases once they are rebuilt
smaller."""

import importlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text

from heze_station.services.case_queries import CaseFilter, count_cases, list_cases
from heze_station.services.station import StationContext
from heze_station.storage import migrations, search
from tests.services.test_search import HONGDA_CODE, LI_PHONE, ZHANG_ID, _make_cases
from tests.stations import downgrade, open_test_station, station_file

_MIGRATION_0021 = importlib.import_module("heze_station.storage.migrations.versions.0021_smaller_search_indexes")
QUERIES = ("张", "李四", "宏达", "张三丰", "19790308", ZHANG_ID, LI_PHONE[-4:], HONGDA_CODE, "城南花园", "加班费",
           "第0002号", "%", "_", "100%_", '"', "'", "NEAR(x)", "-", "欠薪", "宏达 工资")  # fmt: skip


def _found(station: StationContext) -> dict[str, list[str]]:
    found = {}
    for query in QUERIES:
        rows = list_cases(station, CaseFilter(text=query))
        assert count_cases(station, CaseFilter(text=query)) == len(rows)
        found[query] = [row.number for row in rows]
    return found


def _made_at_0020(data_dir: Path) -> None:
    """The file as the previous program left it: the old indexes, holding the text, filled by its indexing."""
    with station_file(data_dir) as database:
        downgrade(database, "0020")
        with database.engine.begin() as connection:
            index_as_before(connection, write_as_before_0031)
        with database.engine.connect() as connection:
            bodies = connection.execute(text("SELECT body FROM case_search WHERE body LIKE '%张三丰%'")).all()
            assert len(bodies) == 1


def index_as_before(connection: Connection, write: Callable[[Connection, list[tuple[int, str]]], None]) -> None:
    """What the programs before did on opening the file: every case's text into the index(es), as ``write`` writes
    it, and each case's key. With plain SQL, whichever form the ids then took (text at 0020, which today's models no
    longer read)."""
    cases = connection.execute(text("SELECT id, number, facts FROM case_file WHERE deleted_at IS NULL")).all()
    entries = []
    for key, (case_id, number, facts) in enumerate(cases, start=1):
        people = connection.execute(
            text(
                "SELECT p.name, p.id_number, p.phone FROM case_claimant AS c JOIN person AS p ON p.id = c.person_id"
                " WHERE c.case_id = :case ORDER BY c.position"
            ),
            {"case": case_id},
        ).all()
        employers = connection.execute(
            text(
                "SELECT e.name, e.credit_code, e.id_number FROM case_respondent AS r JOIN employer AS e"
                " ON e.id = r.employer_id WHERE r.case_id = :case ORDER BY r.position"
            ),
            {"case": case_id},
        ).all()
        project = connection.execute(
            text("SELECT p.name FROM case_file AS c JOIN project AS p ON p.id = c.project_id WHERE c.id = :case"),
            {"case": case_id},
        ).scalar()
        entries.append((key, search.body_text(number, facts, project or "", people, employers)))
        connection.execute(text("UPDATE case_file SET search_key = :key WHERE id = :id"), {"key": key, "id": case_id})
    write(connection, entries)
    assert len(entries) == 3


def write_as_before_0031(connection: Connection, entries: list[tuple[int, str]]) -> None:
    """(search_key, body) pairs into the indexes as the programs up to 0030 wrote them: the trigram index took the
    text itself (0031 changed what it takes), the short index its characters and pairs (as 0021 cut them)."""
    connection.exec_driver_sql("INSERT INTO case_search (rowid, body) VALUES (?, ?)", entries)
    connection.exec_driver_sql(
        "INSERT INTO case_search_short (rowid, grams) VALUES (?, ?)",
        [(key, _MIGRATION_0021.short_grams(body)) for key, body in entries],
    )


def _keys(connection: Connection) -> list[tuple[str, int]]:
    return connection.execute(text("SELECT number, search_key FROM case_file ORDER BY number")).all()


def test_upgrade_finds_the_same_cases_and_keeps_no_text(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    station = open_test_station(data_dir)
    try:
        cases = _make_cases(station)
        expected = _found(station)
    finally:
        station.close()
    _made_at_0020(data_dir)

    with station_file(data_dir) as database:
        with database.engine.connect() as connection:
            keys = _keys(connection)
        migrations.upgrade(database.engine, "0021")
        with database.engine.connect() as connection:
            assert _keys(connection) == keys  # rebuilt under the same keys, not indexed anew
            assert connection.execute(text("SELECT count(*) FROM case_search WHERE body IS NOT NULL")).scalar() == 0
            assert (
                connection.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_text%'")).scalar()
                == 0
            )

    station = open_test_station(data_dir)  # upgrades to the newest revision
    try:
        assert migrations.current_revision(station.database.engine) == migrations.HEAD
        assert _found(station) == expected
        assert expected["张三丰"]
        assert expected["%"]
        # The trigger still takes a deleted case (a sync from another device deletes one) out of the rebuilt index.
        with station.database.transaction() as session:
            session.execute(
                text("UPDATE case_file SET deleted_at = updated_at WHERE id = :id"), {"id": cases.zhang.bytes}
            )
            matched = text("SELECT count(*) FROM case_search WHERE case_search MATCH :word")
            for word in ("张三丰", "张"):
                assert session.execute(matched, {"word": word}).scalar() == 0
    finally:
        station.close()
