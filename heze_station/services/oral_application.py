"""R1: an oral application (in person, by phone, on site) is written down by the station and signed by the
applicant. The record made at intake is not signed: it counts as signed once each applicant's signature is
captured, drawn on the pad, or given on the printed record and kept as a scan."""

import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.cases import CaseEvent
from ..domain.errors import IllegalTransition, refusal
from ..domain.mediation import AttachmentKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..storage.models import CaseClaimant
from ..storage.types import utc_now
from . import attachments, timeline
from .access import CASEWORK, requires
from .case_queries import applicants, get_case
from .station import StationContext


@requires(CASEWORK)
def sign(
    context: StationContext,
    case_id: uuid.UUID,
    person_id: uuid.UUID | None,
    image: bytes | None = None,
    scan: Path | None = None,
    *,
    now: datetime | None = None,
) -> None:
    """Record an applicant's signature on the oral record: ``image`` drawn on the pad, or ``scan`` of the paper
    record the applicant signed by hand."""
    now = now or utc_now()
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        if not case.channel.is_oral:
            raise IllegalTransition(
                Message(
                    QT_TRANSLATE_NOOP("Domain", "This application was made in writing and signed by the applicant.")
                )
            )
        claimants = session.scalars(
            select(CaseClaimant)
            .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
            .options(selectinload(CaseClaimant.person))
        ).all()
        claimant = next((c for c in applicants(claimants, case.is_collective) if c.person_id == person_id), None)
        if claimant is None:
            raise refusal("worker", QT_TRANSLATE_NOOP("Domain", "Choose the applicant who signs."))
        if claimant.application_signed_at is not None:
            raise refusal(
                "worker",
                QT_TRANSLATE_NOOP("Domain", "{name} has already signed the record."),
                name=claimant.person.name,
            )
        if (image is None) == (scan is None):
            raise refusal(
                "file",
                QT_TRANSLATE_NOOP(
                    "Domain", "Capture the signature on the pad, or attach the scan of the record signed on paper."
                ),
            )
        if image is not None:
            kind, name, data = AttachmentKind.SIGNATURE, f"application-{claimant.person.name}.png", image
        else:
            assert scan is not None
            kind = AttachmentKind.SCAN
            name, data = attachments.read_file(scan)
        attachment = attachments.add(session, context, case, kind, name, data, case.id)
        session.flush()  # the attachment row first: the claimant refers to it
        claimant.application_signed_at = now
        claimant.application_signature_id = attachment.id
        timeline.add(session, context, case, CaseEvent.APPLICATION_SIGNED, claimant.person.name, at=now)
