"""The deadlines the workbench reads by index (services.deadlines) are, after every kind of change, exactly those
the clocks compute from the cases' rows: intake, decisions, mediation and its extension, the limitation's facts, an
agreement and its payments, a step after mediation, a change of the official calendar, and rows pulled from the
city. And the workbench built from them lists what the clocks of every open case say, on every day."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from heze_station.domain import chinatime
from heze_station.domain.after_mediation import StepDate, StepKind
from heze_station.domain.agreements import PaymentMethod
from heze_station.domain.cases import CaseAction, Category
from heze_station.domain.workcalendar import DayKind
from heze_station.services import after_mediation as steps
from heze_station.services import (
    calendar,
    case_actions,
    case_corrections,
    deadlines,
    intake,
    mediation,
    payments,
    sync_replica,
)
from heze_station.services.dashboard import _needs_attention, dashboard
from heze_station.services.limitation import LimitationForm, record_limitation
from heze_station.services.station import StationContext
from heze_station.storage.models import Agreement, CalendarDay, CalendarYear, Case, CaseDeadline
from heze_station.sync.schemas import PullResponse
from tests.factories import at, intake_form

from .agreement_steps import agree, mediating, terms
from .replica_steps import case_fields, change, check_every_transaction, pulled, row_fields, sent_to_the_city


def _deadline_rows(session: Session):
    return session.execute(
        select(
            CaseDeadline.case_id,
            CaseDeadline.kind,
            CaseDeadline.due_on,
            CaseDeadline.attention_on,
            CaseDeadline.attention_until,
        )
    )


def stored(station: StationContext) -> list[tuple]:
    with Session(station.database.engine) as session:
        rows = _deadline_rows(session)
        return sorted(tuple(row) for row in rows)


def computed(station: StationContext) -> list[tuple]:
    """Every case's deadlines written afresh from its rows and the stored calendar, then thrown away."""
    with Session(station.database.engine) as session:
        deadlines.refresh(session)
        rows = _deadline_rows(session)
        found = sorted(tuple(row) for row in rows)
        session.rollback()
    return found


@pytest.fixture
def checked(station: StationContext, monkeypatch: pytest.MonkeyPatch) -> StationContext:
    """The station, whose every committed transaction is followed by the comparison of stored and computed."""

    def compare() -> None:
        assert stored(station) == computed(station)

    check_every_transaction(station, monkeypatch, compare)
    return station


def every_open_case_due(station: StationContext, today: date) -> list[tuple]:
    """What the workbench listed before the deadlines were stored: the clocks of every open case."""
    with Session(station.database.engine) as session:
        found = deadlines.workbench_clocks(session, station.calendar, today, select(Case.id), Case.number)
    due = [
        (clock.due, row.number, row.id, clock) for row, clocks in found for clock in clocks if _needs_attention(clock)
    ]
    return [(case_id, clock) for _, _, case_id, clock in sorted(due, key=lambda item: item[:2])]


def assert_the_workbench_lists_every_deadline(station: StationContext, today: date) -> None:
    for offset in range(-60, 420, 4):
        day = today + timedelta(days=offset)
        listed = [(item.case_id, item.clock) for item in dashboard(station, day).due]
        assert listed == every_open_case_due(station, day), day


def test_stored_deadlines_equal_the_computed_ones_after_every_kind_of_change(
    checked: StationContext, today: date
) -> None:
    station = checked
    received = today - timedelta(days=20)
    # Intake: the acceptance decision is overdue.
    waiting = intake.save(station, intake.validate(intake_form(received_on=received), today), at(received)).case_id
    # A limitation that had run out, then a suspension that moves its end on.
    late = replace(intake_form(employer_serial=2, received_on=received), category=Category.TERMINATION)
    barred = intake.save(station, intake.validate(late, today), at(received)).case_id
    case_actions.perform(station, barred, CaseAction.ACCEPT, now=at(received))
    knew_on = received - timedelta(days=370)
    suspension = LimitationForm(
        knew_on=knew_on,
        suspended_from=knew_on + timedelta(days=30),
        suspended_to=knew_on + timedelta(days=40),
        suspension_reason="暴雪封路",
    )
    record_limitation(station, barred, suspension)
    # Accepted and in mediation, then the mediation period extended with both parties' consent.
    started = today - timedelta(days=12)
    mediated = mediating(station, intake_form(employer_serial=3, received_on=started), started)
    mediation.extend_mediation(station, mediated, started + timedelta(days=30), "工人同意", "公司同意")
    # An agreement in instalments, one paid, a review planned, and a confirmation applied for at court.
    agreed_on = today - timedelta(days=8)
    performing = mediating(station, intake_form(employer_serial=4, received_on=agreed_on), agreed_on)
    schedule = [(agreed_on + timedelta(days=3), "2000"), (today + timedelta(days=2), "1800")]
    agree(station, performing, terms(station, performing, agreed_on, schedule, amount_each="3800"), at(agreed_on, 16))
    payments.record_payment(station, performing, agreed_on + timedelta(days=3), "2000", PaymentMethod.BANK_TRANSFER)
    payments.plan_review(station, performing)
    steps.plan_confirmation(station, performing)
    steps.record_step(station, performing, StepKind.JUDICIAL_CONFIRMATION, StepDate.STARTED, today)
    # A decision ends the acceptance clock; voiding a case ends all of its clocks.
    case_actions.perform(station, waiting, CaseAction.ACCEPT, now=at(today))
    case_corrections.void_case(station, mediated, "重复登记", now=at(today))
    # The city announces a holiday: the working-day deadlines move, and so does what the stored rows say.
    form = intake_form(employer_serial=6, received_on=today)
    undecided = intake.save(station, intake.validate(form, today), at(today)).case_id
    next_working_days = [station.calendar.add_working_days(today, n) for n in (1, 2)]
    # At the turn of a year the next working days fall in one the calendar does not cover yet, whose days count only
    # once it is published whole (services.calendar): the city publishes it with its first holiday.
    unpublished = {day.year for day in next_working_days if not station.calendar.covers(day)}
    before = stored(station)
    with station.database.transaction() as session:
        session.add(CalendarDay(day=next_working_days[0], kind=DayKind.HOLIDAY, source="city-server"))
        session.add_all(CalendarYear(year=year, complete=True, source="city-server") for year in unpublished)
    with station.database.transaction() as session:  # as a pulled calendar is taken up (sync_replica)
        station.calendar = calendar.load(session)
    assert stored(station) == computed(station)
    assert stored(station) != before
    assert_the_workbench_lists_every_deadline(station, today)

    # Rows pulled from the city: a decision taken on another laptop, and a calendar day.
    fresh = intake.save(station, intake.validate(intake_form(employer_serial=5), today), at(today)).case_id
    sent_to_the_city(station)
    before = stored(station)
    pulled(station, change("case_file", fresh, 5, decided_on=today.isoformat(), status="accepted"))
    assert stored(station) == computed(station)
    assert stored(station) != before
    before = stored(station)
    holiday = {"day": next_working_days[1].isoformat(), "kind": "holiday", "source": "国务院"}
    pulled(station, change("calendar_day", uuid.uuid4(), 1, **holiday))
    assert stored(station) == computed(station)
    assert [row for row in stored(station) if row[0] == undecided] != [row for row in before if row[0] == undecided]
    assert_the_workbench_lists_every_deadline(station, today)


def test_a_pulled_change_that_moves_no_clock_leaves_the_deadlines_as_written(
    station: StationContext, today: date
) -> None:
    """Another laptop's edit of a case's facts moves none of its clocks: its deadline rows are not written again
    (a pull of many such edits computes no clocks); a pulled decision still rewrites them."""
    case_id = intake.save(station, intake.validate(intake_form(), today), at(today)).case_id
    # A later case's rows come after its: rows written again would have other ids.
    intake.save(station, intake.validate(intake_form(employer_serial=2), today), at(today))
    sent_to_the_city(station)

    def written() -> list[tuple]:
        with Session(station.database.engine) as session:
            return sorted(session.execute(select(CaseDeadline.id, CaseDeadline.due_on)).all())

    before = written()
    assert before
    pulled(station, change("case_file", case_id, 5, facts="补充事实：拖欠工资三个月"))
    assert written() == before
    pulled(station, change("case_file", case_id, 6, decided_on=today.isoformat(), status="accepted"))
    assert written() != before
    assert stored(station) == computed(station)


def test_pages_pulled_in_one_transaction_move_the_deadlines_each_page_would_have(
    station: StationContext, today: date
) -> None:
    """Pages that arrived together are written in one transaction, and the deadlines they move computed once at its
    end: a case new in the first page and edited in the second (its facts alone) has its deadlines, and so has a
    case decided in the first page and edited in the second."""
    decided = intake.save(station, intake.validate(intake_form(), today), at(today)).case_id
    template = intake.save(station, intake.validate(intake_form(employer_serial=2), today), at(today)).case_id
    sent_to_the_city(station)
    fields = case_fields(station, template)
    another_laptops = uuid.uuid4()
    fields |= {"number": "菏谐调字〔2026〕第9001号", "sequence": 9001}
    first = PullResponse(
        changes=[
            change("case_file", another_laptops, 1, **fields),
            change("case_file", decided, 5, decided_on=today.isoformat(), status="accepted"),
        ],
        cursor="e1.0.1",
        has_more=True,
    )
    edits = [change(table, row_id, 6, facts="补充事实：拖欠工资三个月") for table, row_id in (
        ("case_file", another_laptops), ("case_file", decided))]  # fmt: skip
    second = PullResponse(changes=edits, cursor="e1.0.2", has_more=False)

    sync_replica.StationReplica(station).apply_pages([first, second])

    assert stored(station) == computed(station)
    with station.database.transaction() as session:
        written = set(session.scalars(select(CaseDeadline.case_id)))
    assert {another_laptops, decided} <= written


def test_an_agreement_pulled_without_its_instalments_stops_no_sync(station: StationContext, today: date) -> None:
    """A city server before stop 46 sent the owner of a case it had assigned to another station that station's
    agreement, but not its instalments (they name the agreement, not the case): the page is written, the other
    clocks with it, and the agreement has no instalment to follow yet."""
    case_id = mediating(station, intake_form(2), on=None)
    model = mediating(station, intake_form(2, employer_serial=2), on=None)
    form = terms(station, model, today, [(today + timedelta(days=10), "7600")], amount_each="3800")
    made = agree(station, model, form, chinatime.now()).in_effect
    assert made is not None
    sent_to_the_city(station)
    elsewhere = row_fields(station, Agreement, made.id) | {"case_id": str(case_id)}

    pulled(
        station, change("agreement", uuid.uuid4(), 1, **elsewhere), change("case_file", case_id, 5, status="agreement")
    )

    assert stored(station) == computed(station)
    kinds = {kind for case, kind, *_ in stored(station) if case == case_id}
    assert kinds
    assert "performance" not in kinds


def test_a_case_whose_clock_runs_past_the_calendar_has_no_deadline_and_the_others_are_written(
    station: StationContext,
) -> None:
    """A case stored before the city held dates to 1900-2999 (received on the calendar's last day: its 15 days run
    past it): it gets no deadline, and every other case's is written as before."""
    odd = mediating(station, intake_form(1), on=None)
    kept = mediating(station, intake_form(1, employer_serial=2), on=None)
    with station.database.transaction() as session:
        session.get_one(Case, odd).received_on = date.max
        deadlines.refresh(session)
    written = {case for case, *_ in stored(station)}
    assert kept in written
    assert odd not in written
