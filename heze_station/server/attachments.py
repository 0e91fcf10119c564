"""Attachments: content-addressed by SHA-256, uploaded in chunks that can resume, verified before they count.

An upload is announced (hash, size, media type), then sent chunk by chunk, each at the offset the server reports
as received, so a connection lost at 60 % resumes at 60 % (F11). When the last byte arrives the server hashes the
whole and compares: a mismatch throws the partial upload away and is refused. A complete attachment is never
changed: the same hash announced again is simply reported complete, whatever bytes would follow.
"""

import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..sync.schemas import AttachmentStart, AttachmentStatus
from .config import Settings
from .errors import ApiError, bad_request, conflict, not_found
from .models import Attachment, AttachmentChunk, AttachmentGrant


def _status(attachment: Attachment) -> AttachmentStatus:
    return AttachmentStatus(
        sha256=attachment.sha256,
        size=attachment.size,
        media_type=attachment.media_type,
        received=attachment.received,
        complete=attachment.complete,
    )


def _too_large(settings: Settings) -> ApiError:
    return ApiError(413, "attachment_too_large", f"Attachments may be at most {settings.max_attachment_bytes} bytes.")


def start(session: Session, settings: Settings, station_id: uuid.UUID, body: AttachmentStart) -> AttachmentStatus:
    if body.size > settings.max_attachment_bytes:
        raise _too_large(settings)
    attachment = session.scalars(
        select(Attachment).where(Attachment.sha256 == body.sha256).with_for_update()
    ).one_or_none()
    if attachment is None:
        attachment = Attachment(sha256=body.sha256, size=body.size, media_type=body.media_type, received=0)
        attachment.complete = False
        session.add(attachment)
        session.flush()
    elif attachment.size != body.size:
        if attachment.complete:
            raise conflict(
                "size_mismatch",
                f"An attachment with this SHA-256 is stored with {attachment.size} bytes, not {body.size}: "
                "the hash does not belong to these bytes.",
            )
        _restart(session, attachment, body.size)
    if session.get(AttachmentGrant, (body.sha256, station_id)) is None:
        session.add(AttachmentGrant(sha256=body.sha256, station_id=station_id))
    if attachment.size == 0 and not attachment.complete:
        _finish(session, attachment)
    return _status(attachment)


def _restart(session: Session, attachment: Attachment, size: int) -> None:
    session.execute(delete(AttachmentChunk).where(AttachmentChunk.sha256 == attachment.sha256))
    attachment.size = size
    attachment.received = 0


def _granted(session: Session, station_id: uuid.UUID, sha256: str, lock: bool = False) -> Attachment:
    query = (
        select(Attachment)
        .join(AttachmentGrant, AttachmentGrant.sha256 == Attachment.sha256)
        .where(Attachment.sha256 == sha256, AttachmentGrant.station_id == station_id)
    )
    attachment = session.scalars(query.with_for_update(of=Attachment) if lock else query).one_or_none()
    if attachment is None:
        raise not_found("unknown_attachment", "No attachment with this SHA-256 was announced by this station.")
    return attachment


def status(session: Session, station_id: uuid.UUID, sha256: str) -> AttachmentStatus:
    return _status(_granted(session, station_id, sha256))


@dataclass(frozen=True)
class ChunkOutcome:
    status: AttachmentStatus
    hash_mismatch: bool  # the upload was complete but its bytes have another hash: it was thrown away


def append(
    session: Session, settings: Settings, station_id: uuid.UUID, sha256: str, offset: int, data: bytes
) -> ChunkOutcome:
    attachment = _granted(session, station_id, sha256, lock=True)
    if attachment.complete:
        return ChunkOutcome(_status(attachment), hash_mismatch=False)
    if len(data) > settings.max_chunk_bytes:
        raise ApiError(413, "chunk_too_large", f"A chunk may be at most {settings.max_chunk_bytes} bytes.")
    if not data:
        raise bad_request("empty_chunk", "A chunk must carry at least one byte.")
    if offset != attachment.received:
        raise conflict(
            "offset_mismatch",
            f"The server has {attachment.received} bytes of this attachment; send the next chunk from there.",
            received=attachment.received,
        )
    if offset + len(data) > attachment.size:
        raise bad_request("chunk_beyond_size", f"The attachment was announced with {attachment.size} bytes.")
    session.add(AttachmentChunk(sha256=sha256, offset=offset, data=data))
    attachment.received += len(data)
    if attachment.received < attachment.size:
        return ChunkOutcome(_status(attachment), hash_mismatch=False)
    if _finish(session, attachment):
        return ChunkOutcome(_status(attachment), hash_mismatch=False)
    _restart(session, attachment, attachment.size)
    return ChunkOutcome(_status(attachment), hash_mismatch=True)


def _finish(session: Session, attachment: Attachment) -> bool:
    digest = hashlib.sha256()
    for data in session.scalars(
        select(AttachmentChunk.data).where(AttachmentChunk.sha256 == attachment.sha256).order_by(AttachmentChunk.offset)
    ):
        digest.update(data)
    attachment.complete = digest.hexdigest() == attachment.sha256
    return attachment.complete


def read(session: Session, station_id: uuid.UUID, sha256: str, start: int, end: int | None) -> tuple[bytes, int]:
    """Bytes ``start`` to ``end`` (inclusive; None: to the end) of a complete attachment, and its size."""
    attachment = _granted(session, station_id, sha256)
    if not attachment.complete:
        raise conflict("attachment_incomplete", "This attachment has not been uploaded completely yet.")
    last = attachment.size - 1 if end is None else min(end, attachment.size - 1)
    if start > last and attachment.size:
        raise ApiError(416, "range_not_satisfiable", f"The attachment has {attachment.size} bytes.")
    chunks = session.execute(
        select(AttachmentChunk.offset, AttachmentChunk.data)
        .where(AttachmentChunk.sha256 == sha256)
        .order_by(AttachmentChunk.offset)
    )
    parts = [
        data[max(start - offset, 0) : last + 1 - offset]
        for offset, data in chunks
        if offset + len(data) > start and offset <= last
    ]
    return b"".join(parts), attachment.size
