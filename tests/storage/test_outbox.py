"""The outbox: each change to a syncable row is an operation, written in the change's own transaction."""

import json
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from heze_station.domain.cases import CaseAction
from heze_station.domain.errors import IllegalTransition
from heze_station.services import case_actions
from heze_station.services.station import StationContext
from heze_station.storage.models import Case, OutboxOperation, ReplicaVersion
from heze_station.sync.tables import SYNCED_TABLES
from tests.factories import intake_form, register
from tests.stations import open_test_station


def operations(station: StationContext) -> list[OutboxOperation]:
    with station.database.transaction() as session:
        return list(session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)))


def test_registering_a_case_is_one_transaction_of_new_rows(station: StationContext) -> None:
    before = len(operations(station))  # opening the station created its own rows
    case_id = register(station, intake_form(2))
    ops = operations(station)[before:]
    assert [op.seq for op in ops] == list(range(before + 1, before + len(ops) + 1))
    assert len({op.tx_id for op in ops}) == 1
    assert Counter(op.table_name for op in ops) >= Counter(
        {"person": 2, "case_claimant": 2, "employer": 1, "case_respondent": 1, "case_file": 1, "timeline_event": 1}
    )
    assert {(op.kind, op.base_version) for op in ops} == {("upsert", 0)}
    case = next(op for op in ops if op.table_name == "case_file")
    assert case.row_id == case_id
    fields = json.loads(case.fields)
    assert "search_key" not in fields  # this device's own index key
    assert fields["status"] == "registered"
    # Every new row is whole and every change valid, in the wire form the city server accepts.
    seen = set()
    for op in ops:
        fields, new_row = json.loads(op.fields), op.row_id not in seen
        assert SYNCED_TABLES[op.table_name].problems(fields, new_row=new_row) == [], op.table_name
        seen.add(op.row_id)
    assert [op.hlc for op in ops] == sorted(op.hlc for op in ops)


def test_a_change_sends_only_the_changed_fields_against_the_version_last_pulled(station: StationContext) -> None:
    case_id = register(station, intake_form(1))
    before = len(operations(station))
    case_actions.perform(station, case_id, CaseAction.ACCEPT)
    ops = operations(station)[before:]
    [case] = [op for op in ops if op.table_name == "case_file"]
    assert case.base_version == 0  # the server has not shown this device the case yet
    assert set(json.loads(case.fields)) == {"status", "decided_on", "updated_at"}
    assert [op.table_name for op in ops if op.table_name != "case_file"] == ["timeline_event"]
    # Once a pull brought version 7, every change until the next pull is made on version 7.
    with station.database.transaction() as session:
        session.add(ReplicaVersion(row_id=case_id, version=7))
    case_actions.perform(station, case_id, CaseAction.START_MEDIATION)
    case_actions.perform(station, case_id, CaseAction.WITHDRAW, reason="双方已私下和解")
    assert [op.base_version for op in operations(station) if op.row_id == case_id][-2:] == [7, 7]


def test_a_delete_of_a_row_the_server_never_showed_is_made_on_its_creation(station: StationContext) -> None:
    case_id = register(station, intake_form(1))
    with station.database.transaction() as session:
        session.get_one(Case, case_id).deleted_at = datetime.now(UTC)
    last = operations(station)[-1]
    assert (last.row_id, last.kind, last.base_version) == (case_id, "delete", 1)


def test_a_refused_change_leaves_no_operation(station: StationContext) -> None:
    case_id = register(station, intake_form(1))
    before = [op.id for op in operations(station)]
    with pytest.raises(IllegalTransition):
        case_actions.perform(station, case_id, CaseAction.CLOSE)
    assert [op.id for op in operations(station)] == before


def test_sequence_numbers_continue_across_reopening(tmp_path) -> None:

    first = open_test_station(tmp_path / "data")
    register(first, intake_form(1))
    last = operations(first)[-1].seq
    first.close()
    again = open_test_station(tmp_path / "data")
    try:
        case_id = register(again, intake_form(1, employer_serial=2))
        new = [op for op in operations(again) if op.seq > last]
        # The device's numbering goes on from where it stopped, without a gap or a reuse.
        assert [op.seq for op in new] == list(range(last + 1, last + len(new) + 1))
        assert case_id in {op.row_id for op in new if op.table_name == "case_file"}
    finally:
        again.close()
