"""Push: exactly once (F1), in order or "resend from N" (F3), atomic per transaction, refusals that store nothing."""

import json
import socket
import threading
import time
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
    assert again["next_seq"] == first["next_seq"] == 1 + len(tx["ops"])
    changes = device.pull_all()[0]
    assert [change["table"] for change in changes] == [op["table"] for op in tx["ops"]]
    assert {change["version"] for change in changes} == {1}


def test_the_same_sequence_numbers_with_other_content_are_no_replay(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    row_id = new_id()
    tx = device.transaction(device.op("person", row_id, {"name": "张三"}))
    device.push_ok(tx)
    altered = {**tx, "ops": [{**tx["ops"][0], "fields": {"name": "李四"}}]}
    reordered = {**tx, "ops": [{**tx["ops"][0], "fields": dict(reversed(tx["ops"][0]["fields"].items()))}]}

    answer = device.push(altered)

    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "sequence_mismatch"
    assert answer.json()["error"]["details"]["tx_id"] == tx["tx_id"]
    assert device.latest()[str(row_id)]["fields"]["name"] == "张三"
    # The same content with its keys in another order is the same transaction.
    assert device.push_ok(reordered)["results"][0]["replayed"]


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
    after = 1 + len(tx["ops"])
    wait_for(lambda: next_seq(server, device.device_id) == after, "the server to commit the abandoned push")

    retry = device.push_ok(tx)

    assert retry["results"][0]["replayed"]
    assert retry["results"][0]["status"] == "applied"
    assert row_count(server) == len(tx["ops"])


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
        ("gap inside a push", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1}, {**good, "op_id": str(new_id()), "seq": 3}]}]}, "sequence_not_contiguous"),
        ("an operation id twice", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1}, {**good, "row_id": str(new_id()), "seq": 2}]}]}, "duplicate_op_id"),
        ("a clock far ahead of the server's", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "seq": 1, "hlc": f"{int(time.time() * 1000) + 10 * 60_000:015d}-00000-dev"}]}]}, "clock_ahead"),
        ("oversized transaction", {"transactions": [{"tx_id": str(new_id()), "ops": [
            {**good, "op_id": str(new_id()), "seq": n + 1} for n in range(MAX_OPS_PER_PUSH + 1)]}]},
         "invalid_request"),
        ("more operations than a push holds", {"transactions": [
            {"tx_id": str(new_id()), "ops": [{**good, "op_id": str(new_id()), "seq": 501 * t + n + 1}
                                             for n in range(501)]} for t in range(2)]}, "too_many_operations"),
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
        assert set(answer.json()) == {"error"}, label
        error = answer.json()["error"]
        assert set(error) == {"code", "message", "details"}, label
        assert error["code"] == code, (label, error)
        assert error["message"]
    assert row_count(server) == 0
    assert next_seq(server, device.device_id) == 1
    assert device.http.get("/health").status_code == 200


def bad_operations(device) -> list[tuple[str, dict, str, str | None]]:
    """Operations a station could not store: (what, operation, code, field)."""
    case, person = new_id(), new_id()
    return [
        ("wrong field type", device.op("case_file", case, {"worker_count": "3"}), "invalid_field", "worker_count"),
        ("bad date", device.op("case_file", case, {"received_on": "2026-13-01"}), "invalid_field", "received_on"),
        ("the calendar's last day", device.op("case_file", case, {"received_on": "9999-12-31"}), "invalid_field",
         "received_on"),
        ("a moment China time cannot show", device.op("agreement", new_id(), {"effective_at": "9999-12-31T20:00:00Z"}),
         "invalid_field", "effective_at"),
        ("unknown enum value", device.op("case_file", case, {"status": "paid"}), "invalid_field", "status"),
        ("too long", device.op("person", person, {"phone": "1" * 12}), "invalid_field", "phone"),
        ("a field the station does not have", device.op("person", person, {"nickname": "老王"}), "unknown_field",
         "nickname"),
        ("the station's own index key", device.op("case_file", case, {"search_key": 5}), "unknown_field",
         "search_key"),
        ("a new case without its station", device.op("case_file", case, {"number": "A-1"}, whole=False),
         "missing_field", "station_id"),
        ("a person with only a phone", device.op("person", person, {"phone": "13800000000"}, whole=False),
         "missing_field", "name"),
        ("an employer without its kind", device.op("employer", new_id(), {"name": "甲公司"}, whole=False),
         "missing_field", "kind"),
        ("null for a required field", device.op("person", person, {"name": None}), "invalid_field", "name"),
        ("a claimant of a person nobody sent", device.op("case_claimant", new_id(), {"person_id": str(new_id())}),
         "unknown_reference", "person_id"),
        ("a case named as a person", device.op("case_claimant", new_id(), {"person_id": device.parent("case_file")}),
         "unknown_reference", "person_id"),
        ("a row id that is not UUIDv7", device.op("person", uuid.uuid4(), {"name": "张三"}), "invalid_row_id", None),
        ("a table that does not sync", device.op("users", new_id(), {"name": "x"}), "unknown_table", None),
        ("the city's calendar", device.op("calendar_day", new_id(), {"day": "2027-01-01"}), "read_only_row", None),
        ("a wage clue", device.op("wage_clue", new_id(), {"platform_ref": "X"}), "read_only_row", None),
        ("a conflict record", device.op("sync_conflict", new_id(), {"status": "resolved"}), "read_only_row", None),
    ]  # fmt: skip


def test_an_operation_a_station_could_not_store_rejects_its_transaction_and_the_queue_moves_on(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    for table in ("station", "staff_user", "case_file"):  # rows the operations below may name
        device.parent(table)
    device.push_ok(device.transaction(device.op("person", new_id(), {"name": "先有"})))
    for label, operation, code, field in bad_operations(device):
        seq = device.next_seq
        answer = device.push_ok(device.transaction(operation, device.op("person", new_id(), {"name": "同批"})))
        [result] = answer["results"]
        assert result["status"] == "rejected", label
        assert (result["error"]["code"], result["error"]["details"].get("field")) == (code, field), label
        assert result["error"]["details"]["op_id"] == operation["op_id"], label
        assert answer["next_seq"] == device.next_seq > seq, label  # the queue moves on
    names = [change["fields"].get("name") for change in device.latest().values() if change["table"] == "person"]
    assert "同批" not in names  # nothing of a rejected transaction is stored


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
    # Each of them edits its own field of the shared case: no conflicts, but row locks must hold.
    fields = dict(zip(map(id, same_station), ("facts", "status_reason", "claimant_summary"), strict=True))
    errors: list[BaseException] = []

    def work(device, index: int) -> None:
        try:
            base = 1  # the case's version as this device last saw it
            for n in range(15):
                ops = [device.op("person", new_id(), {"name": f"{index}-{n}"})]
                if device in same_station:
                    ops.append(device.op("case_file", shared_case, {fields[id(device)]: f"n{n}"}, base_version=base))
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
    assert {case.fields[name] for name in fields.values()} == {"n14"}
    assert case.version == 1 + 15 * len(same_station)


def test_a_chunked_body_over_the_size_limit_is_refused_with_413_like_a_declared_one(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))

    def chunks():
        yield b'{"transactions": ['
        for _ in range(server.settings.max_request_bytes // 65536 + 2):
            yield b" " * 65536
        yield b"]}"

    answer = device.http.post("/v1/sync/push", content=chunks(), headers={"Content-Type": "application/json"})

    assert "content-length" not in answer.request.headers  # sent chunked, with no length declared
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "request_too_large"
    assert row_count(server) == 0


@pytest.mark.slow
def test_two_devices_creating_the_same_row_at_the_same_moment_both_get_an_answer_and_the_row_is_stored_once(
    server: Server,
) -> None:
    station = server.create_station("城区驿站")
    devices = [server.device(station, f"laptop {n}") for n in range(2)]
    rows = [new_id() for _ in range(10)]
    start = threading.Barrier(len(devices))
    answers: list[dict] = []
    errors: list[BaseException] = []

    def work(device) -> None:
        try:
            for row_id in rows:  # the one that loses the race to insert is retried and merges onto the winner's row
                transaction = device.transaction(device.op("person", row_id, {"name": "张三"}))
                start.wait()
                answers.append(device.push_ok(transaction))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(device,)) for device in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert {answer["results"][0]["status"] for answer in answers} == {"applied"}
    with server.database.transaction() as session:
        stored = session.execute(select(SyncRow.row_id, SyncRow.version).where(SyncRow.row_id.in_(rows))).all()
    assert {row_id for row_id, _ in stored} == set(rows)
    assert all(version == 1 for _, version in stored)  # the same values: the second write changed nothing
