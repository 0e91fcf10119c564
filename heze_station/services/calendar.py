"""The official working-day calendar as stored data: seeded once from chinese-calendar, extended by the city.

chinese-calendar knows the State Council's arrangements up to the last year it was released for (2026 at the
time of writing). Later years arrive from the city server as ``calendar_day`` rows, and a ``calendar_year`` row
says when a year is complete. Deadlines use the days of every complete year up to the first year after the present
that is not; past that only weekends rest and a deadline is an estimate (WorkCalendar.covers).
"""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.workcalendar import WorkCalendar, published_until, shipped_days
from ..storage.models import CalendarDay, CalendarYear

SEED_SOURCE = "chinese-calendar"


def seed_if_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(CalendarDay)):
        return
    days, years = shipped_days()
    session.add_all(CalendarDay(day=day, kind=kind, source=SEED_SOURCE) for day, kind in days.items())
    for year in years:
        if session.get(CalendarYear, year) is None:  # a year the city published before the seed ran stays its own
            session.add(CalendarYear(year=year, complete=True, source=SEED_SOURCE))


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
