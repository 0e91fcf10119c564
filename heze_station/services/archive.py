"""The archive of closed case files (R13): each with its retention end, and no purge before it."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.after_mediation import StepKind, StepOutcome
from ..domain.audit import AuditAction
from ..domain.cases import CaseStatus
from ..domain.errors import IllegalTransition
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.retention import first_purge_day, may_purge, retention_until
from ..storage.models import AfterMediationStep, Case
from ..storage.types import utc_now
from . import audit
from .access import ADMINISTRATION, CASEWORK, requires
from .case_queries import get_case
from .station import StationContext


@dataclass(frozen=True)
class ArchivedCase:
    case_id: uuid.UUID
    number: str
    outcome: CaseStatus | None
    closed_on: date
    retention_until: date


@requires(CASEWORK)
def archive(context: StationContext) -> list[ArchivedCase]:
    """Every closed file, the most recently closed first, with the day until which it must be kept."""
    query = (
        select(Case.id, Case.number, Case.outcome, Case.ended_on, Case.closed_on)
        .where(Case.deleted_at.is_(None), Case.status == CaseStatus.CLOSED, Case.closed_on.is_not(None))
        .order_by(Case.closed_on.desc(), Case.number)
    )
    with context.database.transaction() as session:
        rows = session.execute(query).all()
        awards = _awards(session)
    return [
        ArchivedCase(
            row.id,
            row.number,
            row.outcome,
            row.closed_on,
            retention_until(row.outcome, row.ended_on, row.closed_on, awards.get(row.id)),
        )
        for row in rows
    ]


def _awards(session: Session, case_id: uuid.UUID | None = None) -> dict[uuid.UUID, date]:
    """The day of each case's arbitral award, where the station recorded one (domain.after_mediation)."""
    query = select(AfterMediationStep.case_id, func.max(AfterMediationStep.ended_on)).where(
        AfterMediationStep.kind == StepKind.ARBITRATION,
        AfterMediationStep.outcome == StepOutcome.AWARDED,
        AfterMediationStep.ended_on.is_not(None),
        AfterMediationStep.deleted_at.is_(None),
    )
    if case_id is not None:
        query = query.where(AfterMediationStep.case_id == case_id)
    return dict(session.execute(query.group_by(AfterMediationStep.case_id)).all())


@requires(ADMINISTRATION)
def purge_case(context: StationContext, case_id: uuid.UUID, *, now: datetime | None = None) -> None:
    """Remove a closed file whose retention has ended (a tombstone, synced like any deletion); refused, changing
    nothing, for an open file or one still to be kept."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        if case.status is not CaseStatus.CLOSED or case.closed_on is None:
            raise IllegalTransition(
                Message(QT_TRANSLATE_NOOP("Domain", "Only a closed file can be removed, once its retention has ended."))
            )
        until = retention_until(case.outcome, case.ended_on, case.closed_on, _awards(session, case.id).get(case.id))
        if not may_purge(until, today):
            raise IllegalTransition(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Domain", "This file must be kept until {until} (R13); it can be removed from {first}."
                    ),
                    {"until": until.isoformat(), "first": first_purge_day(until).isoformat()},
                )
            )
        case.deleted_at = now
        audit.append(session, audit.Actor.of(context), AuditAction.CASE_PURGED, case.number)
