"""The facts the limitation clock needs (R5), asked at intake and corrected later on the case: the day the worker
knew of the infringement, whether the employment continues, and a suspension of the period (force majeure)."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from ..domain import chinatime
from ..domain.cases import CaseEvent, Employment
from ..domain.clocks import Suspension
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.text import REASON_MAX, clean_line
from ..storage.types import utc_now
from . import timeline
from .access import CASEWORK, requires
from .case_queries import CaseDetail, get_case, load_detail
from .checks import Checker, past_date, required_choice
from .station import StationContext


@dataclass(frozen=True)
class CheckedEmployment:
    knew_on: date | None
    employment: Employment
    employment_ended_on: date | None


def check_employment(
    check: Checker,
    knew_on: date | None,
    employment: Employment | None,
    ended_on: date | None,
    today: date,
    received_on: date | None,
) -> CheckedEmployment:
    """The intake's and the case page's one check: a day not yet given stays unknown (None), never a stand-in;
    the worker knew of the infringement by the time he applied (``received_on``); an ended employment needs the
    day it ended."""
    if knew_on is not None:
        knew_on = check(None, past_date, knew_on, "knew_on", today)
        if knew_on is not None and received_on is not None and knew_on > received_on:
            check.refuse(
                "knew_on",
                QT_TRANSLATE_NOOP(
                    "Domain", "The day the worker knew of it cannot be after the application was received ({received})."
                ),
                received=received_on.isoformat(),
            )
            knew_on = None
    employment = check(Employment.UNKNOWN, required_choice, employment, "employment")
    if employment is Employment.ENDED:
        ended_on = check(None, past_date, ended_on, "employment_ended_on", today)
    else:
        ended_on = None  # a date left in a hidden field means nothing once the employment continues
    return CheckedEmployment(knew_on, employment, ended_on)


@dataclass
class LimitationForm:
    knew_on: date | None = None
    employment: Employment | None = Employment.UNKNOWN
    employment_ended_on: date | None = None
    suspended_from: date | None = None  # None: no suspension
    suspended_to: date | None = None  # None: the suspension still stands
    suspension_reason: str = ""


@requires(CASEWORK)
def record_limitation(
    context: StationContext, case_id: uuid.UUID, form: LimitationForm, *, now: datetime | None = None
) -> CaseDetail:
    """Give or correct the limitation facts of a case; every wrong field is refused at once and nothing changes."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    with context.database.transaction() as session:
        received_on = get_case(session, case_id).received_on
    check = Checker()
    facts = check_employment(check, form.knew_on, form.employment, form.employment_ended_on, today, received_on)
    suspension = None
    if form.suspended_from is not None:
        start = check(None, past_date, form.suspended_from, "suspended_from", today)
        end = form.suspended_to
        if end is not None:
            end = check(None, past_date, end, "suspended_to", today)
            if start is not None and end is not None and end < start:
                check.refuse(
                    "suspended_to",
                    QT_TRANSLATE_NOOP("Domain", "The suspension cannot end before it began on {start}."),
                    start=start.isoformat(),
                )
        reason = check(
            "", clean_line, form.suspension_reason, field="suspension_reason", max_length=REASON_MAX, required=True
        )
        if start is not None:
            suspension = Suspension(start, end, reason)
    check.done()
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        case.knew_on = facts.knew_on
        case.employment = facts.employment
        case.employment_ended_on = facts.employment_ended_on
        case.limitation_suspended_from = suspension.start if suspension else None
        case.limitation_suspended_to = suspension.end if suspension else None
        case.limitation_suspension_reason = suspension.reason if suspension else ""
        timeline.add(session, context, case, CaseEvent.LIMITATION_RECORDED, _summary(facts, suspension), at=now)
        return load_detail(session, context, case)


def _summary(facts: CheckedEmployment, suspension: Suspension | None) -> str:
    """The timeline's line: the dates as given, so a later correction can be read against them."""
    parts = [facts.knew_on.isoformat() if facts.knew_on else "?", facts.employment.value]
    if facts.employment_ended_on:
        parts.append(facts.employment_ended_on.isoformat())
    if suspension is not None:
        parts.append(f"{suspension.start.isoformat()}–{suspension.end.isoformat() if suspension.end else ''}")
        parts.append(suspension.reason)
    return "; ".join(parts)
