"""The city's signing authority and the stations' trust: the root is published as reference data, a laptop's
certificate is kept with its device, and revoking the device publishes the certificate's revocation."""

import uuid

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from heze_station.server import ca
from heze_station.server.models import Device

from .conftest import Server, run_server_command


def signing_csr() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "前台")])
    request = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM).decode()


def enrol(server: Server, station: uuid.UUID, name: str = "前台笔记本") -> dict:
    body = {"code": server.enrol_code(station), "device_name": name, "signing_csr": signing_csr()}
    answer = httpx.post(f"{server.url}/v1/enrol", json=body, timeout=30)
    assert answer.status_code == 201, answer.text
    return answer.json()


def serial_of(pem: str) -> str:
    return ca.serial_text(x509.load_pem_x509_certificate(pem.encode()).serial_number)


def test_the_device_keeps_the_serial_of_the_certificate_it_was_issued(city: Server) -> None:
    enrolled = enrol(city, city.create_station("城区驿站"))

    with city.database.transaction() as session:
        device = session.get_one(Device, uuid.UUID(enrolled["device_id"]))
        assert device.certificate_serial == serial_of(enrolled["signing_certificate"])
        assert device.certificate_pem == enrolled["signing_certificate"]


def test_revoking_a_device_publishes_its_certificate_to_every_station(city: Server) -> None:
    station, other_station = city.create_station("城区驿站"), city.create_station("郓城县驿站")
    lost = enrol(city, station)
    elsewhere = city.device(other_station, "郓城前台")

    code, _out, err = run_server_command(city.settings, "revoke-device", lost["device_id"])

    assert code == 0, err
    rows, _cursor = elsewhere.pull_all()
    revoked = [row["fields"] for row in rows if row["table"] == ca.REVOKED_TABLE]
    assert [entry["serial"] for entry in revoked] == [serial_of(lost["signing_certificate"])]
    roots = [row["fields"]["pem"] for row in rows if row["table"] == ca.ROOT_TABLE]
    assert roots == [lost["city_root"]]


def test_without_an_authority_nothing_is_published(server: Server) -> None:
    station = server.create_station("城区驿站")
    lost = enrol(server, station)
    device = server.device(station, "另一台")

    run_server_command(server.settings, "revoke-device", lost["device_id"])

    rows, _cursor = device.pull_all()
    assert not [row for row in rows if row["table"] in (ca.ROOT_TABLE, ca.REVOKED_TABLE)]
