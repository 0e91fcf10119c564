"""Migration 0032: a station whose timeline, people and evidence were stored under rowids keeps every row, each
case's timeline and the workbench's recent activity once they are stored by id; the timeline stays append-only."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from heze_station.domain.cases import CaseAction
from heze_station.services import case_actions, case_queries, dashboard
from heze_station.services.station import StationContext
from heze_station.storage import migrations
from tests import factories
from tests.stations import downgrade, open_test_station, station_file

DAY = date(2026, 11, 2)
TABLES = ("timeline_event", "person", "evidence")


def _shown(station: StationContext, case_ids: list) -> tuple:
    timelines = [[(e.at, e.kind, e.detail) for e in case_queries.case_detail(station, i).timeline] for i in case_ids]
    recent = [(event.case_id, event.at, event.kind) for event in dashboard.dashboard(station, DAY).recent]
    return timelines, recent


def _stored(connection: Connection | Session) -> dict[str, tuple[bool, list[str]]]:
    """Each table's storage (by its key or not) and its indexes."""
    stored = {}
    for table in TABLES:
        sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar_one()
        indexes = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t ORDER BY name"), {"t": table}
        )
        stored[table] = (sql.endswith("WITHOUT ROWID"), list(indexes.scalars()))
    return stored


def test_upgrade_keeps_the_rows_and_their_order(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    station = open_test_station(data_dir)
    try:
        case_ids = [
            factories.register(station, factories.intake_form(workers=2, employer_serial=n), DAY) for n in (1, 2)
        ]
        case_actions.perform(station, case_ids[0], CaseAction.ACCEPT, now=factories.at(DAY, 11))
        case_actions.perform(station, case_ids[1], CaseAction.ACCEPT, now=factories.at(DAY, 14))
        # Written last, recording an earlier moment: the recent activity is in the order of the moments.
        case_actions.perform(station, case_ids[0], CaseAction.START_MEDIATION, now=factories.at(DAY, 12))
        expected = _shown(station, case_ids)
        with station.database.transaction() as session:
            rows = {table: session.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() for table in TABLES}
    finally:
        station.close()
    assert [(case_id, kind) for case_id, _, kind in expected[1]][:3] == [
        (case_ids[1], "accept"),
        (case_ids[0], "start_mediation"),
        (case_ids[0], "accept"),
    ]

    with station_file(data_dir) as database:
        downgrade(database, "0031")
        with database.engine.connect() as connection:
            assert _stored(connection) == {
                "timeline_event": (
                    False,
                    ["ix_timeline_event_at", "ix_timeline_event_case_id", "sqlite_autoindex_timeline_event_1"],
                ),
                "person": (False, ["ix_person_id_number", "sqlite_autoindex_person_1"]),
                "evidence": (False, ["ix_evidence_case_id", "sqlite_autoindex_evidence_1"]),
            }

    station = open_test_station(data_dir)  # upgrades to 0032
    try:
        assert migrations.current_revision(station.database.engine) == migrations.HEAD
        assert _shown(station, case_ids) == expected
        with station.database.transaction() as session:
            assert _stored(session) == {
                "timeline_event": (True, ["ix_timeline_event_case_id"]),
                "person": (True, ["ix_person_id_number"]),
                "evidence": (True, ["ix_evidence_case_id"]),
            }
            assert {
                table: session.execute(text(f"SELECT * FROM {table} ORDER BY id")).all() for table in TABLES
            } == rows
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []
        with pytest.raises(DatabaseError, match="append-only"), station.database.transaction() as session:
            session.execute(text("UPDATE timeline_event SET detail = '改过了'"))
    finally:
        station.close()
