"""The official Chinese working-day calendar, held as data.

"工作日" deadlines (R2 acceptance within 3 working days) follow the State Council's yearly holiday
arrangement, which moves working days onto weekends (调休). That arrangement is published once a year, so it
arrives as data (seeded locally, replaced by the city server) and this module only interprets it: the
exceptions to the Monday-Friday week plus the last date the data covers.
"""

import functools
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Self

_ONE_DAY = timedelta(days=1)


class DayKind(StrEnum):
    """How a date departs from the Monday-Friday week."""

    HOLIDAY = "holiday"  # a rest day that falls Monday-Friday (a weekend one is harmless and changes nothing)
    MAKEUP_WORKDAY = "makeup_workday"  # a Saturday or Sunday worked in exchange for a holiday (调休)


@dataclass(frozen=True)
class WorkCalendar:
    """Working days = Monday-Friday, corrected by ``exceptions`` up to ``published_until``.

    Beyond ``published_until`` nothing is known about holidays, so only weekends count as rest days there; a
    deadline past that date is an estimate, which callers can detect with :meth:`covers`.
    """

    # Left out of the hash because a mapping is unhashable; equal calendars still hash equally.
    exceptions: Mapping[date, DayKind] = field(hash=False)
    published_until: date | None
    # The workbench counts the deadline of every open case at each load, most from a few hundred dates: the
    # calendar never changes, so each (start, n) is counted once (a changed calendar is a new object).
    _added: dict[tuple[date, int], date] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Copy behind a read-only view: a caller mutating its own dict must not move deadlines afterwards.
        object.__setattr__(self, "exceptions", MappingProxyType(dict(self.exceptions)))
        # An exception outside the published range would contradict "beyond it only weekends are rest days".
        if self.exceptions and (self.published_until is None or max(self.exceptions) > self.published_until):
            raise ValueError("calendar exceptions must not lie after published_until")

    @classmethod
    def weekends_only(cls) -> Self:
        """A calendar without any official data: the fallback before a seed is loaded, and for tests."""
        return cls(exceptions={}, published_until=None)

    def covers(self, d: date) -> bool:
        """Whether the official arrangement for ``d`` is known, so a result involving ``d`` is no estimate."""
        return self.published_until is not None and d <= self.published_until

    def is_working_day(self, d: date) -> bool:
        kind = self.exceptions.get(d)
        if kind is not None:
            return kind is DayKind.MAKEUP_WORKDAY
        return d.weekday() < 5

    def statutory_end(self, last_day: date) -> date:
        """A period whose last day is a rest day ends on the next working day (民法典 203, 民事诉讼法 85, and the
        arbitration rules alike): nobody may be told a period has run out, or that a payment is late, during a
        holiday."""
        while not self.is_working_day(last_day):
            last_day += _ONE_DAY
        return last_day

    def last_working_day_before(self, day: date) -> date:
        """The working day before ``day``: a period whose last day is up to it has ended before ``day`` (and one
        ending on a later day has not, by statutory_end)."""
        day -= _ONE_DAY
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start``; ``start`` itself never counts, whatever kind of day it is."""
        if n < 0:
            raise ValueError("n must not be negative")
        added = self._added.get((start, n))
        if added is None:
            added = self._added[start, n] = self._count_working_days(start, n)
        return added

    def _count_working_days(self, start: date, n: int) -> date:
        d = start
        while n:
            d += _ONE_DAY
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.

        The inverse of :meth:`add_working_days`: ``working_days_between(s, add_working_days(s, n)) == n``.
        """
        if b < a:
            return -self.working_days_between(b, a)
        return sum(self.is_working_day(a + timedelta(days=k)) for k in range(1, (b - a).days + 1))


@functools.cache
def shipped_days() -> tuple[Mapping[date, DayKind], range]:
    """The exceptions chinese-calendar knows, from the first day it knows to the end of the last year it was
    released for, and those years: the State Council publishes a whole year at a time, so the year of its last
    special day is fully known. Later years come from the city."""
    import chinese_calendar  # only where the shipped days are asked for: a station reads them once, at its seed

    known = [*chinese_calendar.holidays, *chinese_calendar.workdays]
    day, last = min(known), date(max(known).year, 12, 31)
    days = {}
    while day <= last:
        weekday = day.weekday() < 5
        if weekday and chinese_calendar.is_holiday(day):
            days[day] = DayKind.HOLIDAY
        elif not weekday and chinese_calendar.is_workday(day):
            days[day] = DayKind.MAKEUP_WORKDAY
        day += _ONE_DAY
    return MappingProxyType(days), range(min(known).year, last.year + 1)


def published_until(complete_years: Collection[int], this_year: int) -> date | None:
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
