"""Counting cases by status reads an index only: the workbench's counts no longer read (and, encrypted, decrypt)
every case's page at start.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_case_file_live_status", "case_file", ["status"], unique=False, sqlite_where=sa.text("deleted_at IS NULL")
    )


def downgrade() -> None:
    op.drop_index("ix_case_file_live_status", table_name="case_file")
