"""Pulled pages that have arrived are written together, but never in a transaction that waits for the network: a
save on the station is not held up by a slow server."""

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from heze_station.services import sync, sync_replica
from heze_station.services.station import StationContext
from heze_station.station_sync import engine
from heze_station.station_sync.client import ServerClient
from heze_station.storage import replica
from heze_station.storage.database import create_sqlite_engine
from heze_station.storage.models import ReplicaVersion, SyncLogEntry
from heze_station.sync.schemas import PullResponse
from tests.factories import intake_form, register
from tests.server.conftest import Server

from . import faults
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


def test_pages_that_arrived_together_are_written_once_with_a_row_changed_meanwhile_at_its_latest(
    laptops: Laptops, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    register(front, intake_form(3))
    sync.sync_now(front)
    monkeypatch.setattr(engine, "PAGE_ROWS", 6)
    fetched: list[PullResponse] = []
    edited: dict[uuid.UUID, int] = {}
    ahead = threading.Event()
    pull, apply_pages, apply_page = ServerClient.pull, sync_replica.StationReplica.apply_pages, replica.apply_page
    written: list[list[tuple[uuid.UUID, int]]] = []

    def pull_and_edit(self: ServerClient, cursor: str | None, limit: int) -> PullResponse:
        if len(fetched) == 1:
            # The rows of the first page change on the server before the second is asked for: they come again at
            # the end of the feed, in the pages written together with the first.
            rows = [change for change in fetched[0].changes if change.table in replica.TABLES]
            assert rows, "the first page holds rows of the station's tables"
            edit = {"updated_at": datetime.now(UTC).isoformat()}
            edited.update({change.row_id: change.version + 1 for change in rows})
            faults.edit_on_server(server.database, edited, edit)
        page = pull(self, cursor, limit)
        fetched.append(page)
        if len(fetched) > engine.PAGES_AHEAD or not page.has_more:
            ahead.set()
        return page

    def apply_when_the_pages_are_here(self: sync_replica.StationReplica, pages: Any) -> int:
        assert ahead.wait(WAIT), "the pages after the first were not fetched while it waited"
        return apply_pages(self, pages)

    def counted(session: Any, changes: list[Any], cursor: str) -> Any:
        written.append([(change.row_id, change.version) for change in changes])
        return apply_page(session, changes, cursor)

    monkeypatch.setattr(ServerClient, "pull", pull_and_edit)
    monkeypatch.setattr(sync_replica.StationReplica, "apply_pages", apply_when_the_pages_are_here)
    monkeypatch.setattr(replica, "apply_page", counted)
    report = sync.sync_now(court)

    assert len(written[0]) > engine.PAGE_ROWS, "the first pages were written one by one"
    assert set(edited.items()) & set(written[0]), "a row of the first page came again among the pages written with it"
    with court.database.transaction() as session:
        held = dict(session.execute(select(ReplicaVersion.row_id, ReplicaVersion.version).where(
            ReplicaVersion.row_id.in_(edited)
        )).all())  # fmt: skip
        logged = session.scalars(select(SyncLogEntry.kind)).all()
    assert held == edited, "a row changed during the pull is held at its latest version"
    # Written once: not refused as a second copy of itself (and set aside, a line in the sync log for a person).
    assert report.quarantined == 0
    assert "quarantined" not in logged
    assert sync.sync_now(court).pulled == 0
