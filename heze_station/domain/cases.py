"""What a case is and how it may move: categories, intake channels and the status machine.

Labels are English source texts marked for translation; the GUI shows them in Chinese.
"""

from dataclasses import dataclass
from enum import StrEnum

from .errors import IllegalTransition, refusal
from .messages import QT_TRANSLATE_NOOP, Message
from .money import parse_yuan
from .performance import PerformanceState

# R3: ten or more workers with a common claim make a collective dispute, represented by 3-5 elected workers.
COLLECTIVE_MIN_WORKERS = 10
REPRESENTATIVES_MIN = 3
REPRESENTATIVES_MAX = 5


class IntakeChannel(StrEnum):
    LETTER = "letter"
    ONLINE = "online"
    VISIT = "visit"
    PHONE = "phone"
    ON_SITE = "on_site"
    PLATFORM = "platform"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]

    @property
    def is_oral(self) -> bool:
        """Made in person or by phone: the station writes it down as a 口头申请笔录 the applicant signs (R1)."""
        return self in (IntakeChannel.VISIT, IntakeChannel.PHONE, IntakeChannel.ON_SITE)


_CHANNEL_LABELS = {
    IntakeChannel.LETTER: QT_TRANSLATE_NOOP("Domain", "Letter"),
    IntakeChannel.ONLINE: QT_TRANSLATE_NOOP("Domain", "Online"),
    IntakeChannel.VISIT: QT_TRANSLATE_NOOP("Domain", "Visit"),
    IntakeChannel.PHONE: QT_TRANSLATE_NOOP("Domain", "Phone"),
    IntakeChannel.ON_SITE: QT_TRANSLATE_NOOP("Domain", "On site"),
    IntakeChannel.PLATFORM: QT_TRANSLATE_NOOP("Domain", "Forwarded by the national platform"),
}


class Category(StrEnum):
    WAGES = "wages"
    OVERTIME_PAY = "overtime_pay"
    SOCIAL_INSURANCE = "social_insurance"
    TERMINATION = "termination"
    WORK_INJURY = "work_injury"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]

    @property
    def allows_payment_order(self) -> bool:
        """R8 (LDMAL 16): an unperformed agreement on unpaid wages, work-injury medical costs, economic compensation
        or damages can go to court for a payment order."""
        return self in (Category.WAGES, Category.OVERTIME_PAY, Category.WORK_INJURY, Category.TERMINATION)

    @property
    def is_wage_claim(self) -> bool:
        """Labour remuneration (劳动报酬): not time-barred while the employment continues (LDMAL 27)."""
        return self in (Category.WAGES, Category.OVERTIME_PAY)

    @property
    def is_money_claim(self) -> bool:
        """Each worker claims a sum; other disputes (insurance, injury, termination) may start without one."""
        return self in (Category.WAGES, Category.OVERTIME_PAY)


def parse_claim(text: str, category: Category | None, *, field: str = "claimed") -> int:
    """A worker's claimed amount in fen, by the one rule of the intake form, the roster and the service.

    Unpaid wages and overtime are a sum, so a zero claim is refused; the other disputes may start without one (0).
    Before the category is chosen (a roster read into an empty form) zero passes, and is judged again once it is.
    """
    fen = parse_yuan(text, field=field, allow_zero=True)
    if fen == 0 and category is not None and category.is_money_claim:
        raise refusal(
            field,
            QT_TRANSLATE_NOOP("Domain", "For a dispute about {category} the amount must be more than zero."),
            category=category,
        )
    return fen


_CATEGORY_LABELS = {
    Category.WAGES: QT_TRANSLATE_NOOP("Domain", "Unpaid wages"),
    Category.OVERTIME_PAY: QT_TRANSLATE_NOOP("Domain", "Overtime pay"),
    Category.SOCIAL_INSURANCE: QT_TRANSLATE_NOOP("Domain", "Social insurance"),
    Category.TERMINATION: QT_TRANSLATE_NOOP("Domain", "Contract termination or compensation"),
    Category.WORK_INJURY: QT_TRANSLATE_NOOP("Domain", "Work injury"),
    Category.OTHER: QT_TRANSLATE_NOOP("Domain", "Other"),
}


class Employment(StrEnum):
    """Whether the worker's employment continues: wage arrears are not time-barred while it does (LDMAL 27)."""

    CONTINUES = "continues"
    ENDED = "ended"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _EMPLOYMENT_LABELS[self]


_EMPLOYMENT_LABELS = {
    Employment.CONTINUES: QT_TRANSLATE_NOOP("Domain", "Employment continues"),
    Employment.ENDED: QT_TRANSLATE_NOOP("Domain", "Employment has ended"),
    Employment.UNKNOWN: QT_TRANSLATE_NOOP("Domain", "Not known yet"),
}


class CaseStatus(StrEnum):
    REGISTERED = "registered"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    IN_MEDIATION = "in_mediation"
    AGREEMENT = "agreement"
    MEDIATION_FAILED = "mediation_failed"
    WITHDRAWN = "withdrawn"
    REFERRED_ARBITRATION = "referred_arbitration"
    REFERRED_INSPECTION = "referred_inspection"
    REFERRED_COURT = "referred_court"
    CLOSED = "closed"
    # Registered by mistake and voided by the administrator: kept in the files, out of the figures, no clocks.
    VOIDED = "voided"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Still needs the station's work: not yet decided, or in mediation."""
        return self in OPEN_STATUSES

    @property
    def is_end_state(self) -> bool:
        return self in END_STATES


_STATUS_LABELS = {
    CaseStatus.REGISTERED: QT_TRANSLATE_NOOP("Domain", "Registered"),
    CaseStatus.ACCEPTED: QT_TRANSLATE_NOOP("Domain", "Accepted"),
    CaseStatus.REFUSED: QT_TRANSLATE_NOOP("Domain", "Refused"),
    CaseStatus.IN_MEDIATION: QT_TRANSLATE_NOOP("Domain", "In mediation"),
    CaseStatus.AGREEMENT: QT_TRANSLATE_NOOP("Domain", "Agreement reached"),
    CaseStatus.MEDIATION_FAILED: QT_TRANSLATE_NOOP("Domain", "Mediation failed"),
    CaseStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Domain", "Withdrawn"),
    CaseStatus.REFERRED_ARBITRATION: QT_TRANSLATE_NOOP("Domain", "Referred to arbitration"),
    CaseStatus.REFERRED_INSPECTION: QT_TRANSLATE_NOOP("Domain", "Referred to labour inspection"),
    CaseStatus.REFERRED_COURT: QT_TRANSLATE_NOOP("Domain", "Sent to court for a payment order"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Domain", "Closed"),
    CaseStatus.VOIDED: QT_TRANSLATE_NOOP("Domain", "Voided"),
}

OPEN_STATUSES = frozenset({CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION})
END_STATES = frozenset(
    {
        CaseStatus.REFUSED,
        CaseStatus.AGREEMENT,
        CaseStatus.MEDIATION_FAILED,
        CaseStatus.WITHDRAWN,
        CaseStatus.REFERRED_ARBITRATION,
        CaseStatus.REFERRED_INSPECTION,
        CaseStatus.REFERRED_COURT,
    }
)
# Ends after which the limitation period runs again (R5): every end but an agreement.
ENDS_WITHOUT_AGREEMENT = END_STATES - {CaseStatus.AGREEMENT}


class CaseAction(StrEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"
    START_MEDIATION = "start_mediation"
    RECORD_AGREEMENT = "record_agreement"
    RECORD_FAILURE = "record_failure"
    WITHDRAW = "withdraw"
    REFER_ARBITRATION = "refer_arbitration"
    REFER_INSPECTION = "refer_inspection"
    REFER_COURT = "refer_court"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]

    @property
    def needs_reason(self) -> bool:
        """A refusal, withdrawal, failure or referral must be explained in writing (R2, R10)."""
        return self in (
            CaseAction.REFUSE,
            CaseAction.RECORD_FAILURE,
            CaseAction.WITHDRAW,
            CaseAction.REFER_ARBITRATION,
            CaseAction.REFER_INSPECTION,
            CaseAction.REFER_COURT,
        )


_ACTION_LABELS = {
    CaseAction.ACCEPT: QT_TRANSLATE_NOOP("Domain", "Accept"),
    CaseAction.REFUSE: QT_TRANSLATE_NOOP("Domain", "Refuse"),
    CaseAction.START_MEDIATION: QT_TRANSLATE_NOOP("Domain", "Start mediation"),
    CaseAction.RECORD_AGREEMENT: QT_TRANSLATE_NOOP("Domain", "Record agreement"),
    CaseAction.RECORD_FAILURE: QT_TRANSLATE_NOOP("Domain", "Record mediation failure"),
    CaseAction.WITHDRAW: QT_TRANSLATE_NOOP("Domain", "Withdraw"),
    CaseAction.REFER_ARBITRATION: QT_TRANSLATE_NOOP("Domain", "Refer to arbitration"),
    CaseAction.REFER_INSPECTION: QT_TRANSLATE_NOOP("Domain", "Refer to labour inspection"),
    CaseAction.REFER_COURT: QT_TRANSLATE_NOOP("Domain", "Send to court for a payment order"),
    CaseAction.CLOSE: QT_TRANSLATE_NOOP("Domain", "Close case"),
}


@dataclass(frozen=True)
class Transition:
    source: frozenset[CaseStatus]
    target: CaseStatus


# The whole state machine in one table: registered -> accepted | refused; accepted -> in mediation ->
# an end state; an accepted case may also be withdrawn or referred before mediation starts; any end state -> closed.
# After a failed mediation, or an agreement that is not performed (checked by the service), the case goes on to
# arbitration or labour inspection; an unperformed agreement may also go to court for a payment order (R8).
_MEDIATING = frozenset({CaseStatus.IN_MEDIATION})
_BEFORE_OR_IN_MEDIATION = frozenset({CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION})
_REFERRABLE = _BEFORE_OR_IN_MEDIATION | {CaseStatus.MEDIATION_FAILED, CaseStatus.AGREEMENT}
TRANSITIONS: dict[CaseAction, Transition] = {
    CaseAction.ACCEPT: Transition(frozenset({CaseStatus.REGISTERED}), CaseStatus.ACCEPTED),
    CaseAction.REFUSE: Transition(frozenset({CaseStatus.REGISTERED}), CaseStatus.REFUSED),
    CaseAction.START_MEDIATION: Transition(frozenset({CaseStatus.ACCEPTED}), CaseStatus.IN_MEDIATION),
    CaseAction.RECORD_AGREEMENT: Transition(_MEDIATING, CaseStatus.AGREEMENT),
    CaseAction.RECORD_FAILURE: Transition(_MEDIATING, CaseStatus.MEDIATION_FAILED),
    CaseAction.WITHDRAW: Transition(_BEFORE_OR_IN_MEDIATION, CaseStatus.WITHDRAWN),
    CaseAction.REFER_ARBITRATION: Transition(_REFERRABLE, CaseStatus.REFERRED_ARBITRATION),
    CaseAction.REFER_INSPECTION: Transition(_REFERRABLE, CaseStatus.REFERRED_INSPECTION),
    CaseAction.REFER_COURT: Transition(frozenset({CaseStatus.AGREEMENT}), CaseStatus.REFERRED_COURT),
    CaseAction.CLOSE: Transition(END_STATES, CaseStatus.CLOSED),
}


def allowed_actions(status: CaseStatus) -> list[CaseAction]:
    return [action for action, transition in TRANSITIONS.items() if status in transition.source]


REFERRALS = frozenset({CaseAction.REFER_ARBITRATION, CaseAction.REFER_INSPECTION, CaseAction.REFER_COURT})


def available_actions(status: CaseStatus, category: Category, performance: PerformanceState | None) -> list[CaseAction]:
    """What a person may do to the case now: the machine's steps, less what its agreement rules out.

    An agreement takes effect through its terms and signatures (not a bare "record agreement" step); a case with
    an agreement in effect closes once it is performed and is referred only when it is not (R8); a payment order
    exists only for some claims.
    """
    ruled_out = {CaseAction.RECORD_AGREEMENT}
    if not category.allows_payment_order:
        ruled_out.add(CaseAction.REFER_COURT)
    if status is CaseStatus.AGREEMENT and performance is not None:
        if performance is not PerformanceState.PERFORMED:
            ruled_out.add(CaseAction.CLOSE)
        if performance is not PerformanceState.IN_DEFAULT:
            ruled_out |= REFERRALS
    return [action for action in allowed_actions(status) if action not in ruled_out]


def next_status(status: CaseStatus, action: CaseAction) -> CaseStatus:
    """The status after ``action``; raises IllegalTransition (changing nothing) when the step is not allowed."""
    transition = TRANSITIONS[action]
    if status not in transition.source:
        raise IllegalTransition(
            Message(
                QT_TRANSLATE_NOOP("Domain", 'A case that is "{status}" cannot be given the action "{action}".'),
                {"status": status, "action": action},
            )
        )
    return transition.target


def format_case_number(word: str, year: int, sequence: int) -> str:
    """Station case number, e.g. 菏谐调字〔2026〕第0001号. Shown to people, never used as a key."""
    return f"{word}〔{year}〕第{sequence:04d}号"


# Timeline entries: "registered", one per action, and the steps of mediation and performance, named in the past
# tense for reading back.
REGISTERED_EVENT = "registered"


class CaseEvent(StrEnum):
    SESSION_RECORDED = "session_recorded"
    MINUTES_SIGNED = "minutes_signed"
    MINUTES_CORRECTED = "minutes_corrected"
    MEDIATION_EXTENDED = "mediation_extended"
    LIMITATION_RECORDED = "limitation_recorded"
    ATTACHMENT_ADDED = "attachment_added"
    AGREEMENT_DRAFTED = "agreement_drafted"
    AGREEMENT_SIGNED = "agreement_signed"
    SEAL_APPLIED = "seal_applied"
    EMPLOYER_SEALED = "employer_sealed"
    AGREEMENT_IN_EFFECT = "agreement_in_effect"
    AGREEMENT_SUPERSEDED = "agreement_superseded"
    PAYMENT_RECORDED = "payment_recorded"
    REVIEW_PLANNED = "review_planned"
    REVIEW_APPLIED = "review_applied"
    REVIEW_RETURNED = "review_returned"
    NOTICE_SERVED = "notice_served"
    DOCUMENT_ISSUED = "document_issued"
    DOCUMENT_PRINTED = "document_printed"
    DOCUMENT_EXPORTED = "document_exported"
    DOCUMENT_SERVED = "document_served"
    APPLICATION_SIGNED = "application_signed"
    SYNC_CONFLICT_RESOLVED = "sync_conflict_resolved"
    CASE_CORRECTED = "case_corrected"  # services.case_corrections
    WORKER_ADDED = "worker_added"
    WORKER_REMOVED = "worker_removed"
    CASE_VOIDED = "case_voided"


_EVENT_LABELS = {
    CaseEvent.SESSION_RECORDED: QT_TRANSLATE_NOOP("Domain", "Mediation session recorded"),
    CaseEvent.MINUTES_SIGNED: QT_TRANSLATE_NOOP("Domain", "Minutes signed by the parties"),
    CaseEvent.MINUTES_CORRECTED: QT_TRANSLATE_NOOP("Domain", "Correction added to signed minutes"),
    CaseEvent.MEDIATION_EXTENDED: QT_TRANSLATE_NOOP("Domain", "Mediation period extended with both parties' consent"),
    CaseEvent.LIMITATION_RECORDED: QT_TRANSLATE_NOOP("Domain", "Limitation facts recorded"),
    CaseEvent.ATTACHMENT_ADDED: QT_TRANSLATE_NOOP("Domain", "Attachment added"),
    CaseEvent.AGREEMENT_DRAFTED: QT_TRANSLATE_NOOP("Domain", "Agreement terms drafted"),
    CaseEvent.AGREEMENT_SIGNED: QT_TRANSLATE_NOOP("Domain", "Agreement signed"),
    CaseEvent.SEAL_APPLIED: QT_TRANSLATE_NOOP("Domain", "Station seal applied to the agreement"),
    CaseEvent.EMPLOYER_SEALED: QT_TRANSLATE_NOOP("Domain", "Employer's seal applied to the agreement"),
    CaseEvent.AGREEMENT_IN_EFFECT: QT_TRANSLATE_NOOP("Domain", "Agreement took effect"),
    CaseEvent.AGREEMENT_SUPERSEDED: QT_TRANSLATE_NOOP("Domain", "Agreement superseded by a new one"),
    CaseEvent.PAYMENT_RECORDED: QT_TRANSLATE_NOOP("Domain", "Payment recorded"),
    CaseEvent.REVIEW_PLANNED: QT_TRANSLATE_NOOP("Domain", "Parties intend to apply for arbitral review"),
    CaseEvent.REVIEW_APPLIED: QT_TRANSLATE_NOOP("Domain", "Joint application for arbitral review made"),
    CaseEvent.REVIEW_RETURNED: QT_TRANSLATE_NOOP("Domain", "Arbitral mediation document received"),
    CaseEvent.NOTICE_SERVED: QT_TRANSLATE_NOOP("Domain", "Written notice of refusal served"),
    CaseEvent.DOCUMENT_ISSUED: QT_TRANSLATE_NOOP("Domain", "Document issued"),
    CaseEvent.DOCUMENT_PRINTED: QT_TRANSLATE_NOOP("Domain", "Document printed"),
    CaseEvent.DOCUMENT_EXPORTED: QT_TRANSLATE_NOOP("Domain", "Document exported"),
    CaseEvent.DOCUMENT_SERVED: QT_TRANSLATE_NOOP("Domain", "Document served"),
    CaseEvent.APPLICATION_SIGNED: QT_TRANSLATE_NOOP("Domain", "Oral application record signed by the applicant"),
    CaseEvent.SYNC_CONFLICT_RESOLVED: QT_TRANSLATE_NOOP("Domain", "Sync conflict settled"),
    CaseEvent.CASE_CORRECTED: QT_TRANSLATE_NOOP("Domain", "Case corrected"),
    CaseEvent.WORKER_ADDED: QT_TRANSLATE_NOOP("Domain", "Worker added"),
    CaseEvent.WORKER_REMOVED: QT_TRANSLATE_NOOP("Domain", "Worker removed"),
    CaseEvent.CASE_VOIDED: QT_TRANSLATE_NOOP("Domain", "Case voided"),
    REGISTERED_EVENT: QT_TRANSLATE_NOOP("Domain", "Complaint registered"),
    CaseAction.ACCEPT: QT_TRANSLATE_NOOP("Domain", "Accepted"),
    CaseAction.REFUSE: QT_TRANSLATE_NOOP("Domain", "Refused"),
    CaseAction.START_MEDIATION: QT_TRANSLATE_NOOP("Domain", "Mediation started"),
    CaseAction.RECORD_AGREEMENT: QT_TRANSLATE_NOOP("Domain", "Agreement reached"),
    CaseAction.RECORD_FAILURE: QT_TRANSLATE_NOOP("Domain", "Mediation failed"),
    CaseAction.WITHDRAW: QT_TRANSLATE_NOOP("Domain", "Withdrawn"),
    CaseAction.REFER_ARBITRATION: QT_TRANSLATE_NOOP("Domain", "Referred to arbitration"),
    CaseAction.REFER_INSPECTION: QT_TRANSLATE_NOOP("Domain", "Referred to labour inspection"),
    CaseAction.REFER_COURT: QT_TRANSLATE_NOOP("Domain", "Sent to court for a payment order"),
    CaseAction.CLOSE: QT_TRANSLATE_NOOP("Domain", "Case closed"),
}


def event_label(kind: str) -> str:
    """The English source label of a timeline entry; unknown kinds (from a newer version) show as stored."""
    # Imported here: the steps after mediation need the clocks, which need this module's Employment.
    from . import after_mediation

    return _EVENT_LABELS.get(kind) or after_mediation.EVENT_LABELS.get(kind, kind)
