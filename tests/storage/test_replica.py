"""Pulled rows are stored exactly as the ORM stores the same values, whatever form the wire gave them in."""

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import text

from heze_station.domain.cases import CaseStatus
from heze_station.services.station import StationContext
from heze_station.storage import replica
from heze_station.storage.models import Case
from heze_station.storage.outbox import wire_value
from heze_station.sync.schemas import Change
from tests.factories import intake_form, register

BEIJING = timezone(timedelta(hours=8))


def stored(station: StationContext, case_id: uuid.UUID) -> dict:
    with station.database.transaction() as session:
        row = session.execute(text("SELECT * FROM case_file WHERE id = :id"), {"id": case_id.hex}).mappings().one()
    return {name: value for name, value in row.items() if name not in ("id", "search_key", "version")}


def test_a_pulled_case_is_stored_as_the_orm_stores_it(station: StationContext) -> None:
    original = register(station, intake_form(1))
    with station.database.transaction() as session:
        case = session.get_one(Case, original)
        fields = {column.key: getattr(case, column.key) for column in Case.__mapper__.column_attrs}
    wire = {name: wire_value(value) for name, value in fields.items() if name not in ("id", "version")}
    wire.pop("search_key")
    registered = fields["registered_at"].astimezone(BEIJING)
    wire["registered_at"] = registered.isoformat()  # another offset than the UTC stations send: parsed, not copied
    copy = uuid.uuid4()
    change = Change(
        table="case_file", row_id=copy, version=3, deleted=False, fields=wire, station_id=None,
        changed_at=datetime.now(UTC),
    )  # fmt: skip
    with station.database.replica_transaction() as session:
        replica.apply_changes(session, [change])
    assert stored(station, copy) == stored(station, original)
    with station.database.transaction() as session:
        pulled = session.get_one(Case, copy)
        assert pulled.registered_at == fields["registered_at"]
        assert pulled.status is CaseStatus.REGISTERED
        assert pulled.received_on == fields["received_on"]
        assert isinstance(pulled.received_on, date)


def test_a_pulled_row_without_bookkeeping_times_gets_the_models_defaults(station: StationContext) -> None:
    employer = uuid.uuid4()  # a reference row imported by the city carries only its own fields
    change = Change(
        table="employer", row_id=employer, version=1, deleted=False, station_id=None, changed_at=datetime.now(UTC),
        fields={"kind": "company", "name": "菏泽建工集团", "credit_code": "91371700MA3CXXXX1X"},
    )  # fmt: skip
    with station.database.replica_transaction() as session:
        replica.apply_changes(session, [change])
    with station.database.transaction() as session:
        row = session.execute(text("SELECT created_at, updated_at FROM employer WHERE id = :id"), {"id": employer.hex})
        created, updated = row.one()
    assert created is not None
    assert updated is not None
