"""The city's own check of an issued document: the PDF the station uploaded, against the city's root.

A digest a device pushed proves nothing by itself (a device can push any row). What the city trusts is the PDF
behind the row, uploaded by the station and verified against its SHA-256 on arrival (attachments.py): its PAdES
signature must be intact over the whole file, made with a certificate the city's authority issued to a device of
the row's station and had not revoked when it signed, and the Keywords it signed must name this document and its
content digest. The answer is one of ``SignatureState``'s words (sync.schemas); "certified" is the only good one.
"""

from datetime import datetime

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..sync.schemas import SignatureState
from . import attachments
from .ca import CityCa, serial_text
from .models import Device, SyncRow


def signature_state(session: Session, row: SyncRow, authority: CityCa | None) -> tuple[SignatureState, str | None]:
    """The state of the row's uploaded PDF, and the organisation its signing certificate names (when read)."""
    if authority is None:
        return "no_authority", None
    pdf = attachments.stored(session, str(row.fields.get("pdf_sha256") or ""))
    if pdf is None:
        return "not_uploaded", None
    # pyHanko is loaded with the first document checked, not with every server command.
    from ..sync import signatures

    reader = signatures.reader_of(pdf)
    root = _asn1(authority)
    result = signatures.check(reader, [root], _revocations(session))
    if result.outcome is not signatures.Outcome.VALID:
        return result.outcome.value, result.signer or None  # type: ignore[return-value]
    assert reader is not None
    assert result.certificate is not None
    device_station = session.scalar(
        select(Device.station_id).where(Device.certificate_serial == serial_text(result.certificate.serial_number))
    )
    if device_station != row.station_id:
        return "other_station", result.signer
    if signatures.named_document(reader) != (row.row_id, row.fields.get("content_sha256")):
        return "other_document", result.signer
    return "certified", result.signer


def _asn1(authority: CityCa):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(authority.certificate.public_bytes(serialization.Encoding.DER))


def _revocations(session: Session) -> dict[int, datetime]:
    rows = session.execute(
        select(Device.certificate_serial, Device.revoked_at).where(
            Device.certificate_serial.is_not(None), Device.revoked_at.is_not(None)
        )
    )
    return {int(serial, 16): revoked_at for serial, revoked_at in rows}
