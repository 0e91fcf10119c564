"""device.certificate_*: the document-signing certificate the city's authority issued the device at enrolment.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("certificate_serial", sa.String(40), nullable=True))
        batch.add_column(sa.Column("certificate_pem", sa.Text(), nullable=True))
        batch.create_unique_constraint("uq_device_certificate_serial", ["certificate_serial"])


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_constraint("uq_device_certificate_serial", type_="unique")
        batch.drop_column("certificate_pem")
        batch.drop_column("certificate_serial")
