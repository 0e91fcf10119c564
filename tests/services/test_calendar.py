"""The official calendar as stored data: what the seed holds, and that deadlines follow the stored rows."""

from datetime import date, datetime, timedelta
from pathlib import Path

import chinese_calendar
from sqlalchemy import delete, func, select

from heze_station.domain.chinatime import CHINA_TZ
from heze_station.domain.clocks import ClockKind, acceptance_clock
from heze_station.domain.workcalendar import DayKind
from heze_station.services import calendar, case_queries, intake
from heze_station.services.station import StationContext
from heze_station.storage.models import CalendarDay, CalendarYear
from tests.factories import intake_form
from tests.stations import open_test_station

SPRING_FESTIVAL_2026_HOLIDAYS = [date(2026, 2, d) for d in (16, 17, 18, 19, 20, 23)]
SPRING_FESTIVAL_2026_MAKEUP = [date(2026, 2, 14), date(2026, 2, 28)]  # both Saturdays


def stored_days(station: StationContext) -> dict[date, DayKind]:
    with station.database.transaction() as session:
        return {row.day: row.kind for row in session.scalars(select(CalendarDay))}


def test_seed_has_the_2026_spring_festival(station: StationContext) -> None:
    days = stored_days(station)
    for day in SPRING_FESTIVAL_2026_HOLIDAYS:
        assert days.get(day) is DayKind.HOLIDAY, day
    for day in SPRING_FESTIVAL_2026_MAKEUP:
        assert day.weekday() == 5
        assert days.get(day) is DayKind.MAKEUP_WORKDAY, day
    # Ordinary days are not stored: only exceptions to the Monday-Friday week.
    assert date(2026, 2, 10) not in days  # a Tuesday
    assert date(2026, 2, 15) not in days  # a Sunday inside the holiday: a rest day anyway
    assert station.calendar.is_working_day(date(2026, 2, 14))
    assert not station.calendar.is_working_day(date(2026, 2, 16))


def test_seed_agrees_with_chinese_calendar_for_all_of_2026(station: StationContext) -> None:
    days = stored_days(station)
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert station.calendar.is_working_day(day) == chinese_calendar.is_workday(day), day
        weekday = day.weekday() < 5
        if weekday and chinese_calendar.is_holiday(day):
            assert days[day] is DayKind.HOLIDAY
        elif not weekday and chinese_calendar.is_workday(day):
            assert days[day] is DayKind.MAKEUP_WORKDAY
        else:
            assert day not in days
        day += timedelta(days=1)


def test_the_seeded_years_are_complete_and_cover_2026(station: StationContext) -> None:
    # The State Council publishes whole years: coverage runs to the end of the last year the package knows.
    known = [*chinese_calendar.holidays, *chinese_calendar.workdays]
    first_year, last_year = min(known).year, max(known).year
    assert last_year >= 2026
    with station.database.transaction() as session:
        years = {row.year: (row.complete, row.source) for row in session.scalars(select(CalendarYear))}
    assert years == {year: (True, calendar.SEED_SOURCE) for year in range(first_year, last_year + 1)}
    assert station.calendar.published_until == date(last_year, 12, 31)
    assert station.calendar.covers(date(2026, 12, 31))
    assert not station.calendar.covers(date(last_year + 1, 1, 1))
    assert max(stored_days(station)) <= date(last_year, 12, 31)


def test_a_year_the_city_publishes_counts_once_it_is_complete_and_only_then(station: StationContext) -> None:
    new_year = date(2027, 1, 1)  # a Friday
    with station.database.transaction() as session:
        session.add(CalendarDay(day=new_year, kind=DayKind.HOLIDAY, source="国务院办公厅"))
        partial = calendar.load(session)
        session.add(CalendarYear(year=2027, complete=True, source="国务院办公厅"))
        session.flush()
        published = calendar.load(session)
        session.add(CalendarYear(year=2029, complete=True, source="国务院办公厅"))  # 2028 is missing
        session.flush()
        with_gap = calendar.load(session)
    assert partial.is_working_day(new_year)
    assert not partial.covers(new_year)
    assert not published.is_working_day(new_year)
    assert published.covers(date(2027, 12, 31))
    assert with_gap.published_until == date(2027, 12, 31)


def test_a_stray_year_from_the_city_leaves_the_calendar_in_use(station: StationContext) -> None:
    """A complete year long before the shipped calendar's first (2004) and a year no date can hold, as another
    server could send them: the holidays since are still used, and nothing fails."""
    national_day = date(2026, 10, 1)
    with station.database.transaction() as session:
        session.add_all([CalendarYear(year=2000, complete=True, source="市局"),
                         CalendarYear(year=0, complete=True, source="市局")])  # fmt: skip
        session.flush()
        loaded = calendar.load(session)
    assert not loaded.is_working_day(national_day)
    assert loaded.covers(national_day)
    assert loaded == station.calendar


def test_opening_again_does_not_reseed(tmp_path: Path) -> None:
    first = open_test_station(tmp_path / "data")
    with first.database.transaction() as session:
        session.execute(delete(CalendarDay).where(CalendarDay.day == date(2026, 2, 23)))
        rows = session.scalar(select(func.count()).select_from(CalendarDay))
    first.close()
    second = open_test_station(tmp_path / "data")
    try:
        with second.database.transaction() as session:
            assert session.scalar(select(func.count()).select_from(CalendarDay)) == rows
        assert second.calendar.is_working_day(date(2026, 2, 23))
    finally:
        second.close()


def test_stored_rows_not_code_drive_the_acceptance_deadline(station: StationContext) -> None:
    monday = date(2026, 3, 2)
    with station.database.transaction() as session:
        before = calendar.load(session)
    assert acceptance_clock(monday, None, monday, before).due == date(2026, 3, 5)  # Thursday

    # The city server announces an extra holiday on Tuesday 3 March.
    with station.database.transaction() as session:
        session.add(CalendarDay(day=date(2026, 3, 3), kind=DayKind.HOLIDAY, source="city-server"))
    with station.database.transaction() as session:
        after = calendar.load(session)
    assert acceptance_clock(monday, None, monday, after).due == date(2026, 3, 6)
    # The calendar loaded before the change is a snapshot and did not move.
    assert acceptance_clock(monday, None, monday, before).due == date(2026, 3, 5)


def test_replacing_a_seeded_row_moves_the_deadline(station: StationContext) -> None:
    friday = date(2026, 2, 13)
    with station.database.transaction() as session:
        seeded = calendar.load(session)
    # Friday + 3 working days: Sat 14 (make-up), then the holiday week to Mon 23, then Tue 24 and Wed 25.
    assert acceptance_clock(friday, None, friday, seeded).due == date(2026, 2, 25)

    # Without the make-up Saturday row, the 14th is an ordinary weekend day.
    with station.database.transaction() as session:
        session.execute(delete(CalendarDay).where(CalendarDay.day == date(2026, 2, 14)))
    with station.database.transaction() as session:
        replaced = calendar.load(session)
    assert acceptance_clock(friday, None, friday, replaced).due == date(2026, 2, 26)

    # A holiday row changed in place into a working day: Mon 16, then Tue 24 and Wed 25.
    with station.database.transaction() as session:
        session.get_one(CalendarDay, date(2026, 2, 16)).kind = DayKind.MAKEUP_WORKDAY
    with station.database.transaction() as session:
        changed = calendar.load(session)
    assert changed.is_working_day(date(2026, 2, 16))
    assert acceptance_clock(friday, None, friday, changed).due == date(2026, 2, 25)


def test_case_page_uses_the_reloaded_calendar(station: StationContext) -> None:
    monday = datetime(2026, 3, 2, 9, 0, tzinfo=CHINA_TZ)
    form = intake_form(received_on=monday.date())
    case_id = intake.save(station, intake.validate(form, monday.date()), now=monday).case_id

    def acceptance_due() -> date:
        detail = case_queries.case_detail(station, case_id)
        return next(c for c in detail.clocks if c.kind is ClockKind.ACCEPTANCE).due

    assert acceptance_due() == date(2026, 3, 5)
    with station.database.transaction() as session:
        session.add(CalendarDay(day=date(2026, 3, 4), kind=DayKind.HOLIDAY, source="city-server"))
        station.calendar = calendar.load(session)
    assert acceptance_due() == date(2026, 3, 6)


def test_without_published_until_only_weekends_rest(station: StationContext) -> None:
    with station.database.transaction() as session:
        session.execute(delete(CalendarDay))
        session.execute(delete(CalendarYear))
    with station.database.transaction() as session:
        bare = calendar.load(session)
    assert bare.published_until is None
    assert not bare.covers(date(2026, 2, 16))
    assert bare.is_working_day(date(2026, 2, 16))
