"""case_file: the limitation facts (employment, suspension) and knew_on unknown until given; payment: the worker
a part of a split payment went to.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# Batch mode copies case_file, which drops its trigger and the WHERE of its partial indexes; both are made again
# afterwards (see 0002, 0006 and 0011).
_CASE_DELETED_TRIGGER = (
    "CREATE TRIGGER case_file_deleted_leaves_search AFTER UPDATE OF deleted_at ON case_file "
    "WHEN NEW.deleted_at IS NOT NULL AND NEW.search_key IS NOT NULL BEGIN "
    "DELETE FROM case_search WHERE rowid = NEW.search_key; "
    "DELETE FROM case_search_short WHERE rowid = NEW.search_key; END"
)
_EMPLOYMENT = sa.Enum("continues", "ended", "unknown", name="employment", native_enum=False, length=32)


def _knew_on(nullable: bool) -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.alter_column("knew_on", existing_type=sa.Date(), nullable=nullable)
    op.execute("DROP TRIGGER IF EXISTS case_file_deleted_leaves_search")
    op.execute(_CASE_DELETED_TRIGGER)


def upgrade() -> None:
    _knew_on(nullable=True)
    # Plain ADD COLUMN, not batch: nothing more to copy.
    op.add_column("case_file", sa.Column("employment", _EMPLOYMENT, nullable=False, server_default="unknown"))
    op.add_column("case_file", sa.Column("employment_ended_on", sa.Date(), nullable=True))
    op.add_column("case_file", sa.Column("limitation_suspended_from", sa.Date(), nullable=True))
    op.add_column("case_file", sa.Column("limitation_suspended_to", sa.Date(), nullable=True))
    op.add_column("case_file", sa.Column("limitation_suspension_reason", sa.Text(), nullable=False, server_default=""))
    # Plain ADD COLUMN keeps payment's append-only triggers, which a batch copy would drop; SQLite takes a foreign
    # key only written into the column, which Alembic does not render.
    op.execute(
        "ALTER TABLE payment ADD COLUMN person_id CHAR(32) "
        "CONSTRAINT fk_payment_person_id_person REFERENCES person (id)"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER payment_no_update")
    op.execute("DROP TRIGGER payment_no_delete")
    with op.batch_alter_table("payment") as batch:
        batch.drop_column("person_id")
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER payment_no_{verb.lower()} BEFORE {verb} ON payment "
            "BEGIN SELECT RAISE(ABORT, 'payment rows are append-only'); END"
        )
    with op.batch_alter_table("case_file") as batch:
        for column in (
            "limitation_suspension_reason",
            "limitation_suspended_to",
            "limitation_suspended_from",
            "employment_ended_on",
            "employment",
        ):
            batch.drop_column(column)
    op.execute("UPDATE case_file SET knew_on = received_on WHERE knew_on IS NULL")
    _knew_on(nullable=False)
