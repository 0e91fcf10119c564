"""Document certificates from the city: laptops enrolled with a server that runs a signing authority sign with
a certificate the city issued, and every laptop of the city can check the others' documents."""

import io
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

from heze_station.documents import signing
from heze_station.documents.content import DocumentKind
from heze_station.domain.cases import CaseAction
from heze_station.server import ca
from heze_station.server.config import Settings
from heze_station.services import case_actions, documents, sync
from heze_station.services.station import StationContext
from tests.factories import intake_form, register
from tests.server.conftest import Server

from .conftest import Laptops

PASSPHRASE = "城市根证书口令"


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
