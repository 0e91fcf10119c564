"""After mediation: following a case to the court (payment order, judicial confirmation), to the arbitration
committee or to labour inspection, by recording the dates those bodies report back (R8, R9, R11, R12, R16).

The station does not decide these steps; it keeps their dates so that the other body's statutory periods show on
the case and the workbench, and so that the worker can be told what to do next (apply for enforcement once the
debtor's 15 days have passed, go to arbitration after an objection).
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import chinatime
from ..domain.after_mediation import (
    DEFAULT_MINIMUM_WAGE_FEN,
    PLANNED_CONFIRMATION_EVENT,
    SHAPES,
    STEP_LABELS,
    SmallClaim,
    StepDate,
    StepKind,
    StepOutcome,
    event_kind,
    last_day_to_extend,
    small_claim,
)
from ..domain.agreements import AgreementState
from ..domain.audit import AuditAction
from ..domain.cases import CaseStatus
from ..domain.clocks import JUDICIAL_CONFIRMATION_DAYS, payment_order_objection_clock
from ..domain.errors import IllegalTransition
from ..domain.mediation import AttachmentKind
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.money import format_yuan, parse_yuan
from ..domain.text import clean_line
from ..storage import settings
from ..storage.models import AfterMediationStep, Agreement, Case, CaseClaimant, CaseWitness
from ..storage.types import utc_now
from . import attachments, audit, timeline
from .access import ADMINISTRATION, CASEWORK, requires
from .agreement_queries import agreement_in_state
from .audit import Actor
from .case_queries import get_case
from .checks import Checker, past_date, required_choice
from .station import StationContext
from .step_queries import live_steps

MINIMUM_WAGE_SETTING = "minimum_wage_fen"
COURT_SETTING = "basic_court"
# [check] The basic-level court for payment orders and judicial confirmation: the one of the district where the
# debtor lives or the mediation body sits. Mudan district's court is the default; a county station sets its own.
DEFAULT_COURT = "菏泽市牡丹区人民法院"
REFERENCE_MAX = 100
WITNESS_NAME_MAX = 50
WITNESS_TEXT_MAX = 200
# The case's end that sends it on, and the step that follows there.
_STEP_AFTER = {
    CaseStatus.REFERRED_COURT: StepKind.PAYMENT_ORDER,
    CaseStatus.REFERRED_ARBITRATION: StepKind.ARBITRATION,
    CaseStatus.REFERRED_INSPECTION: StepKind.INSPECTION,
}
_STEP_COLUMNS = {
    StepDate.STARTED: "started_on",
    StepDate.ACCEPTED: "accepted_on",
    StepDate.SERVED: "served_on",
    StepDate.EXTENDED: "extended_on",
    StepDate.ENDED: "ended_on",
}
# Dates that need another first: nothing happens before the application reaches the body; an order is served and
# a period extended only once issued or accepted.
_DATE_NEEDS = {
    StepDate.ACCEPTED: StepDate.STARTED,
    StepDate.SERVED: StepDate.ACCEPTED,
    StepDate.EXTENDED: StepDate.ACCEPTED,
    StepDate.ENDED: StepDate.STARTED,
}
# Outcomes that need the step to have reached a given date first: an objection answers an order served; an award
# follows acceptance.
_OUTCOME_NEEDS = {
    StepOutcome.OBJECTION_LITIGATION: StepDate.SERVED,
    StepOutcome.OBJECTION_ARBITRATION: StepDate.SERVED,
    StepOutcome.ENFORCEMENT_APPLIED: StepDate.SERVED,
    StepOutcome.AWARDED: StepDate.ACCEPTED,
}


@dataclass(frozen=True)
class StepView:
    id: uuid.UUID
    kind: StepKind
    dates: dict[StepDate, date]  # those recorded so far
    outcome: StepOutcome | None
    reference: str
    can_record: list[StepDate]  # the dates that may be recorded next, in order


@dataclass(frozen=True)
class WitnessView:
    id: uuid.UUID
    name: str
    address: str
    testimony: str


@dataclass(frozen=True)
class CaseSteps:
    steps: list[StepView]
    witnesses: list[WitnessView]  # R11: named in the referral to arbitration
    # What the case file offers to start: a step after its referral, or judicial confirmation of its agreement.
    can_plan_confirmation: bool
    can_start: StepKind | None
    small_claim: SmallClaim | None  # shown once the case went to arbitration (R12)


# -- reading ------------------------------------------------------------------------------------------------------


@requires(CASEWORK)
def case_steps(context: StationContext, case_id: uuid.UUID) -> CaseSteps:
    with context.database.transaction() as session:
        return _case_steps(session, get_case(session, case_id))


def _case_steps(session: Session, case: Case) -> CaseSteps:
    steps = live_steps(session, case.id)
    views = [_view(step) for step in steps]
    kinds = {step.kind for step in steps}
    after = _next_step(case, steps)
    in_effect = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    claim = None
    if StepKind.ARBITRATION in kinds or after is StepKind.ARBITRATION:
        claimed = session.scalars(
            select(CaseClaimant.claimed_fen).where(CaseClaimant.case_id == case.id, CaseClaimant.deleted_at.is_(None))
        ).all()
        claim = small_claim(case.category, list(claimed), minimum_wage(session))
    return CaseSteps(
        steps=views,
        witnesses=[WitnessView(w.id, w.name, w.address, w.testimony) for w in live_witnesses(session, case.id)],
        can_plan_confirmation=in_effect is not None and StepKind.JUDICIAL_CONFIRMATION not in kinds,
        can_start=after if after is not None and after not in kinds else None,
        small_claim=claim,
    )


def _next_step(case: Case, steps: list[AfterMediationStep]) -> StepKind | None:
    """The step the case's referral leads to (a closed case keeps its end in ``outcome``); after a payment order
    the debtor objected to, the arbitration the worker then applies for."""
    if any(step.outcome is StepOutcome.OBJECTION_ARBITRATION for step in steps):
        return StepKind.ARBITRATION
    return _STEP_AFTER.get(case.status) or (_STEP_AFTER.get(case.outcome) if case.outcome else None)


def _view(step: AfterMediationStep) -> StepView:
    dates = {which: getattr(step, column) for which, column in _STEP_COLUMNS.items()}
    recorded = {which: day for which, day in dates.items() if day is not None}
    shape = SHAPES[step.kind].dates
    can_record = [
        which
        for which in shape
        if not step.ended_on and which not in recorded and (which not in _DATE_NEEDS or _DATE_NEEDS[which] in recorded)
    ]
    return StepView(step.id, step.kind, recorded, step.outcome, step.reference, can_record)


def court_name(session: Session) -> str:
    return settings.get(session, COURT_SETTING) or DEFAULT_COURT


def live_witnesses(session: Session, case_id: uuid.UUID) -> list[CaseWitness]:
    return list(
        session.scalars(
            select(CaseWitness)
            .where(CaseWitness.case_id == case_id, CaseWitness.deleted_at.is_(None))
            .order_by(CaseWitness.created_at, CaseWitness.id)
        )
    )


def minimum_wage(session: Session) -> int:
    stored = settings.get(session, MINIMUM_WAGE_SETTING)
    return int(stored) if stored else DEFAULT_MINIMUM_WAGE_FEN


# -- recording ----------------------------------------------------------------------------------------------------


@requires(CASEWORK)
def plan_confirmation(context: StationContext, case_id: uuid.UUID) -> CaseSteps:
    """R9: the parties said they will jointly ask the court to confirm the agreement; its 30 days are watched."""
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
        if agreement is None:
            raise IllegalTransition(Message(QT_TRANSLATE_NOOP("Domain", "This case has no agreement in effect.")))
        if not any(step.kind is StepKind.JUDICIAL_CONFIRMATION for step in live_steps(session, case.id)):
            session.add(
                AfterMediationStep(case_id=case.id, agreement_id=agreement.id, kind=StepKind.JUDICIAL_CONFIRMATION)
            )
            timeline.add(session, context, case, PLANNED_CONFIRMATION_EVENT)
        return _case_steps(session, case)


@requires(CASEWORK)
def record_step(
    context: StationContext,
    case_id: uuid.UUID,
    kind: StepKind,
    which: StepDate,
    on: date | None,
    outcome: StepOutcome | None = None,
    reference: str = "",
    document: Path | None = None,
    *,
    now: datetime | None = None,
) -> CaseSteps:
    """Record one date the court, committee or inspectorate reported: ``ENDED`` with its ``outcome``, and the
    number and scan of a ruling, order or award where there is one. Dates come in order and are never moved."""
    now = now or utc_now()
    today = chinatime.local_date(now)
    check = Checker()
    on = check(today, past_date, on, "on", today)
    reference = check("", clean_line, reference, field="reference", max_length=REFERENCE_MAX)
    if which is StepDate.ENDED:
        outcome = check(None, required_choice, outcome, "outcome")
        if kind is StepKind.JUDICIAL_CONFIRMATION and not reference:
            # The ruling (民事裁定书) is what makes the agreement enforceable: the file must say which one.
            check.refuse("reference", QT_TRANSLATE_NOOP("Domain", "Enter the number of the court's ruling."))
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        step = _step_for(session, case, kind)
        if which not in _view(step).can_record:
            raise IllegalTransition(
                Message(
                    QT_TRANSLATE_NOOP("Domain", "{step} cannot be recorded for this case now."),
                    {"step": _Label(_step_label(kind, which))},
                )
            )
        _check_order(check, session, context, case, step, which, on, outcome)
        check.done()
        setattr(step, _STEP_COLUMNS[which], on)
        if which is StepDate.ENDED:
            step.outcome = outcome
            step.reference = reference
            if document is not None:
                filename, data = attachments.read_file(document)
                attachments.add(session, context, case, AttachmentKind.SCAN, filename, data, step.id)
        detail = " ".join(part for part in (on.isoformat(), reference) if part)
        timeline.add(session, context, case, event_kind(kind, which), detail, at=now)
        session.flush()
        return _case_steps(session, case)


@requires(CASEWORK)
def add_witness(context: StationContext, case_id: uuid.UUID, name: str, address: str, testimony: str) -> CaseSteps:
    """R11 (LDMAL 28): a witness for the referral to arbitration, by name and address."""
    check = Checker()
    name = check("", clean_line, name, field="name", max_length=WITNESS_NAME_MAX, required=True)
    address = check("", clean_line, address, field="address", max_length=WITNESS_TEXT_MAX, required=True)
    testimony = check("", clean_line, testimony, field="testimony", max_length=WITNESS_TEXT_MAX)
    check.done()
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        session.add(CaseWitness(case_id=case.id, name=name, address=address, testimony=testimony))
        session.flush()
        return _case_steps(session, case)


@requires(CASEWORK)
def remove_witness(context: StationContext, case_id: uuid.UUID, witness_id: uuid.UUID) -> CaseSteps:
    """A tombstone, as every synced row: the witness no longer appears on documents issued from now on."""
    with context.database.transaction() as session:
        case = get_case(session, case_id)
        for witness in live_witnesses(session, case.id):
            if witness.id == witness_id:
                witness.deleted_at = utc_now()
        return _case_steps(session, case)


@dataclass(frozen=True)
class _Label:
    """A message parameter shown by its translated label (see domain.messages)."""

    label: str


def _step_label(kind: StepKind, which: StepDate) -> str:
    return STEP_LABELS[(kind, which)]


def _step_for(session: Session, case: Case, kind: StepKind) -> AfterMediationStep:
    """The case's step of ``kind``; a referral's first date starts it. A confirmation must be planned first."""
    steps = live_steps(session, case.id)
    for step in steps:
        if step.kind is kind:
            return step
    if kind is not _next_step(case, steps):
        raise IllegalTransition(
            Message(QT_TRANSLATE_NOOP("Domain", "This case was not sent on to this step: {kind}."), {"kind": kind})
        )
    agreement = agreement_in_state(session, case.id, AgreementState.IN_EFFECT)
    step = AfterMediationStep(case_id=case.id, agreement_id=agreement.id if agreement else None, kind=kind)
    session.add(step)
    return step


def _check_order(
    check: Checker,
    session: Session,
    context: StationContext,
    case: Case,
    step: AfterMediationStep,
    which: StepDate,
    on: date,
    outcome: StepOutcome | None,
) -> None:
    """Each date falls on or after the one before it; the windows of R9 and R12 are kept."""
    recorded = _view(step).dates
    if outcome is not None:
        if outcome not in SHAPES[step.kind].outcomes:
            check.refuse(
                "outcome", QT_TRANSLATE_NOOP("Domain", "This outcome does not end this step: {kind}."), kind=step.kind
            )
        needed = _OUTCOME_NEEDS.get(outcome)
        if needed is not None and needed not in recorded:
            check.refuse(
                "outcome",
                QT_TRANSLATE_NOOP("Domain", "Record first: {step}."),
                step=_Label(_step_label(step.kind, needed)),
            )
    if outcome is StepOutcome.ENFORCEMENT_APPLIED and step.served_on is not None:
        # R8: the order becomes enforceable only when the debtor's period has passed without payment or objection.
        window = payment_order_objection_clock(step.served_on, None, on, context.calendar)
        if on <= window.due:
            check.refuse(
                "on",
                QT_TRANSLATE_NOOP(
                    "Domain", "Enforcement can be applied for only after the debtor's period ends on {due}."
                ),
                due=window.due.isoformat(),
            )
    floor = max(recorded.values(), default=case.received_on)
    if on < floor:
        check.refuse(
            "on", QT_TRANSLATE_NOOP("Domain", "This date cannot come before {earlier}."), earlier=floor.isoformat()
        )
    if step.kind is StepKind.JUDICIAL_CONFIRMATION and which is StepDate.STARTED:
        effective_on = _effective_on(session, step)
        last_day = effective_on + timedelta(days=JUDICIAL_CONFIRMATION_DAYS)
        if not effective_on <= on <= last_day:
            check.refuse(
                "on",
                QT_TRANSLATE_NOOP("Domain", "The application must be made between {first} and {last} (R9)."),
                first=effective_on.isoformat(),
                last=last_day.isoformat(),
            )
    if which is StepDate.EXTENDED and step.accepted_on is not None:
        last_day = last_day_to_extend(step.kind, step.accepted_on, context.calendar)
        if on > last_day:
            check.refuse(
                "on",
                QT_TRANSLATE_NOOP("Domain", "The period can only be extended before it ends on {due}."),
                due=last_day.isoformat(),
            )


def _effective_on(session: Session, step: AfterMediationStep) -> date:
    agreement = session.get_one(Agreement, step.agreement_id)
    assert agreement.effective_at is not None
    return chinatime.local_date(agreement.effective_at)


# -- the station's settings ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourtSettings:
    court: str  # the basic-level court the applications are addressed to
    minimum_wage_fen: int  # R12: the local monthly minimum wage


@requires(CASEWORK)
def court_settings(context: StationContext) -> CourtSettings:
    with context.database.transaction() as session:
        return CourtSettings(court_name(session), minimum_wage(session))


@requires(ADMINISTRATION)
def save_court_settings(context: StationContext, court: str, minimum_wage_yuan: str) -> CourtSettings:
    """The court the station's payment-order and confirmation applications go to, and the local monthly minimum
    wage (in yuan as typed) whose 12-fold is the small-claims line (R12)."""
    check = Checker()
    court = check("", clean_line, court, field="court", max_length=REFERENCE_MAX, required=True)
    fen = check(0, parse_yuan, minimum_wage_yuan, field="minimum_wage")
    check.done()
    actor = Actor.of(context)
    with context.database.transaction() as session:
        settings.put(session, COURT_SETTING, court)
        settings.put(session, MINIMUM_WAGE_SETTING, str(fen))
        subject = QT_TRANSLATE_NOOP("Domain", "Basic-level court")
        audit.append(session, actor, AuditAction.SETTING_CHANGED, subject, value=court)
        subject = QT_TRANSLATE_NOOP("Domain", "Local monthly minimum wage")
        audit.append(session, actor, AuditAction.SETTING_CHANGED, subject, value=format_yuan(fen))
    return CourtSettings(court, fen)
