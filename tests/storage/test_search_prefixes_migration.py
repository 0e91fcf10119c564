"""Migration 0033: a station indexed without the index's prefixes finds the same cases once every case is indexed
again, the one- and two-character queries by the prefixes; no case is changed or synced for it."""

from pathlib import Path

from sqlalchemy import Connection, text

from tests.stations import downgrade, station_file
from tests.storage.test_search_index_migration import _MIGRATION_0021, index_as_before
from tests.storage.test_search_pieces_migration import SYNCED, found_again, found_in_new_station


def write_as_before_0033(connection: Connection, entries: list[tuple[int, str]]) -> None:
    """Entries as the programs from 0031 to 0032 wrote them, in part: every character and pair (as 0021 cut them;
    their trigrams left out). Enough for a file that has its keys and an index without prefixes, as 0032 left it."""
    connection.exec_driver_sql(
        "INSERT INTO case_search (rowid, grams) VALUES (?, ?)",
        [(key, _MIGRATION_0021.short_grams(body)) for key, body in entries],
    )


def test_upgrade_indexes_every_case_again_and_finds_the_same(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    expected = found_in_new_station(data_dir)
    assert all(expected[query] for query in ("张", "李四", "宏达", "%", '"', "张三丰", "宏达 工资"))
    with station_file(data_dir) as database:
        downgrade(database, "0032")
        with database.engine.begin() as connection:
            declared = connection.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'case_search'"))
            assert "prefix" not in declared
            index_as_before(connection, write_as_before_0033)
            synced = connection.execute(text(SYNCED)).one()
    assert "prefix='1 2'" in found_again(data_dir, expected, synced)
