"""The station's digital signature on every issued PDF (PAdES baseline B-B, pyHanko).

Until this laptop joins the city (enrolment), it makes its own ECDSA key and self-signed certificate the first time
it signs. At enrolment it makes a second key and sends a certificate request for it; the city's authority answers
with a certificate, and from then on documents are signed with that key, their signature carrying the certificate
and the city's root, so that any station (and pdfsig with the root trusted) can check them. The self-signed
certificate is kept: documents signed before enrolment are still checked against it.

Keys live in ``<data dir>/keys/``, never in the database file: the database travels by sync and backups, the
private keys must not. The folder is 0700, key files 0600 and encrypted (PKCS#8 with a passphrase the station
derives from its database key), and an existing self-signed key is never replaced. The city-certified key, its
certificate and the root are one file, written whole or not at all. No time-stamp authority is reachable offline,
so the signing time is the laptop's own claim; the stored SHA-256 (see ``integrity``) is what proves a file
unchanged.
"""

import datetime
import io
import os
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..paths import KEYS_FOLDER

KEY_FILE = "station-key.pem"
CERTIFICATE_FILE = "station-certificate.pem"
# This laptop's city-certified key (encrypted), its certificate and the city root, in that order.
CITY_FILE = "city-signing.pem"
_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z ]+)-----.+?-----END \1-----\n?", re.DOTALL)
# ECDSA P-256: as strong as RSA-3072 here, and pyHanko loads the key for each signature, which takes RSA-3072 over
# 100 ms (key validation) and P-256 about a millisecond. Poppler (pdfsig), Adobe and pyHanko all verify it.
CURVE = ec.SECP256R1()
# Room for the CMS signature in the file, so pyHanko need not make a dummy signature first to measure it.
SIGNATURE_BYTES_RESERVED = 8192
CERTIFICATE_YEARS = 20
SIGNATURE_FIELD = "HezeStationSignature"
COMMON_NAME_BYTES = 64  # X.520 upper bound, in UTF-8 bytes; the full name is in the organisation attribute


def keys_dir(data_dir: Path) -> Path:
    return data_dir / KEYS_FOLDER


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


class DocumentKey(ABC):
    """What signs this laptop's documents: a key and its certificate; the pyHanko signer is made once and reused."""

    station_name: str

    @abstractmethod
    def _load_signer(self) -> signers.SimpleSigner: ...

    @cached_property
    def _signer(self) -> signers.SimpleSigner:
        return self._load_signer()

    @property
    def certificate(self) -> asn1_x509.Certificate:
        return self._signer.signing_cert

    @property
    def certificate_pem(self) -> str:
        der = self.certificate.dump()
        return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM).decode("ascii")

    def sign(self, pdf: bytes) -> bytes:
        """``pdf`` with a PAdES signature over the whole file, appended as an incremental update."""
        metadata = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason="调解组织出具文书",
            location=self.station_name,
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        return signers.sign_pdf(
            writer, metadata, signer=self._signer, bytes_reserved=SIGNATURE_BYTES_RESERVED
        ).getvalue()


class StationKey(DocumentKey):
    """The self-signed key and certificate this laptop made for itself before it joined the city."""

    def __init__(self, folder: Path, station_name: str, passphrase: bytes | None = None):
        self.folder = folder
        self.station_name = station_name
        self.passphrase = passphrase

    @property
    def key_path(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def certificate_path(self) -> Path:
        return self.folder / CERTIFICATE_FILE

    @cached_property
    def certificate(self) -> asn1_x509.Certificate:  # read without the key: ``verify`` has no passphrase
        return _asn1(x509.load_pem_x509_certificate(self.certificate_path.read_bytes()))

    def _load_signer(self) -> signers.SimpleSigner:
        return signers.SimpleSigner.load(str(self.key_path), str(self.certificate_path), key_passphrase=self.passphrase)


class CityKey(DocumentKey):
    """The key the city certified at enrolment; each signature carries its certificate and the city's root."""

    def __init__(self, path: Path, station_name: str, passphrase: bytes | None):
        self.path = path
        self.station_name = station_name
        self.passphrase = passphrase

    def _load_signer(self) -> signers.SimpleSigner:
        key_pem, certificate_pem, root_pem = _pem_blocks(self.path.read_bytes())
        key = serialization.load_pem_private_key(key_pem, password=self.passphrase)
        der = key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        return signers.SimpleSigner(
            signing_cert=_asn1(x509.load_pem_x509_certificate(certificate_pem)),
            signing_key=asn1_keys.PrivateKeyInfo.load(der),
            cert_registry=SimpleCertificateStore.from_certs([_asn1(x509.load_pem_x509_certificate(root_pem))]),
        )


def _pem_blocks(data: bytes) -> list[bytes]:
    return [match[0] for match in _PEM_BLOCK.finditer(data)]


@dataclass(frozen=True)
class CertificateRequest:
    """A new signing key, in memory until the city certifies it, and the request (PEM) that asks it to."""

    key: ec.EllipticCurvePrivateKey
    pem: str


def certificate_request(station_name: str) -> CertificateRequest:
    """A request for the city's certificate, for a key made here (the city writes the subject; this one is a hint)."""
    key = ec.generate_private_key(CURVE)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(station_name, COMMON_NAME_BYTES))])
    request = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return CertificateRequest(key, request.public_bytes(serialization.Encoding.PEM).decode("ascii"))


def fingerprint(pem: str) -> str:
    """A certificate's SHA-256 fingerprint (hex), as the city names its root."""
    return x509.load_pem_x509_certificate(pem.encode("ascii")).fingerprint(hashes.SHA256()).hex()


class NotOurCertificate(ValueError):
    """The certificate the server sent is not for this request's key, or not issued by the root it sent."""


def keep_city_certificate(
    data_dir: Path, request: CertificateRequest, certificate_pem: str, root_pem: str, passphrase: bytes | None
) -> None:
    """Sign with the city-certified key from now on; an earlier city key (a laptop enrolled again) is replaced."""
    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
        root = x509.load_pem_x509_certificate(root_pem.encode("ascii"))
        certificate.verify_directly_issued_by(root)
    except (ValueError, TypeError, UnicodeEncodeError, InvalidSignature) as error:
        raise NotOurCertificate("the certificate was not issued by the city root sent with it") from error
    if certificate.public_key() != request.key.public_key():
        raise NotOurCertificate("the certificate is for another key than this request's")
    folder = keys_dir(data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    encoding = serialization.Encoding.PEM
    content = _pem(request.key, passphrase) + certificate.public_bytes(encoding) + root.public_bytes(encoding)
    write_whole(folder / CITY_FILE, content)


def write_whole(path: Path, content: bytes) -> None:
    """``content`` in ``path`` (0600) or, after a crash, the file as it was: written beside it, then renamed."""
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def station_key(data_dir: Path, station_name: str, passphrase: bytes | None = None) -> DocumentKey:
    """The key this laptop signs with: the city-certified one once enrolled, else its own self-signed key, created
    with its certificate on first use.

    ``passphrase``: what the key file is encrypted with (a station's is derived from its database key; None leaves
    it unencrypted, for documents signed outside a station: tests and benchmarks). A key written unencrypted by an
    earlier version is encrypted in place the first time it is used with a passphrase.
    """
    folder = keys_dir(data_dir)
    if (folder / CITY_FILE).exists():
        return CityKey(folder / CITY_FILE, station_name, passphrase)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = StationKey(folder, station_name, passphrase)
    if not key.key_path.exists():
        _write_new_key(key.key_path, passphrase)
    elif passphrase is not None and b"ENCRYPTED" not in key.key_path.read_bytes()[:40]:
        _encrypt_key(key.key_path, passphrase)
    if not key.certificate_path.exists():
        # Also after a crash between writing the key and its certificate: the key is kept, the certificate remade.
        _write_certificate(key.key_path, key.certificate_path, station_name, passphrase)
    return key


def existing_certificate(data_dir: Path) -> StationKey | None:
    """The laptop's self-signed key if it made one, whose certificate checks what it signed before it joined the
    city (``verify`` must not create a key as a side effect)."""
    key = StationKey(keys_dir(data_dir), "")
    return key if key.certificate_path.exists() else None


def _pem(private_key: ec.EllipticCurvePrivateKey, passphrase: bytes | None) -> bytes:
    encryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase is not None else serialization.NoEncryption()
    )
    return private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


def _write_new_key(path: Path, passphrase: bytes | None) -> None:
    # O_EXCL: a key that exists is never replaced, even if two processes get here at once.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(_pem(ec.generate_private_key(CURVE), passphrase))


def _encrypt_key(path: Path, passphrase: bytes) -> None:
    """The same key, now encrypted."""
    private_key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(private_key, ec.EllipticCurvePrivateKey)
    write_whole(path, _pem(private_key, passphrase))


def _within_bytes(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def _write_certificate(key_path: Path, certificate_path: Path, station_name: str, passphrase: bytes | None) -> None:
    private_key = serialization.load_pem_private_key(key_path.read_bytes(), password=passphrase)
    assert isinstance(private_key, ec.EllipticCurvePrivateKey)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, station_name),
            x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(station_name, COMMON_NAME_BYTES)),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    public_key = private_key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(private_key, hashes.SHA256())
    )
    temporary = certificate_path.with_suffix(".tmp")
    temporary.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    os.replace(temporary, certificate_path)
