"""Where the agreement will pay each worker, as the roster or the worker gave it at intake: case_claimant.bank
(开户行) and account_number (账号), which prefill the agreement's shares. The account is personal data: it lives only
in the encrypted database and is shown masked until revealed, like the ID number and the phone.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_claimant") as batch:
        batch.add_column(sa.Column("bank", sa.String(length=50), nullable=False, server_default=""))
        batch.add_column(sa.Column("account_number", sa.String(length=30), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("case_claimant") as batch:
        batch.drop_column("account_number")
        batch.drop_column("bank")
