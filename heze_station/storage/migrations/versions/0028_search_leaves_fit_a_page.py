"""The search indexes' leaves made small enough to fit one page of the encrypted file.

FTS5 writes its index in leaves of about ``pgsz`` bytes, each a row of its ``_data`` table: 4,050 by default, sized
for a plain 4,096-byte page. SQLCipher keeps 80 bytes of every page for its IV and HMAC, so a row holds at most
3,981 bytes in its page (4,016 usable, less SQLite's 35 of cell overhead); a 4,050-byte leaf put 479 bytes there
and the rest into an overflow page of its own. Nine leaves in ten did, about 100 bytes a case of a 100,000-case
station (measured on bench/cases.py's database).

A leaf may run a little past ``pgsz`` (its last entry), hence the margin. Only leaves written from now on are
smaller: the index's own merging rewrites the old ones as new cases come, and the pages they free are used again.
Rewriting them all at once ('optimize') would first grow the file by a whole second index.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05
"""

from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

LEAF_BYTES = 3900
FTS5_DEFAULT_LEAF_BYTES = 4050


def _leaf_bytes(size: int) -> None:
    for index in ("case_search", "case_search_short"):
        op.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('pgsz', {size})")


def upgrade() -> None:
    _leaf_bytes(LEAF_BYTES)


def downgrade() -> None:
    _leaf_bytes(FTS5_DEFAULT_LEAF_BYTES)
