"""Two offline devices of one station editing the same records (F4, F5, F6): merged per field where possible,
a stored, visible conflict where not, resolved later by a person through an ordinary push."""

import pytest
from sqlalchemy import select

from heze_station.domain.ids import new_id
from heze_station.server.models import UniqueValue

from .conftest import Server


def two_laptops(server: Server):
    station = server.create_station("城区驿站")
    return server.device(station, "laptop A"), server.device(station, "laptop B")


def create_case(device, fields):
    case_id = new_id()
    answer = device.push_ok(device.transaction(device.op("case_file", case_id, fields)))
    assert answer["results"][0]["ops"][-1]["version"] == 1
    return case_id


def test_different_fields_changed_offline_on_two_devices_both_survive(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "status": "registered", "facts": ""})

    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1)))
    answer = b.push_ok(b.transaction(b.op("case_file", case_id, {"facts": "拖欠三个月工资"}, base_version=1)))

    assert answer["results"][0]["ops"][0]["status"] == "applied"
    row = b.latest()[str(case_id)]
    assert row["fields"] | {"number": "C-1", "status": "accepted", "facts": "拖欠三个月工资"} == row["fields"]
    assert row["version"] == 3


def test_the_same_field_changed_on_two_devices_becomes_a_visible_conflict_then_a_resolution(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "status": "registered"})
    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1)))

    answer = b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "refused"}, base_version=1)))

    op = answer["results"][0]["ops"][0]
    assert op["status"] == "conflict"
    [conflict_id] = op["conflict_ids"]
    seen = b.latest()
    assert seen[str(case_id)]["fields"]["status"] == "accepted"  # never a silent last-writer-wins
    conflict = seen[conflict_id]
    assert conflict["table"] == "sync_conflict"
    assert conflict["fields"]["kind"] == "field"
    assert conflict["fields"]["field"] == "status"
    assert (conflict["fields"]["server_value"], conflict["fields"]["client_value"]) == ("accepted", "refused")
    assert conflict["fields"]["client_device_id"] == b.device_id
    assert conflict["fields"]["status"] == "open"
    listed = b.http.get("/v1/sync/conflicts").json()
    assert [item["id"] for item in listed] == [conflict_id]

    # A person at laptop A picks "refused"; A pulls first, so its base is the current version.
    version = a.latest()[str(case_id)]["version"]
    answer = a.push_ok(
        a.transaction(a.op("case_file", case_id, {"status": "refused"}, base_version=version, resolves=[conflict_id]))
    )

    assert answer["results"][0]["ops"][0]["status"] == "applied"
    seen = b.latest()
    assert seen[str(case_id)]["fields"]["status"] == "refused"
    assert seen[conflict_id]["fields"]["status"] == "resolved"
    assert b.http.get("/v1/sync/conflicts").json() == []


def statuses(answer):
    return [op["status"] for result in answer["results"] for op in result["ops"]]


@pytest.mark.parametrize("pushes", ["one push", "two pushes"])
def test_a_devices_second_edit_of_a_field_before_pulling_is_no_conflict_with_its_first(
    server: Server, pushes: str
) -> None:
    """Both edits carry the base the device last pulled; the second was made on top of the first."""
    a, b = two_laptops(server)
    case_id = create_case(b, {"number": "C-1", "status": "registered"})
    first = a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1))
    second = a.transaction(a.op("case_file", case_id, {"status": "in_mediation"}, base_version=1))

    answers = [a.push_ok(first, second)] if pushes == "one push" else [a.push_ok(first), a.push_ok(second)]

    assert [status for answer in answers for status in statuses(answer)] == ["applied", "applied"]
    row = b.latest()[str(case_id)]
    assert (row["fields"]["status"], row["version"]) == ("in_mediation", 3)
    assert a.http.get("/v1/sync/conflicts").json() == []


def test_a_row_a_device_created_takes_its_edits_and_its_delete_before_the_device_pulls_it_back(
    server: Server,
) -> None:
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "status": "registered"})

    edited = a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=0)))
    deleted = a.push_ok(a.transaction(a.op("case_file", case_id, kind="delete", base_version=1)))

    assert statuses(edited) == statuses(deleted) == ["applied"]
    row = b.latest()[str(case_id)]
    assert (row["deleted"], row["version"], row["fields"]["status"]) == (True, 3, "accepted")
    assert a.http.get("/v1/sync/conflicts").json() == []


def test_two_devices_changing_different_fields_and_updated_at_both_survive_with_the_later_instant(
    server: Server,
) -> None:
    a, b = two_laptops(server)
    created = {"number": "C-1", "status": "registered", "facts": "", "updated_at": "2026-11-27T08:00:00+00:00"}
    case_id = create_case(a, created)
    later, earlier = "2026-11-27T09:00:00+00:00", "2026-11-27T16:30:00+08:00"  # 08:30 UTC; as text it sorts later

    by_a = a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted", "updated_at": later}, 1)))
    by_b = b.push_ok(b.transaction(b.op("case_file", case_id, {"facts": "拖欠工资", "updated_at": earlier}, 1)))

    assert statuses(by_a) == statuses(by_b) == ["applied"]
    fields = a.latest()[str(case_id)]["fields"]
    assert (fields["status"], fields["facts"], fields["updated_at"]) == ("accepted", "拖欠工资", later)
    assert a.http.get("/v1/sync/conflicts").json() == []


def test_the_same_field_changed_on_two_devices_still_conflicts_when_both_set_updated_at(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "status": "registered"})
    a.push_ok(
        a.transaction(a.op("case_file", case_id, {"status": "accepted", "updated_at": "2026-11-27T09:00:00Z"}, 1))
    )

    answer = b.push_ok(
        b.transaction(b.op("case_file", case_id, {"status": "refused", "updated_at": "2026-11-27T10:00:00Z"}, 1))
    )

    [op] = answer["results"][0]["ops"]
    assert op["status"] == "conflict"
    [conflict] = b.http.get("/v1/sync/conflicts").json()
    assert [conflict["id"], conflict["field"]] == [op["conflict_ids"][0], "status"]
    fields = b.latest()[str(case_id)]["fields"]
    assert (fields["status"], fields["updated_at"]) == ("accepted", "2026-11-27T10:00:00Z")


def test_an_edit_on_an_old_base_conflicts_with_a_change_another_device_made_on_top_of_the_devices_own(
    server: Server,
) -> None:
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "status": "registered"})
    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1)))
    version = b.latest()[str(case_id)]["version"]
    b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "refused"}, base_version=version)))

    answer = a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "closed"}, base_version=1)))

    [op] = answer["results"][0]["ops"]
    assert op["status"] == "conflict"
    conflict = a.latest()[op["conflict_ids"][0]]["fields"]
    assert (conflict["server_value"], conflict["client_value"]) == ("refused", "closed")
    assert a.latest()[str(case_id)]["fields"]["status"] == "refused"


def test_deleting_a_record_another_device_edited_is_a_conflict_and_keeps_the_record(server: Server) -> None:
    """F5, one way: B deletes what A edited meanwhile."""
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "facts": ""})
    a.push_ok(a.transaction(a.op("case_file", case_id, {"facts": "新证据"}, base_version=1)))

    answer = b.push_ok(b.transaction(b.op("case_file", case_id, kind="delete", base_version=1)))

    op = answer["results"][0]["ops"][0]
    assert op["status"] == "conflict"
    seen = b.latest()
    assert not seen[str(case_id)]["deleted"]
    assert seen[op["conflict_ids"][0]]["fields"]["kind"] == "delete_vs_edit"
    assert seen[op["conflict_ids"][0]]["fields"]["server_value"] == ["facts"]


def test_editing_a_record_another_device_deleted_is_a_conflict_and_a_restore_settles_it(server: Server) -> None:
    """F5, the other way: B edits what A deleted meanwhile; a person decides to keep it."""
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "facts": ""})
    a.push_ok(a.transaction(a.op("case_file", case_id, kind="delete", base_version=1)))

    answer = b.push_ok(b.transaction(b.op("case_file", case_id, {"facts": "补充"}, base_version=1)))

    op = answer["results"][0]["ops"][0]
    assert op["status"] == "conflict"
    conflict_id = op["conflict_ids"][0]
    seen = b.latest()
    assert seen[str(case_id)]["deleted"]
    assert seen[conflict_id]["fields"]["kind"] == "edit_vs_delete"
    assert seen[conflict_id]["fields"]["client_value"] == {"facts": "补充"}

    version = seen[str(case_id)]["version"]
    b.push_ok(
        b.transaction(
            b.op("case_file", case_id, {"facts": "补充"}, base_version=version, kind="restore", resolves=[conflict_id])
        )
    )
    restored = a.latest()[str(case_id)]
    assert not restored["deleted"]
    assert restored["fields"]["facts"] == "补充"


def test_a_case_number_created_offline_twice_syncs_and_shows_the_collision(server: Server) -> None:
    """F6: both cases are kept; the second push carries a duplicate conflict naming the first row."""
    a, b = two_laptops(server)
    first = create_case(a, {"number": "(2026)菏谐调字第0007号"})
    second = new_id()

    answer = b.push_ok(b.transaction(b.op("case_file", second, {"number": "(2026)菏谐调字第0007号"})))

    op = answer["results"][0]["ops"][-1]
    assert op["status"] == "conflict"
    seen = a.latest()
    assert {str(first), str(second)} <= set(seen)
    conflict = seen[op["conflict_ids"][0]]["fields"]
    assert (conflict["kind"], conflict["field"], conflict["server_value"]) == ("duplicate", "number", str(first))


def test_a_case_number_stays_taken_through_edits_and_is_freed_by_renumbering_or_deleting(server: Server) -> None:
    """A push that changes none of a row's unique values leaves them in the lookup (F6): the number is still
    taken after the case's facts changed; renumbered, the new number is taken and the old one free; deleted,
    neither."""
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1", "facts": ""})
    a.push_ok(a.transaction(a.op("case_file", case_id, {"facts": "拖欠三个月工资"}, base_version=1)))

    def collides(number: str) -> bool:
        answer = b.push_ok(b.transaction(b.op("case_file", new_id(), {"number": number})))
        return answer["results"][0]["ops"][-1]["status"] == "conflict"

    def taken() -> set[str]:
        with server.database.transaction() as session:
            return set(session.scalars(select(UniqueValue.value).where(UniqueValue.row_id == case_id)))

    assert collides("C-1")
    assert taken() == {"C-1"}
    a.push_ok(a.transaction(a.op("case_file", case_id, {"number": "C-2"}, base_version=2)))
    assert taken() == {"C-2"}
    assert collides("C-2")
    a.push_ok(a.transaction(a.op("case_file", case_id, base_version=3, kind="delete")))
    assert taken() == set()


def test_the_same_credit_code_at_two_stations_is_no_collision(server: Server) -> None:
    one = server.device(server.create_station("城区驿站"))
    other = server.device(server.create_station("开发区驿站"))
    for device in (one, other):
        answer = device.push_ok(device.transaction(device.op("employer", new_id(), {"credit_code": "91371700MA3C"})))
        assert answer["results"][0]["ops"][0]["status"] == "applied"


def test_append_only_rows_never_change_and_a_signed_agreement_is_final(server: Server) -> None:
    a, b = two_laptops(server)
    event, agreement = new_id(), new_id()
    a.push_ok(
        a.transaction(
            a.op("timeline_event", event, {"kind": "registered"}),
            a.op(
                "agreement",
                agreement,
                {"state": "in_effect", "effective_at": "2026-11-27T08:00:00+00:00", "other_terms": "分三期"},
            ),
        )
    )

    edit_event = b.push_ok(b.transaction(b.op("timeline_event", event, {"kind": "changed"}, base_version=1)))
    edit_agreement = b.push_ok(b.transaction(b.op("agreement", agreement, {"other_terms": "一次付清"}, 1)))
    repeat = b.push_ok(b.transaction(b.op("timeline_event", event, {"kind": "registered"}, base_version=1)))

    assert edit_event["results"][0]["error"]["code"] == "append_only"
    assert edit_agreement["results"][0]["error"]["code"] == "row_frozen"
    assert repeat["results"][0]["ops"][0]["status"] == "unchanged"
    seen = a.latest()
    assert seen[str(event)]["fields"]["kind"] == "registered"
    assert seen[str(agreement)]["fields"]["other_terms"] == "分三期"
    # The one change an agreement in effect still takes: being superseded by its amendment.
    superseded = b.push_ok(b.transaction(b.op("agreement", agreement, {"state": "superseded"}, base_version=1)))
    assert superseded["results"][0]["ops"][0]["status"] == "applied"
    back_to_draft = b.push_ok(b.transaction(b.op("agreement", agreement, {"state": "draft"}, base_version=2)))
    assert back_to_draft["results"][0]["error"]["code"] == "row_frozen"


def test_a_conflict_of_another_station_cannot_be_resolved(server: Server) -> None:
    a, b = two_laptops(server)
    stranger = server.device(server.create_station("开发区驿站"))
    case_id = create_case(a, {"status": "registered"})
    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1)))
    conflict_id = b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "refused"}, base_version=1)))[
        "results"
    ][0]["ops"][0]["conflict_ids"][0]
    own = new_id()
    stranger.push_ok(stranger.transaction(stranger.op("case_file", own, {"status": "registered"})))

    answer = stranger.push_ok(
        stranger.transaction(
            stranger.op("case_file", own, {"status": "accepted"}, base_version=1, resolves=[conflict_id])
        )
    )

    assert answer["results"][0]["error"]["code"] == "unknown_conflict"
    assert b.latest()[conflict_id]["fields"]["status"] == "open"


def test_a_delete_travels_as_a_tombstone_and_the_row_stays_known(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = create_case(a, {"number": "C-1"})
    _, cursor = b.pull_all()

    answer = a.push_ok(a.transaction(a.op("case_file", case_id, kind="delete", base_version=1)))

    assert answer["results"][0]["ops"][0] == {**answer["results"][0]["ops"][0], "status": "applied", "version": 2}
    [tombstone] = b.pull_all(cursor)[0]
    assert (tombstone["row_id"], tombstone["deleted"], tombstone["version"]) == (str(case_id), True, 2)
    assert tombstone["fields"]["number"] == "C-1"  # the last state stays readable, for the record


def test_an_agreements_shares_instalments_and_signatures_freeze_with_it(server: Server) -> None:
    a, b = two_laptops(server)
    agreement, share, instalment = new_id(), new_id(), new_id()
    a.push_ok(
        a.transaction(
            a.op("agreement", agreement, {"state": "draft", "total_fen": 380000}),
            a.op("agreement_share", share, {"agreement_id": str(agreement), "amount_fen": 380000}),
            a.op("agreement_instalment", instalment, {"agreement_id": str(agreement), "amount_fen": 380000}),
            a.op("agreement", agreement, {"state": "in_effect"}, base_version=1),
        )
    )

    late_share = b.push_ok(b.transaction(b.op("agreement_share", share, {"amount_fen": 1}, base_version=1)))
    new_instalment = b.push_ok(
        b.transaction(b.op("agreement_instalment", new_id(), {"agreement_id": str(agreement), "amount_fen": 1}))
    )
    signature = b.push_ok(
        b.transaction(b.op("agreement_signature", new_id(), {"agreement_id": str(agreement), "role": "worker"}))
    )

    for answer in (late_share, new_instalment, signature):
        assert answer["results"][0]["error"]["code"] == "row_frozen"
    assert a.latest()[str(share)]["fields"]["amount_fen"] == 380000
