"""Cases assigned to another station made whole: a server before this one shared only the rows that name the case,
so the instalments, payments and minutes under an agreement or a session that one station made never reached the
other, nor the people and employers new rows named (the other station's sync stopped on such an agreement).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from alembic import op
from sqlalchemy.orm import Session

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from heze_station.server.assignment import make_assigned_cases_whole

    make_assigned_cases_whole(Session(bind=op.get_bind()))


def downgrade() -> None:
    pass  # the rows granted stay granted: both stations share the case, as they should have
