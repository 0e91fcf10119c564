"""Whom this laptop believes about a document's signature: the city's roots, minus revoked certificates, and its
own self-signed certificate for what it signed before it joined the city.

The city's root comes with the enrolment answer (kept beside the signing key, see ``signing``) and, with the list of
revoked certificates, as reference data (tables ``city_certificate`` and ``revoked_certificate``), which is copied to
``<data dir>/city-trust.json`` whenever it changes, because ``heze-station verify`` checks a file without signing
in (the database is encrypted). All of it is public: certificates and serial numbers, no personal data.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the certificate libraries load when a certificate is read: signing in writes the file only
    from asn1crypto import x509 as asn1_x509

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
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    der = x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(serialization.Encoding.DER)
    return asn1_x509.Certificate.load(der)


def of(data_dir: Path, roots_pem: Iterable[str], revoked: Mapping[str, datetime]) -> Trust:
    """The trust of the laptop in ``data_dir`` with the city's roots (PEM) and revocations (hex serial -> when)."""
    # Imported here: the signing library (pyHanko, 0.3 s) is for checking a document, not for writing this file at
    # every sign-in.
    from .signing import existing_certificate

    key = existing_certificate(data_dir)
    roots = {root.dump(): root for root in map(_certificate, roots_pem)}
    if key is not None and key.city_root is not None:  # given at enrolment, before the first pull brings it
        roots.setdefault(key.city_root.dump(), key.city_root)
    return Trust(
        city_roots=tuple(roots.values()),
        revoked={int(serial, 16): at for serial, at in revoked.items()},
        own=key.certificate if key is not None else None,
    )


def write(data_dir: Path, roots_pem: Iterable[str], revoked: Mapping[str, datetime]) -> None:
    document = {
        "roots": sorted(roots_pem),
        "revoked": {serial: at.isoformat() for serial, at in sorted(revoked.items())},
    }
    # Written beside it, then renamed over it: a reader never sees half a file.
    path = data_dir / TRUST_FILE
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="ascii") as file:
        json.dump(document, file, indent=1)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


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
