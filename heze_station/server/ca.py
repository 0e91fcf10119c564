"""The city's document-signing authority: a root certificate that certifies each enrolled laptop's signing key.

``heze-station-server ca init`` makes it once: an ECDSA P-256 key and a self-signed root, in ``Settings.ca_dir``
(``<data dir>/ca`` unless ``HEZE_SERVER_CA_DIR`` says otherwise). The key file is PKCS#8 encrypted with a
passphrase that is typed, or read from ``HEZE_SERVER_CA_PASSPHRASE_FILE`` / ``HEZE_SERVER_CA_PASSPHRASE`` for a
server started by systemd. The serving process unlocks the key once at start.

At enrolment a laptop sends a certificate request made with a key that never leaves it; the city answers with a
certificate for that key whose subject it writes itself (station and device names, the device id), so a request
cannot claim another station. The root reaches every station as reference data (table ``city_certificate``), and
revoking a device publishes its certificate's serial and revocation time (table ``revoked_certificate``).
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
from .errors import bad_request
from .feed import write_rows
from .ingest import server_row
from .models import SyncRow
from .reference import row_id_for

KEY_FILE = "city-ca-key.pem"
CERTIFICATE_FILE = "city-ca.pem"
ROOT_TABLE = "city_certificate"
REVOKED_TABLE = "revoked_certificate"
ROOT_YEARS = 30
# A device certificate outlives any laptop; revocation, not expiry, is what ends a lost one's signatures.
DEVICE_YEARS = 10
MIN_PASSPHRASE_CHARS = 12
MAX_REQUEST_CHARS = 4000
COMMON_NAME_BYTES = 64  # X.520 upper bound, in UTF-8 bytes
DEFAULT_NAME = "菏泽市劳动争议调解文书签名根证书"


class Unavailable(Exception):
    """The authority exists but cannot be used (no passphrase given, a wrong one, a damaged file), or a second
    ``ca init`` would replace it. The message says what to do."""


def _within_bytes(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def serial_text(serial: int) -> str:
    """A serial number as it travels and is stored: lower-case hex, no leading zeros."""
    return format(serial, "x")


@dataclass(frozen=True)
class CityAuthority:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def issue(
        self, request: x509.CertificateSigningRequest, station_name: str, device_name: str, device_id: uuid.UUID
    ) -> x509.Certificate:
        """A signing certificate for the key in ``request``; the subject is the city's, not the request's."""
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, station_name),
                x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, _within_bytes(device_name, COMMON_NAME_BYTES)),
                x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(station_name, COMMON_NAME_BYTES)),
                x509.NameAttribute(NameOID.SERIAL_NUMBER, str(device_id)),
            ]
        )
        public_key = request.public_key()
        now = datetime.datetime.now(datetime.UTC)
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            # A few minutes back: a laptop whose clock runs a little behind still signs inside the validity.
            .not_valid_before(now - datetime.timedelta(minutes=10))
            .not_valid_after(now + datetime.timedelta(days=365 * DEVICE_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(signs_certificates=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )


def _key_usage(*, signs_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not signs_certificates,
        content_commitment=not signs_certificates,  # non-repudiation: what a signed document asserts
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=signs_certificates,
        crl_sign=signs_certificates,
        encipher_only=False,
        decipher_only=False,
    )


def init(folder: Path, passphrase: str, name: str = DEFAULT_NAME) -> CityAuthority:
    """Make the authority's key and root certificate in ``folder``; refuses to replace an existing one."""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise Unavailable(f"The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters.")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(name, COMMON_NAME_BYTES)),
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
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signs_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    try:
        # O_EXCL: an authority that exists is never replaced (every certificate it issued would stop verifying).
        descriptor = os.open(folder / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise Unavailable(f"The city's signing authority exists already in {folder}; it is never replaced.") from error
    with os.fdopen(descriptor, "wb") as file:
        file.write(encrypted)
        file.flush()
        os.fsync(file.fileno())
    (folder / CERTIFICATE_FILE).write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return CityAuthority(certificate, key)


def passphrase_of(settings: Settings) -> str | None:
    """The passphrase from the settings: the file's first line, else the variable; None when neither is set."""
    if settings.ca_passphrase_file is not None:
        try:
            lines = settings.ca_passphrase_file.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise Unavailable(f"HEZE_SERVER_CA_PASSPHRASE_FILE: {error.strerror or error}") from error
        return lines[0] if lines else ""
    return settings.ca_passphrase.get_secret_value() if settings.ca_passphrase else None


def load(settings: Settings) -> CityAuthority | None:
    """The unlocked authority; None when ``ca init`` was never run (enrolment then issues no certificates)."""
    folder = settings.ca_directory
    if not (folder / KEY_FILE).exists():
        return None
    passphrase = passphrase_of(settings)
    if passphrase is None:
        raise Unavailable(
            f"The city's signing authority in {folder} is locked: set HEZE_SERVER_CA_PASSPHRASE_FILE (a file whose "
            "first line is its passphrase) or HEZE_SERVER_CA_PASSPHRASE."
        )
    try:
        key = serialization.load_pem_private_key((folder / KEY_FILE).read_bytes(), password=passphrase.encode())
        certificate = x509.load_pem_x509_certificate((folder / CERTIFICATE_FILE).read_bytes())
    except ValueError as error:  # cryptography says a wrong passphrase and a damaged file alike
        raise Unavailable(f"The passphrase of the city's signing authority in {folder} is wrong.") from error
    except OSError as error:
        raise Unavailable(f"{folder / CERTIFICATE_FILE}: {error.strerror or error}") from error
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != certificate.public_key():
        raise Unavailable(f"The key and certificate in {folder} do not belong together.")
    return CityAuthority(certificate, key)


def parse_request(text: str) -> x509.CertificateSigningRequest:
    """A laptop's certificate request, checked: PEM, self-signed by its key, a key fit for signing documents."""
    if len(text) > MAX_REQUEST_CHARS:
        raise bad_request("invalid_certificate_request", "The certificate request is too long.")
    try:
        request = x509.load_pem_x509_csr(text.encode("ascii", errors="replace"))
        signed = request.is_signature_valid
        key = request.public_key()
    except (ValueError, InvalidSignature, x509.UnsupportedGeneralNameType) as error:
        raise bad_request("invalid_certificate_request", "The certificate request is not a PEM CSR.") from error
    if not signed:
        raise bad_request("invalid_certificate_request", "The certificate request is not signed by its own key.")
    strong = (isinstance(key, ec.EllipticCurvePublicKey) and key.curve.key_size >= 256) or (
        isinstance(key, rsa.RSAPublicKey) and key.key_size >= 2048
    )
    if not strong:
        raise bad_request(
            "invalid_certificate_request", "The certificate request's key must be ECDSA P-256 (or RSA 2048) or larger."
        )
    return request


def publish_root(session: Session, authority: CityAuthority) -> bool:
    """The root as reference data for every station; False when it is published already."""
    row_id = row_id_for(ROOT_TABLE, fingerprint(authority.certificate))
    if session.scalar(select(SyncRow.row_id).where(SyncRow.row_id == row_id)) is not None:
        return False
    fields = {"sha256": fingerprint(authority.certificate), "pem": authority.certificate_pem}
    write_rows(session, [server_row(ROOT_TABLE, row_id, None, fields)])
    return True


def publish_revocation(session: Session, serial: str, revoked_at: datetime.datetime) -> None:
    """A revoked device's certificate, for every station: documents it signed after ``revoked_at`` are refused."""
    row_id = row_id_for(REVOKED_TABLE, serial)
    if session.scalar(select(SyncRow.row_id).where(SyncRow.row_id == row_id)) is not None:
        return
    fields = {"serial": serial, "revoked_at": revoked_at.isoformat()}
    write_rows(session, [server_row(REVOKED_TABLE, row_id, None, fields)])
