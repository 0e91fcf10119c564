"""wage_clue, clue_record: the wage-arrears clues the city forwards to the station, and what the station did.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

STEPS = ("received", "verifying", "employer_contacted", "settled", "case_opened", "unsubstantiated", "to_inspection")


def _bookkeeping() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "wage_clue",
        sa.Column("platform_ref", sa.String(length=64), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("worker_name", sa.String(length=50), nullable=False),
        sa.Column("worker_phone", sa.String(length=20), nullable=False),
        sa.Column("employer_name", sa.String(length=100), nullable=False),
        sa.Column("project_name", sa.String(length=100), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        *_bookkeeping(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wage_clue")),
    )
    op.create_table(
        "clue_record",
        sa.Column("clue_id", sa.Uuid(), nullable=False),
        sa.Column("step", sa.Enum(*STEPS, name="cluestep", native_enum=False, length=32), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("contacted_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("recovered_fen", sa.Integer(), nullable=False),
        sa.Column("workers_paid", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("called_back_on", sa.Date(), nullable=True),
        sa.Column("callback_note", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(["clue_id"], ["wage_clue.id"], name=op.f("fk_clue_record_clue_id_wage_clue")),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_clue_record_case_id_case_file")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff_user.id"], name=op.f("fk_clue_record_updated_by_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clue_record")),
    )
    op.create_index(op.f("ix_clue_record_clue_id"), "clue_record", ["clue_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_clue_record_clue_id"), table_name="clue_record")
    op.drop_table("clue_record")
    op.drop_table("wage_clue")
