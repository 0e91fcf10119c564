"""sync_row.field_writers: the device that last changed each field, so that a device's own earlier edits never
conflict with its later ones (see heze_station/sync/merge.py).

Rows stored before have no writers: their fields count as changed by another device, as before this revision.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from heze_station.server.models import Json

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_row", sa.Column("field_writers", Json, nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    op.drop_column("sync_row", "field_writers")
