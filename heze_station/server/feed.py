"""The change feed: every write to ``sync_row`` gets a feed position; stations read the feed by cursor.

A position is (``change_xid``, ``change_seq``). The hard part is F8: on PostgreSQL many transactions write at once,
and a sequence number is taken when a row is written, not when its transaction commits. A reader that simply
read "everything above my cursor" could pass seq 10 (committed) while seq 9 is still being written by a slow
transaction; when 9 commits, the reader's cursor is already beyond it and the row is never delivered.

The safe watermark: every writing transaction stamps its rows with its own transaction id
(``pg_current_xact_id()``, 64-bit, never wraps). A reader asks for ``pg_snapshot_xmin(pg_current_snapshot())``,
the oldest transaction id still running; every transaction below it has finished (committed or rolled back). It
reads only rows with ``change_xid`` below that watermark, ordered by (xid, seq). Rows that can still appear later
belong to transactions at or above the watermark, which sort after everything handed out so far, so a cursor never
passes a row that becomes visible later. A slow transaction only delays readers; it never makes them skip.

Scope: a station reads its own rows, the city's reference rows (no station) and rows granted to it (a case the
city assigned to it, see ``assignment.py``).

On SQLite writes are serialised (BEGIN IMMEDIATE, see db.py): rows become visible in seq order, the xid is always 0
and the watermark is "everything".
"""

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

import pydantic_core
from sqlalchemy import (
    Select,
    Text,
    and_,
    bindparam,
    case,
    cast,
    func,
    null,
    select,
    text,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from ..sync import wire
from ..sync.hlc import Hlc
from ..sync.schemas import Change, PullResponse
from .db import insert_rows, update_rows
from .errors import bad_request, conflict
from .models import RowGrant, SyncRow, now

EVERYTHING = 2**62
SERVER_HLC_NODE = "server"
# Bytes a change takes in a page besides its fields (keys, ids, times): counted so that the byte cap holds.
CHANGE_OVERHEAD_BYTES = 200


_CURSOR = re.compile(r"^([0-9a-f]{8})\.(\d{1,18})\.(\d{1,18})$")


@dataclass(frozen=True)
class Cursor:
    """A feed position, tagged with the server's identity so that a cursor from before a restore is recognised."""

    epoch: str = ""  # the first 8 hex digits of the server id; empty: the start of the feed
    xid: int = 0
    seq: int = 0

    def __str__(self) -> str:
        return f"{self.epoch}.{self.xid}.{self.seq}"

    @classmethod
    def parse(cls, text_value: str | None) -> "Cursor":
        if not text_value:
            return cls()
        match = _CURSOR.match(text_value)
        if match is None:
            raise bad_request("invalid_cursor", "The cursor is not one this server handed out; start again without it.")
        return cls(match[1], int(match[2]), int(match[3]))


def epoch_of(server_id: str) -> str:
    return server_id.replace("-", "")[:8]


class Stamper:
    """Feed positions for one database transaction's writes."""

    def __init__(self, session: Session):
        self.session = session
        self.postgresql = session.get_bind().dialect.name == "postgresql"

    def positions(self, count: int) -> list[tuple[int, int]]:
        if count == 0:
            return []
        if self.postgresql:
            xid, seqs = self.session.execute(
                text(
                    "SELECT pg_current_xact_id()::text::bigint, "
                    "ARRAY(SELECT nextval('sync_change_seq') FROM generate_series(1, :count))"
                ),
                {"count": count},
            ).one()
            return [(xid, seq) for seq in seqs]
        highest = self.session.scalar(select(func.max(SyncRow.change_seq))) or 0
        return [(0, highest + k) for k in range(1, count + 1)]


def server_hlc() -> str:
    """The hybrid-logical-clock time of a row the server writes itself."""
    return str(Hlc(int(now().timestamp() * 1000), 0, SERVER_HLC_NODE))


@dataclass(frozen=True)
class FeedState:
    epoch: str  # see Cursor
    newest: int  # the highest sequence number handed out
    watermark: int  # every transaction below this id has finished


def feed_state(session: Session) -> FeedState:
    postgresql = session.get_bind().dialect.name == "postgresql"
    limit = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint" if postgresql else str(EVERYTHING)
    server_id, newest, watermark_xid = session.execute(
        text(
            "SELECT (SELECT value FROM server_setting WHERE key = 'server_id'), "
            f"(SELECT max(change_seq) FROM sync_row), {limit}"
        )
    ).one()
    return FeedState(epoch_of(server_id), newest or 0, watermark_xid)


@dataclass
class RowWrite:
    """One row's new state, ready to be stamped and written."""

    row_id: uuid.UUID
    table_name: str
    station_id: uuid.UUID | None
    fields: dict[str, Any]
    field_versions: dict[str, int]
    field_writers: dict[str, str]  # field -> device id; fields the server wrote have none
    version: int
    deleted: bool
    hlc: str
    changed_by: uuid.UUID | None
    is_new: bool
    sent_as_is: bool = False  # the row is exactly as ``changed_by`` sent it (its pull may leave it out)


def restamp(session: Session, row_ids: list[uuid.UUID]) -> None:
    """Give rows new feed positions without changing them, so that readers whose cursor is past them (a station
    they were just assigned to) receive them."""
    positions = Stamper(session).positions(len(row_ids))
    session.execute(
        update(SyncRow),
        [
            {"row_id": row_id, "change_xid": xid, "change_seq": seq}
            for row_id, (xid, seq) in zip(row_ids, positions, strict=True)
        ],
    )


# A row's feed position, taken by PostgreSQL as it writes the row (see Stamper).
POSITION_SQL = {"change_xid": "pg_current_xact_id()::text::bigint", "change_seq": "nextval('sync_change_seq')"}


def write_rows(session: Session, writes: list[RowWrite]) -> None:
    """Insert or update the rows, each with a fresh feed position, in the caller's transaction: one statement for
    the new rows and one for the changed ones."""
    if not writes:
        return
    session.flush()  # what the ORM has pending (a station the rows name) goes first
    connection = session.connection()
    moment = now()
    values = [
        {
            "row_id": write.row_id,
            "table_name": write.table_name,
            "station_id": write.station_id,
            "fields": write.fields,
            "field_versions": write.field_versions,
            "field_writers": write.field_writers,
            "version": write.version,
            "deleted": write.deleted,
            "changed_at": moment,
            "hlc": write.hlc,
            "changed_by": write.changed_by,
            "sent_as_is_by": write.changed_by if write.sent_as_is else None,
        }
        for write in writes
    ]
    new = [value for value, write in zip(values, writes, strict=True) if write.is_new]
    changed = [value for value, write in zip(values, writes, strict=True) if not write.is_new]
    if connection.dialect.name == "postgresql":
        insert_rows(connection, SyncRow.__table__, new, POSITION_SQL)
        update_rows(connection, SyncRow.__table__, "row_id", changed, POSITION_SQL)
        return
    for value, (xid, seq) in zip(new + changed, Stamper(session).positions(len(writes)), strict=True):
        value.update(change_xid=xid, change_seq=seq)
    insert_rows(connection, SyncRow.__table__, new)
    update_rows(connection, SyncRow.__table__, "row_id", changed)


PAGE_COLUMNS = (
    SyncRow.table_name,
    SyncRow.row_id,
    SyncRow.version,
    SyncRow.deleted,
    SyncRow.fields,
    SyncRow.station_id,
    SyncRow.changed_at,
    SyncRow.hlc,
    SyncRow.change_xid,
    SyncRow.change_seq,
)


def scope_parts(columns: Sequence[Any], station: Any, *conditions: Any) -> tuple[Select, Select, Select]:
    """What a station sees, in three parts: its own rows, the city's reference rows, the rows assigned to it.

    The pull and the scope check (scope_check.py) both read this, so that they can never disagree on who sees what.
    """
    own = select(*columns).where(SyncRow.station_id == station, *conditions)
    city = select(*columns).where(SyncRow.station_id.is_(None), *conditions)
    assigned = (
        select(*columns)
        .join(RowGrant, RowGrant.row_id == SyncRow.row_id)
        .where(RowGrant.station_id == station, *conditions)
    )
    return own, city, assigned


def _id_text(stored: str) -> str:
    """An id as a page reads it (PostgreSQL's uuid as text; SQLite's 32 hex digits, as SQLAlchemy stores a Uuid
    there) in the form the protocol writes ids."""
    if len(stored) == 36:
        return stored
    return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"


def _page_query():
    """Built once: composing this union with SQLAlchemy costs more than running it.

    A row the reading device holds already (``device``: its own write, stored as it sent it) comes with ``own``
    true and without its fields, which nobody would read; with ``device`` NULL every row comes whole.

    The ids and the fields come as the text the database holds: the ids go on as text, not made into UUIDs that the
    page would turn back into text, and a row's size for the byte cap is its stored text's, not its fields encoded
    once more (measured on SQLite: a page of a thousand rows read and encoded in 15 ms instead of 22). The columns
    are listed here in the order read_page unpacks them."""
    after = and_(
        tuple_(SyncRow.change_xid, SyncRow.change_seq) > tuple_(bindparam("xid"), bindparam("seq")),
        SyncRow.change_xid < bindparam("watermark"),
    )
    order = (SyncRow.change_xid, SyncRow.change_seq)
    own = func.coalesce(SyncRow.sent_as_is_by == bindparam("device"), False)
    columns = (
        SyncRow.table_name,
        cast(SyncRow.row_id, Text).label("row_id"),
        SyncRow.version,
        SyncRow.deleted,
        cast(case((own, null()), else_=SyncRow.fields), Text).label("fields"),
        cast(SyncRow.station_id, Text).label("station_id"),
        SyncRow.changed_at,
        SyncRow.hlc,
        SyncRow.change_xid,
        SyncRow.change_seq,
        own.label("own"),
    )
    parts = scope_parts(columns, bindparam("station"), after)
    every = union_all(
        *(part.order_by(*order).limit(bindparam("rows")).subquery().select() for part in parts)
    ).subquery()
    return select(every).order_by(every.c.change_xid, every.c.change_seq).limit(bindparam("rows"))


_PAGE = _page_query()


class PageRow(NamedTuple):
    """A change of the feed as a page delivers it: its ids as text, its fields parsed."""

    table_name: str
    row_id: str
    version: int
    deleted: bool
    station_id: str | None
    changed_at: datetime
    hlc: str | None
    fields: dict[str, Any]


@dataclass(frozen=True)
class Page:
    """A page of the feed: its rows, the cursor after them and whether more follow."""

    rows: list[PageRow]
    cursor: str
    has_more: bool

    def response(self) -> PullResponse:
        return PullResponse(changes=[change_of(row) for row in self.rows], cursor=self.cursor, has_more=self.has_more)

    def rows_form(self) -> dict[str, Any]:
        """The page in the rows form, encoded from the rows themselves (building the models first cost a page of a
        thousand rows a fifth of the server's time on it)."""
        entries = (wire.page_entry(*row) for row in self.rows)
        return wire.encode_entries(entries, self.cursor, self.has_more)


def read_page(
    session: Session,
    station_id: uuid.UUID,
    cursor: Cursor,
    max_rows: int,
    max_bytes: int,
    device_id: uuid.UUID | None = None,
) -> Page:
    """The next changes a station may see after ``cursor``: its own rows, the city's reference rows and the rows
    assigned to it.

    Each scope is read through its own index and the three are merged, so a station's first sync does not walk
    every other station's rows. With ``device_id``, rows that device wrote and that are stored exactly as it sent
    them are left out (it knows them from its push's answer), but the cursor still moves past them; ``max_rows``
    counts them too, so a page's work stays bounded.
    """
    state = feed_state(session)
    if cursor.epoch and cursor.epoch != state.epoch:
        raise conflict(
            "cursor_reset",
            "This server was restored from a backup or replaced since the cursor was handed out. "
            "Keep your unsent changes, start reading again without a cursor, then push.",
        )
    if cursor.seq > state.newest:
        raise conflict(
            "cursor_ahead",
            "The cursor is ahead of this server's data: the server was restored from a backup or replaced. "
            "Keep your unsent changes, start reading again without a cursor, then push.",
        )
    parameters = {
        "xid": cursor.xid,
        "seq": cursor.seq,
        "watermark": state.watermark,
        "station": station_id,
        "rows": max_rows + 1,
        "device": device_id,
    }
    rows = session.execute(_PAGE, parameters).all()

    delivered: list[PageRow] = []
    used = passed = 0
    last = cursor.xid, cursor.seq
    # Unpacked in _PAGE's order: a thousand rows' attributes looked up by name took longer.
    for table, row_id, version, deleted, fields, station_id, changed_at, hlc, xid, seq, own in rows[:max_rows]:
        if not own:
            # The stored JSON's UTF-8 bytes: what the page sends, or more (an older server stored rows with the json
            # module's spaces and \u escapes; PostgreSQL's text of a jsonb spaces its commas and colons and writes
            # numbers in full). Counting more only makes a page smaller.
            size = len(fields.encode()) + CHANGE_OVERHEAD_BYTES
            if delivered and used + size > max_bytes:
                break
            used += size
            row = PageRow(
                table,
                _id_text(row_id),
                version,
                deleted,
                None if station_id is None else _id_text(station_id),
                changed_at,
                hlc,
                pydantic_core.from_json(fields),
            )
            delivered.append(row)
        passed += 1
        last = xid, seq
    return Page(delivered, str(Cursor(state.epoch, *last)), passed < len(rows))


def change_of(row: Any) -> Change:
    """A row of the feed (a PageRow, or a SyncRow's columns) as the protocol delivers it."""
    changed_at: datetime = row.changed_at
    return Change(
        table=row.table_name,
        row_id=row.row_id,
        version=row.version,
        deleted=row.deleted,
        fields=row.fields,
        station_id=row.station_id,
        changed_at=changed_at,
        hlc=row.hlc,
    )
