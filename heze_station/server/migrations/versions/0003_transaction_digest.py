"""applied_transaction.digest: a replay is recognised by the whole content of its transaction (ingest.digest).

Answers stored before have no digest and are recognised by their ids, as before this revision.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("applied_transaction", sa.Column("digest", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("applied_transaction", "digest")
