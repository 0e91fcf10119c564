"""The station's figures from its own rows (issue 16): each figure counts exactly the cases it lists."""

import re
import subprocess
import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from heze_station.domain import chinatime, periods, statistics
from heze_station.domain.audit import AuditAction
from heze_station.domain.ids import new_id
from heze_station.domain.parties import EmployerKind
from heze_station.services import audit, case_queries, returns
from heze_station.services import statistics as station_statistics
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage.models import Case, Station
from tests.factories import intake_form
from tests.services.agreement_steps import agree, mediating, terms
from tests.statistics_cases import a_month_of_cases

NOVEMBER = periods.month(2026, 11)


@pytest.fixture
def november(station: StationContext) -> dict[str, uuid.UUID]:
    return a_month_of_cases(station)


def _values(report: station_statistics.Report) -> dict[str, tuple[int, int | None]]:
    return {row.figure.key: (row.value, row.denominator) for table in report.tables for row in table.rows}


def test_a_month_of_a_station_in_its_figures(station: StationContext, november: dict[str, uuid.UUID]) -> None:
    values = _values(station_statistics.report(station, NOVEMBER))
    assert values["received"] == (3, None)
    assert values["workers_covered"] == (14, None)
    assert values["closed"] == (2, None)
    assert values["success_rate"] == (1, 2)
    assert values["within_3_days"] == (2, 2)  # agreed the day after, withdrawn 3 days after receipt
    assert values["amount_agreed"] == (380_000, None)
    assert values["amount_recovered"] == (380_000, None)
    assert values["carried_over"] == (1, None)
    assert values["accepted"] == (2, None)
    assert values["accepted_collective"] == (1, None)
    assert values["workers_involved"] == (13, None)
    assert values["still_open"] == (1, None)
    assert values["performed_on_time"] == (1, 1)
    october = _values(station_statistics.report(station, periods.month(2026, 10)))
    assert (october["received"], october["still_open"]) == ((1, None), (1, None))


def test_each_figure_lists_exactly_the_cases_it_counts(station: StationContext, november: dict[str, uuid.UUID]) -> None:
    report = station_statistics.report(station, NOVEMBER)
    for table in report.tables:
        for row in table.rows:
            behind = station_statistics.cases_behind(station, NOVEMBER, row.figure.key)
            listed = case_queries.count_cases(station, CaseFilter(case_ids=behind))
            if row.figure.unit in (statistics.Unit.CASES, statistics.Unit.SHARE):
                assert listed == row.value, row.figure.key
            else:  # workers and money: the cases they come from
                assert (listed > 0) == (row.value > 0), row.figure.key
            if row.denominator is not None:
                of = station_statistics.cases_behind(station, NOVEMBER, row.figure.key, denominator=True)
                assert len(of) == row.denominator, row.figure.key
                assert behind <= of, row.figure.key
    received = station_statistics.cases_behind(station, NOVEMBER, "received")
    assert received == {november["walk_in"], november["collective"], november["refused"]}


def test_the_next_month_counts_only_what_carries_over(station: StationContext, november: dict[str, uuid.UUID]) -> None:
    december = _values(station_statistics.report(station, periods.month(2026, 12)))
    assert december["received"] == (0, None)
    assert december["carried_over"] == (1, None)  # the October case, still in mediation
    assert december["amount_recovered"] == (0, None)


def test_an_agreement_is_placed_by_its_china_time_day_to_the_last_moment_of_it(station: StationContext) -> None:
    # The two moments are on the same day in UTC (15:59:59 and 16:00 on 30 November): only China time parts them.
    moments = {
        "last of November": datetime(2026, 11, 30, 23, 59, 59, 999_999, tzinfo=chinatime.CHINA_TZ),
        "first of December": datetime(2026, 12, 1, 0, 0, tzinfo=chinatime.CHINA_TZ),
    }
    for serial, moment in enumerate(moments.values(), start=1):
        case_id = mediating(
            station, intake_form(1, received_on=date(2026, 11, 30), employer_serial=serial), date(2026, 11, 30)
        )
        instalments = [(date(2026, 12, 10), "100")]
        agree(station, case_id, terms(station, case_id, date(2026, 11, 30), instalments, amount_each="100"), moment)
    assert _values(station_statistics.report(station, NOVEMBER))["mediated"] == (1, None)
    assert _values(station_statistics.report(station, periods.month(2026, 12)))["mediated"] == (1, None)


def test_charts_count_by_week_within_the_period(station: StationContext, november: dict[str, uuid.UUID]) -> None:
    report = station_statistics.report(station, NOVEMBER)
    weeks = report.received_by_week.points
    assert weeks[0] == (date(2026, 11, 1), 0)  # Sunday 1 November: the week of 26 October, cut to the month
    assert weeks[1] == (date(2026, 11, 2), 3)
    assert sum(value for _, value in weeks) == 3
    assert weeks[-1][0] == date(2026, 11, 30)
    assert [day.weekday() for day, _ in weeks[1:]] == [0] * (len(weeks) - 1)  # then each week from its Monday
    assert sum(report.breakdowns["category"].values()) == 3


def test_the_breakdown_by_kind_of_employer_reads_the_first_respondent_also_where_the_case_does_not_keep_it(
    station: StationContext, november: dict[str, uuid.UUID]
) -> None:
    kept = station_statistics.report(station, NOVEMBER).breakdowns["employer_kind"]
    assert kept == {EmployerKind.COMPANY: 3}
    # A case that came by sync has no kind of its own until its listing is refreshed on this device.
    with station.database.transaction() as session:
        session.execute(update(Case).where(Case.id == november["collective"]).values(first_employer_kind=None))
    assert station_statistics.report(station, NOVEMBER).breakdowns["employer_kind"] == kept
    behind = station_statistics.cases_behind(
        station, NOVEMBER, "received", breakdown="employer_kind", group=EmployerKind.COMPANY
    )
    assert behind == {november["walk_in"], november["collective"], november["refused"]}


def test_a_case_the_city_assigned_here_from_another_station_counts_in_its_owners_return_only(
    station: StationContext, november: dict[str, uuid.UUID]
) -> None:
    """As the city counts it (server/city_figures): this station mediates the case, its owner reports it."""
    before = _values(station_statistics.report(station, NOVEMBER))
    with station.database.transaction() as session:
        owner = Station(id=new_id(), name="开发区驿站", case_word="菏开调字")
        session.add(owner)
        session.flush()
        # As a pulled case arrives: under the station that registered it.
        session.execute(update(Case).where(Case.id == november["collective"]).values(station_id=owner.id))
    after = _values(station_statistics.report(station, NOVEMBER))
    assert after["received"] == (before["received"][0] - 1, None)
    assert after["accepted_collective"] == (before["accepted_collective"][0] - 1, None)
    assert after["workers_covered"][0] < before["workers_covered"][0]
    received = station_statistics.cases_behind(station, NOVEMBER, "received")
    assert received == {november["walk_in"], november["refused"]}


def test_the_monthly_return_as_a_workbook_has_a_sheet_per_table_and_the_definitions(
    station: StationContext, november: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "月调度.xlsx"
    returns.export_return(station, NOVEMBER, returns.ReturnFormat.XLSX, path, str)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "Station indicators",
        "Labour disputes handled (nation",
        "Mediation return",
        "Cases received",
        "What each figure counts",
    ]
    indicators = {row[0]: row[1:] for row in workbook["Station indicators"].iter_rows(min_row=3, values_only=True)}
    assert indicators["Complaints received"][0] == 3
    assert indicators["Amount recovered"][0] == Decimal("3800")
    assert indicators["Mediation success rate"] == (1, 2, Decimal("0.5"))
    assert workbook["Station indicators"]["D7"].number_format == "0.0%"
    definitions = list(workbook["What each figure counts"].iter_rows(min_row=2, values_only=True))
    assert len(definitions) == len(statistics.FIGURES)
    assert not path.with_name(path.name + ".partial").exists()
    exported = [row for row in audit.entries(station) if row.action is AuditAction.EXPORTED]
    assert exported[0].subject == "Monthly return"
    assert exported[0].details == {"period": "2026-11", "format": "xlsx"}


def test_the_quarterly_summary_as_a_pdf_in_the_documents_style(
    station: StationContext, november: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    path = tmp_path / "季总结.pdf"
    returns.export_return(station, periods.parse("2026-Q4"), returns.ReturnFormat.PDF, path, str)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Quarterly summary" in text
    assert "2026年10月1日至2026年12月31日" in text
    assert re.search(r"Complaints received\s+4", text)  # the October case too
    assert re.search(r"Mediation success rate\s+1 / 2（50.0%）", text)
    assert "¥3,800.00" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:]), fonts  # every font embedded
