"""Reference data the city pushes down to stations, and wage-arrears clues assigned to one station.

Imported from a JSON file by ``heze-station-server import-reference FILE`` (see docs/sync-protocol.md for the
format). Rows get stable ids derived from their natural keys (a credit code, a date, a template kind, the national
platform's reference), so importing a newer file updates rows instead of duplicating them.

Every entry is checked against the same schema a station's push is (sync/tables.py) and must carry a whole row:
a file with one bad entry imports nothing. A row under a derived id that the city did not write (a station made it)
is never taken over: the import leaves it alone and reports the clash.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..sync.merge import stamp
from ..sync.tables import SYNCED_TABLES
from .errors import bad_request
from .feed import RowWrite, server_hlc, write_rows
from .ingest import server_row
from .models import Station, SyncRow

# Fixed namespace for ids derived from natural keys: the same key gives the same row id on every import.
REFERENCE_NAMESPACE = uuid.UUID("0b4f0e5c-6f1e-4a51-9c2a-6b6e657a6501")
CALENDAR_YEARS = range(2000, 2101)  # years a published calendar may be for


class ReferenceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employers: list[dict[str, Any]] = Field(default_factory=list)
    projects: list[dict[str, Any]] = Field(default_factory=list)
    calendar: list[dict[str, Any]] = Field(default_factory=list)
    # {"year": 2027, "complete": true, "source": ...}: a complete year's days are the whole of its arrangement.
    calendar_years: list[dict[str, Any]] = Field(default_factory=list)
    templates: list[dict[str, Any]] = Field(default_factory=list)
    # Each clue names the station it is assigned to (by name): it appears in that station's feed only.
    clues: list[dict[str, Any]] = Field(default_factory=list)


# table, the file's section, the natural key that names a row
_SECTIONS = (
    ("employer", "employers", "credit_code"),
    ("project", "projects", "name"),
    ("calendar_day", "calendar", "day"),
    ("calendar_year", "calendar_years", "year"),
    ("document_template", "templates", "kind"),
    ("wage_clue", "clues", "platform_ref"),
)


def row_id_for(table: str, key: Any) -> uuid.UUID:
    return uuid.uuid5(REFERENCE_NAMESPACE, f"{table}:{key}")


@dataclass
class ImportReport:
    counts: dict[str, int]  # table -> rows new or changed
    # Rows left alone because a station wrote a row under the same id: "<section> <key>: why".
    clashes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Entry:
    row_id: uuid.UUID
    station_id: uuid.UUID | None
    fields: dict[str, Any]
    label: str  # section and key, for a clash


def import_reference(session: Session, document: ReferenceFile) -> ImportReport:
    """Write every row of ``document``; refuses the whole file (changing nothing) if any entry is not a whole,
    valid row."""
    stations = {name: station_id for station_id, name in session.execute(select(Station.id, Station.name))}
    prepared = {table: _prepare(table, section, key, getattr(document, section), stations)
                for table, section, key in _SECTIONS}  # fmt: skip
    report = ImportReport(counts={})
    for table, entries in prepared.items():
        report.counts[table] = _upsert(session, table, entries, report.clashes)
    _remove_days_left_out(session, document, report)
    return report


def _prepare(
    table: str, section: str, key: str, entries: list[dict[str, Any]], stations: dict[str, uuid.UUID]
) -> list[_Entry]:
    rule = SYNCED_TABLES[table]
    prepared = []
    named: dict[Any, str] = {}  # key -> the entry that named it first
    for index, entry in enumerate(entries):
        fields = dict(entry)
        where = f"{section}[{index}]"
        station_id = None
        if table == "wage_clue":
            station_name = fields.pop("station", None)
            if station_name not in stations:
                raise bad_request("unknown_station", f"{where}: the clue names no known station.", entry=where)
            station_id = stations[station_name]
            # The day a clue reached the station places it in the figures, the station's and the city's alike.
            fields.setdefault("received_at", datetime.now(UTC).isoformat())
        if fields.get(key) in (None, ""):
            raise bad_request("missing_key", f"{where}: every entry of {section} needs {key}.", entry=where)
        for problem in rule.problems(fields, new_row=True):
            raise bad_request(problem.code, f"{where}: {problem.message}", entry=where, field=problem.field)
        if table == "calendar_year" and fields["year"] not in CALENDAR_YEARS:
            raise bad_request(
                "invalid_field", f"{where}: a calendar year lies in {CALENDAR_YEARS[0]}-{CALENDAR_YEARS[-1]}.",
                entry=where, field="year",
            )  # fmt: skip
        if table == "calendar_day" and fields["kind"] == "makeup_workday" and _weekday(fields["day"]):
            # Worked in exchange for a holiday: a Saturday or a Sunday. On a weekday it would only make a holiday
            # (New Year's Day, say) a working day.
            raise bad_request(
                "invalid_field", f"{where}: a make-up working day is a Saturday or a Sunday.", entry=where, field="kind"
            )
        if fields[key] in named:
            raise bad_request(
                "duplicate_entry", f"{where}: {section} names {fields[key]} again, as {named[fields[key]]} did.",
                entry=where, field=key,
            )  # fmt: skip
        named[fields[key]] = where
        prepared.append(_Entry(row_id_for(table, fields[key]), station_id, fields, f"{section} {fields[key]}"))
    return prepared


def _weekday(day: str) -> bool:
    """Monday to Friday (``day`` as the schema checked it: an ISO date)."""
    return date.fromisoformat(day).weekday() < 5


def _city_wrote(stored: SyncRow, table: str) -> bool:
    """A row the import may update: the city's own, in the same table. A station's row under the same id is not."""
    return stored.table_name == table and stored.changed_by is None and not stored.field_writers


def _upsert(session: Session, table: str, entries: list[_Entry], clashes: list[str]) -> int:
    existing = {
        row.row_id: row
        for row in session.scalars(select(SyncRow).where(SyncRow.row_id.in_([entry.row_id for entry in entries])))
    }
    writes = []
    for entry in entries:
        stored = existing.get(entry.row_id)
        if stored is None:
            writes.append(server_row(table, entry.row_id, entry.station_id, entry.fields))
            continue
        if not _city_wrote(stored, table):
            clashes.append(f"{entry.label}: a station wrote a row under this id; it was left as it is")
            continue
        changed = {name: value for name, value in entry.fields.items() if stored.fields.get(name) != value}
        if not changed and stored.station_id == entry.station_id and not stored.deleted:
            continue
        writes.append(_city_change(stored, changed, entry.station_id, deleted=False))
    write_rows(session, writes)
    return len(writes)


def _city_change(stored: SyncRow, changed: dict[str, Any], station_id: uuid.UUID | None, *, deleted: bool) -> RowWrite:
    version = stored.version + 1
    # The city's change has no device: a station that edits these fields without having pulled it conflicts.
    field_versions, field_writers = stamp(stored.field_versions, stored.field_writers, changed, version, None)
    return RowWrite(
        row_id=stored.row_id,
        table_name=stored.table_name,
        station_id=station_id,
        fields={**stored.fields, **changed},
        field_versions=field_versions,
        field_writers=field_writers,
        version=version,
        deleted=deleted,
        hlc=server_hlc(),
        changed_by=None,
        is_new=False,
    )


def _remove_days_left_out(session: Session, document: ReferenceFile, report: ImportReport) -> None:
    """A year the file declares complete is exactly the days the file lists for it: stored days of that year that
    the file leaves out (a holiday the State Council moved) are deleted."""
    complete = {entry["year"] for entry in document.calendar_years if entry.get("complete")}
    listed = {row_id_for("calendar_day", entry["day"]) for entry in document.calendar}
    days = session.scalars(select(SyncRow).where(SyncRow.table_name == "calendar_day", SyncRow.deleted.is_(False)))
    stale = [
        row
        for row in days
        if row.row_id not in listed
        and date.fromisoformat(row.fields["day"]).year in complete
        and _city_wrote(row, "calendar_day")
    ]
    write_rows(session, [_city_change(row, {}, None, deleted=True) for row in stale])
    report.counts["calendar_day"] += len(stale)
