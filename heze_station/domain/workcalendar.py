"""The official Chinese working-day calendar, held as data.

"工作日" deadlines (R2 acceptance within 3 working days) follow the State Council's yearly holiday
arrangement, which moves working days onto weekends (调休). That arrangement is published once a year, so it
arrives as data (seeded locally, replaced by the city server) and this module only interprets it: the
exceptions to the Monday-Friday week plus the last date the data covers.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
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
