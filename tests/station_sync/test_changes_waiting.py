"""The stations page's 待上传变更 (issue 16): each station laptop tells the city, on its sync requests, how many of
the changes typed on it the city has not received yet; the page shows the station's sum and when it was told."""

import re
from datetime import date

import httpx
import pytest

from heze_station.server import supervision
from heze_station.server.web import accounts
from heze_station.services import sync
from heze_station.services.station import StationContext
from heze_station.station_sync.client import ServerClient
from heze_station.station_sync.failures import FailureReason, SyncFailure
from heze_station.storage import replica
from tests.factories import intake_form, register
from tests.server.conftest import Server

from .conftest import Laptops

NAME, PASSWORD = "督导员", "一个足够长的密码 for the test"


def _waiting(context: StationContext) -> int:
    with context.database.transaction() as session:
        return replica.pending_count(session)


def _sync_cut_at_push(context: StationContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync whose connection drops when the laptop starts sending: the city had the handshake, nothing more."""

    def offline(_client: ServerClient, _transactions: object) -> None:
        raise SyncFailure(FailureReason.OFFLINE, "the connection dropped")

    with monkeypatch.context() as patched:
        patched.setattr(ServerClient, "push", offline)
        with pytest.raises(sync.SyncProblem):
            sync.sync_now(context)


def _stations_page(server: Server) -> str:
    with server.database.transaction() as session:
        accounts.create_supervisor(session, NAME, PASSWORD)
    with httpx.Client(base_url=server.url) as browser:
        csrf = re.search(r'name="csrf" value="([^"]+)"', browser.get("/city/sign-in").text)[1]
        signed = browser.post("/city/sign-in", data={"csrf": csrf, "name": NAME, "password": PASSWORD})
        assert signed.status_code == 303
        return browser.get("/city/").text


def _row(page: str, station: str) -> list[str]:
    row = re.search(rf"<tr>\s*<td><a [^>]*>{station}</a></td>(.*?)</tr>", page, re.S)
    assert row is not None, station
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row[1], re.S)]


def test_the_stations_page_shows_what_each_station_has_not_sent_yet(
    laptops: Laptops, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = laptops("前台", station="城区驿站")
    room = laptops("调解室", station="城区驿站")
    quiet = laptops("开发区", station="开发区驿站")
    sync.sync_now(quiet)  # everything sent: nothing waits there
    for context, cases in ((front, 2), (room, 1)):
        for n in range(cases):
            register(context, intake_form(1, employer_serial=n + 1, received_on=date(2026, 11, 2)))
    _sync_cut_at_push(front, monkeypatch)
    _sync_cut_at_push(room, monkeypatch)
    front_waiting, room_waiting = _waiting(front), _waiting(room)
    assert front_waiting > room_waiting > 0

    with server.database.transaction() as session:
        rows = {row["name"]: row for row in supervision.station_rows(session)}
    assert rows["城区驿站"]["changes_waiting"] == front_waiting + room_waiting
    assert rows["开发区驿站"]["changes_waiting"] == 0
    with server.database.transaction() as session:  # what the supervision API answers
        summaries = {summary.name: summary for summary in supervision.stations(session)}
    assert summaries["城区驿站"].changes_waiting == front_waiting + room_waiting
    assert summaries["城区驿站"].changes_waiting_at is not None

    sync.sync_now(front)  # the front desk's changes reach the city; the mediation room's still wait
    assert _waiting(front) == 0
    page = _stations_page(server)
    town = _row(page, "城区驿站")
    assert town[3].startswith(f"{room_waiting}（")  # 待上传变更, with when the laptop said so
    assert re.fullmatch(r"\d+（\d{4}-\d\d-\d\d \d\d:\d\d）", town[3])
    assert _row(page, "开发区驿站")[3].startswith("0（")
