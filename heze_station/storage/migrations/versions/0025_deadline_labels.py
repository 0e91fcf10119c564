"""Each stored deadline keeps its clock's label, so the workbench shows the stored deadlines as they are (the
mediation period extended, the arbitral award's 45 + 15 days, the limitation running again) without computing each
case's clocks at start.

The rows are derived (services.deadlines), so they are emptied rather than filled here: the station fills an empty
table, labels included, on its next opening (services.deadlines.keep_current), as it did after migration 0022.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM case_deadline")
    with op.batch_alter_table("case_deadline") as batch:
        batch.add_column(sa.Column("label", sa.String(length=80), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("case_deadline") as batch:
        batch.drop_column("label")
