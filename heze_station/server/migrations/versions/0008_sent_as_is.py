"""sync_row.sent_as_is_by: the device whose write a row's current version is, stored exactly as it sent it, so
that its own pull can leave the row out (it holds it already); NULL for every row written before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable without a default: PostgreSQL adds it without rewriting the table.
    with op.batch_alter_table("sync_row") as batch:
        batch.add_column(sa.Column("sent_as_is_by", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_row") as batch:
        batch.drop_column("sent_as_is_by")
