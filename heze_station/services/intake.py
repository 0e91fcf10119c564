"""Registering a complaint: check every field, warn about repeat complaints, then save the case in one transaction."""

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.agreements import AgreementState, normalise_account_number
from ..domain.cases import (
    COLLECTIVE_MIN_WORKERS,
    OPEN_STATUSES,
    REGISTERED_EVENT,
    REPRESENTATIVES_MAX,
    REPRESENTATIVES_MIN,
    CaseStatus,
    Category,
    Employment,
    IntakeChannel,
    format_case_number,
    parse_claim,
)
from ..domain.errors import InvalidInput, ValidationFailed, refusal
from ..domain.identifiers import (
    credit_code_checksum_ok,
    normalise_mobile,
    normalise_phone,
    parse_credit_code,
    parse_resident_id,
)
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.parties import SPECIAL_AUTHORITY, EmployerKind, RespondentRole
from ..domain.performance import PerformanceState
from ..domain.text import (
    ADDRESS_MAX,
    FACTS_MAX,
    NAME_MAX,
    as_registered,
    clean_line,
    clean_name,
    clean_text,
    half_width_brackets,
)
from ..storage import search, station_rows
from ..storage.models import (
    Agreement,
    Case,
    CaseClaimant,
    CaseRespondent,
    Employer,
    Evidence,
    Person,
    Project,
    Station,
)
from ..storage.types import utc_now
from . import timeline
from .access import CASEWORK, requires
from .agreement_queries import clocks_for
from .checks import Checker, past_date, required_choice
from .limitation import check_employment
from .station import StationContext

T = TypeVar("T")

_SAME_WORKER_OPEN = QT_TRANSLATE_NOOP("Domain", "Worker {name} already has this open case.")
_SAME_WORKER_PAYING = QT_TRANSLATE_NOOP(
    "Domain", "Worker {name} already has this case, whose agreement is not yet fully performed."
)
_SAME_EMPLOYER_OPEN = QT_TRANSLATE_NOOP("Domain", "Employer {name} already has this open case.")
_SAME_EMPLOYER_PAYING = QT_TRANSLATE_NOOP(
    "Domain", "Employer {name} already has this case, whose agreement is not yet fully performed."
)
_SAME_CONTRACTOR_AS_EMPLOYER = QT_TRANSLATE_NOOP(
    "Domain", "The general contractor must be a different company from the employer named above."
)

MAX_WORKERS = 500
ETHNICITY_MAX = 20
POST_MAX = 50
AUTHORITY_MAX = 200
EVIDENCE_MAX = 200
BANK_MAX = NAME_MAX  # as the agreement's share allows


@dataclass
class WorkerEntry:
    """One claimant as typed: raw text, checked by :func:`validate`."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    claimed: str = ""  # yuan, as typed
    representative: bool = False
    # What the application and agreement print about the worker (rules.md: 调解申请书), and where documents reach
    # the worker when that is not the home address.
    ethnicity: str = ""
    address: str = ""
    post: str = ""
    service_address: str = ""
    # Where the agreement will pay the worker (an account in the worker's own name), when the roster or the worker
    # gives it at intake; the agreement's shares start from it.
    bank: str = ""
    account_number: str = ""


@dataclass
class AgentEntry:
    """The worker's specially authorised agent (特别授权委托代理人), for a case of one worker."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    authority: str = SPECIAL_AUTHORITY  # what the letter of authority lets the agent do


@dataclass
class EmployerEntry:
    kind: EmployerKind = EmployerKind.COMPANY
    name: str = ""
    credit_code: str = ""
    credit_code_override_reason: str = ""
    id_number: str = ""  # for an individual employer (labour boss)
    legal_representative: str = ""
    phone: str = ""
    address: str = ""


@dataclass
class IntakeForm:
    channel: IntakeChannel | None = None
    category: Category | None = None
    received_on: date | None = None
    knew_on: date | None = None  # None: the worker has not said; the limitation shows as unknown until given
    employment: Employment | None = Employment.UNKNOWN
    employment_ended_on: date | None = None
    facts: str = ""
    workers: list[WorkerEntry] = field(default_factory=list)
    employer: EmployerEntry = field(default_factory=EmployerEntry)
    project_name: str = ""
    project_address: str = ""
    general_contractor: EmployerEntry | None = None
    evidence: list[str] = field(default_factory=list)
    agent: AgentEntry | None = None


@dataclass(frozen=True)
class CheckedWorker:
    name: str
    id_number: str
    phone: str
    claimed_fen: int
    representative: bool
    ethnicity: str = ""
    address: str = ""
    post: str = ""
    service_address: str = ""
    bank: str = ""
    account_number: str = ""


@dataclass(frozen=True)
class CheckedAgent:
    worker: CheckedWorker  # the agent as a person on file: name, ID number, phone
    authority: str


@dataclass(frozen=True)
class CheckedEmployer:
    kind: EmployerKind
    name: str
    credit_code: str | None
    credit_code_override_reason: str | None
    id_number: str | None
    legal_representative: str
    phone: str
    address: str

    @property
    def identity(self) -> tuple[str | None, ...]:
        """What makes two entries the same employer: the credit code, else the ID number, else kind and name."""
        if self.credit_code:
            return ("credit_code", self.credit_code)
        if self.id_number:
            return ("id_number", self.id_number)
        return (self.kind, self.name)


@dataclass(frozen=True)
class CheckedIntake:
    channel: IntakeChannel
    category: Category
    received_on: date
    knew_on: date | None
    employment: Employment
    employment_ended_on: date | None
    facts: str
    workers: list[CheckedWorker]
    employer: CheckedEmployer
    project_name: str
    project_address: str
    general_contractor: CheckedEmployer | None
    evidence: list[str]
    agent: CheckedAgent | None = None

    @property
    def is_collective(self) -> bool:
        return len(self.workers) >= COLLECTIVE_MIN_WORKERS


@dataclass(frozen=True)
class RepeatComplaint:
    """An open case that the new complaint may repeat (重复投诉): same worker, or same employer."""

    case_id: uuid.UUID
    number: str
    status: CaseStatus
    reason: Message


@dataclass(frozen=True)
class RegisteredCase:
    case_id: uuid.UUID
    number: str


def _check_employer(entry: EmployerEntry, prefix: str, check: Checker, today: date) -> CheckedEmployer:
    name = check("", clean_name, entry.name, field=f"{prefix}.name", max_length=100, required=True)
    credit_code = id_number = None
    override = check(
        "", clean_line, entry.credit_code_override_reason, field=f"{prefix}.credit_code_override_reason", max_length=200
    )
    if entry.kind is EmployerKind.COMPANY and entry.credit_code.strip():
        credit_code = check(
            None, parse_credit_code, entry.credit_code, field=f"{prefix}.credit_code", override_reason=override or None
        )
    if entry.kind is EmployerKind.NATURAL_PERSON and entry.id_number.strip():
        resident = check(None, parse_resident_id, entry.id_number, field=f"{prefix}.id_number", today=today)
        id_number = resident.number if resident else None
    phone = check("", normalise_phone, entry.phone, field=f"{prefix}.phone") if entry.phone.strip() else ""
    # The reason belongs to a code kept despite its checksum; typed beside a valid code it would mislabel it.
    overridden = bool(credit_code and override and not credit_code_checksum_ok(credit_code))
    return CheckedEmployer(
        kind=entry.kind,
        name=name,
        credit_code=credit_code,
        credit_code_override_reason=override if overridden else None,
        id_number=id_number,
        legal_representative=check("", clean_name, entry.legal_representative, field=f"{prefix}.legal_representative"),
        phone=phone,
        address=check("", clean_line, entry.address, field=f"{prefix}.address", max_length=ADDRESS_MAX),
    )


def _check_workers(entries: list[WorkerEntry], check: Checker, today: date, category: Category) -> list[CheckedWorker]:
    if not entries:
        check.refuse("workers", QT_TRANSLATE_NOOP("Domain", "Add at least one worker."))
        return []
    if len(entries) > MAX_WORKERS:
        check.refuse(
            "workers",
            QT_TRANSLATE_NOOP("Domain", "At most {limit} workers fit in one case."),
            limit=MAX_WORKERS,
        )
        return []
    collective = len(entries) >= COLLECTIVE_MIN_WORKERS
    workers: list[CheckedWorker] = []
    seen: dict[str, int] = {}
    for row, entry in enumerate(entries):
        prefix = f"workers.{row}"
        name = check("", clean_name, entry.name, field=f"{prefix}.name", required=True)
        resident = check(None, parse_resident_id, entry.id_number, field=f"{prefix}.id_number", today=today)
        if resident and resident.number in seen:
            check.refuse(
                f"{prefix}.id_number",
                QT_TRANSLATE_NOOP("Domain", "The same ID number is already in row {row}."),
                row=seen[resident.number] + 1,
            )
        elif resident:
            seen[resident.number] = row
        # Somebody must be reachable: the worker of an individual case, or each representative of a collective one.
        contact = entry.representative or not collective
        if entry.phone.strip() or contact:
            phone = check("", normalise_mobile, entry.phone, field=f"{prefix}.phone")
        else:
            phone = ""
        claimed = check(0, parse_claim, entry.claimed, category, field=f"{prefix}.claimed")
        details = check_details(entry, prefix, check)
        workers.append(
            CheckedWorker(
                name,
                resident.number if resident else "",
                phone,
                claimed,
                entry.representative,
                *details,
                *check_bank_account(entry, prefix, check),
            )
        )
    representatives = sum(worker.representative for worker in workers)
    if collective and not REPRESENTATIVES_MIN <= representatives <= REPRESENTATIVES_MAX:
        check.refuse(
            "workers",
            QT_TRANSLATE_NOOP(
                "Domain",
                "A collective case (10 or more workers) elects 3 to 5 representatives; {count} are marked.",
            ),
            count=representatives,
        )
    if not collective and representatives:
        check.refuse(
            "workers",
            QT_TRANSLATE_NOOP("Domain", "Representatives are elected only in collective cases of 10 or more workers."),
        )
    return workers


def _named(prefix: str, name: str) -> str:
    """A worker's field as the form names it: ``workers.3.post`` in the intake's table, ``post`` in a one-worker
    form (``prefix`` empty)."""
    return f"{prefix}.{name}" if prefix else name


def check_details(entry: WorkerEntry, prefix: str, check: Checker) -> tuple[str, str, str, str]:
    """民族, 住址, 工种/岗位 and the address of service, each optional: a worker may not know them all at intake."""
    return (
        check("", clean_line, entry.ethnicity, field=_named(prefix, "ethnicity"), max_length=ETHNICITY_MAX),
        check("", clean_line, entry.address, field=_named(prefix, "address"), max_length=ADDRESS_MAX),
        check("", clean_line, entry.post, field=_named(prefix, "post"), max_length=POST_MAX),
        check("", clean_line, entry.service_address, field=_named(prefix, "service_address"), max_length=ADDRESS_MAX),
    )


def check_bank_account(entry: WorkerEntry, prefix: str, check: Checker) -> tuple[str, str]:
    """开户行 and 账号, each optional at intake (the agreement asks for them when it pays by transfer)."""
    bank = check("", clean_line, entry.bank, field=_named(prefix, "bank"), max_length=BANK_MAX)
    account = ""
    if entry.account_number.strip():
        account = check("", normalise_account_number, entry.account_number, field=_named(prefix, "account_number"))
    return bank, account


def new_claimant(
    case_id: uuid.UUID,
    person_id: uuid.UUID,
    position: int,
    worker: CheckedWorker,
    *,
    agent_id: uuid.UUID | None = None,
    agent_authority: str = "",
) -> CaseClaimant:
    """What the case says of one of its workers, at intake or when the worker joins later."""
    return CaseClaimant(
        case_id=case_id,
        person_id=person_id,
        position=position,
        claimed_fen=worker.claimed_fen,
        is_representative=worker.representative,
        post=worker.post,
        service_address=worker.service_address,
        bank=worker.bank,
        account_number=worker.account_number,
        agent_id=agent_id,
        agent_authority=agent_authority,
    )


def _check_agent(entry: AgentEntry | None, workers: int, check: Checker, today: date) -> CheckedAgent | None:
    """The documents identify the agent like a party (name and ID number) and print the authorisation's scope."""
    if entry is None or not (entry.name.strip() or entry.id_number.strip()):
        return None
    if workers != 1:
        check.refuse(
            "agent.name",
            QT_TRANSLATE_NOOP(
                "Domain", "An agent is named for a case of one worker; several workers act through representatives."
            ),
        )
        return None
    name = check("", clean_name, entry.name, field="agent.name", required=True)
    resident = check(None, parse_resident_id, entry.id_number, field="agent.id_number", today=today)
    phone = check("", normalise_mobile, entry.phone, field="agent.phone") if entry.phone.strip() else ""
    authority = check("", clean_line, entry.authority, field="agent.authority", max_length=AUTHORITY_MAX)
    person = CheckedWorker(name, resident.number if resident else "", phone, 0, False)
    return CheckedAgent(person, authority)


def validate(form: IntakeForm, today: date) -> CheckedIntake:
    """Check the whole form; raises ValidationFailed listing every wrong field, and changes nothing."""
    check = Checker()
    channel = check(IntakeChannel.VISIT, required_choice, form.channel, "channel")
    category = check(Category.OTHER, required_choice, form.category, "category")
    received_on = check(today, past_date, form.received_on, "received_on", today)
    limitation = check_employment(
        check, form.knew_on, form.employment, form.employment_ended_on, today, form.received_on
    )
    facts = check("", clean_text, form.facts, field="facts", max_length=FACTS_MAX, required=True)
    workers = _check_workers(form.workers, check, today, category)
    agent = _check_agent(form.agent, len(form.workers), check, today)
    employer = _check_employer(form.employer, "employer", check, today)
    contractor = None
    if form.general_contractor is not None and form.general_contractor.name.strip():
        contractor = _check_employer(form.general_contractor, "general_contractor", check, today)
    project_name = check("", clean_line, form.project_name, field="project_name", max_length=100)
    project_address = check("", clean_line, form.project_address, field="project_address", max_length=ADDRESS_MAX)
    if contractor and (contractor.name == employer.name or contractor.identity == employer.identity):
        check.refuse("general_contractor.name", _SAME_CONTRACTOR_AS_EMPLOYER)
    if contractor and not project_name:
        check.refuse(
            "project_name",
            QT_TRANSLATE_NOOP(
                "Domain", "Name the construction project that the general contractor is responsible for."
            ),
        )
    if len(form.evidence) > EVIDENCE_MAX:
        check.refuse(
            "evidence",
            QT_TRANSLATE_NOOP("Domain", "At most {limit} pieces of evidence can be listed."),
            limit=EVIDENCE_MAX,
        )
    evidence = [
        item for item in (check("", clean_line, e, field="evidence", max_length=200) for e in form.evidence) if item
    ]
    if check.errors:
        raise ValidationFailed(check.errors)
    return CheckedIntake(
        channel=channel,
        category=category,
        received_on=received_on,
        knew_on=limitation.knew_on,
        employment=limitation.employment,
        employment_ended_on=limitation.employment_ended_on,
        facts=facts,
        workers=workers,
        employer=employer,
        project_name=project_name,
        project_address=project_address,
        general_contractor=contractor,
        evidence=evidence,
        agent=agent,
    )


@requires(CASEWORK)
def find_repeat_complaints(
    context: StationContext, intake: CheckedIntake, today: date | None = None
) -> list[RepeatComplaint]:
    """Cases still in hand with the same worker (by ID number) or the same employer (by credit code or exact name):
    open ones, and those whose agreement in effect is not yet fully performed (the workers are still owed money)."""
    today = today or chinatime.today()
    id_numbers = [worker.id_number for worker in intake.workers]
    employer_match = [Employer.name.in_(_as_stored(intake.employer.name))]
    if intake.employer.credit_code:
        employer_match.append(Employer.credit_code == intake.employer.credit_code)
    with context.database.transaction() as session:
        in_hand = or_(Case.status.in_(OPEN_STATUSES), Case.id.in_(_cases_with_agreement_in_effect()))
        by_worker = session.execute(
            select(Case.id, Case.number, Case.status, Person.name)
            .join(CaseClaimant, CaseClaimant.case_id == Case.id)
            .join(Person, Person.id == CaseClaimant.person_id)
            .where(Person.id_number.in_(id_numbers), in_hand, Case.deleted_at.is_(None))
        ).all()
        by_employer = session.execute(
            select(Case.id, Case.number, Case.status, Employer.name)
            .join(CaseRespondent, CaseRespondent.case_id == Case.id)
            .join(Employer, Employer.id == CaseRespondent.employer_id)
            .where(or_(*employer_match), in_hand, Case.deleted_at.is_(None))
        ).all()
        with_agreement = {row.id for row in (*by_worker, *by_employer) if row.status not in OPEN_STATUSES}
        being_paid = {
            case_id
            for case_id, clocks in clocks_for(session, with_agreement, today, context.calendar).items()
            if clocks.performance.state is not PerformanceState.PERFORMED
        }
    hits: dict[uuid.UUID, RepeatComplaint] = {}
    for rows, open_reason, paying_reason in (
        (by_worker, _SAME_WORKER_OPEN, _SAME_WORKER_PAYING),
        (by_employer, _SAME_EMPLOYER_OPEN, _SAME_EMPLOYER_PAYING),
    ):
        for case_id, number, status, name in rows:
            if status in OPEN_STATUSES:
                reason = open_reason
            elif case_id in being_paid:
                reason = paying_reason
            else:
                continue  # its agreement is fully performed: the case is done with
            hits.setdefault(case_id, RepeatComplaint(case_id, number, status, Message(reason, {"name": name})))
    return list(hits.values())


def _cases_with_agreement_in_effect() -> Select[tuple[uuid.UUID]]:
    return select(Agreement.case_id).where(Agreement.state == AgreementState.IN_EFFECT, Agreement.deleted_at.is_(None))


def upsert_person(
    session: Session, worker: CheckedWorker, today: date, field_prefix: str, refusals: list[InvalidInput]
) -> tuple[Person, bool]:
    """The worker's Person row (one per ID number), and whether an existing row's searchable text changed.

    An ID number already on file under another name is a typo in one of the two: refused, never renamed, since
    renaming would silently change every older case of that worker.
    """
    person = session.scalars(
        select(Person).where(Person.id_number == worker.id_number, Person.deleted_at.is_(None))
    ).first()
    if person is not None and as_registered(person.name) != worker.name:
        refusals.append(
            refusal(
                f"{field_prefix}.name",
                QT_TRANSLATE_NOOP("Domain", "This ID number is on file as {name}. Check the name or the ID number."),
                name=person.name,
            )
        )
        return person, False
    resident = parse_resident_id(worker.id_number, today=today)
    phone_before = person.phone if person else None
    if person is None:
        person = Person(id_number=resident.number, name=worker.name, sex=resident.sex, birth_date=resident.birth_date)
        session.add(person)
    if worker.phone:
        person.phone = worker.phone
    # Keep what was known before when this complaint leaves a field blank.
    for name in ("ethnicity", "address"):
        if getattr(worker, name):
            setattr(person, name, getattr(worker, name))
    return person, phone_before is not None and phone_before != person.phone


def _as_stored(name: str) -> set[str]:
    """How a company's name may be stored: as typed now, or with the half-width brackets stations kept before."""
    return {name, half_width_brackets(name)}


def _upsert_employer(
    session: Session, checked: CheckedEmployer, field_prefix: str, refusals: list[InvalidInput]
) -> tuple[Employer, bool]:
    """The employer's row, and whether an existing row's searchable text changed.

    Matched by credit code, or an individual's ID number, or else a company's exact name. An individual known by
    name alone is never matched: two labour bosses may share a name. A code or ID number on file under another name
    is refused, not renamed (see upsert_person).
    """
    if checked.credit_code:
        match = Employer.credit_code == checked.credit_code
    elif checked.id_number:
        match = Employer.id_number == checked.id_number
    elif checked.kind is EmployerKind.COMPANY:
        match = Employer.name.in_(_as_stored(checked.name)) & (Employer.kind == checked.kind)
    else:
        match = None
    employer = None
    if match is not None:
        employer = session.scalars(select(Employer).where(match, Employer.deleted_at.is_(None))).first()
    if employer is not None and as_registered(employer.name) != checked.name:
        refusals.append(
            refusal(
                f"{field_prefix}.name",
                QT_TRANSLATE_NOOP(
                    "Domain", "This code or ID number is on file as {name}. Check the name or the number."
                ),
                name=employer.name,
            )
        )
        return employer, False
    before = (employer.credit_code, employer.id_number) if employer else None
    if employer is None:
        employer = Employer(kind=checked.kind, name=checked.name)
        session.add(employer)
    # Keep what was known before when this complaint leaves a field blank.
    for name in (
        "credit_code",
        "credit_code_override_reason",
        "id_number",
        "legal_representative",
        "phone",
        "address",
    ):
        value = getattr(checked, name)
        if value:
            setattr(employer, name, value)
    return employer, before is not None and before != (employer.credit_code, employer.id_number)


def _upsert_project(session: Session, intake: CheckedIntake, contractor: Employer | None) -> Project | None:
    if not intake.project_name:
        return None
    project = session.scalars(
        select(Project).where(Project.name == intake.project_name, Project.deleted_at.is_(None))
    ).first()
    if project is None:
        project = Project(name=intake.project_name)
        session.add(project)
    if intake.project_address:
        project.address = intake.project_address
    if contractor is not None:
        session.flush()
        project.general_contractor_id = contractor.id
    return project


def next_sequence(session: Session, station_id: uuid.UUID, year: int) -> int:
    """After every case of the station this year, those registered on its other computers included."""
    rows = station_rows.of_station(session, station_id)
    highest = session.scalar(select(func.max(Case.sequence)).where(Case.station_id.in_(rows), Case.year == year))
    return (highest or 0) + 1


def refresh_listing(session: Session, case: Case) -> None:
    """Recompute what the case list and search show for ``case`` from its current parties."""
    session.flush()
    claimants = session.execute(
        select(Person.name)
        .join(CaseClaimant, CaseClaimant.person_id == Person.id)
        .where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
        .order_by(CaseClaimant.is_representative.desc(), CaseClaimant.position)
    ).scalars()
    respondents = session.execute(
        select(Employer.name, Employer.kind)
        .join(CaseRespondent, CaseRespondent.employer_id == Employer.id)
        .where(CaseRespondent.case_id == case.id, CaseRespondent.deleted_at.is_(None))
        .order_by(CaseRespondent.position)
    ).all()
    case.claimant_summary = next(iter(claimants), "")
    case.respondent_summary = "、".join(name for name, _ in respondents)
    case.first_employer_kind = respondents[0].kind if respondents else None
    search.reindex_case(session, case)


def refresh_cases_of(session: Session, person_ids: list[uuid.UUID], employer_ids: list[uuid.UUID]) -> None:
    """Older cases index a shared worker's phone and an employer's codes: refresh them when this complaint added
    or changed one."""
    if not person_ids and not employer_ids:
        return
    case_ids = (
        select(CaseClaimant.case_id)
        .where(CaseClaimant.person_id.in_(person_ids))
        .union(select(CaseRespondent.case_id).where(CaseRespondent.employer_id.in_(employer_ids)))
    )
    for case in session.scalars(select(Case).where(Case.id.in_(case_ids), Case.deleted_at.is_(None))):
        refresh_listing(session, case)


@requires(CASEWORK)
def save(context: StationContext, intake: CheckedIntake, now: datetime | None = None) -> RegisteredCase:
    """Store a checked complaint as a new registered case, with its parties, search entry and first timeline event."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        station = session.get_one(Station, context.station_id)
        refusals: list[InvalidInput] = []
        employer, employer_changed = _upsert_employer(session, intake.employer, "employer", refusals)
        respondents = [(employer, RespondentRole.EMPLOYER)]
        changed_employers = [employer.id] if employer_changed else []
        contractor = None
        if intake.general_contractor:
            contractor, contractor_changed = _upsert_employer(
                session, intake.general_contractor, "general_contractor", refusals
            )
            session.flush()
            if contractor.id == employer.id:  # typed differently, yet the same company on file
                refusals.append(InvalidInput("general_contractor.name", Message(_SAME_CONTRACTOR_AS_EMPLOYER)))
            respondents.append((contractor, RespondentRole.GENERAL_CONTRACTOR))
            changed_employers += [contractor.id] if contractor_changed else []
        people = [
            upsert_person(session, worker, today, f"workers.{row}", refusals)
            for row, worker in enumerate(intake.workers)
        ]
        agent = upsert_person(session, intake.agent.worker, today, "agent", refusals)[0] if intake.agent else None
        if refusals:
            raise ValidationFailed(refusals)  # the transaction rolls back: nothing of this complaint is kept
        project = _upsert_project(session, intake, contractor)
        sequence = next_sequence(session, station.id, today.year)
        case = Case(
            station_id=station.id,
            year=today.year,
            sequence=sequence,
            number=format_case_number(station.case_word, today.year, sequence),
            status=CaseStatus.REGISTERED,
            channel=intake.channel,
            category=intake.category,
            registered_at=now,
            registered_by_id=context.user_id,
            received_on=intake.received_on,
            knew_on=intake.knew_on,
            employment=intake.employment,
            employment_ended_on=intake.employment_ended_on,
            facts=intake.facts,
            project_id=project.id if project else None,
            is_collective=intake.is_collective,
            worker_count=len(intake.workers),
            claimed_total_fen=sum(worker.claimed_fen for worker in intake.workers),
        )
        session.add(case)
        session.flush()
        for position, (worker, (person, _)) in enumerate(zip(intake.workers, people, strict=True)):
            session.add(
                new_claimant(
                    case.id,
                    person.id,
                    position,
                    worker,
                    agent_id=agent.id if agent else None,
                    agent_authority=intake.agent.authority if intake.agent else "",
                )
            )
        for position, (respondent, role) in enumerate(respondents):
            session.add(CaseRespondent(case_id=case.id, employer_id=respondent.id, position=position, role=role))
        for position, description in enumerate(intake.evidence):
            session.add(Evidence(case_id=case.id, position=position, description=description))
        timeline.add(session, context, case, REGISTERED_EVENT, at=now)
        refresh_listing(session, case)
        refresh_cases_of(
            session,
            [person.id for person, changed in people if changed],
            changed_employers,
        )
        return RegisteredCase(case.id, case.number)
