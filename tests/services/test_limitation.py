"""The limitation facts of a case (R5): asked at intake, unknown until given, corrected and suspended later."""

import uuid
from dataclasses import replace
from datetime import date

import pytest

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, Category, Employment
from heze_station.domain.clocks import ClockKind, ClockState, Suspension
from heze_station.domain.errors import ValidationFailed
from heze_station.services import case_actions, case_queries, intake
from heze_station.services.case_queries import CaseDetail
from heze_station.services.limitation import LimitationForm, record_limitation
from heze_station.services.station import StationContext
from tests.factories import at, intake_form

RECEIVED = date(2026, 11, 20)


def limitation(detail: CaseDetail):
    (clock,) = [clock for clock in detail.clocks if clock.kind is ClockKind.LIMITATION]
    return clock


def register(station: StationContext, **changes: object) -> uuid.UUID:
    form = replace(intake_form(received_on=RECEIVED), **changes)
    return intake.save(station, intake.validate(form, chinatime.today()), at(RECEIVED)).case_id


def test_a_day_not_given_at_intake_shows_unknown_until_given_on_the_case(station: StationContext) -> None:
    case_id = register(station, category=Category.TERMINATION)
    detail = case_queries.case_detail(station, case_id)
    assert detail.knew_on is None
    assert (limitation(detail).state, limitation(detail).due) == (ClockState.UNKNOWN, None)

    given = record_limitation(station, case_id, LimitationForm(knew_on=date(2026, 9, 1)))
    assert given.knew_on == date(2026, 9, 1)
    assert (limitation(given).state, limitation(given).due) == (ClockState.INTERRUPTED, date(2027, 9, 1))
    assert given.timeline[-1].kind == "limitation_recorded"


def test_wage_arrears_of_a_continuing_employment_never_look_time_barred(station: StationContext) -> None:
    # Known three years ago, the employment still goes on: not time-barred (LDMAL 27), also after mediation failed.
    case_id = register(station, knew_on=date(2023, 10, 1), employment=Employment.CONTINUES)
    assert limitation(case_queries.case_detail(station, case_id)).state is ClockState.NOT_RUNNING
    for action, reason in (
        (CaseAction.ACCEPT, ""),
        (CaseAction.START_MEDIATION, ""),
        (CaseAction.RECORD_FAILURE, "拒绝"),
    ):
        detail = case_actions.perform(station, case_id, action, reason)
    assert limitation(detail).state is ClockState.NOT_RUNNING

    # The worker then says the employment ended: a year from the end, interrupted by the complaint in time.
    ended = record_limitation(
        station,
        case_id,
        LimitationForm(date(2023, 10, 1), Employment.ENDED, employment_ended_on=date(2026, 8, 31)),
    )
    assert limitation(ended).state is ClockState.OK  # running again from the failure, a full year
    assert ended.limitation.employment_ended_on == date(2026, 8, 31)


def test_a_suspension_is_recorded_and_moves_the_end_on(station: StationContext) -> None:
    # Known on 2025-11-15: the year ran out on 2026-11-15, before the complaint of 20 November.
    case_id = register(station, category=Category.TERMINATION, knew_on=date(2025, 11, 15))
    assert limitation(case_queries.case_detail(station, case_id)).state is ClockState.OVERDUE
    form = LimitationForm(
        knew_on=date(2025, 11, 15),
        suspended_from=date(2026, 2, 14),
        suspended_to=date(2026, 2, 24),
        suspension_reason="暴雪封路，无法前来申请",
    )
    detail = record_limitation(station, case_id, form)
    assert detail.limitation.suspension == Suspension(date(2026, 2, 14), date(2026, 2, 24), "暴雪封路，无法前来申请")
    # Moved on by the ten days it stood still, to 2026-11-25: the complaint came in time after all.
    assert (limitation(detail).state, limitation(detail).due) == (ClockState.INTERRUPTED, date(2026, 11, 25))


def test_wrong_limitation_facts_are_all_refused_and_nothing_changes(station: StationContext) -> None:
    case_id = register(station, knew_on=date(2026, 9, 1))
    before = case_queries.case_detail(station, case_id)
    form = LimitationForm(
        knew_on=date(2099, 1, 1),
        employment=Employment.ENDED,
        suspended_from=date(2026, 3, 1),
        suspended_to=date(2026, 2, 1),
    )
    with pytest.raises(ValidationFailed) as raised:
        record_limitation(station, case_id, form)
    assert {field: message.render() for field, message in raised.value.by_field().items()} == {
        "knew_on": "This date is in the future.",
        "employment_ended_on": "Please enter a date.",
        "suspended_to": "The suspension cannot end before it began on 2026-03-01.",
        "suspension_reason": "This field is required.",
    }
    after = case_queries.case_detail(station, case_id)
    assert (after.knew_on, after.limitation, after.timeline) == (before.knew_on, before.limitation, before.timeline)


def test_the_day_the_worker_knew_cannot_follow_the_application(station: StationContext) -> None:
    """He applied because he knew: a later day, typed at intake or on the case, is a slip (a careless tester's)."""
    later = replace(intake_form(received_on=RECEIVED), knew_on=date(2026, 11, 21))
    with pytest.raises(ValidationFailed) as raised:
        intake.validate(later, chinatime.today())
    expected = "The day the worker knew of it cannot be after the application was received (2026-11-20)."
    assert raised.value.by_field()["knew_on"].render() == expected

    case_id = register(station, knew_on=RECEIVED)  # the same day is right: he learnt of it and came
    with pytest.raises(ValidationFailed) as raised:
        record_limitation(station, case_id, LimitationForm(knew_on=date(2026, 11, 21)))
    assert raised.value.by_field()["knew_on"].render() == expected
    assert case_queries.case_detail(station, case_id).knew_on == RECEIVED
