"""Instant case search: a trigram index and a short-query index, keyed by a new case_file.search_key.

Existing cases are indexed when the program opens the file (storage.search.index_unindexed), with the same code
that indexes every new case, rather than by SQL here that would have to repeat it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN and CREATE INDEX: SQLite does both in place, no table copy needed.
    op.add_column("case_file", sa.Column("search_key", sa.Integer(), nullable=True))
    op.create_index("uq_case_file_search_key", "case_file", ["search_key"], unique=True)
    op.execute("CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize='trigram')")
    op.execute(
        "CREATE VIRTUAL TABLE case_search_short USING fts5(grams, content='', contentless_delete=1, tokenize='ascii')"
    )
    # A deleted case leaves both indexes whoever deletes it, so a count from the index alone stays right.
    op.execute(
        "CREATE TRIGGER case_file_deleted_leaves_search AFTER UPDATE OF deleted_at ON case_file "
        "WHEN NEW.deleted_at IS NOT NULL AND NEW.search_key IS NOT NULL BEGIN "
        "DELETE FROM case_search WHERE rowid = NEW.search_key; "
        "DELETE FROM case_search_short WHERE rowid = NEW.search_key; END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER case_file_deleted_leaves_search")
    op.execute("DROP TABLE case_search_short")
    op.execute("DROP TABLE case_search")
    op.drop_index("uq_case_file_search_key", table_name="case_file")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_column("search_key")
