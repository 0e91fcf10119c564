"""The per-field three-way merge, on plain data: the rules both the server and the station client apply."""

from heze_station.sync.merge import ConflictKind, StoredRow, merge_delete, merge_upsert

A, B = "01a21e7d-bbaa-727c-9326-6310d8146780", "01a21e7d-bbab-7d11-8f0e-1c2b3a4d5e6f"  # two devices' ids
ROW = StoredRow(
    version=3,
    deleted=False,
    fields={"status": "accepted", "facts": "旧", "phone": "13800000000"},
    field_versions={"status": 2, "facts": 1, "phone": 3},
    field_writers={"status": A, "facts": A, "phone": A},
)


def test_a_new_row_takes_every_field() -> None:
    merge = merge_upsert(None, 0, {"status": "registered"}, A)
    assert (merge.changes, merge.deleted, merge.conflicts) == ({"status": "registered"}, False, [])


def test_fields_untouched_since_the_base_are_taken_and_ones_another_device_changed_conflict() -> None:
    merge = merge_upsert(ROW, 1, {"facts": "新", "status": "refused", "phone": "13800000000"}, B)
    assert merge.changes == {"facts": "新"}
    [conflict] = merge.conflicts
    assert (conflict.kind, conflict.field, conflict.server_value, conflict.client_value) == (
        ConflictKind.FIELD, "status", "accepted", "refused")  # fmt: skip


def test_the_same_change_made_on_both_sides_is_no_conflict() -> None:
    merge = merge_upsert(ROW, 1, {"status": "accepted"}, B)
    assert (merge.changes, merge.conflicts) == ({}, [])


def test_an_edit_based_on_the_current_version_never_conflicts() -> None:
    merge = merge_upsert(ROW, 3, {"status": "closed", "phone": "13900000000"}, B)
    assert merge.changes == {"status": "closed", "phone": "13900000000"}
    assert merge.conflicts == []


def test_delete_of_an_unchanged_row_is_a_tombstone_and_of_an_edited_row_a_conflict() -> None:
    assert merge_delete(ROW, 3, B).deleted
    conflicted = merge_delete(ROW, 1, B)
    assert not conflicted.deleted
    assert conflicted.conflicts[0].kind is ConflictKind.DELETE_VS_EDIT
    assert conflicted.conflicts[0].server_value == ["phone", "status"]


def test_an_edit_of_a_deleted_row_keeps_it_deleted_and_records_the_edit() -> None:
    gone = StoredRow(4, True, ROW.fields, ROW.field_versions, ROW.field_writers)
    merge = merge_upsert(gone, 4, {"facts": "补充"}, A)
    assert merge.deleted
    assert merge.changes == {}
    assert merge.conflicts[0].kind is ConflictKind.EDIT_VS_DELETE
    assert merge.conflicts[0].client_value == {"facts": "补充"}


def test_a_devices_later_edit_of_a_field_it_changed_itself_since_the_base_is_taken() -> None:
    """Two edits of one field between syncs both carry the base the device last pulled: the second is made on top
    of the first, on the device, so it is no conflict."""
    merge = merge_upsert(ROW, 1, {"status": "closed"}, A)
    assert (merge.changes, merge.conflicts) == ({"status": "closed"}, [])


def test_a_row_the_device_created_takes_its_later_edits_and_its_delete_made_before_pulling_it_back() -> None:
    created = StoredRow(2, False, {"status": "accepted"}, {"status": 2}, {"status": A})  # made at 1, edited at 2
    assert merge_upsert(created, 0, {"status": "closed"}, A).changes == {"status": "closed"}
    assert merge_delete(created, 1, A).deleted


def test_a_field_changed_by_an_unknown_writer_since_the_base_conflicts() -> None:
    """Rows stored before writers were recorded, and the city's own changes, have no writer: someone else's."""
    unknown = StoredRow(ROW.version, False, ROW.fields, ROW.field_versions, {"phone": A})
    assert [conflict.field for conflict in merge_upsert(unknown, 1, {"status": "closed"}, A).conflicts] == ["status"]
    assert merge_delete(unknown, 1, A).conflicts[0].server_value == ["status"]


def test_a_delete_conflicts_only_with_fields_another_device_edited() -> None:
    mixed = StoredRow(ROW.version, False, ROW.fields, ROW.field_versions, {"status": A, "phone": B})
    assert merge_delete(mixed, 1, A).conflicts[0].server_value == ["phone"]
    assert merge_delete(mixed, 2, B).deleted


def test_updated_at_takes_the_later_instant_whatever_the_offsets_and_never_conflicts() -> None:
    row = StoredRow(2, False, {"updated_at": "2026-11-27T16:00:00+08:00"}, {"updated_at": 2}, {"updated_at": B})
    later = merge_upsert(row, 1, {"updated_at": "2026-11-27T08:30:00+00:00"}, A)  # 16:30 in Beijing
    earlier = merge_upsert(row, 1, {"updated_at": "2026-11-27T07:30:00Z"}, A)  # 15:30; as text it sorts later
    cleared = merge_upsert(row, 1, {"updated_at": None}, A)
    assert (later.changes, later.conflicts) == ({"updated_at": "2026-11-27T08:30:00+00:00"}, [])
    assert (earlier.changes, earlier.conflicts) == ({}, [])
    assert (cleared.changes, cleared.conflicts) == ({}, [])


def test_created_at_keeps_the_stored_value_once_set() -> None:
    row = StoredRow(2, False, {"created_at": "2026-11-27T08:00:00+00:00"}, {"created_at": 2}, {})
    kept = merge_upsert(row, 1, {"created_at": "2026-11-26T08:00:00+00:00"}, A)
    assert (kept.changes, kept.conflicts) == ({}, [])
    unset = StoredRow(2, False, {"facts": "旧"}, {"facts": 1}, {})
    assert merge_upsert(unset, 1, {"created_at": "2026-11-26T08:00:00+00:00"}, A).changes == {
        "created_at": "2026-11-26T08:00:00+00:00"}  # fmt: skip


def test_bookkeeping_fields_edited_meanwhile_do_not_make_a_delete_conflict() -> None:
    row = StoredRow(3, False, {"facts": "旧", "updated_at": "2026-11-27T08:00:00+00:00"},
                    {"facts": 1, "updated_at": 3}, {"updated_at": B})  # fmt: skip
    assert merge_delete(row, 1, A).deleted
