"""One schema for both ends: what the server demands of every synced table is what the station's database holds."""

from pathlib import Path

from sqlalchemy import Enum, String, inspect

from heze_station.storage import migrations
from heze_station.storage.database import Database, open_database
from heze_station.storage.sync_schema import describe, local_columns, synced_tables
from heze_station.sync import station_schema
from heze_station.sync.tables import SYNCED_TABLES, TableKind
from scripts import sync_tables_doc
from tests.stations import downgrade


def test_the_generated_schema_is_the_station_models_today() -> None:
    # When this fails, a model changed: run `make sync-schema` and commit heze_station/sync/station_schema.py.
    assert describe() == station_schema.TABLES


def _synced_columns(database: Database) -> dict[str, set[tuple[str, bool]]]:
    inspector = inspect(database.engine)
    return {
        name: {
            (column["name"], column["nullable"])
            for column in inspector.get_columns(name)
            if column["name"] not in local_columns(table)
        }
        for name, table in synced_tables().items()
        if inspector.has_table(name)
    }


def test_the_revision_a_station_reports_is_the_last_that_changed_its_synced_columns(tmp_path: Path) -> None:
    """A station whose later migrations changed its storage alone reports the revision of its synced columns, which
    a city server that has not been updated yet still knows: its sync goes on."""
    database = open_database(tmp_path / "station.sqlite3")
    try:
        newest = _synced_columns(database)
        downgrade(database, station_schema.REVISION)
        at_revision = _synced_columns(database)
        downgrade(database, f"{int(station_schema.REVISION) - 1:04d}")
        before_it = _synced_columns(database)
    finally:
        database.close()
    assert station_schema.REVISION <= station_schema.NEWEST == migrations.HEAD
    assert at_revision == newest
    assert before_it != at_revision


def test_every_not_null_column_enum_and_length_of_the_station_is_what_the_server_demands() -> None:
    tables = synced_tables()
    assert set(tables) <= set(SYNCED_TABLES)
    for name, table in tables.items():
        demanded = SYNCED_TABLES[name].fields
        for column in table.columns:
            if column.name in ("id", "version") or column.name in local_columns(table):
                assert column.name not in demanded, (name, column.name)
                continue
            rule = demanded[column.name]
            assert rule.nullable == column.nullable, (name, column.name)
            # A NOT NULL column without a default must come with every new row; one with a default may be left out.
            assert rule.required == (not column.nullable and column.default is None), (name, column.name)
            if isinstance(column.type, Enum):
                assert set(rule.choices or ()) == set(column.type.enums), (name, column.name)
            elif isinstance(column.type, String) and column.type.length:
                assert rule.max_length == column.type.length, (name, column.name)
            else:
                assert rule.max_length is None, (name, column.name)


def test_tables_the_station_does_not_keep_are_the_citys_own() -> None:
    kept = set(synced_tables())
    others = {name for name in SYNCED_TABLES if name not in kept}
    assert others == {"document_template", "sync_conflict"}
    assert all(SYNCED_TABLES[name].kind.city_owned for name in others)
    assert {name for name, rule in SYNCED_TABLES.items() if rule.kind is TableKind.REFERENCE} == {
        "calendar_day", "calendar_year", "document_template", "wage_clue", "city_certificate", "revoked_certificate"
    }  # fmt: skip


def test_the_protocol_document_lists_the_fields_as_the_server_demands_them() -> None:
    # When this fails: run `make sync-schema` and commit docs/sync-protocol.md.
    text = sync_tables_doc.DOCUMENT.read_text(encoding="utf-8")
    assert sync_tables_doc.with_tables(text) == text
    assert "| `name` | text | required | no | 50 characters |  |" in text  # person.name, for one
