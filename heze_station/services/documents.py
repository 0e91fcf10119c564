"""Issuing a case's documents: case data in, a signed PDF out, stored once and written to the timeline.

The builders (heze_station.documents) know the layouts; this module knows the case: it gathers the parties,
claims, agreement, signatures and seal into the builders' content, issues the document with the station's key,
keeps the signed bytes in the attachment store and a row in ``issued_document``, and records every print and
export. A document is never rebuilt for a reprint: the stored bytes are printed again.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..documents import content as doc
from ..documents import disputes
from ..documents.content import DocumentKind
from ..domain import chinatime
from ..domain.after_mediation import StepKind
from ..domain.agreements import AgreementState, PayerRole, SignerRole
from ..domain.audit import AuditAction
from ..domain.cases import CaseAction, CaseEvent, CaseStatus, Category
from ..domain.clocks import ended_before_mediation_days
from ..domain.errors import IllegalTransition, NotFound
from ..domain.ids import new_id
from ..domain.mediation import AttachmentKind, MinuteKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.performance import InstalmentState, PerformanceState
from ..domain.service import ServiceMethod
from ..storage import settings
from ..storage.models import (
    Agreement,
    AgreementInstalment,
    AgreementShare,
    AgreementSignature,
    Attachment,
    Case,
    CaseClaimant,
    CaseRespondent,
    Employer,
    Evidence,
    IssuedDocument,
    MediationSession,
    MinuteEntry,
    Payment,
    Person,
    Project,
    ServiceRecord,
    StaffUser,
    Station,
    TimelineEvent,
)
from . import audit, document_index, timeline
from .access import ADMINISTRATION, CASEWORK, DOCUMENT_FILES, EVERYONE, requires
from .after_mediation import court_name, live_witnesses
from .agreement_queries import agreement_in_state, performance_of
from .audit import Actor
from .case_queries import get_case
from .station import StationContext
from .step_queries import live_steps

if TYPE_CHECKING:
    from ..documents.issuing import Content
    from ..documents.verify import Verdict

SEAL_SETTING = "station_seal_sha256"
TITLES = {
    DocumentKind.APPLICATION: "调解申请书",
    DocumentKind.ORAL_APPLICATION: "口头申请笔录",
    DocumentKind.ACCEPTANCE: "受理通知书",
    DocumentKind.REFUSAL: "不予受理通知书",
    DocumentKind.MINUTES: "调解笔录",
    DocumentKind.AGREEMENT: "调解协议书",
    DocumentKind.SERVICE_RECEIPT: "送达回证",
    DocumentKind.TERMINATION: "终止调解通知书",
    DocumentKind.REFERRAL: "移送仲裁函",
    DocumentKind.PAYMENT_ORDER: "支付令申请书",
    DocumentKind.CONFIRMATION: "司法确认申请书",
}
# Documents handed to the parties against a proof of service (送达回证).
_SERVED_KINDS = (DocumentKind.ACCEPTANCE, DocumentKind.REFUSAL, DocumentKind.AGREEMENT, DocumentKind.TERMINATION)
_SIGNER_ROLES = {
    SignerRole.WORKER: doc.SignerRole.WORKER,
    SignerRole.AGENT: doc.SignerRole.AGENT,
    SignerRole.REPRESENTATIVE: doc.SignerRole.REPRESENTATIVE,
    SignerRole.EMPLOYER_HANDLER: doc.SignerRole.EMPLOYER,
    SignerRole.CONTRACTOR_HANDLER: doc.SignerRole.GENERAL_CONTRACTOR,
    SignerRole.MEDIATOR: doc.SignerRole.MEDIATOR,
}


@dataclass(frozen=True)
class IssuedView:
    id: uuid.UUID
    kind: DocumentKind
    title: str
    verification_code: str
    issued_at: datetime
    issued_by: str
    originals: int


# -- what a case can have printed -------------------------------------------------------------------------------


@requires(CASEWORK)
def issuable(context: StationContext, case_id: uuid.UUID) -> list[DocumentKind]:
    """The documents that fit the case as it stands (the GUI's print menu)."""
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        kinds = [DocumentKind.ORAL_APPLICATION if case.channel.is_oral else DocumentKind.APPLICATION]
        ended = {case.status, case.outcome}
        if case.decided_on is not None:
            kinds.append(DocumentKind.REFUSAL if CaseStatus.REFUSED in ended else DocumentKind.ACCEPTANCE)
        if _signed_session(session, case) is not None:
            kinds.append(DocumentKind.MINUTES)
        if agreement_in_state(session, case.id, AgreementState.IN_EFFECT) is not None:
            kinds.append(DocumentKind.AGREEMENT)
        if ended & {CaseStatus.MEDIATION_FAILED, CaseStatus.REFERRED_ARBITRATION} and case.mediation_started_on:
            kinds.append(DocumentKind.TERMINATION)
        if CaseStatus.REFERRED_ARBITRATION in ended:
            kinds.append(DocumentKind.REFERRAL)
        kinds += _court_applications(session, context, case)
        return kinds


# -- issuing ----------------------------------------------------------------------------------------------------


@requires(CASEWORK)
def issue_document(context: StationContext, case_id: uuid.UUID, kind: DocumentKind) -> IssuedView:
    """Build, sign, store and record one document; raises a DomainError naming what the case still lacks."""
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        return issue_content(session, context, case, _content(session, context, case, kind))


def issue_content(session: Session, context: StationContext, case: Case, content: "Content") -> IssuedView:
    """Sign and store one document of ``case`` in the caller's transaction, and put it on the timeline."""
    # Imported on first use: the PDF and signing libraries take most of a second to load, and the window (which
    # imports this module for the list of a case's documents) must not wait for them at start.
    from ..documents import signing
    from ..documents.issuing import issue

    key = signing.station_key(context.data_dir, context.station_name, context.signing_passphrase)
    issued = issue(content, key, context.user_id)
    context.blobs.put(issued.pdf)
    row = IssuedDocument(
        id=issued.document_id,
        case_id=case.id,
        kind=issued.kind.value,
        pdf_sha256=issued.pdf_sha256,
        content_sha256=issued.content_sha256,
        verification_code=issued.verification_code,
        issued_at=issued.issued_at,
        issued_by_id=context.user_id,
        originals=issued.originals,
    )
    session.add(row)
    document_index.write(context.data_dir, [(row.id, row.pdf_sha256)], append=True)
    detail = f"{TITLES[issued.kind]} {issued.verification_code}"
    timeline.add(session, context, case, CaseEvent.DOCUMENT_ISSUED, detail, at=issued.issued_at)
    audit.append(session, Actor.of(context), AuditAction.DOCUMENT_ISSUED, case.number, document=detail)
    session.flush()
    return _view(row, context.user_name)


@requires(CASEWORK)
def pdf_of(context: StationContext, document_id: uuid.UUID) -> bytes:
    """The stored, signed bytes of an issued document: what every reprint and export uses."""
    with context.database.transaction() as session:
        digest = _issued(session, document_id).pdf_sha256
    return context.blobs.get(digest)


@requires(CASEWORK)
def record_printed(context: StationContext, document_id: uuid.UUID, copies: int) -> None:
    _record(context, document_id, CaseEvent.DOCUMENT_PRINTED, f"× {copies}", AuditAction.DOCUMENT_PRINTED)


@requires(DOCUMENT_FILES)
def record_exported(context: StationContext, document_id: uuid.UUID, path: str) -> None:
    # The file's name (often a worker's) in the audit trail, which stays here; not on the timeline, which syncs.
    _record(context, document_id, CaseEvent.DOCUMENT_EXPORTED, "", AuditAction.EXPORTED, file=Path(path).name)


@requires(CASEWORK)
def case_documents(context: StationContext, case_id: uuid.UUID) -> list[IssuedView]:
    with context.database.transaction() as session:
        rows = session.execute(
            select(IssuedDocument, StaffUser.name)
            .join(StaffUser, StaffUser.id == IssuedDocument.issued_by_id)
            .where(IssuedDocument.case_id == get_case(session, case_id).id)
            .order_by(IssuedDocument.issued_at)
        ).all()
        return [_view(row, name) for row, name in rows]


@requires(ADMINISTRATION)
def set_station_seal(context: StationContext, image: Path) -> None:
    """The station administrator's seal image (a PNG with a transparent background), printed on the seal block."""
    from . import attachments

    _name, data = attachments.read_file(image)
    digest = context.blobs.put(data)
    with context.database.transaction() as session:
        settings.put(session, SEAL_SETTING, digest)
        audit.append(session, Actor.of(context), AuditAction.SEAL_SET, digest[:12])


@requires(EVERYONE)
def station_seal(context: StationContext) -> bytes | None:
    """The seal image the documents print (None before one is set), for the settings to show it."""
    with context.database.transaction() as session:
        digest = settings.get(session, SEAL_SETTING)
    return context.blobs.get(digest) if digest else None


# -- helpers ----------------------------------------------------------------------------------------------------


def _record(
    context: StationContext,
    document_id: uuid.UUID,
    event: CaseEvent,
    note: str,
    action: AuditAction,
    **audited: str,
) -> None:
    """A print or an export of an issued document: on the case's timeline and in the audit trail (with
    ``audited``, in the trail only)."""
    with context.database.transaction() as session:
        row = _issued(session, document_id)
        case = get_case(session, row.case_id)
        detail = " ".join(filter(None, (TITLES[DocumentKind(row.kind)], note)))
        timeline.add(session, context, case, event, detail)
        audit.append(session, Actor.of(context), action, case.number, document=detail, **audited)


def _issued(session: Session, document_id: uuid.UUID) -> IssuedDocument:
    row = session.get(IssuedDocument, document_id)
    if row is None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This document was not issued by this station.")))
    return row


def _view(row: IssuedDocument, issued_by: str) -> IssuedView:
    kind = DocumentKind(row.kind)
    return IssuedView(row.id, kind, TITLES[kind], row.verification_code, row.issued_at, issued_by, row.originals)


def _not_available(kind: DocumentKind) -> IllegalTransition:
    return IllegalTransition(
        Message(
            QT_TRANSLATE_NOOP("Domain", "A {document} cannot be issued for this case as it stands."),
            {"document": kind},
        )
    )


def _content(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    builders = {
        DocumentKind.APPLICATION: _application,
        DocumentKind.ORAL_APPLICATION: _application,
        DocumentKind.ACCEPTANCE: _decision,
        DocumentKind.REFUSAL: _decision,
        DocumentKind.MINUTES: _minutes,
        DocumentKind.AGREEMENT: _agreement,
        DocumentKind.TERMINATION: _termination,
        DocumentKind.REFERRAL: _referral,
        DocumentKind.SERVICE_RECEIPT: _recorded_service_only,
        DocumentKind.PAYMENT_ORDER: _court_application,
        DocumentKind.CONFIRMATION: _court_application,
    }
    return builders[kind](session, context, case, kind)


def _recorded_service_only(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    """A 送达回证 is made when a service is recorded (services.serving), one per recipient, never on its own."""
    raise _not_available(kind)


def _header(session: Session, context: StationContext, case: Case, dated: date | None = None) -> doc.Header:
    """``dated``: the date the document bears when it is not today's (an agreement bears the day it was made)."""
    station = session.get_one(Station, case.station_id)
    seal = settings.get(session, SEAL_SETTING)
    return doc.Header(
        document_id=new_id(),
        case_number=case.number,
        station=doc.Station(
            # The committee mediates; the station is its office (a station set up without one prints its own name).
            name=station.mediation_committee or station.name,
            address=station.address,
            seal_png=context.blobs.get(seal) if seal else None,
        ),
        issued_on=dated or chinatime.today(),
    )


def _person(person: Person, employer: str = "", claimant: CaseClaimant | None = None) -> doc.Person:
    """``claimant``: the worker's line on this case, with the post held and the address for documents."""
    return doc.Person(
        name=person.name,
        id_number=person.id_number or "",
        sex=person.sex,
        ethnicity=person.ethnicity,
        birth_date=person.birth_date,
        address=person.address,
        phone=person.phone,
        employer=employer,
        post=claimant.post if claimant else "",
        service_address=claimant.service_address if claimant else "",
    )


def _organisation(employer: Employer, agent: str = "") -> doc.Organisation:
    return doc.Organisation(
        name=employer.name,
        kind=employer.kind,
        credit_code=employer.credit_code or "",
        id_number=employer.id_number or "",
        address=employer.address,
        legal_representative=employer.legal_representative,
        agent=agent,
        phone=employer.phone,
    )


def _claimants(session: Session, case: Case) -> list[tuple[CaseClaimant, Person]]:
    return list(
        session.execute(
            select(CaseClaimant, Person)
            .join(Person, Person.id == CaseClaimant.person_id)
            .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
            .order_by(CaseClaimant.position)
        ).all()
    )


def _respondents(session: Session, case: Case) -> list[tuple[CaseRespondent, Employer]]:
    return list(
        session.execute(
            select(CaseRespondent, Employer)
            .join(Employer, Employer.id == CaseRespondent.employer_id)
            .where(CaseRespondent.case_id == case.id, CaseRespondent.deleted_at.is_(None))
            .order_by(CaseRespondent.position)
        ).all()
    )


def _employer(session: Session, case: Case) -> Employer:
    return next(e for r, e in _respondents(session, case) if r.role is RespondentRole.EMPLOYER)


def _speaking(session: Session, case: Case) -> list[tuple[CaseClaimant, Person]]:
    """The worker, or a collective's representatives, who speak for the workers on the documents."""
    claimants = _claimants(session, case)
    return [(c, p) for c, p in claimants if c.is_representative] if case.is_collective else claimants


def _applicants(session: Session, case: Case) -> list[doc.Person]:
    employer = _employer(session, case).name
    return [_person(person, employer, claimant) for claimant, person in _speaking(session, case)]


def _agent(session: Session, case: Case) -> tuple[doc.Person | None, str]:
    """The worker's specially authorised agent and the scope of the authorisation (individual cases: a collective
    speaks through its elected representatives)."""
    claimants = _claimants(session, case)
    if case.is_collective or not claimants or claimants[0][0].agent_id is None:
        return None, ""
    claimant = claimants[0][0]
    return _person(session.get_one(Person, claimant.agent_id)), claimant.agent_authority


def _dispute(session: Session, case: Case) -> str:
    return f"{_employer(session, case).name}{disputes.dispute(case.category)}争议"


def _claims(case: Case, subject: str = "") -> tuple[doc.Claim, ...]:
    """``subject``: what an "other" dispute asks to be paid, once its agreement names it."""
    return (doc.Claim(disputes.claim(case.category, subject), case.claimed_total_fen or None),)


def _rights(context: StationContext) -> doc.RightsNotice:
    return doc.RightsNotice(arbitration_body=context.arbitration_committee)


def _on_paper(role: doc.SignerRole, name: str) -> doc.Signer:
    return doc.Signer(role, name, on_paper=True)


def _application(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    speaking = _speaking(session, case)
    applicants = _applicants(session, case)
    role = doc.SignerRole.REPRESENTATIVE if case.is_collective else doc.SignerRole.WORKER
    # Taken when the case was received, by who registered it: not when or by whom it is printed.
    taker = session.get_one(StaffUser, case.registered_by_id).name
    oral = None
    if kind is DocumentKind.ORAL_APPLICATION:
        registered = case.registered_at
        oral = doc.OralRecord(
            # The moment it was registered, if that was the day it was received; else the day received only.
            recorded_at=registered if chinatime.local_date(registered) == case.received_on else case.received_on,
            place=context.station_name,
            receiver=taker,
            recorder=taker,
        )
        signers = tuple(_applicant_signer(session, context, role, claimant, p) for claimant, p in speaking)
    else:
        signers = tuple(doc.Signer(role, p.name, on_paper=True, thumbprint=True) for p in applicants)
    agent, authority = _agent(session, case)
    return doc.ApplicationContent(
        header=_header(session, context, case, case.received_on),
        applicants=tuple(applicants),
        respondents=tuple(_organisation(e) for _, e in _respondents(session, case)),
        claims=_claims(case),
        facts=case.facts,
        signers=signers,
        evidence=_evidence(session, case),
        workers_in_collective=case.worker_count if case.is_collective else 0,
        oral=oral,
        received_on=case.received_on,
        received_by=taker,
        agent=agent,
        agent_authority=authority,
    )


def _applicant_signer(
    session: Session, context: StationContext, role: doc.SignerRole, claimant: CaseClaimant, person: Person
) -> doc.Signer:
    """R1: the applicant signs the oral record. Until the signature is captured its line stays empty (for the pen);
    a signature drawn on the pad is printed; one on the paper record (kept as a scan) is dated."""
    if claimant.application_signature_id is None:
        return doc.Signer(role, person.name, on_paper=True, thumbprint=True)
    image = session.get_one(Attachment, claimant.application_signature_id)
    if image.kind is AttachmentKind.SIGNATURE:
        return doc.Signer(
            role, person.name, signature_png=context.blobs.get(image.sha256), signed_at=claimant.application_signed_at
        )
    return doc.Signer(role, person.name, on_paper=True, signed_at=claimant.application_signed_at)


def _evidence(session: Session, case: Case) -> tuple[doc.Evidence, ...]:
    descriptions = session.scalars(
        select(Evidence.description)
        .where(Evidence.case_id == case.id, Evidence.deleted_at.is_(None))
        .order_by(Evidence.position)
    ).all()
    return tuple(doc.Evidence(description, "申请人提供") for description in descriptions)


def _decision(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    applicants = _applicants(session, case)
    several = case.worker_count > 1  # addressed to the first applicant and the others, as one
    return doc.DecisionContent(
        header=_header(session, context, case),
        addressee=applicants[0].name + (f"等{case.worker_count}人" if several else ""),
        dispute=f"{'你们' if several else '你'}与{_dispute(session, case)}",
        received_on=case.received_on,
        accepted=kind is DocumentKind.ACCEPTANCE,
        rights=_rights(context),
        reasons=case.status_reason if kind is DocumentKind.REFUSAL else "",
        decided_on=case.decided_on,
    )


def _signed_session(session: Session, case: Case) -> MediationSession | None:
    return session.scalar(
        select(MediationSession)
        .where(MediationSession.case_id == case.id, MediationSession.signed_at.is_not(None))
        .order_by(MediationSession.held_at.desc())
    )


def _minutes(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    sitting = _signed_session(session, case)
    if sitting is None:
        raise _not_available(kind)
    entries = session.scalars(
        select(MinuteEntry).where(MinuteEntry.session_id == sitting.id).order_by(MinuteEntry.position)
    ).all()
    numbers = {entry.id: entry.position + 1 for entry in entries}
    lines = [
        doc.MinuteEntry(
            entry.speaker or "调解员",
            f"（更正第{numbers[entry.corrects_id]}条）{entry.text}" if entry.corrects_id else entry.text,
        )
        for entry in entries
    ]
    outcomes = [entry.text for entry in entries if entry.kind is MinuteKind.OUTCOME]
    mediators = _names(sitting.mediators)
    employer = _employer(session, case)
    return doc.MinutesContent(
        header=_header(session, context, case),
        started_at=sitting.held_at,
        ended_at=sitting.signed_at or sitting.held_at,
        place=sitting.place,
        mediators=mediators,
        recorder=sitting.recorder,
        attendees=(doc.Attendee("申请人", sitting.worker_side), doc.Attendee("被申请人", sitting.employer_side)),
        entries=tuple(lines),
        outcome=outcomes[-1] if outcomes else "",
        page_signers=(
            *(_on_paper(doc.SignerRole.WORKER, p.name) for p in _applicants(session, case)),
            _on_paper(doc.SignerRole.EMPLOYER, employer.name),
            *(_on_paper(doc.SignerRole.MEDIATOR, name) for name in mediators),
            _on_paper(doc.SignerRole.RECORDER, sitting.recorder),
        ),
        identity_checked=sitting.identity_checked,
        rights_notified=sitting.rights_notified,
    )


def _names(listed: str) -> tuple[str, ...]:
    """The names of a list typed with 、 or ，between them (a session's mediators)."""
    return tuple(name for name in listed.replace("，", "、").split("、") if name)


def _case_mediators(session: Session, context: StationContext, case: Case) -> tuple[str, ...]:
    """Who mediated the case, as its latest mediation session records them: a notice or letter that ends the
    mediation is signed by them, not by whoever prints it. A case that never had a session (referred because a
    party refused) is signed by the person handling it, who prints it."""
    listed = session.scalar(
        select(MediationSession.mediators)
        .where(MediationSession.case_id == case.id, MediationSession.deleted_at.is_(None))
        .order_by(MediationSession.held_at.desc())
        .limit(1)
    )
    return _names(listed or "") or (context.user_name,)


def _agreement(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    if agreement is None:
        raise IllegalTransition(
            Message(QT_TRANSLATE_NOOP("Domain", "The agreement can be printed once it is in effect."))
        )
    employer = _employer(session, case)
    rows = list(
        session.execute(
            select(AgreementShare.amount_fen, Person)
            .join(Person, Person.id == AgreementShare.person_id)
            .where(AgreementShare.agreement_id == agreement.id)
            .order_by(AgreementShare.position)
        ).all()
    )
    signatures = session.scalars(
        select(AgreementSignature)
        .where(AgreementSignature.agreement_id == agreement.id)
        .order_by(AgreementSignature.signed_at)
    ).all()
    handler = next((s.name for s in signatures if s.role is SignerRole.EMPLOYER_HANDLER), "")
    contractor = None
    if agreement.payer_role is PayerRole.GENERAL_CONTRACTOR:
        contractor = _organisation(session.get_one(Employer, agreement.payer_id))
    project = session.get(Project, case.project_id) if case.project_id else None
    representatives = [(c, p) for c, p in _claimants(session, case) if c.is_representative and case.is_collective]
    claimants = {p.id: c for c, p in _claimants(session, case)}
    agent, authority = _agent(session, case)
    instalments = session.scalars(
        select(AgreementInstalment)
        .where(AgreementInstalment.agreement_id == agreement.id)
        .order_by(AgreementInstalment.position)
    ).all()
    return doc.AgreementContent(
        header=_header(session, context, case, agreement.agreed_on),
        workers=tuple(
            doc.WorkerAmount(_person(person, employer.name, claimants.get(person.id)), amount)
            for amount, person in rows
        ),
        employer=_organisation(employer, handler),
        claims=_claims(case, agreement.subject),
        facts=case.facts,
        terms=tuple(line for line in agreement.other_terms.splitlines() if line.strip()),
        instalments=tuple(doc.Instalment(i.due_on, i.amount_fen) for i in instalments),
        payment_method=doc.PaymentMethod(agreement.payment_method.value),
        signers=tuple(_signer(session, context, s) for s in signatures),
        representatives=tuple(_person(p, employer.name, c) for c, p in representatives),
        agent=agent,
        agent_authority=authority,
        general_contractor=contractor,
        project=project.name if project else "",
        category=case.category,
        subject=agreement.subject,
        medical_fen=agreement.medical_fen,
        waived_claims=agreement.waived_claims,
        default_clause=agreement.default_clause,
        originals=agreement.originals,
        employer_sealed=agreement.employer_sealed_at is not None,
        **_replaced(session, agreement),
    )


def _replaced(session: Session, agreement: Agreement) -> dict[str, object]:
    """The agreement an amended one replaces: the day it was made, and what was paid under it (which stands)."""
    if agreement.supersedes_id is None:
        return {}
    paid = select(func.coalesce(func.sum(Payment.amount_fen), 0)).where(
        Payment.agreement_id == agreement.supersedes_id, Payment.deleted_at.is_(None)
    )
    return {
        "replaces_agreed_on": session.scalar(
            select(Agreement.agreed_on).where(Agreement.id == agreement.supersedes_id)
        ),
        "replaced_paid_fen": session.scalar(paid),
    }


def _signer(session: Session, context: StationContext, signature: AgreementSignature) -> doc.Signer:
    """A signature drawn on the pad is printed; one given on paper leaves its box for the pen."""
    role = _SIGNER_ROLES[signature.role]
    if signature.image_id is None:
        return _on_paper(role, signature.name)
    image = context.blobs.get(session.get_one(Attachment, signature.image_id).sha256)
    return doc.Signer(role, signature.name, signature_png=image, signed_at=signature.signed_at)


def _mediation_ended(session: Session, case: Case) -> tuple[date, str] | None:
    """The day mediation ended without an agreement, and why: the first step that ended it (a failure recorded,
    a withdrawal, a referral), as the timeline keeps it. The case's own end day and reason move on with a later
    step (a failed case referred to arbitration weeks later), which a notice printed then must not take for it."""
    first = session.execute(
        select(TimelineEvent.at, TimelineEvent.detail)
        .where(
            TimelineEvent.case_id == case.id,
            TimelineEvent.deleted_at.is_(None),
            TimelineEvent.kind.in_([action.value for action in _ENDING_MEDIATION]),
        )
        .order_by(TimelineEvent.at)
        .limit(1)
    ).first()
    return (chinatime.local_date(first.at), first.detail) if first else None


_ENDING_MEDIATION = (
    CaseAction.RECORD_FAILURE,
    CaseAction.WITHDRAW,
    CaseAction.REFER_ARBITRATION,
    CaseAction.REFER_INSPECTION,
    CaseAction.REFER_COURT,
)


def _termination(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    employer = _employer(session, case)
    applicants = _applicants(session, case)
    ended_on, reason = _mediation_ended(session, case) or (case.ended_on, case.status_reason)
    return doc.TerminationContent(
        header=_header(session, context, case),
        addressees=(*(p.name for p in applicants), employer.name),
        dispute=f"{applicants[0].name}与{_dispute(session, case)}",
        received_on=case.received_on,
        accepted_on=case.decided_on,
        ended_on=ended_on,
        reason=reason or case.status_reason,
        time_ran_out=not ended_before_mediation_days(case.received_on, ended_on, context.calendar),
        rights=_rights(context),
        signers=(
            *(_on_paper(doc.SignerRole.WORKER, p.name) for p in applicants),
            _on_paper(doc.SignerRole.EMPLOYER, employer.name),
            *(_on_paper(doc.SignerRole.MEDIATOR, name) for name in _case_mediators(session, context, case)),
        ),
    )


def _referral(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    reference = None
    if agreement is not None:
        performance = performance_of(session, agreement, chinatime.today(), context.calendar)
        if performance.state is PerformanceState.IN_DEFAULT:
            reference = doc.AgreementReference(
                case.number, agreement.agreed_on, agreement.total_fen, performance.outstanding_fen
            )
    ended = _mediation_ended(session, case)
    ended_on = ended[0] if ended else case.ended_on
    if reference is not None:
        reason = doc.ReferralReason.NOT_PERFORMED
    elif case.mediation_started_on is None:
        reason = doc.ReferralReason.REFUSED
    elif ended_before_mediation_days(case.received_on, ended_on, context.calendar):
        reason = doc.ReferralReason.FAILED
    else:
        reason = doc.ReferralReason.NO_AGREEMENT
    agent, authority = _agent(session, case)
    return doc.ReferralContent(
        header=_header(session, context, case),
        arbitration_body=context.arbitration_committee,
        applicants=tuple(_applicants(session, case)),
        respondents=tuple(_organisation(e) for _, e in _respondents(session, case)),
        claims=_claims(case),
        facts=case.facts,
        reason=reason,
        received_on=case.received_on,
        accepted_on=case.decided_on,
        ended_on=ended_on,
        agent=agent,
        agent_authority=authority,
        evidence=_evidence(session, case),
        witnesses=tuple(doc.Witness(w.name, w.address, w.testimony) for w in live_witnesses(session, case.id)),
        mediator=_on_paper(doc.SignerRole.MEDIATOR, _case_mediators(session, context, case)[0]),  # who handled it
        workers_in_collective=case.worker_count if case.is_collective else 0,
        agreement=reference,
        enclosures=_case_papers(session, case),
    )


# What a referral hands over with the case: the application, the minutes, the notice that ended mediation and the
# agreement, as they were issued (R11).
_REFERRED_KINDS = (
    DocumentKind.APPLICATION,
    DocumentKind.ORAL_APPLICATION,
    DocumentKind.MINUTES,
    DocumentKind.TERMINATION,
    DocumentKind.AGREEMENT,
)


def _case_papers(session: Session, case: Case) -> tuple[doc.ServedDocument, ...]:
    """The case's documents a referral encloses, each kind once (its latest issue), in the order of the case."""
    issued = session.scalars(
        select(IssuedDocument.kind)
        .where(IssuedDocument.case_id == case.id, IssuedDocument.kind.in_([kind.value for kind in _REFERRED_KINDS]))
        .distinct()
    ).all()
    return tuple(doc.ServedDocument(TITLES[kind], case.number) for kind in _REFERRED_KINDS if kind.value in set(issued))


@requires(CASEWORK)
def verify_presented(context: StationContext, path: Path) -> "Verdict":
    """Check a PDF someone presents (a worker's copy, a court's file, another station's document): the signature
    (of any laptop the city certified and had not revoked when it signed, or this one's own from before it
    enrolled), this station's record of the document, and that not a byte changed since it was issued."""
    from ..documents import verify
    from . import attachments, trust

    _name, pdf = attachments.read_file(path)
    return verify.verify(pdf, document_index.station_lookup(context.data_dir), trust.current(context))


def served_documents(session: Session, case: Case) -> list[IssuedDocument]:
    """The case's documents that are handed to the parties against a proof of service, oldest first."""
    return list(
        session.scalars(
            select(IssuedDocument)
            .where(IssuedDocument.case_id == case.id, IssuedDocument.kind.in_([k.value for k in _SERVED_KINDS]))
            .order_by(IssuedDocument.issued_at)
        )
    )


def service_receipt(
    session: Session, context: StationContext, case: Case, record: ServiceRecord, served: IssuedDocument
) -> doc.ServiceReceiptContent:
    """The 送达回证 of one service: the person who signs for it (the recipient, or the family member or agent who
    took it) and any witnesses sign the printed receipt; the server signs it too."""
    method = record.method
    by_proxy = method in (ServiceMethod.FAMILY_MEMBER, ServiceMethod.AGENT)
    signer_name = record.proxy_name if by_proxy else record.recipient
    witnesses = [name for name in record.witnesses.split("、") if name]
    return doc.ServiceReceiptContent(
        header=_header(session, context, case),
        documents=(doc.ServedDocument(TITLES[DocumentKind(served.kind)], case.number, 1),),
        recipient=record.recipient,
        address=record.address,
        method=method,
        server=_on_paper(doc.SignerRole.SERVER, context.user_name),
        recipient_signer=_on_paper(doc.SignerRole.RECIPIENT, signer_name) if method.recipient_signs else None,
        served_on=record.served_on,
        proxy_name=record.proxy_name,
        proxy_relation=record.proxy_relation,
        witnesses=tuple(_on_paper(doc.SignerRole.WITNESS, name) for name in witnesses),
        tracking_number=record.tracking_number,
    )


# -- applications to the court about the agreement (R8, R9) -------------------------------------------------------


def _court_applications(session: Session, context: StationContext, case: Case) -> list[DocumentKind]:
    """A payment order once the agreement is in default on a claim it serves (or the case went to court for one);
    judicial confirmation once the parties said they will apply."""
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    if agreement is None:
        return []
    kinds = []
    defaulted = (
        performance_of(session, agreement, chinatime.today(), context.calendar).state is PerformanceState.IN_DEFAULT
    )
    # Of a work-injury agreement only the medical costs can be ordered paid (LDMAL 16): none agreed, no order.
    orderable = case.category.allows_payment_order and (
        case.category is not Category.WORK_INJURY or bool(agreement.medical_fen)
    )
    if orderable and (defaulted or case.status is CaseStatus.REFERRED_COURT):
        kinds.append(DocumentKind.PAYMENT_ORDER)
    if any(step.kind is StepKind.JUDICIAL_CONFIRMATION for step in live_steps(session, case.id)):
        kinds.append(DocumentKind.CONFIRMATION)
    return kinds


def _court_application(session: Session, context: StationContext, case: Case, kind: DocumentKind) -> "Content":
    """The worker's application for a payment order against the payer, with the agreement and the proof of
    non-payment enclosed; or both parties' joint application for judicial confirmation of the agreement."""
    if kind not in _court_applications(session, context, case):
        raise _not_available(kind)
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    assert agreement is not None
    joint = kind is DocumentKind.CONFIRMATION
    performance = performance_of(session, agreement, chinatime.today(), context.calendar)
    missed = [i for i in performance.instalments if i.state is InstalmentState.IN_DEFAULT]
    unpaid = sum(i.outstanding_fen for i in missed)
    # [check] The agreement does not say which part of an unpaid instalment is medical costs: the order asks for
    # what is due and unpaid, up to the medical costs agreed.
    medical_only = case.category is Category.WORK_INJURY
    if medical_only:
        unpaid = min(unpaid, agreement.medical_fen or 0)
    applicants = _applicants(session, case)
    employer = _employer(session, case)
    # A joint application is made with the employer. A payment order goes against the employer, and also against
    # a general contractor the agreement makes pay first (R14): the employer still owes what it leaves unpaid.
    payer = session.get_one(Employer, agreement.payer_id)
    respondents = [employer] if joint or payer.id == employer.id else [employer, payer]
    role = doc.SignerRole.REPRESENTATIVE if case.is_collective else doc.SignerRole.WORKER
    signers = [doc.Signer(role, p.name, on_paper=True, thumbprint=True) for p in applicants]
    if joint:
        signers.append(_on_paper(doc.SignerRole.EMPLOYER, employer.name))
    header = _header(session, context, case)
    enclosures = [
        doc.ServedDocument(
            "调解协议书（附劳动者名单及各人金额）" if case.is_collective else "调解协议书", case.number, 1
        ),
        *([] if joint else [doc.ServedDocument("被申请人未按调解协议履行的说明及收款记录")]),
        doc.ServedDocument("申请人身份证明", copies=len(applicants)),
        # The workers' election of their representatives (R3): the representatives apply for all of them.
        *([doc.ServedDocument("劳动者推举代表的推举书")] if case.is_collective else []),
        *(
            doc.ServedDocument(
                ("用人单位" if joint else "被申请人" + (party.name if len(respondents) > 1 else ""))
                + ("营业执照复印件" if party.kind is not EmployerKind.NATURAL_PERSON else "身份证明")
            )
            for party in respondents
        ),
    ]
    return doc.CourtApplicationContent(
        header=header,
        court=court_name(session),
        applicants=tuple(applicants),
        respondents=tuple(_organisation(party) for party in respondents),
        agreement=doc.AgreementReference(
            case.number,
            agreement.agreed_on,
            agreement.total_fen,
            0 if joint else unpaid,
        ),
        mediation_body=header.station.name,
        signers=tuple(signers),
        enclosures=tuple(enclosures),
        joint=joint,
        missed=() if joint else tuple(doc.Instalment(i.due_on, i.outstanding_fen) for i in missed),
        workers_in_collective=case.worker_count if case.is_collective else 0,
        medical_only=medical_only and not joint,
    )
