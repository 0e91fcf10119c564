"""Reading the steps that follow mediation (payment order, judicial confirmation, arbitration, inspection) for the
clocks of one case or of the workbench's many. Kept apart from the use cases so case_queries can ask without a
cycle, as agreement_queries is."""

import uuid
from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.after_mediation import StepDates, StepKind
from ..storage.models import AfterMediationStep, Agreement


def live_steps(session: Session, case_id: uuid.UUID) -> list[AfterMediationStep]:
    return list(
        session.scalars(
            select(AfterMediationStep)
            .where(AfterMediationStep.case_id == case_id, AfterMediationStep.deleted_at.is_(None))
            .order_by(AfterMediationStep.created_at, AfterMediationStep.id)
        )
    )


def open_step_cases() -> Select[tuple[uuid.UUID]]:
    """Cases with a step at the court, committee or inspectorate still waiting for its outcome: their clocks stay on
    the workbench after the case ended. A confirmation the parties have not applied for yet is not one: its window
    matters only while the agreement is performed, and a closed case must not show it as missed for ever."""
    return select(AfterMediationStep.case_id).where(
        AfterMediationStep.ended_on.is_(None),
        AfterMediationStep.deleted_at.is_(None),
        (AfterMediationStep.kind != StepKind.JUDICIAL_CONFIRMATION) | AfterMediationStep.started_on.is_not(None),
    )


def step_dates_for(
    session: Session, case_ids: Collection[uuid.UUID] | Select[tuple[uuid.UUID]]
) -> dict[uuid.UUID, list[StepDates]]:
    """Every live step of the cases, with the effective date of the agreement a confirmation is about."""
    rows = session.execute(
        select(AfterMediationStep, Agreement.effective_at)
        .outerjoin(Agreement, Agreement.id == AfterMediationStep.agreement_id)
        .where(AfterMediationStep.case_id.in_(case_ids), AfterMediationStep.deleted_at.is_(None))
        .order_by(AfterMediationStep.created_at, AfterMediationStep.id)
    ).all()
    found: dict[uuid.UUID, list[StepDates]] = defaultdict(list)
    for step, effective_at in rows:
        found[step.case_id].append(
            StepDates(
                kind=step.kind,
                started_on=step.started_on,
                accepted_on=step.accepted_on,
                served_on=step.served_on,
                extended_on=step.extended_on,
                ended_on=step.ended_on,
                effective_on=chinatime.local_date(effective_at) if effective_at else None,
            )
        )
    return found
