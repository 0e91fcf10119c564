"""Fewer pages read for the timeline and the search: a smaller index of the timeline by case, and the search key
in the case list's time index.

- The timeline's index by case holds the case id alone: a case's timeline is a handful of events (tens at most),
  sorted by time once they are found, so the time in the index only repeated what the table holds (about 130
  bytes a case on a 100,000-case station).
- The case list's index by registration time also holds the search key: a search that matches many cases walks
  this index and tests each case against the matching keys, which it can now do from the index alone, reading (and
  decrypting) only the pages of the cases on the page it shows.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

_LIVE = sa.text("deleted_at IS NULL")


def _registered_at_index(*columns: str) -> None:
    op.drop_index("ix_case_file_registered_at", table_name="case_file")
    op.create_index("ix_case_file_registered_at", "case_file", list(columns), unique=False, sqlite_where=_LIVE)


def upgrade() -> None:
    op.create_index("ix_timeline_event_case_id", "timeline_event", ["case_id"], unique=False)
    op.drop_index("ix_timeline_event_case_id_at", table_name="timeline_event")
    _registered_at_index("registered_at", "search_key")


def downgrade() -> None:
    op.create_index("ix_timeline_event_case_id_at", "timeline_event", ["case_id", "at"], unique=False)
    op.drop_index("ix_timeline_event_case_id", table_name="timeline_event")
    _registered_at_index("registered_at")
