"""Issue 14 item 4: serving a document (送达) on each party, recorded on the case with its own 送达回证: the address
served, and in person, through a family member or the agent, refused before witnesses, or by post."""

import dataclasses
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, CaseEvent
from heze_station.domain.errors import ValidationFailed
from heze_station.domain.service import ServiceMethod
from heze_station.services import case_actions, case_queries, documents, serving
from heze_station.services.serving import ServiceForm
from heze_station.services.station import StationContext
from tests.factories import intake_form, register

from .test_documents import pdftotext

HOME = "山东省菏泽市曹县青菏街道12号"


@pytest.fixture
def refused(station: StationContext) -> uuid.UUID:
    """A refused case whose written notice has been issued and now has to reach the parties."""
    form = intake_form(1)
    form.workers[0].address = HOME
    form.employer.address = ""  # not given at intake
    case_id = register(station, form)
    case_actions.perform(station, case_id, CaseAction.REFUSE, "该争议已由仲裁委员会受理。")
    documents.issue_document(station, case_id, DocumentKind.REFUSAL)
    return case_id


def form_for(station: StationContext, case_id: uuid.UUID, who: int, method: ServiceMethod, **fields) -> ServiceForm:
    found = serving.servable(station, case_id)
    recipient = found.recipients[who]
    return ServiceForm(
        document_id=found.documents[0].id,
        recipient=recipient,
        method=method,
        address=fields.pop("address", recipient.address),
        served_on=chinatime.today(),
        **fields,
    )


def flat(pdf: bytes, tmp_path: Path) -> str:
    return "".join(pdftotext(pdf, tmp_path).split())


def test_served_in_person_at_the_workers_address(station: StationContext, refused, tmp_path: Path) -> None:
    found = serving.servable(station, refused)
    assert [d.title for d in found.documents] == ["不予受理通知书"]
    assert [(r.name, r.address) for r in found.recipients][:1] == [("工人0", HOME)]
    receipt = serving.record_service(station, refused, form_for(station, refused, 0, ServiceMethod.IN_PERSON))
    text = flat(documents.pdf_of(station, receipt.id), tmp_path)
    assert "不予受理通知书" in text
    assert f"送达地址{HOME}" in text
    assert "送达方式直接送达" in text
    timeline = case_queries.case_detail(station, refused).timeline
    [served] = [event.detail for event in timeline if event.kind == CaseEvent.DOCUMENT_SERVED]
    today = chinatime.today()
    assert served == f"不予受理通知书 → 工人0，{today.year}年{today.month}月{today.day}日，直接送达，{HOME}"


def test_the_employer_gets_its_own_receipt_but_never_the_station_as_its_address(
    station: StationContext, refused, tmp_path: Path
) -> None:
    employer = serving.servable(station, refused).recipients[1]
    assert employer.address == ""  # none was given at intake
    before = documents.case_documents(station, refused)
    with pytest.raises(ValidationFailed) as failed:
        serving.record_service(station, refused, form_for(station, refused, 1, ServiceMethod.IN_PERSON))
    assert [(e.field, e.message.render()) for e in failed.value.errors] == [
        ("address", f"No address of service for {employer.name}: enter where the document was served.")
    ]
    assert documents.case_documents(station, refused) == before  # nothing kept
    form = form_for(station, refused, 1, ServiceMethod.IN_PERSON, address="菏泽市牡丹区中华路1号")
    receipt = serving.record_service(station, refused, form)
    text = flat(documents.pdf_of(station, receipt.id), tmp_path)
    assert f"受送达人{employer.name}" in text
    assert "送达地址菏泽市牡丹区中华路1号" in text
    assert f"送达地址{station.station_name}" not in text


def test_a_family_member_is_named_with_the_relation(station: StationContext, refused, tmp_path: Path) -> None:
    form = form_for(station, refused, 0, ServiceMethod.FAMILY_MEMBER, proxy_name="李秀英")
    with pytest.raises(ValidationFailed) as failed:
        serving.record_service(station, refused, form)
    assert [e.field for e in failed.value.errors] == ["proxy_relation"]
    form.proxy_relation = "妻子"
    receipt = serving.record_service(station, refused, form)
    text = flat(documents.pdf_of(station, receipt.id), tmp_path)
    assert "同住成年家属代收" in text
    assert "李秀英（受送达人的妻子，同住成年家属）" in text
    assert "代收人签名" in text  # she signs as the one who took it, not as the recipient
    assert "受送达人签名" not in text


def test_a_refusal_is_left_before_witnesses(station: StationContext, refused, tmp_path: Path) -> None:
    form = form_for(station, refused, 0, ServiceMethod.LEFT_AT_ADDRESS)
    with pytest.raises(ValidationFailed) as failed:
        serving.record_service(station, refused, form)
    assert [e.field for e in failed.value.errors] == ["witnesses"]
    form.witnesses = "赵村长，钱会计"
    receipt = serving.record_service(station, refused, form)
    text = flat(documents.pdf_of(station, receipt.id), tmp_path)
    assert "留置送达" in text
    assert "赵村长、钱会计" in text


def test_by_post_with_the_tracking_number(station: StationContext, refused, tmp_path: Path) -> None:
    form = form_for(station, refused, 0, ServiceMethod.POST)
    with pytest.raises(ValidationFailed) as failed:
        serving.record_service(station, refused, form)
    assert [e.field for e in failed.value.errors] == ["tracking_number"]
    form.tracking_number = "1151234567890"
    receipt = serving.record_service(station, refused, form)
    assert "邮寄送达（邮件号码：1151234567890）" in flat(documents.pdf_of(station, receipt.id), tmp_path)


def test_to_the_agent(station: StationContext, tmp_path: Path) -> None:
    form = intake_form(1)
    form.workers[0].address = HOME
    form.employer.address = ""  # not given at intake
    case_id = register(station, form)
    case_actions.perform(station, case_id, CaseAction.REFUSE, "不属于调解范围。")
    documents.issue_document(station, case_id, DocumentKind.REFUSAL)
    service = form_for(station, case_id, 0, ServiceMethod.AGENT, proxy_name="王律师")
    receipt = serving.record_service(station, case_id, service)
    text = flat(documents.pdf_of(station, receipt.id), tmp_path)
    assert "代理人代收" in text
    assert "王律师（受送达人的委托代理人）" in text


def test_only_a_served_document_of_this_case_and_its_own_party(station: StationContext, refused) -> None:
    form = form_for(station, refused, 0, ServiceMethod.IN_PERSON)
    form.document_id = uuid.uuid4()
    form.recipient = serving.Recipient("路人", HOME, person_id=uuid.uuid4())
    with pytest.raises(ValidationFailed) as failed:
        serving.record_service(station, refused, form)
    assert [e.field for e in failed.value.errors] == ["document", "recipient"]


def test_the_recipient_is_named_as_the_case_names_it_and_served_not_before_issue(
    station: StationContext, refused, tmp_path: Path
) -> None:
    form = form_for(station, refused, 0, ServiceMethod.IN_PERSON)
    form.recipient = dataclasses.replace(form.recipient, name="某某" * 200)  # a name the form cannot change
    receipt = serving.record_service(station, refused, form)
    assert "送达人" in flat(documents.pdf_of(station, receipt.id), tmp_path)
    [served] = [
        e.detail for e in case_queries.case_detail(station, refused).timeline if e.kind == CaseEvent.DOCUMENT_SERVED
    ]
    assert "工人0" in served
    assert "某某" not in served
    early = form_for(station, refused, 0, ServiceMethod.IN_PERSON)
    early.served_on = chinatime.today() - timedelta(days=1)
    with pytest.raises(ValidationFailed) as raised:
        serving.record_service(station, refused, early)
    assert "served_on" in raised.value.by_field()
