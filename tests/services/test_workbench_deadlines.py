"""The workbench lists the stored deadlines (services.deadlines) with each one's state for today from its due date,
computing no case's clocks: on every day, it lists exactly what the clocks of every open case say, labels and days
left included, for the clocks whose label the case's other rows decide and for a limitation a suspension stops."""

import uuid
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update

from heze_station.domain.after_mediation import StepDate, StepKind
from heze_station.domain.cases import CaseAction, Category
from heze_station.domain.clocks import ClockKind, ClockState
from heze_station.services import after_mediation, case_actions, deadlines, mediation
from heze_station.services.dashboard import dashboard
from heze_station.services.limitation import LimitationForm, record_limitation
from heze_station.services.station import StationContext
from heze_station.storage.models import CaseDeadline
from tests.factories import at, intake_form
from tests.stations import open_test_station

from .agreement_steps import mediating, period_end
from .test_stored_deadlines import assert_the_workbench_lists_every_deadline


def referred_to_arbitration(station: StationContext, serial: int, today: date) -> uuid.UUID:
    """A dismissal case whose mediation ran out, at arbitration since yesterday: the limitation runs again, a full
    year, from the referral."""
    received = today - timedelta(days=20)
    form = replace(intake_form(employer_serial=serial, received_on=received), category=Category.TERMINATION)
    case_id = mediating(station, form, received)
    record_limitation(station, case_id, LimitationForm(knew_on=received - timedelta(days=60)))
    referred = at(received + timedelta(days=16))
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。", now=referred)
    after_mediation.record_step(station, case_id, StepKind.ARBITRATION, StepDate.STARTED, today - timedelta(days=1))
    return case_id


def test_the_workbench_from_stored_due_dates_lists_every_case_s_clocks(station: StationContext, today: date) -> None:
    # An extended mediation period: its label and due date are the extension's.
    extended = mediating(station, intake_form(employer_serial=1, received_on=today - timedelta(days=12)), None)
    mediation.extend_mediation(station, extended, today + timedelta(days=10), "工人同意", "公司同意")
    # Arbitration with an extended award period, and the limitation running again after the referral.
    arbitration = referred_to_arbitration(station, 2, today)
    after_mediation.record_step(station, arbitration, StepKind.ARBITRATION, StepDate.ACCEPTED, today)
    after_mediation.record_step(station, arbitration, StepKind.ARBITRATION, StepDate.EXTENDED, today)
    # A limitation running again that a suspension (force majeure), still open, stopped yesterday.
    suspended = referred_to_arbitration(station, 3, today)
    knew_on = today - timedelta(days=80)
    stopped = LimitationForm(knew_on=knew_on, suspended_from=today - timedelta(days=1), suspension_reason="暴雪封路")
    record_limitation(station, suspended, stopped)

    board = dashboard(station, period_end(station, today, 60) - timedelta(days=2))
    (award,) = [item.clock for item in board.due if item.clock.kind is ClockKind.ARBITRATION_AWARD]
    assert (award.label, award.state) == ("Arbitral award (45 + 15 days)", ClockState.URGENT)
    year_on = dashboard(station, today + timedelta(days=356)).due
    (running_again,) = [item for item in year_on if item.clock.kind is ClockKind.LIMITATION]
    assert running_again.case_id == arbitration
    assert running_again.clock.label == "Limitation for arbitration (running again)"
    assert running_again.clock.state is ClockState.WARNING
    assert_the_workbench_lists_every_deadline(station, today)


def test_an_opening_fills_an_empty_table_only_for_cases_with_clocks(
    tmp_path: Path, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A station without cases opens without computing any clocks; one whose table a migration emptied gets its
    deadlines back (labels included) as it opens."""
    folder = tmp_path / "data"
    open_test_station(folder).close()
    refreshed = []
    monkeypatch.setattr(deadlines, "refresh", lambda session, case_ids=None: refreshed.append(case_ids))
    open_test_station(folder).close()
    assert refreshed == []
    monkeypatch.undo()

    station = open_test_station(folder)
    mediating(station, intake_form(received_on=today - timedelta(days=12)), None)
    with station.database.transaction() as session:  # as migration 0025 leaves it
        session.execute(delete(CaseDeadline))
    listed = dashboard(station, today).due
    station.close()
    station = open_test_station(folder)
    try:
        assert dashboard(station, today).due != listed == []
        assert {item.clock.label for item in dashboard(station, today).due} == {"Mediation period (15 days)"}
    finally:
        station.close()


def test_deadlines_stored_before_periods_ended_on_working_days_are_written_again(tmp_path: Path, today: date) -> None:
    """Migration 0034: a station whose stored deadlines an earlier program wrote (a window ending on a holiday, not
    the working day after it) opens with them written again by the present clocks."""
    folder = tmp_path / "data"
    station = open_test_station(folder)
    mediating(station, intake_form(received_on=today - timedelta(days=12)), None)
    with station.database.transaction() as session:  # as the earlier program left the file
        session.execute(update(CaseDeadline).values(due_on=date(2026, 10, 1)))
        session.execute(text("UPDATE alembic_version SET version_num = '0033'"))
    station.close()
    station = open_test_station(folder)
    try:
        with station.database.transaction() as session:
            assert date(2026, 10, 1) not in set(session.scalars(select(CaseDeadline.due_on)))
        assert_the_workbench_lists_every_deadline(station, today)
    finally:
        station.close()
