"""Mediation sessions, minutes that only grow once signed, and extensions with both parties' consent."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction
from heze_station.domain.clocks import ClockKind, ClockState, mediation_end
from heze_station.domain.errors import IllegalTransition, InvalidInput, ValidationFailed
from heze_station.domain.mediation import MinuteKind
from heze_station.services import case_actions, case_queries, mediation
from heze_station.services.station import StationContext
from tests.factories import intake_form, register

from .agreement_steps import mediating, session_form


@pytest.fixture
def case_id(station: StationContext) -> uuid.UUID:
    return mediating(station, intake_form(1, received_on=chinatime.today() - timedelta(days=3)), None)


def test_session_without_the_formalities_is_refused_field_by_field(station: StationContext, case_id) -> None:
    with pytest.raises(ValidationFailed) as raised:
        mediation.record_session(
            station,
            case_id,
            session_form(
                identity_checked=False, rights_notified=False, place=" ", held_at=chinatime.now() + timedelta(days=2)
            ),
        )
    assert set(raised.value.by_field()) == {"identity_checked", "rights_notified", "place", "held_at"}
    with station.database.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM mediation_session")).scalar() == 0


def test_a_session_needs_a_case_in_mediation(station: StationContext) -> None:
    waiting = register(station, intake_form(1, employer_serial=7))
    with pytest.raises(IllegalTransition, match="start mediation first"):
        mediation.record_session(station, waiting, session_form())


def test_signed_minutes_only_take_corrections(station: StationContext, case_id) -> None:
    recorded = mediation.record_session(station, case_id, session_form())
    first = mediation.add_minute(station, recorded.id, MinuteKind.WORKER_STATEMENT, "欠薪3800元。", "工人0")
    statement = first.minutes[0]
    signed = mediation.sign_minutes(station, recorded.id)
    assert signed.signed_at is not None

    with pytest.raises(InvalidInput, match="signed and cannot change"):
        mediation.add_minute(station, recorded.id, MinuteKind.PROPOSAL, "再议")
    with pytest.raises(InvalidInput, match="Choose the entry"):
        mediation.add_minute(station, recorded.id, MinuteKind.CORRECTION, "应为3900元。")
    corrected = mediation.add_minute(
        station, recorded.id, MinuteKind.CORRECTION, "应为3900元。", "工人0", corrects_id=statement.id
    )
    assert [(m.number, m.kind, m.corrects_number) for m in corrected.minutes] == [
        (1, MinuteKind.WORKER_STATEMENT, None),
        (2, MinuteKind.CORRECTION, 1),
    ]
    assert corrected.minutes[0].text == "欠薪3800元。"  # the original stays as it was said
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="append-only"):
        session.execute(text("UPDATE minute_entry SET text = '改'"))
    kinds = [event.kind for event in case_queries.case_detail(station, case_id).timeline]
    assert kinds[-3:] == ["session_recorded", "minutes_signed", "minutes_corrected"]


def test_empty_minutes_cannot_be_signed(station: StationContext, case_id) -> None:
    recorded = mediation.record_session(station, case_id, session_form())
    with pytest.raises(InvalidInput, match="minutes are empty"):
        mediation.sign_minutes(station, recorded.id)


def test_extension_needs_both_consents_and_a_later_date(station: StationContext, case_id) -> None:
    received = chinatime.today() - timedelta(days=3)
    due = mediation_end(received, station.calendar)
    with pytest.raises(ValidationFailed) as raised:
        mediation.extend_mediation(station, case_id, due, "工人0同意", "")
    assert set(raised.value.by_field()) == {"employer_consent", "extended_to"}
    with pytest.raises(ValidationFailed, match="at most 30 days"):
        mediation.extend_mediation(station, case_id, due + timedelta(days=31), "工人0同意", "王经理同意")

    mediation.extend_mediation(station, case_id, due + timedelta(days=10), "工人0在笔录中签字同意", "王经理签字同意")
    (clock,) = [c for c in case_queries.case_detail(station, case_id).clocks if c.kind is ClockKind.MEDIATION]
    assert clock.due == due + timedelta(days=10)
    assert clock.label == "Mediation period (extended)"
    assert clock.state is ClockState.OK


def test_no_extension_once_mediation_ended(station: StationContext, case_id) -> None:
    case_actions.perform(station, case_id, CaseAction.RECORD_FAILURE, "分歧过大")
    with pytest.raises(IllegalTransition):
        mediation.extend_mediation(station, case_id, chinatime.today() + timedelta(days=20), "工人0同意", "王经理同意")
