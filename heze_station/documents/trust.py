"""Whom this laptop believes about a document's signature: the city's roots, minus revoked certificates, and its
own self-signed certificate for what it signed before it joined the city.

The city's part arrives as reference data (tables ``city_certificate`` and ``revoked_certificate``) and is copied to
``<data dir>/city-trust.json`` whenever it changes, because ``heze-station verify`` checks a file without signing
in (the database is encrypted). Both are public: certificates and serial numbers, no personal data.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from .signing import existing_certificate, write_whole

TRUST_FILE = "city-trust.json"


@dataclass(frozen=True)
class Trust:
    city_roots: tuple[asn1_x509.Certificate, ...] = ()
    revoked: Mapping[int, datetime] = field(default_factory=dict)  # certificate serial -> when the city revoked it
    own: asn1_x509.Certificate | None = None  # this laptop's self-signed certificate, from before it joined the city

    @property
    def anchors(self) -> list[asn1_x509.Certificate]:
        return [*self.city_roots, *([self.own] if self.own is not None else [])]


def _certificate(pem: str) -> asn1_x509.Certificate:
    der = x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(serialization.Encoding.DER)
    return asn1_x509.Certificate.load(der)


def of(data_dir: Path, roots_pem: Iterable[str], revoked: Mapping[str, datetime]) -> Trust:
    """The trust of the laptop in ``data_dir`` with the city's roots (PEM) and revocations (hex serial -> when)."""
    own = existing_certificate(data_dir)
    return Trust(
        city_roots=tuple(_certificate(pem) for pem in roots_pem),
        revoked={int(serial, 16): at for serial, at in revoked.items()},
        own=own.certificate if own is not None else None,
    )


def write(data_dir: Path, roots_pem: Iterable[str], revoked: Mapping[str, datetime]) -> None:
    document = {
        "roots": sorted(roots_pem),
        "revoked": {serial: at.isoformat() for serial, at in sorted(revoked.items())},
    }
    write_whole(data_dir / TRUST_FILE, json.dumps(document, indent=1).encode("ascii"))


def read(data_dir: Path) -> Trust:
    """The trust written by the last sync; only the laptop's own certificate when there is none (never enrolled,
    or a damaged file: then documents of other laptops are not confirmed, none is wrongly confirmed)."""
    try:
        document = json.loads((data_dir / TRUST_FILE).read_text(encoding="ascii"))
        roots = [str(pem) for pem in document["roots"]]
        revoked = {str(serial): datetime.fromisoformat(at) for serial, at in document["revoked"].items()}
        return of(data_dir, roots, revoked)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return of(data_dir, [], {})
