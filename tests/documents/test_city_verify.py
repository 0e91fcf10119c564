"""verify with the city's trust: a document of any laptop of any station the city certified is genuine, one signed
after its certificate was revoked or by a signer the city never certified is not; ``pdfsig`` agrees.

Laptops here are data folders enrolled by hand with a real authority (server.ca), as enrolment does over HTTP
(tests/station_sync/test_city_signing.py covers that road).
"""

import dataclasses
import os
import shutil
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509

from heze_station import cli
from heze_station.documents import issuing, signing, trust, verify
from heze_station.server import ca
from tests import samples

from .conftest import run

COMMAND = Path(sys.executable).parent / "heze-station"
PASSPHRASE = "菏泽 city authority 2026"
IN_CI = bool(os.environ.get("CI"))


@dataclasses.dataclass(frozen=True)
class Laptop:
    data_dir: Path
    key: signing.StationKey
    serial: str  # of its city certificate

    def issue(self, content: issuing.Content | None = None) -> issuing.IssuedDocument:
        content = content or samples.acceptance()
        fresh = dataclasses.replace(content, header=dataclasses.replace(content.header, document_id=uuid.uuid4()))
        return issuing.issue(fresh, self.key, uuid.uuid4())


def authority_in(folder: Path) -> ca.CityCa:
    ca.init(folder, PASSPHRASE.encode(), "菏泽市")
    authority = ca.load(folder, PASSPHRASE.encode())
    assert authority is not None
    return authority


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> ca.CityCa:
    return authority_in(tmp_path_factory.mktemp("city") / "ca")


def enrolled(folder: Path, authority: ca.CityCa, station_name: str) -> Laptop:
    """A laptop of ``station_name`` whose signing key the city certified, as enrolment does over HTTP."""
    key = signing.station_key(folder, station_name)
    certificate = authority.issue(ca.read_csr(key.signing_request()), station_name, uuid.uuid4())
    assert key.take_city_certificate(certificate, authority.root_pem)
    serial = ca.serial_text(x509.load_pem_x509_certificate(certificate.encode()).serial_number)
    return Laptop(folder, key, serial)


@pytest.fixture(scope="module")
def here(tmp_path_factory: pytest.TempPathFactory, authority: ca.CityCa) -> Path:
    """This laptop: it signed a document with its own key, then joined the city (its trust file has the root)."""
    folder = tmp_path_factory.mktemp("here")
    signing.station_key(folder, "城区驿站")  # its self-signed key, from before it joined
    trust.write(folder, [authority.root_pem], {})
    return folder


@pytest.fixture(scope="module")
def other_station(tmp_path_factory: pytest.TempPathFactory, authority: ca.CityCa) -> Laptop:
    return enrolled(tmp_path_factory.mktemp("yuncheng"), authority, "郓城县菏谐驿站")


def nobody_knows_it(_document_id: uuid.UUID) -> str | None:
    return None


def test_another_stations_document_is_genuine_when_the_city_certified_its_signer(
    here: Path, other_station: Laptop
) -> None:
    document = other_station.issue()

    verdict = verify.verify(document.pdf, nobody_knows_it, trust.read(here))

    assert verdict.genuine, [check.message.render() for check in verdict.checks]
    assert verdict.signature.message.render() == "Digitally signed by 郓城县菏谐驿站; the signature is intact."
    assert "not in this station's records" in verdict.known.message.render()
    assert verdict.conclusion.render().endswith("a mediation station the city certified.")


def test_a_document_of_this_station_from_another_laptop_is_genuine_and_known(
    here: Path, authority: ca.CityCa, tmp_path: Path
) -> None:
    other_laptop = enrolled(tmp_path / "移动仲裁庭", authority, "城区驿站")
    document = other_laptop.issue()

    verdict = verify.verify(document.pdf, {document.document_id: document.pdf_sha256}.get, trust.read(here))

    assert verdict.genuine
    assert verdict.conclusion.render() == "Genuine: an unaltered original issued by this station."


def test_what_this_laptop_signed_before_it_joined_the_city_still_verifies(here: Path) -> None:
    own = signing.existing_certificate(here)
    assert own is not None
    document = issuing.issue(samples.acceptance(), own, uuid.uuid4())

    verdict = verify.verify(document.pdf, {document.document_id: document.pdf_sha256}.get, trust.read(here))

    assert verdict.genuine
    assert "before it joined the city" in verdict.signature.message.render()
    assert verdict.conclusion.render() == "Genuine: an unaltered original issued by this station."


def test_another_laptops_self_signed_document_is_refused(here: Path, tmp_path: Path) -> None:
    stranger = signing.station_key(tmp_path, "城区驿站")  # same station name, but a key the city never certified
    pdf = stranger.sign(issuing.build_unsigned(samples.acceptance()))

    verdict = verify.verify(pdf, nobody_knows_it, trust.read(here))

    assert not verdict.genuine
    assert "its signer is unknown" in verdict.signature.message.render()


def test_a_certificate_from_an_authority_posing_as_the_city_is_refused(here: Path, tmp_path: Path) -> None:
    impostor = authority_in(tmp_path / "fake-ca")  # same name as the city's root, another key
    forged = enrolled(tmp_path / "forger", impostor, "城区驿站").issue()

    verdict = verify.verify(forged.pdf, nobody_knows_it, trust.read(here))

    assert not verdict.genuine
    assert "its signer is unknown" in verdict.signature.message.render()


def test_an_altered_document_of_another_station_is_refused(here: Path, other_station: Laptop) -> None:
    pdf = bytearray(other_station.issue().pdf)
    pdf[len(pdf) // 3] ^= 0x01

    verdict = verify.verify(bytes(pdf), nobody_knows_it, trust.read(here))

    assert not verdict.genuine
    assert "altered after signing" in verdict.signature.message.render()
    assert not verdict.unchanged.passed


def test_a_revoked_laptops_documents_count_only_from_before_the_revocation(
    here: Path, authority: ca.CityCa, tmp_path: Path
) -> None:
    lost = enrolled(tmp_path / "lost", authority, "城区驿站")
    pdf = lost.issue().pdf  # signed now, by the laptop's clock
    signed_at = datetime.now(UTC)

    def revoked(at: datetime) -> trust.Trust:
        return trust.of(here, [authority.root_pem], {lost.serial: at})

    revoked_later = verify.verify(pdf, nobody_knows_it, revoked(signed_at + timedelta(hours=1)))
    revoked_earlier = verify.verify(pdf, nobody_knows_it, revoked(signed_at - timedelta(hours=1)))

    assert revoked_later.genuine
    assert not revoked_earlier.genuine
    assert "revoked the certificate" in revoked_earlier.signature.message.render()


# --- heze-station verify --------------------------------------------------------------------------------------


def run_verify(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    return subprocess.run(
        [str(COMMAND), "verify", *arguments], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


def test_command_confirms_another_stations_document_in_chinese(
    here: Path, other_station: Laptop, tmp_path: Path
) -> None:
    path = tmp_path / "郓城.pdf"
    path.write_bytes(other_station.issue().pdf)

    result = run_verify(str(path), "--data-dir", str(here))

    assert result.returncode == cli.VERIFY_GENUINE, result.stdout + result.stderr
    assert "数字签名有效：通过" in result.stdout


def test_command_refuses_an_unknown_signer(here: Path, tmp_path: Path) -> None:
    path = tmp_path / "forged.pdf"
    stranger = signing.station_key(tmp_path / "stranger", "城区驿站")
    path.write_bytes(stranger.sign(issuing.build_unsigned(samples.acceptance())))

    result = run_verify("--lang", "en", str(path), "--data-dir", str(here))

    assert result.returncode == cli.VERIFY_NOT_CONFIRMED
    assert "its signer is unknown" in result.stdout


# --- pdfsig, with the city root trusted --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nss_database(tmp_path_factory: pytest.TempPathFactory, authority: ca.CityCa) -> Path:
    """An NSS database that trusts the city root for signed documents (certutil's "C" in the S/MIME column)."""
    if shutil.which("certutil") is None:
        if IN_CI:
            pytest.fail("CI needs certutil (libnss3-tools, scripts/system-packages.sh) for the pdfsig test")
        pytest.skip("certutil is not installed here (libnss3-tools)")
    folder = tmp_path_factory.mktemp("nss")
    root = folder / "city-root.pem"
    root.write_text(authority.root_pem, encoding="ascii")
    for command in (
        ("certutil", "-N", "-d", f"sql:{folder}", "--empty-password"),
        ("certutil", "-A", "-d", f"sql:{folder}", "-n", "city", "-t", "C,C,", "-i", root),
    ):
        result = run(*command)
        assert result.returncode == 0, result.stderr
    return folder


def test_pdfsig_trusts_a_city_certified_signature(nss_database: Path, other_station: Laptop, tmp_path: Path) -> None:
    path = tmp_path / "city.pdf"
    path.write_bytes(other_station.issue().pdf)

    result = run("pdfsig", "-nssdir", f"sql:{nss_database}", path)

    assert "Signature Validation: Signature is Valid." in result.stdout, result.stdout + result.stderr
    assert "Certificate Validation: Certificate is Trusted." in result.stdout
    assert "Total document signed" in result.stdout


def test_pdfsig_does_not_trust_a_laptops_own_key(nss_database: Path, tmp_path: Path) -> None:
    path = tmp_path / "own.pdf"
    path.write_bytes(signing.station_key(tmp_path, "城区驿站").sign(issuing.build_unsigned(samples.acceptance())))

    result = run("pdfsig", "-nssdir", f"sql:{nss_database}", path)

    assert "Signature Validation: Signature is Valid." in result.stdout
    assert "Certificate is Trusted." not in result.stdout
