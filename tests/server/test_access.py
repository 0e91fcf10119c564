"""Who may call what: every route of the API, for every kind of caller, in one table.

Station A owns a case, a conflict and an attachment. Station B's device, a supervisor, a revoked device of A and
an anonymous caller each try every route on A's things; none of them may see or change them. A new route that is
missing from the table fails the test, so the table cannot fall behind the API.
"""

import hashlib
import os
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from heze_station.domain.ids import new_id
from heze_station.server import auth
from heze_station.server.app import create_app
from heze_station.server.config import Settings
from heze_station.sync.scope import bucket_of

from .conftest import Server


@dataclass
class World:
    case_id: str
    conflict_id: str
    sha256: str
    data: bytes
    document_id: str


def arrange(server: Server):
    station_a = server.create_station("城区驿站")
    owner, colleague = server.device(station_a, "A1"), server.device(station_a, "A2")
    stranger = server.device(server.create_station("开发区驿站"), "B1")
    revoked = server.device(station_a, "A-lost")
    supervisor = server.supervisor()
    case_id, document_id = new_id(), new_id()
    owner.push_ok(
        owner.transaction(
            owner.op("case_file", case_id, {"number": "A-1", "status": "registered"}),
            owner.op("issued_document", document_id, {"case_id": str(case_id), "pdf_sha256": "a" * 64}),
        )
    )
    owner.push_ok(owner.transaction(owner.op("case_file", case_id, {"status": "accepted"}, base_version=1)))
    answer = colleague.push_ok(colleague.transaction(colleague.op("case_file", case_id, {"status": "refused"}, 1)))
    conflict_id = answer["results"][0]["ops"][0]["conflict_ids"][0]
    data = os.urandom(1000)
    sha256 = hashlib.sha256(data).hexdigest()
    owner.http.post("/v1/attachments", json={"sha256": sha256, "size": 1000, "media_type": "image/png"})
    owner.http.put(f"/v1/attachments/{sha256}/content", params={"offset": 0}, content=data)
    with server.database.transaction() as session:
        auth.revoke_device(session, uuid.UUID(revoked.device_id))
    world = World(str(case_id), conflict_id, sha256, data, str(document_id))
    callers = {"owner": owner, "stranger": stranger, "supervisor": supervisor, "revoked": revoked}
    return world, callers


def handshake_body() -> dict[str, Any]:
    return {"protocol_version": 1, "schema_version": "0002", "app_version": "t",
            "device_time": "2026-11-27T08:00:00+00:00", "hlc": "001795800000000-00000-ab"}  # fmt: skip


def push_body(client, world: World) -> dict[str, Any]:
    """An edit of station A's case."""
    return {"transactions": [client.transaction(client.op("case_file", world.case_id, {"facts": "改"}, 3))]}


# (method, path template) -> how to call it: (method, url, request keyword arguments)
def requests(world: World, client) -> dict[tuple[str, str], tuple[str, str, dict[str, Any]]]:
    sha = world.sha256
    return {
        ("GET", "/health"): ("GET", "/health", {}),
        ("HEAD", "/health"): ("HEAD", "/health", {}),
        ("POST", "/v1/enrol"): ("POST", "/v1/enrol", {"json": {"code": "WRONG-CODE", "device_name": "x"}}),
        ("POST", "/v1/auth/token"): (
            "POST", "/v1/auth/token", {"json": {"device_id": str(new_id()), "device_secret": "guess"}}),
        ("POST", "/v1/sync/handshake"): ("POST", "/v1/sync/handshake", {"json": handshake_body()}),
        ("POST", "/v1/sync/push"): ("POST", "/v1/sync/push", {"json": push_body(client, world)}),
        ("GET", "/v1/sync/changes"): ("GET", "/v1/sync/changes", {}),
        ("POST", "/v1/sync/audit-head"): (
            "POST", "/v1/sync/audit-head", {"json": {"head": {"seq": 1, "hash": "a" * 64}, "anchor": None}}),
        ("GET", "/v1/sync/conflicts"): ("GET", "/v1/sync/conflicts", {}),
        ("GET", "/v1/sync/scope-digest"): ("GET", "/v1/sync/scope-digest", {"params": {"tables": "case_file"}}),
        ("GET", "/v1/sync/scope-rows"): (  # the bucket that holds station A's case
            "GET", "/v1/sync/scope-rows", {"params": {"tables": "case_file", "bucket": case_bucket(world)}}),
        ("POST", "/v1/attachments"): (
            "POST", "/v1/attachments", {"json": {"sha256": sha, "size": 1000, "media_type": "image/png"}}),
        ("GET", "/v1/attachments/{sha256}"): ("GET", f"/v1/attachments/{sha}", {}),
        ("PUT", "/v1/attachments/{sha256}/content"): (
            "PUT", f"/v1/attachments/{sha}/content", {"params": {"offset": 0}, "content": b"x" * 1000}),
        ("GET", "/v1/attachments/{sha256}/content"): ("GET", f"/v1/attachments/{sha}/content", {}),
        ("GET", "/v1/supervision/stations"): ("GET", "/v1/supervision/stations", {}),
        ("GET", "/v1/supervision/case-counts"): ("GET", "/v1/supervision/case-counts", {}),
        ("GET", "/v1/verify/{document_id}/{sha256}"): ("GET", f"/v1/verify/{world.document_id}/{'a' * 64}", {}),
        ("GET", "/v1/verify"): ("GET", "/v1/verify", {"params": {"payload": f"HZDOC1:{world.document_id}:{'A' * 64}"}}),
    }  # fmt: skip


def case_bucket(world: World) -> int:
    try:
        return bucket_of(uuid.UUID(world.case_id))
    except ValueError:  # the table test's placeholder world
        return 0


PUBLIC = {("GET", "/health"), ("HEAD", "/health"), ("GET", "/v1/verify/{document_id}/{sha256}"), ("GET", "/v1/verify")}
CREDENTIALS = {("POST", "/v1/enrol"), ("POST", "/v1/auth/token")}  # authenticated by what they carry
SUPERVISION = {("GET", "/v1/supervision/stations"), ("GET", "/v1/supervision/case-counts")}


def test_the_table_names_every_route_of_the_api() -> None:
    app = create_app(Settings(database_url="sqlite://"))
    paths = app.openapi()["paths"]
    routes = {(method.upper(), path) for path, operations in paths.items() for method in operations}
    world = World("c", "k", "0" * 64, b"", "d")
    assert routes == set(requests(world, _NoClient()))


class _NoClient:
    def op(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {}

    def transaction(self, *ops: Any) -> dict[str, Any]:
        return {}


def expected_status(caller: str, route: tuple[str, str]) -> set[int]:
    if route in PUBLIC:
        return {200}
    if route in CREDENTIALS:
        return {401}  # a wrong code or secret, whoever sends it
    if caller == "anonymous":
        return {401}
    if caller == "revoked":
        return {403}
    if route in SUPERVISION:
        return {200} if caller == "supervisor" else {403}
    if caller == "supervisor":
        return {403}
    if caller == "owner":
        return {200}
    # Station B: sync routes answer about B's own scope. For A's attachment B gets only its own, empty upload
    # (it announced the hash just before): its guessed bytes fail the hash, and there is nothing to download.
    return {
        ("PUT", "/v1/attachments/{sha256}/content"): {422},
        ("GET", "/v1/attachments/{sha256}/content"): {409},
    }.get(route, {200})


@pytest.mark.parametrize("caller", ["anonymous", "revoked", "supervisor", "stranger", "owner"])
def test_every_route_for_every_caller(server: Server, caller: str) -> None:
    world, callers = arrange(server)
    client = callers.get(caller)
    http = client.http if client else httpx.Client(base_url=server.url)
    builder = client or callers["owner"]
    for route, (method, url, arguments) in requests(world, builder).items():
        answer = http.request(method, url, **arguments)
        assert answer.status_code in expected_status(caller, route), (caller, route, answer.status_code, answer.text)
        if answer.status_code >= 400:
            assert answer.json()["error"]["code"], (caller, route)
        if caller == "stranger" and route == ("POST", "/v1/sync/push"):
            assert answer.json()["results"][0]["error"]["code"] == "foreign_row"
        elif caller == "stranger" and route not in PUBLIC:  # (the push's answer names the row B itself sent)
            for secret in (world.case_id, world.conflict_id):
                assert secret not in answer.text, (route, answer.text)
            if route == ("POST", "/v1/attachments"):
                assert answer.json()["received"] == 0
    owner_view = callers["owner"].latest()
    assert owner_view[world.case_id]["fields"].get("facts") in (None, "改")  # only the owner itself edited it
    if caller != "owner":
        assert "facts" not in owner_view[world.case_id]["fields"]
    assert callers["owner"].http.get(f"/v1/attachments/{world.sha256}/content").content == world.data


@pytest.mark.parametrize("path", ["/v1/sync/push", "/v1/sync/handshake"])
def test_a_caller_who_may_not_sync_is_refused_as_such_whatever_the_body(server: Server, path: str) -> None:
    """The push looks its caller up after FastAPI has read the body (routes/sync.py, CallerWithPushRoute): it still
    answers a bad caller with a bad body as every route does, the caller first; JSON that does not parse first of
    all."""
    _, callers = arrange(server)
    unknown = httpx.Client(base_url=server.url, headers={"Authorization": "Bearer not-a-token"})
    anonymous = httpx.Client(base_url=server.url)
    wrong_shape = {"transactions": "none", "protocol_version": "one"}
    expected = [
        (anonymous, {"json": wrong_shape}, 401, "missing_token"),
        (unknown, {"json": wrong_shape}, 401, "invalid_token"),
        (callers["revoked"].http, {"json": wrong_shape}, 403, "device_revoked"),
        (callers["supervisor"].http, {"json": wrong_shape}, 403, "station_role_required"),
        (callers["owner"].http, {"json": wrong_shape}, 422, None),
        (unknown, {"content": b"{", "headers": {"Content-Type": "application/json"}}, 422, None),
    ]
    for http, arguments, status, code in expected:
        answer = http.post(path, **arguments)
        assert answer.status_code == status, (path, code, answer.text)
        if code:
            assert answer.json()["error"]["code"] == code
