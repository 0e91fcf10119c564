"""The wire of protocol 2 (sync-protocol.md 2.4) beside that of version 1: an old client that sends and asks for
plain JSON keeps working, a new one pushes and pulls compressed rows, and a body that cannot be read is refused
with a 4xx that says why, never a 500."""

import gzip
import json
from typing import Any

import httpx
import pytest
import zstandard

from heze_station.domain.ids import new_id
from heze_station.sync import wire
from heze_station.sync.schemas import PushRequest

from .client import DeviceClient
from .conftest import Server

ROWS = wire.ROWS_MEDIA_TYPE
HELLO = {"schema_version": "0002", "app_version": "0.1.0", "device_time": "2026-11-27T08:00:00+00:00",
         "hlc": "001795800000000-00000-ab"}  # fmt: skip


def many_cases(device: DeviceClient, count: int) -> dict[str, Any]:
    """A transaction making ``count`` cases: enough rows for the bodies to be worth compressing."""
    return device.transaction(*(device.op("case_file", new_id(), {"facts": "拖欠工资三个月"}) for _ in range(count)))


def rows_push(device: DeviceClient, transaction: dict[str, Any], coding: str) -> httpx.Response:
    sent = PushRequest.model_validate({"transactions": [transaction]}, strict=False).transactions
    body = wire.compress(json.dumps(wire.encode_push(sent)).encode(), coding)
    headers = {"Content-Type": ROWS, "Content-Encoding": coding, "Accept": ROWS, "Accept-Encoding": coding}
    return device.http.post("/v1/sync/push", content=body, headers=headers)


def test_an_old_client_pushes_and_pulls_plain_json_against_this_server(server: Server) -> None:
    device = server.device(server.create_station("城区驿站"))
    plain = {"Accept-Encoding": "identity"}
    hello = device.http.post("/v1/sync/handshake", json={**HELLO, "protocol_version": 1}, headers=plain)
    assert hello.json()["protocol_version"] == 1
    transaction = many_cases(device, 30)
    answer = device.http.post("/v1/sync/push", json={"transactions": [transaction]}, headers=plain)
    assert answer.status_code == 200
    assert "content-encoding" not in answer.headers
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["results"][0]["status"] == "applied"
    page = device.http.get("/v1/sync/changes", params={"cursor": ""}, headers=plain)
    assert "content-encoding" not in page.headers
    assert page.headers["content-type"] == "application/json"
    made = {op["row_id"] for op in transaction["ops"]}
    assert made <= {change["row_id"] for change in page.json()["changes"]}


@pytest.mark.parametrize("coding", wire.CODINGS)
def test_a_new_client_pushes_and_pulls_compressed_rows_and_gets_what_plain_json_gives(
    server: Server, coding: str
) -> None:
    device = server.device(server.create_station("城区驿站"))
    hello = device.http.post("/v1/sync/handshake", json={**HELLO, "protocol_version": 2})
    assert hello.json()["protocol_version"] == 2
    assert wire.accepted_codings(hello.headers["accept-encoding"]) == list(wire.CODINGS)
    transaction = many_cases(device, 30)
    pushed = rows_push(device, transaction, coding)
    assert pushed.status_code == 200, pushed.text
    assert (pushed.headers["content-type"], pushed.headers["content-encoding"]) == (ROWS, coding)
    answer = wire.decode_push_answer(pushed.json())
    assert [op.seq for op in answer.results[0].ops] == [op["seq"] for op in transaction["ops"]]
    assert {op.status for op in answer.results[0].ops} == {"applied"}
    pulled = device.http.get("/v1/sync/changes", params={"cursor": ""}, headers={"Accept": ROWS,
                             "Accept-Encoding": coding})  # fmt: skip
    assert (pulled.headers["content-type"], pulled.headers["content-encoding"]) == (ROWS, coding)
    assert int(pulled.headers["content-length"]) < len(json.dumps(device.pull()))
    assert wire.decode_page(pulled.json()).model_dump(mode="json") == device.pull()  # the same page, plain


@pytest.mark.parametrize(
    ("content", "headers", "status", "code"),
    [
        pytest.param(b"\x28\xb5\x2f\xfd garbage", {"Content-Encoding": "zstd"}, 400, "malformed_body",
                     id="broken zstd"),
        pytest.param(gzip.compress(b'{"transactions": []}', mtime=0)[:-4], {"Content-Encoding": "gzip"}, 400,
                     "malformed_body", id="gzip cut short"),
        pytest.param(b'{"transactions": []}', {"Content-Encoding": "br"}, 415, "unsupported_encoding",
                     id="unknown coding"),
        pytest.param(zstandard.ZstdCompressor().compress(b" " * 20_000_000), {"Content-Encoding": "zstd"}, 413,
                     "request_too_large", id="unpacks past the limit"),
        pytest.param(b"[1, 2", {"Content-Type": ROWS}, 422, "malformed_json", id="rows form not json"),
        pytest.param(b'{"tables": [], "transactions": [{"tx_id": "x", "ops": [[0]]}]}', {"Content-Type": ROWS}, 422,
                     "invalid_request", id="not the rows form"),
        pytest.param(gzip.compress(b'{"transactions": [{"tx_id": 1}]}', mtime=0), {"Content-Encoding": "gzip"}, 422,
                     "invalid_request", id="compressed plain push checked as any"),
    ],
)  # fmt: skip
def test_a_push_body_that_cannot_be_read_is_refused_with_a_4xx_that_says_why(
    server: Server, content: bytes, headers: dict[str, str], status: int, code: str
) -> None:
    device = server.device(server.create_station("城区驿站"))
    answer = device.http.post("/v1/sync/push", content=content, headers={"Content-Type": "application/json", **headers})
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    if status == 415:
        assert answer.headers["accept-encoding"] == "zstd, gzip"
