"""The rules a value chosen in the conflict view must keep: the same ones a person's own action keeps.

Settling a conflict is an edit like any other, so it may not do what the forms and actions forbid: a case's status
moves only by a step of the status machine (taken as that step, with its dates and timeline entry), an agreement's
state only through signing and sealing, and an ID number, phone, credit code or amount must be valid as at intake.
A refused value raises a DomainError with the reason, and the conflict stays open.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.agreements import AgreementState
from ..domain.cases import TRANSITIONS, CaseStatus, available_actions
from ..domain.errors import IllegalTransition, InvalidInput, refusal
from ..domain.identifiers import normalise_mobile, normalise_phone, parse_credit_code, parse_resident_id
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..storage import outbox
from ..storage.models import Case, Employer, SyncRow
from ..sync.tables import SYNCED_TABLES
from . import case_actions
from .agreement_queries import agreement_in_state, performance_of
from .station import StationContext


def apply(session: Session, context: StationContext, row: SyncRow, field: str, value: Any, now: datetime) -> None:
    """Give ``row.field`` the chosen ``value`` (a column value) as a person's edit would, or refuse it."""
    if getattr(row, field) == value:
        return
    if isinstance(row, Case) and field == "status":
        _take_step(session, context, row, CaseStatus(value), now)
        return
    if field in _WORKFLOW_FIELDS.get(row.__tablename__, ()):
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "This is changed only by the steps of the agreement (signing, sealing, a new agreement). Keep "
                    "the city server's value, then take the step on the case page.",
                )
            )
        )
    check = _CHECKS.get((row.__tablename__, field))
    if check is not None and value not in (None, ""):
        value = check(row, value)
    if field.endswith("_fen") and isinstance(value, int) and value < 0:
        raise refusal("value", QT_TRANSLATE_NOOP("Domain", "An amount cannot be negative."))
    # What the city server would refuse (a length, a value of an enum) is refused here already.
    if SYNCED_TABLES[row.__tablename__].field_problem(field, outbox.wire_value(value)) is not None:
        raise unusable()
    setattr(row, field, value)


def unusable() -> InvalidInput:
    return refusal("value", QT_TRANSLATE_NOOP("Domain", "This value cannot be used for this field."))


def _take_step(session: Session, context: StationContext, case: Case, target: CaseStatus, now: datetime) -> None:
    """A status is reached by a step of the machine from the status the case has now, with the step's rules."""
    performance = None
    if case.status is CaseStatus.AGREEMENT:
        agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
        if agreement is not None:
            performance = performance_of(session, agreement, chinatime.local_date(now), context.calendar).state
    steps = [
        action
        for action in available_actions(case.status, case.category, performance)
        if TRANSITIONS[action].target is target
    ]
    if not steps:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    'A case that is "{status}" cannot become "{target}" in one step. Keep the city server\'s value, '
                    "then take the next step on the case page.",
                ),
                {"status": case.status, "target": target},
            )
        )
    action = steps[0]
    if action.needs_reason and not case.status_reason:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "This step needs a written reason. Keep the city server's value, then take the step on the case "
                    "page, where the reason is asked.",
                )
            )
        )
    case_actions.apply_action(session, context, case, action, case.status_reason, now)


def _resident_id(_row: SyncRow, value: Any) -> str:
    return parse_resident_id(str(value), field="value").number


def _credit_code(row: SyncRow, value: Any) -> str:
    reason = row.credit_code_override_reason if isinstance(row, Employer) else None
    return parse_credit_code(str(value), field="value", override_reason=reason)


_CHECKS: dict[tuple[str, str], Callable[[SyncRow, Any], Any]] = {
    ("person", "id_number"): _resident_id,
    ("person", "phone"): lambda _row, value: normalise_mobile(str(value), field="value"),
    ("employer", "id_number"): _resident_id,
    ("employer", "phone"): lambda _row, value: normalise_phone(str(value), field="value"),
    ("employer", "credit_code"): _credit_code,
}
# Fields that only the steps of a workflow change (what the agreement's services set when it takes effect).
_WORKFLOW_FIELDS: dict[str, tuple[str, ...]] = {"agreement": ("state", "seal_applied_at", "effective_at")}
