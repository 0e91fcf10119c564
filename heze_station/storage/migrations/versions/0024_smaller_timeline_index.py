"""A smaller index of the timeline by case: the case id alone, without a second copy of every event's time.

A case's timeline is a handful of events (tens at most), sorted by time once they are found by case; the time in the
index only repeated what the table holds (about 130 bytes a case on a 100,000-case station).

Revision ID: 0024
Revises: 0021
Create Date: 2026-12-04
"""

from alembic import op

revision = "0024"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_timeline_event_case_id", "timeline_event", ["case_id"], unique=False)
    op.drop_index("ix_timeline_event_case_id_at", table_name="timeline_event")


def downgrade() -> None:
    op.create_index("ix_timeline_event_case_id_at", "timeline_event", ["case_id", "at"], unique=False)
    op.drop_index("ix_timeline_event_case_id", table_name="timeline_event")
