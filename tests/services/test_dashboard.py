"""The workbench: which deadlines press, how many cases stand where, and the latest timeline entries."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

from heze_station.domain import chinatime, clocks
from heze_station.domain.cases import CaseAction, CaseStatus, Employment, event_label
from heze_station.domain.clocks import ClockKind, ClockState
from heze_station.services import case_actions
from heze_station.services.dashboard import RECENT_EVENTS, Dashboard, DueItem, dashboard
from heze_station.services.station import StationContext
from tests.factories import intake_form, received_days_ago, register


def due_for(board: Dashboard, case_id: uuid.UUID, kind: ClockKind) -> list[DueItem]:
    return [item for item in board.due if item.case_id == case_id and item.clock.kind is kind]


def test_acceptance_counts_from_receipt_even_when_the_case_was_typed_in_later(station: StationContext) -> None:
    today = chinatime.today()
    received = today - timedelta(days=10)
    case_id = register(station, intake_form(received_on=received))  # registered today
    [item] = due_for(dashboard(station, today), case_id, ClockKind.ACCEPTANCE)
    assert item.clock.due == station.calendar.add_working_days(received, 3)
    assert item.clock.state is ClockState.OVERDUE


def test_an_undecided_case_is_due_for_acceptance_three_working_days_after_receipt(
    station: StationContext,
) -> None:
    registered_on = chinatime.today() - timedelta(days=30)
    case_id = register(station, intake_form(received_on=registered_on), on=registered_on)
    due_day = station.calendar.add_working_days(registered_on, 3)
    assert station.calendar.working_days_between(registered_on, due_day) == 3

    on_due_day = due_for(dashboard(station, due_day), case_id, ClockKind.ACCEPTANCE)
    day_after = due_for(dashboard(station, due_day + timedelta(days=1)), case_id, ClockKind.ACCEPTANCE)

    assert [item.clock for item in on_due_day] == [
        clocks.acceptance_clock(registered_on, None, due_day, station.calendar)
    ]
    assert on_due_day[0].clock.state is ClockState.DUE_TODAY
    assert day_after[0].clock.state is ClockState.OVERDUE
    assert day_after[0].clock.days_left == -1
    item = on_due_day[0]
    assert (item.number, item.claimant_summary, item.worker_count) == (
        f"菏谐调字〔{registered_on.year}〕第0001号",
        "工人0",
        1,
    )
    assert item.respondent_summary == "菏泽宏达建筑劳务有限公司1"


def test_the_mediation_clock_warns_on_day_10_turns_urgent_on_day_13_and_overdue_after_day_15(
    station: StationContext,
) -> None:
    received_on = received_days_ago(station, 16)
    case_id = register(station, intake_form(received_on=received_on))
    case_actions.perform(station, case_id, CaseAction.ACCEPT)

    states = {
        day: [
            item.clock.state
            for item in due_for(dashboard(station, received_on + timedelta(days=day)), case_id, ClockKind.MEDIATION)
        ]
        for day in (9, 10, 13, 15, 16)
    }

    assert states == {
        9: [],
        10: [ClockState.WARNING],
        13: [ClockState.URGENT],
        15: [ClockState.DUE_TODAY],
        16: [ClockState.OVERDUE],
    }


def test_decided_and_finished_cases_do_not_appear(station: StationContext) -> None:
    long_ago = chinatime.today() - timedelta(days=40)
    accepted, refused, closed, waiting = (
        register(station, intake_form(received_on=long_ago, employer_serial=n), on=long_ago) for n in range(4)
    )
    case_actions.perform(station, accepted, CaseAction.ACCEPT)
    case_actions.perform(station, refused, CaseAction.REFUSE, "不属于劳动争议")
    case_actions.perform(station, closed, CaseAction.REFUSE, "重复投诉")
    case_actions.perform(station, closed, CaseAction.CLOSE)

    # The refusal still owes the worker a written notice (R2): listed until it is served.
    board = dashboard(station, chinatime.today())
    assert {item.case_id for item in board.due} == {accepted, waiting, refused}
    assert [item.clock.state for item in due_for(board, refused, ClockKind.REFUSAL_NOTICE)] == [ClockState.OVERDUE]
    case_actions.record_notice_served(station, refused, chinatime.today())

    board = dashboard(station, chinatime.today())

    assert {item.case_id for item in board.due} == {accepted, waiting}
    assert not due_for(board, accepted, ClockKind.ACCEPTANCE)
    assert [item.clock.state for item in due_for(board, waiting, ClockKind.ACCEPTANCE)] == [ClockState.OVERDUE]
    assert {item.clock.state for item in board.due} <= {
        ClockState.WARNING,
        ClockState.URGENT,
        ClockState.DUE_TODAY,
        ClockState.OVERDUE,
    }


def test_due_items_are_sorted_overdue_first_then_by_due_date(station: StationContext) -> None:
    today = chinatime.today()
    # Received 12 days ago: mediation due in 3 days (WARNING); its 3-day target, missed 9 days ago, is not listed.
    mediating = register(station, intake_form(received_on=today - timedelta(days=12), employer_serial=1))
    case_actions.perform(station, mediating, CaseAction.ACCEPT)
    # Registered a month ago and never decided: acceptance overdue by more than two weeks.
    month_ago = today - timedelta(days=30)
    forgotten = register(station, intake_form(received_on=month_ago, employer_serial=2), on=month_ago)
    # The employment ended 400 days ago and the worker complained only today: the wage claim looks time-barred.
    ended_on = today - timedelta(days=400)
    late = register(station, replace(intake_form(received_on=today, employer_serial=3), **ended(ended_on)))
    # Ended 355 days ago, complained today: the complaint interrupted the limitation in time, nothing to list.
    register(station, replace(intake_form(received_on=today, employer_serial=4), **ended(today - timedelta(days=355))))
    # The employment goes on: wage arrears are not time-barred, nothing to list.
    register(station, replace(intake_form(received_on=today, employer_serial=5), employment=Employment.CONTINUES))

    due = dashboard(station, today).due

    assert [(item.case_id, item.clock.kind, item.clock.state) for item in due] == [
        (late, ClockKind.LIMITATION, ClockState.OVERDUE),
        (forgotten, ClockKind.ACCEPTANCE, ClockState.OVERDUE),
        (mediating, ClockKind.MEDIATION, ClockState.WARNING),
    ]
    assert due[0].clock == clocks.limitation_clock(
        ended_on,
        today,
        station.calendar,
        interrupted_on=today,
        wage_claim=True,
        employment=Employment.ENDED,
        employment_ended_on=ended_on,
    )


def ended(on: date) -> dict[str, object]:
    return {"knew_on": on, "employment": Employment.ENDED, "employment_ended_on": on}


def test_counts_cover_every_status_and_follow_accept_and_refuse(station: StationContext) -> None:
    first, second, _third = (register(station, intake_form(employer_serial=n)) for n in range(3))
    case_actions.perform(station, first, CaseAction.ACCEPT)
    case_actions.perform(station, second, CaseAction.REFUSE, "不属于本站受理范围")

    board = dashboard(station)

    assert board.counts == {
        status: {CaseStatus.REGISTERED: 1, CaseStatus.ACCEPTED: 1, CaseStatus.REFUSED: 1}.get(status, 0)
        for status in CaseStatus
    }
    assert board.open_total == 2
    assert board.today == chinatime.today()


def test_recent_activity_lists_the_latest_timeline_entries_newest_first(station: StationContext) -> None:
    start = chinatime.today() - timedelta(days=RECENT_EVENTS + 5)
    cases = [
        register(station, intake_form(employer_serial=n, received_on=start), on=start + timedelta(days=n))
        for n in range(RECENT_EVENTS)
    ]
    case_actions.perform(station, cases[0], CaseAction.REFUSE, "证据不足")

    recent = dashboard(station).recent

    user_name = station.user_name
    assert len(recent) == RECENT_EVENTS
    newest = recent[0]
    assert (newest.case_id, newest.kind, newest.detail, newest.actor) == (
        cases[0],
        CaseAction.REFUSE.value,
        "证据不足",
        user_name,
    )
    assert event_label(newest.kind) == "Refused"
    assert newest.number.endswith("第0001号")
    # The oldest registration (case 0's) fell off the end: 15 entries, the newest 14 registrations plus the refusal.
    assert [event.case_id for event in recent[1:]] == cases[:0:-1]
    assert [event.at for event in recent] == sorted((event.at for event in recent), reverse=True)
