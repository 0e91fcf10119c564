"""The case timeline: an append-only record of who did what, and when (the database refuses edits).

An entry's detail is stored as typed (a name, an amount, a date), except that of an added attachment, which is the
file's name ("representative-王建国.png"): it identifies the attachment, but means nothing to a reader. Shown, that
entry says in words what the file is and whose it is ("工人代表王建国的签名"), read from the attachment and what
it belongs to, for old entries as for new ones.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.cases import CaseEvent
from ..domain.corrections import timeline_message
from ..domain.ids import id_at
from ..domain.mediation import AttachmentKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import format_yuan
from ..domain.text import REASON_MAX, clean_text
from ..storage.models import (
    AfterMediationStep,
    AgreementSignature,
    Attachment,
    Case,
    CaseClaimant,
    MediationSession,
    Payment,
    Person,
    TimelineEvent,
)
from ..storage.types import utc_now
from .station import StationContext

VERBATIM = "{detail}"  # a detail stored in words already: rendered as it is, in any language


def add(
    session: Session,
    context: StationContext,
    case: Case,
    kind: str,
    detail: str = "",
    at: datetime | None = None,
) -> None:
    at = at or utc_now()
    session.add(
        TimelineEvent(
            id=id_at(at),  # the table is stored, and the recent activity read, in the order of the ids (0032)
            case_id=case.id,
            at=at,
            actor_id=context.user_id,
            kind=kind,
            detail=clean_text(detail, field="detail", max_length=REASON_MAX, printed=False),
        )
    )


class Entry(Protocol):
    """A stored entry as the timeline shows it: a TimelineEvent, or a query's row with these columns."""

    @property
    def case_id(self) -> uuid.UUID: ...
    @property
    def kind(self) -> str: ...
    @property
    def detail(self) -> str: ...
    @property
    def at(self) -> datetime: ...


def shown(session: Session, entries: Sequence[Entry]) -> list[Message]:
    """The details column of each entry, in order: as stored, or for an added attachment what it is and whose."""
    added = [entry for entry in entries if entry.kind == CaseEvent.ATTACHMENT_ADDED]
    found = _attachments(session, added) if added else {}
    words = _Words(session, list(found.values())) if found else None
    return [words.about(found[entry]) if words and entry in found else _verbatim(entry) for entry in entries]


def _verbatim(entry: Entry) -> Message:
    # A correction is stored as its old and new value (domain.corrections), said in the reader's language.
    correction = timeline_message(entry.kind, entry.detail)
    if correction is not None:
        return correction
    # An attachment whose row has not arrived (yet) says nothing rather than its file's name.
    return Message(VERBATIM, {"detail": "" if entry.kind == CaseEvent.ATTACHMENT_ADDED else entry.detail})


def _attachments(session: Session, added: Sequence[Entry]) -> dict[Entry, Attachment]:
    """The attachment each entry added: the case's file of that name added closest to the entry's time (one case
    may hold two files of one name, e.g. two receipts photographed as IMG_0001.jpg)."""
    rows = session.scalars(select(Attachment).where(Attachment.case_id.in_({entry.case_id for entry in added})))
    by_name: dict[tuple[uuid.UUID, str], list[Attachment]] = {}
    for row in rows:
        by_name.setdefault((row.case_id, row.filename), []).append(row)
    found = {}
    for entry in added:
        candidates = by_name.get((entry.case_id, entry.detail))
        if candidates:
            found[entry] = min(candidates, key=lambda row: abs(row.created_at - entry.at))
    return found


class _Words:
    """Says what an attachment is from what it belongs to, read for a page of entries in a few queries."""

    def __init__(self, session: Session, attachments: Sequence[Attachment]) -> None:
        ids = {row.id for row in attachments}
        owners = {row.owner_id for row in attachments if row.owner_id}
        self.signers = {
            row.image_id: row
            for row in session.scalars(select(AgreementSignature).where(AgreementSignature.image_id.in_(ids)))
        }
        self.applicants = dict(
            session.execute(
                select(CaseClaimant.application_signature_id, Person.name)
                .join(Person, Person.id == CaseClaimant.person_id)
                .where(CaseClaimant.application_signature_id.in_(ids))
            ).all()
        )
        self.payments = {
            row.Payment.id: row
            for row in session.execute(
                select(Payment, Person.name)
                .outerjoin(Person, Person.id == Payment.person_id)
                .where(Payment.id.in_(owners))
            )
        }
        self.steps = {
            row.id: row for row in session.scalars(select(AfterMediationStep).where(AfterMediationStep.id.in_(owners)))
        }
        self.sessions = dict(
            session.execute(
                select(MediationSession.id, MediationSession.held_at).where(MediationSession.id.in_(owners))
            ).all()
        )

    def about(self, attachment: Attachment) -> Message:
        kind = attachment.kind
        if attachment.id in self.signers:
            signer = self.signers[attachment.id]
            return Message(
                QT_TRANSLATE_NOOP("Domain", "Signature of {name} ({role})"), {"name": signer.name, "role": signer.role}
            )
        if attachment.id in self.applicants:
            name = self.applicants[attachment.id]
            if kind is AttachmentKind.SIGNATURE:
                return Message(
                    QT_TRANSLATE_NOOP("Domain", "{name}'s signature on the oral application record"), {"name": name}
                )
            return Message(
                QT_TRANSLATE_NOOP("Domain", "Scan of the oral application record signed by {name}"), {"name": name}
            )
        if kind is AttachmentKind.ARBITRAL_DOCUMENT:
            return Message(QT_TRANSLATE_NOOP("Domain", "Scan of the arbitral mediation document"))
        owner = attachment.owner_id
        if owner in self.payments:
            payment, payee = self.payments[owner]
            amount = format_yuan(payment.amount_fen)
            if payee:
                return Message(
                    QT_TRANSLATE_NOOP("Domain", "Receipt for the payment of {amount} to {name}"),
                    {"amount": amount, "name": payee},
                )
            return Message(QT_TRANSLATE_NOOP("Domain", "Receipt for the payment of {amount}"), {"amount": amount})
        if owner in self.steps and self.steps[owner].outcome:
            step = self.steps[owner]
            return Message(
                QT_TRANSLATE_NOOP("Domain", "Scan of the outcome document: {step}, {outcome}"),
                {"step": step.kind, "outcome": step.outcome},
            )
        if owner in self.sessions:
            day = chinatime.local_date(self.sessions[owner]).isoformat()
            return Message(
                QT_TRANSLATE_NOOP("Domain", "{kind} from the mediation session of {day}"), {"kind": kind, "day": day}
            )
        return Message(kind.label)
