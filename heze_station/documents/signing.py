"""The station's digital signature on every issued PDF (PAdES baseline B-B, pyHanko).

A station makes its own ECDSA key and self-signed certificate the first time it signs. When it enrols with a city
server that runs a signing authority, it sends a request for that same key and keeps the city's certificate and
root beside it (``CITY_CHAIN_FILE``); later documents carry that chain, so every laptop of the city can check
them, while the self-signed certificate stays to check the documents signed before. All live in
``<data dir>/keys/``, never in the database file: the database travels by sync and backups, the private key must
not. The folder is 0700, the key file 0600 and encrypted (PKCS#8 with a passphrase the station derives from its
database key), and an existing key is never replaced. No time-stamp authority is reachable offline, so the signing
time is the laptop's own claim; the stored SHA-256 (see ``integrity``) is what proves a file unchanged.
"""

import datetime
import io
import os
from functools import cached_property
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_certs_from_pemder, load_private_key_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..paths import KEYS_FOLDER

KEY_FILE = "station-key.pem"
CERTIFICATE_FILE = "station-certificate.pem"
# The city's certificate of the key, then the city's root: one file, replaced at once, so they always match.
CITY_CHAIN_FILE = "city-certificate.pem"
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


class StationKey:
    """The key and certificate in one station's keys folder; the pyHanko signer is made once and reused."""

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
    def certificate(self) -> asn1_x509.Certificate:
        return _asn1(x509.load_pem_x509_certificate(self.certificate_path.read_bytes()))

    @property
    def city_chain_path(self) -> Path:
        return self.folder / CITY_CHAIN_FILE

    @cached_property
    def city_root(self) -> asn1_x509.Certificate | None:
        """The city's root this station was given at enrolment; None before (or with a city without one)."""
        if not self.city_chain_path.exists():
            return None
        return _asn1(x509.load_pem_x509_certificates(self.city_chain_path.read_bytes())[-1])

    @cached_property
    def _signer(self) -> signers.SimpleSigner:
        if not self.city_chain_path.exists():
            return signers.SimpleSigner.load(
                str(self.key_path), str(self.certificate_path), key_passphrase=self.passphrase
            )
        # The file holds the city's certificate of this key, then the root, embedded for readers without it.
        certificate, *chain = load_certs_from_pemder([str(self.city_chain_path)])
        return signers.SimpleSigner(
            signing_cert=certificate,
            signing_key=load_private_key_from_pemder(str(self.key_path), self.passphrase),
            cert_registry=SimpleCertificateStore.from_certs(chain),
        )

    def signing_request(self) -> str:
        """A PEM certificate signing request for this key, for the city's authority (which names the station)."""
        subject = x509.Name(
            [x509.NameAttribute(NameOID.COMMON_NAME, _within_bytes(self.station_name, COMMON_NAME_BYTES))]
        )
        request = (
            x509.CertificateSigningRequestBuilder().subject_name(subject).sign(self._private_key(), hashes.SHA256())
        )
        return request.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def take_city_certificate(self, certificate_pem: str, root_pem: str) -> bool:
        """Keep the city's certificate of this key and its root, for the documents signed from now on.

        False (and nothing kept) when the certificate is not of this key or not issued by that root: the station
        then goes on signing with its own certificate rather than with one no reader could check."""
        try:
            certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
            root = x509.load_pem_x509_certificate(root_pem.encode("ascii"))
            certificate.verify_directly_issued_by(root)
        except (ValueError, TypeError, UnicodeEncodeError, InvalidSignature):
            return False
        if certificate.public_key() != self._private_key().public_key():
            return False
        chain = b"".join(item.public_bytes(serialization.Encoding.PEM) for item in (certificate, root))
        temporary = self.city_chain_path.with_suffix(".tmp")
        temporary.write_bytes(chain)
        os.replace(temporary, self.city_chain_path)
        self.__dict__.pop("_signer", None)
        self.__dict__.pop("city_root", None)
        return True

    def _private_key(self) -> ec.EllipticCurvePrivateKey:
        private_key = serialization.load_pem_private_key(self.key_path.read_bytes(), password=self.passphrase)
        assert isinstance(private_key, ec.EllipticCurvePrivateKey)
        return private_key

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


def station_key(data_dir: Path, station_name: str, passphrase: bytes | None = None) -> StationKey:
    """The station's key, created with its self-signed certificate on first use.

    ``passphrase``: what the key file is encrypted with (a station's is derived from its database key; None leaves
    it unencrypted, for documents signed outside a station: tests and benchmarks). A key written unencrypted by an
    earlier version is encrypted in place the first time it is used with a passphrase.
    """
    folder = keys_dir(data_dir)
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
    """The station's key if it has one (``verify`` must not create a key as a side effect)."""
    key = StationKey(keys_dir(data_dir), "")
    return key if key.certificate_path.exists() else None


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


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
    """The same key, now encrypted: written beside it, then renamed over it."""
    private_key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(private_key, ec.EllipticCurvePrivateKey)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(_pem(private_key, passphrase))
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


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
