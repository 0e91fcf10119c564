"""The timeline, people and evidence stored by their ids (``WITHOUT ROWID``); the timeline's index on time dropped.

A table keyed by a UUID kept each row under a hidden rowid, and its ids again in an index that maps them to it;
stored by the id, the index goes. Indexes on other columns then hold the 16-byte id instead of the rowid, so only
the tables with one such index gain: on a 100,000-case station the timeline (4.8 rows a case) takes about 150 bytes a
case less, people and evidence about 35 and 30.

The timeline's index on time served one read, the workbench's recent activity across cases. Its entries' ids are
made from the moment they record (services.timeline.add), so the table's own order is that order: the list reads
the last rows of the table. Entries written before, on a station, were made at the moment they record; the demo's
made-up past was not, and its recent activity may list some of its entries out of order.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-06
"""

from alembic import op

from heze_station.storage.migrations.rebuild import store_by_key

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

TABLES = ("timeline_event", "person", "evidence")


def upgrade() -> None:
    op.drop_index("ix_timeline_event_at", table_name="timeline_event")
    for table in TABLES:
        store_by_key(op.get_bind(), table, by_key=True)


def downgrade() -> None:
    for table in TABLES:
        store_by_key(op.get_bind(), table, by_key=False)
    op.create_index("ix_timeline_event_at", "timeline_event", ["at"])
