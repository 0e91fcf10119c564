"""Migration 0028: the search indexes write leaves that fit one page of the encrypted file. A leaf that does not
fit spills into an overflow page of its own, and the index takes about a tenth more of the file."""

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from heze_station.storage import search
from heze_station.storage.database import Database
from tests.stations import downgrade, open_test_station, station_file
from tests.storage.test_search_index_migration import write_as_before_0031

# A page of 4,096 bytes less SQLCipher's 80 (IV and HMAC) less SQLite's 35 of cell overhead: the most a row keeps
# in its own page.
ROOM = 4096 - 80 - 35
FACTS = ("拖欠工资三个月，多次催要未果", "未签订劳动合同，要求支付双倍工资", "加班费未结算", "工伤停工留薪期待遇")


def _bodies(count: int) -> list[tuple[int, str]]:
    """Case texts as a station's: number, facts, a worker's ID number and phone, an employer."""
    chance = random.Random(28)
    return [
        (
            key,
            f"菏谐调字〔2026〕第{key:04d}号\n{chance.choice(FACTS)}{chance.randrange(1000, 9999)}元\n"
            f"{''.join(chance.choices('0123456789', k=18))}\n1{''.join(chance.choices('0123456789', k=10))}\n"
            f"菏泽{chance.choice('宏达恒盛祥华鲁东明')}建筑有限公司",
        )
        for key in range(1, count + 1)
    ]


def _largest_leaf(database: Database, write: Callable[[Connection, list[tuple[int, str]]], None]) -> int:
    """The longest leaf of the search indexes (two before 0031, one since) once 3,000 cases are written into them
    (and committed)."""
    with database.transaction() as session:
        write(session.connection(), _bodies(3000))
    with database.transaction() as session:
        leaves = session.scalars(text("SELECT name FROM sqlite_master WHERE name LIKE 'case_search%_data'")).all()
        return max(session.execute(text(f"SELECT max(length(block)) FROM {leaf}")).scalar_one() for leaf in leaves)


def _made_at_0027(data_dir: Path) -> None:
    with station_file(data_dir) as database:
        downgrade(database, "0027")


def test_leaves_of_a_new_station_fit_a_page(tmp_path: Path) -> None:
    station = open_test_station(tmp_path / "data")
    try:
        assert _largest_leaf(station.database, search.write_entries) <= ROOM
    finally:
        station.close()


@pytest.mark.parametrize("upgraded", [True, False], ids=["upgraded", "as-0027-wrote-them"])
def test_leaves_written_after_the_upgrade_fit_a_page(tmp_path: Path, upgraded: bool) -> None:
    data_dir = tmp_path / "data"
    open_test_station(data_dir).close()
    _made_at_0027(data_dir)
    if upgraded:
        station = open_test_station(data_dir)
        try:
            assert _largest_leaf(station.database, search.write_entries) <= ROOM
        finally:
            station.close()
    else:  # the same texts in the indexes as the previous revision set them up: its leaves spill
        with station_file(data_dir) as database:
            assert _largest_leaf(database, write_as_before_0031) > ROOM
