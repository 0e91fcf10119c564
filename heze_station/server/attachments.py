"""Attachments: content-addressed by SHA-256, uploaded in chunks that can resume, verified before they count.

An upload is announced (hash, size, media type), then sent chunk by chunk, each at the offset the server reports
as received, so a connection lost at 60 % resumes at 60 % (F11). When the last byte arrives the server hashes the
whole and compares: a mismatch throws the partial upload away and is refused.

Each station uploads for itself, and may download only what it has uploaded completely: a hash seen somewhere is
no key to another station's scan. The bytes are kept once, from the first complete upload; a later upload of the
same hash is verified and then dropped, so a stored attachment is never overwritten.
"""

import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ..sync.schemas import AttachmentStart, AttachmentStatus
from .config import Settings
from .errors import ApiError, bad_request, conflict, not_found
from .models import Attachment, AttachmentChunk, AttachmentUpload, RowGrant, SyncRow

# Tables whose rows name a file by its SHA-256, and the fields that hold it.
FILE_TABLES = ("attachment", "issued_document")
FILE_HASH_FIELDS = ("sha256", "pdf_sha256")


def _status(upload: AttachmentUpload) -> AttachmentStatus:
    return AttachmentStatus(
        sha256=upload.sha256,
        size=upload.size,
        media_type=upload.media_type,
        received=upload.received,
        complete=upload.complete,
    )


def start(session: Session, settings: Settings, station_id: uuid.UUID, body: AttachmentStart) -> AttachmentStatus:
    if body.size > settings.max_attachment_bytes:
        raise ApiError(
            413, "attachment_too_large", f"Attachments may be at most {settings.max_attachment_bytes} bytes."
        )
    stored = session.get(Attachment, body.sha256)
    if stored is not None and stored.size != body.size:
        raise conflict(
            "size_mismatch",
            f"An attachment with this SHA-256 is stored with {stored.size} bytes, not {body.size}: "
            "the hash does not belong to these bytes.",
        )
    upload = _upload(session, station_id, body.sha256, lock=True, required=False)
    if upload is None:
        upload = AttachmentUpload(
            sha256=body.sha256, station_id=station_id, size=body.size, media_type=body.media_type, received=0
        )
        upload.complete = False
        session.add(upload)
        session.flush()
    elif upload.size != body.size and not upload.complete:
        _discard(session, upload)
        upload.size = body.size
    if upload.size == 0 and not upload.complete:
        _finish(session, upload)
    return _status(upload)


def _upload(
    session: Session, station_id: uuid.UUID, sha256: str, lock: bool = False, required: bool = True
) -> AttachmentUpload | None:
    query = select(AttachmentUpload).where(AttachmentUpload.sha256 == sha256, AttachmentUpload.station_id == station_id)
    upload = session.scalars(query.with_for_update() if lock else query).one_or_none()
    if upload is None and required:
        raise not_found("unknown_attachment", "This station has not announced an attachment with this SHA-256.")
    return upload


def _discard(session: Session, upload: AttachmentUpload) -> None:
    session.execute(
        delete(AttachmentChunk).where(
            AttachmentChunk.sha256 == upload.sha256, AttachmentChunk.station_id == upload.station_id
        )
    )
    upload.received = 0


def status(session: Session, station_id: uuid.UUID, sha256: str) -> AttachmentStatus:
    upload = _upload(session, station_id, sha256)
    assert upload is not None
    return _status(upload)


@dataclass(frozen=True)
class ChunkOutcome:
    status: AttachmentStatus
    hash_mismatch: bool  # the upload was complete but its bytes have another hash: it was thrown away


def append(
    session: Session, settings: Settings, station_id: uuid.UUID, sha256: str, offset: int, data: bytes
) -> ChunkOutcome:
    upload = _upload(session, station_id, sha256, lock=True)
    assert upload is not None
    if upload.complete:
        return ChunkOutcome(_status(upload), hash_mismatch=False)
    if len(data) > settings.max_chunk_bytes:
        raise ApiError(413, "chunk_too_large", f"A chunk may be at most {settings.max_chunk_bytes} bytes.")
    if not data:
        raise bad_request("empty_chunk", "A chunk must carry at least one byte.")
    if offset != upload.received:
        raise conflict(
            "offset_mismatch",
            f"The server has {upload.received} bytes of this attachment; send the next chunk from there.",
            received=upload.received,
        )
    if offset + len(data) > upload.size:
        raise bad_request("chunk_beyond_size", f"The attachment was announced with {upload.size} bytes.")
    session.add(AttachmentChunk(sha256=sha256, station_id=station_id, offset=offset, data=data))
    upload.received += len(data)
    if upload.received < upload.size or _finish(session, upload):
        return ChunkOutcome(_status(upload), hash_mismatch=False)
    _discard(session, upload)
    return ChunkOutcome(_status(upload), hash_mismatch=True)


def _chunks(session: Session, sha256: str, station_id: uuid.UUID):
    return session.execute(
        select(AttachmentChunk.offset, AttachmentChunk.data)
        .where(AttachmentChunk.sha256 == sha256, AttachmentChunk.station_id == station_id)
        .order_by(AttachmentChunk.offset)
    )


def _finish(session: Session, upload: AttachmentUpload) -> bool:
    """Verify a fully received upload; keep its bytes if they are the first of this hash. False on a mismatch."""
    session.flush()
    digest = hashlib.sha256()
    for _offset, data in _chunks(session, upload.sha256, upload.station_id):
        digest.update(data)
    if digest.hexdigest() != upload.sha256:
        return False
    upload.complete = True
    if session.get(Attachment, upload.sha256) is None:
        session.add(
            Attachment(
                sha256=upload.sha256, size=upload.size, media_type=upload.media_type, stored_by=upload.station_id
            )
        )
    else:  # the same bytes are already kept: this copy only proved that the station has them
        session.execute(
            delete(AttachmentChunk).where(
                AttachmentChunk.sha256 == upload.sha256, AttachmentChunk.station_id == upload.station_id
            )
        )
    return True


def _named_by_assigned_case(session: Session, station_id: uuid.UUID, sha256: str) -> bool:
    """Whether a row of a case assigned to the station (an attachment, an issued document) names this file."""
    found = session.scalar(
        select(SyncRow.row_id)
        .join(RowGrant, RowGrant.row_id == SyncRow.row_id)
        .where(
            RowGrant.station_id == station_id,
            SyncRow.table_name.in_(FILE_TABLES),
            or_(*(SyncRow.fields[name].as_string() == sha256 for name in FILE_HASH_FIELDS)),
        )
        .limit(1)
    )
    return found is not None


def stored(session: Session, sha256: str) -> bytes | None:
    """The whole of a stored attachment, for the city's own checks (document_check); None when none is stored."""
    kept = session.get(Attachment, sha256)
    if kept is None:
        return None
    return b"".join(data for _offset, data in _chunks(session, sha256, kept.stored_by))


def read(session: Session, station_id: uuid.UUID, sha256: str, start: int, end: int | None) -> tuple[bytes, int]:
    """Bytes ``start`` to ``end`` (inclusive; None: to the end) of an attachment, and its size.

    Readable by a station that uploaded it completely, and by stations a case naming it was assigned to."""
    stored = session.get(Attachment, sha256)
    upload = _upload(session, station_id, sha256, required=False)
    own_copy = upload is not None and upload.complete
    if not own_copy and not (stored is not None and _named_by_assigned_case(session, station_id, sha256)):
        if upload is None:
            raise not_found("unknown_attachment", "This station has not announced an attachment with this SHA-256.")
        raise conflict("attachment_incomplete", "This attachment has not been uploaded completely yet.")
    assert stored is not None
    last = stored.size - 1 if end is None else min(end, stored.size - 1)
    if start > last and stored.size:
        raise ApiError(416, "range_not_satisfiable", f"The attachment has {stored.size} bytes.")
    parts = [
        data[max(start - offset, 0) : last + 1 - offset]
        for offset, data in _chunks(session, sha256, stored.stored_by)
        if offset + len(data) > start and offset <= last
    ]
    return b"".join(parts), stored.size
