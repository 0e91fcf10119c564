"""A hostile device against the wire of protocol 2 (sync-protocol.md 2.4): bodies that lie about their coding,
bombs, rows forms that do not add up, values no station can store, and odd ``X-Heze-Changes-Waiting`` counts.

Whatever it sends, the server answers 4xx with a code and a message that says what is wrong (never a 500), and keeps
nothing a station could not keep itself."""

import gzip
import json
import uuid
from typing import Any

import httpx
import pytest
import zstandard

from heze_station.domain.ids import new_id
from heze_station.server.models import Device
from heze_station.sync import CHANGES_WAITING_HEADER, wire
from heze_station.sync.schemas import PushRequest

from .client import DeviceClient
from .conftest import Server

ROWS = wire.ROWS_MEDIA_TYPE
JSON = {"Content-Type": "application/json"}
PUSH = "/v1/sync/push"


def facts_op(device: DeviceClient, facts: Any) -> dict[str, Any]:
    return device.op("case_file", new_id(), {"facts": facts})


PLACEHOLDER = "值"


def rows_body(device: DeviceClient, *ops: dict[str, Any], facts: Any = PLACEHOLDER) -> dict[str, Any]:
    """The push of ``ops`` in the rows form, the last op's facts replaced by ``facts`` (which the protocol's own
    models would refuse to encode)."""
    transaction = device.transaction(*ops)
    sent = PushRequest.model_validate({"transactions": [transaction]}, strict=False).transactions
    body = wire.encode_push(sent)
    last = body["transactions"][0]["ops"][-1]
    last[7][body["tables"][last[0]]["columns"].index("facts")] = facts
    return body


def refused(answer: httpx.Response, status: int, code: str) -> str:
    """The refusal's message, once it is the expected status and code."""
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code), answer.text
    message = answer.json()["error"]["message"]
    assert message.strip()
    return message


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """What these attacks try is refused before any database is asked, the same on both: SQLite only, but for the
    tests that store what was sent (marked to run on PostgreSQL too)."""
    return request.param


@pytest.fixture
def device(server: Server) -> DeviceClient:
    return server.device(server.create_station("城区驿站"))


# --- codings ----------------------------------------------------------------------------------------------------------

PLAIN_PUSH = b'{"transactions": []}'


@pytest.mark.parametrize(
    ("content", "coding", "status", "code"),
    [
        pytest.param(gzip.compress(PLAIN_PUSH), "zstd", 400, "malformed_body", id="gzip that claims zstd"),
        pytest.param(zstandard.ZstdCompressor().compress(PLAIN_PUSH), "gzip", 400, "malformed_body",
                     id="zstd that claims gzip"),
        pytest.param(PLAIN_PUSH, "gzip", 400, "malformed_body", id="plain that claims gzip"),
        pytest.param(PLAIN_PUSH, "zstd", 400, "malformed_body", id="plain that claims zstd"),
        pytest.param(gzip.compress(PLAIN_PUSH) * 2, "gzip", 400, "malformed_body", id="two gzip members"),
        pytest.param(gzip.compress(b"\0" * 50_000_000, compresslevel=9), "gzip", 413, "request_too_large",
                     id="gzip bomb"),
        pytest.param(b"".join(zstandard.ZstdCompressor().compress(b"{" * 1_000_000) for _ in range(6)), "zstd", 413,
                     "request_too_large", id="zstd bomb in many frames"),
        pytest.param(gzip.compress(PLAIN_PUSH), "gzip, zstd", 415, "unsupported_encoding", id="stacked codings"),
        pytest.param(gzip.compress(PLAIN_PUSH), "compress", 415, "unsupported_encoding", id="unix compress"),
    ],
)  # fmt: skip
def test_a_body_that_lies_about_its_coding_or_unpacks_into_too_much_is_refused(
    device: DeviceClient, content: bytes, coding: str, status: int, code: str
) -> None:
    refused(device.http.post(PUSH, content=content, headers={**JSON, "Content-Encoding": coding}), status, code)


def test_an_empty_compressed_body_is_a_push_that_cannot_be_read(device: DeviceClient) -> None:
    for coding in wire.CODINGS:
        answer = device.http.post(PUSH, content=b"", headers={**JSON, "Content-Encoding": coding})
        assert 400 <= answer.status_code < 500, answer.text


@pytest.mark.parametrize(
    ("accept", "sent"),
    [
        ("zstd;q=0, *", "gzip"),  # refused by name: the wildcard does not bring it back
        ("*;q=0", None),
        ("gzip;q=0, zstd;q=0", None),
        ("zstd;q=NaN, gzip", "gzip"),
        ("zstd;q=-1, gzip;q=0.5", "gzip"),
        ("GZIP", "gzip"),
        ("br, deflate", None),
        (",;;,=", None),
    ],
)
def test_an_answer_is_compressed_only_in_a_coding_the_client_takes(
    device: DeviceClient, accept: str, sent: str | None
) -> None:
    device.push_ok(device.transaction(*(facts_op(device, "拖欠工资三个月") for _ in range(30))))
    page = device.http.get("/v1/sync/changes", params={"cursor": ""}, headers={"Accept-Encoding": accept})
    assert page.status_code == 200
    assert page.headers.get("content-encoding") == sent
    assert page.json()["changes"]


# --- JSON that no parser should trust -------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/json", ROWS])
@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"[" * 200_000 + b"]" * 200_000, id="nested deep"),
        pytest.param(b'{"transactions": [' + b"{" * 5000, id="truncated"),
        pytest.param(b"\xff\xfe{\x00}\x00", id="not UTF-8"),
        pytest.param(b'{"transactions": NaN, "tables": Infinity}', id="NaN and Infinity"),
        pytest.param(b"\x00" * 1000, id="NUL bytes"),
        pytest.param(b"", id="empty"),
        pytest.param(b"null", id="null"),
        pytest.param(b'"' + b"a" * 3_000_000 + b'"', id="a long string"),
    ],
)
def test_a_body_that_is_not_json_or_not_a_push_is_a_4xx_in_either_form(
    device: DeviceClient, content: bytes, content_type: str
) -> None:
    for coding in (None, "gzip"):
        headers = {"Content-Type": content_type} | ({"Content-Encoding": coding} if coding else {})
        answer = device.http.post(PUSH, content=wire.compress(content, coding) if coding else content, headers=headers)
        assert 400 <= answer.status_code < 500, (coding, answer.status_code, answer.text[:300])
        assert answer.json()["error"]["message"]


def test_a_refusal_never_repeats_what_was_sent(device: DeviceClient) -> None:
    """Not a character of a bad id, not an unknown key (which may be an ID number)."""
    body = {"transactions": [{"tx_id": "zq", "ops": [], "370102199001011234": 1}]}
    answer = device.http.post(PUSH, json=body)
    refused(answer, 422, "invalid_request")
    assert "370102199001011234" not in answer.text
    assert "`" not in answer.text  # pydantic's quotes of a character of the id


def rows_with(body: dict[str, Any], change) -> bytes:
    change(body)
    return json.dumps(body, allow_nan=True).encode()


def first_op(body: dict[str, Any]) -> list[Any]:
    return body["transactions"][0]["ops"][-1]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda body: first_op(body)[7].pop(), id="fewer values than columns"),
        pytest.param(lambda body: first_op(body)[7].append("多余"), id="more values than columns"),
        pytest.param(lambda body: body["tables"][-1]["columns"].append("facts"), id="a column named twice"),
        pytest.param(lambda body: first_op(body).__setitem__(0, 99), id="a shape not in tables"),
        pytest.param(lambda body: first_op(body).__setitem__(0, -1), id="a negative shape"),
        pytest.param(lambda body: first_op(body).__setitem__(0, True), id="a shape that is true"),
        pytest.param(lambda body: first_op(body).__setitem__(0, 0.0), id="a shape that is a float"),
        pytest.param(lambda body: first_op(body).__setitem__(0, "0"), id="a shape that is text"),
        pytest.param(lambda body: first_op(body).__setitem__(7, {"facts": "x"}), id="values as an object"),
        pytest.param(lambda body: first_op(body).append(None), id="an op of ten items"),
        pytest.param(lambda body: first_op(body).__setitem__(2, float("nan")), id="seq NaN"),
        pytest.param(lambda body: first_op(body).__setitem__(2, float("inf")), id="seq Infinity"),
        pytest.param(lambda body: first_op(body).__setitem__(2, 10**40), id="seq past any integer"),
        pytest.param(lambda body: first_op(body).__setitem__(5, -(10**40)), id="base version past any integer"),
        pytest.param(lambda body: first_op(body).__setitem__(4, ["upsert"]), id="kind as a list"),
        pytest.param(lambda body: first_op(body).__setitem__(8, "not a list"), id="resolves as text"),
        pytest.param(lambda body: body["tables"].__setitem__(-1, {"table": 1, "columns": []}), id="table named 1"),
        pytest.param(lambda body: body["tables"][-1].__setitem__("extra", 1), id="a shape with more keys"),
        pytest.param(lambda body: body["tables"][-1].__setitem__("columns", [1, 2]), id="columns that are numbers"),
        pytest.param(lambda body: body.__setitem__("tables", {}), id="tables as an object"),
        pytest.param(lambda body: body["transactions"][0].__setitem__("tx_id", 7), id="tx_id a number"),
        pytest.param(lambda body: body["transactions"][0].__setitem__("ops", None), id="ops null"),
        pytest.param(lambda body: body["transactions"].append("tx"), id="a transaction that is text"),
    ],
)
def test_a_rows_push_whose_parts_do_not_add_up_is_refused_and_nothing_is_kept(
    server: Server, device: DeviceClient, change
) -> None:
    body = rows_with(rows_body(device, facts_op(device, "欠薪")), change)
    answer = device.http.post(PUSH, content=body, headers={"Content-Type": ROWS})
    refused(answer, 422, answer.json()["error"]["code"])
    assert answer.json()["error"]["code"] in ("invalid_request", "malformed_json")
    assert device.pull()["changes"] == []


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)  # values the database stores
@pytest.mark.parametrize(
    "value",
    [
        pytest.param(float("nan"), id="NaN"),
        pytest.param(float("-inf"), id="-Infinity"),
        pytest.param(1e308 * 10, id="overflowing float"),
        pytest.param(["欠薪"], id="a list"),
        pytest.param({"$ne": ""}, id="an object"),
        pytest.param("欠" * 300_000, id="longer than any text"),
    ],
)
@pytest.mark.parametrize("form", ["plain", "rows"])
def test_a_value_no_station_can_store_is_not_kept(device: DeviceClient, value: Any, form: str) -> None:
    op = facts_op(device, value)
    if form == "rows":
        content = json.dumps(rows_body(device, facts_op(device, PLACEHOLDER), facts=value), allow_nan=True).encode()
        answer = device.http.post(PUSH, content=content, headers={"Content-Type": ROWS})
    else:
        content = json.dumps({"transactions": [device.transaction(op)]}, allow_nan=True).encode()
        answer = device.http.post(PUSH, content=content, headers=JSON)
    assert answer.status_code < 500, answer.text
    if answer.status_code == 200:
        assert answer.json()["results"][0]["status"] == "rejected"
        assert answer.json()["results"][0]["error"]["message"]
    assert op["row_id"] not in {change["row_id"] for change in device.pull()["changes"]}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)  # values the database stores
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("欠薪\x00三个月", id="NUL"),
        pytest.param("欠薪\ud800", id="a lone surrogate"),
        pytest.param("<script>alert(1)</script>\u202e\x07", id="markup and control characters"),
    ],
)
@pytest.mark.parametrize("form", ["plain", "rows"])
def test_odd_text_is_either_refused_with_a_reason_or_kept_exactly_as_sent(
    device: DeviceClient, text: str, form: str
) -> None:
    op = facts_op(device, text)
    if form == "rows":
        op = facts_op(device, PLACEHOLDER)
        body = rows_body(device, op, facts=text)
    else:
        body = {"transactions": [device.transaction(op)]}
    content = json.dumps(body, ensure_ascii=True).encode()  # a lone surrogate travels as \\ud800
    content_type = ROWS if form == "rows" else JSON["Content-Type"]
    answer = device.http.post(PUSH, content=content, headers={"Content-Type": content_type})
    assert answer.status_code < 500, answer.text
    kept = {change["row_id"]: change["fields"] for change in device.pull()["changes"]}
    if answer.status_code == 200 and answer.json()["results"][0]["status"] == "applied":
        assert kept[op["row_id"]]["facts"] == text
    else:
        assert op["row_id"] not in kept


# --- mixing version 1 and version 2 ---------------------------------------------------------------------------------


def test_a_rows_push_answered_in_plain_json_and_a_plain_push_answered_in_rows(device: DeviceClient) -> None:
    body = json.dumps(rows_body(device, facts_op(device, "欠薪"))).encode()
    plain_answer = device.http.post(PUSH, content=body, headers={"Content-Type": ROWS, "Accept": "application/json"})
    assert plain_answer.status_code == 200, plain_answer.text
    assert plain_answer.json()["results"][0]["ops"][0]["status"] == "applied"
    op = facts_op(device, "欠薪")
    rows_answer = device.http.post(PUSH, json={"transactions": [device.transaction(op)]}, headers={"Accept": ROWS})
    assert rows_answer.headers["content-type"] == ROWS
    assert wire.decode_push_answer(rows_answer.json()).results[0].status == "applied"


def test_a_handshake_in_the_rows_form_is_refused_with_a_reason(device: DeviceClient) -> None:
    hello = {"protocol_version": 2, "schema_version": "0002", "app_version": "0.1.0",
             "device_time": "2026-11-27T08:00:00+00:00", "hlc": "001795800000000-00000-ab"}  # fmt: skip
    answer = device.http.post("/v1/sync/handshake", content=json.dumps(hello), headers={"Content-Type": ROWS})
    refused(answer, 422, "invalid_request")


@pytest.mark.parametrize("version", ["٠٠٢٠", "００２０", "002", "00200"])
def test_a_schema_version_that_is_not_four_ascii_digits_is_a_bad_request_not_a_newer_station(
    device: DeviceClient, version: str
) -> None:
    hello = {"protocol_version": 2, "schema_version": version, "app_version": "0.1.0",
             "device_time": "2026-11-27T08:00:00+00:00", "hlc": "001795800000000-00000-ab"}  # fmt: skip
    refused(device.http.post("/v1/sync/handshake", json=hello), 422, "invalid_request")


# --- X-Heze-Changes-Waiting -----------------------------------------------------------------------------------------


def waiting_kept(server: Server, device: DeviceClient) -> int | None:
    with server.database.transaction() as session:
        return session.get(Device, uuid.UUID(device.device_id)).changes_waiting


@pytest.mark.parametrize(
    "header",
    [b"-1", b"99999999999999999999", "١٢".encode(), "１２".encode(), b"1e3", b"0x10", b"12.0", b"", b"+5",
     b"\xff\xfe", b"12 3"],
)  # fmt: skip
def test_a_changes_waiting_count_that_is_not_a_count_leaves_what_was_kept(
    server: Server, device: DeviceClient, header: bytes
) -> None:
    assert device.http.get("/v1/sync/changes", headers={CHANGES_WAITING_HEADER: "7"}).status_code == 200
    answer = device.http.get("/v1/sync/changes", headers=[(CHANGES_WAITING_HEADER.encode(), header)])
    assert answer.status_code == 200, answer.text
    assert waiting_kept(server, device) == 7


# --- pulls ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{"cursor": "\x00"}, {"cursor": "-1"}, {"cursor": "9" * 60}, {"cursor": "١٢"}, {"cursor": "1:2:3:4"},
     {"cursor": "%00"}, {"limit": "0"}, {"limit": str(10**30)}, {"max_bytes": str(10**30)}, {"limit": "NaN"},
     {"max_bytes": "-1"}, {"limit": "١٢"}],
)  # fmt: skip
def test_a_pull_with_an_odd_cursor_or_size_is_a_4xx_or_a_page(device: DeviceClient, params: dict[str, str]) -> None:
    for accept in ("application/json", ROWS):
        answer = device.http.get("/v1/sync/changes", params=params, headers={"Accept": accept})
        assert answer.status_code < 500, (accept, answer.text[:300])
        if answer.status_code >= 400:
            assert answer.json()["error"]["message"]


def test_a_client_that_refuses_the_rows_form_by_its_quality_gets_plain_json(device: DeviceClient) -> None:
    answer = device.http.get("/v1/sync/changes", headers={"Accept": f"{ROWS};q=0, application/json"})
    assert answer.headers["content-type"] == "application/json"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)  # values the database stores
@pytest.mark.parametrize("name", ["笔记本\x00电脑", "\u202e脑电本记笔", "<b>前台</b>", "名" * 500])
def test_an_odd_device_name_at_enrolment_is_kept_as_sent_or_refused_with_a_reason(server: Server, name: str) -> None:
    station = server.create_station("城区驿站")
    answer = httpx.post(f"{server.url}/v1/enrol", json={"code": server.enrol_code(station), "device_name": name})
    assert answer.status_code < 500, answer.text[:300]
