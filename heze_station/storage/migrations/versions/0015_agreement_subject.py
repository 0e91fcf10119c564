"""agreement.subject, agreement.medical_fen: what an agreement's sum is for, where the category does not say it.

An "other" dispute names what is paid (e.g. 未休年休假工资); a work-injury agreement gives the part of its sum that
is 工伤医疗费, the part a court can order paid (LDMAL 16). Both are terms: frozen with the rest once in effect, so
the trigger of 0003 is made again with them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_0003 = importlib.import_module("heze_station.storage.migrations.versions.0003_mediation_agreements_payments")
_NEW_TERMS = ("subject", "medical_fen")


def _frozen_trigger(terms: tuple[str, ...]) -> None:
    """0003's agreement_in_effect_frozen, over ``terms``."""
    changed = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in terms)
    op.execute("DROP TRIGGER agreement_in_effect_frozen")
    op.execute(
        "CREATE TRIGGER agreement_in_effect_frozen BEFORE UPDATE ON agreement "
        f"WHEN OLD.state != 'draft' AND ({changed} OR NOT (NEW.state = OLD.state OR NEW.state = 'superseded')) "
        "BEGIN SELECT RAISE(ABORT, 'an agreement in effect cannot be changed'); END"
    )


def upgrade() -> None:
    # Plain ADD COLUMN, not batch: a batch copy of agreement would drop its triggers.
    op.add_column("agreement", sa.Column("subject", sa.Text(), nullable=False, server_default=""))
    op.add_column("agreement", sa.Column("medical_fen", sa.Integer(), nullable=True))
    _frozen_trigger((*_0003._FROZEN_TERMS, *_NEW_TERMS))


def downgrade() -> None:
    _frozen_trigger(_0003._FROZEN_TERMS)
    for trigger in _0003.TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_column("medical_fen")
        batch_op.drop_column("subject")
    _0003._create_triggers()
