"""Station sync against a real city server on loopback; each station is a real data folder with its SQLite file."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from heze_station.services.station import StationContext
from tests.server.conftest import (  # noqa: F401  (fixtures)
    Server,
    cheap_supervisor_passwords,
    city,
    pg_cluster,
    server,
    settings,
)
from tests.stations import join_city, open_test_station


@pytest.fixture
def backend() -> str:
    # The server's two backends are covered by tests/server; the client's behaviour is the same on both.
    return "sqlite"


Laptops = Callable[..., StationContext]


@pytest.fixture
def laptops(tmp_path: Path, server: Server) -> Iterator[Laptops]:  # noqa: F811
    """Make station computers enrolled with ``server``: ``laptops("前台")``, ``laptops("移动仲裁庭", station=...)``."""
    yield from _laptops(tmp_path, server.url, server.create_station, server.enrol_code)


@pytest.fixture
def city_laptops(tmp_path: Path, city: Server) -> Iterator[Laptops]:  # noqa: F811
    """As ``laptops``, enrolled with a city that has its document-signing authority."""
    yield from _laptops(tmp_path, city.url, city.create_station, city.enrol_code)


def _laptops(
    tmp_path: Path, url: str, create_station: Callable[[str], Any], enrol_code: Callable[[Any], str]
) -> Iterator[Laptops]:
    opened: list[StationContext] = []
    stations: dict[str, object] = {}

    def make(name: str, station: str = "城区驿站") -> StationContext:
        if station not in stations:
            stations[station] = create_station(station)
        context = open_test_station(tmp_path / name)
        opened.append(context)
        join_city(context, url, enrol_code(stations[station]), name)
        return context

    yield make
    for context in opened:
        context.close()
