"""The city server's first tables: stations, devices and credentials, the generic synced rows and their change
feed, stored push results, attachments.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import uuid

import sqlalchemy as sa
from alembic import op

from heze_station.server.models import Json, Moment

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    setting = op.create_table(
        "server_setting",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    # The database's identity: it changes when the server is replaced by a new, empty one.
    op.bulk_insert(setting, [{"key": "server_id", "value": str(uuid.uuid4())}])
    op.create_table(
        "station",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", Moment(), nullable=False),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("station_id", sa.Uuid(), sa.ForeignKey("station.id"), nullable=True, index=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", Moment(), nullable=False),
        sa.Column("revoked_at", Moment(), nullable=True),
        sa.Column("last_sync_at", Moment(), nullable=True),
        sa.Column("clock_offset_ms", sa.BigInteger(), nullable=True),
        sa.Column("next_seq", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "enrolment_code",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("station_id", sa.Uuid(), sa.ForeignKey("station.id"), nullable=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", Moment(), nullable=False),
        sa.Column("expires_at", Moment(), nullable=False),
        sa.Column("used_at", Moment(), nullable=True),
        sa.Column("device_id", sa.Uuid(), nullable=True),
    )
    op.create_table(
        "access_token",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("device_id", sa.Uuid(), sa.ForeignKey("device.id"), nullable=False, index=True),
        sa.Column("expires_at", Moment(), nullable=False),
    )
    op.create_table(
        "auth_failure",
        sa.Column("client", sa.String(100), primary_key=True),
        sa.Column("window_started_at", Moment(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
    )
    op.create_table(
        "applied_transaction",
        sa.Column("device_id", sa.Uuid(), sa.ForeignKey("device.id"), primary_key=True),
        sa.Column("first_seq", sa.BigInteger(), primary_key=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("tx_id", sa.Uuid(), nullable=False),
        sa.Column("result", Json, nullable=False),
        sa.Column("applied_at", Moment(), nullable=False),
    )
    op.create_table(
        "sync_row",
        sa.Column("row_id", sa.Uuid(), primary_key=True),
        sa.Column("table_name", sa.String(63), nullable=False),
        sa.Column("station_id", sa.Uuid(), sa.ForeignKey("station.id"), nullable=True),
        sa.Column("fields", Json, nullable=False),
        sa.Column("field_versions", Json, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("change_xid", sa.BigInteger(), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False, unique=True),
        sa.Column("changed_at", Moment(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=True),
    )
    op.create_index("ix_sync_row_feed", "sync_row", ["change_xid", "change_seq"])
    op.create_index("ix_sync_row_station_feed", "sync_row", ["station_id", "change_xid", "change_seq"])
    op.create_index("ix_sync_row_station_table", "sync_row", ["station_id", "table_name"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE sync_change_seq")
    op.create_table(
        "row_grant",
        sa.Column("row_id", sa.Uuid(), sa.ForeignKey("sync_row.row_id"), primary_key=True),
        sa.Column("station_id", sa.Uuid(), sa.ForeignKey("station.id"), primary_key=True, index=True),
    )
    op.create_table(
        "unique_value",
        sa.Column("row_id", sa.Uuid(), primary_key=True),
        sa.Column("field_name", sa.String(63), primary_key=True),
        sa.Column("station_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(63), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_index("ix_unique_value_lookup", "unique_value", ["station_id", "table_name", "field_name", "value"])
    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("stored_by", sa.Uuid(), sa.ForeignKey("station.id"), nullable=False),
        sa.Column("created_at", Moment(), nullable=False),
    )
    op.create_table(
        "attachment_upload",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("station_id", sa.Uuid(), sa.ForeignKey("station.id"), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "attachment_chunk",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("station_id", sa.Uuid(), primary_key=True),
        sa.Column("offset", sa.BigInteger(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "attachment_upload",
        "attachment_chunk",
        "attachment",
        "unique_value",
        "row_grant",
        "sync_row",
        "applied_transaction",
        "auth_failure",
        "access_token",
        "enrolment_code",
        "device",
        "station",
        "server_setting",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE sync_change_seq")
