"""Moving a case through its life through services.case_actions.perform: dates, reasons, timeline, clocks."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from heze_station.domain import chinatime
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.domain.clocks import Clock, ClockKind, ClockState
from heze_station.domain.errors import IllegalTransition, InvalidInput, NotFound
from heze_station.services import agreements, case_actions, case_queries, intake, payments
from heze_station.services.case_queries import CaseDetail
from heze_station.services.station import StationContext
from heze_station.storage.models import Case, TimelineEvent
from tests.factories import intake_form
from tests.services.agreement_steps import agree, terms

A, S = CaseAction, CaseStatus

RECEIVED = date(2026, 11, 20)


@pytest.fixture
def case_id(station: StationContext) -> uuid.UUID:
    form = intake_form(received_on=RECEIVED)
    return intake.save(station, intake.validate(form, chinatime.today())).case_id


def stored(station: StationContext, case_id: uuid.UUID) -> Case:
    with station.database.transaction() as session:
        return session.get_one(Case, case_id)


def timeline_count(station: StationContext, case_id: uuid.UUID) -> int:
    with station.database.transaction() as session:
        return session.scalar(select(func.count()).select_from(TimelineEvent).where(TimelineEvent.case_id == case_id))


def clock(detail: CaseDetail, kind: ClockKind) -> Clock | None:
    matches = [c for c in detail.clocks if c.kind is kind]
    return matches[0] if matches else None


def run(station: StationContext, case_id: uuid.UUID, *steps: tuple[CaseAction, str]) -> CaseDetail:
    detail = None
    for action, reason in steps:
        detail = case_actions.perform(station, case_id, action, reason)
    assert detail is not None
    return detail


# -- whole paths --------------------------------------------------------------------------------------------------


def test_accept_mediate_agree_close(station: StationContext, case_id: uuid.UUID) -> None:
    today = chinatime.today()
    detail = case_actions.perform(station, case_id, A.ACCEPT)
    assert detail.status is S.ACCEPTED
    assert detail.actions == [A.START_MEDIATION, A.WITHDRAW, A.REFER_ARBITRATION, A.REFER_INSPECTION]
    assert stored(station, case_id).decided_on == today

    detail = case_actions.perform(station, case_id, A.START_MEDIATION)
    assert detail.status is S.IN_MEDIATION
    case = stored(station, case_id)
    assert case.mediation_started_on == today
    assert case.ended_on is None

    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    detail = case_queries.case_detail(station, case_id)
    assert detail.status is S.AGREEMENT
    assert detail.actions == []  # nothing paid yet: neither closed nor referred
    case = stored(station, case_id)
    assert case.ended_on == today
    assert case.closed_on is None

    payments.record_payment(station, case_id, today, "3800", PaymentMethod.BANK_TRANSFER, "转账0001")
    assert case_queries.case_detail(station, case_id).actions == [A.CLOSE]

    detail = case_actions.perform(station, case_id, A.CLOSE)
    assert detail.status is S.CLOSED
    assert detail.actions == []
    case = stored(station, case_id)
    assert (case.decided_on, case.mediation_started_on, case.ended_on, case.closed_on) == (today,) * 4
    assert [event.kind for event in detail.timeline if event.kind in set(CaseAction) | {"registered"}] == [
        "registered",
        "accept",
        "start_mediation",
        "record_agreement",
        "close",
    ]


def test_refuse_with_reason_then_close(station: StationContext, case_id: uuid.UUID) -> None:
    detail = case_actions.perform(station, case_id, A.REFUSE, "不属于劳动争议，已告知向法院起诉")
    assert detail.status is S.REFUSED
    assert detail.status_reason == "不属于劳动争议，已告知向法院起诉"
    case = stored(station, case_id)
    assert case.decided_on == case.ended_on == chinatime.today()
    assert case.mediation_started_on is None
    detail = case_actions.perform(station, case_id, A.CLOSE)
    assert detail.status is S.CLOSED
    # Closing keeps the reason of the refusal on record.
    assert detail.status_reason == "不属于劳动争议，已告知向法院起诉"
    assert stored(station, case_id).closed_on == chinatime.today()


@pytest.mark.parametrize(
    ("steps", "final"),
    [
        ([(A.ACCEPT, ""), (A.WITHDRAW, "双方已自行和解")], S.WITHDRAWN),
        ([(A.ACCEPT, ""), (A.START_MEDIATION, ""), (A.WITHDRAW, "申请人撤回")], S.WITHDRAWN),
        ([(A.ACCEPT, ""), (A.REFER_ARBITRATION, "涉及工伤认定")], S.REFERRED_ARBITRATION),
        ([(A.ACCEPT, ""), (A.START_MEDIATION, ""), (A.REFER_INSPECTION, "用人单位拒不到场")], S.REFERRED_INSPECTION),
        ([(A.ACCEPT, ""), (A.START_MEDIATION, ""), (A.RECORD_FAILURE, "金额分歧过大")], S.MEDIATION_FAILED),
    ],
    ids=["withdraw-before", "withdraw-during", "refer-arbitration", "refer-inspection", "failure"],
)
def test_ending_paths_record_the_reason_and_date(
    station: StationContext, case_id: uuid.UUID, steps: list, final: CaseStatus
) -> None:
    detail = run(station, case_id, *steps)
    reason = steps[-1][1]
    assert detail.status is final
    assert detail.status_reason == reason
    assert detail.timeline[-1].detail == reason
    # After a failed mediation the case can still go on to arbitration or inspection (R10).
    onward = [A.REFER_ARBITRATION, A.REFER_INSPECTION] if final is S.MEDIATION_FAILED else []
    assert detail.actions == [*onward, A.CLOSE]
    assert stored(station, case_id).ended_on == chinatime.today()
    # The complaint interrupted the limitation period; it runs again, a full year, from this ending (R5).
    assert stored(station, case_id).limitation_restarts_on == chinatime.today()
    closed = case_actions.perform(station, case_id, A.CLOSE)
    assert closed.status is S.CLOSED


# -- refusals that change nothing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("action", [action for action in CaseAction if action.needs_reason], ids=str)
@pytest.mark.parametrize("reason", ["", "   ", "\u200b\n\t"], ids=["empty", "spaces", "invisible"])
def test_missing_reason_is_refused_and_changes_nothing(
    station: StationContext, case_id: uuid.UUID, action: CaseAction, reason: str
) -> None:
    # Bring the case to a status where the action is allowed.
    if action is not A.REFUSE:
        case_actions.perform(station, case_id, A.ACCEPT)
    if action is A.RECORD_FAILURE:
        case_actions.perform(station, case_id, A.START_MEDIATION)
    before = stored(station, case_id)
    events = timeline_count(station, case_id)

    with pytest.raises(InvalidInput) as raised:
        case_actions.perform(station, case_id, action, reason)

    assert raised.value.field == "reason"
    assert str(raised.value) == "This field is required."
    after = stored(station, case_id)
    assert (after.status, after.version, after.ended_on, after.status_reason) == (
        before.status,
        before.version,
        before.ended_on,
        before.status_reason,
    )
    assert timeline_count(station, case_id) == events


def test_overlong_reason_is_refused(station: StationContext, case_id: uuid.UUID) -> None:
    with pytest.raises(InvalidInput, match="At most 1000 characters"):
        case_actions.perform(station, case_id, A.REFUSE, "理" * 1001)
    assert stored(station, case_id).status is S.REGISTERED


@pytest.mark.parametrize("action", [A.CLOSE, A.START_MEDIATION, A.RECORD_AGREEMENT, A.WITHDRAW])
def test_illegal_step_changes_nothing(station: StationContext, case_id: uuid.UUID, action: CaseAction) -> None:
    before = stored(station, case_id)
    with pytest.raises(IllegalTransition, match='"Registered"'):
        case_actions.perform(station, case_id, action, "理由")
    after = stored(station, case_id)
    assert (after.status, after.version, after.decided_on, after.ended_on, after.closed_on) == (
        S.REGISTERED,
        before.version,
        None,
        None,
        None,
    )
    assert timeline_count(station, case_id) == 1


def test_a_mediation_cannot_end_in_agreement_without_one_in_effect(station: StationContext, case_id: uuid.UUID) -> None:
    """R7: the bare step "record agreement" would skip the signatures and the seal; only take_effect reaches it."""
    run(station, case_id, (A.ACCEPT, ""), (A.START_MEDIATION, ""))
    events = timeline_count(station, case_id)
    today = chinatime.today()
    draft = agreements.save_draft(
        station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800")
    ).draft
    assert draft is not None
    with pytest.raises(IllegalTransition, match="signed by every party and sealed"):
        case_actions.perform(station, case_id, A.RECORD_AGREEMENT)
    case = stored(station, case_id)
    assert (case.status, case.ended_on, case.outcome) == (S.IN_MEDIATION, None, None)
    assert A.RECORD_AGREEMENT not in case_queries.case_detail(station, case_id).actions
    assert timeline_count(station, case_id) == events + 1  # the draft only


@pytest.mark.parametrize(
    "steps",
    [(), ((A.ACCEPT, ""),), ((A.ACCEPT, ""), (A.START_MEDIATION, "")), ((A.REFUSE, "不属于受理范围"),)],
    ids=["registered", "accepted", "in_mediation", "refused"],
)
def test_every_step_the_case_page_does_not_offer_is_refused(
    station: StationContext, case_id: uuid.UUID, steps: tuple[tuple[CaseAction, str], ...]
) -> None:
    """The service refuses exactly what the status machine (available_actions) rules out, changing nothing."""
    detail = run(station, case_id, *steps) if steps else case_queries.case_detail(station, case_id)
    events = timeline_count(station, case_id)
    for action in CaseAction:
        if action not in detail.actions:
            with pytest.raises(IllegalTransition):
                case_actions.perform(station, case_id, action, "理由")
    assert stored(station, case_id).status is detail.status
    assert timeline_count(station, case_id) == events


def test_a_closed_case_cannot_be_reopened_or_closed_again(station: StationContext, case_id: uuid.UUID) -> None:
    run(station, case_id, (A.REFUSE, "超过时效"), (A.CLOSE, ""))
    for action in CaseAction:
        with pytest.raises(IllegalTransition):
            case_actions.perform(station, case_id, action, "再试一次")
    assert timeline_count(station, case_id) == 3


def test_unknown_case_is_not_found(station: StationContext) -> None:
    with pytest.raises(NotFound):
        case_actions.perform(station, uuid.uuid4(), A.ACCEPT)


# -- timeline -----------------------------------------------------------------------------------------------------


def test_timeline_records_actor_reason_and_order(station: StationContext, case_id: uuid.UUID) -> None:
    user = station.user_name
    detail = run(station, case_id, (A.ACCEPT, ""), (A.REFER_ARBITRATION, "涉及工伤\x00认定\u200b"))
    assert [(e.actor, e.kind, e.detail) for e in detail.timeline] == [
        (user, "registered", ""),
        (user, "accept", ""),
        (user, "refer_arbitration", "涉及工伤认定"),
    ]
    times = [event.at for event in detail.timeline]
    assert times == sorted(times)
    assert all(at.utcoffset() == timedelta(0) for at in times)
    # The list reads the same from a fresh query.
    assert case_queries.case_detail(station, case_id).timeline == detail.timeline


# -- clocks -------------------------------------------------------------------------------------------------------


def test_clocks_before_and_after_acceptance(station: StationContext, case_id: uuid.UUID) -> None:
    registered = case_queries.case_detail(station, case_id)
    acceptance = clock(registered, ClockKind.ACCEPTANCE)
    assert acceptance is not None
    assert acceptance.state is not ClockState.DONE
    # R2 counts from the day the application was received, not from the day it was typed in.
    assert acceptance.due == station.calendar.add_working_days(RECEIVED, 3)
    assert clock(registered, ClockKind.MEDIATION) is None
    # Whether the employment goes on is not known yet: a wage claim is not shown time-barred, nor running.
    assert clock(registered, ClockKind.LIMITATION).state is ClockState.UNKNOWN

    accepted = case_actions.perform(station, case_id, A.ACCEPT)
    assert clock(accepted, ClockKind.ACCEPTANCE).state is ClockState.DONE
    mediation = clock(accepted, ClockKind.MEDIATION)
    assert mediation is not None
    assert mediation.due == date(2026, 12, 7)  # the 15th day, 5 December, is a Saturday: Monday the 7th
    assert mediation.state is not ClockState.DONE
    assert clock(accepted, ClockKind.QUICK_CLOSE) is not None

    run(station, case_id, (A.START_MEDIATION, ""))
    today = chinatime.today()
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    agreed = case_queries.case_detail(station, case_id)
    assert clock(agreed, ClockKind.MEDIATION).state is ClockState.DONE
    assert clock(agreed, ClockKind.QUICK_CLOSE).state is ClockState.DONE


def test_refused_case_has_no_mediation_clock(station: StationContext, case_id: uuid.UUID) -> None:
    refused = case_actions.perform(station, case_id, A.REFUSE, "不属于受理范围")
    assert clock(refused, ClockKind.ACCEPTANCE).state is ClockState.DONE
    assert clock(refused, ClockKind.MEDIATION) is None
    assert clock(refused, ClockKind.QUICK_CLOSE) is None


def test_refused_then_closed_case_still_has_no_mediation_clock(station: StationContext, case_id: uuid.UUID) -> None:
    closed = run(station, case_id, (A.REFUSE, "不属于受理范围"), (A.CLOSE, ""))
    assert clock(closed, ClockKind.MEDIATION) is None
    assert clock(closed, ClockKind.QUICK_CLOSE) is None
