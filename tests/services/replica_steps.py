"""Helpers for tests of what the station keeps derived from its rows: a check after every committed transaction,
and rows pulled from the city as another laptop wrote them."""

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from heze_station.domain import chinatime
from heze_station.services import sync_replica
from heze_station.services.station import StationContext
from heze_station.storage.models import Base, Case, OutboxOperation
from heze_station.storage.outbox import wire_value
from heze_station.sync.schemas import Change, PullResponse


def check_every_transaction(
    station: StationContext, monkeypatch: pytest.MonkeyPatch, check: Callable[[], None]
) -> None:
    """Run ``check`` after every transaction of the station that commits, its own and those writing pulled rows."""
    for kind in ("transaction", "replica_transaction"):
        monkeypatch.setattr(station.database, kind, _checked(getattr(station.database, kind), check))


def _checked(transaction: Callable[[], Any], check: Callable[[], None]) -> Callable[[], Any]:
    @contextmanager
    def checked_transaction() -> Iterator[Session]:
        with transaction() as session:
            yield session
        check()

    return checked_transaction


def pulled(station: StationContext, *changes: Change) -> None:
    page = PullResponse(changes=list(changes), cursor="e1.0.1", has_more=False)
    sync_replica.StationReplica(station).apply_pages([page])


def change(table: str, row_id: uuid.UUID, version: int, *, deleted: bool = False, **fields: object) -> Change:
    return Change(
        table=table,
        row_id=row_id,
        version=version,
        deleted=deleted,
        fields=fields,
        station_id=None,
        changed_at=chinatime.now(),
    )


def sent_to_the_city(station: StationContext) -> None:
    """Every change made so far acknowledged by the city: a pulled change is not rebased on it."""
    with station.database.transaction() as session:
        session.execute(update(OutboxOperation).values(acknowledged=True))


def case_fields(station: StationContext, case_id: uuid.UUID) -> dict[str, Any]:
    """A case's synced fields as the city sends them, to make another laptop's case like it."""
    return row_fields(station, Case, case_id)


def row_fields(station: StationContext, model: type[Base], row_id: uuid.UUID) -> dict[str, Any]:
    """A row's synced fields as the city sends them, to make another laptop's row like it."""
    with station.database.transaction() as session:
        copied = session.get_one(model, row_id)
        return {
            column.key: wire_value(getattr(copied, column.key))
            for column in model.__mapper__.column_attrs
            if column.key not in ("id", "version", "search_key")
        }
