"""Fixtures shared by every test level: a fresh station database in a temporary folder.

New stations are copies of ones set up once per run (tests/stations.py Templates), not set up anew for each test.
"""

import functools
import logging
import ssl
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import httpx._transports.default
import pytest

from heze_station import logs
from heze_station.domain import chinatime
from heze_station.services.station import StationContext
from tests import stations
from tests.stations import open_test_station


@pytest.fixture(scope="session", autouse=True)
def station_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[stations.Templates]:
    stations.templates = stations.Templates(tmp_path_factory.mktemp("station-templates"))
    yield stations.templates
    stations.templates = None


@functools.cache
def _usual_authorities(trust_env: bool) -> ssl.SSLContext:
    return httpx.create_ssl_context(trust_env=trust_env)


def _tls_context(verify: ssl.SSLContext | bool = True, cert: object = None, trust_env: bool = True) -> ssl.SSLContext:
    if verify is True and cert is None:
        return _usual_authorities(trust_env)
    return httpx.create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)


@pytest.fixture(scope="session", autouse=True)
def one_tls_context_per_run() -> Iterator[None]:
    """httpx loads the usual certificate authorities anew for every client it makes (some 50 ms), and the tests make
    thousands of clients: they share one context, as the station's own client does (station_sync/client.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(httpx._transports.default, "create_ssl_context", _tls_context)
        yield


@pytest.fixture(autouse=True)
def program_log_removed() -> Iterator[None]:
    """A test that runs cli.main configures the program's log (logs.configure): a handler on the root logger writing
    to the test's captured standard error, which pytest closes when the test ends. Left there, every error logged
    later in that worker printed a "Logging error" of its own instead of its message. It also hooks the exceptions
    nobody caught, which pytest-qt hooks for its own tests."""
    root = logging.getLogger()
    level, hooks = root.level, (sys.excepthook, threading.excepthook)
    yield
    for handler in [handler for handler in root.handlers if isinstance(handler.formatter, logs.PrivateFormatter)]:
        root.removeHandler(handler)
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first. make test's workers take tests from each other's queues as they run out; a test of half a
    minute left for last keeps one worker busy while the other has nothing to do."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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
