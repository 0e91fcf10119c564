"""Fixtures shared by every test level: a fresh station database in a temporary folder.

New stations are copies of ones set up once per run (tests/stations.py Templates), not set up anew for each test.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from heze_station.domain import chinatime
from heze_station.services.station import StationContext
from tests import stations
from tests.stations import open_test_station


@pytest.fixture(scope="session", autouse=True)
def station_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[stations.Templates]:
    stations.templates = stations.Templates(tmp_path_factory.mktemp("station-templates"))
    yield stations.templates
    stations.templates = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures: its first new station is the first template again."""
    if stations.templates is not None:
        stations.templates.start_test()


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationContext]:
    context = open_test_station(tmp_path / "data")
    yield context
    context.close()


@pytest.fixture
def today() -> date:
    """The day in China when the test starts: taken per test, so that a run crossing midnight does not mix two days."""
    return chinatime.today()
