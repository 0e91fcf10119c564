"""The station's side of the sync in SQL: the outbox as push batches, answers recorded, pulled pages applied.

Pulled rows are written with Core statements in a replica transaction (``Database.replica_transaction``), so they
never re-enter the outbox. A page, the versions it brings and the cursor after it are committed together: a kill
-9 keeps all of a page or none of it (F2). A pulled row never silently replaces local changes that have not reached
the server yet: those are laid on top again (rebase, sync.md 5) and pushed as they were recorded.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Column, Enum, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.orm import Session

from ..sync.hlc import MAX_AHEAD_MS, MAX_WALL_MS, Hlc
from ..sync.scope import bucket_of
from ..sync.tables import SYNCED_TABLES, TableKind
from . import outbox, search, settings, station_rows
from .batches import batches
from .models import (
    Base,
    CalendarDay,
    CalendarYear,
    Case,
    CaseClaimant,
    CaseRespondent,
    CityCertificate,
    OutboxOperation,
    QuarantinedRow,
    ReplicaVersion,
    RevokedCertificate,
    SyncConflict,
    SyncLogEntry,
    SyncRow,
)
from .types import BinaryUuid, DateAsDays, UtcDateTime, stored_days, stored_microseconds, utc_now

if TYPE_CHECKING:  # the protocol's messages (pydantic) load with a sync, not when the window starts
    from ..sync.schemas import Change, ClientTransaction, Operation, PushResponse

CURSOR_SETTING = "sync_cursor"
CLOCK_AHEAD_SETTING = "sync_clock_ahead_ms"  # the server's max_clock_ahead_ms
CONFLICT_TABLE = "sync_conflict"

# The station's syncable tables by their wire name.
MODELS: dict[str, type[SyncRow]] = {
    mapper.local_table.name: mapper.class_  # type: ignore[misc]
    for mapper in Base.registry.mappers
    if issubclass(mapper.class_, SyncRow)
}
TABLES: dict[str, Table] = {name: model.__table__ for name, model in MODELS.items()}  # type: ignore[misc]
# Acknowledged operations are kept this long, so that a server restored from a backup that old gets them again (F9).
ACKNOWLEDGED_KEPT = timedelta(days=30)


# --- the sync log -----------------------------------------------------------------------------------------------------


def log(session: Session, kind: str, /, **details: Any) -> None:
    """One line of the sync log; services.sync words it for people by its ``kind``."""
    session.add(SyncLogEntry(kind=kind, details=json.dumps(details, ensure_ascii=False, default=str)))


# --- push ---------------------------------------------------------------------------------------------------------


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(OutboxOperation.acknowledged.is_(False))) or 0


def pending_transactions(session: Session, max_ops: int, max_bytes: int) -> list[ClientTransaction]:
    """The oldest unacknowledged operations as client transactions, within the server's limits per push.

    A local transaction larger than one push (a roster of hundreds of workers) is sent as consecutive parts under
    its id: the server keys each by its first sequence number and applies each atomically and in order, so nothing
    is lost; only the all-or-nothing is per part.
    """
    from ..sync.schemas import ClientTransaction

    # Plain rows as SQLite holds them (ids as 16 bytes): a push reads up to a thousand, and the model checks every
    # value once anyway.
    rows = (
        session.connection()
        .exec_driver_sql(
            f"SELECT id, seq, tx_id, table_name, row_id, kind, base_version, fields, hlc, resolves "
            f"FROM {OutboxOperation.__tablename__} WHERE acknowledged = 0 ORDER BY seq LIMIT ?",
            (max_ops,),
        )
        .all()
    )
    batches: list[ClientTransaction] = []
    size = 1024  # the envelope
    current: list[Operation] = []
    current_tx: Any = None  # the local transaction id, as stored
    for row in rows:
        op = _operation(row)
        op_size = len(op.model_dump_json()) + 16
        if (batches or current) and size + op_size > max_bytes // 2:  # half: JSON escaping differs by encoder
            break
        if current and row.tx_id != current_tx:
            batches.append(ClientTransaction(tx_id=uuid.UUID(bytes=current_tx), ops=current))
            current = []
        current_tx = row.tx_id
        current.append(op)
        size += op_size
    if current:
        batches.append(ClientTransaction(tx_id=uuid.UUID(bytes=current_tx), ops=current))
    return batches


def _operation(row: Any) -> Operation:
    """An outbox row (OutboxOperation's columns) as the operation the wire carries."""
    from ..sync.schemas import Operation

    fields = json.loads(row.fields)
    return Operation(
        op_id=uuid.UUID(bytes=row.id),
        seq=row.seq,
        table=row.table_name,
        row_id=uuid.UUID(bytes=row.row_id),
        kind=row.kind,  # type: ignore[arg-type]
        base_version=row.base_version,
        fields={} if row.kind == "delete" else fields,
        hlc=row.hlc,
        resolves=[uuid.UUID(conflict) for conflict in json.loads(row.resolves)],
    )


def record_push(session: Session, answer: PushResponse) -> None:
    """Mark what the server answered for, and the versions it gave rows it now holds as this station wrote them;
    rejections go to the sync log for a person to read."""
    _record_own_versions(session, answer)
    table = OutboxOperation.__table__
    ranges = [{"first": result.first_seq, "last": result.last_seq} for result in answer.results]
    if ranges:  # one statement for all of them: a push answers for up to a thousand transactions
        acknowledged = update(table).where(table.c.seq.between(bindparam("first"), bindparam("last")))
        session.execute(acknowledged.values(acknowledged=True), ranges)
    for result in answer.results:
        if result.status == "rejected" and result.error is not None:
            tables = session.scalars(
                select(OutboxOperation.table_name).where(OutboxOperation.seq.between(result.first_seq, result.last_seq))
            ).all()
            log(session, "rejected", code=result.error.code, message=result.error.message, tables=sorted(set(tables)))


def _record_own_versions(session: Session, answer: PushResponse) -> None:
    """The server's version of each row this push wrote, when nobody else wrote it meanwhile: the server then holds
    the row as it stands here, so a server that does not send a device its own writes back leaves it current, and
    one that does costs a comparison. Nobody else wrote a row when each of its operations moved the version on by
    one from the version last known here (an operation that changed nothing leaves it); otherwise (a merge with
    another device's write, a conflict) the version is the one the pull brings with the row."""
    results = {op.op_id.bytes: op for result in answer.results if result.status == "applied" for op in result.ops}
    connection = session.connection()
    sent = []
    for chunk in batches(list(results)):  # plain rows, ids as stored: a push answers for up to a thousand
        sent += connection.exec_driver_sql(
            f"SELECT o.id, o.table_name, o.row_id, o.base_version, v.version FROM {OutboxOperation.__tablename__} o "
            f"LEFT JOIN {ReplicaVersion.__tablename__} v ON v.row_id = o.row_id "
            f"WHERE o.id IN ({', '.join('?' for _ in chunk)}) ORDER BY o.seq",
            tuple(chunk),
        ).all()
    versions: dict[bytes, int | None] = {}
    for op_id, table_name, row_id, base, pulled in sent:
        if table_name not in TABLES:
            continue  # a conflict's resolution: the server's own row, pulled as such
        expected = versions.get(row_id, max(base, pulled or 0))
        result = results[op_id]
        if expected is None:
            continue  # somebody else wrote the row meanwhile
        if result.status == "applied" and result.version == expected + 1:
            versions[row_id] = expected + 1
        elif result.status == "unchanged" and result.version == expected:
            versions[row_id] = expected
        else:
            versions[row_id] = None
    record_versions(session, {row_id: version for row_id, version in versions.items() if version is not None})


def requeue_from(session: Session, seq: int) -> None:
    """Send again, from ``seq`` on, operations the server acknowledged and has since lost (a restore, F9)."""
    session.execute(update(OutboxOperation).where(OutboxOperation.seq >= seq).values(acknowledged=False))


def forget_acknowledged_before(session: Session, seq: int) -> None:
    """The server has everything below ``seq``: acknowledged operations there older than ACKNOWLEDGED_KEPT go."""
    session.execute(
        delete(OutboxOperation).where(
            OutboxOperation.seq < seq,
            OutboxOperation.acknowledged.is_(True),
            OutboxOperation.created_at < utc_now() - ACKNOWLEDGED_KEPT,
        )
    )


def queue_rows(session: Session, row_ids: Collection[uuid.UUID] | None = None, *, unrecorded_only: bool = False) -> int:
    """Queue rows as they stand here, whole: every row, those in ``row_ids``, or (``unrecorded_only``) those no
    operation names. The server merges them against the version last pulled, so what it already has comes back
    "unchanged" and what it lost is written again. Returns how many were queued."""
    changes = [
        (name, row_id, kind, outbox.base_version(kind, pulled), fields)
        for name, row_id, kind, pulled, fields in rows_as_they_stand(session, row_ids, unrecorded_only=unrecorded_only)
    ]
    if changes:
        outbox.append(session, changes)
    return len(changes)


def rows_as_they_stand(
    session: Session, row_ids: Collection[uuid.UUID] | None = None, *, unrecorded_only: bool = False
) -> list[tuple[str, uuid.UUID, str, int | None, dict[str, Any]]]:
    """Rows here as the wire carries them (every row, those in ``row_ids``, or those no operation names): table,
    id, "upsert" or "delete", the version last pulled (None: never), and the synced fields."""
    found = []
    for name, model in MODELS.items():
        query = select(model)
        if row_ids is not None:
            query = query.where(model.id.in_(row_ids))
        if unrecorded_only:
            query = query.where(model.id.not_in(select(OutboxOperation.row_id)))
        versions = select(ReplicaVersion.row_id, ReplicaVersion.version).where(
            ReplicaVersion.row_id.in_(query.with_only_columns(model.id))
        )
        pulled = {row_id: version for row_id, version in session.execute(versions)}
        synced = outbox.synced_fields(model)
        for row in session.scalars(query):
            kind = "delete" if row.deleted_at is not None else "upsert"
            fields = {} if kind == "delete" else {field: outbox.wire_value(getattr(row, field)) for field in synced}
            found.append((name, row.id, kind, pulled.get(row.id), fields))
    return found


def unsent_operations(session: Session) -> list[dict[str, Any]]:
    """This device's changes the server has not acknowledged, in order, as the wire carries them: what a laptop
    that can no longer sync hands to another laptop of its station (services.handover)."""
    query = select(OutboxOperation).where(OutboxOperation.acknowledged.is_(False)).order_by(OutboxOperation.seq)
    return [
        {"table": op.table_name, "row_id": str(op.row_id), "kind": op.kind, "fields": json.loads(op.fields)}
        for op in session.scalars(query)
    ]


def take_handed_over(session: Session, operations: list[dict[str, Any]], station_id: uuid.UUID) -> Applied:
    """Another laptop's unsent changes (unsent_operations), laid on this laptop's rows and queued to be sent from
    here, as this laptop's own edits of the rows as it last pulled them. A row it never had is new here too. Each
    row is checked by the shared schema as a pulled row is: one it cannot store is kept aside, never written."""
    merged: dict[uuid.UUID, tuple[str, bool, dict[str, Any]]] = {}
    for operation in operations:
        row_id = uuid.UUID(operation["row_id"])
        table, _deleted, fields = merged.get(row_id, (operation["table"], False, {}))
        merged[row_id] = (table, operation["kind"] == "delete", {**fields, **operation["fields"]})
    from ..sync.schemas import Change  # the protocol's messages load with a sync, not when the window starts

    here = {row_id: (pulled, fields) for _name, row_id, _kind, pulled, fields in rows_as_they_stand(session, merged)}
    now = utc_now()
    changes = [
        Change(
            table=table,
            row_id=row_id,
            version=here.get(row_id, (None, {}))[0] or 0,
            deleted=deleted,
            fields={**here.get(row_id, (None, {}))[1], **fields},
            station_id=station_id,
            changed_at=now,
        )
        for row_id, (table, deleted, fields) in merged.items()
        if table in SYNCED_TABLES
    ]
    applied = apply_changes(session, changes)
    never_pulled = [row_id for row_id in merged if here.get(row_id, (None, {}))[0] is None]
    for chunk in batches(never_pulled):  # made on the other laptop and never sent: new on the server too
        session.execute(delete(ReplicaVersion).where(ReplicaVersion.row_id.in_(chunk)))
    queue_rows(session, [change.row_id for change in changes])
    return applied


def resend_everything(session: Session, seq: int) -> int:
    """The server lost operations this computer no longer keeps (a backup older than ACKNOWLEDGED_KEPT): send every
    row as it stands here instead, numbered from ``seq`` as the server expects. Unsent changes are in the rows."""
    session.execute(delete(OutboxOperation))
    settings.put(session, outbox.SEQUENCE_SETTING, str(seq - 1))
    queued = queue_rows(session)
    log(session, "resent", rows=queued)
    return queued


def forget_conflicts(session: Session) -> None:
    """Before reading a replaced server from the start: its conflicts come again with it; others are gone (F9)."""
    session.execute(delete(SyncConflict))


def receive_clock(session: Session, seen: Iterable[str]) -> None:
    """Keep this device's clock ahead of every time it has seen, however wrong the laptop's clock is (F7); but never
    take a time far ahead of the server's, which would carry this station's changes into the future with it."""
    if settings.get(session, outbox.CLOCK_SETTING) is None:
        return
    connection = session.connection()
    now_ms = outbox.server_now_ms(connection)
    ahead_ms = int(settings.get(session, CLOCK_AHEAD_SETTING) or MAX_AHEAD_MS)
    latest = _latest_clock(seen, now_ms, ahead_ms)
    if latest is not None:
        own = outbox.device_clock(connection)
        settings.put(session, outbox.CLOCK_SETTING, str(own.receive(latest, now_ms)))


def _latest_clock(seen: Iterable[str], now_ms: int, ahead_ms: int) -> Hlc | None:
    """The latest readable time in ``seen`` not too far ahead. A clock's text compares as the clock does (fixed
    widths, sync.hlc), so the texts are read from the largest down until one is taken: a page of a thousand rows
    costs one parse, not a thousand."""
    for text in sorted(set(seen), reverse=True):
        time = _readable_clock(text)
        if time is not None and not time.ahead_of(now_ms, ahead_ms):
            return time
    return None


def _readable_clock(text: str) -> Hlc | None:
    try:
        return Hlc.parse(text)
    except ValueError:
        return None


def bound_clock(session: Session, server_ms: int, ahead_ms: int, offset_ms: int) -> None:
    """After a handshake: stamp changes by the server's time from now on, and re-stamp the unsent changes the
    server would refuse as too far ahead (a laptop whose clock was set a year on, before its first sync).

    Only changes never accepted are re-stamped: the server refuses every time past ``server_ms + ahead_ms``, and its
    time has only moved on since, so a change stamped later than that was never accepted, and its repeat is no
    replay of anything.
    """
    settings.put(session, outbox.CLOCK_OFFSET_SETTING, str(offset_ms))
    settings.put(session, CLOCK_AHEAD_SETTING, str(ahead_ms))
    limit = server_ms + ahead_ms
    own = outbox.device_clock(session.connection())
    if own.wall_ms <= limit and not _clocks_past(session, limit):
        return  # the usual handshake: every waiting change's time is one the server takes
    table = OutboxOperation.__table__
    # Plain rows, not ORM objects: every handshake reads the clock of every operation waiting to be sent.
    waiting = session.execute(
        select(table.c.id, table.c.hlc).where(table.c.acknowledged.is_(False)).order_by(table.c.seq)
    ).all()
    clocks = [(op_id, _readable_clock(hlc)) for op_id, hlc in waiting]
    too_far = [op_id for op_id, time in clocks if time is None or time.wall_ms > limit]
    if not too_far and own.wall_ms <= limit:
        return
    clock = max([time for _op, time in clocks if time is not None and time.wall_ms <= limit], default=None)
    clock = Hlc(server_ms, 0, own.node) if clock is None else Hlc(clock.wall_ms, clock.counter, own.node)
    stamps = []
    for op_id in too_far:
        clock = clock.tick(server_ms)
        stamps.append({"op": op_id, "stamp": str(clock)})
    if stamps:
        session.execute(update(table).where(table.c.id == bindparam("op")).values(hlc=bindparam("stamp")), stamps)
    if own.wall_ms > limit or too_far:
        settings.put(session, outbox.CLOCK_SETTING, str(clock))


# A clock's text as sync.hlc writes it: 15 and 5 digits, then a node of 1-32 characters 0-9 and a-z.
_CLOCK_GLOB = "[0-9]" * 15 + "-" + "[0-9]" * 5 + "-?*"


def _clocks_past(session: Session, limit: int) -> bool:
    """Whether a waiting change has a time past ``limit`` or no readable time, asked of SQLite: a clock's text
    compares as the clock does (fixed widths), so no waiting change's clock is read into Python to tell."""
    row = (
        session.connection()
        .exec_driver_sql(
            f"SELECT 1 FROM {OutboxOperation.__tablename__} WHERE acknowledged = 0 AND NOT ("
            "hlc GLOB ? AND length(hlc) <= 54 AND substr(hlc, 23) NOT GLOB '*[^0-9a-z]*' AND substr(hlc, 1, 15) <= ?"
            ") LIMIT 1",
            (_CLOCK_GLOB, f"{min(limit, MAX_WALL_MS):015d}"),
        )
        .first()
    )
    return row is not None


def restart_sequence(session: Session) -> None:
    """A new device identity (enrolled again: a lost laptop found, a copied disk) numbers its operations from 1.

    What the old identity had acknowledged is the server's already; what it had not is renumbered, in order, so it
    is pushed under the new identity without a gap. The cursor goes too: the new identity reads its scope afresh.
    """
    table = OutboxOperation.__table__
    session.execute(delete(table).where(table.c.acknowledged.is_(True)))
    offset = (first_pending(session) or 1) - 1
    # Two steps: moving every number down at once could collide with a number not yet moved (seq is unique).
    session.execute(update(table).values(seq=-table.c.seq))
    session.execute(update(table).values(seq=-table.c.seq - offset))
    last = session.scalar(select(func.max(table.c.seq))) or 0
    settings.put(session, outbox.SEQUENCE_SETTING, str(last))
    settings.put(session, CURSOR_SETTING, None)


# Set when the database was replaced by a backup without the file it replaced (which would not open): the last
# sequence number the backup had given. The laptop may have sent more since; the next handshake tells.
RESTORED_AT_SETTING = "outbox_restored_at_seq"
# Set when a backup made under an earlier enrolment was put back: its operations were numbered for an identity the
# city no longer takes; at the next handshake every row is sent again under the present one (resend_everything).
RESEND_SETTING = "outbox_resend_after_restore"


def mark_restored(session: Session) -> None:
    """This database was just put back from a backup: the next handshake learns how far the computer had really sent
    (continue_after_restore)."""
    settings.put(session, RESTORED_AT_SETTING, str(outbox.last_sequence(session.connection())))


def continue_after_restore(session: Session, next_seq: int) -> None:
    """After a restore from a backup (RESTORED_AT_SETTING), the server's ``next_seq`` says how far this laptop had
    really sent. The server takes a device's operations only in order, so everything below it arrived: the backup's
    operations there are acknowledged, those typed since the restore are renumbered from ``next_seq`` (the numbers
    between were used by changes the backup missed), and the scope is read again to bring those changes back."""
    if settings.get(session, RESEND_SETTING):
        settings.put(session, RESEND_SETTING, None)
        resend_everything(session, next_seq)
        read_scope_again(session)
        return
    restored_at = settings.get(session, RESTORED_AT_SETTING)
    if restored_at is None:
        return
    settings.put(session, RESTORED_AT_SETTING, None)
    last_of_backup = int(restored_at)
    if next_seq <= last_of_backup + 1:
        return  # nothing was sent after the backup: its numbering goes on as it was
    table = OutboxOperation.__table__
    session.execute(update(table).where(table.c.seq <= last_of_backup).values(acknowledged=True))
    offset = next_seq - 1 - last_of_backup
    # Two steps, as in restart_sequence: seq is unique.
    session.execute(update(table).where(table.c.seq > last_of_backup).values(seq=-table.c.seq))
    session.execute(update(table).where(table.c.seq < 0).values(seq=-table.c.seq + offset))
    last = outbox.last_sequence(session.connection())
    settings.put(session, outbox.SEQUENCE_SETTING, str(last + offset))
    read_scope_again(session)


def read_scope_again(session: Session) -> None:
    """The next pull starts from the beginning of the feed. For a file put back from a backup: its cursor is older
    than what this computer sent since, and from an older cursor the server leaves out the rows it stored exactly
    as this computer sent them (sync-protocol.md 2.3), which the backup does not have."""
    settings.put(session, CURSOR_SETTING, None)
    log(session, "rebaselined")


def first_pending(session: Session) -> int | None:
    return session.scalar(select(func.min(OutboxOperation.seq)).where(OutboxOperation.acknowledged.is_(False)))


def highest_acknowledged(session: Session) -> int:
    return session.scalar(select(func.max(OutboxOperation.seq)).where(OutboxOperation.acknowledged.is_(True))) or 0


# --- pull ---------------------------------------------------------------------------------------------------------


# An agreement's shares, instalments and signatures are written before agreements: the station's triggers refuse
# them once their agreement is in effect, and a page may bring an agreement together with its last changes.
_BEFORE_AGREEMENTS = ("agreement_share", "agreement_instalment", "agreement_signature")


@dataclass
class Applied:
    """What became of a pulled page's rows."""

    stored: int = 0
    # The rows actually written: new, or with a stored value changed. A row pulled back as it is stored here (this
    # station's own push returning) is not among them, so nothing derived from it (deadlines) is computed again.
    written: list[Change] = field(default_factory=list)
    # The stored columns each written row that was here already changed (by row id); a row absent is new here. What
    # a pulled row can move (deadlines) is computed again only when it changed a column that moves it.
    changed_columns: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)
    quarantined: int = 0  # could not be stored here: kept aside with the reason (QuarantinedRow)
    calendar_changed: bool = False  # the official calendar changed: deadlines must be computed again
    trust_changed: bool = False  # the city's signing roots or revocations changed: the trust file is written again


def apply_page(session: Session, changes: list[Change], cursor: str) -> Applied:
    """Write a pulled page and the cursor after it, in the caller's (replica) transaction."""
    applied = apply_changes(session, changes)
    receive_clock(session, [change.hlc for change in changes if change.hlc])
    settings.put(session, CURSOR_SETTING, cursor)
    return applied


def repair_bucket(session: Session, bucket: int, changes: list[Change]) -> Applied:
    """Make one bucket of this station's copy what the server holds (F13): its rows are written again, and rows
    this computer has as pulled but the server does not know are queued to be sent again."""
    applied = apply_changes(session, changes)
    on_server = {change.row_id for change in changes}
    here = [row_id for (row_id,) in session.execute(select(ReplicaVersion.row_id)) if bucket_of(row_id) == bucket]
    unknown = [row_id for row_id in here if row_id not in on_server]
    if unknown:
        session.execute(delete(ReplicaVersion).where(ReplicaVersion.row_id.in_(unknown)))
        queue_rows(session, unknown)
    return applied


def apply_changes(session: Session, changes: list[Change]) -> Applied:
    """Write rows as the server holds them, with this device's unacknowledged changes on top.

    Rows are written table by table with one statement per batch, so a first sync of a large station runs at
    bulk-insert speed rather than at one round of queries per row. A row this computer cannot store (a value
    this version does not know, a required field missing, a rule of its database) never stops the page: it is
    quarantined with the reason, and the rest is written.
    """
    by_table: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        by_table[change.table].append(change)
    if "station" in by_table:
        station_rows.remember(session, [(change.row_id, change.station_id) for change in by_table["station"]])
    pending = _pending_fields(session, [change.row_id for change in changes])
    outcome = _Outcome()
    for name in sorted(by_table, key=lambda name: name not in _BEFORE_AGREEMENTS):
        table, rows = TABLES.get(name), by_table[name]
        if table is not None:
            _apply_rows(session, table, rows, pending, outcome)
        elif name in _ONE_BY_ONE:
            for change in rows:
                _apply_one(session, change, _ONE_BY_ONE[name], outcome)
        # Other city tables (document templates, wage clues) have no station screen yet: not stored.
    _record_versions(session, outcome)
    _release(session, outcome.stored)
    quarantine(session, outcome.refused)
    # The cases of the persons whose searchable text changed, and of every employer written (the cases keep its kind).
    parties = [
        change
        for change in outcome.written
        if change.table == "employer" or (change.table == "person" and change.row_id in outcome.searched)
    ]
    naming = _cases_of_parties(session, parties)
    _forget_first_employer_kinds(session, outcome.written, naming)
    searched_changes = [change for change in outcome.written if change.row_id in outcome.searched]
    touched_cases = {case_id for change in searched_changes for case_id in _cases_of(change)}
    touched_cases.update(*(naming[change.row_id] for change in parties if change.row_id in outcome.searched))
    search.reindex_cases(session, sorted(touched_cases))
    return Applied(
        stored=len(outcome.stored),
        written=outcome.written,
        changed_columns=outcome.changed_columns,
        quarantined=len(outcome.refused),
        calendar_changed=any(change.table in _CALENDAR_TABLES for change in outcome.stored),
        trust_changed=any(change.table in _TRUST_TABLES for change in outcome.stored),
    )


@dataclass
class _Outcome:
    stored: list[Change] = field(default_factory=list)
    written: list[Change] = field(default_factory=list)  # stored, and a value of the row changed here
    searched: set[uuid.UUID] = field(default_factory=set)  # written rows whose searchable text changed
    changed_columns: dict[uuid.UUID, frozenset[str]] = field(default_factory=dict)  # see Applied
    new: list[bytes] = field(default_factory=list)  # the ids (in stored form) of the rows inserted

    def written_rows(self, writes: list[_Write], searched: set[uuid.UUID]) -> None:
        changes = [write.change for write in writes]
        self.stored.extend(changes)
        self.written.extend(changes)
        self.searched |= searched
        self.changed_columns.update({write.change.row_id: frozenset(write.values) for write in writes if not write.new})
        self.new.extend(write.values["id"] for write in writes if write.new)

    refused: list[tuple[Change, str]] = field(default_factory=list)  # with the reason, in words without values


def _problem(change: Change, new_row: bool, fields: dict[str, Any] | None = None) -> str | None:
    """Why this computer cannot store ``change``'s row (or only ``fields`` of it) by the shared schema; None when
    it can.

    A field this version does not know is left out rather than refused: a newer program may have added it.
    """
    rule = SYNCED_TABLES[change.table]
    checked = change.fields if fields is None else fields
    problems = [p for p in rule.problems(checked, new_row=new_row) if p.code != "unknown_field"]
    return "; ".join(problem.message for problem in problems) or None


def _difference(
    table: Table, change: Change, fields: dict[str, Any], current: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """How the row's wire ``fields`` (the server's, local changes on top) differ from the stored row ``current``:
    the values to write, in stored form, and the server's fields to check by the shared schema first.

    Compared in stored form, so no stored value is parsed to a Python object and back. The feed carries rows whole,
    and a row often returns as it is stored (this station's own push): such a row has nothing to check or write.
    A value this version cannot read (a newer program's) is checked, and left as it is stored; a field it does not
    know is checked (and left out by _problem)."""
    storers = _storers(table)
    changed: dict[str, Any] = {}
    checked = [name for name in change.fields if name not in storers]
    for name, value in fields.items():
        store = storers.get(name)
        if store is None:
            continue
        stored = current[name]
        if value == stored and type(value) is type(stored):
            continue  # as stored, in the form stored (most values of a changed row): nothing to convert or check
        if value is not None and store is not _as_is:
            try:
                value = store(value)
            except ValueError:
                checked.append(name)
                continue
        if stored != value:
            changed[name] = value
        elif type(stored) is type(value):
            continue
        checked.append(name)  # another value, or the same in another type (1.0 for 1): the schema says if it fits
    return changed, {name: change.fields[name] for name in checked if name in change.fields}


def _database_problem(error: StatementError) -> str:
    """A database refusal in words (a constraint or trigger's own message; no values: see Database)."""
    return str(getattr(error, "orig", None) or type(error).__name__)[:300]


@dataclass
class _Write:
    """What a pulled row changes here: a new row's wire fields, or a stored row's changed values in stored form."""

    change: Change
    new: bool
    values: dict[str, Any]


def _apply_rows(
    session: Session, table: Table, changes: list[Change], pending: dict[uuid.UUID, list[dict]], outcome: _Outcome
) -> None:
    """Insert or update pulled rows of one table with local changes laid on top; rows pulled as they are stored
    here are stored without a write.

    All rows of the table are written under one savepoint; when the database refuses one of them (a rule the
    shared schema does not say, such as a trigger), they are written again one by one to keep all but that one.
    """
    existing = _stored_rows(session, table, [change.row_id for change in changes])
    # Append-only rows never change (their triggers refuse it): a repeat is this device's own row returning.
    append_only = SYNCED_TABLES[table.name].kind is TableKind.APPEND_ONLY
    fixed = SYNCED_TABLES[table.name].fixed_fields
    # The new rows checked together first (most of a first sync): one by one only when one of them has a problem.
    new_rows = [change.fields for change in changes if change.row_id.bytes not in existing]
    new_rows_fit = SYNCED_TABLES[table.name].rows_fit(new_rows, new_rows=True)
    writes = []
    for change in changes:
        fields = _fields(change, pending.get(change.row_id, []))
        current = existing.get(change.row_id.bytes)
        if current is None:
            problem = None if new_rows_fit else _problem(change, new_row=True)
            write = _Write(change, True, {"id": change.row_id.bytes, "version": 1, **fields})
        else:
            changed, checked = _difference(table, change, fields, current)
            problem = _problem(change, new_row=False, fields=checked) if checked else None
            if moved := fixed.intersection(changed):
                # Which case or agreement a row belongs to, or an account's login, never changes (the server
                # refuses it: field_fixed); one a server took before it did would take a signed agreement's
                # instalments, or another station's worker, away from here, or lock a person out of this laptop.
                problem = f"{table.name}.{min(moved)} is fixed once the row exists"
            write = _Write(change, False, {} if append_only else changed)
        if problem:
            outcome.refused.append((change, problem))
        elif write.new or write.values:
            writes.append(write)
        else:
            outcome.stored.append(change)
    try:
        with session.begin_nested():
            searched = _write_rows(session, table, writes)
        outcome.written_rows(writes, searched)
        return
    except StatementError as error:
        if isinstance(error, OperationalError):
            raise  # a full disk or a locked file is no fault of the rows
    for write in writes:
        try:
            with session.begin_nested():
                searched = _write_rows(session, table, [write])
        except StatementError as error:
            if isinstance(error, OperationalError):
                raise
            outcome.refused.append((write.change, _database_problem(error)))
        else:
            outcome.written_rows([write], searched)


# The columns whose change alters a case's searchable text (storage.search.body_text reads them); a pulled change of
# other columns only (a status, a date) leaves the search indexes as they are.
_SEARCHED = {
    "case_file": frozenset({"number", "facts", "project_id", "deleted_at"}),
    "case_claimant": frozenset({"case_id", "person_id", "position", "deleted_at"}),
    "case_respondent": frozenset({"case_id", "employer_id", "position", "deleted_at"}),
    "person": frozenset({"name", "id_number", "phone"}),
    "employer": frozenset({"name", "credit_code", "id_number"}),
}


def _stored_rows(session: Session, table: Table, row_ids: list[uuid.UUID]) -> dict[bytes, dict[str, Any]]:
    """The rows of ``table`` with these ids as SQLite stores them, by id in stored form (16 bytes): compared
    with pulled values in that same form, so no value is parsed to a Python object and back."""
    names = ["id", *_storers(table)]
    columns = ", ".join(f'"{name}"' for name in names)
    found: dict[bytes, dict[str, Any]] = {}
    for chunk in batches([row_id.bytes for row_id in row_ids]):
        marks = ", ".join("?" for _ in chunk)
        rows = session.connection().exec_driver_sql(
            f'SELECT {columns} FROM "{table.name}" WHERE id IN ({marks})', tuple(chunk)
        )
        found.update({row[0]: dict(zip(names, row, strict=True)) for row in rows})
    return found


def _write_rows(session: Session, table: Table, writes: list[_Write]) -> set[uuid.UUID]:
    """New rows inserted, changed ones updated with one statement per set of changed columns; returns the rows whose
    searchable text changed."""
    searched_columns = _SEARCHED.get(table.name, frozenset())
    inserts: list[dict[str, Any]] = []
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
    searched: set[uuid.UUID] = set()
    for write in writes:
        if write.new:
            inserts.append(write.values)
            searched.add(write.change.row_id)
            continue
        # The server's update time is written only when it sent one: updated_at's onupdate would stamp this clock.
        updates[tuple(write.values)].append((*write.values.values(), write.change.row_id.bytes))
        if searched_columns.intersection(write.values):
            searched.add(write.change.row_id)
    _insert(session, table, inserts)
    for names, parameters in updates.items():
        assignments = ", ".join(f'"{name}" = ?' for name in names)
        session.connection().exec_driver_sql(
            f'UPDATE "{table.name}" SET {assignments}, version = version + 1 WHERE id = ?', parameters
        )
    return searched


def scope_rows(session: Session) -> Iterable[tuple[uuid.UUID, int]]:
    """(row id, version pulled) of every row this station holds from the server: its side of the F13 check.

    Read from the tables themselves, joined with the versions, so a row lost from a table shows as a difference.
    """
    versions = ReplicaVersion.__table__
    for table in TABLES.values():
        query = select(table.c.id, versions.c.version).join(versions, versions.c.row_id == table.c.id)
        yield from session.execute(query)


def _pending_fields(session: Session, row_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[dict]]:
    """The fields of local changes not yet acknowledged by the server, per row, oldest first."""
    found: dict[uuid.UUID, list[dict]] = defaultdict(list)
    if not pending_count(session):  # the usual case in a first sync: nothing to look up row by row
        return found
    for chunk in batches(row_ids):
        rows = session.execute(
            select(OutboxOperation.row_id, OutboxOperation.fields)
            .where(OutboxOperation.row_id.in_(chunk), OutboxOperation.acknowledged.is_(False))
            .order_by(OutboxOperation.seq)
        )
        for row_id, fields in rows:
            found[row_id].append(json.loads(fields))
    return found


def _fields(change: Change, pending: list[dict]) -> dict[str, Any]:
    """The row's wire fields: the server's, with this device's unacknowledged changes on top (rebase)."""
    fields = dict(change.fields)
    fields["deleted_at"] = (fields.get("deleted_at") or change.changed_at.isoformat()) if change.deleted else None
    for local in pending:  # this device's own changes still win here until the server has answered for them
        fields.update(local)
    return fields


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert new rows given as wire fields, with plain parameters in the form SQLAlchemy's types store them.

    Past SQLAlchemy's per-row parameter processing, which cost a first sync of 100,000 rows a fifth of its time;
    each wire value is turned straight into what SQLite stores (see _storers), and a column a row leaves out gets
    the model's default, as an ORM insert would.
    """
    if not rows:
        return
    storers, defaults = _storers(table), _stored_defaults(table, session.get_bind().dialect)
    names = ["id", "version", *storers]
    parameters = []
    for row in rows:
        values = [row["id"], 1]
        for name, store in storers.items():
            value = row.get(name, _MISSING)
            if value is not _MISSING and value is not None:
                if store is _as_is:  # text and numbers, most values of a first sync: no call
                    values.append(value)
                    continue
                try:
                    values.append(store(value))
                    continue
                except ValueError:
                    value = _MISSING  # unreadable here (a newer program's value): left to its default, as from_wire
            values.append(defaults[name]() if value is _MISSING and name in defaults else None)
        parameters.append(tuple(values))
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    session.connection().exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', parameters)


_MISSING = object()


@functools.cache
def _storers(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Per column, how a wire value becomes what SQLAlchemy's column type stores in SQLite (tests compare both)."""
    return {name: _storer(column) for name, column in _columns(table).items()}


def _storer(column: Column) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, BinaryUuid):
        return _uuid_bytes
    if isinstance(kind, UtcDateTime):
        return _utc_microseconds
    if isinstance(kind, DateAsDays):
        return lambda value: stored_days(date.fromisoformat(value))
    if isinstance(kind, Enum) and kind.enum_class is not None:
        enum_class = kind.enum_class
        return lambda value: enum_class(value).value
    if isinstance(kind, Boolean):
        return lambda value: 1 if value else 0
    return _as_is


def _uuid_bytes(value: str) -> bytes:
    # The server checked the form of every id it stored; bytes.fromhex takes a seventh of uuid.UUID's time, and a
    # first sync stores hundreds of thousands of ids.
    stored = bytes.fromhex(value.replace("-", ""))
    if len(stored) != 16:
        raise ValueError("not a UUID")
    return stored


def _utc_microseconds(value: str) -> int:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return stored_microseconds(moment)


@functools.cache
def _stored_defaults(table: Table, dialect: Any) -> dict[str, Callable[[], Any]]:
    """Per column with a default, the stored form of a fresh default value, so that an insert past the ORM fills
    what an ORM insert would (a reference row from the city carries no creation time, for one)."""
    defaults = {}
    for name, column in _columns(table).items():
        if column.default is not None:
            defaults[name] = functools.partial(_stored_default, column, column.type.bind_processor(dialect))
    return defaults


def _stored_default(column: Column, process: Callable[[Any], Any] | None) -> Any:
    default = column.default
    value = default.arg(None) if default.is_callable else default.arg  # a callable default takes a context
    return process(value) if process else value


@functools.cache
def _columns(table: Table) -> dict[str, Column]:
    """The columns a pulled row's fields may fill (a field this version does not know is left out)."""
    return {column.name: column for column in table.columns if column.name not in outbox.PROTOCOL_COLUMNS}


UNREADABLE = object()  # what from_wire gives for a value this version cannot read


def from_wire(column: Column, value: Any) -> Any:
    """A wire value (text, integer, boolean, null) as the column's Python value."""
    if value is None:
        return None
    try:
        return _parser(column)(value)
    except ValueError:
        # A value a newer program version made (a new status, say): kept as it is here rather than failing the
        # page, which would stop this station's sync for good.
        return UNREADABLE


@functools.cache
def _parser(column: Column) -> Callable[[Any], Any]:
    """How to read a column's wire values; looked up once per column, as a first sync reads millions of values."""
    kind = column.type
    if isinstance(kind, BinaryUuid):
        return uuid.UUID
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat
    if isinstance(kind, DateAsDays):
        return date.fromisoformat
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class
    return _as_is


def _as_is(value: Any) -> Any:
    return value


def _record_versions(session: Session, outcome: _Outcome) -> None:
    # Plain parameters, past SQLAlchemy's per-row processing: a first sync records a version for every row. An id
    # is stored as BinaryUuid stores it, 16 bytes.
    versions = {change.row_id.bytes: change.version for change in outcome.stored if change.table in TABLES}
    # A row new here has no recorded version worth looking up (every row of a first sync): written as it came.
    fresh = {row_id: versions.pop(row_id) for row_id in outcome.new if row_id in versions}
    record_versions(session, versions, fresh)


def record_versions(session: Session, versions: dict[bytes, int], fresh: Mapping[bytes, int] | None = None) -> None:
    """Record the server's version of rows (by id in stored form); a version already recorded is not written again
    (this station's own push returning, whose versions the push's answer recorded). ``fresh``: versions of rows new
    on this computer, written without looking."""
    connection = session.connection()
    for chunk in batches(list(versions)):
        marks = ", ".join("?" for _ in chunk)
        known = connection.exec_driver_sql(
            f"SELECT row_id, version FROM replica_version WHERE row_id IN ({marks})", tuple(chunk)
        )
        for row_id, version in known:
            if versions[row_id] == version:
                del versions[row_id]
    written = [*versions.items(), *(fresh or {}).items()]
    if written:
        connection.exec_driver_sql("INSERT OR REPLACE INTO replica_version (row_id, version) VALUES (?, ?)", written)


def _apply_conflict(session: Session, change: Change) -> None:
    fields = change.fields
    conflict = session.get(SyncConflict, change.row_id)
    status = str(fields.get("status", "open"))
    if conflict is None:
        session.add(
            SyncConflict(
                id=change.row_id,
                table_name=str(fields.get("table")),
                row_id=uuid.UUID(str(fields.get("row_id"))),
                kind=str(fields.get("kind")),
                field=fields.get("field"),
                server_value=json.dumps(fields.get("server_value"), ensure_ascii=False),
                client_value=json.dumps(fields.get("client_value"), ensure_ascii=False),
                client_device_id=fields.get("client_device_id"),
                client_hlc=fields.get("client_hlc"),
                server_changed_at=change.changed_at,
                status=status,
                created_at=datetime.fromisoformat(fields["created_at"])
                if fields.get("created_at")
                else change.changed_at,
            )
        )
        log(session, "conflict", table=fields.get("table"), field=fields.get("field"), kind=fields.get("kind"))
    elif status == "resolved" or conflict.status != "resolving":
        # A choice made here and not yet pushed stays chosen until the server confirms it.
        conflict.status = status


def _apply_calendar_day(session: Session, change: Change) -> None:
    table = CalendarDay.__table__
    day = date.fromisoformat(change.fields["day"])
    session.execute(delete(table).where(table.c.day == day))
    if not change.deleted:
        values = {"day": day, "kind": change.fields["kind"], "source": change.fields["source"]}
        session.execute(insert(table).values(**values))


def _apply_calendar_year(session: Session, change: Change) -> None:
    table = CalendarYear.__table__
    year = change.fields["year"]
    session.execute(delete(table).where(table.c.year == year))
    if not change.deleted:
        values = {"year": year, "complete": change.fields["complete"], "source": change.fields["source"]}
        session.execute(insert(table).values(**values))


def _apply_city_certificate(session: Session, change: Change) -> None:
    keep_city_root(session, change.fields["sha256"], change.fields["pem"], deleted=change.deleted)


def keep_city_root(session: Session, sha256: str, pem: str, *, deleted: bool = False) -> None:
    """A root of the city's signing authority, as pulled or as the enrolment answer brought it."""
    table = CityCertificate.__table__
    session.execute(delete(table).where(table.c.sha256 == sha256))
    if not deleted:
        session.execute(insert(table).values(sha256=sha256, pem=pem))


def _apply_revoked_certificate(session: Session, change: Change) -> None:
    table = RevokedCertificate.__table__
    serial = change.fields["serial"]
    session.execute(delete(table).where(table.c.serial == serial))
    if not change.deleted:
        revoked_at = datetime.fromisoformat(change.fields["revoked_at"]).astimezone(UTC)
        session.execute(insert(table).values(serial=serial, revoked_at=revoked_at))


# Rows of the server's own tables and the city's reference tables, which the station keeps in tables of its own shape.
_ONE_BY_ONE: dict[str, Callable[[Session, Change], None]] = {
    CONFLICT_TABLE: _apply_conflict,
    "calendar_day": _apply_calendar_day,
    "calendar_year": _apply_calendar_year,
    "city_certificate": _apply_city_certificate,
    "revoked_certificate": _apply_revoked_certificate,
}
_CALENDAR_TABLES = ("calendar_day", "calendar_year")
_TRUST_TABLES = ("city_certificate", "revoked_certificate")


def _apply_one(session: Session, change: Change, write: Callable[[Session, Change], None], outcome: _Outcome) -> None:
    problem = _problem(change, new_row=True)  # these rows always arrive whole
    if problem is None:
        try:
            with session.begin_nested():
                write(session, change)
        except StatementError as error:
            if isinstance(error, OperationalError):
                raise
            problem = _database_problem(error)
    if problem:
        outcome.refused.append((change, problem))
    else:
        outcome.stored.append(change)
        outcome.written.append(change)  # these tables are written whole every time (a few rows a year)


# --- rows that could not be stored ------------------------------------------------------------------------------


def quarantine(session: Session, refused: list[tuple[Change, str]]) -> None:
    """Keep rows this computer could not store as they came, with the reason, one entry per row (the newest).
    Rows newly kept aside (not those tried again) get a line in the sync log for a person to read."""
    if not refused:
        return
    table = QuarantinedRow.__table__
    known = dict(
        session.execute(
            select(table.c.row_id, table.c.version).where(table.c.row_id.in_([change.row_id for change, _ in refused]))
        ).all()
    )
    for change, reason in refused:
        session.execute(delete(table).where(table.c.row_id == change.row_id))
        session.execute(
            insert(table).values(
                row_id=change.row_id,
                table_name=change.table,
                version=change.version,
                change=change.model_dump_json(),
                reason=reason[:300],
                received_at=utc_now(),
            )
        )
    new = [change for change, _ in refused if known.get(change.row_id) != change.version]
    if new:
        log(session, "quarantined", rows=len(new), tables=sorted({change.table for change in new}))


def _release(session: Session, stored: list[Change]) -> None:
    """Rows stored now that were kept aside before leave the quarantine."""
    if not stored or session.scalar(select(QuarantinedRow.row_id).limit(1)) is None:
        return
    for chunk in batches([change.row_id for change in stored]):
        session.execute(delete(QuarantinedRow).where(QuarantinedRow.row_id.in_(chunk)))


def quarantined_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(QuarantinedRow)) or 0


def retry_quarantined(session: Session) -> Applied:
    """Try again to store the rows kept aside (a newer program, or a row that arrived since, may make them fit);
    an entry no newer than what this computer has stored since is dropped."""
    from ..sync.schemas import Change

    entries = session.scalars(select(QuarantinedRow)).all()
    if not entries:
        return Applied()
    stored = select(ReplicaVersion.row_id, ReplicaVersion.version).where(
        ReplicaVersion.row_id.in_([entry.row_id for entry in entries])
    )
    versions = {row_id: version for row_id, version in session.execute(stored)}
    outdated = [entry.row_id for entry in entries if entry.version <= versions.get(entry.row_id, 0)]
    if outdated:
        session.execute(delete(QuarantinedRow).where(QuarantinedRow.row_id.in_(outdated)))
    retry = [Change.model_validate_json(entry.change) for entry in entries if entry.row_id not in set(outdated)]
    return apply_changes(session, retry)


def _cases_of(change: Change) -> set[uuid.UUID]:
    if change.table == "case_file":
        return {change.row_id}
    case_id = change.fields.get("case_id") if change.table in ("case_claimant", "case_respondent") else None
    return {uuid.UUID(case_id)} if isinstance(case_id, str) else set()


def _forget_first_employer_kinds(
    session: Session, stored: list[Change], naming: Mapping[uuid.UUID, set[uuid.UUID]]
) -> None:
    """A case keeps its first respondent's kind for the returns (Case.first_employer_kind, on this computer only);
    a pulled respondent or employer may have changed it: forget it there, and the returns look it up again.
    ``naming``: the cases of the stored persons and employers (_cases_of_parties)."""
    respondents = [change for change in stored if change.table == "case_respondent"]
    cases = {case_id for change in respondents for case_id in _cases_of(change)}
    cases.update(*(naming.get(change.row_id, ()) for change in stored if change.table == "employer"))
    columns = Case.__table__.c
    for chunk in batches(sorted(cases)):
        session.execute(
            update(Case.__table__)
            .where(columns.id.in_(chunk), columns.first_employer_kind.is_not(None))
            # updated_at set to itself: this computer's own note is no change of the case (its onupdate would be)
            .values(first_employer_kind=None, updated_at=columns.updated_at)
        )


def _cases_of_parties(session: Session, changes: list[Change]) -> dict[uuid.UUID, set[uuid.UUID]]:
    """The cases that name each changed person (as a claimant) and employer (as a respondent), by the party's id:
    their searchable text and their first respondent's kind are the party's. One look-up per kind of party."""
    naming: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for kind, party, case in (
        ("person", CaseClaimant.person_id, CaseClaimant.case_id),
        ("employer", CaseRespondent.employer_id, CaseRespondent.case_id),
    ):
        for chunk in batches([change.row_id for change in changes if change.table == kind]):
            for party_id, case_id in session.execute(select(party, case).where(party.in_(chunk))):
                naming[party_id].add(case_id)
    return naming
