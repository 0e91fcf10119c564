"""The outbox: every change to a syncable row becomes an operation, in the same SQLite transaction as the change.

One mechanism for the whole program, hooked into the session's flush, so no service can forget it: a new row is
an upsert of all its fields, a changed row an upsert of the changed fields against the version it was read at,
a soft delete a tombstone (sync.md 2, 7). Each operation carries this device's next sequence number, the local
transaction it belongs to and a hybrid-logical-clock time (sync.md 11). Written by the flush inside the
transaction, a change and its operation are committed together or not at all, so a kill -9 can never keep one
without the other (F2).
"""

import enum
import json
import time
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, inspect, select
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from ..sync.hlc import Hlc
from .models import OutboxOperation, Setting, SyncRow
from .types import utc_now

DEVICE_SETTING = "device_id"
SEQUENCE_SETTING = "outbox_last_seq"
CLOCK_SETTING = "outbox_last_hlc"
# Columns the protocol carries outside the fields: the row's key and the version the change was made against.
_PROTOCOL_COLUMNS = frozenset({"id", "version"})


def wire_value(value: object) -> str | int | bool | None:
    """A column value as the sync protocol carries it: text, integer, boolean or null."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"no wire form for {type(value).__name__}")


def _operation(row: SyncRow, is_new: bool, created_here: bool) -> tuple[str, int, dict[str, Any]] | None:
    """(kind, base version, changed fields) of one flushed row, or None when nothing that syncs changed.

    ``created_here``: the row was inserted earlier in this same transaction, so a later flush's change still
    belongs to a new row (base version 0), as the other side has never seen it.
    """
    state = inspect(row)
    local = getattr(type(row), "local_columns", frozenset())
    fields: dict[str, Any] = {}
    for attribute in state.mapper.column_attrs:
        name = attribute.key
        if name in _PROTOCOL_COLUMNS or name in local:
            continue
        history = state.attrs[name].history
        if is_new or history.has_changes():
            fields[name] = wire_value(getattr(row, name))
    # The update timestamp alone moves whenever a local-only column (a search key) is written: nothing to send.
    if not fields or (not is_new and set(fields) <= {"updated_at"}):
        return None
    if is_new or created_here:
        return "upsert", 0, fields
    # The mapper raised the version by one in this UPDATE (version_id_col); the change was made on the one before.
    base = row.version - 1
    deleted_now = "deleted_at" in fields and fields["deleted_at"] is not None
    return ("delete" if deleted_now else "upsert"), base, fields


def _setting(connection: Connection, key: str) -> str | None:
    return connection.scalar(select(Setting.value).where(Setting.key == key))


def _put_setting(connection: Connection, key: str, value: str, exists: bool) -> None:
    table = Setting.__table__
    if exists:
        connection.execute(table.update().where(table.c.key == key).values(value=value))
    else:
        connection.execute(table.insert().values(key=key, value=value))


def record(session: Session, _flush_context: object) -> None:
    """The session's after_flush hook: history and the new/dirty lists still show what this flush wrote."""
    created: set[uuid.UUID] = session.info.setdefault("outbox_created", set())
    changes = [(row, True) for row in session.new if isinstance(row, SyncRow)]
    changes += [(row, False) for row in session.dirty if isinstance(row, SyncRow)]
    operations = [
        (row, found) for row, is_new in changes if (found := _operation(row, is_new, row.id in created)) is not None
    ]
    created.update(row.id for row, is_new in changes if is_new)
    if not operations:
        return
    connection = session.connection()
    device = _setting(connection, DEVICE_SETTING)
    if device is None:
        device = new_id().hex
        _put_setting(connection, DEVICE_SETTING, device, exists=False)
    last_seq = _setting(connection, SEQUENCE_SETTING)
    last_clock = _setting(connection, CLOCK_SETTING)
    clock = Hlc.parse(last_clock) if last_clock else Hlc(0, 0, device)
    # One id for all operations of this transaction: the server applies them together (sync.md 3).
    transaction_id = session.info.setdefault("outbox_transaction_id", new_id())
    sequence = int(last_seq or 0)
    rows = []
    for row, (kind, base_version, fields) in operations:
        sequence += 1
        clock = clock.tick(time.time_ns() // 1_000_000)
        rows.append(
            {
                "id": new_id(),
                "seq": sequence,
                "tx_id": transaction_id,
                "table_name": row.__tablename__,
                "row_id": row.id,
                "kind": kind,
                "base_version": base_version,
                "fields": json.dumps(fields, ensure_ascii=False, sort_keys=True),
                "hlc": str(clock),
                "created_at": utc_now(),
            }
        )
    connection.execute(OutboxOperation.__table__.insert(), rows)
    _put_setting(connection, SEQUENCE_SETTING, str(sequence), exists=last_seq is not None)
    _put_setting(connection, CLOCK_SETTING, str(clock), exists=last_clock is not None)
