"""Migration 0031: a station whose trigram index kept positions finds the same cases once every case is indexed
again in pieces; the new index keeps neither text nor positions, and no case is changed or synced for it."""

from pathlib import Path

from sqlalchemy import text

from heze_station.storage import migrations
from tests.services.test_search import _make_cases
from tests.stations import downgrade, open_test_station, station_file
from tests.storage.test_search_index_migration import _found, index_as_before_0031

# What the station would sync, and what says a case changed: none of it moves when the index is rebuilt.
_SYNCED = "SELECT (SELECT count(*) FROM outbox_operation), (SELECT group_concat(version || updated_at) FROM case_file)"


def test_upgrade_indexes_every_case_again_and_finds_the_same(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    station = open_test_station(data_dir)
    try:
        _make_cases(station)
        expected = _found(station)
    finally:
        station.close()
    with station_file(data_dir) as database:
        downgrade(database, "0030")
        with database.engine.begin() as connection:
            index_as_before_0031(connection)
            synced = connection.execute(text(_SYNCED)).one()

    station = open_test_station(data_dir)  # upgrades, then indexes the cases it finds without a key
    try:
        assert migrations.current_revision(station.database.engine) == migrations.HEAD
        assert _found(station) == expected
        assert all(expected[query] for query in ("张三丰", "19790308", "宏达 工资"))
        with station.database.transaction() as session:
            assert session.execute(text(_SYNCED)).one() == synced
            keys = session.scalars(text("SELECT search_key FROM case_file")).all()
            assert None not in keys
            assert len(set(keys)) == len(keys) == 3
            declared = session.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'case_search'"))
            assert "detail=none" in declared
            assert "content=''" in declared
            assert session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'case_search_short'")) == 0
    finally:
        station.close()
