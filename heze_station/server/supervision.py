"""What the city bureau reads: stations and their sync state, case counts, conflicts; document verification."""

import re
import uuid
from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..sync.schemas import CaseCount, ConflictView, StationSummary, Verification
from .ca import CityCa
from .document_check import signature_state
from .errors import bad_request
from .ingest import CONFLICT_TABLE
from .models import Device, Station, SyncRow

ISSUED_DOCUMENT_TABLE = "issued_document"
_COUNT_DIGITS = 9  # more is not a count of changes waiting on a laptop (and would not fit the column)
REPORT_RESOLUTION = timedelta(minutes=1)  # an unchanged count's time is written again at most this often


def changes_reported(device: Device, header: str | None, moment: datetime) -> None:
    """Keep the count of changes waiting on the device that a sync request carried (sync.CHANGES_WAITING_HEADER),
    and when it was reported (to the minute: each page of a pull carries it). A request without it (an older station
    program) or with something else than a count leaves what was kept."""
    if header is None or not header.isascii() or not header.isdigit() or len(header) > _COUNT_DIGITS:
        return
    count, last = int(header), device.changes_waiting_at
    if device.changes_waiting != count or last is None or moment - last > REPORT_RESOLUTION:
        device.changes_waiting, device.changes_waiting_at = count, moment


def _open_conflict_rows(station_id: uuid.UUID | None = None):
    query = select(SyncRow).where(SyncRow.table_name == CONFLICT_TABLE, SyncRow.fields["status"].as_string() == "open")
    return query if station_id is None else query.where(SyncRow.station_id == station_id)


def open_conflicts(session: Session, station_id: uuid.UUID) -> list[ConflictView]:
    rows = session.scalars(_open_conflict_rows(station_id).order_by(SyncRow.change_seq))
    return [
        ConflictView(
            id=row.row_id,
            table=row.fields["table"],
            row_id=row.fields["row_id"],
            kind=row.fields["kind"],
            field=row.fields["field"],
            base_version=row.fields["base_version"],
            server_value=row.fields["server_value"],
            client_value=row.fields["client_value"],
            client_device_id=row.fields["client_device_id"],
            client_hlc=row.fields["client_hlc"] or "",
            status="open",
            created_at=datetime.fromisoformat(row.fields["created_at"]),
        )
        for row in rows
    ]


def stations(session: Session) -> list[StationSummary]:
    return [StationSummary(**row) for row in station_rows(session)]


def station_rows(session: Session) -> list[dict]:
    """Every station with its devices, last sync, open conflicts, audit marks and the changes its devices reported
    waiting to be sent, as plain values (the supervision page shows a thousand of them and needs no validation of
    what it read itself)."""
    devices = (
        select(
            Device.station_id,
            func.count().label("devices"),
            func.count(Device.revoked_at).label("revoked"),
            func.max(Device.last_sync_at).label("last_sync_at"),
            func.count(Device.audit_mismatch_since).label("audit_mismatches"),
            # A revoked device's outbox will never arrive: what waits is on the devices still enrolled.
            func.sum(case((Device.revoked_at.is_(None), Device.changes_waiting))).label("changes_waiting"),
            # The sum is as old as the oldest count in it: a laptop that has not synced for weeks shows its age.
            func.min(case((Device.revoked_at.is_(None), Device.changes_waiting_at))).label("changes_waiting_at"),
        )
        .group_by(Device.station_id)
        .subquery()
    )
    conflicts = (
        _open_conflict_rows()
        .with_only_columns(SyncRow.station_id, func.count().label("open_conflicts"))
        .group_by(SyncRow.station_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Station.id,
            Station.name,
            devices.c.devices,
            devices.c.revoked,
            devices.c.last_sync_at,
            conflicts.c.open_conflicts,
            devices.c.audit_mismatches,
            devices.c.changes_waiting,
            devices.c.changes_waiting_at,
        )
        .outerjoin(devices, devices.c.station_id == Station.id)
        .outerjoin(conflicts, conflicts.c.station_id == Station.id)
        .order_by(Station.name)
    ).all()
    return [
        {
            "id": station_id,
            "name": name,
            "devices": count or 0,
            "revoked_devices": revoked or 0,
            "last_sync_at": last_sync_at,
            "open_conflicts": open_count or 0,
            "audit_mismatches": mismatches or 0,
            "changes_waiting": waiting,  # None: no device has reported it yet
            "changes_waiting_at": waiting_at,
        }
        for station_id, name, count, revoked, last_sync_at, open_count, mismatches, waiting, waiting_at in rows
    ]


def case_counts(session: Session) -> list[CaseCount]:
    status = SyncRow.fields["status"].as_string()
    rows = session.execute(
        select(Station.id, Station.name, status.label("status"), func.count())
        .join(SyncRow, SyncRow.station_id == Station.id)
        .where(SyncRow.table_name == "case_file", SyncRow.deleted.is_(False))
        .group_by(Station.id, Station.name, status)
        .order_by(Station.name, status)
    ).all()
    return [
        CaseCount(station_id=station_id, station_name=name, status=value or "unknown", cases=count)
        for station_id, name, value, count in rows
    ]


QR_PAYLOAD = re.compile(r"^HZDOC1:([0-9A-F-]{36}):([0-9A-F]{64})$", re.IGNORECASE)


def parse_qr_payload(payload: str) -> tuple[uuid.UUID, str]:
    """The document id and content digest in a printed page's QR code (``HZDOC1:<id>:<digest>``)."""
    match = QR_PAYLOAD.match(payload.strip())
    if match is None:
        raise bad_request("invalid_qr_payload", "This is not the QR code of a document issued by a station.")
    try:
        return uuid.UUID(match[1]), match[2].lower()
    except ValueError as error:
        raise bad_request("invalid_qr_payload", "The QR code's document id is damaged.") from error


def verify_document(session: Session, authority: CityCa | None, document_id: uuid.UUID, sha256: str) -> Verification:
    """Whether a document id and SHA-256 (the QR code's content digest, or a PDF file's hash) name a document a
    station issued, unchanged, and whether the PDF it uploaded is signed as the city requires (document_check)."""
    sha256 = sha256.lower()
    found = session.execute(
        select(SyncRow, Station.name)
        .outerjoin(Station, Station.id == SyncRow.station_id)
        .where(
            SyncRow.row_id == document_id,
            SyncRow.table_name == ISSUED_DOCUMENT_TABLE,
            SyncRow.deleted.is_(False),
        )
    ).one_or_none()
    if found is None:
        return Verification(document_id=document_id, known=False, unchanged=False)
    row, station_name = found
    recorded = {
        "content": row.fields.get("content_sha256"),
        "pdf": row.fields.get("pdf_sha256") or row.fields.get("sha256"),
    }
    matches = next((name for name, digest in recorded.items() if digest == sha256), None)
    issued_at = row.fields.get("issued_at")
    signature, signed_by = signature_state(session, row, authority)
    return Verification(
        document_id=document_id,
        known=True,
        unchanged=matches is not None,
        genuine=matches is not None and signature == "certified",
        signature=signature,
        signed_by=signed_by,
        matches=matches,
        kind=row.fields.get("kind"),
        station_id=row.station_id,
        station_name=station_name,
        issued_at=datetime.fromisoformat(issued_at) if issued_at else None,
    )
