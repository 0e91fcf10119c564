"""The ledger's follow-ups (台账跟进): a visit, a rectification asked, a rectification done, per employer or project;
append-only and synced, so the city sees what the station did about each name on its ledger. And an index that
covers what the ledger counts of a case, so the ledger of 100,000 cases reads the index, not the cases' pages.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


LEDGER_INDEX = ("id", "deleted_at", "status", "received_on", "is_collective", "claimed_total_fen")


def upgrade() -> None:
    op.create_index("ix_case_file_ledger", "case_file", list(LEDGER_INDEX))
    op.create_table(
        "ledger_follow_up",
        sa.Column("employer_id", sa.Uuid(), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("visit", "rectification_asked", "rectified", name="followupkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("done_by", sa.String(length=50), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_ledger_follow_up_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"], name=op.f("fk_ledger_follow_up_project_id_project")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff_user.id"], name=op.f("fk_ledger_follow_up_recorded_by_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_follow_up")),
    )
    op.create_index("ix_ledger_follow_up_employer_id", "ledger_follow_up", ["employer_id"])
    op.create_index("ix_ledger_follow_up_project_id", "ledger_follow_up", ["project_id"])
    # What was done is a record the city relies on: never rewritten or deleted, only followed by a newer one.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER ledger_follow_up_no_{verb.lower()} BEFORE {verb} ON ledger_follow_up "
            "BEGIN SELECT RAISE(ABORT, 'follow-ups are never changed'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER ledger_follow_up_no_delete")
    op.execute("DROP TRIGGER ledger_follow_up_no_update")
    op.drop_index("ix_ledger_follow_up_project_id", table_name="ledger_follow_up")
    op.drop_index("ix_ledger_follow_up_employer_id", table_name="ledger_follow_up")
    op.drop_table("ledger_follow_up")
    op.drop_index("ix_case_file_ledger", table_name="case_file")
