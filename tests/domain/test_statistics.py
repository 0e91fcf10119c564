"""The city's figures, each defined once (issue 16, 1): what each counts, by which date, and that they add up."""

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heze_station.domain import periods, statistics
from heze_station.domain.cases import END_STATES, CaseStatus, Category, IntakeChannel
from heze_station.domain.errors import InvalidInput
from heze_station.domain.statistics import CaseFacts
from scripts import statistics_doc

NOVEMBER = periods.month(2026, 11)


def case(received_on: date, **facts: object) -> CaseFacts:
    defaults: dict[str, object] = {
        "id": uuid.uuid4(),
        "category": Category.WAGES,
        "channel": IntakeChannel.VISIT,
        "collective": False,
        "workers": 1,
        "claimed_fen": 380_000,
    }
    return CaseFacts(received_on=received_on, **(defaults | facts))


def agreed(received_on: date, ended_on: date, **facts: object) -> CaseFacts:
    facts = {"agreed_on": ended_on, "outcome": CaseStatus.AGREEMENT} | facts
    return case(received_on, accepted_on=received_on, ended_on=ended_on, **facts)


@pytest.mark.parametrize(
    ("code", "first", "last"),
    [
        ("2026-W48", date(2026, 11, 23), date(2026, 11, 29)),  # Monday to Sunday
        ("2026-W01", date(2025, 12, 29), date(2026, 1, 4)),  # ISO week 1 begins in the year before
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-11-01..2026-11-15", date(2026, 11, 1), date(2026, 11, 15)),
        # As people write them in Chinese or with other marks: the same periods.
        ("2026年11月", date(2026, 11, 1), date(2026, 11, 30)),
        (" 2026 年 3 月", date(2026, 3, 1), date(2026, 3, 31)),
        ("2026/11", date(2026, 11, 1), date(2026, 11, 30)),
        ("2026年", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-11-01 至 2026-11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("2026-11-01~2026-11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("2026-11-01～2026-11-15", date(2026, 11, 1), date(2026, 11, 15)),
    ],
)
def test_a_period_is_read_from_the_code_the_report_command_takes(code: str, first: date, last: date) -> None:
    period = periods.parse(code)
    assert (period.first, period.last) == (first, last)
    assert periods.parse(period.code) == period


@pytest.mark.parametrize(
    "code",
    [
        *["2026-W54", "2026-13", "2026-Q5", "上个月", "", "2026-11-15..2026-11-01"],
        *["2026年13月", "2026/11/01", "2026年11月1日", "2026年年", "2026-11-01至", "至2026-11-15"],
        *["9999", "9999-W52", "0002-01", "1899-12"],  # outside the years of any figures
    ],
)
def test_a_wrong_period_is_refused_with_what_would_be_right(code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        periods.parse(code)
    assert refused.value.field == "period"


def test_the_period_before_is_the_same_kind_of_period() -> None:
    assert periods.parse("2026-W01").before() == periods.parse("2025-W52")
    assert periods.parse("2026-Q1").before() == periods.parse("2025-Q4")
    assert periods.parse("2026-03").before() == periods.parse("2026-02")
    custom = periods.parse("2026-11-10..2026-11-19")
    assert custom.before() == periods.parse("2026-10-31..2026-11-09")
    assert periods.containing(periods.PeriodKind.WEEK, date(2026, 11, 29)) == periods.parse("2026-W48")  # a Sunday


def test_a_collective_case_counts_once_and_its_workers_each() -> None:
    facts = [case(date(2026, 11, 2), collective=True, workers=23), case(date(2026, 11, 3))]
    assert statistics.RECEIVED.value(facts, NOVEMBER) == 2
    assert statistics.WORKERS_COVERED.value(facts, NOVEMBER) == 24


def test_a_week_runs_monday_to_sunday() -> None:
    sunday, monday = date(2026, 11, 29), date(2026, 11, 30)
    facts = [case(sunday), case(monday)]
    assert statistics.RECEIVED.cases(facts, periods.week(sunday)) == [facts[0]]
    assert statistics.RECEIVED.cases(facts, periods.week(monday)) == [facts[1]]


def test_the_success_rate_is_over_cases_concluded_and_a_refusal_is_not_one() -> None:
    facts = [
        agreed(date(2026, 11, 2), date(2026, 11, 3)),
        agreed(date(2026, 11, 2), date(2026, 11, 20)),
        case(
            date(2026, 11, 4), accepted_on=date(2026, 11, 4), ended_on=date(2026, 11, 9), outcome=CaseStatus.WITHDRAWN
        ),
        case(date(2026, 11, 4), ended_on=date(2026, 11, 5), outcome=CaseStatus.REFUSED),
        case(date(2026, 11, 5), accepted_on=date(2026, 11, 5)),  # still in mediation
    ]
    assert statistics.RECEIVED.value(facts, NOVEMBER) == 5
    assert statistics.share(statistics.SUCCESS_RATE, facts, NOVEMBER) == statistics.Share(2, 3)
    assert statistics.share(statistics.WITHIN_3_DAYS, facts, NOVEMBER) == statistics.Share(1, 3)
    assert statistics.share(statistics.WITHIN_15_DAYS, facts, NOVEMBER) == statistics.Share(2, 3)
    assert statistics.Share(0, 0).percent is None


def test_money_agreed_counts_when_the_case_reached_agreement_and_money_paid_when_it_was_paid() -> None:
    facts = [
        agreed(
            date(2026, 10, 20),
            date(2026, 10, 28),
            agreed_fen=1_200_000,
            payments=((date(2026, 10, 30), 400_000), (date(2026, 11, 30), 800_000)),
        )
    ]
    october = periods.month(2026, 10)
    assert statistics.AMOUNT_AGREED.value(facts, october) == 1_200_000
    assert statistics.AMOUNT_AGREED.value(facts, NOVEMBER) == 0
    assert statistics.AMOUNT_RECOVERED.value(facts, october) == 400_000
    assert statistics.AMOUNT_RECOVERED.value(facts, NOVEMBER) == 800_000


def test_agreements_performed_on_time_are_counted_when_their_last_instalment_falls_due() -> None:
    due = date(2026, 11, 15)
    on_time = agreed(date(2026, 10, 1), date(2026, 10, 2), last_due_on=due, performed_on_time=True)
    late = agreed(date(2026, 10, 1), date(2026, 10, 2), last_due_on=due)
    later = agreed(date(2026, 10, 1), date(2026, 10, 2), last_due_on=date(2026, 12, 15))
    facts = [on_time, late, later]
    assert statistics.share(statistics.PERFORMED_ON_TIME, facts, NOVEMBER) == statistics.Share(1, 2)


def test_an_agreement_not_performed_stays_a_success_when_it_took_effect_and_its_referral_counts_when_made() -> None:
    facts = [
        agreed(date(2026, 10, 20), date(2026, 12, 2), agreed_on=date(2026, 10, 28), outcome=CaseStatus.REFERRED_COURT)
    ]
    october, december = periods.month(2026, 10), periods.month(2026, 12)
    assert statistics.MEDIATED.value(facts, october) == 1
    assert statistics.share(statistics.SUCCESS_RATE, facts, october) == statistics.Share(1, 1)
    assert statistics.MEDIATED.value(facts, december) == statistics.CLOSED.value(facts, december) == 0
    referred_court = statistics.FIGURES["referred_court"]
    assert (referred_court.value(facts, october), referred_court.value(facts, december)) == (0, 1)


def test_an_agreement_is_on_time_when_each_instalment_was_covered_by_its_due_date() -> None:
    schedule = [(date(2026, 11, 10), 100), (date(2026, 11, 20), 200)]
    assert statistics.paid_on_time(schedule, [(date(2026, 11, 9), 100), (date(2026, 11, 20), 200)])
    assert statistics.paid_on_time(schedule, [(date(2026, 11, 1), 300)])
    assert not statistics.paid_on_time(schedule, [(date(2026, 11, 11), 100), (date(2026, 11, 20), 200)])
    assert not statistics.paid_on_time(schedule, [(date(2026, 11, 9), 100), (date(2026, 11, 19), 150)])


def test_the_national_form_counts_accepted_cases_by_cause() -> None:
    accepted = date(2026, 11, 3)
    facts = [
        case(accepted, accepted_on=accepted, category=Category.OVERTIME_PAY),
        case(accepted, accepted_on=accepted, category=Category.WAGES, collective=True, workers=12),
        case(accepted, accepted_on=accepted, category=Category.TERMINATION),
        case(accepted, accepted_on=accepted, category=Category.WORK_INJURY),
        case(accepted, ended_on=accepted, outcome=CaseStatus.REFUSED),
    ]
    values = {figure.key: figure.value(facts, NOVEMBER) for figure in statistics.NATIONAL_FORM}
    assert values["accepted"] == 4
    assert values["accepted_collective"] == 1
    assert (values["accepted_pay"], values["accepted_contract"], values["accepted_other"]) == (2, 1, 1)
    assert values["accepted_social_insurance"] == 0
    assert (values["workers_involved"], values["workers_collective"]) == (15, 12)


DAY_ONE = date(2026, 9, 1)
_days = st.integers(min_value=0, max_value=150).map(lambda n: DAY_ONE + timedelta(days=n))


@st.composite
def _case_facts(draw: st.DrawFn) -> CaseFacts:
    received = draw(_days)
    accepted = draw(st.one_of(st.none(), st.integers(0, 3).map(lambda n: received + timedelta(days=n))))
    ended = draw(st.one_of(st.none(), st.integers(0, 40).map(lambda n: (accepted or received) + timedelta(days=n))))
    if accepted is None and ended is not None:
        outcome = CaseStatus.REFUSED
    else:
        outcome = draw(st.sampled_from(sorted(END_STATES - {CaseStatus.REFUSED}))) if ended else None
    agreed_on = None
    if outcome in (CaseStatus.AGREEMENT, CaseStatus.REFERRED_COURT) and ended is not None:
        agreed_on = ended if outcome is CaseStatus.AGREEMENT else draw(st.sampled_from([None, accepted or received]))
    return case(
        received,
        accepted_on=accepted,
        ended_on=ended,
        outcome=outcome,
        agreed_on=agreed_on,
        category=draw(st.sampled_from(Category)),
        collective=draw(st.booleans()),
        workers=draw(st.integers(1, 40)),
        last_due_on=draw(st.one_of(st.none(), _days)) if agreed_on else None,
        voided=draw(st.booleans()),
    )


# Up to 30 generated cases, and periods of each kind (a week, a month, a quarter, a custom range).
_SOME_CASES = st.lists(_case_facts(), max_size=30)
_SOME_PERIODS = st.sampled_from(["2026-W40", "2026-10", "2026-Q4", "2026-11-10..2026-11-20"])


@given(_SOME_CASES, _SOME_PERIODS)
def test_the_national_form_balances_and_its_parts_add_up(facts: list[CaseFacts], code: str) -> None:
    period = periods.parse(code)
    value = {figure.key: figure.value(facts, period) for figure in statistics.NATIONAL_FORM}
    assert value["carried_over"] + value["accepted"] - value["closed"] == value["still_open"]
    by_cause = sum(figure.value(facts, period) for figure in statistics.ACCEPTED_BY_CAUSE)
    assert by_cause == value["accepted"]
    assert sum(figure.value(facts, period) for figure in statistics.CLOSED_BY_MANNER) == value["closed"]
    # Last period's end is this period's start.
    assert statistics.STILL_OPEN.cases(facts, period.before()) == statistics.CARRIED_OVER.cases(facts, period)
    for breakdown in statistics.BREAKDOWNS:
        assert sum(statistics.broken_down(statistics.RECEIVED, breakdown, facts, period).values()) == (
            statistics.RECEIVED.value(facts, period)
        )


@given(_SOME_CASES, _SOME_PERIODS)
def test_a_return_counted_together_gives_each_figure_what_its_definition_gives_alone(
    facts: list[CaseFacts], code: str
) -> None:
    period = periods.parse(code)
    counting = statistics.Counting({statistics.Source.CASES: facts, statistics.Source.CLUES: []}, period)
    for figure in statistics.FIGURES.values():
        if figure.source is not statistics.Source.CASES:
            continue
        assert counting.cases(figure) == figure.cases(facts, period), figure.key
        row = counting.evaluate(figure)
        if figure.of is None:
            assert (row.value, row.denominator) == (figure.value(facts, period), None), figure.key
        else:
            parts = statistics.share(figure, facts, period)
            assert (row.value, row.denominator) == (parts.numerator, parts.denominator), figure.key


@given(_SOME_CASES, _SOME_PERIODS)
def test_a_chart_by_week_gives_each_week_what_the_definition_gives_for_that_week_alone(
    facts: list[CaseFacts], code: str
) -> None:
    period = periods.parse(code)
    weeks = periods.weeks_in(period)
    counting = statistics.Counting({statistics.Source.CASES: facts, statistics.Source.CLUES: []}, period)
    for figure in (statistics.RECEIVED, statistics.AMOUNT_AGREED, statistics.AMOUNT_RECOVERED, statistics.CLOSED):
        assert counting.by_week(figure, weeks) == [figure.value(facts, week) for week in weeks], figure.key
    for figure in statistics.FIGURES.values():
        if figure.placed_on is not None:  # the day it is placed by is in the period of each case it picks
            picked = figure.cases(facts, period)
            assert all(figure.placed_on(each) in period for each in picked), figure.key
            for week in weeks:  # and a week of the period picks exactly those of them placed in it
                in_week = [each for each in picked if figure.placed_on(each) in week]
                assert figure.cases(facts, week) == in_week, figure.key


@given(_SOME_CASES, _SOME_PERIODS)
def test_a_figure_finds_by_the_day_that_places_its_cases_exactly_the_cases_its_definition_picks(
    facts: list[CaseFacts], code: str
) -> None:
    period = periods.parse(code)
    for figure in statistics.FIGURES.values():
        if figure.source is statistics.Source.CASES:
            voided = figure.counts_voided
            picked = [each for each in facts if each.voided is voided and figure.select(each, period)]
            assert figure.cases(facts, period) == picked, figure.key


def test_every_figure_has_one_key_and_its_share_counts_a_part_of_its_denominator() -> None:
    keys = [figure.key for _, figures in statistics.TABLES.values() for figure in figures]
    assert len(set(keys)) == len(statistics.FIGURES)
    for figure in statistics.FIGURES.values():
        assert (figure.unit is statistics.Unit.SHARE) == (figure.of is not None)


def test_docs_statistics_md_is_written_from_the_definitions() -> None:
    text = statistics_doc.DOCUMENT.read_text(encoding="utf-8")
    assert statistics_doc.with_figures(text) == text, "run `make statistics-doc`"
