"""Migration 0031: a station whose trigram index kept positions finds the same cases once every case is indexed
again in pieces; the new index keeps neither text nor positions, and no case is changed or synced for it."""

from pathlib import Path

from sqlalchemy import text

from heze_station.storage import migrations
from tests.services.test_search import _make_cases
from tests.stations import downgrade, open_test_station, station_file
from tests.storage.test_search_index_migration import _found, index_as_before, write_as_before_0031

# What the station would sync, and what says a case changed: none of it moves when the index is rebuilt.
SYNCED = "SELECT (SELECT count(*) FROM outbox_operation), (SELECT group_concat(version || updated_at) FROM case_file)"


def found_in_new_station(data_dir: Path) -> dict[str, list[str]]:
    """What the test queries find in a new station of the three sample cases (before it is taken back)."""
    station = open_test_station(data_dir)
    try:
        _make_cases(station)
        return _found(station)
    finally:
        station.close()


def found_again(data_dir: Path, expected: dict[str, list[str]], synced: tuple) -> str:
    """Opens the station, which upgrades and indexes the cases it finds without a key: the same cases are found,
    each has a key of its own, and nothing moved that the station syncs. Returns how case_search is declared."""
    station = open_test_station(data_dir)
    try:
        assert migrations.current_revision(station.database.engine) == migrations.HEAD
        assert _found(station) == expected
        with station.database.transaction() as session:
            assert session.execute(text(SYNCED)).one() == synced
            keys = session.scalars(text("SELECT search_key FROM case_file")).all()
            assert None not in keys
            assert len(set(keys)) == len(keys) == 3
            assert session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'case_search_short'")) == 0
            return session.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'case_search'"))
    finally:
        station.close()


def test_upgrade_indexes_every_case_again_and_finds_the_same(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    expected = found_in_new_station(data_dir)
    assert all(expected[query] for query in ("张三丰", "19790308", "宏达 工资"))
    with station_file(data_dir) as database:
        downgrade(database, "0030")
        with database.engine.begin() as connection:
            index_as_before(connection, write_as_before_0031)
            synced = connection.execute(text(SYNCED)).one()
    declared = found_again(data_dir, expected, synced)
    assert "detail=none" in declared
    assert "content=''" in declared
