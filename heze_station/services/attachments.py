"""Attaching photos, scans, receipts and signatures to a case, and reading them back."""

import mimetypes
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PureWindowsPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.cases import CaseEvent
from ..domain.errors import DomainError, NotFound, refusal
from ..domain.ids import new_id
from ..domain.mediation import AttachmentKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.text import clean_line
from ..storage.blobs import BlobCorrupt, BlobMissing
from ..storage.models import Attachment, Case
from . import timeline
from .access import CASEWORK, requires
from .case_queries import get_case
from .station import StationContext

# A phone photo or a scanned page is a few MB; more is usually a video or a whole folder picked by mistake.
MAX_BYTES = 20 * 1024 * 1024
FILENAME_MAX = 200


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    owner_id: uuid.UUID | None
    kind: AttachmentKind
    filename: str
    media_type: str
    size: int
    added_at: datetime


def view(attachment: Attachment) -> AttachmentView:
    return AttachmentView(
        attachment.id,
        attachment.owner_id,
        attachment.kind,
        attachment.filename,
        attachment.media_type,
        attachment.size,
        attachment.created_at,
    )


def _check_size(size: int) -> None:
    if not size:
        raise refusal("file", QT_TRANSLATE_NOOP("Domain", "The file is empty."))
    if size > MAX_BYTES:
        raise refusal(
            "file",
            QT_TRANSLATE_NOOP("Domain", "The file is larger than {maximum} MB. Scan or photograph it at a lower size."),
            maximum=MAX_BYTES // (1024 * 1024),
        )


def add(
    session: Session,
    context: StationContext,
    case: Case,
    kind: AttachmentKind,
    filename: str,
    data: bytes,
    owner_id: uuid.UUID | None = None,
) -> Attachment:
    """Store the bytes, then the row, inside the caller's transaction.

    The bytes are written first: if the transaction then rolls back, an unreferenced file is left in the store,
    which is harmless (it is only ever found through a row), whereas a row without its bytes would be a loss.
    """
    _check_size(len(data))
    # PureWindowsPath splits at both / and \, whichever system the name came from.
    name = clean_line(
        PureWindowsPath(filename).name, field="file", max_length=FILENAME_MAX, required=True, printed=False
    )
    digest = context.blobs.put(data)
    attachment = Attachment(
        id=new_id(),  # known before the flush, so the caller can point at it in the same unit of work
        case_id=case.id,
        owner_id=owner_id,
        kind=kind,
        filename=name,
        media_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        sha256=digest,
        size=len(data),
        added_by_id=context.user_id,
    )
    session.add(attachment)
    timeline.add(session, context, case, CaseEvent.ATTACHMENT_ADDED, name)
    return attachment


@requires(CASEWORK)
def attach(
    context: StationContext,
    case_id: uuid.UUID,
    kind: AttachmentKind,
    filename: str,
    data: bytes,
    owner_id: uuid.UUID | None = None,
) -> AttachmentView:
    with context.database.transaction() as session:
        attachment = add(session, context, get_case(session, case_id), kind, filename, data, owner_id)
        session.flush()
        return view(attachment)


def read_file(path: Path) -> tuple[str, bytes]:
    """(name, bytes) of a file a person picked; the size is checked before reading, so a video picked by mistake
    is refused at once instead of being loaded into memory."""
    try:
        _check_size(path.stat().st_size)
        return path.name, path.read_bytes()
    except OSError as error:
        raise refusal(
            "file", QT_TRANSLATE_NOOP("Domain", "The file cannot be read: {reason}"), reason=error.strerror
        ) from error


@requires(CASEWORK)
def attach_file(
    context: StationContext, case_id: uuid.UUID, kind: AttachmentKind, path: Path, owner_id: uuid.UUID | None = None
) -> AttachmentView:
    return attach(context, case_id, kind, *read_file(path), owner_id)


def for_case(session: Session, case_id: uuid.UUID) -> list[AttachmentView]:
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.case_id == case_id, Attachment.deleted_at.is_(None))
        .order_by(Attachment.created_at, Attachment.id)
    )
    return [view(row) for row in rows]


@requires(CASEWORK)
def read(context: StationContext, attachment_id: uuid.UUID) -> bytes:
    with context.database.transaction() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None or attachment.deleted_at is not None:
            raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This attachment no longer exists.")))
        digest = attachment.sha256
    try:
        return context.blobs.get(digest)
    except BlobMissing as missing:
        raise NotFound(
            Message(QT_TRANSLATE_NOOP("Domain", "This attachment's file is not on this computer yet."))
        ) from missing
    except BlobCorrupt as corrupt:
        raise DomainError(
            Message(QT_TRANSLATE_NOOP("Domain", "The file of this attachment is damaged on this computer's disk."))
        ) from corrupt


@requires(CASEWORK)
def case_attachments(context: StationContext, case_id: uuid.UUID) -> list[AttachmentView]:
    with context.database.transaction() as session:
        return for_case(session, get_case(session, case_id).id)
