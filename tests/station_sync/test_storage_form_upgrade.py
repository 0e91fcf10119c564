"""Migrations 0026, 0027 and 0029: a synced station whose times were stored as DATETIME text, its ids as 32 hex
digits and its days as ISO text (0024) keeps every row and its audit chain, finds the same cases, shows the same
clocks and goes on syncing with another laptop once its times are integer microseconds, its ids 16 bytes and its days
numbers."""

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select, text

from heze_station.domain.cases import CaseAction, CaseStatus
from heze_station.services import audit, case_actions, case_queries, dashboard, sync
from heze_station.services.case_queries import CaseFilter
from heze_station.services.station import StationContext
from heze_station.storage import migrations
from heze_station.storage.models import Base, Case
from tests import factories
from tests.stations import downgrade, open_test_station, station_file

from .conftest import Laptops
from .helpers import cases, edit

DAY = date(2026, 11, 2)
QUERIES = ("宏达", "工资", "劳务有限公司2")


def _rows(station: StationContext) -> dict[str, list[tuple]]:
    """Every row of every table, as the program reads it (ids, aware times, days, enums)."""
    with station.database.transaction() as session:
        return {
            mapper.local_table.name: sorted(
                (
                    tuple(getattr(row, attribute.key) for attribute in mapper.column_attrs)
                    for row in session.scalars(select(mapper.class_))
                ),
                key=repr,
            )
            for mapper in Base.registry.mappers
        }


def _without_row_numbers(deadlines: list[tuple]) -> list[tuple]:
    return sorted((deadline[1:] for deadline in deadlines), key=repr)


def _found(station: StationContext) -> dict[str, list[str]]:
    return {
        query: [row.number for row in case_queries.list_cases(station, CaseFilter(text=query))] for query in QUERIES
    }


def _clocks(station: StationContext) -> list[tuple]:
    board = dashboard.dashboard(station, today=DAY + timedelta(days=20))
    return [(item.number, item.clock.kind, item.clock.due, item.clock.state) for item in board.due]


def _stored_forms(data_dir: Path) -> tuple[set[str], set[str], set[str]]:
    """How the file holds times, ids (a row's own, one pointing at another row, a pulled row's version's), and days
    (a case's, a person's, a stored deadline's)."""
    with station_file(data_dir) as database, database.engine.connect() as connection:
        times = connection.execute(
            text(
                "SELECT typeof(registered_at) FROM case_file UNION SELECT typeof(at) FROM timeline_event"
                " UNION SELECT typeof(created_at) FROM person"
            )
        )
        ids = connection.execute(
            text(
                "SELECT typeof(id) FROM case_file UNION SELECT typeof(case_id) FROM timeline_event"
                " UNION SELECT typeof(row_id) FROM replica_version UNION SELECT typeof(row_id) FROM outbox_operation"
            )
        )
        days = connection.execute(
            text(
                "SELECT typeof(received_on) FROM case_file UNION SELECT typeof(birth_date) FROM person"
                " UNION SELECT typeof(due_on) FROM case_deadline"
            )
        )
        return set(times.scalars()), set(ids.scalars()), set(days.scalars())


def test_a_synced_station_keeps_its_rows_search_and_clocks_and_syncs_on_after_its_times_ids_and_days_become_compact(
    laptops: Laptops,
) -> None:
    laptop, other = laptops("前台"), laptops("移动仲裁庭")
    data_dir = laptop.data_dir
    case_ids = [factories.register(laptop, factories.intake_form(employer_serial=n), DAY) for n in (1, 2)]
    case_actions.perform(laptop, case_ids[0], CaseAction.ACCEPT, now=factories.at(DAY, 11))
    case_actions.perform(laptop, case_ids[0], CaseAction.START_MEDIATION, now=factories.at(DAY, 15))
    sync.sync_now(laptop)
    rows, found, clocks = _rows(laptop), _found(laptop), _clocks(laptop)
    laptop.close()
    assert _stored_forms(data_dir) == ({"integer"}, {"blob"}, {"integer"})
    with station_file(data_dir) as database:
        downgrade(database, "0024")
    # As 0024 stored them: '2026-11-02 02:00:00.000000', '019a...' (32 hex digits) and '2026-11-02'.
    assert _stored_forms(data_dir) == ({"text"}, {"text"}, {"text"})

    laptop = open_test_station(data_dir)  # upgrades past 0026
    try:
        assert migrations.current_revision(laptop.database.engine) == migrations.HEAD
        assert _stored_forms(data_dir) == ({"integer"}, {"blob"}, {"integer"})
        upgraded = _rows(laptop)
        signed_in = upgraded.pop("audit_entry")  # the audit trail has gained this sign-in
        assert all(entry in signed_in for entry in rows.pop("audit_entry"))
        # The deadlines are derived rows that going back past 0025 emptied: refilled, they get new row numbers.
        assert _without_row_numbers(upgraded.pop("case_deadline")) == _without_row_numbers(rows.pop("case_deadline"))
        assert upgraded == rows
        with laptop.database.transaction() as session:
            assert audit.broken_at(session) is None  # every entry still hashes to what it was chained with
        assert _found(laptop) == found
        assert [len(numbers) for numbers in found.values()] == [2, 2, 1]
        assert _clocks(laptop) == clocks
        assert clocks  # the case in mediation has its deadline on the workbench

        case_actions.perform(laptop, case_ids[1], CaseAction.ACCEPT, now=factories.at(DAY + timedelta(days=1)))
        sync.sync_now(laptop)
        sync.sync_now(other)
        assert cases(other) == cases(laptop)
        with other.database.transaction() as session:
            pulled = session.execute(select(Case.id, Case.registered_at, Case.updated_at)).all()
        with laptop.database.transaction() as session:
            assert sorted(pulled) == sorted(session.execute(select(Case.id, Case.registered_at, Case.updated_at)).all())
        assert cases(other)[case_ids[1]][1] is CaseStatus.ACCEPTED

        edit(other, Case, case_ids[1], facts="2026年10月工资未结清。")
        sync.sync_now(other)
        sync.sync_now(laptop)
        assert cases(laptop)[case_ids[1]][2] == "2026年10月工资未结清。"
        assert _rows(laptop)["timeline_event"] == _rows(other)["timeline_event"]
    finally:
        laptop.close()
