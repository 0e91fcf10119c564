"""The first respondent's kind of employer kept on the case (case_file.first_employer_kind), as its respondents'
names are: the returns break the cases received down by it, and looking it up took two joins per case (a third of
reading a month's cases). A local column, like search_key: each device works it out, it does not sync.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (nullable, no default) changes no row; a batch copy would rewrite every case.
    kind = sa.Enum("company", "natural_person", name="employerkind", native_enum=False, length=32)
    op.add_column("case_file", sa.Column("first_employer_kind", kind, nullable=True))
    op.execute(
        "UPDATE case_file SET first_employer_kind = ("
        "SELECT employer.kind FROM case_respondent JOIN employer ON employer.id = case_respondent.employer_id "
        "WHERE case_respondent.case_id = case_file.id AND case_respondent.deleted_at IS NULL "
        "ORDER BY case_respondent.position LIMIT 1)"
    )


def downgrade() -> None:
    # SQLite's own DROP COLUMN: a batch copy of case_file would lose its trigger (0002).
    op.drop_column("case_file", "first_employer_kind")
