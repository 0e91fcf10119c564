"""Generated demo and benchmark cases: realistic, valid, searchable, and stored as the services store them."""

from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from heze_station.demo import generator
from heze_station.domain import chinatime
from heze_station.domain.cases import CaseAction, CaseStatus, Category
from heze_station.domain.clues import ClueStep
from heze_station.domain.identifiers import credit_code_checksum_ok, normalise_mobile, parse_resident_id
from heze_station.domain.parties import EmployerKind
from heze_station.domain.workcalendar import WorkCalendar
from heze_station.services import clues, intake
from heze_station.services.case_queries import CaseDetail, CaseFilter, case_detail, count_cases, list_cases
from heze_station.services.station import StationContext
from tests import factories
from tests.stations import open_test_station

DEMO_COUNT = 40


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StationContext, int, list[CaseDetail]]]:
    """One demo database of 40 cases for the whole module: filling it is the slow part."""
    context = open_test_station(tmp_path_factory.mktemp("demo") / "data")
    created = generator.fill_demo(context, count=DEMO_COUNT)
    rows = list_cases(context, CaseFilter(), limit=1000)
    yield context, created, [case_detail(context, row.id) for row in rows]
    context.close()


def test_fill_demo_creates_the_cases_with_a_realistic_status_mix(filled):
    context, created, details = filled
    assert created == DEMO_COUNT
    assert count_cases(context, CaseFilter()) == DEMO_COUNT
    statuses = Counter(detail.status for detail in details)
    assert statuses[CaseStatus.REGISTERED] >= 1
    assert statuses[CaseStatus.ACCEPTED] + statuses[CaseStatus.IN_MEDIATION] >= 2
    assert statuses[CaseStatus.AGREEMENT] + statuses[CaseStatus.CLOSED] >= DEMO_COUNT // 2
    # Each case went through the real status machine: one timeline entry per step after registration.
    for detail in details:
        assert detail.timeline[0].kind == "registered"
        if detail.status is CaseStatus.CLOSED:
            assert detail.timeline[-1].kind == CaseAction.CLOSE
        if detail.status is CaseStatus.REGISTERED:
            assert len(detail.timeline) == 1


def test_fill_demo_cases_are_spread_over_the_last_six_months(filled):
    _, _, details = filled
    now = chinatime.now()
    registered = [detail.registered_at for detail in details]
    assert max(registered) <= now
    assert min(registered) >= now - timedelta(days=generator.DEMO_WINDOW_DAYS + 1)
    assert max(registered) - min(registered) > timedelta(days=60)
    assert all(detail.knew_on <= detail.received_on <= chinatime.local_date(detail.registered_at) for detail in details)


def test_every_generated_identifier_is_valid(filled):
    _, _, details = filled
    workers = [claimant for detail in details for claimant in detail.claimants]
    assert len(workers) >= DEMO_COUNT
    for worker in workers:
        assert parse_resident_id(worker.id_number).number == worker.id_number
        if worker.phone:
            assert normalise_mobile(worker.phone) == worker.phone
    respondents = [respondent for detail in details for respondent in detail.respondents]
    companies = [r for r in respondents if r.kind is EmployerKind.COMPANY]
    assert companies
    for company in companies:
        assert company.credit_code is not None
        assert credit_code_checksum_ok(company.credit_code), company.credit_code
    for boss in (r for r in respondents if r.kind is EmployerKind.NATURAL_PERSON):
        assert boss.id_number is not None
        parse_resident_id(boss.id_number)


def test_search_finds_a_generated_worker_by_name(filled):
    context, _, details = filled
    detail = details[len(details) // 2]
    name = detail.claimants[0].name
    found = list_cases(context, CaseFilter(text=name))
    assert detail.id in {row.id for row in found}
    assert count_cases(context, CaseFilter(text=name)) == len(found)


def test_fill_demo_does_nothing_when_the_database_has_cases(station: StationContext):
    form = factories.intake_form()
    intake.save(station, intake.validate(form, today=form.received_on))
    calls = []
    assert generator.fill_demo(station, count=5, progress=lambda done, total: calls.append(done)) == 0
    assert count_cases(station, CaseFilter()) == 1
    assert calls == []


def test_fill_demo_reports_progress(tmp_path: Path):
    context = open_test_station(tmp_path / "data")
    try:
        calls: list[tuple[int, int]] = []
        generator.fill_demo(context, count=3, progress=lambda done, total: calls.append((done, total)))
        assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    finally:
        context.close()


def test_generation_is_reproducible_and_shaped_like_heze():
    now = datetime(2026, 11, 20, 15, 0, tzinfo=chinatime.CHINA_TZ)

    def generate(seed: int) -> list[generator.DemoCase]:
        return generator.DemoGenerator(seed, now, WorkCalendar.weekends_only(), count=2000).cases()

    cases = generate(7)
    assert [case.facts for case in cases[:50]] == [case.facts for case in generate(7)[:50]]
    categories = Counter(case.category for case in cases)
    assert categories.most_common(1)[0][0] is Category.WAGES
    collective = sum(len(case.workers) >= 10 for case in cases) / len(cases)
    assert 0.05 < collective < 0.11
    for case in cases:
        if len(case.workers) >= 10:
            assert len(case.workers) <= 40
            assert sum(worker.representative for worker in case.workers) == 3
        for worker in case.workers:
            assert 1500_00 <= worker.claimed_fen <= 60000_00
    # About 92 % of the mediations that ended, ended in an agreement (the city's figure).
    ends = Counter(
        step.action
        for case in cases
        for step in case.steps
        if step.action in (CaseAction.RECORD_AGREEMENT, CaseAction.RECORD_FAILURE, CaseAction.REFER_ARBITRATION)
    )
    assert 0.88 < ends[CaseAction.RECORD_AGREEMENT] / sum(ends.values()) < 0.96
    # Steps follow each other and never lie in the future.
    for case in cases:
        moments = [case.registered_at, *(step.at for step in case.steps)]
        assert moments == sorted(moments)
        assert moments[-1] < now


def test_the_demo_has_clues_from_the_city_at_every_stage(filled):
    context, _created, _details = filled
    rows = clues.list_clues(context)
    steps = Counter(row.step for row in rows)
    assert steps[ClueStep.SETTLED] == 2
    assert steps[ClueStep.RECEIVED] == 2  # not yet looked at: one of them past the city's deadline
    assert {ClueStep.UNSUBSTANTIATED, ClueStep.TO_INSPECTION, ClueStep.EMPLOYER_CONTACTED} <= set(steps)
    assert any(row.clock is not None and row.clock.days_left < 0 for row in rows)
    assert all(row.called_back_on for row in rows if row.step is ClueStep.SETTLED)
