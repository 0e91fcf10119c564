"""device.audit_*: the head of each laptop's audit trail as last reported, and a report that did not continue it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from heze_station.server.models import Moment

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("device", sa.Column("audit_seq", sa.BigInteger(), nullable=True))
    op.add_column("device", sa.Column("audit_hash", sa.String(64), nullable=True))
    op.add_column("device", sa.Column("audit_mismatch_since", Moment(), nullable=True))


def downgrade() -> None:
    for column in ("audit_mismatch_since", "audit_hash", "audit_seq"):
        op.drop_column("device", column)
