"""Clocks (F7 and the trust boundary): a laptop whose clock runs a year ahead still syncs, its changes stamped by
the server's time, never refused; and no clock a row brings can carry a station far into the future."""

import time
from dataclasses import replace
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from heze_station.domain.ids import new_id
from heze_station.server.feed import write_rows
from heze_station.server.ingest import server_row
from heze_station.server.models import Station, SyncRow
from heze_station.services import sync
from heze_station.services.station import StationContext
from heze_station.storage import outbox, settings
from heze_station.storage.models import OutboxOperation
from heze_station.sync.hlc import MAX_AHEAD_MS, Hlc
from tests.factories import intake_form, register
from tests.server.conftest import Server

from .conftest import Laptops

YEAR_MS = 365 * 24 * 3600 * 1000


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def clocks(station: StationContext) -> list[Hlc]:
    with station.database.transaction() as session:
        return [Hlc.parse(text) for text in session.scalars(select(OutboxOperation.hlc).order_by(OutboxOperation.seq))]


def device_clock(station: StationContext) -> Hlc:
    with station.database.transaction() as session:
        return Hlc.parse(settings.get(session, outbox.CLOCK_SETTING))


def test_a_laptop_a_year_ahead_syncs_its_changes_stamped_by_the_servers_time(
    laptops: Laptops, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    court = laptops("移动仲裁庭")
    monkeypatch.setattr(outbox, "time", SimpleNamespace(time_ns=lambda: time.time_ns() + YEAR_MS * 1_000_000))
    case_id = register(court, intake_form(2))
    assert max(clocks(court)).wall_ms > now_ms() + YEAR_MS // 2  # stamped by the wrong clock, offline

    report = sync.sync_now(court)  # learns the server's time, stamps its waiting changes again, is not refused

    assert report.pushed > 0
    assert report.rejected == 0
    with server.database.transaction() as session:
        stored = session.get(SyncRow, case_id)
        assert stored is not None
        assert Hlc.parse(stored.hlc).wall_ms <= now_ms() + MAX_AHEAD_MS
    assert device_clock(court).wall_ms <= now_ms() + MAX_AHEAD_MS
    # From now on its changes carry the server's time although its own clock is still a year ahead.
    register(court, intake_form(1, employer_serial=2))
    assert max(clocks(court)).wall_ms <= now_ms() + MAX_AHEAD_MS
    assert sync.sync_now(court).rejected == 0


def test_a_clock_far_ahead_that_a_row_brings_is_not_taken(laptops: Laptops, server: Server) -> None:
    front = laptops("前台")
    register(front, intake_form(1))
    sync.sync_now(front)
    far = Hlc(now_ms() + YEAR_MS, 0, "rogue")
    with server.database.transaction() as session:
        station = session.scalars(select(Station.id).where(Station.name == "城区驿站")).one()
        write_rows(session, [replace(server_row("person", new_id(), station, {"name": "某"}), hlc=str(far))])

    sync.sync_now(front)

    assert device_clock(front).wall_ms <= now_ms() + MAX_AHEAD_MS
    register(front, intake_form(1, employer_serial=3))  # saving still works, stamped by today's time
    assert max(clocks(front)).wall_ms <= now_ms() + MAX_AHEAD_MS


def test_a_stored_clock_this_version_cannot_read_does_not_stop_saving(laptops: Laptops) -> None:
    front = laptops("前台")
    with front.database.transaction() as session:
        settings.put(session, outbox.CLOCK_SETTING, "9999999999999999-99999-x")  # 16 digits: no clock
    register(front, intake_form(1))
    assert Hlc.parse(str(device_clock(front)))


def test_a_waiting_change_with_a_clock_this_version_cannot_read_is_stamped_again_and_sent(
    laptops: Laptops, server: Server
) -> None:
    front = laptops("前台")
    case_id = register(front, intake_form(1))
    with front.database.transaction() as session:
        first = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq).limit(1)).one()
        first.hlc = "9999999999999999-99999-x"  # 16 digits: a newer program's clock, or a damaged one

    report = sync.sync_now(front)

    assert report.pushed > 0
    assert report.rejected == 0
    assert all(clock.wall_ms <= now_ms() + MAX_AHEAD_MS for clock in clocks(front))
    with server.database.transaction() as session:
        assert session.get(SyncRow, case_id) is not None
