"""The court's, the committee's and labour inspection's periods after mediation, across the 2026 golden week."""

from datetime import date

import pytest

from heze_station.domain.after_mediation import StepDates, StepKind, small_claim, step_clocks
from heze_station.domain.cases import Category
from heze_station.domain.clocks import (
    ClockKind,
    ClockState,
    arbitral_review_clock,
    arbitration_acceptance_clock,
    arbitration_award_clock,
    inspection_acceptance_clock,
    inspection_clock,
    judicial_confirmation_clock,
    payment_order_issue_clock,
    payment_order_objection_clock,
)
from heze_station.domain.workcalendar import WorkCalendar
from tests.domain.test_clocks import CAL


@pytest.mark.parametrize(
    ("today", "state", "days_left"),
    [
        (date(2026, 10, 9), ClockState.OK, 10),  # golden week does not stop the court's days
        (date(2026, 10, 14), ClockState.WARNING, 5),
        (date(2026, 10, 17), ClockState.URGENT, 2),
        (date(2026, 10, 19), ClockState.DUE_TODAY, 0),
        (date(2026, 10, 20), ClockState.OVERDUE, -1),
    ],
)
def test_court_has_five_days_to_accept_and_fifteen_to_issue_the_order(
    today: date, state: ClockState, days_left: int
) -> None:
    """民事诉讼法 226-227, in calendar days from the filing: 5 to accept the application, 15 from then to issue the
    order; the 20th day a Sunday (18 October 2026), the court has the Monday."""
    clock = payment_order_issue_clock(date(2026, 9, 28), None, today, CAL)
    assert (clock.kind, clock.due, clock.state, clock.days_left) == (
        ClockKind.PAYMENT_ORDER_ISSUE,
        date(2026, 10, 19),
        state,
        days_left,
    )
    assert clock.label == "Court to issue the payment order"


@pytest.mark.parametrize(
    ("served", "due"),
    [
        (date(2026, 3, 2), date(2026, 3, 17)),  # an ordinary Tuesday
        (date(2026, 9, 16), date(2026, 10, 8)),  # day 15 is 1 October: the period runs to the first working day
        (date(2026, 9, 22), date(2026, 10, 8)),  # day 15 is 7 October, still the holiday
        (date(2026, 9, 25), date(2026, 10, 10)),  # day 15 is the make-up Saturday, a working day
    ],
)
def test_debtor_period_ending_in_a_holiday_runs_to_the_next_working_day(served: date, due: date) -> None:
    clock = payment_order_objection_clock(served, None, served, CAL)
    assert (clock.kind, clock.due) == (ClockKind.PAYMENT_ORDER_OBJECTION, due)


def test_debtor_period_without_official_data_moves_past_weekends_only() -> None:
    clock = payment_order_objection_clock(date(2026, 9, 16), None, date(2026, 9, 16), WorkCalendar.weekends_only())
    assert clock.due == date(2026, 10, 1)


def test_judicial_confirmation_window_is_thirty_calendar_days() -> None:
    running = judicial_confirmation_clock(date(2026, 9, 15), None, date(2026, 10, 10), CAL)
    assert (running.due, running.state, running.days_left) == (date(2026, 10, 15), ClockState.WARNING, 5)
    applied = judicial_confirmation_clock(date(2026, 9, 15), date(2026, 10, 2), date(2026, 10, 20), CAL)
    assert (applied.state, applied.days_left) == (ClockState.DONE, 13)
    # The arbitral review window is the same kind of window, half as long.
    assert arbitral_review_clock(date(2026, 9, 15), None, date(2026, 9, 25), CAL).state is ClockState.WARNING


def test_committee_accepts_in_five_calendar_days_and_awards_in_45_or_60() -> None:
    acceptance = arbitration_acceptance_clock(date(2026, 9, 29), None, date(2026, 10, 3), CAL)
    # Day 5 is 4 October, in the National Day holiday: the period runs to the first working day after it. (The
    # holiday days within a period count: only its last day is moved.)
    assert (acceptance.due, acceptance.state) == (date(2026, 10, 8), ClockState.WARNING)
    assert arbitration_acceptance_clock(date(2026, 9, 24), None, date(2026, 9, 24), CAL).due == date(2026, 9, 29)
    award = arbitration_award_clock(date(2026, 9, 28), None, date(2026, 10, 8), CAL, extended=False)
    assert (award.due, award.state, award.label) == (date(2026, 11, 12), ClockState.OK, "Arbitral award (45 days)")
    extended = arbitration_award_clock(date(2026, 9, 28), None, date(2026, 11, 12), CAL, extended=True)
    assert (extended.due, extended.state) == (date(2026, 11, 27), ClockState.OK)


def test_labour_inspection_counts_working_days_across_golden_week() -> None:
    acceptance = inspection_acceptance_clock(date(2026, 9, 28), None, date(2026, 10, 3), CAL)
    # 29, 30 September, then 8, 9 and the make-up Saturday 10 October.
    assert (acceptance.due, acceptance.state) == (date(2026, 10, 10), ClockState.OK)
    investigation = inspection_clock(date(2026, 9, 28), None, date(2026, 10, 3), CAL, extended=False)
    assert investigation.due == date(2026, 12, 25)
    extended = inspection_clock(date(2026, 9, 28), None, date(2026, 10, 3), CAL, extended=True)
    assert extended.due == date(2027, 2, 5)  # 30 more working days; beyond the published data only weekends rest


def test_step_clocks_start_as_the_dates_come_back() -> None:
    today = date(2026, 10, 20)
    assert step_clocks(StepDates(StepKind.ARBITRATION), today, CAL) == []
    received = StepDates(StepKind.ARBITRATION, started_on=date(2026, 10, 12))
    assert [c.kind for c in step_clocks(received, today, CAL)] == [ClockKind.ARBITRATION_ACCEPTANCE]
    accepted = StepDates(StepKind.ARBITRATION, started_on=date(2026, 10, 12), accepted_on=date(2026, 10, 15))
    kinds = [(c.kind, c.state) for c in step_clocks(accepted, today, CAL)]
    assert kinds == [(ClockKind.ARBITRATION_ACCEPTANCE, ClockState.DONE), (ClockKind.ARBITRATION_AWARD, ClockState.OK)]
    order = StepDates(
        StepKind.PAYMENT_ORDER,
        started_on=date(2026, 10, 1),
        accepted_on=date(2026, 10, 9),
        served_on=date(2026, 10, 12),
        ended_on=date(2026, 10, 19),
    )
    assert [c.state for c in step_clocks(order, today, CAL)] == [ClockState.DONE, ClockState.DONE]
    planned = StepDates(StepKind.JUDICIAL_CONFIRMATION, effective_on=date(2026, 10, 1))
    assert [c.kind for c in step_clocks(planned, today, CAL)] == [ClockKind.JUDICIAL_CONFIRMATION]


def test_small_claims_are_final_for_the_employer_up_to_twelve_minimum_wages() -> None:
    wage = 2010_00
    assert small_claim(Category.WAGES, [3800_00, 24120_00], wage).final
    over = small_claim(Category.WAGES, [3800_00, 24120_01], wage)
    assert (over.final, over.threshold_fen, over.largest_fen) == (False, 24120_00, 24120_01)
    assert not small_claim(Category.SOCIAL_INSURANCE, [1000_00], wage).final  # not a kind LDMAL 47 names
    assert not small_claim(Category.WAGES, [], wage).final


@pytest.mark.parametrize(
    ("clock", "start"),
    [
        (arbitral_review_clock, date(2026, 9, 16)),  # 15 days
        (judicial_confirmation_clock, date(2026, 9, 1)),  # 30 days
        (payment_order_issue_clock, date(2026, 9, 16)),  # 15 days
        (arbitration_acceptance_clock, date(2026, 9, 26)),  # 5 days
    ],
)
def test_a_window_whose_last_day_is_a_holiday_runs_to_the_next_working_day(clock, start: date) -> None:
    """民法典 203, 民事诉讼法 85 and the arbitration rules: day 15 (30, 5) is 1 October, so the parties may still
    apply, and the court or the committee is not late, until 8 October: on 2 October nothing is overdue."""
    running = clock(start, None, date(2026, 10, 2), CAL)
    assert (running.due, running.state, running.days_left) == (date(2026, 10, 8), ClockState.OK, 6)
