"""The sync routes (docs/sync-protocol.md 2): handshake, push, pull, the scope check and the audit head.

Their bodies travel compressed and, for a client that asks, in the rows form (sync.wire, protocol 2.4): ``SyncRoute``
unpacks a request before FastAPI reads it and packs the answer after, so the routes themselves see the messages of
version 1 whatever the client sent.
"""

import json
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Annotated, Any

import pydantic_core
from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security.utils import get_authorization_scheme_param

from ...sync import CHANGES_WAITING_HEADER, PROTOCOL_VERSION, station_schema, wire
from ...sync.hlc import Hlc
from ...sync.schemas import (
    AuditHeadAnswer,
    AuditHeadReport,
    ConflictView,
    HandshakeRequest,
    HandshakeResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ScopeDigest,
    ScopeRows,
)
from ...sync.scope import BUCKETS
from .. import feed, ingest, scope_check, supervision
from ..auth import Principal
from ..config import Settings
from ..db import Database
from ..deps import BearerToken, DatabaseDep, SettingsDep, StationDevice, principal_of, station_device
from ..errors import ApiError, bad_request, conflict
from ..models import Device, ServerSetting, Station, now
from . import errors

LAST_SYNC_RESOLUTION = timedelta(minutes=1)  # a pull records the sync time at most this often (it costs a write)
Waiting = Annotated[str | None, Header(alias=CHANGES_WAITING_HEADER, include_in_schema=False)]
OLDEST_PROTOCOL = 1  # the oldest protocol version this server still speaks (version 1: plain JSON only)
ACCEPTED_CODINGS = ", ".join(wire.CODINGS)
# Opt-in: a device that does not take a row's version from its push's answer learns it from this echo.
ECHO_DESCRIPTION = (
    "false: leave out rows whose current version is this device's own write, stored exactly as it sent it (the "
    "push's answer gave their versions); the cursor still moves past them"
)


class SyncRoute(APIRoute):
    """A sync route whose request body may come compressed (Content-Encoding) and, for a push, in the rows form;
    its answer is compressed as the client's Accept-Encoding allows. Every answer names the codings this server
    takes in requests (``Accept-Encoding``, RFC 7694), which is how a client learns it may compress."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_coded(request: Request) -> Response:
            response = await handle(await _unpacked(request))
            _pack(request, response)
            response.headers["Accept-Encoding"] = ACCEPTED_CODINGS
            return response

        return handle_coded


async def _unpacked(request: Request) -> Request:
    """The request with its body as version 1 JSON: decompressed, and a push in the rows form decoded."""
    coding = request.headers.get("content-encoding")
    rows = _media_type(request.headers.get("content-type")) == wire.ROWS_MEDIA_TYPE
    if coding is None and not rows:
        return request
    limit = request.app.state.settings.max_request_bytes
    try:
        body = wire.decompress(await request.body(), coding, limit)
    except wire.TooLarge as error:
        raise ApiError(413, "request_too_large", f"The request body is larger than {limit} bytes.") from error
    except wire.UnknownCoding as error:
        raise ApiError(
            415,
            "unsupported_encoding",
            f"The body's Content-Encoding is not one this server reads: send {ACCEPTED_CODINGS} or none.",
            headers={"Accept-Encoding": ACCEPTED_CODINGS},
        ) from error
    except wire.BadBody as error:
        raise ApiError(400, "malformed_body", f"The body cannot be read: {error}") from error
    headers = [
        (name, value) for name, value in request.scope["headers"] if name not in (b"content-encoding", b"content-type")
    ]
    scope = {**request.scope, "headers": [*headers, (b"content-type", wire.JSON_MEDIA_TYPE.encode())]}
    unpacked = Request(scope, request.receive)
    unpacked._body = body  # read already: FastAPI takes it from here
    if rows:
        try:
            # The push as version 1 JSON, parsed: FastAPI checks it as it would have parsed it.
            unpacked._json = wire.decode_push(pydantic_core.from_json(body))
        except ValueError as error:  # BadBody too
            code, what = ("invalid_request", str(error)) if isinstance(error, wire.BadBody) else ("malformed_json", "")
            raise bad_request(code, f"The body is not a push in the rows form. {what}".strip()) from error
    return unpacked


def _pack(request: Request, response: Response) -> None:
    """Compress the answer's body in place when it is worth it and the client takes a coding."""
    body = getattr(response, "body", None)
    if not isinstance(body, bytes) or len(body) < wire.COMPRESS_FROM_BYTES or "content-encoding" in response.headers:
        return
    codings = wire.accepted_codings(request.headers.get("accept-encoding"))
    if not codings:
        return
    response.body = wire.compress(body, codings[0])
    response.headers["Content-Encoding"] = codings[0]
    response.headers["Content-Length"] = str(len(response.body))
    response.headers["Vary"] = "Accept-Encoding"


def _media_type(header: str | None) -> str:
    return (header or "").partition(";")[0].strip().lower()


def _wants_rows(request: Request) -> bool:
    """Whether the client asked for the rows form (``Accept: application/vnd.heze.sync-rows+json``)."""
    return wire.accepts(request.headers.get("accept"), wire.ROWS_MEDIA_TYPE)


def _rows_answer(body: dict[str, Any]) -> Response:
    return Response(pydantic_core.to_json(body), media_type=wire.ROWS_MEDIA_TYPE)


router = APIRouter(prefix="/v1/sync", tags=["sync"], route_class=SyncRoute)


@router.post("/handshake", response_model=HandshakeResponse, responses=errors(409))
def handshake(
    body: HandshakeRequest, caller: StationDevice, database: DatabaseDep, settings: SettingsDep, waiting: Waiting = None
) -> HandshakeResponse:
    """Check versions before syncing; learn the server's identity, clock and the sequence number it expects next."""
    if not OLDEST_PROTOCOL <= body.protocol_version <= PROTOCOL_VERSION:
        raise conflict(
            "protocol_version_unsupported",
            f"This server speaks sync protocol {OLDEST_PROTOCOL} to {PROTOCOL_VERSION}, the device "
            f"{body.protocol_version}. Update the station program (or the server) so that both match; nothing was "
            "changed.",
            server_protocol_version=PROTOCOL_VERSION,
        )
    if body.schema_version > station_schema.NEWEST:
        raise conflict(
            "schema_version_too_new",
            f"The station database is at revision {body.schema_version}; this server knows revisions up to "
            f"{station_schema.NEWEST}, so it would refuse the station's new fields. The city must update the "
            "server first; the station's data is kept until then.",
            max_schema_version=station_schema.NEWEST,
        )
    if body.schema_version < settings.min_station_schema:
        raise conflict(
            "schema_version_too_old",
            f"The station database is at revision {body.schema_version}; this server needs "
            f"{settings.min_station_schema} or newer. Update the station program; its data is kept.",
            min_schema_version=settings.min_station_schema,
        )
    moment = now()
    with database.transaction() as session:
        device = session.get(Device, caller.device_id)
        station = session.get(Station, caller.station_id)
        assert device is not None
        assert station is not None
        # The offset is recorded, never enforced: a skewed clock must not block a sync (F7).
        device.clock_offset_ms = int((body.device_time - moment).total_seconds() * 1000)
        device.last_sync_at = moment
        supervision.changes_reported(device, waiting, moment)
        server_id = session.get(ServerSetting, "server_id")
        assert server_id is not None
        now_ms = int(moment.timestamp() * 1000)
        server_hlc = Hlc(now_ms, 0, feed.SERVER_HLC_NODE)
        device_hlc = Hlc.parse(body.hlc)
        if not device_hlc.ahead_of(now_ms, settings.max_clock_ahead_seconds * 1000):  # a clock far ahead: ignored
            server_hlc = server_hlc.receive(device_hlc, 0)
        return HandshakeResponse(
            protocol_version=body.protocol_version,  # the device's own: this server speaks it
            server_id=server_id.value,  # type: ignore[arg-type]
            server_time=moment,
            server_hlc=str(server_hlc),
            clock_offset_ms=device.clock_offset_ms,
            device_id=device.id,
            station_id=station.id,
            station_name=station.name,
            next_seq=device.next_seq,
            limits=settings.limits(),
            recovery_public_key=settings.recovery_public_key,
        )


class CallerWithPushRoute(SyncRoute):
    """The push's route. Its caller is looked up in the push's own worker thread (``push``): one hop from the event
    loop to a worker thread fewer per push than with a dependency that reads the database, which FastAPI runs in a
    worker thread of its own (the two hops took a tenth of the server's time on a push).

    FastAPI checks the body before that. So that a body it refuses is answered as on every other route, the caller
    is checked first then: an unknown token, an expired one, a revoked device are refused as such, whatever the body
    (JSON that does not parse is refused before any caller, there as everywhere)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_caller_first(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as error:
                if not isinstance(error.__cause__, json.JSONDecodeError):
                    # The token dependency passed, so the header holds one.
                    token = get_authorization_scheme_param(request.headers.get("authorization"))[1]
                    app = request.app.state
                    await run_in_threadpool(_station_caller, request, app.database, app.settings, token)
                raise

        return handle_caller_first


async def push(
    body: PushRequest, request: Request, token: BearerToken, database: DatabaseDep, settings: SettingsDep
) -> Response:
    """Apply the device's transactions in sequence order, each atomically and exactly once."""
    return await run_in_threadpool(_push, body, request, token, database, settings)


router.add_api_route(
    "/push",
    push,
    methods=["POST"],
    response_model=PushResponse,
    responses=errors(409, 415),
    route_class_override=CallerWithPushRoute,
)


def _push(body: PushRequest, request: Request, token: str, database: Database, settings: Settings) -> Response:
    # The caller's look-up and the push share one pooled connection (one check-out, one liveness ping).
    with database.read_then_transactions() as (single_read, transaction):
        caller = station_device(principal_of(request, database, settings, token, single_read))
        assert caller.station_id is not None
        context = ingest.PushContext(caller.device_id, caller.station_id, settings.max_clock_ahead_seconds * 1000)
        answer = ingest.push(transaction, context, body)
    if _wants_rows(request):
        return _rows_answer(wire.encode_push_answer(answer))
    # Encoded here: FastAPI would check the answer against its model once more and encode it in two passes (over
    # a millisecond a push, a tenth of the server's time on it).
    return Response(answer.model_dump_json(), media_type="application/json")


def _station_caller(request: Request, database: Database, settings: Settings, token: str) -> Principal:
    return station_device(principal_of(request, database, settings, token))


@router.post("/audit-head", response_model=AuditHeadAnswer)
def audit_head(body: AuditHeadReport, caller: StationDevice, database: DatabaseDep) -> AuditHeadAnswer:
    """Keep the head of the device's audit trail; a report must continue the head kept before.

    The anchor is the device's entry at the seq kept before, as it stands now: another hash there (or a head behind
    it) means the trail was rewritten on the laptop. The new head is kept all the same, so that later reports are
    compared with it, and the time of the first mismatch stays until the city clears it.
    """
    with database.transaction() as session:
        device = session.get(Device, caller.device_id)
        assert device is not None
        matches = device.audit_seq is None or (
            body.anchor is not None
            and (body.anchor.seq, body.anchor.hash) == (device.audit_seq, device.audit_hash)
            and body.head.seq >= device.audit_seq
        )
        if not matches and device.audit_mismatch_since is None:
            device.audit_mismatch_since = now()
        device.audit_seq, device.audit_hash = body.head.seq, body.head.hash
        return AuditHeadAnswer(matches=matches, recorded=body.head, mismatch_since=device.audit_mismatch_since)


@router.get("/changes", response_model=PullResponse, responses=errors(409))
def changes(
    request: Request,
    caller: StationDevice,
    database: DatabaseDep,
    settings: SettingsDep,
    cursor: Annotated[str, Query(max_length=60, description="from the previous page; empty for the start")] = "",
    limit: Annotated[int | None, Query(ge=1, description="rows at most (capped by the server)")] = None,
    max_bytes: Annotated[int | None, Query(ge=1024, description="page size at most (capped by the server)")] = None,
    echo: Annotated[bool, Query(description=ECHO_DESCRIPTION)] = True,
    waiting: Waiting = None,
) -> PullResponse | Response:
    """The next page of changes in this station's scope after ``cursor``."""
    assert caller.station_id is not None
    rows = min(limit or settings.max_page_rows, settings.max_page_rows)
    size = min(max_bytes or settings.max_page_bytes, settings.max_page_bytes)
    with database.transaction() as session:
        own = None if echo else caller.device_id
        page = feed.read_page(session, caller.station_id, feed.Cursor.parse(cursor), rows, size, own)
        moment = now()
        if caller.last_sync_at is None or moment - caller.last_sync_at > LAST_SYNC_RESOLUTION:
            device = session.get(Device, caller.device_id)
            assert device is not None
            device.last_sync_at = moment
        if waiting is not None:  # after the push: what it did not take is still waiting
            supervision.changes_reported(session.get(Device, caller.device_id), waiting, moment)
    return _rows_answer(page.rows_form()) if _wants_rows(request) else page.response()


@router.get("/conflicts", response_model=list[ConflictView])
def open_conflicts(caller: StationDevice, database: DatabaseDep) -> list[ConflictView]:
    """This station's open conflicts (they also arrive through the change feed as ``sync_conflict`` rows)."""
    assert caller.station_id is not None
    with database.transaction() as session:
        return supervision.open_conflicts(session, caller.station_id)


Tables = Annotated[str, Query(max_length=2000, description="the synced tables the station keeps, comma-separated")]


@router.get("/scope-digest", response_model=ScopeDigest)
def scope_digest(caller: StationDevice, database: DatabaseDep, tables: Tables) -> ScopeDigest:
    """Digests of this station's scope per bucket of row ids, to compare with the station's own (F13)."""
    assert caller.station_id is not None
    names = scope_check.parse_tables(tables)
    with database.transaction() as session:
        return scope_check.scope_digest(session, caller.station_id, names)


@router.get("/scope-rows", response_model=ScopeRows)
def scope_rows(
    caller: StationDevice,
    database: DatabaseDep,
    tables: Tables,
    bucket: Annotated[int, Query(ge=0, lt=BUCKETS, description="the bucket whose digest differed")],
) -> ScopeRows:
    """Every row of one bucket of this station's scope, whole, to repair that bucket (F13)."""
    assert caller.station_id is not None
    names = scope_check.parse_tables(tables)
    with database.transaction() as session:
        return scope_check.bucket_rows(session, caller.station_id, names, bucket)
