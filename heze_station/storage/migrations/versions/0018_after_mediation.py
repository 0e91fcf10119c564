"""after_step: the payment order, judicial confirmation, arbitration or labour inspection after mediation;
case_witness: the witnesses a referral to arbitration names.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "after_step",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("agreement_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "payment_order",
                "judicial_confirmation",
                "arbitration",
                "inspection",
                name="stepkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("extended_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "paid",
                "objection_litigation",
                "objection_arbitration",
                "enforcement_applied",
                "confirmed",
                "not_confirmed",
                "not_accepted",
                "awarded",
                "settled",
                "concluded",
                name="stepoutcome",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], name=op.f("fk_after_step_agreement_id_agreement")),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_after_step_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_after_step")),
    )
    with op.batch_alter_table("after_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_after_step_case_id"), ["case_id"], unique=False)
    op.create_table(
        "case_witness",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("testimony", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_case_witness_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_witness")),
    )
    with op.batch_alter_table("case_witness", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_witness_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_witness", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_witness_case_id"))
    op.drop_table("case_witness")
    with op.batch_alter_table("after_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_after_step_case_id"))
    op.drop_table("after_step")
