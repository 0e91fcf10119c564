"""Mediation sessions and minutes, attachments, agreements with shares, instalments and signatures, payments,
arbitral review; three case dates for the clocks. Triggers keep minutes and payments append-only and an agreement
in effect unchangeable.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 19:15:47.906716
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
        sa.Column(
            "state",
            sa.Enum("draft", "in_effect", "superseded", name="agreementstate", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("payer_id", sa.Uuid(), nullable=False),
        sa.Column(
            "payer_role",
            sa.Enum("respondent", "general_contractor", name="payerrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "payment_method",
            sa.Enum("bank_transfer", "cash", name="paymentmethod", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("total_fen", sa.Integer(), nullable=False),
        sa.Column("waived_claims", sa.Text(), nullable=False),
        sa.Column("default_clause", sa.Text(), nullable=False),
        sa.Column("other_terms", sa.Text(), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=False),
        sa.Column("drafted_by_id", sa.Uuid(), nullable=False),
        sa.Column("seal_applied_at", UtcDateTime(), nullable=True),
        sa.Column("effective_at", UtcDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_agreement_case_id_case_file")),
        sa.ForeignKeyConstraint(
            ["drafted_by_id"], ["staff_user.id"], name=op.f("fk_agreement_drafted_by_id_staff_user")
        ),
        sa.ForeignKeyConstraint(["payer_id"], ["employer.id"], name=op.f("fk_agreement_payer_id_employer")),
        sa.ForeignKeyConstraint(["supersedes_id"], ["agreement.id"], name=op.f("fk_agreement_supersedes_id_agreement")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index("ix_agreement_case_id_state", ["case_id", "state"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "photo",
                "scan",
                "receipt",
                "signature",
                "arbitral_document",
                name="attachmentkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["staff_user.id"], name=op.f("fk_attachment_added_by_id_staff_user")),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_attachment_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "mediation_session",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("held_at", UtcDateTime(), nullable=False),
        sa.Column(
            "place_kind",
            sa.Enum("station", "site", "other", name="placekind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("mediators", sa.String(length=200), nullable=False),
        sa.Column("recorder", sa.String(length=50), nullable=False),
        sa.Column("worker_side", sa.String(length=500), nullable=False),
        sa.Column("employer_side", sa.String(length=500), nullable=False),
        sa.Column("identity_checked", sa.Boolean(), nullable=False),
        sa.Column("rights_notified", sa.Boolean(), nullable=False),
        sa.Column("recusal_note", sa.String(length=500), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=False),
        sa.Column("signed_at", UtcDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_mediation_session_case_id_case_file")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff_user.id"], name=op.f("fk_mediation_session_recorded_by_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_session")),
    )
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mediation_session_case_id"), ["case_id"], unique=False)

    op.create_table(
        "agreement_instalment",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_instalment_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_instalment")),
    )
    with op.batch_alter_table("agreement_instalment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_instalment_agreement_id"), ["agreement_id"], unique=False)

    op.create_table(
        "agreement_share",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("bank", sa.String(length=50), nullable=False),
        sa.Column("account_number", sa.String(length=30), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_share_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_agreement_share_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_share")),
    )
    with op.batch_alter_table("agreement_share", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_share_agreement_id"), ["agreement_id"], unique=False)

    op.create_table(
        "agreement_signature",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "worker",
                "agent",
                "representative",
                "employer_handler",
                "mediator",
                name="signerrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("signed_at", UtcDateTime(), nullable=False),
        sa.Column("image_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_signature_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["image_id"], ["attachment.id"], name=op.f("fk_agreement_signature_image_id_attachment")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_agreement_signature_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_signature")),
    )
    with op.batch_alter_table("agreement_signature", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_signature_agreement_id"), ["agreement_id"], unique=False)

    op.create_table(
        "arbitral_review",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_arbitral_review_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_arbitral_review_case_id_case_file")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arbitral_review")),
        sa.UniqueConstraint("agreement_id", name=op.f("uq_arbitral_review_agreement_id")),
    )
    with op.batch_alter_table("arbitral_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_arbitral_review_case_id"), ["case_id"], unique=False)

    op.create_table(
        "minute_entry",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "worker_statement",
                "employer_statement",
                "proposal",
                "outcome",
                "correction",
                name="minutekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("speaker", sa.String(length=50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Uuid(), nullable=True),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["corrects_id"], ["minute_entry.id"], name=op.f("fk_minute_entry_corrects_id_minute_entry")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["mediation_session.id"], name=op.f("fk_minute_entry_session_id_mediation_session")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minute_entry")),
    )
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minute_entry_session_id"), ["session_id"], unique=False)

    op.create_table(
        "payment",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column(
            "method",
            sa.Enum("bank_transfer", "cash", name="paymentmethod", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], name=op.f("fk_payment_agreement_id_agreement")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff_user.id"], name=op.f("fk_payment_recorded_by_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_agreement_id"), ["agreement_id"], unique=False)

    # Plain ADD COLUMN, not batch: a batch copy of case_file would drop its search trigger.
    op.add_column("case_file", sa.Column("mediation_extended_to", sa.Date(), nullable=True))
    op.add_column("case_file", sa.Column("notice_served_on", sa.Date(), nullable=True))
    op.add_column("case_file", sa.Column("limitation_restarts_on", sa.Date(), nullable=True))
    _create_triggers()


def downgrade() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_column("limitation_restarts_on")
        batch_op.drop_column("notice_served_on")
        batch_op.drop_column("mediation_extended_to")

    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_agreement_id"))

    op.drop_table("payment")
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minute_entry_session_id"))

    op.drop_table("minute_entry")
    with op.batch_alter_table("arbitral_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_arbitral_review_case_id"))

    op.drop_table("arbitral_review")
    with op.batch_alter_table("agreement_signature", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_signature_agreement_id"))

    op.drop_table("agreement_signature")
    with op.batch_alter_table("agreement_share", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_share_agreement_id"))

    op.drop_table("agreement_share")
    with op.batch_alter_table("agreement_instalment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_instalment_agreement_id"))

    op.drop_table("agreement_instalment")
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediation_session_case_id"))

    op.drop_table("mediation_session")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_owner_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_case_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_case_id_state")

    op.drop_table("agreement")


# Evidence and money are never rewritten: minutes and payments only grow (a mistake is a new correcting entry),
# and an agreement in effect, with its shares, instalments and signatures, is frozen (a change is a new agreement).
# The one update allowed on an agreement in effect is to mark it superseded by its successor.
_FROZEN_TERMS = (
    "case_id",
    "supersedes_id",
    "agreed_on",
    "payer_id",
    "payer_role",
    "payment_method",
    "total_fen",
    "waived_claims",
    "default_clause",
    "other_terms",
    "originals",
    "seal_applied_at",
    "effective_at",
    "deleted_at",
)
_CHILDREN = ("agreement_share", "agreement_instalment", "agreement_signature")
TRIGGERS = (
    *(f"{table}_no_{verb}" for table in ("minute_entry", "payment") for verb in ("update", "delete")),
    "agreement_in_effect_frozen",
    "agreement_in_effect_not_deleted",
    *(f"{table}_{verb}_frozen" for table in _CHILDREN for verb in ("insert", "update", "delete")),
)


def _create_triggers() -> None:
    for table in ("minute_entry", "payment"):
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
            )
    changed = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in _FROZEN_TERMS)
    op.execute(
        "CREATE TRIGGER agreement_in_effect_frozen BEFORE UPDATE ON agreement "
        f"WHEN OLD.state != 'draft' AND ({changed} OR NOT (NEW.state = OLD.state OR NEW.state = 'superseded')) "
        "BEGIN SELECT RAISE(ABORT, 'an agreement in effect cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER agreement_in_effect_not_deleted BEFORE DELETE ON agreement WHEN OLD.state != 'draft' "
        "BEGIN SELECT RAISE(ABORT, 'an agreement in effect cannot be changed'); END"
    )
    for table in _CHILDREN:
        for verb, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            op.execute(
                f"CREATE TRIGGER {table}_{verb.lower()}_frozen BEFORE {verb} ON {table} "
                f"WHEN (SELECT state FROM agreement WHERE id = {row}.agreement_id) != 'draft' "
                "BEGIN SELECT RAISE(ABORT, 'an agreement in effect cannot be changed'); END"
            )
