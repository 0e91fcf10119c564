"""Wage-arrears clues at the station (issue 16, 4; scenario 5): each step recorded, each refusal said."""

import uuid
from datetime import date, datetime

import pytest

from heze_station.domain import chinatime
from heze_station.domain.clocks import ClockState
from heze_station.domain.clues import ClueStep
from heze_station.domain.errors import IllegalTransition, ValidationFailed
from heze_station.services import clues
from heze_station.services.clues import StepForm
from heze_station.services.station import StationContext
from heze_station.storage.models import WageClue
from tests.factories import intake_form, register

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, tzinfo=chinatime.CHINA_TZ)


def forwarded(station: StationContext, ref: str, due_on: date | None = date(2026, 11, 25)) -> uuid.UUID:
    """A clue as the city's sync brings it (the city writes these rows; the station never does)."""
    with station.database.transaction() as session:
        clue = WageClue(
            platform_ref=ref,
            received_at=NOW,
            due_on=due_on,
            worker_name="王五",
            worker_phone="13905301234",
            employer_name="菏泽宏达建筑劳务有限公司",
            project_name="幸福里三期",
            amount_fen=1_250_000,
            summary="2026年8月至10月工资未发。",
        )
        session.add(clue)
        session.flush()
        return clue.id


def step(station: StationContext, clue_id: uuid.UUID, wanted: ClueStep, on: date = TODAY, **extra: object):
    return clues.record_step(station, clue_id, StepForm(wanted, on, **extra), now=NOW)


def test_a_clue_is_verified_the_employer_contacted_the_wages_paid_and_the_worker_called_back(
    station: StationContext,
) -> None:
    clue_id = forwarded(station, "GZQX-2026-0001")
    [row] = clues.list_clues(station, today=TODAY)
    assert (row.step, row.clock.state, row.clock.days_left) == (ClueStep.RECEIVED, ClockState.WARNING, 5)
    step(station, clue_id, ClueStep.VERIFYING, date(2026, 11, 18))
    step(station, clue_id, ClueStep.EMPLOYER_CONTACTED, date(2026, 11, 19), note="项目经理承诺月底前结清")
    row = step(station, clue_id, ClueStep.SETTLED, recovered="12,500", workers_paid=3)
    assert (row.recovered_fen, row.workers_paid, row.closed_on, row.clock) == (1_250_000, 3, TODAY, None)
    assert row.verified_on == date(2026, 11, 18)
    row = clues.record_callback(station, clue_id, TODAY, "工人确认已收到工资。", now=NOW)
    assert row.called_back_on == TODAY
    assert clues.list_clues(station, today=TODAY)[0].callback_note == "工人确认已收到工资。"


def test_open_clues_come_first_by_the_citys_deadline(station: StationContext) -> None:
    later = forwarded(station, "B", date(2026, 12, 10))
    overdue = forwarded(station, "C", date(2026, 11, 19))
    closed = forwarded(station, "A", date(2026, 11, 1))
    step(station, closed, ClueStep.UNSUBSTANTIATED, note="经核实，工资已于10月发放。")
    rows = clues.list_clues(station, today=TODAY)
    assert [row.id for row in rows] == [overdue, later, closed]
    assert rows[0].clock.state is ClockState.OVERDUE


@pytest.mark.parametrize(
    ("wanted", "extra", "field"),
    [
        (ClueStep.SETTLED, {"recovered": "12500", "workers_paid": 0}, "workers_paid"),
        (ClueStep.SETTLED, {"recovered": "", "workers_paid": 2}, "recovered"),
        (ClueStep.UNSUBSTANTIATED, {"note": "  "}, "note"),
        (ClueStep.TO_INSPECTION, {}, "note"),
        (ClueStep.CASE_OPENED, {"case_id": uuid.uuid4()}, "case"),
    ],
)
def test_an_outcome_without_what_it_needs_is_refused_at_its_field(
    station: StationContext, wanted: ClueStep, extra: dict, field: str
) -> None:
    clue_id = forwarded(station, "GZQX-1")
    step(station, clue_id, ClueStep.VERIFYING)
    step(station, clue_id, ClueStep.EMPLOYER_CONTACTED)
    with pytest.raises(ValidationFailed) as refused:
        step(station, clue_id, wanted, **extra)
    assert field in refused.value.by_field()
    assert clues.list_clues(station, today=TODAY)[0].step is ClueStep.EMPLOYER_CONTACTED  # nothing changed


def test_steps_follow_their_order_and_dates_are_not_in_the_future(station: StationContext) -> None:
    clue_id = forwarded(station, "GZQX-2")
    with pytest.raises(IllegalTransition):
        step(station, clue_id, ClueStep.SETTLED, recovered="100", workers_paid=1)  # not before the employer is heard
    with pytest.raises(ValidationFailed) as refused:
        step(station, clue_id, ClueStep.VERIFYING, date(2026, 11, 21))
    assert "on" in refused.value.by_field()
    with pytest.raises(IllegalTransition):
        clues.record_callback(station, clue_id, TODAY, "还没有结果", now=NOW)


def test_a_clue_turned_into_a_case_names_the_case(station: StationContext) -> None:
    clue_id = forwarded(station, "GZQX-3")
    case_id = register(station, intake_form(1, received_on=TODAY), TODAY)
    row = step(station, clue_id, ClueStep.CASE_OPENED, case_id=case_id)
    assert row.case_id == case_id
    assert row.case_number.startswith("菏谐调字")
    assert row.step.is_closed
