"""Times stored as whole microseconds since 1970 in UTC instead of SQLite's DATETIME text.

'2021-12-06 00:32:20.000000' took 26 bytes; the same moment as an integer takes 8 (storage/types.UtcDateTime). A
case carries about 50 of them across its rows and the indexes on them, about 800 bytes of a 100,000-case station's
6,400 per case. The columns keep their DATETIME declaration: SQLite gives it NUMERIC affinity, which keeps an integer
as it is, so no table is copied. Every text time is rewritten in place, in one pass a table; the append-only and
frozen-row triggers are set aside for that pass (they would refuse it) and put back as they were.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-04
"""

from alembic import op

from heze_station.storage.migrations.in_place import rewrite_columns

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def _to_microseconds(column: str) -> str:
    # The fraction padded to six digits: every program version wrote six, padding is for a hand-edited file.
    fraction = f"CAST(substr(substr({column}, 21) || '000000', 1, 6) AS INTEGER)"
    return f"CASE WHEN typeof({column}) = 'text' THEN unixepoch({column}) * 1000000 + {fraction} ELSE {column} END"


def _to_text(column: str) -> str:
    whole = f"strftime('%Y-%m-%d %H:%M:%S', {column} / 1000000, 'unixepoch')"
    return (
        f"CASE WHEN typeof({column}) = 'integer' THEN {whole} || printf('.%06d', {column} % 1000000) ELSE {column} END"
    )


def upgrade() -> None:
    rewrite_columns(op.get_bind(), "DATETIME", _to_microseconds)


def downgrade() -> None:
    rewrite_columns(op.get_bind(), "DATETIME", _to_text)
