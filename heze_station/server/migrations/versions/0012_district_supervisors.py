"""supervisor_account.district: a district bureau's supervisor sees that district's stations only. The accounts
made before see the whole city, as they did.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("supervisor_account") as batch:
        batch.add_column(sa.Column("district", sa.String(50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("supervisor_account") as batch:
        batch.drop_column("district")
