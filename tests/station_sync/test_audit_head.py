"""The city keeps each laptop's audit-trail head: a trail rebuilt on the laptop no longer matches (issue 13, 5)."""

import uuid

from heze_station.server import supervision
from heze_station.server.models import Device
from heze_station.services import audit, sync
from heze_station.services.station import StationContext
from heze_station.storage import settings
from tests.server.conftest import Server, run_server_command

from .conftest import Laptops


def city_record(server: Server, station: StationContext) -> Device:
    with station.database.transaction() as session:
        device_id = settings.get(session, sync.DEVICE_ID)
    with server.database.transaction() as session:
        device = session.get(Device, uuid.UUID(device_id))
        session.expunge(device)
        return device


def head(station: StationContext) -> tuple[int, str]:
    with station.database.transaction() as session:
        current = audit.head(session)
    assert current is not None
    return current.seq, current.hash


def test_the_city_follows_the_trail_and_notices_when_it_is_rebuilt(laptops: Laptops, server: Server) -> None:
    station = laptops("前台")
    audit.searched(station, "张")
    sync.sync_now(station)
    kept = city_record(server, station)
    assert (kept.audit_seq, kept.audit_hash) == head(station)
    assert kept.audit_mismatch_since is None

    audit.searched(station, "李")
    sync.sync_now(station)
    assert (city_record(server, station).audit_seq, city_record(server, station).audit_hash) == head(station)
    assert audit.check(station).city_mismatch_since is None

    # Someone with the key rewrites the trail: the chain is whole again on the laptop, but not the one the city saw.
    with station.database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        connection.exec_driver_sql("DELETE FROM audit_entry")
    for _ in range(kept.audit_seq + 1):
        audit.searched(station, "别的")
    assert audit.check(station).broken_at is None
    sync.sync_now(station)

    city = city_record(server, station)
    assert city.audit_mismatch_since is not None
    state = audit.check(station)
    assert state.city_mismatch_since is not None
    assert any(line.kind == "audit_mismatch" and line.is_problem for line in sync.sync_log(station))

    # Later honest syncs are compared with the new head, but the city's alarm stays until someone looks into it.
    audit.searched(station, "王")
    sync.sync_now(station)
    assert city_record(server, station).audit_mismatch_since == city.audit_mismatch_since
    with server.database.transaction() as session:
        assert [summary.audit_mismatches for summary in supervision.stations(session)] == [1]
    code, listing, err = run_server_command(server.settings, "list-devices")
    assert "audit trail altered since" in listing

    # The city asked why (a backup restored, say) and clears the mark; the laptop hears it at its next report.
    device_id = str(city.id)
    code, out, err = run_server_command(server.settings, "clear-audit-mismatch", device_id)
    assert code == 0, err
    assert f"accepted from seq {head(station)[0]}" in out
    audit.searched(station, "赵")
    sync.sync_now(station)
    assert city_record(server, station).audit_mismatch_since is None
    assert audit.check(station).city_mismatch_since is None
    with server.database.transaction() as session:
        assert [summary.audit_mismatches for summary in supervision.stations(session)] == [0]
