"""The station's figures for a period, from its own rows, by the definitions in domain/statistics.py.

Only the cases a period's figures can touch are read (received, decided, concluded, paid or due in it, or open across
it), each as plain ``CaseFacts`` in a few set queries of plain rows (no ORM objects: a month's return reads thousands);
the definitions then count them, each figure's cases found once (domain.statistics.Counting). The same facts answer
"which cases are behind this figure?", so a figure and the case list it opens always agree.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import (
    CompoundSelect,
    Executable,
    Integer,
    LargeBinary,
    Select,
    String,
    bindparam,
    case,
    column,
    delete,
    exists,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    table,
    type_coerce,
    union_all,
)
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Delete

from .. import collector
from ..domain import chinatime, periods, statistics
from ..domain.agreements import AgreementState
from ..domain.cases import CaseStatus, Category, IntakeChannel
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.parties import EmployerKind
from ..domain.periods import Period, PeriodKind
from ..domain.statistics import CaseFacts, ClueFacts, Figure, FigureValue, Source, Unit
from ..storage import station_rows
from ..storage.models import (
    Agreement,
    AgreementInstalment,
    Case,
    CaseRespondent,
    Employer,
    Payment,
    Project,
    WageClue,
)
from ..storage.types import day_from_stored, stored_days
from .access import EVERYONE, requires
from .clues import records_by_clue
from .station import StationContext

Translate = Callable[[str], str]
E = TypeVar("E", bound=Enum)

TITLES = {
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("Domain", "Weekly return"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("Domain", "Monthly return"),
    PeriodKind.QUARTER: QT_TRANSLATE_NOOP("Domain", "Quarterly summary"),
    PeriodKind.YEAR: QT_TRANSLATE_NOOP("Domain", "Annual return"),
    PeriodKind.CUSTOM: QT_TRANSLATE_NOOP("Domain", "Return"),
}
NONE_GIVEN = QT_TRANSLATE_NOOP("Domain", "(not given)")


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    rows: list[FigureValue]


@dataclass(frozen=True)
class Series:
    """One chart's bars: a label per bar (a week's Monday, a category) and its value."""

    unit: Unit
    points: list[tuple[object, int]]


@dataclass(frozen=True)
class Report:
    station_name: str
    period: Period
    tables: list[Table]
    breakdowns: dict[str, dict[object, int]]  # cases received, by each of domain.statistics.BREAKDOWNS
    received_by_week: Series
    agreed_by_week: Series
    recovered_by_week: Series


def period_text(period: Period) -> str:
    """2026年11月1日至2026年11月30日, as the page and the returns name a period."""
    return f"{chinatime.chinese_date(period.first)}至{chinatime.chinese_date(period.last)}"


def group_text(group: object, translate: Translate) -> str:
    """A breakdown's group: an enum member by its label, a project by its name, nothing given said so."""
    if group is None:
        return translate(NONE_GIVEN)
    return translate(group.label) if hasattr(group, "label") else str(group)


# The state as a literal, not a parameter: the statements made once take only their days as parameters.
_IN_EFFECT = literal_column(f"'{AgreementState.IN_EFFECT.value}'")


def relevant_case_ids(period: Period) -> CompoundSelect:
    """The ids of every case a figure of ``period`` may count: a superset (the definitions decide), each part read
    by an index (migration 0013). UNION ALL: a plain UNION merges the parts in id order, for which SQLite scans
    every case by its key instead (300 ms on 100,000 cases); the ids are made unique where they are kept."""
    return _relevant_cases(period.first, period.last, period.first - timedelta(days=1), rows=False)


# The key a case's row is stored under: every index of case_file holds it, so that an index alone names the cases it
# finds, where their ids are read from their rows.
_CASE_ROW = literal_column("case_file.rowid", Integer)


def _relevant_cases(first: Any, last: Any, day_before: Any, *, rows: bool) -> CompoundSelect:
    """relevant_case_ids between days given as values, or as the parameters of a statement made once; with ``rows``,
    each case named by its row (_CASE_ROW) rather than its id."""
    key = _CASE_ROW if rows else Case.id

    def cases_of_agreements() -> Select[Any]:
        if rows:
            return select(_CASE_ROW).select_from(Agreement).join(Case, Case.id == Agreement.case_id)
        return select(Agreement.case_id)

    return union_all(
        select(key).where(Case.received_on.between(first, last)),
        # decided by the period's end and not ended before it: open across it, or concluded or passed on in it
        select(key).where(Case.ended_on >= day_before, Case.decided_on <= last),
        select(key).where(Case.ended_on.is_(None), Case.decided_on <= last),
        cases_of_agreements()
        .join(Payment, Payment.agreement_id == Agreement.id)
        .where(Payment.paid_on.between(first, last)),
        cases_of_agreements()
        .join(AgreementInstalment, AgreementInstalment.agreement_id == Agreement.id)
        .where(Agreement.state == _IN_EFFECT, AgreementInstalment.due_on.between(first, last)),
    )


# The rows of the cases of relevant_case_ids, kept for the queries of one case_facts call: as a subquery in each of
# them it would be computed again each time (five times the work). A temporary table lives in memory
# (temp_store=MEMORY). By their rows rather than their ids: the indexes that find the cases then name them without
# reading a row (collecting them takes half the time), and each case is read by its row directly.
_REPORT_CASES = table("report_case", column("case_row"))
_KEPT = _CASE_ROW.in_(select(_REPORT_CASES.c.case_row))
_KEPT_IDS = select(Case.id).where(_KEPT)


# Made and compiled once, run with the period's days: building the statement anew cost as much as running it.
_COLLECT = (
    insert(_REPORT_CASES)
    .prefix_with("OR IGNORE")
    .from_select(
        ["case_row"], _relevant_cases(bindparam("first"), bindparam("last"), bindparam("day_before"), rows=True)
    )
)


# A case the city assigned here from another station counts in its owner's return, as the city counts it
# (server/city_figures): the cases of other stations are let go once the period's are collected. By each kept row,
# which the reads below then find in the cache, rather than by every case of the station. This station's cases are
# those of its rows on each of its laptops (storage/station_rows): one statement for each number of them.
@cache
def _other_stations(rows: int) -> Delete:
    own = [bindparam(f"station_{row}") for row in range(rows)]
    return delete(_REPORT_CASES).where(
        ~exists(
            select(literal_column("1")).where(
                _REPORT_CASES.c.case_row == _CASE_ROW, type_coerce(Case.station_id, LargeBinary).in_(own)
            )
        )
    )


def _collect_relevant(session: Session, period: Period, station_id: uuid.UUID) -> None:
    days = {"first": period.first, "last": period.last, "day_before": period.first - timedelta(days=1)}
    connection = session.connection()
    sql, names = _compiled(_COLLECT, connection.dialect)
    own = station_rows.of_station(session, station_id)
    others_sql, others_names = _compiled(_other_stations(len(own)), connection.dialect)
    # On the driver's cursor, as the reads: each statement through the session costs a tenth of a millisecond.
    cursor = connection.connection.cursor()
    try:
        cursor.execute("CREATE TEMP TABLE IF NOT EXISTS report_case (case_row INTEGER PRIMARY KEY)")
        # Emptied rather than made again: a change of schema would make SQLite prepare every statement anew.
        cursor.execute("DELETE FROM temp.report_case")
        cursor.execute(sql, [stored_days(days[name]) for name in names])
        cursor.execute(others_sql, [own[int(name.rpartition("_")[2])].bytes for name in others_names])
    finally:
        cursor.close()


# Each kept case's facts as SQLite holds them (an enum by its value, a day by its number), read here: the ORM's
# result layer, and even the column types', cost more than the reading for thousands of rows. What the facts make of
# the status (accepted unless refused; voided) and of a case without a project is worked out by SQLite, rather than
# case by case in Python.
_REFUSED = literal_column(f"'{CaseStatus.REFUSED.value}'")
_CASES_READ = (
    select(
        type_coerce(Case.id, String),
        type_coerce(Case.received_on, Integer),
        type_coerce(Case.category, String),
        type_coerce(Case.channel, String),
        case(
            (or_(type_coerce(Case.status, String) == _REFUSED, type_coerce(Case.outcome, String) == _REFUSED), null()),
            else_=type_coerce(Case.decided_on, Integer),
        ),
        type_coerce(Case.outcome, String),
        type_coerce(Case.ended_on, Integer),
        type_coerce(Case.is_collective, Integer),
        Case.worker_count,
        Case.claimed_total_fen,
        func.coalesce(Project.name, literal_column("''")),
        type_coerce(Case.status, String) == literal_column(f"'{CaseStatus.VOIDED.value}'"),
        type_coerce(Case.first_employer_kind, String),  # last: case_facts looks for the cases without it
    )
    .outerjoin(Project, Project.id == Case.project_id)
    # IN, not a join: SQLite then looks each kept row up rather than scanning every case for them.
    .where(_KEPT, Case.deleted_at.is_(None))
)


# An agreement's effective moment is stored in microseconds since 1970 in UTC: SQLite gives its China-time day as a
# stored day's number (whole days since 1970 of the moment moved to China time), so that thousands of timestamps are
# not made into aware datetimes only to be made into dates.
_CHINA_OFFSET_MICROSECONDS = int(chinatime.CHINA_TZ.utcoffset(None).total_seconds()) * 1_000_000
_DAY_MICROSECONDS = 86_400 * 1_000_000
_KEPT_AGREEMENTS = (
    Agreement.case_id.in_(_KEPT_IDS),
    Agreement.effective_at.is_not(None),
    Agreement.deleted_at.is_(None),
)
# The kept cases' agreements, instalments and payments, ids as the bytes their rows hold and days as their stored
# numbers. Every agreement of theirs is read: when they have none, they have no payments either, and those are not
# looked for.
_AGREEMENTS_READ = select(
    type_coerce(Agreement.id, String),
    type_coerce(Agreement.case_id, String),
    type_coerce(Agreement.state, String),
    (type_coerce(Agreement.effective_at, Integer) + literal_column(str(_CHINA_OFFSET_MICROSECONDS), Integer))
    // literal_column(str(_DAY_MICROSECONDS), Integer),
    Agreement.total_fen,
    Agreement.deleted_at.is_(None),
).where(Agreement.case_id.in_(_KEPT_IDS))
_INSTALMENTS_READ = select(
    type_coerce(AgreementInstalment.agreement_id, String),
    type_coerce(AgreementInstalment.due_on, Integer),
    AgreementInstalment.amount_fen,
).where(
    AgreementInstalment.agreement_id.in_(select(Agreement.id).where(*_KEPT_AGREEMENTS, Agreement.state == _IN_EFFECT)),
    AgreementInstalment.deleted_at.is_(None),
)
_PAYMENTS_READ = (
    select(
        type_coerce(Agreement.case_id, String),
        type_coerce(Payment.agreement_id, String),
        type_coerce(Payment.paid_on, Integer),
        Payment.amount_fen,
    )
    .join(Agreement, Agreement.id == Payment.agreement_id)
    .where(Agreement.case_id.in_(_KEPT_IDS), Payment.deleted_at.is_(None))
)


def _plain_rows(connection: Connection, statement: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``statement`` (without parameters) as the driver gives them, plain tuples: building a Result's
    rows, each with its own lookups, cost a quarter of a month's return for its few thousand cases."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(_sql(statement, connection.dialect))
        return cursor.fetchall()
    finally:
        cursor.close()


@cache
def _sql(statement: Select[Any], dialect: Dialect) -> str:
    """``statement``'s SQL, compiled once: the statements read as plain rows never change."""
    sql, names = _compiled(statement, dialect)
    assert not names, "plain rows are for statements without parameters"
    return sql


@cache
def _compiled(statement: Executable, dialect: Dialect) -> tuple[str, tuple[str, ...]]:
    """``statement``'s SQL, compiled once, and the names of its parameters in the order the SQL takes them (a day is
    given in the ISO form its column holds)."""
    compiled = statement.compile(dialect=dialect)
    return str(compiled), tuple(compiled.positiontup or ())


def case_facts(session: Session, period: Period, station_id: uuid.UUID) -> list[CaseFacts]:
    """The facts of every case of ``station_id`` that ``period``'s figures may count, read in one pass of plain Core
    rows: no ORM objects, and a case's id kept as the bytes its row holds (``cases_behind`` turns the few a click
    lists into UUIDs)."""
    _collect_relevant(session, period, station_id)
    connection = session.connection()
    in_effect_state = AgreementState.IN_EFFECT.value
    cases = _plain_rows(connection, _CASES_READ)
    unknown = select(Case.id).where(_KEPT, Case.first_employer_kind.is_(None))
    employer_kinds = _first_employer_kinds(connection, unknown) if None in map(itemgetter(-1), cases) else {}
    days = _Days()
    agreed_on: dict[str, date] = {}
    in_effect: dict[str, tuple[str, int]] = {}
    agreements = _plain_rows(connection, _AGREEMENTS_READ)
    for agreement_id, case_id, state, effective_on, total_fen, live in agreements:
        if effective_on is None or not live:
            continue
        day = days[effective_on]
        agreed_on[case_id] = min(day, agreed_on.get(case_id, day))
        if state == in_effect_state:
            in_effect[case_id] = (agreement_id, total_fen)
    schedules: dict[str, list[tuple[date, int]]] = defaultdict(list)
    if in_effect:
        for agreement_id, due_on, amount_fen in _plain_rows(connection, _INSTALMENTS_READ):
            schedules[agreement_id].append((days[due_on], amount_fen))
    paid: dict[str, list[tuple[date, int]]] = defaultdict(list)
    by_agreement: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for case_id, agreement_id, paid_on, amount_fen in _plain_rows(connection, _PAYMENTS_READ) if agreements else ():
        payment = (days[paid_on], amount_fen)
        paid[case_id].append(payment)
        by_agreement[agreement_id].append(payment)
    payments = {case_id: tuple(sorted(each)) for case_id, each in paid.items()}
    # What the agreement in effect sets, for the few cases that have one: (fen, last instalment due, kept on time).
    terms: dict[str, tuple[int, date | None, bool]] = {}
    for case_id, (agreement_id, agreed_fen) in in_effect.items():
        schedule = schedules.get(agreement_id, [])
        terms[case_id] = (
            agreed_fen,
            max(due_on for due_on, _ in schedule) if schedule else None,
            bool(schedule) and statistics.paid_on_time(schedule, by_agreement[agreement_id]),
        )
    no_terms = (0, None, False)
    categories, channels, kinds = _by_value(Category), _by_value(IntakeChannel), _by_value(EmployerKind)
    outcomes: dict[str | None, CaseStatus | None] = {None: None, **_by_value(CaseStatus)}
    facts = []
    for (
        case_id,
        received_on,
        category,
        channel,
        accepted_on,
        outcome,
        ended_on,
        collective,
        workers,
        claimed_fen,
        project,
        voided,
        employer_kind,
    ) in cases:
        agreed_fen, last_due_on, performed_on_time = terms.get(case_id, no_terms)
        # In the order of CaseFacts' fields, given by position: by name, making a case's facts cost twice as much.
        facts.append(
            CaseFacts(
                case_id,
                days[received_on],
                categories[category],
                channels[channel],
                bool(collective),
                workers,
                claimed_fen,
                kinds[employer_kind] if employer_kind else employer_kinds.get(case_id),
                project,
                days[accepted_on],
                days[ended_on],
                outcomes[outcome],
                agreed_on.get(case_id),
                agreed_fen,
                last_due_on,
                performed_on_time,
                payments.get(case_id, ()),
                bool(voided),
            )
        )
    return facts


def _first_employer_kinds(connection: Connection, case_ids: Select[tuple[uuid.UUID]]) -> dict[str, EmployerKind]:
    """The first respondent's kind of each of the cases ``case_ids`` selects: cases whose own copy of it
    (Case.first_employer_kind) is not known on this device, usually none. With min(), SQLite takes the bare column
    from the row that holds the minimum."""
    return {
        case_id: kind
        for case_id, _position, kind in connection.execute(
            select(type_coerce(CaseRespondent.case_id, String), func.min(CaseRespondent.position), Employer.kind)
            .join(Employer, Employer.id == CaseRespondent.employer_id)
            .where(CaseRespondent.case_id.in_(case_ids), CaseRespondent.deleted_at.is_(None))
            .group_by(CaseRespondent.case_id)
        )
    }


class _Days(dict[int | None, date | None]):
    """Stored days as dates, each made once: a month's cases share a few hundred days (and no day stays None)."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, stored: int) -> date:
        self[stored] = day = day_from_stored(stored)
        return day


def _by_value(enum_type: type[E]) -> dict[str, E]:
    """An enum's members by the value a column stores (storage.models.enum_column)."""
    return {member.value: member for member in enum_type}


def _by_week(figure: Figure, counting: statistics.Counting, period: Period) -> Series:
    weeks = periods.weeks_in(period)
    return Series(
        figure.unit, [(week.first, value) for week, value in zip(weeks, counting.by_week(figure, weeks), strict=True)]
    )


def clue_facts(session: Session) -> list[ClueFacts]:
    """Every clue the city assigned (a station has hundreds, not thousands), with what the station made of it."""
    records = records_by_clue(session)
    facts = []
    for clue in session.scalars(select(WageClue).where(WageClue.deleted_at.is_(None))):
        record = records.get(clue.id)
        closed = record is not None and record.step.is_closed
        facts.append(
            ClueFacts(
                id=clue.id,
                received_on=chinatime.local_date(clue.received_at or clue.created_at),
                due_on=clue.due_on,
                closed_on=record.closed_on if closed else None,
                outcome=record.step if closed else None,
                recovered_fen=record.recovered_fen if closed else 0,
                workers_paid=record.workers_paid if closed else 0,
            )
        )
    return facts


def _facts(session: Session, period: Period, station_id: uuid.UUID) -> dict[Source, list[Any]]:
    return {Source.CASES: case_facts(session, period, station_id), Source.CLUES: clue_facts(session)}


@requires(EVERYONE)
def report(context: StationContext, period: Period) -> Report:
    """Every figure of the station's returns for ``period``; figures only, nothing personal."""
    with collector.paused():
        with context.database.transaction() as session:
            counting = statistics.Counting(_facts(session, period, context.station_id), period)
        return Report(
            station_name=context.station_name,
            period=period,
            tables=[
                Table(key, title, [counting.evaluate(figure) for figure in figures])
                for key, (title, figures) in statistics.TABLES.items()
            ],
            breakdowns=statistics.received_by_group(counting.cases(statistics.RECEIVED), period),
            received_by_week=_by_week(statistics.RECEIVED, counting, period),
            agreed_by_week=_by_week(statistics.AMOUNT_AGREED, counting, period),
            recovered_by_week=_by_week(statistics.AMOUNT_RECOVERED, counting, period),
        )


@requires(EVERYONE)
def cases_behind(
    context: StationContext,
    period: Period,
    key: str,
    *,
    denominator: bool = False,
    breakdown: str | None = None,
    group: object = None,
) -> frozenset[uuid.UUID]:
    """Exactly the cases (of a clue figure: the clues) a figure counts, or its share's denominator, or one ``group``
    of a ``breakdown`` of it: what a click on the figure lists."""
    figure = statistics.FIGURES[key]
    if denominator:
        assert figure.of is not None, f"{key} has no denominator"
        figure = figure.of
    with context.database.transaction() as session:
        facts = (
            case_facts(session, period, context.station_id) if figure.source is Source.CASES else clue_facts(session)
        )
    behind = figure.cases(facts, period)
    if breakdown is not None:
        grouped = {each.key: each for each in statistics.BREAKDOWNS}[breakdown].group
        behind = [case for case in behind if grouped(case) == group]
    return (
        frozenset(uuid.UUID(bytes=each.id) for each in behind)
        if figure.source is Source.CASES
        else frozenset(each.id for each in behind)
    )
