"""The month bench/reports.py times the return of: the one in which the station received the most complaints."""

from datetime import date
from pathlib import Path

from bench import reports
from heze_station.domain import periods
from tests import factories
from tests.stations import open_test_station


def test_the_busiest_month_is_the_one_with_the_most_complaints_received(tmp_path: Path) -> None:
    station = open_test_station(tmp_path / "data")
    try:
        for serial, received_on in enumerate((date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 31)), start=1):
            factories.register(station, factories.intake_form(employer_serial=serial, received_on=received_on))
    finally:
        station.close()
    assert reports.busiest_month(tmp_path / "data") == periods.month(2026, 10)
