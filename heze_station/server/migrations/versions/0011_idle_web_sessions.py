"""web_session.seen_at: a supervisor's session ends after half an hour without a page, as well as after a working
day. The sessions open at the upgrade end with it (their last page is not known): supervisors sign in again once.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from heze_station.server.models import Moment

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text("DELETE FROM web_session"))
    with op.batch_alter_table("web_session") as batch:
        batch.add_column(sa.Column("seen_at", Moment(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("web_session") as batch:
        batch.drop_column("seen_at")
