"""Document certificates from the city: laptops enrolled with a server that runs a signing authority sign with
a certificate the city issued, and every laptop of the city can check the others' documents."""

import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pydantic import SecretStr
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import select

from heze_station.documents import signing
from heze_station.documents.content import DocumentKind
from heze_station.domain.cases import CaseAction
from heze_station.server import ca
from heze_station.server.config import Settings
from heze_station.server.models import Station
from heze_station.services import case_actions, document_index, documents, sync
from heze_station.services.station import StationContext
from tests.factories import intake_form, register
from tests.server.conftest import CHECKOUT, Server
from tests.stations import join_city, open_test_station

from .conftest import Laptops

PASSPHRASE = "城市根证书口令"
VERIFY_COMMAND = Path(sys.executable).parent / "heze-station"


@pytest.fixture
def city_ca() -> bool:
    return True


@pytest.fixture
def settings(tmp_path: Path, city_ca: bool) -> Settings:
    """The server's settings, with the city's signing authority (``city_ca``) or without (as before this issue)."""
    data_dir = tmp_path / "server"
    if city_ca:
        ca.init(data_dir / "ca", PASSPHRASE.encode(), "菏泽市")
    return Settings(data_dir=data_dir, ca_passphrase=SecretStr(PASSPHRASE))


def issued_refusal(laptop: StationContext) -> tuple[uuid.UUID, bytes]:
    case_id = register(laptop, intake_form(1))
    case_actions.perform(laptop, case_id, CaseAction.REFUSE, "该争议已由仲裁委员会受理。")
    notice = documents.issue_document(laptop, case_id, DocumentKind.REFUSAL)
    return notice.id, documents.pdf_of(laptop, notice.id)


def city_root(server: Server) -> asn1_x509.Certificate:
    pem = (server.settings.ca_folder / ca.CERTIFICATE_FILE).read_bytes()
    return asn1_x509.Certificate.load(x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER))


def signature_status(pdf: bytes, roots: list[asn1_x509.Certificate]):
    [embedded] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    return validate_pdf_signature(embedded, ValidationContext(trust_roots=roots, allow_fetching=False))


def test_an_enrolled_laptop_signs_with_the_certificate_the_city_issued(laptops: Laptops, server: Server) -> None:
    front = laptops("前台")
    with front.database.transaction() as session:
        device_id = sync.settings.get(session, sync.DEVICE_ID)

    _id, pdf = issued_refusal(front)

    status = signature_status(pdf, [city_root(server)])
    assert status.intact
    assert status.valid
    assert status.trusted  # by the city's root alone: the chain is in the file
    subject = status.signing_cert.subject.native
    assert subject["organization_name"] == "城区驿站"
    assert subject["serial_number"] == device_id
    assert status.signing_cert.issuer == city_root(server).subject
    # The key stayed on the laptop: the certificate is of the key the laptop had before it enrolled.
    key = signing.existing_certificate(front.data_dir)
    assert key is not None
    assert status.signing_cert.public_key.dump() == key.certificate.public_key.dump()
    assert "city_certificate" in [line.kind for line in sync.sync_log(front)]


@pytest.mark.parametrize("city_ca", [False])
def test_without_a_city_authority_a_laptop_keeps_signing_with_its_own_key(laptops: Laptops, server: Server) -> None:
    front = laptops("前台")

    _id, pdf = issued_refusal(front)

    key = signing.existing_certificate(front.data_dir)
    assert key is not None
    assert not (key.folder / signing.CITY_CHAIN_FILE).exists()
    status = signature_status(pdf, [key.certificate])
    assert status.trusted
    assert status.signing_cert.dump() == key.certificate.dump()


def test_a_malformed_signing_request_is_refused_and_the_code_stays_usable(server: Server) -> None:
    code = server.enrol_code(server.create_station("城区驿站"))
    with httpx.Client(base_url=server.url) as http:
        for csr in ("not a request", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"):
            refused = http.post("/v1/enrol", json={"code": code, "device_name": "前台", "signing_csr": csr})
            assert refused.status_code == 422
            assert refused.json()["error"]["code"] == "invalid_signing_csr"
        enrolled = http.post("/v1/enrol", json={"code": code, "device_name": "前台"})
    assert enrolled.status_code == 201
    # An older client sends no request, and gets no certificate.
    assert enrolled.json()["signing_certificate"] is None


# --- verification across the station's laptops ------------------------------------------------------------------


def presented(tmp_path: Path, pdf: bytes) -> Path:
    path = tmp_path / f"{uuid.uuid4()}.pdf"
    path.write_bytes(pdf)
    return path


def test_a_document_issued_on_one_laptop_verifies_on_another(laptops: Laptops, tmp_path: Path) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    document_id, pdf = issued_refusal(front)
    sync.sync_now(front)
    sync.sync_now(court)
    document_index.write_index(court)  # as at every sign-in

    verdict = documents.verify_presented(court, presented(tmp_path, pdf))

    assert verdict.genuine, [check.message.render() for check in verdict.checks]
    assert verdict.document_id == document_id
    assert verdict.signature.message.render() == "Digitally signed by 城区驿站; the signature is intact."
    altered = bytearray(pdf)
    altered[len(altered) // 3] ^= 0x01
    refused = documents.verify_presented(court, presented(tmp_path, bytes(altered)))
    assert not refused.genuine
    assert "altered after signing" in refused.signature.message.render()


def test_a_document_signed_before_the_laptop_joined_the_city_still_verifies(
    laptops: Laptops, server: Server, tmp_path: Path
) -> None:
    court = laptops("移动仲裁庭")  # the station exists on the server and has a laptop already
    early = open_test_station(tmp_path / "前台")
    try:
        _id, before = issued_refusal(early)
        station_id = server_station(server, "城区驿站")
        join_city(early, server.url, server.enrol_code(station_id), "前台")
        _id, after = issued_refusal(early)

        verdict = documents.verify_presented(early, presented(tmp_path, before))
        assert verdict.genuine, [check.message.render() for check in verdict.checks]
        # Signed under the name a new installation has until it joins (its self-signed certificate's).
        assert verdict.signature.message.render() == (
            "Digitally signed by 菏谐驿站, signed by this station before it joined the city; the signature is intact."
        )
        assert documents.verify_presented(early, presented(tmp_path, after)).genuine
        # Another laptop knows only the city's root: the self-signed signature is not one it can vouch for.
        elsewhere = documents.verify_presented(court, presented(tmp_path, before))
        assert not elsewhere.signature.passed
        assert "its signer is unknown" in elsewhere.signature.message.render()
    finally:
        early.close()


def test_a_signer_the_city_never_certified_is_refused(laptops: Laptops, tmp_path: Path) -> None:
    court = laptops("移动仲裁庭")
    stranger = open_test_station(tmp_path / "冒名")  # a laptop that calls itself the station, never enrolled
    try:
        _id, forged = issued_refusal(stranger)
    finally:
        stranger.close()

    verdict = documents.verify_presented(court, presented(tmp_path, forged))

    assert not verdict.genuine
    assert verdict.signature.message.render() == (
        "The signature is intact but its signer is unknown: not a computer of this station or one the city "
        "certified. The file was issued elsewhere or forged."
    )


def test_the_verify_command_accepts_another_laptops_document(laptops: Laptops, tmp_path: Path) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    _id, pdf = issued_refusal(front)
    sync.sync_now(front)
    sync.sync_now(court)
    document_index.write_index(court)
    env = {key: value for key, value in os.environ.items() if key not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["PYTHONPATH"] = str(CHECKOUT)  # this checkout's code, whichever the virtualenv was installed from

    done = subprocess.run(
        [
            str(VERIFY_COMMAND),
            "verify",
            str(presented(tmp_path, pdf)),
            "--data-dir",
            str(court.data_dir),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "Genuine" in done.stdout


def server_station(server: Server, name: str) -> uuid.UUID:
    with server.database.transaction() as session:
        return session.scalars(select(Station.id).where(Station.name == name)).one()
