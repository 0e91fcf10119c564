"""The official working-day calendar as stored data: seeded once from chinese-calendar, replaceable later.

chinese-calendar knows the State Council's arrangements up to the last year it was released for (2026 at the
time of writing); the city server will push later years as data, so nothing here is frozen in code.
"""

from datetime import date, timedelta

import chinese_calendar
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.workcalendar import DayKind, WorkCalendar
from ..storage import settings
from ..storage.models import CalendarDay

SEED_SOURCE = "chinese-calendar"
_PUBLISHED_UNTIL = "calendar_published_until"


def _seed_range() -> tuple[date, date]:
    """From the first day the package knows to the end of the last year it was released for.

    The State Council publishes a whole year at a time, so the year of the last special day is fully known.
    """
    known = [*chinese_calendar.holidays, *chinese_calendar.workdays]
    return min(known), date(max(known).year, 12, 31)


def seed_if_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(CalendarDay)):
        return
    first, last = _seed_range()
    day = first
    while day <= last:
        weekday = day.weekday() < 5
        if weekday and chinese_calendar.is_holiday(day):
            session.add(CalendarDay(day=day, kind=DayKind.HOLIDAY, source=SEED_SOURCE))
        elif not weekday and chinese_calendar.is_workday(day):
            session.add(CalendarDay(day=day, kind=DayKind.MAKEUP_WORKDAY, source=SEED_SOURCE))
        day += timedelta(days=1)
    settings.put(session, _PUBLISHED_UNTIL, last.isoformat())


def load(session: Session) -> WorkCalendar:
    published = settings.get(session, _PUBLISHED_UNTIL)
    exceptions = {row.day: row.kind for row in session.scalars(select(CalendarDay))}
    return WorkCalendar(exceptions=exceptions, published_until=date.fromisoformat(published) if published else None)
