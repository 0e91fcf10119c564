"""Correcting a registered case: one field of a party, a claim or the facts; a worker added or removed; a case
registered by mistake voided.

Each is one transaction with its timeline entry (old and new value, personal data masked: domain.corrections) and
its audit entry (who corrected what field of which case, never a value). The rows change like any other edit, so
the outbox carries them to the city as ordinary changes. What an agreement in effect locks is set out in
domain.corrections.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.agreements import normalise_account_number
from ..domain.audit import AuditAction
from ..domain.cases import (
    COLLECTIVE_MIN_WORKERS,
    OPEN_STATUSES,
    REPRESENTATIVES_MAX,
    REPRESENTATIVES_MIN,
    CaseEvent,
    CaseStatus,
    parse_claim,
)
from ..domain.corrections import (
    FIELDS,
    CorrectionField,
    Party,
    correction_detail,
    shown,
    worker_detail,
)
from ..domain.errors import IllegalTransition, InvalidInput, NotFound, ValidationFailed, refusal
from ..domain.identifiers import normalise_mobile, normalise_phone, parse_credit_code, parse_resident_id
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import format_yuan
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.text import ADDRESS_MAX, FACTS_MAX, REASON_MAX, clean_line, clean_name, clean_text
from ..storage.models import Case, CaseClaimant, CaseRespondent, Employer, Person
from ..storage.types import utc_now
from . import audit, timeline
from .access import ADMINISTRATION, CASEWORK, requires
from .agreement_queries import agreement_took_effect
from .case_queries import CaseDetail, get_case, load_detail
from .checks import Checker
from .intake import (
    AUTHORITY_MAX,
    BANK_MAX,
    ETHNICITY_MAX,
    POST_MAX,
    CheckedWorker,
    WorkerEntry,
    check_bank_account,
    check_details,
    new_claimant,
    refresh_cases_of,
    refresh_listing,
    upsert_person,
)
from .station import StationContext

# A voided case was registered by mistake; it may be voided until an agreement binds the parties or the case was
# passed on to another body (which then holds it).
VOIDABLE = OPEN_STATUSES | {CaseStatus.REFUSED, CaseStatus.WITHDRAWN, CaseStatus.MEDIATION_FAILED}


@dataclass(frozen=True)
class Correction:
    """One field of one party set to ``value`` (as typed), because of ``reason``.

    ``subject_id``: the worker's or agent's person, or the respondent's employer; None for the case itself.
    """

    party: Party
    field: CorrectionField
    value: str
    reason: str
    subject_id: uuid.UUID | None = None


def _reason(text: str) -> str:
    return clean_text(text, field="reason", max_length=REASON_MAX, required=True)


def _refuse_voided(case: Case) -> None:
    if case.status is CaseStatus.VOIDED:
        raise IllegalTransition(
            Message(QT_TRANSLATE_NOOP("Domain", "This case was voided; it is kept as it was and is not corrected."))
        )


_SUPERSEDE = QT_TRANSLATE_NOOP(
    "Domain",
    "An agreement has taken effect on this case: the workers and their claims are fixed. "
    'Change them with a new agreement that supersedes it ("Agreement and payments" tab).',
)


def _refuse_after_agreement(session: Session, case: Case, field: str | None = None) -> None:
    """Refused beside ``field``, or for the whole form or page without one."""
    if agreement_took_effect(session, case.id):
        raise refusal(field, _SUPERSEDE) if field else IllegalTransition(Message(_SUPERSEDE))


def _claimants(session: Session, case_id: uuid.UUID) -> list[CaseClaimant]:
    return list(
        session.scalars(
            select(CaseClaimant)
            .where(CaseClaimant.case_id == case_id, CaseClaimant.deleted_at.is_(None))
            .order_by(CaseClaimant.position)
        )
    )


def _claimant(session: Session, case_id: uuid.UUID, person_id: uuid.UUID | None) -> CaseClaimant:
    for claimant in _claimants(session, case_id):
        if claimant.person_id == person_id:
            return claimant
    raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This worker is no longer on the case.")))


def _respondent(session: Session, case_id: uuid.UUID, employer_id: uuid.UUID | None) -> Employer:
    employer = session.scalar(
        select(Employer)
        .join(CaseRespondent, CaseRespondent.employer_id == Employer.id)
        .where(
            CaseRespondent.case_id == case_id,
            CaseRespondent.employer_id == employer_id,
            CaseRespondent.deleted_at.is_(None),
        )
    )
    if employer is None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This respondent is no longer on the case.")))
    return employer


def _agent_claimants(session: Session, case_id: uuid.UUID, agent_id: uuid.UUID | None) -> list[CaseClaimant]:
    named = [claimant for claimant in _claimants(session, case_id) if agent_id and claimant.agent_id == agent_id]
    if not named:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This agent is no longer named on the case.")))
    return named


def _resident_id(session: Session, person: Person, text: str, today: date) -> str:
    """A person's corrected ID number; one already on file for somebody else is a typo in one of the two."""
    resident = parse_resident_id(text, field="value", today=today)
    other = session.scalar(
        select(Person.name).where(
            Person.id_number == resident.number, Person.id != person.id, Person.deleted_at.is_(None)
        )
    )
    if other is not None:
        raise refusal(
            "value",
            QT_TRANSLATE_NOOP("Domain", "This ID number is on file as {name}. Check the name or the ID number."),
            name=other,
        )
    person.sex, person.birth_date = resident.sex, resident.birth_date
    return resident.number


def _correct_person(session: Session, person: Person, field: CorrectionField, value: str, today: date) -> str:
    """Set one field of a worker or agent; returns what it was."""
    match field:
        case CorrectionField.NAME:
            new = clean_name(value, field="value", required=True)
        case CorrectionField.ID_NUMBER:
            new = _resident_id(session, person, value, today)
        case CorrectionField.PHONE:
            new = normalise_mobile(value, field="value")
        case CorrectionField.ETHNICITY:
            new = clean_line(value, field="value", max_length=ETHNICITY_MAX)
        case _:
            new = clean_line(value, field="value", max_length=ADDRESS_MAX)
    old = getattr(person, field.value) or ""
    setattr(person, field.value, new)
    return old


def _correct_employer(employer: Employer, field: CorrectionField, value: str, today: date) -> str:
    match field:
        case CorrectionField.NAME:
            new = clean_name(value, field="value", max_length=100, required=True)
        case CorrectionField.CREDIT_CODE:
            if employer.kind is not EmployerKind.COMPANY:
                raise refusal("field", QT_TRANSLATE_NOOP("Domain", "Only a company has a credit code."))
            new = parse_credit_code(value, field="value")
        case CorrectionField.ID_NUMBER:
            if employer.kind is not EmployerKind.NATURAL_PERSON:
                raise refusal("field", QT_TRANSLATE_NOOP("Domain", "Only a labour boss has an ID number."))
            new = parse_resident_id(value, field="value", today=today).number
        case CorrectionField.PHONE:
            new = normalise_phone(value, field="value")
        case CorrectionField.LEGAL_REPRESENTATIVE:
            new = clean_name(value, field="value")
        case _:
            new = clean_line(value, field="value", max_length=ADDRESS_MAX)
    old = getattr(employer, field.value) or ""
    setattr(employer, field.value, new)
    return old


def _correct_claimant(
    session: Session, case: Case, claimant: CaseClaimant, field: CorrectionField, value: str
) -> tuple[str, str]:
    """What the case says of the worker (the claim, the post, the address for service, the account the agreement
    will pay into): old and new, as words."""
    if field.locked_by_agreement:
        _refuse_after_agreement(session, case, "value")
    if field is CorrectionField.CLAIMED:
        old_fen = claimant.claimed_fen
        claimant.claimed_fen = parse_claim(value, case.category, field="value")
        case.claimed_total_fen = sum(each.claimed_fen for each in _claimants(session, case.id))
        return format_yuan(old_fen), format_yuan(claimant.claimed_fen)
    old = getattr(claimant, field.value)
    if field is CorrectionField.ACCOUNT_NUMBER:  # optional, as at intake: an empty value takes it off
        new = normalise_account_number(value, field="value") if value.strip() else ""
    else:
        maximum = {CorrectionField.POST: POST_MAX, CorrectionField.BANK: BANK_MAX}.get(field, ADDRESS_MAX)
        new = clean_line(value, field="value", max_length=maximum)
    setattr(claimant, field.value, new)
    return old, new


# What the case says of a worker, rather than the worker's own record (shared by every case naming them).
_CLAIMANT_FIELDS = (
    CorrectionField.POST,
    CorrectionField.SERVICE_ADDRESS,
    CorrectionField.CLAIMED,
    CorrectionField.BANK,
    CorrectionField.ACCOUNT_NUMBER,
)


@dataclass
class _Applied:
    """What one correction changed: whose record, its old and new value, and whose search entries to refresh."""

    who: str
    old: str
    new: str
    persons: tuple[uuid.UUID, ...] = ()
    employers: tuple[uuid.UUID, ...] = ()


def _apply(session: Session, case: Case, correction: Correction, today: date) -> _Applied:
    """Set the field; the case's own facts when the party is the case."""
    field, value = correction.field, correction.value
    match correction.party:
        case Party.WORKER:
            claimant = _claimant(session, case.id, correction.subject_id)
            person = session.get_one(Person, claimant.person_id)
            if field in _CLAIMANT_FIELDS:
                return _Applied(person.name, *_correct_claimant(session, case, claimant, field, value))
            return _person_corrected(session, person, field, value, today)
        case Party.AGENT:
            named = _agent_claimants(session, case.id, correction.subject_id)
            person = session.get_one(Person, named[0].agent_id)
            if field is CorrectionField.AUTHORITY:
                old = named[0].agent_authority
                for claimant in named:  # one letter of authority, printed for each worker it covers
                    claimant.agent_authority = clean_line(value, field="value", max_length=AUTHORITY_MAX)
                return _Applied(person.name, old, named[0].agent_authority)
            return _person_corrected(session, person, field, value, today)
        case Party.EMPLOYER:
            employer = _respondent(session, case.id, correction.subject_id)
            who = employer.name
            old = _correct_employer(employer, field, value, today)
            return _Applied(who, old, getattr(employer, field.value) or "", employers=(employer.id,))
    old = case.facts
    case.facts = clean_text(value, field="value", max_length=FACTS_MAX, required=True)
    return _Applied("", old, case.facts)


def _person_corrected(session: Session, person: Person, field: CorrectionField, value: str, today: date) -> _Applied:
    who = person.name
    old = _correct_person(session, person, field, value, today)
    return _Applied(who, old, getattr(person, field.value) or "", persons=(person.id,))


@requires(CASEWORK)
def correct(
    context: StationContext, case_id: uuid.UUID, correction: Correction, *, now: datetime | None = None
) -> CaseDetail:
    """Correct one field (see domain.corrections for what may be and when); refused with the field's message
    (``value``, ``reason`` or ``field``) and nothing changed when it may not."""
    now = now or utc_now()
    field = correction.field
    if field not in FIELDS[correction.party]:
        raise refusal("field", QT_TRANSLATE_NOOP("Domain", "This cannot be corrected here."))
    check = Checker()
    reason = check("", _reason, correction.reason)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        _refuse_voided(case)
        applied = check(None, _apply, session, case, correction, chinatime.local_date(now))
        if applied is not None and applied.old == applied.new:
            check.refuse("value", QT_TRANSLATE_NOOP("Domain", "This is what the case already says."))
        check.done()  # the transaction rolls back whatever a refused correction had set
        assert applied is not None
        detail = correction_detail(applied.who, field, shown(field, applied.old), shown(field, applied.new), reason)
        timeline.add(session, context, case, CaseEvent.CASE_CORRECTED, detail, at=now)
        actor = audit.Actor.of(context)
        audit.append(session, actor, AuditAction.CASE_CORRECTED, case.number, party=correction.party, field=field)
        refresh_listing(session, case)
        refresh_cases_of(session, list(applied.persons), list(applied.employers))
        return load_detail(session, context, case)


def _check_representatives(claimants: list[CaseClaimant], case: Case, field: str) -> None:
    """R3 after a worker joined or left: a collective case keeps 3-5 representatives; a smaller one has none."""
    collective = len(claimants) >= COLLECTIVE_MIN_WORKERS
    representatives = sum(claimant.is_representative for claimant in claimants)
    if collective and not REPRESENTATIVES_MIN <= representatives <= REPRESENTATIVES_MAX:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP(
                "Domain",
                "A collective case (10 or more workers) elects 3 to 5 representatives; {count} would be left.",
            ),
            count=representatives,
        )
    if not collective:
        for claimant in claimants:
            claimant.is_representative = False  # the case is no longer collective: nobody represents the others
    case.is_collective = collective
    case.worker_count = len(claimants)
    case.claimed_total_fen = sum(claimant.claimed_fen for claimant in claimants)


def _check_joining(entry: WorkerEntry, case: Case, today: date) -> CheckedWorker:
    check = Checker()
    name = check("", clean_name, entry.name, field="name", required=True)
    resident = check(None, parse_resident_id, entry.id_number, field="id_number", today=today)
    phone = check("", normalise_mobile, entry.phone, field="phone") if entry.phone.strip() else ""
    claimed = check(0, parse_claim, entry.claimed, case.category, field="claimed")
    details = check_details(entry, "", check)
    bank_account = check_bank_account(entry, "", check)
    check.done()
    return CheckedWorker(name, resident.number, phone, claimed, entry.representative, *details, *bank_account)


@requires(CASEWORK)
def add_worker(
    context: StationContext,
    case_id: uuid.UUID,
    entry: WorkerEntry,
    reason: str,
    *,
    representatives: frozenset[uuid.UUID] | None = None,
    now: datetime | None = None,
) -> CaseDetail:
    """A worker joins the case (found later, or left off the roster), until an agreement takes effect.

    ``representatives``: the person ids of the workers already on the case who represent the others from now on
    (R3), for the worker who makes a case of nine a collective one; None keeps who represents as it is."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    check = Checker()
    reason = check("", _reason, reason)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        _refuse_voided(case)
        _refuse_after_agreement(session, case)
        worker = check(None, _check_joining, entry, case, today)
        check.done()
        refusals: list[InvalidInput] = []
        person, _ = upsert_person(session, worker, today, "", refusals)
        claimants = _claimants(session, case.id)
        session.flush()
        if any(claimant.person_id == person.id for claimant in claimants):
            refusals.append(refusal(".id_number", QT_TRANSLATE_NOOP("Domain", "This worker is already on the case.")))
        if refusals:  # upsert_person names a field after its row ("workers.3.name"); the form has one worker
            raise ValidationFailed([InvalidInput(error.field.lstrip("."), error.message) for error in refusals])
        position = (
            session.scalar(select(func.max(CaseClaimant.position)).where(CaseClaimant.case_id == case.id)) or 0
        ) + 1
        joined = new_claimant(case.id, person.id, position, worker)
        session.add(joined)
        if representatives is not None:
            for claimant in claimants:
                claimant.is_representative = claimant.person_id in representatives
        _check_representatives([*claimants, joined], case, "representative")
        timeline.add(session, context, case, CaseEvent.WORKER_ADDED, worker_detail(person.name, reason), at=now)
        audit.append(session, audit.Actor.of(context), AuditAction.WORKER_ADDED, case.number)
        refresh_listing(session, case)
        return load_detail(session, context, case)


@requires(CASEWORK)
def remove_worker(
    context: StationContext, case_id: uuid.UUID, person_id: uuid.UUID, reason: str, *, now: datetime | None = None
) -> CaseDetail:
    """A worker leaves the case (added by mistake, or withdrew alone), until an agreement takes effect."""
    now = now or utc_now()
    reason = _reason(reason)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        _refuse_voided(case)
        _refuse_after_agreement(session, case)
        leaving = _claimant(session, case.id, person_id)
        staying = [claimant for claimant in _claimants(session, case.id) if claimant.id != leaving.id]
        if not staying:
            raise refusal(
                "worker",
                QT_TRANSLATE_NOOP(
                    "Domain", "A case keeps at least one worker; a case registered by mistake is voided instead."
                ),
            )
        _check_representatives(staying, case, "worker")
        leaving.deleted_at = now
        name = session.get_one(Person, person_id).name
        timeline.add(session, context, case, CaseEvent.WORKER_REMOVED, worker_detail(name, reason), at=now)
        audit.append(session, audit.Actor.of(context), AuditAction.WORKER_REMOVED, case.number)
        refresh_listing(session, case)
        return load_detail(session, context, case)


@requires(ADMINISTRATION)
def void_case(context: StationContext, case_id: uuid.UUID, reason: str, *, now: datetime | None = None) -> CaseDetail:
    """The administrator voids a case registered by mistake: it stays in the files, marked voided, with no clocks,
    and leaves the figures (counted apart as voided)."""
    now = now or utc_now()
    reason = _reason(reason)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        _refuse_voided(case)
        if case.status not in VOIDABLE or agreement_took_effect(session, case.id):
            raise IllegalTransition(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        'A case that is "{status}" cannot be voided: an agreement binds the parties, or another '
                        "body holds the case. Only a case registered by mistake is voided.",
                    ),
                    {"status": case.status},
                )
            )
        case.status = CaseStatus.VOIDED
        case.status_reason = reason
        timeline.add(session, context, case, CaseEvent.CASE_VOIDED, reason, at=now)
        audit.append(session, audit.Actor.of(context), AuditAction.CASE_VOIDED, case.number)
        return load_detail(session, context, case)


@dataclass(frozen=True)
class Subject:
    """Whose record the correction dialog offers, with what may be corrected and what it says now.

    ``values`` holds no personal data: an ID number or phone is typed anew, never shown in full to be edited.
    """

    party: Party
    subject_id: uuid.UUID | None
    name: str  # the worker's, agent's or employer's; empty for the case
    role: RespondentRole | None
    fields: tuple[CorrectionField, ...]
    values: dict[CorrectionField, str]


def _person_values(person: Person) -> dict[CorrectionField, str]:
    return {
        CorrectionField.NAME: person.name,
        CorrectionField.ETHNICITY: person.ethnicity,
        CorrectionField.ADDRESS: person.address,
    }


@requires(CASEWORK)
def subjects(context: StationContext, case_id: uuid.UUID) -> list[Subject]:
    """The workers, respondents, agent and the case itself, in the order the case file shows them, each with the
    fields that can be corrected now (not those an agreement in effect fixed: the dialog does not offer what it
    would refuse after the reason was typed)."""
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        bound = agreement_took_effect(session, case.id)
        worker_fields = tuple(field for field in FIELDS[Party.WORKER] if not (bound and field.locked_by_agreement))
        found = []
        agent_id = None
        for claimant in _claimants(session, case.id):
            person = session.get_one(Person, claimant.person_id)
            values = _person_values(person) | {
                CorrectionField.POST: claimant.post,
                CorrectionField.SERVICE_ADDRESS: claimant.service_address,
                CorrectionField.CLAIMED: f"{claimant.claimed_fen // 100}.{claimant.claimed_fen % 100:02d}",
                CorrectionField.BANK: claimant.bank,
            }
            found.append(Subject(Party.WORKER, person.id, person.name, None, worker_fields, values))
            agent_id = agent_id or claimant.agent_id
        for respondent in session.scalars(
            select(CaseRespondent)
            .where(CaseRespondent.case_id == case.id, CaseRespondent.deleted_at.is_(None))
            .order_by(CaseRespondent.position)
        ):
            employer = session.get_one(Employer, respondent.employer_id)
            # A company has a credit code, a labour boss an ID number: the dialog offers the one it has.
            other = CorrectionField.ID_NUMBER if employer.kind is EmployerKind.COMPANY else CorrectionField.CREDIT_CODE
            fields = tuple(field for field in FIELDS[Party.EMPLOYER] if field is not other)
            values = {
                CorrectionField.NAME: employer.name,
                CorrectionField.CREDIT_CODE: employer.credit_code or "",
                CorrectionField.LEGAL_REPRESENTATIVE: employer.legal_representative,
                CorrectionField.ADDRESS: employer.address,
            }
            found.append(Subject(Party.EMPLOYER, employer.id, employer.name, respondent.role, fields, values))
        if agent_id is not None:
            agent = session.get_one(Person, agent_id)
            values = _person_values(agent) | {
                CorrectionField.AUTHORITY: next(c.agent_authority for c in _claimants(session, case.id) if c.agent_id)
            }
            found.append(Subject(Party.AGENT, agent.id, agent.name, None, FIELDS[Party.AGENT], values))
        found.append(Subject(Party.CASE, None, "", None, FIELDS[Party.CASE], {CorrectionField.FACTS: case.facts}))
        return found
