"""Calendar days stored as the number of days since 1970-01-01 instead of their ISO text (storage/types.DateAsDays).

'2021-12-03' took 10 bytes; the same day as an integer takes 2. A case holds about a dozen days across its rows and
the indexes on them, about 100 bytes of a 100,000-case station's 4,700 per case. The columns keep their DATE
declaration: SQLite gives it NUMERIC affinity, which keeps an integer as it is, so no table is copied. Every text day
is rewritten in place, one pass a table, as migration 0026 did the times.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05
"""

from alembic import op

from heze_station.storage.migrations.in_place import rewrite_columns

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def _to_days(column: str) -> str:
    return f"CASE WHEN typeof({column}) = 'text' THEN unixepoch({column}) / 86400 ELSE {column} END"


def _to_text(column: str) -> str:
    return f"CASE WHEN typeof({column}) = 'integer' THEN date({column} * 86400, 'unixepoch') ELSE {column} END"


def upgrade() -> None:
    rewrite_columns(op.get_bind(), "DATE", _to_days)


def downgrade() -> None:
    rewrite_columns(op.get_bind(), "DATE", _to_text)
