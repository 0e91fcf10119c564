"""Employers and construction projects with their complaint counts: the station's repeat-complaint ledger (台账).

The city keeps employers and projects that draw repeated complaints on a ledger and follows them up, so both lists
put the ones with the most open cases, then the most complaints overall, at the top.
"""

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, distinct, func, or_, select
from sqlalchemy.orm import aliased

from ..domain.cases import OPEN_STATUSES
from ..domain.parties import EmployerKind
from ..domain.text import clean_line
from ..storage.models import Case, CaseClaimant, CaseRespondent, Employer, Project
from .access import CASEWORK, requires
from .case_queries import SEARCH_MAX
from .station import StationContext


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


def _case_counts(key: ColumnElement[uuid.UUID]) -> Select:
    """All and open non-deleted cases per ``key``, for a query that already joins Case."""
    return select(
        key.label("key"),
        func.count(Case.id).label("cases"),
        func.count(Case.id).filter(Case.status.in_(OPEN_STATUSES)).label("open_cases"),
    ).where(Case.deleted_at.is_(None))


def _search_text(text: str) -> str:
    return clean_line(text, field="search", max_length=SEARCH_MAX, printed=False)


@requires(CASEWORK)
def list_employers(context: StationContext, text: str = "") -> list[EmployerRow]:
    """Every employer, or those whose name or credit code contains ``text``; most open, then most cases, first."""
    counts = (
        _case_counts(CaseRespondent.employer_id)
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
    with context.database.transaction() as session:
        return [EmployerRow(*row) for row in session.execute(query)]


@requires(CASEWORK)
def list_projects(context: StationContext, text: str = "") -> list[ProjectRow]:
    """Every project, or those whose name, address or general contractor (name or credit code) contains ``text``."""
    counts = _case_counts(Case.project_id).where(Case.project_id.is_not(None)).group_by(Case.project_id).subquery()
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
    with context.database.transaction() as session:
        return [ProjectRow(*row) for row in session.execute(query)]
