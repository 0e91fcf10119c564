"""Issue 14 items 3 and 5: what the documents say about the parties (民族, 住址, 工种/岗位, the agent and the scope of
the special authorisation), the employer's own seal, who keeps the originals, and the oral application's
signature, from the coordinator's entries through to the printed text."""

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.agreements import PayerRole
from heze_station.domain.cases import CaseAction, CaseEvent, IntakeChannel
from heze_station.domain.errors import DomainError, InvalidInput, ValidationFailed
from heze_station.domain.parties import EmployerKind
from heze_station.services import agreements, case_actions, case_queries, documents, oral_application
from heze_station.services.intake import AgentEntry, EmployerEntry
from heze_station.services.station import StationContext
from heze_station.storage.models import Person
from tests import samples
from tests.factories import construction_form, intake_form, register, resident_id

from .agreement_steps import agree, mediating, terms
from .test_documents import pdftotext


def one_worker_with_details(channel: IntakeChannel = IntakeChannel.PHONE):
    form = intake_form(1)
    form.channel = channel
    worker = form.workers[0]
    worker.ethnicity = "回族"
    worker.address = "山东省菏泽市曹县青菏街道12号"
    worker.post = "钢筋工"
    worker.service_address = "菏泽市牡丹区长城路8号工棚"
    form.agent = AgentEntry(name="王律师", id_number=resident_id(77), phone="13900000077")
    return form


def flat(pdf: bytes, tmp_path: Path) -> str:
    return "".join(pdftotext(pdf, tmp_path).split())


def test_the_application_prints_the_workers_details_and_the_agents_special_authority(
    station: StationContext, tmp_path: Path
) -> None:
    case_id = register(station, one_worker_with_details(IntakeChannel.LETTER))
    issued = documents.issue_document(station, case_id, DocumentKind.APPLICATION)
    text = flat(documents.pdf_of(station, issued.id), tmp_path)
    for expected in (
        "回族",
        "住址：山东省菏泽市曹县青菏街道12号",
        "工种/岗位：钢筋工",
        "送达地址：菏泽市牡丹区长城路8号工棚",
        "委托代理人：王律师",
        "代理权限：特别授权，代为承认、放弃、变更请求，进行和解，签收法律文书。",
    ):
        assert expected in text


def test_an_agent_is_refused_for_a_collective_and_needs_an_id_number(station: StationContext) -> None:
    form = intake_form(10)
    form.agent = AgentEntry(name="王律师", id_number=resident_id(77))
    with pytest.raises(ValidationFailed) as refused:
        register(station, form)
    assert [error.field for error in refused.value.errors] == ["agent.name"]
    form = intake_form(1)
    form.agent = AgentEntry(name="王律师")
    with pytest.raises(ValidationFailed) as refused:
        register(station, form)
    assert [error.field for error in refused.value.errors] == ["agent.id_number"]


def test_the_agreement_waits_for_a_company_employers_seal_and_prints_who_keeps_the_originals(
    station: StationContext, tmp_path: Path
) -> None:
    today = chinatime.today()
    case_id = mediating(station, construction_form(2, received_on=today), None)
    form = terms(station, case_id, today, [(today, "7600")], amount_each="3800", payer=PayerRole.GENERAL_CONTRACTOR)
    form.originals = 3  # one short: the general contractor keeps one too
    with pytest.raises(ValidationFailed, match="at least 4"):
        agreements.save_draft(station, case_id, form)
    form.originals = None  # one per holder
    draft = agreements.save_draft(station, case_id, form).draft
    assert draft.originals == 4
    assert draft.employer_seal_needed
    assert "The employer's own seal has not been recorded." in [m.render() for m in draft.missing]
    sealed = agreements.record_employer_seal(station, draft.id).draft
    assert sealed.employer_sealed_at is not None
    assert "The employer's own seal has not been recorded." not in [m.render() for m in sealed.missing]
    kinds = [event.kind for event in case_queries.case_detail(station, case_id).timeline]
    assert CaseEvent.EMPLOYER_SEALED in kinds

    agreements.discard_draft(station, draft.id)
    agree(station, case_id, form, chinatime.now())
    issued = documents.issue_document(station, case_id, DocumentKind.AGREEMENT)
    text = flat(documents.pdf_of(station, issued.id), tmp_path)
    assert "本协议一式肆份，申请人、被申请人、施工总承包单位各执一份，调解组织存档壹份，具有同等效力。" in text
    assert "被申请人（盖章）：菏泽宏达建筑劳务有限公司1" in text


def test_a_labour_boss_signs_and_has_no_seal(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    form = intake_form(1, received_on=today)
    form.employer = EmployerEntry(kind=EmployerKind.NATURAL_PERSON, name="张包工", id_number=resident_id(88))
    case_id = mediating(station, form, None)
    draft = agreements.save_draft(
        station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800")
    ).draft
    assert not draft.employer_seal_needed
    with pytest.raises(InvalidInput, match="individual employer"):
        agreements.record_employer_seal(station, draft.id)
    agreements.discard_draft(station, draft.id)
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    issued = documents.issue_document(station, case_id, DocumentKind.AGREEMENT)
    text = flat(documents.pdf_of(station, issued.id), tmp_path)
    assert "盖章）：张包工" not in text
    assert "本协议一式叁份，申请人、被申请人各执一份，调解组织存档壹份" in text


def test_the_agreement_prints_the_agent_and_the_workers_post(station: StationContext, tmp_path: Path) -> None:
    today = chinatime.today()
    form = one_worker_with_details()
    form.received_on = today
    case_id = mediating(station, form, None)
    agree(station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now())
    issued = documents.issue_document(station, case_id, DocumentKind.AGREEMENT)
    text = flat(documents.pdf_of(station, issued.id), tmp_path)
    assert "工种/岗位：钢筋工" in text
    assert "委托代理人：王律师" in text
    assert "代理权限：特别授权" in text


def test_the_referral_names_the_agent_who_goes_on_to_arbitration(station: StationContext, tmp_path: Path) -> None:
    case_id = mediating(station, one_worker_with_details(), None)
    case_actions.perform(station, case_id, CaseAction.REFER_ARBITRATION, "调解期满未达成协议。")
    issued = documents.issue_document(station, case_id, DocumentKind.REFERRAL)
    text = flat(documents.pdf_of(station, issued.id), tmp_path)
    assert "委托代理人：王律师" in text
    assert "代理权限：特别授权" in text
    assert "参加仲裁须另行提交授权委托书" in text


def signature_png() -> bytes:
    return samples.signature_png("工人0")


def test_a_phone_application_waits_for_the_applicants_signature(station: StationContext, tmp_path: Path) -> None:
    case_id = register(station, one_worker_with_details(IntakeChannel.PHONE))
    detail = case_queries.case_detail(station, case_id)
    assert detail.application_unsigned == [detail.claimants[0].person_id]
    unsigned = documents.issue_document(station, case_id, DocumentKind.ORAL_APPLICATION)
    assert "年月日" in flat(documents.pdf_of(station, unsigned.id), tmp_path)  # the date is left for the pen

    oral_application.sign(station, case_id, detail.claimants[0].person_id, image=signature_png())
    detail = case_queries.case_detail(station, case_id)
    assert detail.application_unsigned == []
    assert [e.detail for e in detail.timeline if e.kind == CaseEvent.APPLICATION_SIGNED] == ["工人0"]
    signed = documents.issue_document(station, case_id, DocumentKind.ORAL_APPLICATION)
    today = chinatime.today()
    assert f"{today.year}年{today.month}月{today.day}日" in flat(documents.pdf_of(station, signed.id), tmp_path)
    with pytest.raises(InvalidInput, match="already signed"):
        oral_application.sign(station, case_id, detail.claimants[0].person_id, image=signature_png())


def test_a_paper_signature_is_kept_as_its_scan(station: StationContext, tmp_path: Path) -> None:
    case_id = register(station, intake_form(1))  # a visit: oral too
    person_id = case_queries.case_detail(station, case_id).claimants[0].person_id
    with pytest.raises(InvalidInput, match="pad, or attach the scan"):
        oral_application.sign(station, case_id, person_id)
    scan = tmp_path / "signed-record.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned record")
    oral_application.sign(station, case_id, person_id, scan=scan)
    assert case_queries.case_detail(station, case_id).application_unsigned == []


def test_a_written_application_is_not_signed_again(station: StationContext) -> None:
    form = intake_form(1)
    form.channel = IntakeChannel.LETTER
    case_id = register(station, form)
    detail = case_queries.case_detail(station, case_id)
    assert detail.application_unsigned == []
    with pytest.raises(DomainError, match="made in writing"):
        oral_application.sign(station, case_id, detail.claimants[0].person_id, image=signature_png())


def test_nothing_is_kept_for_an_unknown_applicant(station: StationContext) -> None:
    case_id = register(station, intake_form(1))
    with pytest.raises(InvalidInput, match="Choose the applicant"):
        oral_application.sign(station, case_id, uuid.uuid4(), image=signature_png())
    detail = case_queries.case_detail(station, case_id)
    assert detail.application_unsigned == [detail.claimants[0].person_id]


def test_worker_details_are_kept_on_file(station: StationContext) -> None:
    register(station, one_worker_with_details())
    form = intake_form(1, employer_serial=2, received_on=date(2026, 11, 21))  # the same worker, details left blank
    form.workers[0].address = ""
    case_id = register(station, form)
    with station.database.transaction() as session:
        person = session.get_one(Person, case_queries.case_detail(station, case_id).claimants[0].person_id)
        assert (person.ethnicity, person.address) == ("回族", "山东省菏泽市曹县青菏街道12号")


def test_the_employer_seal_of_an_agreement_in_effect_cannot_be_changed(station: StationContext) -> None:
    today = chinatime.today()
    case_id = mediating(station, intake_form(1, received_on=today), None)
    agreed = agree(
        station, case_id, terms(station, case_id, today, [(today, "3800")], amount_each="3800"), chinatime.now()
    )
    with station.database.transaction() as session, pytest.raises(IntegrityError, match="cannot be changed"):
        session.execute(
            text("UPDATE agreement SET employer_sealed_at = NULL WHERE id = :id"), {"id": agreed.in_effect.id.bytes}
        )
