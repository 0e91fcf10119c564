"""Issue 14 items 3-5 through the city server: the worker's details and agent, the applicant's signature of the oral
record and a service with its receipt reach the station's other laptop."""

from heze_station.documents.content import DocumentKind
from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction
from heze_station.domain.service import ServiceMethod
from heze_station.services import case_actions, case_queries, documents, oral_application, serving, sync
from heze_station.services.intake import AgentEntry
from heze_station.services.serving import ServiceForm
from heze_station.storage.models import CaseClaimant, ServiceRecord
from tests import samples
from tests.factories import intake_form, register, resident_id

from .conftest import Laptops


def test_details_signature_and_service_reach_the_other_laptop(laptops: Laptops) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    form = intake_form(1)
    form.workers[0].post = "钢筋工"
    form.workers[0].address = "曹县青菏街道12号"
    form.agent = AgentEntry(name="王律师", id_number=resident_id(77))
    case_id = register(front, form)
    person_id = case_queries.case_detail(front, case_id).claimants[0].person_id
    oral_application.sign(front, case_id, person_id, samples.signature_png("工人0"))
    case_actions.perform(front, case_id, CaseAction.REFUSE, "不属于调解范围。")
    documents.issue_document(front, case_id, DocumentKind.REFUSAL)
    found = serving.servable(front, case_id)
    serving.record_service(
        front,
        case_id,
        ServiceForm(
            document_id=found.documents[0].id,
            recipient=found.recipients[0],
            method=ServiceMethod.IN_PERSON,
            address=found.recipients[0].address,
            served_on=chinatime.today(),
        ),
    )
    assert sync.sync_now(front).rejected == 0
    sync.sync_now(court)

    assert case_queries.case_detail(court, case_id).application_unsigned == []
    with court.database.transaction() as session:
        claimant = session.query(CaseClaimant).filter_by(case_id=case_id).one()
        assert claimant.post == "钢筋工"
        assert claimant.agent_id is not None
        [record] = session.query(ServiceRecord).filter_by(case_id=case_id).all()
        assert (record.recipient, record.method) == ("工人0", ServiceMethod.IN_PERSON)
    kinds = [d.kind for d in documents.case_documents(court, case_id)]
    assert DocumentKind.SERVICE_RECEIPT in kinds
