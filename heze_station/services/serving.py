"""Serving documents on the parties (送达): record who received which document, where, when and how, and issue
the proof of service (送达回证) for it, one per recipient: the worker and the employer each get their own.

The address is the one the document was served at: the worker's address of service (else home address) or the
employer's registered address is offered, and a recipient with none on file must have one typed. The station's
own address is never put in its place.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents.content import DocumentKind
from ..domain import chinatime
from ..domain.cases import CaseEvent
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.service import ServiceMethod
from ..domain.text import ADDRESS_MAX, NAME_MAX, clean_line
from ..storage.models import Case, CaseClaimant, CaseRespondent, Employer, IssuedDocument, Person, ServiceRecord
from ..storage.types import utc_now
from . import timeline
from .access import CASEWORK, requires
from .case_queries import get_case
from .checks import Checker, past_date, required_choice
from .documents import TITLES, IssuedView, issue_content, served_documents, service_receipt
from .station import StationContext

TRACKING_MAX = 50
WITNESSES_MAX = 200


@dataclass(frozen=True)
class Recipient:
    """Someone a document of the case can be served on: a worker (person_id) or an employer (employer_id)."""

    name: str
    address: str  # on file; empty when none is known
    person_id: uuid.UUID | None = None
    employer_id: uuid.UUID | None = None
    agent: str = ""  # the worker's agent, who may take a document for the worker


@dataclass(frozen=True)
class ServableDocument:
    id: uuid.UUID
    title: str
    verification_code: str


@dataclass(frozen=True)
class Servable:
    documents: list[ServableDocument]
    recipients: list[Recipient]


@dataclass
class ServiceForm:
    document_id: uuid.UUID | None = None
    recipient: Recipient | None = None
    method: ServiceMethod | None = None
    address: str = ""
    served_on: date | None = None
    proxy_name: str = ""  # the family member or agent who took it
    proxy_relation: str = ""
    witnesses: str = ""  # names, separated by 、 or commas
    tracking_number: str = ""


def _recipients(session: Session, case: Case) -> list[Recipient]:
    workers = session.execute(
        select(CaseClaimant, Person)
        .join(Person, Person.id == CaseClaimant.person_id)
        .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
        .order_by(CaseClaimant.position)
    ).all()
    agents = {
        claimant.agent_id: session.get_one(Person, claimant.agent_id).name
        for claimant, _ in workers
        if claimant.agent_id is not None
    }
    employers = session.scalars(
        select(Employer)
        .join(CaseRespondent, CaseRespondent.employer_id == Employer.id)
        .where(CaseRespondent.case_id == case.id, CaseRespondent.deleted_at.is_(None))
        .order_by(CaseRespondent.position)
    ).all()
    return [
        *(
            Recipient(
                person.name,
                claimant.service_address or person.address,
                person_id=person.id,
                agent=agents.get(claimant.agent_id, ""),
            )
            for claimant, person in workers
        ),
        *(Recipient(employer.name, employer.address, employer_id=employer.id) for employer in employers),
    ]


@requires(CASEWORK)
def servable(context: StationContext, case_id: uuid.UUID) -> Servable:
    """What can be served on whom: the case's decisions, agreement and termination notices, and its parties."""
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        documents = [
            ServableDocument(row.id, TITLES[DocumentKind(row.kind)], row.verification_code)
            for row in reversed(served_documents(session, case))  # the latest first: usually the one to serve
        ]
        return Servable(documents, _recipients(session, case))


@requires(CASEWORK)
def record_service(
    context: StationContext, case_id: uuid.UUID, form: ServiceForm, *, now: datetime | None = None
) -> IssuedView:
    """Record that a document was served and issue its 送达回证; refused, naming each wrong field, with nothing kept."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        check = Checker()
        served = {row.id: row for row in served_documents(session, case)}
        document = served.get(form.document_id) if form.document_id else None
        if document is None:
            check.refuse("document", QT_TRANSLATE_NOOP("Domain", "Choose a document of this case to serve."))
        # The recipient as this case names it: only the choice comes from the form, never the name it shows.
        parties = {(r.person_id, r.employer_id): r for r in _recipients(session, case)}
        chosen = form.recipient
        recipient = parties.get((chosen.person_id, chosen.employer_id)) if chosen else None
        if recipient is None:
            check.refuse("recipient", QT_TRANSLATE_NOOP("Domain", "Choose a party of this case as the recipient."))
        method = check(ServiceMethod.IN_PERSON, required_choice, form.method, "method")
        served_on = check(today, past_date, form.served_on, "served_on", today)
        if document is not None and served_on < chinatime.local_date(document.issued_at):
            check.refuse("served_on", QT_TRANSLATE_NOOP("Domain", "A document cannot be served before it was issued."))
        address = check("", clean_line, form.address, field="address", max_length=ADDRESS_MAX)
        proxy_name = check("", clean_line, form.proxy_name, field="proxy_name", max_length=NAME_MAX)
        relation = check("", clean_line, form.proxy_relation, field="proxy_relation", max_length=NAME_MAX)
        witnesses = check("", clean_line, form.witnesses, field="witnesses", max_length=WITNESSES_MAX)
        tracking = check("", clean_line, form.tracking_number, field="tracking_number", max_length=TRACKING_MAX)
        check.done()
        assert document is not None
        assert recipient is not None
        record = ServiceRecord(
            case_id=case.id,
            document_id=document.id,
            recipient=recipient.name,
            person_id=recipient.person_id,
            employer_id=recipient.employer_id,
            address=address,
            method=method,
            # Only what the method uses is kept: a relation typed before switching to "in person" means nothing.
            proxy_name=proxy_name if method in (ServiceMethod.FAMILY_MEMBER, ServiceMethod.AGENT) else "",
            proxy_relation=relation if method is ServiceMethod.FAMILY_MEMBER else "",
            witnesses=_names(witnesses) if method is ServiceMethod.LEFT_AT_ADDRESS else "",
            tracking_number=tracking if method is ServiceMethod.POST else "",
            served_on=served_on,
            served_by_id=context.user_id,
        )
        # The receipt's own checks (an address, who took it, the witnesses, the tracking number) refuse before
        # anything is stored: the record and its receipt are kept together or not at all.
        issued = issue_content(session, context, case, service_receipt(session, context, case, record, document))
        session.add(record)
        timeline.add(session, context, case, CaseEvent.DOCUMENT_SERVED, _detail(record, document), at=now)
        return issued


def _names(text: str) -> str:
    for separator in ("，", ",", ";", "；", " "):
        text = text.replace(separator, "、")
    return "、".join(name for name in text.split("、") if name)


def _detail(record: ServiceRecord, document: IssuedDocument) -> str:
    """调解协议书 → 李秀兰，2026年6月8日，同住成年家属代收（张三，丈夫），山东省……: who, when, how and where."""
    how = record.method.wording
    extra = "，".join(
        part for part in (record.proxy_name, record.proxy_relation, record.witnesses, record.tracking_number) if part
    )
    if extra:
        how += f"（{extra}）"
    day = f"{record.served_on.year}年{record.served_on.month}月{record.served_on.day}日"
    return f"{TITLES[DocumentKind(document.kind)]} → {record.recipient}，{day}，{how}，{record.address}"
