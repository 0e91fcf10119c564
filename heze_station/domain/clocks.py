"""Statutory and station clocks for one case: when a step is due and how close that is.

Coordinators juggle many cases; a missed acceptance decision or a mediation that silently runs past day 15
costs the worker time towards arbitration. Each clock is a pure function of the case's dates and ``today`` so
the case list, the case page and the reports agree on the same answer.

Counting follows the Civil Code's rule for periods (民法典 201-202): the starting day is not counted, so a
period of N days from ``d`` ends on ``d + N``; a period in years ends on the corresponding day, or on the last
day of the month when there is none (29 February). "日" is calendar days; "工作日" is working days of the
official calendar.

``Clock.days_left`` is always in calendar days, ``(due - today)``, so 0 means due today and negative means
overdue for every clock alike; only the acceptance clock's URGENT threshold is counted in working days.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .cases import Employment
from .messages import QT_TRANSLATE_NOOP
from .performance import Performance, PerformanceState
from .workcalendar import WorkCalendar

# R2: accept or refuse within 3 working days (O17 art. 23) [check]: article text not confirmed, so the
# acceptance clock takes the number as a parameter and this is only its default.
ACCEPTANCE_WORKING_DAYS = 3
# R4: without an agreement 15 days after the application was received, the parties may go to arbitration
# (LDMAL 14). Calendar days.
MEDIATION_DAYS = 15
# Day numbers (0 = day received) on which the mediation clock turns WARNING and URGENT.
MEDIATION_WARNING_DAYS = (10, 13)
# The station's own target, 三日销案 for small clear cases: calendar days, not a legal deadline.
QUICK_CLOSE_DAYS = 3
# R5: limitation for applying to arbitration (LDMAL 27).
LIMITATION_YEARS = 1
LIMITATION_WARNING_DAYS = 30
# R9: both parties may jointly apply for arbitral review within 15 days of the agreement taking effect, or for
# judicial confirmation of a people's-mediation agreement within 30 days.
ARBITRAL_REVIEW_DAYS = 15
JUDICIAL_CONFIRMATION_DAYS = 30
# R8 (LDMAL 16, 民事诉讼法 226-227): the court decides within 5 days whether it accepts the application for a payment
# order, and issues the order within 15 days of accepting it; the debtor pays or objects within 15 days of being
# served. The station records the filing and the order, not the acceptance between: the court is late only once
# both periods are out.
PAYMENT_ORDER_ISSUE_DAYS = 5 + 15
PAYMENT_ORDER_OBJECTION_DAYS = 15
# R12 (LDMAL 29, 43): the committee accepts or rejects within 5 days and awards within 45, extendable by 15.
ARBITRATION_ACCEPTANCE_DAYS = 5
ARBITRATION_AWARD_DAYS = 45
ARBITRATION_EXTENSION_DAYS = 15
# R16 (劳动保障监察条例 14, 17): a complaint is accepted within 5 working days and investigated within 60, extendable
# by 30.
INSPECTION_ACCEPTANCE_WORKING_DAYS = 5
INSPECTION_WORKING_DAYS = 60
INSPECTION_EXTENSION_WORKING_DAYS = 30
# Calendar-day windows of the court and the committee turn WARNING and URGENT this many days before their end.
WINDOW_WARNING_DAYS = 5
WINDOW_URGENT_DAYS = 2
# An instalment is shown as coming up this many days before it falls due, so the coordinator can call the payer.
INSTALMENT_WARNING_DAYS = 3
# A clue's deadline is the city's own, set per clue: urgent two days ahead, worth a look a week ahead.
CLUE_URGENT_DAYS = 2
CLUE_WARNING_DAYS = 7


class ClockKind(StrEnum):
    ACCEPTANCE = "acceptance"
    MEDIATION = "mediation"
    QUICK_CLOSE = "quick_close"
    LIMITATION = "limitation"
    REFUSAL_NOTICE = "refusal_notice"
    ARBITRAL_REVIEW = "arbitral_review"
    PERFORMANCE = "performance"
    JUDICIAL_CONFIRMATION = "judicial_confirmation"
    PAYMENT_ORDER_ISSUE = "payment_order_issue"
    PAYMENT_ORDER_OBJECTION = "payment_order_objection"
    ARBITRATION_ACCEPTANCE = "arbitration_acceptance"
    ARBITRATION_AWARD = "arbitration_award"
    INSPECTION_ACCEPTANCE = "inspection_acceptance"
    INSPECTION = "inspection"
    CLUE = "clue"  # the city's deadline for a wage-arrears clue (domain.clues)


# Clocks whose due date depends on the official calendar: beyond its published range they are estimates.
CALENDAR_CLOCKS = frozenset(
    {
        ClockKind.ACCEPTANCE,
        ClockKind.REFUSAL_NOTICE,
        ClockKind.PAYMENT_ORDER_OBJECTION,
        ClockKind.INSPECTION_ACCEPTANCE,
        ClockKind.INSPECTION,
    }
)


class ClockState(StrEnum):
    OK = "ok"
    WARNING = "warning"
    URGENT = "urgent"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    DONE = "done"  # stopped because the step happened
    INTERRUPTED = "interrupted"  # a limitation period stopped by a request for relief (it restarts later)
    NOT_STARTED = "not_started"  # today is before the clock's start date (a date entered ahead, or a wrong clock)
    # The limitation (R5) without a due date: a date it needs is not given yet, wage arrears while the employment
    # continues, or a suspension (force majeure) that has not ended.
    UNKNOWN = "unknown"
    NOT_RUNNING = "not_running"
    SUSPENDED = "suspended"


@dataclass(frozen=True)
class Clock:
    """One deadline as of a given day.

    ``days_left`` is ``due - today`` in calendar days; for a DONE clock it is ``due - day the step happened``,
    so a negative value there records that the step came late. ``due`` is None only for the limitation's
    UNKNOWN, NOT_RUNNING and SUSPENDED (then ``days_left`` is what was left when the suspension began, or 0).
    """

    kind: ClockKind
    due: date | None
    state: ClockState
    days_left: int
    label: str


def _running_state(due: date, today: date, *, urgent: bool = False, warning: bool = False) -> ClockState:
    if today > due:
        return ClockState.OVERDUE
    if today == due:
        return ClockState.DUE_TODAY
    if urgent:
        return ClockState.URGENT
    if warning:
        return ClockState.WARNING
    return ClockState.OK


def _clock(
    kind: ClockKind,
    label: str,
    started_on: date,
    due: date,
    done_on: date | None,
    today: date,
    state: ClockState,
) -> Clock:
    """Apply what overrides the countdown: the step already happened, or the clock has not started yet."""
    if done_on is not None:
        return Clock(kind, due, ClockState.DONE, (due - done_on).days, label)
    if today < started_on:
        state = ClockState.NOT_STARTED
    return Clock(kind, due, state, (due - today).days, label)


def _working_days_clock(
    kind: ClockKind, label: str, started_on: date, done_on: date | None, today: date, calendar: WorkCalendar, days: int
) -> Clock:
    """Due ``days`` working days after ``started_on``; URGENT once a single working day is left, counted by the
    official calendar, so a Friday before a due Monday (or the last day before a golden week) already shows it."""
    due = calendar.add_working_days(started_on, days)
    return _clock(kind, label, started_on, due, done_on, today, running_state(kind, due, today, calendar))


def acceptance_clock(
    registered_on: date,
    decided_on: date | None,
    today: date,
    calendar: WorkCalendar,
    *,
    working_days: int = ACCEPTANCE_WORKING_DAYS,
) -> Clock:
    """R2: the decision to accept or refuse is due ``working_days`` working days after registration."""
    label = QT_TRANSLATE_NOOP("Domain", "Decide on acceptance")
    return _working_days_clock(ClockKind.ACCEPTANCE, label, registered_on, decided_on, today, calendar, working_days)


def refusal_notice_clock(
    received_on: date,
    served_on: date | None,
    today: date,
    calendar: WorkCalendar,
    *,
    working_days: int = ACCEPTANCE_WORKING_DAYS,
) -> Clock:
    """R2: a refusal is told to the applicant in writing within the same 3 working days as the decision."""
    label = QT_TRANSLATE_NOOP("Domain", "Written notice of refusal")
    return _working_days_clock(ClockKind.REFUSAL_NOTICE, label, received_on, served_on, today, calendar, working_days)


def mediation_clock(
    application_received_on: date,
    ended_on: date | None,
    today: date,
    calendar: WorkCalendar,
    extended_to: date | None = None,
) -> Clock:
    """R4: the 15-day mediation period (whose last day, a rest day, moves to the next working day: 民法典 203), or
    the date both parties agreed to extend it to.

    Warnings keep their distance from the due date (5 and 2 days before it), so an extended period warns
    before its own end rather than on day 10 and 13 of the original one. The caller runs this only for
    accepted cases.
    """
    statutory_due = mediation_end(application_received_on, calendar)
    if extended_to is None or extended_to <= statutory_due:
        # An "extension" to a day the 15 days reach anyway extends nothing. Recording one refuses it; another
        # device may still sync one, and the case must still open, with the statutory end.
        due = statutory_due
        label = QT_TRANSLATE_NOOP("Domain", "Mediation period (15 days)")
    else:
        due = extended_to
        label = QT_TRANSLATE_NOOP("Domain", "Mediation period (extended)")
    state = running_state(ClockKind.MEDIATION, due, today)
    return _clock(ClockKind.MEDIATION, label, application_received_on, due, ended_on, today, state)


def mediation_end(received_on: date, calendar: WorkCalendar) -> date:
    """R4: the last day of the 15 days from the application (LDMAL 14), a rest day moved to the next working day."""
    return calendar.statutory_end(received_on + timedelta(days=MEDIATION_DAYS))


def ended_before_mediation_days(received_on: date, ended_on: date | None, calendar: WorkCalendar) -> bool:
    """R4: mediation ended within its 15 days (up to their last day), which the law calls 调解不成 (LDMAL 5);
    ended later, it ended for want of an agreement in them (LDMAL 14). Without an end day it is taken to have run
    its time."""
    return ended_on is not None and ended_on <= mediation_end(received_on, calendar)


def quick_close_clock(received_on: date, closed_on: date | None, today: date) -> Clock:
    """The station's 三日销案 target: WARNING on its last day, never URGENT (kept for legal deadlines)."""
    due = received_on + timedelta(days=QUICK_CLOSE_DAYS)
    label = QT_TRANSLATE_NOOP("Domain", "3-day quick-close target")
    state = running_state(ClockKind.QUICK_CLOSE, due, today)
    return _clock(ClockKind.QUICK_CLOSE, label, received_on, due, closed_on, today, state)


def limitation_date(knew_on: date) -> date:
    """The same date LIMITATION_YEARS later, 29 February -> 28 February: the period's last day before a rest day
    moves it (limitation_clock)."""
    year = knew_on.year + LIMITATION_YEARS
    try:
        return knew_on.replace(year=year)
    except ValueError:  # 29 February into a common year: the month's last day (民法典 202)
        return date(year, 2, 28)


@dataclass(frozen=True)
class Suspension:
    """R5 (LDMAL 27): force majeure or another good reason kept the worker from applying: the limitation stands
    still from ``start`` and runs on from ``end`` (None: it still stands)."""

    start: date
    end: date | None
    reason: str = ""

    def extend(self, started_on: date, due: date) -> date:
        """``due`` moved on by the days the period stood still, when the suspension fell within it."""
        if self.end is None or not started_on <= self.start <= due:
            return due
        return due + (self.end - self.start)


@dataclass(frozen=True)
class LimitationFacts:
    """What a case records for its limitation clock besides its own dates (R5), as the case page shows them."""

    knew_on: date | None  # None: the worker has not said yet
    employment: Employment
    employment_ended_on: date | None
    suspension: Suspension | None


def limitation_clock(
    knew_on: date | None,
    today: date,
    calendar: WorkCalendar,
    *,
    interrupted_on: date | None = None,
    restarted_on: date | None = None,
    wage_claim: bool = False,
    employment: Employment = Employment.UNKNOWN,
    employment_ended_on: date | None = None,
    suspension: Suspension | None = None,
) -> Clock:
    """R5: one year from when the party knew or should have known of the infringement.

    Wage arrears (``wage_claim``: unpaid wages or overtime pay, 劳动报酬) are not time-barred while the employment
    continues; once it has ended, the year runs from its end (LDMAL 27), or from ``knew_on`` if that is later. So a
    wage claim whose employment is not known is UNKNOWN, never OVERDUE, and so is any claim whose ``knew_on`` the
    worker has not given yet: the day the application came in is no stand-in for it.

    A complaint to the station is a request for relief, which interrupts the period (LDMAL 27): the clock is
    INTERRUPTED from ``interrupted_on`` if that came in time, and OVERDUE (the claim looks time-barred) if late.
    The period runs again, a full year, from ``restarted_on``: the day mediation was refused, failed or ran out,
    or the agreement was not performed [check: R5 lists these as interruption dates worth recording]. A
    ``suspension`` within the running period moves its end on by the days it lasted, and while it lasts the clock
    is SUSPENDED. A last day that is a rest day moves to the next working day (民法典 203): a worker who applies
    then is in time, and is never told otherwise.
    """

    def last_day(start: date) -> date:
        due = limitation_date(start)
        return calendar.statutory_end(suspension.extend(start, due) if suspension is not None else due)

    label = QT_TRANSLATE_NOOP("Domain", "Limitation for arbitration")
    if wage_claim:
        if employment is Employment.CONTINUES:
            label = QT_TRANSLATE_NOOP("Domain", "Limitation for arbitration (wages: none while employment continues)")
            return Clock(ClockKind.LIMITATION, None, ClockState.NOT_RUNNING, 0, label)
        ended = employment_ended_on if employment is Employment.ENDED else None
        knew_on = max(ended, knew_on or ended) if ended is not None else None
    if knew_on is None:
        return Clock(ClockKind.LIMITATION, None, ClockState.UNKNOWN, 0, label)
    due = last_day(knew_on)
    if interrupted_on is not None and interrupted_on <= due:
        if restarted_on is None:
            return Clock(ClockKind.LIMITATION, due, ClockState.INTERRUPTED, (due - interrupted_on).days, label)
        knew_on, due = restarted_on, last_day(restarted_on)
        label = QT_TRANSLATE_NOOP("Domain", "Limitation for arbitration (running again)")
    if suspension is not None and suspension.end is None and knew_on <= suspension.start <= min(today, due):
        return Clock(ClockKind.LIMITATION, None, ClockState.SUSPENDED, (due - suspension.start).days, label)
    return _clock(
        ClockKind.LIMITATION, label, knew_on, due, None, today, running_state(ClockKind.LIMITATION, due, today)
    )


def _window_clock(
    kind: ClockKind,
    label: str,
    started_on: date,
    days: int,
    done_on: date | None,
    today: date,
    calendar: WorkCalendar,
) -> Clock:
    """A period of ``days`` calendar days from ``started_on`` that someone else (the parties, the court, the
    committee) must act in; one whose last day is a rest day ends on the next working day
    (WorkCalendar.statutory_end)."""
    due = calendar.statutory_end(started_on + timedelta(days=days))
    return _clock(kind, label, started_on, due, done_on, today, running_state(kind, due, today))


def arbitral_review_clock(effective_on: date, applied_on: date | None, today: date, calendar: WorkCalendar) -> Clock:
    """R9: the 15-day window for a joint application for arbitral review, once the parties said they want one."""
    label = QT_TRANSLATE_NOOP("Domain", "Joint application for arbitral review")
    return _window_clock(
        ClockKind.ARBITRAL_REVIEW, label, effective_on, ARBITRAL_REVIEW_DAYS, applied_on, today, calendar
    )


def judicial_confirmation_clock(
    effective_on: date, applied_on: date | None, today: date, calendar: WorkCalendar
) -> Clock:
    """R9: the 30-day window for a joint application to the court to confirm the agreement."""
    label = QT_TRANSLATE_NOOP("Domain", "Joint application for judicial confirmation")
    return _window_clock(
        ClockKind.JUDICIAL_CONFIRMATION, label, effective_on, JUDICIAL_CONFIRMATION_DAYS, applied_on, today, calendar
    )


def payment_order_issue_clock(filed_on: date, issued_on: date | None, today: date, calendar: WorkCalendar) -> Clock:
    """R8: the court's 5 days to accept the application and 15 more to issue the payment order (or reject it)."""
    label = QT_TRANSLATE_NOOP("Domain", "Court to issue the payment order")
    return _window_clock(
        ClockKind.PAYMENT_ORDER_ISSUE, label, filed_on, PAYMENT_ORDER_ISSUE_DAYS, issued_on, today, calendar
    )


def payment_order_objection_clock(served_on: date, ended_on: date | None, today: date, calendar: WorkCalendar) -> Clock:
    """R8: the debtor's 15 days from service to pay or object; once it has passed unanswered, the worker may
    apply for enforcement (not a day too early: a period ending on a holiday runs on)."""
    label = QT_TRANSLATE_NOOP("Domain", "Debtor to pay or object to the payment order")
    return _window_clock(
        ClockKind.PAYMENT_ORDER_OBJECTION, label, served_on, PAYMENT_ORDER_OBJECTION_DAYS, ended_on, today, calendar
    )


def arbitration_acceptance_clock(
    received_on: date, decided_on: date | None, today: date, calendar: WorkCalendar
) -> Clock:
    """R12: the committee's 5 days from receiving the application to accept or reject it."""
    label = QT_TRANSLATE_NOOP("Domain", "Committee to accept the arbitration application")
    return _window_clock(
        ClockKind.ARBITRATION_ACCEPTANCE, label, received_on, ARBITRATION_ACCEPTANCE_DAYS, decided_on, today, calendar
    )


def arbitration_award_clock(
    accepted_on: date, awarded_on: date | None, today: date, calendar: WorkCalendar, *, extended: bool
) -> Clock:
    """R12: the award is due 45 days after acceptance, or 60 when the committee's chair extended the period."""
    days = ARBITRATION_AWARD_DAYS + (ARBITRATION_EXTENSION_DAYS if extended else 0)
    if extended:
        label = QT_TRANSLATE_NOOP("Domain", "Arbitral award (45 + 15 days)")
    else:
        label = QT_TRANSLATE_NOOP("Domain", "Arbitral award (45 days)")
    return _window_clock(ClockKind.ARBITRATION_AWARD, label, accepted_on, days, awarded_on, today, calendar)


def inspection_acceptance_clock(
    received_on: date, decided_on: date | None, today: date, calendar: WorkCalendar
) -> Clock:
    """R16: labour inspection decides within 5 working days whether to open a case on the complaint."""
    label = QT_TRANSLATE_NOOP("Domain", "Labour inspection to accept the complaint")
    days = INSPECTION_ACCEPTANCE_WORKING_DAYS
    return _working_days_clock(ClockKind.INSPECTION_ACCEPTANCE, label, received_on, decided_on, today, calendar, days)


def inspection_clock(
    opened_on: date, concluded_on: date | None, today: date, calendar: WorkCalendar, *, extended: bool
) -> Clock:
    """R16: the investigation is due 60 working days after the case was opened, 90 when extended."""
    days = INSPECTION_WORKING_DAYS + (INSPECTION_EXTENSION_WORKING_DAYS if extended else 0)
    if extended:
        label = QT_TRANSLATE_NOOP("Domain", "Labour inspection (60 + 30 working days)")
    else:
        label = QT_TRANSLATE_NOOP("Domain", "Labour inspection (60 working days)")
    return _working_days_clock(ClockKind.INSPECTION, label, opened_on, concluded_on, today, calendar, days)


def clue_clock(due_on: date | None, closed_on: date | None, today: date) -> Clock | None:
    """The city's deadline for a wage-arrears clue while it is open (none without a deadline, or once closed)."""
    if due_on is None or closed_on is not None:
        return None
    label = QT_TRANSLATE_NOOP("Domain", "Answer the city on the clue")
    return Clock(ClockKind.CLUE, due_on, running_state(ClockKind.CLUE, due_on, today), (due_on - today).days, label)


def performance_clock(agreement: Performance, today: date) -> Clock:
    """The next instalment as a deadline: OVERDUE from the day after its last day unpaid (the agreement is in
    default), DONE once everything is paid. Its due is that last day (a rest day's payment may wait for the next
    working day): the day from which the payer is late."""
    label = QT_TRANSLATE_NOOP("Domain", "Next instalment")
    if agreement.next_due is None:
        last = agreement.instalments[-1].last_day
        return Clock(ClockKind.PERFORMANCE, last, ClockState.DONE, 0, label)
    due = agreement.next_due.last_day
    if agreement.state is PerformanceState.IN_DEFAULT:
        # The first unpaid instalment is the one in default; it stays the headline until it is paid.
        return Clock(ClockKind.PERFORMANCE, due, ClockState.OVERDUE, (due - today).days, label)
    return Clock(
        ClockKind.PERFORMANCE, due, running_state(ClockKind.PERFORMANCE, due, today), (due - today).days, label
    )


# Calendar days before its due date from which each clock counted in calendar days can need attention (WARNING or
# URGENT); the working-day clocks turn URGENT by the official calendar instead (attention_window).
_LEAD_DAYS = {
    ClockKind.MEDIATION: MEDIATION_DAYS - MEDIATION_WARNING_DAYS[0],
    ClockKind.QUICK_CLOSE: 1,
    ClockKind.LIMITATION: LIMITATION_WARNING_DAYS,
    ClockKind.ARBITRAL_REVIEW: WINDOW_WARNING_DAYS,
    ClockKind.JUDICIAL_CONFIRMATION: WINDOW_WARNING_DAYS,
    ClockKind.PAYMENT_ORDER_ISSUE: WINDOW_WARNING_DAYS,
    ClockKind.PAYMENT_ORDER_OBJECTION: WINDOW_WARNING_DAYS,
    ClockKind.ARBITRATION_ACCEPTANCE: WINDOW_WARNING_DAYS,
    ClockKind.ARBITRATION_AWARD: WINDOW_WARNING_DAYS,
    ClockKind.PERFORMANCE: INSTALMENT_WARNING_DAYS,
    ClockKind.CLUE: CLUE_WARNING_DAYS,
}
# Clocks whose state is never WARNING or worse before the second-last working day up to the due date.
_WORKING_DAY_CLOCKS = frozenset(
    {ClockKind.ACCEPTANCE, ClockKind.REFUSAL_NOTICE, ClockKind.INSPECTION_ACCEPTANCE, ClockKind.INSPECTION}
)


# Calendar days before its due date from which each clock counted in calendar days is URGENT (the others never are,
# or turn URGENT by the official calendar: the working-day clocks).
_URGENT_DAYS = {
    ClockKind.MEDIATION: MEDIATION_DAYS - MEDIATION_WARNING_DAYS[1],
    ClockKind.ARBITRAL_REVIEW: WINDOW_URGENT_DAYS,
    ClockKind.JUDICIAL_CONFIRMATION: WINDOW_URGENT_DAYS,
    ClockKind.PAYMENT_ORDER_ISSUE: WINDOW_URGENT_DAYS,
    ClockKind.PAYMENT_ORDER_OBJECTION: WINDOW_URGENT_DAYS,
    ClockKind.ARBITRATION_ACCEPTANCE: WINDOW_URGENT_DAYS,
    ClockKind.ARBITRATION_AWARD: WINDOW_URGENT_DAYS,
    ClockKind.CLUE: CLUE_URGENT_DAYS,
}


def running_state(kind: ClockKind, due: date, today: date, calendar: WorkCalendar | None = None) -> ClockState:
    """The state on ``today`` of a running clock of this kind due on ``due`` (started, not done, not suspended), from
    its due date alone: every clock's function above counts it so, and the workbench reads the stored due dates
    (services.deadlines) with it instead of computing each case's clocks. ``calendar``: for the working-day clocks."""
    if kind in _WORKING_DAY_CLOCKS:
        assert calendar is not None, kind
        # Exactly one working day left: the first working day after today is the last one up to the due date. Looks
        # at the days after today only, so a deadline far ahead (or far behind) costs no walk through every day.
        urgent = today < due and calendar.add_working_days(today, 1) <= due < calendar.add_working_days(today, 2)
        return _running_state(due, today, urgent=urgent)
    days_left = (due - today).days
    # The quick-close target's WARNING is its last day alone: the days after it are DUE_TODAY and OVERDUE.
    urgent = kind in _URGENT_DAYS and days_left <= _URGENT_DAYS[kind]
    return _running_state(due, today, urgent=urgent, warning=days_left <= _LEAD_DAYS[kind])


def attention_window(kind: ClockKind, due: date, calendar: WorkCalendar) -> tuple[date, date | None]:
    """The days on which a running clock due on ``due`` can need attention (WARNING, URGENT, DUE_TODAY or
    OVERDUE): from the first (no earlier day ever needs it) to the last (None: for ever, an overdue legal deadline
    stays). A missed quick-close target is the station's own goal and needs nothing after its day.

    Stored with the due date, so the workbench reads by index only the cases whose window holds today and
    computes their state for today then; the window may be wider than the state's, never narrower.
    """
    until = due if kind is ClockKind.QUICK_CLOSE else None
    if kind not in _WORKING_DAY_CLOCKS:
        return due - timedelta(days=_LEAD_DAYS[kind]), until
    # URGENT while exactly one working day is left: from the second-last working day up to the due date.
    day, working = due, 0
    while working < 2:
        working += calendar.is_working_day(day)
        day -= timedelta(days=1)
    return day + timedelta(days=1), until
