"""Employers and construction projects with their complaint counts: the station's repeat-complaint ledger (台账).

The city keeps employers and projects that draw repeated complaints on a ledger and follows them up, so both lists
put the ones with the most open cases, then the most complaints overall, at the top. Each row carries what the
ledger's risk rules (domain.ledger) read, its risk and reasons, and the latest follow-up. Everything is counted
in one grouped query over the cases, the few agreements in effect in three more, never per employer: the ledger
of the 100,000-case database opens as fast as the plain list did.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, distinct, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..domain import chinatime
from ..domain.agreements import AgreementState
from ..domain.cases import OPEN_STATUSES
from ..domain.ledger import RECENT_DAYS, FollowUpKind, LedgerFacts, Risk, assess
from ..domain.parties import EmployerKind
from ..domain.performance import PerformanceState
from ..domain.text import clean_line
from ..domain.workcalendar import WorkCalendar
from ..storage.models import Agreement, Case, CaseClaimant, CaseRespondent, Employer, LedgerFollowUp, Project
from .access import CASEWORK, requires
from .agreement_queries import clocks_for
from .case_queries import SEARCH_MAX
from .station import StationContext


@dataclass(frozen=True)
class FollowUpRow:
    kind: FollowUpKind
    done_on: date
    done_by: str
    note: str


@dataclass(frozen=True)
class EmployerRow:
    id: uuid.UUID
    name: str
    kind: EmployerKind
    credit_code: str | None
    # The credit code fails the GB 32100 checksum and was kept on purpose (an early pilot-region code).
    credit_code_overridden: bool
    case_count: int
    open_case_count: int
    # Only an individual employer (a labour boss) has one; shown masked unless the role may see it.
    id_number: str | None
    facts: LedgerFacts
    risk: Risk
    latest_follow_up: FollowUpRow | None


@dataclass(frozen=True)
class ProjectRow:
    id: uuid.UUID
    name: str
    address: str
    general_contractor: str
    case_count: int
    open_case_count: int
    # Distinct people among the claimants of all its cases: a worker who complained twice counts once.
    workers_involved: int
    facts: LedgerFacts
    risk: Risk
    latest_follow_up: FollowUpRow | None


def _case_counts(key: ColumnElement[uuid.UUID], today: date) -> Select:
    """Per ``key``, for a query that already joins Case, over its non-deleted cases: all, open, received in the
    last RECENT_DAYS days, open collective ones, and what the open ones claim. A case counts for each of its
    respondents in full: the general contractor answers for its subcontractor's wages (R14)."""
    is_open = Case.status.in_(OPEN_STATUSES)
    return select(
        key.label("key"),
        func.count(Case.id).label("cases"),
        func.count(Case.id).filter(is_open).label("open_cases"),
        func.count(Case.id).filter(Case.received_on > today - timedelta(days=RECENT_DAYS)).label("recent"),
        func.count(Case.id).filter(is_open, Case.is_collective).label("collective"),
        func.coalesce(func.sum(Case.claimed_total_fen).filter(is_open), 0).label("claimed"),
    ).where(Case.deleted_at.is_(None))


def _ledger_columns(counts) -> tuple:
    """The ledger's figures of a ``_case_counts`` subquery, zero for an employer or project without cases."""
    return tuple(func.coalesce(column, 0) for column in (counts.c.recent, counts.c.collective, counts.c.claimed))


@dataclass
class _Agreed:
    in_default: int = 0
    outstanding_fen: int = 0


def _agreed(session: Session, pairs: Select, today: date, calendar: WorkCalendar) -> dict[uuid.UUID, _Agreed]:
    """Per key, the agreements in effect in default and what is still owed under them. ``pairs`` selects (case id,
    key) for the given case ids; performance is domain.performance's, through the workbench's bulk clocks_for."""
    in_effect = select(Agreement.case_id).where(
        Agreement.state == AgreementState.IN_EFFECT, Agreement.deleted_at.is_(None)
    )
    clocks = clocks_for(session, in_effect, today, calendar)
    found: dict[uuid.UUID, _Agreed] = defaultdict(_Agreed)
    for case_id, key in session.execute(pairs.where(Case.id.in_(list(clocks)))):
        performance = clocks[case_id].performance
        found[key].in_default += performance.state is PerformanceState.IN_DEFAULT
        found[key].outstanding_fen += performance.outstanding_fen
    return found


def _latest_follow_ups(session: Session, key: ColumnElement[uuid.UUID]) -> dict[uuid.UUID, FollowUpRow]:
    """The newest follow-up per employer or project (by the day it was done, then when it was recorded)."""
    newest = (
        func.row_number()
        .over(partition_by=key, order_by=(LedgerFollowUp.done_on.desc(), LedgerFollowUp.created_at.desc()))
        .label("newest")
    )
    ranked = (
        select(
            key.label("key"),
            LedgerFollowUp.kind,
            LedgerFollowUp.done_on,
            LedgerFollowUp.done_by,
            LedgerFollowUp.note,
            newest,
        )
        .where(key.is_not(None), LedgerFollowUp.deleted_at.is_(None))
        .subquery()
    )
    rows = session.execute(select(ranked).where(ranked.c.newest == 1))
    return {row.key: FollowUpRow(row.kind, row.done_on, row.done_by, row.note) for row in rows}


def _ledger(recent: int, collective: int, claimed: int, agreed: _Agreed | None) -> tuple[LedgerFacts, Risk]:
    agreed = agreed or _Agreed()
    facts = LedgerFacts(recent, collective, agreed.in_default, claimed + agreed.outstanding_fen)
    return facts, assess(facts)


def _search_text(text: str) -> str:
    return clean_line(text, field="search", max_length=SEARCH_MAX, printed=False)


@requires(CASEWORK)
def list_employers(context: StationContext, text: str = "", *, today: date | None = None) -> list[EmployerRow]:
    """Every employer, or those whose name or credit code contains ``text``; most open, then most cases, first."""
    today = today or chinatime.today()
    counts = (
        _case_counts(CaseRespondent.employer_id, today)
        .join(Case, Case.id == CaseRespondent.case_id)
        .where(CaseRespondent.deleted_at.is_(None))
        .group_by(CaseRespondent.employer_id)
        .subquery()
    )
    cases, open_cases = func.coalesce(counts.c.cases, 0), func.coalesce(counts.c.open_cases, 0)
    query = (
        select(
            Employer.id,
            Employer.name,
            Employer.kind,
            Employer.credit_code,
            Employer.credit_code_override_reason.is_not(None),
            cases,
            open_cases,
            Employer.id_number,
            *_ledger_columns(counts),
        )
        .outerjoin(counts, counts.c.key == Employer.id)
        .where(Employer.deleted_at.is_(None))
        .order_by(open_cases.desc(), cases.desc(), Employer.name, Employer.id)
    )
    if needle := _search_text(text):
        query = query.where(
            or_(
                Employer.name.contains(needle, autoescape=True),
                Employer.credit_code.contains(needle.upper(), autoescape=True),
            )
        )
    pairs = (
        select(Case.id, CaseRespondent.employer_id)
        .join(CaseRespondent, CaseRespondent.case_id == Case.id)
        .where(Case.deleted_at.is_(None), CaseRespondent.deleted_at.is_(None))
        .distinct()
    )
    with context.database.transaction() as session:
        agreed = _agreed(session, pairs, today, context.calendar)
        follow_ups = _latest_follow_ups(session, LedgerFollowUp.employer_id)
        return [
            EmployerRow(
                *row[:8],
                *_ledger(*row[8:], agreed.get(row.id)),
                follow_ups.get(row.id),
            )
            for row in session.execute(query)
        ]


@requires(CASEWORK)
def list_projects(context: StationContext, text: str = "", *, today: date | None = None) -> list[ProjectRow]:
    """Every project, or those whose name, address or general contractor (name or credit code) contains ``text``."""
    today = today or chinatime.today()
    counts = (
        _case_counts(Case.project_id, today).where(Case.project_id.is_not(None)).group_by(Case.project_id).subquery()
    )
    workers = (
        select(Case.project_id.label("key"), func.count(distinct(CaseClaimant.person_id)).label("people"))
        .join(CaseClaimant, CaseClaimant.case_id == Case.id)
        .where(Case.project_id.is_not(None), Case.deleted_at.is_(None), CaseClaimant.deleted_at.is_(None))
        .group_by(Case.project_id)
        .subquery()
    )
    contractor = aliased(Employer)
    cases, open_cases = func.coalesce(counts.c.cases, 0), func.coalesce(counts.c.open_cases, 0)
    query = (
        select(
            Project.id,
            Project.name,
            Project.address,
            func.coalesce(contractor.name, ""),
            cases,
            open_cases,
            func.coalesce(workers.c.people, 0),
            *_ledger_columns(counts),
        )
        .outerjoin(contractor, contractor.id == Project.general_contractor_id)
        .outerjoin(counts, counts.c.key == Project.id)
        .outerjoin(workers, workers.c.key == Project.id)
        .where(Project.deleted_at.is_(None))
        .order_by(open_cases.desc(), cases.desc(), Project.name, Project.id)
    )
    if needle := _search_text(text):
        query = query.where(
            or_(
                Project.name.contains(needle, autoescape=True),
                Project.address.contains(needle, autoescape=True),
                contractor.name.contains(needle, autoescape=True),
                contractor.credit_code.contains(needle.upper(), autoescape=True),
            )
        )
    pairs = select(Case.id, Case.project_id).where(Case.deleted_at.is_(None), Case.project_id.is_not(None))
    with context.database.transaction() as session:
        agreed = _agreed(session, pairs, today, context.calendar)
        follow_ups = _latest_follow_ups(session, LedgerFollowUp.project_id)
        return [
            ProjectRow(
                *row[:7],
                *_ledger(*row[7:], agreed.get(row.id)),
                follow_ups.get(row.id),
            )
            for row in session.execute(query)
        ]
