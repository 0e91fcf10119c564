"""The benchmark's bulk-written cases must be what the services would have stored, or its figures mean nothing."""

from collections import Counter

from sqlalchemy import text

from bench.bulk import bulk_cases
from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.services import intake
from heze_station.services.case_queries import CaseFilter, case_detail, count_cases, list_cases
from heze_station.services.station import StationContext
from tests import factories


def test_bulk_cases_are_stored_as_the_services_store_them(station: StationContext):
    form = factories.intake_form()
    intake.save(station, intake.validate(form, today=form.received_on))
    bulk_cases(station, 500)
    assert count_cases(station, CaseFilter()) == 501
    # The bulk rows use the same stored forms (hex keys, UTC DATETIME text) as the ORM: one shape per column.
    with station.database.transaction() as session:
        shapes = session.execute(
            text("SELECT DISTINCT length(id), length(registered_at), length(received_on) FROM case_file")
        ).all()
        # An ended case keeps its end state as the outcome, as case_actions.perform records it.
        unrecorded = session.scalar(
            text("SELECT count(*) FROM case_file WHERE ended_on IS NOT NULL AND outcome IS NULL")
        )
    assert len(shapes) == 1
    assert unrecorded == 0
    rows = list_cases(station, CaseFilter(), limit=500)
    statuses = Counter(row.status for row in rows)
    assert statuses[CaseStatus.CLOSED] > 250
    for row in rows[:: len(rows) // 20]:
        detail = case_detail(station, row.id)
        assert detail.status is row.status
        assert len(detail.claimants) == row.worker_count
        assert len(detail.timeline) >= 1
        if detail.status is CaseStatus.CLOSED:
            assert detail.timeline[-1].kind == CaseAction.CLOSE


def test_bulk_cases_are_found_by_full_text_and_by_short_queries(station: StationContext):
    bulk_cases(station, 500)
    rows = list_cases(station, CaseFilter(), limit=500)
    details = [case_detail(station, row.id) for row in rows[:60]]
    long_name = next(c.name for d in details for c in d.claimants if len(c.name) >= 3)
    short_name = next(c.name for d in details for c in d.claimants if len(c.name) == 2)
    for query in (long_name, short_name):  # 3+ characters: the trigram index; fewer: the short-query index
        matched = {row.id for row in list_cases(station, CaseFilter(text=query), limit=500)}
        expected = {d.id for d in details if any(c.name == query for c in d.claimants)}
        assert expected <= matched, query
        # Every case found really names that worker: the search is not just returning everything.
        assert all(
            query in detail.facts
            or any(query in c.name for c in detail.claimants)
            or any(query in r.name for r in detail.respondents)
            for detail in (case_detail(station, case_id) for case_id in matched)
        ), query
        assert len(matched) < 100, query
    id_fragment = details[0].claimants[0].id_number[-6:]
    assert details[0].id in {row.id for row in list_cases(station, CaseFilter(text=id_fragment), limit=500)}
    assert count_cases(station, CaseFilter(text="工资")) > 100
