"""The figures the city asks of a station (rules.md, "Statistics the city asks for"), each defined once.

A figure is the set of cases behind it and what each case contributes (1, its workers, an amount), with the date that
places a case in a period; a share is one figure over another. The station's 统计 page, its returns and the city
compute from these definitions alone, from the same plain facts per case (``CaseFacts``), so a station's figure at
the city equals its own report and every figure can list exactly the cases it counts. docs/statistics.md is
written from this module (scripts/statistics_doc.py).

Counting rules that hold for every figure:
- A case counts once however many workers it has; a collective case is one case, its workers count in the
  workers' figures.
- An agreement counts through the case: the agreement in effect now gives the amount; a superseded agreement is
  never counted on its own; the case is placed by the day it first reached an agreement.
- Money paid counts on the day it was paid, under whichever of the case's agreements it was paid.
- Dates are China-time civil dates; weeks run Monday to Sunday.
- A case voided as registered by mistake counts in no figure but "Voided cases", which says how many were left out.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from .cases import CaseStatus, Category, IntakeChannel
from .clues import ClueStep
from .messages import QT_TRANSLATE_NOOP
from .money import format_yuan
from .parties import EmployerKind
from .periods import Period

# The station's own targets (rules.md): small clear cases closed within 3 days (三日销案); the mediation period of 15.
QUICK_CLOSE_DAYS = 3
MEDIATION_DAYS = 15


@dataclass(eq=False, slots=True)
class CaseFacts:
    """What the figures need of one case, read from the station's rows or the city's synced copy of them.

    Never changed once made, yet not a frozen dataclass: a return makes thousands, and a frozen one costs three
    times as much to make. Compared by identity, as a case is one. Slots: quicker to make, and every figure reads
    its attributes for every case."""

    id: object  # the case's UUID; opaque here
    received_on: date
    category: Category
    channel: IntakeChannel
    collective: bool
    workers: int
    claimed_fen: int
    employer_kind: EmployerKind | None = None  # the first respondent's
    project: str = ""
    accepted_on: date | None = None  # decided and accepted (a refusal leaves it None)
    ended_on: date | None = None  # the day it reached the end state it is in (or was closed from)
    outcome: CaseStatus | None = None  # that end state: an unperformed agreement may end as a referral
    agreed_on: date | None = None  # the day its first agreement took effect
    agreed_fen: int = 0  # the agreement in effect now
    last_due_on: date | None = None  # its last instalment
    performed_on_time: bool = False  # every instalment paid in full by its due date (see paid_on_time)
    payments: tuple[tuple[date, int], ...] = ()  # (paid on, fen), under any of the case's agreements
    voided: bool = False  # registered by mistake: left out of every figure but VOIDED

    # When mediation came to its end: an agreement in effect concludes it, whatever happens to the agreement later.
    # Kept rather than computed: every figure asks, for every case.
    concluded_on: date | None = field(init=False)
    conclusion: CaseStatus | None = field(init=False)

    def __post_init__(self) -> None:
        self.concluded_on = self.agreed_on or self.ended_on
        self.conclusion = CaseStatus.AGREEMENT if self.agreed_on else self.outcome

    def paid_in(self, period: Period) -> int:
        if not self.payments:  # most cases: asked for every case by the money figures
            return 0
        return sum(fen for paid_on, fen in self.payments if paid_on in period)


def paid_on_time(schedule: Iterable[tuple[date, int]], payments: Iterable[tuple[date, int]]) -> bool:
    """Every instalment (due on, fen) was covered by what had been paid by its due date; payments fill instalments
    in due order, as domain.performance counts them."""
    payments = sorted(payments)
    owed = 0
    for due_on, amount_fen in sorted(schedule):
        owed += amount_fen
        if sum(fen for paid_on, fen in payments if paid_on <= due_on) < owed:
            return False
    return True


@dataclass(frozen=True)
class ClueFacts:
    """What the figures need of one wage-arrears clue the city assigned to the station."""

    id: object
    received_on: date
    due_on: date | None = None  # the city's deadline
    closed_on: date | None = None
    outcome: ClueStep | None = None  # how it was closed
    recovered_fen: int = 0
    workers_paid: int = 0


class Source(StrEnum):
    """What a figure counts: cases, or the clues the city assigned."""

    CASES = "cases"
    CLUES = "clues"


class Unit(StrEnum):
    CASES = "cases"
    WORKERS = "workers"
    FEN = "fen"
    SHARE = "share"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str  # English source, translated where shown
    counts: str  # the numerator in words (English source, for docs/statistics.md and the returns' last sheet)
    dated_by: str  # the date that places a case in the period
    select: Callable[[CaseFacts, Period], bool]
    unit: Unit = Unit.CASES
    contribution: Callable[[CaseFacts, Period], int] | None = None  # what a case adds; None: each case counts one
    of: "Figure | None" = None  # a share's denominator; ``select`` must pick a subset of its cases
    source: Source = Source.CASES  # ``facts`` are CaseFacts, or ClueFacts for a clue figure
    counts_voided: bool = False  # counts the voided cases, which every other figure leaves out
    part: "Part | None" = None  # one of a family that splits another figure's cases (made by ``part``)
    # The one day of a case that ``dated_by`` names, where there is one: ``select`` picks a case only in a period
    # holding that day, and of the cases it picks in a period exactly those whose day falls in a part of it (a week)
    # in that part (Counting.by_week places each case in its week by it instead of trying every week).
    placed_on: Callable[[Any], date | None] | None = None
    # ``select`` asks no more than that the ``placed_on`` day falls in the period: the cases are then found by their
    # day alone, without asking it (tests/domain/test_statistics.py checks that both pick the same).
    by_day_alone: bool = False

    def cases(self, facts: Sequence[Any], period: Period) -> list[Any]:
        """Exactly the cases (or clues) behind the figure: what a click on it lists."""
        select = self.select
        if self.source is not Source.CASES:
            return [case for case in facts if select(case, period)]
        voided = self.counts_voided
        if self.placed_on is None:
            return [case for case in facts if case.voided is voided and select(case, period)]
        # Only the cases whose day falls in the period can be picked: those are found by comparing days, with no call
        # of ours per case (a return looks through thousands of cases for each figure).
        first, last = period.first, period.last
        placed = [
            case
            for case, day in zip(facts, map(self.placed_on, facts), strict=True)
            if day is not None and first <= day <= last and case.voided is voided
        ]
        return placed if self.by_day_alone else [case for case in placed if select(case, period)]

    def value(self, facts: Sequence[Any], period: Period) -> int:
        return self.total(self.cases(facts, period), period)

    def total(self, cases: list[Any], period: Period) -> int:
        """What the cases behind the figure (found by ``cases``) add up to."""
        contribution = self.contribution
        if contribution is None:
            return len(cases)
        # map, not a generator: no Python frame resumed per case when the workers of thousands are added up
        return sum(map(contribution, cases, repeat(period, len(cases))))


@dataclass(frozen=True)
class Share:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        """For display only (a share is not money); None when nothing was there to count."""
        return 100 * self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class Part:
    """The cases of ``whole`` whose ``group`` is ``wanted``: one of a family of figures (by category, by cause, by
    manner of closing) that a return counts together, in one look at the whole's cases."""

    whole: Figure
    group: Callable[[Any], object]
    wanted: object


def part(whole: Figure, group: Callable[[Any], object], wanted: object, key: str, label: str, counts: str) -> Figure:
    """The figure counting ``whole``'s cases whose ``group`` is ``wanted``, dated as ``whole`` is."""

    def select(case: Any, period: Period) -> bool:
        return whole.select(case, period) and group(case) == wanted

    return Figure(
        key, label, counts, whole.dated_by, select, part=Part(whole, group, wanted), placed_on=whole.placed_on
    )


@dataclass(frozen=True)
class FigureValue:
    """A figure's value for one period and place: what a return's row and the pages show."""

    figure: Figure
    value: int
    denominator: int | None = None  # a share's


def value_text(row: FigureValue) -> str:
    """A figure as a person reads it: a count, an amount in yuan, or a share with its parts."""
    match row.figure.unit:
        case Unit.FEN:
            return format_yuan(row.value)
        case Unit.SHARE:
            if not row.denominator:
                return f"{row.value} / 0"
            return f"{row.value} / {row.denominator}（{100 * row.value / row.denominator:.1f}%）"
    return str(row.value)


def evaluate(figure: Figure, facts: dict[Source, list[Any]], period: Period) -> FigureValue:
    """``figure`` over the facts of its source (cases or clues): its value, and a share's denominator."""
    return Counting(facts, period).evaluate(figure)


class Counting:
    """Many figures over the same facts and period, the cases behind each found once: a return shows a figure in
    several tables, several figures count the same cases (cases, workers, amounts), and one figure is the
    denominator of several shares."""

    def __init__(self, facts: dict[Source, list[Any]], period: Period) -> None:
        self.facts = facts
        self.period = period
        self._found: dict[tuple[object, ...], list[Any]] = {}
        self._families: dict[tuple[object, ...], dict[object, list[Any]]] = {}
        self._values: dict[str, FigureValue] = {}

    def cases(self, figure: Figure) -> list[Any]:
        same_cases = (figure.select, figure.source, figure.counts_voided)
        if same_cases not in self._found:
            if figure.part is not None:
                self._found[same_cases] = self._family(figure.part).get(figure.part.wanted, [])
            else:
                # A share's cases are among its denominator's (Figure.of): only those are looked at.
                among = self.facts[figure.source] if figure.of is None else self.cases(figure.of)
                self._found[same_cases] = figure.cases(among, self.period)
        return self._found[same_cases]

    def _family(self, part: Part) -> dict[object, list[Any]]:
        """The whole's cases by their group: every figure of the family at once."""
        family = (part.whole.key, part.group)
        if family not in self._families:
            # defaultdict, not setdefault: that makes an empty list for every case, to throw away all but a few.
            groups: defaultdict[object, list[Any]] = defaultdict(list)
            cases = self.cases(part.whole)
            for group, case in zip(map(part.group, cases), cases, strict=True):
                groups[group].append(case)
            self._families[family] = groups
        return self._families[family]

    def evaluate(self, figure: Figure) -> FigureValue:
        """``figure``'s value, worked out once: a return shows several figures in more than one table."""
        if figure.key not in self._values:
            if figure.of is not None:
                value = FigureValue(figure, len(self.cases(figure)), len(self.cases(figure.of)))
            else:
                value = FigureValue(figure, figure.total(self.cases(figure), self.period))
            self._values[figure.key] = value
        return self._values[figure.key]

    def by_week(self, figure: Figure, weeks: list[Period]) -> list[int]:
        """``figure``'s value in each of ``weeks`` (consecutive, within the period: periods.weeks_in), as its
        definition gives it for each week alone. A case of the period is in one week at most when the figure is
        placed by one day: the period's cases are then placed in their weeks by it, not looked at again."""
        cases = self.cases(figure)
        if figure.placed_on is None or not weeks:
            return [figure.value(cases, week) for week in weeks]
        monday = weeks[0].first - timedelta(days=weeks[0].first.weekday())

        def week_of(day: date | None) -> int:
            """The index of the week ``day`` falls in, or -1."""
            index = -1 if day is None else (day - monday).days // 7
            return index if 0 <= index < len(weeks) else -1

        if figure.contribution is None:  # each case counts one: the cases of each day are counted in one go
            per_week = [0] * len(weeks)
            for day, count in Counter(map(figure.placed_on, cases)).items():
                index = week_of(day)
                if index >= 0:
                    per_week[index] += count
            return per_week
        in_week: list[list[Any]] = [[] for _ in weeks]
        for case in cases:
            index = week_of(figure.placed_on(case))
            if index >= 0:
                in_week[index].append(case)
        return [figure.total(among, week) for among, week in zip(in_week, weeks, strict=True)]


def share(figure: Figure, facts: Iterable[CaseFacts], period: Period) -> Share:
    """A share by its definition alone, which ``Counting`` must give too (tests/domain/test_statistics.py)."""
    assert figure.of is not None, f"{figure.key} is not a share"
    facts = list(facts)
    return Share(len(figure.cases(facts, period)), len(figure.of.cases(facts, period)))


def _workers(case: CaseFacts, period: Period) -> int:
    return case.workers


def _claimed(case: CaseFacts, period: Period) -> int:
    return case.claimed_fen


def _closed(case: CaseFacts, period: Period) -> bool:
    """Accepted, and ended in the period: a refusal is a complaint received, never a case concluded."""
    return case.accepted_on is not None and case.concluded_on in period


# A family's group read straight off the facts where it is one of them: attrgetter, unlike a function of ours,
# costs no Python call per case when a return groups thousands.
_conclusion = attrgetter("conclusion")


def _accepted(case: CaseFacts, period: Period) -> bool:
    return case.accepted_on in period


def _concluded_within(days: int) -> Callable[[CaseFacts, Period], bool]:
    """Concluded in the period at most ``days`` days after the application was received."""
    most = timedelta(days=days)
    return lambda case, period: _closed(case, period) and case.concluded_on - case.received_on <= most


_RECEIVED_ON = QT_TRANSLATE_NOOP("Domain", "the day the application was received")
_CONCLUDED_ON = QT_TRANSLATE_NOOP(
    "Domain", "the day mediation concluded: its first agreement took effect, or it failed, was withdrawn or referred"
)
_ENDED_ON = QT_TRANSLATE_NOOP("Domain", "the day the case was passed on")
_ACCEPTED_ON = QT_TRANSLATE_NOOP("Domain", "the day the case was accepted")
_PAID_ON = QT_TRANSLATE_NOOP("Domain", "the day the money was paid")
_LAST_DUE_ON = QT_TRANSLATE_NOOP("Domain", "the day the agreement's last instalment fell due")
_PERIOD_START = QT_TRANSLATE_NOOP("Domain", "the period's first day")
_PERIOD_END = QT_TRANSLATE_NOOP("Domain", "the period's last day")

# --- the station's indicators ---------------------------------------------------------------------------------

RECEIVED = Figure(
    "received",
    QT_TRANSLATE_NOOP("Domain", "Complaints received"),
    QT_TRANSLATE_NOOP("Domain", "cases whose application was received in the period, refused ones included"),
    _RECEIVED_ON,
    lambda case, period: case.received_on in period,
    placed_on=attrgetter("received_on"),
    by_day_alone=True,
)
WORKERS_COVERED = Figure(
    "workers_covered",
    QT_TRANSLATE_NOOP("Domain", "Workers covered"),
    QT_TRANSLATE_NOOP("Domain", "the workers of the cases received in the period"),
    _RECEIVED_ON,
    RECEIVED.select,
    Unit.WORKERS,
    _workers,
)
CLOSED = Figure(
    "closed",
    QT_TRANSLATE_NOOP("Domain", "Concluded in the period"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "accepted cases that reached an end in the period: an agreement is one, also while its payments go on (the "
        "workbench lists such a case as 履行中 until it is paid)",
    ),
    _CONCLUDED_ON,
    _closed,
    placed_on=attrgetter("concluded_on"),
)
# The cases concluded by an agreement: one of the family that splits the concluded cases by their conclusion
# (CLOSED_BY_MANNER), so that a return finds them in the same look at the concluded cases.
MEDIATED = part(
    CLOSED,
    _conclusion,
    CaseStatus.AGREEMENT,
    "mediated",
    QT_TRANSLATE_NOOP("Domain", "Mediated successfully"),
    QT_TRANSLATE_NOOP("Domain", "cases that reached an agreement in effect in the period"),
)
SUCCESS_RATE = Figure(
    "success_rate",
    QT_TRANSLATE_NOOP("Domain", "Mediation success rate"),
    QT_TRANSLATE_NOOP("Domain", "cases mediated successfully, over the cases concluded, in the period"),
    _CONCLUDED_ON,
    MEDIATED.select,
    Unit.SHARE,
    of=CLOSED,
    part=MEDIATED.part,
)
WITHIN_3_DAYS = Figure(
    "within_3_days",
    QT_TRANSLATE_NOOP("Domain", "Concluded within 3 days"),
    QT_TRANSLATE_NOOP(
        "Domain", "cases concluded in the period at most 3 days after the application was received, over all concluded"
    ),
    _CONCLUDED_ON,
    _concluded_within(QUICK_CLOSE_DAYS),
    Unit.SHARE,
    of=CLOSED,
)
# Counted in calendar days, as the city defines the figure: the station's legal clock of the same 15 days runs on
# over a last day that is a rest day (clocks.mediation_end), the figure does not.
WITHIN_15_DAYS = Figure(
    "within_15_days",
    QT_TRANSLATE_NOOP("Domain", "Concluded within 15 days"),
    QT_TRANSLATE_NOOP(
        "Domain", "cases concluded in the period at most 15 days after the application was received, over all concluded"
    ),
    _CONCLUDED_ON,
    _concluded_within(MEDIATION_DAYS),
    Unit.SHARE,
    of=CLOSED,
)
AMOUNT_AGREED = Figure(
    "amount_agreed",
    QT_TRANSLATE_NOOP("Domain", "Amount agreed"),
    QT_TRANSLATE_NOOP("Domain", "what the agreements in effect of the cases mediated successfully in the period set"),
    _CONCLUDED_ON,
    MEDIATED.select,
    Unit.FEN,
    lambda case, period: case.agreed_fen,
    part=MEDIATED.part,
    placed_on=attrgetter("concluded_on"),
)
AMOUNT_RECOVERED = Figure(
    "amount_recovered",
    QT_TRANSLATE_NOOP("Domain", "Amount recovered"),
    QT_TRANSLATE_NOOP("Domain", "money paid to workers in the period under the cases' agreements"),
    _PAID_ON,
    # Most cases have no payment at all: told so without a call.
    lambda case, period: bool(case.payments) and case.paid_in(period) > 0,
    Unit.FEN,
    lambda case, period: case.paid_in(period),
)
# Every case that reached an end state in the period, by the day it did: shown in no return, it is what the
# referrals split by their end state (so the three are found in one look at the cases).
_ENDED = Figure(
    "ended",
    "Ended in the period",
    "cases that reached an end state in the period",
    _ENDED_ON,
    lambda case, period: case.ended_on in period,
    placed_on=attrgetter("ended_on"),
    by_day_alone=True,
)
# Passed on, after failed mediation or an unperformed agreement: counted when it happened, whatever the conclusion.
# One getter for the three: a family is found once for its whole and its group (Counting._family).
_outcome = attrgetter("outcome")
REFERRED = [
    part(
        _ENDED,
        _outcome,
        outcome,
        f"referred_{kind}",
        label,
        QT_TRANSLATE_NOOP("Domain", "cases passed on in the period, also after an agreement that was not performed"),
    )
    for outcome, kind, label in (
        (CaseStatus.REFERRED_ARBITRATION, "arbitration", QT_TRANSLATE_NOOP("Domain", "Referred to arbitration")),
        (CaseStatus.REFERRED_INSPECTION, "inspection", QT_TRANSLATE_NOOP("Domain", "Referred to labour inspection")),
        (CaseStatus.REFERRED_COURT, "court", QT_TRANSLATE_NOOP("Domain", "Sent to court for a payment order")),
    )
]
AGREEMENTS_DUE = Figure(
    "agreements_due",
    QT_TRANSLATE_NOOP("Domain", "Agreements due"),
    QT_TRANSLATE_NOOP("Domain", "agreements in effect whose last instalment fell due in the period"),
    _LAST_DUE_ON,
    lambda case, period: case.agreed_on is not None and case.last_due_on in period,
    placed_on=attrgetter("last_due_on"),
)
PERFORMED_ON_TIME = Figure(
    "performed_on_time",
    QT_TRANSLATE_NOOP("Domain", "Agreements performed on time"),
    QT_TRANSLATE_NOOP(
        "Domain", "of the agreements due in the period, those that had every instalment paid in full by its due date"
    ),
    _LAST_DUE_ON,
    lambda case, period: AGREEMENTS_DUE.select(case, period) and case.performed_on_time,
    Unit.SHARE,
    of=AGREEMENTS_DUE,
)

VOIDED = Figure(
    "voided",
    QT_TRANSLATE_NOOP("Domain", "Voided cases"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "cases received in the period that were registered by mistake and voided; no other figure counts them",
    ),
    _RECEIVED_ON,
    lambda case, period: case.received_on in period,
    counts_voided=True,
    placed_on=attrgetter("received_on"),
    by_day_alone=True,
)

# --- the national form 劳动争议处理情况 ---------------------------------------------------------------------------


class Cause(StrEnum):
    """The form's causes; the station's categories fall under them."""

    PAY = "pay"
    SOCIAL_INSURANCE = "social_insurance"
    CONTRACT = "contract"
    OTHER = "other"


CAUSES = {
    Category.WAGES: Cause.PAY,
    Category.OVERTIME_PAY: Cause.PAY,
    Category.SOCIAL_INSURANCE: Cause.SOCIAL_INSURANCE,
    Category.TERMINATION: Cause.CONTRACT,
    # [check] the form may count work-injury benefits under social insurance; kept under "other" until confirmed.
    Category.WORK_INJURY: Cause.OTHER,
    Category.OTHER: Cause.OTHER,
}
_CAUSE_LABELS = {
    Cause.PAY: QT_TRANSLATE_NOOP("Domain", "of which over pay"),
    Cause.SOCIAL_INSURANCE: QT_TRANSLATE_NOOP("Domain", "of which over social insurance"),
    Cause.CONTRACT: QT_TRANSLATE_NOOP("Domain", "of which over changing or ending a contract"),
    Cause.OTHER: QT_TRANSLATE_NOOP("Domain", "of which other"),
}


_ONE_DAY = timedelta(days=1)  # made once: carried over asks for the day before the period for every case


def _open_on(case: CaseFacts, day: date) -> bool:
    """Accepted by ``day`` and not yet ended on it."""
    return (
        case.accepted_on is not None
        and case.accepted_on <= day
        and (case.concluded_on is None or case.concluded_on > day)
    )


CARRIED_OVER = Figure(
    "carried_over",
    QT_TRANSLATE_NOOP("Domain", "Open from the previous period"),
    QT_TRANSLATE_NOOP("Domain", "cases accepted before the period and not ended before it"),
    _PERIOD_START,
    lambda case, period: _open_on(case, period.first - _ONE_DAY),
)
ACCEPTED = Figure(
    "accepted",
    QT_TRANSLATE_NOOP("Domain", "Accepted in the period"),
    QT_TRANSLATE_NOOP("Domain", "cases accepted in the period"),
    _ACCEPTED_ON,
    _accepted,
    placed_on=attrgetter("accepted_on"),
    by_day_alone=True,
)
ACCEPTED_COLLECTIVE = part(
    ACCEPTED,
    attrgetter("collective"),
    True,
    "accepted_collective",
    QT_TRANSLATE_NOOP("Domain", "of which collective disputes"),
    QT_TRANSLATE_NOOP("Domain", "cases accepted in the period with 10 or more workers"),
)


def _cause(case: CaseFacts) -> Cause:
    return CAUSES[case.category]


ACCEPTED_BY_CAUSE = [
    part(
        ACCEPTED,
        _cause,
        cause,
        f"accepted_{cause}",
        label,
        QT_TRANSLATE_NOOP("Domain", "cases accepted in the period whose category falls under this cause"),
    )
    for cause, label in _CAUSE_LABELS.items()
]
WORKERS_INVOLVED = Figure(
    "workers_involved",
    QT_TRANSLATE_NOOP("Domain", "Workers party to the cases"),
    QT_TRANSLATE_NOOP("Domain", "the workers of the cases accepted in the period"),
    _ACCEPTED_ON,
    _accepted,
    Unit.WORKERS,
    _workers,
)
WORKERS_COLLECTIVE = Figure(
    "workers_collective",
    QT_TRANSLATE_NOOP("Domain", "of which in collective disputes"),
    QT_TRANSLATE_NOOP("Domain", "the workers of the collective cases accepted in the period"),
    _ACCEPTED_ON,
    ACCEPTED_COLLECTIVE.select,
    Unit.WORKERS,
    _workers,
    part=ACCEPTED_COLLECTIVE.part,
)
# Closed by manner: ended by mediation (an agreement, or mediation failed), by the applicant withdrawing, or by
# passing the case on; by result: whether an agreement was reached.
_MANNERS = {
    CaseStatus.AGREEMENT: ("closed_agreement", QT_TRANSLATE_NOOP("Domain", "of which by agreement")),
    CaseStatus.MEDIATION_FAILED: ("closed_failed", QT_TRANSLATE_NOOP("Domain", "of which mediation failed")),
    CaseStatus.WITHDRAWN: ("closed_withdrawn", QT_TRANSLATE_NOOP("Domain", "of which withdrawn")),
    CaseStatus.REFERRED_ARBITRATION: (
        "closed_referred_arbitration",
        QT_TRANSLATE_NOOP("Domain", "of which referred to arbitration"),
    ),
    CaseStatus.REFERRED_INSPECTION: (
        "closed_referred_inspection",
        QT_TRANSLATE_NOOP("Domain", "of which referred to labour inspection"),
    ),
    CaseStatus.REFERRED_COURT: ("closed_referred_court", QT_TRANSLATE_NOOP("Domain", "of which sent to court")),
}


CLOSED_BY_MANNER = [
    part(
        CLOSED,
        _conclusion,
        outcome,
        key,
        label,
        QT_TRANSLATE_NOOP("Domain", "accepted cases that reached this end in the period"),
    )
    for outcome, (key, label) in _MANNERS.items()
]
STILL_OPEN = Figure(
    "still_open",
    QT_TRANSLATE_NOOP("Domain", "Open at the end of the period"),
    QT_TRANSLATE_NOOP("Domain", "cases accepted by the period's end and not ended by it"),
    _PERIOD_END,
    lambda case, period: _open_on(case, period.last),
)
NATIONAL_FORM = [
    CARRIED_OVER,
    ACCEPTED,
    ACCEPTED_COLLECTIVE,
    *ACCEPTED_BY_CAUSE,
    WORKERS_INVOLVED,
    WORKERS_COLLECTIVE,
    CLOSED,
    *CLOSED_BY_MANNER,
    STILL_OPEN,
]

# --- the mediation return (after the ministry's mediation table) -----------------------------------------------------

AMOUNT_CLAIMED = Figure(
    "amount_claimed",
    QT_TRANSLATE_NOOP("Domain", "Amount involved"),
    QT_TRANSLATE_NOOP("Domain", "what the workers claimed in the cases received in the period"),
    _RECEIVED_ON,
    RECEIVED.select,
    Unit.FEN,
    _claimed,
)


_category = attrgetter("category")


RECEIVED_BY_CATEGORY = [
    part(
        RECEIVED,
        _category,
        category,
        f"received_{category}",
        category.label,
        QT_TRANSLATE_NOOP("Domain", "cases of this category received in the period"),
    )
    for category in Category
]
MEDIATION_RETURN = [
    RECEIVED,
    *RECEIVED_BY_CATEGORY,
    CLOSED,
    *(figure for figure in CLOSED_BY_MANNER if figure.key in ("closed_agreement", "closed_failed", "closed_withdrawn")),
    AMOUNT_CLAIMED,
    AMOUNT_AGREED,
    AMOUNT_RECOVERED,
]

# --- wage-arrears clues ------------------------------------------------------------------------------------------

_CLUE_RECEIVED_ON = QT_TRANSLATE_NOOP("Domain", "the day the clue reached the station")
_CLUE_CLOSED_ON = QT_TRANSLATE_NOOP("Domain", "the day the clue was closed")


def _clue_closed(clue: ClueFacts, period: Period) -> bool:
    return clue.closed_on in period


def _clue_settled(clue: ClueFacts, period: Period) -> bool:
    return _clue_closed(clue, period) and clue.outcome is ClueStep.SETTLED


CLUES_RECEIVED = Figure(
    "clues_received",
    QT_TRANSLATE_NOOP("Domain", "Wage-arrears clues received"),
    QT_TRANSLATE_NOOP("Domain", "clues the city assigned to the station that reached it in the period"),
    _CLUE_RECEIVED_ON,
    lambda clue, period: clue.received_on in period,
    source=Source.CLUES,
)
CLUES_CLOSED = Figure(
    "clues_closed",
    QT_TRANSLATE_NOOP("Domain", "Wage-arrears clues closed"),
    QT_TRANSLATE_NOOP(
        "Domain", "clues settled, turned into a case, found unsubstantiated or handed to inspection in the period"
    ),
    _CLUE_CLOSED_ON,
    _clue_closed,
    source=Source.CLUES,
)
CLUES_ON_TIME = Figure(
    "clues_on_time",
    QT_TRANSLATE_NOOP("Domain", "Clues closed by the city's deadline"),
    QT_TRANSLATE_NOOP("Domain", "clues closed in the period on or before their deadline, over all clues closed"),
    _CLUE_CLOSED_ON,
    lambda clue, period: _clue_closed(clue, period) and (clue.due_on is None or clue.closed_on <= clue.due_on),
    Unit.SHARE,
    of=CLUES_CLOSED,
    source=Source.CLUES,
)
CLUE_AMOUNT_RECOVERED = Figure(
    "clue_amount_recovered",
    QT_TRANSLATE_NOOP("Domain", "Recovered through clues"),
    QT_TRANSLATE_NOOP("Domain", "wages paid to workers for clues settled in the period"),
    _CLUE_CLOSED_ON,
    _clue_settled,
    Unit.FEN,
    lambda clue, period: clue.recovered_fen,
    source=Source.CLUES,
)
CLUE_WORKERS_PAID = Figure(
    "clue_workers_paid",
    QT_TRANSLATE_NOOP("Domain", "Workers paid through clues"),
    QT_TRANSLATE_NOOP("Domain", "the workers paid for clues settled in the period"),
    _CLUE_CLOSED_ON,
    _clue_settled,
    Unit.WORKERS,
    lambda clue, period: clue.workers_paid,
    source=Source.CLUES,
)

STATION_INDICATORS = [
    RECEIVED,
    WORKERS_COVERED,
    CLOSED,
    MEDIATED,
    SUCCESS_RATE,
    WITHIN_3_DAYS,
    WITHIN_15_DAYS,
    AMOUNT_AGREED,
    AMOUNT_RECOVERED,
    *REFERRED,
    PERFORMED_ON_TIME,
    VOIDED,
    CLUES_RECEIVED,
    CLUES_CLOSED,
    CLUES_ON_TIME,
    CLUE_AMOUNT_RECOVERED,
    CLUE_WORKERS_PAID,
]

TABLES: dict[str, tuple[str, list[Figure]]] = {
    "station": (QT_TRANSLATE_NOOP("Domain", "Station indicators"), STATION_INDICATORS),
    "national": (QT_TRANSLATE_NOOP("Domain", "Labour disputes handled (national form)"), NATIONAL_FORM),
    "mediation": (QT_TRANSLATE_NOOP("Domain", "Mediation return"), MEDIATION_RETURN),
}
FIGURES: dict[str, Figure] = {figure.key: figure for _, figures in TABLES.values() for figure in figures}


# --- breakdowns ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown:
    key: str
    label: str
    group: Callable[[CaseFacts], object]  # an enum member (shown by its label), a name, or None


BREAKDOWNS = [
    Breakdown("category", QT_TRANSLATE_NOOP("Domain", "By category"), attrgetter("category")),
    Breakdown("channel", QT_TRANSLATE_NOOP("Domain", "By intake channel"), attrgetter("channel")),
    Breakdown("employer_kind", QT_TRANSLATE_NOOP("Domain", "By kind of employer"), attrgetter("employer_kind")),
    Breakdown("project", QT_TRANSLATE_NOOP("Domain", "By project"), lambda case: case.project or None),
]


def received_by_group(received: list[CaseFacts], period: Period) -> dict[str, dict[object, int]]:
    """``received``, the cases RECEIVED counts in ``period`` (as Counting found them), by each of BREAKDOWNS (by
    its key)."""
    return {breakdown.key: _grouped(RECEIVED, breakdown, received, period) for breakdown in BREAKDOWNS}


def broken_down(figure: Figure, breakdown: Breakdown, facts: Sequence[CaseFacts], period: Period) -> dict[object, int]:
    """``figure``'s value per group, largest first; the groups add up to the figure (a share is not broken down)."""
    return _grouped(figure, breakdown, figure.cases(facts, period), period)


def _grouped(figure: Figure, breakdown: Breakdown, cases: list[CaseFacts], period: Period) -> dict[object, int]:
    """broken_down over the cases behind ``figure``, already found."""
    assert figure.unit is not Unit.SHARE, f"{figure.key} is a share"
    contribution = figure.contribution
    if contribution is None:  # each case counts one: counted in one go
        values: dict[object, int] = Counter(map(breakdown.group, cases))
    else:
        values = {}
        for case in cases:
            group = breakdown.group(case)
            values[group] = values.get(group, 0) + contribution(case, period)
    # Largest first; groups of the same value stay in the order met (a stable sort, reversed or not).
    return dict(sorted(values.items(), key=itemgetter(1), reverse=True))
