"""Which tables sync, how each may change, and what each of their fields may hold.

One schema for both ends: the fields of the station's tables come from its database (``station_schema``, generated
from the models), so the server refuses exactly what a station could not store. A new row must carry every
required field; a change only valid values; a field the schema does not know is refused. Tables the station does
not keep yet (the city's templates) and the server's own conflicts are described here.
"""

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from . import station_schema
from .fields import FORMS, MAX_TEXT_CHARS, FieldRule, FieldType


class TableKind(StrEnum):
    MUTABLE = "mutable"  # any field may change; concurrent changes merge per field
    APPEND_ONLY = "append_only"  # rows are created once and never changed or deleted, so they cannot conflict
    REFERENCE = "reference"  # written by the city (employers, calendar, templates, clues); stations only read
    SERVER = "server"  # made by the server itself (conflicts); stations only read

    @property
    def city_owned(self) -> bool:
        """Stations never create or change rows of these tables."""
        return self in (TableKind.REFERENCE, TableKind.SERVER)


@dataclass(frozen=True)
class Problem:
    """Why a field or row cannot be stored: a stable code, the field, and words that never repeat the value."""

    code: str  # missing_field | invalid_field | unknown_field
    field: str
    message: str


# The tables whose rows others belong to: a required link to one of them is a row's parent (TableRule.parent_fields).
PARENT_TABLES = frozenset({"station", "case_file", "agreement", "mediation_session", "issued_document", "wage_clue"})
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class TableRule:
    name: str
    kind: TableKind
    fields: Mapping[str, FieldRule]
    # Values that should be unique among one station's live rows; a clash is stored as a conflict, not refused (F6).
    # The city server's lookup of them is written only when a push changes a row's values: a change of this list,
    # or of how values are stored, needs a server migration that fills the lookup again.
    unique: tuple[str, ...] = ()
    # A row is frozen once ``frozen.field`` has left ``frozen.open_values``: an agreement in effect is final (R7).
    frozen: "Freeze | None" = None
    # A row frozen together with the row this field names (an agreement's shares, instalments and signatures).
    frozen_with: str | None = None
    # Fields besides its parent links that never change once the row exists (fixed_fields).
    fixed: frozenset[str] = frozenset()

    def field_problem(self, name: str, value: Any) -> Problem | None:
        """Why ``name = value`` cannot be stored in this table; None when it can."""
        rule = self.fields.get(name)
        if rule is None:
            # A name that is no identifier is not repeated: it could be anything a device sent.
            if not FIELD_NAME.fullmatch(name):
                return Problem("unknown_field", "", f"{self.name}: a field name must be a lower-case identifier")
            return Problem("unknown_field", name, f"{self.name} has no field {name}")
        why = rule.problem(value)
        return Problem("invalid_field", name, f"{self.name}.{name} {why}") if why else None

    def problems(self, fields: Mapping[str, Any], *, new_row: bool) -> list[Problem]:
        """Every reason ``fields`` cannot be stored: as a new row, which needs every required field, or as a change
        of a stored one."""
        # Every pulled and pushed row comes through here: the usual case (a known field, a good value) costs one
        # lookup and one check.
        checks = self._checks
        found = [
            self.field_problem(name, value)
            for name, value in fields.items()
            if (fits := checks.get(name)) is None or not fits(value)
        ]
        if new_row and not self._required_names <= fields.keys():
            found += [
                Problem("missing_field", name, f"a new {self.name} row needs {name}")
                for name in self.required
                if name not in fields
            ]
        return found

    def rows_fit(self, rows: Sequence[Mapping[str, Any]], *, new_rows: bool) -> bool:
        """Whether ``problems`` finds nothing in any of ``rows``: a page's rows checked a field at a time, as a first
        sync's hundreds of thousands of rows are. False says only that some row has a problem (or an unusual
        value); ``problems`` then says which, row by row."""
        names = set().union(*rows)
        if not names <= self.fields.keys():
            return False
        if new_rows and not all(self._required_names <= row.keys() for row in rows):
            return False
        return all(self.fields[name].all_fit(_column(rows, name)) for name in names)

    @cached_property
    def reference_fields(self) -> frozenset[str]:
        """The fields that hold another row's id."""
        return frozenset(name for name, rule in self.fields.items() if rule.references)

    @cached_property
    def parent_fields(self) -> frozenset[str]:
        """The fields that name the row this one belongs to (its case, agreement, session, ...): fixed once the row
        exists. Who sees a row and what freezes it follow from them (assignment, ``frozen_with``): a row moved to
        another case or agreement would leave its owner's case, or an agreement in effect, by a change neither the
        owner nor the agreement's freeze could refuse."""
        return frozenset(
            name
            for name, rule in self.fields.items()
            if rule.references in PARENT_TABLES and not rule.nullable  # an optional link (a clue's case) may change
        )

    @cached_property
    def fixed_fields(self) -> frozenset[str]:
        """What never changes once the row exists: its parent links, and what the table fixes besides (an account's
        login, which its key slot on every laptop goes by: renamed by another device, the person could no longer
        sign in, not knowing the new name)."""
        return self.parent_fields | self.fixed

    @cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(name for name, rule in self.fields.items() if rule.required)

    @cached_property
    def _required_names(self) -> frozenset[str]:
        return frozenset(self.required)

    @cached_property
    def _checks(self) -> dict[str, Callable[[Any], bool]]:
        return {name: rule.fits for name, rule in self.fields.items()}

    def is_frozen(self, fields: Mapping[str, Any]) -> bool:
        return self.frozen is not None and fields.get(self.frozen.field) not in self.frozen.open_values

    def frozen_change_allowed(self, name: str, value: Any) -> bool:
        """Whether a frozen row may still take ``name = value`` (an agreement may still be marked superseded)."""
        assert self.frozen is not None
        allowed = self.frozen.still_allowed.get(name, ())
        return allowed is None or value in allowed


def _column(rows: Sequence[Mapping[str, Any]], name: str) -> list[Any]:
    """The values of field ``name`` in the rows that carry it."""
    try:
        return list(map(operator.itemgetter(name), rows))  # every row has it, as in a page of new rows
    except KeyError:
        return [row[name] for row in rows if name in row]


@dataclass(frozen=True)
class Freeze:
    field: str
    open_values: frozenset[Any]
    # Changes a frozen row still takes: field -> the values it may take (None: any value).
    still_allowed: Mapping[str, frozenset[Any] | None] = field(default_factory=dict)


# The station's trigger agreement_in_effect_frozen (storage migration 0003), as the server applies it.
# A new agreement that leaves its state out is a draft, the station's default.
AGREEMENT_FREEZE = Freeze("state", frozenset({"draft", None}), {"state": frozenset({"superseded"}), "updated_at": None})


def _station(table: str, **extra: FieldRule) -> Mapping[str, FieldRule]:
    """A station table's fields as its database has them, with fields only the server keeps."""
    return {**station_schema.TABLES[table], **extra}


def _text(max_length: int | None = None, *, required: bool = False) -> FieldRule:
    return FieldRule(FieldType.TEXT, nullable=not required, max_length=max_length)


_BOOKKEEPING = {name: FieldRule(FieldType.DATETIME) for name in ("created_at", "updated_at", "deleted_at")}
_STATION_TABLES = (
    TableRule("station", TableKind.MUTABLE, _station("station", signing_certificate=_text(20_000))),
    TableRule("staff_user", TableKind.MUTABLE, _station("staff_user"), fixed=frozenset({"login"})),
    TableRule("person", TableKind.MUTABLE, _station("person"), unique=("id_number",)),
    TableRule("employer", TableKind.MUTABLE, _station("employer"), unique=("credit_code",)),
    TableRule("project", TableKind.MUTABLE, _station("project")),
    TableRule("case_file", TableKind.MUTABLE, _station("case_file"), unique=("number",)),
    TableRule("case_claimant", TableKind.MUTABLE, _station("case_claimant")),
    TableRule("case_respondent", TableKind.MUTABLE, _station("case_respondent")),
    TableRule("evidence", TableKind.MUTABLE, _station("evidence")),
    TableRule("timeline_event", TableKind.APPEND_ONLY, _station("timeline_event")),
    TableRule("mediation_session", TableKind.MUTABLE, _station("mediation_session")),
    TableRule("minute_entry", TableKind.APPEND_ONLY, _station("minute_entry")),
    TableRule("attachment", TableKind.APPEND_ONLY, _station("attachment")),
    TableRule("agreement", TableKind.MUTABLE, _station("agreement"), frozen=AGREEMENT_FREEZE),
    TableRule("agreement_share", TableKind.MUTABLE, _station("agreement_share"), frozen_with="agreement_id"),
    TableRule("agreement_instalment", TableKind.MUTABLE, _station("agreement_instalment"), frozen_with="agreement_id"),
    TableRule("agreement_signature", TableKind.MUTABLE, _station("agreement_signature"), frozen_with="agreement_id"),
    TableRule("payment", TableKind.APPEND_ONLY, _station("payment")),
    TableRule("arbitral_review", TableKind.MUTABLE, _station("arbitral_review")),
    TableRule("clue_record", TableKind.MUTABLE, _station("clue_record")),
    TableRule("after_step", TableKind.MUTABLE, _station("after_step")),
    TableRule("case_witness", TableKind.MUTABLE, _station("case_witness")),
    TableRule("issued_document", TableKind.APPEND_ONLY, _station("issued_document")),
    TableRule("service_record", TableKind.APPEND_ONLY, _station("service_record")),
    TableRule("ledger_follow_up", TableKind.APPEND_ONLY, _station("ledger_follow_up")),
)
# Written by the city (heze_station.server.reference, server.ca): the official calendar, the document-signing trust,
# and what no station stores yet.
_CITY_TABLES = (
    TableRule("calendar_day", TableKind.REFERENCE, _station("calendar_day")),
    TableRule("calendar_year", TableKind.REFERENCE, _station("calendar_year")),
    TableRule(
        "document_template",
        TableKind.REFERENCE,
        {"kind": _text(32, required=True), "title": _text(100, required=True), "legal_text": _text(), **_BOOKKEEPING},
    ),
    # Assigned to one station, which keeps it (storage.models.WageClue); what it does about it is a clue_record.
    TableRule("wage_clue", TableKind.REFERENCE, _station("wage_clue")),
    # The root of the city's document-signing authority (server.ca), and revoked devices' signing certificates.
    TableRule("city_certificate", TableKind.REFERENCE, _station("city_certificate")),
    TableRule("revoked_certificate", TableKind.REFERENCE, _station("revoked_certificate")),
    TableRule(
        "sync_conflict",
        TableKind.SERVER,
        {  # as the station keeps it (storage.models.SyncConflict); server_value and client_value are any JSON
            "table": _text(63, required=True),
            "row_id": FieldRule(FieldType.UUID, nullable=False),
            "kind": _text(20, required=True),
            "field": _text(63),
            "status": _text(10, required=True),
            "base_version": FieldRule(FieldType.INTEGER),
            "server_version": FieldRule(FieldType.INTEGER),
            "client_device_id": _text(40),
            "client_op_id": FieldRule(FieldType.UUID),
            "client_hlc": _text(60),
            "resolved_at": FieldRule(FieldType.DATETIME),
            "resolved_by_op": FieldRule(FieldType.UUID),
            **_BOOKKEEPING,
        },
    ),
)
SYNCED_TABLES: dict[str, TableRule] = {rule.name: rule for rule in (*_STATION_TABLES, *_CITY_TABLES)}


def reference_markdown() -> str:
    """Every synced table's fields as Markdown tables, for docs/sync-protocol.md (``make sync-schema`` writes it;
    a test keeps it current)."""
    kinds = {
        TableKind.MUTABLE: "stations create and change rows",
        TableKind.APPEND_ONLY: "stations create rows; never changed or deleted",
        TableKind.REFERENCE: "the city's: stations only read",
        TableKind.SERVER: "the server's own: stations only read",
    }
    parts = []
    for rule in SYNCED_TABLES.values():
        notes = [kinds[rule.kind]]
        if rule.unique:
            notes.append("a value that should be unique in a station: " + ", ".join(f"`{u}`" for u in rule.unique))
        if rule.frozen is not None:
            open_values = sorted(f"`{value}`" for value in rule.frozen.open_values if value is not None)
            notes.append(f"frozen once `{rule.frozen.field}` is no longer " + ", ".join(open_values))
        if rule.frozen_with:
            notes.append(f"frozen with the row its `{rule.frozen_with}` names")
        if rule.parent_fields:
            names = ", ".join(f"`{name}`" for name in sorted(rule.parent_fields))
            notes.append(f"the row it belongs to ({names}) is fixed once the row exists")
        if rule.fixed:
            notes.append("so is its " + ", ".join(f"`{name}`" for name in sorted(rule.fixed)))
        lines = [
            f"#### `{rule.name}`",
            "",
            _sentence("; ".join(notes)),
            "",
            "| field | type | a new row | null | at most / one of | names a row of |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, field_rule in rule.fields.items():
            new_row = "required" if field_rule.required else "default" if field_rule.default else "optional"
            limit = ""
            if field_rule.choices:
                limit = ", ".join(f"`{choice}`" for choice in field_rule.choices)
            elif field_rule.form is not None:
                limit = f"a {field_rule.form}: `{FORMS[field_rule.form].pattern}`"
            elif field_rule.type is FieldType.TEXT:
                limit = f"{field_rule.max_length or MAX_TEXT_CHARS} characters"
            elif field_rule.most is not None:
                limit = f"{field_rule.least:,} to {field_rule.most:,}"
            lines.append(
                f"| `{name}` | {field_rule.type.value} | {new_row} | {'yes' if field_rule.nullable else 'no'} "
                f"| {limit} | {f'`{field_rule.references}`' if field_rule.references else ''} |"
            )
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."
