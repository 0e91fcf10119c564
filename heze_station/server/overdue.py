"""The deadlines passed at the stations, from their synced rows: open cases past their mediation period (R4), and
agreements in effect with an instalment unpaid after its last day. A last day that is a rest day runs to the next
working day, as on the station (民法典 203)."""

import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from ..domain.agreements import Instalment
from ..domain.cases import CaseStatus, Category
from ..domain.clocks import ClockState, mediation_clock
from ..domain.performance import PerformanceState, performance
from ..domain.workcalendar import WorkCalendar
from .calendar import city_calendar
from .city_figures import IN_EFFECT
from .models import SyncRow
from .synced import CITY, Scope, among, as_date, field, field_values, rows

log = logging.getLogger(__name__)

OPEN_STATUSES = (CaseStatus.ACCEPTED.value, CaseStatus.IN_MEDIATION.value)


@dataclass(frozen=True)
class Overdue:
    """A deadline passed: the mediation period of an open case, or an instalment an agreement in effect owes."""

    station_id: uuid.UUID
    case_id: uuid.UUID
    number: str
    category: Category
    workers: int
    respondent: str  # the employers named, as the station summarised them
    kind: str  # "mediation" | "performance"
    due: date
    days_late: int


def passed(session: Session, today: date, scope: Scope = CITY) -> list[Overdue]:
    """Every deadline passed as of ``today`` (China time), the longest overdue first."""
    stations = scope.stations(session)
    calendar = city_calendar(session, today)
    listed = ("number", "category", "worker_count", "respondent_summary")
    found = []
    for case_id, station_id, *shown, received_on, extended_to in rows(
        session,
        "case_file",
        stations,
        *listed,
        "received_on",
        "mediation_extended_to",
        where=[field("status").in_(OPEN_STATUSES)],
    ):
        try:
            clock = mediation_clock(date.fromisoformat(received_on), None, today, calendar, as_date(extended_to))
        except (ValueError, OverflowError):
            # Each date fits its field, not the two together (extended to before the statutory end), or it was
            # stored before the last year was checked: that case has no clock to show, and must not take the page
            # from every other station.
            log.warning("case %s of station %s has no mediation clock: its dates contradict", case_id, station_id)
            continue
        if clock.state is ClockState.OVERDUE:
            found.append(_overdue(case_id, station_id, shown, "mediation", clock.due, today))
    in_default = _instalments_in_default(session, stations, today, calendar)
    if in_default:
        for case_id, station_id, *shown in rows(
            session, "case_file", stations, *listed, where=[among(session, SyncRow.row_id, list(in_default))]
        ):
            found.append(_overdue(case_id, station_id, shown, "performance", in_default[case_id], today))
    return sorted(found, key=lambda each: -each.days_late)


def _overdue(case_id, station_id, shown, kind: str, due: date, today: date) -> Overdue:
    number, category, workers, respondent = shown
    return Overdue(
        station_id, case_id, number, Category(category), int(workers or 0), respondent or "", kind, due,
        (today - due).days,
    )  # fmt: skip


def _instalments_in_default(session: Session, stations, today: date, calendar: WorkCalendar) -> dict[uuid.UUID, date]:
    """case id -> the last day of the first instalment not covered by what was paid by then, for the agreements in
    effect (domain.performance: payments fill instalments in due order)."""
    agreements = {
        str(row_id): case_id
        for row_id, _, case_id in rows(session, "agreement", stations, "case_id", where=[field("state") == IN_EFFECT])
    }
    schedules: dict[str, list[Instalment]] = defaultdict(list)
    for agreement_id, due_on, amount_fen in field_values(
        session,
        "agreement_instalment",
        stations,
        "agreement_id",
        "due_on",
        "amount_fen",
        where=[field("due_on") <= calendar.last_working_day_before(today).isoformat()],
    ):
        if agreement_id in agreements:
            schedules[agreement_id].append(Instalment(date.fromisoformat(due_on), int(amount_fen)))
    paid: dict[str, list[int]] = defaultdict(list)
    for agreement_id, amount_fen in field_values(session, "payment", stations, "agreement_id", "amount_fen"):
        paid[agreement_id].append(int(amount_fen))
    found = {}
    for agreement_id, schedule in schedules.items():
        # Only instalments whose last day has passed were read: any not covered by what was paid is in default.
        standing = performance(sorted(schedule, key=lambda each: each.due_on), paid[agreement_id], today, calendar)
        if standing.state is PerformanceState.IN_DEFAULT:
            found[uuid.UUID(agreements[agreement_id])] = standing.next_due.last_day
    return found
