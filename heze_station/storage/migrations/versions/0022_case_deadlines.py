"""Each open case's running clocks, stored so the workbench reads by index the cases that may need attention today.

``case_deadline`` is derived from the cases' rows and the calendar (services.deadlines) and never synced; it is
filled for the cases already in the database when the station next opens (services.deadlines.keep_current), by
the program's own computation, as every change keeps it.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("attention_on", sa.Date(), nullable=False),
        sa.Column("attention_until", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_deadline_case_id", "case_deadline", ["case_id"])
    op.create_index("ix_case_deadline_attention_on", "case_deadline", ["attention_on", "attention_until", "case_id"])
    # Left empty: the clocks are the services' (storage does not know them), and the station fills an empty table
    # on its next opening (services.deadlines.keep_current).


def downgrade() -> None:
    op.drop_table("case_deadline")
