"""The number of live cases in each status, kept by triggers (storage.models.CaseStatusCount); the index of live
cases by status holds their ids.

The workbench counted the cases of each status, and the case list its unfiltered total, by reading an index entry
of every case: on a 100,000-case station about 800 pages, each decrypted on a cold start. Triggers on case_file keep
the counts in the transaction of every change, whoever makes it (the services, a pull, a migration), as the search
index's trigger of 0002 does for deleted cases. The workbench's other read by status, the cases whose agreement is
being performed, took each one's id from its row (about 400 more pages); the index now holds it.

A later migration that copies case_file (Alembic's batch mode) must create TRIGGERS again; an INSERT OR REPLACE into
case_file would not count the row it replaces (no code writes one).

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def _count_in(row: str) -> str:
    return (
        f"INSERT INTO case_status_count (status, live) SELECT {row}.status, 1 WHERE {row}.deleted_at IS NULL "
        "ON CONFLICT (status) DO UPDATE SET live = live + 1;"
    )


def _count_out(row: str) -> str:
    # A status no live case stands in has no row, as the upgrade's count leaves it.
    return (
        f"UPDATE case_status_count SET live = live - 1 WHERE status = {row}.status AND {row}.deleted_at IS NULL; "
        "DELETE FROM case_status_count WHERE live = 0;"
    )


TRIGGERS = {
    "case_file_counted_in": f"AFTER INSERT ON case_file BEGIN {_count_in('NEW')} END",
    "case_file_counted_out": f"AFTER DELETE ON case_file BEGIN {_count_out('OLD')} END",
    "case_file_counted_again": (
        "AFTER UPDATE OF status, deleted_at ON case_file "
        "WHEN OLD.status IS NOT NEW.status OR OLD.deleted_at IS NOT NEW.deleted_at "
        f"BEGIN {_count_out('OLD')} {_count_in('NEW')} END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "case_status_count",
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("live", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("status", name=op.f("pk_case_status_count")),
    )
    op.execute(
        "INSERT INTO case_status_count (status, live) "
        "SELECT status, count(*) FROM case_file WHERE deleted_at IS NULL GROUP BY status"
    )
    for name, definition in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {definition}")
    _live_status_index("status", "id")


def downgrade() -> None:
    _live_status_index("status")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("case_status_count")


def _live_status_index(*columns: str) -> None:
    op.drop_index("ix_case_file_live_status", table_name="case_file")
    op.create_index("ix_case_file_live_status", "case_file", list(columns), sqlite_where=sa.text("deleted_at IS NULL"))
