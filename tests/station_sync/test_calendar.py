"""The official calendar as data from the city: next year's days, once the city says the year is complete, move
deadlines at once on a station that syncs them, and again after it restarts; an incomplete year stays an estimate."""

from datetime import date, datetime, time
from pathlib import Path

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.clocks import ClockKind
from heze_station.server import overdue, reference
from heze_station.services import case_queries, intake, payments, sync
from heze_station.services.station import StationContext
from tests.factories import at, intake_form
from tests.server.conftest import Server
from tests.services.agreement_steps import agree, mediating, terms
from tests.stations import open_test_station

from .conftest import Laptops

NEW_YEAR_2027 = [{"day": "2027-01-01", "kind": "holiday", "source": "国务院办公厅"}]


def acceptance_due(station: StationContext, case_id: object) -> date:
    detail = case_queries.case_detail(station, case_id)
    return next(clock.due for clock in detail.clocks if clock.kind is ClockKind.ACCEPTANCE)


def import_calendar(server: Server, **sections: list) -> None:
    with server.database.transaction() as session:
        reference.import_reference(session, reference.ReferenceFile(**sections))


def test_next_years_calendar_from_the_city_moves_a_deadline_across_new_year_at_once_and_after_a_restart(
    laptops: Laptops, server: Server, tmp_path: Path
) -> None:
    front = laptops("前台")
    # Received on Wednesday 30 December 2026 (registered that day): 3 working days run into 2027.
    day = date(2026, 12, 30)
    form = intake.validate(intake_form(1, received_on=day), day)
    case_id = intake.save(front, form, datetime.combine(day, time(10), chinatime.CHINA_TZ)).case_id
    assert acceptance_due(front, case_id) == date(2027, 1, 4)  # Thu 31, Fri 1, Mon 4: weekends only, an estimate
    assert not front.calendar.covers(date(2027, 1, 4))

    # The days alone are not the whole year: still an estimate, and the station keeps opening.
    import_calendar(server, calendar=NEW_YEAR_2027)
    sync.sync_now(front)
    assert acceptance_due(front, case_id) == date(2027, 1, 4)

    # The city says 2027 is complete: New Year's Day rests, at once, without a restart.
    import_calendar(server, calendar=NEW_YEAR_2027, calendar_years=[{"year": 2027, "complete": True,
                                                                      "source": "国务院办公厅"}])  # fmt: skip
    sync.sync_now(front)
    assert acceptance_due(front, case_id) == date(2027, 1, 5)  # Thu 31, Mon 4, Tue 5
    assert front.calendar.covers(date(2027, 12, 31))

    folder = front.database.path.parent
    front.close()
    reopened = open_test_station(folder)
    try:
        assert acceptance_due(reopened, case_id) == date(2027, 1, 5)
        assert reopened.calendar.published_until == date(2027, 12, 31)
    finally:
        reopened.close()


def test_a_day_the_city_moves_in_a_complete_year_is_moved_on_the_station(laptops: Laptops, server: Server) -> None:
    front = laptops("前台")
    complete = [{"year": 2027, "complete": True, "source": "国务院办公厅"}]
    import_calendar(server, calendar=NEW_YEAR_2027, calendar_years=complete)
    sync.sync_now(front)
    assert not front.calendar.is_working_day(date(2027, 1, 1))

    # A corrected arrangement for 2027 no longer lists New Year's Day (a made-up correction): it is a working day.
    moved = [{"day": "2027-01-04", "kind": "holiday", "source": "国务院办公厅（更正）"}]
    import_calendar(server, calendar=moved, calendar_years=complete)
    sync.sync_now(front)
    assert front.calendar.is_working_day(date(2027, 1, 1))
    assert not front.calendar.is_working_day(date(2027, 1, 4))


def test_an_instalment_due_on_a_holiday_is_late_after_the_next_working_day_at_the_station_and_the_city(
    laptops: Laptops, server: Server
) -> None:
    """民法典 203 on the city's overdue list: due on National Day 2026 (shipped) and on New Year's Day 2027 (published
    by the city), each may be paid on the next working day (the station's side: tests/domain/test_performance)."""
    import_calendar(server, calendar=NEW_YEAR_2027, calendar_years=[{"year": 2027, "complete": True,
                                                                      "source": "国务院办公厅"}])  # fmt: skip
    front = laptops("前台")
    sync.sync_now(front)
    start = date(2026, 9, 14)
    case_id = mediating(front, intake_form(1, received_on=start), start)
    schedule = [(date(2026, 10, 1), "1800"), (date(2027, 1, 1), "2000")]
    agree(front, case_id, terms(front, case_id, start, schedule, amount_each="3800"), at(start, 16))
    sync.sync_now(front)

    def late(day: date) -> list[date]:
        with server.database.transaction() as session:
            return [item.due for item in overdue.passed(session, day) if item.kind == "performance"]

    assert late(date(2026, 10, 8)) == []  # the holiday ran 1-7 October: the 8th is the last day
    assert late(date(2026, 10, 9)) == [date(2026, 10, 8)]
    payments.record_payment(front, case_id, date(2026, 10, 9), "1800", PaymentMethod.BANK_TRANSFER)
    sync.sync_now(front)
    assert late(date(2027, 1, 1)) == []
    assert late(date(2027, 1, 4)) == []  # Friday the 1st a holiday, then the weekend: Monday the 4th is the last day
    assert late(date(2027, 1, 5)) == [date(2027, 1, 4)]
