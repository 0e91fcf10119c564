"""The supervision web page: supervisor accounts, their sessions, the district a station belongs to, and an index
that reads one synced table across every station (the city's figures).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from heze_station.server.models import Moment

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("district", sa.String(50), nullable=True))
    op.create_table(
        "supervisor_account",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", Moment(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supervisor_account"),
        sa.UniqueConstraint("name", name="uq_supervisor_account_name"),
    )
    op.create_table(
        "web_session",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("supervisor_id", sa.Uuid(), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("expires_at", Moment(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor_account.id"], name="fk_web_session_supervisor_id_supervisor_account"
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_session"),
    )
    op.create_index("ix_web_session_supervisor_id", "web_session", ["supervisor_id"])
    op.create_index("ix_sync_row_table", "sync_row", ["table_name", "station_id"])


def downgrade() -> None:
    op.drop_index("ix_sync_row_table", table_name="sync_row")
    op.drop_index("ix_web_session_supervisor_id", table_name="web_session")
    op.drop_table("web_session")
    op.drop_table("supervisor_account")
    with op.batch_alter_table("station") as batch:
        batch.drop_column("district")
