"""The checks at every start: a disk nearly full, and damaged pages in the station's file."""

import shutil
import threading
from collections import namedtuple
from pathlib import Path

from heze_station.paths import DATABASE_FILE
from heze_station.services import health
from heze_station.storage import disk
from tests.factories import intake_form, register
from tests.stations import open_test_station


def station_with_cases(folder: Path) -> None:
    station = open_test_station(folder)
    for serial in range(30):
        register(station, intake_form(5, employer_serial=serial))
    station.close()


def test_a_whole_station_on_a_roomy_disk_passes_quietly_and_a_check_out_of_time_says_nothing(tmp_path: Path) -> None:
    station_with_cases(tmp_path / "data")
    station = open_test_station(tmp_path / "data")
    try:
        assert health.start_check(station) == health.Health(low_space=None, damaged=False, checked=True)
        assert health.start_check(station, seconds=0) == health.Health(low_space=None, damaged=False, checked=False)
        closing = threading.Event()
        closing.set()  # the program is closing: it does not wait for the check
        assert not health.start_check(station, stop=closing).checked
    finally:
        station.close()


def test_a_damaged_page_is_found(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    station_with_cases(folder)
    path = folder / DATABASE_FILE
    data = bytearray(path.read_bytes())
    data[len(data) * 3 // 4] ^= 0xFF  # a page of case records, which opening the station does not read
    path.write_bytes(bytes(data))

    station = open_test_station(folder)
    try:
        assert health.start_check(station) == health.Health(low_space=None, damaged=True, checked=True)
    finally:
        station.close()


def test_a_nearly_full_disk_is_named_with_the_space_left(tmp_path: Path, monkeypatch) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(64 << 30, (64 << 30) - (150 << 20), 150 << 20))
    warning = disk.low_space(tmp_path)
    assert warning is not None
    assert "Only 150 MB are free" in warning.render()
    assert str(tmp_path) in warning.render()
