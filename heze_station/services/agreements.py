"""Mediation agreements: draft the terms, collect the signatures and the seal, bring the agreement into effect.

A draft can be rewritten until it takes effect; rewriting it drops its signatures, because people signed the
old terms. Once in effect an agreement never changes (the database refuses it); a change is a new agreement
that supersedes it when it in turn takes effect.
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import chinatime
from ..domain.agreements import (
    MAX_ORIGINALS,
    ORIGINALS_TOO_FEW,
    TERMS_MAX,
    WORKER_SIDE,
    AgreementState,
    Instalment,
    PayerRole,
    PaymentMethod,
    Signer,
    SignerRole,
    SignerSlot,
    check_schedule,
    missing_for_effect,
    normalise_account_number,
    original_holders,
    signers_in_order,
    workers_changed_since_draft,
)
from ..domain.cases import CaseAction, CaseEvent, CaseStatus, Category
from ..domain.errors import IllegalTransition, NotFound, ValidationFailed, refusal
from ..domain.mediation import AttachmentKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import MAX_FEN, format_yuan, parse_yuan
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.performance import Performance, WorkerBalance, performance, worker_balances
from ..domain.text import NAME_MAX, clean_line, clean_text
from ..domain.workcalendar import WorkCalendar
from ..storage.models import (
    Agreement,
    AgreementInstalment,
    AgreementShare,
    AgreementSignature,
    ArbitralReview,
    Attachment,
    Case,
    CaseClaimant,
    CaseRespondent,
    Employer,
    Payment,
    Person,
    Project,
)
from ..storage.types import utc_now
from . import attachments, timeline
from .access import CASEWORK, requires
from .agreement_queries import agreement_in_state
from .case_actions import apply_action
from .case_queries import get_case
from .checks import Checker, past_date, required_choice
from .station import StationContext

SUBJECT_MAX = 100


@dataclass
class ShareEntry:
    """One worker's line of the agreement, as typed."""

    person_id: uuid.UUID
    amount: str = ""  # yuan
    bank: str = ""
    account_number: str = ""


@dataclass
class InstalmentEntry:
    due_on: date | None = None
    amount: str = ""  # yuan


@dataclass
class AgreementForm:
    agreed_on: date | None = None
    payer_role: PayerRole | None = None
    payment_method: PaymentMethod | None = None
    shares: list[ShareEntry] = field(default_factory=list)
    instalments: list[InstalmentEntry] = field(default_factory=list)
    waived_claims: str = ""
    default_clause: str = ""
    other_terms: str = ""
    originals: int | None = None  # None: one for each party and the mediation body
    # What the sum is for where the case's category does not say it (documents.disputes): an "other" dispute's
    # subject (未休年休假工资), and the part of a work-injury sum that is medical costs (yuan, as typed).
    subject: str = ""
    medical: str = ""


@dataclass(frozen=True)
class ShareView:
    person_id: uuid.UUID
    name: str
    amount_fen: int
    bank: str
    account_number: str


@dataclass(frozen=True)
class SignatureView:
    role: SignerRole
    name: str
    signed_for: str  # the worker's name when an agent signed for them
    signed_at: datetime
    image_id: uuid.UUID | None


@dataclass(frozen=True)
class PaymentView:
    paid_on: date
    amount_fen: int
    method: PaymentMethod
    reference: str
    receipt_id: uuid.UUID | None
    paid_to: str  # the worker of one part of a split payment; empty for a payment to all the workers at once


@dataclass(frozen=True)
class AgreementView:
    id: uuid.UUID
    state: AgreementState
    agreed_on: date
    payer_name: str
    payer_role: PayerRole
    payment_method: PaymentMethod
    total_fen: int
    shares: list[ShareView]
    instalments: list[Instalment]
    waived_claims: str
    default_clause: str
    other_terms: str
    originals: int
    subject: str
    medical_fen: int | None
    signatures: list[SignatureView]
    seal_applied_at: datetime | None
    effective_at: datetime | None
    employer_seal_needed: bool  # the employer is a company: its own seal is part of signing (R7)
    employer_sealed_at: datetime | None
    missing: list[Message]  # what it lacks before it can take effect; empty once in effect
    signers: list[SignerSlot]  # every signature it needs, in signing order, and who has signed (empty once in effect)
    performance: Performance | None  # for the agreement in effect
    payments: list[PaymentView]
    balances: list[WorkerBalance]  # each worker's standing, in the order of the shares (the agreement in effect)
    review_planned: bool
    review_applied_on: date | None
    review_returned_on: date | None


@dataclass(frozen=True)
class CaseAgreements:
    case_status: CaseStatus
    in_effect: AgreementView | None
    draft: AgreementView | None
    superseded: list[AgreementView]


def _payer(session: Session, case: Case, role: PayerRole) -> Employer:
    wanted = RespondentRole.GENERAL_CONTRACTOR if role is PayerRole.GENERAL_CONTRACTOR else RespondentRole.EMPLOYER
    respondent = session.scalar(
        select(CaseRespondent)
        .where(CaseRespondent.case_id == case.id, CaseRespondent.role == wanted, CaseRespondent.deleted_at.is_(None))
        .order_by(CaseRespondent.position)
    )
    if respondent is not None:
        return session.get_one(Employer, respondent.employer_id)
    project = session.get(Project, case.project_id) if case.project_id else None
    if role is PayerRole.GENERAL_CONTRACTOR and project is not None and project.general_contractor_id is not None:
        return session.get_one(Employer, project.general_contractor_id)
    raise refusal(
        "payer_role", QT_TRANSLATE_NOOP("Domain", "This case names no general contractor; choose the respondent.")
    )


def _claimants(session: Session, case: Case) -> dict[uuid.UUID, CaseClaimant]:
    rows = session.scalars(
        select(CaseClaimant)
        .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
        .options(selectinload(CaseClaimant.person))
        .order_by(CaseClaimant.position)
    )
    return {row.person_id: row for row in rows}


@dataclass(frozen=True)
class _Terms:
    agreed_on: date
    payer_role: PayerRole
    method: PaymentMethod
    shares: list[tuple[uuid.UUID, int, str, str]]  # worker, fen, bank, account number
    total: int
    instalments: list[Instalment]
    waived: str
    clause: str
    other: str
    subject: str
    medical_fen: int | None
    originals: int


def _check_terms(
    form: AgreementForm, claimants: dict[uuid.UUID, CaseClaimant], today: date, category: Category
) -> _Terms:
    check = Checker()
    agreed_on = check(today, past_date, form.agreed_on, "agreed_on", today)
    agreed_on_known = not check.errors
    payer_role = check(PayerRole.RESPONDENT, required_choice, form.payer_role, "payer_role")
    method = check(PaymentMethod.BANK_TRANSFER, required_choice, form.payment_method, "payment_method")
    amounts_known = True  # each amount read and each share a claimant's: the schedule's sum can be compared
    shares = []
    for index, entry in enumerate(form.shares):
        prefix = f"share.{index + 1}"
        if entry.person_id not in claimants:
            check.refuse(f"{prefix}.worker", QT_TRANSLATE_NOOP("Domain", "This worker is not a claimant of the case."))
            amounts_known = False
            continue
        amount = check(None, parse_yuan, entry.amount, field=f"{prefix}.amount")
        amounts_known &= amount is not None
        bank = account = ""
        if method is PaymentMethod.BANK_TRANSFER:
            bank = check("", clean_line, entry.bank, field=f"{prefix}.bank", max_length=NAME_MAX, required=True)
            account = check("", normalise_account_number, entry.account_number, field=f"{prefix}.account_number")
        shares.append((entry.person_id, amount or 0, bank, account))
    if not shares:
        check.refuse("shares", QT_TRANSLATE_NOOP("Domain", "Enter what each worker receives."))
    if len({person_id for person_id, *_ in shares}) != len(shares):
        check.refuse("shares", QT_TRANSLATE_NOOP("Domain", "A worker is listed twice."))
    total = sum(amount for _, amount, *_ in shares)
    if total > MAX_FEN:
        check.refuse(
            "shares",
            QT_TRANSLATE_NOOP("Domain", "The amount cannot be more than {maximum}."),
            maximum=format_yuan(MAX_FEN),
        )
    instalments = []
    for index, entry in enumerate(form.instalments):
        prefix = f"instalment.{index + 1}"
        if entry.due_on is None:
            check.refuse(prefix, QT_TRANSLATE_NOOP("Domain", "Please enter a date."))
        amount = check(None, parse_yuan, entry.amount, field=prefix)
        amounts_known &= amount is not None
        instalments.append(Instalment(entry.due_on or agreed_on, amount or 0))
    # The schedule is checked in the same round as the amounts, so that a coordinator fixes everything at once: its
    # dates once the agreement date and each due date are known, its sum once every amount is.
    if agreed_on_known and all(entry.due_on is not None for entry in form.instalments):
        check(None, check_schedule, agreed_on, total if amounts_known else None, instalments)
    waived = check("", clean_text, form.waived_claims, field="waived_claims", max_length=TERMS_MAX)
    clause = check("", clean_text, form.default_clause, field="default_clause", max_length=TERMS_MAX, required=True)
    other = check("", clean_text, form.other_terms, field="other_terms", max_length=TERMS_MAX)
    subject, medical = _check_subject(form, category, total, check)
    holders = len(original_holders(contractor_pays=payer_role is PayerRole.GENERAL_CONTRACTOR))
    originals = holders if form.originals is None else form.originals
    if not 1 <= originals <= MAX_ORIGINALS:
        check.refuse(
            "originals",
            QT_TRANSLATE_NOOP("Domain", "Between 1 and {maximum} originals."),
            maximum=MAX_ORIGINALS,
        )
    elif originals < holders:
        check.refuse("originals", ORIGINALS_TOO_FEW, count=holders)
    check.done()
    return _Terms(
        agreed_on, payer_role, method, shares, total, instalments, waived, clause, other, subject, medical, originals
    )


def _check_subject(form: AgreementForm, category: Category, total: int, check: Checker) -> tuple[str, int | None]:
    """An "other" dispute says what is paid; a work-injury sum gives its medical part (0 to the total). Other
    categories need neither: their wording comes with the category."""
    subject, medical = "", None
    if category is Category.OTHER:
        subject = check("", clean_line, form.subject, field="subject", max_length=SUBJECT_MAX, required=True)
    if category is Category.WORK_INJURY:
        medical = check(None, parse_yuan, form.medical, field="medical", allow_zero=True)
        if medical is not None and medical > total:
            check.refuse(
                "medical",
                QT_TRANSLATE_NOOP("Domain", "The medical costs cannot be more than the agreed total {total}."),
                total=format_yuan(total),
            )
    return subject, medical


@requires(CASEWORK)
def save_draft(
    context: StationContext, case_id: uuid.UUID, form: AgreementForm, *, now: datetime | None = None
) -> CaseAgreements:
    """Write the terms as a draft (replacing an earlier draft and its signatures), all checked first.

    While mediating, the draft becomes the case's agreement; once an agreement is in effect, a draft is the
    superseding agreement that will replace it.
    """
    now = now or utc_now()
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        in_effect = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
        if case.status is not CaseStatus.IN_MEDIATION and in_effect is None:
            raise IllegalTransition(
                Message(
                    QT_TRANSLATE_NOOP("Domain", 'This case is "{status}"; an agreement is made during mediation.'),
                    {"status": case.status},
                )
            )
        terms = _check_terms(form, _claimants(session, case), chinatime.local_date(now), case.category)
        payer = _payer(session, case, terms.payer_role)
        old_draft = agreement_in_state(session, case.id, AgreementState.DRAFT)
        if old_draft is not None:
            old_draft.deleted_at = now
        agreement = Agreement(
            case_id=case.id,
            supersedes_id=in_effect.id if in_effect else None,
            agreed_on=terms.agreed_on,
            payer_id=payer.id,
            payer_role=terms.payer_role,
            payment_method=terms.method,
            total_fen=terms.total,
            waived_claims=terms.waived,
            default_clause=terms.clause,
            other_terms=terms.other,
            subject=terms.subject,
            medical_fen=terms.medical_fen,
            originals=terms.originals,
            drafted_by_id=context.user_id,
        )
        session.add(agreement)
        session.flush()
        for position, (person_id, amount, bank, account) in enumerate(terms.shares):
            session.add(
                AgreementShare(
                    agreement_id=agreement.id,
                    person_id=person_id,
                    position=position,
                    amount_fen=amount,
                    bank=bank,
                    account_number=account,
                )
            )
        for position, instalment in enumerate(terms.instalments):
            session.add(
                AgreementInstalment(
                    agreement_id=agreement.id,
                    position=position,
                    due_on=instalment.due_on,
                    amount_fen=instalment.amount_fen,
                )
            )
        timeline.add(session, context, case, CaseEvent.AGREEMENT_DRAFTED, format_yuan(terms.total), at=now)
        return _case_agreements(session, case, context.calendar)


def _draft(session: Session, agreement_id: uuid.UUID) -> tuple[Agreement, Case]:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None or agreement.deleted_at is not None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This agreement no longer exists.")))
    if agreement.state is not AgreementState.DRAFT:
        raise IllegalTransition(
            Message(QT_TRANSLATE_NOOP("Domain", "This agreement is in effect and cannot change; draft a new one."))
        )
    return agreement, get_case(session, agreement.case_id)


@requires(CASEWORK)
def sign(
    context: StationContext,
    agreement_id: uuid.UUID,
    role: SignerRole,
    name: str = "",
    person_id: uuid.UUID | None = None,
    image: bytes | None = None,
    *,
    now: datetime | None = None,
) -> CaseAgreements:
    """Record one signature: a worker (or the agent or representative signing for one), the employer's handler,
    or a mediator. ``image`` is the signature drawn on the pad, kept as an attachment."""
    now = now or utc_now()
    with context.database.transaction() as session:
        agreement, case = _draft(session, agreement_id)
        claimants = _claimants(session, case)
        signed = session.scalars(
            select(AgreementSignature).where(AgreementSignature.agreement_id == agreement.id)
        ).all()
        if role in WORKER_SIDE:
            claimant = claimants.get(person_id) if person_id else None
            if claimant is None:
                raise refusal("worker", QT_TRANSLATE_NOOP("Domain", "Choose the worker this signature is for."))
            if role is SignerRole.REPRESENTATIVE and not claimant.is_representative:
                raise refusal(
                    "worker",
                    QT_TRANSLATE_NOOP("Domain", "{name} is not an elected representative."),
                    name=claimant.person.name,
                )
            if any(s.person_id == person_id and s.role in WORKER_SIDE for s in signed):
                raise refusal(
                    "worker", QT_TRANSLATE_NOOP("Domain", "{name} has already signed."), name=claimant.person.name
                )
            # The worker and a representative sign under their own name; an agent under the agent's.
            name = claimant.person.name if role is not SignerRole.AGENT else name
        else:
            person_id = None
        name = clean_line(name, field="name", max_length=NAME_MAX, required=True)
        if role not in WORKER_SIDE and any(s.role is role and s.name == name for s in signed):
            raise refusal("name", QT_TRANSLATE_NOOP("Domain", "{name} has already signed."), name=name)
        image_id = None
        if image is not None:
            image_id = attachments.add(
                session, context, case, AttachmentKind.SIGNATURE, f"{role.value}-{name}.png", image, agreement.id
            ).id
            session.flush()  # the attachment row first: the signature refers to it
        session.add(
            AgreementSignature(
                agreement_id=agreement.id,
                role=role,
                name=name,
                person_id=person_id,
                signed_at=now,
                image_id=image_id,
            )
        )
        timeline.add(session, context, case, CaseEvent.AGREEMENT_SIGNED, name, at=now)
        session.flush()
        return _case_agreements(session, case, context.calendar)


@requires(CASEWORK)
def apply_seal(context: StationContext, agreement_id: uuid.UUID, *, now: datetime | None = None) -> CaseAgreements:
    now = now or utc_now()
    with context.database.transaction() as session:
        agreement, case = _draft(session, agreement_id)
        if agreement.seal_applied_at is None:
            agreement.seal_applied_at = now
            timeline.add(session, context, case, CaseEvent.SEAL_APPLIED, at=now)
        return _case_agreements(session, case, context.calendar)


@requires(CASEWORK)
def record_employer_seal(
    context: StationContext, agreement_id: uuid.UUID, *, now: datetime | None = None
) -> CaseAgreements:
    """The employer's own seal is on the agreement (用人单位盖章): a company is bound by it, not by a signature."""
    now = now or utc_now()
    with context.database.transaction() as session:
        agreement, case = _draft(session, agreement_id)
        employer = _case_employer(session, case)
        if employer.kind is not EmployerKind.COMPANY:
            raise refusal(
                "employer_seal",
                QT_TRANSLATE_NOOP("Domain", "{name} is an individual employer: there is no seal, the employer signs."),
                name=employer.name,
            )
        if agreement.employer_sealed_at is None:
            agreement.employer_sealed_at = now
            timeline.add(session, context, case, CaseEvent.EMPLOYER_SEALED, employer.name, at=now)
        return _case_agreements(session, case, context.calendar)


def _case_employer(session: Session, case: Case) -> Employer:
    """The respondent who employed the workers (not the general contractor), whose seal the agreement needs."""
    return _payer(session, case, PayerRole.RESPONDENT)


@requires(CASEWORK)
def take_effect(context: StationContext, agreement_id: uuid.UUID, *, now: datetime | None = None) -> CaseAgreements:
    """R7: in effect once every party has signed and the seal is applied; refused, listing what is missing,
    before that. The first agreement ends the mediation; a later one supersedes the one in effect."""
    now = now or utc_now()
    with context.database.transaction() as session:
        agreement, case = _draft(session, agreement_id)
        missing = _missing(session, agreement, case)
        if missing:
            raise ValidationFailed([refusal("effect", message.text, **message.params) for message in missing])
        previous = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
        agreement.state = AgreementState.IN_EFFECT
        agreement.effective_at = now
        if previous is not None:
            previous.state = AgreementState.SUPERSEDED
            timeline.add(session, context, case, CaseEvent.AGREEMENT_SUPERSEDED, at=now)
        timeline.add(session, context, case, CaseEvent.AGREEMENT_IN_EFFECT, format_yuan(agreement.total_fen), at=now)
        if case.status is CaseStatus.IN_MEDIATION:
            apply_action(session, context, case, CaseAction.RECORD_AGREEMENT, "", now)
        session.flush()
        return _case_agreements(session, case, context.calendar)


@requires(CASEWORK)
def discard_draft(context: StationContext, agreement_id: uuid.UUID) -> CaseAgreements:
    with context.database.transaction() as session:
        agreement, case = _draft(session, agreement_id)
        agreement.deleted_at = utc_now()
        return _case_agreements(session, case, context.calendar)


@requires(CASEWORK)
def case_agreements(context: StationContext, case_id: uuid.UUID) -> CaseAgreements:
    with context.database.transaction() as session:
        return _case_agreements(session, get_case(session, case_id), context.calendar)


def _signed(session: Session, agreement: Agreement) -> list[Signer]:
    signatures = session.scalars(
        select(AgreementSignature).where(AgreementSignature.agreement_id == agreement.id)
    ).all()
    return [Signer(s.role, s.person_id, s.name) for s in signatures]


def _missing(session: Session, agreement: Agreement, case: Case) -> list[Message]:
    claimants = _claimants(session, case)
    worker_names = {person_id: row.person.name for person_id, row in claimants.items()}
    shared = {
        person_id: name
        for person_id, name in session.execute(
            select(Person.id, Person.name)
            .join(AgreementShare, AgreementShare.person_id == Person.id)
            .where(AgreementShare.agreement_id == agreement.id, AgreementShare.deleted_at.is_(None))
        )
    }
    return workers_changed_since_draft(shared, worker_names) + missing_for_effect(
        _signed(session, agreement),
        worker_names=worker_names,
        representative_ids=[person_id for person_id, row in claimants.items() if row.is_representative],
        is_collective=case.is_collective,
        seal_applied=agreement.seal_applied_at is not None,
        contractor_pays=agreement.payer_role is PayerRole.GENERAL_CONTRACTOR,
        employer_seal_missing=_employer_seal_needed(session, case) and agreement.employer_sealed_at is None,
    )


def _signers(session: Session, agreement: Agreement, case: Case) -> list[SignerSlot]:
    """Who signs, in order, with the names the file knows: a company signs through its legal representative
    (who may send another handler), a labour boss signs himself."""
    claimants = _claimants(session, case)
    contractor_pays = agreement.payer_role is PayerRole.GENERAL_CONTRACTOR
    return signers_in_order(
        _signed(session, agreement),
        worker_names={person_id: row.person.name for person_id, row in claimants.items()},
        representative_ids=[person_id for person_id, row in claimants.items() if row.is_representative],
        is_collective=case.is_collective,
        contractor_pays=contractor_pays,
        employer_handler=_handler(_case_employer(session, case)),
        contractor_handler=_handler(agreement.payer) if contractor_pays else "",
    )


def _handler(employer: Employer) -> str:
    return employer.legal_representative if employer.kind is EmployerKind.COMPANY else employer.name


def _employer_seal_needed(session: Session, case: Case) -> bool:
    return _case_employer(session, case).kind is EmployerKind.COMPANY


def _case_agreements(session: Session, case: Case, calendar: WorkCalendar) -> CaseAgreements:
    session.flush()
    rows = session.scalars(
        select(Agreement)
        .where(Agreement.case_id == case.id, Agreement.deleted_at.is_(None))
        .options(
            selectinload(Agreement.payer),
            selectinload(Agreement.shares).selectinload(AgreementShare.person),
            selectinload(Agreement.instalments),
            selectinload(Agreement.signatures),
        )
        .order_by(Agreement.created_at)
        .execution_options(populate_existing=True)
    ).all()
    views = [_view(session, row, case, calendar) for row in rows]
    by_state = {state: [view for view in views if view.state is state] for state in AgreementState}
    return CaseAgreements(
        case_status=case.status,
        in_effect=next(iter(by_state[AgreementState.IN_EFFECT]), None),
        draft=next(iter(by_state[AgreementState.DRAFT]), None),
        superseded=by_state[AgreementState.SUPERSEDED],
    )


def balances_of(shares: list[AgreementShare], payments: Sequence[Payment]) -> list[WorkerBalance]:
    paid_to: dict[uuid.UUID, int] = defaultdict(int)
    for payment in payments:
        if payment.person_id is not None:
            paid_to[payment.person_id] += payment.amount_fen
    unsplit = sum(payment.amount_fen for payment in payments if payment.person_id is None)
    return worker_balances([(share.person_id, share.amount_fen) for share in shares], paid_to, unsplit)


def _view(session: Session, agreement: Agreement, case: Case, calendar: WorkCalendar) -> AgreementView:
    in_effect = agreement.state is AgreementState.IN_EFFECT
    names = {share.person_id: share.person.name for share in agreement.shares}
    payments = (
        session.scalars(select(Payment).where(Payment.agreement_id == agreement.id).order_by(Payment.paid_on)).all()
        if in_effect
        else []
    )
    receipts = dict(
        session.execute(
            select(Attachment.owner_id, Attachment.id).where(
                Attachment.owner_id.in_([payment.id for payment in payments]),
                Attachment.kind == AttachmentKind.RECEIPT,
                Attachment.deleted_at.is_(None),
            )
        ).all()
    )
    review = session.scalar(select(ArbitralReview).where(ArbitralReview.agreement_id == agreement.id))
    return AgreementView(
        id=agreement.id,
        state=agreement.state,
        agreed_on=agreement.agreed_on,
        payer_name=agreement.payer.name,
        payer_role=agreement.payer_role,
        payment_method=agreement.payment_method,
        total_fen=agreement.total_fen,
        shares=[
            ShareView(s.person_id, s.person.name, s.amount_fen, s.bank, s.account_number) for s in agreement.shares
        ],
        instalments=[Instalment(i.due_on, i.amount_fen) for i in agreement.instalments],
        waived_claims=agreement.waived_claims,
        default_clause=agreement.default_clause,
        other_terms=agreement.other_terms,
        originals=agreement.originals,
        subject=agreement.subject,
        medical_fen=agreement.medical_fen,
        signatures=[
            SignatureView(
                s.role,
                s.name,
                names.get(s.person_id, "") if s.role is SignerRole.AGENT else "",
                s.signed_at,
                s.image_id,
            )
            for s in agreement.signatures
        ],
        seal_applied_at=agreement.seal_applied_at,
        effective_at=agreement.effective_at,
        employer_seal_needed=_employer_seal_needed(session, case),
        employer_sealed_at=agreement.employer_sealed_at,
        missing=[] if agreement.state is not AgreementState.DRAFT else _missing(session, agreement, case),
        signers=[] if agreement.state is not AgreementState.DRAFT else _signers(session, agreement, case),
        # From the schedule and payments already loaded here, not by querying them again.
        performance=performance(
            [Instalment(i.due_on, i.amount_fen) for i in agreement.instalments],
            [p.amount_fen for p in payments],
            chinatime.today(),
            calendar,
        )
        if in_effect
        else None,
        payments=[
            PaymentView(p.paid_on, p.amount_fen, p.method, p.reference, receipts.get(p.id), names.get(p.person_id, ""))
            for p in payments
        ],
        balances=balances_of(agreement.shares, payments) if in_effect else [],
        review_planned=review is not None,
        review_applied_on=review.applied_on if review else None,
        review_returned_on=review.returned_on if review else None,
    )
