"""Applying a device's pushed transactions: exactly once, in sequence order, each one atomically.

Each push is one database transaction: lock the device row (so two pushes of the same device, such as a retry
racing its original, run one after the other), then for each client transaction compare its sequence numbers with
the device's ``next_seq`` and either return the stored answer (a replay, F1), stop with "resend from N" (a gap,
F3), or merge its operations, store the answer and advance ``next_seq``, all in the same commit.

The merging happens in memory (``_Batch``): the rows the push touches are read and locked with one query, each
client transaction is applied to their in-memory state (and undone there if it is rejected), and the result is
written with one statement per table for the whole push (an ``unnest`` of arrays on PostgreSQL, see db.py), sent
together in one pipeline. A push costs two round trips to the database whatever its size on PostgreSQL: its
reads (lock the device, read and lock the rows, read the rows they name with their grants and the holders of the
unique values they claim, sent together: see ``_Batch``), its writes with the commit (and one more to read the
agreements of the shares, instalments and signatures it changes; one more for the holders of unique values it
claims for another station's rows of a case assigned here; one more to share rows added to a case that another
station shares, and then the commit alone).

A transaction the server cannot accept is *rejected*: one of its rows is one no station could store (a field
missing or unknown, a value that does not fit the shared schema of sync/tables.py, a row it names that the station
cannot see), or one this station may not write (another station's, the city's, an append-only row changed, a
signed agreement, a field fixed once the row exists: its parent, an account's login). Nothing of it is applied,
but the answer is stored and the sequence moves on, so one bad edit never blocks a station's queue. A replay is
recognised by the digest of its whole content. Malformed requests (an envelope the protocol does not allow, over
its limits, a clock far ahead) are refused before anything is looked at (see ``validate``).
"""

import copy
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from operator import attrgetter
from typing import Any

from sqlalchemy import CompoundSelect, Select, and_, bindparam, delete, select, text, union_all, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from ..domain.ids import new_id
from ..sync.fields import FieldType
from ..sync.hlc import Hlc
from ..sync.merge import Conflict, ConflictKind, Merge, StoredRow, merge_delete, merge_upsert, stamp
from ..sync.schemas import (
    MAX_OPS_PER_PUSH,
    ClientTransaction,
    ErrorDetail,
    Operation,
    OpResult,
    PushRequest,
    PushResponse,
    TransactionResult,
)
from ..sync.tables import FIELD_NAME, SYNCED_TABLES, TableKind, TableRule
from .assignment import joining_shared_cases, share_new_case_rows
from .db import Read, commit_in_pipeline, insert_rows, pipelined, read_together
from .errors import ApiError, bad_request, conflict
from .feed import RowWrite, server_hlc, write_rows
from .models import AppliedTransaction, Device, RowGrant, SyncRow, UniqueValue, now
from .synced import among, among_parameter

CONFLICT_TABLE = "sync_conflict"
RETRIES = 3  # for deadlocks and two devices creating the same new row at the same moment


class Rejected(Exception):
    def __init__(self, code: str, message: str, **details: Any):
        super().__init__(message)
        self.detail = ErrorDetail(code=code, message=message, details=details or None)


def validate(request: PushRequest, max_clock_ahead_ms: int) -> None:
    """Refuse a malformed push as a whole, before anything is stored: too many operations, sequence numbers that
    do not follow each other, an operation id twice, a delete with fields, a delete or restore of a new row, a
    clock far ahead of the server's (stations take it from pulled rows: it would carry every station there).

    What an operation says about its row (its table, fields and values) is checked as it is applied: a bad one
    rejects its transaction and the rest of the push goes on (``_Batch._check_fields``).
    """
    operations = sum(len(tx.ops) for tx in request.transactions)
    if operations > MAX_OPS_PER_PUSH:
        raise ApiError(
            413,
            "too_many_operations",
            f"A push holds at most {MAX_OPS_PER_PUSH} operations, this one {operations}: send them in several pushes.",
            {"max_ops_per_push": MAX_OPS_PER_PUSH, "operations": operations},
        )
    expected: int | None = None
    seen: set[uuid.UUID] = set()
    moment = now()
    now_ms = int(moment.timestamp() * 1000)
    for tx in request.transactions:
        for op in tx.ops:
            if Hlc.parse(op.hlc).ahead_of(now_ms, max_clock_ahead_ms):
                raise bad_request(
                    "clock_ahead",
                    f"Operation {op.op_id} is stamped more than {max_clock_ahead_ms // 1000} seconds after the "
                    "server's time: stamp operations by the server's time (see the handshake) and push again.",
                    op_id=str(op.op_id),
                    server_time=moment.isoformat(),
                    max_clock_ahead_ms=max_clock_ahead_ms,
                )
            if expected is not None and op.seq != expected:
                raise bad_request(
                    "sequence_not_contiguous",
                    f"Operation {op.op_id} has sequence number {op.seq}, expected {expected}: the operations of a "
                    "push must be numbered one after the other.",
                    seq=op.seq,
                    expected=expected,
                )
            expected = op.seq + 1
            if op.op_id in seen:
                raise bad_request(
                    "duplicate_op_id", f"Operation id {op.op_id} appears twice in this push.", op_id=str(op.op_id)
                )
            seen.add(op.op_id)
            if op.kind == "delete" and op.fields:
                raise bad_request("fields_on_delete", f"Operation {op.op_id} deletes a row and must not carry fields.")
            if op.base_version == 0 and op.kind != "upsert":
                raise bad_request("invalid_base_version", f"Operation {op.op_id}: only an upsert can create a row.")


def digest(tx: ClientTransaction) -> str:
    """A transaction's identity for replays: the SHA-256 of its whole content, whatever order its keys came in."""
    canonical = json.dumps(tx.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class PushContext:
    device_id: uuid.UUID
    station_id: uuid.UUID
    max_clock_ahead_ms: int

    @cached_property
    def writer(self) -> str:
        """The pushing device as a row's ``field_writers`` name it."""
        return str(self.device_id)


def push(transaction: Callable[[], Any], context: PushContext, request: PushRequest) -> PushResponse:
    """Apply ``request``'s transactions in order; ``transaction()`` opens one database transaction (a Session)."""
    validate(request, context.max_clock_ahead_ms)
    for attempt in range(RETRIES):
        try:
            with transaction() as session:
                response, mismatch = _push(session, context, request)
            break
        except (IntegrityError, DBAPIError) as error:
            retryable = isinstance(error, IntegrityError) or getattr(error.orig, "sqlstate", "") in {"40P01", "40001"}
            if not retryable or attempt == RETRIES - 1:
                raise
    if mismatch is not None:  # raised after the commit: the transactions before it stay applied
        raise mismatch
    return response


def _push(session: Session, context: PushContext, request: PushRequest) -> tuple[PushResponse, Exception | None]:
    # Core statements on the session's connection throughout: the ORM's bookkeeping would cost more than the SQL.
    connection = session.connection()
    batch = _Batch(session, context, request.transactions)
    next_seq = batch.next_seq
    planned: list[ClientTransaction | TransactionResult] = []  # new transactions, or stored answers of replays
    problem: Exception | None = None
    resend_from: int | None = None
    for tx in request.transactions:
        first, last = tx.ops[0].seq, tx.ops[-1].seq
        if last < next_seq:
            stored = session.get(AppliedTransaction, (context.device_id, first))
            if stored is None or not _same_transaction(stored, tx):
                problem = _sequence_mismatch(tx, next_seq)
                break
            replay = TransactionResult.model_validate(stored.result, strict=False)
            planned.append(replay.model_copy(update={"replayed": True}))
        elif first < next_seq:
            problem = _sequence_mismatch(tx, next_seq)
            break
        elif first > next_seq:
            resend_from = next_seq
            break
        else:
            planned.append(tx)
            next_seq = last + 1

    new = [tx for tx in planned if isinstance(tx, ClientTransaction)]
    answers: list[TransactionResult] = []
    if new:
        answers = [batch.apply(tx) for tx in new]
        moment = now()
        with pipelined(connection):  # only writes, none read back: they travel to the database together
            written = batch.write()
            insert_rows(
                connection,
                AppliedTransaction.__table__,
                [
                    {
                        "device_id": context.device_id,
                        "first_seq": result.first_seq,
                        "last_seq": result.last_seq,
                        "tx_id": result.tx_id,
                        "digest": digest(tx),
                        "result": result.model_dump(mode="json"),
                        "applied_at": moment,
                    }
                    for tx, result in zip(new, answers, strict=True)
                ],
            )
            connection.execute(_ADVANCE, {"device": context.device_id, "next_seq_now": next_seq, "moment": moment})
            added = joining_shared_cases(written)
            if not added:  # nothing left to do in this transaction
                commit_in_pipeline(connection)
        share_new_case_rows(session, added)
    in_order = iter(answers)
    results = [next(in_order) if isinstance(item, ClientTransaction) else item for item in planned]
    return PushResponse(results=results, next_seq=next_seq, resend_from=resend_from), problem


# The statements every push runs, built once (see among_parameter): the device's row, locked, and its advance.
_NEXT_SEQ = select(Device.next_seq).where(Device.id == bindparam("device")).with_for_update()
_ADVANCE = (
    update(Device)
    .where(Device.id == bindparam("device"))
    .values(next_seq=bindparam("next_seq_now"), last_sync_at=bindparam("moment"))
)


def _same_transaction(stored: AppliedTransaction, tx: ClientTransaction) -> bool:
    """Whether ``tx`` is the transaction stored under its sequence numbers, sent again: the same content, not just
    the same ids (answers stored before digests were kept compare by their ids)."""
    if stored.tx_id != tx.tx_id or stored.last_seq != tx.ops[-1].seq:
        return False
    return stored.digest is None or stored.digest == digest(tx)


def _sequence_mismatch(tx: ClientTransaction, next_seq: int) -> Exception:
    return conflict(
        "sequence_mismatch",
        f"Sequence numbers {tx.ops[0].seq}-{tx.ops[-1].seq} were already used by another transaction of this device, "
        f"or by this transaction with other content (the server expects {next_seq} next). The device's outbox and "
        "the server disagree: re-baseline.",
        tx_id=str(tx.tx_id),
        next_seq=next_seq,
    )


@dataclass
class _RowState:
    """A row as the push sees it, changed in memory op by op and written once at the end."""

    table: str
    station_id: uuid.UUID | None
    fields: dict[str, Any]
    field_versions: dict[str, int]
    field_writers: dict[str, str]
    version: int
    deleted: bool
    stored_before: bool  # the row was in the database when the push started
    dirty: bool = False
    hlc: str = ""
    changed_by: uuid.UUID | None = None
    sent_as_is: bool = False  # as the pushing device holds it after its last change (see _apply_op)
    # The unique values the row held when the push read it (unique_values()), as the lookup table holds them.
    unique_before: dict[str, Any] = field(default_factory=dict)

    def unique_values(self) -> dict[str, Any]:
        """The values of the row's unique fields the lookup table holds for it: none for a deleted row."""
        if self.deleted:
            return {}
        return {
            name: self.fields[name] for name in SYNCED_TABLES[self.table].unique if self.fields.get(name) is not None
        }

    def stored(self) -> StoredRow | None:
        if self.version == 0:
            return None
        return StoredRow(self.version, self.deleted, self.fields, self.field_versions, self.field_writers)


# The station whose rows the value should be unique among, table, field, value (text of at most the field's length:
# see tables.py).
UniqueKey = tuple[uuid.UUID, str, str, str]


class _Batch:
    """The rows one push touches, loaded and locked at once, changed in memory, written at once.

    Its reads travel together (``read_together``: one round trip on PostgreSQL), in this order: the device's row,
    locked first so that two pushes of one device run one after the other, and its next sequence number; the rows
    the transactions touch, locked; the rows their fields name (a claimant's person, a case's project), read to
    check they exist, and which of them are granted to this station (assignment.py); the holders of the unique
    values they claim. Every transaction of the push is read, also one that turns out to be a replay or to follow a
    gap: reading its few rows costs less than waiting for the device's row before reading the others.
    """

    def __init__(self, session: Session, context: PushContext, transactions: list[ClientTransaction]):
        self.session = session
        self.connection = session.connection()
        self.context = context
        ops = [op for tx in transactions for op in tx.ops if op.table in SYNCED_TABLES]
        self.references = {op.op_id: tuple(_references(op)) for op in ops}  # looked at here and when applied
        wanted = _in_order(
            {op.row_id for op in ops}
            | {conflict_id for op in ops for conflict_id in op.resolves}
            | {parent for op in ops if (parent := _parent_id(op.table, op.fields)) is not None}
        )
        named = {target for references in self.references.values() for target, _ in references}
        queries = _queries(self.connection.dialect.name)
        reads = [(_NEXT_SEQ, {"device": context.device_id})]
        if wanted:
            reads += [
                (queries.rows, {"row_ids": wanted}),
                (queries.named_and_granted, {"row_ids": _in_order({*wanted, *named}), "station": context.station_id}),
            ]
        holders, holders_read = self._unique_holders_read(ops, context.station_id)
        reads += holders_read
        device, *found = read_together(self.connection, reads)
        self.next_seq: int = device[0][0]
        touched, existing = found[:2] if wanted else ([], [])
        self.rows = self._states(touched)
        self.named, self.granted = self._named_and_granted(existing)
        for row_id, table, name, value in found[-1] if holders_read else []:
            holders[(context.station_id, table, name, value)].add(row_id)
        self.holders = holders
        # The agreements of shares, instalments and signatures being changed, to check whether they are frozen.
        parents = {_parent_id(state.table, state.fields) for state in self.rows.values()} - {None} - set(self.rows)
        if parents:
            (loaded,) = read_together(self.connection, [(queries.rows, {"row_ids": _in_order(parents)})])
            self.rows.update(self._states(loaded))
        self._read_owners_holders(ops)
        self.new_conflicts: list[RowWrite] = []
        self._undo: list[tuple[UniqueKey, uuid.UUID, bool]] = []
        self._creating: dict[uuid.UUID, str] = {}  # rows the transaction being applied creates: row id -> table

    @staticmethod
    def _states(loaded: Iterable[tuple]) -> dict[uuid.UUID, _RowState]:
        states = {
            row_id: _RowState(table, station_id, fields, versions, writers, version, deleted, True, hlc=hlc)
            for row_id, table, station_id, fields, versions, writers, version, deleted, hlc in loaded
        }
        for state in states.values():
            state.unique_before = state.unique_values()
        return states

    @staticmethod
    def _named_and_granted(
        found: list[tuple],
    ) -> tuple[dict[uuid.UUID, tuple[str, uuid.UUID | None]], set[uuid.UUID]]:
        """The table and owner of each row that exists, and those granted to this station."""
        named = {row_id: (table, station_id) for row_id, table, station_id, _ in found}
        return named, {row_id for row_id, _, _, granted in found if granted}

    def _read_owners_holders(self, ops: list[Operation]) -> None:
        """The holders of the unique values claimed for rows of a case assigned here, among their owner's rows:
        the value is stored among the owner's (``_write_unique_values``), and a clash is the owner's to see. A
        read of its own, needed only once the rows are read, and only for such rows."""
        by_owner: dict[uuid.UUID, list[Operation]] = {}
        for op in ops:
            state = self.rows.get(op.row_id)
            if state is not None and op.row_id in self.granted:
                by_owner.setdefault(state.station_id, []).append(op)
        for owner, owned in by_owner.items():
            holders, read = self._unique_holders_read(owned, owner)
            for row_id, table, name, value in read_together(self.connection, read)[0] if read else []:
                holders[(owner, table, name, value)].add(row_id)
            self.holders.update(holders)

    def _unique_holders_read(
        self, ops: list[Operation], station: uuid.UUID
    ) -> tuple[dict[UniqueKey, set[uuid.UUID]], list[Read]]:
        """The unique values ``ops`` claim among ``station``'s rows, each with no holder yet, and the read that
        finds their holders (none when they claim none)."""
        keys = {
            (station, op.table, name, op.fields[name])
            for op in ops
            for name in SYNCED_TABLES[op.table].unique
            if op.fields.get(name) is not None and SYNCED_TABLES[op.table].field_problem(name, op.fields[name]) is None
        }
        holders: dict[UniqueKey, set[uuid.UUID]] = {key: set() for key in keys}
        if not keys:
            return holders, []
        if self.connection.dialect.name == "postgresql":
            _, tables, names, values = (list(column) for column in zip(*sorted(keys), strict=True))
            parameters = {"tables": tables, "names": names, "values": values}
            return holders, [(_UNIQUE_HOLDERS_POSTGRESQL, {"station": station, **parameters})]
        values_of: dict[tuple[str, str], list[str]] = {}
        for _, table, name, value in sorted(keys):
            values_of.setdefault((table, name), []).append(value)
        query = _unique_holders_query(self.connection.dialect.name, tuple(values_of))
        parameters = {f"values_{n}": values for n, values in enumerate(values_of.values())}
        return holders, [(query, {"station": station, **parameters})]

    # --- applying one client transaction -----------------------------------------------------------------------

    def apply(self, tx: ClientTransaction) -> TransactionResult:
        first, last = tx.ops[0].seq, tx.ops[-1].seq
        touched = {op.row_id for op in tx.ops} | {conflict_id for op in tx.ops for conflict_id in op.resolves}
        # A transaction's rows may name each other in any order (a claimant before its new person).
        self._creating = {op.row_id: op.table for op in tx.ops if op.kind != "delete"}
        # A shallow copy is the row as it was: applying replaces a state's dicts, it never changes them in place.
        saved = {row_id: copy.copy(self.rows[row_id]) for row_id in touched if row_id in self.rows}
        conflicts_before, undo_before = len(self.new_conflicts), len(self._undo)
        try:
            ops = [self._apply_op(op) for op in tx.ops]
        except Rejected as rejection:
            for row_id in touched:  # nothing of a rejected transaction remains
                self.rows.pop(row_id, None)
            self.rows.update(saved)
            del self.new_conflicts[conflicts_before:]
            self._undo_unique_claims(undo_before)
            return TransactionResult(
                tx_id=tx.tx_id, first_seq=first, last_seq=last, status="rejected", error=rejection.detail
            )
        return TransactionResult(tx_id=tx.tx_id, first_seq=first, last_seq=last, status="applied", ops=ops)

    def _apply_op(self, op: Operation) -> OpResult:
        rule = _writable_rule(op)
        state = self.rows.setdefault(
            op.row_id, _RowState(op.table, self.context.station_id, {}, {}, {}, 0, False, False)
        )
        _check_allowed(op, state, self.context, op.row_id in self.granted)
        if op.kind == "delete" and state.version == 0:
            # Nothing to delete: no station has seen the row from here (a delete sent again after a restore).
            return OpResult(op_id=op.op_id, seq=op.seq, status="unchanged", version=0)
        self._check_fields(op, rule, state)
        self._check_parent(op, state)
        merge = _merge(op, state, self.context.writer)
        before, deleted_before = dict(state.fields), state.deleted
        on_base = op.base_version == state.version  # the device held the row as it was stored (or it is new)
        changed = self._take(state, merge, op)
        if changed and _administrator(before, deleted_before) and not _administrator(state.fields, state.deleted):
            self._keep_an_administrator(op, state)
        conflicts = [
            self._conflict(op.table, op.row_id, item, op.base_version, state.version, self.context.station_id, op)
            for item in merge.conflicts
        ]
        if changed:
            conflicts.extend(self._claim_unique_values(op, state, before))
            # The row is now exactly what the device made of the version it held: its pull need not send it back.
            # Only an upsert carries all it changed: a delete carries no fields, yet the device stamped its own row
            # deleted and updated at its time, so the tombstone the server made goes back to it.
            state.sent_as_is = (
                on_base
                and not conflicts
                and op.kind == "upsert"
                and all(state.fields.get(name) == value for name, value in op.fields.items())
            )
        self._resolve(op)
        status = "conflict" if conflicts else "applied" if changed else "unchanged"
        return OpResult(op_id=op.op_id, seq=op.seq, status=status, version=state.version, conflict_ids=conflicts)

    def _check_fields(self, op: Operation, rule: TableRule, state: _RowState) -> None:
        """What a station could not store is never stored: a new row needs a station-made id and every required
        field, each field a value of its type, and every row it names must be one this station can see."""
        new_row = state.version == 0
        if new_row and op.row_id.version != NEW_ROW_ID_VERSION:
            raise Rejected(
                "invalid_row_id",
                f"Row {op.row_id}: a station's new row needs a UUIDv7 id made on the device.",
                op_id=str(op.op_id),
            )
        problems = rule.problems(op.fields, new_row=new_row)
        if problems:
            raise Rejected(problems[0].code, problems[0].message, op_id=str(op.op_id), field=problems[0].field)
        for target, name in self.references[op.op_id]:
            if not self._visible(target, rule.fields[name].references or ""):
                raise Rejected(
                    "unknown_reference",
                    f"{op.table}.{name} names no {rule.fields[name].references} row that this station sent or sees.",
                    op_id=str(op.op_id),
                    field=name,
                )

    def _visible(self, row_id: uuid.UUID, table: str) -> bool:
        if self._creating.get(row_id) == table:
            return True
        state = self.rows.get(row_id)
        if state is not None and state.version > 0:
            found: tuple[str, uuid.UUID | None] | None = (state.table, state.station_id)
        else:
            found = self.named.get(row_id)
        if found is None or found[0] != table:
            return False
        owner = found[1]
        return owner is None or owner == self.context.station_id or row_id in self.granted

    def _keep_an_administrator(self, op: Operation, state: _RowState) -> None:
        """A station keeps an enabled administrator with keys, as its own database does (station migration 0035):
        an account disabled, deleted or demoted by a device's push, when it is the last, would be stored here and
        kept aside by every laptop, and a laptop enrolled later would have nobody to administer it. Read only for
        such a change, which is rare: the station's accounts, with this push's changes to them."""
        stored = self.connection.execute(
            select(SyncRow.row_id, SyncRow.fields, SyncRow.deleted).where(
                SyncRow.table_name == "staff_user", SyncRow.station_id == state.station_id
            )
        ).all()
        accounts = {row_id: (fields, deleted) for row_id, fields, deleted in stored}
        accounts.update(
            (row_id, (held.fields, held.deleted))
            for row_id, held in self.rows.items()
            if held.table == "staff_user" and held.station_id == state.station_id and held.version > 0
        )
        if not any(
            row_id != op.row_id and _administrator(fields, deleted) and fields.get("public_key")
            for row_id, (fields, deleted) in accounts.items()
        ):
            raise Rejected(
                "last_administrator",
                f"staff_user {op.row_id} is the station's last enabled administrator who can sign in: it stays one.",
                op_id=str(op.op_id),
            )

    def _check_parent(self, op: Operation, state: _RowState) -> None:
        """A row frozen with its parent (an agreement's share, instalment, signature) follows the parent's state,
        as the station's own triggers do: no insert, change or delete once the agreement is in effect."""
        parent_id = _parent_id(op.table, op.fields) or _parent_id(op.table, state.fields)
        parent = self.rows.get(parent_id) if parent_id else None
        if parent is not None and SYNCED_TABLES[parent.table].is_frozen(parent.fields):
            raise Rejected("row_frozen", f"{op.table} {op.row_id} belongs to an agreement in effect; amend it instead.")

    def _take(self, state: _RowState, merge: Merge, op: Operation) -> bool:
        """Apply a merge to the in-memory row; True when the row changed (and so gets a new version)."""
        new_row = state.version == 0
        changes = merge.changes if new_row else {n: v for n, v in merge.changes.items() if state.fields.get(n) != v}
        if not new_row and not changes and merge.deleted == state.deleted:
            return False
        state.version += 1
        state.fields = {**state.fields, **changes}
        state.field_versions, state.field_writers = stamp(
            state.field_versions, state.field_writers, changes, state.version, self.context.writer
        )
        state.deleted = merge.deleted
        state.hlc = max(state.hlc, op.hlc)
        state.changed_by = self.context.device_id
        state.dirty = True
        return True

    def _conflict(
        self, table: str, row_id: uuid.UUID, item: Conflict, base_version: int, server_version: int,
        station: uuid.UUID, op: Operation | None = None,
    ) -> uuid.UUID:  # fmt: skip
        """Record a conflict of ``station``'s: both values, who and when, open until an operation resolves it."""
        fields = {
            "table": table,
            "row_id": str(row_id),
            "kind": item.kind.value,
            "field": item.field,
            "base_version": base_version,
            "server_version": server_version,
            "server_value": item.server_value,
            "client_value": item.client_value,
            "client_device_id": str(self.context.device_id),
            "client_op_id": str(op.op_id) if op else None,
            "client_hlc": op.hlc if op else None,
            "status": "open",
            "created_at": now().isoformat(),
        }
        write = server_row(CONFLICT_TABLE, new_id(), station, fields)
        self.new_conflicts.append(write)
        return write.row_id

    def _claim_unique_values(self, op: Operation, state: _RowState, before: dict[str, Any]) -> list[uuid.UUID]:
        """Move the row's unique values to their new keys; a key another live row holds is a duplicate (F6)."""
        duplicates = []
        for name in SYNCED_TABLES[op.table].unique:
            old, new = before.get(name), None if state.deleted else state.fields.get(name)
            if old == new and not state.deleted:
                continue
            # A row of a case assigned here holds its values among its owner's rows: the owner sees the clash.
            owner = state.station_id
            if old is not None:
                self._unclaim((owner, op.table, name, old), op.row_id)
            if new is None:
                continue
            key = (owner, op.table, name, new)
            holders = self.holders.setdefault(key, set())
            others = sorted(holders - {op.row_id})
            if op.row_id not in holders:
                holders.add(op.row_id)
                self._undo.append((key, op.row_id, True))
            if others:
                item = Conflict(ConflictKind.DUPLICATE, name, server_value=str(others[0]), client_value=new)
                duplicates.append(self._conflict(op.table, op.row_id, item, state.version, state.version, owner))
        return duplicates

    def _unclaim(self, key: UniqueKey, row_id: uuid.UUID) -> None:
        holders = self.holders.get(key)
        if holders is not None and row_id in holders:
            holders.discard(row_id)
            self._undo.append((key, row_id, False))

    def _undo_unique_claims(self, length: int) -> None:
        while len(self._undo) > length:
            key, row_id, added = self._undo.pop()
            if added:
                self.holders[key].discard(row_id)
            else:
                self.holders[key].add(row_id)

    def _resolve(self, op: Operation) -> None:
        """Mark the conflicts ``op`` settles as resolved; they must be this station's, about this row."""
        for conflict_id in op.resolves:
            state = self.rows.get(conflict_id)
            if (
                state is None
                or state.table != CONFLICT_TABLE
                or state.station_id != self.context.station_id
                or state.fields.get("row_id") != str(op.row_id)
            ):
                raise Rejected("unknown_conflict", f"Conflict {conflict_id} is not a conflict about row {op.row_id}.")
            if state.fields.get("status") == "resolved":
                continue
            resolution = {"status": "resolved", "resolved_at": now().isoformat(), "resolved_by_op": str(op.op_id)}
            self._take(state, Merge(changes=resolution, deleted=False), op)
            state.sent_as_is = False  # the server wrote the resolution: the device has not seen it

    # --- writing the push's outcome ---------------------------------------------------------------------------

    def write(self) -> list[RowWrite]:
        """Write the changed rows, the new conflicts and the unique values; returns the rows' writes."""
        touched = [(row_id, state) for row_id, state in self.rows.items() if state.dirty]
        writes = [
            RowWrite(row_id, state.table, state.station_id, state.fields, state.field_versions, state.field_writers,
                     state.version, state.deleted, state.hlc, state.changed_by, is_new=not state.stored_before,
                     sent_as_is=state.sent_as_is)
            for row_id, state in touched
        ]  # fmt: skip
        write_rows(self.session, writes + self.new_conflicts)
        self._write_unique_values(touched)
        return writes

    def _write_unique_values(self, touched: Iterable[tuple[uuid.UUID, _RowState]]) -> None:
        """The lookup table's values of the rows whose unique values changed: most edits (a case's facts) change
        none, and leave them as they are."""
        rows = [
            (row_id, state, held)
            for row_id, state in touched
            if SYNCED_TABLES[state.table].unique and (held := state.unique_values()) != state.unique_before
        ]
        if not rows:
            return
        stored = [row_id for row_id, state, _ in rows if state.stored_before]  # a new row has no values stored yet
        if stored:
            self.connection.execute(delete(UniqueValue).where(among(self.session, UniqueValue.row_id, stored)))
        values = [
            {"row_id": row_id, "field_name": name, "station_id": state.station_id, "table_name": state.table,
             "value": value}
            for row_id, state, held in rows
            for name, value in held.items()
        ]  # fmt: skip
        insert_rows(self.connection, UniqueValue.__table__, values)


@dataclass(frozen=True)
class _Queries:
    """The reads of every push, built once per database (see among_parameter)."""

    rows: Select  # the rows a push touches, locked
    named_and_granted: Select  # the table and owner of rows, and whether they are granted to a station


@cache
def _queries(dialect: str) -> _Queries:
    columns = (
        SyncRow.row_id, SyncRow.table_name, SyncRow.station_id, SyncRow.fields, SyncRow.field_versions,
        SyncRow.field_writers, SyncRow.version, SyncRow.deleted, SyncRow.hlc,
    )  # fmt: skip
    touched = among_parameter(dialect, SyncRow.row_id, "row_ids")
    grant = and_(RowGrant.row_id == SyncRow.row_id, RowGrant.station_id == bindparam("station"))
    return _Queries(
        # Locked in key order, so two pushes touching the same rows cannot deadlock each other.
        rows=select(*columns).where(touched).order_by(SyncRow.row_id).with_for_update(),
        named_and_granted=select(SyncRow.row_id, SyncRow.table_name, SyncRow.station_id, RowGrant.row_id.is_not(None))
        .outerjoin(RowGrant, grant)
        .where(touched),
    )


# The holders of a station's unique values, the (table, field, value) keys given as three arrays of one length: one
# look-up of the whole key in the lookup index per value, whatever PostgreSQL's statistics say. With ``value =
# any(...)`` beside the other conditions it scanned every value of the station's field and filtered them whenever its
# statistics were older than the station's values (a new server, a station's first big pushes): 2.6 ms of
# PostgreSQL's time a push on average in the benchmark, whose stations reach 2,000 values, and growing with them.
# OFFSET 0 keeps the subquery a lateral one (PostgreSQL would otherwise make it a join, which its statistics may
# again plan as that scan).
_UNIQUE_HOLDERS_POSTGRESQL = text(
    "SELECT holder.row_id, wanted.table_name, wanted.field_name, wanted.value "
    "FROM unnest(CAST(:tables AS varchar[]), CAST(:names AS varchar[]), CAST(:values AS varchar[])) "
    "AS wanted(table_name, field_name, value) "
    "CROSS JOIN LATERAL (SELECT row_id FROM unique_value WHERE station_id = :station "
    "AND table_name = wanted.table_name AND field_name = wanted.field_name AND value = wanted.value OFFSET 0) AS holder"
)


@cache
def _unique_holders_query(dialect: str, fields: tuple[tuple[str, str], ...]) -> CompoundSelect:
    """The holders of a station's unique values of ``fields`` ((table, field) pairs), the values of each given as
    parameter ``values_N`` (SQLite; see _UNIQUE_HOLDERS_POSTGRESQL). One query per (table, field), each within its
    range of the lookup index: one condition over (table, field, value) tuples made the database read every unique
    value of the station."""
    columns = (UniqueValue.row_id, UniqueValue.table_name, UniqueValue.field_name, UniqueValue.value)
    return union_all(
        *(
            select(*columns).where(
                UniqueValue.station_id == bindparam("station"),
                UniqueValue.table_name == table,
                UniqueValue.field_name == name,
                among_parameter(dialect, UniqueValue.value, f"values_{n}"),
            )
            for n, (table, name) in enumerate(fields)
        )
    )


NEW_ROW_ID_VERSION = 7  # stations make UUIDv7 ids; the city's rows have ids derived from their keys (uuid5)


def _writable_rule(op: Operation) -> TableRule:
    """The rule of the table ``op`` writes to; rejects a table that does not sync or that only the city writes."""
    rule = SYNCED_TABLES.get(op.table)
    if rule is None:
        name = op.table if FIELD_NAME.fullmatch(op.table) else "(not a table name)"
        raise Rejected("unknown_table", f"Table {name} does not sync.", op_id=str(op.op_id))
    if rule.kind.city_owned:
        raise Rejected(
            "read_only_row", f"Rows of {op.table} are the city's: stations cannot create or change them.",
            op_id=str(op.op_id),
        )  # fmt: skip
    return rule


# A case assigned here, and the people, employers and projects it names, are shared but stay their owner's: the
# owner's other cases may name the same people. The assignee changes them, and deletes what is part of the case (a
# worker removed, a draft replaced) as the owner does; only the owner deletes these.
_OWNER_DELETES = frozenset({"case_file", "person", "employer", "project"})


def _administrator(fields: dict[str, Any], deleted: bool) -> bool:
    """An account enabled as administrator (station migration 0035's test)."""
    return (
        not deleted
        and fields.get("role") == "administrator"
        and fields.get("disabled_at") is None
        and fields.get("deleted_at") is None
    )


def _check_allowed(op: Operation, state: _RowState, context: PushContext, granted: bool) -> None:
    rule = SYNCED_TABLES[op.table]
    if state.table != op.table:
        raise Rejected("row_table_mismatch", f"Row {op.row_id} belongs to table {state.table!r}, not {op.table!r}.")
    if state.station_id is None:
        raise Rejected("read_only_row", f"Row {op.row_id} is the city's reference data; stations cannot change it.")
    if state.station_id != context.station_id and not granted:
        raise Rejected("foreign_row", f"Row {op.row_id} belongs to another station.")
    if state.version == 0:
        return
    if op.kind == "delete" and state.station_id != context.station_id and op.table in _OWNER_DELETES:
        raise Rejected("foreign_row", f"Row {op.row_id} is another station's: only that station can delete it.")
    fixed = sorted(
        name for name in rule.fixed_fields if name in op.fields and op.fields[name] != state.fields.get(name)
    )
    if fixed:
        raise Rejected(
            "field_fixed",
            f"{op.table}.{fixed[0]} of row {op.row_id} never changes once the row exists (the row it belongs to, or "
            "an account's login): delete the row and make a new one instead.",
            op_id=str(op.op_id),
            field=fixed[0],
        )
    changes_it = op.kind != "upsert" or any(state.fields.get(name) != value for name, value in op.fields.items())
    if rule.kind is TableKind.APPEND_ONLY and changes_it:
        raise Rejected("append_only", f"Rows of {op.table!r} are written once and never changed or deleted.")
    if rule.is_frozen(state.fields) and changes_it and not _only_allowed_changes(rule, op, state):
        raise Rejected("row_frozen", f"{op.table} {op.row_id} is in effect and can no longer change; amend it instead.")


def _references(op: Operation) -> Iterable[tuple[uuid.UUID, str]]:
    """(row id, field) of every row ``op``'s fields name; values that are no ids are the field check's to refuse."""
    rule = SYNCED_TABLES.get(op.table)
    if rule is None:
        return
    references = rule.reference_fields
    for name, value in op.fields.items():
        if name in references and FieldType.UUID.accepts(value):
            yield uuid.UUID(value), name


def _in_order(row_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """Ids in their order (UUID's own comparison, by the number, without a Python call per comparison)."""
    return sorted(row_ids, key=attrgetter("int"))


def _parent_id(table: str, fields: dict[str, Any]) -> uuid.UUID | None:
    name = SYNCED_TABLES[table].frozen_with
    if name is None:  # most tables
        return None
    value = fields.get(name)
    return uuid.UUID(value) if FieldType.UUID.accepts(value) else None


def _only_allowed_changes(rule: TableRule, op: Operation, state: _RowState) -> bool:
    return op.kind == "upsert" and all(
        rule.frozen_change_allowed(name, value) for name, value in op.fields.items() if state.fields.get(name) != value
    )


def _merge(op: Operation, state: _RowState, writer: str) -> Merge:
    if op.kind == "delete":
        return merge_delete(state.stored(), op.base_version, writer)
    if op.kind == "restore":  # a person chose to keep a row that was deleted elsewhere
        return Merge(changes=dict(op.fields), deleted=False)
    return merge_upsert(state.stored(), op.base_version, op.fields, writer)


def server_row(table: str, row_id: uuid.UUID, station_id: uuid.UUID | None, fields: dict[str, Any]) -> RowWrite:
    """A new row written by the server itself (a conflict record, reference data)."""
    return RowWrite(
        row_id=row_id,
        table_name=table,
        station_id=station_id,
        fields=fields,
        field_versions=dict.fromkeys(fields, 1),
        field_writers={},  # written by no device
        version=1,
        deleted=False,
        hlc=server_hlc(),
        changed_by=None,
        is_new=True,
    )
