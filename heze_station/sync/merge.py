"""Per-field three-way merge of one operation into the stored row.

The stored row remembers, for every field, the row version that last changed it. An operation says which version
it was made against (its base) and which fields it changes. A field that nobody else changed since the base is
taken; a field someone else changed to a different value is a conflict: the stored value stays and both values are
recorded for a person to choose (never last-writer-wins). A delete of a row edited since its base, and an edit of
a row deleted meanwhile, are conflicts too.

Pure functions over plain data, so the client can run the same rules when it rebases its own pending operations.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ConflictKind(StrEnum):
    FIELD = "field"  # the same field changed on two devices
    DELETE_VS_EDIT = "delete_vs_edit"  # this operation deletes a row that was edited since its base; kept alive
    EDIT_VS_DELETE = "edit_vs_delete"  # this operation edits a row deleted since its base; left deleted
    DUPLICATE = "duplicate"  # a value that should be unique is used by another row of the station (F6)


@dataclass(frozen=True)
class StoredRow:
    version: int
    deleted: bool
    fields: dict[str, Any]
    field_versions: dict[str, int]  # field -> version of the row that last changed it


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    field: str | None
    server_value: Any
    client_value: Any


@dataclass(frozen=True)
class Merge:
    """What to write: ``changes`` are taken; ``deleted`` is the row's new tombstone state."""

    changes: dict[str, Any]
    deleted: bool
    conflicts: list[Conflict] = field(default_factory=list)


def merge_upsert(stored: StoredRow | None, base_version: int, fields: dict[str, Any]) -> Merge:
    if stored is None:
        return Merge(changes=dict(fields), deleted=False)
    if stored.deleted:
        # Whether or not the client had seen the delete, an edit never revives a row: only a restore does.
        return Merge(
            changes={},
            deleted=True,
            conflicts=[Conflict(ConflictKind.EDIT_VS_DELETE, None, server_value=None, client_value=dict(fields))],
        )
    changes: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for name, value in fields.items():
        current = stored.fields.get(name)
        if value == current:
            continue
        if stored.field_versions.get(name, 0) > base_version:
            conflicts.append(Conflict(ConflictKind.FIELD, name, server_value=current, client_value=value))
        else:
            changes[name] = value
    return Merge(changes=changes, deleted=False, conflicts=conflicts)


def merge_delete(stored: StoredRow | None, base_version: int) -> Merge:
    if stored is None or stored.deleted:
        return Merge(changes={}, deleted=True)
    if stored.version > base_version:
        edited = sorted(name for name, version in stored.field_versions.items() if version > base_version)
        return Merge(
            changes={},
            deleted=False,
            conflicts=[Conflict(ConflictKind.DELETE_VS_EDIT, None, server_value=edited, client_value=None)],
        )
    return Merge(changes={}, deleted=True)
