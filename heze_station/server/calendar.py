"""The official working-day calendar on the city server: the days shipped with chinese-calendar, as every station
seeds them, and the years the city published since (``calendar_day`` and ``calendar_year`` rows), read as a
station reads its own (services.calendar)."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.workcalendar import DayKind, WorkCalendar, published_until, shipped_days
from .models import SyncRow
from .synced import live


def city_calendar(session: Session, today: date) -> WorkCalendar:
    shipped, years = shipped_days()
    # A year the city published replaces the shipped one, complete or not, as its row does on a station.
    published = {
        fields["year"]: bool(fields.get("complete"))
        for fields in session.scalars(select(SyncRow.fields).where(*live("calendar_year", None)))
    }
    complete = {year for year in years if published.get(year, True)} | {
        year for year, whole in published.items() if whole
    }
    until = published_until(complete, today.year)
    days = dict(shipped)
    for fields in session.scalars(select(SyncRow.fields).where(*live("calendar_day", None))):
        days[date.fromisoformat(fields["day"])] = DayKind(fields["kind"])
    # As on a station, the days of a year not complete are not used: a deadline there stays an estimate.
    return WorkCalendar({day: kind for day, kind in days.items() if until and day <= until}, until)
