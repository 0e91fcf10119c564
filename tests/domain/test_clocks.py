"""Case clocks with concrete dates from the official 2025/2026 holiday arrangements."""

from datetime import date

import pytest

from heze_station.domain.cases import Employment
from heze_station.domain.clocks import (
    Clock,
    ClockKind,
    ClockState,
    Suspension,
    acceptance_clock,
    ended_before_mediation_days,
    limitation_clock,
    limitation_date,
    mediation_clock,
    quick_close_clock,
    refusal_notice_clock,
)
from heze_station.domain.workcalendar import DayKind, WorkCalendar

H, W = DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY

# Weekday holidays and weekend make-up days of the 2025 National Day and of all 2026, checked against
# chinese-calendar 1.11.0.
CAL = WorkCalendar(
    exceptions={
        date(2025, 9, 28): W,
        date(2025, 10, 1): H,
        date(2025, 10, 2): H,
        date(2025, 10, 3): H,
        date(2025, 10, 6): H,
        date(2025, 10, 7): H,
        date(2025, 10, 8): H,
        date(2025, 10, 11): W,
        date(2026, 1, 1): H,
        date(2026, 1, 2): H,
        date(2026, 1, 4): W,
        date(2026, 2, 14): W,
        date(2026, 2, 16): H,
        date(2026, 2, 17): H,
        date(2026, 2, 18): H,
        date(2026, 2, 19): H,
        date(2026, 2, 20): H,
        date(2026, 2, 23): H,
        date(2026, 2, 28): W,
        date(2026, 4, 6): H,
        date(2026, 5, 1): H,
        date(2026, 5, 4): H,
        date(2026, 5, 5): H,
        date(2026, 5, 9): W,
        date(2026, 6, 19): H,
        date(2026, 9, 20): W,
        date(2026, 9, 25): H,
        date(2026, 10, 1): H,
        date(2026, 10, 2): H,
        date(2026, 10, 5): H,
        date(2026, 10, 6): H,
        date(2026, 10, 7): H,
        date(2026, 10, 10): W,
    },
    published_until=date(2026, 12, 31),
)


# --- acceptance (R2: 3 working days) ---


@pytest.mark.parametrize(
    ("registered", "due"),
    [
        (date(2026, 3, 6), date(2026, 3, 11)),  # ordinary Friday
        (date(2026, 2, 12), date(2026, 2, 24)),  # Thu before Spring Festival: Fri 13, make-up Sat 14, Tue 24
        (date(2026, 2, 13), date(2026, 2, 25)),  # Friday before Spring Festival
        (date(2026, 2, 18), date(2026, 2, 26)),  # registered on a holiday
        (date(2026, 2, 25), date(2026, 2, 28)),  # make-up Saturday counts
        (date(2026, 9, 18), date(2026, 9, 22)),  # Friday; make-up Sunday 20 Sep counts
        (date(2026, 9, 25), date(2026, 9, 30)),  # Friday that is the Mid-autumn holiday
        (date(2026, 9, 28), date(2026, 10, 8)),  # Mon: 29, 30, then golden week, then Thu 8 Oct
        (date(2026, 9, 30), date(2026, 10, 10)),  # 8, 9 Oct and make-up Saturday 10 Oct
        (date(2025, 9, 26), date(2025, 9, 30)),  # Friday; make-up Sunday 28 Sep counts
        (date(2025, 9, 30), date(2025, 10, 11)),  # 2025 golden week ends 8 Oct; make-up Saturday 11 Oct
    ],
)
def test_acceptance_due(registered: date, due: date) -> None:
    clock = acceptance_clock(registered, None, registered, CAL)
    assert clock.due == due
    assert clock.kind is ClockKind.ACCEPTANCE
    assert clock.label == "Decide on acceptance"


@pytest.mark.parametrize(
    ("today", "state", "days_left"),
    [
        (date(2026, 9, 27), ClockState.NOT_STARTED, 11),
        (date(2026, 9, 28), ClockState.OK, 10),  # 3 working days left
        (date(2026, 9, 29), ClockState.OK, 9),  # 2 left
        (date(2026, 9, 30), ClockState.URGENT, 8),  # 1 working day left, though 8 calendar days
        (date(2026, 10, 3), ClockState.URGENT, 5),  # still 1 working day left during the holiday
        (date(2026, 10, 8), ClockState.DUE_TODAY, 0),
        (date(2026, 10, 9), ClockState.OVERDUE, -1),
        (date(2026, 10, 11), ClockState.OVERDUE, -3),  # a Sunday: still overdue, days_left keeps falling
    ],
)
def test_acceptance_states(today: date, state: ClockState, days_left: int) -> None:
    clock = acceptance_clock(date(2026, 9, 28), None, today, CAL)
    assert clock == Clock(ClockKind.ACCEPTANCE, date(2026, 10, 8), state, days_left, "Decide on acceptance")


def test_acceptance_done_records_margin() -> None:
    on_time = acceptance_clock(date(2026, 9, 28), date(2026, 9, 29), date(2026, 10, 20), CAL)
    assert (on_time.state, on_time.days_left) == (ClockState.DONE, 9)
    late = acceptance_clock(date(2026, 9, 28), date(2026, 10, 9), date(2026, 10, 20), CAL)
    assert (late.state, late.days_left) == (ClockState.DONE, -1)


def test_acceptance_working_days_configurable() -> None:
    clock = acceptance_clock(date(2026, 9, 30), None, date(2026, 9, 30), CAL, working_days=5)
    assert clock.due == date(2026, 10, 13)  # 8, 9, make-up Sat 10, Mon 12, Tue 13 Oct


def test_acceptance_without_official_data_counts_weekends_only() -> None:
    clock = acceptance_clock(date(2026, 9, 30), None, date(2026, 9, 30), WorkCalendar.weekends_only())
    assert clock.due == date(2026, 10, 5)


# --- mediation (R4: 15 calendar days) ---

RECEIVED = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("today", "day_number", "state", "days_left"),
    [
        (date(2026, 3, 1), -1, ClockState.NOT_STARTED, 16),
        (date(2026, 3, 2), 0, ClockState.OK, 15),
        (date(2026, 3, 11), 9, ClockState.OK, 6),
        (date(2026, 3, 12), 10, ClockState.WARNING, 5),
        (date(2026, 3, 14), 12, ClockState.WARNING, 3),
        (date(2026, 3, 15), 13, ClockState.URGENT, 2),
        (date(2026, 3, 16), 14, ClockState.URGENT, 1),
        (date(2026, 3, 17), 15, ClockState.DUE_TODAY, 0),
        (date(2026, 3, 18), 16, ClockState.OVERDUE, -1),
    ],
)
def test_mediation_states(today: date, day_number: int, state: ClockState, days_left: int) -> None:
    assert (today - RECEIVED).days == day_number  # day 0 is the day the application was received
    clock = mediation_clock(RECEIVED, None, today, CAL)
    assert clock == Clock(ClockKind.MEDIATION, date(2026, 3, 17), state, days_left, "Mediation period (15 days)")


def test_mediation_counts_calendar_days_through_holidays() -> None:
    assert mediation_clock(date(2026, 2, 12), None, date(2026, 2, 12), CAL).due == date(2026, 2, 27)


def test_mediation_done() -> None:
    clock = mediation_clock(RECEIVED, date(2026, 3, 10), date(2026, 4, 30), CAL)
    assert (clock.state, clock.days_left) == (ClockState.DONE, 7)


@pytest.mark.parametrize(
    ("today", "state", "days_left"),
    [
        (date(2026, 3, 15), ClockState.OK, 16),  # day 13 of the original period is no longer urgent
        (date(2026, 3, 17), ClockState.OK, 14),  # the statutory day 15 passes quietly
        (date(2026, 3, 26), ClockState.WARNING, 5),
        (date(2026, 3, 29), ClockState.URGENT, 2),
        (date(2026, 3, 31), ClockState.DUE_TODAY, 0),
        (date(2026, 4, 1), ClockState.OVERDUE, -1),
    ],
)
def test_mediation_extended(today: date, state: ClockState, days_left: int) -> None:
    clock = mediation_clock(RECEIVED, None, today, CAL, extended_to=date(2026, 3, 31))
    assert clock == Clock(ClockKind.MEDIATION, date(2026, 3, 31), state, days_left, "Mediation period (extended)")


@pytest.mark.parametrize("extended_to", [date(2026, 3, 17), date(2026, 3, 10)])
def test_an_extension_to_a_day_the_15_days_reach_anyway_leaves_the_statutory_end(extended_to: date) -> None:
    """Recording one refuses it (services.mediation); another device may still sync one, and the case opens."""
    statutory = mediation_clock(RECEIVED, None, RECEIVED, CAL)
    assert mediation_clock(RECEIVED, None, RECEIVED, CAL, extended_to=extended_to) == statutory
    assert statutory.label == "Mediation period (15 days)"


# --- quick close (station target, 3 calendar days) ---


@pytest.mark.parametrize(
    ("today", "state", "days_left"),
    [
        (date(2026, 3, 2), ClockState.OK, 3),
        (date(2026, 3, 3), ClockState.OK, 2),
        (date(2026, 3, 4), ClockState.WARNING, 1),
        (date(2026, 3, 5), ClockState.DUE_TODAY, 0),
        (date(2026, 3, 7), ClockState.OVERDUE, -2),
    ],
)
def test_quick_close_states(today: date, state: ClockState, days_left: int) -> None:
    clock = quick_close_clock(RECEIVED, None, today)
    assert clock == Clock(ClockKind.QUICK_CLOSE, date(2026, 3, 5), state, days_left, "3-day quick-close target")


def test_quick_close_done_late_is_negative() -> None:
    clock = quick_close_clock(RECEIVED, date(2026, 3, 6), date(2026, 3, 20))
    assert (clock.state, clock.days_left) == (ClockState.DONE, -1)


# --- limitation (R5: 1 year) ---


@pytest.mark.parametrize(
    ("knew_on", "expected"),
    [
        (date(2026, 3, 10), date(2027, 3, 10)),
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2028, 2, 29), date(2029, 2, 28)),
        (date(2027, 2, 28), date(2028, 2, 28)),  # into a leap year: still the corresponding day
        (date(2026, 12, 31), date(2027, 12, 31)),
    ],
)
def test_limitation_date(knew_on: date, expected: date) -> None:
    assert limitation_date(knew_on) == expected


@pytest.mark.parametrize(
    ("today", "state", "days_left"),
    [
        (date(2025, 3, 9), ClockState.NOT_STARTED, 366),
        (date(2025, 3, 10), ClockState.OK, 365),
        (date(2026, 2, 7), ClockState.OK, 31),
        (date(2026, 2, 8), ClockState.WARNING, 30),
        (date(2026, 3, 9), ClockState.WARNING, 1),
        (date(2026, 3, 10), ClockState.DUE_TODAY, 0),
        (date(2026, 3, 11), ClockState.OVERDUE, -1),
    ],
)
def test_limitation_states(today: date, state: ClockState, days_left: int) -> None:
    clock = limitation_clock(date(2025, 3, 10), today, CAL)
    assert clock == Clock(ClockKind.LIMITATION, date(2026, 3, 10), state, days_left, "Limitation for arbitration")


def test_limitation_from_leap_day() -> None:
    clock = limitation_clock(date(2024, 2, 29), date(2025, 2, 28), CAL)
    assert (clock.due, clock.state, clock.days_left) == (date(2025, 2, 28), ClockState.DUE_TODAY, 0)


def test_a_complaint_in_time_interrupts_the_limitation_and_a_late_one_finds_it_run_out() -> None:
    knew_on = date(2025, 3, 10)  # the limitation runs out on 2026-03-10
    in_time = limitation_clock(knew_on, date(2026, 6, 1), CAL, interrupted_on=date(2026, 3, 1))
    assert (in_time.state, in_time.due, in_time.days_left) == (ClockState.INTERRUPTED, date(2026, 3, 10), 9)
    late = limitation_clock(knew_on, date(2026, 6, 1), CAL, interrupted_on=date(2026, 3, 11))
    assert (late.state, late.days_left) == (ClockState.OVERDUE, -83)


# --- the written notice of a refusal (R2), the limitation running again (R5) ---


def test_refusal_notice_counts_working_days_across_golden_week() -> None:
    # Received Monday 28 September 2026: 29 and 30 September, then the golden week, then Thursday 8 October.
    clock = refusal_notice_clock(date(2026, 9, 28), None, date(2026, 10, 3), CAL)
    assert (clock.kind, clock.due, clock.state) == (ClockKind.REFUSAL_NOTICE, date(2026, 10, 8), ClockState.URGENT)
    served = refusal_notice_clock(date(2026, 9, 28), date(2026, 9, 30), date(2026, 10, 3), CAL)
    assert (served.state, served.days_left) == (ClockState.DONE, 8)


def test_limitation_runs_a_full_year_again_from_the_end_of_mediation() -> None:
    interrupted = limitation_clock(date(2026, 3, 1), date(2026, 11, 1), CAL, interrupted_on=date(2026, 3, 10))
    assert interrupted.state is ClockState.INTERRUPTED
    again = limitation_clock(
        date(2026, 3, 1), date(2026, 11, 1), CAL, interrupted_on=date(2026, 3, 10), restarted_on=date(2026, 4, 2)
    )
    assert (again.due, again.state) == (date(2027, 4, 2), ClockState.OK)
    assert again.label == "Limitation for arbitration (running again)"


# --- limitation of wage arrears, unknown dates, suspension (R5, LDMAL 27) ---


def test_wage_arrears_are_not_time_barred_while_the_employment_continues() -> None:
    long_ago = date(2023, 5, 1)  # the standard year would have run out in 2024
    clock = limitation_clock(
        long_ago,
        date(2026, 6, 1),
        CAL,
        interrupted_on=date(2026, 5, 20),
        wage_claim=True,
        employment=Employment.CONTINUES,
    )
    assert (clock.state, clock.due) == (ClockState.NOT_RUNNING, None)
    assert clock.label == "Limitation for arbitration (wages: none while employment continues)"


def test_wage_arrears_run_a_year_from_the_end_of_the_employment() -> None:
    ended = date(2025, 12, 31)
    clock = limitation_clock(
        date(2024, 3, 1),
        date(2026, 6, 1),
        CAL,
        wage_claim=True,
        employment=Employment.ENDED,
        employment_ended_on=ended,
    )
    assert (clock.due, clock.state) == (date(2026, 12, 31), ClockState.OK)
    # Learnt of only after the end: the year runs from then.
    later = limitation_clock(
        date(2026, 2, 1), date(2026, 6, 1), CAL, wage_claim=True, employment=Employment.ENDED, employment_ended_on=ended
    )
    assert later.due == date(2027, 2, 1)
    # The complaint came in time: interrupted, not time-barred.
    complained = limitation_clock(
        date(2024, 3, 1),
        date(2026, 6, 1),
        CAL,
        interrupted_on=date(2026, 5, 1),
        wage_claim=True,
        employment=Employment.ENDED,
        employment_ended_on=ended,
    )
    assert complained.state is ClockState.INTERRUPTED


@pytest.mark.parametrize("knew_on", [None, date(2020, 1, 1)])
def test_a_wage_claim_whose_employment_is_not_known_is_never_shown_time_barred(knew_on: date | None) -> None:
    clock = limitation_clock(knew_on, date(2026, 6, 1), CAL, interrupted_on=date(2026, 5, 1), wage_claim=True)
    assert (clock.state, clock.due) == (ClockState.UNKNOWN, None)


def test_without_the_day_the_worker_knew_the_limitation_is_unknown_not_the_receipt_date() -> None:
    clock = limitation_clock(None, date(2026, 6, 1), CAL, interrupted_on=date(2026, 5, 1))
    assert (clock.state, clock.due, clock.label) == (ClockState.UNKNOWN, None, "Limitation for arbitration")


def test_a_limitation_ending_in_the_spring_festival_runs_to_the_first_working_day_after_it() -> None:
    """民法典 203: the year ends on Tuesday 17 February 2026, a Spring Festival holiday; a worker who applies on the
    first working day after the holiday is in time, and is never told the claim looks time-barred before then."""
    assert CAL.is_working_day(date(2026, 2, 17)) is False
    clock = limitation_clock(date(2025, 2, 17), date(2026, 2, 13), CAL)
    assert (clock.due, clock.state, clock.days_left) == (date(2026, 2, 24), ClockState.WARNING, 11)
    assert limitation_clock(date(2025, 2, 17), date(2026, 2, 20), CAL).state is ClockState.WARNING
    applied = limitation_clock(date(2025, 2, 17), date(2026, 3, 1), CAL, interrupted_on=date(2026, 2, 24))
    assert applied.state is ClockState.INTERRUPTED


def test_the_fifteen_days_of_mediation_ending_on_national_day_run_to_the_first_working_day_after_it() -> None:
    """Received on 16 September 2025, the 15 days end on 1 October, a holiday (1-8 October in 2025): mediation
    runs to 9 October, and mediation failed on 1 October ended within its time (no LDMAL 14 notice)."""
    received = date(2025, 9, 16)
    clock = mediation_clock(received, None, date(2025, 10, 2), CAL)
    assert (clock.due, clock.state) == (date(2025, 10, 9), ClockState.OK)
    assert mediation_clock(received, None, date(2025, 10, 10), CAL).state is ClockState.OVERDUE
    assert ended_before_mediation_days(received, date(2025, 10, 1), CAL)
    assert ended_before_mediation_days(received, date(2025, 10, 9), CAL)
    assert not ended_before_mediation_days(received, date(2025, 10, 10), CAL)
    # On a working day the last of the 15 days is still within them.
    assert ended_before_mediation_days(date(2026, 6, 8), date(2026, 6, 23), CAL)
    assert not ended_before_mediation_days(date(2026, 6, 8), date(2026, 6, 24), CAL)


def test_a_suspension_moves_the_end_on_by_the_calendar_days_it_lasted() -> None:
    knew_on = date(2025, 6, 1)  # due 2026-06-01
    # Stood still over the Spring Festival, 14 to 24 February 2026: ten days, holidays counted like any day.
    suspension = Suspension(date(2026, 2, 14), date(2026, 2, 24), "暴雪封路")
    clock = limitation_clock(knew_on, date(2026, 6, 5), CAL, suspension=suspension)
    assert (clock.due, clock.state) == (date(2026, 6, 11), ClockState.WARNING)
    # Still standing: no due date, and what was left when it began.
    standing = limitation_clock(knew_on, date(2026, 3, 1), CAL, suspension=Suspension(date(2026, 2, 14), None))
    assert (standing.state, standing.due, standing.days_left) == (ClockState.SUSPENDED, None, 107)
    # A suspension after the period ran out revives nothing.
    late = limitation_clock(knew_on, date(2026, 9, 1), CAL, suspension=Suspension(date(2026, 7, 1), date(2026, 8, 1)))
    assert (late.due, late.state) == (date(2026, 6, 1), ClockState.OVERDUE)
