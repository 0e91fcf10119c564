"""Issued documents: every printed or exported document as issued (its hashes, who issued it, when), append-only.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from heze_station.storage.types import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_document",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("verification_code", sa.String(length=20), nullable=False),
        sa.Column("issued_at", UtcDateTime(), nullable=False),
        sa.Column("issued_by_id", sa.Uuid(), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_file.id"], name=op.f("fk_issued_document_case_id_case_file")),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["staff_user.id"], name=op.f("fk_issued_document_issued_by_id_staff_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
    )
    op.create_index("ix_issued_document_case_id", "issued_document", ["case_id"])
    op.create_index("ix_issued_document_verification_code", "issued_document", ["verification_code"])
    # A document once issued is evidence: it is never rewritten or deleted, only superseded by a new one.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER issued_document_no_{verb.lower()} BEFORE {verb} ON issued_document "
            "BEGIN SELECT RAISE(ABORT, 'issued documents are never changed'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER issued_document_no_delete")
    op.execute("DROP TRIGGER issued_document_no_update")
    op.drop_index("ix_issued_document_verification_code", table_name="issued_document")
    op.drop_index("ix_issued_document_case_id", table_name="issued_document")
    op.drop_table("issued_document")
