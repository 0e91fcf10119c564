"""The outbox: every change to a syncable row becomes an operation, in the same SQLite transaction as the change.

One mechanism for the whole program, hooked into the session's flush, so no service can forget it: a new row is
an upsert of all its fields, a changed row an upsert of the changed fields against the server version this device
last pulled (its base for the server's three-way merge), a soft delete a tombstone (sync.md 2, 7). Each operation
carries this device's next sequence number, the local transaction it belongs to and a hybrid-logical-clock time
(sync.md 11). Written by the flush inside the transaction, a change and its operation are committed together or
not at all, so a kill -9 can never keep one without the other (F2).
"""

import enum
import functools
import json
import time
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, inspect, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from ..sync.hlc import Hlc
from . import written
from .batches import batches
from .models import OutboxOperation, ReplicaVersion, Setting, SyncRow
from .types import utc_now

DEVICE_SETTING = "device_id"
SEQUENCE_SETTING = "outbox_last_seq"
CLOCK_SETTING = "outbox_last_hlc"
# This computer's clock minus the city server's, as the last handshake found it: changes are stamped by the
# server's time, so a laptop whose clock is a week off still orders its changes right (F7) and is never refused.
CLOCK_OFFSET_SETTING = "sync_clock_offset_ms"
# Columns the protocol carries outside the fields: the row's key and the version the change was made against.
PROTOCOL_COLUMNS = frozenset({"id", "version"})


@functools.cache
def synced_fields(model: type[SyncRow]) -> tuple[str, ...]:
    """The columns a change of ``model`` carries as fields: not the protocol's own, not this device's bookkeeping."""
    local = getattr(model, "local_columns", frozenset())
    return tuple(
        attribute.key
        for attribute in model.__mapper__.column_attrs
        if attribute.key not in PROTOCOL_COLUMNS and attribute.key not in local
    )


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


def _operation(row: SyncRow, is_new: bool) -> tuple[str, dict[str, Any]] | None:
    """(kind, changed fields) of one flushed row, or None when nothing that syncs changed."""
    state = inspect(row)
    fields = {
        name: wire_value(getattr(row, name))
        for name in synced_fields(type(row))
        if is_new or state.attrs[name].history.has_changes()
    }
    # The update timestamp alone moves whenever a local-only column (a search key) is written: nothing to send.
    if not fields or (not is_new and set(fields) <= {"updated_at"}):
        return None
    # The flush set it (the column's onupdate), which history does not show; the server keeps the later one.
    fields["updated_at"] = wire_value(row.updated_at)
    deleted_now = not is_new and "deleted_at" in fields and fields["deleted_at"] is not None
    return ("delete" if deleted_now else "upsert"), fields


_PULLED_VERSIONS = select(ReplicaVersion.row_id, ReplicaVersion.version).where(
    ReplicaVersion.row_id.in_(bindparam("row_ids", expanding=True))
)  # built once: every flush that changes a synced row runs it


def _base_versions(connection: Connection, row_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """The server version each row was last pulled at; rows never pulled (made here, not yet back) are absent."""
    found: dict[uuid.UUID, int] = {}
    for chunk in batches(row_ids):
        found.update({row_id: version for row_id, version in connection.execute(_PULLED_VERSIONS, {"row_ids": chunk})})
    return found


def base_version(kind: str, pulled: int | None) -> int:
    """The base of a change: the version last pulled, 0 for a row the server has not shown this device yet.

    The server's merge never counts this device's own earlier changes against it, so a second edit before the
    next pull keeps the same base. Only a row's creation may have base 0: a delete of a row made here and never
    pulled back is made against version 1, this device's own creation.
    """
    if pulled is None:
        return 0 if kind == "upsert" else 1
    return pulled


# Built once, as _PULLED_VERSIONS: every flush that changes a synced row reads and writes these settings (append).
_SETTINGS_READ = select(Setting.key, Setting.value).where(Setting.key.in_(bindparam("keys", expanding=True)))
_SETTING_UPSERT = insert(Setting)
_SETTINGS_WRITE = _SETTING_UPSERT.on_conflict_do_update(
    index_elements=[Setting.key], set_={"value": _SETTING_UPSERT.excluded.value}
)


def _settings(connection: Connection, *keys: str) -> dict[str, str]:
    """The stored values of these settings, in one query; a setting never stored is absent."""
    return {key: value for key, value in connection.execute(_SETTINGS_READ, {"keys": list(keys)})}


def _put_settings(connection: Connection, values: dict[str, str]) -> None:
    connection.execute(_SETTINGS_WRITE, [{"key": key, "value": value} for key, value in values.items()])


def last_sequence(connection: Connection) -> int:
    """The sequence number of this device's latest change (0 before the first)."""
    return int(_settings(connection, SEQUENCE_SETTING).get(SEQUENCE_SETTING) or 0)


def local_now_ms() -> int:
    """This computer's clock: the one source of its time for the sync's clocks (the fault harness skews it)."""
    return time.time_ns() // 1_000_000


def server_now_ms(connection: Connection) -> int:
    """The city server's time now, as far as this computer knows it (its own clock until the first sync)."""
    return _server_now_ms(_settings(connection, CLOCK_OFFSET_SETTING))


def _server_now_ms(stored: dict[str, str]) -> int:
    return local_now_ms() - int(stored.get(CLOCK_OFFSET_SETTING) or 0)


def device_clock(connection: Connection) -> Hlc:
    """This device's clock as last stored; one this version cannot read starts afresh (_device_clock)."""
    return _device_clock(_settings(connection, DEVICE_SETTING, CLOCK_SETTING))


def _device_clock(stored: dict[str, str]) -> Hlc:
    """A stored value this version cannot read starts the clock afresh rather than stopping every save (the next
    pulled time moves it on again)."""
    device = stored.get(DEVICE_SETTING) or new_id().hex
    text = stored.get(CLOCK_SETTING)
    try:
        return Hlc.parse(text) if text else Hlc(0, 0, device)
    except ValueError:
        return Hlc(0, 0, device)


RESOLVES_KEY = "outbox_resolves"  # session.info: row id -> conflict ids the transaction's change to it settles


def record(session: Session, _flush_context: object) -> None:
    """The session's after_flush hook: history and the new/dirty lists still show what this flush wrote."""
    changes = [(row, True) for row in session.new if isinstance(row, SyncRow)]
    changes += [(row, False) for row in session.dirty if isinstance(row, SyncRow)]
    found = [(row, operation) for row, is_new in changes if (operation := _operation(row, is_new)) is not None]
    if not found:
        return
    written.note(session, [row for row, _ in found])
    connection = session.connection()
    bases = _base_versions(connection, [row.id for row, _ in found])
    append(
        session,
        [
            (row.__tablename__, row.id, kind, base_version(kind, bases.get(row.id)), fields)
            for row, (kind, fields) in found
        ],
    )


Change = tuple[str, uuid.UUID, str, int, dict[str, Any]]  # table, row id, kind, base version, fields


def append(session: Session, changes: list[Change]) -> None:
    """Append operations for ``changes`` to the outbox, numbered after the last one, in the session's transaction.

    The flush hook calls it for every changed row; a person's choice in the conflict view calls it directly when
    keeping the server's value changes nothing locally but must still reach the server.
    """
    connection = session.connection()
    resolves: dict[uuid.UUID, list[uuid.UUID]] = session.info.get(RESOLVES_KEY, {})
    stored = _settings(connection, DEVICE_SETTING, SEQUENCE_SETTING, CLOCK_SETTING, CLOCK_OFFSET_SETTING)
    first = {} if DEVICE_SETTING in stored else {DEVICE_SETTING: new_id().hex}  # this device's first change
    stored.update(first)
    clock = _device_clock(stored)
    now_ms = _server_now_ms(stored)
    # One id for all operations of this transaction: the server applies them together (sync.md 3).
    transaction_id = session.info.setdefault("outbox_transaction_id", new_id())
    sequence = int(stored.get(SEQUENCE_SETTING) or 0)
    rows = []
    for table_name, row_id, kind, base, fields in changes:
        sequence += 1
        clock = clock.tick(now_ms)
        rows.append(
            {
                "id": new_id(),
                "seq": sequence,
                "tx_id": transaction_id,
                "table_name": table_name,
                "row_id": row_id,
                "kind": kind,
                "base_version": base,
                "fields": json.dumps(fields, ensure_ascii=False, sort_keys=True),
                "hlc": str(clock),
                "created_at": utc_now(),
                "resolves": json.dumps([str(conflict) for conflict in resolves.get(row_id, [])]),
                "acknowledged": False,
            }
        )
    connection.execute(OutboxOperation.__table__.insert(), rows)
    _put_settings(connection, first | {SEQUENCE_SETTING: str(sequence), CLOCK_SETTING: str(clock)})
