"""Migration 0033: a station indexed without the index's prefixes finds the same cases once every case is indexed
again, the one- and two-character queries by the prefixes; no case is changed or synced for it."""

from pathlib import Path

from sqlalchemy import text

from tests.stations import downgrade, station_file
from tests.storage.test_search_pieces_migration import SYNCED, found_again, found_in_new_station


def test_upgrade_indexes_every_case_again_and_finds_the_same(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    expected = found_in_new_station(data_dir)
    assert all(expected[query] for query in ("张", "李四", "宏达", "%", '"', "张三丰", "宏达 工资"))
    with station_file(data_dir) as database:
        downgrade(database, "0032")
        with database.engine.begin() as connection:
            declared = connection.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'case_search'"))
            assert "prefix" not in declared
            synced = connection.execute(text(SYNCED)).one()
    assert "prefix='1 2'" in found_again(data_dir, expected, synced)
