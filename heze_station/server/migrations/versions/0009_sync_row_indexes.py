"""Drop two indexes of sync_row that no query needs; each cost every push's sync_row insert one index entry per
row. EXPLAIN on the city benchmark's data, with and without them, found the same plans and times:

- ix_sync_row_station_table (station, table): one table of given stations is read through ix_sync_row_table
  (table, station), all of a station's rows through ix_sync_row_station_feed;
- ix_sync_row_feed (xid, seq): the change feed is only ever read one station's scope at a time (feed.scope_parts),
  through ix_sync_row_station_feed (NULL for the city's rows) or the grants; the newest position comes from the
  unique change_seq.

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
    op.drop_index("ix_sync_row_feed", table_name="sync_row")


def downgrade() -> None:
    op.create_index("ix_sync_row_feed", "sync_row", ["change_xid", "change_seq"])
    op.create_index("ix_sync_row_station_table", "sync_row", ["station_id", "table_name"])
