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

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..domain import chinatime
from ..domain.messages import QT_TRANSLATE_NOOP, Message
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
    reader = _reader(pdf)
    document_id = _document_id(pdf, reader)
    signature, signer = _signature_check(reader, trust)
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


def _reader(pdf: bytes) -> PdfFileReader | None:
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        reader.root  # noqa: B018 (touching the catalogue makes a damaged file fail here, not later)
    except Exception:  # an untrusted file can fail parsing in any way; the verdict says so
        return None
    return reader


def _document_id(pdf: bytes, reader: PdfFileReader | None) -> uuid.UUID | None:
    """The id written in the Keywords entry, read from the document, or from the raw bytes of a damaged file."""
    keywords = ""
    if reader is not None:
        try:
            keywords = str(reader.trailer_view["/Info"].get("/Keywords", ""))
        except Exception:  # no or damaged info dictionary: fall back to the raw bytes
            keywords = ""
    match = integrity.KEYWORDS_PATTERN.search(keywords) or integrity.KEYWORDS_PATTERN.search(pdf.decode("latin-1"))
    return uuid.UUID(match["id"]) if match else None


def _signature_check(reader: PdfFileReader | None, trust: Trust) -> tuple[Check, Signer | None]:
    if reader is None:
        return _fail(
            QT_TRANSLATE_NOOP("Domain", "The file is damaged or incomplete and cannot be read as a PDF.")
        ), None
    try:
        embedded = reader.embedded_signatures
    except Exception:  # a damaged AcroForm or signature dictionary: treated as no signature
        embedded = []
    if not embedded:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file carries no digital signature.")), None
    try:
        status = validate_pdf_signature(
            embedded[-1], ValidationContext(trust_roots=trust.anchors, allow_fetching=False)
        )
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError, OSError):
        return _fail(QT_TRANSLATE_NOOP("Domain", "The digital signature is damaged and cannot be checked.")), None
    return _signature_status_check(status, trust)


def _signature_status_check(status: PdfSignatureStatus, trust: Trust) -> tuple[Check, Signer | None]:
    if not (status.intact and status.valid):
        return _fail(
            QT_TRANSLATE_NOOP("Domain", "The digital signature does not match the file: it was altered after signing.")
        ), None
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return _fail(QT_TRANSLATE_NOOP("Domain", "Something was added to the file after it was signed.")), None
    if not status.trusted:
        return _fail(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The signature is intact, but its signer is unknown: neither certified by the city nor this station's "
                "own key. The file was forged, or signed by someone else.",
            )
        ), None
    certificate = status.signing_cert
    signer = certificate.subject.native.get("organization_name", "")
    if trust.own is not None and certificate.dump() == trust.own.dump():
        check = _pass(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Digitally signed by this station ({signer}) before it joined the city; the signature is intact.",
            ),
            signer=signer,
        )
        return check, Signer.OWN_BEFORE_CITY
    revoked_at = trust.revoked.get(certificate.serial_number)
    signed_at = status.signer_reported_dt
    if revoked_at is not None and (signed_at is None or signed_at >= revoked_at):
        check = _fail(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The city revoked the certificate of the computer that signed this file (for example a lost laptop) "
                "on {revoked}, before the file was signed: it is not accepted.",
            ),
            revoked=f"{revoked_at.astimezone(chinatime.CHINA_TZ):%Y-%m-%d %H:%M}",
        )
        return check, None
    return _pass(
        QT_TRANSLATE_NOOP("Domain", "Digitally signed by {signer}, certified by the city; the signature is intact."),
        signer=signer,
    ), Signer.CITY


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
