"""One bad row never stops a station: what it cannot store is kept aside with the reason, shown, retried; the rest
of the page is stored and the sync completes. A fault of the program shows as a failed sync, never as 已同步."""

import json
import uuid

import pytest
from sqlalchemy import select

from heze_station.domain.ids import new_id
from heze_station.server import feed
from heze_station.server.models import SyncRow
from heze_station.services import accounts, sync, sync_replica
from heze_station.services.station import StationContext
from heze_station.station_sync.failures import FailureReason
from heze_station.storage import replica
from heze_station.storage.models import Agreement, Case, Person, QuarantinedRow, SyncLogEntry
from heze_station.sync.schemas import Change
from heze_station.sync.tables import SYNCED_TABLES
from tests.factories import intake_form, register
from tests.server.client import plain_value
from tests.server.conftest import Server
from tests.stations import ADMINISTRATOR

from .conftest import Laptops
from .helpers import plant, value


def quarantined(station: StationContext) -> list[QuarantinedRow]:
    with station.database.transaction() as session:
        return list(session.scalars(select(QuarantinedRow)))


def test_a_row_this_computer_cannot_store_is_kept_aside_and_the_rest_of_the_page_is_stored(
    laptops: Laptops, server: Server
) -> None:
    front, court = laptops("前台"), laptops("移动仲裁庭")
    case_id = register(front, intake_form(2))
    sync.sync_now(front)
    nameless = plant(server, "person", {"phone": "13800000000"})  # a person with only a phone
    unknown_status = plant(server, "case_file", {"number": "X", "status": "paid_in_gold"})

    report = sync.sync_now(court)

    assert report.quarantined == 2
    assert case_id in {row for row in _case_ids(court)}  # everything else arrived
    assert {entry.row_id: entry.table_name for entry in quarantined(court)} == {
        nameless: "person", unknown_status: "case_file"
    }  # fmt: skip
    reasons = {entry.row_id: entry.reason for entry in quarantined(court)}
    assert "name" in reasons[nameless]
    assert "station_id" in reasons[unknown_status]  # and the rest of what a case needs
    assert "13800000000" not in " ".join(reasons.values())  # reasons name rules, never values
    status = sync.sync_status(court)
    assert (status.state, status.quarantined) == (sync.SyncState.UP_TO_DATE, 2)
    [line] = [line for line in sync.sync_log(court) if line.kind == "quarantined"]
    assert line.is_problem
    assert line.message.params["rows"] == 2
    # A later sync goes on as usual; the rows stay aside until they can be stored.
    assert sync.sync_now(court).quarantined == 2


def test_a_row_kept_aside_is_stored_once_a_newer_version_fits(laptops: Laptops, server: Server) -> None:
    court = laptops("移动仲裁庭")
    person = plant(server, "person", {"phone": "13800000000"})
    sync.sync_now(court)
    assert [entry.row_id for entry in quarantined(court)] == [person]

    plant(server, "person", {"name": "张三", "phone": "13800000000"}, row_id=person, version=2)
    report = sync.sync_now(court)

    assert report.quarantined == 0
    assert quarantined(court) == []
    assert value(court, Person, person, "name") == "张三"
    assert sync.sync_status(court).quarantined == 0


def test_a_change_the_stations_own_rules_refuse_is_kept_aside_and_the_signed_agreement_stays(
    laptops: Laptops, server: Server
) -> None:
    """An agreement in effect never changes on a station (its database refuses it, R7), whatever the server sends."""
    court = laptops("移动仲裁庭")
    terms = _agreement_in_effect(other_terms="分三期支付")
    agreement = plant(server, "agreement", terms)
    sync.sync_now(court)
    plant(server, "agreement", {**terms, "other_terms": "一次付清"}, row_id=agreement, version=2)

    assert sync.sync_now(court).quarantined == 1
    [entry] = quarantined(court)
    assert (entry.row_id, entry.version) == (agreement, 2)
    assert "agreement in effect cannot be changed" in entry.reason
    assert value(court, Agreement, agreement, "other_terms") == "分三期支付"
    assert sync.sync_status(court).state is sync.SyncState.UP_TO_DATE


def test_a_row_an_older_program_set_aside_is_stored_after_the_update(laptops: Laptops, server: Server) -> None:
    """The program that could not store a row may be older than the row: the one installed next tries it again."""
    court = laptops("移动仲裁庭")
    sync.sync_now(court)
    person = plant(server, "person", {"name": "张三", "phone": "13800000000"})
    with server.database.transaction() as session:
        row = session.get(SyncRow, person)
        change = Change(table="person", row_id=person, version=1, deleted=False, fields=row.fields,
                        station_id=row.station_id, changed_at=row.changed_at, hlc=row.hlc)  # fmt: skip
    with court.database.replica_transaction() as session:  # as the older program left it: past the row, aside
        replica.apply_page(session, [], server_cursor(server))
        replica.quarantine(session, [(change, "a value the older program did not know")])

    sync.sync_now(court)

    assert quarantined(court) == []
    assert value(court, Person, person, "name") == "张三"


def server_cursor(server: Server) -> str:
    """The cursor after everything the server holds now."""
    with server.database.transaction() as session:
        state = feed.feed_state(session)
    return str(feed.Cursor(state.epoch, 0, state.newest))


def _agreement_in_effect(other_terms: str) -> dict:
    return {"case_id": str(new_id()), "payer_id": str(new_id()), "drafted_by_id": str(new_id()),
            "state": "in_effect", "agreed_on": "2026-11-20", "payer_role": "respondent", "payment_method": "cash",
            "total_fen": 380000, "default_clause": "逾期不履行的，申请人可申请仲裁。", "originals": 3,
            "other_terms": other_terms}  # fmt: skip


def test_a_fault_of_the_program_shows_as_a_failed_sync_with_a_reason_and_no_personal_data(
    laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    court = laptops("移动仲裁庭")
    register(court, intake_form(1))
    sync.sync_now(court)

    def broken(self, pages):
        raise KeyError("370102199001011234 王秘密")

    monkeypatch.setattr(sync_replica.StationReplica, "apply_pages", broken)
    with pytest.raises(sync.SyncProblem) as failed:
        sync.sync_now(court)

    assert failed.value.reason is FailureReason.UNEXPECTED
    status = sync.sync_status(court)
    assert status.state is sync.SyncState.FAILED  # never 已同步
    assert not status.needs_person  # tried again by itself
    with court.database.transaction() as session:
        details = [json.loads(entry.details) for entry in session.scalars(select(SyncLogEntry))]
    failure = next(detail for detail in details if detail.get("reason") == "unexpected")
    assert failure["detail"].startswith("KeyError at ")
    assert "370102199001011234" not in json.dumps(details, ensure_ascii=False)
    assert "王秘密" not in json.dumps(details, ensure_ascii=False)


def _case_ids(station: StationContext) -> list[uuid.UUID]:
    with station.database.transaction() as session:
        return list(session.scalars(select(Case.id)))


@pytest.mark.parametrize(
    ("table", "field", "odd"),
    [("payment", "amount_fen", 2**62), ("case_file", "sequence", 2**63 - 1),
     ("agreement_instalment", "due_on", "0001-01-02"), ("attachment", "sha256", "ab\x01cd"),
     ("staff_user", "public_key", "not a key")],
)  # fmt: skip
def test_a_row_a_device_synced_before_the_city_checked_its_meaning_is_kept_aside(
    laptops: Laptops, server: Server, table: str, field: str, odd: object
) -> None:
    """Sums that overflow the station's own sums, a day counted back past the first, a file name no file has, a key
    nothing can be sealed to: each stopped every laptop of a station that pulled it. The city refuses them now; one
    it stored before is kept aside, and the laptop goes on."""
    court = laptops("移动仲裁庭")
    rules = SYNCED_TABLES[table].fields
    planted = plant(
        server, table, {name: plain_value(rule) for name, rule in rules.items() if rule.required} | {field: odd}
    )

    report = sync.sync_now(court)

    assert report.quarantined == 1
    [kept] = quarantined(court)
    assert (kept.row_id, field in kept.reason) == (planted, True)
    case_id = register(court, intake_form(1))  # the laptop's own work goes on
    assert sync.sync_now(court).pushed > 0
    assert case_id in _case_ids(court)


def test_a_change_that_leaves_the_station_without_an_administrator_is_kept_aside(
    laptops: Laptops, server: Server
) -> None:
    """A device syncs its station's only administrator disabled: each laptop keeps him (its database refuses the
    change, and the sync keeps it aside with the reason), and he still signs in."""
    front = laptops("前台")
    sync.sync_now(front)
    administrator = front.user_id
    with server.database.transaction() as session:
        fields = dict(session.get_one(SyncRow, administrator).fields)
    plant(server, "staff_user", fields | {"disabled_at": "2026-12-01T08:00:00+08:00"}, row_id=administrator, version=2)

    report = sync.sync_now(front)

    assert report.quarantined == 1
    [kept] = quarantined(front)
    assert (kept.row_id, "administrator" in kept.reason) == (administrator, True)
    folder = front.database.path.parent
    accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password).close()
