"""Issuing a document: validate, build, sign, and hand back everything the station must store.

An issued document is stored once (its signed bytes, their SHA-256, who issued it and when) and never built
again silently: a reprint prints the stored bytes; a corrected document is a new document with a new id.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain import chinatime
from . import (
    agreement,
    application,
    court_application,
    decisions,
    integrity,
    minutes,
    referral,
    service_receipt,
    termination,
)
from .content import (
    AgreementContent,
    ApplicationContent,
    CourtApplicationContent,
    DecisionContent,
    DocumentKind,
    MinutesContent,
    ReferralContent,
    ServiceReceiptContent,
    TerminationContent,
)
from .signing import StationKey

Content = (
    ApplicationContent
    | DecisionContent
    | MinutesContent
    | AgreementContent
    | ServiceReceiptContent
    | TerminationContent
    | ReferralContent
    | CourtApplicationContent
)

_BUILDERS: dict[type, Callable[..., bytes]] = {
    ApplicationContent: application.build,
    DecisionContent: decisions.build,
    MinutesContent: minutes.build,
    AgreementContent: agreement.build,
    ServiceReceiptContent: service_receipt.build,
    TerminationContent: termination.build,
    ReferralContent: referral.build,
    CourtApplicationContent: court_application.build,
}


def kind_of(content: Content) -> DocumentKind:
    if isinstance(content, ApplicationContent):
        return DocumentKind.ORAL_APPLICATION if content.oral else DocumentKind.APPLICATION
    if isinstance(content, DecisionContent):
        return DocumentKind.ACCEPTANCE if content.accepted else DocumentKind.REFUSAL
    if isinstance(content, CourtApplicationContent):
        return DocumentKind.CONFIRMATION if content.joint else DocumentKind.PAYMENT_ORDER
    kinds: dict[type, DocumentKind] = {
        MinutesContent: DocumentKind.MINUTES,
        AgreementContent: DocumentKind.AGREEMENT,
        ServiceReceiptContent: DocumentKind.SERVICE_RECEIPT,
        TerminationContent: DocumentKind.TERMINATION,
        ReferralContent: DocumentKind.REFERRAL,
    }
    return kinds[type(content)]


def build_unsigned(content: Content, *, invariant: bool = False) -> bytes:
    """The PDF before signing; raises ValidationFailed naming what the content lacks."""
    builder: Any = _BUILDERS[type(content)]
    return builder(content, invariant=invariant)


@dataclass(frozen=True)
class IssuedDocument:
    """What the station stores for every issued document (one row, plus the bytes as an attachment)."""

    document_id: uuid.UUID
    kind: DocumentKind
    case_number: str
    pdf: bytes  # the signed bytes, printed and exported as they are
    pdf_sha256: str  # what ``verify`` compares a file with
    content_sha256: str  # what the QR code and verification code on paper carry
    verification_code: str
    issued_at: datetime  # timezone-aware
    issued_by: uuid.UUID  # the staff user who issued it
    originals: int  # the print dialog's default number of copies


def issue(content: Content, key: StationKey, issued_by: uuid.UUID) -> IssuedDocument:
    header = content.header
    signed = key.sign(build_unsigned(content))
    digest = integrity.content_sha256(content)
    return IssuedDocument(
        document_id=header.document_id,
        kind=kind_of(content),
        case_number=header.case_number,
        pdf=signed,
        pdf_sha256=integrity.pdf_sha256(signed),
        content_sha256=digest,
        verification_code=integrity.verification_code(header.document_id, digest),
        issued_at=chinatime.now(),
        issued_by=issued_by,
        originals=content.originals if isinstance(content, AgreementContent) else 1,
    )
