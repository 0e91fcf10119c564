"""city_certificate, revoked_certificate: the city's document-signing roots and revoked device certificates.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "city_certificate",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_city_certificate")),
    )
    op.create_table(
        "revoked_certificate",
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("serial", name=op.f("pk_revoked_certificate")),
    )


def downgrade() -> None:
    op.drop_table("revoked_certificate")
    op.drop_table("city_certificate")
