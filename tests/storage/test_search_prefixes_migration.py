"""Migration 0033: a station indexed without the index's prefixes finds the same cases once every case is indexed
again, the one- and two-character queries by the prefixes; no case is changed or synced for it."""

from pathlib import Path

from sqlalchemy import text

from heze_station.storage import migrations
from tests.services.test_search import _make_cases
from tests.stations import downgrade, open_test_station, station_file
from tests.storage.test_search_index_migration import _found
from tests.storage.test_search_pieces_migration import _SYNCED


def _declared(connection) -> str:
    return connection.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'case_search'"))


def test_upgrade_indexes_every_case_again_and_finds_the_same(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    station = open_test_station(data_dir)
    try:
        _make_cases(station)
        expected = _found(station)
    finally:
        station.close()
    with station_file(data_dir) as database:
        downgrade(database, "0032")
        with database.engine.begin() as connection:
            assert "prefix" not in _declared(connection)
            synced = connection.execute(text(_SYNCED)).one()

    station = open_test_station(data_dir)  # upgrades, then indexes the cases it finds without a key
    try:
        assert migrations.current_revision(station.database.engine) == migrations.HEAD
        assert _found(station) == expected
        assert all(expected[query] for query in ("张", "李四", "宏达", "%", '"', "张三丰", "宏达 工资"))
        with station.database.transaction() as session:
            assert session.execute(text(_SYNCED)).one() == synced
            keys = session.scalars(text("SELECT search_key FROM case_file")).all()
            assert None not in keys
            assert len(set(keys)) == len(keys) == 3
            assert "prefix='1 2'" in _declared(session)
    finally:
        station.close()
