"""Drop ix_sync_row_station_table (station, table): every query it could serve is served as well by another index
(ix_sync_row_table for one table of given stations, ix_sync_row_station_feed for one station's rows), and keeping
it cost every push's sync_row insert one index entry per row.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_sync_row_station_table", table_name="sync_row")


def downgrade() -> None:
    op.create_index("ix_sync_row_station_table", "sync_row", ["station_id", "table_name"])
