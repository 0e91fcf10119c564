"""Pulled pages that have arrived are written together, but never in a transaction that waits for the network: a
save on the station is not held up by a slow server."""

import threading
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from heze_station.services import sync, sync_replica
from heze_station.services.station import StationContext
from heze_station.station_sync import engine
from heze_station.station_sync.client import ServerClient
from heze_station.storage.database import create_sqlite_engine
from tests.factories import intake_form, register

from .conftest import Laptops

WAIT = 20  # seconds for the first pages' transaction to end: it ends in well under one


def writable_at_once(station: StationContext) -> bool:
    """Whether another connection gets the station's write lock without waiting (as a save would)."""
    engine = create_sqlite_engine(station.database.path, key=station.database.key)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA busy_timeout=0")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            connection.exec_driver_sql("ROLLBACK")
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def test_the_station_can_be_written_while_the_next_page_is_on_its_way(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    register(front, intake_form(3))
    sync.sync_now(front)
    monkeypatch.setattr(engine, "PAGE_ROWS", 4)  # the case's rows come in several pages
    pages_written = threading.Event()
    writable: list[bool] = []
    pull, apply_pages = ServerClient.pull, sync_replica.StationReplica.apply_pages

    def slow_pull(self: ServerClient, cursor: str | None, limit: int) -> Any:
        if cursor is not None and not writable:
            # The second page, asked for as soon as the first arrived: it is late, and the first is written meanwhile.
            assert pages_written.wait(WAIT), "the pages before it were never committed"
            writable.append(writable_at_once(court))
        return pull(self, cursor, limit)

    def apply_then_tell(self: sync_replica.StationReplica, pages: Any) -> int:
        try:
            return apply_pages(self, pages)
        finally:
            pages_written.set()

    monkeypatch.setattr(ServerClient, "pull", slow_pull)
    monkeypatch.setattr(sync_replica.StationReplica, "apply_pages", apply_then_tell)
    report = sync.sync_now(court)

    assert writable == [True], "the write lock was held while the next page was awaited"
    assert report.pulled > 2 * engine.PAGE_ROWS
    assert sync.sync_now(court).pulled == 0  # every page and its cursor were stored
