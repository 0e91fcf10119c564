"""Reference data the city pushes down to stations, and wage-arrears clues assigned to one station.

Imported from a JSON file by ``heze-station-server import-reference FILE`` (see docs/sync-protocol.md for the
format). Rows get stable ids derived from their natural keys (a credit code, a date, a template kind, the national
platform's reference), so importing a newer file updates rows instead of duplicating them.
"""

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..sync.merge import stamp
from ..sync.tables import SYNCED_TABLES, field_problem
from .errors import bad_request
from .feed import RowWrite, server_hlc, write_rows
from .ingest import server_row
from .models import Station, SyncRow

# Fixed namespace for ids derived from natural keys: the same key gives the same row id on every import.
REFERENCE_NAMESPACE = uuid.UUID("0b4f0e5c-6f1e-4a51-9c2a-6b6e657a6501")


class ReferenceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employers: list[dict[str, Any]] = Field(default_factory=list)
    projects: list[dict[str, Any]] = Field(default_factory=list)
    calendar: list[dict[str, Any]] = Field(default_factory=list)
    templates: list[dict[str, Any]] = Field(default_factory=list)
    # Each clue names the station it is assigned to (by name): it appears in that station's feed only.
    clues: list[dict[str, Any]] = Field(default_factory=list)


# table, the file's section, the natural key that names a row
_SECTIONS = (
    ("employer", "employers", "credit_code"),
    ("project", "projects", "name"),
    ("calendar_day", "calendar", "day"),
    ("document_template", "templates", "kind"),
    ("wage_clue", "clues", "platform_ref"),
)


def row_id_for(table: str, key: Any) -> uuid.UUID:
    return uuid.uuid5(REFERENCE_NAMESPACE, f"{table}:{key}")


def import_reference(session: Session, document: ReferenceFile) -> dict[str, int]:
    """Write every row of ``document``; returns how many rows of each table were new or changed."""
    stations = {name: station_id for station_id, name in session.execute(select(Station.id, Station.name))}
    counts = {}
    for table, section, key in _SECTIONS:
        entries = getattr(document, section)
        prepared = []
        for entry in entries:
            station_id = None
            fields = dict(entry)
            if table == "wage_clue":
                station_name = fields.pop("station", None)
                if station_name not in stations:
                    raise bad_request("unknown_station", f"Clue {fields.get(key)!r} names no known station.")
                station_id = stations[station_name]
            if fields.get(key) in (None, ""):
                raise bad_request("missing_key", f"Every entry of {section!r} needs {key!r}.")
            for name, value in fields.items():
                problem = field_problem(SYNCED_TABLES[table], name, value)
                if problem:
                    raise bad_request("invalid_field", f"{section}: {problem}")
            prepared.append((row_id_for(table, fields[key]), station_id, fields))
        counts[table] = _upsert(session, table, prepared)
    return counts


def _upsert(session: Session, table: str, rows: list[tuple[uuid.UUID, uuid.UUID | None, dict[str, Any]]]) -> int:
    existing = {
        row.row_id: row for row in session.scalars(select(SyncRow).where(SyncRow.row_id.in_([r[0] for r in rows])))
    }
    writes = []
    for row_id, station_id, fields in rows:
        stored = existing.get(row_id)
        if stored is None:
            writes.append(server_row(table, row_id, station_id, fields))
            continue
        changed = {name: value for name, value in fields.items() if stored.fields.get(name) != value}
        if not changed and stored.station_id == station_id and not stored.deleted:
            continue
        version = stored.version + 1
        # The city's change has no device: a station that edits these fields without having pulled it conflicts.
        field_versions, field_writers = stamp(stored.field_versions, stored.field_writers, changed, version, None)
        writes.append(
            RowWrite(
                row_id=row_id,
                table_name=table,
                station_id=station_id,
                fields={**stored.fields, **changed},
                field_versions=field_versions,
                field_writers=field_writers,
                version=version,
                deleted=False,
                hlc=server_hlc(),
                changed_by=None,
                is_new=False,
            )
        )
    write_rows(session, writes)
    return len(writes)
