"""Fixtures shared by every test level: a fresh station database in a temporary folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from heze_station.services.station import StationContext, open_station


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationContext]:
    context = open_station(tmp_path / "data")
    yield context
    context.close()
