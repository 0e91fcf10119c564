"""Fixtures shared by every test level: a fresh station database in a temporary folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from heze_station.services.station import StationContext
from tests.stations import open_test_station


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationContext]:
    context = open_test_station(tmp_path / "data")
    yield context
    context.close()
