"""The station's synced columns as the city server must enforce them, read off the models.

``describe()`` walks every synced table of the station database and says, per column, its wire type, whether it
may be null or left out of a new row, its length and its allowed values. ``python -m heze_station.storage.sync_schema``
(``make sync-schema``) writes that into ``heze_station/sync/station_schema.py``, which the server reads without
importing the station's storage; a test fails as soon as the models and that file disagree.
"""

import sys
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Boolean, Column, Enum, Integer, String, Table

from ..sync.fields import FieldRule, FieldType
from . import migrations
from .models import Base, CalendarDay, CalendarYear, CityCertificate, RevokedCertificate, SyncRow
from .outbox import PROTOCOL_COLUMNS
from .types import BinaryUuid, DateAsDays, UtcDateTime

_CITY_MODELS = (CalendarDay, CalendarYear, CityCertificate, RevokedCertificate)
TARGET = Path(__file__).parent.parent / "sync" / "station_schema.py"


def synced_tables() -> dict[str, Table]:
    """The station's tables that sync, by wire name: every SyncRow model, and the reference tables from the city
    that the station keeps (the official calendar, the document-signing trust)."""
    tables = {
        mapper.local_table.name: mapper.local_table
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncRow) or mapper.class_ in _CITY_MODELS
    }
    return dict(sorted(tables.items()))


def local_columns(table: Table) -> frozenset[str]:
    model = next(mapper.class_ for mapper in Base.registry.mappers if mapper.local_table is table)
    return getattr(model, "local_columns", frozenset())


def _type(column: Column) -> FieldType:
    kind = column.type
    for sql_type, field_type in (
        (BinaryUuid, FieldType.UUID),
        (UtcDateTime, FieldType.DATETIME),
        (DateAsDays, FieldType.DATE),
        (Boolean, FieldType.BOOLEAN),
        (Integer, FieldType.INTEGER),
        (String, FieldType.TEXT),  # Enum and Text are Strings too
    ):
        if isinstance(kind, sql_type):
            return field_type
    raise TypeError(f"{column.table.name}.{column.name}: no wire type for {kind!r}")


def rule(column: Column) -> FieldRule:
    kind = column.type
    choices = tuple(kind.enums) if isinstance(kind, Enum) else None
    length = kind.length if isinstance(kind, String) and not isinstance(kind, Enum) else None
    references = sorted({key.column.table.name for key in column.foreign_keys})
    field_type = _type(column)
    limits = column.info.get("wire", {})  # the range or form a column's meaning gives it (models.wire)
    if field_type is FieldType.INTEGER and not {"least", "most"} <= limits.keys():
        # The storage type's range is no limit: a rogue device synced sums that overflowed the station's own sums.
        raise TypeError(f"{column.table.name}.{column.name}: a synced integer needs its range (models.wire)")
    return FieldRule(
        field_type,
        nullable=bool(column.nullable),
        default=column.default is not None,
        max_length=length,
        choices=choices,
        references=references[0] if references else None,
        **limits,
    )


def describe() -> dict[str, dict[str, FieldRule]]:
    """Every synced table's fields: its columns but the protocol's own (id, version) and this device's local ones."""
    return {
        name: {
            column.name: rule(column)
            for column in table.columns
            if column.name not in PROTOCOL_COLUMNS and column.name not in local_columns(table)
        }
        for name, table in synced_tables().items()
    }


def _literal(field_rule: FieldRule) -> str:
    arguments = [f"FieldType.{field_rule.type.name}"]
    defaults = FieldRule(field_rule.type)
    for name in ("nullable", "default", "max_length", "choices", "references", "least", "most", "form"):
        value = getattr(field_rule, name)
        if value != getattr(defaults, name):
            arguments.append(f"{name}={value!r}")
    return f"FieldRule({', '.join(arguments)})"


def revision() -> str:
    """The revision the generated file names: the one it names already while the columns stay as they are, the
    newest migration once they change."""
    from ..sync import station_schema  # the file as generated last time

    same = _stored(describe()) == _stored(station_schema.TABLES)
    return station_schema.REVISION if same else migrations.HEAD


def _stored(tables: dict[str, dict[str, FieldRule]]) -> dict[str, dict[str, FieldRule]]:
    """The rules as the database's columns make them: a range or form a column's meaning gives it is held to by the
    server and the pulls, and changes no station's columns."""
    return {
        name: {field: replace(rule, least=None, most=None, form=None) for field, rule in fields.items()}
        for name, fields in tables.items()
    }


def module_text() -> str:
    lines = [
        '"""The station database\'s synced columns, as the city server enforces them (sync/tables.py).',
        "",
        "Generated from heze_station/storage/models.py by `make sync-schema` (heze_station.storage.sync_schema);",
        "do not edit: tests/sync/test_station_schema.py fails when this file and the models disagree.",
        '"""',
        "",
        "from .fields import FieldRule, FieldType",
        "",
        "# The station database revision that last changed these columns: what a station reports at the handshake,",
        "# so that a migration of storage alone does not make the city's server refuse it.",
        f"REVISION = {revision()!r}",
        "# The newest station database revision: programs before 0030 reported their own revision (up to this one),",
        "# and a server updated first must still take them.",
        f"NEWEST = {migrations.HEAD!r}",
        "",
        "TABLES: dict[str, dict[str, FieldRule]] = {",
    ]
    for table, fields in describe().items():
        lines.append(f"    {table!r}: {{")
        lines.extend(f"        {name!r}: {_literal(field_rule)}," for name, field_rule in fields.items())
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(module_text(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
