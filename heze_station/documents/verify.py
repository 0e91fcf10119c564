"""Is this PDF a genuine document of this station? Three answers, each with a message a person can act on.

1. Signature valid: the PAdES signature is intact, covers the whole file, and was made with a key this station
   trusts: one the city certified (any laptop of the city, its certificate chaining to the city's root this laptop
   was given at enrolment), or this laptop's own self-signed key (its documents from before it enrolled).
2. Document known: the document id in the file is one the station issued (``lookup`` returns its stored SHA-256).
3. Unchanged: the file's SHA-256 equals the stored one, byte for byte.

Whatever the bytes are (tampered, truncated, not a PDF at all, another station's PDF), the answer is a verdict,
never an exception: the reader of an untrusted file must get a sentence, not a traceback.
"""

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..domain.messages import QT_TRANSLATE_NOOP, Message
from . import integrity, signing

# Document id -> SHA-256 (hex) of the PDF bytes stored when the document was issued, or None if unknown.
DocumentLookup = Callable[[uuid.UUID], str | None]

# The PDF header may follow a little junk (ISO 32000-1, 7.5.2); readers look in the first kilobyte.
_HEADER_WINDOW = 1024


@dataclass(frozen=True)
class Trust:
    """Whose signatures this laptop accepts."""

    city_root: asn1_x509.Certificate | None = None  # every laptop the city certified
    own: asn1_x509.Certificate | None = None  # this laptop's self-signed certificate, for documents before enrolment

    @property
    def anchors(self) -> list[asn1_x509.Certificate]:
        return [certificate for certificate in (self.city_root, self.own) if certificate is not None]


def trust_of(data_dir: Path) -> Trust:
    """What the laptop with this data folder trusts; nothing if it never signed (verifying creates no key)."""
    key = signing.existing_certificate(data_dir)
    return Trust(key.city_root, key.certificate) if key else Trust()


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

    @property
    def genuine(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def checks(self) -> tuple[Check, Check, Check]:
        return self.signature, self.known, self.unchanged

    @property
    def conclusion(self) -> Message:
        if self.genuine:
            return Message(QT_TRANSLATE_NOOP("Domain", "Genuine: an unaltered original issued by this station."))
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
    signature = _signature_check(reader, trust)
    stored = lookup(document_id) if document_id is not None else None
    return Verdict(signature, _known_check(document_id, stored), _unchanged_check(pdf, stored), document_id)


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


def _signature_check(reader: PdfFileReader | None, trust: Trust) -> Check:
    if reader is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file is damaged or incomplete and cannot be read as a PDF."))
    try:
        embedded = reader.embedded_signatures
    except Exception:  # a damaged AcroForm or signature dictionary: treated as no signature
        embedded = []
    if not embedded:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file carries no digital signature."))
    try:
        status = validate_pdf_signature(
            embedded[-1], ValidationContext(trust_roots=trust.anchors, allow_fetching=False)
        )
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError, OSError):
        return _fail(QT_TRANSLATE_NOOP("Domain", "The digital signature is damaged and cannot be checked."))
    return _signature_status_check(status, trust)


def _signature_status_check(status: PdfSignatureStatus, trust: Trust) -> Check:
    if not (status.intact and status.valid):
        return _fail(
            QT_TRANSLATE_NOOP("Domain", "The digital signature does not match the file: it was altered after signing.")
        )
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return _fail(QT_TRANSLATE_NOOP("Domain", "Something was added to the file after it was signed."))
    if not status.trusted:
        return _fail(
            QT_TRANSLATE_NOOP(
                "Domain",
                "The signature is intact but its signer is unknown: not a computer of this station or one the city "
                "certified. The file was issued elsewhere or forged.",
            )
        )
    signer = status.signing_cert.subject.native.get("organization_name", "")
    # With the city's root at hand, a document signed with this laptop's own key predates its enrolment: say so, as
    # the laptops of the station that enrolled later cannot check it (they know only the city's root).
    own = trust.own is not None and status.signing_cert.dump() == trust.own.dump()
    if own and trust.city_root is not None:
        return _pass(
            QT_TRANSLATE_NOOP(
                "Domain",
                "Digitally signed by {signer}, signed by this station before it joined the city; the signature is "
                "intact.",
            ),
            signer=signer,
        )
    return _pass(QT_TRANSLATE_NOOP("Domain", "Digitally signed by {signer}; the signature is intact."), signer=signer)


def _known_check(document_id: uuid.UUID | None, stored: str | None) -> Check:
    if document_id is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file carries no document number of a mediation station."))
    if stored is None:
        return _fail(
            QT_TRANSLATE_NOOP("Domain", "Document {document} is not in this station's records."), document=document_id
        )
    return _pass(QT_TRANSLATE_NOOP("Domain", "Document {document} was issued by this station."), document=document_id)


def _unchanged_check(pdf: bytes, stored: str | None) -> Check:
    if stored is None:
        return _fail(QT_TRANSLATE_NOOP("Domain", "There is no stored copy to compare the file with."))
    if integrity.pdf_sha256(pdf) != stored:
        return _fail(QT_TRANSLATE_NOOP("Domain", "The file differs from the document the station issued."))
    return _pass(QT_TRANSLATE_NOOP("Domain", "The file is byte for byte the document the station issued."))
