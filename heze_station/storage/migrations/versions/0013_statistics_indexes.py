"""A period's return reads only the cases it can count, by index: those received in it, those ended in it or
after it (or not yet ended) that were decided by its end, and the money paid or falling due in it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_case_file_received_on", "case_file", ["received_on"]),
    ("ix_case_file_ended_on_decided_on", "case_file", ["ended_on", "decided_on"]),
    ("ix_payment_paid_on", "payment", ["paid_on"]),
    ("ix_agreement_instalment_due_on", "agreement_instalment", ["due_on"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
