"""The outbox: local changes recorded as sync operations, written in the same transaction as the change.

Rows written before this revision have no operations; the first sync of such a station sends them as a baseline
(the sync client's job, issue 6).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_operation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("tx_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(length=60), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_operation")),
        sa.UniqueConstraint("seq", name=op.f("uq_outbox_operation_seq")),
    )
    op.create_index("ix_outbox_operation_tx_id", "outbox_operation", ["tx_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_operation_tx_id", table_name="outbox_operation")
    op.drop_table("outbox_operation")
