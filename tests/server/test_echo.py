"""A pull that asks (``echo=false``) leaves out the device's own writes stored exactly as it sent them: the push's
answer gave their versions. Whatever the server merged or wrote itself still comes back, every other device gets
every row, and the cursor moves past what was left out."""

from heze_station.domain.ids import new_id

from .conftest import Server


def two_laptops(server: Server):
    station = server.create_station("城区驿站")
    return server.device(station, "laptop A"), server.device(station, "laptop B")


def own_pull(device, cursor: str = "", **params):
    return device.pull_all(cursor, echo="false", **params)


def test_a_devices_own_clean_writes_are_not_sent_back_but_its_cursor_moves_past_them(server: Server) -> None:
    a, b = two_laptops(server)
    _, a_cursor = own_pull(a)
    cases = [new_id() for _ in range(5)]
    a.push_ok(a.transaction(*(a.op("case_file", case_id, {"number": f"C-{n}"}) for n, case_id in enumerate(cases))))
    a.push_ok(a.transaction(a.op("case_file", cases[0], {"status": "accepted"}, base_version=1)))

    changes, a_cursor = own_pull(a, a_cursor, limit=2)

    assert changes == []
    assert a.pull(a_cursor) == {"changes": [], "cursor": a_cursor, "has_more": False}
    seen = b.latest()  # the station's other laptop gets every row, whole
    assert {str(case_id) for case_id in cases} <= set(seen)
    assert seen[str(cases[0])]["fields"]["status"] == "accepted"
    assert seen[str(cases[0])]["version"] == 2
    assert str(cases[0]) in a.latest()  # and a pull that does not ask still sends the device its own rows


def test_a_write_merged_with_another_devices_change_is_sent_back_to_its_writer(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = new_id()
    a.push_ok(a.transaction(a.op("case_file", case_id, {"number": "C-1", "status": "registered", "facts": ""})))
    _, b_cursor = own_pull(b)
    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1)))

    # B changes another field on the version it holds: the stored row also has A's change, which B has not seen.
    b.push_ok(b.transaction(b.op("case_file", case_id, {"facts": "拖欠三个月工资"}, base_version=1)))

    [change] = own_pull(b, b_cursor)[0]
    assert change["row_id"] == str(case_id)
    assert change["version"] == 3
    assert change["fields"]["status"] == "accepted"
    assert change["fields"]["facts"] == "拖欠三个月工资"


def test_a_conflict_and_its_resolution_reach_the_device_that_caused_them(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = new_id()
    a.push_ok(a.transaction(a.op("case_file", case_id, {"number": "C-1", "status": "registered"})))
    _, b_cursor = own_pull(b)
    a.push_ok(a.transaction(a.op("case_file", case_id, {"status": "accepted"}, base_version=1)))

    answer = b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "refused"}, base_version=1)))
    [conflict_id] = answer["results"][0]["ops"][0]["conflict_ids"]
    changes, b_cursor = own_pull(b, b_cursor)
    assert {change["row_id"] for change in changes} == {str(case_id), conflict_id}  # A's version, and the conflict

    b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "refused"}, base_version=2, resolves=[conflict_id])))
    changes = {change["row_id"]: change for change in own_pull(b, b_cursor)[0]}
    assert set(changes) == {conflict_id}  # B's own choice is stored as sent; the resolution is the server's
    assert changes[conflict_id]["fields"]["status"] == "resolved"


def test_after_another_device_writes_a_row_its_first_writer_gets_it_again(server: Server) -> None:
    a, b = two_laptops(server)
    case_id = new_id()
    a.push_ok(a.transaction(a.op("case_file", case_id, {"number": "C-1", "status": "registered"})))
    _, a_cursor = own_pull(a)
    b.latest()
    b.push_ok(b.transaction(b.op("case_file", case_id, {"status": "accepted"}, base_version=1)))

    [change] = own_pull(a, a_cursor)[0]
    assert (change["row_id"], change["version"], change["fields"]["status"]) == (str(case_id), 2, "accepted")


def test_a_devices_own_delete_comes_back_as_the_server_keeps_the_tombstone(server: Server) -> None:
    """A delete carries no fields, yet the device stamped its row deleted and updated at its own time: only the
    server's tombstone tells it what the server holds."""
    a, _ = two_laptops(server)
    case_id = new_id()
    a.push_ok(a.transaction(a.op("case_file", case_id, {"number": "C-1"})))
    _, a_cursor = own_pull(a)
    a.push_ok(a.transaction(a.op("case_file", case_id, kind="delete", base_version=1)))

    [change] = own_pull(a, a_cursor)[0]
    assert (change["row_id"], change["version"], change["deleted"]) == (str(case_id), 2, True)
