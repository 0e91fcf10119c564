"""Instalments filled in due order, default from the day after a missed last day, and the clocks built on them."""

import uuid
from datetime import date

from heze_station.domain.agreements import Instalment
from heze_station.domain.clocks import ClockState, arbitral_review_clock, performance_clock
from heze_station.domain.money import yuan_in_capitals
from heze_station.domain.performance import (
    InstalmentState,
    PerformanceState,
    WorkerBalance,
    performance,
    worker_balances,
)
from tests.domain.test_clocks import CAL

SCHEDULE = [
    Instalment(date(2026, 12, 1), 300_00),
    Instalment(date(2026, 12, 15), 300_00),
    Instalment(date(2027, 1, 5), 400_00),
]


def test_payments_fill_instalments_in_due_order() -> None:
    result = performance(SCHEDULE, [450_00], date(2026, 12, 10), CAL)
    assert [(i.paid_fen, i.state) for i in result.instalments] == [
        (300_00, InstalmentState.PAID),
        (150_00, InstalmentState.PARTLY_PAID),
        (0, InstalmentState.UPCOMING),
    ]
    assert result.outstanding_fen == 550_00
    assert result.state is PerformanceState.PERFORMING
    assert result.next_due.number == 2


def test_default_starts_the_day_after_the_due_date() -> None:
    on_the_day = performance(SCHEDULE, [300_00], date(2026, 12, 15), CAL)
    assert on_the_day.state is PerformanceState.PERFORMING
    assert performance_clock(on_the_day, date(2026, 12, 15)).state is ClockState.DUE_TODAY
    next_day = performance(SCHEDULE, [300_00], date(2026, 12, 16), CAL)
    assert next_day.state is PerformanceState.IN_DEFAULT
    assert next_day.defaulted_since == date(2026, 12, 16)
    assert performance_clock(next_day, date(2026, 12, 16)).state is ClockState.OVERDUE


def test_an_instalment_due_on_a_holiday_may_be_paid_on_the_next_working_day() -> None:
    """民法典 203: due on National Day 2025 (1-8 October rest days), the payer is late from 10 October only."""
    schedule = [Instalment(date(2025, 10, 1), 300_00), Instalment(date(2025, 11, 1), 300_00)]
    in_the_holiday = performance(schedule, [], date(2025, 10, 8), CAL)
    assert in_the_holiday.state is PerformanceState.PERFORMING
    assert in_the_holiday.next_due.last_day == date(2025, 10, 9)
    clock = performance_clock(in_the_holiday, date(2025, 10, 8))
    assert (clock.due, clock.state) == (date(2025, 10, 9), ClockState.WARNING)
    after = performance(schedule, [], date(2025, 10, 10), CAL)
    assert after.state is PerformanceState.IN_DEFAULT
    assert after.defaulted_since == date(2025, 10, 10)
    # Due on a Saturday (1 November 2025), the payer has until Monday.
    assert performance(schedule, [300_00], date(2025, 11, 3), CAL).state is PerformanceState.PERFORMING
    assert performance(schedule, [300_00], date(2025, 11, 4), CAL).state is PerformanceState.IN_DEFAULT


def test_fully_paid_is_performed_and_the_clock_stops() -> None:
    result = performance(SCHEDULE, [300_00, 700_00], date(2027, 3, 1), CAL)
    assert result.state is PerformanceState.PERFORMED
    assert result.next_due is None
    assert performance_clock(result, date(2027, 3, 1)).state is ClockState.DONE


def test_instalment_warning_three_days_ahead() -> None:
    result = performance(SCHEDULE, [], date(2026, 11, 28), CAL)
    assert performance_clock(result, date(2026, 11, 27)).state is ClockState.OK
    assert performance_clock(result, date(2026, 11, 28)).state is ClockState.WARNING


def test_arbitral_review_window_is_fifteen_days() -> None:
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 1), CAL).due == date(2026, 12, 16)
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 11), CAL).state is ClockState.WARNING
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 14), CAL).state is ClockState.URGENT
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 17), CAL).state is ClockState.OVERDUE
    assert arbitral_review_clock(date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 17), CAL).state is ClockState.DONE


def test_amounts_in_chinese_capitals() -> None:
    assert yuan_in_capitals(380000) == "叁仟捌佰元整"
    assert yuan_in_capitals(1234560) == "壹万贰仟叁佰肆拾伍元陆角"
    assert yuan_in_capitals(1000500) == "壹万零伍元整"
    assert yuan_in_capitals(8740000) == "捌万柒仟肆佰元整"


# --- per worker ---

A, B, C = (uuid.UUID(int=n) for n in (1, 2, 3))


def owed(balances: list[WorkerBalance]) -> list[int]:
    return [balance.outstanding_fen for balance in balances]


def test_split_payments_count_for_their_worker_only() -> None:
    balances = worker_balances([(A, 3800_00), (B, 3800_00), (C, 2000_00)], {A: 3800_00, C: 500_00}, 0)
    assert owed(balances) == [0, 3800_00, 1500_00]
    assert [b.paid_fen for b in balances] == [3800_00, 0, 500_00]


def test_a_payment_not_split_is_spread_over_what_each_is_owed_to_the_fen() -> None:
    # 100.00 over three equal shares: 33.34, 33.33, 33.33, the odd fen to the first.
    balances = worker_balances([(A, 1000_00), (B, 1000_00), (C, 1000_00)], {}, 100_00)
    assert [b.paid_fen for b in balances] == [33_34, 33_33, 33_33]
    # Over what is still owed: A was paid in full by his own part, so B and C get it all, in proportion.
    mixed = worker_balances([(A, 1000_00), (B, 1000_00), (C, 3000_00)], {A: 1000_00}, 2000_00)
    assert owed(mixed) == [0, 500_00, 1500_00]


def test_an_old_agreement_paid_in_full_without_splits_shows_everyone_paid() -> None:
    balances = worker_balances([(A, 1234_56), (B, 7_89), (C, 100_00_00)], {}, 1234_56 + 7_89 + 100_00_00)
    assert owed(balances) == [0, 0, 0]
    # Never more than the share, even if the records say more was paid.
    assert owed(worker_balances([(A, 100), (B, 100)], {A: 150}, 500)) == [0, 0]
