"""Is this PDF a genuine document of this station? Three answers, each with a message a person can act on.

1. Signature valid: the PAdES signature is intact, covers the whole file, and was made with a key this station
   trusts (``trust.Trust``): one the city certified (any laptop of any station, its certificate chaining to the
   city's root) and had not revoked when it signed, or this laptop's own self-signed key (its documents from before
   it enrolled). The check itself is shared with the city's ``/v1/verify`` (``sync.signatures``).
2. Document known: the document id in the file is one the station issued (``lookup`` returns its stored SHA-256);
   another station's document is vouched for by its city-certified signature, which names that station.
3. Unchanged: the file's SHA-256 equals the stored one, byte for byte; for another station's document, the
   city-certified signature over the whole file proves the same.

The signing time is the signing laptop's own claim (no time-stamp authority is reachable offline), so "signed
before the revocation" trusts that laptop's clock; the city's copy of the PDF (``/v1/verify``) is the stronger record.

Whatever the bytes are (tampered, truncated, not a PDF at all, another station's PDF), the answer is a verdict,
never an exception: the reader of an untrusted file must get a sentence, not a traceback.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from pyhanko.pdf_utils.reader import PdfFileReader

from ..domain import chinatime
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..sync import issued, signatures
from ..sync.signatures import Outcome, SignatureCheck
from . import integrity
from .trust import Trust

# Document id -> SHA-256 (hex) of the PDF bytes stored when the document was issued, or None if unknown.
DocumentLookup = Callable[[uuid.UUID], str | None]

# The PDF header may follow a little junk (ISO 32000-1, 7.5.2); readers look in the first kilobyte.
_HEADER_WINDOW = 1024


class Signer(Enum):
    """Who vouches for a valid signature."""

    CITY = "city"  # a certificate the city's authority issued to a laptop (this station's or another's)
    OWN = "own"  # this laptop's self-signed key


@dataclass(frozen=True)
class Check:
    passed: bool
    message: Message


CHECK_NAMES = (
    QT_TRANSLATE_NOOP("Domain", "Signature valid"),
    QT_TRANSLATE_NOOP("Domain", "Document known"),
    QT_TRANSLATE_NOOP("Domain", "Unchanged"),
)
REPORT_LINE = QT_TRANSLATE_NOOP("Domain", "{check}: {outcome}. {detail}")
PASSED = QT_TRANSLATE_NOOP("Domain", "passed")
FAILED = QT_TRANSLATE_NOOP("Domain", "FAILED")


@dataclass(frozen=True)
class Verdict:
    signature: Check
    known: Check
    unchanged: Check
    document_id: uuid.UUID | None = None
    recorded: bool = False  # this station's records have the document

    @property
    def genuine(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def checks(self) -> tuple[Check, Check, Check]:
        return self.signature, self.known, self.unchanged

    @property
    def conclusion(self) -> Message:
        if self.genuine and self.recorded:
            return Message(QT_TRANSLATE_NOOP("Domain", "Genuine: an unaltered original issued by this station."))
        if self.genuine:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Domain", "Genuine: an unaltered original issued by a mediation station the city certified."
                )
            )
        return Message(
            QT_TRANSLATE_NOOP("Domain", "Not confirmed: this file cannot be shown to be an unaltered original.")
        )

    def report(self, render: Callable[[Message], str]) -> list[str]:
        """The verdict as lines of text: one per check ('Signature valid: passed. ...'), then the conclusion."""
        lines = []
        for name, check in zip(CHECK_NAMES, self.checks, strict=True):
            outcome = PASSED if check.passed else FAILED
            parts = {
                "check": render(Message(name)),
                "outcome": render(Message(outcome)),
                "detail": render(check.message),
            }
            lines.append(render(Message(REPORT_LINE, parts)))
        lines.append(render(self.conclusion))
        return lines


def _fail(text: str, **params: object) -> Check:
    return Check(False, Message(text, params))


def _pass(text: str, **params: object) -> Check:
    return Check(True, Message(text, params))


def verify(pdf: bytes, lookup: DocumentLookup, trust: Trust) -> Verdict:
    if b"%PDF-" not in pdf[:_HEADER_WINDOW]:
        not_pdf = _fail(QT_TRANSLATE_NOOP("Domain", "This file is not a PDF document."))
        return Verdict(not_pdf, not_pdf, not_pdf)
    reader = signatures.reader_of(pdf)
    document_id = _document_id(pdf, reader)
    signature, signer = _signature_check(signatures.check(reader, trust.anchors, trust.revoked), trust)
    stored = lookup(document_id) if document_id is not None else None
    # Another station's document: what vouches for it is the city-certified signature over the whole file.
    vouched = stored is None and signer is Signer.CITY
    return Verdict(
        signature,
        _known_check(document_id, stored, vouched),
        _unchanged_check(pdf, stored, vouched),
        document_id,
        recorded=stored is not None,
    )


def _document_id(pdf: bytes, reader: PdfFileReader | None) -> uuid.UUID | None:
    """The id written in the Keywords entry, read from the document, or from the raw bytes of a damaged file."""
    named = (signatures.named_document(reader) if reader is not None else None) or issued.named_in(
        pdf.decode("latin-1")
    )
    return named[0] if named else None


_REFUSALS = {
    Outcome.UNREADABLE: QT_TRANSLATE_NOOP("Domain", "The file is damaged or incomplete and cannot be read as a PDF."),
    Outcome.DAMAGED: QT_TRANSLATE_NOOP("Domain", "The digital signature is damaged and cannot be checked."),
    Outcome.UNSIGNED: QT_TRANSLATE_NOOP("Domain", "The file carries no digital signature."),
    Outcome.ALTERED: QT_TRANSLATE_NOOP(
        "Domain", "The digital signature does not match the file: it was altered after signing."
    ),
    Outcome.APPENDED: QT_TRANSLATE_NOOP("Domain", "Something was added to the file after it was signed."),
    Outcome.UNKNOWN_SIGNER: QT_TRANSLATE_NOOP(
        "Domain",
        "The signature is intact but its signer is unknown: not a computer of this station or one the city "
        "certified. The file was issued elsewhere or forged.",
    ),
}


def _signature_check(result: SignatureCheck, trust: Trust) -> tuple[Check, Signer | None]:
    if result.outcome is Outcome.REVOKED:
        assert result.revoked_at is not None
        revoked = f"{result.revoked_at.astimezone(chinatime.CHINA_TZ):%Y-%m-%d %H:%M}"
        return _fail(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The city revoked the certificate of the computer that signed this file (a lost or stolen laptop) on "
                "{revoked}, and the file was signed after that: it is not accepted.",
            ),
            revoked=revoked,
        ), None
    if result.outcome is not Outcome.VALID:
        return _fail(_REFUSALS[result.outcome]), None
    assert result.certificate is not None
    signer = result.signer
    own = trust.own is not None and result.certificate.dump() == trust.own.dump()
    # With the city's root at hand, a document signed with this laptop's own key predates its enrolment: say so, as
    # the laptops of the station that enrolled later cannot check it (they know only the city's root).
    if own and trust.city_roots:
        check = _pass(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Digitally signed by {signer}, signed by this station before it joined the city; the signature is "
                "intact.",
            ),
            signer=signer,
        )
    else:
        check = _pass(
            QT_TRANSLATE_NOOP("Domain", "Digitally signed by {signer}; the signature is intact."), signer=signer
        )
    return check, Signer.OWN if own else Signer.CITY


def _known_check(document_id: uuid.UUID | None, stored: str | None, vouched: bool) -> Check:
    if document_id is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file carries no document number of a mediation station."))
    if stored is None and vouched:
        return _pass(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Document {document} is not in this station's records; its signature, certified by the city, names "
                "the station that issued it.",
            ),
            document=document_id,
        )
    if stored is None:
        return _fail(
            QT_TRANSLATE_NOOP("Domain", "Document {document} is not in this station's records."), document=document_id
        )
    return _pass(QT_TRANSLATE_NOOP("Domain", "Document {document} was issued by this station."), document=document_id)


def _unchanged_check(pdf: bytes, stored: str | None, vouched: bool) -> Check:
    if stored is None and vouched:
        return _pass(
            QT_TRANSLATE_NOOP(
                "Domain", "The signature certified by the city covers the whole file: not a byte changed since signing."
            )
        )
    if stored is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "There is no stored copy to compare the file with."))
    if integrity.pdf_sha256(pdf) != stored:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file differs from the document the station issued."))
    return _pass(QT_TRANSLATE_NOOP("Domain", "The file is byte for byte the document the station issued."))
