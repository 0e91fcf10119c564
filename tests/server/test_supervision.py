"""What the city bureau sees: each station's last sync and open conflicts, case counts by status, and whether a
printed document is one a station issued, unchanged."""

import hashlib
import threading
from pathlib import Path

import httpx
from sqlalchemy import func, select

from heze_station.domain.ids import new_id
from heze_station.server.config import Settings
from heze_station.server.models import Station

from .conftest import WAIT_SECONDS, Server, migrated_database


def test_the_bureau_sees_every_station_with_its_sync_state_and_case_counts(server: Server) -> None:
    city = server.create_station("城区驿站")
    server.create_station("开发区驿站")  # enrolled nothing yet
    a, b = server.device(city, "A"), server.device(city, "B")
    case_id = new_id()
    a.push_ok(
        a.transaction(
            a.op("case_file", case_id, {"status": "registered"}),
            a.op("case_file", new_id(), {"status": "registered"}),
            a.op("case_file", new_id(), {"status": "closed"}),
        )
    )
    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, 1)))
    b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "refused"}, 1)))  # a conflict stays open
    bureau = server.supervisor()

    stations = {entry["name"]: entry for entry in bureau.http.get("/v1/supervision/stations").json()}
    counts = bureau.http.get("/v1/supervision/case-counts").json()

    assert stations["城区驿站"]["devices"] == 2
    assert stations["城区驿站"]["open_conflicts"] == 1
    assert stations["城区驿站"]["last_sync_at"] is not None
    assert stations["开发区驿站"] == {**stations["开发区驿站"], "devices": 0, "last_sync_at": None, "open_conflicts": 0}
    assert sorted((entry["status"], entry["cases"]) for entry in counts) == [
        ("accepted", 1), ("closed", 1), ("registered", 1)]  # fmt: skip
    assert {entry["station_name"] for entry in counts} == {"城区驿站"}


def test_a_printed_documents_qr_code_is_verified_without_credentials(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    pdf = b"%PDF-1.7 agreement"
    pdf_sha256, content_sha256 = hashlib.sha256(pdf).hexdigest(), hashlib.sha256(b"content").hexdigest()
    document = new_id()
    device.push_ok(
        device.transaction(
            device.op("issued_document", document, {"kind": "agreement", "pdf_sha256": pdf_sha256,
                                                     "content_sha256": content_sha256,
                                                     "issued_at": "2026-11-27T08:00:00+00:00"})
        )
    )  # fmt: skip
    scanned = f"HZDOC1:{document}:{content_sha256}".upper()  # as the station prints it (documents.integrity)

    by_qr = httpx.get(f"{server.url}/v1/verify", params={"payload": scanned}).json()
    by_file = httpx.get(f"{server.url}/v1/verify/{document}/{pdf_sha256}").json()
    altered = httpx.get(f"{server.url}/v1/verify/{document}/{hashlib.sha256(pdf + b' ').hexdigest()}").json()
    unknown = httpx.get(f"{server.url}/v1/verify/{new_id()}/{pdf_sha256}").json()
    not_ours = httpx.get(f"{server.url}/v1/verify", params={"payload": "https://example.com/x"})
    malformed = httpx.get(f"{server.url}/v1/verify/{document}/not-a-hash")

    assert (by_qr["known"], by_qr["unchanged"], by_qr["matches"], by_qr["station_name"]) == (
        True, True, "content", "城区驿站")  # fmt: skip
    assert by_qr["kind"] == "agreement"
    assert by_qr["issued_at"].startswith("2026-11-27T08:00:00")
    assert (by_file["unchanged"], by_file["matches"]) == (True, "pdf")
    assert (altered["known"], altered["unchanged"], altered["matches"]) == (True, False, None)
    assert (unknown["known"], unknown["unchanged"], unknown["station_name"]) == (False, False, None)
    assert (not_ours.status_code, not_ours.json()["error"]["code"]) == (422, "invalid_qr_payload")
    assert malformed.status_code == 422


def test_the_pages_counts_hold_up_no_stations_write_on_sqlite(tmp_path: Path) -> None:
    """A supervision page's count can take seconds over a whole city: on SQLite it must not take the write lock,
    or every station's push would wait behind it."""
    database = migrated_database(Settings(data_dir=tmp_path / "server"))
    stations = select(func.count()).select_from(Station)

    def a_station_writes() -> None:
        with database.transaction() as session:
            session.add(Station(id=new_id(), name="开发区驿站"))

    try:
        with database.reading() as session:
            assert session.scalar(stations) == 0  # the count has begun reading
            writer = threading.Thread(target=a_station_writes)
            writer.start()
            writer.join(timeout=WAIT_SECONDS)
            assert not writer.is_alive(), "the write waited for the count"
            assert session.scalar(stations) == 0  # the count goes on over what it began with
        with database.transaction() as session:
            assert session.scalar(stations) == 1
    finally:
        database.close()
