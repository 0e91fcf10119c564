"""A rogue device may change a row, not what it belongs to, nor take a case away from the station that owns it: no
row moves to another agreement or case, an assignee never deletes the owner's case, and a unique value of a case
assigned elsewhere is checked among its owner's rows (F6). Each pushed to a real server by an enrolled device that
sends what it likes (tests/server/client.py, as rogue.py's); the honest laptops' next sync shows what they keep."""

import uuid
from datetime import timedelta

from sqlalchemy import select

from heze_station.domain import chinatime
from heze_station.domain.accounts import StaffRole
from heze_station.domain.ids import new_id
from heze_station.server.assignment import assign_case
from heze_station.services import accounts, agreements, case_corrections, case_queries, sync
from heze_station.storage.models import QuarantinedRow
from tests.factories import intake_form, register
from tests.server.client import DeviceClient
from tests.server.conftest import Server
from tests.services.agreement_steps import agree, claimant_ids, mediating, terms
from tests.stations import ADMINISTRATOR, add_account

from .conftest import Laptops
from .helpers import plant
from .test_scenario import server_station


def rogue_of(server: Server, station: str) -> DeviceClient:
    return DeviceClient.enrol(server.url, server.enrol_code(server_station(server, station)), "rogue")


def refusal(answer: dict) -> tuple[str, str | None]:
    [result] = answer["results"]
    assert result["status"] == "rejected", result
    return result["error"]["code"], (result["error"]["details"] or {}).get("field")


def claimants_of(rows: dict[str, dict], case_id: uuid.UUID) -> list[dict]:
    return [
        row for row in rows.values() if row["table"] == "case_claimant" and row["fields"]["case_id"] == str(case_id)
    ]


def quarantined(station) -> list[QuarantinedRow]:
    with station.database.transaction() as session:
        return list(session.scalars(select(QuarantinedRow)))


def test_a_signed_agreements_instalments_never_move_to_a_draft(laptops: Laptops, server: Server) -> None:
    front = laptops("前台")
    case_id = mediating(front, intake_form(1), on=None)
    today = chinatime.today()
    form = terms(front, case_id, today, [(today + timedelta(days=10), "3000"), (today + timedelta(days=40), "800")],
                 amount_each="3800")  # fmt: skip
    signed = agree(front, case_id, form, chinatime.now()).in_effect
    assert signed is not None
    sync.sync_now(front)
    rogue = rogue_of(server, "城区驿站")
    rows = rogue.latest()
    instalment = next(r for r in rows.values() if r["table"] == "agreement_instalment")
    signature = next(r for r in rows.values() if r["table"] == "agreement_signature")
    draft = str(new_id())
    terms_fields = {**rows[str(signed.id)]["fields"], "state": "draft", "effective_at": None}
    assert (
        rogue.push_ok(rogue.transaction(rogue.op("agreement", draft, terms_fields)))["results"][0]["status"]
        == "applied"
    )

    moves = [
        rogue.op(row["table"], row["row_id"], {"agreement_id": draft}, base_version=row["version"])
        for row in (instalment, signature)
    ]
    for move in moves:  # each alone: the first refusal would hide the second
        assert refusal(rogue.push_ok(rogue.transaction(move))) == ("field_fixed", "agreement_id")
    delete = rogue.op("agreement_instalment", instalment["row_id"], None, instalment["version"], kind="delete")
    assert refusal(rogue.push_ok(rogue.transaction(delete)))[0] == "row_frozen"  # still the signed agreement's

    # The laptop that signed it and a new laptop of the station both hold the agreement whole, with nothing set aside.
    second = laptops("第二台")
    for laptop in (front, second):
        assert sync.sync_now(laptop).quarantined == 0
        held = agreements.case_agreements(laptop, case_id).in_effect
        assert held is not None
        assert (len(held.instalments), len(held.signatures)) == (len(signed.instalments), len(signed.signatures))
    rogue.close()


def test_an_assignee_never_moves_the_owners_rows_nor_deletes_its_case(laptops: Laptops, server: Server) -> None:
    township = laptops("乡镇前台", station="乡镇驿站")
    county = laptops("县级前台", station="县级驿站")
    case_id = register(township, intake_form(3))
    county_case = register(county, intake_form(1, employer_serial=2))
    for laptop in (township, county):
        sync.sync_now(laptop)
    with server.database.transaction() as session:
        assign_case(session, case_id, server_station(server, "县级驿站"))
    sync.sync_now(county)
    rogue = rogue_of(server, "县级驿站")
    rows = rogue.latest()
    moved, *_ = claimants_of(rows, case_id)
    case = rows[str(case_id)]

    move = rogue.op("case_claimant", moved["row_id"], {"case_id": str(county_case)}, base_version=moved["version"])
    assert refusal(rogue.push_ok(rogue.transaction(move))) == ("field_fixed", "case_id")
    delete = rogue.op("case_file", case_id, None, base_version=case["version"], kind="delete")
    assert refusal(rogue.push_ok(rogue.transaction(delete)))[0] == "foreign_row"
    # What the assignee's people do to the case, removing a worker among it, still reaches the owner.
    leaving = claimant_ids(county, case_id)[-1]
    case_corrections.remove_worker(county, case_id, leaving, "登记错误")
    assert sync.sync_now(county).rejected == 0

    assert sync.sync_now(township).quarantined == 0
    workers = claimant_ids(township, case_id)
    assert uuid.UUID(moved["fields"]["person_id"]) in workers
    assert leaving not in workers
    assert len(workers) == 2
    assert case_id in {row.id for row in case_queries.list_cases(township, case_queries.CaseFilter())}
    rogue.close()


def test_a_number_an_assignee_gives_the_owners_case_is_checked_among_the_owners_cases(
    laptops: Laptops, server: Server
) -> None:
    township = laptops("乡镇前台", station="乡镇驿站")
    county = laptops("县级前台", station="县级驿站")
    case_id = register(township, intake_form(1))
    other_case = register(township, intake_form(2))
    sync.sync_now(township)
    sync.sync_now(county)
    with server.database.transaction() as session:
        assign_case(session, case_id, server_station(server, "县级驿站"))
    rogue = rogue_of(server, "县级驿站")
    case = rogue.latest()[str(case_id)]
    taken = case_queries.case_detail(township, other_case).number

    renumber = rogue.op("case_file", case_id, {"number": taken}, base_version=case["version"])
    [result] = rogue.push_ok(rogue.transaction(renumber))["results"]
    assert result["ops"][0]["status"] == "conflict"

    sync.sync_now(township)
    [clash] = sync.open_conflicts(township)
    assert (clash.kind, clash.row_id, clash.field, clash.server_value) == (
        "duplicate",
        case_id,
        "number",
        str(other_case),
    )
    sync.sync_now(county)
    assert sync.open_conflicts(county) == []  # the owner's to settle
    rogue.close()


def test_a_pulled_row_moved_to_another_case_is_kept_aside(laptops: Laptops, server: Server) -> None:
    """A row a server moved before it refused such changes is never applied here: the laptop keeps its worker."""
    front = laptops("前台")
    case_id, other_case = register(front, intake_form(1)), register(front, intake_form(1, employer_serial=2))
    sync.sync_now(front)
    rogue = rogue_of(server, "城区驿站")
    [claimant] = claimants_of(rogue.latest(), case_id)
    moved = {**claimant["fields"], "case_id": str(other_case)}
    plant(server, "case_claimant", moved, row_id=uuid.UUID(claimant["row_id"]), version=claimant["version"] + 1)

    assert sync.sync_now(front).quarantined == 1
    assert [row.reason for row in quarantined(front)] == ["case_claimant.case_id is fixed once the row exists"]
    assert (len(claimant_ids(front, case_id)), len(claimant_ids(front, other_case))) == (1, 1)
    rogue.close()


def test_an_accounts_login_is_never_renamed_by_another_device(laptops: Laptops, server: Server) -> None:
    """A rogue device renamed the administrator's login: the key slot on every laptop followed the new name, and the
    administrator, not knowing it, could no longer sign in. Refused by the server; one a server took before is kept
    aside, and the administrator still signs in."""
    front = laptops("前台")
    sync.sync_now(front)
    rogue = rogue_of(server, "城区驿站")
    [admin] = [row for row in rogue.latest().values() if row["table"] == "staff_user"]
    rename = rogue.op("staff_user", admin["row_id"], {"login": "evil"}, base_version=admin["version"])
    assert refusal(rogue.push_ok(rogue.transaction(rename))) == ("field_fixed", "login")

    plant(server, "staff_user", {**admin["fields"], "login": "evil"}, row_id=uuid.UUID(admin["row_id"]),
          version=admin["version"] + 1)  # fmt: skip
    assert sync.sync_now(front).quarantined == 1
    assert [row.reason for row in quarantined(front)] == ["staff_user.login is fixed once the row exists"]
    folder = front.data_dir
    front.close()
    again = accounts.sign_in(folder, ADMINISTRATOR.login, ADMINISTRATOR.password)
    assert again.user_login == ADMINISTRATOR.login
    again.close()
    rogue.close()


def test_a_push_that_leaves_the_station_without_an_administrator_is_refused(laptops: Laptops, server: Server) -> None:
    """As the station's own database refuses it (migration 0035): the city stored it, every laptop kept it aside,
    and one enrolled later had no administrator (the rogue bench found it)."""
    front = laptops("前台")
    sync.sync_now(front)
    rogue = rogue_of(server, "城区驿站")
    [admin] = [row for row in rogue.latest().values() if row["table"] == "staff_user"]
    disabled = {"disabled_at": "2026-12-01T08:00:00+08:00"}
    for change in (disabled, {"role": "coordinator"}):
        refused = rogue.op("staff_user", admin["row_id"], change, base_version=admin["version"])
        assert refusal(rogue.push_ok(rogue.transaction(refused)))[0] == "last_administrator"
    delete = rogue.op("staff_user", admin["row_id"], None, base_version=admin["version"], kind="delete")
    assert refusal(rogue.push_ok(rogue.transaction(delete)))[0] == "last_administrator"

    # With another administrator who can sign in, either may be disabled.
    add_account(front, "boss", StaffRole.ADMINISTRATOR)
    sync.sync_now(front)
    [admin] = [
        row for row in rogue.latest().values() if row["table"] == "staff_user" and row["row_id"] == admin["row_id"]
    ]
    allowed = rogue.op("staff_user", admin["row_id"], disabled, base_version=admin["version"])
    assert rogue.push_ok(rogue.transaction(allowed))["results"][0]["status"] == "applied"
    rogue.close()
