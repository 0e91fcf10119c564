"""The per-field three-way merge, on plain data: the rules both the server and the station client apply."""

from heze_station.sync.merge import ConflictKind, StoredRow, merge_delete, merge_upsert

ROW = StoredRow(
    version=3,
    deleted=False,
    fields={"status": "accepted", "facts": "旧", "phone": "13800000000"},
    field_versions={"status": 2, "facts": 1, "phone": 3},
)


def test_a_new_row_takes_every_field() -> None:
    merge = merge_upsert(None, 0, {"status": "registered"})
    assert (merge.changes, merge.deleted, merge.conflicts) == ({"status": "registered"}, False, [])


def test_fields_untouched_since_the_base_are_taken_and_changed_ones_conflict() -> None:
    merge = merge_upsert(ROW, 1, {"facts": "新", "status": "refused", "phone": "13800000000"})
    assert merge.changes == {"facts": "新"}
    [conflict] = merge.conflicts
    assert (conflict.kind, conflict.field, conflict.server_value, conflict.client_value) == (
        ConflictKind.FIELD, "status", "accepted", "refused")  # fmt: skip


def test_the_same_change_made_on_both_sides_is_no_conflict() -> None:
    merge = merge_upsert(ROW, 1, {"status": "accepted"})
    assert (merge.changes, merge.conflicts) == ({}, [])


def test_an_edit_based_on_the_current_version_never_conflicts() -> None:
    merge = merge_upsert(ROW, 3, {"status": "closed", "phone": "13900000000"})
    assert merge.changes == {"status": "closed", "phone": "13900000000"}
    assert merge.conflicts == []


def test_delete_of_an_unchanged_row_is_a_tombstone_and_of_an_edited_row_a_conflict() -> None:
    assert merge_delete(ROW, 3).deleted
    conflicted = merge_delete(ROW, 1)
    assert not conflicted.deleted
    assert conflicted.conflicts[0].kind is ConflictKind.DELETE_VS_EDIT
    assert conflicted.conflicts[0].server_value == ["phone", "status"]


def test_an_edit_of_a_deleted_row_keeps_it_deleted_and_records_the_edit() -> None:
    gone = StoredRow(4, True, ROW.fields, ROW.field_versions)
    merge = merge_upsert(gone, 4, {"facts": "补充"})
    assert merge.deleted
    assert merge.changes == {}
    assert merge.conflicts[0].kind is ConflictKind.EDIT_VS_DELETE
    assert merge.conflicts[0].client_value == {"facts": "补充"}
