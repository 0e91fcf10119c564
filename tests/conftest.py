"""Fixtures shared by every test level: a fresh station database in a temporary folder.

New stations are copies of ones set up once per run (tests/stations.py Templates), not set up anew for each test.
"""

import functools
import logging
import os
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
    """The slow tests first, spread over make test's workers. The workers take tests from each other's queues as they
    run out; a test of half a minute left for last keeps one worker busy while the others have nothing to do.

    pytest-xdist's worksteal hands each worker a contiguous share of the tests at the start, in this order: with all
    the slow tests first they were all in the first worker's share, run one after the other (some three minutes of
    them while the run took five or six). Each share now starts with its part of the slow tests, shared out by their
    ``seconds`` (the heaviest first, each to the share with the least so far); the other tests keep their order."""
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    rest = [item for item in items if item.get_closest_marker("slow") is None]
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers < 2:
        items[:] = slow + rest
        return
    shares, left = [], len(items)
    for remaining in range(workers, 0, -1):  # as worksteal splits the tests: len // workers left, in turn
        shares.append(left // remaining)
        left -= shares[-1]
    heads: list[list[pytest.Item]] = [[] for _ in range(workers)]
    loads = [0.0] * workers
    for item in sorted(slow, key=_slow_seconds, reverse=True):
        lightest = loads.index(min(loads))
        heads[lightest].append(item)
        loads[lightest] += _slow_seconds(item)
    ordered: list[pytest.Item] = []
    for head, share in zip(heads, shares, strict=True):
        taken = max(0, share - len(head))
        ordered += head + rest[:taken]
        rest = rest[taken:]
    items[:] = ordered + rest


def _slow_seconds(item: pytest.Item) -> float:
    marker = item.get_closest_marker("slow")
    return float(marker.kwargs.get("seconds", 2)) if marker is not None else 0.0


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
