"""The city's figures from synced rows (issue 16): a station's figures at the city equal its own report."""

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from heze_station.domain import chinatime, periods
from heze_station.domain.clues import ClueStep
from heze_station.server import city_figures, reference
from heze_station.server.models import Station
from heze_station.server.synced import Scope
from heze_station.server.web import accounts
from heze_station.server.web.reports import Reports
from heze_station.services import case_corrections, clues, sync
from heze_station.services import statistics as station_statistics
from heze_station.services.clues import StepForm
from tests.factories import intake_form, register
from tests.server.conftest import Server, serve_in_thread
from tests.statistics_cases import a_month_of_cases

from .conftest import Laptops

NOW = datetime(2026, 11, 12, 10, tzinfo=chinatime.CHINA_TZ)
SUPERVISOR, PASSWORD = "市局督导", "正确的密码 correct horse"
CLUES = [
    {"platform_ref": ref, "station": "城区驿站", "received_at": f"2026-11-{day:02d}T09:00:00+08:00",
     "due_on": "2026-11-20", "worker_name": "赵六", "amount_fen": 500_000}
    for ref, day in (("GZQX-1", 10), ("GZQX-2", 30))
]  # fmt: skip


def figure_values(report: station_statistics.Report | city_figures.CityReport) -> dict[str, tuple[int, int | None]]:
    """Each figure's value and a share's denominator, as the station's return and the city's page show them."""
    return {row.figure.key: (row.value, row.denominator) for table in report.tables for row in table.rows}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_stations_figures_at_the_city_equal_its_own_report_after_a_sync(laptops: Laptops, server: Server) -> None:
    front = laptops("前台", station="城区驿站")
    other = laptops("开发区", station="开发区驿站")
    a_month_of_cases(front)
    a_month_of_cases(other)  # a second station's cases are not the first's figures
    mistake = register(front, intake_form(1, employer_serial=9, received_on=date(2026, 11, 5)), on=date(2026, 11, 5))
    case_corrections.void_case(front, mistake, "同一投诉重复登记")  # out of the figures, counted apart, here and there
    with server.database.transaction() as session:  # two clues for the first station, one worked off there
        reference.import_reference(session, reference.ReferenceFile(clues=CLUES))
    sync.sync_now(front)
    [settled, _] = sorted(clues.list_clues(front), key=lambda row: row.platform_ref)
    for step, extra in ((ClueStep.VERIFYING, {}), (ClueStep.EMPLOYER_CONTACTED, {}),
                        (ClueStep.SETTLED, {"recovered": "5000", "workers_paid": 2})):  # fmt: skip
        clues.record_step(front, settled.id, StepForm(step, date(2026, 11, 12), **extra), now=NOW)
    sync.sync_now(front)
    sync.sync_now(other)
    with server.database.transaction() as session:
        station = session.query(Station).filter(Station.name == "城区驿站").one()
        station.district, station_id = "牡丹区", station.id
    for period in (periods.month(2026, 11), periods.month(2026, 10), periods.week(date(2026, 11, 2)),
                   periods.quarter(2026, 4), periods.year(2026)):  # fmt: skip
        own = station_statistics.report(front, period)
        with server.database.transaction() as session:
            city = city_figures.report(session, period, Scope(station_id=station_id))
            whole = city_figures.report(session, period)
            district = city_figures.report(session, period, Scope(district="牡丹区"))
        assert figure_values(city) == figure_values(own), period.code
        assert figure_values(district) == figure_values(city)  # the district has that one station
        assert city.breakdowns == own.breakdowns, period.code
        assert [count for _, count in city.received_by_week] == [count for _, count in own.received_by_week.points]
        # the whole city counts both stations
        assert figure_values(whole)["received"][0] == 2 * figure_values(own)["received"][0]
    november = figure_values(station_statistics.report(front, periods.month(2026, 11)))
    assert (november["clues_closed"], november["voided"]) == ((1, None), (1, None))


def test_every_laptop_of_a_station_reports_the_stations_figures(laptops: Laptops, server: Server) -> None:
    """Each laptop's setup made a station row of its own; the cases typed on the front desk are the court's station's
    too, in the court laptop's return as at the city."""
    front, court = laptops("前台"), laptops("移动仲裁庭")
    a_month_of_cases(front)
    sync.sync_now(front)
    sync.sync_now(court)
    november = periods.month(2026, 11)
    assert figure_values(station_statistics.report(court, november)) == figure_values(
        station_statistics.report(front, november)
    )
    assert figure_values(station_statistics.report(court, november))["received"] == (3, None)


def test_the_page_counts_again_only_the_stations_that_synced_and_agrees_with_a_fresh_count(
    laptops: Laptops, server: Server
) -> None:
    front, other = laptops("前台", station="城区驿站"), laptops("开发区", station="开发区驿站")
    a_month_of_cases(front)
    a_month_of_cases(other)
    sync.sync_now(front)
    sync.sync_now(other)
    reports, november = Reports(), periods.month(2026, 11)
    with server.database.transaction() as session:
        before = reports.city_report(session, november, Scope())
    kept = dict(reports.parts)
    register(front, intake_form(3, employer_serial=9, received_on=date(2026, 11, 20)), date(2026, 11, 20))
    sync.sync_now(front)
    with server.database.transaction() as session:
        after = reports.city_report(session, november, Scope())
        fresh = city_figures.report(session, november)
        other_id = session.query(Station.id).filter(Station.name == "开发区驿站").scalar()
    assert figure_values(after) == figure_values(fresh)
    assert figure_values(after)["received"][0] == figure_values(before)["received"][0] + 1
    assert reports.parts[(november, other_id)] is kept[(november, other_id)]  # not counted again


@contextmanager
def another_process(server: Server) -> Iterator[tuple[FastAPI, httpx.Client]]:
    """Another process of the city's server, just started on its database (as ``serve --workers`` runs several),
    once it has counted what it counts at start; a supervisor signed in to it."""
    with server.database.transaction() as session:
        accounts.create_supervisor(session, SUPERVISOR, PASSWORD)
    running, thread, url = serve_in_thread(server.settings, server.database)
    app: FastAPI = running.config.app
    try:
        app.state.warming.join()
        with httpx.Client(base_url=url, follow_redirects=False, timeout=30) as http:
            csrf = re.search(r'name="csrf" value="([^"]+)"', http.get("/city/sign-in").text).group(1)
            answer = http.post("/city/sign-in", data={"csrf": csrf, "name": SUPERVISOR, "password": PASSWORD})
            assert answer.status_code == 303
            yield app, http
    finally:
        running.should_exit = True
        thread.join()


def _kept(app: FastAPI, *key: object) -> object:
    """What the process keeps under ``key`` (whatever the stations' part of the key is)."""
    entries = app.state.city_reports.entries
    return next(made.value for kept, made in entries.items() if kept[: len(key)] == key)


def test_a_server_process_counts_the_first_pages_figures_as_it_starts(
    laptops: Laptops, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each process of the server keeps figures of its own: one just started counts the whole city's for the pages
    a supervisor opens first, so that his first visit to it does not wait for that count; a sync after the start
    is counted at the next visit, not a minute later."""
    front = laptops("前台", station="城区驿站")
    a_month_of_cases(front)
    sync.sync_now(front)
    counted: list[periods.Period] = []
    count = city_figures.partials

    def counting(session: Session, period: periods.Period, *rest: object) -> object:
        counted.append(period)
        return count(session, period, *rest)

    monkeypatch.setattr(city_figures, "partials", counting)
    monkeypatch.setattr(chinatime, "today", lambda: NOW.date())  # in the month of the cases
    month, quarter = periods.month(2026, 11), periods.quarter(2026, 4)
    with another_process(server) as (app, http):
        at_start = list(counted)
        stations = http.get("/city/")
        this_month = http.get("/city/figures")
        this_quarter = http.get(f"/city/figures?period={quarter.code}")
        after_visits = list(counted)
        kept_quarter = _kept(app, "report", quarter, Scope())
        with server.database.transaction() as session:
            fresh_quarter = city_figures.report(session, quarter)
        register(front, intake_form(3, employer_serial=9, received_on=date(2026, 11, 10)), date(2026, 11, 10))
        sync.sync_now(front)
        before_sync_visit = len(counted)
        after_sync = http.get("/city/figures")
        counted_for_sync_visit = counted[before_sync_visit:]
        kept_month = _kept(app, "report", month, Scope())
    assert at_start == [month, quarter]
    assert _kept(app, "stations", NOW.date())
    assert (stations.status_code, this_month.status_code, this_quarter.status_code) == (200, 200, 200)
    assert "城区驿站" in stations.text
    assert after_visits == at_start  # the visits counted nothing again
    assert figure_values(kept_quarter) == figure_values(fresh_quarter)
    assert after_sync.status_code == 200
    assert counted_for_sync_visit == [month]  # the station that synced, counted again at once
    with server.database.transaction() as session:
        assert figure_values(kept_month) == figure_values(city_figures.report(session, month))


def test_a_count_at_start_that_fails_leaves_the_server_answering_and_the_first_visit_counts(
    server: Server, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    server.create_station("城区驿站")
    for thread in threading.enumerate():  # the first server's own count at start, which the fault is not for
        if thread.name == "warm-up":
            thread.join()
    count = city_figures.partials

    def broken(*_arguments: object) -> None:
        raise OperationalError("SELECT name FROM person WHERE id_number = ?", {}, Exception("the database went away"))

    monkeypatch.setattr(city_figures, "partials", broken)
    with caplog.at_level(logging.WARNING), another_process(server) as (app, http):
        # The month's and the quarter's counts failed, each on its own; the log names the error without what it
        # quoted. The stations page's, which does not need them, was counted.
        assert caplog.text.count("a figure of the supervision page was not counted at start (OperationalError)") == 2
        assert "went away" not in caplog.text
        assert "person" not in caplog.text
        assert _kept(app, "stations")
        assert not [key for key in app.state.city_reports.entries if key[0] == "report"]
        monkeypatch.setattr(city_figures, "partials", count)
        page = http.get("/city/figures")
    assert page.status_code == 200
    assert "城区驿站" in page.text
