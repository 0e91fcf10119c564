"""Fixtures shared by every test level: a fresh station database in a temporary folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from heze_station.services import accounts
from heze_station.services.station import StationContext
from tests.stations import FAST_HASHER, open_test_station


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """Hash with Argon2id's cheapest parameters in this process (verification reads them from each hash)."""
    original, accounts.PASSWORD_HASHER = accounts.PASSWORD_HASHER, FAST_HASHER
    yield
    accounts.PASSWORD_HASHER = original


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationContext]:
    context = open_test_station(tmp_path / "data")
    yield context
    context.close()
