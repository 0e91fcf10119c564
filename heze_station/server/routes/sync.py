from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Header, Query

from ...sync import CHANGES_WAITING_HEADER, PROTOCOL_VERSION, station_schema
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
from ..deps import DatabaseDep, SettingsDep, StationDevice
from ..errors import conflict
from ..models import Device, ServerSetting, Station, now
from . import errors

router = APIRouter(prefix="/v1/sync", tags=["sync"])
LAST_SYNC_RESOLUTION = timedelta(minutes=1)  # a pull records the sync time at most this often (it costs a write)
Waiting = Annotated[str | None, Header(alias=CHANGES_WAITING_HEADER, include_in_schema=False)]


@router.post("/handshake", response_model=HandshakeResponse, responses=errors(409))
def handshake(
    body: HandshakeRequest, caller: StationDevice, database: DatabaseDep, settings: SettingsDep, waiting: Waiting = None
) -> HandshakeResponse:
    """Check versions before syncing; learn the server's identity, clock and the sequence number it expects next."""
    if body.protocol_version != PROTOCOL_VERSION:
        raise conflict(
            "protocol_version_unsupported",
            f"This server speaks sync protocol {PROTOCOL_VERSION}, the device {body.protocol_version}. "
            "Update the station program (or the server) so that both match; nothing was changed.",
            server_protocol_version=PROTOCOL_VERSION,
        )
    if body.schema_version > station_schema.REVISION:
        raise conflict(
            "schema_version_too_new",
            f"The station database is at revision {body.schema_version}; this server knows revisions up to "
            f"{station_schema.REVISION}, so it would refuse the station's new fields. The city must update the "
            "server first; the station's data is kept until then.",
            max_schema_version=station_schema.REVISION,
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
            protocol_version=PROTOCOL_VERSION,
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


@router.post("/push", response_model=PushResponse, responses=errors(409))
def push(body: PushRequest, caller: StationDevice, database: DatabaseDep, settings: SettingsDep) -> PushResponse:
    """Apply the device's transactions in sequence order, each atomically and exactly once."""
    assert caller.station_id is not None
    context = ingest.PushContext(caller.device_id, caller.station_id, settings.max_clock_ahead_seconds * 1000)
    return ingest.push(database.transaction, context, body)


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
    caller: StationDevice,
    database: DatabaseDep,
    settings: SettingsDep,
    cursor: Annotated[str, Query(max_length=60, description="from the previous page; empty for the start")] = "",
    limit: Annotated[int | None, Query(ge=1, description="rows at most (capped by the server)")] = None,
    max_bytes: Annotated[int | None, Query(ge=1024, description="page size at most (capped by the server)")] = None,
    waiting: Waiting = None,
) -> PullResponse:
    """The next page of changes in this station's scope after ``cursor``."""
    assert caller.station_id is not None
    rows = min(limit or settings.max_page_rows, settings.max_page_rows)
    size = min(max_bytes or settings.max_page_bytes, settings.max_page_bytes)
    with database.transaction() as session:
        page = feed.read_page(session, caller.station_id, feed.Cursor.parse(cursor), rows, size)
        moment = now()
        if caller.last_sync_at is None or moment - caller.last_sync_at > LAST_SYNC_RESOLUTION:
            device = session.get(Device, caller.device_id)
            assert device is not None
            device.last_sync_at = moment
        if waiting is not None:  # after the push: what it did not take is still waiting
            supervision.changes_reported(session.get(Device, caller.device_id), waiting, moment)
    return page


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
