"""Pulled rows are stored exactly as the ORM stores the same values, whatever form the wire gave them in."""

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import delete, select, text

from heze_station.domain import periods
from heze_station.domain.cases import CaseStatus
from heze_station.domain.parties import EmployerKind
from heze_station.services import case_queries
from heze_station.services import statistics as station_statistics
from heze_station.services.station import StationContext
from heze_station.storage import replica
from heze_station.storage.models import Case, CaseClaimant, Employer, OutboxOperation, Person
from heze_station.storage.outbox import wire_value
from heze_station.sync.schemas import Change
from tests.factories import intake_form, register, resident_id

BEIJING = timezone(timedelta(hours=8))


def stored(station: StationContext, case_id: uuid.UUID) -> dict:
    with station.database.transaction() as session:
        row = session.execute(text("SELECT * FROM case_file WHERE id = :id"), {"id": case_id.bytes}).mappings().one()
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
        pulled = session.get_one(Employer, employer)
        for moment in (pulled.created_at, pulled.updated_at):  # read back through the ORM: stored in its form
            assert moment.tzinfo is not None
            assert abs(moment - datetime.now(UTC)) < timedelta(minutes=1)


def test_pulled_cases_are_found_by_search_also_after_a_party_is_renamed(station: StationContext) -> None:
    """The search index follows pulled pages: new cases, and cases whose worker a later page renames."""
    with station.database.transaction() as session:
        template = session.get_one(Case, register(station, intake_form(1)))
        claimant = session.scalars(select(CaseClaimant).where(CaseClaimant.case_id == template.id)).one()
        person = session.get_one(Person, claimant.person_id)
        case_fields = {c.key: wire_value(getattr(template, c.key)) for c in Case.__mapper__.column_attrs}
        claim_fields = {c.key: wire_value(getattr(claimant, c.key)) for c in CaseClaimant.__mapper__.column_attrs}
        person_fields = {c.key: wire_value(getattr(person, c.key)) for c in Person.__mapper__.column_attrs}
    cases = [uuid.uuid4() for _ in range(450)]  # more than one batch of the index's statements
    people = [uuid.uuid4() for _ in cases]

    def change(table: str, row_id: uuid.UUID, fields: dict) -> Change:
        kept = {name: value for name, value in fields.items() if name not in ("id", "version", "search_key")}
        return Change(
            table=table, row_id=row_id, version=1, deleted=False, fields=kept, station_id=None,
            changed_at=datetime.now(UTC),
        )  # fmt: skip

    page = []
    for number, (case_id, person_id) in enumerate(zip(cases, people, strict=True)):
        page.append(change("person", person_id, person_fields | {"name": f"张{number:03d}号", "id_number": None}))
        page.append(change("case_file", case_id, case_fields | {"number": f"菏谐调字〔2026〕第{9000 + number}号"}))
        page.append(change("case_claimant", uuid.uuid4(), claim_fields | {"case_id": str(case_id),
                                                                          "person_id": str(person_id)}))  # fmt: skip
    with station.database.replica_transaction() as session:
        replica.apply_changes(session, page)
    renamed = change("person", people[-1], person_fields | {"name": "李秀英", "id_number": None})
    with station.database.replica_transaction() as session:
        replica.apply_changes(session, [renamed])

    assert found(station, "张000号") == [cases[0]]
    assert found(station, "第9449号") == [cases[-1]]  # in the second batch
    assert found(station, "李秀英") == [cases[-1]]
    assert found(station, "张449号") == []


def found(station: StationContext, text: str) -> list[uuid.UUID]:
    rows = case_queries.list_cases(station, case_queries.CaseFilter(text=text), limit=10)
    return [row.id for row in rows]


def test_a_pulled_employer_makes_its_cases_look_up_their_employer_kind_again(station: StationContext) -> None:
    """The returns read a case's first employer kind from the case (kept on this computer only): a pulled change of
    the employer must not leave the case saying what the employer no longer is."""
    case_id = register(station, intake_form(1))
    with station.database.transaction() as session:
        case = session.get_one(Case, case_id)
        assert case.first_employer_kind is EmployerKind.COMPANY
        employer = session.scalars(select(Employer)).one()
        fields = {c.key: wire_value(getattr(employer, c.key)) for c in Employer.__mapper__.column_attrs}
        version = employer.version
        session.execute(delete(OutboxOperation))  # the station's changes reached the city: none rebased on the pull
    fields = {name: value for name, value in fields.items() if name not in ("id", "version")}
    fields |= {"kind": EmployerKind.NATURAL_PERSON.value, "id_number": resident_id(40), "credit_code": None}
    change = Change(
        table="employer", row_id=employer.id, version=version + 1, deleted=False, fields=fields, station_id=None,
        changed_at=datetime.now(UTC),
    )  # fmt: skip
    with station.database.replica_transaction() as session:
        replica.apply_changes(session, [change])

    with station.database.transaction() as session:
        assert session.get_one(Case, case_id).first_employer_kind is None  # looked up again by the returns
    received = intake_form(1).received_on
    month = periods.month(received.year, received.month)
    assert station_statistics.report(station, month).breakdowns["employer_kind"] == {EmployerKind.NATURAL_PERSON: 1}
