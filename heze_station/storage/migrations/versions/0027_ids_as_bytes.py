"""Ids stored as their 16 bytes instead of 32 hex digits (storage/types.BinaryUuid).

An id is written about 70 times a case: in its own row, in the rows that point at it and in the indexes on both.
Half those bytes is about 1,100 of a 100,000-case station's 6,000 per case. The columns keep their CHAR(32)
declaration: SQLite keeps a blob as it is whatever the declaration, so no table is copied. Every id is rewritten in
place, one pass a table; the append-only and frozen-row triggers are set aside for that pass (they would refuse it)
and put back as they were, and the foreign keys are checked once, at the end, when both sides have their new form.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05
"""

from alembic import op

from heze_station.storage.migrations.in_place import rewrite_columns

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def _to_bytes(column: str) -> str:
    return f"CASE WHEN typeof({column}) = 'text' THEN unhex({column}) ELSE {column} END"


def _to_hex(column: str) -> str:
    return f"CASE WHEN typeof({column}) = 'blob' THEN lower(hex({column})) ELSE {column} END"


def upgrade() -> None:
    rewrite_columns(op.get_bind(), "CHAR(32)", _to_bytes)


def downgrade() -> None:
    rewrite_columns(op.get_bind(), "CHAR(32)", _to_hex)
