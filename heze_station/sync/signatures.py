"""What a signed PDF proves, checked alike by a station (documents.verify) and the city server (/v1/verify).

``check`` validates the last PAdES signature with pyHanko against trust anchors (the city's root; a station adds its
own pre-enrolment certificate) and a list of revoked certificates: a signature made at or after its certificate's
revocation is refused. The signing time is the signing laptop's own claim (no time-stamp authority is reachable
offline).

Whatever the bytes are, the answer is an outcome, never an exception: the file comes from anyone.
"""

import io
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from . import issued


class Outcome(StrEnum):
    VALID = "valid"  # intact, over the whole file, chains to a trust anchor, signed before any revocation
    UNREADABLE = "unreadable"  # not a PDF that can be read at all
    DAMAGED = "damaged"  # its signature cannot be read
    UNSIGNED = "unsigned"
    ALTERED = "altered"  # the signed bytes changed
    APPENDED = "appended"  # something was added after signing
    UNKNOWN_SIGNER = "unknown_signer"  # intact, but no trust anchor vouches for the certificate
    REVOKED = "revoked"  # signed at or after the city revoked the certificate


@dataclass(frozen=True)
class SignatureCheck:
    outcome: Outcome
    certificate: asn1_x509.Certificate | None = None  # the signer's, once the signature was read
    revoked_at: datetime | None = None

    @property
    def signer(self) -> str:
        """The organisation (station) the signing certificate names."""
        if self.certificate is None:
            return ""
        return str(self.certificate.subject.native.get("organization_name", ""))


def reader_of(pdf: bytes) -> PdfFileReader | None:
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        reader.root  # noqa: B018 (touching the catalogue makes a damaged file fail here, not later)
    except Exception:  # an untrusted file can fail parsing in any way; the outcome says so
        return None
    return reader


def named_document(reader: PdfFileReader) -> tuple[uuid.UUID, str] | None:
    """The document id and content digest in the Keywords entry; None when there are none."""
    try:
        text = str(reader.trailer_view["/Info"].get("/Keywords", ""))
    except Exception:  # no or damaged info dictionary
        return None
    return issued.named_in(text)


def check(
    reader: PdfFileReader | None, anchors: Sequence[asn1_x509.Certificate], revoked: Mapping[int, datetime]
) -> SignatureCheck:
    """The last signature of the file, against ``anchors`` and ``revoked`` (certificate serial -> when)."""
    if reader is None:
        return SignatureCheck(Outcome.UNREADABLE)
    try:
        embedded = reader.embedded_signatures
    except Exception:  # a damaged AcroForm or signature dictionary: treated as no signature
        embedded = []
    if not embedded:
        return SignatureCheck(Outcome.UNSIGNED)
    try:
        status = validate_pdf_signature(
            embedded[-1], ValidationContext(trust_roots=list(anchors), allow_fetching=False)
        )
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError, OSError):
        return SignatureCheck(Outcome.DAMAGED)
    certificate = status.signing_cert
    if not (status.intact and status.valid):
        return SignatureCheck(Outcome.ALTERED, certificate)
    if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(Outcome.APPENDED, certificate)
    if not status.trusted:
        return SignatureCheck(Outcome.UNKNOWN_SIGNER, certificate)
    revoked_at = revoked.get(certificate.serial_number)
    signed_at = status.signer_reported_dt
    if revoked_at is not None and (signed_at is None or signed_at >= revoked_at):
        return SignatureCheck(Outcome.REVOKED, certificate, revoked_at)
    return SignatureCheck(Outcome.VALID, certificate)
