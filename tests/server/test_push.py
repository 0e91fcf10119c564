"""Push: exactly once (F1), in order or "resend from N" (F3), atomic per transaction, refusals that store nothing."""

import json
import socket
import threading
import uuid
from urllib.parse import urlparse

import pytest
from sqlalchemy import func, select

from heze_station.domain.ids import new_id
from heze_station.server.models import Device, SyncRow
from heze_station.sync.schemas import MAX_OPS_PER_PUSH

from .conftest import Server, wait_for


def row_count(server: Server) -> int:
    with server.database.transaction() as session:
        return session.scalar(select(func.count()).select_from(SyncRow))


def next_seq(server: Server, device_id: str) -> int:
    with server.database.transaction() as session:
        return session.scalar(select(Device.next_seq).where(Device.id == uuid.UUID(device_id)))


def test_a_replayed_push_returns_the_stored_answer_and_applies_nothing_twice(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    case_id = new_id()
    tx = device.transaction(
        device.op("case_file", case_id, {"number": "(2026)菏谐调字第0001号", "status": "registered"}),
        device.op("timeline_event", new_id(), {"case_id": str(case_id), "kind": "registered"}),
    )
    first = device.push_ok(tx)
    again = device.push_ok(tx)

    assert first["results"][0]["status"] == "applied"
    assert not first["results"][0]["replayed"]
    assert again["results"][0]["replayed"]
    assert again["results"][0]["ops"] == first["results"][0]["ops"]
    assert again["next_seq"] == first["next_seq"] == 3
    changes = device.pull_all()[0]
    assert [change["table"] for change in changes] == ["case_file", "timeline_event"]
    assert changes[0]["version"] == 1


def test_a_push_whose_answer_was_lost_is_not_applied_again_on_retry(server: Server) -> None:
    """F1 over a real connection: the client sends, hangs up before reading, and sends the same push again."""
    device = server.device(server.create_station("城区驿站"))
    tx = device.transaction(device.op("case_file", new_id(), {"number": "A-1", "status": "registered"}))
    body = json.dumps({"transactions": [tx]}).encode()
    address = urlparse(server.url)
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(
            b"POST /v1/sync/push HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {device.token}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
    wait_for(lambda: next_seq(server, device.device_id) == 2, "the server to commit the abandoned push")

    retry = device.push_ok(tx)

    assert retry["results"][0]["replayed"]
    assert retry["results"][0]["status"] == "applied"
    assert row_count(server) == 1


def test_a_gap_is_answered_with_resend_from_and_nothing_after_it_is_applied(server: Server) -> None:
    """F3: sequence numbers 1-2 went missing; 3 arrives first."""
    device = server.device(server.create_station("城区驿站"))
    lost = device.transaction(
        device.op("person", new_id(), {"name": "张三"}), device.op("person", new_id(), {"name": "李四"})
    )
    late = device.transaction(device.op("person", new_id(), {"name": "王五"}))

    answer = device.push_ok(late)
    assert answer == {"results": [], "next_seq": 1, "resend_from": 1}
    assert row_count(server) == 0

    answer = device.push_ok(lost, late)
    assert [result["first_seq"] for result in answer["results"]] == [1, 3]
    assert answer["resend_from"] is None
    assert answer["next_seq"] == 4
    assert row_count(server) == 3


def test_a_sequence_number_reused_by_another_transaction_is_refused(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    device.push_ok(device.transaction(device.op("person", new_id(), {"name": "张三"})))
    device.next_seq = 1
    other = device.transaction(device.op("person", new_id(), {"name": "李四"}))

    answer = device.push(other)

    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "sequence_mismatch"
    assert row_count(server) == 1


def test_a_transaction_touching_another_stations_row_is_rejected_whole_and_the_queue_moves_on(server: Server) -> None:
    mine = server.device(server.create_station("城区驿站"))
    theirs = server.device(server.create_station("开发区驿站"))
    foreign = new_id()
    theirs.push_ok(theirs.transaction(theirs.op("person", foreign, {"name": "赵六"})))

    answer = mine.push_ok(
        mine.transaction(mine.op("person", new_id(), {"name": "张三"}), mine.op("person", foreign, {"name": "改"}, 1)),
        mine.transaction(mine.op("person", new_id(), {"name": "李四"})),
    )

    rejected, applied = answer["results"]
    assert rejected["status"] == "rejected"
    assert rejected["error"]["code"] == "foreign_row"
    assert applied["status"] == "applied"
    assert answer["next_seq"] == 4
    names = sorted(change["fields"]["name"] for change in mine.latest().values())
    assert names == ["李四"]  # nothing of the rejected transaction, not even its first operation
    assert [change["fields"]["name"] for change in theirs.latest().values()] == ["赵六"]


def bad_pushes(device) -> list[tuple[str, object, str]]:
    good = device.op("person", new_id(), {"name": "张三"})
    return [
        ("malformed JSON", b'{"transactions": [', "malformed_json"),
        ("unknown top-level field", {"transactions": [], "extra": 1}, "invalid_request"),
        ("unknown op field", {"transactions": [{"tx_id": str(new_id()), "ops": [{**good, "seq": 1, "x": 1}]}]},
         "invalid_request"),
        ("seq as text", {"transactions": [{"tx_id": str(new_id()), "ops": [{**good, "seq": "1"}]}]},
         "invalid_request"),
        ("seq zero", {"transactions": [{"tx_id": str(new_id()), "ops": [{**good, "seq": 0}]}]}, "invalid_request"),
        ("seq too large", {"transactions": [{"tx_id": str(new_id()), "ops": [{**good, "seq": 2**60}]}]},
         "invalid_request"),
        ("money as a float", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1, "table": "payment", "fields": {"amount_fen": 10.5}}]}]}, "invalid_request"),
        ("wrong field type", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1, "table": "case_file", "fields": {"worker_count": "3"}}]}]}, "invalid_field"),
        ("bad date", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1, "table": "case_file", "fields": {"received_on": "2026-13-01"}}]}]}, "invalid_field"),
        ("unknown table", {"transactions": [{"tx_id": str(new_id()), "ops": [{**good, "seq": 1, "table": "users"}]}]},
         "unknown_table"),
        ("reference table", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1, "table": "calendar_day"}]}]}, "read_only_table"),
        ("gap inside a push", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1}, {**good, "op_id": str(new_id()), "seq": 3}]}]}, "sequence_not_contiguous"),
        ("oversized batch", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": n + 1} for n in range(MAX_OPS_PER_PUSH + 1)]}]}, "invalid_request"),
        ("empty push", {"transactions": []}, "invalid_request"),
        ("NUL in text", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1, "fields": {"name": "a\x00b"}}]}]}, "invalid_request"),
    ]  # fmt: skip


def test_bad_input_gets_a_coded_4xx_and_stores_nothing(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    lone_surrogate = json.dumps(
        {"transactions": [{"tx_id": str(new_id()), "ops": [{**device.op("person", new_id(), {}), "seq": 1,
                                                            "fields": {"name": "\ud800"}}]}]}
    ).encode()  # fmt: skip
    for label, body, code in [*bad_pushes(device), ("lone surrogate", lone_surrogate, "invalid_request")]:
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        answer = device.http.post("/v1/sync/push", content=content, headers={"Content-Type": "application/json"})
        assert 400 <= answer.status_code < 500, (label, answer.status_code, answer.text)
        error = answer.json()["error"]
        assert error["code"] == code, (label, error)
        assert error["message"]
    assert row_count(server) == 0
    assert next_seq(server, device.device_id) == 1
    assert device.http.get("/health").status_code == 200


def test_a_very_long_unique_value_is_stored_and_still_compared(server: Server) -> None:
    station = server.create_station("城区驿站")
    a, b = server.device(station, "A"), server.device(station, "B")
    number = "号" * 5000
    a.push_ok(a.transaction(a.op("case_file", new_id(), {"number": number})))
    answer = b.push_ok(b.transaction(b.op("case_file", new_id(), {"number": number})))
    assert answer["results"][0]["ops"][0]["status"] == "conflict"


def test_a_body_over_the_size_limit_is_refused_with_413(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    huge = b'{"transactions": [' + b" " * (server.settings.max_request_bytes + 1) + b"]}"
    answer = device.http.post("/v1/sync/push", content=huge, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "request_too_large"
    assert row_count(server) == 0


@pytest.mark.slow
def test_concurrent_pushes_from_many_devices_are_each_applied_once(server: Server) -> None:
    stations = [server.create_station(f"驿站{n}") for n in range(3)]
    devices = [server.device(stations[n % 3], f"device {n}") for n in range(8)]
    shared_case = new_id()
    devices[0].push_ok(devices[0].transaction(devices[0].op("case_file", shared_case, {"number": "S-1"})))
    same_station = [device for device in devices if device.station_id == devices[0].station_id]
    errors: list[BaseException] = []

    def work(device, index: int) -> None:
        try:
            base = 1  # the case's version as this device last saw it
            for n in range(15):
                ops = [device.op("person", new_id(), {"name": f"{index}-{n}"})]
                if device in same_station:  # every device of that station edits one row: row locks must hold
                    ops.append(device.op("case_file", shared_case, {f"note_{index}": f"n{n}"}, base_version=base))
                answer = device.push_ok(device.transaction(*ops))
                if device in same_station:
                    assert answer["results"][0]["ops"][1]["status"] == "applied"
                    base = answer["results"][0]["ops"][1]["version"]
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(device, index)) for index, device in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    with server.database.transaction() as session:
        people = session.scalar(select(func.count()).where(SyncRow.table_name == "person"))
        case = session.get(SyncRow, shared_case)
    assert people == 8 * 15
    assert case is not None
    notes = {name for name in case.fields if name.startswith("note_")}
    assert notes == {f"note_{devices.index(device)}" for device in same_station}
    assert case.version == 1 + 15 * len(same_station)
