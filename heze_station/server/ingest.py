"""Applying a device's pushed transactions: exactly once, in sequence order, each one atomically.

For each client transaction, one database transaction: lock the device row (so two pushes of the same device, such
as a retry racing its original, run one after the other), compare the transaction's sequence numbers with the
device's ``next_seq``, then either return the stored answer (a replay, F1), stop with "resend from N" (a gap, F3),
or merge its operations, store the answer and advance ``next_seq``, all in the same commit.

A transaction the server cannot accept for a reason that lies in the server's data (a row of another station,
a change to an append-only row or a signed agreement) is *rejected*: nothing of it is applied, but the answer is
stored and the sequence moves on, so one bad edit never blocks a station's queue. Malformed requests are refused
before anything is looked at (see ``validate``).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, tuple_
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from ..sync.merge import Conflict, ConflictKind, Merge, StoredRow, merge_delete, merge_upsert
from ..sync.schemas import (
    ClientTransaction,
    ErrorDetail,
    Operation,
    OpResult,
    PushRequest,
    PushResponse,
    TransactionResult,
)
from ..sync.tables import SYNCED_TABLES, TableKind, field_problem
from .errors import bad_request, conflict
from .feed import RowWrite, server_hlc, write_rows
from .models import AppliedTransaction, Device, SyncRow, UniqueValue, now

CONFLICT_TABLE = "sync_conflict"
RETRIES = 3  # for deadlocks and two devices creating the same new row at the same moment


class Rejected(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.detail = ErrorDetail(code=code, message=message)


def validate(request: PushRequest) -> None:
    """Refuse a malformed push as a whole, before anything is stored."""
    expected: int | None = None
    for tx in request.transactions:
        for op in tx.ops:
            if expected is not None and op.seq != expected:
                raise bad_request(
                    "sequence_not_contiguous",
                    f"Operation {op.op_id} has sequence number {op.seq}, expected {expected}: the operations of a "
                    "push must be numbered one after the other.",
                    seq=op.seq,
                    expected=expected,
                )
            expected = op.seq + 1
            _validate_op(op)


def _validate_op(op: Operation) -> None:
    rule = SYNCED_TABLES.get(op.table)
    if rule is None:
        raise bad_request("unknown_table", f"Table {op.table!r} does not sync.", table=op.table)
    if rule.kind in (TableKind.REFERENCE, TableKind.SERVER):
        raise bad_request("read_only_table", f"Table {op.table!r} is written by the city server only.", table=op.table)
    if op.kind == "delete" and op.fields:
        raise bad_request("fields_on_delete", f"Operation {op.op_id} deletes a row and must not carry fields.")
    for name, value in op.fields.items():
        problem = field_problem(rule, name, value)
        if problem:
            raise bad_request("invalid_field", problem, op_id=str(op.op_id), field=name)
    if op.base_version == 0 and op.kind != "upsert":
        raise bad_request("invalid_base_version", f"Operation {op.op_id}: only an upsert can create a row.")


@dataclass
class PushContext:
    device_id: uuid.UUID
    station_id: uuid.UUID


def push(transaction: Callable[[], Any], context: PushContext, request: PushRequest) -> PushResponse:
    """Apply ``request``'s transactions in order; ``transaction()`` opens one database transaction (a Session)."""
    validate(request)
    results: list[TransactionResult] = []
    next_seq = 0
    for tx in request.transactions:
        outcome = _with_retries(transaction, context, tx)
        next_seq = outcome.next_seq
        if outcome.result is None:
            return PushResponse(results=results, next_seq=next_seq, resend_from=next_seq)
        results.append(outcome.result)
    return PushResponse(results=results, next_seq=next_seq)


@dataclass(frozen=True)
class _Outcome:
    result: TransactionResult | None  # None: a gap, nothing applied
    next_seq: int


def _with_retries(transaction: Callable[[], Any], context: PushContext, tx: ClientTransaction) -> _Outcome:
    for attempt in range(RETRIES):
        try:
            with transaction() as session:
                return _one_transaction(session, context, tx)
        except (IntegrityError, DBAPIError) as error:
            retryable = isinstance(error, IntegrityError) or getattr(error.orig, "sqlstate", "") in {"40P01", "40001"}
            if not retryable or attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _one_transaction(session: Session, context: PushContext, tx: ClientTransaction) -> _Outcome:
    first, last = tx.ops[0].seq, tx.ops[-1].seq
    device = session.scalars(select(Device).where(Device.id == context.device_id).with_for_update()).one()
    if last < device.next_seq:
        stored = session.get(AppliedTransaction, (device.id, first))
        if stored is None or stored.tx_id != tx.tx_id or stored.last_seq != last:
            raise _sequence_mismatch(tx, device.next_seq)
        replay = TransactionResult.model_validate(stored.result, strict=False)
        return _Outcome(replay.model_copy(update={"replayed": True}), device.next_seq)
    if first < device.next_seq:
        raise _sequence_mismatch(tx, device.next_seq)
    if first > device.next_seq:
        return _Outcome(None, device.next_seq)

    try:
        with session.begin_nested():
            ops = _apply(session, context, tx)
        result = TransactionResult(tx_id=tx.tx_id, first_seq=first, last_seq=last, status="applied", ops=ops)
    except Rejected as rejection:
        result = TransactionResult(
            tx_id=tx.tx_id, first_seq=first, last_seq=last, status="rejected", error=rejection.detail
        )
    session.add(
        AppliedTransaction(
            device_id=device.id,
            first_seq=first,
            last_seq=last,
            tx_id=tx.tx_id,
            result=result.model_dump(mode="json"),
        )
    )
    device.next_seq = last + 1
    device.last_sync_at = now()
    return _Outcome(result, device.next_seq)


def _sequence_mismatch(tx: ClientTransaction, next_seq: int) -> Exception:
    return conflict(
        "sequence_mismatch",
        f"Sequence numbers {tx.ops[0].seq}-{tx.ops[-1].seq} were already used by another transaction of this device "
        f"(the server expects {next_seq} next). The device's outbox and the server disagree: re-baseline.",
        tx_id=str(tx.tx_id),
        next_seq=next_seq,
    )


@dataclass
class _RowState:
    """A row as the transaction sees it, changed in memory op by op and written once at the end."""

    table: str
    station_id: uuid.UUID | None
    fields: dict[str, Any]
    field_versions: dict[str, int]
    version: int
    deleted: bool
    stored_before: bool  # the row was in the database when the transaction started
    changed_fields: set[str] = field(default_factory=set)
    last_op: int = -1  # index of the last operation that changed the row
    hlc: str = ""

    def stored(self) -> StoredRow | None:
        if self.version == 0:
            return None
        return StoredRow(self.version, self.deleted, self.fields, self.field_versions)


def _apply(session: Session, context: PushContext, tx: ClientTransaction) -> list[OpResult]:
    row_ids = sorted({op.row_id for op in tx.ops})
    # Locked in key order, so two transactions touching the same rows cannot deadlock each other.
    loaded = session.scalars(
        select(SyncRow).where(SyncRow.row_id.in_(row_ids)).order_by(SyncRow.row_id).with_for_update()
    )
    rows = {
        row.row_id: _RowState(
            row.table_name, row.station_id, dict(row.fields), dict(row.field_versions), row.version, row.deleted, True
        )
        for row in loaded
    }
    conflicts: list[RowWrite] = []
    results: list[OpResult] = []
    for index, op in enumerate(tx.ops):
        state = rows.setdefault(op.row_id, _RowState(op.table, context.station_id, {}, {}, 0, False, False))
        _check_allowed(op, state, context)
        merge = _merge(op, state)
        changed = _take(state, merge, op)
        if changed:
            state.last_op = index
        opened = [
            _conflict_row(context, op.table, op.row_id, item, op.base_version, state.version, op)
            for item in merge.conflicts
        ]
        conflicts.extend(opened)
        conflicts.extend(_resolve(session, context, op))
        status = "conflict" if opened else "applied" if changed else "unchanged"
        ids = [write.row_id for write in opened]
        results.append(OpResult(op_id=op.op_id, seq=op.seq, status=status, version=state.version, conflict_ids=ids))

    touched = {row_id: state for row_id, state in rows.items() if state.last_op >= 0}
    writes = [_row_write(row_id, state, context) for row_id, state in sorted(touched.items())]
    for row_id, duplicate in _duplicates(session, context, touched):
        conflicts.append(duplicate)
        index = touched[row_id].last_op
        result = results[index]
        results[index] = result.model_copy(
            update={"status": "conflict", "conflict_ids": [*result.conflict_ids, duplicate.row_id]}
        )
    write_rows(session, writes + conflicts)
    return results


def _check_allowed(op: Operation, state: _RowState, context: PushContext) -> None:
    rule = SYNCED_TABLES[op.table]
    if state.table != op.table:
        raise Rejected("row_table_mismatch", f"Row {op.row_id} belongs to table {state.table!r}, not {op.table!r}.")
    if state.station_id is None:
        raise Rejected("read_only_row", f"Row {op.row_id} is the city's reference data; stations cannot change it.")
    if state.station_id != context.station_id:
        raise Rejected("foreign_row", f"Row {op.row_id} belongs to another station.")
    if state.version == 0:
        return
    changes_it = op.kind != "upsert" or any(state.fields.get(name) != value for name, value in op.fields.items())
    if rule.kind is TableKind.APPEND_ONLY and changes_it:
        raise Rejected("append_only", f"Rows of {op.table!r} are written once and never changed or deleted.")
    frozen = rule.frozen_once_set
    if frozen and state.fields.get(frozen) is not None and changes_it:
        raise Rejected("row_frozen", f"{op.table} {op.row_id} is in effect and can no longer change; amend it instead.")


def _merge(op: Operation, state: _RowState) -> Merge:
    if op.kind == "delete":
        return merge_delete(state.stored(), op.base_version)
    if op.kind == "restore":  # a person chose to keep a row that was deleted elsewhere
        return Merge(changes=dict(op.fields), deleted=False)
    return merge_upsert(state.stored(), op.base_version, op.fields)


def _take(state: _RowState, merge: Merge, op: Operation) -> bool:
    """Apply a merge to the in-memory row; True when the row changed (and so gets a new version)."""
    changes = {name: value for name, value in merge.changes.items() if state.fields.get(name) != value}
    new_row = state.version == 0
    if not new_row and not changes and merge.deleted == state.deleted:
        return False
    if new_row:
        changes = dict(merge.changes)
    state.version += 1
    state.fields.update(changes)
    for name in changes:
        state.field_versions[name] = state.version
    state.changed_fields.update(changes)
    state.deleted = merge.deleted
    state.hlc = max(state.hlc, op.hlc)
    return True


def _row_write(row_id: uuid.UUID, state: _RowState, context: PushContext) -> RowWrite:
    return RowWrite(
        row_id=row_id,
        table_name=state.table,
        station_id=state.station_id,
        fields=state.fields,
        field_versions=state.field_versions,
        version=state.version,
        deleted=state.deleted,
        hlc=state.hlc,
        changed_by=context.device_id,
        is_new=not state.stored_before,
    )


def _conflict_row(
    context: PushContext,
    table: str,
    row_id: uuid.UUID,
    item: Conflict,
    base_version: int,
    server_version: int,
    op: Operation | None = None,
) -> RowWrite:
    """A conflict record: both values, who and when, open until an operation resolves it."""
    fields = {
        "table": table,
        "row_id": str(row_id),
        "kind": item.kind.value,
        "field": item.field,
        "base_version": base_version,
        "server_version": server_version,
        "server_value": item.server_value,
        "client_value": item.client_value,
        "client_device_id": str(context.device_id),
        "client_op_id": str(op.op_id) if op else None,
        "client_hlc": op.hlc if op else None,
        "status": "open",
        "created_at": now().isoformat(),
    }
    return server_row(CONFLICT_TABLE, new_id(), context.station_id, fields)


def _resolve(session: Session, context: PushContext, op: Operation) -> list[RowWrite]:
    """Mark the conflicts ``op`` settles as resolved; they must be this station's, about this row."""
    if not op.resolves:
        return []
    found = {
        row.row_id: row
        for row in session.scalars(
            select(SyncRow).where(SyncRow.row_id.in_(op.resolves), SyncRow.table_name == CONFLICT_TABLE)
        )
    }
    writes = []
    for conflict_id in op.resolves:
        row = found.get(conflict_id)
        if row is None or row.station_id != context.station_id or row.fields.get("row_id") != str(op.row_id):
            raise Rejected("unknown_conflict", f"Conflict {conflict_id} is not an open conflict about row {op.row_id}.")
        if row.fields.get("status") == "resolved":
            continue
        version = row.version + 1
        fields = {**row.fields, "status": "resolved", "resolved_at": now().isoformat(), "resolved_by_op": str(op.op_id)}
        versions = {**row.field_versions, "status": version, "resolved_at": version, "resolved_by_op": version}
        writes.append(
            RowWrite(
                conflict_id,
                CONFLICT_TABLE,
                row.station_id,
                fields,
                versions,
                version,
                False,
                op.hlc,
                context.device_id,
                is_new=False,
            )
        )
    return writes


def _duplicates(
    session: Session, context: PushContext, touched: dict[uuid.UUID, _RowState]
) -> list[tuple[uuid.UUID, RowWrite]]:
    """Record the unique values the transaction set, and a conflict for each one another live row already uses."""
    claims = [
        (row_id, state.table, name, str(state.fields[name]))
        for row_id, state in touched.items()
        for name in SYNCED_TABLES[state.table].unique
        if name in state.changed_fields or state.deleted
    ]
    if not claims:
        return []
    claimed_rows = {row_id for row_id, *_ in claims}
    session.execute(delete(UniqueValue).where(UniqueValue.row_id.in_(claimed_rows)))
    live = [claim for claim in claims if not touched[claim[0]].deleted and touched[claim[0]].fields[claim[2]]]
    if not live:
        return []
    keys = {(table, name, value) for _, table, name, value in live}
    holders = session.execute(
        select(UniqueValue.row_id, UniqueValue.table_name, UniqueValue.field_name, UniqueValue.value).where(
            UniqueValue.station_id == context.station_id,
            tuple_(UniqueValue.table_name, UniqueValue.field_name, UniqueValue.value).in_(keys),
        )
    ).all()
    session.execute(
        insert(UniqueValue),
        [
            {
                "row_id": row_id,
                "field_name": name,
                "station_id": context.station_id,
                "table_name": table,
                "value": value,
            }
            for row_id, table, name, value in live
        ],
    )
    duplicates = []
    for row_id, table, name, value in live:
        for holder in holders:
            if (holder.table_name, holder.field_name, holder.value) == (table, name, value):
                item = Conflict(ConflictKind.DUPLICATE, name, server_value=str(holder.row_id), client_value=value)
                version = touched[row_id].version
                duplicates.append((row_id, _conflict_row(context, table, row_id, item, version, version)))
    return duplicates


def server_row(table: str, row_id: uuid.UUID, station_id: uuid.UUID | None, fields: dict[str, Any]) -> RowWrite:
    """A new row written by the server itself (a conflict record, reference data)."""
    return RowWrite(
        row_id=row_id,
        table_name=table,
        station_id=station_id,
        fields=fields,
        field_versions=dict.fromkeys(fields, 1),
        version=1,
        deleted=False,
        hlc=server_hlc(),
        changed_by=None,
        is_new=True,
    )
