"""Small helpers for station-sync tests: edit a row as a service would, read rows back."""

import uuid
from typing import Any

from sqlalchemy import select

from heze_station.services.station import StationContext
from heze_station.storage.models import Case


def edit(station: StationContext, model: type, row_id: uuid.UUID, **values: Any) -> None:
    """Change fields of one row in a unit of work, as a service does (the outbox records it)."""
    with station.database.transaction() as session:
        row = session.get_one(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


def value(station: StationContext, model: type, row_id: uuid.UUID, name: str) -> Any:
    with station.database.transaction() as session:
        return getattr(session.get_one(model, row_id), name)


def cases(station: StationContext) -> dict[uuid.UUID, tuple]:
    """Every case as (number, status, facts, deleted): what two converged laptops must agree on."""
    with station.database.transaction() as session:
        rows = session.execute(select(Case.id, Case.number, Case.status, Case.facts, Case.deleted_at)).all()
    return {row.id: (row.number, row.status, row.facts, row.deleted_at is not None) for row in rows}
