"""Reading the stations' synced rows (``sync_row``) table by table: only the fields asked for, each extracted by the
database as text (``fields->>'name'``), live rows only, for the whole city, a district or a station.

Ids in fields are text in the wire form (lower case, dashes); dates are ISO text, whose order is date order.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ARRAY, Uuid, bindparam, cast, func, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ..domain.periods import Period
from .models import RowGrant, Station, SyncRow


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole city, one district's stations, or one station."""

    district: str | None = None
    station_id: uuid.UUID | None = None

    def stations(self, session: Session) -> list[uuid.UUID] | None:
        """The stations counted; None for every station of the city."""
        if self.station_id is not None:
            return [self.station_id]
        if self.district is not None:
            return list(session.scalars(select(Station.id).where(Station.district == self.district)))
        return None


CITY = Scope()  # every station


def field(name: str, row=SyncRow) -> ColumnElement[str]:
    """A field of the row, as text (None when absent or null)."""
    return row.fields[name].as_string()


def reference(session: Session, name: str, row=SyncRow) -> ColumnElement:
    """A field naming another row (its id as text, with dashes), comparable with ``row_id`` in SQL: PostgreSQL
    keeps ``row_id`` as a uuid, SQLite as 32 hex digits."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(field(name, row), Uuid)
    return func.replace(field(name, row), "-", "")


def live(table: str, stations: list[uuid.UUID] | None, row=SyncRow) -> list[ColumnElement[bool]]:
    """The row is of ``table``, not deleted, and of one of ``stations`` (None: any)."""
    found = [row.table_name == table, row.deleted.is_(False), field("deleted_at", row).is_(None)]
    return found if stations is None else [*found, row.station_id.in_(stations)]


def rows(session: Session, table: str, stations: list[uuid.UUID] | None, *names: str, where=(), shared: bool = False):
    """(row id, owning station, the named fields as text) of the live rows of ``table``."""
    return _select(session, [SyncRow.row_id, SyncRow.station_id], table, stations, names, where, shared)


def field_values(
    session: Session, table: str, stations: list[uuid.UUID] | None, *names: str, where=(), shared: bool = False
):
    """The named fields of the live rows of ``table``, as text."""
    return _select(session, [], table, stations, names, where, shared)


def _select(session: Session, columns: list, table: str, stations, names, where, shared: bool):
    """``shared``: with the rows of other stations granted to one of ``stations`` (a case the city assigned to another
    station: the agreement and payments that station made), read apart: in one condition, "owned or granted" kept
    PostgreSQL from the index by station and read the whole table for one station's page (1.5 s instead of 0.1)."""
    query = select(*columns, *(field(name) for name in names)).where(*live(table, stations), *where)
    if shared and stations is not None:
        granted = (
            select(*columns, *(field(name) for name in names))
            .join(RowGrant, RowGrant.row_id == SyncRow.row_id)
            .where(*live(table, None), RowGrant.station_id.in_(stations), SyncRow.station_id.not_in(stations), *where)
        )
        query = union_all(query, granted)
    # Core rows straight from the connection: the ORM's row handling costs more than the query on a whole table.
    return session.connection().execute(query).all()


def among(session: Session, column, values: list, name: str = "among") -> ColumnElement[bool]:
    """``column`` is one of ``values``: on PostgreSQL one array parameter, not thousands of them (and the same
    statement text for any number of values, which the server prepares once). ``name`` tells apart the parameters
    of several such conditions in one statement."""
    return among_parameter(session.get_bind().dialect.name, column, name, values)


def among_parameter(dialect: str, column, name: str, values: list | None = None) -> ColumnElement[bool]:
    """``among`` on the database ``dialect`` names, its values given as parameter ``name`` when the statement runs
    unless given here: a statement built once and run many times costs SQLAlchemy only the look-up of its compiled
    form (building one cost a push's hot queries twice their running)."""
    if dialect == "postgresql":
        return column == func.any(bindparam(name, values, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, values, type_=column.type, expanding=True))


def as_date(text: str | None) -> date | None:
    """A date field's value."""
    return date.fromisoformat(text) if text else None


def within(name: str, period: Period, row=SyncRow) -> ColumnElement[bool]:
    return field(name, row).between(period.first.isoformat(), period.last.isoformat())
