"""Each open case's running clocks, kept in ``case_deadline`` so the workbench reads by index the cases that may need
attention today instead of computing the clocks of every open case at each load.

A stored row is a due date, the clock's label and the days it can need attention (domain.clocks.attention_window); the
state for today is still computed at read time, from the due date by the clocks' own rule (domain.clocks.running_state),
so a stored row can never show a stale state. The rows are rewritten in the transaction of every change that moves them:
the session's flush for the program's own changes (one hook, as the outbox is, so no use case can forget it),
``refresh_pulled`` for the rows sync writes without the ORM, and all of them when the official calendar changes.

The rows hold the clocks as they stand before any day has passed (``today`` = ``date.min``): due dates do not depend
on today, and no suspension has begun yet, so a limitation that a suspension will stop still has its due date.
"""

import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, CompoundSelect, Row, Select, delete, or_, select, union
from sqlalchemy.orm import Session

from ..domain.cases import OPEN_STATUSES, CaseStatus
from ..domain.clocks import Clock, ClockState, attention_window
from ..domain.workcalendar import WorkCalendar
from ..storage.database import Database
from ..storage.models import (
    AfterMediationStep,
    Agreement,
    AgreementInstalment,
    ArbitralReview,
    CalendarDay,
    CalendarYear,
    Case,
    CaseDeadline,
    Payment,
)
from . import calendar
from .agreement_queries import AgreementClocks, clocks_for
from .case_queries import CLOCK_COLUMNS, case_clocks
from .step_queries import open_step_cases, step_dates_for

if TYPE_CHECKING:  # only named: what a pulled page wrote (storage.replica) is handed in by sync_replica
    from ..storage.replica import Applied

# The clocks as they stand before any day has passed (see the module's docstring).
_BEFORE_ANY_DAY = date.min
# A clock in these states needs nothing for ever, whatever the day: the step happened, or mediation stopped the
# limitation (it runs again only after a change of the case, which rewrites the rows).
_SETTLED = frozenset({ClockState.DONE, ClockState.INTERRUPTED})
# Rows that belong to an agreement: what they change is found through it.
_AGREEMENT_PARTS = {"agreement_instalment": AgreementInstalment, "payment": Payment, "arbitral_review": ArbitralReview}
_CALENDAR_TABLES = frozenset({"calendar_day", "calendar_year"})
# The case's columns its clocks and its place on the workbench read: a pulled change of others only (its facts, its
# update time) moves no deadline.
_CLOCK_FIELDS = frozenset({column.expression.name for column in CLOCK_COLUMNS} | {"deleted_at"})


def on_workbench() -> ColumnElement[bool]:
    """The cases whose clocks the workbench shows."""
    return Case.deleted_at.is_(None) & or_(
        Case.status.in_(OPEN_STATUSES),
        # Still owed to someone after the case's decision: a written refusal, an agreement's payments.
        (Case.status == CaseStatus.REFUSED) & Case.notice_served_on.is_(None),
        Case.status == CaseStatus.AGREEMENT,
        # The court's, committee's or inspectorate's periods after a referral or an agreement.
        Case.id.in_(open_step_cases()),
    )


def in_performance() -> Select[tuple[uuid.UUID]]:
    return select(Case.id).where(Case.deleted_at.is_(None), Case.status == CaseStatus.AGREEMENT)


def workbench_clocks(
    session: Session,
    calendar: WorkCalendar,
    today: date,
    among: Select[tuple[uuid.UUID]],
    *columns: object,
    agreements: Mapping[uuid.UUID, AgreementClocks] | None = None,
) -> list[tuple[Row, list[Clock]]]:
    """The clocks as of ``today`` of the workbench's cases ``among`` the given ones, with their rows (``columns``
    besides those the clocks read); ``agreements``: those of the cases in performance, when the caller has them."""
    rows = session.execute(select(Case.id, *columns, *CLOCK_COLUMNS).where(on_workbench(), Case.id.in_(among))).all()
    waiting = open_step_cases().where(AfterMediationStep.case_id.in_(among))
    with_steps: Select[tuple[uuid.UUID]] | CompoundSelect = waiting
    # Agreements are looked for only when a case read is in performance (none is, in most pulled pages).
    if any(row.status is CaseStatus.AGREEMENT for row in rows):
        performing = in_performance().where(Case.id.in_(among))
        if agreements is None:
            agreements = clocks_for(session, performing, today, calendar)
        # A confirmation not yet applied for waits on the parties: it shows while the agreement is performed.
        with_steps = union(performing, waiting)
    agreements = agreements or {}
    steps = step_dates_for(session, with_steps)
    return [
        # A result row carries every attribute case_clocks reads, so no ORM object needs to be built.
        (row, case_clocks(row, calendar, today, agreements.get(row.id), steps.get(row.id, [])))  # type: ignore[arg-type]
        for row in rows
    ]


def needing_attention(today: date) -> ColumnElement[bool]:
    """The stored deadlines whose attention window holds ``today`` (by the index on the window)."""
    return (CaseDeadline.attention_on <= today) & or_(
        CaseDeadline.attention_until.is_(None), CaseDeadline.attention_until >= today
    )


def refresh(session: Session, case_ids: Collection[uuid.UUID] | Select[tuple[uuid.UUID]] | None = None) -> None:
    """Write the deadlines of these cases (None: of every case) again, from their rows and the stored calendar."""
    among = select(Case.id) if case_ids is None else select(Case.id).where(Case.id.in_(case_ids))
    if case_ids is None:
        session.execute(delete(CaseDeadline))
    else:
        session.execute(delete(CaseDeadline).where(CaseDeadline.case_id.in_(among)))
    rows = _deadline_rows(session, calendar.load(session), among)
    if rows:
        _insert(session, rows)


_WRITTEN = ("case_id", "kind", "due_on", "attention_on", "attention_until", "label")
_INSERT = f"INSERT INTO case_deadline ({', '.join(_WRITTEN)}) VALUES ({', '.join('?' for _ in _WRITTEN)})"


def _insert(session: Session, rows: list[tuple[uuid.UUID, str, date, date, date | None, str]]) -> None:
    """Plain parameters, each value turned by its column type's own bind processor into what the column stores:
    past SQLAlchemy's per-row parameter handling, which cost more than SQLite's inserts (a pulled page writes
    hundreds of rows). Not the ORM's insert either: it inserts rows of an integer key one by one to read it back."""
    connection = session.connection()
    columns = CaseDeadline.__table__.c
    case_id, kind, due_on, attention_on, attention_until, label = (
        columns[name].type.dialect_impl(connection.dialect).bind_processor(connection.dialect) or _as_is
        for name in _WRITTEN
    )
    connection.exec_driver_sql(
        _INSERT,
        [(case_id(a), kind(b), due_on(c), attention_on(d), attention_until(e), label(f)) for a, b, c, d, e, f in rows],
    )


def _as_is(value: object) -> object:
    return value


def _deadline_rows(
    session: Session, calendar: WorkCalendar, among: Select[tuple[uuid.UUID]]
) -> list[tuple[uuid.UUID, str, date, date, date | None, str]]:
    """The running deadlines of these cases with their attention windows, as CaseDeadline stores them."""
    try:
        return _rows_of(workbench_clocks(session, calendar, _BEFORE_ANY_DAY, among), calendar)
    except (ValueError, OverflowError):
        # A case another device wrote inconsistently (a date at the end or the start of time, whose clock or window
        # runs past the calendar) has no deadlines: the others' are still written, and a pull is never stopped.
        found = []
        for case_id in session.scalars(among):
            one = select(Case.id).where(Case.id == case_id)
            try:
                found += _rows_of(workbench_clocks(session, calendar, _BEFORE_ANY_DAY, one), calendar)
            except (ValueError, OverflowError):
                continue
        return found


def _rows_of(
    running: list[tuple[Row, list[Clock]]], calendar: WorkCalendar
) -> list[tuple[uuid.UUID, str, date, date, date | None, str]]:
    return [
        (row.id, clock.kind.value, clock.due, on, until, clock.label)
        for row, clocks in running
        for clock in clocks
        if clock.due is not None and clock.state not in _SETTLED
        for on, until in [attention_window(clock.kind, clock.due, calendar)]
    ]


def _after_flush(session: Session, _flush_context: object) -> None:
    """The session's after_flush hook: new/dirty/deleted still list what this flush wrote; noted for the commit."""
    written = [*session.new, *session.dirty, *session.deleted]
    touched = session.info.setdefault(_TOUCHED, _Touched())
    touched.calendar |= any(isinstance(row, CalendarDay | CalendarYear) for row in written)
    touched.cases |= {row.id for row in written if isinstance(row, Case)}
    touched.cases |= {row.case_id for row in written if isinstance(row, Agreement | AfterMediationStep)}
    touched.agreements |= {row.agreement_id for row in written if isinstance(row, tuple(_AGREEMENT_PARTS.values()))}


def _before_commit(session: Session) -> None:
    """Once per transaction, however many flushes it made: the deadlines of the cases it touched."""
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    if touched is None:
        return
    if touched.calendar:
        refresh(session)
        return
    if touched.agreements:
        touched.cases |= set(session.scalars(select(Agreement.case_id).where(Agreement.id.in_(touched.agreements))))
    if touched.cases:
        refresh(session, touched.cases)


@dataclass
class _Touched:
    calendar: bool = False
    cases: set[uuid.UUID] = field(default_factory=set)
    agreements: set[uuid.UUID] = field(default_factory=set)


_TOUCHED = "deadlines_touched"


def keep_current(database: Database) -> None:
    """Rewrite the deadlines of the cases each of ``database``'s transactions changes, inside it; first fill them
    all when there are none but there are cases with clocks (migrations 0022 and 0025 left the table empty for the
    program's own clocks to fill): a station without such cases has nothing to fill at each start."""
    database.listen("after_flush", _after_flush)
    database.listen("before_commit", _before_commit)
    with database.transaction() as session:
        empty = session.scalar(select(CaseDeadline.id).limit(1)) is None
        if empty and session.scalar(select(Case.id).where(on_workbench()).limit(1)) is not None:
            refresh(session)


class PulledRows:
    """The rows pulled pages wrote in one replica transaction, as refresh_pulled needs them: each row's table, and
    for a row that was here already the columns it changed. A row new here in any of the pages counts as new; only
    ids are kept, not the pages' rows, which a first sync's transaction of thousands of rows would hold in memory."""

    def __init__(self) -> None:
        self.tables: dict[uuid.UUID, str] = {}
        self.changed_columns: dict[uuid.UUID, frozenset[str]] = {}
        self.new: set[uuid.UUID] = set()

    def add(self, applied: "Applied") -> None:
        """What a page wrote: its written rows, and the columns those that were here changed (a row absent from
        ``applied.changed_columns`` is new here)."""
        for change in applied.written:
            self.tables[change.row_id] = change.table
            columns = applied.changed_columns.get(change.row_id)
            if columns is None:
                self.new.add(change.row_id)
            else:
                known = self.changed_columns.get(change.row_id, frozenset())
                self.changed_columns[change.row_id] = known.union(columns)

    def moving(self, row_id: uuid.UUID, table: str) -> bool:
        """Whether the row may move a deadline: a case's row that was here and changed none of the clocks' columns
        does not."""
        if table != "case_file" or row_id in self.new:
            return True
        return not _CLOCK_FIELDS.isdisjoint(self.changed_columns[row_id])


def refresh_pulled(session: Session, pulled: PulledRows) -> None:
    """After rows pulled from the city were written (in the same replica transaction): the deadlines they move,
    once for all the transaction's pages. A row pulled as it was stored here is not among them, and moves nothing."""
    by_table: dict[str, list[uuid.UUID]] = {}
    for row_id, table in pulled.tables.items():
        if pulled.moving(row_id, table):
            by_table.setdefault(table, []).append(row_id)
    if not by_table:
        return
    if _CALENDAR_TABLES & by_table.keys():
        refresh(session)
        return
    # Only the tables the page wrote are looked up: a page of timeline events alone computes no clocks at all.
    cases = set(by_table.get("case_file", []))
    agreements = [
        select(model.agreement_id).where(model.id.in_(by_table[table]))
        for table, model in _AGREEMENT_PARTS.items()
        if table in by_table
    ]
    if "agreement" in by_table:
        agreements.append(select(Agreement.id).where(Agreement.id.in_(by_table["agreement"])))
    if agreements:
        cases.update(session.scalars(select(Agreement.case_id).where(Agreement.id.in_(union(*agreements)))))
    if "after_step" in by_table:
        steps = select(AfterMediationStep.case_id).where(AfterMediationStep.id.in_(by_table["after_step"]))
        cases.update(session.scalars(steps))
    if cases:
        refresh(session, cases)
