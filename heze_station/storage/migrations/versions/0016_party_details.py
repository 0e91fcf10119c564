"""What the documents say about the parties, how documents were served, and the oral application's signature.

person.ethnicity; case_claimant.post and service_address (工种/岗位, 送达地址 on this case), the worker's specially
authorised agent (agent_id, agent_authority) and the applicant's signature of an oral application record
(application_signed_at, application_signature_id: the pad's image or the scan of the signed paper);
agreement.employer_sealed_at (the employer's own seal, when it is a company), frozen with the other terms once the
agreement is in effect; service_record: one proof of service (送达回证) per recipient of an issued document.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

import importlib

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


# The terms of 0003's agreement_in_effect_frozen as 0015 left them (with the subject and the medical part); this
# revision adds employer_sealed_at.
_0015 = importlib.import_module("heze_station.storage.migrations.versions.0015_agreement_subject")
_FROZEN_TERMS = (*_0015._0003._FROZEN_TERMS, *_0015._NEW_TERMS)


def _freeze(terms: tuple[str, ...]) -> None:
    """(Re)create 0003's trigger that refuses any change of an agreement in effect but its being superseded."""
    changed = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in terms)
    op.execute("DROP TRIGGER agreement_in_effect_frozen")
    op.execute(
        "CREATE TRIGGER agreement_in_effect_frozen BEFORE UPDATE ON agreement "
        f"WHEN OLD.state != 'draft' AND ({changed} OR NOT (NEW.state = OLD.state OR NEW.state = 'superseded')) "
        "BEGIN SELECT RAISE(ABORT, 'an agreement in effect cannot be changed'); END"
    )


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("ethnicity", sa.String(length=20), nullable=False, server_default=""))
    with op.batch_alter_table("case_claimant") as batch:
        batch.add_column(sa.Column("post", sa.String(length=50), nullable=False, server_default=""))
        batch.add_column(sa.Column("service_address", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("agent_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("agent_authority", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("application_signed_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("application_signature_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(batch.f("fk_case_claimant_agent_id_person"), "person", ["agent_id"], ["id"])
        batch.create_foreign_key(
            batch.f("fk_case_claimant_application_signature_id_attachment"),
            "attachment",
            ["application_signature_id"],
            ["id"],
        )
    with op.batch_alter_table("agreement") as batch:
        batch.add_column(sa.Column("employer_sealed_at", UtcDateTime(), nullable=True))
    _freeze((*_FROZEN_TERMS, "employer_sealed_at"))
    op.create_table(
        "service_record",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("employer_id", sa.Uuid(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("proxy_name", sa.String(length=50), nullable=False),
        sa.Column("proxy_relation", sa.String(length=50), nullable=False),
        sa.Column("witnesses", sa.String(length=200), nullable=False),
        sa.Column("tracking_number", sa.String(length=50), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("served_by_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_service_record_case_id_case_file")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["issued_document.id"], name=op.f("fk_service_record_document_id_issued_document")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_service_record_person_id_person")),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"], name=op.f("fk_service_record_employer_id_employer")),
        sa.ForeignKeyConstraint(
            ["served_by_id"], ["staff_user.id"], name=op.f("fk_service_record_served_by_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_record")),
    )
    with op.batch_alter_table("service_record") as batch:
        batch.create_index(batch.f("ix_service_record_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("service_record") as batch:
        batch.drop_index(batch.f("ix_service_record_case_id"))
    op.drop_table("service_record")
    _freeze(_FROZEN_TERMS)
    with op.batch_alter_table("agreement") as batch:
        batch.drop_column("employer_sealed_at")
    with op.batch_alter_table("case_claimant") as batch:
        batch.drop_constraint("fk_case_claimant_application_signature_id_attachment", type_="foreignkey")
        batch.drop_constraint("fk_case_claimant_agent_id_person", type_="foreignkey")
        for column in (
            "application_signature_id",
            "application_signed_at",
            "agent_authority",
            "agent_id",
            "service_address",
            "post",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("person") as batch:
        batch.drop_column("ethnicity")
