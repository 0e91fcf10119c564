"""The sync client's state: versions last pulled, the station's conflicts, a readable log; unique values relaxed.

Values that are unique within one device (a case number, an ID number, a credit code, a login) can be created
twice on two offline devices. The server keeps both rows and shows the collision to a person (sync.md F6), so the
station must be able to hold both as well: the unique indexes become plain ones, and the services keep refusing
duplicates made on this device.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Batch mode copies case_file, which drops its trigger; it is made again afterwards (see 0002).
_CASE_DELETED_TRIGGER = (
    "CREATE TRIGGER case_file_deleted_leaves_search AFTER UPDATE OF deleted_at ON case_file "
    "WHEN NEW.deleted_at IS NOT NULL AND NEW.search_key IS NOT NULL BEGIN "
    "DELETE FROM case_search WHERE rowid = NEW.search_key; "
    "DELETE FROM case_search_short WHERE rowid = NEW.search_key; END"
)


def upgrade() -> None:
    with op.batch_alter_table("outbox_operation") as batch:
        batch.add_column(sa.Column("resolves", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("acknowledged", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_index("ix_outbox_operation_row_id", ["row_id"])
    op.create_table(
        "replica_version",
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_replica_version")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=63), nullable=True),
        sa.Column("server_value", sa.Text(), nullable=False),
        sa.Column("client_value", sa.Text(), nullable=False),
        sa.Column("client_device_id", sa.String(length=40), nullable=True),
        sa.Column("client_hlc", sa.String(length=60), nullable=True),
        sa.Column("server_changed_at", UtcDateTime(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index("ix_sync_conflict_row_id", "sync_conflict", ["row_id"])
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    op.create_index("ix_sync_log_at", "sync_log", ["at"])
    op.create_table(
        "uploaded_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_uploaded_blob")),
    )

    op.drop_index("uq_person_id_number", table_name="person")
    op.create_index("ix_person_id_number", "person", ["id_number"])
    op.drop_index("uq_employer_credit_code", table_name="employer")
    op.create_index("ix_employer_credit_code", "employer", ["credit_code"])
    with op.batch_alter_table("staff_user") as batch:
        batch.drop_constraint("uq_staff_user_login", type_="unique")
        batch.create_index("ix_staff_user_login", ["login"])
    with op.batch_alter_table("case_file") as batch:
        batch.drop_constraint("uq_case_file_number", type_="unique")
        batch.drop_constraint("uq_case_file_station_year_sequence", type_="unique")
        batch.create_index("ix_case_file_number", ["number"])
    op.execute(_CASE_DELETED_TRIGGER)


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_index("ix_case_file_number")
        batch.create_unique_constraint("uq_case_file_station_year_sequence", ["station_id", "year", "sequence"])
        batch.create_unique_constraint("uq_case_file_number", ["number"])
    op.execute(_CASE_DELETED_TRIGGER)
    with op.batch_alter_table("staff_user") as batch:
        batch.drop_index("ix_staff_user_login")
        batch.create_unique_constraint("uq_staff_user_login", ["login"])
    op.drop_index("ix_employer_credit_code", table_name="employer")
    op.create_index(
        "uq_employer_credit_code", "employer", ["credit_code"], unique=True, sqlite_where=sa.text("deleted_at IS NULL")
    )
    op.drop_index("ix_person_id_number", table_name="person")
    op.create_index(
        "uq_person_id_number", "person", ["id_number"], unique=True, sqlite_where=sa.text("deleted_at IS NULL")
    )
    op.drop_table("uploaded_blob")
    op.drop_index("ix_sync_log_at", table_name="sync_log")
    op.drop_table("sync_log")
    op.drop_index("ix_sync_conflict_row_id", table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_table("replica_version")
    with op.batch_alter_table("outbox_operation") as batch:
        batch.drop_index("ix_outbox_operation_row_id")
        batch.drop_column("acknowledged")
        batch.drop_column("resolves")
