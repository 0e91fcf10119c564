"""Instalments filled in due order, default from the day after a missed date, and the clocks built on them."""

from datetime import date

from heze_station.domain.agreements import Instalment
from heze_station.domain.clocks import ClockState, arbitral_review_clock, performance_clock
from heze_station.domain.money import yuan_in_capitals
from heze_station.domain.performance import InstalmentState, PerformanceState, performance

SCHEDULE = [
    Instalment(date(2026, 12, 1), 300_00),
    Instalment(date(2026, 12, 15), 300_00),
    Instalment(date(2027, 1, 5), 400_00),
]


def test_payments_fill_instalments_in_due_order() -> None:
    result = performance(SCHEDULE, [450_00], date(2026, 12, 10))
    assert [(i.paid_fen, i.state) for i in result.instalments] == [
        (300_00, InstalmentState.PAID),
        (150_00, InstalmentState.PARTLY_PAID),
        (0, InstalmentState.UPCOMING),
    ]
    assert result.outstanding_fen == 550_00
    assert result.state is PerformanceState.PERFORMING
    assert result.next_due.number == 2


def test_default_starts_the_day_after_the_due_date() -> None:
    on_the_day = performance(SCHEDULE, [300_00], date(2026, 12, 15))
    assert on_the_day.state is PerformanceState.PERFORMING
    assert performance_clock(on_the_day, date(2026, 12, 15)).state is ClockState.DUE_TODAY
    next_day = performance(SCHEDULE, [300_00], date(2026, 12, 16))
    assert next_day.state is PerformanceState.IN_DEFAULT
    assert next_day.defaulted_since == date(2026, 12, 16)
    assert performance_clock(next_day, date(2026, 12, 16)).state is ClockState.OVERDUE


def test_fully_paid_is_performed_and_the_clock_stops() -> None:
    result = performance(SCHEDULE, [300_00, 700_00], date(2027, 3, 1))
    assert result.state is PerformanceState.PERFORMED
    assert result.next_due is None
    assert performance_clock(result, date(2027, 3, 1)).state is ClockState.DONE


def test_instalment_warning_three_days_ahead() -> None:
    result = performance(SCHEDULE, [], date(2026, 11, 28))
    assert performance_clock(result, date(2026, 11, 27)).state is ClockState.OK
    assert performance_clock(result, date(2026, 11, 28)).state is ClockState.WARNING


def test_arbitral_review_window_is_fifteen_days() -> None:
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 1)).due == date(2026, 12, 16)
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 11)).state is ClockState.WARNING
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 14)).state is ClockState.URGENT
    assert arbitral_review_clock(date(2026, 12, 1), None, date(2026, 12, 17)).state is ClockState.OVERDUE
    assert arbitral_review_clock(date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 17)).state is ClockState.DONE


def test_amounts_in_chinese_capitals() -> None:
    assert yuan_in_capitals(380000) == "叁仟捌佰元整"
    assert yuan_in_capitals(1234560) == "壹万贰仟叁佰肆拾伍元陆角"
    assert yuan_in_capitals(1000500) == "壹万零伍元整"
    assert yuan_in_capitals(8740000) == "捌万柒仟肆佰元整"
