"""Performance of an agreement (履行): which instalments are paid, which are late, and whether the case is in default.

Payments are recorded against the agreement and fill its instalments in the order they fall due, so a payer who
pays two instalments at once, or one in parts, is counted the way a person would count it. An instalment not
fully paid by its last day puts the agreement in default on the next day (R8 then opens arbitration or a payment
order). Its last day is its due date, or the next working day when that is a rest day (民法典 203; [check]: the
agreement may say otherwise, 民法典 204, which the station's agreements do not): nobody is told a payer is late
during a holiday, nor is a payment order prepared against him. Everything is derived from the schedule and the
payments, never stored, so it cannot drift.

A payment to a collective may be split over the workers, each part to one worker; the parts count against the
instalments like any payment (default stays per instalment), and also tell who is still unpaid.
"""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .agreements import Instalment
from .messages import QT_TRANSLATE_NOOP
from .workcalendar import WorkCalendar


class InstalmentState(StrEnum):
    UPCOMING = "upcoming"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    IN_DEFAULT = "in_default"

    @property
    def label(self) -> str:
        return _INSTALMENT_LABELS[self]


_INSTALMENT_LABELS = {
    InstalmentState.UPCOMING: QT_TRANSLATE_NOOP("Domain", "Not yet due"),
    InstalmentState.PARTLY_PAID: QT_TRANSLATE_NOOP("Domain", "Partly paid"),
    InstalmentState.PAID: QT_TRANSLATE_NOOP("Domain", "Paid"),
    InstalmentState.IN_DEFAULT: QT_TRANSLATE_NOOP("Domain", "In default"),
}


class PerformanceState(StrEnum):
    PERFORMING = "performing"
    IN_DEFAULT = "in_default"
    PERFORMED = "performed"

    @property
    def label(self) -> str:
        return _PERFORMANCE_LABELS[self]


_PERFORMANCE_LABELS = {
    PerformanceState.PERFORMING: QT_TRANSLATE_NOOP("Domain", "Being performed"),
    PerformanceState.IN_DEFAULT: QT_TRANSLATE_NOOP("Domain", "In default"),
    PerformanceState.PERFORMED: QT_TRANSLATE_NOOP("Domain", "Fully performed"),
}


@dataclass(frozen=True)
class InstalmentStatus:
    number: int
    due_on: date
    last_day: date  # due_on, or the working day after it when it is a rest day
    amount_fen: int
    paid_fen: int
    state: InstalmentState

    @property
    def default_on(self) -> date:
        """The day the agreement is in default if this instalment is still not fully paid."""
        return self.last_day + timedelta(days=1)

    @property
    def outstanding_fen(self) -> int:
        return self.amount_fen - self.paid_fen


@dataclass(frozen=True)
class Performance:
    instalments: list[InstalmentStatus]
    paid_fen: int
    outstanding_fen: int
    state: PerformanceState
    defaulted_since: date | None  # the first day of default, when in default
    next_due: InstalmentStatus | None  # the earliest instalment not fully paid


def performance(
    instalments: Sequence[Instalment], payments: Iterable[int], today: date, calendar: WorkCalendar
) -> Performance:
    """Where an agreement stands on ``today``, given its schedule (in due order) and the amounts paid so far."""
    paid = sum(payments)
    unallocated = paid
    statuses = []
    for number, instalment in enumerate(instalments, start=1):
        covered = min(unallocated, instalment.amount_fen)
        unallocated -= covered
        last_day = calendar.statutory_end(instalment.due_on)
        if covered == instalment.amount_fen:
            state = InstalmentState.PAID
        elif today > last_day:
            state = InstalmentState.IN_DEFAULT
        elif covered:
            state = InstalmentState.PARTLY_PAID
        else:
            state = InstalmentState.UPCOMING
        statuses.append(InstalmentStatus(number, instalment.due_on, last_day, instalment.amount_fen, covered, state))
    total = sum(instalment.amount_fen for instalment in instalments)
    defaulted = [status for status in statuses if status.state is InstalmentState.IN_DEFAULT]
    unpaid = [status for status in statuses if status.state is not InstalmentState.PAID]
    if not unpaid:
        state = PerformanceState.PERFORMED
    elif defaulted:
        state = PerformanceState.IN_DEFAULT
    else:
        state = PerformanceState.PERFORMING
    return Performance(
        instalments=statuses,
        paid_fen=paid,
        outstanding_fen=total - paid,
        state=state,
        defaulted_since=defaulted[0].default_on if defaulted else None,
        next_due=unpaid[0] if unpaid else None,
    )


@dataclass(frozen=True)
class WorkerBalance:
    """One worker's share of an agreement, what reached him, and what he is still owed."""

    person_id: uuid.UUID
    share_fen: int
    paid_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.share_fen - self.paid_fen


def worker_balances(
    shares: Sequence[tuple[uuid.UUID, int]], paid_to: Mapping[uuid.UUID, int], unsplit_fen: int
) -> list[WorkerBalance]:
    """Each worker's standing: the parts of split payments paid to him, and his part of the payments made to all
    the workers at once (recorded before payments were split, or not split since).

    Such a payment is spread over what each worker was still owed, in proportion, to the fen (the largest
    remainders get the odd fen, the earlier worker first on a tie): the agreement fixed each worker's share, so
    money paid under it went to them in that measure, and an agreement paid in full before payments were split
    shows every worker paid. It never makes anyone owed more or paid more than his share.
    """
    owed = [max(share - paid_to.get(person_id, 0), 0) for person_id, share in shares]
    total_owed = sum(owed)
    spread = min(unsplit_fen, total_owed)
    parts = [spread * each // total_owed if total_owed else 0 for each in owed]
    remainders = sorted(
        range(len(owed)), key=lambda index: (-(spread * owed[index] % total_owed if total_owed else 0), index)
    )
    for index in remainders[: spread - sum(parts)]:
        parts[index] += 1
    return [
        WorkerBalance(person_id, share, min(share, paid_to.get(person_id, 0)) + part)
        for (person_id, share), part in zip(shares, parts, strict=True)
    ]
