"""Reading agreements for the rules that depend on them: is one in effect, how far it is performed, which clocks
its case shows. Kept apart from the agreement use cases so the case queries and actions can ask without a cycle."""

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, case, exists, false, func, or_, select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.agreements import AgreementState, Instalment
from ..domain.cases import CaseStatus
from ..domain.performance import Performance, PerformanceState, WorkerBalance, performance, worker_balances
from ..domain.workcalendar import WorkCalendar
from ..storage.models import Agreement, AgreementInstalment, AgreementShare, ArbitralReview, Case, Payment, Person


@dataclass(frozen=True)
class AgreementClocks:
    """What a case's clocks need to know about its agreement in effect."""

    effective_on: date
    performance: Performance
    review_planned: bool
    review_applied_on: date | None


def agreement_in_state(session: Session, case_id: uuid.UUID, state: AgreementState) -> Agreement | None:
    return session.scalar(
        select(Agreement).where(Agreement.case_id == case_id, Agreement.state == state, Agreement.deleted_at.is_(None))
    )


def agreement_took_effect(session: Session, case_id: uuid.UUID) -> bool:
    """Any agreement of the case ever took effect (a superseded one too: its terms were once binding), which fixes
    the case's workers and their claims (services.case_corrections)."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Agreement.case_id == case_id, Agreement.effective_at.is_not(None), Agreement.deleted_at.is_(None)
                )
            )
        )
    )


def performance_of(session: Session, agreement: Agreement, today: date, calendar: WorkCalendar) -> Performance:
    return clocks_for(session, [agreement.case_id], today, calendar)[agreement.case_id].performance


def clocks_for(
    session: Session,
    case_ids: Collection[uuid.UUID] | Select[tuple[uuid.UUID]],
    today: date,
    calendar: WorkCalendar,
) -> dict[uuid.UUID, AgreementClocks]:
    """The agreement clocks of many cases in three queries (the workbench asks for every case in performance)."""
    agreements = session.execute(
        select(Agreement.id, Agreement.case_id, Agreement.effective_at).where(
            Agreement.case_id.in_(case_ids),
            Agreement.state == AgreementState.IN_EFFECT,
            Agreement.deleted_at.is_(None),
        )
    ).all()
    if not agreements:
        return {}  # the usual case of a page of pulled cases: the three queries below would find nothing
    # Agreements are few next to cases (those in performance), so their ids go into the next queries as a list.
    ids = [row.id for row in agreements]
    schedules: dict[uuid.UUID, list[Instalment]] = defaultdict(list)
    for row in session.execute(
        select(AgreementInstalment.agreement_id, AgreementInstalment.due_on, AgreementInstalment.amount_fen)
        .where(AgreementInstalment.agreement_id.in_(ids))
        .order_by(AgreementInstalment.agreement_id, AgreementInstalment.position)
    ):
        schedules[row.agreement_id].append(Instalment(row.due_on, row.amount_fen))
    paid = dict(
        session.execute(
            select(Payment.agreement_id, func.sum(Payment.amount_fen))
            .where(Payment.agreement_id.in_(ids))
            .group_by(Payment.agreement_id)
        ).all()
    )
    reviews = {
        row.agreement_id: row.applied_on
        for row in session.execute(
            select(ArbitralReview.agreement_id, ArbitralReview.applied_on).where(
                ArbitralReview.agreement_id.in_(ids), ArbitralReview.deleted_at.is_(None)
            )
        )
    }
    return {
        row.case_id: AgreementClocks(
            effective_on=chinatime.local_date(row.effective_at),
            performance=performance(schedules[row.id], [paid.get(row.id) or 0], today, calendar),
            review_planned=row.id in reviews,
            review_applied_on=reviews.get(row.id),
        )
        for row in agreements
    }


def cases_performing(
    states: Collection[PerformanceState], today: date, calendar: WorkCalendar
) -> Select[tuple[uuid.UUID]]:
    """The cases with an agreement reached whose performance on ``today`` is one of ``states``, in SQL.

    The twin of domain.performance for filtering many cases without loading them: payments fill the instalments
    in due order, so an agreement is in default exactly when more fell due before today than was paid, and
    performed when all of it was paid.
    """
    # An instalment's last day (its due date, or the working day after a rest day) is before today exactly when
    # it falls due by the last working day before today.
    late_until = calendar.last_working_day_before(today)
    schedule = (
        select(
            AgreementInstalment.agreement_id,
            func.sum(AgreementInstalment.amount_fen).label("total"),
            func.sum(case((AgreementInstalment.due_on <= late_until, AgreementInstalment.amount_fen), else_=0)).label(
                "due"
            ),
        )
        .group_by(AgreementInstalment.agreement_id)
        .subquery()
    )
    payments = (
        select(Payment.agreement_id, func.sum(Payment.amount_fen).label("paid"))
        .group_by(Payment.agreement_id)
        .subquery()
    )
    paid = func.coalesce(payments.c.paid, 0)
    conditions: dict[PerformanceState, ColumnElement[bool]] = {
        PerformanceState.IN_DEFAULT: schedule.c.due > paid,
        PerformanceState.PERFORMING: (schedule.c.due <= paid) & (schedule.c.total > paid),
        PerformanceState.PERFORMED: schedule.c.total <= paid,
    }
    return (
        select(Agreement.case_id)
        .join(Case, Case.id == Agreement.case_id)
        .join(schedule, schedule.c.agreement_id == Agreement.id)
        .outerjoin(payments, payments.c.agreement_id == Agreement.id)
        .where(
            Agreement.state == AgreementState.IN_EFFECT,
            Agreement.deleted_at.is_(None),
            Case.status == CaseStatus.AGREEMENT,
            or_(false(), *(conditions[state] for state in states)),
        )
    )


@dataclass(frozen=True)
class UnpaidWorker:
    case_id: uuid.UUID
    name: str
    balance: WorkerBalance


def unpaid_workers(session: Session, case_ids: Collection[uuid.UUID] | Select[tuple[uuid.UUID]]) -> list[UnpaidWorker]:
    """The workers still owed something under their case's agreement in effect, in the order of the shares."""
    agreements = dict(
        session.execute(
            select(Agreement.id, Agreement.case_id).where(
                Agreement.case_id.in_(case_ids),
                Agreement.state == AgreementState.IN_EFFECT,
                Agreement.deleted_at.is_(None),
            )
        ).all()
    )
    shares: dict[uuid.UUID, list[tuple[uuid.UUID, str, int]]] = defaultdict(list)
    for row in session.execute(
        select(AgreementShare.agreement_id, AgreementShare.person_id, Person.name, AgreementShare.amount_fen)
        .join(Person, Person.id == AgreementShare.person_id)
        .where(AgreementShare.agreement_id.in_(list(agreements)))
        .order_by(AgreementShare.agreement_id, AgreementShare.position)
    ):
        shares[row.agreement_id].append((row.person_id, row.name, row.amount_fen))
    paid_to: dict[uuid.UUID, dict[uuid.UUID | None, int]] = defaultdict(dict)
    for row in session.execute(
        select(Payment.agreement_id, Payment.person_id, func.sum(Payment.amount_fen).label("fen"))
        .where(Payment.agreement_id.in_(list(agreements)))
        .group_by(Payment.agreement_id, Payment.person_id)
    ):
        paid_to[row.agreement_id][row.person_id] = row.fen
    unpaid = []
    for agreement_id, case_id in agreements.items():
        paid = paid_to[agreement_id]
        names = {person_id: name for person_id, name, _ in shares[agreement_id]}
        split = {person_id: fen for person_id, fen in paid.items() if person_id is not None}
        balances = worker_balances(
            [(person_id, fen) for person_id, _, fen in shares[agreement_id]], split, paid.get(None, 0)
        )
        unpaid += [UnpaidWorker(case_id, names[b.person_id], b) for b in balances if b.outstanding_fen > 0]
    return unpaid
