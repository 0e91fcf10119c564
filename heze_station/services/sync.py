"""Syncing this station with the city server: enrolment, a sync run, its status and log, and settling conflicts.

The engine (station_sync.engine) knows the protocol; ``sync_replica.StationReplica`` gives it this station's data, each
step in its own short transaction so the GUI's own writes never wait long. The window loads this module when it
first reads the status, after the workbench has shown its data (its state and problems are in sync_state, which the
window's indicator imports); the network client, the engine and the protocol's messages load with the first sync.
Everything a coordinator reads comes out of here as a Message, worded for people, never as a protocol code.
"""

import json
import logging
import os
import threading
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ..domain.audit import AuditAction
from ..domain.cases import CaseEvent
from ..domain.errors import DomainError, refusal
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.text import as_registered, clean_line
from ..station_sync.failures import FailureReason, SyncFailure
from ..station_sync.progress import ProgressCallback, SyncReport
from ..storage import disk, outbox, replica, settings, station_rows
from ..storage.models import (
    Case,
    ReplicaVersion,
    Station,
    SyncConflict,
    SyncLogEntry,
    SyncRow,
)
from ..storage.types import utc_now
from ..sync.fields import MAX_TEXT_CHARS
from ..sync.hlc import Hlc
from . import accounts, audit, conflict_rules, timeline, trust
from .access import ADMINISTRATION, CASEWORK, requires
from .audit import Actor
from .revocation import DEVICE_ID, REVOKED_DEVICE
from .station import StationContext
from .sync_state import SyncProblem, SyncState, SyncStatus, failure_message

SERVER_URL = "sync_server_url"
PLAIN_HTTP_TRUSTED = "sync_plain_http_trusted"  # an administrator allowed an http:// address (a closed city network)
TRUSTED_CERTIFICATES = "sync_trusted_certificates"  # PEM: the city's own authority or the server's certificate
DEVICE_SECRET = "sync_device_secret"
DEVICE_NAME = "sync_device_name"
STATION_NAME = "sync_station_name"
SERVER_ID = "sync_server_id"
LAST_SUCCESS = "sync_last_success_at"
BASELINE_DONE = "sync_baseline_done"
LAST_SCOPE_CHECK = "sync_last_scope_check"
SCOPE_CHECK_EVERY = timedelta(hours=24)  # the check reads the station's whole scope on the server
LAST_FAILURE = "sync_last_failure"  # the FailureReason of the last run, cleared by a successful one
MEDIA_PDF = "application/pdf"
SIGNING_CERTIFICATE = "signing_certificate"  # a field of the station row known to the server only

if TYPE_CHECKING:  # the network client loads with the first sync, not when the window starts
    from ..documents.signing import StationKey
    from ..station_sync.client import ServerClient
    from ..sync.schemas import EnrolResponse

log = logging.getLogger(__name__)

# One sync at a time per station: the timer, "sync now" and a returning network may all ask at once.
_RUNNING = threading.Lock()


@contextmanager
def paused() -> Iterator[None]:
    """No sync runs while this is held (waits for one under way): a restore replaces the database under it."""
    with _RUNNING:
        yield


# --- enrolment ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    station_name: str
    device_name: str


@dataclass(frozen=True, repr=False)
class PendingEnrolment:
    """What the city answered to a code for another station than this computer's, held in memory (never written)
    until the administrator says this computer does join it (``complete_enrolment``)."""

    server_url: str
    device_name: str
    plain_http_trusted: bool
    trusted_pem: str | None
    answer: "EnrolResponse"


class OtherStation(DomainError):
    """The code joins a station by another name than this computer's: nothing is kept or sent until confirmed, for
    a code mixed up by the bureau would hand this station's cases and accounts to another station for good."""

    def __init__(self, pending: PendingEnrolment, here: str):
        super().__init__(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "This code joins station “{joined}”, but this computer was set up as station “{here}”. Joining "
                    "sends this computer's cases and accounts to “{joined}”.",
                ),
                {"joined": pending.answer.station_name or "", "here": here},
            )
        )
        self.pending = pending
        self.joined = pending.answer.station_name or ""
        self.here = here


@requires(ADMINISTRATION)
def enrol(
    context: StationContext,
    server_url: str,
    code: str,
    device_name: str,
    *,
    plain_http_trusted: bool = False,
    certificate: Path | None = None,
) -> Enrolment:
    """Exchange a one-time code for this computer's credentials, and queue what was typed before for the server.

    The address must be https (an address typed without a scheme is), unless it is this computer or an
    administrator marks it as a trusted local network (``plain_http_trusted``). ``certificate``: a PEM file with
    the city's own certificate authority, or the server's certificate, to trust instead of the system's. A code for
    a station by another name raises OtherStation, with nothing kept: ``complete_enrolment`` then joins it.
    """
    # Loaded when first needed, as the network libraries are.
    from ..station_sync.addresses import is_address, normalise_url

    url = normalise_url(clean_line(server_url, field="server_url", max_length=200, required=True, printed=False))
    if not is_address(url):
        raise refusal(
            "server_url",
            QT_TRANSLATE_NOOP(
                "Domain", "This is not a server address: type it as the city bureau gave it, e.g. 10.37.17.2:8000."
            ),
        )
    code = clean_line(code, field="code", max_length=64, required=True, printed=False)
    device_name = clean_line(device_name, field="device_name", max_length=100, printed=False) or context.station_name
    trusted_pem = _certificates(certificate) if certificate else None
    client = _client(url, plain_http_trusted, trusted_pem)
    signing_key = _signing_key(context)
    try:
        answer = client.enrol(code, device_name, signing_key.signing_request())
    except SyncFailure as failure:
        raise SyncProblem(failure.reason, failure.detail) from failure
    finally:
        client.close()
    pending = PendingEnrolment(url, device_name, plain_http_trusted, trusted_pem, answer)
    if answer.station_name and as_registered(answer.station_name) != as_registered(context.station_name):
        raise OtherStation(pending, context.station_name)
    return complete_enrolment(context, pending)


@requires(ADMINISTRATION)
def complete_enrolment(context: StationContext, pending: PendingEnrolment) -> Enrolment:
    """Keep the credentials the city gave, take its name for the station, and queue what was typed before."""
    url, device_name, answer = pending.server_url, pending.device_name, pending.answer
    signing_key = _signing_key(context)
    with context.database.transaction() as session:
        if settings.get(session, DEVICE_ID) is not None:
            replica.restart_sequence(session)  # enrolled before: the new identity starts its numbering at 1
        for key, value in (
            (SERVER_URL, url),
            (DEVICE_ID, str(answer.device_id)),
            (DEVICE_SECRET, answer.device_secret),
            (DEVICE_NAME, device_name),
            (STATION_NAME, answer.station_name or ""),
            (LAST_FAILURE, None),
            (PLAIN_HTTP_TRUSTED, "1" if pending.plain_http_trusted else None),
            (TRUSTED_CERTIFICATES, pending.trusted_pem),
        ):
            settings.put(session, key, value)
        _take_station_name(session, context, answer.station_name)
        queued = _queue_baseline(session)
        _register_signing_certificate(session, context)
        if answer.signing_certificate and answer.city_root:
            kept = signing_key.take_city_certificate(answer.signing_certificate, answer.city_root)
            replica.log(session, "city_certificate" if kept else "city_certificate_refused")
            if kept:  # trusted at once, as the first pull will confirm (reference table city_certificate)
                replica.keep_city_root(session, _fingerprint(answer.city_root), answer.city_root)
        replica.log(session, "enrolled", server=url, station=answer.station_name, baseline=queued)
        audit.append(session, Actor.of(context), AuditAction.ENROLLED, url, device=device_name)
    trust.write_file(context)
    return Enrolment(url, answer.station_name or "", device_name)


# This computer's enrolment with the city: a restore keeps it as it is now, not as the backup had it.
_ENROLMENT = (
    SERVER_URL,
    PLAIN_HTTP_TRUSTED,
    TRUSTED_CERTIFICATES,
    DEVICE_ID,
    DEVICE_SECRET,
    DEVICE_NAME,
    STATION_NAME,
    SERVER_ID,
    REVOKED_DEVICE,
    station_rows.CITY_STATION_SETTING,
    station_rows.STATION_ROWS_SETTING,
)


def carry_enrolment(current: Session, restored: Session) -> bool:
    """The enrolment of ``current`` into ``restored`` (a backup being put back): a backup made before the laptop was
    enrolled again holds credentials the city revoked. Returns whether the identity changed since the backup."""
    changed = settings.get(current, DEVICE_ID) != settings.get(restored, DEVICE_ID)
    for key in _ENROLMENT:
        settings.put(restored, key, settings.get(current, key))
    return changed


def _fingerprint(pem: str) -> str:
    """A certificate's SHA-256 fingerprint (hex), as the city names its root."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    return x509.load_pem_x509_certificate(pem.encode("ascii")).fingerprint(hashes.SHA256()).hex()


def _certificates(path: Path) -> str:
    """The PEM text of a certificate file the administrator chose; refused with a message when it is none."""
    import ssl

    from ..station_sync.client import trust_anchors

    not_one = refusal(
        "certificate",
        QT_TRANSLATE_NOOP(
            "Domain", "This file is not a certificate. Choose the .pem or .crt file the city bureau gave you."
        ),
    )
    try:
        text = path.read_text(encoding="ascii")
        trust_anchors(text)
    except (OSError, UnicodeDecodeError, ValueError, ssl.SSLError) as error:
        raise not_one from error
    return text


def _client(url: str, plain_http_trusted: bool, trusted_pem: str | None) -> "ServerClient":
    """A client for ``url``; refuses an unencrypted address no administrator marked as trusted (nothing is sent)."""
    from ..station_sync.addresses import unencrypted
    from ..station_sync.client import ServerClient  # the network libraries: loaded when first needed

    if unencrypted(url) and not plain_http_trusted:
        raise SyncProblem(FailureReason.UNENCRYPTED)
    return ServerClient(url, trusted_pem=trusted_pem)


def _take_station_name(session: Session, context: StationContext, name: str | None) -> None:
    """The station this computer joined is the one it works for: its documents carry the name the city registered
    (a new installation is called 菏谐驿站 until then)."""
    if name and name != context.station_name:
        session.get_one(Station, context.station_id).name = name
        context.station_name = name


def _queue_baseline(session: Session) -> int:
    """Rows written before this program kept an outbox (revision 0005) have no operation: queue them once, now."""
    if settings.get(session, BASELINE_DONE):
        return 0
    settings.put(session, BASELINE_DONE, "1")
    return replica.queue_rows(session, unrecorded_only=True)


def _signing_key(context: StationContext) -> "StationKey":
    """The key this laptop signs documents with; the city's authority certifies it at enrolment, if it has one."""
    from ..documents.signing import station_key  # pyHanko and friends: loaded only when enrolling

    return station_key(context.data_dir, context.station_name, context.signing_passphrase)


def _register_signing_certificate(session: Session, context: StationContext) -> None:
    """Send the station's signing certificate with its station row, so the city can check its signed documents.

    Protocol 1 servers issue no station certificates, so the station keeps the key it made for signing documents
    (documents.signing) and registers its certificate; the server stores the field with the row.
    """
    key = _signing_key(context)
    station = session.get_one(Station, context.station_id)
    _append(session, station, "upsert", {SIGNING_CERTIFICATE: key.certificate_path.read_text()})


# --- running a sync -----------------------------------------------------------------------------------------------


@requires(CASEWORK)
def sync_now(context: StationContext, progress: ProgressCallback | None = None) -> SyncReport:
    """One sync with the city server; raises SyncProblem (and logs it) when it cannot complete.

    Safe to call from several threads: a second call while one runs waits for it and then syncs again, so a
    change made meanwhile is not left behind.
    """
    with _RUNNING:
        with context.database.transaction() as session:
            url = settings.get(session, SERVER_URL)
            device_id = settings.get(session, DEVICE_ID)
            secret = settings.get(session, DEVICE_SECRET)
            plain_http_trusted = settings.get(session, PLAIN_HTTP_TRUSTED) == "1"
            trusted_pem = settings.get(session, TRUSTED_CERTIFICATES)
        if not (url and device_id and secret):
            raise SyncProblem(FailureReason.NOT_ENROLLED)
        # The network client, the engine and the protocol's messages load here, not when the window starts.
        from ..station_sync.engine import SyncEngine
        from .sync_replica import StationReplica

        try:
            client = _client(url, plain_http_trusted, trusted_pem)
        except SyncProblem as problem:
            _record_failure(context, problem.reason, "")
            raise
        client.log_in(uuid.UUID(device_id), secret)
        try:
            report = SyncEngine(StationReplica(context), client, progress).run()
        except SyncFailure as failure:
            _record_failure(context, failure.reason, failure.detail)
            raise SyncProblem(failure.reason, failure.detail) from failure
        except Exception as error:
            if not disk.is_full(error):
                raise _unexpected(context, error) from error
            # Nothing half-written stays: each step's transaction rolled back; the next run continues from there.
            _record_failure(context, FailureReason.DISK_FULL, "database or disk is full")
            raise SyncProblem(FailureReason.DISK_FULL, "database or disk is full") from error
        finally:
            client.close()
    if report.pulled:
        # Accounts made, changed or disabled on other laptops: this one's key slots follow them (services.accounts).
        accounts.refresh_slots(context)
    return report


def _unexpected(context: StationContext, error: Exception) -> SyncProblem:
    """A fault of this program: recorded as a failure a person sees (never "synced"), and retried later.

    Described by the exception's kind and where it arose, never by its message, which may quote what was typed.
    """
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if f"heze_station{os.sep}" in frame.filename] or frames
    where = f" at {Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""  # the deepest line of ours
    detail = f"{type(error).__name__}{where}"
    _record_failure(context, FailureReason.UNEXPECTED, detail)
    return SyncProblem(FailureReason.UNEXPECTED, detail)


def _record_failure(context: StationContext, reason: FailureReason, detail: str) -> None:
    try:
        with context.database.transaction() as session:
            settings.put(session, LAST_FAILURE, reason.value)
            if reason is FailureReason.REVOKED:
                settings.put(session, REVOKED_DEVICE, settings.get(session, DEVICE_ID))
            replica.log(session, "failed", reason=reason.value, detail=detail[:300])
    except (OperationalError, disk.DiskFull):
        # A full disk cannot take the log line either; the person still sees the message of the failure raised.
        log.warning("sync failure not recorded: %s (%s)", reason.value, detail, exc_info=True)


# --- status and log -----------------------------------------------------------------------------------------------


@requires(CASEWORK)
def sync_status(context: StationContext) -> SyncStatus:
    with context.database.transaction() as session:
        values = {key: settings.get(session, key) for key in (SERVER_URL, STATION_NAME, DEVICE_NAME, LAST_SUCCESS)}
        failure = settings.get(session, LAST_FAILURE)
        enrolled = settings.get(session, DEVICE_ID) is not None
        pending = replica.pending_count(session)
        conflicts = session.scalar(select(func.count()).where(SyncConflict.status == "open")) or 0
        quarantined = replica.quarantined_count(session)
        offset_ms = settings.get(session, outbox.CLOCK_OFFSET_SETTING)
    reason = FailureReason(failure) if failure else None
    if not enrolled:
        state = SyncState.NOT_ENROLLED
    elif reason is FailureReason.OFFLINE:
        state = SyncState.OFFLINE
    elif reason is not None and (reason.transient or reason is FailureReason.CURSOR_RESET):
        state = SyncState.FAILED
    elif reason is not None:
        state = SyncState.STOPPED
    else:
        state = SyncState.WAITING if pending else SyncState.UP_TO_DATE
    last = values[LAST_SUCCESS]
    return SyncStatus(
        state=state,
        server_url=values[SERVER_URL],
        station_name=values[STATION_NAME],
        device_name=values[DEVICE_NAME],
        pending_changes=pending,
        open_conflicts=conflicts,
        last_success_at=datetime.fromisoformat(last) if last else None,
        reason=reason,
        quarantined=quarantined,
        clock_offset=None if offset_ms is None else timedelta(milliseconds=int(offset_ms)),
    )


_LOG_TEXT = {
    "city_certificate": QT_TRANSLATE_NOOP(
        "Domain",
        "The city certified this computer's signing key: documents issued from now on can be checked on every "
        "computer of the city.",
    ),
    "city_certificate_refused": QT_TRANSLATE_NOOP(
        "Domain",
        "The city server sent a signing certificate that does not fit this computer's key; documents stay signed "
        "with this computer's own certificate.",
    ),
    "enrolled": QT_TRANSLATE_NOOP(
        "Domain", "Enrolled with the city server {server} as station {station}; {baseline} earlier records queued."
    ),
    "synced": QT_TRANSLATE_NOOP(
        "Domain", "Synced: {pushed} changes sent, {pulled} received, {files} files, {conflicts} new conflicts."
    ),
    # The technical detail (an HTTP status, a socket error) stays in the line's values, for a tooltip.
    "failed": QT_TRANSLATE_NOOP("Domain", "Sync failed: {reason_text}"),
    # The server's own words (English, naming the field) stay in the line's values, for a tooltip.
    "rejected": QT_TRANSLATE_NOOP("Domain", "The city server refused a change ({tables}): {reason_text}"),
    "conflict": QT_TRANSLATE_NOOP("Domain", "Conflict recorded on {table} {field}: both sides changed it."),
    "rebaselined": QT_TRANSLATE_NOOP("Domain", "The city server's data changed (a restore): reading everything again."),
    "conflict_resolved": QT_TRANSLATE_NOOP("Domain", "Conflict on {table} {field} settled: {choice}."),
    "resent": QT_TRANSLATE_NOOP(
        "Domain",
        "The city server lost changes in a restore from an old backup: all {rows} records on this computer are "
        "being sent again.",
    ),
    "repaired": QT_TRANSLATE_NOOP(
        "Domain", "Checked this computer's records against the city server: {rows} records were fetched again."
    ),
    "file_waiting": QT_TRANSLATE_NOOP(
        "Domain", "A file ({sha256}…) could not be transferred this time and is tried again next time: {reason}"
    ),
    "audit_mismatch": QT_TRANSLATE_NOOP(
        "Domain",
        "This computer's audit trail (up to entry {seq}) does not continue what the city server recorded before: "
        "entries were changed or removed on this computer. The administrator has been told.",
    ),
    "quarantined": QT_TRANSLATE_NOOP(
        "Domain",
        "{rows} records received from the city server ({tables}) could not be saved on this computer. They are kept "
        "aside and tried again after every sync and after this program is updated; everything else was saved.",
    ),
}


# Why the city refused a change (its result codes, docs/sync-protocol.md), in the coordinator's words.
_REFUSED = QT_TRANSLATE_NOOP(
    "Domain", "it is not a change this station may make. The record stays on this computer; tell the city bureau."
)
_NOT_STORABLE = QT_TRANSLATE_NOOP(
    "Domain",
    "a value in it is outside what the city can keep (an amount, a date or a number out of range, or a missing "
    "entry). The record stays on this computer; correct it there, or tell the city bureau.",
)
_OTHER_VERSION = QT_TRANSLATE_NOOP(
    "Domain",
    "the city server does not know part of it: this program and the server are of different versions. The record "
    "stays on this computer; tell the city bureau, which updates them.",
)
_REFUSALS = {
    "invalid_field": _NOT_STORABLE,
    "missing_field": _NOT_STORABLE,
    "invalid_row_id": _NOT_STORABLE,
    "unknown_reference": _NOT_STORABLE,
    "unknown_table": _OTHER_VERSION,
    "unknown_field": _OTHER_VERSION,
}


@dataclass(frozen=True)
class LogLine:
    at: datetime
    kind: str
    message: Message

    @property
    def is_problem(self) -> bool:
        return self.kind in ("failed", "rejected", "conflict", "quarantined", "audit_mismatch")


@requires(CASEWORK)
def sync_log(context: StationContext, limit: int = 500) -> list[LogLine]:
    """The newest lines first."""
    with context.database.transaction() as session:
        entries = session.scalars(select(SyncLogEntry).order_by(SyncLogEntry.at.desc()).limit(limit)).all()
    lines = []
    for entry in entries:
        details: dict[str, Any] = json.loads(entry.details)
        if entry.kind == "failed":
            details["reason_text"] = failure_message(FailureReason(details.get("reason", "refused")))
        elif entry.kind == "rejected":
            details["reason_text"] = Message(_REFUSALS.get(details.get("code", ""), _REFUSED))
            details["detail"] = details.get("message")  # the server's words, for the line's tooltip
        if isinstance(details.get("tables"), list):
            details["tables"] = ", ".join(details["tables"])
        lines.append(LogLine(entry.at, entry.kind, Message(_LOG_TEXT.get(entry.kind, entry.kind), details)))
    return lines


# --- conflicts ----------------------------------------------------------------------------------------------------


class Choice(StrEnum):
    KEEP_SERVER = "keep_server"  # the value the server kept (the other device's)
    KEEP_MINE = "keep_mine"  # the value this device sent
    EDIT = "edit"  # a value the person types


@dataclass(frozen=True)
class ConflictItem:
    id: uuid.UUID
    kind: str  # field | delete_vs_edit | edit_vs_delete | duplicate
    table: str
    row_id: uuid.UUID
    field: str | None
    case_id: uuid.UUID | None
    case_number: str | None
    record_label: str | None  # the record in words: a person's or employer's name, a case number
    other_label: str | None  # for a duplicate: the other record that holds the same value
    server_value: Any
    client_value: Any
    changed_here: bool  # this device sent the refused value
    client_at: datetime | None  # when the refused value was typed (from its hybrid clock)
    server_at: datetime | None  # when the server recorded the conflict


@requires(CASEWORK)
def open_conflicts(context: StationContext) -> list[ConflictItem]:
    with context.database.transaction() as session:
        own_device = settings.get(session, DEVICE_ID)
        rows = session.scalars(
            select(SyncConflict).where(SyncConflict.status == "open").order_by(SyncConflict.created_at)
        ).all()
        return [_item(session, conflict, own_device) for conflict in rows]


def _item(session: Session, conflict: SyncConflict, own_device: str | None) -> ConflictItem:
    case = _case_of(session, conflict.table_name, conflict.row_id)
    client_at = None
    if conflict.client_hlc:
        client_at = datetime.fromtimestamp(Hlc.parse(conflict.client_hlc).wall_ms / 1000, UTC)
    server_value = json.loads(conflict.server_value)
    other = None
    if conflict.kind == "duplicate" and isinstance(server_value, str):
        other = _label(session, conflict.table_name, uuid.UUID(server_value))
    return ConflictItem(
        id=conflict.id,
        kind=conflict.kind,
        table=conflict.table_name,
        row_id=conflict.row_id,
        field=conflict.field,
        case_id=case.id if case else None,
        case_number=case.number if case else None,
        record_label=_label(session, conflict.table_name, conflict.row_id),
        other_label=other,
        server_value=server_value,
        client_value=json.loads(conflict.client_value),
        changed_here=own_device is not None and conflict.client_device_id == own_device,
        client_at=client_at,
        server_at=conflict.created_at,
    )


def _row(session: Session, table: str, row_id: uuid.UUID) -> SyncRow | None:
    """The station's row a conflict is about; None for a table this station does not keep."""
    model = replica.MODELS.get(table)
    return session.get(model, row_id) if model else None


def _label(session: Session, table: str, row_id: uuid.UUID) -> str | None:
    """What a person calls the record: a case by its number, a person or employer by name."""
    row = _row(session, table, row_id)
    return (getattr(row, "number", None) or getattr(row, "name", None)) if row else None


def _case_of(session: Session, table: str, row_id: uuid.UUID) -> Case | None:
    row = _row(session, table, row_id)
    if isinstance(row, Case):
        return row
    case_id = getattr(row, "case_id", None)
    return session.get(Case, case_id) if case_id else None


@requires(CASEWORK)
def resolve_conflict(context: StationContext, conflict_id: uuid.UUID, choice: Choice, value: str | None = None) -> None:
    """Settle a conflict as the person chose; the choice is a synced change and an entry on the case's timeline."""
    with context.database.transaction() as session:
        conflict = session.get_one(SyncConflict, conflict_id)
        model = replica.MODELS[conflict.table_name]
        row = session.get_one(model, conflict.row_id)
        session.info[outbox.RESOLVES_KEY] = {row.id: [conflict.id]}
        chosen = _settle(session, context, conflict, row, choice, value)
        conflict.status = "resolving"
        case = _case_of(session, conflict.table_name, conflict.row_id)
        if case is not None:
            timeline.add(session, context, case, CaseEvent.SYNC_CONFLICT_RESOLVED, f"{conflict.field or ''}: {chosen}")
        replica.log(
            session, "conflict_resolved", table=conflict.table_name, field=conflict.field or "", choice=choice.value
        )


def _settle(
    session: Session, context: StationContext, conflict: SyncConflict, row: SyncRow, choice: Choice, value: str | None
) -> str:
    """Write the chosen outcome by the rules a person's own edit keeps (conflict_rules); returns it as text for the
    timeline. A value the rules refuse raises a DomainError and changes nothing."""
    server_value, client_value = json.loads(conflict.server_value), json.loads(conflict.client_value)
    if conflict.kind == "edit_vs_delete":
        if choice is Choice.KEEP_MINE:  # bring the row back with this device's values
            _append(session, row, "restore", client_value or {})
            return "restored"
        _append(session, row, "delete", {})
        return "deleted"
    if conflict.kind == "delete_vs_edit":
        if choice is Choice.KEEP_MINE:
            row.deleted_at = utc_now()
            return "deleted"
        _append(session, row, "upsert", {})
        return "kept"
    if conflict.field is None:
        raise ValueError(f"conflict {conflict.id} names no field")
    if conflict.kind == "duplicate" and choice is not Choice.EDIT:
        # Both rows are kept as they are; only the warning is settled, and the server must hear of it.
        kept = outbox.wire_value(getattr(row, conflict.field))
        _append(session, row, "upsert", {conflict.field: kept})
        return str(kept)
    wanted = {Choice.KEEP_SERVER: server_value, Choice.KEEP_MINE: client_value, Choice.EDIT: value}[choice]
    column = type(row).__table__.c[conflict.field]
    python_value = _typed(column, wanted) if choice is Choice.EDIT else replica.from_wire(column, wanted)
    if python_value is replica.UNREADABLE:
        raise conflict_rules.unusable()
    if outbox.wire_value(getattr(row, conflict.field)) == outbox.wire_value(python_value):
        _append(session, row, "upsert", {conflict.field: outbox.wire_value(python_value)})  # the server must hear it
    else:
        conflict_rules.apply(session, context, row, conflict.field, python_value, utc_now())
    return str(outbox.wire_value(getattr(row, conflict.field)))


def _typed(column: Column, text: str | None) -> Any:
    """A value the person typed in the conflict view, as the column holds it; refused when it does not fit."""
    # Its length is checked once it is in the field's form (a phone typed as +86 139-0000-0003 becomes 11 digits).
    text = clean_line(text or "", field="value", max_length=MAX_TEXT_CHARS)
    if not text:
        if not column.nullable:
            raise conflict_rules.unusable()
        return None
    try:
        return int(text) if column.type.python_type is int else replica.from_wire(column, text)
    except ValueError as error:
        raise conflict_rules.unusable() from error


def _append(session: Session, row: SyncRow, kind: str, fields: dict[str, Any]) -> None:
    with session.no_autoflush:
        pulled = session.get(ReplicaVersion, row.id)
    base = outbox.base_version(kind, pulled.version if pulled else None)
    outbox.append(session, [(row.__tablename__, row.id, kind, base, fields)])
