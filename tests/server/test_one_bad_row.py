"""One station's odd rows never take the city's pages from every other station (a hostile device found five that
did): each field fit its type, but the figures and the overdue list read more into them than the check holds."""

import pytest

from heze_station.domain.ids import new_id
from heze_station.server.feed import write_rows
from heze_station.server.ingest import server_row

from .conftest import Server
from .test_hostile_web import browser, supervisor  # noqa: F401  (fixtures)

PAGES = ("/city/", "/city/overdue", "/city/figures", "/city/figures?period=2026", "/city/returns.xlsx")


def pages_answer(browser) -> dict[str, int]:  # noqa: F811
    return {path: browser.get(path).status_code for path in PAGES}


def assigned_clue(server: Server, station) -> str:
    clue = new_id()
    with server.database.transaction() as session:
        received = {"platform_ref": "P1", "received_at": "2026-01-02T00:00:00+08:00"}
        write_rows(session, [server_row("wage_clue", clue, station, received)])
    return str(clue)


@pytest.mark.parametrize(
    "odd",
    [
        "a case extended to before its statutory end",
        "a clue record that leaves out its step",
        "two records of a clue, one without its time",
    ],
)
def test_the_city_pages_stay_up_after_a_stations_odd_row(server: Server, browser, odd: str) -> None:  # noqa: F811
    station = server.create_station("城区驿站")
    device = server.device(station)
    match odd:
        case "a case extended to before its statutory end":
            fields = {"status": "accepted", "received_on": "2026-01-01", "mediation_extended_to": "2026-01-03"}
            operations = [device.op("case_file", new_id(), fields)]
        case "a clue record that leaves out its step":
            operations = [device.op("clue_record", new_id(), {"clue_id": assigned_clue(server, station)})]
        case _:
            clue = assigned_clue(server, station)
            timed = {"clue_id": clue, "step": "verifying", "updated_at": "2026-01-03T00:00:00+08:00"}
            operations = [
                device.op("clue_record", new_id(), timed),
                device.op("clue_record", new_id(), {"clue_id": clue, "step": "verifying"}),
            ]
    for operation in operations:
        [result] = device.push_ok(device.transaction(operation))["results"]
        assert result["status"] == "applied", odd
    assert pages_answer(browser) == dict.fromkeys(PAGES, 200)
