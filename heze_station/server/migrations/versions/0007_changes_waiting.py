"""device.changes_waiting(_at): the changes a device has typed that the city has not received yet, as it last
reported them on a sync request, for the supervision page's stations.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from heze_station.server.models import Moment

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("changes_waiting", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("changes_waiting_at", Moment(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("changes_waiting_at")
        batch.drop_column("changes_waiting")
