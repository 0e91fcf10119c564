"""A clock never needs attention outside the window stored for it (clocks.attention_window): the workbench reads
only the cases whose window holds today, so a window too narrow would hide a deadline."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from heze_station.domain import clocks
from heze_station.domain.agreements import Instalment
from heze_station.domain.clocks import Clock, ClockKind, ClockState
from heze_station.domain.performance import performance
from heze_station.domain.workcalendar import DayKind, WorkCalendar

PRESSING = {ClockState.WARNING, ClockState.URGENT, ClockState.DUE_TODAY, ClockState.OVERDUE}
# Golden-week-like runs of holidays and a make-up Saturday, so the working-day clocks meet long breaks.
GOLDEN_WEEK = WorkCalendar(
    {
        **{date(2026, 10, 1) + timedelta(days=k): DayKind.HOLIDAY for k in range(8)},
        date(2026, 10, 10): DayKind.MAKEUP_WORKDAY,
        **{date(2027, 1, 28) + timedelta(days=k): DayKind.HOLIDAY for k in range(9)},
    },
    date(2027, 12, 31),
)
days = st.dates(date(2026, 6, 1), date(2027, 6, 30))


def every_clock(start: date, today: date, calendar: WorkCalendar) -> list[Clock]:
    """One clock of each kind the workbench lists, started on ``start``, not done, as of ``today``."""
    return [
        clocks.acceptance_clock(start, None, today, calendar),
        clocks.refusal_notice_clock(start, None, today, calendar),
        clocks.mediation_clock(start, None, today, calendar),
        clocks.mediation_clock(start, None, today, calendar, start + timedelta(days=40)),
        clocks.quick_close_clock(start, None, today),
        clocks.limitation_clock(start, today, calendar),
        clocks.arbitral_review_clock(start, None, today, calendar),
        clocks.judicial_confirmation_clock(start, None, today, calendar),
        clocks.payment_order_issue_clock(start, None, today, calendar),
        clocks.payment_order_objection_clock(start, None, today, calendar),
        clocks.arbitration_acceptance_clock(start, None, today, calendar),
        clocks.arbitration_award_clock(start, None, today, calendar, extended=True),
        clocks.inspection_acceptance_clock(start, None, today, calendar),
        clocks.inspection_clock(start, None, today, calendar, extended=False),
        clocks.performance_clock(performance([Instalment(start, 100)], [0], today, calendar), today),
    ]


@settings(max_examples=300, deadline=None)
@given(start=days, today=days, weekends_only=st.booleans())
def test_a_clock_needing_attention_today_has_today_in_its_window(start: date, today: date, weekends_only: bool) -> None:
    calendar = WorkCalendar.weekends_only() if weekends_only else GOLDEN_WEEK
    for clock in every_clock(start, today, calendar):
        assert clock.due is not None
        first, last = clocks.attention_window(clock.kind, clock.due, calendar)
        if clock.state in PRESSING and not (clock.kind is ClockKind.QUICK_CLOSE and clock.state is ClockState.OVERDUE):
            assert first <= today, clock
            assert last is None or today <= last, clock


@settings(max_examples=200, deadline=None)
@given(start=days, today=days)
def test_the_urgent_working_day_is_counted_as_before(start: date, today: date) -> None:
    # One working day left, by the count the acceptance clock used before it looked only at the days after today.
    clock = clocks.acceptance_clock(start, None, today, GOLDEN_WEEK)
    assert clock.due is not None
    one_left = today < clock.due and GOLDEN_WEEK.working_days_between(today, clock.due) == 1
    assert (clock.state is ClockState.URGENT) == one_left
