"""The city's document-signing authority: one X.509 root that certifies each enrolled laptop's signing key.

A laptop sends a certificate signing request (CSR) for the key it signs documents with; the key never leaves the
laptop. The certificate says which station the laptop works for, in the city's words (the CSR's own subject is
ignored: a laptop must not name itself). Every laptop of the city then trusts the root alone, so a document issued
on one laptop verifies on any other.

The root's private key is kept PKCS#8-encrypted with a passphrase the administrator gives through the environment
or a file (never on the command line, where ``ps`` would show it).

The root reaches every station as reference data (table ``city_certificate``, written at every server start), and
revoking a device publishes its certificate's serial and revocation time (table ``revoked_certificate``): what the
device signs from then on is refused by every station and by ``/v1/verify``.
"""

import datetime
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from .config import Settings
from .feed import write_rows
from .ingest import server_row
from .models import SyncRow
from .reference import row_id_for

ROOT_TABLE = "city_certificate"
REVOKED_TABLE = "revoked_certificate"
KEY_FILE = "city-root-key.pem"
CERTIFICATE_FILE = "city-root.pem"
ROOT_YEARS = 30
# Laptops sign offline for years and renew only when enrolled again; revoking a laptop revokes its certificate
# (publish_revocation): what it signed before stays genuine, what it signs after is refused.
DEVICE_YEARS = 10
COMMON_NAME_BYTES = 64  # X.520 upper bound, in UTF-8 bytes
MIN_RSA_BITS = 2048
SIGNING_CURVES = (ec.SECP256R1, ec.SECP384R1)


class CaError(Exception):
    """The authority cannot be set up or used; the message tells the administrator what to do."""


class InvalidCsr(ValueError):
    """A request the authority will not certify; the message says why (it goes back to the client)."""


@dataclass(frozen=True)
class CityCa:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def root_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def issue(self, csr: x509.CertificateSigningRequest, station_name: str, device_id: uuid.UUID) -> str:
        """The PEM certificate of a laptop's document-signing key, for ``station_name``."""
        now = datetime.datetime.now(datetime.UTC)
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, station_name),
                x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(station_name, COMMON_NAME_BYTES)),
                # The device, not a person: it tells two laptops of one station apart, and a revoked one.
                x509.NameAttribute(NameOID.SERIAL_NUMBER, str(device_id)),
            ]
        )
        public_key = csr.public_key()
        certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(
                min(now + datetime.timedelta(days=365 * DEVICE_YEARS), self.certificate.not_valid_after_utc)
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(signs_certificates=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)  # type: ignore[arg-type]
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def read_csr(pem: str) -> x509.CertificateSigningRequest:
    """A laptop's CSR, checked: PEM, self-signed by the key it names, and a key fit for signing documents."""
    try:
        csr = x509.load_pem_x509_csr(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as error:
        raise InvalidCsr("signing_csr is not a PEM certificate signing request.") from error
    try:
        valid = csr.is_signature_valid
        public_key = csr.public_key()
    except (ValueError, InvalidSignature) as error:
        raise InvalidCsr("signing_csr cannot be read: its key or signature is damaged.") from error
    if not valid:
        raise InvalidCsr("signing_csr is not signed by the key it names.")
    if isinstance(public_key, ec.EllipticCurvePublicKey) and isinstance(public_key.curve, SIGNING_CURVES):
        return csr
    if isinstance(public_key, rsa.RSAPublicKey) and public_key.key_size >= MIN_RSA_BITS:
        return csr
    raise InvalidCsr("signing_csr must name an ECDSA P-256 or P-384 key, or an RSA key of at least 2048 bits.")


def init(folder: Path, passphrase: bytes, name: str) -> x509.Certificate:
    """Make the city's root key and certificate in ``folder``; refuses to replace an existing one."""
    if not passphrase:
        raise CaError("The passphrase is empty.")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_path, certificate_path = folder / KEY_FILE, folder / CERTIFICATE_FILE
    if key_path.exists() or certificate_path.exists():
        # Replacing it would make every laptop's certificate, and every document signed with one, untrusted.
        raise CaError(f"A signing authority exists already in {folder}; it is never replaced.")
    key = ec.generate_private_key(ec.SECP384R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(f"{name} 文书签章根证书", COMMON_NAME_BYTES)),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * ROOT_YEARS))
        # path_length 0: the root certifies laptops only, never another authority.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signs_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA384())
    )
    encrypted = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(passphrase)
    )
    # O_EXCL: two administrators running init at once cannot both write a key.
    descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(encrypted)
    certificate_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return certificate


def load(folder: Path, passphrase: bytes | None) -> CityCa | None:
    """The authority in ``folder``; None when the city has none (laptops then keep their own keys)."""
    key_path, certificate_path = folder / KEY_FILE, folder / CERTIFICATE_FILE
    if not key_path.exists():
        return None
    if passphrase is None:
        raise CaError(
            f"The signing authority in {folder} needs its passphrase: set HEZE_SERVER_CA_PASSPHRASE_FILE "
            "(or HEZE_SERVER_CA_PASSPHRASE)."
        )
    try:
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=passphrase)
        certificate = x509.load_pem_x509_certificate(certificate_path.read_bytes())
    except (ValueError, TypeError) as error:
        raise CaError(
            f"The signing authority in {folder} cannot be opened: wrong passphrase or damaged files."
        ) from error
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
        raise CaError(f"The key and certificate in {folder} do not belong together.")
    return CityCa(key, certificate)


def passphrase(settings: Settings) -> bytes | None:
    """From the passphrase file if one is set (a trailing newline is not part of it), else the variable."""
    if settings.ca_passphrase_file is not None:
        return settings.ca_passphrase_file.read_bytes().rstrip(b"\r\n")
    if settings.ca_passphrase is not None:
        return settings.ca_passphrase.get_secret_value().encode("utf-8")
    return None


def from_settings(settings: Settings) -> CityCa | None:
    return load(settings.ca_folder, passphrase(settings))


def serial_text(serial: int) -> str:
    """A certificate serial number as it travels and is stored: lower-case hex, no leading zeros."""
    return format(serial, "x")


def fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def publish_root(session: Session, authority: CityCa) -> bool:
    """The root as reference data for every station; False when it is published already."""
    row_id = row_id_for(ROOT_TABLE, fingerprint(authority.certificate))
    if session.scalar(select(SyncRow.row_id).where(SyncRow.row_id == row_id)) is not None:
        return False
    fields = {"sha256": fingerprint(authority.certificate), "pem": authority.root_pem}
    write_rows(session, [server_row(ROOT_TABLE, row_id, None, fields)])
    return True


def publish_revocation(session: Session, serial: str, revoked_at: datetime.datetime) -> None:
    """A revoked device's certificate, for every station: documents it signed from ``revoked_at`` on are refused."""
    row_id = row_id_for(REVOKED_TABLE, serial)
    if session.scalar(select(SyncRow.row_id).where(SyncRow.row_id == row_id)) is not None:
        return
    fields = {"serial": serial, "revoked_at": revoked_at.isoformat()}
    write_rows(session, [server_row(REVOKED_TABLE, row_id, None, fields)])


def _key_usage(*, signs_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not signs_certificates,
        content_commitment=not signs_certificates,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=signs_certificates,
        crl_sign=signs_certificates,
        encipher_only=False,
        decipher_only=False,
    )


def _within_bytes(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text
