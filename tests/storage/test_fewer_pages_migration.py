"""Migration 0024: a station whose indexes were made at 0021 shows every case's timeline and finds the same cases as
before, through the smaller timeline index and the case list's index that now holds the search key."""

from datetime import date
from pathlib import Path

from sqlalchemy import text

from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions, case_queries
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage import migrations
from tests import factories
from tests.stations import downgrade, open_test_station, station_file

DAY = date(2026, 11, 2)
QUERIES = ("宏达", "工资", "劳务有限公司2", "欠")


def _timeline(station: StationContext, case_id) -> list[tuple]:
    return [
        (event.at, event.actor, event.kind, event.detail)
        for event in case_queries.case_detail(station, case_id).timeline
    ]


def _found(station: StationContext) -> dict[str, list[str]]:
    return {
        query: [row.number for row in case_queries.list_cases(station, CaseFilter(text=query))] for query in QUERIES
    }


def _timeline_indexes(station: StationContext) -> list[str]:
    with station.database.transaction() as session:
        return session.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'timeline_event' ORDER BY name")
        ).all()


def test_upgrade_keeps_each_timeline_in_order(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    station = open_test_station(data_dir)
    try:
        case_ids = [factories.register(station, factories.intake_form(employer_serial=n), DAY) for n in (1, 2)]
        case_actions.perform(station, case_ids[0], CaseAction.ACCEPT, now=factories.at(DAY, 11))
        case_actions.perform(station, case_ids[0], CaseAction.START_MEDIATION, now=factories.at(DAY, 15))
        case_actions.perform(station, case_ids[1], CaseAction.REFUSE, "不属于本站受理范围。", now=factories.at(DAY, 12))
        expected = {case_id: _timeline(station, case_id) for case_id in case_ids}
        found = _found(station)
    finally:
        station.close()
    with station_file(data_dir) as database:
        downgrade(database, "0021")

    station = open_test_station(data_dir)  # upgrades past 0024
    try:
        assert migrations.current_revision(station.database.engine) == migrations.HEAD
        assert {case_id: _timeline(station, case_id) for case_id in case_ids} == expected
        assert [kind for _, _, kind, _ in expected[case_ids[0]]] == ["registered", "accept", "start_mediation"]
        assert _found(station) == found
        assert [len(numbers) for numbers in found.values()] == [2, 2, 1, 0]
        # Since 0032 the rows are stored by id, and the index on time is gone.
        assert _timeline_indexes(station) == ["ix_timeline_event_case_id"]
        with station.database.transaction() as session:
            plan = session.execute(
                text("EXPLAIN QUERY PLAN SELECT * FROM timeline_event WHERE case_id = :id ORDER BY at, id"),
                {"id": case_ids[0].bytes},
            ).all()
        assert any("ix_timeline_event_case_id" in row[-1] for row in plan)
    finally:
        station.close()
