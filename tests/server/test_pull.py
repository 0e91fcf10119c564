"""Pull: pages capped by count and bytes, a station's scope only, and the safe watermark (F8)."""

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from heze_station.domain.ids import new_id
from heze_station.server import reference
from heze_station.server.errors import ApiError
from heze_station.server.feed import write_rows
from heze_station.server.ingest import server_row
from heze_station.server.models import SyncRow

from .conftest import Server, run_server_command


def test_pages_are_capped_by_count_and_bytes_and_the_cursor_resumes_exactly(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    ids = [new_id() for _ in range(30)]
    for chunk in range(0, 30, 10):
        device.push_ok(
            device.transaction(
                *(device.op("person", i, {"name": "某" * 50, "address": "某" * 200}) for i in ids[chunk : chunk + 10])
            )
        )

    page = device.pull(limit=7)
    assert len(page["changes"]) == 7
    assert page["has_more"]
    small = device.pull(max_bytes=2048)
    assert 1 <= len(small["changes"]) < 7  # each row is ~1 KB in JSON

    seen, cursor = device.pull_all(limit=7)
    assert [change["row_id"] for change in seen] == [str(i) for i in ids]
    assert device.pull(cursor) == {"changes": [], "cursor": cursor, "has_more": False}

    resumed = device.pull_all(page["cursor"], limit=7)[0]
    assert [change["row_id"] for change in resumed] == [str(i) for i in ids[7:]]


def test_a_station_sees_its_own_rows_the_citys_reference_data_and_the_clues_assigned_to_it(server: Server) -> None:
    city_station = server.create_station("城区驿站")
    park_station = server.create_station("开发区驿站")
    city, park = server.device(city_station), server.device(park_station)
    mine = new_id()
    city.push_ok(city.transaction(city.op("case_file", mine, {"number": "C-1"})))
    with server.database.transaction() as session:
        reference.import_reference(
            session,
            reference.ReferenceFile(
                employers=[{"kind": "company", "credit_code": "91371700MA3CXXXX1X", "name": "菏泽建工集团"}],
                calendar=[{"day": "2027-01-01", "kind": "holiday", "source": "国务院办公厅"}],
                templates=[{"kind": "agreement", "title": "调解协议书", "legal_text": "依据《劳动争议调解仲裁法》"}],
                clues=[
                    {
                        "platform_ref": "GZQX-2026-001",
                        "station": "开发区驿站",
                        "worker_name": "王五",
                        "amount_fen": 380000,
                    }
                ],
            ),
        )

    city_tables = sorted(change["table"] for change in city.latest().values())
    park_tables = sorted(change["table"] for change in park.latest().values())

    assert city_tables == ["calendar_day", "case_file", "document_template", "employer", "staff_user", "station"]
    assert park_tables == ["calendar_day", "document_template", "employer", "wage_clue"]
    clue = next(change for change in park.latest().values() if change["table"] == "wage_clue")
    assert clue["fields"]["amount_fen"] == 380000
    assert clue["station_id"] == str(park_station)


def test_reference_rows_cannot_be_changed_by_a_station(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    with server.database.transaction() as session:
        reference.import_reference(
            session, reference.ReferenceFile(employers=[{"kind": "company", "credit_code": "X1", "name": "甲"}])
        )
    employer = reference.row_id_for("employer", "X1")

    answer = device.push_ok(device.transaction(device.op("employer", employer, {"name": "乙"}, base_version=1)))

    assert answer["results"][0]["error"]["code"] == "read_only_row"
    assert device.latest()[str(employer)]["fields"]["name"] == "甲"


def test_importing_reference_data_again_updates_rows_instead_of_duplicating_them(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    for name in ("甲公司", "甲有限公司"):
        with server.database.transaction() as session:
            reference.import_reference(
                session, reference.ReferenceFile(employers=[{"kind": "company", "credit_code": "X1", "name": name}])
            )
    [employer] = device.latest().values()
    assert (employer["fields"]["name"], employer["version"]) == ("甲有限公司", 2)


def test_a_cursor_the_server_never_gave_out_is_refused(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    device.push_ok(device.transaction(device.op("person", new_id(), {"name": "张三"})))
    epoch, xid, _seq = device.pull()["cursor"].split(".")
    garbage = device.http.get("/v1/sync/changes", params={"cursor": "abc"})
    overflowing = device.http.get("/v1/sync/changes", params={"cursor": f"{epoch}.{'9' * 19}.1"})
    ahead = device.http.get("/v1/sync/changes", params={"cursor": f"{epoch}.{xid}.999999"})
    assert (garbage.status_code, garbage.json()["error"]["code"]) == (422, "invalid_cursor")
    assert (overflowing.status_code, overflowing.json()["error"]["code"]) == (422, "invalid_cursor")
    assert (ahead.status_code, ahead.json()["error"]["code"]) == (409, "cursor_ahead")


def test_after_a_restore_is_declared_old_cursors_and_the_server_id_say_so(server: Server) -> None:
    """F9: the administrator runs `heze-station-server restored` after restoring a backup; every device learns
    at its next sync that it must read from the start (keeping its unsent operations)."""
    device = server.device(server.create_station("城区驿站"))
    device.push_ok(device.transaction(device.op("person", new_id(), {"name": "张三"})))
    _, cursor = device.pull_all()
    hello = {"protocol_version": 1, "schema_version": "0002", "app_version": "0.1.0",
             "device_time": "2026-11-27T08:00:00+00:00", "hlc": "001795800000000-00000-ab"}  # fmt: skip
    before = device.http.post("/v1/sync/handshake", json=hello).json()["server_id"]

    code, _out, err = run_server_command(server.settings, "restored")

    assert code == 0, err
    assert device.http.post("/v1/sync/handshake", json=hello).json()["server_id"] != before
    stale = device.http.get("/v1/sync/changes", params={"cursor": cursor})
    assert (stale.status_code, stale.json()["error"]["code"]) == (409, "cursor_reset")
    assert len(device.pull_all()[0]) == 1


def test_a_row_committed_late_by_a_slow_transaction_still_reaches_the_reader(server: Server, backend: str) -> None:
    """F8: a slow transaction takes a feed position, a faster one commits a later position, a reader pulls in
    between. The reader must not move its cursor past the slow row, which appears once the slow one commits."""
    if backend != "postgresql":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): no row can commit behind a reader there")
    station = server.create_station("城区驿站")
    device = server.device(station)
    slow_row = new_id()
    with server.database.transaction() as slow:
        write_rows(slow, [server_row("wage_clue", slow_row, uuid.UUID(str(station)), {"platform_ref": "SLOW"})])
        slow.flush()
        fast_row = new_id()
        device.push_ok(device.transaction(device.op("person", fast_row, {"name": "快"})))
        during, cursor = device.pull_all()
        assert str(slow_row) not in {change["row_id"] for change in during}
    after, _ = device.pull_all(cursor)

    delivered = [change["row_id"] for change in during + after]
    assert sorted(delivered) == sorted([str(slow_row), str(fast_row)])
    with server.database.transaction() as session:
        slow_seq = session.get(SyncRow, slow_row).change_seq
        fast_seq = session.get(SyncRow, fast_row).change_seq
    assert slow_seq < fast_seq  # the slow row really took the lower position: a plain seq cursor would skip it


def test_rows_the_city_owns_are_never_made_or_changed_by_a_station(server: Server) -> None:
    station = server.create_station("开发区驿站")
    device = server.device(station)
    clue = {"platform_ref": "GZQX-9", "station": "开发区驿站", "amount_fen": 100}
    with server.database.transaction() as session:
        reference.import_reference(session, reference.ReferenceFile(clues=[clue]))
    clue_id = reference.row_id_for("wage_clue", "GZQX-9")
    employer_id = reference.row_id_for("employer", "91371700MA3CXXXX1X")  # not imported yet

    changed_clue = device.push_ok(device.transaction(device.op("wage_clue", clue_id, {"amount_fen": 1}, 1)))
    preempted = device.push_ok(
        device.transaction(device.op("employer", employer_id, {"credit_code": "91371700MA3CXXXX1X", "name": "假"}))
    )

    assert changed_clue["results"][0]["error"]["code"] == "read_only_row"
    assert preempted["results"][-1]["error"]["code"] == "invalid_row_id"
    assert device.latest()[str(clue_id)]["fields"]["amount_fen"] == 100
    assert str(employer_id) not in device.latest()


def test_an_import_never_takes_over_a_row_a_station_wrote_and_reports_the_clash(server: Server) -> None:
    station = server.create_station("城区驿站")
    device = server.device(station)
    employer_id = reference.row_id_for("employer", "91371700MA3CXXXX1X")
    # A row a station made under the city's id before ids were checked (or by a device that got around it).
    with server.database.transaction() as session:
        planted = server_row("employer", employer_id, station, {"kind": "company", "name": "冒名公司"})
        write_rows(session, [replace(planted, changed_by=uuid.UUID(device.device_id))])
    entries = [{"kind": "company", "credit_code": "91371700MA3CXXXX1X", "name": "菏泽建工集团"},
               {"kind": "company", "credit_code": "91371700MA3CYYYY2Y", "name": "菏泽路桥集团"}]  # fmt: skip

    with server.database.transaction() as session:
        report = reference.import_reference(session, reference.ReferenceFile(employers=entries))

    assert report.counts["employer"] == 1  # the other one
    assert report.clashes == ["employers 91371700MA3CXXXX1X: a station wrote a row under this id; it was left as it is"]
    with server.database.transaction() as session:
        row = session.get(SyncRow, employer_id)
        assert (row.fields["name"], row.station_id) == ("冒名公司", station)  # neither adopted nor sent to everyone


def test_a_reference_entry_that_is_no_whole_row_refuses_the_file(server: Server) -> None:
    bad_files = [
        (reference.ReferenceFile(employers=[{"credit_code": "X1", "name": "甲"}]), "missing_field", "kind"),
        (reference.ReferenceFile(calendar=[{"day": "2027-02-30", "kind": "holiday", "source": "国务院"}]),
         "invalid_field", "day"),
        (reference.ReferenceFile(calendar=[{"day": "2027-01-01", "kind": "holiday", "source": "国务院", "note": 1}]),
         "unknown_field", "note"),
        (reference.ReferenceFile(calendar_years=[{"year": 20270, "complete": True, "source": "国务院"}]),
         "invalid_field", "year"),
        # New Year's Day 2027 is a Friday: as a "make-up working day" it would be worked.
        (reference.ReferenceFile(calendar=[{"day": "2027-01-01", "kind": "makeup_workday", "source": "国务院"}]),
         "invalid_field", "kind"),
        (reference.ReferenceFile(calendar=[{"day": "2027-01-01", "kind": "holiday", "source": "国务院"},
                                           {"day": "2027-01-01", "kind": "holiday", "source": "国务院"}]),
         "duplicate_entry", "day"),
    ]  # fmt: skip
    for document, code, field in bad_files:
        with pytest.raises(ApiError) as refused, server.database.transaction() as session:
            reference.import_reference(session, document)
        assert (refused.value.code, refused.value.details["field"]) == (code, field)
    assert refused.value.message == "calendar[1]: calendar names 2027-01-01 again, as calendar[0] did."
    with server.database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(SyncRow)) == 0
