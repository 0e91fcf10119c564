"""Moving a case through its status machine: accept, refuse, start mediation, withdraw, refer, close."""

import uuid
from datetime import date, datetime

from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.agreements import AgreementState
from ..domain.cases import ENDS_WITHOUT_AGREEMENT, REFERRALS, CaseAction, CaseEvent, CaseStatus, next_status
from ..domain.errors import IllegalTransition, refusal
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import format_yuan
from ..domain.performance import PerformanceState
from ..domain.text import REASON_MAX, clean_text
from ..domain.workcalendar import WorkCalendar
from ..storage.models import Case
from ..storage.types import utc_now
from . import timeline
from .access import CASEWORK, requires
from .agreement_queries import agreement_in_state, performance_of
from .case_queries import CaseDetail, get_case, load_detail
from .checks import past_date
from .station import StationContext


@requires(CASEWORK)
def perform(
    context: StationContext,
    case_id: uuid.UUID,
    action: CaseAction,
    reason: str = "",
    *,
    now: datetime | None = None,
) -> CaseDetail:
    """Apply ``action`` to the case and record it on the timeline, all or nothing.

    An action that the case's status does not allow, or a missing reason where one is required (a refusal must be
    explained in writing, R2), raises a DomainError and changes nothing. ``now`` backdates the step (the demo
    data replays months of work); it defaults to the present.
    """
    reason = clean_text(reason, field="reason", max_length=REASON_MAX, required=action.needs_reason)
    now = now or utc_now()
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        apply_action(session, context, case, action, reason, now)
        return load_detail(session, context, case)


def apply_action(
    session: Session, context: StationContext, case: Case, action: CaseAction, reason: str, now: datetime
) -> None:
    """The bookkeeping of one step, inside the caller's transaction: dates, outcome, limitation, timeline."""
    today = chinatime.local_date(now)
    target = next_status(case.status, action)
    if action is CaseAction.RECORD_AGREEMENT and agreement_in_state(session, case.id, AgreementState.IN_EFFECT) is None:
        # Only an agreement taking effect (signatures and seal, R7) ends the mediation in agreement.
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "An agreement is reached only when its terms are signed by every party and sealed: "
                    'draft, sign and seal it on the "Agreement and payments" tab.',
                )
            )
        )
    restarts_on = today
    if case.status is CaseStatus.AGREEMENT:
        restarts_on = _check_agreement_allows(session, case, action, today, context.calendar) or today
    if action is CaseAction.REFER_COURT and not case.category.allows_payment_order:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP("Domain", "A payment order is not available for a dispute about {category}."),
                {"category": case.category},
            )
        )
    if action in (CaseAction.ACCEPT, CaseAction.REFUSE):
        case.decided_on = today
    if action is CaseAction.START_MEDIATION:
        case.mediation_started_on = today
    if target.is_end_state:
        case.ended_on = today
        case.outcome = target
        case.status_reason = reason
    if target in ENDS_WITHOUT_AGREEMENT and case.limitation_restarts_on is None:
        case.limitation_restarts_on = restarts_on
    if target is CaseStatus.CLOSED:
        case.closed_on = today
    case.status = target
    timeline.add(session, context, case, action.value, reason, at=now)


def _check_agreement_allows(
    session: Session, case: Case, action: CaseAction, today: date, calendar: WorkCalendar
) -> date | None:
    """A case with an agreement closes once it is performed, and goes to arbitration, inspection or court only when
    it is not (R8). Returns the first day of default, from which the limitation period runs again."""
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    if agreement is None:  # an agreement recorded before agreements had terms: nothing to check against
        return None
    performance = performance_of(session, agreement, today, calendar)
    if action is CaseAction.CLOSE and performance.state is not PerformanceState.PERFORMED:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP("Domain", "The agreement is not fully performed yet: {outstanding} is still owed."),
                {"outstanding": format_yuan(performance.outstanding_fen)},
            )
        )
    if action in REFERRALS and performance.state is not PerformanceState.IN_DEFAULT:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain", "The agreement is being performed; refer the case only once a payment is missed."
                )
            )
        )
    return performance.defaulted_since


@requires(CASEWORK)
def record_notice_served(
    context: StationContext, case_id: uuid.UUID, served_on: date | None, *, now: datetime | None = None
) -> CaseDetail:
    """R2: the written notice of a refusal reached the applicant on ``served_on`` (recorded at ``now``)."""
    now = now or utc_now()
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        if CaseStatus.REFUSED not in (case.status, case.outcome):
            raise IllegalTransition(
                Message(QT_TRANSLATE_NOOP("Domain", "Only a refused complaint needs a written notice of refusal."))
            )
        served_on = past_date(served_on, "served_on", chinatime.local_date(now))
        if case.decided_on is not None and served_on < case.decided_on:
            raise refusal(
                "served_on",
                QT_TRANSLATE_NOOP("Domain", "The notice cannot be served before the refusal on {decided}."),
                decided=case.decided_on.isoformat(),
            )
        case.notice_served_on = served_on
        timeline.add(session, context, case, CaseEvent.NOTICE_SERVED, served_on.isoformat(), at=now)
        return load_detail(session, context, case)
