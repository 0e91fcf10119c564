"""A client written from docs/sync-protocol.md alone creates a row of every table a station writes, and the server
takes each: the document says all a client author needs (which fields, which types, which rows they name)."""

import hashlib
import re
from pathlib import Path
from typing import Any

from heze_station.domain.ids import new_id
from heze_station.server import reference

from .conftest import Server

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md"
WRITTEN_BY_STATIONS = ("Stations create and change rows", "Stations create rows")
PLAIN = {"integer": 1, "boolean": False, "date": "2026-11-27", "datetime": "2026-11-27T08:00:00+08:00"}


def documented_tables() -> dict[str, list[dict[str, str]]]:
    """Section 5's tables of the tables stations write: field, type, a new row, null, at most / one of, names."""
    text = DOCUMENT.read_text(encoding="utf-8")
    tables: dict[str, list[dict[str, str]]] = {}
    for match in re.finditer(r"#### `(\w+)`\n\n(.+?)\n\n\|.+?\n\| ---.+?\n((?:\|.+\n)+)", text):
        name, note, rows = match.groups()
        if not note.startswith(WRITTEN_BY_STATIONS):
            continue
        tables[name] = []
        for row in rows.strip().splitlines():
            field, kind, new_row, _null, limit, names = [cell.strip() for cell in row.strip("|").split("|")]
            tables[name].append(
                {"field": field.strip("`"), "type": kind, "new_row": new_row, "limit": limit, "names": names.strip("`")}
            )
    return tables


def value(column: dict[str, str], made: dict[str, str]) -> Any:
    if column["names"]:
        return made[column["names"]]
    if column["type"] == "uuid":
        return str(new_id())
    if column["type"] == "text":
        if column["limit"].startswith("a sha256"):  # a digest, as the document shows its form
            return hashlib.sha256(b"\xe6\x9f\x90").hexdigest()
        choices = re.findall(r"`(\w+)`", column["limit"])  # the values an enum takes; else a length
        return choices[0] if choices else "某"
    if least := re.match(r"(-?[\d,]+) to ", column["limit"]):  # an integer's range: its least value
        return int(least[1].replace(",", ""))
    return PLAIN[column["type"]]


def test_a_client_written_from_the_document_creates_a_row_of_every_table_a_station_writes(server: Server) -> None:
    tables = documented_tables()
    assert {"case_file", "person", "agreement", "payment", "issued_document", "station"} <= set(tables)
    device = server.device(server.create_station("城区驿站"))
    # A clue is the city's, assigned to the station (import-reference); the station's record of it names it.
    with server.database.transaction() as session:
        reference.import_reference(
            session, reference.ReferenceFile(clues=[{"platform_ref": "GZQX-DOC", "station": "城区驿站"}])
        )
    made: dict[str, str] = {"wage_clue": str(reference.row_id_for("wage_clue", "GZQX-DOC"))}
    waiting = dict(tables)
    while waiting:  # a table once every table its required fields name has a row
        ready = [name for name, columns in waiting.items()
                 if all(c["names"] in made for c in columns if c["new_row"] == "required" and c["names"])]  # fmt: skip
        assert ready, f"the document names rows no table can make first: {sorted(waiting)}"
        for name in ready:
            columns = waiting.pop(name)
            row_id = str(new_id())
            fields = {c["field"]: value(c, made) for c in columns if c["new_row"] == "required"}
            answer = device.push_ok(device.transaction(device.op(name, row_id, fields, whole=False)))
            [result] = answer["results"]
            assert result["status"] == "applied", (name, fields, result.get("error"))
            made[name] = row_id
