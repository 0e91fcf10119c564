"""The city's document-signing authority: ``ca init``, certificates issued at enrolment, revocations published."""

import stat
import uuid
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pydantic import SecretStr

from heze_station.server import ca
from heze_station.server.app import create_app
from heze_station.server.config import Settings
from heze_station.server.models import Device

from .conftest import CA_PASSPHRASE, Server, run_server_command

PASSPHRASE = CA_PASSPHRASE


def certificate_request(key: ec.EllipticCurvePrivateKey, name: str = "whatever the laptop says") -> str:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    request = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM).decode()


def enrol(server: Server, station: uuid.UUID, request: str | None, name: str = "前台笔记本") -> httpx.Response:
    body = {"code": server.enrol_code(station), "device_name": name, "certificate_request": request}
    return httpx.post(f"{server.url}/v1/enrol", json=body, timeout=30)


def test_ca_init_keeps_the_key_encrypted_and_never_replaces_it(settings: Settings, tmp_path: Path) -> None:
    passphrase_file = tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

    code, out, err = run_server_command(settings, "ca", "init", "--passphrase-file", str(passphrase_file))
    again = run_server_command(settings, "ca", "init", "--passphrase-file", str(passphrase_file))
    shown = run_server_command(settings, "ca", "show")

    assert code == 0, err
    key_file = settings.ca_directory / ca.KEY_FILE
    assert key_file.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    root = x509.load_pem_x509_certificate(shown[1].encode())
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert ca.fingerprint(root) in out
    assert again[0] == 1
    assert "never replaced" in again[2]
    assert (settings.ca_directory / ca.CERTIFICATE_FILE).read_text() == shown[1]  # the first one is still there


def test_a_short_passphrase_or_none_at_all_makes_nothing(settings: Settings, tmp_path: Path) -> None:
    short = tmp_path / "short"
    short.write_text("secret", encoding="utf-8")

    too_short = run_server_command(settings, "ca", "init", "--passphrase-file", str(short))
    without = run_server_command(settings, "ca", "init")  # no terminal to type it at

    assert too_short[0] == 1
    assert "at least 12 characters" in too_short[2]
    assert without[0] == 1
    assert "--passphrase-file" in without[2]
    assert not (settings.ca_directory / ca.KEY_FILE).exists()


def test_a_locked_authority_stops_the_server_at_start_with_what_to_set(settings: Settings) -> None:
    ca.init(settings.ca_directory, PASSPHRASE)

    with pytest.raises(ca.Unavailable, match="HEZE_SERVER_CA_PASSPHRASE_FILE"):
        create_app(settings)
    with pytest.raises(ca.Unavailable, match="wrong"):
        create_app(settings.model_copy(update={"ca_passphrase": SecretStr("not the passphrase")}))


def test_enrolment_issues_a_certificate_for_the_laptops_own_key(city: Server) -> None:
    station = city.create_station("城区驿站")
    key = ec.generate_private_key(ec.SECP256R1())

    answer = enrol(city, station, certificate_request(key, name="郓城县驿站"))  # a request naming another station

    assert answer.status_code == 201, answer.text
    body = answer.json()
    certificate = x509.load_pem_x509_certificate(body["certificate"].encode())
    root = x509.load_pem_x509_certificate(body["city_root"].encode())
    certificate.verify_directly_issued_by(root)
    assert certificate.public_key() == key.public_key()
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "城区驿站"
    assert certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == body["device_id"]
    assert body["certificate_note"] is None
    with city.database.transaction() as session:
        device = session.get_one(Device, uuid.UUID(body["device_id"]))
        assert device.certificate_serial == ca.serial_text(certificate.serial_number)


def test_without_an_authority_enrolment_works_and_says_why_there_is_no_certificate(server: Server) -> None:
    station = server.create_station("城区驿站")

    answer = enrol(server, station, certificate_request(ec.generate_private_key(ec.SECP256R1())))

    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["certificate"] is None
    assert body["city_root"] is None
    assert "keeps signing documents with its own key" in body["certificate_note"]


@pytest.mark.parametrize(
    ("request_text", "why"),
    [
        ("not a request", "not a PEM CSR"),
        ("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n", "not a PEM CSR"),
        ("x" * 4001, "too long"),
    ],
)
def test_a_bad_certificate_request_is_refused_and_costs_no_code(city: Server, request_text: str, why: str) -> None:
    station = city.create_station("城区驿站")
    code = city.enrol_code(station)
    body = {"code": code, "device_name": "前台", "certificate_request": request_text}

    refused = httpx.post(f"{city.url}/v1/enrol", json=body, timeout=30)
    retried = httpx.post(
        f"{city.url}/v1/enrol",
        json={**body, "certificate_request": certificate_request(ec.generate_private_key(ec.SECP256R1()))},
        timeout=30,
    )

    assert refused.status_code == 422
    assert why in refused.json()["error"]["message"] or refused.json()["error"]["code"] == "invalid_request"
    assert retried.status_code == 201, retried.text


def test_a_weak_key_is_refused(city: Server) -> None:
    station = city.create_station("城区驿站")
    weak = ec.generate_private_key(ec.SECP192R1())

    answer = enrol(city, station, certificate_request(weak))

    assert answer.status_code == 422
    assert "P-256" in answer.json()["error"]["message"]


def test_revoking_a_device_publishes_its_certificate_to_every_station(city: Server) -> None:
    station, other_station = city.create_station("城区驿站"), city.create_station("郓城县驿站")
    lost = enrol(city, station, certificate_request(ec.generate_private_key(ec.SECP256R1()))).json()
    elsewhere = city.device(other_station, "郓城前台")

    code, _out, err = run_server_command(city.settings, "revoke-device", lost["device_id"])

    assert code == 0, err
    serial = ca.serial_text(x509.load_pem_x509_certificate(lost["certificate"].encode()).serial_number)
    rows, _cursor = elsewhere.pull_all()
    revoked = [row["fields"] for row in rows if row["table"] == ca.REVOKED_TABLE]
    assert [entry["serial"] for entry in revoked] == [serial]
    roots = [row["fields"]["pem"] for row in rows if row["table"] == ca.ROOT_TABLE]
    assert roots == [lost["city_root"]]
