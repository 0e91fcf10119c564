"""Which tables sync, how each may change, and a loose check of their fields.

The server stores every synced row generically (table, row id, fields as JSON), so a new station column needs no
server release: a field this list does not know is accepted when its name is a plain identifier and its value is
small JSON. A field it does know must have the right kind of value. Deliberately loose: the station's own rules
(domain/, services/) are the strict ones; this only keeps garbage and type confusion out of the city's copy.
"""

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class TableKind(StrEnum):
    MUTABLE = "mutable"  # any field may change; concurrent changes merge per field
    APPEND_ONLY = "append_only"  # rows are created once and never changed or deleted, so they cannot conflict
    REFERENCE = "reference"  # written by the city (employers, calendar, templates, clues); stations only read
    SERVER = "server"  # made by the server itself (conflicts); stations only read


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _parses(parse: Callable[[str], Any]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            parse(value)
        except ValueError:
            return False
        return True

    return check


def _aware_datetime(text: str) -> datetime:
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime")
    return parsed


class FieldType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"  # money is integer fen
    BOOLEAN = "boolean"
    UUID = "uuid"
    DATE = "date"  # ISO 8601, 2026-03-01
    DATETIME = "datetime"  # ISO 8601 with an offset, 2026-03-01T08:30:00+00:00

    def accepts(self, value: Any) -> bool:
        """None is accepted for every type: a field may be cleared."""
        return value is None or _CHECKS[self](value)


_CHECKS: dict[FieldType, Callable[[Any], bool]] = {
    FieldType.TEXT: _is_text,
    FieldType.INTEGER: _is_integer,
    FieldType.BOOLEAN: _is_bool,
    FieldType.UUID: _parses(uuid.UUID),
    FieldType.DATE: _parses(date.fromisoformat),
    FieldType.DATETIME: _parses(_aware_datetime),
}

# Short names keep the table list below readable: S text, N integer, B boolean, U uuid, D date, DT datetime.
S, N, B, U, D, DT = (
    FieldType.TEXT,
    FieldType.INTEGER,
    FieldType.BOOLEAN,
    FieldType.UUID,
    FieldType.DATE,
    FieldType.DATETIME,
)
_COMMON = {"created_at": DT, "updated_at": DT, "deleted_at": DT}


@dataclass(frozen=True)
class TableRule:
    name: str
    kind: TableKind
    fields: Mapping[str, FieldType] = field(default_factory=dict)
    # Values that should be unique among one station's live rows; a clash is stored as a conflict, not refused (F6).
    unique: tuple[str, ...] = ()
    # A row is frozen once ``frozen.field`` has left ``frozen.open_values``: an agreement in effect is final (R7).
    frozen: "Freeze | None" = None
    # A row frozen together with the row this field names (an agreement's shares, instalments and signatures).
    frozen_with: str | None = None

    def field_type(self, name: str) -> FieldType | None:
        return self.fields.get(name) or _COMMON.get(name)

    def is_frozen(self, fields: Mapping[str, Any]) -> bool:
        return self.frozen is not None and fields.get(self.frozen.field) not in self.frozen.open_values

    def frozen_change_allowed(self, name: str, value: Any) -> bool:
        """Whether a frozen row may still take ``name = value`` (an agreement may still be marked superseded)."""
        assert self.frozen is not None
        allowed = self.frozen.still_allowed.get(name, ())
        return allowed is None or value in allowed


@dataclass(frozen=True)
class Freeze:
    field: str
    open_values: frozenset[Any]
    # Changes a frozen row still takes: field -> the values it may take (None: any value).
    still_allowed: Mapping[str, frozenset[Any] | None] = field(default_factory=dict)


# The station's trigger agreement_in_effect_frozen (storage migration 0003), as the server applies it.
AGREEMENT_FREEZE = Freeze("state", frozenset({"draft"}), {"state": frozenset({"superseded"}), "updated_at": None})


SYNCED_TABLES: dict[str, TableRule] = {
    rule.name: rule
    for rule in (
        TableRule("station", TableKind.MUTABLE, {"name": S, "case_word": S, "address": S}),
        TableRule("staff_user", TableKind.MUTABLE, {"station_id": U, "name": S, "login": S, "role": S}),
        TableRule(
            "person",
            TableKind.MUTABLE,
            {"name": S, "id_number": S, "sex": S, "birth_date": D, "phone": S, "address": S},
            unique=("id_number",),
        ),
        TableRule(
            "employer",
            TableKind.MUTABLE,
            {
                "kind": S,
                "name": S,
                "credit_code": S,
                "credit_code_override_reason": S,
                "id_number": S,
                "legal_representative": S,
                "address": S,
                "phone": S,
            },
            unique=("credit_code",),
        ),
        TableRule("project", TableKind.MUTABLE, {"name": S, "address": S, "general_contractor_id": U}),
        TableRule(
            "case_file",
            TableKind.MUTABLE,
            {
                "station_id": U,
                "year": N,
                "sequence": N,
                "number": S,
                "status": S,
                "channel": S,
                "category": S,
                "registered_at": DT,
                "registered_by_id": U,
                "received_on": D,
                "knew_on": D,
                "decided_on": D,
                "mediation_started_on": D,
                "ended_on": D,
                "closed_on": D,
                "outcome": S,
                "status_reason": S,
                "facts": S,
                "project_id": U,
                "is_collective": B,
                "worker_count": N,
                "claimed_total_fen": N,
                "claimant_summary": S,
                "respondent_summary": S,
                "mediation_extended_to": D,
                "notice_served_on": D,
                "limitation_restarts_on": D,
            },
            unique=("number",),
        ),
        TableRule(
            "case_claimant",
            TableKind.MUTABLE,
            {"case_id": U, "person_id": U, "position": N, "claimed_fen": N, "is_representative": B},
        ),
        TableRule("case_respondent", TableKind.MUTABLE, {"case_id": U, "employer_id": U, "position": N, "role": S}),
        TableRule("evidence", TableKind.MUTABLE, {"case_id": U, "position": N, "description": S}),
        TableRule(
            "timeline_event", TableKind.APPEND_ONLY, {"case_id": U, "at": DT, "actor_id": U, "kind": S, "detail": S}
        ),
        TableRule(
            "mediation_session",
            TableKind.MUTABLE,
            {
                "case_id": U,
                "held_at": DT,
                "place_kind": S,
                "place": S,
                "mediators": S,
                "recorder": S,
                "worker_side": S,
                "employer_side": S,
                "identity_checked": B,
                "rights_notified": B,
                "recusal_note": S,
                "recorded_by_id": U,
                "signed_at": DT,
            },
        ),
        TableRule(
            "minute_entry",
            TableKind.APPEND_ONLY,
            {"session_id": U, "position": N, "kind": S, "speaker": S, "text": S, "corrects_id": U, "at": DT},
        ),
        TableRule(
            "attachment",
            TableKind.APPEND_ONLY,
            {
                "case_id": U,
                "owner_id": U,
                "kind": S,
                "filename": S,
                "media_type": S,
                "sha256": S,
                "size": N,
                "added_by_id": U,
            },
        ),
        TableRule(
            "agreement",
            TableKind.MUTABLE,
            {
                "case_id": U,
                "supersedes_id": U,
                "state": S,
                "agreed_on": D,
                "payer_id": U,
                "payer_role": S,
                "payment_method": S,
                "total_fen": N,
                "waived_claims": S,
                "default_clause": S,
                "other_terms": S,
                "originals": N,
                "drafted_by_id": U,
                "seal_applied_at": DT,
                "effective_at": DT,
            },
            frozen=AGREEMENT_FREEZE,
        ),
        TableRule(
            "agreement_share",
            TableKind.MUTABLE,
            {"agreement_id": U, "person_id": U, "position": N, "amount_fen": N, "bank": S, "account_number": S},
            frozen_with="agreement_id",
        ),
        TableRule(
            "agreement_instalment",
            TableKind.MUTABLE,
            {"agreement_id": U, "position": N, "due_on": D, "amount_fen": N},
            frozen_with="agreement_id",
        ),
        TableRule(
            "agreement_signature",
            TableKind.MUTABLE,
            {"agreement_id": U, "role": S, "name": S, "person_id": U, "signed_at": DT, "image_id": U},
            frozen_with="agreement_id",
        ),
        TableRule(
            "payment",
            TableKind.APPEND_ONLY,
            {"agreement_id": U, "paid_on": D, "amount_fen": N, "method": S, "reference": S, "recorded_by_id": U},
        ),
        TableRule(
            "arbitral_review",
            TableKind.MUTABLE,
            {"agreement_id": U, "case_id": U, "applied_on": D, "returned_on": D},
        ),
        TableRule(
            "issued_document",
            TableKind.APPEND_ONLY,
            {
                "case_id": U,
                "kind": S,
                "pdf_sha256": S,
                "content_sha256": S,
                "verification_code": S,
                "issued_at": DT,
                "issued_by_id": U,
                "originals": N,
                "sha256": S,
                "issued_by": U,
            },
        ),
        # Reference data, written by the city server (see heze_station.server.reference).
        TableRule("calendar_day", TableKind.REFERENCE, {"day": D, "kind": S, "source": S}),
        TableRule("document_template", TableKind.REFERENCE, {"kind": S, "title": S, "legal_text": S}),
        TableRule(
            "wage_clue",
            TableKind.MUTABLE,  # city-made, then worked on by the station it is assigned to
            {
                "platform_ref": S,
                "received_at": DT,
                "worker_name": S,
                "worker_phone": S,
                "employer_name": S,
                "project_name": S,
                "amount_fen": N,
                "summary": S,
                "status": S,
            },
        ),
        TableRule(
            "sync_conflict",
            TableKind.SERVER,
            {"table": S, "row_id": U, "kind": S, "field": S, "base_version": N, "status": S, "resolved_at": DT},
        ),
    )
}

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
MAX_TEXT_CHARS = 65_536


def field_problem(rule: TableRule, name: str, value: Any) -> str | None:
    """Why ``name = value`` cannot be stored in ``rule``'s table, or None when it can."""
    if not FIELD_NAME.match(name):
        return f"field name {name!r} is not a lower-case identifier"
    if name in {"id", "version"}:
        return f"field {name!r} is managed by the sync protocol (row_id, base_version)"
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
        return f"field {name!r} is longer than {MAX_TEXT_CHARS} characters"
    field_type = rule.field_type(name)
    if field_type is not None:
        if not field_type.accepts(value):
            return f"field {name!r} of table {rule.name!r} must be {field_type.value}, got {value!r:.80}"
        return None
    if not (value is None or _is_text(value) or _is_integer(value) or _is_bool(value)):
        return f"unknown field {name!r} must be text, integer, boolean or null"
    return None
