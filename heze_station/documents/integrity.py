"""What a printed page carries to prove it genuine, and what the station stores.

Two digests, because a document cannot contain the hash of its own final bytes:

- ``content_sha256``: SHA-256 of the document's content (the builder's input, canonical JSON, images by their
  own SHA-256). It is known before the first page is drawn, so the QR code and the short verification code on
  every page carry it together with the document id. A paper copy is checked by scanning the QR code and
  comparing with the station's record; it proves which content was issued, not that the paper is unaltered.
- ``pdf_sha256``: SHA-256 of the final, digitally signed PDF bytes, stored with the issued document. A PDF file
  is checked against it byte for byte (``verify``), and its PAdES signature proves who issued it.
"""

import dataclasses
import hashlib
import json
import uuid
from datetime import date, datetime
from enum import Enum

QR_PREFIX = "HZDOC1"


def _canonical(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, bytes):
        # Images enter the digest by their hash: the JSON stays small and the same image gives the same digest.
        return {"sha256": hashlib.sha256(value).hexdigest()}
    if isinstance(value, tuple | list):
        return [_canonical(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def content_sha256(content: object) -> str:
    """Hex SHA-256 of the canonical JSON of a content dataclass: the same content always gives the same digest."""
    text = json.dumps(_canonical(content), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pdf_sha256(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def qr_payload(document_id: uuid.UUID, content_digest: str) -> str:
    """What the QR code on every page says: a versioned prefix, the document id and the content digest.

    Upper case only, so that the QR code uses its alphanumeric mode: a smaller code that scans more easily.
    """
    return f"{QR_PREFIX}:{document_id}:{content_digest}".upper()


def verification_code(document_id: uuid.UUID, content_digest: str) -> str:
    """12 characters a person can read out on the phone: the id's last 4 hex digits and the digest's first 8.

    UUIDv7 ids begin with a timestamp, so their end is what tells two documents of the same minute apart.
    """
    code = (document_id.hex[-4:] + content_digest[:8]).upper()
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
