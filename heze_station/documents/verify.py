"""Is this PDF a genuine document of this station? Three answers, each with a message a person can act on.

1. Signature valid: the PAdES signature is intact, covers the whole file, and was made with a certificate the
   city issued (to any laptop of any station) and had not revoked when it signed, or with this laptop's own
   self-signed certificate from before it joined the city (``trust.Trust``).
2. Document known: the document id in the file is one the station issued (``lookup`` returns its stored SHA-256),
   or, for another station's document, the city-certified signature names who issued it.
3. Unchanged: the file's SHA-256 equals the stored one, byte for byte; for a document this station has no record
   of, the city-certified signature over the whole file proves the same.

The signing time is the signing laptop's own claim (no time-stamp authority is reachable offline), so "signed
before the revocation" trusts the laptop's clock; the city's copy of each issued PDF is the stronger record.

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
    OWN_BEFORE_CITY = "own"  # this laptop's self-signed key, before it joined the city


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
    signer: Signer | None = None  # set when the signature is valid
    recorded: bool = False  # this station's records have the document

    @property
    def genuine(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def checks(self) -> tuple[Check, Check, Check]:
        return self.signature, self.known, self.unchanged

    @property
    def conclusion(self) -> Message:
        if self.genuine and self.signer is Signer.OWN_BEFORE_CITY:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Domain", "Genuine: an unaltered original signed by this station before it joined the city."
                )
            )
        if self.genuine and self.recorded:
            return Message(QT_TRANSLATE_NOOP("Domain", "Genuine: an unaltered original issued by this station."))
        if self.genuine:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Domain", "Genuine: an unaltered original issued by a mediation station certified by the city."
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
    vouched = signer if stored is None and signer is Signer.CITY else None
    return Verdict(
        signature,
        _known_check(document_id, stored, vouched),
        _unchanged_check(pdf, stored, vouched),
        document_id,
        signer,
        recorded=stored is not None,
    )


def _document_id(pdf: bytes, reader: PdfFileReader | None) -> uuid.UUID | None:
    """The id written in the Keywords entry, read from the document, or from the raw bytes of a damaged file."""
    named = signatures.named_document(reader) if reader is not None else None
    if named is not None:
        return named[0]
    named = issued.named_in(pdf.decode("latin-1"))
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
        "The signature is intact, but its signer is unknown: neither certified by the city nor this station's "
        "own key. The file was forged, or signed by someone else.",
    ),
}


def _signature_check(result: SignatureCheck, trust: Trust) -> tuple[Check, Signer | None]:
    signer = result.signer
    if result.outcome is Outcome.VALID and trust.own is not None and result.certificate.dump() == trust.own.dump():
        check = _pass(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Digitally signed by this station ({signer}) before it joined the city; the signature is intact.",
            ),
            signer=signer,
        )
        return check, Signer.OWN_BEFORE_CITY
    if result.outcome is Outcome.VALID:
        check = _pass(
            QT_TRANSLATE_NOOP(
                "Domain", "Digitally signed by {signer}, certified by the city; the signature is intact."
            ),
            signer=signer,
        )
        return check, Signer.CITY
    if result.outcome is Outcome.REVOKED:
        assert result.revoked_at is not None
        check = _fail(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The city revoked the certificate of the computer that signed this file (for example a lost laptop) "
                "on {revoked}, before the file was signed: it is not accepted.",
            ),
            revoked=f"{result.revoked_at.astimezone(chinatime.CHINA_TZ):%Y-%m-%d %H:%M}",
        )
        return check, None
    return _fail(_REFUSALS[result.outcome]), None


def _known_check(document_id: uuid.UUID | None, stored: str | None, vouched: Signer | None) -> Check:
    if document_id is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file carries no document number of a mediation station."))
    if stored is None and vouched is not None:
        return _pass(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Document {document} is not in this station's records; its city-certified signature names the "
                "station that issued it.",
            ),
            document=document_id,
        )
    if stored is None:
        return _fail(
            QT_TRANSLATE_NOOP("Domain", "Document {document} is not in this station's records."), document=document_id
        )
    return _pass(QT_TRANSLATE_NOOP("Domain", "Document {document} was issued by this station."), document=document_id)


def _unchanged_check(pdf: bytes, stored: str | None, vouched: Signer | None) -> Check:
    if stored is None and vouched is not None:
        return _pass(
            QT_TRANSLATE_NOOP(
                "Domain", "The city-certified signature covers the whole file: not a byte changed since it was signed."
            )
        )
    if stored is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "There is no stored copy to compare the file with."))
    if integrity.pdf_sha256(pdf) != stored:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file differs from the document the station issued."))
    return _pass(QT_TRANSLATE_NOOP("Domain", "The file is byte for byte the document the station issued."))
