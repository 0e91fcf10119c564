"""Enrolment by one-time code, short-lived tokens, revocation on the next request (F14), brute-force throttle."""

import json
import logging
import time
import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from heze_station.domain.ids import new_id
from heze_station.server import auth, migrations
from heze_station.server.config import Settings
from heze_station.server.db import Database
from heze_station.server.models import AccessToken, now

from .client import DeviceClient
from .conftest import Server, serve_in_thread


def test_a_code_enrols_one_device_for_its_station_once(server: Server) -> None:
    station = server.create_station("城区驿站")
    code = server.enrol_code(station)

    device = DeviceClient.enrol(server.url, code.lower().replace("-", " "), "笔记本一")  # as a person might type it
    again = httpx.post(f"{server.url}/v1/enrol", json={"code": code, "device_name": "笔记本二"})

    assert device.station_id == str(station)
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "invalid_enrolment_code"
    handshake = device.http.post(
        "/v1/sync/handshake",
        json={"protocol_version": 1, "schema_version": "0002", "app_version": "0.1.0",
              "device_time": "2026-11-20T08:00:00+08:00", "hlc": "001795800000000-00000-ab"},
    )  # fmt: skip
    assert handshake.status_code == 200, handshake.text
    body = handshake.json()
    assert (body["station_name"], body["next_seq"], body["device_id"]) == ("城区驿站", 1, device.device_id)
    assert body["clock_offset_ms"] < -6 * 24 * 3600 * 1000  # a week-slow clock is recorded, not refused (F7)


def test_credentials_are_stored_only_as_hashes(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    with server.database.engine.connect() as connection:
        dump = "\n".join(str(row) for table in ("device", "access_token") for row in connection.exec_driver_sql(
            f"SELECT * FROM {table}"))  # fmt: skip
    assert device.secret not in dump
    assert device.token not in dump
    assert auth.digest(device.secret) in dump


def test_an_incompatible_protocol_or_old_schema_is_refused_with_advice(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    base = {"app_version": "0.1.0", "device_time": "2026-11-27T08:00:00+00:00", "hlc": "001795800000000-00000-ab"}
    newer = device.http.post("/v1/sync/handshake", json={**base, "protocol_version": 3, "schema_version": "0002"})
    older = device.http.post("/v1/sync/handshake", json={**base, "protocol_version": 1, "schema_version": "0001"})
    ahead = device.http.post("/v1/sync/handshake", json={**base, "protocol_version": 1, "schema_version": "9999"})
    # A program from before 0030 reported its storage revision, newer than the synced columns' own: still taken.
    before = device.http.post("/v1/sync/handshake", json={**base, "protocol_version": 2, "schema_version": "0029"})
    assert before.status_code == 200, before.text
    assert (newer.status_code, newer.json()["error"]["code"]) == (409, "protocol_version_unsupported")
    assert (older.status_code, older.json()["error"]["code"]) == (409, "schema_version_too_old")
    # A station newer than the server would have its new fields refused: the server must be updated first.
    assert (ahead.status_code, ahead.json()["error"]["code"]) == (409, "schema_version_too_new")
    assert "Update" in newer.json()["error"]["message"]


def test_an_expired_token_is_refused_and_a_new_one_works(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    with server.database.transaction() as session:
        session.execute(update(AccessToken).values(expires_at=now() - timedelta(seconds=1)))

    expired = device.http.get("/v1/sync/changes")
    device.refresh_token()

    assert (expired.status_code, expired.json()["error"]["code"]) == (401, "token_expired")
    assert device.http.get("/v1/sync/changes").status_code == 200


def test_a_revoked_device_is_refused_on_its_next_request_and_nothing_it_sent_is_lost(server: Server) -> None:
    """F14: the lost laptop's token still looks valid, but the server says no at once; its data stays."""
    station = server.create_station("城区驿站")
    lost, other = server.device(station, "丢失的笔记本"), server.device(station, "办公室电脑")
    case_id = new_id()
    lost.push_ok(lost.transaction(lost.op("case_file", case_id, {"number": "C-1"})))

    with server.database.transaction() as session:
        auth.revoke_device(session, uuid.UUID(lost.device_id))

    pull = lost.http.get("/v1/sync/changes")
    refused_case = new_id()
    push = lost.push(lost.transaction(lost.op("case_file", refused_case, {"number": "C-2"})))
    token = httpx.post(f"{server.url}/v1/auth/token", json={"device_id": lost.device_id, "device_secret": lost.secret})
    assert (pull.status_code, pull.json()["error"]["code"]) == (403, "device_revoked")
    assert (push.status_code, push.json()["error"]["code"]) == (403, "device_revoked")
    assert (token.status_code, token.json()["error"]["code"]) == (403, "device_revoked")
    assert str(case_id) in other.latest()
    assert str(refused_case) not in other.latest()


def test_wrong_codes_and_tokens_are_throttled_but_a_right_one_never_is(server: Server) -> None:
    station = server.create_station("城区驿站")
    colleague = server.device(station, "办公室电脑")  # behind the same address (a city proxy, here loopback)
    allowed = server.settings.auth_failures_allowed
    for _ in range(allowed):
        wrong = httpx.post(f"{server.url}/v1/enrol", json={"code": "AAAA-BBBB-CCCC", "device_name": "x"})
        assert wrong.status_code == 401

    blocked = httpx.post(f"{server.url}/v1/enrol", json={"code": "AAAA-BBBB-CCCC", "device_name": "x"})
    guessed_token = httpx.get(f"{server.url}/v1/sync/changes", headers={"Authorization": "Bearer guess"})
    right_code = httpx.post(f"{server.url}/v1/enrol", json={"code": server.enrol_code(station), "device_name": "y"})

    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "too_many_attempts"
    assert int(blocked.headers["Retry-After"]) > 0
    assert guessed_token.status_code == 429
    assert right_code.status_code == 201
    assert colleague.http.get("/v1/sync/changes").status_code == 200
    colleague.refresh_token()  # its credentials are honoured too


def test_wrong_secrets_for_one_device_are_throttled_per_device_and_its_right_secret_still_works(
    server: Server,
) -> None:
    device = server.device(server.create_station("城区驿站"))
    for _ in range(server.settings.auth_failures_allowed):
        answer = httpx.post(f"{server.url}/v1/auth/token", json={"device_id": device.device_id, "device_secret": "x"})
        assert answer.status_code == 401
    again = httpx.post(f"{server.url}/v1/auth/token", json={"device_id": device.device_id, "device_secret": "x"})
    assert again.status_code == 429
    device.refresh_token()


def test_behind_a_proxy_the_real_client_address_is_counted_and_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """The city's proxy (here: loopback, allowed by --forwarded-allow-ips) forwards for many clients."""
    database = Database(settings)
    migrations.upgrade(database.engine)
    running, thread, url = serve_in_thread(settings, database, forwarded_allow_ips="127.0.0.1")
    try:
        caplog.set_level(logging.INFO, logger="heze_station.server.access")
        noisy, quiet = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "198.51.100.2"}
        wrong = {"code": "AAAA-BBBB-CCCC", "device_name": "x"}
        for _ in range(settings.auth_failures_allowed):
            assert httpx.post(f"{url}/v1/enrol", json=wrong, headers=noisy).status_code == 401
        assert httpx.post(f"{url}/v1/enrol", json=wrong, headers=noisy).status_code == 429
        assert httpx.post(f"{url}/v1/enrol", json=wrong, headers=quiet).status_code == 401  # another client
    finally:
        running.should_exit = True
        thread.join()
        database.close()
    lines = [json.loads(record.getMessage()) for record in caplog.records if record.name.endswith(".access")]
    assert {line["client"] for line in lines} == {"203.0.113.7", "198.51.100.2"}
    assert {line["route"] for line in lines} == {"/v1/enrol"}
    assert [line["status"] for line in lines][-2:] == [429, 401]


def _access_lines_up_to(caplog: pytest.LogCaptureFixture, request_id: str) -> list[dict]:
    """The access log's lines once the one of ``request_id`` is in: the server writes a request's line after its
    answer has gone, so the client can hold the answer first."""
    deadline = time.monotonic() + 10
    while True:
        lines = [json.loads(record.getMessage()) for record in caplog.records if record.name.endswith(".access")]
        if request_id in {line["request_id"] for line in lines} or time.monotonic() > deadline:
            return lines
        time.sleep(0.01)


def test_the_access_log_names_route_device_and_station_but_no_values(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="heze_station.server.access")
    station = server.create_station("城区驿站")
    device = server.device(station)
    secret_name, id_number = "王秘密", "370102199001011234"
    device.push_ok(device.transaction(device.op("person", new_id(), {"name": secret_name, "id_number": id_number})))
    answer = device.http.get("/v1/sync/changes", params={"cursor": ""})
    lines = _access_lines_up_to(caplog, answer.headers["X-Request-Id"])
    push = next(line for line in lines if line["route"] == "/v1/sync/push")
    assert set(push) == {"time", "request_id", "method", "route", "status", "duration_ms", "device", "station",
                         "client"}  # fmt: skip
    assert (push["status"], push["device"], push["station"]) == (200, device.device_id, str(station))
    assert answer.headers["X-Request-Id"] in {line["request_id"] for line in lines}
    everything = "\n".join(record.getMessage() for record in caplog.records)
    assert secret_name not in everything
    assert id_number not in everything
    assert device.secret not in everything


def test_a_malformed_enrolment_is_refused_and_keeps_the_code_usable(server: Server) -> None:
    code = server.enrol_code(server.create_station("城区驿站"))
    for body in ({"code": code, "device_name": "a\x00b"}, {"code": code, "device_name": ""}, {"code": code}):
        answer = httpx.post(f"{server.url}/v1/enrol", json=body)
        assert answer.status_code == 422, body
        assert answer.json()["error"]["code"] == "invalid_request"
    assert DeviceClient.enrol(server.url, code, "笔记本").station_id is not None


def test_the_server_reads_a_code_as_people_copy_it(server: Server) -> None:
    """Any client, not only the station program: lower case, no dashes, an O for a zero, full-width characters."""
    station = server.create_station("城区驿站")
    for spoil in (str.lower, lambda code: code.replace("-", " ").replace("0", "O"),
                  lambda code: code.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})):  # fmt: skip
        code = server.enrol_code(station)
        answer = httpx.post(f"{server.url}/v1/enrol", json={"code": spoil(code), "device_name": "x"})
        assert answer.status_code == 201, (spoil(code), answer.text)
