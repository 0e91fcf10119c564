"""The city's figures from synced rows (issue 16): a station's figures at the city equal its own report."""

from datetime import date, datetime

import pytest

from heze_station.domain import chinatime, periods
from heze_station.domain.clues import ClueStep
from heze_station.server import city_figures, reference
from heze_station.server.models import Station
from heze_station.server.synced import Scope
from heze_station.server.web.reports import Reports
from heze_station.services import case_corrections, clues, sync
from heze_station.services import statistics as station_statistics
from heze_station.services.clues import StepForm
from tests.factories import intake_form, register
from tests.server.conftest import Server
from tests.statistics_cases import a_month_of_cases

from .conftest import Laptops

NOW = datetime(2026, 11, 12, 10, tzinfo=chinatime.CHINA_TZ)
CLUES = [
    {"platform_ref": ref, "station": "城区驿站", "received_at": f"2026-11-{day:02d}T09:00:00+08:00",
     "due_on": "2026-11-20", "worker_name": "赵六", "amount_fen": 500_000}
    for ref, day in (("GZQX-1", 10), ("GZQX-2", 30))
]  # fmt: skip


def _station_values(report: station_statistics.Report) -> dict[str, tuple[int, int | None]]:
    return {row.figure.key: (row.value, row.denominator) for table in report.tables for row in table.rows}


def _city_values(report: city_figures.CityReport) -> dict[str, tuple[int, int | None]]:
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
        assert _city_values(city) == _station_values(own), period.code
        assert _city_values(district) == _city_values(city)  # the district has that one station
        assert city.breakdowns == own.breakdowns, period.code
        assert [count for _, count in city.received_by_week] == [count for _, count in own.received_by_week.points]
        # the whole city counts both stations
        assert _city_values(whole)["received"][0] == 2 * _station_values(own)["received"][0]
    november = _station_values(station_statistics.report(front, periods.month(2026, 11)))
    assert (november["clues_closed"], november["voided"]) == ((1, None), (1, None))


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
    assert _city_values(after) == _city_values(fresh)
    assert _city_values(after)["received"][0] == _city_values(before)["received"][0] + 1
    assert reports.parts[(november, other_id)] is kept[(november, other_id)]  # not counted again
