"""What follows mediation outside the station: a payment order or judicial confirmation at the court, the
arbitration committee's handling of a referral, labour inspection's of a complaint.

Each is one *step* with the same shape: it starts (filed, applied, received), the other body accepts or issues
something, for a payment order the order is served on the debtor, the period may be extended, and it ends with an
outcome. The station learns these dates afterwards (the court or committee tells the parties) and records them,
so the statutory periods of the other body can be watched like the station's own.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from . import clocks
from .clocks import Clock
from .messages import QT_TRANSLATE_NOOP
from .workcalendar import WorkCalendar

if TYPE_CHECKING:  # cases names this module's timeline entries, so it cannot be imported here
    from .cases import Category

# R12 (LDMAL 47): an award on a claim up to 12 months of the local monthly minimum wage is final for the employer.
SMALL_CLAIM_MONTHS = 12
# [check] Heze's monthly minimum wage: Shandong's second band (2,010 yuan, from 1 October 2023) is assumed for the
# city's districts. The station administrator sets the current figure; this is only the default.
DEFAULT_MINIMUM_WAGE_FEN = 2010_00


class StepKind(StrEnum):
    PAYMENT_ORDER = "payment_order"  # 支付令 (R8, LDMAL 16)
    JUDICIAL_CONFIRMATION = "judicial_confirmation"  # 司法确认 of the agreement (R9)
    ARBITRATION = "arbitration"  # the committee's handling of the station's referral (R11, R12)
    INSPECTION = "inspection"  # labour inspection's handling of the complaint (R16)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    StepKind.PAYMENT_ORDER: QT_TRANSLATE_NOOP("Domain", "Payment order"),
    StepKind.JUDICIAL_CONFIRMATION: QT_TRANSLATE_NOOP("Domain", "Judicial confirmation"),
    StepKind.ARBITRATION: QT_TRANSLATE_NOOP("Domain", "Arbitration"),
    StepKind.INSPECTION: QT_TRANSLATE_NOOP("Domain", "Labour inspection"),
}


class StepDate(StrEnum):
    """The dates a step records, in the order they happen."""

    STARTED = "started"  # filed with the court / applied jointly / received by the committee or inspection
    ACCEPTED = "accepted"  # the court issued the order / the committee accepted / inspection opened a case
    SERVED = "served"  # the payment order reached the debtor
    EXTENDED = "extended"  # the award or investigation period was extended
    ENDED = "ended"  # the outcome: paid, objection, ruling, award, findings


class StepOutcome(StrEnum):
    PAID = "paid"
    OBJECTION_LITIGATION = "objection_litigation"
    OBJECTION_ARBITRATION = "objection_arbitration"
    ENFORCEMENT_APPLIED = "enforcement_applied"
    CONFIRMED = "confirmed"
    NOT_CONFIRMED = "not_confirmed"
    NOT_ACCEPTED = "not_accepted"
    AWARDED = "awarded"
    SETTLED = "settled"  # an arbitral mediation document, or the employer paid during the investigation
    CONCLUDED = "concluded"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    StepOutcome.PAID: QT_TRANSLATE_NOOP("Domain", "Paid"),
    StepOutcome.OBJECTION_LITIGATION: QT_TRANSLATE_NOOP("Domain", "Objection: goes to litigation"),
    StepOutcome.OBJECTION_ARBITRATION: QT_TRANSLATE_NOOP("Domain", "Objection: goes to arbitration"),
    StepOutcome.ENFORCEMENT_APPLIED: QT_TRANSLATE_NOOP("Domain", "Enforcement applied for"),
    StepOutcome.CONFIRMED: QT_TRANSLATE_NOOP("Domain", "Agreement confirmed"),
    StepOutcome.NOT_CONFIRMED: QT_TRANSLATE_NOOP("Domain", "Confirmation refused"),
    StepOutcome.NOT_ACCEPTED: QT_TRANSLATE_NOOP("Domain", "Not accepted"),
    StepOutcome.AWARDED: QT_TRANSLATE_NOOP("Domain", "Award made"),
    StepOutcome.SETTLED: QT_TRANSLATE_NOOP("Domain", "Settled"),
    StepOutcome.CONCLUDED: QT_TRANSLATE_NOOP("Domain", "Concluded"),
}


@dataclass(frozen=True)
class StepShape:
    """Which dates a kind of step records and how it may end."""

    dates: tuple[StepDate, ...]
    outcomes: tuple[StepOutcome, ...]


_O = StepOutcome
SHAPES = {
    StepKind.PAYMENT_ORDER: StepShape(
        (StepDate.STARTED, StepDate.ACCEPTED, StepDate.SERVED, StepDate.ENDED),
        (_O.PAID, _O.OBJECTION_LITIGATION, _O.OBJECTION_ARBITRATION, _O.ENFORCEMENT_APPLIED),
    ),
    StepKind.JUDICIAL_CONFIRMATION: StepShape((StepDate.STARTED, StepDate.ENDED), (_O.CONFIRMED, _O.NOT_CONFIRMED)),
    StepKind.ARBITRATION: StepShape(
        (StepDate.STARTED, StepDate.ACCEPTED, StepDate.EXTENDED, StepDate.ENDED),
        (_O.NOT_ACCEPTED, _O.AWARDED, _O.SETTLED),
    ),
    StepKind.INSPECTION: StepShape(
        (StepDate.STARTED, StepDate.ACCEPTED, StepDate.EXTENDED, StepDate.ENDED),
        (_O.NOT_ACCEPTED, _O.SETTLED, _O.CONCLUDED),
    ),
}

# What recording each date means, as the case file's button and timeline say it.
STEP_LABELS = {
    (StepKind.PAYMENT_ORDER, StepDate.STARTED): QT_TRANSLATE_NOOP("Domain", "Payment order applied for at the court"),
    (StepKind.PAYMENT_ORDER, StepDate.ACCEPTED): QT_TRANSLATE_NOOP("Domain", "Payment order issued by the court"),
    (StepKind.PAYMENT_ORDER, StepDate.SERVED): QT_TRANSLATE_NOOP("Domain", "Payment order served on the debtor"),
    (StepKind.PAYMENT_ORDER, StepDate.ENDED): QT_TRANSLATE_NOOP("Domain", "Payment order outcome"),
    (StepKind.JUDICIAL_CONFIRMATION, StepDate.STARTED): QT_TRANSLATE_NOOP(
        "Domain", "Joint application for judicial confirmation made"
    ),
    (StepKind.JUDICIAL_CONFIRMATION, StepDate.ENDED): QT_TRANSLATE_NOOP("Domain", "Court's ruling on confirmation"),
    (StepKind.ARBITRATION, StepDate.STARTED): QT_TRANSLATE_NOOP("Domain", "Referral received by the committee"),
    (StepKind.ARBITRATION, StepDate.ACCEPTED): QT_TRANSLATE_NOOP("Domain", "Arbitration application accepted"),
    (StepKind.ARBITRATION, StepDate.EXTENDED): QT_TRANSLATE_NOOP("Domain", "Arbitration period extended"),
    (StepKind.ARBITRATION, StepDate.ENDED): QT_TRANSLATE_NOOP("Domain", "Arbitration outcome"),
    (StepKind.INSPECTION, StepDate.STARTED): QT_TRANSLATE_NOOP("Domain", "Complaint received by labour inspection"),
    (StepKind.INSPECTION, StepDate.ACCEPTED): QT_TRANSLATE_NOOP("Domain", "Labour inspection opened a case"),
    (StepKind.INSPECTION, StepDate.EXTENDED): QT_TRANSLATE_NOOP("Domain", "Labour inspection period extended"),
    (StepKind.INSPECTION, StepDate.ENDED): QT_TRANSLATE_NOOP("Domain", "Labour inspection outcome"),
}
PLANNED_CONFIRMATION_EVENT = "judicial_confirmation.planned"


def event_kind(kind: StepKind, which: StepDate) -> str:
    """The timeline entry for recording ``which`` date of a ``kind`` step, e.g. ``payment_order.served``."""
    return f"{kind}.{which}"


EVENT_LABELS = {event_kind(kind, which): label for (kind, which), label in STEP_LABELS.items()} | {
    PLANNED_CONFIRMATION_EVENT: QT_TRANSLATE_NOOP("Domain", "Parties intend to apply for judicial confirmation")
}


@dataclass(frozen=True)
class StepDates:
    """One step as recorded so far; ``effective_on`` is the agreement's (judicial confirmation only)."""

    kind: StepKind
    started_on: date | None = None
    accepted_on: date | None = None
    served_on: date | None = None
    extended_on: date | None = None
    ended_on: date | None = None
    effective_on: date | None = None


def step_clocks(step: StepDates, today: date, calendar: WorkCalendar) -> list[Clock]:
    """The other body's periods, each once the date it runs from is known."""
    result: list[Clock] = []
    ended = step.ended_on
    extended = step.extended_on is not None
    if step.kind is StepKind.JUDICIAL_CONFIRMATION and step.effective_on is not None:
        result.append(clocks.judicial_confirmation_clock(step.effective_on, step.started_on, today, calendar))
    elif step.kind is StepKind.PAYMENT_ORDER and step.started_on is not None:
        # A court that rejects the application ends the step without an order: that stops its clock too.
        issued = step.accepted_on or ended
        result.append(clocks.payment_order_issue_clock(step.started_on, issued, today, calendar))
        if step.served_on is not None:
            result.append(clocks.payment_order_objection_clock(step.served_on, ended, today, calendar))
    elif step.kind is StepKind.ARBITRATION and step.started_on is not None:
        result.append(clocks.arbitration_acceptance_clock(step.started_on, step.accepted_on or ended, today, calendar))
        if step.accepted_on is not None:
            result.append(clocks.arbitration_award_clock(step.accepted_on, ended, today, calendar, extended=extended))
    elif step.kind is StepKind.INSPECTION and step.started_on is not None:
        opened = step.accepted_on or ended
        result.append(clocks.inspection_acceptance_clock(step.started_on, opened, today, calendar))
        if step.accepted_on is not None:
            result.append(clocks.inspection_clock(step.accepted_on, ended, today, calendar, extended=extended))
    return result


def last_day_to_extend(kind: StepKind, accepted_on: date, calendar: WorkCalendar) -> date:
    """The award's or the investigation's period may be extended only before it has run out (R12, R16)."""
    if kind is StepKind.ARBITRATION:
        return clocks.arbitration_award_clock(accepted_on, None, accepted_on, calendar, extended=False).due
    return clocks.inspection_clock(accepted_on, None, accepted_on, calendar, extended=False).due


@dataclass(frozen=True)
class SmallClaim:
    """R12: whether an award on the claims would be final for the employer (LDMAL 47)."""

    threshold_fen: int
    largest_fen: int
    final: bool


def small_claim(category: "Category", claims_fen: list[int], minimum_wage_fen: int) -> SmallClaim:
    """Final when the dispute is over pay, work-injury medical costs, compensation or damages (the kinds a payment
    order also serves, LDMAL 16 and 47) and no worker claims more than 12 monthly minimum wages.

    [check] Each worker's claim is compared as a whole; the courts compare each item of a claim (单项), so a
    worker's several items could each be under the line while their sum is over it.
    """
    threshold = SMALL_CLAIM_MONTHS * minimum_wage_fen
    largest = max(claims_fen, default=0)
    return SmallClaim(threshold, largest, category.allows_payment_order and 0 < largest <= threshold)
