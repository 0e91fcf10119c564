"""Correcting a registered case (issue 15, 3): a field with a reason, workers joining and leaving, a case voided."""

import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from heze_station.domain import chinatime, periods
from heze_station.domain.accounts import StaffRole
from heze_station.domain.audit import AuditAction
from heze_station.domain.cases import CaseAction, CaseEvent, CaseStatus
from heze_station.domain.corrections import CorrectionField, Party, timeline_message
from heze_station.domain.errors import IllegalTransition, InvalidInput, ValidationFailed
from heze_station.domain.identifiers import Sex
from heze_station.services import agreements, audit, case_actions, case_corrections, case_queries, dashboard
from heze_station.services import statistics as station_statistics
from heze_station.services.access import NotPermitted
from heze_station.services.audit import AuditFilter
from heze_station.services.case_corrections import Correction
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage.models import CaseRespondent, OutboxOperation, Person
from tests.factories import intake_form, mobile, register, resident_id, worker
from tests.services.agreement_steps import agree, mediating, sign_everything, terms
from tests.stations import add_account, open_test_station

F = CorrectionField
RECEIVED = date(2026, 11, 20)


@pytest.fixture
def case_id(station: StationContext) -> uuid.UUID:
    return register(station, intake_form(2, received_on=RECEIVED))


def _worker(station: StationContext, case_id: uuid.UUID, row: int = 0) -> uuid.UUID:
    return case_queries.case_detail(station, case_id).claimants[row].person_id


def _last_event(station: StationContext, case_id: uuid.UUID) -> tuple[str, str]:
    event = case_queries.case_detail(station, case_id).timeline[-1]
    return event.kind, event.detail


def _in_words(station: StationContext, case_id: uuid.UUID) -> str:
    kind, detail = _last_event(station, case_id)
    message = timeline_message(kind, detail)
    assert message is not None
    return message.render()


def test_a_phone_corrected_with_a_reason_is_on_the_timeline_masked_and_in_the_audit_trail(
    station: StationContext, case_id: uuid.UUID
) -> None:
    person_id = _worker(station, case_id)
    detail = case_corrections.correct(
        station, case_id, Correction(Party.WORKER, F.PHONE, "138 0000 1234", "登记时听错一位", person_id)
    )
    assert detail.claimants[0].phone == "13800001234"
    text = _in_words(station, case_id)
    assert text == "工人0: Phone number corrected from “139****0000” to “138****1234”. Reason: 登记时听错一位"
    assert mobile(0) not in text
    assert "13800001234" not in _last_event(station, case_id)[1]
    entry = audit.entries(station, AuditFilter(action=AuditAction.CASE_CORRECTED))[0]
    assert entry.subject == detail.number
    assert entry.details == {"party": "worker", "field": "phone"}  # what, never the number
    # An ordinary synced change: the person's new phone and the timeline entry wait in the outbox.
    with station.database.transaction() as session:
        operations = session.scalars(select(OutboxOperation).where(OutboxOperation.row_id == person_id)).all()
    assert json.loads(operations[-1].fields)["phone"] == "13800001234"


def test_an_id_number_is_never_clear_on_the_timeline_and_the_sex_follows_it(
    station: StationContext, case_id: uuid.UUID
) -> None:
    new = resident_id(7, date(1990, 3, 8), male=False)
    case_corrections.correct(
        station, case_id, Correction(Party.WORKER, F.ID_NUMBER, new, "身份证号抄错", _worker(station, case_id))
    )
    _, detail = _last_event(station, case_id)
    assert new not in detail
    assert resident_id(0) not in detail
    claimant = case_queries.case_detail(station, case_id).claimants[0]
    assert (claimant.id_number, claimant.sex, claimant.birth_date) == (new, Sex.FEMALE, date(1990, 3, 8))


def test_an_id_number_on_file_for_somebody_else_is_refused(station: StationContext, case_id: uuid.UUID) -> None:
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.correct(
            station,
            case_id,
            Correction(Party.WORKER, F.ID_NUMBER, resident_id(1), "核对", _worker(station, case_id)),
        )
    assert refused.value.errors[0].field == "value"
    assert "工人1" in refused.value.errors[0].message.render()


def test_a_correction_needs_a_reason_and_a_change(station: StationContext, case_id: uuid.UUID) -> None:
    person_id = _worker(station, case_id)
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.correct(station, case_id, Correction(Party.WORKER, F.NAME, "工人零", " ", person_id))
    assert [error.field for error in refused.value.errors] == ["reason"]
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.correct(station, case_id, Correction(Party.WORKER, F.NAME, "工人0", "核对", person_id))
    assert [error.field for error in refused.value.errors] == ["value"]
    assert case_queries.case_detail(station, case_id).claimants[0].name == "工人0"


def test_a_claim_the_employer_and_the_facts_are_corrected_and_the_list_follows(
    station: StationContext, case_id: uuid.UUID
) -> None:
    detail = case_corrections.correct(
        station, case_id, Correction(Party.WORKER, F.CLAIMED, "4200", "工资表核对", _worker(station, case_id))
    )
    assert detail.claimed_total_fen == 420_000 + 380_000
    assert (
        _in_words(station, case_id)
        == "工人0: Amount claimed corrected from “¥3,800.00” to “¥4,200.00”. Reason: 工资表核对"
    )
    employer = _employer_id(station, case_id)
    case_corrections.correct(
        station, case_id, Correction(Party.EMPLOYER, F.NAME, "菏泽宏达建筑工程有限公司", "营业执照为准", employer)
    )
    case_corrections.correct(station, case_id, Correction(Party.CASE, F.FACTS, "2026年9月至10月务工。", "时间记错"))
    assert _in_words(station, case_id) == (
        "Facts and reasons corrected from “2026年8月至10月在工地务工，工资未结清。” to “2026年9月至10月务工。”. "
        "Reason: 时间记错"
    )
    detail = case_queries.case_detail(station, case_id)
    assert detail.respondents[0].name == "菏泽宏达建筑工程有限公司"
    assert detail.facts == "2026年9月至10月务工。"
    listed = case_queries.list_cases(station, CaseFilter(text="宏达建筑工程"))
    assert [row.id for row in listed] == [case_id]


def _employer_id(station: StationContext, case_id: uuid.UUID) -> uuid.UUID:
    with station.database.transaction() as session:
        return session.scalar(select(CaseRespondent.employer_id).where(CaseRespondent.case_id == case_id))


def test_the_account_the_agreement_will_pay_into_is_corrected_until_it_takes_effect(station: StationContext) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(1, received_on=today), None)
    person_id = _worker(station, case_id)
    case_corrections.correct(
        station, case_id, Correction(Party.WORKER, F.BANK, "农业银行菏泽分行", "开户行写错", person_id)
    )
    detail = case_corrections.correct(
        station, case_id, Correction(Party.WORKER, F.ACCOUNT_NUMBER, "6228 4800 0000 1234", "卡号抄错", person_id)
    )
    assert (detail.claimants[0].bank, detail.claimants[0].account_number) == ("农业银行菏泽分行", "6228480000001234")
    text = _in_words(station, case_id)
    assert "6228480000001234" not in text  # the timeline shows the last four digits only
    assert "1234" in text
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.correct(station, case_id, Correction(Party.WORKER, F.ACCOUNT_NUMBER, "12ab", "改", person_id))
    assert refused.value.errors[0].field == "value"

    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.correct(station, case_id, Correction(Party.WORKER, F.BANK, "工商银行", "换卡", person_id))
    assert "supersedes" in refused.value.errors[0].message.render()


def test_a_worker_joins_and_leaves_until_an_agreement_takes_effect(station: StationContext) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(1, received_on=today), None)
    detail = case_corrections.add_worker(station, case_id, worker(5, claimed="3800"), "同班组工友，登记时漏报")
    assert [claimant.name for claimant in detail.claimants] == ["工人0", "工人5"]
    assert detail.claimed_total_fen == 760_000
    assert _in_words(station, case_id) == "工人5 joined the case. Reason: 同班组工友，登记时漏报"
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.add_worker(station, case_id, worker(5), "重复")
    assert refused.value.errors[0].field == "id_number"

    detail = case_corrections.remove_worker(station, case_id, detail.claimants[1].person_id, "误加")
    assert [claimant.name for claimant in detail.claimants] == ["工人0"]
    assert detail.claimed_total_fen == 380_000
    with pytest.raises(InvalidInput, match="at least one worker"):
        case_corrections.remove_worker(station, case_id, detail.claimants[0].person_id, "误加")

    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    with pytest.raises(IllegalTransition, match="supersedes"):
        case_corrections.add_worker(station, case_id, worker(6), "后来才来")
    with pytest.raises(IllegalTransition, match="supersedes"):
        case_corrections.remove_worker(station, case_id, detail.claimants[0].person_id, "误加")
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.correct(
            station, case_id, Correction(Party.WORKER, F.CLAIMED, "5000", "多算", detail.claimants[0].person_id)
        )
    assert "supersedes" in refused.value.errors[0].message.render()
    # A typo in a phone still is one: corrected after the agreement too.
    case_corrections.correct(
        station, case_id, Correction(Party.WORKER, F.PHONE, "13800001234", "换号", detail.claimants[0].person_id)
    )


def test_a_worker_who_joins_later_keeps_the_account_given_and_a_wrong_one_is_refused(station: StationContext) -> None:
    case_id = mediating(station, intake_form(1, received_on=chinatime.today()), None)
    joining = worker(5, claimed="3800")
    joining.bank, joining.account_number = "农业银行菏泽分行", "6228 4800 0000 1234"
    detail = case_corrections.add_worker(station, case_id, joining, "登记时漏报")
    assert (detail.claimants[1].bank, detail.claimants[1].account_number) == ("农业银行菏泽分行", "6228480000001234")
    wrong = worker(6, claimed="3800")
    wrong.account_number = "62284800"
    with pytest.raises(ValidationFailed) as refused:
        case_corrections.add_worker(station, case_id, wrong, "登记时漏报")
    assert refused.value.errors[0].field == "account_number"


def test_a_draft_saved_before_a_worker_left_does_not_take_effect_until_saved_again(station: StationContext) -> None:
    today, now = chinatime.today(), chinatime.now()
    case_id = mediating(station, intake_form(2, received_on=today), None)
    form = terms(station, case_id, today, [(today, "7600")], amount_each="3800")
    draft = agreements.save_draft(station, case_id, form, now=now).draft
    assert draft is not None
    sign_everything(station, draft.id, case_id, now)
    case_corrections.remove_worker(station, case_id, _worker(station, case_id, 1), "误加")

    with pytest.raises(ValidationFailed) as refused:
        agreements.take_effect(station, draft.id, now=now)
    assert [error.message.render() for error in refused.value.errors] == [
        "工人1 has left the case but is still in this draft: edit the draft and save it again."
    ]
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), now)
    assert [share.person_id for share in agreements.case_agreements(station, case_id).in_effect.shares] == [
        _worker(station, case_id)
    ]


def test_a_collective_case_keeps_three_to_five_representatives(station: StationContext) -> None:
    case_id = register(station, intake_form(11, received_on=RECEIVED))
    with pytest.raises(InvalidInput, match="3 to 5 representatives"):
        case_corrections.remove_worker(station, case_id, _worker(station, case_id, 0), "误加")
    detail = case_corrections.remove_worker(station, case_id, _worker(station, case_id, 10), "误加")
    assert detail.is_collective
    detail = case_corrections.remove_worker(station, case_id, _worker(station, case_id, 9), "误加")
    assert not detail.is_collective  # nine workers: a case of individuals again, nobody represents the others
    assert not any(claimant.representative for claimant in detail.claimants)

    with pytest.raises(InvalidInput, match="3 to 5 representatives; 1 would be left"):
        case_corrections.add_worker(station, case_id, worker(20, representative=True), "后来才来")
    chosen = frozenset(claimant.person_id for claimant in detail.claimants[:2])
    detail = case_corrections.add_worker(
        station, case_id, worker(20, representative=True), "后来才来", representatives=chosen
    )  # the tenth worker makes the case collective: the workers elect three representatives, him among them
    assert detail.is_collective
    assert [claimant.name for claimant in detail.claimants if claimant.representative] == ["工人0", "工人1", "工人20"]


def test_the_administrator_voids_a_case_registered_by_mistake(
    station: StationContext, case_id: uuid.UUID, tmp_path: Path
) -> None:
    other = register(station, intake_form(1, employer_serial=2, received_on=RECEIVED))
    case_actions.perform(station, case_id, CaseAction.ACCEPT)
    detail = case_corrections.void_case(station, case_id, "同一投诉重复登记")
    assert detail.status is CaseStatus.VOIDED
    assert (detail.status_reason, detail.clocks, detail.actions) == ("同一投诉重复登记", [], [])
    assert _last_event(station, case_id) == (CaseEvent.CASE_VOIDED, "同一投诉重复登记")
    assert audit.entries(station, AuditFilter(action=AuditAction.CASE_VOIDED))[0].subject == detail.number
    # Still in the files, out of the workbench and of the figures, counted apart.
    assert case_id in {row.id for row in case_queries.list_cases(station, CaseFilter())}
    assert case_id not in {item.case_id for item in dashboard.dashboard(station).due}
    november = periods.month(2026, 11)
    values = {
        row.figure.key: row.value for table in station_statistics.report(station, november).tables for row in table.rows
    }
    assert (values["received"], values["voided"], values["accepted"]) == (1, 1, 0)
    assert station_statistics.cases_behind(station, november, "received") == {other}
    assert station_statistics.cases_behind(station, november, "voided") == {case_id}
    with pytest.raises(IllegalTransition, match="voided"):
        case_corrections.correct(station, case_id, Correction(Party.CASE, F.FACTS, "新事实", "补充"))
    with pytest.raises(IllegalTransition):
        case_actions.perform(station, case_id, CaseAction.START_MEDIATION)


def test_a_coordinator_may_correct_but_not_void(station: StationContext, case_id: uuid.UUID) -> None:
    add_account(station, "zhang", StaffRole.COORDINATOR)
    coordinator = open_test_station(station.data_dir, "zhang")
    try:
        case_corrections.correct(coordinator, case_id, Correction(Party.CASE, F.FACTS, "更正后的事实", "笔误"))
        with pytest.raises(NotPermitted, match="may not do this"):
            case_corrections.void_case(coordinator, case_id, "重复登记")
    finally:
        coordinator.close()
    assert case_queries.case_detail(station, case_id).status is CaseStatus.REGISTERED


def test_a_case_with_an_agreement_in_effect_is_not_voided(station: StationContext) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(1, received_on=today), None)
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    with pytest.raises(IllegalTransition, match="cannot be voided"):
        case_corrections.void_case(station, case_id, "误登")


def test_persons_are_shared_so_a_corrected_name_shows_in_every_case_of_the_worker(station: StationContext) -> None:
    first = register(station, intake_form(1, received_on=RECEIVED))
    second = register(station, intake_form(1, employer_serial=2, received_on=RECEIVED))
    case_corrections.correct(
        station, first, Correction(Party.WORKER, F.NAME, "王小二", "按身份证", _worker(station, first))
    )
    assert case_queries.case_detail(station, second).claimants[0].name == "王小二"
    with station.database.transaction() as session:
        assert session.scalar(select(Person.name).where(Person.id_number == resident_id(0))) == "王小二"
