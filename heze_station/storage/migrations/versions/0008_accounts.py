"""Station accounts: a password and a disabled time per account; the committees a station's documents name.

Accounts made before sign-in existed keep an empty password: the first start after the upgrade asks for the
administrator's password (services.accounts). The committees start empty (the mediation committee) or with the
city's arbitration committee, the one the documents named until now.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_CITY_ARBITRATION_COMMITTEE = "菏泽市劳动人事争议仲裁委员会"


def upgrade() -> None:
    with op.batch_alter_table("staff_user") as batch:
        batch.add_column(sa.Column("password_hash", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("disabled_at", UtcDateTime(), nullable=True))
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("mediation_committee", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(
            sa.Column(
                "arbitration_committee",
                sa.String(length=100),
                nullable=False,
                server_default=_CITY_ARBITRATION_COMMITTEE,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.drop_column("arbitration_committee")
        batch.drop_column("mediation_committee")
    with op.batch_alter_table("staff_user") as batch:
        batch.drop_column("disabled_at")
        batch.drop_column("password_hash")
