"""The periods counted in days whose last day is at rest now end on the next working day (the arbitral review and
judicial confirmation windows, the court's and the committee's periods): their stored deadlines are written again.

The rows are derived (services.deadlines), so they are emptied rather than filled here: the station fills an empty
table on its next opening (services.deadlines.keep_current), as it did after migrations 0022 and 0025.

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-06
"""

from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM case_deadline")


def downgrade() -> None:
    op.execute("DELETE FROM case_deadline")  # filled again by the earlier program's own clocks
