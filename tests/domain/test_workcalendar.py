"""The working-day calendar against the real 2025 and 2026 State Council holiday arrangements."""

from datetime import date, timedelta

import pytest

from heze_station.domain.workcalendar import DayKind, WorkCalendar

H, W = DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY

# Weekday holidays and weekend make-up working days, typed from the official notices and checked against
# chinese-calendar 1.11.0 (weekend days inside a holiday are rest days anyway and are left out).
OFFICIAL_2025_2026 = {
    # 2025
    date(2025, 1, 1): H,  # New Year
    date(2025, 1, 26): W,  # Spring Festival
    date(2025, 1, 28): H,
    date(2025, 1, 29): H,
    date(2025, 1, 30): H,
    date(2025, 1, 31): H,
    date(2025, 2, 3): H,
    date(2025, 2, 4): H,
    date(2025, 2, 8): W,
    date(2025, 4, 4): H,  # Tomb-sweeping Day
    date(2025, 4, 27): W,  # Labour Day
    date(2025, 5, 1): H,
    date(2025, 5, 2): H,
    date(2025, 5, 5): H,
    date(2025, 6, 2): H,  # Dragon Boat
    date(2025, 9, 28): W,  # National Day and Mid-autumn
    date(2025, 10, 1): H,
    date(2025, 10, 2): H,
    date(2025, 10, 3): H,
    date(2025, 10, 6): H,
    date(2025, 10, 7): H,
    date(2025, 10, 8): H,
    date(2025, 10, 11): W,
    # 2026
    date(2026, 1, 1): H,  # New Year
    date(2026, 1, 2): H,
    date(2026, 1, 4): W,
    date(2026, 2, 14): W,  # Spring Festival
    date(2026, 2, 16): H,
    date(2026, 2, 17): H,
    date(2026, 2, 18): H,
    date(2026, 2, 19): H,
    date(2026, 2, 20): H,
    date(2026, 2, 23): H,
    date(2026, 2, 28): W,
    date(2026, 4, 6): H,  # Tomb-sweeping Day
    date(2026, 5, 1): H,  # Labour Day
    date(2026, 5, 4): H,
    date(2026, 5, 5): H,
    date(2026, 5, 9): W,
    date(2026, 6, 19): H,  # Dragon Boat
    date(2026, 9, 20): W,  # National Day
    date(2026, 9, 25): H,  # Mid-autumn (a Friday)
    date(2026, 10, 1): H,
    date(2026, 10, 2): H,
    date(2026, 10, 5): H,
    date(2026, 10, 6): H,
    date(2026, 10, 7): H,
    date(2026, 10, 10): W,
}

CAL = WorkCalendar(exceptions=OFFICIAL_2025_2026, published_until=date(2026, 12, 31))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 14), True),  # Saturday, make-up working day
        (date(2026, 2, 15), False),  # Sunday inside Spring Festival
        (date(2026, 2, 16), False),  # Monday, holiday
        (date(2026, 2, 21), False),  # Saturday inside Spring Festival
        (date(2026, 2, 24), True),  # first working day after it
        (date(2026, 9, 20), True),  # Sunday, make-up working day
        (date(2026, 3, 7), False),  # ordinary Saturday
        (date(2026, 3, 9), True),  # ordinary Monday
        (date(2025, 10, 8), False),  # Wednesday, last day of the 2025 golden week
        (date(2025, 10, 11), True),  # Saturday, make-up working day
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 3, 6), 3, date(2026, 3, 11)),  # ordinary Friday: the weekend is skipped
        (
            date(2026, 2, 12),
            3,
            date(2026, 2, 24),
        ),  # Thu: Fri 13, make-up Sat 14, then Tue 24 after the festival
        (date(2026, 2, 13), 3, date(2026, 2, 25)),  # Fri before Spring Festival
        (date(2026, 2, 17), 3, date(2026, 2, 26)),  # start on a holiday
        (date(2026, 2, 25), 3, date(2026, 2, 28)),  # make-up Saturday is the third working day
        (date(2026, 9, 18), 1, date(2026, 9, 20)),  # Fri: next working day is make-up Sunday
        (date(2026, 9, 25), 3, date(2026, 9, 30)),  # Mid-autumn Friday holiday
        (date(2026, 9, 30), 1, date(2026, 10, 8)),  # across the 2026 golden week
        (date(2026, 9, 30), 3, date(2026, 10, 10)),  # ... onto the make-up Saturday
        (date(2025, 9, 29), 3, date(2025, 10, 10)),  # across the 2025 golden week
        (date(2025, 12, 31), 1, date(2026, 1, 4)),  # New Year holidays 1-2 Jan, then make-up Sunday
        (date(2026, 3, 9), 0, date(2026, 3, 9)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_add_working_days_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(date(2026, 3, 9), -1)


def test_working_days_between() -> None:
    assert CAL.working_days_between(date(2026, 9, 30), date(2026, 10, 8)) == 1
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 28)) == 6  # 14, 24, 25, 26, 27, 28
    assert CAL.working_days_between(date(2026, 2, 28), date(2026, 2, 13)) == -6
    assert CAL.working_days_between(date(2026, 10, 3), date(2026, 10, 3)) == 0
    assert CAL.working_days_between(date(2026, 10, 2), date(2026, 10, 4)) == 0  # all rest days


def test_working_days_between_inverts_add_working_days() -> None:
    start = date(2025, 1, 1)
    for offset in range(0, 730, 3):
        s = start + timedelta(days=offset)
        for n in range(6):
            assert CAL.working_days_between(s, CAL.add_working_days(s, n)) == n, (s, n)


def test_beyond_published_data_only_weekends_rest() -> None:
    assert CAL.covers(date(2026, 12, 31))
    assert not CAL.covers(date(2027, 1, 1))
    assert CAL.is_working_day(date(2027, 10, 1))  # a Friday; 2027 not published here
    assert not CAL.is_working_day(date(2027, 10, 2))


def test_weekends_only() -> None:
    cal = WorkCalendar.weekends_only()
    assert not cal.covers(date(2026, 1, 1))
    assert cal.is_working_day(date(2026, 10, 1))
    assert cal.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 5)


def test_exceptions_are_copied() -> None:
    source = {date(2026, 10, 1): H}
    cal = WorkCalendar(exceptions=source, published_until=date(2026, 12, 31))
    source[date(2026, 10, 2)] = H
    assert cal.is_working_day(date(2026, 10, 2))
    with pytest.raises(TypeError):
        cal.exceptions[date(2026, 10, 5)] = H  # type: ignore[index]


def test_calendars_compare_and_hash() -> None:
    same = WorkCalendar(exceptions=dict(OFFICIAL_2025_2026), published_until=date(2026, 12, 31))
    assert same == CAL
    assert hash(same) == hash(CAL)
    assert WorkCalendar(exceptions={}, published_until=date(2026, 12, 31)) != CAL


@pytest.mark.parametrize("published_until", [None, date(2026, 9, 30)])
def test_exceptions_must_lie_within_published_range(published_until: date | None) -> None:
    with pytest.raises(ValueError, match="published_until"):
        WorkCalendar(exceptions={date(2026, 10, 1): H}, published_until=published_until)
