"""When the sync cannot happen, the coordinator is told why in plain words and nothing typed is lost (F12, F14)."""

import contextlib
import socket
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import func, select

from heze_station.documents.content import DocumentKind
from heze_station.domain.cases import CaseAction
from heze_station.domain.mediation import AttachmentKind
from heze_station.server import auth
from heze_station.server.models import Station, SyncRow
from heze_station.services import attachments, case_actions, documents, sync, sync_replica
from heze_station.services.station import StationContext
from heze_station.station_sync.client import FailureReason
from heze_station.storage import settings
from heze_station.storage.blobs import sha256_hex
from heze_station.sync import PROTOCOL_VERSION
from tests.factories import intake_form, register
from tests.full_disk import fill_up, free_up
from tests.server.conftest import Server
from tests.stations import join_city, open_test_station

from .conftest import Laptops
from .helpers import cases


def device_id(station: StationContext) -> uuid.UUID:
    with station.database.transaction() as session:
        return uuid.UUID(settings.get(session, sync.DEVICE_ID))


def point_at(station: StationContext, url: str) -> None:
    with station.database.transaction() as session:
        settings.put(session, sync.SERVER_URL, url)


def problem(station: StationContext) -> sync.SyncProblem:
    with pytest.raises(sync.SyncProblem) as raised:
        sync.sync_now(station)
    return raised.value


def test_a_revoked_laptop_is_told_to_ask_for_a_new_code_and_keeps_everything(laptops: Laptops, server: Server) -> None:
    lost = laptops("丢失的笔记本")
    case_id = register(lost, intake_form(1))
    with server.database.transaction() as session:
        auth.revoke_device(session, device_id(lost))
    refused = problem(lost)
    assert refused.reason is FailureReason.REVOKED
    assert "新的" in refused.message.render() or "new enrolment code" in refused.message.render()
    status = sync.sync_status(lost)
    assert status.state is sync.SyncState.STOPPED
    assert status.needs_person
    assert status.pending_changes > 0
    assert case_id in cases(lost)


def test_an_incompatible_program_version_is_refused_cleanly(laptops: Laptops, monkeypatch) -> None:
    station = laptops("旧版本")
    register(station, intake_form(1))
    waiting = sync.sync_status(station).pending_changes
    monkeypatch.setattr(sync_replica, "PROTOCOL_VERSION", PROTOCOL_VERSION + 1)
    assert problem(station).reason is FailureReason.OUTDATED
    assert sync.sync_status(station).state is sync.SyncState.STOPPED
    assert sync.sync_status(station).pending_changes == waiting
    monkeypatch.undo()
    sync.sync_now(station)  # once the program matches again, it syncs
    assert sync.sync_status(station).state is sync.SyncState.UP_TO_DATE


def test_no_server_at_the_address_is_offline_and_is_retried_later(laptops: Laptops, server: Server) -> None:
    station = laptops("工地笔记本")
    register(station, intake_form(1))
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{unused.getsockname()[1]}"
    point_at(station, nobody)
    offline = problem(station)
    assert offline.reason is FailureReason.OFFLINE
    assert offline.reason.transient
    assert sync.sync_status(station).state is sync.SyncState.OFFLINE
    point_at(station, server.url)  # the network is back
    sync.sync_now(station)
    assert sync.sync_status(station).state is sync.SyncState.UP_TO_DATE
    assert [line.kind for line in sync.sync_log(station)[:2]] == ["synced", "failed"]


class Garbage(BaseHTTPRequestHandler):
    """A captive portal or a misconfigured proxy: answers every request with a web page."""

    def do_POST(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write("<html>请先登录园区 Wi-Fi</html>".encode())

    do_GET = do_POST

    def log_message(self, *_args) -> None:
        pass


def test_a_server_that_answers_garbage_changes_nothing(laptops: Laptops) -> None:
    station = laptops("园区笔记本")
    register(station, intake_form(1))
    before = (cases(station), sync.sync_status(station).pending_changes)
    portal = HTTPServer(("127.0.0.1", 0), Garbage)
    threading.Thread(target=portal.serve_forever, daemon=True).start()
    try:
        point_at(station, f"http://127.0.0.1:{portal.server_port}")
        failure = problem(station)
    finally:
        portal.shutdown()
        portal.server_close()
    assert failure.reason is FailureReason.SERVER_ERROR
    assert failure.reason.transient
    assert (cases(station), sync.sync_status(station).pending_changes) == before


def test_a_wrong_enrolment_code_is_explained_and_stores_nothing(server: Server, tmp_path) -> None:

    station = open_test_station(tmp_path / "新电脑")
    try:
        server.create_station("城区驿站")
        with pytest.raises(sync.SyncProblem) as raised:
            join_city(station, server.url, "AAAA-BBBB-CCCC", "新电脑")
        assert raised.value.reason is FailureReason.INVALID_CODE
        assert sync.sync_status(station).state is sync.SyncState.NOT_ENROLLED
    finally:
        station.close()


def test_a_code_for_another_station_keeps_and_sends_nothing_until_the_administrator_says_join(
    server: Server, tmp_path
) -> None:
    """The bureau mixed up two stations' codes: joining would hand this station's cases and accounts to the other."""
    station = open_test_station(tmp_path / "城区的电脑")
    try:
        case_id = register(station, intake_form(2))
        other = server.create_station("郓城驿站")
        with pytest.raises(sync.OtherStation, match="郓城驿站") as raised:
            sync.enrol(station, server.url, server.enrol_code(other), "前台")
        assert (raised.value.here, raised.value.joined) == ("菏谐驿站", "郓城驿站")
        assert sync.sync_status(station).state is sync.SyncState.NOT_ENROLLED
        assert station.station_name == "菏谐驿站"
        with pytest.raises(sync.SyncProblem):
            sync.sync_now(station)
        with server.database.transaction() as session:
            sent = select(func.count()).select_from(SyncRow).where(SyncRow.station_id == other)
            assert session.scalar(sent) == 0, "nothing reached the city"
        # Told that it is right (a station renamed by the city), it joins and takes the city's name.
        sync.complete_enrolment(station, raised.value.pending)
        sync.sync_now(station)
        assert station.station_name == "郓城驿站"
        with server.database.transaction() as session:
            assert session.get(SyncRow, case_id) is not None
    finally:
        station.close()


def test_a_full_disk_is_explained_keeps_everything_and_the_sync_continues_once_space_is_freed(
    laptops: Laptops, monkeypatch
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(100))  # a collective case: more than the pages left
    sync.sync_now(front)
    own = register(court, intake_form(1, employer_serial=9))
    full = court.database.replica_transaction

    @contextlib.contextmanager
    def on_a_full_disk():
        with full() as session:
            fill_up(session.connection())
            yield session

    monkeypatch.setattr(court.database, "replica_transaction", on_a_full_disk)
    assert problem(court).reason is FailureReason.DISK_FULL
    assert "磁盘" in sync.sync_status(court).problem.render() or "disk" in sync.sync_status(court).problem.render()
    assert case_id not in cases(court)  # no half page
    assert own in cases(court)
    monkeypatch.undo()
    free_up(court.database)
    sync.sync_now(court)
    assert {case_id, own} <= set(cases(court))


def test_a_file_not_yet_uploaded_by_the_laptop_that_has_it_does_not_hold_up_the_sync(
    laptops: Laptops, monkeypatch
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(1))
    scan = attachments.attach(front, case_id, AttachmentKind.SCAN, "欠条.jpg", b"\xff\xd8 scan of an IOU")
    monkeypatch.setattr(sync_replica.StationReplica, "uploads", lambda self: [])  # front loses power before uploading
    sync.sync_now(front)
    monkeypatch.undo()
    report = sync.sync_now(court)
    assert (report.downloaded, report.files_waiting) == (0, 1)
    assert sync.sync_status(court).state is sync.SyncState.UP_TO_DATE
    assert "file_waiting" in [line.kind for line in sync.sync_log(court)]
    sync.sync_now(front)
    assert sync.sync_now(court).downloaded == 1
    assert attachments.read(court, scan.id) == b"\xff\xd8 scan of an IOU"


def test_the_stations_signing_certificate_is_registered_with_the_city(laptops: Laptops, server: Server) -> None:
    from heze_station.server.models import SyncRow

    front = laptops("前台")
    sync.sync_now(front)
    with server.database.transaction() as session:
        stations = session.scalars(select(SyncRow).where(SyncRow.table_name == "station")).all()
    [row] = [row for row in stations if row.row_id == front.station_id]
    assert row.fields[sync.SIGNING_CERTIFICATE].startswith("-----BEGIN CERTIFICATE-----")


def test_a_revoked_laptop_enrolled_again_sends_what_it_had_not_sent(laptops: Laptops, server: Server) -> None:
    found = laptops("找回的笔记本")
    sent = register(found, intake_form(1))
    sync.sync_now(found)
    unsent = register(found, intake_form(2, employer_serial=7))
    with server.database.transaction() as session:
        auth.revoke_device(session, device_id(found))
    assert problem(found).reason is FailureReason.REVOKED
    with server.database.transaction() as session:
        station = session.scalars(select(Station.id).where(Station.name == "城区驿站")).one()
    join_city(found, server.url, server.enrol_code(station), "找回的笔记本")
    sync.sync_now(found)
    office = laptops("办公室")
    sync.sync_now(office)
    assert {sent, unsent} <= set(cases(office))
    assert sync.sync_status(found).state is sync.SyncState.UP_TO_DATE


def test_a_damaged_file_on_this_computer_is_reported_and_the_rest_still_syncs(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(1))
    attachments.attach(front, case_id, AttachmentKind.SCAN, "工资条.jpg", b"\xff\xd8 payslip")
    [stored] = [path for path in front.blobs.root.rglob("*") if path.is_file()]
    stored.write_bytes(b"\xff\xd8 payslip, damaged on disk")
    report = sync.sync_now(front)
    assert (report.uploaded, report.files_waiting) == (0, 1)
    assert sync.sync_status(front).state is sync.SyncState.UP_TO_DATE
    [waiting] = [line for line in sync.sync_log(front) if line.kind == "file_waiting"]
    assert "damaged" in waiting.message.params["reason"]
    sync.sync_now(court)
    assert case_id in cases(court)  # the case itself arrived; only the damaged file waits


def test_a_damaged_issued_document_waits_like_a_damaged_file(laptops: Laptops) -> None:
    """A document's upload size comes from the file's length; its damage shows when it is read, and it waits."""
    front, court = laptops("前台"), laptops("移动仲裁庭")
    refused = register(front, intake_form(1))
    case_actions.perform(front, refused, CaseAction.REFUSE, "该争议已由仲裁委员会受理。")
    notice = documents.issue_document(front, refused, DocumentKind.REFUSAL)
    digest = sha256_hex(documents.pdf_of(front, notice.id))
    [stored] = [path for path in front.blobs.root.rglob(digest) if path.is_file()]
    stored.write_bytes(stored.read_bytes()[:-100])  # the end of the PDF lost to a failing disk
    report = sync.sync_now(front)
    assert (report.uploaded, report.files_waiting) == (0, 1)
    assert sync.sync_status(front).state is sync.SyncState.UP_TO_DATE
    sync.sync_now(court)
    assert refused in cases(court)
