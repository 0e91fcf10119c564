"""The city's figures for any period, district or station, from the stations' synced rows.

The same definitions as the station's own 统计 page (domain/statistics.py): each case is read as the same plain
``CaseFacts`` the station builds from its database (services/statistics.case_facts), here from the JSON fields of
``sync_row``, and the same cases are read: those received, decided, concluded, paid or due in the period, or open
across it. A station's figure at the city therefore equals its own report once it has synced
(tests/station_sync/test_city_figures.py).

Only the fields a figure needs are read, each extracted by the database (``fields->>'name'``), so a quarter over a
thousand stations stays a few set queries (bench: ``city_quarter_report_s``).
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ARRAY, Text, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased

from .. import collector
from ..domain import chinatime, clues, periods, statistics
from ..domain.cases import CaseStatus, Category, IntakeChannel
from ..domain.clues import ClueStep
from ..domain.parties import EmployerKind
from ..domain.periods import Period
from ..domain.statistics import CaseFacts, ClueFacts, Figure, FigureValue, Source
from .models import Station, SyncRow
from .synced import CITY, Scope, among, as_date, field, field_values, live, reference, rows, within

IN_EFFECT = "in_effect"


@dataclass(frozen=True)
class Table:
    key: str
    title: str  # English source; web.chinese names it
    rows: list[FigureValue]


@dataclass(frozen=True)
class CityReport:
    period: Period
    cases: int  # the cases read (what the period's figures may count)
    tables: list[Table]
    breakdowns: dict[str, dict[object, int]]  # cases received, by each of domain.statistics.BREAKDOWNS
    received_by_week: list[tuple[date, int]]
    received_by_station: dict[uuid.UUID, int]


_CASE_FIELDS = (
    "received_on",
    "category",
    "channel",
    "is_collective",
    "worker_count",
    "claimed_total_fen",
    "decided_on",
    "status",
    "outcome",
    "ended_on",
    "project_id",
)
_CATEGORIES = {each.value: each for each in Category}
_CHANNELS = {each.value: each for each in IntakeChannel}
_STATUSES = {each.value: each for each in CaseStatus}
_EMPLOYER_KINDS = {each.value: each for each in EmployerKind}


def case_facts(
    session: Session, period: Period, scope: Scope = CITY, stations: list[uuid.UUID] | None = None
) -> dict[uuid.UUID, tuple[uuid.UUID, CaseFacts]]:
    """case id -> (its station, its facts) for every case a figure of ``period`` may count, read as the station
    reads them (services/statistics.case_facts): received in the period, decided by its end and not ended before
    it, or with money paid or an instalment of the agreement in effect due in it. A superset: the definitions decide.

    Rows are linked by their ids as text (the wire form the fields hold): the few tables are read whole, per table,
    which the database does faster than joins on ids inside JSON. ``stations``, when given, instead of ``scope``."""
    stations = stations if stations is not None else scope.stations(session)
    day_before = (period.first - timedelta(days=1)).isoformat()
    first, last = period.first.isoformat(), period.last.isoformat()
    dated = or_(
        within("received_on", period),
        and_(
            field("decided_on") <= last,
            or_(field("ended_on").is_(None), field("ended_on") >= day_before),
        ),
    )
    cases = {str(row[0]): row for row in rows(session, "case_file", stations, *_CASE_FIELDS, where=[dated])}
    # (case id, state, effective at, total fen) by agreement id; dates stay ISO text until a case needs them
    # A case counts for the station that owns it, with the agreement and the payments of a station the city
    # assigned it to (shared with the owner).
    agreement_fields = ("case_id", "state", "effective_at", "total_fen")
    agreements = {
        str(row_id): values
        for row_id, _, *values in rows(session, "agreement", stations, *agreement_fields, shared=True)
    }
    instalment_fields = ("agreement_id", "due_on", "amount_fen")
    instalments = field_values(session, "agreement_instalment", stations, *instalment_fields, shared=True)
    payments = field_values(session, "payment", stations, "agreement_id", "paid_on", "amount_fen", shared=True)
    touched = {agreement_id for agreement_id, paid_on, _ in payments if first <= paid_on <= last} | {
        agreement_id
        for agreement_id, due_on, _ in instalments
        if first <= due_on <= last and agreement_id in agreements and agreements[agreement_id][1] == IN_EFFECT
    }
    more = {agreements[each][0] for each in touched if each in agreements} - cases.keys()
    if more:
        wanted = among(session, SyncRow.row_id, [uuid.UUID(each) for each in more])
        cases |= {str(row[0]): row for row in rows(session, "case_file", stations, *_CASE_FIELDS, where=[wanted])}
    return _facts(session, stations, cases, agreements, instalments, payments)


def _facts(session, stations, cases, agreements, instalments, payments) -> dict[uuid.UUID, tuple[uuid.UUID, CaseFacts]]:
    agreed_on: dict[str, date] = {}
    in_effect: dict[str, tuple[str, int]] = {}
    for agreement_id, (case_id, state, effective_at, total_fen) in agreements.items():
        if case_id not in cases or effective_at is None:
            continue
        day = chinatime.local_date(datetime.fromisoformat(effective_at))
        agreed_on[case_id] = min(day, agreed_on.get(case_id, day))
        if state == IN_EFFECT:
            in_effect[case_id] = (agreement_id, int(total_fen))
    counted = {agreement_id for agreement_id, _ in in_effect.values()}
    schedules: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for agreement_id, due_on, amount_fen in instalments:
        if agreement_id in counted:
            schedules[agreement_id].append((date.fromisoformat(due_on), int(amount_fen)))
    paid: dict[str, list[tuple[date, int]]] = defaultdict(list)
    by_agreement: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for agreement_id, paid_on, amount_fen in payments:
        agreement = agreements.get(agreement_id)
        if agreement is not None and agreement[0] in cases:
            payment = (date.fromisoformat(paid_on), int(amount_fen))
            paid[agreement[0]].append(payment)
            by_agreement[agreement_id].append(payment)
    employer_kinds = _employer_kinds(session, stations, cases.keys())
    named = {uuid.UUID(row[12]) for row in cases.values() if row[12]}
    projects = (
        {
            str(row[0]): row[2]
            for row in rows(session, "project", None, "name", where=[among(session, SyncRow.row_id, list(named))])
        }
        if named
        else {}
    )
    facts = {}
    for key, row in cases.items():
        (case_id, station_id, received_on, category, channel, collective, workers, claimed, decided_on, status,
         outcome, ended_on, project_id) = row  # fmt: skip
        agreement_id, agreed_fen = in_effect.get(key, (None, 0))
        schedule = schedules.get(agreement_id, []) if agreement_id else []
        refused = CaseStatus.REFUSED.value in (status, outcome)
        facts[case_id] = (
            station_id,
            CaseFacts(
                id=case_id,
                received_on=date.fromisoformat(received_on),
                category=_CATEGORIES[category],
                channel=_CHANNELS[channel],
                collective=_true(collective),
                workers=int(workers or 0),
                claimed_fen=int(claimed or 0),
                employer_kind=employer_kinds.get(key),
                project=projects.get(project_id, "") if project_id else "",
                accepted_on=None if refused else as_date(decided_on),
                ended_on=as_date(ended_on),
                outcome=_STATUSES[outcome] if outcome else None,
                agreed_on=agreed_on.get(key),
                agreed_fen=agreed_fen,
                last_due_on=max(due_on for due_on, _ in schedule) if schedule else None,
                performed_on_time=bool(schedule) and statistics.paid_on_time(schedule, by_agreement[agreement_id]),
                payments=tuple(sorted(paid[key])),
                voided=status == CaseStatus.VOIDED.value,
            ),
        )
    return facts


def clue_facts(session: Session, stations: list[uuid.UUID] | None) -> dict[uuid.UUID, list[ClueFacts]]:
    """Each station's clues as its own 统计 page reads them (services/statistics.clue_facts): the clues the city
    assigned it, with what its records say became of each (the furthest of two records made offline)."""
    records: dict[str, tuple[int, str, list[str | None]]] = {}
    for clue_id, step, updated_at, *values in field_values(
        session, "clue_record", stations, "clue_id", "step", "updated_at", "closed_on", "recovered_fen", "workers_paid"
    ):
        # A new record may leave out the fields with a station default: read as the station stores them, not as
        # None, which took the city's pages down for every station.
        step, updated_at = step or ClueStep.RECEIVED, updated_at or ""
        rank = clues.rank(ClueStep(step))
        if clue_id not in records or (rank, updated_at) > records[clue_id][:2]:
            records[clue_id] = (rank, updated_at, [step, *values])
    facts: dict[uuid.UUID, list[ClueFacts]] = defaultdict(list)
    for clue_id, station_id, received_at, due_on in rows(session, "wage_clue", stations, "received_at", "due_on"):
        if not received_at:  # imported before the import stamped the day: not placed in any period here
            continue
        step, closed_on, recovered, workers = records.get(str(clue_id), (0, "", [None] * 4))[2]
        closed = step is not None and ClueStep(step).is_closed
        facts[station_id].append(
            ClueFacts(
                id=clue_id,
                received_on=chinatime.local_date(datetime.fromisoformat(received_at)),
                due_on=as_date(due_on),
                closed_on=as_date(closed_on) if closed else None,
                outcome=ClueStep(step) if closed else None,
                recovered_fen=int(recovered or 0) if closed else 0,
                workers_paid=int(workers or 0) if closed else 0,
            )
        )
    return facts


def _true(text: str | None) -> bool:
    # A JSON boolean extracted as text: "true" on PostgreSQL, "1" on SQLite.
    return text in ("true", "1")


def _employer_kinds(session: Session, stations, cases: Iterable[str]) -> dict[str, EmployerKind]:
    """Each case's first respondent's kind of employer, as the station's breakdown by kind groups it. Employers are
    read whoever owns them: a case may name an employer of the city's reference data."""
    employer, wanted = aliased(SyncRow), set(cases)
    query = (
        select(field("case_id"), field("position"), field("kind", employer))
        .join(employer, employer.row_id == reference(session, "employer_id"))
        .where(*live("case_respondent", stations))
    )
    if session.get_bind().dialect.name == "postgresql":
        # Only the respondents of the cases read (one array parameter): the others are not joined to their employer.
        query = query.where(field("case_id") == func.any(bindparam("cases", list(wanted), type_=ARRAY(Text))))
    first: dict[str, tuple[int, EmployerKind]] = {}
    for case_id, position, kind in session.connection().execute(query):
        if case_id in wanted and (case_id not in first or int(position) < first[case_id][0]):
            first[case_id] = (int(position), _EMPLOYER_KINDS[kind])
    return {case: kind for case, (_, kind) in first.items()}


@dataclass(frozen=True)
class Partial:
    """One station's figures for a period. Every figure is a sum over cases, and every case is one station's, so a
    district's or the city's figures are the sums of their stations' (``combine``): a station that synced is
    counted again alone (web/reports.Reports)."""

    values: dict[str, tuple[int, int]]  # figure key -> (value, a share's denominator or 0)
    breakdowns: dict[str, dict[object, int]]  # cases received, by each of domain.statistics.BREAKDOWNS
    by_week: tuple[int, ...]  # cases received per week of the period
    cases: int  # cases read


def _partial(facts: list[CaseFacts], clue_facts: list[ClueFacts], period: Period, weeks: list[Period]) -> Partial:
    # One counting for every figure: each figure's cases are found once, as the station's own return finds them.
    counting = statistics.Counting({Source.CASES: facts, Source.CLUES: clue_facts}, period)
    values = {}
    for figure in statistics.FIGURES.values():
        row = counting.evaluate(figure)
        values[figure.key] = (row.value, row.denominator or 0)
    # The breakdowns and the weeks look through the cases received, found once, instead of every case read.
    received = counting.cases(statistics.RECEIVED)
    return Partial(
        values,
        statistics.received_by_group(received, period),
        tuple(counting.by_week(statistics.RECEIVED, weeks)),
        len(facts),
    )


def partials(session: Session, period: Period, stations: list[uuid.UUID] | None = None) -> dict[uuid.UUID, Partial]:
    """Each station's figures for ``period`` (of every station when ``stations`` is None), read in one go."""
    with collector.paused():
        return _partials(session, period, stations)


def _partials(session: Session, period: Period, stations: list[uuid.UUID] | None) -> dict[uuid.UUID, Partial]:
    grouped: dict[uuid.UUID, list[CaseFacts]] = defaultdict(list)
    for station_id, fact in case_facts(session, period, stations=stations).values():
        grouped[station_id].append(fact)
    assigned = clue_facts(session, stations)
    if stations is None:
        stations = list(session.scalars(select(Station.id)))
    weeks = periods.weeks_in(period)
    return {
        station_id: _partial(grouped.get(station_id, []), assigned.get(station_id, []), period, weeks)
        for station_id in stations
    }


def combine(period: Period, parts: dict[uuid.UUID, Partial]) -> CityReport:
    """The figures of several stations together, from each one's."""
    values: dict[str, list[int]] = {key: [0, 0] for key in statistics.FIGURES}
    breakdowns: dict[str, dict[object, int]] = {breakdown.key: defaultdict(int) for breakdown in statistics.BREAKDOWNS}
    weeks = periods.weeks_in(period)
    by_week = [0] * len(weeks)
    for part in parts.values():
        for key, (value, denominator) in part.values.items():
            values[key][0] += value
            values[key][1] += denominator
        for key, groups in part.breakdowns.items():
            for group, count in groups.items():
                breakdowns[key][group] += count
        for index, count in enumerate(part.by_week):
            by_week[index] += count

    def row(figure: Figure) -> FigureValue:
        value, denominator = values[figure.key]
        return FigureValue(figure, value, denominator if figure.of is not None else None)

    return CityReport(
        period=period,
        cases=sum(part.cases for part in parts.values()),
        tables=[
            Table(key, title, [row(figure) for figure in figures])
            for key, (title, figures) in statistics.TABLES.items()
        ],
        breakdowns={key: dict(sorted(groups.items(), key=lambda item: -item[1])) for key, groups in breakdowns.items()},
        received_by_week=[(week.first, count) for week, count in zip(weeks, by_week, strict=True)],
        received_by_station={
            station_id: part.values[statistics.RECEIVED.key][0]
            for station_id, part in parts.items()
            if part.values[statistics.RECEIVED.key][0]
        },
    )


def report(session: Session, period: Period, scope: Scope = CITY) -> CityReport:
    """Every figure of the returns for ``period`` over ``scope``: figures only, nothing personal."""
    return combine(period, partials(session, period, scope.stations(session)))


def feed_positions(session: Session, stations: list[uuid.UUID] | None = None) -> dict[uuid.UUID, int]:
    """Each station's last place in the change feed: its figures change only when that moves."""
    query = select(SyncRow.station_id, func.max(SyncRow.change_seq)).group_by(SyncRow.station_id)
    if stations is not None:
        query = query.where(SyncRow.station_id.in_(stations))
    return {station_id: seq for station_id, seq in session.execute(query) if station_id is not None}
