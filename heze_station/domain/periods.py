"""Reporting periods: the week (Monday to Sunday), month, quarter and year the city's returns are made for.

A period is a span of China-time civil dates, both ends included; every figure places a case in a period by one of
its dates (see domain/statistics.py), never by a timestamp in the laptop's zone.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import refusal
from .messages import QT_TRANSLATE_NOOP


class PeriodKind(StrEnum):
    WEEK = "week"  # 周调度
    MONTH = "month"  # 月调度
    QUARTER = "quarter"  # 季总结
    YEAR = "year"
    CUSTOM = "custom"


ENDS_BEFORE_IT_BEGINS = QT_TRANSLATE_NOOP("Domain", "The period ends before it begins.")
# No figures lie before 1900 or after 2999 (see parse).
FIRST_YEAR, LAST_YEAR = 1900, 2999


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    kind: PeriodKind = PeriodKind.CUSTOM

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise refusal("period", ENDS_BEFORE_IT_BEGINS)

    def __contains__(self, day: date | None) -> bool:
        # Asked for every case by every figure: no isinstance, a day not given is simply not in it.
        return day is not None and self.first <= day <= self.last

    @property
    def code(self) -> str:
        """The name `heze-station report --period` takes: 2026-W48, 2026-11, 2026-Q3, 2026, or first..last."""
        match self.kind:
            case PeriodKind.WEEK:
                year, week, _ = self.first.isocalendar()
                return f"{year}-W{week:02d}"
            case PeriodKind.MONTH:
                return f"{self.first.year}-{self.first.month:02d}"
            case PeriodKind.QUARTER:
                return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
            case PeriodKind.YEAR:
                return str(self.first.year)
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    def before(self) -> "Period":
        """The period of the same kind just before this one (a custom period: as many days, ending the day before)."""
        day_before = self.first - timedelta(days=1)
        if self.kind is PeriodKind.CUSTOM:
            return Period(day_before - (self.last - self.first), day_before)
        return containing(self.kind, day_before)


def weeks_in(period: Period) -> list[Period]:
    """The weeks (Monday to Sunday) ``period`` touches, each cut to the period: the bars of a chart by week."""
    weeks, monday = [], period.first - timedelta(days=period.first.weekday())
    while monday <= period.last:
        weeks.append(Period(max(monday, period.first), min(monday + timedelta(days=6), period.last)))
        monday += timedelta(days=7)
    return weeks


def week(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), PeriodKind.WEEK)


def month(year: int, number: int) -> Period:
    return Period(date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1]), PeriodKind.MONTH)


def quarter(year: int, number: int) -> Period:
    first = month(year, 3 * number - 2)
    return Period(first.first, month(year, 3 * number).last, PeriodKind.QUARTER)


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31), PeriodKind.YEAR)


def containing(kind: PeriodKind, day: date) -> Period:
    """This week, month, quarter or year as of ``day`` (a China-time date)."""
    match kind:
        case PeriodKind.WEEK:
            return week(day)
        case PeriodKind.MONTH:
            return month(day.year, day.month)
        case PeriodKind.QUARTER:
            return quarter(day.year, (day.month - 1) // 3 + 1)
        case PeriodKind.YEAR:
            return year(day.year)
    raise ValueError(f"a custom period is given by its dates, not by a day in it: {kind}")


_CODES = (
    (re.compile(r"(\d{4})-W(\d{2})"), PeriodKind.WEEK),
    (re.compile(r"(\d{4})-(\d{2})"), PeriodKind.MONTH),
    (re.compile(r"(\d{4})-Q([1-4])"), PeriodKind.QUARTER),
    (re.compile(r"(\d{4})"), PeriodKind.YEAR),
)
_CUSTOM = re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")
# The same periods as people write them, each made its code (spaces removed first): 2026年11月, 2026/11, 2026年,
# 2026-11-01 至 2026-11-15, 2026-11-01~2026-11-15.
_WRITTEN = (
    (re.compile(r"(\d{4})[年/](\d{1,2})月?"), lambda found: f"{found[1]}-{int(found[2]):02d}"),
    (re.compile(r"(\d{4})年"), r"\1"),
    (re.compile(r"至|~|～"), ".."),
)


def _code(text: str) -> str:
    code = "".join(text.split()).upper()
    for written, as_code in _WRITTEN:
        code = written.sub(as_code, code)
    return code


def _read(text: str) -> Period | None:
    try:
        if found := _CUSTOM.fullmatch(text):
            return Period(date.fromisoformat(found[1]), date.fromisoformat(found[2]))
        for pattern, kind in _CODES:
            if found := pattern.fullmatch(text):
                number = int(found[1])
                match kind:
                    case PeriodKind.WEEK:
                        return week(date.fromisocalendar(number, int(found[2]), 1))
                    case PeriodKind.MONTH:
                        return month(number, int(found[2]))
                    case PeriodKind.QUARTER:
                        return quarter(number, int(found[2]))
                    case PeriodKind.YEAR:
                        return year(number)
    except (ValueError, OverflowError):
        pass  # week 54, month 13, February 30, a week past the calendar's end: refused like any other wrong text
    return None


def parse(code: str) -> Period:
    """A period from its code (see Period.code) or as written in Chinese (see _WRITTEN); InvalidInput, naming the
    accepted forms, for anything else."""
    period = _read(_code(code))
    # No figures lie before 1900 or after 2999: a year outside is a slip, whose code would not be four digits or whose
    # weeks would run past the calendar's end (the city's pages answered with an error).
    if period is not None and period.first.year >= FIRST_YEAR and period.last.year <= LAST_YEAR:
        return period
    raise refusal(
        "period",
        QT_TRANSLATE_NOOP(
            "Domain",
            '"{code}" is not a period. Write a week (2026-W48), a month (2026-11), a quarter (2026-Q3), a year '
            "(2026) or two dates (2026-11-01..2026-11-15).",
        ),
        code=code,
    )
