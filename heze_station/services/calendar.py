"""The official working-day calendar as stored data: seeded once from chinese-calendar, extended by the city.

chinese-calendar knows the State Council's arrangements up to the last year it was released for (2026 at the
time of writing). Later years arrive from the city server as ``calendar_day`` rows, and a ``calendar_year`` row
says when a year is complete. Deadlines use the days of every complete year up to the first year after the present
that is not; past that only weekends rest and a deadline is an estimate (WorkCalendar.covers).
"""

from datetime import MAXYEAR, MINYEAR, date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.workcalendar import DayKind, WorkCalendar
from ..storage.models import CalendarDay, CalendarYear

SEED_SOURCE = "chinese-calendar"


def _seed_range() -> tuple[date, date]:
    """From the first day the package knows to the end of the last year it was released for.

    The State Council publishes a whole year at a time, so the year of the last special day is fully known.
    """
    import chinese_calendar

    known = [*chinese_calendar.holidays, *chinese_calendar.workdays]
    return min(known), date(max(known).year, 12, 31)


def seed_if_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(CalendarDay)):
        return
    # Imported only for the seed, once a station: every other start reads the stored days.
    import chinese_calendar

    first, last = _seed_range()
    day = first
    while day <= last:
        weekday = day.weekday() < 5
        if weekday and chinese_calendar.is_holiday(day):
            session.add(CalendarDay(day=day, kind=DayKind.HOLIDAY, source=SEED_SOURCE))
        elif not weekday and chinese_calendar.is_workday(day):
            session.add(CalendarDay(day=day, kind=DayKind.MAKEUP_WORKDAY, source=SEED_SOURCE))
        day += timedelta(days=1)
    for year in range(first.year, last.year + 1):
        if session.get(CalendarYear, year) is None:  # a year the city published before the seed ran stays its own
            session.add(CalendarYear(year=year, complete=True, source=SEED_SOURCE))


def published_until(complete_years: set[int], this_year: int) -> date | None:
    """The last day of the unbroken run of complete years that holds the latest one up to ``this_year``.

    Counted from the present, not from the earliest year: a complete year the city published long before the
    shipped calendar's first (a slip, or a test) would otherwise end the run there and leave every holiday since
    unused. A year no date can hold (the city's row of a year 0, say) is no year at all."""
    years = {year for year in complete_years if MINYEAR <= year <= MAXYEAR}
    if not years:
        return None
    year = max((year for year in years if year <= this_year), default=min(years))
    while year + 1 in years:
        year += 1
    return date(year, 12, 31)


def load(session: Session) -> WorkCalendar:
    complete = set(session.scalars(select(CalendarYear.year).where(CalendarYear.complete.is_(True))))
    until = published_until(complete, chinatime.today().year)
    # Days of a year not yet complete (or after a gap) are not used: a deadline there stays an estimate.
    exceptions = {
        day: kind
        for day, kind in session.execute(select(CalendarDay.day, CalendarDay.kind))
        if until is not None and day <= until
    }
    return WorkCalendar(exceptions=exceptions, published_until=until)
