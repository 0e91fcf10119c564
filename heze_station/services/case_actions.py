"""Moving a case through its status machine: accept, refuse, start mediation, withdraw, refer, close."""

import uuid
from datetime import datetime

from ..domain import chinatime
from ..domain.cases import CaseAction, CaseStatus, next_status
from ..domain.text import REASON_MAX, clean_text
from ..storage.types import utc_now
from . import timeline
from .case_queries import CaseDetail, get_case, load_detail
from .station import StationContext


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
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        target = next_status(case.status, action)
        if action in (CaseAction.ACCEPT, CaseAction.REFUSE):
            case.decided_on = today
        if action is CaseAction.START_MEDIATION:
            case.mediation_started_on = today
        if target.is_end_state:
            case.ended_on = today
            case.outcome = target
            case.status_reason = reason
        if target is CaseStatus.CLOSED:
            case.closed_on = today
        case.status = target
        timeline.add(session, context, case, action.value, reason, at=now)
        return load_detail(session, context, case)
