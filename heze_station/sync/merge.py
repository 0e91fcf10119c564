"""Per-field three-way merge of one operation into the stored row.

The stored row remembers, for every field, the row version that last changed it and the device that made that
change. An operation says which version it was made against (its base), which fields it changes and which device
sends it. A field that nobody else changed since the base is taken; a field another device changed to a different
value is a conflict: the stored value stays and both values are recorded for a person to choose (never
last-writer-wins). A delete of a row another device edited since its base, and an edit of a row deleted meanwhile,
are conflicts too.

Why the writer matters: a device keeps recording edits while it has not pulled, and each carries the base it last
pulled (0 for a row it created). Its second edit of a field is made on top of its first, on the device itself, so
a change since the base that the same device made is one it has seen, never one to decide against. Changes whose
writer is unknown (rows stored before writers were recorded, the city's own writes) count as another device's.

Bookkeeping fields (``BOOKKEEPING``) describe the edit, not the record, and never conflict.

Pure functions over plain data, so the client can run the same rules when it rebases its own pending operations.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
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
    field_writers: dict[str, str]  # field -> id of the device that last changed it; absent: unknown or the city

    def changed_by_another(self, name: str, base_version: int, writer: str) -> bool:
        """Whether ``name`` changed after ``base_version`` in a change ``writer`` has not seen."""
        return self.field_versions.get(name, 0) > base_version and self.field_writers.get(name) != writer


def stamp(
    versions: dict[str, int], writers: dict[str, str], changed: Iterable[str], version: int, writer: str | None
) -> tuple[dict[str, int], dict[str, str]]:
    """A row's field versions and field writers once ``changed`` fields are written at ``version`` by ``writer``
    (None: the city, which has no device, so those fields' writer becomes unknown). The two always move together."""
    changed = list(changed)
    versions = {**versions, **dict.fromkeys(changed, version)}
    writers = {name: device for name, device in writers.items() if name not in changed}
    if writer is not None:
        writers.update(dict.fromkeys(changed, writer))
    return versions, writers


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


def _later(current: Any, value: Any) -> Any:
    if current is None or value is None:
        return value if current is None else current
    # Compared as instants: two devices may write the same moment with different offsets.
    return value if datetime.fromisoformat(value) > datetime.fromisoformat(current) else current


def _first(current: Any, value: Any) -> Any:
    return value if current is None else current


# Fields every table carries that a device sets by itself on each edit. Two devices setting them differently is no
# question a person could answer, so they merge by rule instead of conflicting: the row was last updated at the
# later of the two instants, and it was created when it was first stored. name -> (stored, pushed) -> value kept
BOOKKEEPING: dict[str, Callable[[Any, Any], Any]] = {"updated_at": _later, "created_at": _first}


def merge_upsert(stored: StoredRow | None, base_version: int, fields: dict[str, Any], writer: str) -> Merge:
    """Merge ``writer``'s upsert made against ``base_version``."""
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
        if name in BOOKKEEPING:
            value = BOOKKEEPING[name](current, value)
        if value == current:
            continue
        if name not in BOOKKEEPING and stored.changed_by_another(name, base_version, writer):
            conflicts.append(Conflict(ConflictKind.FIELD, name, server_value=current, client_value=value))
        else:
            changes[name] = value
    return Merge(changes=changes, deleted=False, conflicts=conflicts)


def merge_delete(stored: StoredRow | None, base_version: int, writer: str) -> Merge:
    """Merge ``writer``'s delete made against ``base_version``."""
    if stored is None or stored.deleted:
        return Merge(changes={}, deleted=True)
    edited = sorted(
        name
        for name in stored.field_versions
        if name not in BOOKKEEPING and stored.changed_by_another(name, base_version, writer)
    )
    if edited:
        return Merge(
            changes={},
            deleted=False,
            conflicts=[Conflict(ConflictKind.DELETE_VS_EDIT, None, server_value=edited, client_value=None)],
        )
    return Merge(changes={}, deleted=True)
