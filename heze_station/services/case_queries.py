"""Reading cases for the screens: the paged, filtered, searchable list and one case's full detail."""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import Enum, StrEnum
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from ..domain import chinatime, clocks
from ..domain.after_mediation import StepDates, step_clocks
from ..domain.case_search import Hit, folded, hits, search_words
from ..domain.cases import OPEN_STATUSES, CaseAction, CaseStatus, Category, IntakeChannel, available_actions
from ..domain.errors import NotFound
from ..domain.identifiers import Sex
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.parties import EmployerKind, RespondentRole
from ..domain.performance import Performance, PerformanceState
from ..domain.text import clean_line
from ..domain.workcalendar import WorkCalendar
from ..storage import search
from ..storage.models import Case, CaseClaimant, CaseRespondent, CaseStatusCount, Employer, StaffUser, TimelineEvent
from . import timeline
from .access import CASEWORK, requires
from .agreement_queries import AgreementClocks, agreement_took_effect, cases_performing, clocks_for
from .station import StationContext
from .step_queries import step_dates_for

E = TypeVar("E", bound=Enum)

SEARCH_MAX = 100
# Up to this many candidates in the index a search looks its cases up and sorts them; beyond, it walks the list's
# order. A case looked up costs a page read of its own (on the encrypted file, a decryption), the walk an index page
# per 190 cases passed until a page of matches is found. On 100,000 cases, 2,642 matches looked up read 2,777
# pages, walked 236; with 1,000 rather than 3,000 the 95th percentile of searches on the encrypted file fell from 27
# to 23 ms (500 and 700 measured the same).
FEW_MATCHES = 1000

# An agreement still being paid keeps its case open: the station follows the payments up (and a default, R8).
STILL_OWED = frozenset({PerformanceState.PERFORMING, PerformanceState.IN_DEFAULT})


class SortColumn(StrEnum):
    NUMBER = "number"
    REGISTERED_AT = "registered_at"
    STATUS = "status"
    CATEGORY = "category"
    CHANNEL = "channel"
    CLAIMANT = "claimant"
    RESPONDENT = "respondent"
    CLAIMED = "claimed"


def _declared_order(column: InstrumentedAttribute[E], members: type[E]) -> ColumnElement[int]:
    """Sort an enum column in the order its members are declared (the workflow order for statuses), not by the
    English values stored, which would look shuffled in the Chinese interface."""
    return case({member: position for position, member in enumerate(members)}, value=column)


_SORT_KEYS = {
    SortColumn.NUMBER: (Case.year, Case.sequence),
    SortColumn.REGISTERED_AT: (Case.registered_at,),
    SortColumn.STATUS: (_declared_order(Case.status, CaseStatus), Case.registered_at),
    SortColumn.CATEGORY: (_declared_order(Case.category, Category), Case.registered_at),
    SortColumn.CHANNEL: (_declared_order(Case.channel, IntakeChannel), Case.registered_at),
    SortColumn.CLAIMANT: (Case.claimant_summary,),
    SortColumn.RESPONDENT: (Case.respondent_summary,),
    SortColumn.CLAIMED: (Case.claimed_total_fen,),
}


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    # A case matches when its status is among ``statuses`` or its agreement's performance among ``performances``:
    # "all open" is the open statuses and the agreements still owed (ALL_OPEN).
    statuses: frozenset[CaseStatus] = frozenset()
    performances: frozenset[PerformanceState] = frozenset()
    categories: frozenset[Category] = frozenset()
    channels: frozenset[IntakeChannel] = frozenset()
    registered_from: date | None = None
    registered_to: date | None = None
    employer_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    # The cases behind a figure of the statistics page, listed when the figure is clicked.
    case_ids: frozenset[uuid.UUID] | None = None


ALL_OPEN = CaseFilter(statuses=OPEN_STATUSES, performances=STILL_OWED)


def still_owed(status: CaseStatus, performance: PerformanceState | None) -> bool:
    """Whether a case's agreement is still being paid (or in default): then the case is not done."""
    return status is CaseStatus.AGREEMENT and performance in STILL_OWED


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    number: str
    status: CaseStatus
    category: Category
    channel: IntakeChannel
    registered_at: datetime
    claimant_summary: str
    worker_count: int
    respondent_summary: str
    claimed_total_fen: int
    performance: PerformanceState | None = None  # of the agreement in effect, for a case with an agreement
    hits: tuple[Hit, ...] = ()  # the fields the search words were found in

    @property
    def standing(self) -> CaseStatus | PerformanceState:
        """The status as the list shows it: a case whose agreement is still being paid, or in default, is not
        done, and says which."""
        return self.performance if self.performance and still_owed(self.status, self.performance) else self.status


@dataclass(frozen=True)
class ClaimantView:
    person_id: uuid.UUID
    name: str
    id_number: str
    sex: Sex | None
    birth_date: date | None
    phone: str
    claimed_fen: int
    representative: bool
    # Where the agreement will pay the worker, as given at intake (empty when not given).
    bank: str = ""
    account_number: str = ""


@dataclass(frozen=True)
class RespondentView:
    name: str
    kind: EmployerKind
    role: RespondentRole
    credit_code: str | None
    credit_code_override_reason: str | None
    id_number: str | None
    legal_representative: str
    phone: str
    address: str


@dataclass(frozen=True)
class TimelineView:
    at: datetime
    actor: str
    kind: str
    detail: str  # as stored: for an added attachment, the file's name
    shown: Message  # the details for people (timeline.shown)


@dataclass(frozen=True)
class CaseDetail:
    id: uuid.UUID
    number: str
    status: CaseStatus
    status_reason: str
    channel: IntakeChannel
    category: Category
    registered_at: datetime
    received_on: date
    knew_on: date | None  # None: not given yet (shown as unknown)
    limitation: clocks.LimitationFacts
    notice_served_on: date | None
    facts: str
    is_collective: bool
    claimed_total_fen: int
    project_name: str
    claimants: list[ClaimantView]
    respondents: list[RespondentView]
    evidence: list[str]
    timeline: list[TimelineView]
    clocks: list[clocks.Clock]
    actions: list[CaseAction]
    # R1: the applicants who have yet to sign the oral application record (口头申请笔录待申请人签名).
    application_unsigned: list[uuid.UUID] = field(default_factory=list)  # the claimants' person ids
    # How the agreement in effect stands (being paid, in default, performed); None without one.
    performance: Performance | None = None
    # An agreement took effect: the workers and their claims are fixed (changed only by a superseding agreement).
    agreement_bound: bool = False

    @property
    def owed(self) -> Performance | None:
        """The agreement's performance while it is still being paid or in default: the case is not finished."""
        owed = self.performance
        return owed if owed and still_owed(self.status, owed.state) else None


def _filtered(columns: Select, case_filter: CaseFilter, session: Session, calendar: WorkCalendar) -> Select:
    query = columns.where(Case.deleted_at.is_(None))
    if case_filter.statuses or case_filter.performances:
        performing = cases_performing(case_filter.performances, chinatime.today(), calendar)
        standing = [Case.status.in_(case_filter.statuses)] if case_filter.statuses else []
        standing += [Case.id.in_(performing)] if case_filter.performances else []
        query = query.where(or_(*standing))
    if case_filter.categories:
        query = query.where(Case.category.in_(case_filter.categories))
    if case_filter.channels:
        query = query.where(Case.channel.in_(case_filter.channels))
    if case_filter.registered_from:
        start = datetime.combine(case_filter.registered_from, time.min, chinatime.CHINA_TZ)
        query = query.where(Case.registered_at >= start)
    if case_filter.registered_to:
        end = datetime.combine(case_filter.registered_to, time.max, chinatime.CHINA_TZ)
        query = query.where(Case.registered_at <= end)
    if case_filter.employer_id:
        query = query.where(
            Case.id.in_(select(CaseRespondent.case_id).where(CaseRespondent.employer_id == case_filter.employer_id))
        )
    if case_filter.project_id:
        query = query.where(Case.project_id == case_filter.project_id)
    if case_filter.case_ids is not None:
        query = query.where(Case.id.in_(case_filter.case_ids))
    text = clean_line(case_filter.text, field="search", max_length=SEARCH_MAX, printed=False)
    if text:
        # Counting candidates in the index costs a millisecond and tells which plan is fast (see search.matches).
        few = search.count_candidates(session, text) <= FEW_MATCHES
        query = query.where(search.matches(text, few=few))
    return query


@requires(CASEWORK)
def count_cases(context: StationContext, case_filter: CaseFilter) -> int:
    with context.database.transaction() as session:
        text = clean_line(case_filter.text, field="search", max_length=SEARCH_MAX, printed=False)
        if text and case_filter == CaseFilter(text=case_filter.text):
            # Text alone: the index's candidates, checked against their text only where a word needs it.
            return search.count_matching(session, text)
        if case_filter == CaseFilter():
            return session.scalar(select(func.sum(CaseStatusCount.live))) or 0  # kept by triggers
        return (
            session.scalar(_filtered(select(func.count()).select_from(Case), case_filter, session, context.calendar))
            or 0
        )


@requires(CASEWORK)
def list_cases(
    context: StationContext,
    case_filter: CaseFilter,
    sort: SortColumn = SortColumn.REGISTERED_AT,
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[CaseRow]:
    keys = [key.desc() if descending else key.asc() for key in _SORT_KEYS[sort]]
    with context.database.transaction() as session:
        query = (
            _filtered(
                select(
                    Case.id,
                    Case.number,
                    Case.status,
                    Case.category,
                    Case.channel,
                    Case.registered_at,
                    Case.claimant_summary,
                    Case.worker_count,
                    Case.respondent_summary,
                    Case.claimed_total_fen,
                ),
                case_filter,
                session,
                context.calendar,
            )
            .order_by(*keys, Case.id)
            .offset(offset)
            .limit(limit)
        )
        rows = [CaseRow(*row) for row in session.execute(query)]
        return _with_standing(session, rows, case_filter.text, context.calendar)


def _with_standing(session: Session, rows: list[CaseRow], text: str, calendar: WorkCalendar) -> list[CaseRow]:
    """The page's rows with their agreement's performance and why the search found them: a few queries for the
    page alone, never over all cases."""
    agreed = [row.id for row in rows if row.status is CaseStatus.AGREEMENT]
    agreements = clocks_for(session, agreed, chinatime.today(), calendar) if agreed else {}
    words = search_words(clean_line(text, field="search", max_length=SEARCH_MAX, printed=False))
    folded_words = [folded(word) for word in words]
    fields = search.searched_fields(session, [row.id for row in rows], folded_words) if words and rows else {}
    return [
        replace(
            row,
            performance=agreements[row.id].performance.state if row.id in agreements else None,
            hits=tuple(hits(words, fields.get(row.id, []))),
        )
        for row in rows
    ]


# What case_clocks reads: a screen that lists clocks of many cases selects just these columns.
CLOCK_COLUMNS = (
    Case.status,
    Case.registered_at,
    Case.category,
    Case.received_on,
    Case.knew_on,
    Case.employment,
    Case.employment_ended_on,
    Case.limitation_suspended_from,
    Case.limitation_suspended_to,
    Case.decided_on,
    Case.outcome,
    Case.ended_on,
    Case.mediation_extended_to,
    Case.notice_served_on,
    Case.limitation_restarts_on,
)


def case_clocks(
    case: Case,
    calendar: WorkCalendar,
    today: date,
    agreement: AgreementClocks | None = None,
    steps: Sequence[StepDates] = (),
) -> list[clocks.Clock]:
    """The clocks that matter for this case now: acceptance until decided, mediation once accepted, the notice of
    a refusal, the agreement's instalments and review window, the court's, committee's or inspectorate's periods
    after it, and the limitation period throughout. A voided case has none: nothing is due on it."""
    if case.status is CaseStatus.VOIDED:
        return []
    # R2: the decision is due 3 working days after the station received the application, not after it was typed in.
    result = [clocks.acceptance_clock(case.received_on, case.decided_on, today, calendar)]
    refused = CaseStatus.REFUSED in (case.status, case.outcome)
    if refused:
        result.append(clocks.refusal_notice_clock(case.received_on, case.notice_served_on, today, calendar))
    elif case.decided_on is not None:
        result.append(
            clocks.mediation_clock(case.received_on, case.ended_on, today, calendar, case.mediation_extended_to)
        )
        result.append(clocks.quick_close_clock(case.received_on, case.ended_on, today))
    if agreement is not None:
        # An agreement pulled without its instalments (a city server before stop 46 did not share those of a case it
        # had assigned to another station) has no instalment to follow here yet.
        if agreement.performance.instalments:
            result.append(clocks.performance_clock(agreement.performance, today))
        if agreement.review_planned:
            result.append(
                clocks.arbitral_review_clock(agreement.effective_on, agreement.review_applied_on, today, calendar)
            )
    for step in steps:
        result += step_clocks(step, today, calendar)
    result.append(
        clocks.limitation_clock(
            case.knew_on,
            today,
            calendar,
            interrupted_on=case.received_on,
            restarted_on=case.limitation_restarts_on,
            wage_claim=case.category.is_wage_claim,
            employment=case.employment,
            employment_ended_on=case.employment_ended_on,
            suspension=_suspension(case.limitation_suspended_from, case.limitation_suspended_to),
        )
    )
    return result


def _suspension(start: date | None, end: date | None, reason: str = "") -> clocks.Suspension | None:
    # The clocks need no reason (nor do the columns the workbench selects for them carry it); the case page shows it.
    return clocks.Suspension(start, end, reason) if start is not None else None


def load_detail(session: Session, context: StationContext, case: Case) -> CaseDetail:
    session.flush()
    full = session.scalars(
        select(Case)
        .where(Case.id == case.id)
        .options(
            selectinload(Case.claimants).selectinload(CaseClaimant.person),
            selectinload(Case.respondents).selectinload(CaseRespondent.employer),
            selectinload(Case.evidence),
            selectinload(Case.project),
        )
        .execution_options(populate_existing=True)
    ).one()
    today = chinatime.today()
    live = [c for c in full.claimants if c.deleted_at is None]
    agreement = clocks_for(session, [full.id], today, context.calendar).get(full.id)
    steps = step_dates_for(session, [full.id]).get(full.id, [])
    events = session.execute(
        select(TimelineEvent, StaffUser.name)
        .join(StaffUser, StaffUser.id == TimelineEvent.actor_id)
        .where(TimelineEvent.case_id == case.id)
        .order_by(TimelineEvent.at, TimelineEvent.id)
    ).all()
    return CaseDetail(
        id=full.id,
        number=full.number,
        status=full.status,
        status_reason=full.status_reason,
        channel=full.channel,
        category=full.category,
        registered_at=full.registered_at,
        received_on=full.received_on,
        knew_on=full.knew_on,
        limitation=clocks.LimitationFacts(
            full.knew_on,
            full.employment,
            full.employment_ended_on,
            _suspension(
                full.limitation_suspended_from, full.limitation_suspended_to, full.limitation_suspension_reason
            ),
        ),
        notice_served_on=full.notice_served_on,
        facts=full.facts,
        is_collective=full.is_collective,
        claimed_total_fen=full.claimed_total_fen,
        project_name=full.project.name if full.project else "",
        claimants=[
            ClaimantView(
                c.person_id,
                c.person.name,
                c.person.id_number or "",
                c.person.sex,
                c.person.birth_date,
                c.person.phone,
                c.claimed_fen,
                c.is_representative,
                c.bank,
                c.account_number,
            )
            for c in full.claimants
            if c.deleted_at is None
        ],
        respondents=[_respondent_view(r.employer, r.role) for r in full.respondents if r.deleted_at is None],
        evidence=[e.description for e in full.evidence if e.deleted_at is None],
        timeline=[
            TimelineView(event.at, actor, event.kind, event.detail, shown)
            for (event, actor), shown in zip(events, timeline.shown(session, [e for e, _ in events]), strict=True)
        ],
        clocks=case_clocks(full, context.calendar, today, agreement, steps),
        actions=available_actions(full.status, full.category, agreement.performance.state if agreement else None),
        performance=agreement.performance if agreement else None,
        agreement_bound=agreement_took_effect(session, full.id),
        application_unsigned=[
            c.person_id
            for c in applicants(live, full.is_collective)
            # A voided case waits for nobody's signature.
            if full.channel.is_oral and c.application_signed_at is None and full.status is not CaseStatus.VOIDED
        ],
    )


def applicants(claimants: Iterable[CaseClaimant], is_collective: bool) -> list[CaseClaimant]:
    """Who signs the application: the worker, or a collective's elected representatives."""
    return [c for c in claimants if c.is_representative or not is_collective]


def _respondent_view(employer: Employer, role: RespondentRole) -> RespondentView:
    return RespondentView(
        name=employer.name,
        kind=employer.kind,
        role=role,
        credit_code=employer.credit_code,
        credit_code_override_reason=employer.credit_code_override_reason,
        id_number=employer.id_number,
        legal_representative=employer.legal_representative,
        phone=employer.phone,
        address=employer.address,
    )


def get_case(session: Session, case_id: uuid.UUID) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Domain", "This case no longer exists.")))
    return case


@requires(CASEWORK)
def case_detail(context: StationContext, case_id: uuid.UUID) -> CaseDetail:
    with context.database.transaction() as session:
        return load_detail(session, context, get_case(session, case_id))
