"""The city's root and revoked certificates reach every station as reference data, and the city checks an issued
document by the PDF the station uploaded (the enrolment itself: test_document_certificates.py)."""

import hashlib
import json
from datetime import datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from heze_station.documents import integrity, issuing, signing, trust
from heze_station.documents.content import DocumentKind
from heze_station.domain.cases import CaseAction
from heze_station.domain.ids import new_id
from heze_station.server import auth, ca
from heze_station.server.models import Device
from heze_station.services import case_actions, documents, sync
from heze_station.services.station import StationContext
from heze_station.storage.models import CityCertificate, RevokedCertificate
from heze_station.sync import issued as issued_keywords
from tests import samples
from tests.factories import intake_form, register
from tests.server.client import DeviceClient
from tests.server.conftest import Server
from tests.stations import open_test_station

from .conftest import Laptops
from .helpers import signer_of


def issue(station: StationContext) -> tuple[documents.IssuedView, bytes]:
    """A refusal notice issued on ``station``, and its signed PDF."""
    case_id = register(station, intake_form(1))
    case_actions.perform(station, case_id, CaseAction.REFUSE, "该争议已由仲裁委员会受理。")
    issued = documents.issue_document(station, case_id, DocumentKind.REFUSAL)
    return issued, documents.pdf_of(station, issued.id)


def issue_refusal(station: StationContext) -> bytes:
    return issue(station)[1]


# --- the city's root and revocations reach every station as reference data ---------------------------------------


def trust_file(station: StationContext) -> dict:
    return json.loads((station.data_dir / trust.TRUST_FILE).read_text(encoding="ascii"))


def test_the_root_and_revoked_certificates_reach_every_station(city_laptops: Laptops, city: Server) -> None:
    front, elsewhere = city_laptops("前台"), city_laptops("郓城前台", station="郓城县驿站")
    lost = city_laptops("丢失的笔记本")
    lost_serial = format(signer_of(issue_refusal(lost)).serial_number, "x")
    with city.database.transaction() as session:
        [lost_device] = session.scalars(select(Device).where(Device.certificate_serial == lost_serial))
        auth.revoke_device(session, lost_device.id)
        revoked_at = lost_device.revoked_at

    sync.sync_now(front)
    sync.sync_now(elsewhere)

    root = (city.settings.ca_folder / ca.CERTIFICATE_FILE).read_text()
    for station in (front, elsewhere):
        assert trust_file(station)["roots"] == [root]
        assert datetime.fromisoformat(trust_file(station)["revoked"][lost_serial]) == revoked_at
        with station.database.transaction() as session:
            assert session.scalars(select(RevokedCertificate.serial)).all() == [lost_serial]
            assert session.scalars(select(CityCertificate.pem)).all() == [root]


def test_the_trust_file_is_written_again_at_sign_in(city_laptops: Laptops) -> None:
    front = city_laptops("前台")
    folder = front.data_dir
    (folder / trust.TRUST_FILE).unlink()
    front.close()

    reopened = open_test_station(folder)
    try:
        assert len(trust_file(reopened)["roots"]) == 1
    finally:
        reopened.close()


# --- the city checks the PDF the station uploaded, not a digest a device pushed ----------------------------------


def city_verdict(server: Server, document_id: object, digest: str) -> dict:
    answer = httpx.get(f"{server.url}/v1/verify/{document_id}/{digest}", timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_city_confirms_an_issued_document_by_the_pdf_it_received(city_laptops: Laptops, city: Server) -> None:
    front = city_laptops("前台")
    issued, pdf = issue(front)

    sync.sync_now(front)  # the row and the PDF itself

    by_file = city_verdict(city, issued.id, hashlib.sha256(pdf).hexdigest())
    scanned = httpx.get(f"{city.url}/v1/verify", params={"payload": qr_payload(pdf)}, timeout=30).json()
    assert (by_file["genuine"], by_file["signature"], by_file["signed_by"]) == (True, "certified", "城区驿站")
    assert (scanned["genuine"], scanned["matches"]) == (True, "content")


def test_a_digest_pushed_without_its_pdf_is_known_but_not_confirmed(city: Server) -> None:
    device = city.device(city.create_station("城区驿站"))
    document, pdf_sha256 = new_id(), hashlib.sha256(b"%PDF-1.7 made up").hexdigest()
    fields = {"kind": "refusal", "pdf_sha256": pdf_sha256, "content_sha256": "0" * 64}
    device.push_ok(device.transaction(device.op("issued_document", document, fields)))

    verdict = city_verdict(city, document, pdf_sha256)

    assert (verdict["known"], verdict["unchanged"]) == (True, True)  # what the device said
    assert (verdict["genuine"], verdict["signature"]) == (False, "not_uploaded")  # what the city can prove


def test_an_uploaded_pdf_signed_with_a_key_the_city_never_certified_is_refused(city: Server, tmp_path: Path) -> None:
    device = city.device(city.create_station("城区驿站"))
    forged = signing.station_key(tmp_path, "城区驿站").sign(issuing.build_unsigned(samples.acceptance()))
    document, pdf_sha256 = new_id(), hashlib.sha256(forged).hexdigest()
    fields = {"kind": "acceptance", "pdf_sha256": pdf_sha256, "content_sha256": "0" * 64}
    device.push_ok(device.transaction(device.op("issued_document", document, fields)))
    upload(device, forged)

    verdict = city_verdict(city, document, pdf_sha256)

    assert (verdict["unchanged"], verdict["genuine"], verdict["signature"]) == (True, False, "unknown_signer")


def test_revoking_a_laptop_leaves_what_it_signed_before_genuine(city_laptops: Laptops, city: Server) -> None:
    front = city_laptops("前台")
    issued, pdf = issue(front)
    sync.sync_now(front)
    with city.database.transaction() as session:
        [device_id] = session.scalars(select(Device.id).where(Device.name == "前台"))
        auth.revoke_device(session, device_id)

    verdict = city_verdict(city, issued.id, hashlib.sha256(pdf).hexdigest())

    assert (verdict["genuine"], verdict["signature"]) == (True, "certified")


def upload(device: DeviceClient, data: bytes) -> None:
    digest = hashlib.sha256(data).hexdigest()
    started = device.http.post(
        "/v1/attachments", json={"sha256": digest, "size": len(data), "media_type": "application/pdf"}
    )
    assert started.status_code == 200, started.text
    sent = device.http.put(f"/v1/attachments/{digest}/content", params={"offset": 0}, content=data)
    assert sent.json()["complete"], sent.text


def qr_payload(pdf: bytes) -> str:
    named = issued_keywords.named_in(pdf.decode("latin-1"))
    assert named is not None
    return integrity.qr_payload(*named)
