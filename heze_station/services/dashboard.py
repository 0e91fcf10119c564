"""The workbench's morning view: which deadlines press today, how many cases stand where, what happened lately.

A coordinator opens the program to learn what must not slip today: an acceptance decision due (R2), a mediation
period nearing day 15 (R4), a claim about to be time-barred (R5). The due dates are those the case page's clocks
compute (``case_queries.case_clocks``), as services.deadlines stores them with each case's change; only the stored
deadlines that may need attention today are read, by index, and each one's state for today comes from its due date
by the clocks' own rule (``clocks.running_state``), so no case's clocks are computed at start.
"""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from ..domain import chinatime, clocks
from ..domain.cases import OPEN_STATUSES, CaseStatus
from ..domain.clocks import Clock, ClockKind, ClockState
from ..domain.messages import Message
from ..domain.performance import PerformanceState
from ..domain.workcalendar import WorkCalendar
from ..storage.models import Case, CaseDeadline, CaseStatusCount, StaffUser, TimelineEvent
from . import deadlines, timeline
from .access import CASEWORK, requires
from .agreement_queries import AgreementClocks, clocks_for, unpaid_workers
from .case_queries import STILL_OWED
from .station import StationContext

RECENT_EVENTS = 15
# OK, DONE and NOT_STARTED need nothing from anybody today.
PRESSING_STATES = frozenset({ClockState.WARNING, ClockState.URGENT, ClockState.DUE_TODAY, ClockState.OVERDUE})


@dataclass(frozen=True)
class DueItem:
    case_id: uuid.UUID
    number: str
    claimant_summary: str
    worker_count: int
    respondent_summary: str
    clock: Clock


@dataclass(frozen=True)
class RecentEvent:
    case_id: uuid.UUID
    number: str
    at: datetime
    actor: str
    kind: str
    detail: str  # as stored: for an added attachment, the file's name
    shown: Message  # the details for people (timeline.shown)


@dataclass(frozen=True)
class UnpaidItem:
    case_id: uuid.UUID
    number: str
    worker: str
    share_fen: int
    outstanding_fen: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    due: list[DueItem]
    unpaid: list[UnpaidItem]  # workers still owed under an agreement in performance, by case number
    counts: dict[CaseStatus, int]
    # Cases with an agreement by how it is performed: those still being paid, or in default, are still open.
    performances: dict[PerformanceState, int]
    open_total: int
    recent: list[RecentEvent]


def _needs_attention(clock: Clock) -> bool:
    # A missed quick-close target is the station's own goal, not a legal deadline; once missed there is nothing
    # left to do about it today, and listing it would bury the legal deadlines of every case in mediation.
    missed_target = clock.kind is ClockKind.QUICK_CLOSE and clock.state is ClockState.OVERDUE
    return clock.state in PRESSING_STATES and not missed_target


def _pressing_first(item: DueItem) -> tuple[date, str]:
    # By due date alone, the overdue (due before today) come first, the most overdue at the very top; the case
    # number keeps the order of equal dates stable between reloads.
    return item.clock.due, item.number


def _due(
    session: Session, calendar: WorkCalendar, today: date, agreements: Mapping[uuid.UUID, AgreementClocks]
) -> list[DueItem]:
    """The deadlines needing attention today, most pressing first: the stored ones whose attention window holds
    today (by index), each one's state for today from its due date, as its clock's function gives it."""
    rows = session.execute(
        select(
            CaseDeadline.case_id,
            Case.number,
            Case.claimant_summary,
            Case.worker_count,
            Case.respondent_summary,
            CaseDeadline.kind,
            CaseDeadline.due_on,
            CaseDeadline.label,
            Case.limitation_suspended_from,
            Case.limitation_suspended_to,
        )
        .join(Case, Case.id == CaseDeadline.case_id)
        .where(Case.deleted_at.is_(None), deadlines.needing_attention(today))
    ).all()
    due, suspended = [], {}
    for row in rows:
        kind = ClockKind(row.kind)
        if kind is ClockKind.LIMITATION and _suspension_begun(row, today):
            # A suspension still open stops the limitation from its first day, which the stored due date cannot
            # tell: such a case's clocks are computed (rare: force majeure).
            suspended[row.case_id] = row
            continue
        state = clocks.running_state(kind, row.due_on, today, calendar)
        due.append(_due_item(row, Clock(kind, row.due_on, state, (row.due_on - today).days, row.label)))
    if suspended:
        among = select(Case.id).where(Case.id.in_(suspended))
        computed = deadlines.workbench_clocks(session, calendar, today, among, agreements=agreements)
        due += [
            _due_item(suspended[row.id], clock)
            for row, case_clocks in computed
            for clock in case_clocks
            if clock.kind is ClockKind.LIMITATION
        ]
    return sorted((item for item in due if _needs_attention(item.clock)), key=_pressing_first)


def _due_item(row: Row, clock: Clock) -> DueItem:
    return DueItem(row.case_id, row.number, row.claimant_summary, row.worker_count, row.respondent_summary, clock)


def _suspension_begun(row: Row, today: date) -> bool:
    start, end = row.limitation_suspended_from, row.limitation_suspended_to
    return start is not None and end is None and start <= today


@requires(CASEWORK)
def dashboard(context: StationContext, today: date | None = None) -> Dashboard:
    """Everything the workbench shows, as of ``today`` (Beijing date; defaults to now)."""
    today = today or chinatime.today()
    latest = (
        select(
            TimelineEvent.case_id,
            Case.number,
            TimelineEvent.at,
            StaffUser.name,
            TimelineEvent.kind,
            TimelineEvent.detail,
        )
        .join(Case, Case.id == TimelineEvent.case_id)
        .join(StaffUser, StaffUser.id == TimelineEvent.actor_id)
        .where(TimelineEvent.deleted_at.is_(None), Case.deleted_at.is_(None))
        .order_by(TimelineEvent.id.desc())  # the ids are made from the moments: the table's order is the time's
        .limit(RECENT_EVENTS)
    )
    with context.database.transaction() as session:
        in_performance = deadlines.in_performance()
        agreements = clocks_for(session, in_performance, today, context.calendar)
        due = _due(session, context.calendar, today, agreements)
        owed = unpaid_workers(session, in_performance)
        owed_cases = {row.case_id for row in owed}
        numbers = dict(session.execute(select(Case.id, Case.number).where(Case.id.in_(owed_cases))).all())
        unpaid = [
            UnpaidItem(row.case_id, numbers[row.case_id], row.name, row.balance.share_fen, row.balance.outstanding_fen)
            for row in owed
        ]
        stored_counts = session.execute(select(CaseStatusCount.status, CaseStatusCount.live)).all()
        counts = dict.fromkeys(CaseStatus, 0) | dict(stored_counts)
        events = session.execute(latest).all()
        recent = [RecentEvent(*row, shown) for row, shown in zip(events, timeline.shown(session, events), strict=True)]
    performances = dict.fromkeys(PerformanceState, 0)
    for agreement in agreements.values():
        performances[agreement.performance.state] += 1
    return Dashboard(
        today=today,
        due=due,
        unpaid=sorted(unpaid, key=lambda item: item.number),
        counts=counts,
        performances=performances,
        open_total=sum(counts[status] for status in OPEN_STATUSES) + sum(performances[s] for s in STILL_OWED),
        recent=recent,
    )
